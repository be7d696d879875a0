"""Fixtures of the command-line tests: `run` (in English, on tmp/data), logged in as the demo's
safety lead unless a test says otherwise (`as_user`), and the language reset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.core.kernel.i18n import set_language
from tests.cli.cli_support import LEAD_PASSWORD, Run, as_user, runner, with_lead


@pytest.fixture(autouse=True)
def _default_language_after() -> Iterator[None]:
    """A command sets the process's language; the next test starts from the default again."""
    yield
    set_language("zh_CN")


@pytest.fixture(autouse=True)
def _logged_in_as_lead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command logs in (cli/login.py): as the demo's safety lead, through the environment that
    automation uses, unless the test changes it."""
    as_user(monkeypatch, "lead", LEAD_PASSWORD)


@pytest.fixture
def run(fresh_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`branchguard --data-dir <tmp>/data ARGS…` (in English unless `lang=`), on a database holding
    only the safety lead's account."""
    return runner(capsys, with_lead(fresh_data_dir))


@pytest.fixture
def fresh_run(fresh_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`run` on a new database (no account yet; a copy of the run's, see tests/conftest.py): for
    tests that begin with `demo`, whose safety lead the environment then logs in as."""
    return runner(capsys, fresh_data_dir)


@pytest.fixture
def demo_run(records_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`run` on the demo branch with its records, as `branchguard demo` leaves it (a copy of the
    run's, see tests/conftest.py: `demo` itself takes about a second), logged in as its lead. The
    tests of `demo` itself start from `fresh_run`."""
    return runner(capsys, records_data_dir)
