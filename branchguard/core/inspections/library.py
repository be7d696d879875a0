"""Inspection templates as data: the built-in file, the rules a template must satisfy, and the
mapping between template rows and TemplateContent (no session handling beyond seeding)."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections.types import (
    Cadence,
    ItemCategory,
    TemplateContent,
    TemplateInfo,
    TemplateItem,
    TemplateParam,
    TemplateStatus,
    TemplateVersion,
    TemplateVersionInfo,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel import versioned as ver
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.playbooks.rules import clean_code
from branchguard.db.base import utcnow
from branchguard.db.models.inspections import TemplateItemRow, TemplateRow, TemplateVersionRow
from branchguard.paths import read_resource_yaml, resource_codes, resources_dir

ITEM_KEY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
PARAM_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_ITEMS = 100
MAX_PARAM = 3650
NAME_LIMIT = 200
TEXT_LIMIT = 1000


def templates_file() -> Path:
    return resources_dir() / "inspections" / "templates.yaml"


def _text2(raw: Any) -> Text2:
    raw = raw or {}
    return Text2(str(raw.get("zh") or ""), str(raw.get("en") or ""))


def load_builtin(path: Path | None = None) -> list[TemplateContent]:
    """The built-in templates, checked by the same rules as a branch's own."""
    raw = read_resource_yaml(path or templates_file())
    return [
        clean_template(
            TemplateContent(
                code=str(tpl["code"]),
                name=_text2(tpl["name"]),
                cadence=Cadence(tpl["cadence"]),
                description=_text2(tpl.get("description")),
                source=str(tpl.get("source") or ""),
                params=tuple(
                    TemplateParam(str(p["key"]), _text2(p), int(p["value"])) for p in tpl.get("params") or ()
                ),
                items=tuple(
                    TemplateItem(
                        key=str(it["key"]),
                        text=_text2(it),
                        category=ItemCategory(it["category"]),
                        criterion=_text2(it.get("criterion")),
                        photo_required_on_fail=bool(it.get("photo", False)),
                        severity_on_fail=HazardSeverity(it.get("severity", "general")),
                        correct_on_spot=bool(it.get("on_the_spot", False)),
                        on_fail_playbook=str(it.get("on_fail") or ""),
                    )
                    for it in tpl["items"]
                ),
            )
        )
        for tpl in raw["templates"]
    ]


def builtin_codes(path: Path | None = None) -> frozenset[str]:
    """The codes of the built-in templates, read off the file's lines without parsing it (the YAML
    takes ~17 ms to parse, the scan 0.1 ms); tests/core/inspections holds the two equal."""
    return resource_codes(path or templates_file()).get("templates", frozenset())


def seed_builtin(sessions: sessionmaker[Session], path: Path | None = None) -> int:
    """Write the built-in templates (approved v1) a database lacks by code; how many were written.
    A template already there (built in, or the branch's own of that code) is never touched, so an
    upgraded database gains the checklists added since, with its own edits kept. Two processes
    seeding at once cannot duplicate them: the loser hits the unique code.

    Each process asks once, at its first use of the templates (the Inspections page's first read):
    when the database has every code the file names, as it has after its first start, the file is
    not parsed."""
    with sessions() as s:
        present = set(s.scalars(select(TemplateRow.code)))
    codes = builtin_codes(path)
    if codes and codes <= present:
        return 0
    contents = [c for c in load_builtin(path) if c.code not in present]
    if not contents:
        return 0
    system = Actor.system()
    try:
        with sessions.begin() as s:
            for content in contents:
                template = TemplateRow(code=content.code, builtin=True)
                s.add(template)
                row = new_version(template, content, system, "")
                ver.publish(template.versions, row, system)
    except IntegrityError:
        return 0
    return len(contents)


# -- rules -----------------------------------------------------------------------------------------
def _clean_text2(value: Text2, field: str | Message, limit: int, *, required: bool = False) -> Text2:
    zh, en = (value.zh or "").strip(), (value.en or "").strip()
    if len(zh) > limit or len(en) > limit:
        raise ValidationError(field, Message("validation.too_long", limit=limit))
    if required and not (zh or en):
        raise ValidationError(field, Message("validation.required"))
    return Text2(zh, en)


def _fields(text: Text2) -> set[str]:
    names = set()
    for part in (text.zh, text.en):
        try:
            names |= {name for _lit, name, _spec, _conv in string.Formatter().parse(part) if name is not None}
        except ValueError:  # a lone brace
            names.add(part)
    return names


def _playbook_code(code: str, label: Message) -> str:
    """The code of the plan an item starts on failure, checked like a plan code; "" for none."""
    if not (code or "").strip():
        return ""
    try:
        return clean_code(code)
    except ValidationError as exc:
        raise ValidationError(label, exc.reason_message) from None


