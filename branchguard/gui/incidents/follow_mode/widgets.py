"""Pieces of the follow mode: badges, step targets, the step text that fits, the emergency numbers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from branchguard.core.people.service import BUILTIN_CONTACTS
from branchguard.core.people.types import ContactKind
from branchguard.core.playbooks.text import contact_label
from branchguard.gui.incidents.console.header import badge_css, sized
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.rows import phone_font

# The three numbers everyone must be able to read off the screen, whatever the plan lists.
PUBLIC_KINDS = (ContactKind.POLICE, ContactKind.FIRE, ContactKind.AMBULANCE)
PUBLIC_NUMBERS = tuple((kind, number) for kind, number, _order in BUILTIN_CONTACTS if kind in PUBLIC_KINDS)


def paint_badge(label: QLabel, swatch: style.Swatch) -> None:
    """The console's badge, roomier: these are read from across the hall."""
    label.setStyleSheet(badge_css(swatch, radius=8) + " padding: 4px 18px;")


class StepArea(QScrollArea):
    """The current step at the largest size that fits, with its condition right under it.

    The area takes the room the layout leaves it (the text never pushes the window taller); a
    long step shrinks towards `smallest` points instead of being cut off, a short one stays huge.
    A step still too long at `smallest` (a small screen, a long English step) is never cut: it
    stays at that size and scrolls, its scroll bar showing there is more to read.
    """

    GAP = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space on this screen means Done, not "scroll"
        self.sheet = QWidget()  # the step and its condition, placed by hand in `_place`
        self.sheet.setObjectName("follow_step_sheet")
        self.sheet.setStyleSheet("QWidget#follow_step_sheet { background: transparent; }")
        self.setWidget(self.sheet)
        self.viewport().setAutoFillBackground(False)
        self.step = plain(QLabel(self.sheet))  # the plan's step text, as written
        self.step.setObjectName("follow_step")
        self.step.setWordWrap(True)
        self.step.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.condition = plain(QLabel(self.sheet))
        self.condition.setObjectName("follow_condition")
        self.condition.setWordWrap(True)
        self._smallest = 48.0
        self._largest = 64.0

    def set_texts(
        self, step: str, condition: str, colour: str = style.TEXT, below_colour: str = style.WARNING
    ) -> None:
        self.step.setText(step)
        self.step.setStyleSheet(f"color: {colour};")
        self.condition.setText(condition)
        self.condition.setStyleSheet(f"color: {below_colour};")
        self.condition.setVisible(bool(condition))
        self.verticalScrollBar().setValue(0)  # a new step is read from its first line
        self._place()

    def set_sizes(self, smallest: float, largest: float, condition: float) -> None:
        self._smallest, self._largest = smallest, max(smallest, largest)
        self.condition.setFont(sized(self.font(), condition))
        self._place()

    def step_points(self) -> float:
        return self.step.font().pointSizeF()

    def scrolls(self) -> bool:
        """Whether the step is too long to show whole even at the smallest size, so it scrolls."""
        return self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 60)

    def sizeHint(self) -> QSize:
        return QSize(100, 60)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _step_font(self, points: float) -> QFont:
        font = sized(self.font(), points)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _heights(self, width: int) -> tuple[QFont, int, int]:
        """The largest step font whose text and condition fit the area's height at `width`
        (else the smallest), with the step's and the condition's heights at that font."""
        room = self.height()
        below = self.condition.heightForWidth(width) + self.GAP if self.condition.text() else 0
        flags = int(Qt.TextFlag.TextWordWrap) | int(self.step.alignment())
        points = self._largest
        while True:
            font = self._step_font(points)
            box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), flags, self.step.text())
            if box.height() + below <= room or points <= self._smallest:
                return font, box.height(), below
            points = max(self._smallest, points - 2)

    def _place(self) -> None:
        width = self.width()
        font, needed, below = self._heights(width)
        scrolls = needed + below > self.height()
        if scrolls:  # at the smallest size and still too long: laid out beside a scroll bar
            width -= self.verticalScrollBar().sizeHint().width()
            font, needed, below = self._heights(width)
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn if scrolls else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setVerticalScrollBarPolicy(policy)
        self.step.setFont(font)
        needed = max(needed, self.step.heightForWidth(width))  # the label's own measure, if larger
        self.step.setGeometry(0, 0, width, needed)
        self.condition.setGeometry(0, needed + self.GAP, width, max(0, below - self.GAP))
        self.sheet.resize(width, max(self.height(), needed + below))


