"""Hostile input at the command line: each case ends with one clear line and a non-zero exit, at once,
with nothing written; what commands print carries no escape sequences or bidi overrides."""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.cli_support import Run, with_lead

ROOT = Path(__file__).resolve().parents[2]
POSIX_DEVICES = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX devices")
FIFOS = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def one_error_line(result: tuple[int, str, str], code: int = 1) -> str:
    rc, out, err = result
    assert rc == code and out == "", (rc, out, err)
    assert "Traceback" not in err, err
    return err


def usage_error(result: tuple[int, str, str]) -> str:
    """argparse's refusal: exit 2, the usage, then "argument X: why" naming the argument."""
    rc, out, err = result
    assert rc == 2 and out == "" and "Traceback" not in err, (rc, err)
    return err.strip().splitlines()[-1]


# -- nesting and size -----------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_deeply_nested_import_ends_with_a_message_not_a_crash(tmp_path: Path, depth: int) -> None:
    """In a child process, as a user runs it: before the guard, 200,000 levels crashed the C parser
    (exit 139, SIGSEGV) and 10,000 raised RecursionError."""
    deep = tmp_path / "deep.yaml"
    deep.write_bytes(
        b"format: branchguard.playbooks\nformat_version: 1\nplaybooks: " + b"[" * depth + b"]" * depth
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    data = with_lead(tmp_path / "data")  # the environment logs in as them (tests/cli/conftest.py)
    args = [sys.executable, "-m", "branchguard", "--data-dir", str(data), "--lang", "en"]
    proc = subprocess.run([*args, "playbook", "import", str(deep)], capture_output=True, text=True, env=env)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    assert "nested more than 16 levels" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_an_oversized_import_is_refused_by_its_size(run: Run, tmp_path: Path) -> None:
    from branchguard.core.playbooks.format import MAX_FILE_BYTES

    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: refused by its size, never read
    assert "larger than 40 MB" in one_error_line(run("playbook", "import", str(big)))


# -- files read -----------------------------------------------------------------------------------
@POSIX_DEVICES
def test_devices_are_not_read(demo_run: Run) -> None:
    err = one_error_line(demo_run("playbook", "import", "/dev/zero"))
    assert "'/dev/zero' is not a regular file" in err
    iid = demo_run("inspection", "start", "FIRE_DAILY")[1].strip()
    err = one_error_line(demo_run("inspection", "answer", iid, "1", "fail", "--photo", "/dev/zero"))
    assert err.startswith("branchguard: error: Attachment: '/dev/zero' is not a regular file")


@FIFOS
def test_a_fifo_or_a_folder_as_a_photo_is_refused_at_once(demo_run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    iid = demo_run("inspection", "start", "FIRE_DAILY")[1].strip()
    for source, words in ((fifo, "is not a regular file"), (tmp_path, "is a folder")):
        err = one_error_line(demo_run("inspection", "answer", iid, "1", "fail", "--photo", str(source)))
        assert words in err
    show = json.loads(demo_run("inspection", "show", iid, "--json")[1])
    assert all(not item.get("photos") for item in show["items"])


# -- files written --------------------------------------------------------------------------------
@POSIX_DEVICES
def test_output_to_a_device_a_fifo_or_a_folder_is_refused(demo_run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "out.ics"
    os.mkfifo(fifo)
    for target, words in (
        ("/dev/null", "is not a regular file"),
        (str(fifo), "is not a regular file"),
        (str(tmp_path), "is a folder"),
    ):
        for args in (
            ("report", "incident", "1"),
            ("calendar", "export", "--from", "2026-01-01", "--to", "2026-01-31"),
            ("playbook", "export", "--all"),
        ):
            err = one_error_line(demo_run(*args, "-o", target))
            assert "Output file" in err and words in err, (args, err)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_replaces_a_regular_file(demo_run: Run, tmp_path: Path) -> None:
    target = tmp_path / "cal.ics"
    target.write_text("old")
    first = date.today()  # the demo's schedules fall due from today
    span = ("--from", first.isoformat(), "--to", (first + timedelta(days=30)).isoformat())
    assert demo_run("calendar", "export", *span, "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


# -- numbers and dates ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("incident", "show", "9223372036854775808"),
        ("incident", "show", "0"),
        ("report", "incident", "99999999999999999999999", "-o", "x.pdf"),
        ("report", "initial", "99999999999999999999", "-o", "x.pdf"),
        ("inspection", "show", "-1"),
        ("complaint", "show", "1e3"),
    ],
)
def test_ids_out_of_range_are_refused_naming_the_argument(run: Run, args: tuple[str, ...]) -> None:
    assert usage_error(run(*args)).startswith("branchguard ") and "argument id:" in usage_error(run(*args))


def _every_argument() -> list[tuple[str, argparse.Action]]:
    """Every argument of every command, with the command it belongs to."""
    from branchguard.cli import build_parser

    def actions(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, argparse.Action]]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found += actions(child, f"{path} {name}")
            else:
                found.append((path, action))
        return found

    return actions(build_parser(), "branchguard")


def test_no_argument_takes_an_unbounded_number() -> None:
    """Every number an argument takes is bounded at the door (record_id, whole, …): a bare int
    passed 99999999999999999999 on to SQLite, which ended `report initial` in an OverflowError."""
    every = _every_argument()
    assert len(every) > 300  # every command's arguments
    assert [f"{where} {a.dest}" for where, a in every if a.type in (int, float)] == []


def test_every_argument_type_words_what_it_refuses() -> None:
    """A type refuses with a message of its own (ArgumentTypeError): from any other error argparse
    says only "invalid received_time value", naming the function."""
    typed = [(w, a) for w, a in _every_argument() if callable(a.type) and a.type not in (str, Path)]
    assert len(typed) > 50
    bad = []
    for where, action in typed:
        for garbage in ("2026-13-40 25:61", "x", "", "-1"):
            try:
                action.type(garbage)  # type: ignore[misc]
            except argparse.ArgumentTypeError:
                pass
            except Exception as exc:  # what argparse would word as "invalid … value"
                bad.append(f"{where} {action.dest} ({garbage!r}): {type(exc).__name__}")
    assert bad == []


@pytest.mark.parametrize(
    ("losses", "words"),
    [
        ("1e400", "more than 10,000,000,000,000 yuan"),
        ("NaN", "not an amount"),
        ("Infinity", "not an amount"),
        ("-1e30", "more than"),
    ],
    ids=["1e400", "NaN", "Infinity", "-1e30"],
)
def test_losses_out_of_range_are_refused(run: Run, losses: str, words: str) -> None:
    line = usage_error(run("incident", "close", "1", "--outcome", "x", f"--losses={losses}"))
    assert "argument --losses:" in line and words in line


def test_counts_and_dates_out_of_range_are_refused(run: Run) -> None:
    assert "argument --limit:" in usage_error(run("audit", "list", "--limit", "99999999999999999999"))
    assert "argument --since:" in usage_error(run("audit", "list", "--since", "0001-01-01"))
    line = usage_error(run("hazard", "list", "--from", "9999-12-31"))
    assert "9999-12-31 is outside 1900-01-01 to 2200-12-31" in line


def test_a_calendar_export_from_year_1_to_9999_is_refused_with_the_field(
    demo_run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "all.ics"
    err = one_error_line(
        demo_run("calendar", "export", "--from", "0001-01-01", "--to", "9999-12-31", "-o", str(out))
    )
    assert "Date range: 0001-01-01 is outside 1900-01-01 to 2200-12-31" in err
    err = one_error_line(
        demo_run("calendar", "export", "--from", "2020-01-01", "--to", "2030-12-31", "-o", str(out))
    )
    assert "Date range: the range is longer than 1830 days" in err
    assert not out.exists()


# -- what is printed ------------------------------------------------------------------------------
HOSTILE_TITLE = "\x1b[2J\x1b[31m伪造\u202eFDP.exe\x07 title"


def test_titles_print_without_escapes_or_overrides(demo_run: Run) -> None:
    iid = demo_run("incident", "start", "--playbook", "FIRE", "--title", HOSTILE_TITLE)[1].strip()
    rc, out, _err = demo_run("incident", "list")
    assert rc == 0 and "伪造FDP.exe title" in out
    assert not any(ch in out for ch in "\x1b\u202e\x07")
    rc, out, _err = demo_run("incident", "show", iid, "--json")
    assert rc == 0 and "\u202e" not in out and "\\u202e" in out
    assert json.loads(out)["title"] == HOSTILE_TITLE.strip()  # JSON keeps the text exactly


def test_error_lines_are_stripped_too(run: Run) -> None:
    err = one_error_line(run("playbook", "show", "X\x1b[2J\u202eY"))
    assert "\x1b" not in err and "\u202e" not in err


def test_a_mistyped_data_folder_is_said_to_hold_no_data_and_is_not_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command someone logs in for, given a folder that is not there, once made it with a new
    empty database and then said the password was wrong."""
    from tests.cli.cli_support import invoke

    missing = tmp_path / "branch-data-typo" / "deeper"
    monkeypatch.setenv("BRANCHGUARD_USER", "lead")
    monkeypatch.setenv("BRANCHGUARD_PASSWORD", "lead-demo-2026")
    for command in (["incident", "list"], ["verify"]):  # verify once made one and passed it, empty
        code, _out, err = invoke(capsys, missing, command, "en")
        assert code == 1 and f"there is no BranchGuard data in {missing}" in err and "password" not in err
        assert not missing.exists() and not missing.parent.exists(), command
    code, _out, err = invoke(capsys, missing, ["demo"], "en")  # a command that makes one still does
    assert code == 0 and (missing / "branchguard.sqlite").is_file(), err


def test_an_empty_data_folder_is_a_new_branch_told_how_to_set_up_not_a_lost_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installer's folder (or one made by hand for a new branch) was said to have lost its
    database, with "restore the last backup" as the way on, and no word of how to set one up."""
    from tests.cli.cli_support import invoke

    folder = tmp_path / "BranchGuard"
    folder.mkdir()
    monkeypatch.setenv("BRANCHGUARD_USER", "lead")
    monkeypatch.setenv("BRANCHGUARD_PASSWORD", "lead-demo-2026")
    for _ in range(2):  # the second with the log folder the first run wrote
        code, _out, err = invoke(capsys, folder, ["people", "list"], "en")
        assert code == 1 and f"there is no BranchGuard data in {folder}" in err, err
        assert "branchguard user add NAME --role lead --branch-name" in err and "restore" not in err
    assert not (folder / "branchguard.sqlite").exists()


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_data_folder_whose_database_is_gone_is_refused_not_refilled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """`verify` once made a new database in place of a deleted (or emptied) file and passed it as
    holding nothing yet, beside the attachments of the one that was lost."""
    from tests.cli.cli_support import invoke

    folder = tmp_path / "data"
    assert invoke(capsys, folder, ["demo"], "en")[0] == 0
    database = folder / "branchguard.sqlite"
    database.unlink()
    if damage == "emptied":
        database.write_bytes(b"")
    monkeypatch.setenv("BRANCHGUARD_USER", "lead")
    monkeypatch.setenv("BRANCHGUARD_PASSWORD", "lead-demo-2026")
    for command in (["verify"], ["--read-only", "verify"], ["hazard", "list"]):
        code, out, err = invoke(capsys, folder, command, "en")
        assert code == 1 and out == "", command
        assert f"the database {database} is missing or empty" in err and "branchguard restore" in err
        assert len(err.strip().splitlines()) == 1, err  # one message: no log line beside it
        assert (database.stat().st_size if damage == "emptied" else database.exists()) == 0, command


def test_a_file_as_the_data_folder_or_an_address_of_no_database_is_worded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Once 'FileExistsError: [Errno 17]', 'ArgumentError: Could not parse SQLAlchemy URL' and
    'ModuleNotFoundError: No module named MySQLdb'; a password in the address is not repeated."""
    from tests.cli.cli_support import invoke

    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    code, _out, err = invoke(capsys, a_file, ["demo"], "en")
    assert code == 1 and "is a file, not a folder" in err and "Errno" not in err
    addresses = (
        "notaurl",
        "mysql://clerk:s3cret@db.branch/bg",
        "postgresql+psycopg2://clerk@db.branch/bg",  # once ModuleNotFoundError: psycopg2
        "postgresql://clerk@db.branch:99999/bg",  # once psycopg's raw 'invalid port number'
        "postgresql://clerk@db.branch:port/bg",
    )
    for address in addresses:
        # `demo` makes its data; `playbook list` looks for it first (it once read the address raw)
        for command in (["demo"], ["playbook", "list"]):
            code, _out, err = invoke(capsys, tmp_path / "data", ["--db", address, *command], "en")
            assert code == 1 and "is not a database BranchGuard can open" in err, err
            assert "Error" not in err and "s3cret" not in err


def test_a_change_that_lost_a_race_for_the_same_record_is_one_line_not_a_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three `playbook import` of one file at once on PostgreSQL: two printed a traceback ending in
    a unique-key violation. Such a loss is said as what it is, nothing of the command saved."""
    from sqlalchemy.exc import IntegrityError

    from branchguard.core.people.service import PeopleService

    def raced(*_args: object, **_kwargs: object) -> None:
        raise IntegrityError("INSERT INTO contacts …", {}, Exception('duplicate key value violates "uq_x"'))

    monkeypatch.setattr(PeopleService, "list_contacts", raced)
    code, out, err = run("contacts", "list")
    assert (code, out) == (1, "")
    assert err.startswith("branchguard: error: another change made the same record at the same moment")
    assert "Traceback" not in err and "uq_x" not in err