def clean_template(content: TemplateContent) -> TemplateContent:
    """The content trimmed and checked; the first problem raises ValidationError naming the field
    (and the item number)."""
    code = clean_code(content.code)
    name = _clean_text2(content.name, "field.template_name", NAME_LIMIT, required=True)
    cadence = validation.choice(content.cadence, Cadence, "field.cadence")
    params: list[TemplateParam] = []
    for p in content.params:
        label = Message("field.template_param", key=p.key)
        if not PARAM_KEY.match(p.key) or any(q.key == p.key for q in params):
            raise ValidationError(label, Message("inspection.param_key", key=p.key))
        if isinstance(p.value, bool) or not isinstance(p.value, int) or not 1 <= p.value <= MAX_PARAM:
            raise ValidationError(label, Message("validation.range", low=1, high=MAX_PARAM))
        params.append(TemplateParam(p.key, _clean_text2(p.name, label, NAME_LIMIT), p.value))
    if not content.items:
        raise ValidationError("field.items", Message("inspection.no_items"))
    if len(content.items) > MAX_ITEMS:
        raise ValidationError("field.items", Message("validation.range", low=1, high=MAX_ITEMS))
    known = {p.key for p in params}
    items: list[TemplateItem] = []
    for n, item in enumerate(content.items, 1):
        label = Message("field.item_n", n=n)
        if not ITEM_KEY.match(item.key or "") or any(i.key == item.key for i in items):
            raise ValidationError(label, Message("inspection.item_key", key=item.key))
        text = _clean_text2(item.text, label, TEXT_LIMIT, required=True)
        criterion = _clean_text2(item.criterion, label, TEXT_LIMIT)
        unknown = (_fields(text) | _fields(criterion)) - known
        if unknown:
            raise ValidationError(
                label, Message("inspection.unknown_param", names=", ".join(sorted(unknown)))
            )
        items.append(
            TemplateItem(
                key=item.key,
                text=text,
                category=validation.choice(item.category, ItemCategory, "field.item_category"),
                criterion=criterion,
                photo_required_on_fail=bool(item.photo_required_on_fail),
                severity_on_fail=validation.choice(item.severity_on_fail, HazardSeverity, "field.severity"),
                correct_on_spot=bool(item.correct_on_spot),
                on_fail_playbook=_playbook_code(item.on_fail_playbook, label),
            )
        )
    return TemplateContent(
        code=code,
        name=name,
        cadence=cadence,
        items=tuple(items),
        description=_clean_text2(content.description, "field.description", 4000),
        params=tuple(params),
        source=validation.text(content.source, "field.source", required=False, limit=500),
    )


# -- rows <-> records ------------------------------------------------------------------------------
def new_version(
    template: TemplateRow, content: TemplateContent, actor: Actor, note: str
) -> TemplateVersionRow:
    row = TemplateVersionRow(
        number=ver.next_number(template.versions),
        status=TemplateStatus.DRAFT.value,
        note=note,
        created_by=actor.username,
        created_at=utcnow(),
    )
    fill_version(row, content)
    template.versions.append(row)
    return row


def fill_version(row: TemplateVersionRow, content: TemplateContent) -> None:
    """Write the content into a draft (or new) version row, replacing its items."""
    row.name_zh, row.name_en = content.name.zh, content.name.en
    row.cadence = content.cadence.value
    row.description_zh, row.description_en = content.description.zh, content.description.en
    row.source = content.source
    row.params = [{"key": p.key, "zh": p.name.zh, "en": p.name.en, "value": p.value} for p in content.params]
    row.items = [
        TemplateItemRow(
            position=n,
            key=item.key,
            text_zh=item.text.zh,
            text_en=item.text.en,
            category=item.category.value,
            criterion_zh=item.criterion.zh,
            criterion_en=item.criterion.en,
            photo_required_on_fail=item.photo_required_on_fail,
            severity_on_fail=item.severity_on_fail.value,
            correct_on_spot=item.correct_on_spot,
            on_fail_playbook=item.on_fail_playbook,
        )
        for n, item in enumerate(content.items, 1)
    ]


def item_of(row: TemplateItemRow) -> TemplateItem:
    return TemplateItem(
        key=row.key,
        text=Text2(row.text_zh, row.text_en),
        category=ItemCategory(row.category),
        criterion=Text2(row.criterion_zh, row.criterion_en),
        photo_required_on_fail=row.photo_required_on_fail,
        severity_on_fail=HazardSeverity(row.severity_on_fail),
        correct_on_spot=bool(row.correct_on_spot),
        on_fail_playbook=row.on_fail_playbook or "",
    )


def params_of(row: TemplateVersionRow) -> tuple[TemplateParam, ...]:
    return tuple(
        TemplateParam(str(p["key"]), Text2(p.get("zh", ""), p.get("en", "")), int(p["value"]))
        for p in row.params or ()
    )


def content_of(row: TemplateVersionRow, code: str) -> TemplateContent:
    return TemplateContent(
        code=code,
        name=Text2(row.name_zh, row.name_en),
        cadence=Cadence(row.cadence),
        items=tuple(item_of(i) for i in row.items),
        description=Text2(row.description_zh, row.description_en),
        params=params_of(row),
        source=row.source,
    )


def version_info(row: TemplateVersionRow, template: TemplateRow) -> TemplateVersionInfo:
    return TemplateVersionInfo(
        template_id=template.id,
        version_id=row.id,
        code=template.code,
        number=row.number,
        status=TemplateStatus(row.status),
        builtin=template.builtin,
        created_by=row.created_by,
        created_at=row.created_at,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        note=row.note,
    )


def version_of(row: TemplateVersionRow, template: TemplateRow) -> TemplateVersion:
    return TemplateVersion(version_info(row, template), content_of(row, template.code))


def summary_of(template: TemplateRow, item_counts: Mapping[int, int]) -> TemplateInfo | None:
    """The template in its current version; `item_counts`: the number of items per version id."""
    row = ver.current(template.versions)
    if row is None:
        return None
    return TemplateInfo(
        id=template.id,
        code=template.code,
        name=Text2(row.name_zh, row.name_en),
        cadence=Cadence(row.cadence),
        status=TemplateStatus(row.status),
        version=row.number,
        has_draft=ver.draft(template.versions) is not None,
        builtin=template.builtin,
        item_count=item_counts.get(row.id, 0),
        updated_at=max(v.created_at for v in template.versions),
    )
