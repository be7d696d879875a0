"""An exported calendar event carries what the schedule says besides its title: the schedule's
notes and the occurrence's own note go into DESCRIPTION, escaped as the summary is, and read back
whole by a calendar program."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from branchguard.core.kernel.i18n import set_language
from branchguard.core.schedules.ics import to_ics
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus, ScheduleKind

NOTES = "带上金库钥匙; 通知保安, 物业\n第二行 \\ 反斜杠"
AT = datetime(2031, 3, 1, 1, 30, tzinfo=UTC)


def _occurrence(schedule_id: int, note: str = "") -> OccurrenceInfo:
    return OccurrenceInfo(
        id=1,
        schedule_id=schedule_id,
        kind=next(iter(ScheduleKind)),
        title="消防演练, 第一次; 全员",
        owner="李晓梅",
        timezone="Asia/Shanghai",
        rule_at=AT,
        due_at=AT,
        status=OccurrenceStatus.OPEN,
        overdue=False,
        note=note,
    )


def test_the_schedules_notes_and_the_occurrences_note_are_in_the_description() -> None:
    set_language("zh_CN")
    data = to_ics([_occurrence(7, note="停电改期"), _occurrence(8)], {}, AT, notes={7: NOTES, 8: "  "})
    assert b"\\;" in data and b"\\," in data  # escaped in the file, as the summary is
    first, second = Calendar.from_ical(data).walk("VEVENT")
    assert str(first["summary"]) == "消防演练, 第一次; 全员"
    description = str(first["description"]).split("\n")
    assert description[:3] == ["负责人：李晓梅", f"类型：{next(iter(ScheduleKind)).label}", "状态：待办"]
    assert "\n".join(description[3:]) == f"备注：{NOTES}\n本次说明：停电改期"
    assert "备注" not in str(second["description"])  # blank notes add no line
