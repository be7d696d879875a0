"""A head office of its own for a test: a new SQLite database made head office's, opened again as
the window opens it then (its administrator `admin`, password HO_PASSWORD)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import Actor, Role

HO_PASSWORD = "head-office-2026!"


@pytest.fixture
def head_office(tmp_path: Path) -> Iterator[AppContext]:
    made = open_context(tmp_path / "ho")
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho")  # opened again: now head office's
    yield ctx
    ctx.close()


def registered_head_office(
    make_db: Callable[[str], Any], name: str, key: Path, code: str
) -> tuple[Any, Actor, Any]:
    """Head office's service, administrator and engine, in `make_db`'s database `name`, with the
    branch `code` registered under the public key at `key`."""
    ho = make_db(name)
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    info = ho.services.auth.user_by_name("admin")
    assert info is not None
    admin = Actor(info.id, info.username, Role(info.role))
    hos.add_branch(admin, code, "城东", key)
    return hos, admin, ho.engine
