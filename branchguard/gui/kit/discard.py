"""Typed text is never thrown away without asking: a dialog left with Esc, Cancel or its window's X
while its fields differ from what they held when it opened asks "Discard what you typed?" first.

Every dialog of the app gets this without doing anything: `install()` (configure_app calls it)
wraps QDialog's `open`, `exec` and `show`, so a dialog being opened gets a `DiscardGuard`, which
remembers its fields' contents. Esc, the X and Cancel all end in `QDialog::done(Rejected)` (through
`reject()`, also a subclass's own `reject()` once it calls the base), a virtual method: the guard
takes it over on the dialog itself (PySide looks up an object's own attributes for a C++ virtual
before its class's, tests/gui/kit/test_discard.py checks each way out). An accept passes untouched;
so does a reject while nothing changed, or of a dialog not shown. The question does not block:
the dialog stays, "Keep editing" is the default and what Esc on the question does, and "Discard"
finishes the reject that was asked for. A program's own reject() asks the same as the user's.

Not an application-wide event filter: a Python filter on the application is called for every
event of every widget. One that only returned False made building and showing a window of 600
labels and 600 line edits 1.61–1.81× slower (five interleaved runs, load 1–2, offscreen). The three
entry points are called only when a dialog opens.

A field whose text is not worth a question (a search filter) carries the property `discardable`;
so does a dialog with nothing to keep (the login). A dialog that knows better than its fields
whether it holds unsaved work (the playbook editor, with its undo stack) says so through
`unsaved_changes()`, and a `save_changes()` of its own adds "Save" to the question. A dialog that
saves in place and stays open calls `remember(dialog)` once saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

DISCARDABLE = "discardable"  # a widget property: its contents may go without a question
GUARD_NAME = "discard_guard"
QUESTION_NAME = "discard_question"
SAVE, DISCARD, KEEP = "discard_save", "discard_discard", "discard_keep"  # the question's buttons
REJECTED, ACCEPTED = 0, 1  # QDialog::Rejected, QDialog::Accepted
# Qt's own dialogs: a file name typed in a file dialog, a message box, are not the user's work.
_QT_DIALOGS = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog)
_MAX_ROWS, _MAX_COLUMNS = 500, 20  # an editable table in a dialog is a few rows; a bound all the same

Contents = dict[QWidget, Any]
_originals: dict[str, Callable[..., Any]] = {}  # QDialog's own open/exec/show, once install() wrapped them


def install() -> None:
    """Guard every dialog opened from now on (idempotent)."""
    if _originals:
        return
    for name in ("open", "exec", "show"):
        original = getattr(QDialog, name)
        _originals[name] = original
        setattr(QDialog, name, _guarded_opening(original))


def _guarded_opening(original: Callable[..., Any]) -> Callable[..., Any]:
    def opening(dialog: QDialog, *args: Any) -> Any:
        if not dialog.isVisible():  # show() on a dialog already up only raises it: its edits stay
            guard = guard_of(dialog) or _new_guard(dialog)
            if guard is not None:
                guard.remember()
        return original(dialog, *args)

    return opening


def _new_guard(dialog: QDialog) -> DiscardGuard | None:
    if isinstance(dialog, _QT_DIALOGS) or type(dialog).__module__.startswith("PySide6"):
        return None
    if dialog.property(DISCARDABLE):
        return None
    return DiscardGuard(dialog)


def guard_of(dialog: QDialog) -> DiscardGuard | None:
    # Qt's namespace not at import: app.py imports this module before the first frame (test_launcher)
    from PySide6.QtCore import Qt

    found = dialog.findChild(DiscardGuard, GUARD_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, DiscardGuard) else None


def remember(dialog: QDialog) -> None:
    """The dialog's fields now hold what is saved (it saved in place and stays open)."""
    guard = guard_of(dialog)
    if guard is not None:
        guard.remember()


def question(dialog: QDialog) -> QMessageBox | None:
    """The "Discard what you typed?" question the dialog shows, if it is asking."""
    guard = guard_of(dialog)
    return guard.question if guard is not None else None


