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

Work that makes hundreds of thousands of short-lived objects on a background thread (the ledger's
check: `verify`, and every report's proof, core/ledger/verify.py) pauses it too, without the
freeze (`paused(freeze=False)`): a full pass set off by its allocations held the GIL 30-100 ms at
ten years, the window's GUI thread stopped meanwhile; what it made is freed by reference counting
as it goes, and freezing what a long-running window holds at that moment (its open dialogs) would
keep their cycles from ever being collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class Pause:
    """`start()` pauses the collector if it runs; `end()` freezes what is alive (unless `freeze` is
    False) and turns it back on, once, and only if this pause turned it off."""

    def __init__(self, freeze: bool = True) -> None:
        self._paused = False
        self._freeze = freeze

    def start(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._paused = True

    def end(self) -> None:
        if self._paused:
            self._paused = False
            if self._freeze:
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
