"""Types every domain shares: labelled enums, role and actor, levels, version statuses, bilingual text."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from branchguard.core.kernel.i18n import current_language, t


class LabelledEnum(enum.StrEnum):
    """A str enum whose members have a translated label under `<prefix>.<value>`."""

    @classmethod
    def _prefix(cls) -> str:
        raise NotImplementedError

    @property
    def label(self) -> str:
        return t(f"{self._prefix()}.{self.value}")

    def translated(self, lang: str | None = None) -> str:
        """The label in `lang`: lets a Message carry the member and word it when shown."""
        return t(f"{self._prefix()}.{self.value}", lang)


L = TypeVar("L", bound=LabelledEnum)


def member_named(members: Iterable[L], text: str) -> L | None:
    """The one of `members` that `text` names: its code, or its label in either language, without
    regard to case or spaces ("teller", "柜员", "Safety Officer"), as a person types what the window
    showed (the command line's options, a roster file's posts); None if none."""
    wanted = _folded(text)
    chosen = tuple(members)
    for member in chosen:
        if wanted == _folded(member.value):
            return member
    for member in chosen:  # the catalogue read only for a name, not for a code
        if wanted in (_folded(member.translated("zh_CN")), _folded(member.translated("en"))):
            return member
    return None


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


class Role(LabelledEnum):
    """Application role of a login account."""

    LEAD = "lead"
    STAFF = "staff"
    AUDITOR = "auditor"

    @classmethod
    def _prefix(cls) -> str:
        return "role"


@dataclass(frozen=True)
class Actor:
    """Who is calling a service: the logged-in user, or the system itself."""

    user_id: int | None
    username: str
    role: Role

    @classmethod
    def system(cls) -> Actor:
        return cls(user_id=None, username="system", role=Role.LEAD)


class Level(LabelledEnum):
    """Service incident level: I 特大 (red), II 重大 (orange), III 较大 (yellow)."""

    I = "I"  # noqa: E741  (the level's own name)
    II = "II"
    III = "III"

    @classmethod
    def _prefix(cls) -> str:
        return "level"


class PlaybookStatus(LabelledEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"

    @classmethod
    def _prefix(cls) -> str:
        return "playbook_status"


@dataclass(frozen=True)
class Text2:
    """A text in both languages; `.text` picks the current one, falling back to the other."""

    zh: str = ""
    en: str = ""

    @property
    def text(self) -> str:
        return self.translated()

    def translated(self, lang: str | None = None) -> str:
        if (lang or current_language()) == "en":
            return self.en or self.zh
        return self.zh or self.en

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)
