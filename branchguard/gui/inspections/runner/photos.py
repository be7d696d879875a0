"""A strip of photo thumbnails (an item's photos, a hazard's evidence), read off the GUI thread; where
it `opens` them, reached by Tab and opened by Enter, Space or a double click (kit/open_copy.py, as the
plan's attachments open)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from branchguard.core.kernel.attachments import AttachmentRef, format_size
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.open_copy import open_stored
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.thumbnails import thumbnail

THUMB = 72
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class PhotoStrip(QListWidget):
    """Shows `refs` as thumbnails; `read(sha256)` returns a file's bytes (a service call). `opens`:
    the photos open in their viewer, the strip a stop of the Tab order, its current photo ringed."""

    def __init__(
        self,
        object_name: str,
        read: Callable[[str], bytes],
        parent: QWidget | None = None,
        opens: bool = False,
    ) -> None:
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
        self._opens = opens
        if opens:
            self.setProperty("role", "photos")  # the focus ring on the current photo (style.py)
            self.itemDoubleClicked.connect(lambda _item: self.open_current())
        else:
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

    def open_current(self) -> None:
        """The current photo in its viewer (a copy under its own name)."""
        row = self.currentRow()
        if not self._opens or not 0 <= row < len(self._refs):
            return
        ref, read = self._refs[row], self._read
        title = self.tr("Opening %1").replace("%1", ref.name)
        open_stored(self, title, ref.name, ref.sha256, lambda: read(ref.sha256))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter taken here: the view would pass it on to the dialog, whose default button it presses
        if self._opens and event.key() in OPEN_KEYS and self.currentRow() >= 0:
            self.open_current()
            event.accept()
            return
        super().keyPressEvent(event)
