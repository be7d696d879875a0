"""The one place where the anchors meet the ledger: `ledger_view(conn, files)` builds the
`LedgerView` the anchor service reads over the ledger of every evidence record (core/ledger); the
service is given it by `core/services.py`."""

from __future__ import annotations

from collections.abc import Callable, Collection

from sqlalchemy import Connection

from branchguard.core.anchors.types import Head, LedgerView
from branchguard.core.kernel.attachments import AttachmentStore
from branchguard.core.ledger import service as ledger

LedgerFactory = Callable[[Connection], LedgerView]


def ledger_view(conn: Connection, files: AttachmentStore) -> LedgerView:
    return _Ledger(conn, files)


class _Ledger:
    def __init__(self, conn: Connection, files: AttachmentStore) -> None:
        self._conn = conn
        self._files = files

    def head(self) -> Head:
        h = ledger.head(self._conn)
        return Head(h.seq, h.hash)

    def hash_at(self, seq: int) -> str | None:
        return ledger.hash_at(self._conn, seq) if seq >= 1 else None

    def record_head(self, entity: str, entity_id: str) -> Head | None:
        h = ledger.record_head(self._conn, entity, entity_id)
        return Head(h.seq, h.hash) if h.seq else None

    def consistent(
        self, only: Collection[tuple[str, str]] | None = None, kinds: Collection[str] | None = None
    ) -> bool:
        """The ledger's own check: the chain, and every record (or `only` those, each with its log,
        files and parts, or those of `kinds`) equal to its latest ledgered state."""
        from branchguard.core.ledger import verify

        return verify.verify(self._conn, self._files, only=only, kinds=kinds).ok
