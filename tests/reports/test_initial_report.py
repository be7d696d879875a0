"""The initial report to head office (初报) on one page: the fields head office asks for, in their
fixed order, filled or said to be missing, with the signature lines; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.kernel.errors import NotFound
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Role
from branchguard.reports.initial_report import build_initial_report
from tests.reports.conftest import Pdf


def lead_of(ctx: Any) -> Actor:
    ctx.services.demo.fill()
    info = ctx.services.auth.user_by_name("lead")
    return Actor(user_id=info.id, username=info.username, role=Role(info.role))


def test_one_page_with_the_fields_in_order_and_the_missing_ones_said(ctx: Any, tmp_path: Path) -> None:
    lead = lead_of(ctx)
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE", location="营业大厅东侧").id
    inc.set_report_fields(lead, iid, {"cause": "配电间线路老化短路", "measures": "已疏散客户，切断电源"})
    out = tmp_path / "初报.pdf"
    font = build_initial_report(ctx.services, lead, iid, out)

    assert Pdf.pages(out) == 1
    assert all(f.embedded for f in Pdf.fonts(out)) and font.embedded
    text = Pdf.squashed(Pdf.text(out))
    branch = ctx.services.branch.get().name
    labels = ["报告机构", "发生时间", "级别", "机构及地点", "事件起因", "事件性质", "涉及金额及人员",
              "危害程度及影响范围", "客户反应", "发展趋势", "已采取及拟采取的措施"]
    places = [text.index(label) for label in labels]
    assert places == sorted(places)  # head office's order
    for needle in (f"初报事件#{iid}", branch, "营业大厅东侧", "配电间线路老化短路", "已疏散客户，切断电源",
                   "火灾与疏散", "网点负责人（签字）", "经办人（签字）", "状态：处置中"):
        assert needle in text, needle
    assert text.count("未填写") == 4  # amounts, harm, customers, trend: not filled in yet
    assert "处置记录" not in text  # the first report only, not the timeline


def test_in_english_and_an_unknown_incident_writes_nothing(ctx: Any, tmp_path: Path) -> None:
    lead = lead_of(ctx)
    iid = ctx.services.incidents.start(lead, "ROB", drill=True).id
    set_language("en")
    try:
        out = tmp_path / "initial.pdf"
        build_initial_report(ctx.services, lead, iid, out)
        text = Pdf.text(out)
        assert f"Initial report, incident #{iid}" in text and "Initial report to head office" in text
        assert "DRILL" in text  # a drill's paper says so
        with pytest.raises(NotFound):
            build_initial_report(ctx.services, lead, iid + 100, tmp_path / "none.pdf")
        assert not (tmp_path / "none.pdf").exists()
    finally:
        set_language("zh_CN")
