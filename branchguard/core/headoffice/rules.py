"""Pure head-office rules: the published schema, a package's ledger continuity against what head
office holds, and the figures a record is counted by. No session, no I/O beyond the bundled
schema, no clock."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from branchguard.core.dashboard.hazard_history import RESOLVING, STATE_KINDS
from branchguard.core.dashboard.waivers import standing_waiver
from branchguard.core.headoffice.schema_check import compile_schema
from branchguard.core.headoffice.types import DrillMarks, HeldHead
from branchguard.core.kernel.china_time import CHINA
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.schema_words import field_problem, first_error, worded
from branchguard.core.ledger import rules as ledger_rules
from branchguard.paths import resources_dir

SCHEMA_FILE = "package-v1.json"


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resources_dir() / "schema" / SCHEMA_FILE).read_text("utf-8"))
    return loaded


@cache
def validator(part: str) -> Draft202012Validator:
    """A validator of one part of a package (`manifest`, a kind of record, `ledger`)."""
    full = schema()
    return Draft202012Validator({"$defs": full["$defs"], "$ref": f"#/$defs/{part}"})


@cache
def fast_check(part: str) -> Callable[[Any], bool]:
    """The schema of `part` compiled into plain checks (schema_check.py: a speed trick)."""
    return compile_schema({"$ref": f"#/$defs/{part}"}, schema()["$defs"])


def schema_problem(part: str, value: Any) -> Message | None:
    """The first place where `value` breaks the schema of `part`, worded (schema_words.py: the
    record and field, in either language); None when it holds. The compiled checks decide;
    jsonschema says where and why they refused."""
    if fast_check(part)(value):
        return None
    error = first_error(validator(part).iter_errors(value))
    if error is None:  # never seen: the two disagree; refuse all the same
        what = Message("jsonschema.differs", part=part)
        return Message("jsonschema.at", where=Message("jsonschema.where.top"), what=what)
    return worded(error, value if isinstance(value, list) else None)  # records, ledger entries


def format_problem(manifest: Any, file: str) -> Message | None:
    """A manifest of another format, or of a later version of this one, said as such before the
    schema is asked (which words either as a field that breaks it, "version: 1 was expected"); None
    when it is a package of a version this BranchGuard reads."""
    from branchguard.core.exchange import rules as package

    if not isinstance(manifest, Mapping) or manifest.get("format") != package.FORMAT:
        return None  # the schema names what is wrong with it
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version <= package.VERSION:
        return None
    generator = manifest.get("generator")
    made_by = generator.get("version") if isinstance(generator, Mapping) else None
    return Message(
        "ho.newer_format",
        file=file,
        version=version,
        supported=package.VERSION,
        made_by=str(made_by)[:40] if made_by else "?",
    )


def manifest_meaning_problem(manifest: Mapping[str, Any]) -> Message | None:
    """What the schema's patterns let through and the import would trip on or store wrongly: a time
    or a date that is no day (2026-13-45), a period that is none (2026-13) or whose dates are not
    its own. Worded as schema_problem words a place; None when the manifest means what it says."""
    from branchguard.core.exchange.rules import period_of
    from branchguard.core.kernel.errors import ValidationError

    created = str(manifest["created_at"])
    try:
        datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return field_problem("created_at", "jsonschema.no_time", value=created)
    period = manifest["period"]
    try:
        expected = period_of(str(period["name"]))
    except ValidationError:
        return field_problem("period/name", "jsonschema.no_period", value=period["name"])
    for bound in ("start", "end"):
        if period[bound] != getattr(expected, bound).isoformat():
            key, value = f"jsonschema.not_{bound}", period[bound]
            return field_problem(f"period/{bound}", key, value=value, period=expected.name)
    return None


def chain_problem(
    entries: Sequence[Mapping[str, Any]], previous: Mapping[str, Any], head: Mapping[str, Any]
) -> Message | None:
    """Whether the package's ledger entries chain from its stated previous head to its stated head,
    each hash recomputed from its fields."""
    prev_seq, prev_hash = int(previous["seq"]), str(previous["hash"])
    for e in entries:
        if e["seq"] != prev_seq + 1 or e["prev_hash"] != prev_hash:
            return Message("ho.ledger_broken", seq=e["seq"])
        computed = ledger_rules.entry_hash(
            prev_hash, e["seq"], e["at"], e["actor"], e["entity"], e["entity_id"], e["action"], e["digest"]
        )
        if computed != e["hash"]:
            return Message("ho.ledger_broken", seq=e["seq"])
        prev_seq, prev_hash = e["seq"], e["hash"]
    if prev_seq != head["seq"] or prev_hash != head["hash"]:
        return Message("ho.ledger_broken", seq=head["seq"])
    return None


def heads_digest(heads: Sequence[HeldHead]) -> str:
    """SHA-256 of the heads held, as canonical JSON in code order: what the regional report's anchor
    names, so that its signature covers every branch's head the report prints."""
    listed = [
        [h.code, h.fingerprint, h.packages, h.ledger_seq, h.ledger_hash, h.last_period, h.last_manifest]
        for h in sorted(heads, key=lambda h: h.code)
    ]
    return hashlib.sha256(ledger_rules.canonical(listed).encode()).hexdigest()


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)


