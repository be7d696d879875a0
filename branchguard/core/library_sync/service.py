"""The head-office library: export (at head office, or any installation acting as one), the branch's
trusted head-office key, reading a library and proving it, its preview, and applying it in one
transaction; and the working-day table head office keeps.

A library is refused, with nothing written, when no head-office key is trusted, when it has no
signature, when the signature is not the trusted key's (a foreign key is named as such), when any
member differs from what the signed manifest lists, or when it is older than the last one applied.
Importing the same library twice changes nothing: the second finds every record the same and
writes nothing, not even an audit event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.anchors import keys
from branchguard.core.anchors.rules import fingerprint, grouped, small_order
from branchguard.core.audit.service import record
from branchguard.core.drills import library as drills_data
from branchguard.core.inspections import library as templates_data
from branchguard.core.kernel import working_days
from branchguard.core.kernel.attachments import AttachmentStore
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import (
    InputRejected,
    Limits,
    load_json,
    load_yaml,
    read_file,
    without_bom,
)
from branchguard.core.kernel.output import write_file
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.core.library_sync import archive, content, holidays, plans, rules, store, table
from branchguard.core.library_sync.rules import LibraryRefused
from branchguard.core.library_sync.types import (
    Changes,
    ExportResult,
    Library,
    LibraryPreview,
    LibraryState,
    Manifest,
    TrustedKey,
    TrustResult,
    YearInfo,
)
from branchguard.core.playbooks.service import PlaybookService
from branchguard.db.models.foundation import BranchRow
from branchguard.db.models.library_sync import LibraryImportRow

KEY_FIELD = "field.key_file"
TABLE_FIELD = "field.working_day_file"
MAX_KEY_FILE = 64 * 1024
MAX_TABLE_FILE = 4 * 1024 * 1024
MEMBER_LIMITS = Limits(190 * 1024 * 1024, max_depth=16, max_items=2_000_000)
TABLE_LIMITS = Limits(MAX_TABLE_FILE, max_depth=8, max_items=100_000)
MANIFEST_LIMITS = Limits(1024 * 1024, max_depth=8, max_items=1000)
Progress = Callable[[int, int], None]


class LibraryService:
    def __init__(
        self,
        engine: Engine,
        sessions: sessionmaker[Session],
        data_dir: Path,
        files: AttachmentStore,
        generator: str = "BranchGuard",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._engine = engine
        self._sessions = sessions
        self._data_dir = Path(data_dir)
        self._files = files
        self._generator = generator
        self._clock = clock

    # -- state -----------------------------------------------------------------------------------
    def state(self, actor: Actor) -> LibraryState:
        """The trusted key, the last library applied and every year of working-day data."""
        require(actor, "library.read")
        with self._sessions() as s:
            trusted, last, stored = store.trusted(s), store.last_import(s), store.stored_years(s)
        years = {y: YearInfo(y, working_days.BUILT_IN, 0, 0, True) for y in working_days.built_in_years()}
        for y in list(years):
            builtin = working_days.built_in_table(y)
            assert builtin is not None
            years[y] = YearInfo(y, builtin.source, len(builtin.holidays), len(builtin.workdays), True)
        for t in stored:
            years[t.year] = YearInfo(t.year, t.source, len(t.holidays), len(t.workdays), False)
        return LibraryState(trusted, last, tuple(years[y] for y in sorted(years)))

    # -- head office: export ----------------------------------------------------------------------
    def export(self, actor: Actor, path: Path, public_key_path: Path | None = None) -> ExportResult:
        """Write the library signed by this installation's key: approved playbooks, approved
        checklist templates, the default compliance rules and the working-day table from this year
        on (its latest year until this year's is set). Read-only on the data; with
        `public_key_path`, the key branches trust goes there too."""
        require(actor, "library.export")
        standing.confirm(self._sessions, actor)  # a library signed with head office's key
        playbooks = PlaybookService(self._sessions, self._files)
        codes = [p.code for p in playbooks.list_playbooks(actor) if p.status == PlaybookStatus.APPROVED]
        versions = [playbooks.get(actor, code) for code in codes]
        from branchguard.core.playbooks.format import dump

        templates_data.seed_builtin(self._sessions)
        drills_data.seed_defaults(self._sessions)
        with self._sessions() as s:
            templates = store.approved_templates(s)
            compliance = store.default_rules(s)
            issuer = _issuer(s)
        this_year = self._clock().astimezone().year
        held = [t for y in sorted(working_days.covered()) if (t := working_days.table_for(y))]
        # In a new year whose table head office has not set yet, the latest year it holds: none
        # wrote a table listing no year, and every branch refused the whole library for it.
        years = [t for t in held if t.year >= this_year] or held[-1:]
        members = {
            rules.PLAYBOOKS: dump(versions, generator=self._generator, read=self._files.read),
            rules.TEMPLATES: _json(content.templates_document(templates)),
            rules.RULES: _json(content.rules_document(compliance)),
            rules.WORKING_DAYS: _json(holidays.document(years)),
        }
        key = keys.load_or_create(self._data_dir)
        public_raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        manifest = rules.manifest_bytes(members, self._clock(), self._generator, issuer[:200], public_raw)
        archive.write(path, {rules.MANIFEST: manifest, rules.SIGNATURE: rules.sign(key, manifest), **members})
        written_key = ""
        if public_key_path is not None:
            write_file(public_key_path, public_pem(key))
            written_key = str(public_key_path)
        return ExportResult(
            str(path),
            fingerprint(public_raw),
            len(versions),
            len(templates),
            len(compliance),
            tuple(t.year for t in years),
            written_key,
        )

    # -- branch: trust -----------------------------------------------------------------------------
    def trusted(self, actor: Actor) -> TrustedKey | None:
        require(actor, "library.read")
        with self._sessions() as s:
            return store.trusted(s)

    def trust(self, actor: Actor, key_file: Path) -> TrustResult:
        """Trust the head-office public key in `key_file` (PEM, or the raw key's 64 hex digits) for
        libraries from now on; audited with the fingerprint before and after."""
        require(actor, "library.trust")
        raw = public_key_from(read_file(key_file, MAX_KEY_FILE, KEY_FIELD))
        fp = fingerprint(raw)
        with self._sessions.begin() as s:
            before = store.trusted(s)
            if before is not None and before.public_key == raw.hex():
                return TrustResult(before, before.fingerprint, False)
            store.set_trusted(s, raw.hex(), fp, actor)
            record(
                s,
                actor,
                "library.trust",
                "trusted_key",
                store.HEAD_OFFICE,
                before={"fingerprint": before.fingerprint} if before else None,
                after={"fingerprint": fp},
            )
            s.flush()
            now = store.trusted(s)
        assert now is not None
        return TrustResult(now, before.fingerprint if before else "", True)

    # -- branch: read, preview, apply --------------------------------------------------------------
    def read(self, actor: Actor, path: Path) -> Library:
        """The library at `path`, its signature proved against the trusted key and every member
        against the signed manifest, then parsed (LibraryRefused / ValidationError say why not)."""
        require(actor, "library.import")
        with archive.opened(path) as zf:  # first: a backup or a package is named so, trusted key or not
            manifest_data, signature_data = archive.head(zf)
            manifest = self._proved(actor, path, manifest_data, signature_data)
            members = archive.members(zf, manifest.files)  # only now is any content inflated
        rules.check_members(manifest, members)
        from branchguard.core.playbooks.format import parse

        parsed = parse(members[rules.PLAYBOOKS], f"{Path(path).name}:{rules.PLAYBOOKS}")
        templates = content.templates_of(
            load_json(members[rules.TEMPLATES], MEMBER_LIMITS, "field.library_file"), rules.TEMPLATES
        )
        compliance = content.rules_of(
            load_json(members[rules.RULES], MEMBER_LIMITS, "field.library_file"), rules.RULES
        )
        try:
            years = holidays.parse(
                load_json(members[rules.WORKING_DAYS], MEMBER_LIMITS, "field.library_file")
            )
        except ValidationError as exc:
            raise ValidationError(
                Message("field.library_member", name=rules.WORKING_DAYS), exc.as_message(), exc.path
            ) from None
        return Library(str(path), manifest, rules.sha256(manifest_data), parsed, templates, compliance, years)

    def _proved(
        self, actor: Actor, path: Path, manifest_data: bytes, signature_data: bytes | None
    ) -> Manifest:
        """The manifest, once a head-office key is trusted and its signature over these bytes holds:
        all decided on the manifest and signature alone, nothing else of the library read yet."""
        trusted = self.trusted(actor)
        if trusted is None:
            raise LibraryRefused(Message("library.no_trust"))
        if signature_data is None:
            raise LibraryRefused(Message("library.unsigned", path=str(path)))
        signature = rules.signature_of(signature_data)
        if signature is None:
            raise LibraryRefused(Message("library.bad_signature_file"))
        trusted_raw = bytes.fromhex(trusted.public_key)
        if not rules.holds(trusted_raw, manifest_data, signature):
            raise LibraryRefused(self._why_not_trusted(manifest_data, signature, trusted.fingerprint))
        doc = load_json(manifest_data, MANIFEST_LIMITS, "field.library_file")
        problem = rules.schema_problem(doc)
        if problem is not None:
            raise LibraryRefused(Message("library.manifest_bad", problem=problem))
        return rules.manifest_of(doc)

    @staticmethod
    def _why_not_trusted(manifest: bytes, signature: bytes, trusted_fp: str) -> Message:
        try:
            claimed = rules.claimed_key(json.loads(manifest))
        except ValueError:
            claimed = None
        if (
            claimed is not None
            and fingerprint(claimed) != trusted_fp
            and rules.holds(claimed, manifest, signature)
        ):
            return Message(
                "library.foreign", signer=grouped(fingerprint(claimed)), trusted=grouped(trusted_fp)
            )
        return Message("library.bad_signature", trusted=grouped(trusted_fp))

    def preview(self, actor: Actor, library: Library) -> LibraryPreview:
        """What applying `library` would change here now."""
        require(actor, "library.import")
        self._seed(self._sessions)
        playbooks = PlaybookService(self._sessions, self._files)
        with self._sessions() as s:
            return self._classify(s, library, playbooks, actor)

    def _classify(
        self, s: Session, library: Library, playbooks: PlaybookService, actor: Actor
    ) -> LibraryPreview:
        """What the library would change here, and what would stop it (`plans.problems`)."""
        plan = playbooks.preview_import(actor, library.playbooks.items)
        m = library.manifest
        templates = store.classify_templates(s, library.templates)
        return LibraryPreview(
            source=library.source,
            issuer=m.issuer,
            created_at=m.created_at,
            fingerprint=m.fingerprint,
            playbooks=Changes(plan.added, plan.updated, plan.unchanged),
            templates=templates,
            rules=store.classify_rules(s, library.rules),
            years=store.classify_years(library.years),
            plan_problems=plans.problems(s, library, templates),
        )

    def apply(self, actor: Actor, library: Library, progress: Progress | None = None) -> LibraryPreview:
        """Everything the library changes, in one transaction on one connection (the playbook
        service's session joins it): any failure leaves every record as it was. A library with
        nothing to change writes nothing; one older than the last applied is refused."""
        require(actor, "library.import")
        self._seed(self._sessions)
        steps = 5
        with self._engine.connect() as conn, conn.begin():
            sessions = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only")
            playbooks = PlaybookService(sessions, self._files)
            with sessions() as s:
                preview = self._classify(s, library, playbooks, actor)
                last = store.last_import(s)
            if not preview.any:
                return preview
            if last is not None and library.manifest.created_at < last.created_at:
                raise LibraryRefused(
                    Message(
                        "library.older",
                        made=rules.stamp(library.manifest.created_at),
                        last=rules.stamp(last.created_at),
                    )
                )
            if preview.plan_problems:  # found before any write, in words for an import
                raise LibraryRefused(plans.refusal(preview.plan_problems))
            _tick(progress, 1, steps)
            if preview.playbooks.any:
                playbooks.apply_parsed(actor, library.playbooks)
            _tick(progress, 2, steps)
            note = Message("library.version_note", issuer=library.manifest.issuer).text()
            with sessions.begin() as s:
                store.write_templates(s, library.templates, preview.templates, actor, note)
                _tick(progress, 3, steps)
                store.write_rules(s, library.rules, preview.rules, actor)
                changed_years = set(preview.years.added) | set(preview.years.updated)
                store.write_years(s, [t for t in library.years if str(t.year) in changed_years], actor)
                _tick(progress, 4, steps)
                summary = _counts(preview)
                s.add(
                    LibraryImportRow(
                        manifest_sha256=library.manifest_sha256,
                        created_at=library.manifest.created_at,
                        signer=library.manifest.fingerprint,
                        issuer=library.manifest.issuer[:200],
                        summary=summary,
                        imported_by=actor.username,
                    )
                )
                record(
                    s,
                    actor,
                    "library.import",
                    "library",
                    library.manifest_sha256[:16],
                    after={
                        "issuer": library.manifest.issuer,
                        "created_at": rules.stamp(library.manifest.created_at),
                        **summary,
                    },
                )
        table.install_from(self._sessions)
        _tick(progress, steps, steps)
        return replace(preview, applied=True)

    @staticmethod
    def _seed(sessions: sessionmaker[Session]) -> None:
        """Built-in templates and rules are written on first use: before a library's are compared
        or added, so that adding one never stops the built-in ones from being seeded."""
        templates_data.seed_builtin(sessions)
        drills_data.seed_defaults(sessions)

    # -- head office: the working-day table --------------------------------------------------------
    def set_working_days(self, actor: Actor, path: Path) -> Changes:
        """Store the years of a working-day table file (YAML or JSON) head office keeps from the
        State Council's notice; they go into every library exported from then on."""
        require(actor, "library.calendar")
        data = read_file(path, MAX_TABLE_FILE, TABLE_FIELD)
        try:
            doc = load_yaml(data, TABLE_LIMITS, TABLE_FIELD, text_keys=True)
        except InputRejected as exc:
            raise exc.located() from None
        tables = holidays.parse(doc)
        changes = store.classify_years(tables)
        if not changes.any:
            return changes
        wanted = set(changes.added) | set(changes.updated)
        with self._sessions.begin() as s:
            store.write_years(s, [t for t in tables if str(t.year) in wanted], actor)
            record(
                s,
                actor,
                "library.calendar",
                "working_day_year",
                ",".join(sorted(wanted)),
                after={
                    "added": list(changes.added),
                    "updated": list(changes.updated),
                    "file": Path(path).name,
                },
            )
        table.install_from(self._sessions)
        return changes

    def check_day(self, actor: Actor, day: date) -> tuple[bool, str | None, str]:
        """Whether `day` is a working day, its festival and the table's source; BeyondTable when
        no table covers its year."""
        require(actor, "library.read")
        year = working_days.check(day)
        name = year.holidays.get(day)
        return year.is_working_day(day), working_days.holiday_label(name) if name else None, year.source


def _issuer(s: Session) -> str:
    """Who a library is from: the head office's name on a head-office database (`ho init`), else
    the name of the branch acting as head office."""
    from branchguard.db.models.exchange import HeadOfficeRow

    head_office = s.scalar(select(HeadOfficeRow.name).where(HeadOfficeRow.id == 1))
    if head_office:
        return str(head_office)
    return s.scalar(select(BranchRow.name).limit(1)) or ""


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _json(doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _counts(p: LibraryPreview) -> dict[str, object]:
    return {
        kind: {"added": list(c.added), "updated": list(c.updated)}
        for kind, c in (
            ("playbooks", p.playbooks),
            ("templates", p.templates),
            ("rules", p.rules),
            ("years", p.years),
        )
    }


def public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def _raw_public_key(data: bytes) -> bytes:
    """`public_key_from`'s reading, the key not yet weighed. A BOM (Notepad's "UTF-8") is dropped
    first."""
    data = without_bom(data)
    text = data.decode("utf-8", errors="replace").strip()
    if "PRIVATE KEY" in text:
        raise ValidationError(KEY_FIELD, Message("library.key_private"))
    if text.startswith("-----BEGIN"):
        try:
            key = load_pem_public_key(data)
        except (ValueError, TypeError):
            raise ValidationError(KEY_FIELD, Message("library.key_bad")) from None
        if not isinstance(key, Ed25519PublicKey):
            raise ValidationError(KEY_FIELD, Message("library.key_not_ed25519"))
        return key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    if text.startswith("{"):
        try:
            text = str(json.loads(text).get("public_key", ""))
        except (ValueError, AttributeError):
            raise ValidationError(KEY_FIELD, Message("library.key_bad")) from None
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raise ValidationError(KEY_FIELD, Message("library.key_bad")) from None
    if len(raw) != 32:
        raise ValidationError(KEY_FIELD, Message("library.key_bad"))
    return raw


def public_key_from(data: bytes) -> bytes:
    """The raw Ed25519 public key in a key file: PEM ("BEGIN PUBLIC KEY"), the 64 hex digits of the
    raw key, or a JSON object with `public_key`; ValidationError naming the file field otherwise,
    and for a key of small order (64 zeros), which anyone could sign for."""
    raw = _raw_public_key(data)
    if small_order(raw):
        raise ValidationError(KEY_FIELD, Message("library.key_weak"))
    return raw
