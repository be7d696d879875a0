"""Settings → Head-office library, a library whose checklist starts a plan that would have no
approved version here: the preview showed nothing wrong and Import then failed with advice the
branch cannot follow. Now the preview names the item, says a signed library is applied whole, and
offers no Import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.library_sync.service import LibraryService
from tests.core.library_sync.test_library import _naming_plan
from tests.gui.settings.test_library_settings import _panel, library_file  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


def test_the_preview_names_a_checklist_item_whose_plan_would_not_be_in_force(
    gui_ctx: AppContext,
    open_window: Any,
    library_file: tuple[Path, Path],  # noqa: F811
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zip_path, key = library_file
    proved = LibraryService.read
    monkeypatch.setattr(
        LibraryService,
        "read",
        lambda self, actor, path: _naming_plan(proved(self, actor, path), "HO_NEW", None),
    )
    panel = _panel(open_window("lead"))
    panel.trust(key)
    qtbot.waitUntil(lambda: len(panel.key.text().split()) == 4)
    panel.read_library(zip_path)
    qtbot.waitUntil(lambda: getattr(panel, "preview_dialog", None) is not None)
    dialog = panel.preview_dialog
    assert "applied whole or not at all" in dialog.note.text()
    assert not dialog.problems.isHidden()
    assert "the library's checklist HO_VAULT item 1 starts plan HO_NEW" in dialog.problems.text()
    assert "ask head office for a library that includes it" in dialog.problems.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
