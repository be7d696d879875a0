"""The drill report read back as a user would: Chinese text, 演练 DRILL on every page, the timing
chart drawn, scores by criterion with the weighted total, problems, lessons and actions."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from branchguard.core.demo.drills import FIRE_SCORES  # weighted total 81.0
from branchguard.core.drills.types import DrillPlanInput, EvaluationInput, HeldDrillInput
from branchguard.core.incidents.text import local_stamp
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.i18n import set_language
from branchguard.reports.drill_report import TARGET_COLOUR, build_drill_report

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf


@pytest.fixture
def drill_id(demo: Demo) -> int:
    drills, inc, lead = demo.ctx.services.drills, demo.ctx.services.incidents, demo.actor
    plan = drills.plan(
        lead,
        DrillPlanInput(
            "FIRE",
            datetime.now(),
            participants={"branch_head": ("王经理",), "疏散引导组": ("张三", "李四")},
            observers=("支行保卫部刘科长",),
            goals=("三分钟内完成疏散",),
            expected_headcount=12,
        ),
    )
    run = drills.run(lead, plan.id)
    for n in (1, 2, 3):
        inc.mark_step(lead, run.incident_id, n)
    inc.mark_step(lead, run.incident_id, 4, done=False, reason="桌面推演不涉及")
    drills.record_headcount(lead, plan.id, 11)
    inc.close(lead, run.incident_id, CloseInput(outcome="演练结束"))  # evaluated once over
    action = FollowUpInput("培训金库关闭流程", "王经理", date.today() + timedelta(days=14))
    drills.evaluate(
        lead,
        plan.id,
        EvaluationInput(
            FIRE_SCORES, problems="金库门未及时关闭", lessons="引导员提前站位", actions=(action,)
        ),
    )
    return plan.id


def _chart_pixels(path: Path, tmp_path: Path) -> int:
    """Pixels in the chart's target-bar colour on page 1 (nothing else in the report uses it)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    want = tuple(int(c * 255) for c in TARGET_COLOUR.rgb())
    return sum(1 for px in image.get_flattened_data() if px == want)


