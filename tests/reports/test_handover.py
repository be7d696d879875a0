"""The shift handover read back: open incidents, pending steps, actions, hazards; nothing dropped."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchguard.core.hazards.types import HazardInput
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Level
from branchguard.reports.handover import build_handover_pdf
from tests.pc_clock import incidents_back_then

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf


def _write(demo: Demo, path: Path) -> Path:
    snapshot = demo.ctx.services.incidents.handover(demo.actor)
    return build_handover_pdf(snapshot, demo.ctx.services.branch.get(), path)


# An incident begun on the last day of 2019: its action due on 2 January 2020 is overdue ever since.
BACK_THEN = datetime(2019, 12, 31, 4, 0, tzinfo=UTC)


def _closed_with_actions(
    demo: Demo, actions: tuple[FollowUpInput, ...], monkeypatch: pytest.MonkeyPatch | None = None
) -> int:
    """An incident closed with `actions`; begun BACK_THEN given `monkeypatch` (else now)."""
    inc = demo.ctx.services.incidents
    if monkeypatch is None:
        iid = inc.start(demo.actor, "SYS").id
    else:
        with incidents_back_then(monkeypatch, BACK_THEN):
            iid = inc.start(demo.actor, "SYS").id
    inc.close(demo.actor, iid, CloseInput("系统恢复", actions=actions))
    return iid


def test_handover_in_chinese(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inc, lead = demo.ctx.services.incidents, demo.actor
    fire = inc.start(lead, "FIRE", drill=True).id
    inc.mark_step(lead, fire, 1)
    inc.mark_step(lead, fire, 2, done=False, reason="无人受伤")
    inc.start(lead, None, Level.I, title="门口可疑人员徘徊")
    sys_id = _closed_with_actions(
        demo,
        (FollowUpInput("检查备用线路", "王五", date(2020, 1, 2)), FollowUpInput("修订应急预案", "赵六")),
        monkeypatch,
    )
    out = _write(demo, tmp_path / "handover.pdf")
    assert out == tmp_path / "handover.pdf" and pdf.pages(out) == 1
    text = pdf.squashed(pdf.text(out))
    for needle in (
        "交接班记录",
        "记录人：lead",
        "处置中的事件（2起）",
        "演练DRILL",
        f"#{fire}火灾与疏散现场处置方案",
        "II级（重大）",
        "I级（特大）",
        "门口可疑人员徘徊",
        "无预案启动，没有处置步骤",
        # pending steps start at the first not done or skipped, each with its role
        "3.拨打119",
        "（通讯联络组）",
        "未完成的整改措施（2项）",
        "检查备用线路",
        "王五",
        "2020-01-02已逾期",
        "修订应急预案",
        f"#{sys_id}",
        "交班人（签字）",
        "接班人（签字）",
    ):
        assert needle in text, needle
    assert "1.发现火情" not in text and "2.网点负责人担任" not in text
    assert re.search(r"交接时间：\d{4}-\d\d-\d\d\d\d:\d\d:\d\d", text)
    assert "另有" not in text


def test_a_long_handover_lists_everything_on_further_pages(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    """Acceptance (issue 17): 3 open incidents, 30 pending steps and 5 open hazards, all listed."""
    inc, hazards, lead = demo.ctx.services.incidents, demo.ctx.services.hazards, demo.actor
    ids = [inc.start(lead, code).id for code in ("FIRE", "ROB", "SUS")]
    pending_total = sum(len(inc.get(lead, i).steps) for i in ids)
    assert pending_total >= 30
    for number in range(1, pending_total - 30 + 1):  # the first incident is under way
        inc.mark_step(lead, ids[0], number)
    existing = len(inc.handover(lead).hazards)
    assert existing <= 5
    for n in range(5 - existing):
        data = HazardInput(description=f"交接班隐患{n}号：消防通道堆放杂物", owner=f"责任人{n}")
        hazards.create(lead, data)
    due = [date.today() + timedelta(days=1 + n % 28) for n in range(12)]
    actions = tuple(FollowUpInput(f"整改事项{n}", "张三", day) for n, day in enumerate(due))
    _closed_with_actions(demo, actions)

    snapshot = inc.handover(lead)
    steps = [(d.summary.id, s) for d in snapshot.incidents for s in d.steps if s.state.value == "pending"]
    assert (len(snapshot.incidents), len(steps), len(snapshot.hazards)) == (3, 30, 5)
    out = _write(demo, tmp_path / "handover.pdf")
    assert pdf.pages(out) > 1
    text = pdf.squashed(pdf.text(out))
    assert "另有" not in text and "未列出" not in text
    for incident in snapshot.incidents:
        assert f"#{incident.summary.id}" in text
    for _iid, step in steps:  # each step's number and the start of its text (a line never splits there)
        assert f"{step.number}.{pdf.squashed(step.text.zh)[:8]}" in text, step
    for hazard in snapshot.hazards:
        assert hazard.number in text and pdf.squashed(hazard.title)[:10] in text, hazard.number
    assert "未整改完毕的隐患（5项）" in text
    assert len(set(re.findall(r"整改事项\d+", text))) == 12
    last = pdf.squashed(pdf.text(out, page=pdf.pages(out)))
    assert "交班人（签字）" in last and "接班人（签字）" in last


def test_nothing_open(demo: Demo, pdf: type[Pdf], tmp_path: Path) -> None:
    out = _write(demo, tmp_path / "handover.pdf")
    text = pdf.squashed(pdf.text(out))
    assert pdf.pages(out) == 1
    assert "当前没有处置中的事件。" in text and "没有未完成的整改措施。" in text


def test_handover_in_english(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    demo.ctx.services.incidents.start(demo.actor, "ROB")
    backup = FollowUpInput("Check the backup line", "Wang", date(2020, 1, 2))
    _closed_with_actions(demo, (backup,), monkeypatch)
    out = _write(demo, tmp_path / "handover.pdf")
    text = " ".join(pdf.text(out).split())
    for needle in (
        "Shift handover",
        "Snapshot taken",
        "Open incidents (1)",
        "Level II (major)",
        "Pending steps (responsible)",
        "1. Stay calm",
        "(Security guard)",
        "Open follow-up actions (1)",
        "2020-01-02 overdue",
        "Handed over by (signature):",
        "Taken over by (signature):",
    ):
        assert needle in text, needle


def test_open_complaints_are_handed_over_with_their_statutory_clock(
    demo: Demo, pdf: type[Pdf], tmp_path: Path
) -> None:
    """The handover is every open item: a complaint's 15-day reply clock runs through shifts. It
    once listed incidents, actions and hazards only."""
    from datetime import timedelta

    from branchguard.core.complaints.types import ComplaintInput
    from branchguard.db.base import utcnow

    complaints = demo.ctx.services.complaints

    def register(request: str, days_ago: int) -> str:
        data = ComplaintInput(
            channel="counter",
            received_at=utcnow() - timedelta(days=days_ago),
            customer_name="张三丰",
            customer_phone="13800138000",
            category="attitude",
            request=request,
        )
        return complaints.register(demo.actor, data).info.number

    late, fresh = register("柜员态度生硬，要求道歉", 20), register("排队时间过长", 1)
    gone = ComplaintInput(
        channel="phone", received_at=utcnow(), customer_name="李四", category="fees", request="已撤"
    )
    withdrawn = complaints.register(demo.actor, gone).info
    complaints.withdraw(demo.actor, withdrawn.id, note="客户来电撤诉")
    snapshot = demo.ctx.services.incidents.handover(demo.actor)
    assert [c.number for c in snapshot.complaints] == [late, fresh]  # overdue first; not the withdrawn
    text = pdf.squashed(pdf.text(_write(demo, tmp_path / "handover.pdf")))
    assert "未办结的客户投诉（2件）" in text and late in text and fresh in text
    assert "已逾期" in text and withdrawn.number not in text and "138" not in text  # masked
