"""Rules a plan's content must satisfy before it is saved, whether typed in or imported."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from branchguard.core.kernel import validation as v
from branchguard.core.kernel.attachments import SHA256, AttachmentRef, media_type_of
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.names import clean_file_name
from branchguard.core.kernel.types import Level, PlaybookStatus, Text2
from branchguard.core.people.types import ContactKind
from branchguard.core.playbooks.types import (
    ContactRef,
    IncidentCategory,
    PlanContent,
    PlanRole,
    PlanTier,
    PlaybookSummary,
    Step,
)

CODE = re.compile(r"^[A-Z][A-Z0-9_-]{0,31}$")
ROLE_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
STEP_KEY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
MAX_STEPS = 200
MAX_ROLES = 50
MAX_CONTACTS = 50
MAX_ATTACHMENTS = 20
ATTACHMENT_NAME_LIMIT = 200
MAX_MINUTES = 60 * 24 * 30  # a month: multi-day incidents, but no runaway numbers
TITLE_LIMIT = 200
TEXT_LIMIT = 4000
STEP_TEXT_LIMIT = 2000


# A field key, or a key and a step number: the Message is built only when a check fails.
Label = str | tuple[str, int]


def _fail(field: Label, reason: Message, path: tuple[str | int, ...]) -> ValidationError:
    return ValidationError(Message(field[0], n=field[1]) if isinstance(field, tuple) else field, reason, path)


def clean_code(code: str, path: tuple[str | int, ...] = ("code",)) -> str:
    value = (code or "").strip().upper()
    if not CODE.match(value):
        raise _fail("field.code", Message("playbook.code_format", value=code), path)
    return value


def _text2(
    value: Text2, field: Label, limit: int, path: tuple[str | int, ...], required: bool = False
) -> Text2:
    zh, en = v.plain(value.zh), v.plain(value.en)
    for lang, text in (("zh", zh), ("en", en)):
        if len(text) > limit:
            raise _fail(field, Message("validation.too_long", limit=limit), (*path, lang))
    if required and not (zh or en):
        raise _fail(field, Message("validation.required"), path)
    return Text2(zh, en)


def _minutes(value: int | None, field: Label, path: tuple[str | int, ...]) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MINUTES:
        raise _fail(field, Message("validation.range", low=0, high=MAX_MINUTES), path)
    return value


def clean_content(content: PlanContent) -> PlanContent:
    """The content trimmed and checked; the first problem raises ValidationError with its path."""
    code = clean_code(content.code)
    title = _text2(content.title, "field.title_zh", TITLE_LIMIT, ("title",))
    if not title:
        raise _fail("field.title_zh", Message("playbook.no_title"), ("title",))
    tier = v.choice(content.tier, PlanTier, "field.tier")
    category = v.choice(content.category, IncidentCategory, "field.category")
    levels = tuple(
        sorted({v.choice(lv, Level, "field.levels") for lv in content.levels}, key=list(Level).index)
    )
    if not levels:
        raise _fail("field.levels", Message("playbook.no_levels"), ("levels",))
    roles = _clean_roles(content.roles)
    steps = _clean_steps(content.steps, {r.code for r in roles})
    return replace(
        content,
        code=code,
        title=title,
        tier=tier,
        category=category,
        levels=levels,
        triggers=_text2(content.triggers, "field.notes", TEXT_LIMIT, ("triggers",)),
        cautions=_text2(content.cautions, "field.notes", TEXT_LIMIT, ("cautions",)),
        roles=roles,
        contacts=_clean_contacts(content.contacts),
        steps=steps,
        attachments=_clean_attachments(content.attachments),
    )


def _clean_roles(roles: tuple[PlanRole, ...]) -> tuple[PlanRole, ...]:
    if len(roles) > MAX_ROLES:
        raise _fail("field.roles", Message("validation.range", low=0, high=MAX_ROLES), ("roles",))
    seen: set[str] = set()
    cleaned = []
    for i, role in enumerate(roles):
        path: tuple[str | int, ...] = ("roles", i)
        code = (role.code or "").strip()
        if not ROLE_CODE.match(code):
            raise _fail(
                "field.roles",
                Message("validation.choice", value=code, choices="a-z, 0-9, _"),
                (*path, "code"),
            )
        if code in seen:
            raise _fail("field.roles", Message("playbook.duplicate", value=code), (*path, "code"))
        seen.add(code)
        cleaned.append(PlanRole(code, _text2(role.name, "field.roles", 100, (*path, "name"), required=True)))
    return tuple(cleaned)


def _clean_contacts(contacts: tuple[ContactRef, ...]) -> tuple[ContactRef, ...]:
    if len(contacts) > MAX_CONTACTS:
        raise _fail("field.contacts", Message("validation.range", low=0, high=MAX_CONTACTS), ("contacts",))
    cleaned = []
    seen: set[str] = set()
    for i, ref in enumerate(contacts):
        path: tuple[str | int, ...] = ("contacts", i)
        try:
            kind = v.choice(ref.kind, ContactKind, "field.kind").value
            phone = v.phone(ref.phone, "field.phone", required=True)
            name = v.text(ref.name, "field.name", required=False, limit=100)
        except ValidationError as exc:
            # the field keys "field.kind", "field.phone", "field.name" end in the path's names
            where = (*path, exc.field.removeprefix("field."))
            raise ValidationError(exc.field, exc.reason_message, where) from None
        if phone in seen:
            raise _fail("field.contacts", Message("playbook.duplicate", value=phone), (*path, "phone"))
        seen.add(phone)
        cleaned.append(ContactRef(kind, phone, name))
    return tuple(cleaned)


def _clean_attachments(refs: tuple[AttachmentRef, ...]) -> tuple[AttachmentRef, ...]:
    if len(refs) > MAX_ATTACHMENTS:
        raise _fail(
            "field.attachments", Message("validation.range", low=0, high=MAX_ATTACHMENTS), ("attachments",)
        )
    cleaned = []
    seen: set[str] = set()
    for i, ref in enumerate(refs):
        path: tuple[str | int, ...] = ("attachments", i)
        given = (ref.name or "").strip()
        name = clean_file_name(given, ATTACHMENT_NAME_LIMIT)  # no folders, devices, overrides
        if not given or len(given) > ATTACHMENT_NAME_LIMIT:
            reason = Message("attachment.name", limit=ATTACHMENT_NAME_LIMIT)
            raise _fail("field.attachments", reason, (*path, "name"))
        sha = (ref.sha256 or "").strip().lower()
        if not SHA256.match(sha):
            raise _fail(
                "field.attachments", Message("attachment.bad_hash", value=ref.sha256), (*path, "sha256")
            )
        if sha in seen:
            raise _fail("field.attachments", Message("playbook.duplicate", value=name), (*path, "sha256"))
        seen.add(sha)
        cleaned.append(AttachmentRef(name, sha, max(0, int(ref.size)), ref.media_type or media_type_of(name)))
    return tuple(cleaned)


def _clean_steps(steps: tuple[Step, ...], role_codes: set[str]) -> tuple[Step, ...]:
    if not steps:
        raise _fail("field.steps", Message("playbook.no_steps"), ("steps",))
    if len(steps) > MAX_STEPS:
        raise _fail("field.steps", Message("validation.range", low=1, high=MAX_STEPS), ("steps",))
    keys = [s.key for s in steps]
    key_set = set(keys)
    duplicated = {k for k in key_set if keys.count(k) > 1} if len(key_set) != len(keys) else set()
    cleaned = []
    for i, step in enumerate(steps):
        n = i + 1
        path: tuple[str | int, ...] = ("steps", i)
        if not STEP_KEY.match(step.key or "") or step.key in duplicated:
            raise _fail(("field.step", n), Message("playbook.duplicate", value=step.key), (*path, "id"))
        text = _text2(step.text, ("field.step_text", n), STEP_TEXT_LIMIT, (*path, "text"), required=True)
        role = (step.role or "").strip()
        if role and role not in role_codes:
            raise _fail(("field.step_role", n), Message("playbook.unknown_role", value=role), (*path, "role"))
        target = _minutes(step.target_minutes, ("field.step_target", n), (*path, "target_minutes"))
        deadline = _minutes(step.deadline_minutes, ("field.step_deadline", n), (*path, "checkpoint"))
        if step.checkpoint and deadline is None:
            raise _fail(
                ("field.step_deadline", n),
                Message("playbook.checkpoint_without_deadline"),
                (*path, "checkpoint"),
            )
        if deadline is not None and not step.checkpoint:
            raise _fail(
                ("field.step_deadline", n),
                Message("playbook.deadline_without_checkpoint"),
                (*path, "checkpoint"),
            )
        condition = _text2(step.condition, ("field.step_goto", n), STEP_TEXT_LIMIT, (*path, "condition"))
        if step.goto is not None:
            if step.goto == step.key:
                raise _fail(
                    ("field.step_goto", n), Message("playbook.goto_self"), (*path, "condition", "goto")
                )
            if step.goto not in key_set:
                raise _fail(
                    ("field.step_goto", n),
                    Message("playbook.unknown_goto", value=step.goto),
                    (*path, "condition", "goto"),
                )
            if not condition:
                raise _fail(
                    ("field.step_goto", n), Message("playbook.goto_without_condition"), (*path, "condition")
                )
        cleaned.append(
            Step(step.key, text, role, target, bool(step.checkpoint), deadline, condition, step.goto)
        )
    return tuple(cleaned)


def linked_plans(guide: PlanTier, category: IncidentCategory, plans: Sequence[PlaybookSummary]) -> list[str]:
    """The codes of the plans a service guide hands over to when its situation turns into an
    incident: the approved special and on-site plans of its category (a guide links them, never
    copies them). Empty for a plan, which is itself what is started."""
    if guide is not PlanTier.SERVICE:
        return []
    return [
        p.code
        for p in plans
        if p.category == category
        and p.tier in (PlanTier.SPECIAL, PlanTier.ONSITE)
        and p.status == PlaybookStatus.APPROVED
    ]
