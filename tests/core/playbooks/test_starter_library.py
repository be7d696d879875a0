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
    C.LAW_ENFORCEMENT,
    C.LARGE_CASH_WITHDRAWAL,
    C.BRANCH_ROBBERY,
    C.MASS_GATHERING,
    C.PUBLIC_HEALTH,
    C.ONLINE_POSTING,
    C.COUNTER_FRAUD,
}
# Major incidents where head office must hear within a quarter of an hour.
REPORT_WITHIN_15 = {
    C.BANK_RUN,
    C.ROBBERY,
    C.FIRE_EVACUATION,
    C.SUSPICIOUS_OBJECT,
    C.BRANCH_ROBBERY,
    C.MASS_GATHERING,
    C.ONLINE_POSTING,
}
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
    (plan,) = [p for p in library if p.category == category and p.tier in (PlanTier.SPECIAL, PlanTier.ONSITE)]
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
    assert len(codes) == len(set(codes)) >= 30
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
        low, high = (3, 6) if plan.tier == PlanTier.SERVICE else (6, 14)  # a guide is a few steps
        assert low <= len(plan.steps) <= high, plan.code
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
        (C.BRANCH_ROBBERY, "不得擅自与歹徒谈判", "never negotiate"),
        (C.MASS_GATHERING, "不超过5名", "at most 5"),
        (C.PUBLIC_HEALTH, "不歧视、不驱赶", "never shun"),
        (C.ONLINE_POSTING, "不抢夺手机", "never grab the phone"),
        (C.CARD_CASH_RETAINED, "须双人", "two staff"),
        (C.COUNTER_FRAUD, "不向电话另一端的人透露", "tell the person on the other end of the phone nothing"),
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
    # the counts the text gives (it once said 17 categories when 23 were listed and accepted)
    assert f"one of the {len(IncidentCategory)} incident categories" in doc


# -- issue 18: official names, levels, wording (sources noted in the library file) ----------------
# The CBA guideline's event types (银协发〔2009〕51号), by their official names.
OFFICIAL_NAMES = {
    C.BANK_RUN: "挤兑",
    C.SYSTEM_FAILURE: "业务系统故障",
    C.ROBBERY: "抢劫客户财产",
    C.NATURAL_DISASTER: "自然灾害",
    C.SUDDEN_ILLNESS: "客户突发疾病",
    C.PERSONAL_INJURY: "客户人身伤害",
    C.DISORDER: "寻衅滋事",
    C.CUSTOMER_SURGE: "营业网点客流激增",
    C.RESOURCE_OCCUPATION: "不合理占用银行服务资源",
    C.FALSE_INFORMATION: "重大失实信息传播",
    C.OTHER: "其他影响营业网点正常服务的事件",
}


def test_guideline_categories_and_their_plans_carry_the_official_names(library: list[PlanContent]) -> None:
    from branchguard.core.kernel.i18n import t

    for category, name in OFFICIAL_NAMES.items():
        assert t(f"category.{category.value}", lang="zh_CN") == name
        assert by_category(library, category).title.zh.startswith(name), category
    english = {c: t(f"category.{c.value}", lang="en") for c in OFFICIAL_NAMES}
    assert english[C.FALSE_INFORMATION] == "Spread of major false information"
    assert english[C.OTHER] == "Other events affecting normal branch service"
    injury = by_category(library, C.PERSONAL_INJURY)  # the official name covers assault by others
    assert "被他人殴打" in injury.triggers.zh and "assaulted" in injury.triggers.en


def test_levels_agree_with_the_comprehensive_plans_grading(library: list[PlanContent]) -> None:
    # GEN: a system failure or disaster across several branches is I, at this branch only II.
    for category in (C.SYSTEM_FAILURE, C.NATURAL_DISASTER):
        plan = by_category(library, category)
        assert set(plan.levels) == {Level.I, Level.II}, plan.code
        assert "I级" in plan.triggers.zh and "level I" in plan.triggers.en
    # a network outage that stops business is II under both plans that cover it
    outage, system = by_category(library, C.POWER_IT_OUTAGE), by_category(library, C.SYSTEM_FAILURE)
    assert Level.II in outage.levels and Level.II in system.levels
    assert "网络中断" in outage.triggers.zh and "II级" in outage.triggers.zh
    assert "网络中断" in system.triggers.zh and "II级" in system.triggers.zh


