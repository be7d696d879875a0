"""One print preview of a report per window: a double click on Preview / Print… brings the open one
forward instead of building the report (and writing its anchor) a second time."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from reportlab.pdfgen.canvas import Canvas

from branchguard.gui.kit.print_preview import PreviewDialog, preview_report

# The open preview is brought forward, which the offscreen platform cannot do.
QUIET = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)


class ReportButton(QWidget):
    """A page's Preview / Print… button: every click asks for the preview of its report."""

    def __init__(self, file_name: str) -> None:
        super().__init__()
        self.builds: list[int] = []  # one per report built: each writes an anchor
        self.shown: list[PreviewDialog] = []
        self.button = QPushButton("Preview / Print…", self)
        self.button.clicked.connect(
            lambda: self.shown.append(
                preview_report(self.button, "Register", self.build, file_name=file_name)
            )
        )
        QVBoxLayout(self).addWidget(self.button)

    def build(self, out: Path, _note: Any) -> str:
        self.builds.append(threading.get_ident())
        canvas = Canvas(str(out))
        canvas.drawString(60, 380, "page 1")
        canvas.showPage()
        canvas.save()
        return ""


@QUIET
def test_a_double_click_opens_one_preview_and_builds_the_report_once(
    app: Any, qtbot: Any, pool_tasks: Any
) -> None:
    page = ReportButton("register.pdf")
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    first = page.shown[0]
    qtbot.waitUntil(lambda: first.page_count == 1)
    assert page.findChildren(PreviewDialog) == [first]
    assert page.shown == [first, first] and first.isVisible()
    assert len(page.builds) == 1 and pool_tasks.gui_thread not in page.builds

    first.close()  # closed, the next click opens a new one
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    again = page.shown[-1]
    qtbot.addWidget(again)
    assert again is not first
    qtbot.waitUntil(lambda: again.page_count == 1)
    assert len(page.builds) == 2


def test_another_report_or_another_window_has_a_preview_of_its_own(
    app: Any, qtbot: Any, pool_tasks: Any
) -> None:
    one, other = ReportButton("register.pdf"), ReportButton("register.pdf")
    qtbot.addWidget(one)
    qtbot.addWidget(other)
    first = preview_report(one.button, "Register", one.build, file_name="register.pdf")
    second = preview_report(one.button, "Register", one.build, file_name="register-2026.pdf")
    third = preview_report(other.button, "Register", other.build, file_name="register.pdf")
    assert len({id(first), id(second), id(third)}) == 3
    qtbot.waitUntil(lambda: all(d.page_count == 1 for d in (first, second, third)))
    for dialog in (first, second, third):
        dialog.close()
