"""The playbook exchange file: YAML (JSON also reads), versioned, validated with file/line/path.

    format: branchguard.playbooks
    format_version: 1
    playbooks:            # or `playbook:` with a single plan
      - code: FIRE
        ...

docs/playbook-format.md describes every field. A rejected file raises FormatError naming the file,
the place (path in the document, and the line) and the reason; parsing never touches the database.
"""

from __future__ import annotations

import base64
import binascii
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import yaml

from branchguard.core.kernel.attachments import MAX_ATTACHMENT_BYTES, AttachmentRef, media_type_of, sha256_of
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import InputRejected, Limits, line_of, load_yaml, utf8
from branchguard.core.kernel.types import Level, PlaybookStatus, Text2
from branchguard.core.playbooks.rules import clean_content
from branchguard.core.playbooks.types import (
    ContactRef,
    ImportItem,
    IncidentCategory,
    PlanContent,
    PlanRole,
    PlanTier,
    PlaybookVersion,
    Step,
)

FORMAT = "branchguard.playbooks"
FORMAT_VERSION = 1
# A 20 MB attachment is 27 MB in base64; a larger file is refused before it is read.
MAX_FILE_BYTES = 40 * 1024 * 1024
# Depth: a plan's deepest value is 5 levels down; elements: a 500-plan library is ~140,000.
LIMITS = Limits(MAX_FILE_BYTES, max_depth=16, max_items=500_000)

Path_ = tuple[str | int, ...]
E = TypeVar("E", bound=enum.Enum)


class FormatError(ValidationError):
    """A rejected exchange file: where (file, line, path in the document) and why."""

    def __init__(self, source: str, path: Path_, line: int | None, reason: Message) -> None:
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
        kind = "line_path" if line and where else "line" if line else "path" if where else "file"
        super().__init__(Message(f"format.place.{kind}", source=source, line=line, where=where), reason, path)
        self.source = source
        self.line = line


@dataclass(frozen=True)
class ParsedFile:
    items: tuple[ImportItem, ...]
    source: str
    files: dict[str, bytes] = field(default_factory=dict)  # attachment bytes by SHA-256, checked


# -- reading ---------------------------------------------------------------------------------
class _Reader:
    """The document's plain values through the shared guard (size, depth, element count, aliases);
    a failure found later is placed by reading the file again for its path's line."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        self.data = data

    def load(self) -> Any:
        try:
            return load_yaml(self.data, LIMITS, "field.file", text_keys=True)
        except InputRejected as exc:
            raise FormatError(self.source, exc.path, exc.line, exc.reason_message) from None

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest node along `path` (the place itself, or the nearest parent)."""
        return line_of(self.data, path)


