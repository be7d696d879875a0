"""The runner's current item in large type: its text, what "pass" means, and its answer so far."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections.types import Answer, ItemResult
from branchguard.gui.incidents.console.header import sized
from branchguard.gui.inspections.models import needs_photo, result_mark
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import plain

CARD_BACKGROUND = "#FFF8E1"
FAILED_BACKGROUND = "#FDECEA"


class ItemCard(QFrame):
    """Shows one Answer; `set_answer` repaints it (red when failed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_item_card")
        self.position = QLabel()
        self.position.setObjectName("inspection_item_position")
        self.position.setProperty("role", "hint")
        self.text = plain(QLabel())
        self.text.setObjectName("inspection_item_text")
        self.text.setWordWrap(True)
        self.text.setFont(sized(self.font(), 15, bold=True))
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.criterion = plain(QLabel())
        self.criterion.setObjectName("inspection_item_criterion")
        self.criterion.setWordWrap(True)
        # never smaller than the text around it: at a 15 pt system font it stayed at 11 pt (grown
        # with the item's text and answer instead, the card left the item list one row at 768 px)
        self.criterion.setFont(sized(self.font(), max(11.0, self.font().pointSizeF())))
        self.criterion.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.flags = QLabel()
        self.flags.setObjectName("inspection_item_flags")
        self.flags.setProperty("role", "hint")
        self.flags.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("inspection_item_result")
        self.result.setFont(sized(self.font(), 14, bold=True))
        self.result.setMinimumWidth(150)
        self.problem = plain(QLabel())
        self.problem.setObjectName("inspection_item_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.photos = plain(QLabel())
        self.photos.setObjectName("inspection_item_photos")
        self.photos.setProperty("role", "hint")
        self.photos.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        for label in (self.position, self.text, self.criterion, self.flags, self.photos):
            texts.addWidget(label)
        side = QVBoxLayout()
        side.addWidget(self.result)
        side.addWidget(self.problem)
        side.addStretch(1)
        box = QHBoxLayout(self)
        box.setContentsMargins(16, 12, 12, 12)
        box.addLayout(texts, 1)
        box.addLayout(side)
        self._paint(failed=False)

    def _paint(self, failed: bool) -> None:
        border = style.ERROR if failed else style.WARNING
        background = FAILED_BACKGROUND if failed else CARD_BACKGROUND
        self.setStyleSheet(
            f"QFrame#inspection_item_card {{ background: {background};"
            f" border-left: 6px solid {border}; border-radius: 4px; }}"
        )

    def clear(self) -> None:
        for label in (
            self.position,
            self.text,
            self.criterion,
            self.flags,
            self.result,
            self.problem,
            self.photos,
        ):
            label.clear()

    def set_answer(self, answer: Answer, total: int) -> None:
        item = answer.item
        self.position.setText(
            self.tr("Item %1 of %2 · %3")
            .replace("%1", str(answer.number))
            .replace("%2", str(total))
            .replace("%3", item.category.label)
        )
        self.text.setText(item.text.text)
        self.criterion.setText(self.tr("Pass when: %1").replace("%1", item.criterion.text))
        flags = []
        if item.photo_required_on_fail:
            flags.append(self.tr("A fail needs a photo"))
        if item.severity_on_fail == HazardSeverity.MAJOR:
            flags.append(self.tr("A fail opens a major hazard (重大隐患)"))
        else:
            flags.append(self.tr("A fail opens a general hazard (一般隐患)"))
        self.flags.setText(" · ".join(flags))
        failed = answer.result == ItemResult.FAIL
        if answer.result is None:
            self.result.setText(self.tr("Not answered"))
            self.result.setStyleSheet(f"color: {style.MUTED};")
        else:
            colour = (
                style.ERROR if failed else (style.OK if answer.result == ItemResult.PASS else style.MUTED)
            )
            went = self.tr("→ incident #%1").replace("%1", str(answer.incident_id))  # escalated
            shown = f"{result_mark(answer.result)} {answer.result.label}"
            self.result.setText(shown if answer.incident_id is None else f"{shown} {went}")
            self.result.setStyleSheet(f"color: {colour};")
        self.problem.setText(
            self.tr("Photo missing: add one before submitting") if needs_photo(answer) else ""
        )
        names = ", ".join(ref.name for ref in answer.photos)
        self.photos.setText(self.tr("Photos: %1").replace("%1", names) if names else "")
        self.photos.setVisible(bool(names))
        if answer.note:
            self.photos.setVisible(True)
            note = self.tr("Note: %1").replace("%1", answer.note)
            self.photos.setText(f"{note}\n{self.photos.text()}".strip())
        self._paint(failed)
