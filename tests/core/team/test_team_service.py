"""Team roster and training records: roles from the approved plans, assigning a holder and a
backup, training records and their certificates' expiry, what a role lacks, bad input named by its
field with nothing written, roles refused, and staff who hold a role kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import summary_text
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.core.schedules.types import ScheduleKind
from branchguard.core.team.types import Expiry, Gap, TeamRole, TrainingInput

TODAY = date.today()  # at import, not as each test runs: see team_today


def team_today(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The team service's today at TODAY: a run collected at 23:59 and run after midnight saw
    TODAY + 1 day as today, a training date not in the future."""
    monkeypatch.setattr(ctx.services.team, "_today", lambda: TODAY)


def pid(ctx: Any, lead: Actor, name: str) -> int:
    return int(ctx.services.team.person_named(lead, name, "field.person").id)


def role(ctx: Any, lead: Actor, code: str) -> TeamRole:
    return next(r for r in ctx.services.team.roles(lead) if r.code == code)


def test_roles_are_those_the_approved_plans_name_and_start_unassigned(ctx: Any, lead: Actor) -> None:
    roles = {r.code: r for r in ctx.services.team.roles(lead)}
    assert {"firefighting_team", "evacuation_team", "first_aid_team", "branch_head", "teller"} <= roles.keys()
    fire = roles["firefighting_team"]
    assert (fire.name.zh, fire.name.en) == ("灭火行动组", "Firefighting team")
    assert fire.needs == ("fire",)
    assert roles["teller"].name.zh == "柜员"
    assert [g.gap for g in fire.gaps] == [Gap.UNASSIGNED]


def test_assigning_a_holder_and_backup_replaces_the_last_and_is_audited(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    first = team.assign(lead, "firefighting_team", pid(ctx, lead, "周强"))
    assert first.holder is not None and first.holder.name == "周强" and first.backup is None
    again = team.assign(lead, "firefighting_team", pid(ctx, lead, "刘洋"), pid(ctx, lead, "张伟"))
    assert (again.holder.name, again.backup.name) == ("刘洋", "张伟")  # type: ignore[union-attr]
    assert [(r.holder.name, r.backup.name) for r in team.roles(lead) if r.code == "firefighting_team"] == [
        ("刘洋", "张伟")
    ]
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="team.assign"))
    assert len(events) == 2
    assert events[0].before == {"holder": pid(ctx, lead, "周强"), "backup": None}
    # the summary names the role in the reader's language, not the one it was written in
    try:
        set_language("en")
        assert summary_text(events[0]) == "Firefighting team: 刘洋, backup 张伟"
        set_language("zh_CN")
        assert summary_text(events[0]) == "灭火行动组：刘洋，B角 张伟"
    finally:
        set_language("zh_CN")
    team.unassign(lead, "firefighting_team")
    assert [g.gap for g in role(ctx, lead, "firefighting_team").gaps] == [Gap.UNASSIGNED]
    assert ctx.services.ledger.verify(lead).ok


@pytest.mark.parametrize(
    ("code", "holder", "backup", "field", "needle"),
    [
        ("no_such_team", "周强", None, "field.team_role", "no_such_team"),
        ("firefighting_team", "周强", "周强", "field.backup", "周强"),
        ("firefighting_team", 999_999, None, "field.holder", "999999"),
        ("firefighting_team", "周强", 999_999, "field.backup", "999999"),
    ],
    ids=["unknown-role", "backup-is-holder", "unknown-holder", "unknown-backup"],
)
def test_a_bad_assignment_names_its_field_and_writes_nothing(
    ctx: Any,
    lead: Actor,
    snapshot: Callable[[], object],
    code: str,
    holder: Any,
    backup: Any,
    field: str,
    needle: str,
) -> None:
    ids = [pid(ctx, lead, x) if isinstance(x, str) else x for x in (holder, backup)]
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        ctx.services.team.assign(lead, code, ids[0], ids[1])
    assert refused.value.field == field
    assert needle in refused.value.reason
    assert snapshot() == before


