"""PySide6 pin: 6.12.0 on Python 3.11 aborts ("none_dealloc") after about 5,200 void Qt calls."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version

VOID_CALLS = r"""
from PySide6.QtWidgets import QApplication, QLabel, QWidget

app = QApplication([])
widget = QWidget()
label = QLabel()
for i in range(10_000):  # two void calls per round: 20,000 in all
    widget.setEnabled(i % 2 == 0)
    label.setText(str(i))
print("done", label.text())
"""


def test_pinned_pyside6_is_6_11() -> None:
    for dist in ("PySide6-Essentials", "shiboken6"):  # Addons is not used (nor installed by make)
        assert version(dist).startswith("6.11."), f"{dist} {version(dist)}: keep PySide6 at 6.11.x"


def test_twenty_thousand_void_qt_calls_in_one_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["done", "9999"]
