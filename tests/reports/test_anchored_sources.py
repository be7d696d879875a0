"""A document proves the library records it prints words from: the incident report, the drill
report and the shift handover the plan version the incident runs, with its steps (their words,
roles and target minutes); the inspection report the checklist version with its items; the
complaint file the categories it names. Each proved only the incident, inspection or complaint,
and printed a step, an item or a category rewritten by raw SQL under "unchanged since anchor"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.complaints.types import ComplaintCause, ComplaintInput, Satisfaction, StepInput
from branchguard.db.base import utcnow
from branchguard.reports.complaint_file import build_complaint_file
from branchguard.reports.drill_report import build_drill_report
from branchguard.reports.handover import build_handover
from branchguard.reports.incident_report import build_incident_report
from branchguard.reports.inspection_report import build_inspection_report
from tests.reports.conftest import Demo, proves_nothing

# The steps of the plan version incident :i runs, and of one it does not run.
ITS_STEPS = "version_id = (SELECT playbook_version_id FROM incidents WHERE id = :i)"
OTHER_STEPS = "version_id = (SELECT min(version_id) FROM playbook_steps WHERE NOT " + ITS_STEPS + ")"
STEP_CHANGES = (
    "UPDATE playbook_steps SET text_zh = '无需处置', text_en = 'Do nothing' WHERE ",
    "UPDATE playbook_steps SET target_minutes = 600 WHERE ",  # the handover marks a step late by it
    "UPDATE playbook_steps SET role = 'nobody' WHERE ",
)

# A document that prints an incident's plan steps, made for `demo` with a robbery running: the
# incident whose plan it prints and the document.
Document = Callable[[Demo, int, Path], tuple[int, Path]]


@pytest.fixture
def demo(records_data_dir: Path) -> Iterator[Demo]:
    """The demo branch with its records (a drill run on the fire plan, an inspection, complaints)."""
    ctx = open_context(records_data_dir)
    yield Demo(ctx, ctx.services.auth.login("lead", "lead-demo-2026"))
    ctx.close()


@pytest.fixture
def running(demo: Demo) -> int:
    """An incident open on the robbery plan."""
    return demo.ctx.services.incidents.start(demo.actor, "ROB").id


def _incident_report(demo: Demo, incident: int, tmp_path: Path) -> tuple[int, Path]:
    out = tmp_path / "incident.pdf"
    build_incident_report(demo.ctx.services, demo.actor, incident, out)
    return incident, out


def _drill_report(demo: Demo, _running: int, tmp_path: Path) -> tuple[int, Path]:
    plan = demo.one("SELECT min(id) FROM drill_plans WHERE incident_id IS NOT NULL")
    out = tmp_path / "drill.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan, out)
    return demo.one("SELECT incident_id FROM drill_plans WHERE id = :p", p=plan), out


def _handover(demo: Demo, incident: int, tmp_path: Path) -> tuple[int, Path]:
    return incident, build_handover(demo.ctx.services, demo.actor, tmp_path / "handover.pdf")


DOCUMENTS = pytest.mark.parametrize(
    "document", [_incident_report, _drill_report, _handover], ids=["incident", "drill", "handover"]
)


@DOCUMENTS
@pytest.mark.parametrize("change", STEP_CHANGES, ids=["words", "target", "roles"])
def test_the_plan_s_steps_rewritten_leave_the_document_proving_nothing(
    demo: Demo, running: int, tmp_path: Path, document: Document, change: str
) -> None:
    incident, out = document(demo, running, tmp_path)
    assert not proves_nothing(out)
    demo.sql(change + ITS_STEPS, i=incident)
    assert proves_nothing(document(demo, running, tmp_path)[1])


@DOCUMENTS
def test_another_plan_s_steps_rewritten_leave_the_document_standing(
    demo: Demo, running: int, tmp_path: Path, document: Document
) -> None:
    incident, _out = document(demo, running, tmp_path)
    demo.sql(STEP_CHANGES[0] + OTHER_STEPS, i=incident)
    assert not proves_nothing(document(demo, running, tmp_path)[1])


def _inspection_report(demo: Demo, tmp_path: Path) -> Path:
    out = tmp_path / "inspection.pdf"
    build_inspection_report(demo.ctx.services, demo.actor, demo.one("SELECT min(id) FROM inspections"), out)
    return out


@pytest.mark.parametrize(
    ("where", "broken"),
    [
        ("version_id = (SELECT version_id FROM inspections ORDER BY id LIMIT 1)", True),
        ("version_id NOT IN (SELECT version_id FROM inspections)", False),  # the checklists not run
    ],
    ids=["its-checklist", "another"],
)
def test_a_checklist_item_s_words_rewritten_leave_the_inspection_report_proving_nothing(
    demo: Demo, tmp_path: Path, where: str, broken: bool
) -> None:
    assert not proves_nothing(_inspection_report(demo, tmp_path))
    demo.sql(f"UPDATE inspection_template_items SET text_zh = '无需检查', text_en = 'Skip' WHERE {where}")
    assert proves_nothing(_inspection_report(demo, tmp_path)) is broken


def _complaint(demo: Demo, archived: bool) -> int:
    """A complaint in category "wealth"; archived, it is classified "attitude" in the end."""
    svc, lead = demo.ctx.services.complaints, demo.actor
    entered = ComplaintInput(
        channel="counter", received_at=utcnow(), customer_name="张三丰", category="wealth",
        request="排队久",
    )  # fmt: skip
    made = svc.register(lead, entered).info.id
    if archived:
        svc.step(lead, made, StepInput("investigate", "已核实"))
        svc.step(lead, made, StepInput("decide", "致歉", basis="《网点服务规范》"))
        svc.step(lead, made, StepInput("reply", "电话答复", satisfaction=Satisfaction.SATISFIED))
        archive = StepInput("archive", "归档", cause=ComplaintCause.EXPERIENCE, classification="attitude")
        svc.step(lead, made, archive)
    return made


@pytest.mark.parametrize(
    ("archived", "category", "broken"),
    [(False, "wealth", True), (True, "attitude", True), (False, "fees", False), (True, "wealth", False)],
    ids=["its-category", "its-final-category", "another", "no-longer-its"],
)
def test_a_category_s_name_rewritten_leaves_the_complaint_file_proving_nothing(
    demo: Demo, tmp_path: Path, archived: bool, category: str, broken: bool
) -> None:
    complaint, out = _complaint(demo, archived), tmp_path / "file.pdf"
    build_complaint_file(demo.ctx.services, demo.actor, complaint, out)
    assert not proves_nothing(out)
    demo.sql("UPDATE complaint_categories SET name_zh = '其他' WHERE code = :c", c=category)
    build_complaint_file(demo.ctx.services, demo.actor, complaint, out)
    assert proves_nothing(out) is broken
