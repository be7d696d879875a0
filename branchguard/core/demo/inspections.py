"""Demo content for inspections and the hazard register, written through the services as the demo
accounts would: inspection schedules, a submitted daily fire patrol whose two failed items opened
two hazards (one remediated and waiting for a second person to verify), and a hand-entered hazard
already past its due date. Used by `DemoService.fill` after the branch and its accounts exist."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardDetail, HazardInput, HazardSeverity, RemediationKind
from branchguard.core.inspections.service import InspectionService
from branchguard.core.inspections.types import InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.types import Actor
from branchguard.db.models.hazards import HazardRow

# Every built-in checklist on the cadence its template gives (so the demo never contradicts its own
# checklists: the fire patrol every 2 hours while open, MPS Order 61 art. 25; the monthly fire check,
# art. 26; the building fire systems yearly, art. 27; the pre-holiday check before each holiday):
# template, first run (local wall clock, from tomorrow), owner (a demo person).
SCHEDULES: tuple[tuple[str, time, str], ...] = (
    ("OPENING", time(8, 30), "周强"),
    ("SELF_SERVICE", time(8, 45), "周强"),
    ("VAULT", time(8, 50), "李晓梅"),
    ("FIRE_DAILY", time(9, 0), "赵敏"),
    ("CCTV", time(9, 30), "郑浩"),
    ("CIT", time(16, 30), "周强"),
    ("CLOSING", time(17, 30), "周强"),
    ("ALARM", time(16, 0), "周强"),
    ("EXITS", time(10, 0), "赵敏"),
    ("FIRE_MONTHLY", time(15, 0), "赵敏"),
    ("FIRST_AID", time(10, 30), "李晓梅"),
    ("POWER", time(10, 0), "郑浩"),
    ("EQUIPMENT", time(11, 0), "周强"),
    ("PRE_HOLIDAY", time(15, 30), "王建国"),
    ("FIRE_SYSTEMS", time(10, 0), "王建国"),
)


def fill(
    inspections: InspectionService,
    hazards: HazardService,
    sessions: sessionmaker[Session],
    lead: Actor,
    staff: Actor,
) -> None:
    today = datetime.now().date()
    for code, at, owner in SCHEDULES:
        cadence = inspections.template(lead, code).content.cadence
        inspections.schedule(lead, code, cadence, owner, datetime.combine(today + timedelta(days=1), at))

    run = inspections.start(staff, "FIRE_DAILY", InspectionInput(location="营业厅及后通道"))
    iid = run.info.id
    inspections.answer(staff, iid, 2, ItemResult.FAIL, note="后门安全出口被装修材料堵住")
    inspections.add_photo_bytes(staff, iid, 2, "后门出口.png", _picture(160, 120, (176, 40, 40)))
    inspections.answer(staff, iid, 5, ItemResult.FAIL, note="二楼防火门被楔子顶开")
    inspections.answer(staff, iid, 6, ItemResult.NA, note="本网点无消防控制室")
    inspections.answer_rest(staff, iid)
    inspections.sign(staff, iid, SignatureRole.INSPECTOR, "李晓梅")
    submitted = inspections.submit(staff, iid)
    inspections.sign(lead, iid, SignatureRole.REVIEWER, "王建国")

    exit_hazard, door_hazard = (a.hazard_id for a in submitted.answers if a.hazard_id is not None)
    assert exit_hazard is not None
    assert door_hazard is not None
    hazards.add_step(lead, exit_hazard, RemediationKind.INTERIM_CONTROL, "安排保安值守后通道，材料当日搬离")
    hazards.add_step(lead, exit_hazard, RemediationKind.HEAD_OFFICE_REPORT, "已电话报告分行安全保卫部")
    hazards.add_step_bytes(
        staff,
        door_hazard,
        RemediationKind.ACTION,
        "拆除楔子，闭门器已调整",
        [("防火门.png", _picture(160, 120, (40, 120, 60)))],
    )
    hazards.remediate(staff, door_hazard, "已恢复常闭")

    late = hazards.create(
        staff,
        HazardInput(
            description="自助区灯箱固定螺丝松动，有坠落风险\n物业已报修，尚未处理",
            severity=HazardSeverity.GENERAL,
            location="自助服务区",
            owner="李晓梅",
            title="自助区灯箱松动",
        ),
    )
    # Overdue by two days: found nine days ago, due a week after it was found.
    make_overdue(hazards, sessions, lead, late.info.id, found_days_ago=9, fix_days=7)


def make_overdue(
    hazards: HazardService,
    sessions: sessionmaker[Session],
    lead: Actor,
    hazard_id: int,
    found_days_ago: int,
    fix_days: int,
) -> HazardDetail:
    """A late hazard for demo and sample data, without breaking the rule that a hazard is never due
    before it was found: its opening is dated `found_days_ago` back (as generated history dates its
    rows; through the ORM, so the ledger sees the change), then the lead sets it due `fix_days`
    after that day through the service, which moves its due reminder schedule too."""
    with sessions.begin() as s:
        row = s.get(HazardRow, hazard_id)
        assert row is not None
        row.opened_at = row.opened_at - timedelta(days=found_days_ago)
        found = row.opened_at.astimezone(hazards.zone).date()
    info = hazards.get(lead, hazard_id).info
    data = HazardInput(
        description=info.description,
        severity=info.severity,
        location=info.location,
        owner=info.owner,
        due=found + timedelta(days=fix_days),
        title=info.title,
    )
    return hazards.update(lead, hazard_id, data)


def _picture(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small PNG: a band of `rgb` across a grey field (a stand-in for a phone photo)."""
    band = range(height // 3, 2 * height // 3)
    rows = b"".join(b"\x00" + (bytes(rgb) if y in band else b"\xb4\xb4\xb4") * width for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
