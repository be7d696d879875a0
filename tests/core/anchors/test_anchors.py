"""Anchors against a ledger of our own making (a list of chained hashes, `ListLedger`): an anchor
holds while the ledger still has the anchored entry with the anchored hash, and names why it fails
when a line was edited, the chain rewritten and recomputed, the ledger truncated or the database
emptied; the key is made once, private; an unreachable anchor folder is reported, never raised."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event
from sqlalchemy.exc import OperationalError

from branchguard.core.anchors import keys, rules, store
from branchguard.core.anchors.service import AnchorService
from branchguard.core.anchors.store import AnchorSourceError
from branchguard.core.anchors.types import GENESIS, Anchor, Failure, Head, SourceKind
from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Role
from tests.zip_damage import damage_stream, rename_in_directory

LEAD = Actor(user_id=None, username="lead", role=Role.LEAD)
STAFF = Actor(user_id=None, username="staff", role=Role.STAFF)
MOMENT = datetime(2026, 12, 4, 2, 31, tzinfo=UTC)


def chain(contents: list[str]) -> list[str]:
    """The hashes of a chain over `contents`, as a ledger computes them."""
    hashes, prev = [], GENESIS
    for c in contents:
        prev = hashlib.sha256(f"{prev}\n{c}".encode()).hexdigest()
        hashes.append(prev)
    return hashes


@dataclass
class ListLedger:
    """A real LedgerView over a list of hashes; records name the entry of their latest change."""

    hashes: list[str]
    records: dict[str, int] = field(default_factory=dict)
    ok: bool = True

    def head(self) -> Head:
        return Head(len(self.hashes), self.hashes[-1]) if self.hashes else Head(0, GENESIS)

    def hash_at(self, seq: int) -> str | None:
        return self.hashes[seq - 1] if 1 <= seq <= len(self.hashes) else None

    def record_head(self, entity: str, entity_id: str) -> Head | None:
        seq = self.records.get(f"{entity}:{entity_id}")
        return Head(seq, self.hashes[seq - 1]) if seq and seq <= len(self.hashes) else None

    def consistent(self, only: tuple[str, str] | None = None, kinds: Any = None) -> bool:
        return self.ok


@dataclass
class Bench:
    """An anchor service whose ledger is `ledger` (replace it to tamper) and whose folder is `folder`."""

    ledger: ListLedger
    folder: Path
    data: Path
    service: AnchorService = field(init=False)

    def view(self, _conn: Connection) -> ListLedger:
        return self.ledger

    @property
    def file(self) -> Path:
        return self.folder / store.FILE_NAME


def make_bench(sessions: Any, tmp_path: Path, ledger: ListLedger, folder: Path | None = None) -> Bench:
    bench = Bench(ledger, folder or tmp_path / "stick" / "anchors", tmp_path / "anchored")
    bench.service = AnchorService(
        sessions, bench.data, lambda: bench.folder, ledger=bench.view, clock=lambda: MOMENT
    )
    return bench


def swap(bench: Bench, ledger: ListLedger) -> None:
    bench.ledger = ledger


@pytest.fixture
def bench(ctx: Any, tmp_path: Path) -> Bench:
    (tmp_path / "stick" / "anchors").mkdir(parents=True)
    ledger = ListLedger(chain([f"entry {n}" for n in range(1, 11)]), records={"incident:12": 8})
    return make_bench(ctx.sessions, tmp_path, ledger)


def anchored(bench: Bench, what: str = "report incident 12") -> Anchor:
    stamp = bench.service.stamp(LEAD, "incident", "12", what)
    written = bench.service.append(stamp)
    assert written.written, written.problem
    assert stamp.anchor is not None
    return stamp.anchor


# -- the key ---------------------------------------------------------------------------------------
def test_the_key_is_made_once_private_and_its_fingerprint_is_of_the_raw_public_key(bench: Bench) -> None:
    path = keys.key_path(bench.data)
    assert not path.exists()
    first = bench.service.key()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert first.fingerprint == hashlib.sha256(bytes.fromhex(first.public_key)).hexdigest()[:16]
    again = AnchorService(None, bench.data, lambda: bench.folder, bench.service._ledger).key()  # type: ignore[arg-type]
    assert again == first
    assert rules.grouped("3f2a91c0aa55be01") == "3F2A 91C0 AA55 BE01"


# -- stamping and appending ------------------------------------------------------------------------
def test_a_stamp_names_both_heads_and_its_anchor_is_appended_signed_and_private(bench: Bench) -> None:
    stamp = bench.service.stamp(LEAD, "incident", "12", "report incident 12")
    assert stamp.ledger == Head(10, bench.ledger.hashes[9])
    assert stamp.record == Head(8, bench.ledger.hashes[7])
    assert stamp.proof == Message("anchor.proof.no_anchor")
    assert not bench.file.exists()  # appended only once the document is written
    written = bench.service.append(stamp)
    assert written.written and written.path == str(bench.file)
    assert stat.S_IMODE(bench.file.stat().st_mode) == 0o600
    line = json.loads(bench.file.read_text(encoding="utf-8"))
    assert list(line) == list(rules.FIELDS)
    assert line["ledger_seq"] == 10 and line["record"] == "incident:12" and line["record_seq"] == 8
    assert line["what"] == "report incident 12" and line["at"] == "2026-12-04T02:31:00Z"
    assert line["fingerprint"] == bench.service.key().fingerprint
    assert rules.signature_holds(rules.parse(line))


def test_a_stamp_without_proof_checks_nothing_and_still_anchors_the_head(bench: Bench) -> None:
    """A period package prints no proof (head office checks the chain it carries): its stamp checks
    no record and no anchor, yet signs the same head as a proved stamp."""

    class Unchecked(ListLedger):
        def consistent(self, only: tuple[str, str] | None = None, kinds: Any = None) -> bool:
            raise AssertionError("a stamp without proof checked the records")

    anchored(bench)  # an anchor in the file: a proved stamp would check it
    swap(bench, Unchecked(bench.ledger.hashes, bench.ledger.records))
    stamp = bench.service.stamp(LEAD, "", "", "package 2026-11", prove=False)
    assert stamp.proof is None and stamp.record is None
    assert stamp.ledger == Head(10, bench.ledger.hashes[9])
    assert stamp.anchor is not None and stamp.anchor.ledger_seq == 10 and rules.signature_holds(stamp.anchor)
    assert bench.service.append(stamp).written
    with pytest.raises(AssertionError, match="checked the records"):
        bench.service.stamp(LEAD, "", "", "report hazards")


def test_once_anchored_a_document_proves_the_data_unchanged_since_that_anchor(bench: Bench) -> None:
    anchored(bench)
    bench.ledger.hashes.extend(chain([f"entry {n}" for n in range(1, 13)])[10:])  # the day goes on
    report = bench.service.check(LEAD, bench.file)
    assert report.ok and report.kind == SourceKind.FILE and report.head.seq == 12
    assert report.results[0].own_key
    stamp = bench.service.stamp(LEAD, "incident", "12", "report incident 12")
    local = MOMENT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert stamp.proof == Message("anchor.proof.unchanged", at=local, seq=10)


def test_an_edited_anchor_line_fails_its_signature(bench: Bench) -> None:
    anchored(bench)
    line = json.loads(bench.file.read_text(encoding="utf-8"))
    line["what"] = "report incident 13"
    bench.file.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = bench.service.check(LEAD, bench.file)
    assert not report.ok
    assert report.results[0].failure == Failure.SIGNATURE
    # A line re-signed with another key names that key and fails too: its fingerprint is not its key's.
    line["what"], line["fingerprint"] = "report incident 12", "0" * 16
    bench.file.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = bench.service.check(LEAD, bench.file)
    assert report.results[0].failure == Failure.SIGNATURE
    # The summary blames the anchor, not the data (it said "the data does NOT hold 1 anchored state").
    from branchguard.core.anchors.rules import proof

    said = proof(report, chain_consistent=True)
    assert said == Message("anchor.proof.anchor_not_as_signed", where=1, count=1)
    assert "edited, not the data" in said.text("en") and "does NOT hold" not in said.text("en")


def test_a_chain_rewritten_and_recomputed_before_the_anchor_is_caught(bench: Bench) -> None:
    anchored(bench)
    forged = [f"entry {n}" for n in range(1, 11)]
    forged[2] = "entry 3, quietly changed"
    swap(bench, ListLedger(chain(forged), ok=True))  # internally consistent: plain verify passes
    report = bench.service.check(LEAD, bench.file)
    assert not report.ok and report.chain_consistent
    result = report.results[0]
    assert result.failure == Failure.REWRITTEN
    assert result.reason is not None and result.reason.params["seq"] == 10
    assert "rewritten" in result.reason.text("en")


def test_a_ledger_truncated_below_the_anchor_is_caught(bench: Bench) -> None:
    anchored(bench)
    swap(bench, ListLedger(bench.ledger.hashes[:7]))
    result = bench.service.check(LEAD, bench.file).results[0]
    assert result.failure == Failure.TRUNCATED
    assert result.reason == Message("anchor.fail.truncated", seq=10, end=7)


def test_an_emptied_database_is_caught(bench: Bench) -> None:
    anchored(bench)
    swap(bench, ListLedger([]))
    report = bench.service.check(LEAD, bench.file)
    assert not report.ok and report.results[0].failure == Failure.EMPTY
    stamp = bench.service.stamp(LEAD, "incident", "12", "report incident 12")
    assert stamp.proof.key == "anchor.proof.anchor_failed"
    assert stamp.record is None


def test_a_broken_chain_proves_nothing(bench: Bench) -> None:
    anchored(bench)
    bench.ledger.ok = False
    assert not bench.service.check(LEAD, bench.file).ok
    assert bench.service.stamp(LEAD, "", "", "hazard register").proof == Message("anchor.proof.chain_broken")


def test_a_line_that_is_no_anchor_is_named_and_fails_the_check(bench: Bench) -> None:
    anchored(bench)
    with bench.file.open("a", encoding="utf-8") as fh:
        fh.write('{"at": "yesterday"}\n')
    report = bench.service.check(LEAD, bench.file)
    assert not report.ok
    assert [(r.where, r.failure) for r in report.failures] == [(2, Failure.UNREADABLE)]


def test_a_line_cut_short_is_left_and_the_next_anchor_starts_a_line_of_its_own(bench: Bench) -> None:
    anchored(bench)
    whole = bench.file.read_bytes()
    bench.file.write_bytes(whole + whole[:40])  # the stick pulled mid-write
    anchored(bench, "report incident 12 again")
    report = bench.service.check(LEAD, bench.file)
    assert [r.failure for r in report.results] == [None, Failure.UNREADABLE, None]


# -- where anchors are kept ------------------------------------------------------------------------
def test_an_unreachable_anchor_folder_is_reported_with_its_reason_not_raised(
    ctx: Any, tmp_path: Path
) -> None:
    gone = tmp_path / "pulled-stick" / "anchors"  # the folder chosen is gone
    bench = make_bench(ctx.sessions, tmp_path, ListLedger(chain(["a", "b"])), folder=gone)
    stamp = bench.service.stamp(LEAD, "", "", "hazard register")
    written = bench.service.append(stamp)
    assert not written.written and written.path == str(gone / store.FILE_NAME)
    assert written.problem is not None and written.problem.key == "anchor.not_written"
    assert str(gone) in written.problem.text("en")
    assert not gone.parent.exists()  # no folder made on the local disk in the stick's place


def test_the_anchor_folder_must_exist_and_be_writable_and_its_choice_is_audited(
    ctx: Any, tmp_path: Path, lead: Actor, staff: Actor
) -> None:
    saved: list[str] = []
    service = ctx.services.anchors
    with pytest.raises(ValidationError) as missing:
        service.choose_folder(lead, tmp_path / "nowhere", saved.append)
    assert missing.value.field == "field.anchor_folder" and saved == []
    inside = ctx.data_dir / "attachments"
    inside.mkdir(exist_ok=True)
    for folder in (ctx.data_dir, inside):  # kept with the data they prove
        with pytest.raises(ValidationError) as refused:
            service.choose_folder(lead, folder, saved.append)
        assert refused.value.field == "field.anchor_folder" and saved == [], folder
    with pytest.raises(PermissionDenied):
        service.choose_folder(staff, tmp_path, saved.append)
    chosen = service.choose_folder(lead, tmp_path, saved.append)
    assert saved == [str(tmp_path.resolve())] and chosen == tmp_path.resolve()
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor."))
    assert [(e.action, e.after) for e in events] == [("anchor.configure", {"folder": str(chosen)})]


def test_a_failing_save_records_nothing(ctx: Any, tmp_path: Path, lead: Actor) -> None:
    def broken(_value: str) -> None:
        raise OSError(30, "Read-only file system")

    with pytest.raises(OSError, match="Read-only"):
        ctx.services.anchors.choose_folder(lead, tmp_path, broken)
    assert ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor.")) == []


def test_a_locked_database_leaves_the_setting_as_it_was(ctx: Any, tmp_path: Path, lead: Actor) -> None:
    """The setting was saved first and the audit entry's write then found the database locked: the
    folder changed with no record of who changed it."""
    saved: list[str] = []

    def locked(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            raise OperationalError(statement, {}, sqlite3.OperationalError("database is locked"))

    event.listen(ctx.engine, "before_cursor_execute", locked)
    try:
        with pytest.raises(OperationalError, match="database is locked"):
            ctx.services.anchors.choose_folder(lead, tmp_path, saved.append)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", locked)
    assert saved == []
    assert ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor.")) == []


def test_a_head_office_package_is_read_as_a_list_of_anchors(bench: Bench, tmp_path: Path) -> None:
    first = anchored(bench)
    package = tmp_path / "package.json"
    package.write_text(
        json.dumps(
            {
                "format": "branchguard.anchors",
                "version": 1,
                "anchors": [rules.content(first), {"what": "half"}],
            }
        ),
        encoding="utf-8",
    )
    report = bench.service.check(LEAD, package)
    assert report.kind == SourceKind.PACKAGE
    assert [r.failure for r in report.results] == [None, Failure.UNREADABLE]
    package.write_text(json.dumps({"format": "branchguard.anchors", "version": 9, "anchors": []}))
    with pytest.raises(AnchorSourceError):
        bench.service.check(LEAD, package)


def test_a_source_that_is_not_a_file_is_refused_by_name(bench: Bench, tmp_path: Path) -> None:
    with pytest.raises(AnchorSourceError) as refused:
        bench.service.check(LEAD, tmp_path)
    assert str(tmp_path) in refused.value.text("en")


def test_parsing_names_what_is_wrong(bench: Bench) -> None:
    good = rules.content(anchored(bench))
    cases: list[tuple[Callable[[dict[str, Any]], None], str]] = [
        (lambda d: d.pop("signature"), "missing signature"),
        (lambda d: d.update(ledger_seq=-1), "ledger_seq"),
        (lambda d: d.update(ledger_seq=True), "ledger_seq"),
        (lambda d: d.update(ledger_hash="xyz"), "ledger_hash"),
        (lambda d: d.update(at="2026-12-04 10:31"), "at is not a time"),
        (lambda d: d.update(record_seq=None), "together"),
    ]
    for change, words in cases:
        broken = dict(good)
        change(broken)
        with pytest.raises(ValueError, match=words):
            rules.parse(broken)


def test_the_default_folder_inside_the_data_folder_is_made_when_missing(ctx: Any, tmp_path: Path) -> None:
    inside = tmp_path / "anchored" / "backups"
    bench = make_bench(ctx.sessions, tmp_path, ListLedger(chain(["a"])), folder=inside)
    assert bench.service.append(bench.service.stamp(LEAD, "", "", "hazard register")).written
    assert stat.S_IMODE(inside.stat().st_mode) == 0o700 and bench.file.exists()


def test_a_head_office_package_zip_is_read_for_its_anchors(bench: Bench, tmp_path: Path) -> None:
    """`verify --anchor PACKAGE.zip` said the package held no anchor: only a workbook's was read."""
    import zipfile

    first = anchored(bench)
    document = {"format": "branchguard.anchors", "version": 1, "anchors": [rules.content(first)]}
    package = tmp_path / "DEMO-0101-2026-12.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("anchors.json", json.dumps(document))
    report = bench.service.check(LEAD, package)
    assert report.kind == SourceKind.PACKAGE
    assert [r.failure for r in report.results] == [None]
    damage_stream(package, "anchors.json", tmp_path / "damaged.zip")  # once a traceback (zlib.error)
    with pytest.raises(AnchorSourceError) as caught:
        bench.service.check(LEAD, tmp_path / "damaged.zip")
    assert caught.value.content.text("en").startswith(f"cannot read {tmp_path / 'damaged.zip'}: Error -3")