# -- what the dialog holds ---------------------------------------------------------------------
def contents(dialog: QDialog) -> Contents:
    """Every field of the dialog (not of a dialog inside it) a user types into or ticks, with what it
    holds: text, a spin box's value or a date, a tick; the typed cells and ticks of editable tables."""
    found: Contents = {}
    for widget in dialog.findChildren(QWidget):
        if widget.window() is not dialog or widget.property(DISCARDABLE):
            continue
        value = _value(widget)
        if value is not None:
            found[widget] = value
    return found


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        inside = widget.parentWidget()
        if isinstance(inside, QAbstractSpinBox | QComboBox):  # their own text is read off them
            return None
        if widget.isReadOnly() or widget.echoMode() != QLineEdit.EchoMode.Normal:  # passwords
            return None
        return ("text", widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else ("text", widget.toPlainText())
    if isinstance(widget, QComboBox):
        return ("text", widget.currentText()) if widget.isEditable() else None
    if isinstance(widget, QAbstractSpinBox):
        if widget.isReadOnly():
            return None
        # Their values, not their text: a spin box's text is empty until it is first shown.
        if isinstance(widget, QDateTimeEdit):
            return ("value", widget.dateTime())
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            return ("value", widget.value())
        return ("value", widget.text())
    if isinstance(widget, QCheckBox | QRadioButton):
        return ("value", widget.checkState() if isinstance(widget, QCheckBox) else widget.isChecked())
    if isinstance(widget, QGroupBox):
        return ("value", widget.isChecked()) if widget.isCheckable() else None
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        return ("cells", tuple(_cells(widget)))
    return None


def _cells(view: QAbstractItemView) -> Iterator[tuple[int, int, Any]]:
    """What a user typed or ticked in a table they may edit: its filled editable cells (a row added
    and left empty changes nothing) and its ticks. A read-only list is not read at all."""
    from PySide6.QtCore import Qt

    model = view.model()
    if model is None or view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        return
    flag, role = Qt.ItemFlag, Qt.ItemDataRole
    for row in range(min(model.rowCount(), _MAX_ROWS)):
        # hasIndex, not columnCount: a list model's columnCount is not callable from Python
        for column in range(_MAX_COLUMNS):
            if not model.hasIndex(row, column):
                break
            index = model.index(row, column)
            flags = model.flags(index)
            ticked = model.data(index, role.CheckStateRole) if flags & flag.ItemIsUserCheckable else None
            if ticked is not None:
                yield row, column, ticked
            if flags & flag.ItemIsEditable:
                text = model.data(index, role.EditRole)
                if text not in (None, ""):
                    yield row, column, str(text)


def changed(before: Contents, now: Contents) -> bool:
    """A field that holds something else now, or a field made since that holds text."""
    for widget, value in now.items():
        if widget in before:
            if before[widget] != value:
                return True
        elif (value[0] == "text" and value[1].strip()) or (value[0] == "cells" and value[1]):
            return True
    return False


# -- the guard -----------------------------------------------------------------------------------
class DiscardGuard(QObject):
    """Installed on a dialog as it opens (see the module's docstring): asks before a reject throws
    changed fields away."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName(GUARD_NAME)
        self._before: Contents = {}
        self.question: QMessageBox | None = None
        # The dialog's done(), for Qt's calls (Esc, the X, Cancel, accept) as for Python's.
        dialog.done = self._done  # type: ignore[method-assign]

    def dialog(self) -> QDialog:
        dialog = self.parent()
        assert isinstance(dialog, QDialog)
        return dialog

    def remember(self) -> None:
        self._before = contents(self.dialog())

    def unsaved(self) -> bool:
        dialog = self.dialog()
        own = getattr(dialog, "unsaved_changes", None)
        if callable(own):
            return bool(own())
        return changed(self._before, contents(dialog))

    def _done(self, result: int) -> None:
        dialog = self.dialog()
        if getattr(result, "value", result) != REJECTED or not dialog.isVisible() or not self.unsaved():
            self._finish(result)
        elif self.question is None:
            self.ask()

    def _finish(self, result: int) -> None:
        dialog = self.dialog()
        type(dialog).done(dialog, result)  # the class's own done(), Qt's unless it has one

    def ask(self) -> QMessageBox:
        dialog = self.dialog()
        box = QMessageBox(dialog)
        box.setObjectName(QUESTION_NAME)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Discard what you typed?"))
        box.setInformativeText(self.tr("It is not saved yet: closing the window throws it away."))
        if callable(getattr(dialog, "save_changes", None)):
            box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole).setObjectName(SAVE)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole).setObjectName(DISCARD)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName(KEEP)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _result: self._answered(box))
        self.question = box
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        self.question = None
        clicked = box.clickedButton()
        answer = clicked.objectName() if isinstance(clicked, QAbstractButton) else KEEP
        box.deleteLater()
        if answer == DISCARD:
            self._finish(REJECTED)
        elif answer == SAVE and self.dialog().save_changes():  # type: ignore[attr-defined]
            self._finish(ACCEPTED)
