"""The console's right column: call list in big digits, attachments with thumbnails, the outcome."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.text import yuan_text
from branchguard.core.incidents.types import IncidentDetail, IncidentStatus, LogEntry
from branchguard.core.kernel.attachments import format_size
from branchguard.core.playbooks.text import contact_label
from branchguard.gui.incidents.console.header import sized
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.open_copy import open_stored
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import phone_font
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.thumbnails import thumbnail

if TYPE_CHECKING:
    from branchguard.gui.shell.session import GuiSession

THUMB = 72  # pixels: enough to tell one photo from another at a glance


def is_image(entry: LogEntry) -> bool:
    return str(entry.data.get("media_type", "")).startswith("image/")


class CallList(QTableWidget):
    """Who to call and the number: each contact on two lines, its name across the column and the
    number under it, large and in fixed-pitch digits. Side by side, a name had 60-70 px beside the
    number at 1024×768 and showed as "分行…" for two different numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 1, parent)
        self.setObjectName("incident_call_list")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the next control, not round the numbers
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._number_font = sized(phone_font(), 15, bold=True)

    def set_contacts(self, contacts: tuple[tuple[str, str, str], ...]) -> None:
        self.setRowCount(2 * len(contacts))
        for i, (kind, name, phone) in enumerate(contacts):
            who = QTableWidgetItem(contact_label(kind, name))
            who.setToolTip(tip(f"{who.text()} {phone}"))
            number = QTableWidgetItem(phone)
            number.setFont(self._number_font)
            number.setToolTip(who.toolTip())
            self.setItem(2 * i, 0, who)
            self.setItem(2 * i + 1, 0, number)
            self.setRowHeight(2 * i, 20)
            self.setRowHeight(2 * i + 1, 30)

    def rows(self) -> list[tuple[str, str]]:
        """(who, number) of each contact, in order."""
        return [(self._text(r), self._text(r + 1)) for r in range(0, self.rowCount(), 2)]

    def number_item(self, index: int) -> QTableWidgetItem | None:
        return self.item(2 * index + 1, 0)

    def name_item(self, index: int) -> QTableWidgetItem | None:
        return self.item(2 * index, 0)

    def _text(self, row: int) -> str:
        item = self.item(row, 0)
        return item.text() if item is not None else ""


class AttachmentsBox(QGroupBox):
    """The incident's files, newest last; pictures get a thumbnail read off the GUI thread."""

    attach_requested = Signal()

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._thumbs: dict[str, QPixmap] = {}
        self._entries: list[LogEntry] = []
        self.list = QListWidget()
        self.list.setObjectName("incident_attachments")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)  # a double click, or Enter on the current file
        self.attach_button = QPushButton(icon("add"), "")
        self.attach_button.setObjectName("incident_attach")
        self.attach_button.clicked.connect(self.attach_requested)
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.empty)
        box.addWidget(self.list, 1)
        box.addWidget(self.attach_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Attachments"))
        self.list.setAccessibleName(self.title())
        self.attach_button.setText(self.tr("Attach a photo or file…"))
        self.attach_button.setToolTip(self.tr("Copied into the data folder with its SHA-256 (Ctrl+Shift+A)"))
        self.empty.setText(self.tr("No photos or files yet."))
        self.set_entries(self._entries)

    def set_entries(self, entries: list[LogEntry]) -> None:
        self._entries = list(entries)
        self.list.clear()
        for entry in entries:
            name = str(entry.data.get("name", entry.text))
            sha = str(entry.data.get("sha256", ""))
            size = format_size(int(entry.data.get("size", 0) or 0))
            item = QListWidgetItem(f"{name}\n{size} · SHA-256 {sha[:12]}…")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(tip(f"{entry.text}\nSHA-256 {sha}\n#{entry.seq} · {entry.actor}"))
            item.setIcon(self._thumbs.get(sha) or icon("folder"))
            if entry.corrected:
                font = QFont(self.list.font())
                font.setStrikeOut(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self._load_thumbnails()

    def _open(self, item: QListWidgetItem) -> None:
        """The file in its viewer: a copy under its own name (gui/kit/open_copy.py)."""
        entry: LogEntry = item.data(Qt.ItemDataRole.UserRole)
        name, sha = str(entry.data.get("name", entry.text)), str(entry.data.get("sha256", ""))
        incidents, actor = self.session.services.incidents, self.session.actor
        title = self.tr("Opening %1").replace("%1", name)
        open_stored(self, title, name, sha, lambda: incidents.attachment_bytes(actor, entry))

    def _load_thumbnails(self) -> None:
        services, actor = self.session.services, self.session.actor
        wanted = [e for e in self._entries if is_image(e) and e.data.get("sha256") not in self._thumbs]
        if not wanted:
            return

        def work(_progress: object) -> dict[str, QImage]:
            # QImage, not QPixmap: only the GUI thread may make pixmaps.
            images = {}
            for entry in wanted:
                image = thumbnail(services.incidents.attachment_bytes(actor, entry), THUMB)
                if image is not None:
                    images[str(entry.data["sha256"])] = image
            return images

        run_task(work, on_done=self._show_thumbnails, on_error=lambda _message: None)

    def _show_thumbnails(self, images: dict[str, QImage]) -> None:
        for sha, image in images.items():
            self._thumbs[sha] = QPixmap.fromImage(image)
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = item.data(Qt.ItemDataRole.UserRole)
            pixmap = self._thumbs.get(str(entry.data.get("sha256", "")))
            if pixmap is not None:
                item.setIcon(pixmap)

    def has_thumbnail(self, sha: str) -> bool:
        return sha in self._thumbs


class OutcomeBox(QGroupBox):
    """How a closed incident ended, as recorded at close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_outcome")
        self.text = QLabel()
        self.text.setObjectName("incident_outcome_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.text)
        self._detail: IncidentDetail | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Outcome"))
        if self._detail is not None:
            self.set_detail(self._detail)

    def set_detail(self, detail: IncidentDetail) -> None:
        self._detail = detail
        self.setVisible(detail.summary.status == IncidentStatus.CLOSED)
        rows = [
            (self.tr("Outcome"), detail.outcome),
            (self.tr("Injuries"), detail.injuries),
            (self.tr("Losses"), yuan_text(detail.losses_cents)),
            (self.tr("Root cause"), detail.root_cause),
        ]
        lines = [f"<b>{escape(label)}:</b> {escape(value)}" for label, value in rows if value]
        for action in detail.actions:
            due = action.due.isoformat() if action.due else "—"
            lines.append(f"• {escape(action.text)} — {escape(action.owner)}, {due}")
        self.text.setText("<br>".join(lines))
