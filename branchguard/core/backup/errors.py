"""The refusal of every backup step (making, checking, restoring), apart so that the modules that
do each (archive.py, unpack.py) raise the one error the callers catch."""

from __future__ import annotations

from branchguard.core.kernel.errors import BranchGuardError


class BackupError(BranchGuardError):
    """An archive that cannot be made, read or restored; the message says which and why."""
