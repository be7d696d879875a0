"""Qt's own dialogs speak the window's language: standard buttons, the message box and Qt's file
dialog, whose labels "Look in" and "Files of type" Qt's own Chinese catalogue leaves in English
(our catalogue adds them, in the QFileDialog context)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QFileDialog, QLabel

_B = QDialogButtonBox.StandardButton
LATIN = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_qt_buttons_and_file_dialog_are_chinese(app: QApplication, qtbot: Any, tmp_path: Path) -> None:
    box = QDialogButtonBox(_B.Save | _B.Cancel | _B.Yes | _B.No | _B.Close)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "取消", "是(&Y)", "否(&N)", "关闭"])
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    english = [t for t in texts if LATIN.search(t.replace("(&", "").replace(str(tmp_path), ""))]
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert english == []
    dialog.done(0)


def test_english_window_keeps_qt_english(app: QApplication, qtbot: Any) -> None:
    box = QDialogButtonBox(_B.Cancel)
    qtbot.addWidget(box)
    assert box.button(_B.Cancel).text() == "Cancel"
