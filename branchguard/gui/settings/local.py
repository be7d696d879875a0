"""settings.ini written from the Settings page, on the GUI thread: a few hundred bytes in the data
folder, which the window needs anyway. Through the writer's thread a setting would wait behind the
database's writes (a locked database is retried for half a minute). A write the system refuses (a
full disk, a read-only file) is said where the setting is, never raised out of a slot; the file
and what it reads stay as they were (config.LocalSettings.set)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from branchguard.core.kernel.errors import BranchGuardError

if TYPE_CHECKING:
    from branchguard.config import LocalSettings


def store(settings: LocalSettings, key: str, value: str, refused: Callable[[str], None]) -> bool:
    """Whether `value` is stored as `key`; if not, `refused` is told why (the file, the reason)."""
    try:
        settings.set(key, value)
    except BranchGuardError as exc:
        refused(exc.message)
        return False
    return True
