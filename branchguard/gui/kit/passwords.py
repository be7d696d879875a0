"""Password inputs: a line that hides what is typed, and the check that a new password was typed
the same twice (the first run, an account added or reset, one's own changed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from branchguard.gui.kit.forms import FieldForm


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def typed_twice(form: FieldForm, password: QLineEdit, repeat: QLineEdit) -> bool:
    """Whether `repeat` says what `password` says; if not, the form says so under its field
    "password_repeat"."""
    if password.text() == repeat.text():
        return True
    differ = QCoreApplication.translate("Passwords", "The two passwords are not the same.")
    form.set_error("password_repeat", differ)
    return False
