"""Where a library comes from and what is not one: a library exported by a head-office database
(`ho init`) names the head office as its issuer; a BranchGuard backup or period package handed to
`library import` is refused as what it is (by its manifest's format, or by its members), trusted
key or not, with nothing written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.library_sync import archive, rules
from branchguard.core.library_sync.rules import LibraryRefused
from branchguard.db.engine import sqlite_url
from tests.conftest import copy_fresh_sqlite, take_snapshot

HO_NAME = "华东区总行"


pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


@pytest.fixture
def head_office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Any, Actor]]:
    """A head-office database made as `ho init` makes one, and its administrator."""
    from branchguard.context import open_context

    db_file = tmp_path / "ho" / "ho.sqlite"
    copy_fresh_sqlite(request, db_file)
    context = open_context(tmp_path / "ho", db=sqlite_url(db_file))
    try:
        context.services.headoffice.init(HO_NAME, "admin", "head-office-2026!")
        info = context.services.auth.user_by_name("admin")
        assert info is not None
        yield context, Actor(info.id, info.username, Role(info.role))
    finally:
        context.close()


def test_a_head_office_library_names_the_head_office(
    ctx: Any, lead: Actor, head_office: tuple[Any, Actor], tmp_path: Path
) -> None:
    ho, admin = head_office
    result = ho.services.library.export(admin, tmp_path / "lib.zip", tmp_path / "ho.pem")
    with zipfile.ZipFile(result.path) as zf:
        assert json.loads(zf.read(rules.MANIFEST))["issuer"] == HO_NAME
    working_days.install([])
    library = ctx.services.library
    library.trust(lead, tmp_path / "ho.pem")
    preview = library.preview(lead, library.read(lead, tmp_path / "lib.zip"))
    assert preview.issuer == HO_NAME


def test_on_new_years_day_before_its_table_is_set_the_library_still_reads(
    ctx: Any, lead: Actor, head_office: tuple[Any, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1 January of a year no working-day table covers yet (head office sets it once the State
    Council's notice is out): the library carries the latest year held. It carried a table listing
    no year, and every branch refused the whole library for it."""
    ho, admin = head_office
    latest = max(working_days.covered())
    new_year = datetime(latest + 1, 1, 1, 1, 0, tzinfo=UTC)
    monkeypatch.setattr(ho.services.library, "_clock", lambda: new_year)
    result = ho.services.library.export(admin, tmp_path / "lib.zip", tmp_path / "ho.pem")
    assert result.years == (latest,)
    working_days.install([])
    library = ctx.services.library
    library.trust(lead, tmp_path / "ho.pem")
    assert [t.year for t in library.read(lead, tmp_path / "lib.zip").years] == [latest]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _manifest(kind: str) -> bytes:
    return json.dumps({"format": kind, "version": 1, "files": []}).encode()


@pytest.mark.parametrize(
    ("members", "what"),
    [
        (  # a backup as `branchguard backup` writes it
            {"manifest.json": _manifest("branchguard.backup"), "database/branchguard.sqlite": b"SQLite"},
            "is a BranchGuard backup",
        ),
        ({"database/branchguard.sqlite": b"SQLite"}, "is a BranchGuard backup"),  # its manifest lost
        (  # a period package: its manifest says so, whatever its members
            {"manifest.json": _manifest("branchguard.package"), "manifest.sig": b"00\n"},
            "is a branch's period package",
        ),
        ({"records/incidents.json": b"[]", "ledger.json": b"[]"}, "is a branch's period package"),
    ],
)
def test_a_backup_or_a_package_is_named_for_what_it_is(
    ctx: Any, lead: Actor, tmp_path: Path, members: dict[str, bytes], what: str
) -> None:
    path = _zip(tmp_path / "given.zip", members)
    set_language("en")
    with pytest.raises(LibraryRefused) as caught:
        archive.read(path)
    assert what in caught.value.message and "not a head-office library" in caught.value.message
    assert "does not list" not in caught.value.message
    before = take_snapshot(ctx.engine)
    with pytest.raises(LibraryRefused) as caught:  # no key trusted yet: still named for what it is
        ctx.services.library.read(lead, path)
    assert what in caught.value.message
    assert take_snapshot(ctx.engine) == before


def test_a_stray_member_of_no_known_kind_is_still_refused_as_unlisted(tmp_path: Path) -> None:
    path = _zip(tmp_path / "odd.zip", {"manifest.json": _manifest(rules.FORMAT), "evil.txt": b"x"})
    set_language("en")
    with pytest.raises(LibraryRefused) as caught:
        archive.read(path)
    assert "the library holds evil.txt, which its signed manifest does not list" in caught.value.message