def test_a_name_for_nobody_or_for_two_people_is_refused(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    with pytest.raises(ValidationError) as nobody:
        team.person_named(lead, "无名氏", "field.holder")
    assert nobody.value.field == "field.holder" and "无名氏" in nobody.value.reason
    ctx.services.people.add_person(lead, PersonInput("周强", BranchRole.TELLER))
    with pytest.raises(ValidationError) as two:
        team.person_named(lead, "周强", "field.backup")
    assert two.value.field == "field.backup" and "2" in two.value.reason


@pytest.mark.parametrize(
    ("kind", "trained", "expires", "field"),
    [
        ("karate", TODAY, None, "field.training_kind"),
        ("fire", TODAY + timedelta(days=1), None, "field.trained_on"),
        ("fire", TODAY, TODAY, "field.expires_on"),
        ("fire", TODAY, date(2999, 1, 1), "field.expires_on"),
        ("fire", date(1066, 10, 14), None, "field.trained_on"),
    ],
    ids=["unknown-kind", "future", "expires-same-day", "expires-far", "ancient"],
)
def test_a_bad_training_record_names_its_field_and_writes_nothing(
    ctx: Any,
    lead: Actor,
    monkeypatch: pytest.MonkeyPatch,
    snapshot: Callable[[], object],
    kind: str,
    trained: date,
    expires: date | None,
    field: str,
) -> None:
    team_today(ctx, monkeypatch)
    person = pid(ctx, lead, "周强")
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        ctx.services.team.add_training(lead, TrainingInput(person, kind, trained, expires))
    assert refused.value.field == field
    assert snapshot() == before


def test_a_role_lacks_what_its_acting_member_has_not(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    zhou, wu, liu = (pid(ctx, lead, n) for n in ("周强", "吴刚", "刘洋"))  # 吴刚 is off duty
    team.assign(lead, "firefighting_team", zhou, liu)
    [untrained] = role(ctx, lead, "firefighting_team").gaps
    assert (untrained.gap, untrained.person, untrained.kind) == (Gap.UNTRAINED, "周强", "fire")
    team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=800), TODAY - timedelta(days=70))
    )
    [expired] = role(ctx, lead, "firefighting_team").gaps
    assert (expired.gap, expired.person) == (Gap.EXPIRED, "周强")
    team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=5), TODAY + timedelta(days=700))
    )
    assert role(ctx, lead, "firefighting_team").gaps == ()
    # an absent holder: the backup stands in, and must be trained too
    team.assign(lead, "firefighting_team", wu, liu)
    assert [(g.gap, g.person) for g in role(ctx, lead, "firefighting_team").gaps] == [
        (Gap.ABSENT, "吴刚"),
        (Gap.UNTRAINED, "刘洋"),
    ]
    team.assign(lead, "firefighting_team", wu, zhou)
    assert [g.gap for g in role(ctx, lead, "firefighting_team").gaps] == [Gap.ABSENT]
    team.assign(lead, "firefighting_team", wu)  # nobody to stand in
    assert [g.gap for g in role(ctx, lead, "firefighting_team").gaps] == [Gap.ABSENT]


