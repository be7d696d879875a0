"""A text taller than a page (hundreds of lines, thousands of characters) in a report's label/value
or list cell continues on the next page, all of it printed, instead of stopping the report (and
with it the package that carries the report)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from branchguard.core.complaints.types import ComplaintInput
from branchguard.core.demo.drills import FIRE_SCORES
from branchguard.core.drills.types import DrillPlanInput, EvaluationInput
from branchguard.core.incidents.types import CloseInput, IncidentDetail
from branchguard.db.base import utcnow
from branchguard.reports.complaint_file import render_complaint_file
from branchguard.reports.drill_report import render_drill_report
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.incident_report import render_incident_report
from branchguard.reports.initial_report import render_initial_report

if TYPE_CHECKING:
    from tests.reports.conftest import Demo, Pdf

LINES = "\n".join(f"第{i}行" for i in range(1, 300)) + "\nLAST-OF-THE-LINES"
LONG = ("中文字符串 " * 665) + "LAST-OF-THE-LONG"  # ~4000 characters that wrap


def _printed(pdf: type[Pdf], data: bytes, tmp_path: Path) -> str:
    out = tmp_path / "report.pdf"
    out.write_bytes(data)
    return pdf.text(out)


def _closed_incident(demo: Demo) -> IncidentDetail:
    incidents = demo.ctx.services.incidents
    iid = incidents.start(demo.actor, "FIRE").id
    return incidents.close(demo.actor, iid, CloseInput("火情扑灭"))


@pytest.mark.parametrize("text", [LINES, LONG], ids=["lines", "long"])
def test_the_incident_report_prints_a_tall_outcome_and_initial_report_field(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, text: str
) -> None:
    detail = _closed_incident(demo)
    tall = replace(detail, outcome=text, report_fields={**detail.report_fields, "cause": text})
    data, pages = render_incident_report(tall, find_cjk_font())
    printed = _printed(pdf, data, tmp_path)
    assert pages > 1
    assert printed.count(text.rsplit(maxsplit=1)[-1]) == 2  # the outcome's last line and the field's


@pytest.mark.parametrize("text", [LINES, LONG], ids=["lines", "long"])
def test_the_initial_report_prints_a_tall_field(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, text: str
) -> None:
    detail = _closed_incident(demo)
    tall = replace(detail, report_fields={**detail.report_fields, "cause": text})
    data, _pages = render_initial_report(tall, find_cjk_font())
    assert text.rsplit(maxsplit=1)[-1] in _printed(pdf, data, tmp_path)


@pytest.mark.parametrize("text", [LINES, LONG], ids=["lines", "long"])
def test_the_complaint_file_prints_a_tall_request_facts_and_history(
    demo: Demo, pdf: type[Pdf], tmp_path: Path, text: str
) -> None:
    complaint = ComplaintInput(
        channel="counter", received_at=utcnow(), customer_name="张三", category="attitude", request="要求道歉"
    )
    detail = demo.ctx.services.complaints.register(demo.actor, complaint)
    events = tuple(replace(e, note=text) for e in detail.events[:1])
    tall = replace(detail, info=replace(detail.info, request=text, facts=text), events=events)
    data, _pages = render_complaint_file(tall, find_cjk_font())
    assert _printed(pdf, data, tmp_path).count(text.rsplit(maxsplit=1)[-1]) == 3


@pytest.mark.parametrize("text", [LINES, LONG], ids=["lines", "long"])
def test_the_drill_report_prints_tall_lessons(demo: Demo, pdf: type[Pdf], tmp_path: Path, text: str) -> None:
    drills, lead = demo.ctx.services.drills, demo.actor
    plan = drills.plan(lead, DrillPlanInput("FIRE", datetime.now()))
    run = drills.run(lead, plan.id)
    assert run.incident_id is not None
    demo.ctx.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))
    drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES))
    record = drills.record_of(lead, plan.id)
    assert record.evaluation is not None
    tall = replace(record, evaluation=replace(record.evaluation, problems=text, lessons=text))
    data, _pages = render_drill_report(tall, find_cjk_font())
    assert _printed(pdf, data, tmp_path).count(text.rsplit(maxsplit=1)[-1]) == 2