def test_drill_report_in_chinese(demo: Demo, drill_id: int, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "drill.pdf"
    build_drill_report(demo.ctx.services, demo.actor, drill_id, out)
    text = pdf.squashed(pdf.text(out))
    for expected in (
        "演练报告#1",
        "火灾与疏散",
        "演练目标",
        "三分钟内完成疏散",
        "网点负责人",  # the branch role's name, not its code
        "张三、李四",
        "支行保卫部刘科长",
        "实到11人，应到12人",
        "目标（分钟）",
        "实际（分钟）",
        "分项评分",
        "1分钟内发出警报",
        "加权总分",
        "81/100",
        "问题与经验教训",
        "金库门未及时关闭",
        "引导员提前站位",
        "培训金库关闭流程",
        "评估人（签字）",
        "记录链头哈希",
    ):
        assert expected in text, expected
    assert "branch_head" not in text
    pages = pdf.pages(out)
    assert all("演练DRILL" in pdf.squashed(pdf.text(out, page)) for page in range(1, pages + 1))
    assert _chart_pixels(out, tmp_path) > 1000
    fonts = pdf.fonts(out)  # the timing chart starts in the report's font, not Helvetica
    assert fonts and all(f.embedded for f in fonts), fonts


def test_drill_report_in_english_and_before_it_was_run(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    drills = demo.ctx.services.drills
    plan = drills.plan(demo.actor, DrillPlanInput("ROB", datetime.now() + timedelta(days=7)))
    set_language("en")
    out = tmp_path / "planned.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan.id, out)
    text = pdf.text(out)
    assert "Drill report" in text and "Not run yet" in text and "Not evaluated yet" in text
    assert "DRILL" in text and _chart_pixels(out, tmp_path) == 0


def test_a_drill_recorded_afterwards_says_from_what_and_by_whom_in_place_of_its_live_log(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    held = datetime.now().replace(hour=9, minute=30, second=0, microsecond=0) - timedelta(days=50)
    plan = demo.ctx.services.drills.record_held(
        demo.actor,
        HeldDrillInput(
            "FIRE",
            held,
            "安全管理台账第14页",
            EvaluationInput(FIRE_SCORES, "金库门未关"),
            evaluator="分行保卫部刘科长",
        ),
    )
    out = tmp_path / "held.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan.id, out)
    text = pdf.text(out)
    assert "补录" in text and "安全管理台账第14页" in text and "无现场记录" in text and "尚未实施" not in text
    assert held.strftime("%Y-%m-%d %H:%M") in text and "81 / 100" in text and "金库门未关" in text
    assert "分行保卫部刘科长" in text  # who scored it on paper, not who typed it
    assert _chart_pixels(out, tmp_path) == 0  # no step was timed: no chart


def test_each_actual_time_is_written_above_its_bar_a_step_done_at_once_as_0() -> None:
    """A step done in the drill's first minute has a bar of no height: the caption said a step
    without a bar was skipped. Each actual time now stands above its bar; a step not done has none."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    from branchguard.core.drills.types import StepResult
    from branchguard.core.kernel.types import Text2
    from branchguard.reports.drill_report import timing_chart
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.template import make_styles

    steps = [
        StepResult(1, Text2("报警", "Alarm"), 1, 0.0, "on_time"),
        StepResult(2, Text2("疏散", "Evacuate"), 3, 2.6, "on_time"),
        StepResult(3, Text2("清点", "Headcount"), 5, None, "skipped"),
    ]
    drawing = timing_chart(make_styles(find_cjk_font()), steps, 400)
    chart = next(c for c in drawing.contents if isinstance(c, VerticalBarChart))
    assert chart.barLabelFormat == "values"
    assert chart.barLabelArray == [["", "", ""], ["0", "3", ""]]


def test_the_english_report_of_a_drill_run_in_chinese_words_the_programs_entries_in_english(
    demo: Demo, drill_id: int, pdf: type[Pdf], tmp_path: Path
) -> None:
    """The headcount entry keeps its words as a key and values: the English report printed the
    Chinese it was written with ("集合点清点人数：11 / 12")."""
    set_language("en")
    out = tmp_path / "drill-en.pdf"
    build_drill_report(demo.ctx.services, demo.actor, drill_id, out)
    text = pdf.squashed(pdf.text(out))
    assert pdf.squashed("Headcount at the assembly point: 11 of 12") in text
    assert "集合点" not in text
    assert "金库门未及时关闭" in text  # what people typed stays as typed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_voided_drill_says_it_was_voided_when_by_whom_and_why(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, lang: str
) -> None:
    """The report of a drill recorded afterwards and voided read only "cancelled", its scores in full:
    the reason, its time and who voided it were in the audit trail alone."""
    drills = demo.ctx.services.drills
    held = datetime.now().replace(hour=9, minute=30, second=0, microsecond=0) - timedelta(days=20)
    entered = HeldDrillInput("FIRE", held, "台账第9页", EvaluationInput(FIRE_SCORES))
    plan = drills.record_held(demo.actor, entered)
    drills.void_held(demo.actor, plan.id, "录错了预案，应为抢劫演练")
    voided = drills.record_of(demo.actor, plan.id).voided
    assert voided is not None and voided.by == "lead"
    set_language(lang)
    out = tmp_path / "voided.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan.id, out)
    text = pdf.squashed(pdf.text(out))
    who = demo.ctx.services.auth.names(demo.actor)("lead")
    at = local_stamp(voided.at)
    said = {
        "zh_CN": ("已作废：本补录演练不计入演练合规要求", f"由{who}于{at}作废", "作废原因"),
        "en": ("Voided: this drill recorded afterwards", f"by {who} on {at}", "Reason voided"),
    }[lang]
    for expected in (*said, "录错了预案，应为抢劫演练"):
        assert pdf.squashed(expected) in text


def test_the_hazards_raised_from_a_drill_are_listed_with_their_status(
    demo: Demo, drill_id: int, pdf: type[Pdf], tmp_path: Path
) -> None:
    from branchguard.core.hazards.types import HazardInput, RemediationKind

    hazards, lead = demo.ctx.services.hazards, demo.actor
    first = hazards.create(lead, HazardInput("金库门未及时关闭", owner="李安全"), drill_id=drill_id).info
    second = hazards.create(lead, HazardInput("应急广播听不清", owner="李安全"), drill_id=drill_id).info
    hazards.add_step(lead, second.id, RemediationKind.ACTION, "更换广播功放")
    hazards.remediate(lead, second.id)
    hazards.create(lead, HazardInput("灯箱松动", owner="李安全"))  # by hand: not the drill's
    out = tmp_path / "drill.pdf"
    build_drill_report(demo.ctx.services, lead, drill_id, out)
    text = pdf.squashed(pdf.text(out))
    assert "本次演练发现的隐患" in text and "隐患编号" in text
    assert f"{first.number}金库门未及时关闭待整改" in text
    assert f"{second.number}应急广播听不清已整改" in text
    assert "灯箱松动" not in text
    set_language("en")
    build_drill_report(demo.ctx.services, lead, drill_id, out)
    assert "Hazards raised from this drill" in pdf.text(out) and "Remediated" in pdf.text(out)
