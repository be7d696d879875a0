"""Small valid plans and exchange files for the playbook tests."""

from __future__ import annotations

from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.types import (
    ContactRef,
    IncidentCategory,
    PlanContent,
    PlanRole,
    PlanTier,
    Step,
)


def sample_plan(code: str = "FIRE", steps: int = 3) -> PlanContent:
    return PlanContent(
        code=code,
        title=Text2("火灾与疏散现场处置方案", "Fire and evacuation"),
        tier=PlanTier.ONSITE,
        category=IncidentCategory.FIRE_EVACUATION,
        levels=(Level.II,),
        triggers=Text2("营业场所发生火情", "Fire on the premises"),
        cautions=Text2("禁止乘坐电梯", "No lifts"),
        roles=(
            PlanRole("branch_head", Text2("网点负责人", "Branch head")),
            PlanRole("lobby_manager", Text2("大堂经理", "Lobby manager")),
        ),
        contacts=(ContactRef("fire", "119", "消防"),),
        steps=tuple(
            Step(
                key=f"s{i}",
                text=Text2(f"第{i}步 处置动作", f"Step {i} action"),
                role="branch_head" if i % 2 else "lobby_manager",
                target_minutes=i * 2,
                checkpoint=i == steps,
                deadline_minutes=15 if i == steps else None,
            )
            for i in range(1, steps + 1)
        ),
    )


VALID_FILE = """\
format: branchguard.playbooks
format_version: 1
playbooks:
  - code: FIRE
    title: {zh: 火灾与疏散现场处置方案, en: Fire and evacuation}
    tier: onsite
    category: fire_evacuation
    levels: [II]
    roles:
      - {code: branch_head, zh: 网点负责人, en: Branch head}
    contacts:
      - {kind: fire, phone: "119"}
    steps:
      - id: alarm
        text: {zh: 发出警报并拨打119, en: Raise the alarm and call 119}
        role: branch_head
        target_minutes: 1
      - id: report
        text: {zh: 向分行报告, en: Report to head office}
        role: branch_head
        checkpoint: {deadline_minutes: 15}
        condition: {zh: 如有人员受伤, en: If someone is injured, goto: alarm}
  - code: ROB
    title: {zh: 抢劫客户财产现场处置方案, en: Robbery of customer property}
    tier: onsite
    category: robbery
    levels: [II]
    steps:
      - id: calm
        text: {zh: 不与歹徒正面对抗, en: Do not resist}
        target_minutes: 0
"""
