"""What approving a checklist version does beyond publishing it: the checklist's schedules whose
title the program made for its old name take the new name, and an item that starts a plan on
failure must name a plan that is in force."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from branchguard.core.audit.service import AuditFilter
from branchguard.core.inspections.types import Cadence, TemplateStatus
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.db.models.schedules import ScheduleRow


def _start() -> datetime:
    return (datetime.now() + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)


def _stored_titles(ctx: Any) -> dict[int, str]:
    with ctx.sessions() as s:
        return dict(s.execute(select(ScheduleRow.id, ScheduleRow.title)).tuples().all())


def test_a_renamed_checklist_renames_the_titles_made_for_its_schedules(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.inspections
    old = svc.template(lead, "CCTV").content
    made = svc.schedule(lead, "CCTV", Cadence.DAILY, "李安全", _start())
    set_language("en")
    made_en = svc.schedule(lead, "CCTV", Cadence.WEEKLY, "李安全", _start())
    set_language("zh_CN")
    typed = svc.schedule(lead, "CCTV", Cadence.MONTHLY, "李安全", _start())
    ctx.services.schedules.update(
        lead, typed.id, ScheduleInput("每月查监控（手写）", typed.start_at, ScheduleKind.INSPECTION,
                                      owner="李安全", rule=typed.rule, subject_id=typed.subject_id)
    )  # fmt: skip
    other = svc.schedule(lead, "POWER", Cadence.MONTHLY, "王电工", _start())
    before = _stored_titles(ctx)
    assert before[made.id] == f"检查：{old.name.zh}" and before[made_en.id] == f"Inspection: {old.name.en}"

    svc.save_draft(lead, replace(old, name=Text2("视频监控巡检", "CCTV round")))
    assert _stored_titles(ctx) == before  # a draft renames nothing
    svc.approve(lead, "CCTV")

    after = _stored_titles(ctx)
    assert after[made.id] == "检查：视频监控巡检"  # in the language it was written in
    assert after[made_en.id] == "Inspection: CCTV round"
    assert after[typed.id] == "每月查监控（手写）"  # typed by the lead: left alone
    assert after[other.id] == before[other.id]  # another checklist's
    assert sorted(s.title for s in svc.schedules(lead, "CCTV")) == [
        "检查：视频监控巡检",  # read in Chinese: the English title is worded again, with the new name
        "检查：视频监控巡检",
        "每月查监控（手写）",
    ]
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.update"))
    renamed = {e.entity_id: (e.before, e.after) for e in events if set(e.after) == {"title"}}
    assert renamed == {
        str(made.id): ({"title": before[made.id]}, {"title": after[made.id]}),
        str(made_en.id): ({"title": before[made_en.id]}, {"title": after[made_en.id]}),
    }


def test_approving_the_same_name_again_touches_no_schedule(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.inspections
    cctv = svc.template(lead, "CCTV").content
    svc.schedule(lead, "CCTV", Cadence.DAILY, "李安全", _start())
    before = _stored_titles(ctx)
    svc.save_draft(lead, replace(cctv, params=(replace(cctv.params[0], value=90),)))
    svc.approve(lead, "CCTV")
    assert _stored_titles(ctx) == before
    assert ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.update")) == []


def _naming(ctx: Any, lead: Actor, plan: str) -> None:
    svc = ctx.services.inspections
    atm = svc.template(lead, "SELF_SERVICE").content
    items = tuple(replace(i, on_fail_playbook=plan) if n == 2 else i for n, i in enumerate(atm.items, 1))
    svc.save_draft(lead, replace(atm, items=items))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_approving_refuses_an_item_that_starts_a_plan_not_in_force(ctx: Any, lead: Actor, lang: str) -> None:
    plans = ctx.services.playbooks
    draft_only = replace(plans.get(lead, "ATM").content, code="ATM_NEW")
    plans.create(lead, draft_only)  # a draft, never approved
    svc = ctx.services.inspections
    for code in ("ATM_NEW", "NO_SUCH_PLAN"):
        _naming(ctx, lead, code)
        with pytest.raises(ValidationError) as err:
            svc.approve(lead, "SELF_SERVICE")
        assert err.value.is_about("field.item_n", n=2)
        said = err.value.as_message().text(lang)
        assert said.startswith("Item 2: " if lang == "en" else "第 2 项："), said
        assert "SELF_SERVICE" in said and code in said and ("plan" if lang == "en" else "预案") in said
        assert svc.template(lead, "SELF_SERVICE", draft=True).info.status == TemplateStatus.DRAFT
        assert svc.template(lead, "SELF_SERVICE").info.number == 1  # nothing approved
    plans.approve(lead, "ATM_NEW")
    _naming(ctx, lead, "ATM_NEW")
    assert svc.approve(lead, "SELF_SERVICE").content.items[1].on_fail_playbook == "ATM_NEW"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_approving_refuses_an_item_that_starts_a_service_guide(ctx: Any, lead: Actor, lang: str) -> None:
    assert ctx.services.playbooks.get(lead, "SVC-QUEUE").content.tier.value == "service"
    svc = ctx.services.inspections
    _naming(ctx, lead, "SVC-QUEUE")  # approved, but a guide is never started as an incident
    with pytest.raises(ValidationError) as err:
        svc.approve(lead, "SELF_SERVICE")
    assert err.value.is_about("field.item_n", n=2)
    said = err.value.as_message().text(lang)
    assert said.startswith("Item 2: " if lang == "en" else "第 2 项："), said
    assert "SELF_SERVICE" in said and "SVC-QUEUE" in said
    assert ("service guide" if lang == "en" else "服务指引") in said
    assert svc.template(lead, "SELF_SERVICE").info.number == 1  # nothing approved
