"""The command line's first run names the branch as the window's first start does: the first safety
lead and the branch record in one transaction, and no lead made for a branch without a name (the
command line has no other way to name it)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from branchguard.context import open_context
from tests.cli.cli_support import as_user, invoke


def _add(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
         *args: str, lang: str = "en") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("chief-pass-2026\n"))
    return invoke(capsys, data, ("user", "add", "wangjg", "--role", "lead", *args), lang)


def test_the_first_lead_without_a_branch_name_is_refused_saying_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, None)
    data = tmp_path / "new"
    code, out, err = _add(capsys, monkeypatch, data)
    assert (code, out) == (1, "") and "--branch-name" in err and "Traceback" not in err
    code, _out, err = _add(capsys, monkeypatch, data, lang="zh_CN")
    assert code == 1 and "网点名称" in err and "--branch-name" in err
    ctx = open_context(data)
    try:
        assert not ctx.services.auth.has_users() and ctx.services.branch.get() is None
    finally:
        ctx.close()


def test_the_first_lead_names_the_branch_in_the_same_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, None)
    data = tmp_path / "new"
    code, out, err = _add(capsys, monkeypatch, data, "--branch-name", "城西支行", "--branch-code", "CX-01")
    assert code == 0 and out.strip().isdigit(), err
    ctx = open_context(data)
    try:
        branch = ctx.services.branch.get()
        assert branch is not None and (branch.name, branch.code) == ("城西支行", "CX-01")
        assert ctx.services.auth.login("wangjg", "chief-pass-2026").username == "wangjg"
    finally:
        ctx.close()
