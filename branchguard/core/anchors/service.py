"""Anchor service: the signing key, stamping a document with the ledger's heads and a signed anchor,
appending that anchor outside the database, checking anchors from a file, PDF or package, and
choosing the anchor folder."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.anchors import keys, rules, store
from branchguard.core.anchors.ledger_link import LedgerFactory
from branchguard.core.anchors.types import (
    Anchor,
    AnchorReport,
    AnchorWrite,
    Head,
    KeyInfo,
    LedgerView,
    Stamp,
)
from branchguard.core.audit.service import record
from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.snapshot import snapshot_connection


class AnchorService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        data_dir: Path,
        folder: Callable[[], Path],
        ledger: LedgerFactory,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._sessions = sessions
        self._data_dir = Path(data_dir)
        self._folder = folder  # read at each use: Settings may change it while the window runs
        self._ledger = ledger
        self._clock = clock
        self._key: Ed25519PrivateKey | None = None

    # -- the key and the folder ----------------------------------------------------------------
    def key(self) -> KeyInfo:
        """This installation's key, made now on first use (KeyProblem when it cannot be)."""
        return keys.info(self._data_dir, self._signing_key())

    def _signing_key(self) -> Ed25519PrivateKey:
        if self._key is None:
            self._key = keys.load_or_create(self._data_dir)
        return self._key

    def folder(self) -> Path:
        return Path(self._folder())

    def anchor_file(self) -> Path:
        return self.folder() / store.FILE_NAME

    def choose_folder(self, actor: Actor, folder: Path, save: Callable[[str], None]) -> Path:
        """Make `folder` the anchor folder: it must be an existing folder this user can write in.
        `save` stores the setting; it runs inside the transaction that records the change, once the
        record holds the database's write lock: a locked database leaves the setting as it was."""
        require(actor, "anchor.configure")
        folder = Path(folder).expanduser()
        if not folder.is_dir():
            raise ValidationError("field.anchor_folder", Message("anchor.folder_missing", path=str(folder)))
        data, where = self._data_dir.resolve(), folder.resolve()
        if where == data or (data in where.parents and where != data / "backups"):
            # the anchors prove the data: kept in it, whoever can change the one changes the other
            # (the backups folder beside it is the default until one elsewhere is chosen)
            raise ValidationError("field.anchor_folder", Message("anchor.folder_in_data", path=str(folder)))
        probe = folder / f".branchguard-probe-{self._clock().strftime('%H%M%S%f')}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise ValidationError(
                "field.anchor_folder",
                Message("anchor.folder_unwritable", path=str(folder), error=exc.strerror or str(exc)),
            ) from None
        folder = folder.resolve()
        before = str(self.folder())
        with self._sessions.begin() as s:
            record(
                s,
                actor,
                "anchor.configure",
                "anchor_folder",
                "",
                before={"folder": before},
                after={"folder": str(folder)},
            )
            s.flush()  # the write lock (SQLite: BEGIN IMMEDIATE) taken before settings.ini changes
            save(str(folder))
        return folder

    # -- stamping documents ----------------------------------------------------------------------
    def stamp(
        self,
        actor: Actor,
        entity: str,
        entity_id: str,
        what: str,
        kinds: Collection[str] | None = None,
        *,
        records: Sequence[tuple[str, str]] = (),
        prove: bool = True,
    ) -> Stamp:
        """The heads and proof a document prints, and its signed anchor (not yet appended: `append`
        it once the document is written). `entity` empty: a document about no single record, whose
        proof covers the chain and the records of `kinds` (those it prints), else every record; a
        document about one record proves it, its parts and the records of `kinds` it prints besides.
        `records`: the (entity, id) records it prints besides, each proved with its parts (a drill
        report's plan and the hazards raised from it), the anchor naming `entity` alone.
        `prove` false: no proof is made (proof None), for an export that prints none: a period
        package carries its ledger entries and head office checks their chain itself."""
        require(actor, "anchor.stamp")
        with self._sessions() as s:
            conn = snapshot_connection(s)  # at one moment: another PC's entries are not half seen
            standing.check(s, actor)  # a stamp is a signed line in the anchor file: not for a stale login
            view = self._ledger(conn)
            head = _head(view)
            rec = view.record_head(entity, entity_id) if entity else None
            proof = None
            if prove:
                proved = [(entity, entity_id)] if entity else []
                proved += [(kind, str(kind_id)) for kind, kind_id in records]
                consistent = view.consistent(proved or None, kinds=kinds)
                proof = self._proof(view, head, consistent)
        record_head = Head(rec.seq, rec.hash) if rec is not None else None
        try:
            signing = self._signing_key()
        except BranchGuardError as exc:
            return Stamp(head, record_head, proof, None, None, problem=exc.content)
        unsigned = Anchor(
            at=self._clock().astimezone(UTC).replace(microsecond=0),
            ledger_seq=head.seq,
            ledger_hash=head.hash,
            record=f"{entity}:{entity_id}" if record_head else "",
            record_seq=record_head.seq if record_head else None,
            record_hash=record_head.hash if record_head else None,
            what=what[: rules.MAX_WHAT],
            fingerprint="",
            public_key="",
            signature="",
        )
        signed = rules.sign(signing, unsigned)
        return Stamp(head, record_head, proof, keys.info(self._data_dir, signing), signed)

    def _proof(self, view: LedgerView, head: Head, consistent: bool) -> Message:
        """What this installation's anchor file proves about the ledger now."""
        path = self.anchor_file()
        if not path.exists():
            return rules.proof(None, consistent)
        try:
            report = self._check_source(view, head, consistent, path)
        except BranchGuardError as exc:
            if not consistent:
                return rules.proof(None, consistent)
            return Message("anchor.proof.unreadable", path=str(path), error=exc.content)
        return rules.proof(report, consistent)

    def append(self, stamp: Stamp) -> AnchorWrite:
        """Append the stamp's anchor to the anchor file. A failure (the folder gone, the stick
        pulled, the disk full) is returned, not raised: the document it belongs to is kept."""
        path = self.anchor_file()
        if stamp.anchor is None:
            return AnchorWrite(str(path), False, Message("anchor.not_signed", error=stamp.problem or ""))
        folder = self.folder()
        inside = folder.resolve().is_relative_to(self._data_dir.resolve())
        try:
            written = store.append(folder, stamp.anchor, make_folder=inside)
        except OSError as exc:
            error = exc.strerror or str(exc)
            return AnchorWrite(str(path), False, Message("anchor.not_written", path=str(path), error=error))
        return AnchorWrite(str(written), True)

    # -- checking ----------------------------------------------------------------------------------
    def check(self, actor: Actor, source: Path, proved: tuple[Head, bool] | None = None) -> AnchorReport:
        """Check every anchor in `source` (anchor file, report PDF or head-office package) against
        the ledger now (AnchorSourceError when the source cannot be read at all). `proved`: the
        head and outcome of the ledger's whole check made just before (`branchguard verify`), taken
        as the chain's consistency while the head is still there, not checked a second time (ten
        years: 11 s on PostgreSQL, the check and its anchors each made one)."""
        require(actor, "anchor.verify")
        with self._sessions() as s:  # at one moment, as the stamp's proof
            view = self._ledger(snapshot_connection(s))
            head = _head(view)
            consistent = proved[1] if proved is not None and proved[0] == head else view.consistent()
            return self._check_source(view, head, consistent, Path(source))

    def _check_source(self, view: LedgerView, head: Head, consistent: bool, source: Path) -> AnchorReport:
        kind, found = store.read(source)
        own = self._own_fingerprint()
        results = []
        for item in found:
            if item.anchor is None:
                results.append(rules.unreadable(item.where, item.problem))
            else:
                results.append(rules.result_of(item.where, item.anchor, view, head, own))
        return AnchorReport(str(source), kind, tuple(results), head, consistent)

    def _own_fingerprint(self) -> str:
        """This installation's fingerprint when it has a key; checking never makes one."""
        if self._key is None and not keys.key_path(self._data_dir).exists():
            return ""
        try:
            return self.key().fingerprint
        except BranchGuardError:
            return ""


def _head(view: LedgerView) -> Head:
    now = view.head()
    return Head(now.seq, now.hash)
