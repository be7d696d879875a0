"""A plan renamed in a new version put in force: the schedules of its drills whose title the
program made for the old title ("演练：<title>") take the new one, audited, and the schedules'
listeners are told after the commit; a title the lead typed, the drills' own titles (evidence) and
another plan's drills stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from branchguard.core.audit.service import AuditFilter
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Text2
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.schedules import ScheduleRow


def _titles(ctx: Any, row: type[ScheduleRow] | type[DrillPlanRow]) -> dict[int, str]:
    with ctx.sessions() as s:
        return dict(s.execute(select(row.id, row.title)).tuples().all())


def test_a_renamed_plan_renames_the_titles_made_for_its_drill_schedules(ctx: Any, lead: Actor) -> None:
    told: list[None] = []
    ctx.services.schedules.add_listener(lambda: told.append(None))
    books = ctx.services.playbooks  # as the window and the command line have it
    drills, when = ctx.services.drills, datetime.now() + timedelta(days=3)
    old = books.get(lead, "FIRE").content
    made = drills.plan(lead, DrillPlanInput("FIRE", when))
    set_language("en")
    made_en = drills.plan(lead, DrillPlanInput("FIRE", when, rrule="yearly"))
    set_language("zh_CN")
    typed = drills.plan(lead, DrillPlanInput("FIRE", when, title="消防演练（手写）"))
    other = drills.plan(lead, DrillPlanInput("ATM", when))
    before, plans_before = _titles(ctx, ScheduleRow), _titles(ctx, DrillPlanRow)
    assert before[made.schedule_id] == f"演练：{old.title.zh}"
    assert before[made_en.schedule_id] == f"Drill: {old.title.en}"

    books.save_draft(lead, "FIRE", replace(old, title=Text2("火灾应急处置预案", "Fire response plan")))
    assert _titles(ctx, ScheduleRow) == before  # a draft renames nothing
    told.clear()
    books.approve(lead, "FIRE")

    after = _titles(ctx, ScheduleRow)
    assert after[made.schedule_id] == "演练：火灾应急处置预案"  # in the language it was written in
    assert after[made_en.schedule_id] == "Drill: Fire response plan"
    assert after[typed.schedule_id] == "消防演练（手写）"  # typed by the lead: left alone
    assert after[other.schedule_id] == before[other.schedule_id]  # another plan's drill
    assert _titles(ctx, DrillPlanRow) == plans_before  # the drills themselves are evidence
    assert told  # the calendar and the bell are told
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.update"))
    renamed = {e.entity_id: (e.before, e.after) for e in events if set(e.after) == {"title"}}
    assert renamed == {
        str(i): ({"title": before[i]}, {"title": after[i]}) for i in (made.schedule_id, made_en.schedule_id)
    }


def test_approving_the_same_title_again_touches_no_drill_schedule(ctx: Any, lead: Actor) -> None:
    books = ctx.services.playbooks
    ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=3)))
    before = _titles(ctx, ScheduleRow)
    fire = books.get(lead, "FIRE").content
    books.save_draft(lead, "FIRE", replace(fire, cautions=Text2("不要返回取物", "")))
    books.approve(lead, "FIRE")
    assert _titles(ctx, ScheduleRow) == before
    assert ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.update")) == []
