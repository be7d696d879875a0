"""An attachment file against the SHA-256 its records name: re-hashed from the data folder."""

from __future__ import annotations

import hashlib

from branchguard.core.kernel.attachments import AttachmentStore
from branchguard.core.kernel.errors import BranchGuardError


def file_problem(files: AttachmentStore, sha: str) -> str | None:
    """The message key of what is wrong with the file `sha` names (None: it is there, unchanged)."""
    try:
        path = files.path_of(sha)
    except BranchGuardError:
        return "ledger.problem.file_changed"
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
    except FileNotFoundError:
        return "ledger.problem.file_missing"
    except OSError:
        return "ledger.problem.file_unreadable"
    return None if digest.hexdigest() == sha else "ledger.problem.file_changed"
