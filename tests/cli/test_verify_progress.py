"""`verify` on a terminal says how far it is on standard error, one line rewritten in place and
cleared at the end (cli/progress_line.py); anywhere else (a pipe, a file, a script) it prints
exactly what it did before."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from branchguard.core.ledger import verify
from tests.cli.cli_support import Run


@pytest.fixture
def run(demo_run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setattr(verify, "STEP_EVERY", 50)  # the demo's ledger holds a few hundred entries
    return demo_run


def test_verify_on_a_terminal_says_how_far_it_is_then_clears_the_line(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run("verify")
    assert code == 0 and out.startswith("Verified: ")
    said = [line for line in err.split("\r\x1b[K") if line]
    assert said and said[0].startswith("Checking the evidence ledger: entry 50 of ")
    assert any(line.startswith("Checking the records against the ledger: ") for line in said)
    assert err.endswith("\r\x1b[K")  # nothing left on the line the prompt comes back to


def test_verify_in_chinese_on_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _code, _out, err = run("verify", lang="zh_CN")
    assert "正在核验证据账本：第 50 / " in err


def test_verify_elsewhere_prints_what_it_did(run: Run, capsys: Any) -> None:
    code, out, err = run("verify")
    assert code == 0 and out.startswith("Verified: ") and err == ""
