"""A dialog's inputs held while its save is under way (gui/kit/dialog_work.py): what is typed,
picked, ticked or selected after OK would not be in the save, and the dialog closes once it is
stored (or, refused, would show what was not refused).

Text fields and date, time and number fields turn read-only: they look the same and are read out as
before. What Qt gives no read-only is disabled: combo boxes, check and radio boxes, checkable group
boxes, the dialog's other buttons (a row added, a photo attached), sliders, and the lists and tables
a user selects or edits in (a list only shown, selecting nothing, still scrolls). A disabled control
is read out with its value, as unavailable.

`release()` gives each back as it was: a field read-only before stays so, and a control the dialog
had disabled (by role, by a tick beside it) stays disabled: only what this held is given back.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import Qt
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


class HeldInputs:
    """The inputs of one dialog held by `hold`, until `release`."""

    def __init__(self) -> None:
        self._read_only: list[ReadOnly] = []
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None

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
                widget.setEnabled(False)  # its own flag: a disabled parent's does not count
                self._disabled.append(widget)

    def release(self) -> None:
        for field in self._read_only:
            if shiboken6.isValid(field):
                field.setReadOnly(False)
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        self._read_only, self._disabled = [], []

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
