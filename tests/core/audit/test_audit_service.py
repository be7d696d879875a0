"""The audit trail: one event per change with who and what; none for refused changes; filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from branchguard.context import AppContext
from branchguard.core.audit.service import AuditFilter, record
from branchguard.core.audit.types import AuditRecord
from branchguard.core.complaints.types import ComplaintChannel
from branchguard.core.hazards.types import HazardSeverity, HazardStatus
from branchguard.core.incidents.types import IncidentStatus
from branchguard.core.kernel.errors import BranchGuardError, PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.types import BranchRole, ContactInput, ContactKind, PersonInput
from branchguard.db.base import utcnow
from branchguard.db.models.foundation import AuditEventRow


def _events(ctx: AppContext, flt: AuditFilter | None = None) -> list[AuditRecord]:
    return ctx.services.audit.list(Actor.system(), flt)


def test_every_change_leaves_one_event_with_actor_and_before_after(ctx: AppContext, lead: Actor) -> None:
    s = ctx.services
    state: dict[str, Any] = {}

    def add_person() -> None:
        state["person"] = s.people.add_person(lead, PersonInput("钱七", BranchRole.TELLER, "13900000077")).id

    def add_contact() -> None:
        state["contact"] = s.people.add_contact(
            lead, ContactInput("锁匠", ContactKind.OTHER, "13900000088")
        ).id

    def add_user() -> None:
        state["user"] = s.auth.add_user(lead, "qian7", Role.STAFF, "qian7-pass-2026").id

    steps: list[tuple[str, Callable[[], object], dict[str, object] | None, dict[str, object] | None]] = [
        ("person.create", add_person, None, {"name": "钱七", "branch_role": "teller"}),
        (
            "person.update",
            lambda: s.people.update_person(
                lead, state["person"], PersonInput("钱七", BranchRole.SECURITY_GUARD)
            ),
            {"branch_role": "teller", "mobile": "13900000077"},
            {"branch_role": "security_guard", "mobile": ""},
        ),
        (
            "person.delete",
            lambda: s.people.remove_person(lead, state["person"]),
            {"name": "钱七", "branch_role": "security_guard"},
            None,
        ),
        ("contact.create", add_contact, None, {"name": "锁匠", "phone": "13900000088"}),
        (
            "contact.update",
            lambda: s.people.update_contact(
                lead, state["contact"], ContactInput("开锁公司", ContactKind.OTHER, "13900000088")
            ),
            {"name": "锁匠"},
            {"name": "开锁公司"},
        ),
        (
            "contact.delete",
            lambda: s.people.remove_contact(lead, state["contact"]),
            {"name": "开锁公司"},
            None,
        ),
        (
            "branch.update",
            lambda: s.branch.update(lead, name="城东支行", lockout_threshold=6),
            {"name": "示范银行城东支行营业部", "lockout_threshold": 5},
            {"name": "城东支行", "lockout_threshold": 6},
        ),
        ("user.create", add_user, None, {"username": "qian7", "role": "staff"}),
        (
            "user.update",
            lambda: s.auth.set_role(lead, state["user"], Role.AUDITOR),
            {"role": "staff"},
            {"role": "auditor"},
        ),
        (
            "user.update",
            lambda: s.auth.set_active(lead, state["user"], False),
            {"active": True},
            {"active": False},
        ),
        ("user.unlock", lambda: s.auth.unlock(lead, state["user"]), None, None),
    ]
    for action, change, before, after in steps:
        count = len(_events(ctx))
        change()
        events = _events(ctx)
        assert len(events) == count + 1, action
        newest = events[0]
        assert (newest.actor, newest.action) == ("lead", action)
        assert newest.summary, action
        for expected, recorded in ((before, newest.before), (after, newest.after)):
            for key, value in (expected or {}).items():
                assert recorded.get(key) == value, (action, key, recorded)
        if action.endswith(".update"):
            assert newest.before, action
            assert newest.after, action


def test_refused_and_invalid_changes_leave_no_event(ctx: AppContext, lead: Actor, staff: Actor) -> None:
    count = len(_events(ctx))
    attempts: list[Callable[[], object]] = [
        lambda: ctx.services.people.add_person(staff, PersonInput("钱七", BranchRole.TELLER)),
        lambda: ctx.services.people.add_person(lead, PersonInput("", BranchRole.TELLER)),
        lambda: ctx.services.people.add_contact(lead, ContactInput("锁匠", ContactKind.OTHER, "12345abc")),
        lambda: ctx.services.branch.update(lead, name="  "),
        lambda: ctx.services.auth.add_user(lead, "x", Role.STAFF, "short"),
        lambda: ctx.services.auth.set_role(staff, 1, Role.LEAD),
    ]
    for attempt in attempts:
        with pytest.raises((PermissionDenied, ValidationError)):
            attempt()
    assert len(_events(ctx)) == count


def test_filters_by_actor_action_time_and_text(ctx: AppContext, lead: Actor, auditor: Actor) -> None:
    # the demo data's events happened two days ago, so a date range can tell them apart
    with ctx.sessions.begin() as session:
        session.execute(update(AuditEventRow).values(at=utcnow() - timedelta(days=2)))
    start = utcnow()
    s = ctx.services
    s.people.add_person(lead, PersonInput("钱七", BranchRole.TELLER))
    s.people.add_contact(lead, ContactInput("锁匠", ContactKind.OTHER, "13900000088"))
    s.auth.set_password(auditor, auditor.user_id or 0, "auditor-new-2026")
    end = utcnow()

    by_lead = _events(ctx, AuditFilter(actor="lead"))
    assert {e.action for e in by_lead} == {"person.create", "contact.create"}
    by_auditor = _events(ctx, AuditFilter(actor="auditor"))
    assert [e.action for e in by_auditor] == ["user.update"]

    assert [e.action for e in _events(ctx, AuditFilter(action_prefix="person."))] == ["person.create"]
    demo_made = _events(ctx, AuditFilter(action_prefix="user.create"))
    assert {e.after["username"] for e in demo_made} == {"lead", "staff", "auditor"}

    window = _events(ctx, AuditFilter(since=start - timedelta(hours=1), until=end + timedelta(seconds=1)))
    assert {e.action for e in window} == {"person.create", "contact.create", "user.update"}
    assert _events(ctx, AuditFilter(since=end + timedelta(hours=1))) == []
    earlier = _events(ctx, AuditFilter(until=start - timedelta(days=1)))
    earlier_actions = {e.action for e in earlier}
    assert {"demo.fill", "user.create"} <= earlier_actions
    assert not earlier_actions & {"person.create", "contact.create", "user.update"}

    assert [e.action for e in _events(ctx, AuditFilter(text="钱七"))] == ["person.create"]
    assert _events(ctx, AuditFilter(text="无此内容")) == []
    # what was typed, taken literally: % and _ once matched every event
    assert _events(ctx, AuditFilter(text="%")) == [] and _events(ctx, AuditFilter(text="钱_")) == []
    assert _events(ctx, AuditFilter(actor="lead", action_prefix="contact.", text="锁匠"))[0].summary


def test_newest_event_first_and_actor_list(ctx: AppContext, lead: Actor, auditor: Actor) -> None:
    ctx.services.people.add_person(lead, PersonInput("钱七", BranchRole.TELLER))
    events = ctx.services.audit.list(auditor)
    assert events[0].action == "person.create"
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    assert {"lead", "system"} <= set(ctx.services.audit.actors(auditor))


def test_the_filter_choices_are_every_actor_and_action_once_in_order(
    ctx: AppContext, lead: Actor, auditor: Actor
) -> None:
    """The choices are read one index seek per value (paging.distinct_values), not by DISTINCT: the
    same as every event's actors and actions, each once, in order, on both engines."""
    at = utcnow()
    with ctx.sessions.begin() as s:
        s.add_all(
            AuditEventRow(at=at, actor=actor, action=action, entity="user", entity_id="x", summary="")
            for actor in ("zz-last", "a-first", "王五", "a-first")
            for action in ("user.zz", "user.aa", "user.mm")
        )
    with ctx.sessions() as s:  # what SELECT DISTINCT gives, in the database's own order
        actors = list(s.scalars(select(AuditEventRow.actor).distinct().order_by(AuditEventRow.actor)))
        actions = list(s.scalars(select(AuditEventRow.action).distinct().order_by(AuditEventRow.action)))
    assert ctx.services.audit.actors(auditor) == actors
    assert ctx.services.audit.actions(auditor) == actions
    assert {"a-first", "zz-last", "王五"} <= set(ctx.services.audit.actors(auditor))
    assert {"user.aa", "user.mm", "user.zz"} <= set(ctx.services.audit.actions(auditor))


