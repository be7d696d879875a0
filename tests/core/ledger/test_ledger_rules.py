"""The ledger's stamps and canonical texts are what verification recomputes: their fast forms must
give exactly the text of the plain ones (strftime, json.dumps) they stand for."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

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
