"""What the kit's tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


@pytest.fixture
def text_size(app: QApplication) -> Iterator[Callable[[float], None]]:
    """Sets the application font's size, as the system's text size does (the style sheet's header
    font keeps a font set on a table from its header)."""
    before = app.font()

    def _set(points: float) -> None:
        font = QFont(before)
        font.setPointSizeF(points)
        app.setFont(font)

    yield _set
    app.setFont(before)
