"""Fixtures of the command-line tests: `run` (in English, on tmp/data) and the language reset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.core.kernel.i18n import set_language
from tests.cli.cli_support import Run, invoke


@pytest.fixture(autouse=True)
def _default_language_after() -> Iterator[None]:
    """A command sets the process's language; the next test starts from the default again."""
    yield
    set_language("zh_CN")


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`branchguard --data-dir <tmp>/data ARGS…` (in English unless `lang=`)."""
    return lambda *args, lang="en": invoke(capsys, tmp_path / "data", args, lang)
