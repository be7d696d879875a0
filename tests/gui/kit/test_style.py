"""The application's style: Fusion, our palette and style sheet, set once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QPushButton

from branchguard.gui.kit import style


class StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.seen += 1
        return False


def test_applying_the_style_again_leaves_every_widget_as_it_is(qapp: QApplication, qtbot: Any) -> None:
    """Setting a style or a style sheet restyles every widget there is, even to the same values:
    with a window open that took 0.1-0.5 s, and `configure_app` runs again for every window."""
    style.apply(qapp)
    button = QPushButton("确定")
    qtbot.addWidget(button)
    button.show()
    changes = StyleChanges()
    button.installEventFilter(changes)

    style.apply(qapp)
    assert changes.seen == 0

    qapp.setStyleSheet("")  # something else changed it: applying puts ours back
    style.apply(qapp)
    assert qapp.styleSheet() == style.STYLESHEET
    assert changes.seen >= 1
