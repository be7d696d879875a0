"""A filter's combo box filled anew (its words in the current language), the chosen entry kept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, entries: Sequence[tuple[str, object]]) -> None:
    """`entries` as (text, data) in place of the combo's, at the same index (the first if none was
    chosen), without a change signal: a language switch is no new choice."""
    current = combo.currentIndex()
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(current, 0))
    combo.blockSignals(False)