def test_refusing_to_pay_out_is_translated_as_such(library: list[PlanContent]) -> None:
    cash = by_category(library, C.LARGE_CASH_WITHDRAWAL)
    assert "不得拒付客户合法存款" in cash.cautions.zh
    assert "refuse to pay out a customer's lawful deposits" in cash.cautions.en
    assert "refuse a customer's lawful deposits" not in cash.cautions.en


@pytest.mark.parametrize("category", [C.SUDDEN_ILLNESS, C.PERSONAL_INJURY, C.ROBBERY, C.BRANCH_ROBBERY])
def test_any_staff_member_starts_first_aid_at_once_guided_by_120(
    library: list[PlanContent], category: IncidentCategory
) -> None:
    plan = by_category(library, category)
    texts = [plan.cautions, *(s.text for s in plan.steps)]
    aid = [x for x in texts if "施救" in x.zh or "救护" in x.zh]
    assert aid, plan.code
    for text in aid:
        assert "由受过培训的员工" not in text.zh and "only trained staff" not in text.en.lower()
    assert any("120调度员" in x.zh and "dispatcher" in x.en and "at once" in x.en for x in aid), plan.code
    assert any("受过培训的员工" in x.zh and "trained colleague" in x.en for x in aid), plan.code


def test_cash_reports_upward_also_on_its_fraud_path(library: list[PlanContent]) -> None:
    cash = by_category(library, C.LARGE_CASH_WITHDRAWAL)
    keys = [s.key for s in cash.steps]
    fraud_from = keys.index(next(s.goto for s in cash.steps if s.goto == "stop_fraud"))
    fraud_points = [s for s in cash.steps[fraud_from:] if s.checkpoint]
    assert fraud_points and fraud_points[0].deadline_minutes == 30
    assert fraud_points[0].condition.zh and fraud_points[0].condition.en  # skipped when no fraud
    assert any(s.checkpoint and s.deadline_minutes == 1440 and not s.condition for s in cash.steps)


def test_law_reports_within_the_24_hours_its_text_says(library: list[PlanContent]) -> None:
    law = by_category(library, C.LAW_ENFORCEMENT)
    (report,) = [s for s in law.steps if s.deadline_minutes == 1440]
    assert "24小时" in report.text.zh and "24 hours" in report.text.en
    assert "当日" not in report.text.zh


def test_every_contact_kind_is_named_in_both_languages() -> None:
    from branchguard.core.kernel.i18n import t

    for kind in ContactKind:
        zh, en = t(f"contact_kind.{kind.value}", lang="zh_CN"), t(f"contact_kind.{kind.value}", lang="en")
        assert zh and en and zh != f"contact_kind.{kind.value}", kind
    assert ContactKind.SUPERIOR_SECURITY.translated("zh_CN").startswith("上级行")
    for kind in ("police_station", "cash_in_transit", "guard_company", "public_relations",
                 "consumer_protection", "legal_compliance", "card_department"):
        assert ContactKind(kind).value == kind


# -- issue 18 item 13: the missing scenarios, each a plan of its own --------------------------------
NEW_PLANS = {
    "HOST": C.BRANCH_ROBBERY,
    "MASS": C.MASS_GATHERING,
    "EPI": C.PUBLIC_HEALTH,
    "FILM": C.ONLINE_POSTING,
    "SWAL": C.CARD_CASH_RETAINED,
    "FRAUD": C.COUNTER_FRAUD,
}


def test_the_missing_scenarios_have_approved_plans(library: list[PlanContent]) -> None:
    plans = (PlanTier.COMPREHENSIVE, PlanTier.SPECIAL, PlanTier.ONSITE)
    approved = [p for p in library if p.tier in plans]
    assert len(approved) >= 23
    codes = {p.code: p for p in library}
    for code, category in NEW_PLANS.items():
        plan = codes[code]
        assert plan.category == category and plan.tier == PlanTier.ONSITE, code
        assert plan.title.zh.endswith("现场处置方案"), code
        assert plan.title.en.endswith("on-site response plan"), code
        assert untranslated(plan) == [], code
        # no step of any new plan tells staff to confront anyone
        for s in plan.steps:
            assert "制服" not in s.text.zh and "追赶歹徒" not in s.text.zh, f"{code}.{s.key}"


