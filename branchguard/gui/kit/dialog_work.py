"""A dialog's read as it opens and its save as it accepts, off the GUI thread (a statement on a
shared PostgreSQL database can take 200 ms and more):

    self.work = DialogWork(self, self.form, self.error, self.buttons)
    box.addWidget(self.work.note)                      # "Reading…" / "Saving…" while under way
    self.work.read(lambda: policies.policy(actor), self._fill)

    def accept(self) -> None:
        data = self.form_values()                      # read from the widgets here
        self.work.save(lambda: hazards.set_policy(actor, data), self._saved)

- `read` goes through a `Loader` (gui/kit/loader.py): OK (the accepting buttons given) stays
  disabled until the data is in; a failed read is said on the error line and OK stays disabled;
- `save` runs on the shared one-thread writer (gui/kit/writer.py): in the order asked, and
  finished even when the window quits. Meanwhile every given button is disabled, the dialog's
  inputs are held (gui/kit/held_inputs.py: what is typed or chosen after OK would not be saved)
  and Esc and the window's close button are held, so the dialog stays open until the write is
  stored; a second OK saves nothing (`save` answers False). `saved(result)` runs on the GUI thread
  once stored, the inputs given back as they were;
- a refusal is shown as `attempt` (gui/kit/forms.py) shows it: next to its field when the form has
  it, else on the error line; a fault (a locked, full or read-only database, a lost connection) in
  the command line's words. The dialog stays open with everything typed. `refused(exc)` may take a
  BranchGuardError first (answering True when it showed it itself).

A dialog deleted before its answer arrives is left alone. A form that saves a whole record over
what it was opened with reads the record as it is now in the same call when the save is refused
as stale (`stored_or_as_now`, an `AsNow` for `saved`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
)

from branchguard.core.kernel.errors import BranchGuardError, StaleRecord, ValidationError
from branchguard.gui.kit import discard
from branchguard.gui.kit.forms import FieldForm, make_room
from branchguard.gui.kit.held_inputs import HeldInputs
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.writer import writer

T = TypeVar("T")
_ACCEPTING = (
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.ApplyRole,
)


@dataclass(frozen=True)
class AsNow:
    """A save refused as stale (`refused`), with the record as it is now (`record`, read at once,
    off the GUI thread too; None when there is no reread); `error` when that read failed."""

    refused: StaleRecord
    record: Any = None
    error: str = ""


def stored_or_as_now(save: Callable[[], T], reread: Callable[[], Any] | None) -> T | AsNow:
    """`save()`, or when it is refused as stale the record as it is now (`reread()`): both off the
    GUI thread, in one call of `DialogWork.save`."""
    try:
        return save()
    except StaleRecord as exc:
        if reread is None:
            return AsNow(exc)
        try:
            return AsNow(exc, reread())
        except BranchGuardError as gone:  # removed meanwhile: said instead
            return AsNow(exc, error=gone.message)


class _Stored:
    """A write's result, told apart from a refusal brought back whole."""

    def __init__(self, value: object) -> None:
        self.value = value


