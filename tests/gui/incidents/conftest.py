"""What the incident console's tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


@pytest.fixture
def text_points(app: QApplication) -> Iterator[Callable[[float], None]]:
    """Sets the application font's size (0: as it was), as a system text size gives it."""
    before = app.font()

    def _set(points: float) -> None:
        font = QFont(before)
        if points:
            font.setPointSizeF(points)
        app.setFont(font)

    yield _set
    app.setFont(before)
