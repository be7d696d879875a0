"""What a command prints into a file or a pipe is UTF-8 whatever the system's code page. On a Chinese
Windows PC Python writes redirected output in the ANSI code page (GBK); PYTHONIOENCODING=cp936 makes
this machine do the same. Before: `people list > f` stopped on the roster's own "✓" with nothing
written, and `hazard list --json` stopped at the first emoji, the part written in GBK."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.cli_support import Run

ROOT = Path(__file__).resolve().parents[2]


def _piped(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`branchguard --data-dir DATA ARGS…` in a child process whose standard output is a pipe in GBK
    unless the program says otherwise (logged in through the environment, tests/cli/conftest.py)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "cp936"}
    command = [sys.executable, "-m", "branchguard", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, capture_output=True, env=env, check=False)


def test_a_table_with_marks_gbk_lacks_is_written_whole_in_utf8(records_data_dir: Path) -> None:
    done = _piped(records_data_dir, "people", "list")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-500:]
    text = done.stdout.decode("utf-8")  # raises on GBK
    assert "✓" in text and "王建国" in text


def test_json_with_an_emoji_and_a_rare_character_is_whole_utf8(demo_run: Run, records_data_dir: Path) -> None:
    title = "自助区 😀 𠮷 灯箱松动"
    assert demo_run("hazard", "add", "--owner", "赵敏", "--title", title, "details")[0] == 0
    done = _piped(records_data_dir, "hazard", "list", "--json")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-500:]
    titles = [row["title"] for row in json.loads(done.stdout.decode("utf-8"))]
    code, out, _err = demo_run("hazard", "list", "--json")  # in-process: the whole list
    assert code == 0 and title in titles
    assert titles == [row["title"] for row in json.loads(out)]  # not cut off at the emoji


def test_an_error_is_utf8_too(records_data_dir: Path) -> None:
    done = _piped(records_data_dir, "--lang", "zh_CN", "hazard", "show", "999999")
    assert done.returncode != 0
    assert "999999" in done.stderr.decode("utf-8") and b"Traceback" not in done.stderr
