"""Hazard register rows built directly from the types, for the register's PDF and Excel tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from branchguard.core.hazards.types import HazardInfo, HazardSeverity, HazardSource, HazardStatus

NOW = datetime(2026, 11, 29, 4, 0, tzinfo=UTC)


def hazard(n: int, **changes: object) -> HazardInfo:
    """Hazard number `n`, opened `n` days before NOW, open, general, due in 7 days from opening."""
    opened = NOW - timedelta(days=n)
    due = (opened + timedelta(days=7)).date()
    base = HazardInfo(
        id=n,
        number=f"YH-2026-{n:04d}",
        title="",
        description=f"隐患描述 {n}",
        severity=HazardSeverity.GENERAL,
        status=HazardStatus.OPEN,
        source=HazardSource.MANUAL,
        location="营业大厅",
        owner="张三",
        due_at=datetime.combine(due, datetime.max.time(), UTC),
        due_date=due,
        interim_due_at=None,
        plan_due_at=None,
        report_head_office=False,
        inspection_id=None,
        item_number=None,
        template_code="",
        opened_by="lead",
        opened_at=opened,
        remediated_by=None,
        remediated_at=None,
        verified_by=None,
        verified_at=None,
        closed_by=None,
        closed_at=None,
        schedule_id=None,
        drill_id=None,
        overdue=due < NOW.date(),
        age_days=n,
    )
    return replace(base, **changes)


def register() -> list[HazardInfo]:
    """Five hazards: two open major ones (one overdue), an open general one, a remediated major one
    and a closed general one from an inspection."""
    return [
        hazard(
            12,
            severity=HazardSeverity.MAJOR,
            description="ATM 插卡口发现疑似加装装置，已报警并暂停该机具使用",
            location="自助银行区 2 号 ATM",
            owner="王经理",
        ),
        hazard(2, severity=HazardSeverity.MAJOR, description="金库双人管库制度未落实", location="现金库房"),
        hazard(3, description="安全出口指示灯不亮"),
        hazard(
            5,
            severity=HazardSeverity.MAJOR,
            status=HazardStatus.REMEDIATED,
            description="紧急按钮未能联通报警中心",
            remediated_by="staff",
            remediated_at=NOW - timedelta(days=1),
        ),
        hazard(
            20,
            status=HazardStatus.CLOSED,
            source=HazardSource.INSPECTION,
            inspection_id=4,
            item_number=3,
            template_code="FIRE_DAILY",
            description="灭火器压力不足",
            overdue=False,
            closed_by="lead",
            closed_at=NOW - timedelta(days=10),
            age_days=10,
        ),
    ]


def due(days: int) -> date:
    return (NOW + timedelta(days=days)).date()
