"""The period package for head office: one zip with the period's records as JSON (one file per
kind), its PDF reports, the ledger entries since the previous package, and a manifest of every
file's SHA-256 and size signed by this installation's key (core/anchors/keys.py).

Making it reads the branch's data in one snapshot (db/snapshot.py) and streams: records are read
and written in batches, each file goes into the zip as it is written and is hashed on the way. It
writes nothing to the branch's records; it remembers the package (`exchange_packages`, for the next
one's ledger range), audits it, and appends the exported head to the anchor file.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, desc, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.anchors import keys
from branchguard.core.anchors import store as anchor_store
from branchguard.core.anchors.rules import content as anchor_content
from branchguard.core.anchors.service import AnchorService
from branchguard.core.audit.service import record
from branchguard.core.branch.service import get_branch_row
from branchguard.core.dashboard.service import DashboardService
from branchguard.core.drills.service import DrillService
from branchguard.core.exchange import rules, store
from branchguard.core.exchange.types import PackagePreview, PackageResult, Period
from branchguard.core.kernel import output
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import chain, verify
from branchguard.core.ledger.rules import GENESIS
from branchguard.db.models.exchange import ExchangePackageRow
from branchguard.db.snapshot import snapshot_connection

# Builds a PDF report at the path given: of one record ("incident" or "drill", its id), or the
# periodic safety report ("summary", the period's name: 2026-11, 2026-Q4).
Documents = Callable[[str, int | str, Path], None]
SUMMARY = "summary"
Progress = Callable[[int, int], None]  # (steps done, steps in all)
# The bar's steps: the records and the ledger fill its first fifth, the PDF reports the rest (they
# take most of the time: at 80 % after 0.2 s, a month's package then sat there for 11 s).
PROGRESS_STEPS = 1000
RECORDS_SHARE = 200
REPORTS_END = 990  # the manifest, its signature and the file's sync: the last step

PERIODIC_MISSING = Message("exchange.note.no_periodic_report")


def bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's local days as UTC instants."""
    start = datetime.combine(period.start, time()).astimezone()
    end = datetime.combine(period.end, time()).astimezone()
    return start.astimezone(UTC), end.astimezone(UTC)


