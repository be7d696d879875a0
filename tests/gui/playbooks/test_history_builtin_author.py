"""A plan's history names who made and approved the starter library's versions as the playbook
card and the CLI do ("BranchGuard 内置预案库" / "BranchGuard starter library"), not by the login
"system"; a person's version by their name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import t
from branchguard.core.playbooks.text import status_text
from branchguard.gui.playbooks.history import PlaybookHistoryDialog
from branchguard.gui.playbooks.models import VersionsModel
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS


@pytest.mark.parametrize(
    ("lang", "builtin"), [("zh_CN", "BranchGuard 内置预案库"), ("en", "BranchGuard starter library")]
)
def test_the_starter_librarys_versions_are_the_librarys_not_systems(
    gui_ctx: AppContext, qtbot: Any, builtin: str
) -> None:
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    playbooks = gui_ctx.services.playbooks
    current = playbooks.get(lead, "FIRE")
    title = replace(current.content.title, zh=current.content.title.zh + "（修订）")
    playbooks.save_draft(lead, "FIRE", replace(current.content, title=title))  # a version of a person's
    dialog = PlaybookHistoryDialog(GuiSession(gui_ctx, lead), "FIRE")
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2
    draft, starter = 0, 1
    cell = lambda row, column: model.index(row, column).data()  # noqa: E731
    assert cell(starter, VersionsModel.COL_CREATED_BY) == builtin
    assert cell(starter, VersionsModel.COL_APPROVED_BY) == builtin
    assert builtin == t("report.playbook.builtin_approver")  # the words of the card and the CLI
    assert builtin in status_text(model.row_at(starter))
    name = gui_ctx.services.auth.names(lead)("lead")
    qtbot.waitUntil(lambda: cell(draft, VersionsModel.COL_CREATED_BY) == name)
    assert name not in ("lead", builtin) and cell(draft, VersionsModel.COL_APPROVED_BY) == ""
    assert "system" not in {cell(r, c) for r in range(2) for c in range(model.columnCount())}
