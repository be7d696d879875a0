"""Titles the program made ("演练：…", "检查：…") read in the reader's language; typed titles as stored."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.inspections.types import Cadence
from branchguard.core.kernel.i18n import has_message, set_language, t
from branchguard.core.kernel.types import Text2
from branchguard.core.schedules.titles import MADE_TITLES, made_title, recognised

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    try:
        yield
    finally:
        set_language("zh_CN")


def test_every_made_title_is_a_message_and_is_recognised_in_both_languages() -> None:
    for key in MADE_TITLES:
        assert has_message(key), key
        for lang in ("zh_CN", "en"):
            values = {name: f"v{i}" for i, name in enumerate(re.findall(r"\{(\w+)\}", t(key, lang)))}
            found = recognised(t(key, lang, **values))
            assert found is not None and found[1] == values, (key, lang)


def test_a_made_title_is_worded_again_with_the_name_in_the_same_language() -> None:
    names = {
        "火灾应急预案": Text2("火灾应急预案", "Fire plan"),
        "Fire plan": Text2("火灾应急预案", "Fire plan"),
    }
    assert made_title("演练：火灾应急预案", names, "en") == "Drill: Fire plan"
    assert made_title("Drill: Fire plan", names, "zh_CN") == "演练：火灾应急预案"
    assert (
        made_title("演练：不认识的预案", names, "en") == "Drill: 不认识的预案"
    )  # a name held in one language
    assert made_title("年度消防演练", names, "en") == "年度消防演练"  # typed by a person
    assert made_title("", names, "en") == ""


def test_drill_and_inspection_titles_made_in_chinese_read_in_english(ctx, lead, chinese) -> None:
    when = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", when))
    typed = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", when, title="年度消防演练"))
    inspection = ctx.services.inspections.schedule(lead, "FIRE_DAILY", Cadence.DAILY, "张伟", when)
    assert plan.title.startswith("演练：") and inspection.title.startswith("检查：")

    set_language("en")
    drills = {d.id: d.title for d in ctx.services.drills.list(lead)}
    assert drills[plan.id].startswith("Drill: ") and not CJK.search(drills[plan.id])
    assert drills[typed.id] == "年度消防演练"
    schedules = {s.id: s.title for s in ctx.services.schedules.list(lead)}
    assert schedules[plan.schedule_id] == drills[plan.id]
    assert schedules[inspection.id].startswith("Inspection: ") and not CJK.search(schedules[inspection.id])
    day = when.astimezone().replace(hour=0)
    shown = {
        o.schedule_id: o.title for o in ctx.services.schedules.calendar(lead, day, day + timedelta(days=2))
    }
    assert shown[plan.schedule_id] == drills[plan.id]


def test_notes_the_program_wrote_read_in_the_readers_language() -> None:
    for key in (
        "hazard.corrected_on_spot",
        "hazard.schedule_verified",
        "team.renewed_note",
        "drill.action_done_note",
    ):
        assert made_title(t(key, "zh_CN"), lang="en") == t(key, "en")
        assert made_title(t(key, "en"), lang="zh_CN") == t(key, "zh_CN")
    assert made_title("灭火器已更换", lang="en") == "灭火器已更换"  # a person's note


def test_a_certificate_reminder_made_in_chinese_reads_in_english() -> None:
    made = t("team.schedule_title", "zh_CN", day="2027-01-05", person="周强", kind="保安员证")
    assert made_title(made, lang="en") == t(
        "team.schedule_title", "en", day="2027-01-05", person="周强", kind="保安员证"
    )


def test_a_certificate_reminder_names_its_training_in_the_readers_language(ctx) -> None:
    """Made in Chinese, an English window showed "Certificate expires …: 孙丽, 急救与AED"."""
    from branchguard.core.schedules.titles import title_names
    from branchguard.core.team.library import kinds

    kind = kinds()[0].name
    made = t("team.schedule_title", "zh_CN", day="2027-01-05", person="孙丽", kind=kind.zh)
    with ctx.sessions() as s:
        names = title_names(s)
    assert made_title(made, names, lang="en") == t(
        "team.schedule_title", "en", day="2027-01-05", person="孙丽", kind=kind.en
    )


def test_the_name_tables_are_the_models_tables() -> None:
    """title_names reads two bare tables (no model declared for it): the models' names and types."""
    from branchguard.core.schedules.titles import CHECKLIST_NAMES, PLAN_TITLES
    from branchguard.db.models.inspections import TemplateVersionRow
    from branchguard.db.models.playbooks import PlaybookVersionRow

    for bare, model in ((PLAN_TITLES, PlaybookVersionRow), (CHECKLIST_NAMES, TemplateVersionRow)):
        columns = model.__table__.columns
        assert bare.name == model.__tablename__
        assert {c.name: type(c.type) for c in bare.columns} == {
            c.name: type(columns[c.name].type) for c in bare.columns
        }


def test_a_title_compiles_only_the_patterns_it_is_tried_against() -> None:
    """Each made title's pattern is compiled when a title is first tried against it, not all of them
    at the first title read (~11 ms of the landing page's first read)."""
    from branchguard.core.schedules import titles

    titles._pattern.cache_clear()
    titles._by_first.cache_clear()
    title = t("drill.default_title", "zh_CN", plan="消防")
    assert recognised(title) == ("drill.default_title", {"plan": "消防"})
    compiled = titles._pattern.cache_info().currsize
    assert 0 < compiled < len(MADE_TITLES)
    assert recognised("a title a person typed") is None  # every candidate of its first character, or none
