"""The built-in starter library and the documented example: valid files that say what a branch needs."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from branchguard.core.kernel.types import Level, PlaybookStatus, Text2
from branchguard.core.people.types import ContactKind
from branchguard.core.playbooks.format import parse
from branchguard.core.playbooks.types import IncidentCategory, PlanContent, PlanTier

ROOT = Path(__file__).resolve().parents[3]
LIBRARY = ROOT / "branchguard" / "resources" / "playbooks" / "starter_library.yaml"
EXAMPLE = ROOT / "tests" / "fixtures" / "playbooks" / "example.yaml"
DOC = ROOT / "docs" / "playbook-format.md"

C = IncidentCategory
# Responses the domain notes mark **report**: each plan needs a reporting checkpoint.
MUST_REPORT = {
    C.BANK_RUN,
    C.SYSTEM_FAILURE,
    C.ROBBERY,
    C.NATURAL_DISASTER,
    C.FALSE_INFORMATION,
    C.FIRE_EVACUATION,
    C.POWER_IT_OUTAGE,
    C.SUSPICIOUS_OBJECT,
}
# Major incidents where head office must hear within a quarter of an hour.
REPORT_WITHIN_15 = {C.BANK_RUN, C.ROBBERY, C.FIRE_EVACUATION, C.SUSPICIOUS_OBJECT}
PUBLIC_NUMBERS = {
    "110": ContactKind.POLICE,
    "119": ContactKind.FIRE,
    "120": ContactKind.AMBULANCE,
    "96110": ContactKind.ANTI_FRAUD,
    "95598": ContactKind.POWER_COMPANY,
}
NUMBER_IN_TEXT = re.compile(r"(?<!\d)(110|119|120|96110|95598)(?!\d)")
FIRE_TEAMS = ("灭火行动组", "通讯联络组", "疏散引导组", "安全防护救护组")


@pytest.fixture(scope="module")
def library() -> list[PlanContent]:
    parsed = parse(LIBRARY.read_bytes(), LIBRARY.name)
    assert all(item.status == PlaybookStatus.APPROVED for item in parsed.items)
    return [item.content for item in parsed.items]


def by_category(library: list[PlanContent], category: IncidentCategory) -> PlanContent:
    (plan,) = [p for p in library if p.category == category and p.tier != PlanTier.COMPREHENSIVE]
    return plan


def untranslated(plan: PlanContent) -> list[str]:
    """Every reader-facing text of the plan that lacks one of the two languages."""
    texts: list[tuple[str, Text2]] = [("title", plan.title), ("triggers", plan.triggers)]
    texts.append(("cautions", plan.cautions))
    texts += [(f"role {r.code}", r.name) for r in plan.roles]
    texts += [(f"step {s.key}", s.text) for s in plan.steps]
    texts += [(f"condition of {s.key}", s.condition) for s in plan.steps if s.condition or s.goto]
    return [f"{plan.code} {where}" for where, text in texts if not (text.zh and text.en)]


def test_one_plan_per_category_and_all_three_tiers(library: list[PlanContent]) -> None:
    codes = [p.code for p in library]
    assert len(codes) == len(set(codes)) >= 18
    for category in IncidentCategory:
        assert by_category(library, category).tier in (PlanTier.ONSITE, PlanTier.SPECIAL)
    assert {p.tier for p in library} == set(PlanTier)
    (general,) = [p for p in library if p.tier == PlanTier.COMPREHENSIVE]
    assert set(general.levels) == set(Level)


def test_every_text_is_in_chinese_and_english(library: list[PlanContent]) -> None:
    assert [gap for plan in library for gap in untranslated(plan)] == []


def test_a_missing_translation_is_caught(library: list[PlanContent]) -> None:
    plan = library[0]
    step = replace(plan.steps[2], text=Text2(plan.steps[2].text.zh, ""))
    broken = replace(plan, steps=(*plan.steps[:2], step, *plan.steps[3:]))
    assert untranslated(broken) == [f"{plan.code} step {step.key}"]


def test_plans_are_short_and_every_step_has_an_owner(library: list[PlanContent]) -> None:
    for plan in library:
        assert 6 <= len(plan.steps) <= 14, plan.code
        assert [s.key for s in plan.steps if not s.role] == [], plan.code
        assert plan.triggers and plan.cautions, plan.code


def test_reporting_checkpoints_where_the_practice_requires_them(library: list[PlanContent]) -> None:
    for category in MUST_REPORT:
        plan = by_category(library, category)
        assert any(s.checkpoint for s in plan.steps), plan.code
    for category in REPORT_WITHIN_15:
        plan = by_category(library, category)
        first = min(s.deadline_minutes for s in plan.steps if s.deadline_minutes is not None)
        assert first <= 15, plan.code
    for plan in library:
        if Level.I in plan.levels or Level.II in plan.levels:
            assert any(s.deadline_minutes == 1440 for s in plan.steps), f"{plan.code}: no 24 h report"
        for s in plan.steps:
            if s.deadline_minutes is not None and s.target_minutes is not None:
                assert s.target_minutes <= s.deadline_minutes, f"{plan.code}.{s.key}"


def test_fire_plan_names_the_four_teams_and_gives_each_work(library: list[PlanContent]) -> None:
    fire = by_category(library, C.FIRE_EVACUATION)
    teams = {r.name.zh: r.code for r in fire.roles}
    assert set(FIRE_TEAMS) <= set(teams)
    used = {s.role for s in fire.steps}
    assert {teams[name] for name in FIRE_TEAMS} <= used
    call119 = next(s for s in fire.steps if "119" in s.text.zh)
    assert fire.steps.index(call119) < 3 and call119.target_minutes == 1


def test_every_jump_lands_on_another_step_with_a_bilingual_condition(library: list[PlanContent]) -> None:
    jumps = 0
    for plan in library:
        keys = [s.key for s in plan.steps]
        for s in plan.steps:
            if s.goto is None:
                continue
            jumps += 1
            assert s.goto in keys and s.goto != s.key, f"{plan.code}.{s.key}"
            assert s.condition.zh and s.condition.en, f"{plan.code}.{s.key}"
    assert jumps >= len(IncidentCategory)


def test_numbers_staff_are_told_to_call_are_in_the_plans_contacts(library: list[PlanContent]) -> None:
    for plan in library:
        listed = {c.phone: c.kind for c in plan.contacts}
        for phone, kind in listed.items():
            assert PUBLIC_NUMBERS.get(phone) == ContactKind(kind), f"{plan.code}: {phone}"
        for s in plan.steps:
            for number in NUMBER_IN_TEXT.findall(s.text.zh):
                assert number in listed, f"{plan.code}.{s.key} calls {number}"
                assert number in s.text.en, f"{plan.code}.{s.key}"


@pytest.mark.parametrize(
    ("category", "zh", "en"),
    [
        (C.ROBBERY, "不作无谓反抗", "no resistance"),
        (C.LAW_ENFORCEMENT, "严禁向账户所有人", "never tip off the account holder"),
        (C.BANK_RUN, "不得接受媒体采访", "give no interviews"),
        (C.ATM_TAMPERING, "不得拆除或触碰", "do not remove or touch"),
        (C.FIRE_EVACUATION, "严禁乘坐电梯", "never use the lifts"),
        (C.SUSPICIOUS_OBJECT, "不触碰、不移动", "do not touch, move"),
    ],
)
def test_key_cautions(library: list[PlanContent], category: IncidentCategory, zh: str, en: str) -> None:
    plan = by_category(library, category)
    assert zh in plan.cautions.zh
    assert en in plan.cautions.en.lower()


def test_thresholds_are_defaults_and_unverified_figures_say_so(library: list[PlanContent]) -> None:
    surge = by_category(library, C.CUSTOMER_SURGE)
    assert "30人" in surge.triggers.zh and "默认" in surge.triggers.zh
    assert "30 customers" in surge.triggers.en and "default" in surge.triggers.en
    cash = by_category(library, C.LARGE_CASH_WITHDRAWAL)
    assert "本行规定" in cash.triggers.zh and "未经核实" in cash.triggers.zh
    assert "bank's own rule" in cash.triggers.en and "not verified" in cash.triggers.en


def test_documented_example_is_the_fixture_and_parses() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert text in blocks
    items = parse(text.encode("utf-8"), EXAMPLE.name).items
    assert [(i.content.code, i.status) for i in items] == [
        ("ELEV", PlaybookStatus.APPROVED),
        ("HEAT", PlaybookStatus.DRAFT),
    ]
    elev = items[0].content
    assert [s.deadline_minutes for s in elev.steps if s.checkpoint] == [30]
    assert [(s.key, s.goto) for s in elev.steps if s.goto] == [("maintenance", "call120")]
    assert untranslated(elev) == []


def test_documented_json_example_parses() -> None:
    (block,) = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    (item,) = parse(block.encode("utf-8"), "example.json").items
    assert item.content.code == "ELEV" and item.status == PlaybookStatus.APPROVED


def test_documented_values_match_the_code() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for enum_type in (PlanTier, IncidentCategory, Level, ContactKind):
        for member in enum_type:
            assert f"| `{member.value}` |" in doc, member
