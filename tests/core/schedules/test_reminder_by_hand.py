"""A reminder the bell lists says whether its item may be marked done or skipped there, decided by
the rule the service's `complete` applies (links.hand_refusal), not a copy of it in the window: the
bell offered "Skip…" on a planned drill's only date, and the service then refused it in the dialog."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ReminderInfo, ScheduleKind
from tests.core.schedules.test_schedules import one_off, soon

# (kind, record, rule): a planned drill's only date, a series of drills, a hazard's due date, a
# certificate's expiry, a schedule of the lead's own
ITEMS = [
    (ScheduleKind.DRILL, 5, ""),
    (ScheduleKind.DRILL, 5, "weekly"),
    (ScheduleKind.HAZARD, 7, ""),
    (ScheduleKind.TRAINING, 3, ""),
    (ScheduleKind.CUSTOM, None, ""),
]


def _reminder(svc: Any, lead: Actor, kind: ScheduleKind, subject_id: int | None, rule: str) -> ReminderInfo:
    made = svc.add(lead, one_off(kind=kind, subject_id=subject_id, rule=rule))
    later = soon(days=1)
    svc.catch_up(lead, later)
    [reminder] = [r for r in svc.reminders(lead, later) if r.schedule_id == made.id][:1]
    return reminder


def _taken(svc: Any, lead: Actor, occurrence_id: int, skipped: bool) -> bool:
    try:
        svc.complete(lead, occurrence_id, skipped=skipped, note="网点装修停业" if skipped else "")
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("skipped", [False, True])
@pytest.mark.parametrize(("kind", "subject_id", "rule"), ITEMS)
def test_a_reminder_offers_by_hand_only_what_the_service_takes(
    ctx: Any, lead: Actor, kind: ScheduleKind, subject_id: int | None, rule: str, skipped: bool
) -> None:
    svc = ctx.services.schedules
    reminder = _reminder(svc, lead, kind, subject_id, rule)
    refusal = reminder.skip_refusal if skipped else reminder.done_refusal
    assert (refusal is None) == _taken(svc, lead, reminder.occurrence_id, skipped)


def test_a_planned_drills_only_date_says_where_to_act_in_the_windows_words(ctx: Any, lead: Actor) -> None:
    """Neither done nor skipped from the bell: run, moved or cancelled on the Drills page (the
    command line's words name `drill run`, which the window does not run)."""
    reminder = _reminder(ctx.services.schedules, lead, ScheduleKind.DRILL, 5, "")
    window = Message("schedule.ends_with_drill.window")
    refusals = (reminder.skip_refusal, reminder.done_refusal)
    assert [r.key if r is not None else None for r in refusals] == [window.key, window.key]
    assert "drill run" not in window.text() and window.text() != Message("schedule.ends_with_drill").text()
    with pytest.raises(ValidationError) as refused:
        ctx.services.schedules.complete(lead, reminder.occurrence_id)
    assert refused.value.reason == Message("schedule.ends_with_drill").text()


def test_no_refusal_in_the_window_names_a_command() -> None:
    """The bell's tooltip for a complaint's reminder told the user to run `complaint step`; the
    window runs no command and shows no item's ID. Every refusal has the window's own words."""
    from branchguard.core.schedules.links import DONE_BY_RECORD, ENDED_BY_RECORD, by_hand_refusal

    for kind in (*ENDED_BY_RECORD, *DONE_BY_RECORD):
        for skipped in (False, True):
            refusal = by_hand_refusal(kind, 7, skipped=skipped, window=True)
            if refusal is None:
                continue
            for lang in ("en", "zh_CN"):
                words = refusal.text(lang)
                assert "`" not in words and " ID" not in words and "编号" not in words, (kind, lang, words)
