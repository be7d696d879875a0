"""Team roster demo records: the demo staff assigned to the roles the approved plans name, each with
a backup, and their training records — one guard licence expiring within the reminder's 30 days, one
first-aid certificate already expired, and the first-aid team's holder on leave — so the Team tab,
the reminders and an incident's team check are not empty after `make run`."""

from __future__ import annotations

from datetime import date, timedelta

from branchguard.core.kernel.types import Actor
from branchguard.core.team.service import TeamService
from branchguard.core.team.types import TrainingInput

# role code → (holder, backup), names of the demo staff (core/demo/service.py: DEMO_PEOPLE)
ASSIGNMENTS: dict[str, tuple[str, str]] = {
    "branch_head": ("王建国", "赵敏"),
    "deputy_head": ("赵敏", "李晓梅"),
    "safety_officer": ("赵敏", "周强"),
    "lobby_manager": ("李晓梅", "刘洋"),
    "teller": ("张伟", "刘洋"),
    "customer_manager": ("刘洋", "张伟"),
    "security_guard": ("周强", "吴刚"),
    "it_liaison": ("郑浩", "张伟"),
    "firefighting_team": ("周强", "刘洋"),
    "communications_team": ("郑浩", "李晓梅"),
    "evacuation_team": ("李晓梅", "张伟"),
    "first_aid_team": ("孙丽", "赵敏"),  # 孙丽 is on leave: 赵敏 stands in
    "designated_officer": ("李晓梅", "王建国"),
}
# (person, kind, trained days ago, expires in days from today or None, certificate)
TRAININGS: tuple[tuple[str, str, int, int | None, str], ...] = (
    ("周强", "guard_licence", 3 * 365 - 20, 20, "保安员证 110102199001"),  # expiring within 30 days
    ("周强", "fire", 200, 2 * 365 - 200, "消防培训合格证 XF-2026-031"),
    ("刘洋", "fire", 300, 2 * 365 - 300, "消防培训合格证 XF-2025-118"),
    ("李晓梅", "evacuation_warden", 100, None, ""),
    ("张伟", "evacuation_warden", 100, None, ""),
    ("赵敏", "first_aid_aed", 400, 3 * 365 - 400, "红十字救护员证 HS-2025-0456"),
    ("赵敏", "safety_officer", 500, None, ""),
    ("孙丽", "first_aid_aed", 3 * 365 + 30, -30, "红十字救护员证 HS-2023-0211"),  # expired
    ("吴刚", "guard_licence", 2 * 365, 365, "保安员证 110102198805"),
)


def fill(team: TeamService, lead: Actor, today: date | None = None) -> None:
    day = today or date.today()
    roles = {r.code for r in team.roles(lead)}
    for role, (holder, backup) in ASSIGNMENTS.items():
        if role in roles:  # a plan the branch retired names it no more
            team.assign(
                lead,
                role,
                team.person_named(lead, holder, "field.holder").id,
                team.person_named(lead, backup, "field.backup").id,
            )
    for name, kind, ago, expires_in, certificate in TRAININGS:
        expires = day + timedelta(days=expires_in) if expires_in is not None else None
        person = team.person_named(lead, name, "field.person").id
        team.add_training(lead, TrainingInput(person, kind, day - timedelta(days=ago), expires, certificate))
