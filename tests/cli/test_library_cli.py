"""`branchguard library …` and `trust head-office`: head office keeps a working-day table and
exports the signed library with its public key; a branch refuses it until it trusts that key,
previews it, imports it once (a second import changes nothing) and then knows the new year's days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from branchguard.core.kernel import working_days
from tests.cli.cli_support import invoke, with_lead, write_days_table

YEAR = working_days.covered_years()[1] + 5


@pytest.fixture(autouse=True)
def _no_installed_years():  # type: ignore[no-untyped-def]
    working_days.install([])
    yield
    working_days.install([])


def test_export_trust_preview_import_and_days(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ho_dir, branch_dir = with_lead(tmp_path / "ho"), with_lead(tmp_path / "branch")

    def ho(*args: str) -> tuple[int, str, str]:
        return invoke(capsys, ho_dir, args, "en")

    def branch(*args: str) -> tuple[int, str, str]:
        return invoke(capsys, branch_dir, args, "en")

    table = write_days_table(tmp_path / "days.yaml", YEAR)
    code, out, err = ho("library", "working-days", str(table))
    assert code == 0, err
    assert f"new {YEAR}" in out
    zip_path, key = tmp_path / "lib.zip", tmp_path / "ho.pem"
    code, out, err = ho("library", "export", "-o", str(zip_path), "--public-key", str(key))
    assert code == 0, err
    assert (
        f"{YEAR}" in out
        and "branches must trust this key" in out
        and key.read_bytes().startswith(b"-----BEGIN PUBLIC KEY")
    )
    working_days.install([])

    code, out, err = branch("library", "import", str(zip_path))
    assert code == 1 and "no head-office key is trusted yet" in err
    code, out, err = branch("trust", "head-office", str(key))
    assert code == 0 and "is trusted from now on" in out
    code, out, err = branch("library", "import", "--dry-run", str(zip_path))
    assert code == 0, err
    assert "Preview only" in out and str(YEAR) in out
    code, out, err = branch("library", "day", f"{YEAR}-10-05")
    assert code == 1 and "beyond every holiday table" in err  # the preview wrote nothing
    code, out, err = branch("library", "import", str(zip_path))
    assert code == 0, err
    assert "Imported in one transaction" in out
    code, out, err = branch("library", "import", str(zip_path))
    assert code == 0 and "Nothing to change" in out
    working_days.install([])  # a later command is a new process: it reads the years from the database
    code, out, err = branch("library", "day", f"{YEAR}-10-05")
    assert code == 0 and "day off, National Day (test table)" in out
    monday = next(date(YEAR + 1, 3, d) for d in range(1, 8) if date(YEAR + 1, 3, d).weekday() == 0)
    code, out, err = branch("library", "day", monday.isoformat())
    assert code == 1 and f"{monday.isoformat()} is beyond every holiday table" in err
    code, out, err = branch("library", "show")
    assert code == 0 and "Trusted head-office key" in out and f", {YEAR}" in out


def test_a_built_in_holiday_is_named_in_the_language_of_the_command(demo_run) -> None:
    """chinese-calendar names its festivals in English: the Chinese answer said 休息日，National Day."""
    import chinese_calendar

    day = next(d for d, name in sorted(chinese_calendar.holidays.items()) if name == "National Day")
    code, out, err = demo_run("library", "day", day.isoformat(), lang="zh_CN")
    assert code == 0 and "休息日，国庆节" in out, err
    code, out, err = demo_run("library", "day", day.isoformat(), lang="en")
    assert code == 0 and "day off, National Day" in out, err
