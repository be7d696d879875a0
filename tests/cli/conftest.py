"""Fixtures of the command-line tests: `run` (in English, on tmp/data), logged in as the demo's
safety lead unless a test says otherwise (`as_user`), and the language reset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.core.kernel.i18n import set_language
from tests.cli.cli_support import LEAD_PASSWORD, Run, as_user, invoke, with_lead


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
    data_dir = with_lead(fresh_data_dir)
    return lambda *args, lang="en": invoke(capsys, data_dir, args, lang)


@pytest.fixture
def fresh_run(fresh_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`run` on a new database (no account yet; a copy of the run's, see tests/conftest.py): for
    tests that begin with `demo`, whose safety lead the environment then logs in as."""
    return lambda *args, lang="en": invoke(capsys, fresh_data_dir, args, lang)
