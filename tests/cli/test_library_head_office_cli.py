"""The library from a head-office database (`ho init`) on the command line: `library` is refused
there, pointing to the `ho` commands; `ho working-days FILE` stores a year's table and `ho export
library` carries it, the head office named as the issuer; the branch previews that year from head
office by name, and refuses a backup or a period package given to `library import` as what it is."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from branchguard.core.kernel import working_days
from branchguard.core.library_sync import rules
from tests.cli.cli_support import LEAD_PASSWORD, as_user, runner, write_days_table

YEAR = working_days.covered_years()[1] + 5  # a year no built-in data covers
HO_NAME = "华东区总行"
HO_PASSWORD = "head-office-2026!"


@pytest.fixture(autouse=True)
def _no_installed_years() -> Iterator[None]:
    working_days.install([])
    yield
    working_days.install([])


def test_head_office_keeps_the_working_days_its_library_carries(
    tmp_path: Path,
    records_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ho = runner(capsys, tmp_path / "ho")
    monkeypatch.setattr("sys.stdin", io.StringIO(HO_PASSWORD + "\n"))
    code, out, err = ho("ho", "init", "--name", HO_NAME, "--user", "admin")
    assert code == 0, err
    as_user(monkeypatch, "admin", HO_PASSWORD)
    table = write_days_table(tmp_path / "days.yaml", YEAR)
    code, out, err = ho("library", "working-days", str(table))
    assert code == 1 and "`ho working-days FILE`" in err and "`ho export library" in err
    code, out, err = ho("ho", "working-days", str(table))
    assert code == 0 and f"new {YEAR}" in out, err
    code, out, err = ho("ho", "working-days", str(table), lang="zh_CN")
    assert code == 0 and str(YEAR) in out, err  # the same table again: nothing to store
    library, key = tmp_path / "lib.zip", tmp_path / "ho.pem"
    working_days.install([])  # `ho export library` is a new process: the years come from the database
    code, out, err = ho("ho", "export", "library", "-o", str(library), "--public-key", str(key))
    # "working days for 2026, 2031": this year's, when a table holds it (none from 1 January 2027 until
    # the chinese-calendar package has 2027; ", 2031" was then "2031"), and the table's
    listed = re.search(r"working days for ([\d, ]+)", out)
    assert code == 0 and listed is not None and str(YEAR) in listed[1].split(", "), err
    with zipfile.ZipFile(library) as zf:
        manifest = json.loads(zf.read(rules.MANIFEST))
        days = json.loads(zf.read(rules.WORKING_DAYS))
    assert manifest["issuer"] == HO_NAME
    assert YEAR in [y["year"] for y in days["years"]]
    working_days.install([])

    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    branch = runner(capsys, records_data_dir)
    backup, package = tmp_path / "backup.zip", tmp_path / "package.zip"
    code, _out, err = branch("backup", "-o", str(backup))
    assert code == 0, err
    code, _out, err = branch("export", "package", "--period", f"{date.today():%Y-%m}", "-o", str(package))
    assert code == 0, err
    for path, what in ((backup, "is a BranchGuard backup"), (package, "is a branch's period package")):
        code, _out, err = branch("library", "import", str(path))
        assert code == 1 and what in err and "not a head-office library" in err, err
    code, out, err = branch("trust", "head-office", str(key))
    assert code == 0, err
    for path, what in ((backup, "is a BranchGuard backup"), (package, "is a branch's period package")):
        code, _out, err = branch("library", "import", str(path))
        assert code == 1 and what in err, err
    code, out, err = branch("library", "import", "--dry-run", str(library))
    assert code == 0, err
    assert f"Library of {HO_NAME}, made" in out and str(YEAR) in out
