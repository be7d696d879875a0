"""How far a long piece of work has come, heard by whoever started it, who may stop it there.

Work that runs for seconds at ten years on a worker thread (a report: the ledger's proof, then its
rows and pages) calls `step(done, total, stage)` as it goes; whoever started it wraps the call in
`watching(heard)`, and `heard(done, total, stage)` is called on that thread: it may raise (the GUI's
TaskCancelled) to stop the work there. `total` is 0 when not known before; `stage` names what is
counted (one of STAGES, "" for a report's own rows and pages). Outside `watching` nothing is called,
and a `step` costs one context-variable read. Qt-free: the ledger's check (core/ledger/verify.py)
reports here as the report builders do (reports/progress.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from branchguard.core.kernel.i18n import t

Heard = Callable[[int, int, str], None]

LEDGER = "ledger"  # the ledger's entries, their chain walked
RECORDS = "records"  # the records, each compared with its latest ledgered state
LOGS = "logs"  # the incident logs' entries, their chains walked
STAGES = (LEDGER, RECORDS, LOGS)

_HEARD: ContextVar[Heard | None] = ContextVar("progress", default=None)


@contextmanager
def watching(heard: Heard) -> Iterator[None]:
    """`heard(done, total, stage)` hears the work done inside, on this thread (a context variable)."""
    token = _HEARD.set(heard)
    try:
        yield
    finally:
        _HEARD.reset(token)


def listening() -> bool:
    """Whether anyone hears `step` here: work may skip counting for nobody."""
    return _HEARD.get() is not None


def step(done: int, total: int, stage: str = "") -> None:
    """`done` of `total` (0: not known) of `stage` done: heard by the caller of `watching`, if any."""
    if (heard := _HEARD.get()) is not None:
        heard(done, total, stage)


def stage_text(done: int, total: int, stage: str) -> str:
    """What a stage of STAGES is doing, in the current language ("Checking the evidence ledger:
    entry 5,000 of 420,567"): a report's preview and `verify` on a terminal say it alike; "" for
    any other count (a report's rows and pages, which each caller words)."""
    if stage not in STAGES:
        return ""
    return t(f"ledger.progress.{stage}", done=f"{done:,}", total=f"{total:,}")
