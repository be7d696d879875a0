"""A dialog that saves on the GUI thread shows a fault of the machine (a locked or full database) on
its error line, in the command line's words, and stays open with what was typed; a bug still goes up."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy.exc import OperationalError

from branchguard.gui.early_warnings.dialogs import AddWarningDialog
from branchguard.gui.kit import tasks
from branchguard.gui.kit.forms import FieldForm, attempt
from branchguard.gui.shell.main_window import MainWindow

RAW = ("OperationalError", "sqlite3", "sqlalche.me", "Background on this error")


def _wrapped(text: str) -> OperationalError:
    return OperationalError("INSERT INTO early_warnings ...", {}, sqlite3.OperationalError(text))


@pytest.mark.parametrize("driver", ["database is locked", "database or disk is full"])
def test_a_warning_recorded_under_a_fault_shows_it_and_keeps_the_text(
    open_window: Callable[[str], MainWindow], qtbot, monkeypatch: pytest.MonkeyPatch, driver: str
) -> None:
    """Warnings → Record a warning received → OK under an outside lock: the exception escaped
    accept() and the crash handler said "BranchGuard met an unexpected error (OperationalError)"."""
    window = open_window("lead")
    dialog = AddWarningDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("暴雨红色预警")
    error = _wrapped(driver)

    def refused(*_args: object, **_kwargs: object) -> object:
        raise error

    monkeypatch.setattr(window.session.services.warnings, "add", refused)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    fault = window.session.ctx.explain(error)  # what the command line says for it
    assert fault is not None
    said = dialog.error.text()
    assert said == fault.text("en") and dialog.error.isVisibleTo(dialog)
    assert str(window.session.ctx.data_dir) in said and not any(raw in said for raw in RAW)
    assert dialog.isVisible() and dialog.added is None
    assert dialog.text.toPlainText() == "暴雨红色预警"


def test_attempt_lets_a_bug_go_up(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from branchguard.core.faults.types import FaultPlace

    monkeypatch.setattr(tasks, "_fault_place", FaultPlace("/data", "/data/branchguard.sqlite"))
    form, error = FieldForm(), QLabel()

    def bug() -> None:
        raise KeyError("not a fault")

    with pytest.raises(KeyError):
        attempt(form, error, bug)
    assert error.text() == ""
