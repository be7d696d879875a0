"""How far a report's writing has come, heard by whoever started it, who may stop it there.

A builder runs on a worker thread and takes seconds at ten years (a register of 5,000 hazards: a
PDF of ~500 pages, several seconds, after the ledger's proof, 2-3 s). Whoever calls it wraps the call
in `watching(heard)` (core/kernel/progress.py): the proof reports the ledger's entries and the records
it checks (stages LEDGER and RECORDS), every PDF laid out (template.py, each flowable and page placed)
calls `heard(page, 0, "")` on that thread (its length is not known before), every register sheet
filled (workbook.py) `heard(row, rows, "")`; `heard` may raise (the GUI's TaskCancelled) to stop the
build there, before anything is written or anchored. Outside `watching` nothing is called."""

from __future__ import annotations

from typing import Any

from branchguard.core.kernel.progress import LEDGER, RECORDS, Heard, listening, step, watching

__all__ = ["LEDGER", "RECORDS", "Heard", "hook_layout", "step", "thinned", "watching"]


def hook_layout(doc: Any) -> None:
    """A ReportLab document reports the page it is on as it places each flowable (its
    `setProgressCallBack`): `step(page, 0)`, as the pages a story takes are not known before. A long
    table placed page by page reports each page."""
    if not listening():
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
    last: list[tuple[int, str]] = [(-1, "")]

    def said(done: int, total: int, stage: str) -> None:
        if (done, stage) != last[0] and (not total or done == total or done % every == 0):
            last[0] = (done, stage)
            heard(done, total, stage)

    return said