class _Hashing:
    """Counts and hashes what is written through it into a zip member."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._fh.write(data)
        self.sha.update(data)
        self.size += len(data)


class ExchangeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        data_dir: Path,
        anchors: AnchorService,
        drills: DrillService,
        version: str,
        dashboard: DashboardService | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._sessions = sessions
        self._data_dir = Path(data_dir)
        self._anchors = anchors
        self._drills = drills
        self._dashboard = dashboard  # the complaint statistics (none without it)
        self._version = version
        self._clock = clock

    # -- the branch's public key ---------------------------------------------------------------
    def export_key(self, actor: Actor, out: Path) -> str:
        """Write this installation's public key (PEM) for head office; its fingerprint."""
        require(actor, "exchange.key")
        standing.confirm(self._sessions, actor)
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        key = keys.load_or_create(self._data_dir)
        pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        output.write_file(out, pem)
        return keys.info(self._data_dir, key).fingerprint

    # -- preview -------------------------------------------------------------------------------
    def preview(self, actor: Actor, period_text: str, *, after: int | None = None) -> PackagePreview:
        require(actor, "exchange.export")
        period = self._period(period_text)
        start, end = bounds(period)
        with self._sessions() as s:  # the counts and the ledger's range at one moment, as exported
            conn = snapshot_connection(s)
            code, name = self._branch(s)
            counts = {kind: store.count(read(conn, start, end)) for kind, read in store.READERS.items()}
            previous = self._previous(s)
            prev_seq, _prev_hash = self._start(s, conn, previous, after)
            head = chain.head(conn)
            documents = self._document_count(conn, start, end) + 1  # and the periodic report
        counts["compliance"] = len(self._compliance(actor, start, end))
        counts["complaintstats"] = len(self._complaint_months(actor, period))
        return PackagePreview(
            period,
            code,
            name,
            counts,
            documents,
            prev_seq + 1,
            head.seq,
            previous.period if previous else "",
            (),
        )

    # -- export --------------------------------------------------------------------------------
    def export(
        self,
        actor: Actor,
        period_text: str,
        out: Path,
        *,
        unmask: bool = False,
        documents: Documents | None = None,
        progress: Progress | None = None,
        after: int | None = None,
    ) -> PackageResult:
        """Write the package of the period to `out`. `unmask` (a lead's choice, audited) leaves
        complainants' identifiers in full; `documents` builds the PDF reports (none without it).
        The ledger goes on from the previous package's head, or from entry `after` + 1: a package
        head office never received, or refused, is sent again from the entry it holds."""
        require(actor, "exchange.export")
        if unmask:
            require(actor, "complaint.unmask")
        period = self._period(period_text)
        output.check_target(out)
        signing = keys.load_or_create(self._data_dir)
        key = keys.info(self._data_dir, signing)
        start, end = bounds(period)
        compliance = self._compliance(actor, start, end)
        complaint_months = self._complaint_months(actor, period)
        # The anchor records the exported head; the package prints no proof (head office checks the
        # chain of the entries it carries), so none is made: a full check of every record each time.
        stamp = self._anchors.stamp(actor, "", "", f"package {period.name}", prove=False)
        records_done = 0

        def step() -> None:  # one more kind of record (or the ledger) written
            nonlocal records_done
            records_done += 1
            if progress is not None:
                progress(RECORDS_SHARE * records_done // (len(rules.KINDS) + 1), PROGRESS_STEPS)

        def report_step(written: int, wanted: int) -> None:  # the reports take most of the time
            if progress is not None:
                progress(RECORDS_SHARE + (REPORTS_END - RECORDS_SHARE) * written // wanted, PROGRESS_STEPS)

        with self._sessions() as s:  # one moment for the whole package: records, ledger and head
            conn = snapshot_connection(s)
            code, name = self._branch(s)
            previous = self._previous(s)
            prev_seq, prev_hash = self._start(s, conn, previous, after)
            head = chain.head(conn)
            notes = [] if documents is not None else [PERIODIC_MISSING]
            if prev_seq and chain.hash_at(conn, prev_seq) != prev_hash:
                # The ledger no longer holds the head the previous package carried: carry it whole,
                # so head office sees exactly where it differs from what it received.
                notes.append(Message("exchange.note.ledger_diverged", seq=prev_seq))
                prev_seq, prev_hash = 0, GENESIS
            files: list[dict[str, Any]] = []
            counts: dict[str, int] = {}
            incident_heads: list[dict[str, Any]] = []
            report_ids: list[tuple[str, int]] = []
            with output.writing(out) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
                for kind in rules.KINDS:
                    if kind == "compliance":
                        batches: Iterable[list[dict[str, Any]]] = [compliance]
                    elif kind == "complaintstats":
                        batches = [complaint_months]
                    else:
                        batches = store.READERS[kind](conn, start, end)
                    if kind == "complaints" and not unmask:
                        batches = ([rules.mask_complaint(r) for r in b] for b in batches)
                    if kind == "incidents":
                        batches = _noting_incidents(batches, incident_heads, report_ids)
                    if kind == "drills":
                        batches = _noting_drills(batches, report_ids)
                    files.append(_json_array(zf, f"{rules.RECORDS}{kind}.json", batches, counts, kind))
                    step()
                ledger_batches = store.ledger_entries(conn, prev_seq, head.seq)
                files.append(_json_array(zf, rules.LEDGER, ledger_batches, counts, "ledger"))
                ledger_count = counts.pop("ledger")
                step()
                wanted: list[tuple[str, int | str]] = [*report_ids, (SUMMARY, period.name)]
                built = self._documents(zf, files, wanted, documents, report_step)
                anchors_doc = {
                    "format": anchor_store.PACKAGE_FORMAT,
                    "version": anchor_store.PACKAGE_VERSION,
                    "anchors": [anchor_content(stamp.anchor)] if stamp.anchor is not None else [],
                }
                files.append(_member(zf, rules.ANCHORS, (rules.dumps(anchors_doc) + "\n").encode()))
                manifest = {
                    "format": rules.FORMAT,
                    "version": rules.VERSION,
                    "branch": {"code": code, "name": name},
                    "period": {
                        "name": period.name,
                        "start": period.start.isoformat(),
                        "end": period.end.isoformat(),
                    },
                    "generator": {"name": "BranchGuard", "version": self._version},
                    "created_at": self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "masked": not unmask,
                    "files": files,
                    "counts": counts,
                    "reports": built,
                    "ledger": {
                        "previous": {"seq": prev_seq, "hash": prev_hash},
                        "head": {"seq": head.seq, "hash": head.hash},
                        "entries": ledger_count,
                    },
                    "incident_heads": incident_heads,
                    "key": {"fingerprint": key.fingerprint, "public_key": key.public_key},
                    "notes": [note.key for note in notes],
                }
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
                zf.writestr(rules.MANIFEST, manifest_bytes)
                zf.writestr(rules.SIGNATURE, rules.sign(signing, manifest_bytes) + "\n")
                digest = rules.sha256(manifest_bytes)
                self._remember(actor, period, prev_seq, head.seq, head.hash, digest, counts, unmask)
            if progress is not None:  # signed, written to disk and recorded
                progress(PROGRESS_STEPS, PROGRESS_STEPS)
        written = self._anchors.append(stamp)
        return PackageResult(
            str(out),
            period,
            digest,
            counts,
            built,
            prev_seq + 1,
            head.seq,
            head.hash,
            key.fingerprint,
            len(files) + 2,
            None if written.written else written.problem,
            tuple(notes),
        )

    # -- parts ---------------------------------------------------------------------------------
    def _compliance(self, actor: Actor, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """Each drill rule's state as of the period's end (now, in a period not yet over), as the
        period's own summary reports it (`compliance_over`): not as of the day the package is made,
        which would date a later drill into the period's package."""
        rule_lines, _runs = self._drills.compliance_over(actor, start, end, min(end, self._clock()))
        return [_compliance_item(item) for item, _ids in rule_lines]

    def _complaint_months(self, actor: Actor, period: Period) -> list[dict[str, Any]]:
        """The period's complaint statistics month by month: the dashboard's own figures."""
        if self._dashboard is None:
            return []
        return [rules.complaint_month(f) for f in self._dashboard.periods(actor, rules.month_starts(period))]

    @staticmethod
    def _branch(s: Session) -> tuple[str, str]:
        row = get_branch_row(s)
        if row is None or not row.code.strip():
            raise ValidationError("field.branch_code", Message("exchange.no_branch_code"))
        return row.code.strip(), row.name

    def _period(self, text: str) -> Period:
        """The period named, refused when it has not begun: its package would claim the ledger so
        far for a month still to come, and the real one would then start after it."""
        period = rules.period_of(text)
        if period.start > self._clock().astimezone().date():
            raise ValidationError("field.period", Message("exchange.future_period", period=period.name))
        return period

    @staticmethod
    def _start(
        s: Session, conn: Connection, previous: ExchangePackageRow | None, after: int | None
    ) -> tuple[int, str]:
        """The ledger entry the package goes on from, with its hash: the previous package's head,
        or `after`, which must be one this branch has sent (0 sends the ledger from its start)."""
        if after is None:
            return (previous.ledger_seq, previous.ledger_hash) if previous else (0, GENESIS)
        sent = previous.ledger_seq if previous else 0
        if not 0 <= after <= sent:
            refusal = Message("exchange.after_range", value=after, last=sent)
            raise ValidationError("field.ledger_after", refusal)
        return after, chain.hash_at(conn, after) or ""  # an entry gone: the package notes it diverged

    @staticmethod
    def _previous(s: Session) -> ExchangePackageRow | None:
        return s.scalars(select(ExchangePackageRow).order_by(desc(ExchangePackageRow.id)).limit(1)).first()

    @staticmethod
    def _document_count(conn: Connection, start: datetime, end: datetime) -> int:
        ids: list[tuple[str, int]] = []
        for batch in _noting_incidents(store.incidents(conn, start, end), [], ids):
            del batch
        for batch in _noting_drills(store.drills(conn, start, end), ids):
            del batch
        return len(ids)

    def _documents(
        self,
        zf: zipfile.ZipFile,
        files: list[dict[str, Any]],
        wanted: list[tuple[str, int | str]],
        documents: Documents | None,
        written: Callable[[int, int], None],
    ) -> int:
        if documents is None:
            written(1, 1)
            return 0
        # One reading of the ledger's chain for all the reports, each proving it at the same head
        with tempfile.TemporaryDirectory(prefix="bg-package-") as tmp, verify.one_chain_scan():
            for number, (kind, ref) in enumerate(wanted, 1):  # reports/incident-7.pdf, reports/summary-….pdf
                pdf = Path(tmp) / f"{kind}-{ref}.pdf"
                documents(kind, ref, pdf)
                files.append(_file_member(zf, f"{rules.REPORTS}{kind}-{ref}.pdf", pdf))
                pdf.unlink()
                written(number, len(wanted))
        return len(wanted)

    def _remember(
        self,
        actor: Actor,
        period: Period,
        prev_seq: int,
        seq: int,
        head_hash: str,
        digest: str,
        counts: dict[str, int],
        unmask: bool,
    ) -> None:
        with self._sessions.begin() as s:
            row = ExchangePackageRow(
                period=period.name,
                created_by=actor.username,
                previous_seq=prev_seq,
                ledger_seq=seq,
                ledger_hash=head_hash,
                manifest_sha256=digest,
            )
            s.add(row)
            s.flush()
            after = {"period": period.name, "ledger": seq, "manifest": digest, "unmasked": unmask, **counts}
            record(s, actor, "exchange.export", "package", row.id, after=after, summary=period.name)


def _compliance_item(item: Any) -> dict[str, Any]:
    rule = item.rule
    return {
        "rule": rule.code,
        "name": {"zh": rule.name.zh, "en": rule.name.en},
        "status": item.status.value,
        "last_done": item.last_done.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if item.last_done
        else None,
        "next_due": item.next_due.isoformat() if item.next_due else None,
    }


def _noting_incidents(
    batches: Iterable[list[dict[str, Any]]], heads: list[dict[str, Any]], reports: list[tuple[str, int]]
) -> Iterable[list[dict[str, Any]]]:
    for batch in batches:
        for r in batch:
            heads.append({"incident": r["id"], "seq": r["last_seq"], "hash": r["chain_head"]})
            reports.append(("incident", r["id"]))
        yield batch


def _noting_drills(
    batches: Iterable[list[dict[str, Any]]], reports: list[tuple[str, int]]
) -> Iterable[list[dict[str, Any]]]:
    for batch in batches:
        reports.extend(("drill", r["id"]) for r in batch if r.get("run_at"))
        yield batch


def _json_array(
    zf: zipfile.ZipFile, name: str, batches: Iterable[list[dict[str, Any]]], counts: dict[str, int], kind: str
) -> dict[str, Any]:
    """A JSON array written into the zip a batch at a time, hashed as it goes."""
    n = 0
    with zf.open(name, "w", force_zip64=True) as raw:
        out = _Hashing(raw)
        out.write(b"[")
        for batch in batches:
            for item in batch:
                out.write(b"\n" if n == 0 else b",\n")
                out.write(rules.dumps(item).encode())
                n += 1
        out.write(b"\n]\n")
    counts[kind] = n
    return {"name": name, "sha256": out.sha.hexdigest(), "size": out.size}


def _member(zf: zipfile.ZipFile, name: str, data: bytes) -> dict[str, Any]:
    zf.writestr(name, data)
    return {"name": name, "sha256": rules.sha256(data), "size": len(data)}


def _file_member(zf: zipfile.ZipFile, name: str, path: Path) -> dict[str, Any]:
    with path.open("rb") as src, zf.open(name, "w", force_zip64=True) as raw:
        out = _Hashing(raw)
        while chunk := src.read(1 << 16):
            out.write(chunk)
    return {"name": name, "sha256": out.sha.hexdigest(), "size": out.size}
