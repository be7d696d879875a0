"""The plan's metadata and called contacts while it is edited, and the PlanContent built from them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanContent, PlanRole, PlanTier, Step

# Fields a user types into: consecutive edits of one of these merge into one undo step.
TYPED_FIELDS = frozenset(
    {"code", "title_zh", "title_en", "triggers_zh", "triggers_en", "cautions_zh", "cautions_en"}
)
META_FIELDS = (
    "code",
    "title_zh",
    "title_en",
    "tier",
    "category",
    "levels",
    "triggers_zh",
    "triggers_en",
    "cautions_zh",
    "cautions_en",
    "contacts",
    "attachments",
)


def blank_content() -> PlanContent:
    """What a new plan starts from: most plans a branch writes are on-site response plans."""
    return PlanContent(
        code="", title=Text2(), tier=PlanTier.ONSITE, category=IncidentCategory.OTHER, levels=()
    )


class MetaState(QObject):
    """Field values by name; `changed(name)` after every change, whoever made it (typing, undo)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, Any] = {}
        self._locked: set[str] = set()
        self.load(blank_content())

    def load(self, content: PlanContent) -> None:
        self._values = {
            "code": content.code,
            "title_zh": content.title.zh,
            "title_en": content.title.en,
            "tier": content.tier,
            "category": content.category,
            "levels": tuple(content.levels),
            "triggers_zh": content.triggers.zh,
            "triggers_en": content.triggers.en,
            "cautions_zh": content.cautions.zh,
            "cautions_en": content.cautions.en,
            "contacts": tuple(content.contacts),
            "attachments": tuple(content.attachments),
        }
        for name in META_FIELDS:
            self.changed.emit(name)

    def get(self, name: str) -> Any:
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        if name not in self._values:
            raise KeyError(name)
        if name in self._locked:
            return
        if self._values[name] != value:
            self._values[name] = value
            self.changed.emit(name)

    def lock(self, name: str, value: Any) -> None:
        """Fix a field for good (a plan's code once it exists): undoing earlier edits of it no
        longer changes it."""
        self._locked.discard(name)
        self.set(name, value)
        self._locked.add(name)

    def content(self, roles: tuple[PlanRole, ...], steps: tuple[Step, ...]) -> PlanContent:
        """The plan as it stands in the editor, unchecked: the service cleans and validates it."""
        v = self._values
        return PlanContent(
            code=v["code"],
            title=Text2(v["title_zh"], v["title_en"]),
            tier=v["tier"],
            category=v["category"],
            levels=v["levels"],
            triggers=Text2(v["triggers_zh"], v["triggers_en"]),
            cautions=Text2(v["cautions_zh"], v["cautions_en"]),
            roles=roles,
            contacts=v["contacts"],
            steps=steps,
            attachments=v["attachments"],
        )
