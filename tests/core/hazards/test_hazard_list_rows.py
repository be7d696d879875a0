"""The register's list builds its records from plain rows, unpacked by position (store.infos_of);
each must equal the record the hazard's own page shows and hold its row's columns, field by field,
in every state, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import fields

from branchguard.core.hazards import store
from branchguard.core.hazards.types import HazardInfo, HazardInput, HazardSeverity, RemediationKind
from branchguard.db.base import utcnow
from branchguard.db.models.hazards import HazardRow
from tests.hazard_helpers import make_overdue


def test_the_list_reads_every_column_but_the_two_it_never_shows() -> None:
    columns = {c.name for c in HazardRow.__table__.columns}
    assert len(set(store.INFO_NAMES)) == len(store.INFO_NAMES)
    assert set(store.INFO_NAMES) == columns - {"photos", "verification_note"}
    assert set(store.INFO_NAMES) <= {f.name for f in fields(HazardInfo)}
    assert tuple(c.name for c in store.INFO_COLUMNS) == store.INFO_NAMES


def test_each_listed_hazard_equals_its_own_page(ctx, staff, lead) -> None:
    svc = ctx.services.hazards

    def manual(severity: HazardSeverity, text: str) -> int:
        data = HazardInput(description=text, severity=severity, location="营业厅", owner="李安全")
        return svc.create(staff, data).info.id

    manual(HazardSeverity.GENERAL, "灯箱松动")
    late = manual(HazardSeverity.GENERAL, "消防通道堆放杂物")
    make_overdue(ctx, lead, late, days_late=3)
    major = manual(HazardSeverity.MAJOR, "金库报警线路被切断")  # interim and plan deadlines
    for hid in (major, manual(HazardSeverity.GENERAL, "监控镜头遮挡")):
        svc.add_step(staff, hid, RemediationKind.ACTION, "已处理")
        svc.remediate(staff, hid, "已整改")
    svc.verify(lead, major, "现场复查", waiver="上级行同意先行验收")  # milestones outstanding
    closed = manual(HazardSeverity.GENERAL, "应急灯不亮")
    svc.add_step(staff, closed, RemediationKind.ACTION, "更换电池")
    svc.remediate(staff, closed, "已更换")
    svc.verify(lead, closed, "复查正常")
    svc.close(lead, closed, "销号")

    now = utcnow()
    listed = svc.list(lead, now=now)
    assert len(listed) == 5 and {h.overdue for h in listed} == {True, False}
    assert len({h.status for h in listed}) == 4 and any(h.interim_due_at for h in listed)
    assert listed == [svc.get(lead, h.id, now=now).info for h in listed]
    zone = svc.zone
    with ctx.sessions() as s:  # each field against its column, and the derived ones by their rules
        for h in listed:
            row = s.get(HazardRow, h.id)
            for name in store.INFO_NAMES:
                value = getattr(h, name)
                assert getattr(value, "value", value) == getattr(row, name), name
            assert h.number == store.number_of(row)
            assert h.due_at == store.due_instant(row.due_date, zone)
            assert h.overdue == store.is_overdue(row, now, zone) and h.age_days == store.age_days(row, now)
