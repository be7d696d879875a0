"""Head office: the same application on its own database, marked as head office's. It registers
branches with their public keys, imports their period packages (signature, every file's hash, the
schema and the ledger's continuity checked before anything is written; one transaction each) and
rolls their records up side by side."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts.service import AuthService
from branchguard.core.anchors.rules import fingerprint, small_order
from branchguard.core.audit.service import record
from branchguard.core.demo.service import holds_branch_data
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice import package_zip, periods, regional, rules, store
from branchguard.core.headoffice.package_zip import FIELD, MAX_MEMBER, MAX_PACKAGE, Refused
from branchguard.core.headoffice.package_zip import refuse as _refuse
from branchguard.core.headoffice.types import (
    BranchRollup,
    HeldHead,
    HoBranch,
    HoRecord,
    ImportOutcome,
    ImportResult,
    PeriodRow,
    RegionalPeriod,
)
from branchguard.core.kernel import intake
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.china_time import CHINA
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, Role, Text2
from branchguard.core.kernel.zips import ZipDamaged, open_zip
from branchguard.core.ledger.rules import GENESIS
from branchguard.db.models.exchange import HeadOfficeRow, HoBranchRow, HoPackageRow, HoQuarantineRow

JSON_LIMITS = intake.Limits(max_bytes=MAX_MEMBER, max_depth=16, max_items=20_000_000)
QUARANTINE = "quarantine"
MINUTE = "%Y-%m-%d %H:%M"  # when a package was made, as a refusal says it (the branches' time)


class NotHeadOffice(ValidationError):
    """A head-office command on a branch's database."""


class HeadOfficeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        data_dir: Path,
        auth: AuthService,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._sessions = sessions
        self._data_dir = Path(data_dir)
        self._auth = auth
        self._clock = clock

    # -- the mode ------------------------------------------------------------------------------
    def is_head_office(self) -> bool:
        with self._sessions() as s:
            return store.head_office(s) is not None

    def name(self) -> str:
        with self._sessions() as s:
            row = store.head_office(s)
            return row.name if row else ""

    def _require_mode(self, s: Session) -> None:
        if store.head_office(s) is None:
            raise NotHeadOffice("", Message("ho.not_head_office"))

    def init(self, name: str, username: str, password: str, display_name: str = "") -> str:
        """Make this new database head office's, with its first account (an administrator: the
        lead role). Refused on a database that holds anything of a branch's, or any account."""
        clean = v.text(name, "field.ho_name", limit=200)
        with self._sessions.begin() as s:
            if store.head_office(s) is not None:
                raise ValidationError("field.ho_name", Message("ho.already"))
            if holds_branch_data(s):
                raise ValidationError("field.ho_name", Message("ho.branch_database"))
            s.add(HeadOfficeRow(id=1, name=clean))
            user = self._auth.insert_user(s, Actor.system(), username, Role.LEAD, password, display_name)
            record(
                s, Actor.system(), "ho.init", "head_office", 1, after={"name": clean, "user": user.username}
            )
        return clean

    # -- branches ------------------------------------------------------------------------------
    def add_branch(self, actor: Actor, code: str, name: str, key_file: Path) -> HoBranch:
        require(actor, "ho.branch")
        clean_code = v.text(code, "field.branch_code", limit=50)
        clean_name = v.text(name, "field.branch_name", limit=200)
        raw = _public_key(intake.read_file(key_file, 64 * 1024, "field.key_file"), key_file)
        with self._sessions.begin() as s:
            self._require_mode(s)
            if store.branch_by_code(s, clean_code) is not None:
                raise ValidationError("field.branch_code", Message("ho.branch_exists", code=clean_code))
            # one installation's key under two codes: its packages would be taken for either branch's
            holder = s.scalars(select(HoBranchRow.code).where(HoBranchRow.public_key == raw.hex())).first()
            if holder is not None:
                raise ValidationError("field.key_file", Message("ho.key_registered", code=holder))
            row = HoBranchRow(
                code=clean_code,
                name=clean_name,
                public_key=raw.hex(),
                fingerprint=fingerprint(raw),
                added_by=actor.username,
                ledger_seq=0,
                ledger_hash=GENESIS,
            )
            s.add(row)
            s.flush()
            after = {"code": clean_code, "name": clean_name, "fingerprint": row.fingerprint}
            record(s, actor, "ho.branch", "ho_branch", row.id, after=after)
            return HoBranch(row.id, row.code, row.name, row.fingerprint, 0)

    # -- import --------------------------------------------------------------------------------
    def import_package(self, actor: Actor, path: Path) -> ImportResult:
        """Check the package whole, then take it in, in one transaction. Refused (Refused, nothing
        written): not a package, an unknown branch, a signature not by the branch's registered key,
        a file whose bytes differ from the manifest, a record outside the schema, a gap in the
        ledger. Refused and kept in quarantine with the reason: a ledger that rewrites or drops
        what head office already holds."""
        require(actor, "ho.import")
        path = Path(path)
        with self._sessions() as s:
            self._require_mode(s)
        with intake.open_file(path, MAX_PACKAGE, FIELD) as fh:
            try:  # a damaged directory is said so, not taken for a member missing (no manifest.sig)
                zf = open_zip(fh)
            except (ZipDamaged, OSError):
                raise _refuse("ho.package_damaged", file=path.name) from None
            with zf:
                return self._import(actor, path, zf)

    def _import(self, actor: Actor, path: Path, zf: zipfile.ZipFile) -> ImportResult:
        names = set(zf.namelist())
        mistaken = package_zip.other_kind(zf, path)
        if mistaken is not None:
            raise mistaken
        if package.MANIFEST not in names or package.SIGNATURE not in names:
            missing = package.MANIFEST if package.MANIFEST not in names else package.SIGNATURE
            raise _refuse(
                "ho.not_a_package", file=path.name, error=Message("ho.package.missing", name=missing)
            )
        manifest_bytes, signature = package_zip.head(zf)  # nothing else inflated till they hold
        try:
            manifest = intake.load_json(manifest_bytes, JSON_LIMITS, FIELD)
        except intake.InputRejected as exc:
            raise _refuse("ho.schema", file=package.MANIFEST, problem=exc.content) from None
        newer = rules.format_problem(manifest, path.name)
        if newer is not None:
            raise Refused(FIELD, newer)
        problem = rules.schema_problem("manifest", manifest) or rules.manifest_meaning_problem(manifest)
        if problem is not None:
            raise _refuse("ho.schema", file=package.MANIFEST, problem=problem)
        try:
            return self._proved(actor, path, zf, names, manifest, manifest_bytes, signature)
        except Refused as exc:  # past here the refusal is of the branch and period the package says
            exc.branch_code, exc.period = manifest["branch"]["code"], manifest["period"]["name"]
            raise

    def _proved(
        self,
        actor: Actor,
        path: Path,
        zf: zipfile.ZipFile,
        names: set[str],
        manifest: dict[str, Any],
        manifest_bytes: bytes,
        signature: str,
    ) -> ImportResult:
        """The package of a known branch, its manifest in its schema: proved, then taken in."""
        code, period = manifest["branch"]["code"], manifest["period"]["name"]
        with self._sessions() as s:
            branch = store.branch_by_code(s, code)
            if branch is None:
                raise _refuse("ho.unknown_branch", code=code)
            branch_id, held_seq, held_hash, key = (
                branch.id,
                branch.ledger_seq,
                branch.ledger_hash,
                branch.public_key,
            )
            registered = branch.fingerprint
        if not package.signature_holds(key, manifest_bytes, signature):
            signer = str(manifest["key"]["fingerprint"])
            if signer.lower() == registered.lower():  # the registered key named, yet no signature of it
                raise _refuse("ho.manifest_changed", code=code, registered=registered)
            raise _refuse("ho.bad_signature", code=code, registered=registered, signer=signer)
        listed = {f["name"]: f for f in manifest["files"]}
        extra = names - set(listed) - {package.MANIFEST, package.SIGNATURE}
        if extra:
            raise _refuse("ho.file_unlisted", file=sorted(extra)[0])
        for name in listed:
            if name not in names:
                raise _refuse("ho.file_missing", file=name)
        package_zip.check_sizes(listed)
        # the JSON files, read once: hashed here, parsed below; the PDFs only hashed
        read = package_zip.proved(zf, listed, keep=[n for n in listed if n.endswith(".json")])
        digest = package.sha256(manifest_bytes)
        with self._sessions() as s:
            if s.scalar(select(HoPackageRow.id).where(HoPackageRow.manifest_sha256 == digest)) is not None:
                return ImportResult(str(path), ImportOutcome.ALREADY, code, period, digest)
        records: dict[str, list[dict[str, Any]]] = {}
        for kind in package.KINDS:
            name = f"{package.RECORDS}{kind}.json"
            if name not in listed and kind in package.OPTIONAL_KINDS:
                continue  # a package of an earlier version
            if name not in listed:
                raise _refuse("ho.file_missing", file=name)
            records[kind] = self._checked_json(read, name, kind)
        entries = self._checked_json(read, package.LEDGER, "ledger")
        ledger = manifest["ledger"]
        broken = rules.chain_problem(entries, ledger["previous"], ledger["head"])
        if broken is not None:
            raise Refused(FIELD, broken)
        self._continuity(actor, path, zf, manifest, digest, branch_id, held_seq, held_hash, entries)
        return self._take_in(actor, path, manifest, digest, branch_id, held_seq, records, entries)

    def _checked_json(self, read: dict[str, bytes], name: str, part: str) -> list[dict[str, Any]]:
        try:
            value = intake.load_json(read.pop(name), JSON_LIMITS, FIELD)
        except intake.InputRejected as exc:
            raise _refuse("ho.schema", file=name, problem=exc.content) from None
        problem = rules.schema_problem(part, value)
        if problem is not None:
            raise _refuse("ho.schema", file=name, problem=problem)
        assert isinstance(value, list)
        return value

    def _continuity(
        self,
        actor: Actor,
        path: Path,
        zf: zipfile.ZipFile,
        manifest: dict[str, Any],
        digest: str,
        branch_id: int,
        held_seq: int,
        held_hash: str,
        entries: list[dict[str, Any]],
    ) -> None:
        """The package's ledger must agree with every position head office holds and reach at
        least as far; else it rewrites or drops history, and is quarantined."""
        previous, head = manifest["ledger"]["previous"], manifest["ledger"]["head"]
        code = manifest["branch"]["code"]
        if previous["seq"] > held_seq:
            raise _refuse("ho.ledger_gap", code=code, held=held_seq, start=previous["seq"] + 1)
        overlap = [e for e in entries if e["seq"] <= held_seq]
        with self._sessions() as s:
            conn = s.connection()
            wanted = [e["seq"] for e in overlap] + ([previous["seq"]] if previous["seq"] else [])
            held = store.held_hashes(conn, branch_id, wanted)
        held[0] = GENESIS
        if held.get(previous["seq"]) != previous["hash"]:
            self._quarantine(actor, path, zf, code, digest, "ho.ledger_rewritten", seq=previous["seq"])
        for e in overlap:
            if held.get(e["seq"]) != e["hash"]:
                self._quarantine(actor, path, zf, code, digest, "ho.ledger_rewritten", seq=e["seq"])
        if head["seq"] < held_seq:  # every entry it carries agrees with what is held
            self._refuse_if_older(manifest, branch_id, held_seq)
        if head["seq"] < held_seq or (head["seq"] == held_seq and head["hash"] != held_hash):
            self._quarantine(
                actor, path, zf, code, digest, "ho.ledger_dropped", seq=head["seq"], held=held_seq
            )

    def _refuse_if_older(self, manifest: dict[str, Any], branch_id: int, held_seq: int) -> None:
        """A package made before the one that brought the ledger head head office holds (a month's,
        delayed, after a later one sent from the start) drops nothing: it is late. Refused saying
        so, not quarantined; one made after it that ends before that head cut the branch's history."""
        made = datetime.fromisoformat(manifest["created_at"].replace("Z", "+00:00"))
        with self._sessions() as s:
            held = s.execute(
                select(HoPackageRow.period, HoPackageRow.created_at)
                .where(HoPackageRow.branch_id == branch_id, HoPackageRow.ledger_to == held_seq)
                .order_by(HoPackageRow.created_at)
                .limit(1)
            ).first()
        if held is None:
            return
        held_made = held.created_at.replace(tzinfo=held.created_at.tzinfo or UTC)
        if made > held_made:  # made in the same second as it: not after
            return
        raise _refuse(
            "ho.package_older",
            code=manifest["branch"]["code"],
            period=manifest["period"]["name"],
            made=made.astimezone(CHINA).strftime(MINUTE),
            held_period=held.period,
            held_made=held_made.astimezone(CHINA).strftime(MINUTE),
            held=held_seq,
        )

    def _quarantine(
        self,
        actor: Actor,
        path: Path,
        zf: zipfile.ZipFile,
        code: str,
        digest: str,
        key: str,
        **params: object,
    ) -> None:
        folder = self._data_dir / QUARANTINE
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        kept = folder / f"{digest}.zip"
        with self._sessions.begin() as s:
            known = s.scalar(select(HoQuarantineRow.id).where(HoQuarantineRow.manifest_sha256 == digest))
            if known is None:
                shutil.copyfile(path, kept)
                row = HoQuarantineRow(
                    received_by=actor.username,
                    branch_code=code,
                    file_name=path.name[:255],
                    manifest_sha256=digest,
                    stored=str(kept),
                    reason_key=key,
                    reason_params=dict(params),
                )
                s.add(row)
                s.flush()
                record(
                    s,
                    actor,
                    "ho.import",
                    "ho_quarantine",
                    row.id,
                    after={"reason": key, **params},
                    summary=code,
                )
        raise Refused(
            FIELD, Message("ho.quarantined", reason=Message(key, code=code, **params), path=str(kept))
        )

    def _take_in(
        self,
        actor: Actor,
        path: Path,
        manifest: dict[str, Any],
        digest: str,
        branch_id: int,
        held_seq: int,
        records: dict[str, list[dict[str, Any]]],
        entries: list[dict[str, Any]],
    ) -> ImportResult:
        period = manifest["period"]["name"]
        head = manifest["ledger"]["head"]
        new_entries = [e for e in entries if e["seq"] > held_seq]
        total = 0
        with self._sessions.begin() as s:
            replaces = s.scalar(
                select(func.max(HoPackageRow.imported_at)).where(
                    HoPackageRow.branch_id == branch_id, HoPackageRow.period == period
                )
            )
            row = HoPackageRow(
                branch_id=branch_id,
                period=period,
                manifest_sha256=digest,
                created_at=datetime.fromisoformat(manifest["created_at"].replace("Z", "+00:00")),
                imported_by=actor.username,
                ledger_from=manifest["ledger"]["previous"]["seq"] + 1,
                ledger_to=head["seq"],
                ledger_hash=head["hash"],
                counts=manifest["counts"],
                file_name=path.name[:255],
            )
            s.add(row)
            s.flush()
            conn = s.connection()
            store.add_ledger(conn, branch_id, new_entries)
            for kind, items in records.items():
                rows = [_record_row(branch_id, row.id, kind, period, item) for item in items]
                store.put_records(conn, branch_id, kind, rows)
                total += len(rows)
            branch = s.get(HoBranchRow, branch_id)
            assert branch is not None
            if head["seq"] >= branch.ledger_seq:
                branch.ledger_seq, branch.ledger_hash = head["seq"], head["hash"]
            branch.last_package_id = row.id
            after = {"period": period, "manifest": digest, "records": total, "ledger_to": head["seq"]}
            record(
                s, actor, "ho.import", "ho_package", row.id, after=after, summary=manifest["branch"]["code"]
            )
        return ImportResult(
            str(path),
            ImportOutcome.IMPORTED,
            manifest["branch"]["code"],
            period,
            digest,
            total,
            len(new_entries),
            _utc(replaces),
        )

    # -- the roll-up ---------------------------------------------------------------------------
    def branches(self, actor: Actor) -> list[BranchRollup]:
        require(actor, "ho.read")
        now = self._clock()
        with self._sessions() as s:
            self._require_mode(s)
            conn = s.connection()
            rows = store.branch_list(conn)
            kinds = store.kind_counts(conn)
            by_category, by_level = store.incident_counts(conn)
            figures = store.per_branch(conn, now)
            latest = store.latest_scores(conn)
            sent = {b: periods.latest(names) for b, names in store.package_periods(conn).items()}
            compliance: dict[int, dict[str, str]] = {}
            rule_names: dict[int, dict[str, Text2]] = {}
            for b, rule, status, zh, en in store.compliance_rows(conn, latest=sent):
                compliance.setdefault(b, {})[rule] = status
                if zh or en:
                    rule_names.setdefault(b, {})[rule] = Text2(zh or "", en or "")
            months = store.complaint_months(conn)
        out = []
        for r in rows:
            f = figures.get(r.id, {})
            oldest = f.get("oldest_open")
            if isinstance(oldest, str):
                oldest = datetime.fromisoformat(oldest)
            if oldest is not None and oldest.tzinfo is None:
                oldest = oldest.replace(tzinfo=UTC)
            out.append(
                BranchRollup(
                    code=r.code,
                    name=r.name,
                    fingerprint=r.fingerprint,
                    packages=r.packages,
                    last_period=sent.get(r.id, ""),  # not the last imported
                    last_imported_at=_utc(r.imported_at),
                    ledger_seq=r.ledger_seq,
                    counts={k: kinds.get(r.id, {}).get(k, 0) for k in package.KINDS},
                    incidents_by_category=dict(sorted(by_category.get(r.id, {}).items())),
                    incidents_by_level=dict(sorted(by_level.get(r.id, {}).items())),
                    hazards_open=f.get("hazards_open", 0),
                    hazards_overdue=f.get("hazards_overdue", 0),
                    oldest_open_hazard_days=(now - oldest) // timedelta(days=1) if oldest else None,
                    drills_evaluated=f.get("drills_evaluated", 0),
                    drill_score_average=f.get("drill_score_average"),
                    drill_score_latest=latest.get(r.id),
                    actions_overdue=f.get("actions_overdue", 0),
                    compliance=compliance.get(r.id, {}),
                    rule_names=rule_names.get(r.id, {}),
                    complaints_open=f.get("complaints_open", 0),
                    complaints_overdue=f.get("complaints_overdue", 0),
                    complaint_totals=rules.complaint_totals(months.get(r.id, [])),
                )
            )
        return out

    def held_heads(self, actor: Actor) -> list[HeldHead]:
        """Every registered branch's ledger head as head office holds it (what the regional
        report prints and its anchor signs), in code order."""
        require(actor, "ho.read")
        with self._sessions() as s:
            self._require_mode(s)
            rows = store.held_heads(s.connection())
        return [
            HeldHead(
                code=code,
                name=name,
                fingerprint=fingerprint,
                packages=packages,
                ledger_seq=seq,
                ledger_hash=head,
                last_period=period or "",
                last_manifest=manifest or "",
            )
            for packages, code, name, fingerprint, seq, head, period, manifest in rows
        ]

    def records(self, actor: Actor, code: str, kind: str, lang: str = "zh_CN") -> list[HoRecord]:
        """A branch's records of one kind, as its packages last carried them, newest first."""
        require(actor, "ho.read")
        if kind not in package.KINDS:
            raise ValidationError(
                "field.record_kind", Message("ho.bad_kind", kind=kind, kinds=", ".join(package.KINDS))
            )
        with self._sessions() as s:
            self._require_mode(s)
            branch = store.branch_by_code(s, code)
            if branch is None:
                raise ValidationError("field.branch_code", Message("ho.unknown_branch", code=code))
            rows = store.records_of(s.connection(), branch.id, kind)
        return [
            HoRecord(
                kind=kind,
                source_id=r.source_id,
                period=r.period,
                summary=rules.summary(kind, r.data, lang),
                category=r.category,
                level=r.level,
                status=r.status,
                opened_at=_utc(r.opened_at),
                due_at=_utc(r.due_at),
                closed_at=_utc(r.closed_at),
                score=r.score,
                drill=rules.drill_marks(r.data) if kind == "drills" else None,
                drill_run=kind == "incidents" and isinstance(r.data, dict) and bool(r.data.get("drill")),
            )
            for r in rows
        ]

    def period_rows(self, actor: Actor, period_text: str) -> tuple[str, list[PeriodRow]]:
        """The regional report's table: each branch's figures for the period (regional.rows)."""
        report = self.regional(actor, period_text)
        return report.period.code, report.rows

    def regional(self, actor: Actor, period_text: str) -> RegionalPeriod:
        """The regional report's content for a month, a quarter or a year (a year's with the year
        before's), refused naming the field when the period is none or has not begun."""
        require(actor, "ho.read")
        now = self._clock()
        period = periods.report_period(period_text, now.astimezone(CHINA).date())
        with self._sessions() as s:
            self._require_mode(s)
            return regional.regional(s.connection(), period, now)


