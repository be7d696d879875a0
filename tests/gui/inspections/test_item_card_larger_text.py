"""What "pass" means, on the runner's card, is never smaller than the text around it: set at 11 pt
for the usual 10 pt text, it stayed 11 pt at a 15 pt system font, the smallest line on the page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

from branchguard.gui.inspections.runner.item_card import ItemCard


@pytest.mark.parametrize(("body", "least"), [(10.0, 11.0), (15.0, 15.0)])
def test_the_pass_criterion_is_no_smaller_than_the_body(
    app: QApplication, qtbot: Any, body: float, least: float
) -> None:
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(body)
    app.setFont(font)
    try:
        card = ItemCard()
        qtbot.addWidget(card)
        assert QFontInfo(card.criterion.font()).pointSizeF() >= least
    finally:
        app.setFont(before)
