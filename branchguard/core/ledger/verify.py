"""Verifying the ledger against the database: what `branchguard verify` proves.

1. The chain: every entry's number follows the one before, points at its hash, and hashes to its
   own; the head row names the last entry.
2. Every evidence record: ledgered, its current state equal to its latest ledgered state (the
   fields that differ are named), and every ledgered record whose last entry is not a delete still
   there.
3. Every incident's log: its own hash chain recomputed, its hashes equal to the ledgered appends
   (a cut tail is found even when the incident row's seal was rewritten to match), its seal equal
   to the ledger's last append.
4. Every attachment a record or a log entry names: re-hashed from the file.

And warns, without failing, of an incident log whose times run backwards (an entry earlier than
one written before it): its chain is intact, but the PC's clock was changed while it was written,
and a reader of its report must know the order of the times is not the order of events.

Every broken record is named, not just the first. Reads are batched through Core (no ORM
objects): ten years of records are read once each.

What this cannot prove: that the chain was not recomputed from the start by someone with the
app's hash function. Only a head kept outside the database (an anchor) catches that; `hash_at`
is what such an anchor is compared with.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from branchguard import collector
from branchguard.core.incidents import log as incident_log
from branchguard.core.kernel import progress
from branchguard.core.kernel.attachments import AttachmentStore
from branchguard.core.kernel.clock_check import ClockWatch
from branchguard.core.kernel.i18n import Message
from branchguard.core.ledger import chain, files_check, record_entries, rules, store
from branchguard.core.ledger.record_entries import Record
from branchguard.core.ledger.types import LedgerAction, LedgerProblem, LedgerReport
from branchguard.db.models.incidents import IncidentRow, LogEntryRow

_LOG: Table = LogEntryRow.__table__  # type: ignore[assignment]
_INCIDENTS: Table = IncidentRow.__table__  # type: ignore[assignment]
_E = chain.ENTRIES
_DELETE = LedgerAction.DELETE.value
_CREATE = LedgerAction.CREATE.value
_APPEND = LedgerAction.APPEND.value
_ALTERED = LedgerAction.ALTERED.value
# How often a check says how far it is (core/kernel/progress.py): a report's proof walks 420,000
# entries at ten years (2-3 s); its preview shows the count and Cancel stops it there.
STEP_EVERY = 5000


def record_name(entity: str, entity_id: str) -> Message:
    return Message(f"ledger.entity.{entity}", id=entity_id)


@dataclass
class _Found:
    problems: list[LedgerProblem] = field(default_factory=list)
    warnings: list[LedgerProblem] = field(default_factory=list)
    # (entity, id) -> (seq, action, digest) of the record's latest state-bearing entry
    latest: dict[tuple[str, str], tuple[int, str, str]] = field(default_factory=dict)
    appends: dict[str, list[str]] = field(default_factory=dict)  # incident id -> log hashes ledgered
    # found changed outside the app: (entity, id, its `altered` entry, the entry before, when, by whom)
    altered: list[tuple[str, str, int, int | None, Any, str]] = field(default_factory=list)
    refs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # sha256 -> records naming it
    entries: int = 0
    records: int = 0
    incidents: int = 0
    log_entries: int = 0
    written: int = 0

    scanned: tuple[int, str] = (0, rules.GENESIS)  # the (seq, hash) of the last entry the chain's scan read

    def add(self, entity: str, entity_id: str, message: Message) -> None:
        self.problems.append(LedgerProblem(entity, entity_id, message))

    def chain_part(self) -> _Found:
        """What the chain's scan found, for checks of records that add their own: the problems in a
        list of its own, the states read (never changed after the scan) shared."""
        return _Found(
            problems=list(self.problems), latest=self.latest, appends=self.appends,
            altered=self.altered, entries=self.entries, scanned=self.scanned,
        )  # fmt: skip

    def refer(self, entity: str, entity_id: str, value: Any) -> None:
        for sha in rules.attachment_hashes(value):
            self.refs.setdefault(sha, []).append((entity, entity_id))


# Inside `one_chain_scan()`: the chain scans made so far, by the (seq, hash) of the head each covered.
_SCANS: ContextVar[dict[tuple[int, str], _Found] | None] = ContextVar("ledger_chain_scans", default=None)


@contextmanager
def one_chain_scan() -> Iterator[None]:
    """Within the block (this thread's, this task's), `verify` reads the chain once for as long as
    its head stays where it was, and checks each record asked for against that reading. For work
    that proves many documents at one moment: a period package's 60 reports each proved the whole
    chain again (ten years: 409,000 entries, about 2.3 s of CPU each; a quarter's package took 195 s,
    23 s with one reading). A head that has moved meanwhile (an entry appended) is read again from
    the start."""
    token = _SCANS.set({})
    try:
        yield
    finally:
        _SCANS.reset(token)


def _chain_found(conn: Connection) -> _Found:
    """The chain read and checked (`_check_chain`), or, within `one_chain_scan`, a reading of it at
    the same head: what the later checks add (problems, counts, files) goes to a copy of their own."""
    scans = _SCANS.get()
    if scans is not None:
        head = chain.head(conn)
        done = scans.get((head.seq, head.hash))
        if done is not None:
            return done.chain_part()
    found = _Found()
    _check_chain(conn, found)
    if scans is not None:
        scans.clear()  # only the newest head is asked for again
        scans[found.scanned] = found.chain_part()
    return found


def verify(
    conn: Connection,
    files: AttachmentStore,
    only: Collection[Record] | None = None,
    kinds: Collection[str] | None = None,
) -> LedgerReport:
    """The whole database; or (`only`) the chain and those records, each (kind, id) with its parts
    (rules.PARTS), log and files, as a document proves what it prints of each (a drill report: its
    incident, its plan, each hazard raised from it); or (`kinds`) the chain and every record of
    those kinds with their files, as a register proves what it prints (a hazard register: the
    hazards, not 200,000 audit events); or both: the records, and every record of `kinds` besides.
    The garbage collector is paused meanwhile, its state not frozen (branchguard/collector.py): its
    full passes over the check's 700,000 objects stopped the window 30-100 ms each at ten years."""
    with collector.paused(freeze=False):
        found = _chain_found(conn)
        return _verified(conn, files, None if only is None else _wanted(conn, only), kinds, found)