def test_robbery_of_the_branch_is_level_two_and_never_chased(library: list[PlanContent]) -> None:
    host = by_category(library, C.BRANCH_ROBBERY)
    assert host.levels == (Level.II,)  # GEN: a robbery at one branch
    assert "不追赶" in host.cautions.zh and "no chasing" in host.cautions.en
    hostage = next(s for s in host.steps if s.key == "hostage")
    assert hostage.condition.zh and "谈判" in hostage.text.zh


def test_the_anti_robbery_rule_and_scoring_count_the_branch_robbery_plan() -> None:
    from branchguard.core.drills.library import load_defaults

    sets, rules = load_defaults()
    robbery = next(r for r in rules if r.code == "ROBBERY")
    assert {C.ROBBERY.value, C.BRANCH_ROBBERY.value} <= set(robbery.categories)
    scoring = next(s for s in sets if s.code == "ROBBERY")
    assert C.BRANCH_ROBBERY.value in scoring.categories


# -- issue 16 item 5: the deck's six special service situations, as service guides ---------------
GUIDES = {  # code: the plan of its category it hands over to, if any
    "SVC-QUEUE": "SRG",
    "SVC-URGENT": "SRG",
    "SVC-CASH": "CASH",
    "SVC-HOSTILE": "DIS",
    "SVC-HANDOVER": "SRG",
    "SVC-LAW": "LAW",
}


def test_six_service_guides_say_what_to_say_and_never_to_do(library: list[PlanContent]) -> None:
    guides = {p.code: p for p in library if p.tier == PlanTier.SERVICE}
    assert set(guides) == set(GUIDES)
    plans = {p.code: p for p in library if p.tier.is_plan}
    for code, linked in GUIDES.items():
        guide = guides[code]
        assert untranslated(guide) == [], code
        assert guide.cautions.zh.startswith("切忌") and guide.cautions.en.startswith("Never"), code
        said = [s for s in guide.steps if "可以说" in s.text.zh]
        assert all("Say:" in s.text.en for s in said), code
        assert plans[linked].category == guide.category, code  # linked through its category
    assert sum(1 for g in guides.values() if any("可以说" in s.text.zh for s in g.steps)) >= 5
    assert "不得拒付客户合法存款" in guides["SVC-CASH"].cautions.zh
    law = guides["SVC-LAW"]
    assert "透露" in law.cautions.zh and "tell the account holder" in law.cautions.en


def test_a_guide_links_the_plans_of_its_category_and_a_plan_links_none() -> None:
    from datetime import UTC, datetime

    from branchguard.core.playbooks.rules import linked_plans
    from branchguard.core.playbooks.types import PlaybookSummary

    def summary(code: str, tier: PlanTier, category: C, status: PlaybookStatus) -> PlaybookSummary:
        now, title = datetime.now(UTC), Text2(code, code)
        return PlaybookSummary(1, code, title, tier, category, (Level.III,), status, 1, False, True, 6, now)

    approved, draft = PlaybookStatus.APPROVED, PlaybookStatus.DRAFT
    plans = [
        summary("CASH", PlanTier.ONSITE, C.LARGE_CASH_WITHDRAWAL, approved),
        summary("CASH2", PlanTier.ONSITE, C.LARGE_CASH_WITHDRAWAL, draft),
        summary("SVC-CASH", PlanTier.SERVICE, C.LARGE_CASH_WITHDRAWAL, approved),
        summary("GEN", PlanTier.COMPREHENSIVE, C.LARGE_CASH_WITHDRAWAL, approved),
        summary("LAW", PlanTier.ONSITE, C.LAW_ENFORCEMENT, approved),
    ]
    assert linked_plans(PlanTier.SERVICE, C.LARGE_CASH_WITHDRAWAL, plans) == ["CASH"]
    assert linked_plans(PlanTier.ONSITE, C.LARGE_CASH_WITHDRAWAL, plans) == []
