"""Head office's window calls a branch's figure what its command line and the branch's own dashboard
call it: the open hazards read 未整改隐患 in the window and 未验收隐患 in `ho branches` and on the
dashboard (a hazard counts until it is verified, not until it is rectified)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.core.kernel.i18n import Message, translate
from branchguard.gui.headoffice.models import BranchesModel


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_open_hazards_column_is_named_as_the_command_line_names_it(app: QApplication, lang: str) -> None:
    header = BranchesModel().headers()[BranchesModel.HAZARDS]  # `app` speaks `lang`
    assert header == translate(Message("ho.cli.hazards_open"), lang)
    assert header == translate(Message("dashboard.tile.hazards_open"), lang)