def decode(data: bytes, source: str) -> bytes:
    """The file's bytes without a BOM, once proved UTF-8 text without NUL (intake.utf8: a zip or a
    PDF named by its kind, GBK text by its encoding), as the file's FormatError."""
    if len(data) > MAX_FILE_BYTES:
        raise FormatError(
            source, (), None, Message("format.file_too_big", limit=MAX_FILE_BYTES // (1024 * 1024))
        )
    try:
        return utf8(data, "field.file")
    except InputRejected as exc:
        raise FormatError(source, (), exc.line, exc.reason_message) from None


class _Checker:
    """Type and shape checks on the plain values, each failure naming its path and line."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.files: dict[str, bytes] = {}

    def fail(self, path: Path_, reason: Message) -> FormatError:
        return FormatError(self.reader.source, path, self.reader.line_of(path), reason)

    def mapping(
        self, value: Any, path: Path_, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(
                path, Message("format.expected", what=Message("format.type.mapping"), got=_kind(value))
            )
        allowed = set(allowed)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    (*path, key), Message("format.unknown_field", key=key, allowed=", ".join(sorted(allowed)))
                )
        for key in required:
            if key not in value:
                raise self.fail(path, Message("format.missing_field", key=key))
        return value

    def string(self, value: Any, path: Path_, limit: int = 10_000) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(
                path, Message("format.expected", what=Message("format.type.text"), got=_kind(value))
            )
        if len(value) > limit:
            raise self.fail(path, Message("validation.too_long", limit=limit))
        return value

    def integer(self, value: Any, path: Path_) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                path, Message("format.expected", what=Message("format.type.integer"), got=_kind(value))
            )
        return value

    def sequence(self, value: Any, path: Path_, limit: int) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(
                path, Message("format.expected", what=Message("format.type.list"), got=_kind(value))
            )
        if len(value) > limit:
            raise self.fail(path, Message("validation.range", low=0, high=limit))
        return value

    def enum(self, enum_type: type[E], value: Any, path: Path_) -> E:
        text = self.string(value, path, 40)
        try:
            return enum_type(text)
        except ValueError:
            choices = ", ".join(str(m.value) for m in enum_type)
            raise self.fail(path, Message("validation.choice", value=text, choices=choices)) from None

    def text2(self, value: Any, path: Path_, limit: int = 10_000) -> Text2:
        if value is None:
            return Text2()
        if isinstance(value, str):  # one language given as plain text: taken as Chinese
            return Text2(self.string(value, path, limit), "")
        m = self.mapping(value, path, ("zh", "en"))
        return Text2(
            self.string(m.get("zh"), (*path, "zh"), limit), self.string(m.get("en"), (*path, "en"), limit)
        )


def _kind(value: Any) -> Message:
    if value is None:
        return Message("format.type.nothing")
    if isinstance(value, bool):
        return Message("format.type.boolean")
    if isinstance(value, int | float):
        return Message("format.type.number")
    if isinstance(value, str):
        return Message("format.type.text")
    if isinstance(value, list):
        return Message("format.type.list")
    if isinstance(value, dict):
        return Message("format.type.mapping")
    return Message("format.type.other", name=type(value).__name__)


PLAN_FIELDS = (
    "code",
    "status",
    "version",
    "title",
    "tier",
    "category",
    "levels",
    "triggers",
    "cautions",
    "roles",
    "contacts",
    "steps",
    "attachments",
)
ATTACHMENT_FIELDS = ("name", "sha256", "media_type", "data")
STEP_FIELDS = ("id", "text", "role", "target_minutes", "checkpoint", "condition")


def _plan(c: _Checker, value: Any, path: Path_) -> ImportItem:
    m = c.mapping(value, path, PLAN_FIELDS, ("code", "title", "tier", "category", "levels", "steps"))
    status = c.string(m.get("status") or "approved", (*path, "status"))
    if status not in (PlaybookStatus.APPROVED.value, PlaybookStatus.DRAFT.value):
        raise c.fail((*path, "status"), Message("validation.choice", value=status, choices="approved, draft"))
    c.integer(m.get("version"), (*path, "version"))
    roles = []
    for i, r in enumerate(c.sequence(m.get("roles"), (*path, "roles"), 50)):
        rm = c.mapping(r, (*path, "roles", i), ("code", "zh", "en"), ("code",))
        roles.append(
            PlanRole(
                c.string(rm["code"], (*path, "roles", i, "code"), 40),
                Text2(
                    c.string(rm.get("zh"), (*path, "roles", i, "zh"), 100),
                    c.string(rm.get("en"), (*path, "roles", i, "en"), 100),
                ),
            )
        )
    contacts = []
    for i, r in enumerate(c.sequence(m.get("contacts"), (*path, "contacts"), 50)):
        cp = (*path, "contacts", i)
        cm = c.mapping(r, cp, ("kind", "phone", "name"), ("kind", "phone"))
        if isinstance(cm["phone"], int) and not isinstance(cm["phone"], bool):
            raise c.fail((*cp, "phone"), Message("format.phone_quotes"))
        contacts.append(
            ContactRef(
                c.string(cm["kind"], (*cp, "kind"), 40),
                c.string(cm["phone"], (*cp, "phone"), 40),
                c.string(cm.get("name"), (*cp, "name"), 100),
            )
        )
    steps = [
        _step(c, s, (*path, "steps", i))
        for i, s in enumerate(c.sequence(m.get("steps"), (*path, "steps"), 200))
    ]
    levels = c.sequence(m.get("levels"), (*path, "levels"), 3)
    content = PlanContent(
        code=c.string(m["code"], (*path, "code"), 40),
        title=c.text2(m.get("title"), (*path, "title"), 200),
        tier=c.enum(PlanTier, m["tier"], (*path, "tier")),
        category=c.enum(IncidentCategory, m["category"], (*path, "category")),
        levels=tuple(c.enum(Level, lv, (*path, "levels", i)) for i, lv in enumerate(levels)),
        triggers=c.text2(m.get("triggers"), (*path, "triggers")),
        cautions=c.text2(m.get("cautions"), (*path, "cautions")),
        roles=tuple(roles),
        contacts=tuple(contacts),
        steps=tuple(steps),
        attachments=tuple(
            _attachment(c, a, (*path, "attachments", i))
            for i, a in enumerate(c.sequence(m.get("attachments"), (*path, "attachments"), 20))
        ),
    )
    try:
        content = clean_content(content)
    except ValidationError as exc:
        raise c.fail((*path, *exc.path), exc.as_message()) from None
    return ImportItem(content, PlaybookStatus(status))


def _attachment(c: _Checker, value: Any, path: Path_) -> AttachmentRef:
    """A file carried in the exchange file: its bytes must decode and match the stated hash."""
    m = c.mapping(value, path, ATTACHMENT_FIELDS, ("name", "sha256", "data"))
    name = c.string(m["name"], (*path, "name"), 200)
    sha = c.string(m["sha256"], (*path, "sha256"), 64).strip().lower()
    text = c.string(m["data"], (*path, "data"), (MAX_ATTACHMENT_BYTES * 4) // 3 + 8)
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise c.fail((*path, "data"), Message("format.base64")) from None
    found = sha256_of(data)
    if found != sha:
        raise c.fail((*path, "sha256"), Message("format.sha_mismatch", expected=sha, found=found))
    c.files[sha] = data
    media_type = c.string(m.get("media_type"), (*path, "media_type"), 100) or media_type_of(name)
    return AttachmentRef(name, sha, len(data), media_type)


def _step(c: _Checker, value: Any, path: Path_) -> Step:
    m = c.mapping(value, path, STEP_FIELDS, ("id", "text"))
    deadline = None
    checkpoint = m.get("checkpoint")
    if checkpoint is not None and checkpoint is not False:
        cm = c.mapping(checkpoint, (*path, "checkpoint"), ("deadline_minutes",), ("deadline_minutes",))
        deadline = c.integer(cm["deadline_minutes"], (*path, "checkpoint", "deadline_minutes"))
    condition, goto = Text2(), None
    if m.get("condition") is not None:
        cm = c.mapping(m["condition"], (*path, "condition"), ("zh", "en", "goto"))
        condition = c.text2({k: v for k, v in cm.items() if k != "goto"}, (*path, "condition"), 2000)
        goto = c.string(cm.get("goto"), (*path, "condition", "goto"), 40) or None
    step_id = m["id"]
    if isinstance(step_id, int) and not isinstance(step_id, bool):
        step_id = str(step_id)
    return Step(
        key=c.string(step_id, (*path, "id"), 40),
        text=c.text2(m.get("text"), (*path, "text"), 2000),
        role=c.string(m.get("role"), (*path, "role"), 40),
        target_minutes=c.integer(m.get("target_minutes"), (*path, "target_minutes")),
        checkpoint=checkpoint is not None and checkpoint is not False,
        deadline_minutes=deadline,
        condition=condition,
        goto=goto,
    )


def parse(data: bytes, source: str, progress: Callable[[int, int], None] | None = None) -> ParsedFile:
    """Parse and fully validate an exchange file; FormatError names the first problem.

    `progress(done, total)` is called as each plan has been checked.
    """
    reader = _Reader(decode(data, source), source)
    doc = reader.load()
    c = _Checker(reader)
    top = c.mapping(
        doc,
        (),
        ("format", "format_version", "exported_at", "generator", "playbooks", "playbook", "end"),
        ("format", "format_version"),
    )
    # An exported file ends with `end: true`. A file cut short at a line boundary can still be
    # valid YAML holding fewer plans or steps; without the marker it would import as a loss.
    if "generator" in top and top.get("end") is not True:
        raise c.fail((), Message("format.incomplete"))
    if top["format"] != FORMAT:
        raise c.fail(("format",), Message("format.wrong_format", expected=FORMAT))
    version = c.integer(top["format_version"], ("format_version",))
    if version != FORMAT_VERSION:
        raise c.fail(
            ("format_version",), Message("format.wrong_version", version=version, supported=FORMAT_VERSION)
        )
    if ("playbooks" in top) == ("playbook" in top):
        raise c.fail((), Message("format.playbooks_or_playbook"))
    plans = [top["playbook"]] if "playbook" in top else c.sequence(top["playbooks"], ("playbooks",), 100_000)
    key = "playbook" if "playbook" in top else "playbooks"
    items = []
    seen: dict[str, int] = {}
    for i, plan in enumerate(plans):
        path: Path_ = (key,) if key == "playbook" else (key, i)
        item = _plan(c, plan, path)
        if item.content.code in seen:
            raise c.fail((*path, "code"), Message("playbook.duplicate", value=item.content.code))
        seen[item.content.code] = i
        items.append(item)
        if progress is not None:
            progress(i + 1, len(plans))
    return ParsedFile(tuple(items), source, c.files)


# -- writing ---------------------------------------------------------------------------------
def _text2(value: Text2) -> dict[str, str]:
    return {k: v for k, v in (("zh", value.zh), ("en", value.en)) if v}


FileReader = Callable[[str], bytes]  # SHA-256 -> the attachment's bytes


def plan_document(version: PlaybookVersion, read: FileReader | None = None) -> dict[str, Any]:
    c = version.content
    doc: dict[str, Any] = {
        "code": c.code,
        "status": version.info.status.value if version.info.status != PlaybookStatus.RETIRED else "approved",
        "version": version.info.number,
        "title": _text2(c.title),
        "tier": c.tier.value,
        "category": c.category.value,
        "levels": [lv.value for lv in c.levels],
    }
    if c.triggers:
        doc["triggers"] = _text2(c.triggers)
    if c.cautions:
        doc["cautions"] = _text2(c.cautions)
    if c.roles:
        doc["roles"] = [{"code": r.code, **_text2(r.name)} for r in c.roles]
    if c.contacts:
        doc["contacts"] = [
            {"kind": x.kind, "phone": x.phone, **({"name": x.name} if x.name else {})} for x in c.contacts
        ]
    doc["steps"] = [_step_document(s) for s in c.steps]
    if c.attachments:
        if read is None:
            raise ValueError(f"{c.code} has attachments: export needs the attachment store")
        doc["attachments"] = [
            {
                "name": a.name,
                "sha256": a.sha256,
                "media_type": a.media_type,
                "data": base64.b64encode(read(a.sha256)).decode("ascii"),
            }
            for a in c.attachments
        ]
    return doc


def _step_document(s: Step) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": s.key, "text": _text2(s.text)}
    if s.role:
        doc["role"] = s.role
    if s.target_minutes is not None:
        doc["target_minutes"] = s.target_minutes
    if s.checkpoint:
        doc["checkpoint"] = {"deadline_minutes": s.deadline_minutes}
    if s.condition or s.goto:
        doc["condition"] = {**_text2(s.condition), **({"goto": s.goto} if s.goto else {})}
    return doc


def dump(
    versions: Iterable[PlaybookVersion], *, generator: str = "BranchGuard", read: FileReader | None = None
) -> bytes:
    """The exchange file for these versions, as UTF-8 YAML; `read` gives attachments' bytes."""
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": generator,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "playbooks": [plan_document(v, read) for v in versions],
        "end": True,
    }
    dumper = yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper
    return yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096).encode("utf-8")
