"""A package that arrives after a later one of the same branch (last month's, delayed, after this
month's sent again from the start) is refused as older than what head office holds, with what to
do, and not quarantined as history dropped: every entry it carries is one head office holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from branchguard.core.headoffice.service import Refused
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.db.models.exchange import HoPackageRow, HoQuarantineRow
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    make_db,
)


def test_a_package_older_than_the_one_held_is_refused_as_older_not_quarantined(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    today = date.today()
    now, before = f"{today:%Y-%m}", f"{today.year - (today.month == 1)}-{(today.month - 2) % 12 + 1:02d}"
    late, again = tmp_path / f"{before}.zip", tmp_path / f"{now}-again.zip"
    a.services.exchange.export(lead, before, late)
    a.services.exchange.export(lead, now, again, after=0)  # sent again from the start: reaches past it
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    hos.add_branch(admin, "DEMO-0101", "城东", tmp_path / "a.pem")
    assert hos.import_package(admin, again).outcome is ImportOutcome.IMPORTED

    with pytest.raises(Refused) as refused:
        hos.import_package(admin, late)
    assert (refused.value.branch_code, refused.value.period) == ("DEMO-0101", before)  # for the results
    worded = refused.value.content.text("en")
    assert f"package for {before} was made" in worded and f"export {before} again" in worded, worded
    assert "dropped" not in worded and "quarantine" not in worded
    with ho.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(HoQuarantineRow)) == 0
        assert conn.scalar(select(func.count()).select_from(HoPackageRow)) == 1
    zh = refused.value.content.text("zh_CN")
    assert f"{before} 的数据包" in zh and "删除" not in zh, zh


def test_a_period_sent_again_says_it_replaces_the_package_held(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """A branch that sends a period again (its records changed since): the import says head office
    had that period's package, and when it was imported, so the two are not taken for two months."""
    a, lead = _branch(make_db, "a", "DEMO-0101", 0)
    now = f"{date.today():%Y-%m}"
    first, again = tmp_path / "first.zip", tmp_path / "again.zip"
    a.services.exchange.export(lead, now, first)
    a.services.exchange.export(lead, now, again)
    a.services.exchange.export_key(lead, tmp_path / "a.pem")
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    hos.add_branch(admin, "DEMO-0101", "城东", tmp_path / "a.pem")
    taken = hos.import_package(admin, first)
    assert taken.outcome is ImportOutcome.IMPORTED and taken.replaces is None
    resent = hos.import_package(admin, again)
    assert resent.outcome is ImportOutcome.IMPORTED and resent.replaces is not None
    with ho.engine.connect() as conn:
        held = conn.scalar(select(HoPackageRow.imported_at).where(HoPackageRow.file_name == "first.zip"))
    assert resent.replaces.replace(tzinfo=None) == held.replace(tzinfo=None)
    [row] = hos.period_rows(admin, now)[1]
    assert row.packages == 1  # the month's package, sent twice: not two packages of the month
