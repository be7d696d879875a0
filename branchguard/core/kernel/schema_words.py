"""A JSON Schema refusal worded for people, in either language: where (the record, the field) and
what is wrong, from jsonschema's error (its own `message` is English only, and says `'x' is not of
type 'integer'` without the record). The words are schema_messages.py's."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from branchguard.core.kernel.i18n import Message

# Fields that name a record in a list of records, in the order asked (a ledger entry: its seq).
_NAMING_FIELDS = ("id", "seq", "month", "rule", "name")
# The patterns of the published schemas, said as the form they ask for; another is shown as it is.
_PATTERN_FORMS = {
    "^[0-9a-f]{64}$": Message("jsonschema.form.hex", digits=64),
    "^[0-9a-f]{16}$": Message("jsonschema.form.hex", digits=16),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$": Message("jsonschema.form.time"),
    "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$": Message("jsonschema.form.time"),
    "^\\d{4}-\\d{2}$": Message("jsonschema.form.month"),
    "^\\d{4}-(\\d{2}|Q[1-4])$": Message("jsonschema.form.period"),
}
_SHOWN = 60  # characters of a value or a list of choices shown
_CHOICES = 8  # choices listed before "…"


def first_error(errors: Iterable[ValidationError]) -> ValidationError | None:
    """The error of the first place in the document (records in their order). An `anyOf` is said
    by the alternative of the value's type that came nearest (a time that is no time: its form, not
    "null expected"); one whose every alternative asks another type stays, said as those types."""
    error = next(iter(sorted(errors, key=_place)), None)
    while error is not None and error.context and not _only_types(error.context):
        error = best_match(e for e in error.context if not _is_type_error(e))
    return error


def field_problem(field: str, key: str, value: Any, **more: object) -> Message:
    """A check past the schema's, worded as a schema error is: field `field` holds `value`, which
    `key` says what is wrong with (a period that is none, a time that is no time)."""
    what = Message(key, value=json.dumps(value, ensure_ascii=False), **more)
    return Message("jsonschema.at", where=Message("jsonschema.where.field", field=field), what=what)


def _place(error: ValidationError) -> list[tuple[int, int, str]]:
    """Where an error is, for sorting: record numbers as numbers (record 3 before record 11)."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.path]


def _is_type_error(error: ValidationError) -> bool:
    return error.validator == "type" and not error.relative_path


def _only_types(errors: Sequence[ValidationError]) -> bool:
    return all(_is_type_error(e) for e in errors)


def worded(error: ValidationError, records: Sequence[Any] | None = None) -> Message:
    """`error` as "where: what". `records`: the document, when it is a list of records: the first
    step of a place is then the record (counted from 1, named by its id where it has one)."""
    path = list(error.absolute_path)
    what, field = _what(error)
    if field is not None:
        path.append(field)
    return Message("jsonschema.at", where=_where(path, records), what=what)


def _where(path: list[Any], records: Sequence[Any] | None) -> Message:
    if records is not None and path and isinstance(path[0], int):
        record = records[path[0]] if path[0] < len(records) else None
        named = next(
            (f"{k} {record[k]}" for k in _NAMING_FIELDS
             if isinstance(record, Mapping) and isinstance(record.get(k), int | str) and record.get(k) != ""),
            None,
        )  # fmt: skip
        ident = Message("jsonschema.ident", name=_shown(named, quote=False)) if named else ""
        if len(path) == 1:
            return Message("jsonschema.where.record", n=path[0] + 1, ident=ident)
        return Message("jsonschema.where.record_field", n=path[0] + 1, ident=ident, field=_field(path[1:]))
    if not path:
        return Message("jsonschema.where.top")
    return Message("jsonschema.where.field", field=_field(path))


def _field(path: Sequence[Any]) -> str:
    """A field's path: names joined by "/", a list's item counted from 1 in brackets."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f"/{step}" if text else str(step))
    return text


def _what(error: ValidationError) -> tuple[Message, str | None]:
    """What is wrong, and the field it is about when that is not on the error's path (one missing
    or unknown)."""
    kind, limit, value = error.validator, error.validator_value, error.instance
    if kind == "required" and isinstance(value, Mapping):
        missing = [str(name) for name in limit if name not in value]
        return Message("jsonschema.missing"), (missing[0] if missing else None)
    if kind == "additionalProperties" and isinstance(value, Mapping):
        known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = sorted(str(k) for k in value if k not in known)
        return Message("jsonschema.unknown_fields", fields=_shown(", ".join(extra), quote=False)), None
    if kind == "type" or (kind in ("anyOf", "oneOf") and error.context and _only_types(error.context)):
        if kind != "type":  # each alternative another type: the types they ask
            limit = [e.validator_value for e in error.context]
        wanted = [limit] if isinstance(limit, str) else [n for n in dict.fromkeys(_flat(limit))]
        expected = _either([Message(f"jsonschema.type.{name}") for name in wanted])
        return Message(
            "jsonschema.type", found=Message(f"jsonschema.type.{_type_of(value)}"), expected=expected
        ), None
    if kind in ("enum", "const"):
        allowed = [limit] if kind == "const" else list(limit)
        listed = ", ".join(_shown(a) for a in allowed[:_CHOICES]) + (", …" if len(allowed) > _CHOICES else "")
        key = "jsonschema.const" if len(allowed) == 1 else "jsonschema.enum"
        return Message(key, value=_shown(value), allowed=listed), None
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        return Message(f"jsonschema.{kind}", value=_shown(value), limit=limit), None
    if kind == "minLength" and limit == 1:
        return Message("jsonschema.empty"), None
    if kind in ("minLength", "maxLength") and isinstance(value, str):
        return Message(f"jsonschema.{kind}", limit=limit, length=len(value)), None
    if kind in ("minItems", "maxItems") and isinstance(value, list):
        return Message(f"jsonschema.{kind}", limit=limit, count=len(value)), None
    if kind == "pattern":
        form = _PATTERN_FORMS.get(str(limit)) or Message("jsonschema.form.pattern", pattern=limit)
        return Message("jsonschema.pattern", value=_shown(value), form=form), None
    if kind == "format":
        return Message("jsonschema.format", value=_shown(value), form=limit), None
    if kind == "uniqueItems":
        return Message("jsonschema.unique"), None
    if kind in ("anyOf", "oneOf"):
        return Message("jsonschema.no_form"), None
    return Message("jsonschema.other", keyword=kind), None


def _flat(names: Any) -> Iterable[str]:
    for name in names:
        yield from ([name] if isinstance(name, str) else _flat(name))


def _either(names: list[Message]) -> Message | str:
    if not names:
        return ""
    said: Message = names[0]
    for name in names[1:]:
        said = Message("jsonschema.or", a=said, b=name)
    return said


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _shown(value: Any, quote: bool = True) -> str:
    """A value as the file holds it (JSON, Chinese as it is), cut to a readable length."""
    text = json.dumps(value, ensure_ascii=False) if quote else str(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