def _wanted(conn: Connection, records: Collection[Record]) -> dict[str, list[str]]:
    """Kind -> ids of the records and of their parts (record_entries.parts_of), each once."""
    wanted: dict[str, dict[str, None]] = {}
    for entity, entity_id in records:
        wanted.setdefault(entity, {})[str(entity_id)] = None
    for kind, ids in record_entries.parts_of(conn, records).items():
        wanted.setdefault(kind, {}).update(dict.fromkeys(ids))
    return {kind: list(ids) for kind, ids in wanted.items()}


def verify_record(conn: Connection, files: AttachmentStore, entity: str, entity_id: str) -> LedgerReport:
    """One record with its parts, log and files, as `verify` of it checks them, against their own
    entries read by the record index (record_entries.py), each rehashed, the chain between them not
    walked (`verify` proves it links): what a record's page checks each time it shows the record."""
    found = _Found()
    wanted = {entity: [str(entity_id)], **record_entries.part_ids(conn, entity, str(entity_id))}
    for seq, at, actor, kind, kind_id, action, digest, prev_hash, own in record_entries.entries(conn, wanted):
        found.entries += 1
        if own != rules.entry_hash(prev_hash, seq, at, actor, kind, kind_id, action, digest):
            reason = Message("ledger.reason.hash")
            found.add("ledger", str(seq), Message("ledger.problem.entry", seq=seq, reason=reason))
        _take(found, seq, at, actor, kind, kind_id, action, digest)
    _name_alterations(conn, found)
    return _verified(conn, files, wanted, None, found)


