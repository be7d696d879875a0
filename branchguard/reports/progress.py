"""How far a report's writing has come, heard by whoever started it, who may stop it there.

A builder runs on a worker thread and takes seconds at ten years (a register of 5,000 hazards: a
PDF of ~600 pages, 10-20 s). Whoever calls it wraps the call in `watching(heard)`: every PDF laid
out (template.py, each flowable and page placed) calls `heard(page, 0)` on that thread (its length
is not known before), every register sheet filled (workbook.py) `heard(row, rows)`; `heard` may
raise (the GUI's TaskCancelled) to stop the build there, before anything is written or anchored.
Outside `watching` nothing is called."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

Heard = Callable[[int, int], None]

_HEARD: ContextVar[Heard | None] = ContextVar("report_progress", default=None)


@contextmanager
def watching(heard: Heard) -> Iterator[None]:
    """`heard(done, total)` hears the reports built inside, on this thread (a context variable)."""
    token = _HEARD.set(heard)
    try:
        yield
    finally:
        _HEARD.reset(token)


def step(done: int, total: int) -> None:
    """`done` of `total` (rows, flowables) written: heard by the caller of `watching`, if any."""
    if (heard := _HEARD.get()) is not None:
        heard(done, total)


def hook_layout(doc: Any) -> None:
    """A ReportLab document reports the page it is on as it places each flowable (its
    `setProgressCallBack`): `step(page, 0)`, as the pages a story takes are not known before. A long
    table placed page by page reports each page."""
    if _HEARD.get() is None:
        return
    page = [1]

    def said(kind: str, value: int) -> None:
        if kind == "PAGE":
            page[0] = value
        if kind in ("PAGE", "PROGRESS"):
            step(page[0], 0)

    doc.setProgressCallBack(said)


def thinned(heard: Heard, every: int = 100) -> Heard:
    """`heard` told of each new page, every `every`th row and the last one: what a bar needs (a
    register's 5,000 rows would otherwise send 5,000 signals), and still often enough to stop."""
    last = [-1]

    def said(done: int, total: int) -> None:
        if done != last[0] and (not total or done == total or done % every == 0):
            last[0] = done
            heard(done, total)

    return said
