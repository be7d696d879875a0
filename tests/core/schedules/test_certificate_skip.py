"""A certificate whose holder will not renew it (off duty, left the branch) is skipped with its
reason: nothing deletes a training record, so refusing the skip left a false renewal as the only
way to end its overdue reminder. Marking it done stays refused (it would read as renewed). The
refusals are worded twice: the command line names commands and an item's ID, the window neither."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.links import by_hand_refusal
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.core.team.types import TrainingInput

TODAY = date.today()


def test_an_expired_certificate_of_someone_off_duty_is_skipped_with_its_reason(ctx: Any, lead: Actor) -> None:
    team, schedules = ctx.services.team, ctx.services.schedules
    wu = int(team.person_named(lead, "吴刚", "field.person").id)  # off duty in the demo roster
    expired = TrainingInput(wu, "first_aid_aed", TODAY - timedelta(days=800), TODAY - timedelta(days=30))
    record = team.add_training(lead, expired)
    [item] = [
        o
        for o in schedules.catch_up(lead).occurrences
        if o.kind is ScheduleKind.TRAINING and o.subject_id == record.id
    ]
    assert item.id is not None and item.overdue

    with pytest.raises(ValidationError) as refused:
        schedules.complete(lead, item.id)  # done by hand would read as renewed
    assert refused.value.reason == Message("schedule.ends_with_training").text()
    with pytest.raises(ValidationError) as no_reason:
        schedules.complete(lead, item.id, skipped=True)
    assert no_reason.value.is_about("field.skip_reason")

    skipped = schedules.complete(lead, item.id, skipped=True, note="已调离本网点，不再续训")
    assert skipped.status is OccurrenceStatus.SKIPPED and skipped.note == "已调离本网点，不再续训"
    assert not [o for o in schedules.open_items(lead) if o.schedule_id == item.schedule_id]
    assert not [r for r in schedules.reminders(lead) if r.schedule_id == item.schedule_id]
    skips = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.skipped"))
    assert [e.entity_id for e in skips] == [str(item.id)]


@pytest.mark.parametrize("kind", [ScheduleKind.TRAINING, ScheduleKind.DRILL, ScheduleKind.INSPECTION])
def test_the_window_and_the_command_line_each_say_how_to_skip_in_their_own_words(kind: ScheduleKind) -> None:
    assert by_hand_refusal(kind, 1, skipped=True) is None  # skipping is allowed
    cli, window = by_hand_refusal(kind, 1), by_hand_refusal(kind, 1, window=True)
    assert cli is not None and window is not None
    for lang in ("en", "zh_CN"):
        assert "--skip" in cli.text(lang) and "--skip" not in window.text(lang)
        assert "`" not in window.text(lang)  # no command: the window runs none
    assert "Skip…" in window.text("en") and "跳过…" in window.text("zh_CN")
    assert "ID" not in window.text("en")


def test_the_certificates_window_words_point_to_the_team_tab() -> None:
    window = by_hand_refusal(ScheduleKind.TRAINING, 1, window=True)
    assert window is not None
    assert "Team & training" in window.text("en") and "应急队伍与培训" in window.text("zh_CN")
    assert "training add" in Message("schedule.ends_with_training").text("en")


@pytest.mark.parametrize("kind", [ScheduleKind.HAZARD, ScheduleKind.COMPLAINT, ScheduleKind.ACTION])
def test_an_item_its_record_ends_keeps_one_wording(kind: ScheduleKind) -> None:
    """Not skipped either way, done or skipped alike; the window's words name no command (the
    bell told the user to run `complaint step`)."""
    assert by_hand_refusal(kind, 1, skipped=True) == by_hand_refusal(kind, 1)
    window = by_hand_refusal(kind, 1, skipped=True, window=True)
    assert window is not None and window == by_hand_refusal(kind, 1, window=True)
    assert all("`" not in window.text(lang) for lang in ("en", "zh_CN"))