def _verified(
    conn: Connection,
    files: AttachmentStore,
    wanted: dict[str, list[str]] | None,
    kinds: Collection[str] | None,
    found: _Found,
) -> LedgerReport:
    """`wanted`: kind -> ids of the records checked besides those of `kinds` (both None: all)."""
    head = chain.head(conn)
    if head.seq > 0 and not chain.adopted(conn):  # never so but by an edit (service.adopt_existing)
        found.add("ledger", "head", Message("ledger.problem.adoption_reset", seq=head.seq))
    waiting = frozenset(chain.later_kinds_missing(conn))  # an older ledger's, read without writing
    if waiting:
        found.warnings.append(LedgerProblem("ledger", "later_kinds", Message("ledger.warning.not_taken_in")))
    _check_records(conn, found, wanted, None if kinds is None else frozenset(kinds), waiting)
    if wanted is None and kinds is None:
        _check_logs(conn, found, None)
    elif wanted is not None and wanted.get(rules.INCIDENT):
        _check_logs(conn, found, [int(i) for i in wanted[rules.INCIDENT]])
    checked = _check_files(files, found)
    report = LedgerReport(
        head,
        found.entries,
        found.records,
        found.incidents,
        found.log_entries,
        checked,
        tuple(found.problems),
        found.written,
        tuple(found.warnings),
    )
    if _SCANS.get() is None:  # else kept for the next check at the same head
        _let_go(found.latest)
    return report


LET_GO_SLICE = 2_000  # records freed between two chances for another thread to run


def _let_go(latest: dict[tuple[str, str], tuple[int, str, str]]) -> None:
    """Free the chain's reading of every record a slice at a time. Freed at once, as the function
    returned, ten years' 340,000 records held the interpreter 80 ms, and the window, which proves
    the ledger in the background for every report it previews, stopped answering that long."""
    pop = latest.popitem
    while latest:
        for _ in range(min(len(latest), LET_GO_SLICE)):
            pop()


def _check_chain(conn: Connection, found: _Found) -> None:
    at_column, stamp = store.stamp_column(_E.c.at, conn.dialect)
    stmt = (
        select(
            _E.c.seq,
            at_column,
            _E.c.actor,
            _E.c.entity,
            _E.c.entity_id,
            _E.c.action,
            _E.c.digest,
            _E.c.prev_hash,
            _E.c.hash,
        )
        .order_by(_E.c.seq)
        .execution_options(yield_per=5000)
    )
    prev, expected = rules.GENESIS, 1
    total = chain.head(conn).seq if progress.listening() else 0  # counted only for one who hears it
    for seq, at, actor, entity, entity_id, action, digest, prev_hash, own in conn.execute(stmt):
        found.entries += 1
        if total and not found.entries % STEP_EVERY:
            progress.step(found.entries, total, progress.LEDGER)
        reason = None
        if seq != expected:
            reason = Message("ledger.reason.gap", expected=expected, found=seq)
        elif prev_hash != prev:
            reason = Message("ledger.reason.prev")
        elif own != rules.entry_hash(prev_hash, seq, stamp(at), actor, entity, entity_id, action, digest):
            reason = Message("ledger.reason.hash")
        if reason is not None:
            found.add("ledger", str(seq), Message("ledger.problem.entry", seq=seq, reason=reason))
        prev, expected = own, seq + 1
        _take(found, seq, stamp(at), actor, entity, entity_id, action, digest)
    _name_alterations(conn, found)
    found.scanned = (expected - 1, prev)
    head = chain.head(conn)
    if (head.seq, head.hash) != (expected - 1, prev):
        found.add("ledger", str(head.seq), Message("ledger.problem.head", seq=head.seq, last=expected - 1))


def _take(
    found: _Found, seq: int, at: str, actor: str, entity: str, entity_id: str, action: str, digest: str
) -> None:
    """One entry read, in the chain's order: a log's append, or the record's latest state."""
    if action == _APPEND:
        found.appends.setdefault(entity_id, []).append(digest)
        return
    before = found.latest.get((entity, entity_id))
    if action == _ALTERED:
        found.altered.append((entity, entity_id, seq, before[0] if before else None, at, actor))
    if action == _CREATE and before is not None and before[1] != _DELETE:
        # A live record "created" again: its row was deleted outside the app and the database
        # handed its number to the next new row, which would otherwise hide the deletion.
        name = record_name(entity, entity_id)
        found.add(entity, entity_id, Message("ledger.problem.reused", record=name, seq=seq))
    found.latest[(entity, entity_id)] = (seq, action, digest)


