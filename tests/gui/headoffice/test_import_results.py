"""The import's results list each file in the order it was imported: a file refused for a gap that a
later file of the same choice filled reads "refused", then "imported", never the other way round."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from branchguard.gui.headoffice.models import FileOutcome
from branchguard.gui.headoffice.page import ImportResultsDialog


def test_results_keep_the_order_the_files_were_imported(app: QApplication, qtbot: Any) -> None:
    outcomes = [
        FileOutcome("a-2026-11.zip", False, "", "", "refused: starts at ledger entry 9"),
        FileOutcome("z-2026-10.zip", True, "B001", "2026-10", "imported: 3 records, 8 ledger entries"),
        FileOutcome("a-2026-11.zip", True, "B001", "2026-11", "imported: 2 records, 1 ledger entries"),
    ]
    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    assert dialog.model.rows() == outcomes
    shown = [dialog.table.model().index(row, 0).data() for row in range(3)]
    assert shown == ["a-2026-11.zip", "z-2026-10.zip", "a-2026-11.zip"]