def test_the_filter_choices_of_an_empty_trail_are_empty(ctx: AppContext, auditor: Actor) -> None:
    with ctx.sessions.begin() as s:
        s.query(AuditEventRow).delete()
    assert ctx.services.audit.actors(auditor) == [] and ctx.services.audit.actions(auditor) == []


def test_login_events_are_recorded(ctx: AppContext, demo: object) -> None:
    with pytest.raises(BranchGuardError):
        ctx.services.auth.login("staff", "wrong-password")
    ctx.services.auth.login("staff", "staff-demo-2026")
    actions = [e.action for e in _events(ctx, AuditFilter(action_prefix="user.login"))]
    assert actions == ["user.login", "user.login_failed"]


def _bulk_events(ctx: AppContext, count: int, at: Any) -> None:
    # Many events at a handful of instants: keyset pages must break ties on the id.
    with ctx.sessions.begin() as s:
        s.add_all(
            AuditEventRow(at=at - timedelta(seconds=i // 7), actor="lead" if i % 3 else "staff",
                          action="user.login", entity="user", entity_id="x", summary=f"event {i}")
            for i in range(count)
        )  # fmt: skip


def test_keyset_pages_reach_every_event_once(ctx: AppContext, lead: Actor) -> None:
    from branchguard.core.audit.service import AuditCursor

    _bulk_events(ctx, 530, utcnow())
    for flt in (AuditFilter(), AuditFilter(actor="staff")):
        expected = ctx.services.audit.list(lead, AuditFilter(actor=flt.actor, limit=100_000))
        seen: list[AuditRecord] = []
        cursor = None
        while True:
            page = ctx.services.audit.page(lead, flt, cursor, limit=100)
            seen += page
            if len(page) < 100:
                break
            cursor = AuditCursor.after(page[-1])
        assert [r.id for r in seen] == [r.id for r in expected]
        assert len({r.id for r in seen}) == len(seen) >= 170


def test_actions_lists_each_action_once(ctx: AppContext, lead: Actor) -> None:
    _bulk_events(ctx, 20, utcnow())
    actions = ctx.services.audit.actions(lead)
    assert actions == sorted(set(actions))
    assert {"user.login", "demo.fill"} <= set(actions)


def test_a_search_finds_an_event_by_the_words_the_reader_sees(ctx: AppContext, lead: Actor) -> None:
    """The trail stores "severity: major → general" and shows "隐患等级：重大隐患 → 一般隐患": a
    search for 重大 or 柜面 found nothing while the rows showed them (and `audit list --text` the same)."""
    with ctx.sessions.begin() as session:
        severity = {"before": {"severity": "major"}, "after": {"severity": "general"}}
        record(session, lead, "hazard.update", "hazard", 7, **severity)
        record(session, lead, "complaint.register", "complaint", 3, after={"channel": "counter"})
        status = {"before": {"status": "open"}, "after": {"status": "closed"}}
        record(session, lead, "incident.close", "incident", 2, **status)

    def found(text: str) -> list[str]:
        return sorted(e.action for e in _events(ctx, AuditFilter(actor="lead", text=text)))

    try:
        set_language("zh_CN")
        assert found(HazardSeverity.MAJOR.label) == found("重大") == ["hazard.update"]
        assert found(ComplaintChannel.COUNTER.label) == found("投诉渠道") == ["complaint.register"]
        assert found("隐患等级") == ["hazard.update"]
        # a value's words: the codes of that record's field (待整改 is a hazard's open, no incident's)
        assert found(HazardStatus.OPEN.label) == []
        assert found(IncidentStatus.CLOSED.label) == ["incident.close"]
        set_language("en")
        assert found("Major") == ["hazard.update"] and found("Channel") == ["complaint.register"]
        assert found("major") == ["hazard.update"]  # as stored, too
    finally:
        set_language("zh_CN")
