"""The ledger's pure computations: a record's canonical state, its digest, an entry's hash, which
fields differ, which attachment hashes a state names. No session, no I/O, no clock."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

GENESIS = "0" * 64
INCIDENT = "incident"  # the entity whose log entries are ledgered as appends

# Every kind of record that is evidence: (entity, table, columns left out). Left out are only
# columns that change without being evidence: an incident's log end (checked against its ledgered
# log entries instead) and a user's login bookkeeping, which a wrong password changes.
EVIDENCE: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (entity, table, frozenset(leave_out))
    for entity, table, leave_out in (
        (INCIDENT, "incidents", ("last_seq", "chain_head")),
        ("incident_action", "incident_actions", ()),
        ("early_warning", "early_warnings", ()),
        ("early_warning_event", "early_warning_events", ()),
        ("drill_plan", "drill_plans", ()),
        ("drill_evaluation", "drill_evaluations", ()),
        ("drill_criteria", "drill_criteria_sets", ()),
        ("compliance_rule", "drill_compliance_rules", ()),
        ("inspection", "inspections", ()),
        ("inspection_answer", "inspection_answers", ()),
        ("inspection_amendment", "inspection_amendments", ()),
        ("inspection_correction", "inspection_corrections", ()),
        ("inspection_escalation", "inspection_escalations", ()),
        ("hazard", "hazards", ()),
        ("hazard_step", "hazard_steps", ()),
        ("hazard_event", "hazard_events", ()),
        ("severity_rule", "hazard_severity_rules", ()),
        ("complaint", "complaints", ()),
        ("complaint_step", "complaint_steps", ()),
        ("complaint_event", "complaint_events", ()),
        ("user", "users", ("failed_attempts", "locked_until", "last_login_at")),
        ("branch", "branch", ()),
        ("playbook", "playbooks", ()),
        ("playbook_version", "playbook_versions", ()),
        ("playbook_step", "playbook_steps", ()),
        ("audit_event", "audit_events", ()),
        ("team_assignment", "team_assignments", ()),
        ("training_record", "training_records", ()),
        ("trusted_key", "library_trusted_keys", ()),
        ("working_day_year", "working_day_years", ()),
        ("library_import", "library_imports", ()),
        ("checklist", "inspection_templates", ()),
        ("checklist_version", "inspection_template_versions", ()),
        ("checklist_item", "inspection_template_items", ()),
        ("complaint_category", "complaint_categories", ()),
        ("person", "people", ()),
        ("contact", "contacts", ()),
        ("schedule", "schedules", ()),
        ("schedule_occurrence", "schedule_occurrences", ()),
    )
)
# A record's parts: the kinds whose rows name it (by that column) and that a document about it
# prints with it (an incident report its actions, an inspection report its answers). Proving the
# record alone left a part rewritten outside the app printed under "unchanged since anchor"; a
# record's check (`verify` of one record) checks the rows of its parts that name it, and every row
# of those kinds the table has lost.
PARTS: dict[str, tuple[tuple[str, str], ...]] = {
    INCIDENT: (("incident_action", "incident_id"),),
    "complaint": (
        ("complaint_step", "complaint_id"), ("complaint_event", "complaint_id"),
        ("incident_action", "complaint_id"),
    ),
    "inspection": (
        ("inspection_answer", "inspection_id"), ("inspection_amendment", "inspection_id"),
        ("inspection_correction", "inspection_id"), ("inspection_escalation", "inspection_id"),
    ),
    "drill_plan": (("drill_evaluation", "plan_id"),),
    "hazard": (("hazard_step", "hazard_id"), ("hazard_event", "hazard_id")),
    "early_warning": (("early_warning_event", "warning_id"),),
    "playbook_version": (("playbook_step", "version_id"),),  # a plan's card and export print its steps
    "checklist_version": (("checklist_item", "version_id"),),  # an inspection's report prints its items
}  # fmt: skip
# Kinds the ledger began to keep later than the rest: the checklists (an inspection's report prints
# its items' words from them) and the complaint categories (a complaint names its category by
# code), since revision 0023; the roster and the emergency contacts (the console dials their
# numbers, a drill's roles name the people), since 0024; the schedules and their occurrences (the
# dashboard's overdue figures and head office's package read them: an item marked done, a rule
# rewritten), since 0026, their reminders not (fired, snoozed, dismissed: bookkeeping). A ledger
# kept before holds none of their records; its next start takes them in
# (service.take_in_later_kinds), so a number rewritten afterwards is found.
LATER_KINDS = (
    "checklist",
    "checklist_version",
    "checklist_item",
    "complaint_category",
    "person",
    "contact",
    "schedule",
    "schedule_occurrence",
)
# Built-in content and settings the app writes by itself into a new database; every other kind is a
# record someone wrote (an account at the least), which is what an empty database has none of.
BUILT_IN = frozenset(
    {
        "playbook",
        "playbook_version",
        "playbook_step",
        "branch",
        "audit_event",
        "severity_rule",
        "compliance_rule",
        "drill_criteria",
        "checklist",
        "checklist_version",
        "checklist_item",
        "complaint_category",
        "contact",  # the public numbers (110, 119, 120)
    }
)
ENTITY_OF_TABLE = {table: (entity, leave_out) for entity, table, leave_out in EVIDENCE}


def stamp(at: datetime) -> str:
    """A time as the ledger keeps it: UTC to the microsecond (as the incident log does).

    isoformat gives the same text as strftime("%Y-%m-%dT%H:%M:%S.%fZ") for years from 1000 on, in
    a third of the time: `verify` stamps every ledger entry and every time column of every record
    (800,000 stamps at ten years, 2 s of its profile)."""
    utc = at.astimezone(UTC)
    if utc.year < 1000:  # strftime does not pad %Y to four digits on every platform
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return utc.isoformat(timespec="microseconds")[:-6] + "Z"  # "+00:00" (UTC's offset) as "Z"


# Values JSON keeps as they are, answered before the datetime and date checks (most column values).
_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A column's value as JSON keeps it: times as UTC stamps, dates in ISO form, the rest as is
    (JSON columns are already plain)."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


# Columns added to an evidence table after its records could be ledgered: left out of a record's
# state while empty, so a record ledgered before the column existed still matches its entry.
LATER_COLUMNS: frozenset[tuple[str, str]] = frozenset(
    {("incidents", "warning_level"), ("incident_actions", "complaint_id"), ("hazards", "drill_id")}
)


def state_of(values: Mapping[str, Any], table: str = "") -> dict[str, Any]:
    """A record's evidence state from its column values (read through the columns' own types)."""
    return {
        name: plain(value)
        for name, value in values.items()
        if value is not None or (table, name) not in LATER_COLUMNS
    }


def with_later_nulls(state: Mapping[str, Any], table: str) -> dict[str, Any] | None:
    """`state` with its table's LATER_COLUMNS put back as null where left out; None when it lacks
    none. Some versions hashed an empty later column as null (a follow-up action's `complaint_id`,
    from when complaints could name actions until the column was made a later one): a record
    ledgered then, unchanged since, is as ledgered in either form."""
    missing = {name: None for t, name in LATER_COLUMNS if t == table and name not in state}
    return {**state, **missing} if missing else None


# One encoder for every canonical text: json.dumps with these options builds a new JSONEncoder at
# each call, a quarter of its time over the 700,000 texts `verify` hashes at ten years.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical(value: Any) -> str:
    """Sorted-key compact JSON: the same state always gives the same text."""
    return _CANONICAL.encode(value)


def digest_of(state: Mapping[str, Any] | None) -> str:
    return hashlib.sha256(canonical(state).encode()).hexdigest()


def as_ledgered(digest: str, state: Mapping[str, Any], table: str) -> bool:
    """Whether `state` is the one whose digest the ledger keeps, as hashed now or in the form some
    versions hashed it (`with_later_nulls`)."""
    if digest_of(state) == digest:
        return True
    older = with_later_nulls(state, table)
    return older is not None and digest_of(older) == digest


# The C function the encoder above writes each string with (ensure_ascii=False).
_STRING = json.encoder.encode_basestring


def entry_hash(
    prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: str, action: str, digest: str
) -> str:
    """SHA-256(prev_hash + "\\n" + canonical JSON of the entry's fields); `at` is already a stamp.

    A speed trick (docs/architecture.md, "Speed tricks"): with six text fields and a number the
    canonical text is written directly, keys in sorted order, each string by the encoder's own
    function: the same text as `canonical` at a third of its cost, for each of the ledger's
    entries `verify` rehashes (380,000 at ten years). tests/core/ledger/test_ledger_rules.py holds both."""
    if type(seq) is int:
        e = _STRING
        try:  # the encoder's string function refuses anything but a string: the general path below
            content = (
                f'{{"action":{e(action)},"actor":{e(actor)},"at":{e(at)},"digest":{e(digest)},'
                f'"entity":{e(entity)},"entity_id":{e(entity_id)},"seq":{seq}}}'
            )
        except TypeError:
            pass
        else:
            return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()
    content = canonical(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "digest": digest,
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def changed_fields(current: Mapping[str, Any], ledgered: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, current value, ledgered value) for every field that differs, in name order."""
    names = sorted(set(current) | set(ledgered))
    return [(n, current.get(n), ledgered.get(n)) for n in names if current.get(n) != ledgered.get(n)]


def shown(value: Any, limit: int = 60) -> str:
    """A value for a problem line: JSON, cut short."""
    text = value if isinstance(value, str) else canonical(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def attachment_hashes(value: Any) -> Iterator[str]:
    """Every attachment SHA-256 a state names: the `sha256` of any object inside it."""
    if isinstance(value, Mapping):
        sha = value.get("sha256")
        if isinstance(sha, str):
            yield sha
        for inner in value.values():
            # Most values of a state are scalars: skipped before the (slower) Mapping check.
            if type(inner) not in _AS_IS and isinstance(inner, Mapping | list):
                yield from attachment_hashes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from attachment_hashes(inner)
