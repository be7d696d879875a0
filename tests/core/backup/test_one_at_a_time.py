"""Backups into one folder: one at a time in a process, each name taken (created exclusively) once
chosen, so another process on the same folder takes another; and retention removes only the
finished archives that were there when the backup began, never one another backup made meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.backup import archive
from branchguard.core.backup.errors import BackupError
from branchguard.core.backup.rules import archive_name
from branchguard.core.kernel.types import Actor

BOUND_S = 30


class Held:
    """The first backup that adds a file waits there until `release` is set (`inside` says it is)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.inside, self.release = threading.Event(), threading.Event()
        add_file = archive._add_file
        first = [True]

        def held(*args: Any) -> Any:
            if first[0]:
                first[0] = False
                self.inside.set()
                self.release.wait(BOUND_S)
            return add_file(*args)

        monkeypatch.setattr(archive, "_add_file", held)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    hold = Held(monkeypatch)
    yield hold
    hold.release.set()


def _in_background(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:  # the test asserts on it
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _create(ctx: Any, folder: Path) -> Any:
    attached = ctx.data_dir / "attachments" / "ab" / "file"  # a file to add, also beside PostgreSQL
    attached.parent.mkdir(parents=True, exist_ok=True)
    attached.write_bytes(b"evidence")
    return ctx.services.backup.create_in_folder(Actor.system(), ctx.config.db_url, folder, 1, 1)


def test_a_name_is_taken_while_its_archive_is_written_and_a_second_backup_is_refused(
    ctx: Any, held: Held, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    first, outcome = _in_background(lambda: _create(ctx, folder))
    assert held.inside.wait(BOUND_S)
    (reserved,) = folder.glob("branchguard-*.zip")  # taken: no other backup chooses it
    assert reserved.stat().st_size == 0

    with pytest.raises(BackupError) as refused:
        _create(ctx, folder)
    assert refused.value.content.key == "backup.busy"  # type: ignore[union-attr]

    held.release.set()
    first.join(BOUND_S)
    (made,) = outcome
    assert made.path == reserved and reserved.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir()) == [reserved.name]


def test_a_name_taken_by_another_process_gives_the_next_seconds(tmp_path: Path) -> None:
    """Two PCs on one share choosing in the same second: the second's exclusive creation fails."""
    from branchguard.core.backup.folder import _reserve_name

    at = datetime(2026, 12, 6, 16, 58, 59)
    one, two = _reserve_name(tmp_path, at), _reserve_name(tmp_path, at)
    assert (one.name, two.name) == (archive_name(at), archive_name(at + timedelta(seconds=1)))
    assert one.is_file() and two.is_file()


def test_retention_keeps_what_other_backups_made_or_reserved_meanwhile(
    ctx: Any, held: Held, tmp_path: Path
) -> None:
    """Keeping the newest of one day and one month: an archive finished meanwhile (another backup's,
    just reported) and one in flight (its empty reservation) are not this backup's to remove; an
    archive made before it began is."""
    folder = tmp_path / "backups"
    folder.mkdir()
    began = datetime.now()
    made_before = folder / archive_name(began - timedelta(days=40))
    made_before.write_bytes(b"PK an old archive")
    in_flight = folder / archive_name(began - timedelta(seconds=20))
    in_flight.touch()
    backup, outcome = _in_background(lambda: _create(ctx, folder))
    assert held.inside.wait(BOUND_S)
    finished_meanwhile = folder / archive_name(began - timedelta(seconds=10))
    finished_meanwhile.write_bytes(b"PK another backup's archive, reported")
    held.release.set()
    backup.join(BOUND_S)

    (made,) = outcome
    assert made.pruned == (made_before,)
    assert finished_meanwhile.is_file() and in_flight.is_file() and made.path.is_file()
    assert not made_before.exists()
