"""A setting the role may not change stays in view, its buttons disabled, with a line that says who
may change it, as the Branch tab's note does: a disabled button alone said nothing, and Tab passes
it by. The panel words the line in its retranslate()."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def lead_only_note(name: str, allowed: bool) -> QLabel:
    """The hint line `name`, hidden for a role that is `allowed`."""
    note = QLabel()
    note.setObjectName(name)
    note.setProperty("role", "hint")
    note.setWordWrap(True)
    if allowed:
        note.hide()  # never show() a label without a parent: it would be a window of its own
    return note
