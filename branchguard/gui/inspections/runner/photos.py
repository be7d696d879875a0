"""A strip of photo thumbnails (an item's photos, a hazard's evidence), read off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from branchguard.core.kernel.attachments import AttachmentRef, format_size
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.thumbnails import thumbnail

THUMB = 72


class PhotoStrip(QListWidget):
    """Shows `refs` as thumbnails; `read(sha256)` returns a file's bytes (a service call)."""

    def __init__(self, object_name: str, read: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._read = read
        self._thumbs: dict[str, QPixmap] = {}
        self._refs: tuple[AttachmentRef, ...] = ()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setFixedHeight(THUMB + 44)
        self.setMovement(QListView.Movement.Static)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the runner's keys stay with the checklist
        self.hide()  # until there is a photo to show

    def refs(self) -> tuple[AttachmentRef, ...]:
        return self._refs

    def set_refs(self, refs: Sequence[AttachmentRef]) -> None:
        refs = tuple(refs)
        if refs == self._refs:
            return
        self._refs = refs
        self.clear()
        for ref in refs:
            item = QListWidgetItem(self._thumbs.get(ref.sha256) or icon("folder"), ref.name)
            item.setToolTip(tip(f"{ref.name}\n{format_size(ref.size)} · SHA-256 {ref.sha256}"))
            item.setData(Qt.ItemDataRole.UserRole, ref.sha256)
            self.addItem(item)
        self.setVisible(bool(refs))
        self._load([r for r in refs if r.media_type.startswith("image/") and r.sha256 not in self._thumbs])

    def _load(self, wanted: list[AttachmentRef]) -> None:
        if not wanted:
            return
        read = self._read

        def work(_progress: object) -> dict[str, QImage]:
            # QImage, not QPixmap: only the GUI thread may make pixmaps.
            images = {}
            for ref in wanted:
                image = thumbnail(read(ref.sha256), THUMB)
                if image is not None:
                    images[ref.sha256] = image
            return images

        # A photo missing from the store keeps its file icon; the reports name it as missing.
        run_task(work, on_done=self._show, on_error=lambda _message: None)

    def _show(self, images: dict[str, QImage]) -> None:
        for sha, image in images.items():
            self._thumbs[sha] = QPixmap.fromImage(image)
        for row in range(self.count()):
            item = self.item(row)
            pixmap = self._thumbs.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if pixmap is not None:
                item.setIcon(pixmap)

    def has_thumbnail(self, sha: str) -> bool:
        return sha in self._thumbs
