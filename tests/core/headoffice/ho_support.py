"""A head office of its own for a test: a new SQLite database made head office's, opened again as
the window opens it then (its administrator `admin`, password HO_PASSWORD)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from branchguard.context import AppContext, open_context

HO_PASSWORD = "head-office-2026!"


@pytest.fixture
def head_office(tmp_path: Path) -> Iterator[AppContext]:
    made = open_context(tmp_path / "ho")
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho")  # opened again: now head office's
    yield ctx
    ctx.close()
