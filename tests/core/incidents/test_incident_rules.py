"""When a step is due and late, how a report to head office stands, which incident comes first."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from branchguard.core.incidents.rules import (
    DONE_GUARD,
    UNDO_WINDOW,
    DeadlineState,
    checkpoint_state,
    done_guarded,
    initial_report_step,
    most_urgent,
    next_level_choice,
    open_at_close,
    severity,
    step_due,
    step_overdue,
    undo_open,
)
from branchguard.core.incidents.text import goal_text
from branchguard.core.incidents.types import (
    Checkpoint,
    IncidentDetail,
    IncidentStatus,
    IncidentStep,
    IncidentSummary,
    StepState,
)
from branchguard.core.kernel.i18n import current_language, set_language
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.types import IncidentCategory

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def step(
    target: int | None = 3, *, checkpoint: bool = False, deadline: int | None = None,
    state: StepState = StepState.PENDING,
) -> IncidentStep:
    return IncidentStep(
        number=1, key="s1", text=Text2("疏散", "Evacuate"), role="lead", role_name=Text2(),
        target_minutes=target, checkpoint=checkpoint, deadline_minutes=deadline, condition=Text2(),
        goto=None, state=state,
    )


def incident(n: int, level: Level, *, drill: bool = False, minutes_in: int = 0) -> IncidentSummary:
    return IncidentSummary(
        id=n, title=f"#{n}", playbook_code=None, playbook_version=None, category=IncidentCategory.ROBBERY,
        level=level, drill=drill, status=IncidentStatus.OPEN, started_by="lead",
        started_at=START + timedelta(minutes=minutes_in), closed_at=None, entry_count=1, chain_head="0" * 64,
    )


def test_a_step_is_due_at_its_target_and_a_checkpoint_at_its_deadline() -> None:
    assert step_due(step(3), START) == START + timedelta(minutes=3)
    assert step_due(step(3, checkpoint=True, deadline=15), START) == START + timedelta(minutes=15)
    # a checkpoint without its own deadline keeps the step's target
    assert step_due(step(10, checkpoint=True), START) == START + timedelta(minutes=10)
    assert step_due(step(None), START) is None


def test_only_a_pending_step_past_its_due_time_is_overdue() -> None:
    due = START + timedelta(minutes=3)
    assert not step_overdue(step(3), START, due)  # at the due time: not yet late
    assert step_overdue(step(3), START, due + timedelta(seconds=1))
    assert not step_overdue(step(3, state=StepState.DONE), START, due + timedelta(hours=1))
    assert not step_overdue(step(3, state=StepState.SKIPPED), START, due + timedelta(hours=1))
    assert not step_overdue(step(None), START, due + timedelta(days=1))


def test_a_report_to_head_office_is_ahead_then_due_soon_then_overdue() -> None:
    point = Checkpoint(2, Text2("上报", "Report"), START + timedelta(minutes=15))
    assert checkpoint_state(point, START) is DeadlineState.AHEAD
    assert checkpoint_state(point, START + timedelta(minutes=10)) is DeadlineState.AHEAD
    assert checkpoint_state(point, START + timedelta(minutes=10, seconds=1)) is DeadlineState.SOON
    assert checkpoint_state(point, point.due_at) is DeadlineState.SOON
    assert checkpoint_state(point, point.due_at + timedelta(seconds=1)) is DeadlineState.OVERDUE


def test_the_most_severe_level_sorts_first() -> None:
    assert sorted(Level, key=severity) == [Level.I, Level.II, Level.III]


def test_a_real_incident_comes_before_a_drill_then_the_worst_level_then_the_oldest() -> None:
    drill_worst = incident(1, Level.I, drill=True)
    mild = incident(2, Level.III)
    severe_late = incident(3, Level.II, minutes_in=20)
    severe_early = incident(4, Level.II, minutes_in=5)
    assert most_urgent([drill_worst, mild, severe_late, severe_early]) == severe_early
    assert most_urgent([drill_worst, mild]) == mild
    assert most_urgent([drill_worst, replace(drill_worst, id=5, level=Level.III)]) == drill_worst
    assert most_urgent([]) is None


@pytest.mark.parametrize(
    ("lang", "target", "report"), [("en", "3 min", "Report within 15 min"), ("zh_CN", "3 分钟内", "上报")]
)
def test_goal_text_says_the_target_or_the_report_deadline(lang: str, target: str, report: str) -> None:
    before = current_language()
    set_language(lang)
    try:
        assert target in goal_text(step(3))
        assert report in goal_text(step(3, checkpoint=True, deadline=15))
        assert goal_text(step(None)) == ""
    finally:
        set_language(before)


def test_a_second_done_inside_the_guard_interval_is_ignored() -> None:
    assert not done_guarded(None, START)  # the first press
    assert done_guarded(START, START + timedelta(milliseconds=150))  # the double press of the walk-through
    assert done_guarded(START, START + DONE_GUARD - timedelta(milliseconds=1))
    assert not done_guarded(START, START + DONE_GUARD)
    assert not done_guarded(START, START - timedelta(seconds=1))  # a clock set back never locks Done
    # on the injected clock: half a second later is still the same press; two seconds later is a real
    # second step, which flows
    assert done_guarded(START, START + timedelta(milliseconds=500))
    assert not done_guarded(START, START + timedelta(seconds=2))


def test_undo_is_offered_for_a_few_seconds_after_a_mark() -> None:
    assert not undo_open(None, START)
    assert undo_open(START, START) and undo_open(START, START + UNDO_WINDOW - timedelta(milliseconds=1))
    assert not undo_open(START, START + UNDO_WINDOW)
    # on the injected clock: long enough to reach for it (3 s), gone once the moment has passed (15 s)
    assert undo_open(START, START + timedelta(seconds=3))
    assert not undo_open(START, START + timedelta(seconds=15))


def _numbered(n: int, **kw: object) -> IncidentStep:
    return replace(step(**kw), number=n, key=f"s{n}")  # type: ignore[arg-type]


def _detail(*steps: IncidentStep) -> IncidentDetail:
    return IncidentDetail(
        summary=incident(1, Level.II), location="", report_fields={}, steps=steps, entries=(), actions=(),
        closed_by=None, outcome="", injuries="", losses_cents=None, root_cause="",
    )


def test_closing_lists_the_pending_steps_and_the_overdue_checkpoints() -> None:
    detail = _detail(
        _numbered(1, state=StepState.DONE),
        _numbered(2, target=5, checkpoint=True, deadline=15),  # initial report: 15 min
        _numbered(3, state=StepState.SKIPPED),
        _numbered(4, target=None, checkpoint=True, deadline=1440),  # written report: 24 h
        _numbered(5, target=None),
    )
    early = open_at_close(detail, START + timedelta(minutes=10))
    assert [s.number for s in early.pending] == [2, 4, 5] and early.overdue_checkpoints == () and early
    late = open_at_close(detail, START + timedelta(minutes=16))
    assert [c.step for c in late.overdue_checkpoints] == [2]
    assert late.overdue_checkpoints[0].due_at == START + timedelta(minutes=15)
    finished = _detail(_numbered(1, state=StepState.DONE), _numbered(2, state=StepState.SKIPPED))
    assert not open_at_close(finished, START + timedelta(days=2))
    assert not open_at_close(_detail(), START)  # ad hoc: nothing to ask


def test_the_level_dialog_proposes_one_step_from_the_current_level() -> None:
    assert next_level_choice(Level.III) == Level.II  # never a jump to I on one Enter
    assert next_level_choice(Level.II) == Level.I
    assert next_level_choice(Level.I) == Level.II  # at the top: one step down


def test_the_initial_report_is_the_plans_first_reporting_checkpoint() -> None:
    steps = (
        _numbered(1),
        _numbered(2, checkpoint=True, deadline=15),
        _numbered(3, checkpoint=True, deadline=1440),
    )
    found = initial_report_step(steps)
    assert found is not None and found.number == 2
    assert initial_report_step((_numbered(1),)) is None


def test_an_incident_opens_at_the_least_severe_level_its_plan_allows() -> None:
    from branchguard.core.incidents.rules import opening_level
    from branchguard.core.kernel.types import Level

    assert opening_level(["I", "II"]) == Level.II  # a system failure: this branch first
    assert opening_level(["II", "I"]) == Level.II
    assert opening_level(["I", "II", "III"]) == Level.III
    assert opening_level(["I"]) == Level.I  # a bank run is level I, whatever
    assert opening_level([]) == Level.III  # ad hoc
