"""How a plan's times, jumps, roles and contacts are worded, the same on screen, on paper and in
the CLI (Qt-free, through the core message catalogue)."""

from __future__ import annotations

from collections.abc import Callable

from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.core.people.types import ContactKind
from branchguard.core.playbooks.types import PlanContent, PlaybookVersion, Step

HOURS_FROM = 120  # minutes: from two hours on, times read better in hours


def duration_text(minutes: int, key: str) -> str:
    """`minutes` through a "…minutes" message, or its "…hours" twin from two hours on."""
    if minutes < HOURS_FROM:
        return t(f"{key}.minutes", n=minutes)
    hours = minutes / 60
    return t(f"{key}.hours", n=f"{hours:g}" if hours == int(hours) else f"{hours:.1f}")


def target_text(minutes: int | None) -> str:
    """A step's target time as staff read it: "3 分钟内" / "≤ 3 min", "立即" for zero, "" for none."""
    if minutes is None:
        return ""
    if minutes == 0:
        return t("report.playbook.at_once")
    return duration_text(minutes, "report.playbook.within")


def deadline_text(minutes: int | None) -> str:
    """A reporting checkpoint's deadline: "上报 15 分钟内" / "Report within 15 min"."""
    return duration_text(minutes or 0, "report.playbook.report")


def jump_numbers(content: PlanContent) -> dict[str, int]:
    """Step key -> its 1-based number, for resolving the jumps."""
    return {step.key: i for i, step in enumerate(content.steps, start=1)}


def jump_text(step: Step, numbers: dict[str, int]) -> str:
    """ "如有人员受伤 → 第 6 步"; the bare condition when it jumps nowhere; "" without one."""
    condition = step.condition.text
    if step.goto is None or step.goto not in numbers:
        return condition
    return t("report.playbook.jump", condition=condition, n=numbers[step.goto])


def role_names(content: PlanContent) -> dict[str, str]:
    return {role.code: role.name.text for role in content.roles}


def contact_label(kind: str, name: str) -> str:
    """The contact's own name, else what its kind is for (火警, 急救…)."""
    if name:
        return name
    try:
        return ContactKind(kind).label
    except ValueError:  # a kind from a newer BranchGuard: show it as written
        return kind


def person_text(login: str | None, name: Callable[[str], str] = str) -> str:
    """Who made or approved a version: the starter library's, written and approved by the program
    itself (the system actor), by the library's name; a person by `name` (their display name)."""
    if login == Actor.system().username:
        return t("report.playbook.builtin_approver")
    return name(login) if login else ""


def status_text(version: PlaybookVersion, name: Callable[[str], str] = str) -> str:
    """ "已批准：2026-05-01，批准人 王建国" (`name`: a login as the person's name), or the draft /
    retired mark."""
    info = version.info
    if info.status == PlaybookStatus.DRAFT:
        return t("report.playbook.draft")
    approved = ""
    if info.approved_at is not None:
        who = person_text(info.approved_by, name)  # the starter library's approver is no person
        date = info.approved_at.astimezone().strftime("%Y-%m-%d")
        approved = t("report.playbook.approved", date=date, user=who or "")
    if info.status == PlaybookStatus.RETIRED:
        return t("report.playbook.retired", approved=approved) if approved else PlaybookStatus.RETIRED.label
    return approved or PlaybookStatus.APPROVED.label
