"""`calendar export -o FILE` writes iCalendar only to a .ics file: another suffix is a usage error
(exit status 2, as `report hazards -o x.csv` is) and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_support import Run


@pytest.mark.parametrize("name", ["c.txt", "c.ics.bak", "c"])
def test_an_output_that_is_not_ics_is_refused_and_nothing_written(
    run: Run, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    code, out, err = run(
        "calendar", "export", "--from", "2031-01-01", "--to", "2031-01-31", "-o", str(target)
    )
    assert (code, out) == (2, "")
    assert err == f"branchguard: error: {target}: the file name must end in .ics\n"
    assert not target.exists()
    code, _, err = run(
        "calendar", "export", "--from", "2031-01-01", "--to", "2031-01-31", "-o", str(tmp_path / "C.ICS")
    )
    assert code == 0, err


def test_the_last_day_of_the_range_may_be_exported_and_the_day_after_is_named(
    run: Run, tmp_path: Path
) -> None:
    """`--to 2200-12-31` was refused as "2201-01-01 is outside …", a date nobody typed: the end of
    the last day was checked, not the day."""
    code, out, err = run(
        "calendar", "export", "--from", "2200-12-31", "--to", "2200-12-31", "-o", str(tmp_path / "c.ics")
    )
    assert code == 0 and "written to" in out, err
    code, _, err = run(
        "calendar", "export", "--from", "2200-12-31", "--to", "2201-01-01", "-o", str(tmp_path / "d.ics")
    )
    assert code == 1 and "2201-01-01 is outside 1900-01-01 to 2200-12-31" in err
