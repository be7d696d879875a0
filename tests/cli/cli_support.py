"""The command line in-process, each call a fresh start: `invoke` runs
`branchguard --data-dir DIR --lang LANG ARGS…` and returns (exit code, stdout, stderr); `as_user`
sets who logs in (BRANCHGUARD_USER and BRANCHGUARD_PASSWORD; None unsets them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from branchguard import cli
from branchguard.cli.login import PASSWORD_ENV, USER_ENV

Run = Callable[..., tuple[int, str, str]]
# The demo's accounts (core/demo/service.py: DEMO_ACCOUNTS)
LEAD_PASSWORD = "lead-demo-2026"
STAFF_PASSWORD = "staff-demo-2026"
AUDITOR_PASSWORD = "auditor-demo-2026"


def with_lead(data_dir: Path) -> Path:
    """`data_dir` with a database holding the demo's safety lead (and no other branch data), so that
    commands can log in as them; a database that holds accounts already is left as it is."""
    from branchguard.context import open_context

    ctx = open_context(data_dir)
    try:
        if not ctx.services.auth.has_users():
            ctx.services.auth.create_first_lead("lead", LEAD_PASSWORD, "王建国")
    finally:
        ctx.close()
    return data_dir


def as_user(monkeypatch: pytest.MonkeyPatch, username: str | None, password: str | None = None) -> None:
    for name, value in ((USER_ENV, username), (PASSWORD_ENV, password)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


def runner(capsys: pytest.CaptureFixture[str], data_dir: Path, default_lang: str = "en") -> Run:
    """`invoke` on `data_dir`, in `default_lang` unless a call says `lang=`."""
    return lambda *args, lang=default_lang: invoke(capsys, data_dir, args, lang)


def invoke(
    capsys: pytest.CaptureFixture[str], data_dir: Path, args: Sequence[str], lang: str
) -> tuple[int, str, str]:
    try:
        code = cli.main(["--data-dir", str(data_dir), "--lang", lang, *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write_days_table(path: Path, year: int) -> Path:
    """A working-day table file (docs/library-format.md) of `year`, its National Day week off."""
    path.write_text(
        f"format: branchguard.working_days\nformat_version: 1\nyears:\n  - year: {year}\n"
        f"    source: test table\n    holidays:\n"
        f"      - {{name: National Day, from: {year}-10-01, to: {year}-10-07}}\n",
        encoding="utf-8",
    )
    return path
