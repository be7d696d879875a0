"""What the window says when a document's signed anchor was not written (reports/anchoring.py):
the document is kept, and the reason is shown the way the command line warns.

    note = AnchorNote()                       # handed to a report builder as its on_anchor
    build_hazard_register(services, actor, flt, out, font, note)   # on a pool thread
    if note.problem: show(note.problem)       # back on the GUI thread
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branchguard.core.anchors.types import AnchorWrite


class AnchorNote:
    """Hears each anchor a build appended (on whichever thread it ran) and keeps the reasons
    of those that were not written, worded in the language of the moment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problems: list[str] = []

    def __call__(self, written: AnchorWrite) -> None:
        if not written.written and written.problem is not None:
            with self._lock:
                self._problems.append(written.problem.text())

    @property
    def problem(self) -> str:
        """Every anchor that was not written, with why; "" when all were."""
        with self._lock:
            return "\n".join(self._problems)