# Head office counts its branches' days in China Standard Time (UTC+8, the country's one zone, no
# daylight saving), the days its branches keep, not in the zone of the PC the report runs on: on a
# server kept in UTC a robbery at 00:30 on 1 January fell in December, the branch's own January
# package and report counting it in January, and the month's complaint statistics left January.
def day_start(day: date) -> datetime:
    """When a branch's day begins, in UTC (a period's bounds, a month's statistics)."""
    return datetime.combine(day, time(), tzinfo=CHINA).astimezone(UTC)


def _day_end(value: Any) -> datetime | None:
    """A due date as the instant it is overdue from: the end of the branch's day."""
    if not value:
        return None
    return day_start(date.fromisoformat(str(value)) + timedelta(days=1))


def _day_start(value: Any) -> datetime:
    """A branch's day, as text, as the instant it begins (as a period's bounds are taken)."""
    return day_start(date.fromisoformat(str(value)))


COMPLAINT_SUMS = ("received", "answered", "on_time", "rated", "satisfied")


def complaint_totals(months: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """The complaint statistics of several months (complaintstats records) added up."""
    return {name: sum(int(m.get(name) or 0) for m in months) for name in COMPLAINT_SUMS}


def facts(kind: str, r: Mapping[str, Any], period: str) -> dict[str, Any]:
    """The columns head office counts a record by, taken from the record as the package of
    `period` holds it."""
    if kind == "incidents":
        return {
            "source_id": str(r["id"]),
            "category": r["category"],
            "level": r["level"],
            "status": r["status"],
            "opened_at": _when(r["started_at"]),
            "closed_at": _when(r["closed_at"]),
        }
    if kind == "actions":
        return {
            "source_id": str(r["id"]),
            "status": "done" if r["done_at"] else "open",
            "due_at": _day_end(r["due"]),
            "closed_at": _when(r["done_at"]),
        }
    if kind == "drills":
        evaluation = r.get("evaluation") or None
        # A drill recorded afterwards was scored when it was typed in, months after it ended: its end
        # is not known, as its own report says ("—"), not the day it was entered.
        recorded = drill_marks(r).recorded_afterwards
        return {
            "source_id": str(r["id"]),
            "category": r["category"],
            "status": r["status"],
            "opened_at": _when(r["run_at"] or r["planned_at"]),
            "closed_at": _when(evaluation["evaluated_at"]) if evaluation and not recorded else None,
            # a drill recorded afterwards and voided keeps its evaluation, but was never held
            "score": float(evaluation["score"]) if evaluation and r["status"] != "cancelled" else None,
        }
    if kind == "inspections":
        return {
            "source_id": str(r["id"]),
            "status": r["status"],
            "opened_at": _when(r["started_at"]),
            "closed_at": _when(r["submitted_at"]),
        }
    if kind == "hazards":
        return {
            "source_id": str(r["id"]),
            "level": r["severity"],
            "status": r["status"],
            "opened_at": _when(r["opened_at"]),
            "due_at": _when(r["due_at"]),
            "closed_at": _when(r["closed_at"]),
        }
    if kind == "complaints":
        return {
            "source_id": str(r["id"]),
            "category": r["category"],
            "level": r["kind"],
            "status": r["status"],
            "opened_at": _when(r["received_at"]),
            "due_at": _when(r["due_at"]),
            "closed_at": _when(r["clock_stopped_at"]),
        }
    if kind == "complaintstats":  # a month's statistics: when the month began
        return {"source_id": str(r["month"]), "opened_at": _day_start(r["start"])}
    if kind == "compliance":  # a rule's state as of the period's end: one per rule and period
        return {
            "source_id": compliance_key(period, str(r["rule"])),
            "status": r["status"],
            "due_at": _day_end(r["next_due"]),
        }
    raise KeyError(kind)


def drill_marks(r: Mapping[str, Any]) -> DrillMarks:
    """How a drill record came to be: from its `recorded_afterwards`, `paper` and `voided` (package
    fields since held drills travel marked); a record of an earlier package, without them, is read
    from the plan's columns every package carries (run with no incident: recorded afterwards, its
    notes the reference; cancelled so: voided, why unknown)."""
    if "recorded_afterwards" in r:
        recorded = bool(r["recorded_afterwards"])
        paper: Mapping[str, Any] = r.get("paper") or {}
        void: Mapping[str, Any] | None = r.get("voided") or None
    else:
        recorded = r.get("run_at") is not None and "incident_id" in r and r["incident_id"] is None
        evaluation = r.get("evaluation") or {}
        paper = {"reference": r.get("notes"), "evaluator": evaluation.get("evaluator"),
                 "entered_at": r.get("created_at"), "entered_by": r.get("created_by")}  # fmt: skip
        void = {} if recorded and r.get("status") == "cancelled" else None
    if not recorded:
        return DrillMarks()
    return DrillMarks(
        recorded_afterwards=True,
        reference=str(paper.get("reference") or ""),
        # by the names people know where the package gives them (accounts are the branch's own)
        evaluator=str(paper.get("evaluator_name") or paper.get("evaluator") or ""),
        entered_at=_when(paper.get("entered_at")),
        entered_by=str(paper.get("entered_by_name") or paper.get("entered_by") or ""),
        voided=void is not None,
        voided_at=_when(void.get("at")) if void else None,
        voided_by=str(void.get("by_name") or void.get("by") or "") if void else "",
        void_reason=str(void.get("reason") or "") if void else "",
    )


def compliance_key(period: str, rule: str) -> str:
    """The key of a drill rule's state in a period's package. A package carries each rule as of
    its period's end, so each period keeps its own: keyed by the rule alone, a later month's
    package replaced an earlier month's rows and that month's report read the later status.
    (A row imported before keyed by the rule alone stands for the period of its package.)"""
    return f"{period}/{rule}"


def hazard_open_at(opened: datetime, events: Sequence[Mapping[str, Any]], end: datetime) -> bool:
    """Whether a hazard was open at `end`, read from its history as the package carries it, as the
    branch's periodic report reads it (core/dashboard/hazard_history.open_at): opened before `end`,
    and not resolved by its last verification, close or reopening before `end` (none: open since
    opened). Its columns hold only its state now: a hazard verified in a month and reopened after
    it read as open at that month's end."""
    if opened >= end:
        return False
    state = sorted(
        (at, int(e.get("id") or 0), str(e["kind"]))
        for e in events
        if e.get("kind") in STATE_KINDS and (at := _when(e.get("at"))) is not None and at < end
    )
    return not (state and state[-1][2] in RESOLVING)


def waived_in(events: Sequence[Mapping[str, Any]], start: datetime, end: datetime) -> bool:
    """Whether a major hazard was verified or closed in [start, end) with milestones outstanding,
    under a waiver still standing at `end`, read from its history as the package carries it (a
    package of any release with waivers has the events), as the branch's report counts it
    (core/dashboard/waivers.py)."""
    history = [(str(e["kind"]), at) for e in events if (at := _when(e.get("at"))) is not None]
    at = standing_waiver(history, end)
    return at is not None and at >= start


def summary(kind: str, r: Mapping[str, Any], lang: str) -> str:
    """A record's one line as head office lists it: its title, an action's text, a rule's name."""
    if kind == "actions":
        return str(r.get("text") or "")
    if kind == "compliance":
        name = r.get("name") or {}
        return str(name.get("en" if lang == "en" else "zh") or r.get("rule") or "")
    if kind == "complaints":
        return str(r.get("request") or r.get("category") or "")
    if kind == "complaintstats":
        return str(r.get("month") or "")
    return str(r.get("title") or r.get("template") or "")


HAZARD_DONE = ("verified", "closed")  # a hazard no longer open
COMPLAINT_DONE = ("archived", "withdrawn")  # a complaint no longer open
COMPLAINT_ANSWERED = ("replied", *COMPLAINT_DONE)  # its clock stopped
