"""The team check as an incident starts: one hash-chained entry after the start naming who holds
each of the plan's roles and each role that is unassigned, absent or untrained; the steps show their
holders as they stood at the start, however the roster changes later."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from branchguard.core.incidents.text import entry_text, step_role_text
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.team.types import TrainingInput

TODAY = date.today()


def pid(ctx: Any, lead: Actor, name: str) -> int:
    return int(ctx.services.team.person_named(lead, name, "field.person").id)


def test_without_a_roster_an_incident_starts_as_before(ctx: Any, lead: Actor) -> None:
    started = ctx.services.incidents.start(lead, "FIRE")
    detail = ctx.services.incidents.get(lead, started.id)
    assert [e.kind for e in detail.entries] == [EntryKind.START]
    assert all(s.holder == "" for s in detail.steps)


def test_an_incident_start_names_the_roles_that_cannot_count_on_their_holder(ctx: Any, lead: Actor) -> None:
    team, incidents = ctx.services.team, ctx.services.incidents
    zhou, liu, sun, zhao = (pid(ctx, lead, n) for n in ("周强", "刘洋", "孙丽", "赵敏"))  # 孙丽 is on leave
    team.assign(lead, "firefighting_team", zhou, liu)
    team.add_training(
        lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=9), TODAY + timedelta(days=700))
    )
    team.assign(lead, "first_aid_team", sun, zhao)  # 赵敏 stands in, without first-aid training
    team.assign(lead, "evacuation_team", liu)
    team.add_training(
        lead, TrainingInput(liu, "evacuation_warden", TODAY - timedelta(days=900), TODAY - timedelta(days=1))
    )
    started = incidents.start(lead, "FIRE")
    detail = incidents.get(lead, started.id)
    start, check = detail.entries[:2]
    assert (start.kind, check.kind, check.seq) == (EntryKind.START, EntryKind.TEAM, 2)
    gaps = [(g["role"], g["gap"], g["person"], g["kind"]) for g in check.data["gaps"]]
    assert sorted(gaps) == [
        ("branch_head", "unassigned", "", ""),
        ("communications_team", "unassigned", "", ""),
        ("evacuation_team", "expired", "刘洋", "evacuation_warden"),
        ("first_aid_team", "absent", "孙丽", ""),
        ("first_aid_team", "untrained", "赵敏", "first_aid_aed"),
        ("teller", "unassigned", "", ""),
    ]
    # only the started plan's roles are asked about: the security guard (a robbery role) is not
    assert "security_guard" not in {r["role"] for r in check.data["roles"]}
    assert "firefighting_team" not in {g[0] for g in gaps}
    set_language("en")
    try:
        said = entry_text(check)
        assert said.startswith("Team check: ")
        assert "Protection and first-aid team: 孙丽 is absent" in said
        assert "赵敏 has no First aid and AED training" in said
        assert "刘洋's Evacuation warden certificate has expired" in said
        fire_step = next(s for s in detail.steps if s.role == "firefighting_team")
        assert step_role_text(fire_step) == "Firefighting team — 周强 (backup 刘洋)"
    finally:
        set_language("zh_CN")
    assert step_role_text(fire_step) == "灭火行动组 — 周强（B角 刘洋）"
    assert check.text.startswith("人员到位检查：")
    # the steps keep the team of the start after the roster changes
    team.assign(lead, "firefighting_team", liu, zhou)
    again = incidents.get(lead, started.id)
    assert next(s for s in again.steps if s.role == "firefighting_team").holder == "周强"
    assert incidents.verify(lead).ok
    assert ctx.services.ledger.verify(lead).ok


def test_a_fully_staffed_plan_says_so(ctx: Any, lead: Actor) -> None:
    team, incidents = ctx.services.team, ctx.services.incidents
    zhou = pid(ctx, lead, "周强")
    team.add_training(lead, TrainingInput(zhou, "fire", TODAY - timedelta(days=9)))
    team.add_training(lead, TrainingInput(zhou, "first_aid_aed", TODAY - timedelta(days=9)))
    team.add_training(lead, TrainingInput(zhou, "evacuation_warden", TODAY - timedelta(days=9)))
    for code in (
        "branch_head",
        "firefighting_team",
        "communications_team",
        "evacuation_team",
        "first_aid_team",
        "teller",
    ):
        team.assign(lead, code, zhou)
    started = incidents.start(lead, "FIRE")
    check = incidents.get(lead, started.id).entries[1]
    assert check.data["gaps"] == []
    assert check.text == f"人员到位检查：{len(check.data['roles'])} 个岗位均已指定且培训有效"


def test_a_paged_view_of_an_incident_a_warning_started_shows_the_holders(ctx: Any, lead: Actor) -> None:
    """The console and follow mode read the incident without its log: the team check must be
    where they look, also when a warning's quote follows the start."""
    from tests.core.early_warnings.test_early_warnings import a_warning

    incidents = ctx.services.incidents
    probe = incidents.start(lead, "NAT")
    role = next(s.role for s in incidents.get(lead, probe.id).steps if s.role)
    ctx.services.team.assign(lead, role, pid(ctx, lead, "周强"))
    started = ctx.services.warnings.add(lead, a_warning(), start=True, despite_open=True).incident_id
    paged = incidents.get(lead, started, with_entries=False)
    assert {s.holder for s in paged.steps if s.role == role} == {"周强"}
    full = incidents.get(lead, started)
    assert [e.kind for e in full.entries[:3]] == [EntryKind.START, EntryKind.TEAM, EntryKind.OBSERVATION]