def test_a_package_zip_damaged_in_its_file_list_is_said_unreadable_not_to_hold_no_anchor(
    bench: Bench, tmp_path: Path
) -> None:
    """A bit flipped in the zip's list of files renamed anchors.json there: `verify --anchor` read the
    package as a file that holds no anchor, which proves nothing and says nothing of the damage."""
    import zipfile

    document = {"format": "branchguard.anchors", "version": 1, "anchors": [rules.content(anchored(bench))]}
    package = tmp_path / "DEMO-0101-2026-12.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("anchors.json", json.dumps(document))
    rename_in_directory(package, "anchors.json", tmp_path / "damaged.zip")
    with pytest.raises(AnchorSourceError) as caught:
        bench.service.check(LEAD, tmp_path / "damaged.zip")
    said = caught.value.content.text("en")
    assert said.startswith(f"cannot read {tmp_path / 'damaged.zip'}: ") and "anchors.js" in said, said


def test_an_unreadable_anchor_line_is_said_to_prove_nothing_not_dated(bench: Bench) -> None:
    """A cut anchor file once printed "the data does NOT hold 1 anchored state(s), the first of -"."""
    from branchguard.core.anchors.rules import proof

    anchored(bench)
    with bench.file.open("a", encoding="utf-8") as fh:
        fh.write('{"at": "2026-01-01T00:00:00Z", "ledger_seq"\n')  # the line cut short
    report = bench.service.check(LEAD, bench.file)
    assert report.results[0].ok and report.results[1].anchor is None
    said = proof(report, chain_consistent=True)
    assert said == Message("anchor.proof.anchor_unreadable", where=2, count=1)
    assert "-" not in said.text("en") and "cannot be read" in said.text("en")