class DialogWork(QObject):
    """One per dialog: its reads (newest shown) and its one save at a time. `changed` whenever it
    starts or ends either (a dialog that enables more than its buttons follows `ready()`)."""

    changed = Signal()

    def __init__(
        self,
        dialog: QDialog,
        form: FieldForm | None,
        error: QLabel,
        *buttons: QDialogButtonBox | QAbstractButton,
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._form = form
        self._error = error
        self._buttons = buttons
        self._saving = False
        self._held = HeldInputs(self)  # while saving
        self._read_ok = True  # no read asked for, or the last one came in
        self.loader = Loader(self, on_error=self._read_failed)
        self.note = QLabel()
        self.note.setObjectName("dialog_work_note")
        self.note.setProperty("role", "hint")
        self.note.hide()
        dialog.installEventFilter(self)

    # -- state ---------------------------------------------------------------------------------
    def saving(self) -> bool:
        return self._saving

    def reading(self) -> bool:
        return self.loader.busy()

    def ready(self) -> bool:
        """The data is in and no save is under way: OK may be pressed."""
        return self._read_ok and not self.loader.busy() and not self._saving

    def _accepting(self) -> list[QAbstractButton]:
        found: list[QAbstractButton] = []
        for holder in self._buttons:
            if isinstance(holder, QDialogButtonBox):
                found += [b for b in holder.buttons() if holder.buttonRole(b) in _ACCEPTING]
            else:
                found.append(holder)
        return found

    def _all(self) -> list[QAbstractButton]:
        found: list[QAbstractButton] = []
        for holder in self._buttons:
            found += holder.buttons() if isinstance(holder, QDialogButtonBox) else [holder]
        return found

    def _settle(self) -> None:
        """Buttons and note as the state says."""
        for button in self._all():
            button.setEnabled(not self._saving)
        for button in self._accepting():
            button.setEnabled(self.ready())
        if self._saving:
            self.note.setText(QCoreApplication.translate("DialogWork", "Saving…"))
        elif self.loader.busy():
            self.note.setText(QCoreApplication.translate("DialogWork", "Reading…"))
        self.note.setVisible(self._saving or self.loader.busy())
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While a save is under way the dialog stays: Esc and its close button wait for it."""
        if watched is self._dialog and self._saving:
            if event.type() == QEvent.Type.Close:
                event.ignore()
                return True
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return event.key() == Qt.Key.Key_Escape
        return False

    # -- reading -------------------------------------------------------------------------------
    def read(self, load: Callable[[], T], apply: Callable[[T], None], *, fills: bool = False) -> None:
        """`load()` off the GUI thread (Qt-free, values taken beforehand), then `apply(data)` here.
        `fills`: `apply` fills the fields, which then hold what is stored (Esc asks nothing)."""
        self._read_ok = False

        def arrived(data: T) -> None:
            self._read_ok = True
            apply(data)
            if fills:
                discard.remember(self._dialog)
            self._settle()

        self.loader.run(load, arrived)
        self._settle()

    def _read_failed(self, message: str) -> None:
        self._say(message)
        self._settle()

    # -- saving --------------------------------------------------------------------------------
    def save(
        self,
        call: Callable[[], T],
        saved: Callable[[T], Any],
        refused: Callable[[BranchGuardError], bool] | None = None,
    ) -> bool:
        """Write with `call()` off the GUI thread; False (nothing started) while a save is under way
        or the data is not in yet."""
        if not self.ready():
            return False
        if self._form is not None:
            self._form.clear_errors()
        self._error.hide()
        self._saving = True
        self._held.hold(self._dialog, self._all())
        self._settle()

        def work() -> _Stored | BranchGuardError:
            try:
                return _Stored(call())
            except BranchGuardError as exc:  # brought back whole: its field key, its kind
                return exc

        me = self
        writer().submit(
            work,
            on_done=lambda result: _report(me, lambda: me._done(result, saved, refused)),
            on_error=lambda message: _report(me, lambda: me._failed(message)),
        )
        return True

    def _end_save(self) -> None:
        """The inputs given back before the buttons settle (a dialog following `changed` has the
        last word), the focus once OK takes it again."""
        self._saving = False
        self._held.release()
        self._settle()
        self._held.refocus()

    def _done(
        self,
        result: _Stored | BranchGuardError,
        saved: Callable[[Any], Any],
        refused: Callable[[BranchGuardError], bool] | None,
    ) -> None:
        self._end_save()
        if isinstance(result, _Stored):
            saved(result.value)
        elif refused is None or not refused(result):
            self.show_refusal(result)

    def _failed(self, message: str) -> None:
        """A fault in the command line's words (gui/kit/tasks.py), or a bug as "<type>: <text>"."""
        self._end_save()
        self._say(message)

    def show_refusal(self, exc: BranchGuardError) -> None:
        if isinstance(exc, ValidationError) and self._form is not None and self._form.show_validation(exc):
            return
        self._say(exc.message)

    def _say(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))
        if message:
            make_room(self._error)


def _report(work: DialogWork, then: Callable[[], None]) -> None:
    """An answer for a dialog that may be gone (its window closed meanwhile): then nothing shows."""
    if shiboken6.isValid(work) and shiboken6.isValid(work._dialog):
        then()

