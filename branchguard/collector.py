"""The garbage collector paused while the process loads what it keeps for good, then that frozen.

Why: a start (the window's, a command's) and the window's background import of every page make
~200,000 long-lived objects (modules, classes, functions, mapped tables) and little garbage, yet
the collector's passes walk them again and again, and a full pass holds the GIL for all of it
(80–150 ms), whichever thread set it off: the GUI thread stops meanwhile. Paused, no pass runs;
at the end what is alive is frozen (`gc.freeze`: left out of later full passes, never freed,
which costs nothing for what lives as long as the process) and the collector comes back on.
Used by the window's start (app.py), a command's start (cli/__init__.py) and the pages' preload
(gui/kit/preload.py); the measured gains are in docs/architecture.md, "Speed tricks".

A collector paused by someone else stays paused: theirs to turn back on.

Pauses overlap across threads (the pages' preload on the GUI thread while a report's proof runs on
a background one): they are counted, and the collector comes back on when the last one ends, with
the freeze then if any of them asked for it. The first to end used to turn it back on under the
other's work, or freeze the other's half-done objects for good.

Work that makes hundreds of thousands of short-lived objects on a background thread (the ledger's
check: `verify`, and every report's proof, core/ledger/verify.py) pauses it too, without the
freeze (`paused(freeze=False)`): a full pass set off by its allocations held the GIL 30-100 ms at
ten years, the window's GUI thread stopped meanwhile; what it made is freed by reference counting
as it goes, and freezing what a long-running window holds at that moment (its open dialogs) would
keep their cycles from ever being collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0  # pauses started and not yet ended
_owned = False  # the first of them turned the collector off (it ran): the last turns it back on
_freeze = False  # one of them asked for the freeze


class Pause:
    """`start()` pauses the collector if it runs; `end()`, once, ends this pause: the last pause
    to end freezes what is alive (if one of them asked for it) and turns the collector back on,
    only if the first turned it off."""

    def __init__(self, freeze: bool = True) -> None:
        self._started = False
        self._wants_freeze = freeze

    def start(self) -> None:
        global _active, _owned, _freeze
        with _lock:
            if self._started:
                return
            self._started = True
            if _active == 0:
                _owned, _freeze = gc.isenabled(), False
                if _owned:
                    gc.disable()
            _active += 1

    def end(self) -> None:
        global _active, _owned, _freeze
        with _lock:
            if not self._started:
                return
            self._started = False
            _active -= 1
            _freeze = _freeze or self._wants_freeze
            if _active == 0 and _owned:
                _owned = False
                if _freeze:
                    gc.freeze()
                gc.enable()


@contextmanager
def paused(freeze: bool = True) -> Iterator[None]:
    """A `Pause` around a block, ended however the block ends."""
    pause = Pause(freeze)
    pause.start()
    try:
        yield
    finally:
        pause.end()
