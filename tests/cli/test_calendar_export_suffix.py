"""`calendar export -o FILE` writes iCalendar only to a .ics file: another suffix is a usage error
(exit status 2, as `report hazards -o x.csv` is) and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_support import Run


@pytest.mark.parametrize("name", ["c.txt", "c.ics.bak", "c"])
def test_an_output_that_is_not_ics_is_refused_and_nothing_written(
    demo_run: Run, tmp_path: Path, name: str
) -> None:
    target, run = tmp_path / name, demo_run  # the demo's daily patrols fall due in 2031 too
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
    demo_run: Run, tmp_path: Path
) -> None:
    """`--to 2200-12-31` was refused as "2201-01-01 is outside …", a date nobody typed: the end of
    the last day was checked, not the day."""
    run = demo_run
    code, out, err = run(
        "calendar", "export", "--from", "2200-12-31", "--to", "2200-12-31", "-o", str(tmp_path / "c.ics")
    )
    assert code == 0 and "written to" in out, err
    code, _, err = run(
        "calendar", "export", "--from", "2200-12-31", "--to", "2201-01-01", "-o", str(tmp_path / "d.ics")
    )
    assert code == 1 and "2201-01-01 is outside 1900-01-01 to 2200-12-31" in err


def test_a_range_with_nothing_due_writes_no_file_and_says_so(run: Run, tmp_path: Path) -> None:
    """A calendar with no event is not a valid .ics (RFC 5545: at least one component); it was
    written, "0 event(s) written", and importers called it damaged."""
    target = tmp_path / "empty.ics"
    span = ("--from", "2031-01-01", "--to", "2031-01-31")
    code, out, err = run("calendar", "export", *span, "-o", str(target))
    assert (code, out) == (1, "") and not target.exists()
    assert "nothing falls due from 2031-01-01 to 2031-01-31" in err
