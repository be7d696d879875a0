"""A form layout whose fields show their own validation message right under the input."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.gui.kit.style import error_label

T = TypeVar("T")


def spoken(label: str) -> str:
    """A field's label as a screen reader should say it: without the mnemonic's "&" ("&&" is a
    literal one) and the colon. Qt takes a field's accessible name from a buddy label only when the
    two are siblings; FieldForm puts each field in a holder with its error line, so it names them."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":：").strip()


class _Caption(QLabel):
    """A field's label, its buddy, that also gives the field its accessible name, again whenever
    its text is set (a language switch retranslates it); and the widget the field hands the focus
    to, if any (a line of names with its roster button: Tab lands in the line, which said nothing)."""

    def __init__(self, field: QWidget, text: str) -> None:
        super().__init__()
        self.setBuddy(field)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        field: QWidget | None = self.buddy()
        while field is not None:
            field.setAccessibleName(spoken(text))
            field = field.focusProxy()


class FieldForm(QFormLayout):
    """Rows of label + input + (hidden) error line, keyed by the service's field key.

    `core_field` is the field key the services name in ValidationError (e.g. "field.username"),
    so an error raised below the GUI lands next to the input it is about, matched by key, never
    by its translated label.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setVerticalSpacing(6)
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._core: dict[str, str] = {}

    def add_field(self, key: str, label: str, widget: QWidget, core_field: str = "") -> QLabel:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = error_label(f"error_{key}")
        box.addWidget(error)
        caption = _Caption(widget, label)
        self.addRow(caption, holder)
        widget.setObjectName(key)
        self._inputs[key] = widget
        self._errors[key] = error
        self._labels[key] = caption
        self._core[key] = core_field
        return caption

    def set_label(self, key: str, text: str) -> None:
        self._labels[key].setText(text)

    def set_error(self, key: str, message: str) -> None:
        label = self._errors[key]
        label.setText(message)
        label.show()
        widget = self._inputs[key]
        widget.setProperty("invalid", True)
        widget.style().polish(widget)
        widget.setFocus()
        make_room(widget)

    def clear_errors(self) -> None:
        for key, label in self._errors.items():
            label.clear()
            label.hide()
            widget = self._inputs[key]
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.style().polish(widget)

    def show_validation(self, error: ValidationError) -> bool:
        """Put the error next to its field; False when no field of this form matches."""
        for key, core in self._core.items():
            if core and error.is_about(core):
                self.set_error(key, error.reason)
                return True
        return False

    def error_text(self, key: str) -> str:
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""


def attempt(form: FieldForm, error: QLabel, call: Callable[[], T]) -> T | None:
    """Run a dialog's service call: its result, or None once the refusal is shown, next to its
    field when the form has one, else on the dialog's error line. A fault (a locked, full or
    read-only database, another PC's change of the same record saved first) is shown there too, in
    the command line's words; the dialog stays open with what was typed. Any other exception is a
    bug and goes up."""
    form.clear_errors()
    error.hide()
    try:
        return call()
    except ValidationError as exc:
        if form.show_validation(exc):
            return None
        said = exc.message
    except BranchGuardError as exc:
        said = exc.message
    except Exception as exc:
        words = fault_words(exc)
        if words is None:
            raise
        said = words
    error.setText(said)
    error.show()
    make_room(error)
    return None


def fault_words(exc: Exception) -> str | None:
    """What a dialog says of an exception from its service call that is a fault (a locked, full or
    read-only database; another PC's change of the same record saved first), in the command line's
    words (core/faults), logged; None when it is none: a bug, which the caller lets go up."""
    from branchguard.gui.kit.tasks import explain_fault

    fault = explain_fault(exc)
    if fault is None:
        return None
    import logging

    logging.getLogger(__name__).warning("dialog: %s", fault.text("en"))
    return fault.message


def make_room(widget: QWidget) -> None:
    """A dialog grows to take the error line just shown (`widget`'s, or beside it), within the
    screen: it kept its height, and its layout squeezed the input above the line to half its
    height, unreadable, or cut the line's second line (at 15 pt, a refusal in the skip dialog)."""
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or not window.isVisible() or layout is None:
        return
    from branchguard.gui.kit.screen import room

    layout.activate()
    # A wrapped line's height at the dialog's width, not at its size hint's: a long refusal's last
    # line was cut off (a major hazard's milestones named under its reason field).
    needed = window.sizeHint().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(window.width()))
    wanted = min(needed, room(window).height())
    if window.height() < wanted:
        window.resize(window.width(), wanted)
