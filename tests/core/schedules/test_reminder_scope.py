"""Whose reminders an account sees and acts on. A reminder is the item's, not a user's: staff
dismissing 周强's certificate reminder hid it from the lead too, and every account was given all 173
after a fortnight closed. The lead sees and acts on every reminder; staff on those of the items
they own (named by their login or their person's name) and of items nobody owns; the auditor
reads them all and acts on none. The service holds to it, not only the window's buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from branchguard.core.accounts.names import person_of
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ReminderInfo, ScheduleInput

NOW = datetime.now(UTC).replace(microsecond=0)


def _overdue(ctx: Any, lead: Actor, title: str, owner: str) -> None:
    start = NOW - timedelta(hours=1)
    ctx.services.schedules.add(lead, ScheduleInput(title=title, start=start, owner=owner, lead_minutes=60))


@pytest.fixture
def owned(ctx: Any, lead: Actor) -> dict[str, ReminderInfo]:
    """One overdue reminder each: the staff account's person's, its login's, nobody's, 周强's."""
    with ctx.sessions() as s:
        staff_person = person_of(s, "staff")
    assert staff_person != "staff"  # the demo account has a person's name (李晓梅)
    for title, owner in (("mine by name", staff_person), ("mine by login", "staff"),
                         ("nobody's", ""), ("周强's certificate", "周强")):  # fmt: skip
        _overdue(ctx, lead, title, owner)
    ctx.services.schedules.catch_up(lead, NOW)
    return {r.title: r for r in ctx.services.schedules.reminders(lead, NOW)}


def _titles(reminders: list[ReminderInfo]) -> set[str]:
    return {r.title for r in reminders}


def test_staff_see_their_own_and_nobodys_the_lead_and_auditor_every_one(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, staff: Actor, auditor: Actor
) -> None:
    svc = ctx.services.schedules
    assert _titles(svc.reminders(lead, NOW)) == set(owned)
    assert _titles(svc.reminders(auditor, NOW)) == set(owned)  # read-only, all of them
    assert _titles(svc.reminders(staff, NOW)) == {"mine by name", "mine by login", "nobody's"}
    engine_said = list(owned.values())  # as the system's engine would announce them
    assert _titles(svc.seen_of(staff, engine_said)) == {"mine by name", "mine by login", "nobody's"}
    assert _titles(svc.seen_of(lead, engine_said)) == set(owned)


def test_staff_may_not_dismiss_or_snooze_someone_elses_and_the_lead_still_sees_it(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, staff: Actor
) -> None:
    svc = ctx.services.schedules
    cert = owned["周强's certificate"]
    with pytest.raises(PermissionDenied) as refused:
        svc.dismiss(staff, cert.id, NOW)
    assert "周强" in refused.value.message
    with pytest.raises(PermissionDenied):
        svc.snooze(staff, cert.id, NOW + timedelta(hours=1), NOW)
    assert cert.id in [r.id for r in svc.reminders(lead, NOW)]  # was: "lead still sees it? False"
    # several at once: all or none, one of them someone else's refuses the lot
    mine = owned["mine by name"]
    with pytest.raises(PermissionDenied):
        svc.dismiss_many(staff, [mine.id, cert.id], NOW)
    assert {mine.id, cert.id} <= {r.id for r in svc.reminders(lead, NOW)}


def test_staff_act_on_their_own_and_nobodys_the_lead_on_any(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, staff: Actor
) -> None:
    svc = ctx.services.schedules
    ids = [owned[t].id for t in ("mine by name", "mine by login")]
    svc.snooze_many(staff, ids, NOW + timedelta(hours=1), NOW)
    svc.dismiss(staff, owned["nobody's"].id, NOW)
    svc.dismiss(lead, owned["周强's certificate"].id, NOW)
    assert svc.reminders(lead, NOW) == []
    assert _titles(svc.reminders(lead, NOW + timedelta(hours=2))) == {"mine by name", "mine by login"}


def test_an_auditor_announces_nothing_and_leaves_the_announcement_to_who_can_act(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, auditor: Actor
) -> None:
    """Announcing marks a reminder as told: told to the auditor, it was never told to the lead."""
    svc = ctx.services.schedules
    assert svc.announce(auditor, NOW) == []
    assert _titles(svc.announce(lead, NOW)) == set(owned)


def test_a_staff_window_announces_its_own_and_leaves_the_leads_to_the_leads_window(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, staff: Actor
) -> None:
    """The engine announced as the system and marked every reminder told: the counter PC's window
    (staff) showed its own two and took 周强's certificate from the lead's PC, which never said it."""
    from branchguard.scheduling.engine import ScheduleEngine

    svc = ctx.services.schedules
    counter = ScheduleEngine(svc, clock=lambda: NOW, announcer=lambda: staff)
    assert _titles(counter.tick().reminders) == {"mine by name", "mine by login", "nobody's"}
    office = ScheduleEngine(svc, clock=lambda: NOW, announcer=lambda: lead)
    assert _titles(office.tick().reminders) == {"周强's certificate"}
    assert office.tick().reminders == () and counter.tick().reminders == ()  # told once


def test_two_windows_ticking_at_once_announce_a_reminder_once(
    ctx: Any, owned: dict[str, ReminderInfo], lead: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both read the reminders not yet told, then each marked and showed them all."""
    from branchguard.core.schedules import reminders as desk
    from tests.interleave_support import race

    svc = ctx.services.schedules
    other: list[ReminderInfo] = []
    race(
        monkeypatch,
        svc,
        lambda s: desk._showing(s, NOW, None),  # what window A read before window B's tick
        lambda: other.extend(svc.announce(lead, NOW)),
    )
    told_to_a = svc.announce(lead, NOW)  # A's tick: B's ran and committed meanwhile
    assert _titles(other) == set(owned) and told_to_a == []