def test_training_list_marks_renewals_and_filters_what_expires_soon(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    zhou, zhao = pid(ctx, lead, "周强"), pid(ctx, lead, "赵敏")
    old = team.add_training(
        lead,
        TrainingInput(zhou, "guard_licence", TODAY - timedelta(days=1000), TODAY + timedelta(days=10), "A1"),
    )
    assert old.expiry is Expiry.EXPIRING and not old.renewed
    soon = team.add_training(
        lead, TrainingInput(zhao, "first_aid_aed", TODAY - timedelta(days=300), TODAY + timedelta(days=25))
    )
    later = team.add_training(
        lead, TrainingInput(zhao, "fire", TODAY - timedelta(days=30), TODAY + timedelta(days=300))
    )
    assert later.expiry is Expiry.VALID
    none = team.add_training(lead, TrainingInput(zhao, "evacuation_warden", TODAY - timedelta(days=30)))
    assert none.expiry is Expiry.NONE and none.expires_on is None
    assert {r.id for r in team.trainings(lead, expiring_days=30)} == {old.id, soon.id}
    renewal = team.add_training(
        lead,
        TrainingInput(zhou, "guard_licence", TODAY - timedelta(days=2), TODAY + timedelta(days=1000), "A2"),
    )
    listed = {r.id: r for r in team.trainings(lead)}
    assert listed[old.id].renewed and not listed[renewal.id].renewed
    assert {r.id for r in team.trainings(lead, expiring_days=30)} == {soon.id}
    assert [r.id for r in team.trainings(lead, person_id=zhou)] == [old.id, renewal.id]
    # the renewed certificate's reminder ended with the renewal; the renewal has its own
    schedules = ctx.services.schedules.list(lead, kind=ScheduleKind.TRAINING)
    assert {(s.subject_id, s.active) for s in schedules} >= {(old.id, False), (renewal.id, True)}
    assert ctx.services.ledger.verify(lead).ok


def test_a_corrected_record_moves_its_reminder(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    zhou = pid(ctx, lead, "周强")
    added = team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=10), TODAY + timedelta(days=100))
    )
    fixed = team.update_training(
        lead,
        added.id,
        TrainingInput(zhou, "fire", TODAY - timedelta(days=10), TODAY + timedelta(days=400), "XF-1"),
    )
    assert (fixed.expires_on, fixed.certificate) == (TODAY + timedelta(days=400), "XF-1")
    active = [s for s in ctx.services.schedules.list(lead, kind=ScheduleKind.TRAINING) if s.active]
    assert [s.subject_id for s in active] == [added.id]
    assert (TODAY + timedelta(days=400)).isoformat() in active[0].title
    assert (
        ctx.services.audit.list(lead, AuditFilter(action_prefix="training.update"))[0].after["certificate"]
        == "XF-1"
    )


def test_staff_and_auditor_read_the_roster_but_only_the_lead_changes_it(
    ctx: Any, lead: Actor, staff: Actor, auditor: Actor
) -> None:
    team = ctx.services.team
    zhou = pid(ctx, lead, "周强")
    for reader in (staff, auditor):
        assert team.roles(reader) and team.trainings(reader) == []
        with pytest.raises(PermissionDenied):
            team.assign(reader, "firefighting_team", zhou)
        with pytest.raises(PermissionDenied):
            team.add_training(reader, TrainingInput(zhou, "fire", TODAY))


def test_someone_on_the_roster_or_with_training_is_not_removed(ctx: Any, lead: Actor) -> None:
    people, team = ctx.services.people, ctx.services.team
    holder = people.add_person(lead, PersonInput("钱七", BranchRole.TELLER))
    trained = people.add_person(lead, PersonInput("孔八", BranchRole.TELLER))
    team.assign(lead, "teller", pid(ctx, lead, "张伟"), holder.id)
    team.add_training(lead, TrainingInput(trained.id, "fire", TODAY))
    for person in (holder, trained):
        with pytest.raises(ValidationError) as refused:
            people.remove_person(lead, person.id)
        assert refused.value.field == "field.name" and person.name in refused.value.reason
    free = people.add_person(lead, PersonInput("韩九", BranchRole.TELLER))
    people.remove_person(lead, free.id)


def test_an_older_certificate_entered_afterwards_gets_no_reminder(ctx: Any, lead: Actor) -> None:
    team = ctx.services.team
    zhou = pid(ctx, lead, "周强")
    current = team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=10), TODAY + timedelta(days=700))
    )
    older = team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=800), TODAY - timedelta(days=70))
    )
    assert older.renewed and not current.renewed
    active = [s.subject_id for s in ctx.services.schedules.list(lead, kind=ScheduleKind.TRAINING) if s.active]
    assert active == [current.id]
