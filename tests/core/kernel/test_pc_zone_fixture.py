"""The zone fixtures (tests/conftest.py: pc_zone, shanghai_time) move the branch's zone too, not the
C library's alone: tzlocal keeps the name it read first, and a worker that had read UTC kept the
dashboard and schedules in UTC beside Shanghai's local time (at 01:00 on 1 January in Shanghai,
17:00 UTC, January read as not begun)."""

from __future__ import annotations

from datetime import UTC, datetime

from branchguard.core.schedules.rules import local_zone_name


def test_the_branchs_zone_follows_the_pc_zone_set_after_it_was_read(pc_zone) -> None:
    pc_zone("UTC")
    assert local_zone_name() in ("UTC", "Etc/UTC")  # read, and kept by tzlocal
    pc_zone("Asia/Shanghai")
    assert local_zone_name() == "Asia/Shanghai"
    assert datetime(2026, 12, 31, 17, tzinfo=UTC).astimezone().hour == 1
