"""Qt's own dialogs (file dialog, standard buttons) speak the window's language: the window installs
qtbase_zh_CN from PySide6's translations beside its own (issue #17 found the file dialog in English)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from branchguard.gui.kit import translation


@pytest.fixture
def chinese_then_back(qapp: QApplication) -> Iterator[None]:
    try:
        translation.install("zh_CN")
        yield
    finally:
        translation.install("zh_CN")


def test_standard_buttons_and_the_file_dialog_are_chinese_then_english(chinese_then_back, qtbot) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on this platform
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("查找范围" in text for text in labels), labels
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"

    translation.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


class _Heard(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


def test_installing_the_language_installed_already_sends_no_language_change(chinese_then_back, qtbot) -> None:
    """Every open window re-translates and re-reads its page on a LanguageChange: installing the
    same language again (a settings save, each test's app set-up) must not send one."""
    window = _Heard()
    qtbot.addWidget(window)
    translation.install("zh_CN")
    QCoreApplication.processEvents()
    assert window.changes == 0
    translation.install("en")
    qtbot.waitUntil(lambda: window.changes > 0)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
