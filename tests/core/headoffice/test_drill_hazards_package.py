"""Hazards raised from a drill up to head office, on SQLite and PostgreSQL: the package carries every
column of a hazard, `drill_id` with them (its schema lets a record have more fields than it names),
and head office keeps it; a package of an earlier version, its hazards without `drill_id`, still
imports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.exchange import store as package_store
from branchguard.core.hazards.types import HazardInput
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.db.models.exchange import HoRecordRow
from tests.core.drills.test_drill_held import FIRE_SCORES
from tests.core.headoffice.ho_support import registered_head_office
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    _branch,
    _schema_holds,
    make_db,
)
from tests.core.headoffice.test_held_drills import CODE, _held


def _stored(engine: Any, hazard_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        kept = select(HoRecordRow.data).where(HoRecordRow.kind == "hazards")
        found = conn.scalar(kept.where(HoRecordRow.source_id == str(hazard_id)))
    assert isinstance(found, dict), hazard_id
    return found


def test_a_hazard_raised_from_a_drill_reaches_head_office_with_its_drill(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch, lead = _branch(make_db, "a", CODE, 0)
    drill = _held(branch, lead, "FIRE", date.today() - timedelta(days=3), FIRE_SCORES)
    hazards = branch.services.hazards
    found = hazards.create(lead, HazardInput("金库人员撤离慢", owner="李安全"), drill_id=drill.id).info
    by_hand = hazards.create(lead, HazardInput("灯箱松动", owner="李安全")).info
    month = Period(PeriodKind.MONTH, date.today().year, date.today().month)
    branch.services.exchange.export_key(lead, tmp_path / "a.pem")
    package = tmp_path / "now.zip"
    branch.services.exchange.export(lead, month.code, package)
    _schema_holds(package)
    hos, admin, engine = registered_head_office(make_db, "ho", tmp_path / "a.pem", CODE)
    assert hos.import_package(admin, package).outcome == ImportOutcome.IMPORTED
    carried = _stored(engine, found.id)
    assert carried["drill_id"] == drill.id and carried["source"] == "drill"
    assert _stored(engine, by_hand.id).get("drill_id") is None

    def without_drill_id(*args: Any) -> Any:  # the branch as an earlier version wrote its package
        for batch in read(*args):
            yield [{k: v for k, v in r.items() if k != "drill_id"} for r in batch]

    read = package_store.READERS["hazards"]
    monkeypatch.setitem(package_store.READERS, "hazards", without_drill_id)
    old = tmp_path / "old.zip"
    branch.services.exchange.export(lead, month.code, old, after=0)
    monkeypatch.undo()
    _schema_holds(old)
    hos_old, admin_old, engine_old = registered_head_office(make_db, "ho-old", tmp_path / "a.pem", CODE)
    assert hos_old.import_package(admin_old, old).outcome == ImportOutcome.IMPORTED
    assert "drill_id" not in _stored(engine_old, found.id)
    listed = {r.source_id for r in hos_old.records(admin_old, CODE, "hazards")}
    assert {str(found.id), str(by_hand.id)} <= listed
