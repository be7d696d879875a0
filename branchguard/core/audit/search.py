"""Searching the audit trail for what its reader sees.

The trail stores a summary in no language ("severity: major → general", "channel=counter"); the
page and `audit list` show it worded ("隐患等级：重大隐患 → 一般隐患", "投诉渠道：柜面", core/audit/text.py).
A search for 重大 or 柜面 must find those events, and did not: the words are turned back into the
stored forms they word (a field's name, an enum value's code where that field holds it) and the
summary is searched for the text as typed or any of those forms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from branchguard.core.audit.text import ENTITY_ENUM_FIELDS, ENUM_FIELDS
from branchguard.core.kernel.i18n import load_catalog, t
from branchguard.core.kernel.types import LabelledEnum
from branchguard.core.kernel.validation import LIKE_ESCAPE


@dataclass(frozen=True)
class StoredForm:
    """A LIKE pattern (escaped with `LIKE_ESCAPE`) of the stored summary; with `entity`, only of
    events about that kind of record (a hazard's status codes are not an incident's)."""

    pattern: str
    entity: str | None = None


def escaped(text: str) -> str:
    for char in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(char, LIKE_ESCAPE + char)
    return text


def _field_forms(name: str, entity: str | None) -> Iterator[StoredForm]:
    """A field as `describe_change` writes it: `name=…` listed, `name: … → …` changed."""
    n = escaped(name)
    for pattern in (f"{n}=%", f"%, {n}=%", f"{n}: %", f"%; {n}: %"):
        yield StoredForm(pattern, entity)


def _value_forms(name: str, code: str, entity: str | None) -> Iterator[StoredForm]:
    """A field's value as `describe_change` writes it: listed, before and after a change."""
    n, c = escaped(name), escaped(code)
    for pattern in (f"%{n}={c}", f"%{n}={c},%", f"%{n}: {c} →%", f"%{n}: % → {c}", f"%{n}: % → {c};%"):
        yield StoredForm(pattern, entity)


def _named_fields(entities: frozenset[str]) -> Iterator[tuple[str, str | None]]:
    """Every (field, kind of record or None) the catalogue names: `field.<entity>_<name>` is that
    record's own name for the field, read both ways (`person_id` may be a field of its own)."""
    for key in load_catalog():
        if not key.startswith("field."):
            continue
        name = key.removeprefix("field.")
        yield name, None
        for entity in entities:
            if name.startswith(f"{entity}_"):
                yield name.removeprefix(f"{entity}_"), entity


def stored_forms(text: str) -> list[StoredForm]:
    """The stored forms of the fields and values whose words (in the current language) hold
    `text`, any case; the text itself is searched as typed besides (names, titles, notes)."""
    wanted = text.casefold()
    if not wanted:
        return []
    entities = frozenset(k.removeprefix("entity.") for k in load_catalog() if k.startswith("entity."))
    forms: dict[StoredForm, None] = {}  # ordered, each once
    for name, entity in _named_fields(entities | {e for e, _f in ENTITY_ENUM_FIELDS}):
        if wanted in t(f"field.{entity}_{name}" if entity else f"field.{name}").casefold():
            forms.update(dict.fromkeys(_field_forms(name, entity)))
    enums: list[tuple[str, str | None, type[LabelledEnum]]] = [
        *((name, None, kind) for name, kind in ENUM_FIELDS.items()),
        *((name, entity, kind) for (entity, name), kind in ENTITY_ENUM_FIELDS.items()),
    ]
    for name, entity, kind in enums:
        for member in kind:
            if wanted in member.label.casefold():
                forms.update(dict.fromkeys(_value_forms(name, str(member.value), entity)))
    return list(forms)