def _check_records(
    conn: Connection,
    found: _Found,
    wanted: dict[str, list[str]] | None,
    kinds: frozenset[str] | None,
    waiting: frozenset[str] = frozenset(),
) -> None:
    """`wanted`: kind -> ids of the records checked besides every one of `kinds` (both None: every
    record). `waiting`: kinds the ledger keeps since a later version, not taken in yet (no start
    that could write has opened the database since): not checked, as there is nothing to check
    against."""
    ledgered: dict[str, dict[str, tuple[int, str, str]]] = {}
    for (entity, entity_id), known in found.latest.items():
        ledgered.setdefault(entity, {})[entity_id] = known
    everything = wanted is None and kinds is None
    checked = [
        evidence
        for evidence in store.registry()
        if (everything or evidence.entity in (wanted or ()) or evidence.entity in (kinds or ()))
        and evidence.entity not in waiting
    ]
    # As many as the ledger holds (a record missing from it, or from the database, moves it a little).
    hears = progress.listening() and wanted is None
    total = sum(len(ledgered.get(e.entity, ())) for e in checked) if hears else 0
    done = 0
    for evidence in checked:
        differing: list[tuple[str, str, dict[str, Any], int]] = []
        entity = evidence.entity
        expected = ledgered.get(entity, {})
        one = None if wanted is None or (kinds and entity in kinds) else wanted[entity]
        if one is not None:
            asked = set(one)
            expected = {k: v for k, v in expected.items() if k in asked}
        seen: set[str] = set()
        nested = evidence.nested
        for entity_id, state in store.states(conn, evidence, one):
            seen.add(entity_id)
            if total and not (done + len(seen)) % STEP_EVERY:
                progress.step(min(done + len(seen), total), total, progress.RECORDS)
            for column in nested:
                found.refer(entity, entity_id, state[column])
            ledger_says = expected.get(entity_id)
            if ledger_says is None:
                name = record_name(entity, entity_id)  # named only for a problem: 300,000 records
                found.add(entity, entity_id, Message("ledger.problem.unledgered", record=name))
            elif ledger_says[1] == _DELETE:
                name = record_name(entity, entity_id)
                found.add(entity, entity_id, Message("ledger.problem.resurrected", record=name))
            elif not rules.as_ledgered(ledger_says[2], state, evidence.table.name):
                differing.append((entity, entity_id, state, ledger_says[0]))
        # counted once a kind is read, not at each of its 340,000 records (as `seen` counts them)
        done += len(seen)
        found.records += len(seen)
        found.written += 0 if entity in rules.BUILT_IN else len(seen)
        _name_fields(conn, found, differing)
        for entity_id, (_seq, action, _digest) in expected.items():
            if entity_id not in seen and action != _DELETE:
                found.add(
                    entity,
                    entity_id,
                    Message("ledger.problem.deleted", record=record_name(entity, entity_id)),
                )


def _name_alterations(conn: Connection, found: _Found) -> None:
    """Each record found changed outside the app (core/ledger/outside.py), for good: when the app
    next changed it and by whom, and each field as the ledger had it and as it was found."""
    if not found.altered:
        return
    from branchguard.core.incidents.text import local_stamp

    seqs = sorted({n for *_r, seq, before, _at, _who in found.altered for n in (seq, before) if n})
    states: dict[int, Any] = {}
    for i in range(0, len(seqs), 500):
        stmt = select(_E.c.seq, _E.c.state).where(_E.c.seq.in_(seqs[i : i + 500]))
        states.update({seq: state for seq, state in conn.execute(stmt).tuples()})
    for entity, entity_id, seq, before, at, actor in found.altered:
        name = record_name(entity, entity_id)
        when = local_stamp(_instant(at), "%Y-%m-%d %H:%M")
        key = "ledger.problem.altered" if before is not None else "ledger.problem.altered_added"
        found.add(entity, entity_id, Message(key, record=name, actor=actor, at=when, seq=seq))
        if before is None:
            continue
        for field_name, now, then in rules.changed_fields(states.get(seq) or {}, states.get(before) or {}):
            message = Message(
                "ledger.problem.altered_field",
                record=name,
                field=field_name,
                found=rules.shown(now),
                ledgered=rules.shown(then),
            )
            found.add(entity, entity_id, message)


