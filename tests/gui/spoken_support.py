"""What a screen reader says for a control: Qt's accessible name (its own, its label's as buddy, a
button's text), as tests/gui/test_spoken_names.py checks it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFormLayout, QWidget

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3400-\u9fff]")


def spoken_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name) if face is not None else ""


def tab_stops(root: QWidget) -> Iterator[QWidget]:
    """The controls of `root` that Tab reaches now: shown, enabled, taking the focus by Tab."""
    for widget in root.findChildren(QWidget):
        tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tab and widget.isVisibleTo(root) and widget.isEnabled() and widget.focusProxy() is None:
            yield widget


def unnamed(root: QWidget, where: str, lang: str) -> list[str]:
    """The tab stops of `root` a screen reader names with nothing, or (in Chinese) in English only."""
    found = []
    for widget in tab_stops(root):
        name = spoken_name(widget).strip()
        english = lang == "zh_CN" and ENGLISH_WORD.search(name) and not CJK.search(name)
        if not name or english:
            found.append(f"{where}: {type(widget).__name__}({widget.objectName()}) says {name!r}")
    return found


def form_fields(root: QWidget) -> Iterator[QWidget]:
    """The Tab stops inside the fields of every form layout of `root` (a form row's input, or the
    widgets of a row holding more than one)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is None or not field.isVisibleTo(root):
                continue
            tab = field.focusPolicy() & Qt.FocusPolicy.TabFocus
            if tab and field.isEnabled() and field.focusProxy() is None:
                yield field
            yield from tab_stops(field)
