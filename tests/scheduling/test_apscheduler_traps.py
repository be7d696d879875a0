"""The two APScheduler 3.11 traps that make its job store unfit to be the only record, measured
with APScheduler alone, and the same situations handled by BranchGuard's engine (rows first).
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apscheduler.events import EVENT_JOB_MISSED, JobEvent
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ScheduleInput
from branchguard.scheduling.engine import ScheduleEngine
from branchguard.scheduling.wiring import ScheduleWiring, background_scheduler

JOB_MODULE = "bg_trap_jobs"
JOB_SOURCE = "CALLS = []\n\n\ndef fire():\n    CALLS.append(1)\n"


@pytest.fixture
def job_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An importable module holding the job function, as a stored job refers to it by name."""
    folder = tmp_path / "jobs"
    folder.mkdir()
    path = folder / f"{JOB_MODULE}.py"
    path.write_text(JOB_SOURCE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    importlib.invalidate_caches()
    yield path
    sys.modules.pop(JOB_MODULE, None)


def persistent_scheduler(store_url: str) -> BackgroundScheduler:
    return BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(url=store_url)}, timezone="UTC")


def stored_job_ids(store_url: str) -> list[str]:
    store = SQLAlchemyJobStore(url=store_url)
    store.start(None, "default")  # type: ignore[arg-type]
    try:
        return [job.id for job in store.get_all_jobs()]
    finally:
        store.shutdown()


def test_trap_a_date_job_due_while_closed_is_dropped_after_one_second(
    job_module: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'jobs.sqlite'}"
    first = persistent_scheduler(url)
    first.start(paused=True)
    run_at = datetime.now(UTC) + timedelta(seconds=0.5)
    job = first.add_job(f"{JOB_MODULE}:fire", "date", run_date=run_at, id="drill")
    assert job.misfire_grace_time == 1  # APScheduler's default: one second
    first.shutdown()
    assert stored_job_ids(url) == ["drill"]  # persisted while the app is "closed"

    time.sleep(2.0)  # closed past the due time by more than the grace time

    missed: list[JobEvent] = []
    noticed = threading.Event()

    def on_missed(event: JobEvent) -> None:
        missed.append(event)
        noticed.set()

    second = persistent_scheduler(url)
    second.add_listener(on_missed, EVENT_JOB_MISSED)
    second.start()
    noticed.wait(30)  # the catch-up at start runs on the scheduler's thread
    second.shutdown()
    module = sys.modules[JOB_MODULE]
    assert module.CALLS == []  # never ran
    assert [e.job_id for e in missed] == ["drill"]
    lateness = datetime.now(UTC) - run_at
    assert lateness > timedelta(seconds=1)
    assert stored_job_ids(url) == []  # and it is gone from the store: no later start will see it


def test_trap_a_job_whose_function_cannot_be_imported_is_deleted_from_its_store(
    job_module: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'jobs.sqlite'}"
    first = persistent_scheduler(url)
    first.start(paused=True)
    first.add_job(
        f"{JOB_MODULE}:fire", "date", run_date=datetime.now(UTC) + timedelta(days=30), id="inspection"
    )
    first.shutdown()
    assert stored_job_ids(url) == ["inspection"]

    job_module.unlink()  # an update renamed or moved the function
    sys.modules.pop(JOB_MODULE, None)
    importlib.invalidate_caches()

    second = persistent_scheduler(url)
    second.start(paused=True)
    assert second.get_jobs() == []
    second.shutdown()
    assert "Unable to restore job" in caplog.text
    assert stored_job_ids(url) == []  # deleted, a month before it was due


def test_immune_a_one_off_due_while_closed_becomes_one_overdue_item(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    due = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
    svc.add(lead, ScheduleInput("消防检查", due, lead_minutes=0, timezone="Asia/Shanghai"))
    # No process ran at `due`; the next start is long after any grace time.
    later = due + timedelta(hours=6)
    for _start in range(2):
        wiring = ScheduleWiring(ScheduleEngine(svc, clock=lambda: later), background_scheduler())
        wiring.start()
        wiring.shutdown()
    [item] = svc.open_items(lead, later)
    assert item.overdue and item.due_at == due


def test_immune_jobs_are_rebuilt_from_the_rows_whatever_the_job_store_held(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(
        lead,
        ScheduleInput(
            "半年度演练", datetime.now(UTC) + timedelta(days=30), rule="semiannual", lead_minutes=60
        ),
    )
    for _start in range(2):  # each start has an empty (memory) store and derives its jobs again
        scheduler = background_scheduler()
        wiring = ScheduleWiring(ScheduleEngine(svc), scheduler)
        wiring.start()
        jobs = {
            job_id: at
            for job_id, at in wiring.job_times().items()
            if job_id.startswith(f"schedule-{made.id}-")
        }
        wiring.shutdown()
        [(_, at)] = jobs.items()
        assert at == made.start_at - timedelta(minutes=60)  # the reminder window opening
