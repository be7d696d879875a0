"""A backup's progress only moves forward: its first estimate of the database counts the pages still
in the write-ahead log, which the copy holds (without them the estimate grew once the copy was done
and the progress went back)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from branchguard.context import open_context
from branchguard.core.kernel.types import Actor


def test_the_progress_never_goes_back_when_the_database_has_pages_in_its_log(
    fresh_data_dir: Path, tmp_path: Path
) -> None:
    ctx = open_context(fresh_data_dir)
    try:
        ctx.services.demo.fill()  # written to the log, not yet checkpointed
        (db_file,) = fresh_data_dir.glob("*.sqlite")
        assert db_file.with_name(f"{db_file.name}-wal").stat().st_size > 0
        told: list[tuple[int, int]] = []
        (tmp_path / "usb").mkdir()
        ctx.services.backup.create_in_folder(
            Actor.system(), ctx.config.db_url, tmp_path / "usb", 1, 1,
            progress=lambda done, total: told.append((done, total)),
        )  # fmt: skip
    finally:
        ctx.close()
    shares = [Fraction(done, total) for done, total in told]
    assert len(shares) >= 3
    assert shares == sorted(shares), told
    assert shares[-1] == 1
