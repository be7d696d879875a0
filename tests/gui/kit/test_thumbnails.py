"""Photo thumbnails are decoded at the thumbnail's size, never at the photo's: a full decode
(QImage.fromData) holds the interpreter, and the window stalled 30-45 ms for each 6-megapixel
photo an incident or an inspection item showed (56-85 ms attaching one at ten years)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.gui.incidents.console.side_panel import THUMB, AttachmentsBox
from branchguard.gui.inspections.runner.photos import PhotoStrip
from branchguard.gui.kit.thumbnails import thumbnail
from tests.gui.incidents.incident_support import login, session_for


@pytest.fixture
def jpeg(tmp_path: Path) -> Path:
    photo = tmp_path / "现场.jpg"
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#C62828"))
    assert image.save(str(photo), quality=90)
    return photo


@pytest.fixture
def full_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each picture decoded whole (QImage.fromData), by its size in bytes."""
    made: list[int] = []
    whole = QImage.fromData

    def counted(data: Any, *args: Any) -> QImage:
        made.append(len(data))
        return whole(data, *args)

    monkeypatch.setattr(QImage, "fromData", staticmethod(counted))
    return made


def test_a_thumbnail_is_the_photo_at_its_size(jpeg: Path, full_decodes: list[int]) -> None:
    image = thumbnail(jpeg.read_bytes(), THUMB)
    assert image is not None and (image.width(), image.height()) == (THUMB, THUMB * 3 // 4)
    assert image.pixelColor(THUMB // 2, 20).red() > 180  # the photo, not an empty image
    assert thumbnail(b"not a picture", THUMB) is None
    assert full_decodes == []


def test_the_console_and_the_photo_strip_never_decode_a_photo_whole(
    gui_ctx: Any, qtbot: Any, jpeg: Path, full_decodes: list[int]
) -> None:
    incidents, lead = gui_ctx.services.incidents, login(gui_ctx, "lead")
    fire = incidents.start(lead, "FIRE").id
    entry = incidents.attach(lead, fire, jpeg)
    sha = str(entry.data["sha256"])
    box = AttachmentsBox(session_for(gui_ctx, "lead"))
    qtbot.addWidget(box)
    box.set_entries([entry])  # its thumbnails read inline here (tests run tasks inline)
    strip = PhotoStrip("photos", lambda _sha: jpeg.read_bytes())
    qtbot.addWidget(strip)
    strip.set_refs([AttachmentRef(jpeg.name, sha, jpeg.stat().st_size, "image/jpeg")])
    assert box.has_thumbnail(sha) and strip.has_thumbnail(sha)
    assert full_decodes == []