def _instant(stamped: str) -> datetime:
    """An entry's time as the chain hashes it (UTC, no zone written) as an instant."""
    at = datetime.fromisoformat(stamped)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _name_fields(
    conn: Connection, found: _Found, differing: list[tuple[str, str, dict[str, Any], int]]
) -> None:
    """Each field of each differing record: what it is now, and what the ledger says."""
    kept: dict[int, tuple[Any, str]] = {}
    seqs = [seq for *_rest, seq in differing]
    for i in range(0, len(seqs), 500):
        stmt = select(_E.c.seq, _E.c.state, _E.c.digest).where(_E.c.seq.in_(seqs[i : i + 500]))
        kept.update({seq: (state, digest) for seq, state, digest in conn.execute(stmt)})
    for entity, entity_id, state, seq in differing:
        name = record_name(entity, entity_id)
        ledger_state, digest = kept.get(seq, (None, ""))
        if ledger_state is None or rules.digest_of(ledger_state) != digest:
            found.add(entity, entity_id, Message("ledger.problem.changed", record=name))
            continue
        fields = rules.changed_fields(state, ledger_state)
        if not fields:  # the digests differ in something no field shows (a key added or dropped)
            found.add(entity, entity_id, Message("ledger.problem.fields", record=name))
        for field_name, now, then in fields:
            found.add(
                entity,
                entity_id,
                Message(
                    "ledger.problem.field",
                    record=name,
                    field=field_name,
                    current=rules.shown(now),
                    ledgered=rules.shown(then),
                ),
            )


# The log's columns in the order its rows are unpacked (by position: reading ten attributes of each
# row by name was a quarter of the log's check at ten years, 77,000 entries).
_LOG_FIELDS = (
    "incident_id",
    "seq",
    "at",
    "actor",
    "kind",
    "text",
    "step",
    "corrects",
    "data",
    "prev_hash",
    "hash",
)


def _check_logs(conn: Connection, found: _Found, incidents: list[int] | None) -> None:
    """Every incident's log, or those of `incidents`."""
    seals_stmt = select(_INCIDENTS.c.id, _INCIDENTS.c.last_seq, _INCIDENTS.c.chain_head)
    at_column, stamp = store.stamp_column(_LOG.c.at, conn.dialect)
    columns = [at_column if name == "at" else _LOG.c[name] for name in _LOG_FIELDS]
    log_stmt = select(*columns).order_by(_LOG.c.incident_id, _LOG.c.seq).execution_options(yield_per=5000)
    if incidents is not None:
        seals_stmt = seals_stmt.where(_INCIDENTS.c.id.in_(incidents))
        log_stmt = log_stmt.where(_LOG.c.incident_id.in_(incidents))
    seals = {str(i): (last_seq, head) for i, last_seq, head in conn.execute(seals_stmt)}
    found.incidents = len(seals)
    hears = progress.listening() and incidents is None
    total = sum(last or 0 for last, _head in seals.values()) if hears else 0  # each log's length
    hashes: dict[str, list[str]] = {}
    broken: set[str] = set()
    clock = _ClockBack()
    for row in conn.execute(log_stmt):
        incident_id, seq, at, actor, kind, text, step, corrects, data, prev_hash, own = row
        found.log_entries += 1
        if total and not found.log_entries % STEP_EVERY:
            progress.step(min(found.log_entries, total), total, progress.LOGS)
        key = str(incident_id)
        chained = hashes.setdefault(key, [])
        prev = chained[-1] if chained else rules.GENESIS
        stamped = stamp(at)
        clock.see(key, seq, stamped)
        if key not in broken:
            content = incident_log.canonical(
                incident_id, seq, stamped, actor, kind, text, step, corrects, data or {}
            )
            reason = _entry_problem(seq, prev_hash, own, content, len(chained), prev)
            if reason is not None:
                broken.add(key)
                found.add(
                    rules.INCIDENT,
                    key,
                    Message(
                        "ledger.problem.log_entry",
                        record=record_name(rules.INCIDENT, key),
                        seq=seq,
                        reason=reason,
                    ),
                )
        chained.append(own)
        if kind == "attachment":
            found.refer(rules.INCIDENT, key, data)
    found.warnings += clock.warnings()
    asked = set(found.appends) if incidents is None else {str(i) for i in incidents}
    wanted = set(seals) | set(hashes) | asked
    for key in sorted(wanted, key=lambda k: int(k) if k.isdigit() else 0):
        _compare_log(found, key, hashes.get(key, []), found.appends.get(key, []), seals.get(key))