class NumbersPanel(QFrame):
    """110 / 119 / 120 as large tiles, then the incident's call list (plan contacts first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_numbers")
        self.setStyleSheet(
            f"QFrame#follow_numbers {{ background: {style.SURFACE}; border: 1px solid {style.BORDER};"
            " border-radius: 10px; }"
        )
        self._scale = 1.0
        self._contacts: tuple[tuple[str, str, str], ...] = ()
        self.heading = QLabel()
        self.heading.setObjectName("follow_numbers_heading")
        self._tiles: list[tuple[QLabel, QLabel, ContactKind]] = []
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(12)
        for column, (kind, number) in enumerate(PUBLIC_NUMBERS):
            digits = QLabel(number)
            digits.setObjectName(f"follow_public_{number}")
            digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
            digits.setStyleSheet(f"color: {style.ERROR};")
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setStyleSheet(f"color: {style.TEXT};")
            tiles.addWidget(digits, 0, column)
            tiles.addWidget(caption, 1, column)
            self._tiles.append((digits, caption, kind))
        self.call_heading = QLabel()
        self.call_list = QLabel()
        self.call_list.setObjectName("follow_call_list")
        self.call_list.setTextFormat(Qt.TextFormat.RichText)
        self.call_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.call_list.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QScrollArea()
        # Never a horizontal scroll bar: a number cut off at the edge is worse than a wider panel.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll = scroll
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stopped here, where nothing showed it
        scroll.setWidget(self.call_list)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("background: transparent;")
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 14, 18, 14)
        box.addWidget(self.heading)
        box.addLayout(tiles)
        box.addSpacing(10)
        box.addWidget(self.call_heading)
        box.addWidget(scroll, 1)
        self.retranslate()

    def set_contacts(self, contacts: Sequence[tuple[str, str, str]]) -> None:
        self._contacts = tuple(contacts)
        self._fill_call_list()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        base = self.font()
        self.heading.setFont(sized(base, 20 * scale, bold=True))
        self.call_heading.setFont(sized(base, 16 * scale, bold=True))
        for digits, caption, _kind in self._tiles:
            digits.setFont(sized(phone_font(), 40 * scale, bold=True))
            caption.setFont(sized(base, 16 * scale))
        self._fill_call_list()

    def call_rows(self) -> list[tuple[str, str]]:
        """(who, number) of the call list below the tiles: the public three are not repeated."""
        public = {number for _kind, number in PUBLIC_NUMBERS}
        return [
            (contact_label(kind, name), phone) for kind, name, phone in self._contacts if phone not in public
        ]

    def _fill_call_list(self) -> None:
        size = round(17 * self._scale)
        family = phone_font().family()
        rows = "".join(
            f"<tr><td style='padding: 3px 14px 3px 0'>{escape(who)}</td>"
            f"<td style='padding: 3px 0; font-family: \"{family}\"; font-weight: 700'>"
            f"{escape(phone)}</td></tr>"
            for who, phone in self.call_rows()
        )
        self.call_list.setText(f"<table style='font-size: {size}pt'>{rows}</table>")
        self.call_heading.setVisible(bool(rows))
        self._scroll.setMinimumWidth(
            self.call_list.sizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width()
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Emergency numbers"))
        self.call_heading.setText(self.tr("Call list"))
        for _digits, caption, kind in self._tiles:
            caption.setText(kind.label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_call_list()
        super().changeEvent(event)
