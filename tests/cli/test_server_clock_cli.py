"""A command on a PC whose clock is off the PostgreSQL server's says so in one warning line on
stderr, in the command's language, goes on, and leaves one audit event a start; within the
tolerance, and on SQLite, it says and records nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli.cli_support import invoke
from tests.server_clock_support import BEHIND, clock_events, shift_pc_clock


def _run(capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str, lang: str) -> tuple[int, str, str]:
    return invoke(capsys, tmp_path / "data", ["--db", db_url, "incident", "list"], lang)


def test_a_pc_clock_off_the_servers_is_said_once_per_command_and_audited_once_per_start(
    ctx: Any, demo: list[Any], db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    shift_pc_clock(monkeypatch, BEHIND)
    code, out, err = _run(capsys, tmp_path, db_url, "en")
    assert code == 0 and out  # the command goes on
    if db_url.startswith("sqlite"):  # no second clock: nothing to say
        assert "database server" not in err and clock_events(ctx) == []
        return
    said = [line for line in err.splitlines() if "database server's" in line]
    assert said == [
        "branchguard: warning: This PC's clock is 7 min 0 s behind the database server's: the times "
        "this PC records (incident logs, steps, the audit trail) read 7 min 0 s earlier than those of "
        "the other PCs. Set this PC's clock right, or ask IT to have it synchronised with the network time."
    ]
    [event] = clock_events(ctx)
    assert event.actor == "lead" and '"seconds": -420' in event.summary

    code, _out, err = _run(capsys, tmp_path, db_url, "zh_CN")
    said = [line for line in err.splitlines() if "数据库服务器" in line]
    assert code == 0 and len(said) == 1
    assert said[0].startswith("branchguard：警告：本机时钟比数据库服务器慢 7 分 0 秒：")
    assert "请 IT 人员为本机设置网络时间同步" in said[0]
    assert len(clock_events(ctx)) == 2  # each command is a start of its own


def test_within_the_tolerance_a_command_says_and_records_nothing(
    ctx: Any, demo: list[Any], db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    shift_pc_clock(monkeypatch, timedelta(seconds=-50))
    code, _out, err = _run(capsys, tmp_path, db_url, "en")
    assert code == 0 and "database server's" not in err and clock_events(ctx) == []
