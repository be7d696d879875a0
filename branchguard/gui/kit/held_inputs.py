"""A dialog's inputs held while its save is under way (gui/kit/dialog_work.py): what is typed,
picked, ticked or selected after OK would not be in the save, and the dialog closes once it is
stored (or, refused, would show what was not refused).

Text fields and date, time and number fields turn read-only: they look the same and are read out as
before. What Qt gives no read-only takes no input from then on: combo boxes, check and radio boxes,
checkable group boxes, the dialog's other buttons (a row added, a photo attached), sliders, and the
lists and tables a user selects or edits in (a list only shown, selecting nothing, still scrolls).
They are greyed (disabled: read out with their value, as unavailable) only once a save has run for
GREY_AFTER_MS: a save on SQLite takes milliseconds, and greying every choice for a frame made the
hazard detail and the playbook editor flash on each save; a slow server's save shows them held.

`release()` gives each back as it was: a field read-only before stays so, and a control the dialog
had disabled (by role, by a tick beside it) stays disabled: only what this held is given back.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

_READ_ONLY = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)  # what has setReadOnly
ReadOnly = QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox
GREY_AFTER_MS = 300  # a save still under way by then shows its held choices greyed
_T = QEvent.Type
_INPUT = frozenset({
    _T.MouseButtonPress, _T.MouseButtonRelease, _T.MouseButtonDblClick, _T.Wheel, _T.KeyPress,
    _T.KeyRelease, _T.Shortcut, _T.ContextMenu, _T.DragEnter, _T.DragMove, _T.Drop,
})  # fmt: skip


class HeldInputs(QObject):
    """The inputs of one dialog held by `hold`, until `release`."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._read_only: list[ReadOnly] = []
        self._held: list[QWidget] = []  # the choices: no input, then greyed
        self._blocked: list[QWidget] = []  # their input swallowed (an item view's viewport with it)
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None
        self._grey = QTimer(self)
        self._grey.setSingleShot(True)
        self._grey.timeout.connect(self._grey_out)

    def hold(self, dialog: QDialog, spared: Iterable[QWidget] = ()) -> None:
        """Hold the inputs of `dialog` (not of a dialog or pop-up of its own), but for `spared` (the
        buttons its DialogWork enables itself)."""
        spared = list(spared)
        self._focus = dialog.focusWidget()
        for widget in dialog.findChildren(QWidget):
            if widget.window() is not dialog or any(widget is other for other in spared):
                continue
            if isinstance(widget, _READ_ONLY):
                if not _inner(widget) and not widget.isReadOnly():
                    widget.setReadOnly(True)
                    self._read_only.append(widget)
            elif _chosen(widget) and not widget.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled):
                # its own flag: a disabled parent's does not count
                targets = [widget, widget.viewport()] if isinstance(widget, QAbstractItemView) else [widget]
                for target in targets:
                    target.installEventFilter(self)
                self._held.append(widget)
                self._blocked += targets
        self._grey.start(GREY_AFTER_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A held choice takes no click, key or wheel; Tab and Backtab still move the focus on."""
        if event.type() not in _INPUT:
            return False
        keys = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        return not (isinstance(event, QKeyEvent) and event.key() in keys)

    def _grey_out(self) -> None:
        """The save still runs: its held choices shown so (the focus, sent on by Qt, comes back)."""
        self._disabled = [w for w in self._held if shiboken6.isValid(w)]
        for widget in self._disabled:
            widget.setEnabled(False)

    def release(self) -> None:
        self._grey.stop()
        for field in self._read_only:
            if shiboken6.isValid(field):
                field.setReadOnly(False)
        for widget in self._blocked:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        self._read_only, self._held, self._blocked, self._disabled = [], [], [], []

    def refocus(self) -> None:
        """The focus back on the control that had it as the save began, when a control disabled
        meanwhile (OK, a combo box) sent it on and that control takes it again."""
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isEnabled() and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)


def _inner(field: ReadOnly) -> bool:
    """The line edit inside a spin box or a combo box: held with it."""
    return isinstance(field, QLineEdit) and isinstance(field.parentWidget(), QAbstractSpinBox | QComboBox)


def _chosen(widget: QWidget) -> bool:
    """A control a user chooses with that has no read-only."""
    if isinstance(widget, QComboBox):
        return True
    if isinstance(widget, QAbstractButton):  # not a tab bar's arrows, a line edit's clear button
        return not isinstance(widget.parentWidget(), QTabBar | QLineEdit)
    if isinstance(widget, QGroupBox):
        return widget.isCheckable()
    if isinstance(widget, QAbstractSlider):
        return not isinstance(widget, QScrollBar)
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        selects = widget.selectionMode() != QAbstractItemView.SelectionMode.NoSelection
        return selects or widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    return False
