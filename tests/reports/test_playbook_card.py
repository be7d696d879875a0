"""The playbook card, read back as a user would: text, fonts, page count, draft marks, fitting."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import PlaybookStatus, Text2
from branchguard.core.playbooks.text import deadline_text, target_text
from branchguard.core.playbooks.types import PlaybookVersion, Step
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.playbook_card import build_playbook_card, render_playbook_card

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf

BRANCH = "示范银行城东支行营业部"


def test_fire_card_in_chinese(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    out = tmp_path / "fire.pdf"
    font = build_playbook_card(demo.ctx.services, demo.actor, "FIRE", out)
    assert font.embedded and font.warning is None
    assert pdf.pages(out) == 1
    text = pdf.squashed(pdf.text(out))
    for needle in (
        BRANCH, "预案处置卡FIRE", "火灾与疏散现场处置方案", "现场处置方案", "火灾与疏散", "II级（重大）",
        "第1版", "已批准", "启动条件", "注意事项", "先人后物", "疏散时严禁乘坐电梯",
        "发现火情立即大声呼叫", "灭火行动组", "网点负责人（现场总指挥）", "1分钟内", "10分钟内",
        "上报15分钟内", "上报24小时内", "如有人员受伤需送医→第10步", "如火势无法控制或烟雾浓重→第7步",
        "本预案联系电话火警急救119120", "网点负责人（签字）",
    ):
        assert needle in text, needle
    assert "草稿" not in text
    fonts = pdf.fonts(out)
    assert fonts and all(f.embedded for f in fonts), fonts


def test_law_card_in_english(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    out = tmp_path / "law.pdf"
    build_playbook_card(demo.ctx.services, demo.actor, "LAW", out)
    assert pdf.pages(out) == 1
    text = " ".join(pdf.text(out).split())
    for needle in (
        "Playbook card LAW", "Law-enforcement inquiry, freeze or deduction", "Level III (serious)",
        "Version 1", "Approved on", "At once", "≤ 10 min", "Report within 30 min", "Report within 24 h",
        "Designated officer", "→ step 7", "Branch head (signature):",
    ):
        assert needle in text, needle
    # The plan calls no contacts: no empty contact section.
    assert "Numbers this plan calls" not in text


def test_draft_is_marked_on_every_page(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    playbooks = demo.ctx.services.playbooks
    fire = playbooks.get(demo.actor, "FIRE").content
    # Long enough to need a second page, so the mark has to be on both.
    text = "补充检查第{}项：确认现场情况并向现场总指挥报告处置进展和所需支援。"
    extra = tuple(Step(f"extra{i}", Text2(text.format(i)), "teller", 30) for i in range(30))
    draft = playbooks.save_draft(demo.actor, "FIRE", replace(fire, steps=fire.steps + extra))
    assert draft.info.status == PlaybookStatus.DRAFT
    out = tmp_path / "draft.pdf"
    build_playbook_card(demo.ctx.services, demo.actor, "FIRE", out, number=draft.info.number)
    assert pdf.pages(out) == 2
    for page in (1, 2):
        assert "草稿未批准" in pdf.squashed(pdf.text(out, page))
    text = pdf.squashed(pdf.text(out))
    assert "第2版" in text and "不得作为处置依据" in text and "已批准：" not in text
    assert "补充检查第29项" in text

    # The approved version 1 is still printed as it was, without the mark.
    build_playbook_card(demo.ctx.services, demo.actor, "FIRE", out, number=1)
    assert "草稿" not in pdf.text(out)


def test_attachments_are_listed_under_the_contacts(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    playbooks = demo.ctx.services.playbooks
    floor_plan = tmp_path / "疏散平面图.pdf"
    floor_plan.write_bytes(b"%PDF floor plan with evacuation routes")
    ref = playbooks.add_attachment(demo.actor, floor_plan)
    fire = playbooks.get(demo.actor, "FIRE").content
    draft = playbooks.save_draft(demo.actor, "FIRE", replace(fire, attachments=(ref,)))
    out = tmp_path / "attachments.pdf"
    build_playbook_card(demo.ctx.services, demo.actor, "FIRE", out, number=draft.info.number)
    text = pdf.squashed(pdf.text(out))
    listed = f"附件疏散平面图.pdfSHA-256{ref.sha256[:12]}"
    assert listed in text
    assert text.index("本预案联系电话") < text.index(listed)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_starter_plan_fits_two_pages(demo: Demo, pdf: type[Pdf], tmp_path: Path, lang: str) -> None:
    set_language(lang)
    font = find_cjk_font()
    summaries = demo.ctx.services.playbooks.list_playbooks(demo.actor)
    assert len(summaries) == 30
    for summary in summaries:
        version = demo.ctx.services.playbooks.get(demo.actor, summary.code)
        data, pages = render_playbook_card(version, font, branch_name=BRANCH)
        out = tmp_path / f"{summary.code}.pdf"
        out.write_bytes(data)
        assert pages == pdf.pages(out) and 1 <= pages <= 2, summary.code
        # The last step is on the card: nothing was dropped while fitting.
        last = pdf.squashed(version.content.steps[-1].text.text)
        assert last[:20] in pdf.squashed(pdf.text(out)), summary.code


def test_short_plan_gets_larger_type_than_long(demo: Demo, tmp_path: Path) -> None:
    """Fitting shrinks only as far as needed: a plan with a few steps is printed larger."""
    font = find_cjk_font()
    fire = demo.ctx.services.playbooks.get(demo.actor, "FIRE")
    short = replace(fire, content=replace(fire.content, steps=fire.content.steps[:3]))

    def title_height(version: PlaybookVersion) -> float:
        out = tmp_path / "card.pdf"
        out.write_bytes(render_playbook_card(version, font)[0])
        boxes = subprocess.run(
            ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        match = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">火灾与疏散现场处置方案<', boxes)
        assert match, boxes[:2000]
        return float(match.group(2)) - float(match.group(1))

    assert title_height(short) > 1.1 * title_height(fire)


@pytest.mark.parametrize(
    ("minutes", "zh", "en"),
    [
        (None, "", ""),
        (0, "立即", "At once"),
        (3, "3 分钟内", "≤ 3 min"),
        (119, "119 分钟内", "≤ 119 min"),
        (120, "2 小时内", "≤ 2 h"),
        (150, "2.5 小时内", "≤ 2.5 h"),
        (1440, "24 小时内", "≤ 24 h"),
    ],
)
def test_target_times(minutes: int | None, zh: str, en: str) -> None:
    assert target_text(minutes) == zh
    set_language("en")
    assert target_text(minutes) == en


def test_deadlines() -> None:
    assert deadline_text(15) == "上报 15 分钟内"
    assert deadline_text(1440) == "上报 24 小时内"
    set_language("en")
    assert deadline_text(15) == "Report within 15 min"


def test_a_plan_approved_by_a_person_names_them_not_their_login(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    """The card said "批准人 lead": the approver's login, where every other report names the person."""
    playbooks = demo.ctx.services.playbooks
    fire = playbooks.get(demo.actor, "FIRE").content
    revised = replace(fire, title=Text2("火灾与疏散（修订）", "Fire, revised"))
    playbooks.save_draft(demo.actor, "FIRE", revised)
    playbooks.approve(demo.actor, "FIRE")
    name = demo.ctx.services.auth.names(demo.actor)(demo.actor.username)
    assert name != demo.actor.username
    out = tmp_path / "fire.pdf"
    build_playbook_card(demo.ctx.services, demo.actor, "FIRE", out)
    text = pdf.squashed(pdf.text(out))
    assert f"批准人{name}" in text and f"批准人{demo.actor.username}" not in text
