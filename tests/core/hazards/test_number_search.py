"""The register's search by the number it shows (YH-2027-0007) across New Year: the year typed
counts, as China counts it (core/kernel/china_time.py). In January 2027 "YH-2027" found nothing (read
as id 2027), and YH-2026-0912 found the hazard the register shows as YH-2027-0912."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity
from branchguard.db.models.hazards import HazardRow

# 23:30 on 31 December 2026 and 00:30 on 1 January 2027 in China
EVE, NEW_YEAR = datetime(2026, 12, 31, 15, 30, tzinfo=UTC), datetime(2026, 12, 31, 16, 30, tzinfo=UTC)


def _opened_at(ctx, staff, description: str, at: datetime) -> int:
    data = HazardInput(
        description=description, severity=HazardSeverity.GENERAL, location="营业厅", owner="李安全"
    )
    made = ctx.services.hazards.create(staff, data).info.id
    with ctx.engine.begin() as conn:
        conn.execute(update(HazardRow).where(HazardRow.id == made).values(opened_at=at))
    return made


def test_a_number_typed_with_its_year_finds_that_years_hazard_only(ctx, staff, lead) -> None:
    eve = _opened_at(ctx, staff, "除夕夜巡查：灭火器过期", EVE)
    new = _opened_at(ctx, staff, "元旦巡查：应急灯不亮", NEW_YEAR)
    svc = ctx.services.hazards

    def found(text: str) -> list[int]:
        return sorted(h.id for h in svc.list(lead, HazardFilter(text=text)))

    numbers = {h.id: h.number for h in svc.list(lead)}
    assert numbers[eve] == f"YH-2026-{eve:04d}" and numbers[new] == f"YH-2027-{new:04d}"
    assert found(f"YH-2027-{new:04d}") == [new] == found(f"yh-2027-{new}") == found(f"2027-{new:04d}")
    assert found(f"YH-2026-{new:04d}") == []  # another year's number: not this hazard
    assert found("YH-2027") == [new] == found("YH-2027-")  # the year's hazards
    assert found("YH-2026") == [eve]
    assert found("2027") == [new]  # in the number YH-2027-…, as in a title
    assert found(f"{new:04d}") == [new] == found(str(new))  # the number alone, any year


def test_the_number_counts_the_year_opened_in_china() -> None:
    """One function words the register's number (the register, its list rows, the demo's schedule
    titles): the demo titled a hazard opened at 00:30 on New Year's Day in China with the UTC year."""
    from branchguard.core.hazards.store import number_opened

    assert number_opened(EVE, 7) == "YH-2026-0007"
    assert number_opened(NEW_YEAR, 912) == "YH-2027-0912"