def _utc(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _public_key(data: bytes, path: Path) -> bytes:
    """The raw Ed25519 public key from a PEM file (`key export`) or 64 hex digits, saved with or
    without a BOM (Notepad's "UTF-8")."""
    text = intake.without_bom(data).strip()
    raw = b""
    try:
        if text.startswith(b"-----BEGIN"):
            key = load_pem_public_key(text)
            if isinstance(key, Ed25519PublicKey):
                raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
        elif len(text) == 64:
            raw = bytes.fromhex(text.decode("ascii"))
            Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, UnicodeDecodeError):
        raw = b""
    if raw and not small_order(raw):  # of small order (64 zeros): a key anyone could sign for
        return raw
    raise ValidationError("field.key_file", Message("ho.bad_key", path=str(path)))


def _record_row(
    branch_id: int, package_id: int, kind: str, period: str, item: dict[str, Any]
) -> dict[str, Any]:
    f = rules.facts(kind, item, period)
    return {
        "branch_id": branch_id,
        "package_id": package_id,
        "kind": kind,
        "period": period,
        "source_id": str(f["source_id"])[:64],
        "category": str(f.get("category") or "")[:32],
        "level": str(f.get("level") or "")[:16],
        "status": str(f.get("status") or "")[:16],
        "opened_at": f.get("opened_at"),
        "due_at": f.get("due_at"),
        "closed_at": f.get("closed_at"),
        "score": f.get("score"),
        "data": item,
    }