# How many entries a warning names before "…": a clock set back an hour makes every entry of
# that hour earlier than the one before the change; the report marks each, the warning points.
_NAMED = 10


class _ClockBack:
    """The entries of each incident's log (read in order) whose time is earlier than an entry
    written before them (kernel/clock_check.py), compared as the ledger's fixed-width UTC stamps."""

    def __init__(self) -> None:
        self._incident = ""
        self._watch: ClockWatch[int, str] = ClockWatch()
        self._found: dict[str, list[tuple[int, int]]] = {}

    def see(self, incident: str, seq: int, stamp: object) -> None:
        if incident != self._incident:
            self._incident, self._watch = incident, ClockWatch()
        if not isinstance(stamp, str):  # a time no stamp could be made of: the chain check says so
            return
        later = self._watch.see(seq, stamp)
        if later is not None:
            self._found.setdefault(incident, []).append((seq, later))

    def warnings(self) -> list[LedgerProblem]:
        said = []
        for key, pairs in self._found.items():
            entries = ", ".join(str(seq) for seq, _later in pairs[:_NAMED]) + (
                " …" if len(pairs) > _NAMED else ""
            )
            (first, later), name = pairs[0], record_name(rules.INCIDENT, key)
            message = Message(
                "ledger.warning.clock_back",
                record=name,
                count=len(pairs),
                entries=entries,
                first=first,
                later=later,
            )
            said.append(LedgerProblem(rules.INCIDENT, key, message))
        return said


def _entry_problem(
    seq: int, prev_hash: str, own: str, content: str, before: int, prev: str
) -> Message | None:
    if seq != before + 1:
        return Message("verify.gap", expected=before + 1, found=seq)
    if prev_hash != prev:
        return Message("verify.prev_mismatch")
    if own != incident_log.chain_hash(prev, content):
        return Message("verify.hash_mismatch")
    return None


def _compare_log(
    found: _Found, key: str, actual: list[str], ledgered: list[str], seal: tuple[int, str] | None
) -> None:
    name = record_name(rules.INCIDENT, key)
    if actual != ledgered:
        same = next((i for i, (a, b) in enumerate(zip(actual, ledgered, strict=False)) if a != b), None)
        if same is not None:
            found.add(rules.INCIDENT, key, Message("ledger.problem.log_differs", record=name, seq=same + 1))
        elif len(actual) < len(ledgered):
            found.add(
                rules.INCIDENT,
                key,
                Message("ledger.problem.log_cut", record=name, first=len(actual) + 1, last=len(ledgered)),
            )
        else:
            found.add(
                rules.INCIDENT,
                key,
                Message(
                    "ledger.problem.log_unledgered", record=name, first=len(ledgered) + 1, last=len(actual)
                ),
            )
    if seal is not None:
        end = (len(ledgered), ledgered[-1] if ledgered else rules.GENESIS)
        if tuple(seal) != end:
            found.add(rules.INCIDENT, key, _seal_problem(name, seal, end))


def _seal_problem(name: Message, seal: tuple[int, str], end: tuple[int, str]) -> Message:
    """What differs between the incident row's seal and the ledger's end of its log: the entry
    it ends at, or (the same entry) that entry's hash."""
    if seal[0] == end[0]:
        return Message("ledger.problem.seal_hash", record=name, seq=seal[0])
    return Message("ledger.problem.seal", record=name, seq=seal[0], ledgered=end[0])


def _check_files(files: AttachmentStore, found: _Found) -> int:
    for sha, holders in sorted(found.refs.items()):
        problem = files_check.file_problem(files, sha)
        if problem is None:
            continue
        for entity, entity_id in dict.fromkeys(holders):
            found.add(
                entity, entity_id, Message(problem, record=record_name(entity, entity_id), sha=sha[:12])
            )
    return len(found.refs)
