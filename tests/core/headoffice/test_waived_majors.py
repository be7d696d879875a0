"""A major hazard verified with its milestones outstanding, under a reason, up to head office, on
SQLite and PostgreSQL: the package's hazard record says which milestones and why
(`milestones_waived`, in the published schema), and head office's period figures count it as the
branch's periodic report does. A package of an earlier release, without the field, still imports,
and head office counts the hazard from its `waived` event all the same."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.exchange import rules as package
from branchguard.core.exchange import store as package_store
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.headoffice import rules
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.kernel.i18n import translate
from branchguard.db.models.exchange import HoRecordRow
from tests.core.headoffice.ho_support import registered_head_office
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    _actor,
    _branch,
    _schema_holds,
    make_db,
)

CODE = "DEMO-0101"
REASON = "传感器当日更换，整改方案与上报已无必要"



def _hazard_record(zip_path: Path, hazard_id: int) -> dict[str, Any]:
    with zipfile.ZipFile(zip_path) as zf:
        records = json.loads(zf.read(f"{package.RECORDS}hazards.json"))
    found: dict[str, Any] = next(r for r in records if r["id"] == hazard_id)
    return found


def test_head_office_counts_a_major_hazard_verified_with_milestones_outstanding(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch, lead = _branch(make_db, "a", CODE, 0)
    staff, hazards = _actor(branch, "staff"), branch.services.hazards
    data = HazardInput(description="金库门传感器失灵", severity=HazardSeverity.MAJOR, owner="李安全")
    major = hazards.create(staff, data).info.id
    hazards.add_step(staff, major, RemediationKind.INTERIM_CONTROL, "双人值守")
    hazards.add_step(staff, major, RemediationKind.ACTION, "更换传感器")
    hazards.remediate(staff, major, "已更换")
    hazards.verify(lead, major, "复查合格", waiver=REASON)
    today = date.today()
    month = Period(PeriodKind.MONTH, today.year, today.month)
    expected = branch.services.dashboard.period_report(lead, month).figures.majors_waived
    assert expected == 1

    branch.services.exchange.export_key(lead, tmp_path / "a.pem")
    made = tmp_path / "month.zip"
    branch.services.exchange.export(lead, month.code, made)
    _schema_holds(made)
    waived = _hazard_record(made, major)["milestones_waived"]
    assert waived["milestones"] == ["plan", "head_office_report"] and waived["reason"] == REASON
    hos, admin, _engine = registered_head_office(make_db, "ho", tmp_path / "a.pem", CODE)
    assert hos.import_package(admin, made).outcome == ImportOutcome.IMPORTED
    _name, [row] = hos.period_rows(admin, month.code)
    assert row.majors_waived == expected

    # the branch as an earlier release wrote its package: hazards without the field
    monkeypatch.setattr(package_store, "waiver_mark", lambda _waiver: {})
    old = tmp_path / "old.zip"
    branch.services.exchange.export(lead, month.code, old, after=0)  # its whole ledger
    monkeypatch.undo()
    _schema_holds(old)
    assert "milestones_waived" not in _hazard_record(old, major)
    hos_old, admin_old, engine = registered_head_office(make_db, "ho-old", tmp_path / "a.pem", CODE)
    assert hos_old.import_package(admin_old, old).outcome == ImportOutcome.IMPORTED
    with engine.connect() as conn:  # as the package carried it
        stored = conn.scalar(
            select(HoRecordRow.data).where(HoRecordRow.kind == "hazards", HoRecordRow.source_id == str(major))
        )
    assert "milestones_waived" not in stored
    _name, [row] = hos_old.period_rows(admin_old, month.code)
    assert row.majors_waived == expected  # from its waived event


def test_the_schema_takes_the_field_or_its_absence_and_refuses_it_misshapen() -> None:
    record = {
        "id": 7, "title": "金库门传感器失灵", "severity": "major", "status": "verified",
        "opened_at": "2026-11-02T01:00:00Z", "due_at": "2026-12-02T15:59:59Z", "closed_at": None,
        "steps": [], "events": [],
    }  # fmt: skip
    waived = {"at": "2026-11-20T02:00:00Z", "milestones": ["plan"], "reason": REASON}
    assert rules.schema_problem("hazards", [record]) is None  # an earlier release's
    assert rules.schema_problem("hazards", [record | {"milestones_waived": None}]) is None
    assert rules.schema_problem("hazards", [record | {"milestones_waived": waived}]) is None
    for bad in ({**waived, "milestones": "plan"}, {"at": waived["at"], "milestones": []}, "plan"):
        problem = rules.schema_problem("hazards", [record | {"milestones_waived": bad}])
        assert problem is not None and "milestones_waived" in translate(problem, "en"), bad
