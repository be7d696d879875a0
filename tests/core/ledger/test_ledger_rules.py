"""The ledger's stamps and canonical texts are what verification recomputes: their fast forms must
give exactly the text of the plain ones (strftime, json.dumps) they stand for."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from branchguard.core.ledger import rules

TIMES = [
    datetime(2026, 12, 5, 4, 41, 18, 123456, tzinfo=UTC),
    datetime(2026, 1, 1, 0, 0, 0, 0, tzinfo=UTC),  # no microseconds: still six digits
    datetime(2025, 6, 30, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=8))),  # a local time
    datetime(1999, 12, 31, 16, 0, tzinfo=timezone(timedelta(hours=-8))),  # across a year
    datetime(999, 3, 1, 12, 0, 1, 5, tzinfo=UTC),  # before year 1000: strftime's own form
]


@pytest.mark.parametrize("at", TIMES, ids=str)
def test_stamp_is_the_strftime_form(at: datetime) -> None:
    assert rules.stamp(at) == at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_canonical_is_sorted_compact_json() -> None:
    state = {"b": [1, {"z": None, "a": "事件"}], "a": 1.5, "c": True, "d": "\u202e"}
    expected = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert rules.canonical(state) == expected
    assert rules.canonical(state) == rules.canonical(dict(reversed(state.items())))


ENTRIES = [
    ("0" * 64, 1, "2026-12-05T04:41:18.123456Z", "lead", "incident", "12", "create", "a" * 64),
    ("f" * 64, 77, "2026-12-05T04:41:18.000000Z", '王 "经理"', "hazard", "3\\4", "change", ""),
    ("1" * 64, 10**12, "", "\u202e\x00\n\t", "complaint_step", "é", "delete", "b" * 64),
    ("2" * 64, True, "at", "a", "e", "1", "x", "d"),  # a bool is not an int: the plain route
    ("3" * 64, 5, "at", "a", "e", 7, "x", "d"),  # an id given as a number: the plain route
]


@pytest.mark.parametrize("fields", ENTRIES, ids=range(len(ENTRIES)))
def test_an_entry_hash_is_sha256_of_its_canonical_text(fields: tuple[Any, ...]) -> None:
    prev, seq, at, actor, entity, entity_id, action, digest = fields
    text = json.dumps(
        {"seq": seq, "at": at, "actor": actor, "entity": entity, "entity_id": entity_id, "action": action,
         "digest": digest},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )  # fmt: skip
    expected = hashlib.sha256(f"{prev}\n{text}".encode()).hexdigest()
    assert rules.entry_hash(*fields) == expected


def test_plain_values() -> None:
    at = TIMES[2]
    assert rules.plain(at) == rules.stamp(at)
    assert rules.plain(date(2026, 2, 3)) == "2026-02-03"
    for value in ("x", 3, 2.5, False, None, [1], {"a": 1}):
        assert rules.plain(value) == value


def test_attachment_hashes_are_found_at_any_depth() -> None:
    state = {"title": "x", "photos": [{"sha256": "a" * 64, "name": "p"}], "n": 3,
             "data": {"inner": {"sha256": "b" * 64}}}  # fmt: skip
    assert sorted(rules.attachment_hashes(state)) == ["a" * 64, "b" * 64]


def test_every_kind_of_evidence_has_a_name_for_verify_to_print() -> None:
    """`verify` names a record in trouble as "complaint 7" / "投诉 7": a kind without its message
    made the report itself fail (four kinds came without one)."""
    from branchguard.core.kernel.i18n import has_message

    assert [e for e, _table, _out in rules.EVIDENCE if not has_message(f"ledger.entity.{e}")] == []


TEXTS = ["lead", "", 'a "quoted" \\ back', "事件 3：火警", "\u202e\u2028\x00\x1f\x7f", "emoji 🚒", "7"]


@pytest.mark.parametrize("text", TEXTS, ids=repr)
def test_entry_hash_writes_the_canonical_text(text: str) -> None:
    """The entry's text written by hand is the canonical JSON of its fields, whatever the strings."""
    fields = {"seq": 12, "at": "2026-12-05T04:41:18.123456Z", "actor": text, "entity": "hazard",
              "entity_id": text, "action": "change", "digest": "d" * 64}  # fmt: skip
    content = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(f"{'p' * 64}\n{content}".encode()).hexdigest()
    args = (fields["seq"], fields["at"], text, "hazard", text, "change", "d" * 64)
    assert rules.entry_hash("p" * 64, *args) == expected  # type: ignore[arg-type]
    # a value of another type (a damaged row) takes the general path to the same text
    damaged = json.dumps({**fields, "actor": None}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(f"{'p' * 64}\n{damaged}".encode()).hexdigest()
    at = fields["at"]
    assert rules.entry_hash("p" * 64, 12, at, None, "hazard", text, "change", "d" * 64) == expected  # type: ignore[arg-type]


STORED = [
    "2026-12-05 07:30:13.472027",  # as SQLAlchemy writes an instant on SQLite
    "2026-12-05 07:30:13",  # written without microseconds (by hand, an old tool)
    "2026-12-05 07:30:13.4",
    "0999-03-01 12:00:01.000005",  # before year 1000: the general path
    None,
]


@pytest.mark.parametrize("text", STORED, ids=repr)
def test_a_stored_time_read_as_text_is_the_stamp_its_type_gives(text: str | None) -> None:
    from sqlalchemy.dialects import sqlite

    from branchguard.core.ledger import store
    from branchguard.db.models.hazards import HazardRow

    dialect = sqlite.dialect()
    col = HazardRow.__table__.c.opened_at
    typed = col.type.dialect_impl(dialect).result_processor(dialect, None)
    _selected, as_stamp = store.stamp_column(col, dialect)
    assert as_stamp(text) == (None if text is None else rules.plain(typed(text)))


@pytest.mark.parametrize("text", ["2027-01-04", None], ids=repr)
def test_a_stored_date_read_as_text_is_its_iso_form(text: str | None) -> None:
    from sqlalchemy.dialects import sqlite

    from branchguard.core.ledger import store
    from branchguard.db.models.hazards import HazardRow

    dialect = sqlite.dialect()
    col = HazardRow.__table__.c.due_date
    typed = col.type.dialect_impl(dialect).result_processor(dialect, None)
    (_selected,), [(_i, as_iso)] = store._read_columns([col], dialect)
    assert as_iso(text) == (None if text is None else rules.plain(typed(text)))


@pytest.mark.parametrize(
    "text", ["null", None, '{"photo": {"sha256": "ab"}, "n": [1, null]}', '"null"', "[]", "0"], ids=repr
)
def test_a_stored_json_read_as_text_is_what_its_type_reads(text: str | None) -> None:
    from sqlalchemy.dialects import sqlite

    from branchguard.core.ledger import store
    from branchguard.db.models.foundation import AuditEventRow

    dialect = sqlite.dialect()
    col = AuditEventRow.__table__.c.after
    typed = col.type.dialect_impl(dialect).result_processor(dialect, None)
    (_selected,), [(_i, as_value)] = store._read_columns([col], dialect)
    assert as_value(text) == (None if text is None else typed(text))
