"""Who a complaint's reminder and follow-up hazard name as owner: a person, as the complaint record
shows them. The first-responsible person defaults to the registering account's login ("staff"),
which the reminder copied as is, so `schedule list`, the bell and the calendar said "staff" where
the complaint said 李晓梅."""

from __future__ import annotations

from datetime import timedelta

from branchguard.core.complaints.types import ComplaintCause, ComplaintInput, StepInput
from branchguard.core.schedules.types import ScheduleKind
from branchguard.db.base import utcnow


def _register(svc, actor, **kw):
    data = ComplaintInput(
        channel="counter",
        received_at=utcnow() - timedelta(hours=2),
        customer_name="张三",
        customer_phone="13800138000",
        category="waiting",
        request="排队太久",
        **kw,
    )
    return svc.register(actor, data).info


def _display_name(ctx, username: str) -> str:
    info = ctx.services.auth.user_by_name(username)
    assert info is not None and info.display_name and info.display_name != username
    return str(info.display_name)


def _owner(ctx, actor, schedule_id) -> str:
    [sched] = [s for s in ctx.services.schedules.list(actor) if s.id == schedule_id]
    assert sched.kind is ScheduleKind.COMPLAINT and sched.active
    return sched.owner


def test_the_reminder_of_a_complaint_registered_by_an_account_names_its_person(ctx, lead, staff) -> None:
    svc = ctx.services.complaints
    c = _register(svc, staff)
    assert c.first_responsible == "staff"  # the record keeps the login; it is shown by name
    assert _owner(ctx, lead, c.schedule_id) == _display_name(ctx, "staff")


def test_the_reminder_follows_the_handler_named_as_a_person(ctx, lead, staff) -> None:
    svc = ctx.services.complaints
    c = _register(svc, staff, first_responsible="王大堂")
    assert _owner(ctx, lead, c.schedule_id) == "王大堂"  # a name that is no login stays as typed
    by_login = svc.assign(lead, c.id, "lead").info  # a handler given by login
    assert _owner(ctx, lead, by_login.schedule_id) == _display_name(ctx, "lead")
    by_name = svc.assign(lead, c.id, "周强").info
    assert _owner(ctx, lead, by_name.schedule_id) == "周强"


def test_a_follow_up_hazard_of_an_unassigned_complaint_is_owned_by_a_person(ctx, lead, staff) -> None:
    svc = ctx.services.complaints
    c = _register(svc, staff)
    svc.step(lead, c.id, StepInput("investigate", "核实"))
    svc.step(lead, c.id, StepInput("decide", "增开窗口", basis="服务规范"))
    svc.step(lead, c.id, StepInput("reply", "已答复"))
    done = svc.step(
        lead,
        c.id,
        StepInput(
            "archive", "归档", cause=ComplaintCause.EXPERIENCE, follow_up="叫号机报修", open_hazard=True
        ),
    )
    hazard = ctx.services.hazards.get(lead, int(done.steps[-1].details["hazard_id"])).info
    assert hazard.owner == _display_name(ctx, "staff")
