"""A hazard's photos by the keyboard: Tab lands on them (the current one ringed), Enter and Space
open it in its viewer (a copy under its own name, as the plan's attachments open), the dialog left
open. Tab passed the strip by and no key opened a photo; Delete takes none off (a hazard's photos
and evidence are its record: no role removes them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.gui.hazards.detail import HazardDetailDialog
from tests.gui.hazards.hazard_support import open_detail
from tests.gui.incidents.incident_support import login
from tests.gui.test_fit import settle

ROUND = 60  # more stops than the dialog has


def png(colour: Qt.GlobalColor) -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


PHOTOS = {"消防通道堵塞.png": png(Qt.GlobalColor.red), "cleared exit.png": png(Qt.GlobalColor.green)}


@pytest.fixture
def detail(gui_ctx: AppContext, qtbot: Any) -> HazardDetailDialog:
    lead = login(gui_ctx, "lead")
    hazards = gui_ctx.services.hazards
    made = hazards.create(lead, HazardInput(description="Fire exit blocked by boxes", owner="李娜"))
    hazards.add_step_bytes(lead, made.info.id, RemediationKind.ACTION, "Boxes moved", list(PHOTOS.items()))
    dialog = open_detail(gui_ctx, qtbot, made.info.id)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.detail is not None and dialog.photo_strip.count() == len(PHOTOS))
    settle()
    return dialog


def tab_to(target: QWidget) -> bool:
    """Tab pressed from the focused widget until `target` has the focus (or a round is over)."""
    for _ in range(ROUND):
        if QApplication.focusWidget() is target:
            return True
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        settle()
    return False


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_tab_reaches_the_photos_and_enter_or_space_opens_one(
    detail: HazardDetailDialog, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    strip = detail.photo_strip
    assert tab_to(strip), "Tab never lands on the photos"
    assert strip.currentRow() == 0 and strip.accessibleName() == detail.photos.text()
    assert strip.property("role") == "photos"  # the focus ring on the current photo (style.py)
    QTest.keyClick(strip, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1)
    first = Path(opened[0].toLocalFile())
    assert first.name == "消防通道堵塞.png" and first.read_bytes() == PHOTOS[first.name]
    assert detail.isVisible()  # Enter opened the photo, and pressed no button of the dialog
    QTest.keyClick(strip, Qt.Key.Key_Right)
    QTest.keyClick(strip, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert Path(opened[1].toLocalFile()).name == "cleared exit.png"
    QTest.keyClick(strip, Qt.Key.Key_Delete)
    settle()
    assert strip.count() == len(PHOTOS) and len(strip.refs()) == len(PHOTOS)
