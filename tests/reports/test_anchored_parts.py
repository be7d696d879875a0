"""A document about one record proves what it prints of it: its parts (an incident's actions, a
complaint's steps, an inspection's answers, a drill's scores) rewritten by raw SQL make its proof
say that nothing is proved. Each proved only its main row, and printed the rewritten part under
"unchanged since anchor"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from branchguard.context import open_context
from branchguard.core.kernel.i18n import Message
from branchguard.reports import anchoring
from branchguard.reports.drill_report import build_drill_report
from tests.reports.conftest import Demo, Pdf

BROKEN = Message("anchor.proof.chain_broken")


@pytest.fixture
def demo(records_data_dir: Path) -> Iterator[Demo]:
    ctx = open_context(records_data_dir)
    yield Demo(ctx, ctx.services.auth.login("auditor", "auditor-demo-2026"))
    ctx.close()


def _one(demo: Demo, query: str) -> int:
    with demo.ctx.engine.connect() as conn:
        found = conn.execute(text(query)).scalar()
    assert found is not None, query
    return int(found)


def _sql(demo: Demo, statement: str, **params: object) -> None:
    with demo.ctx.engine.begin() as conn:
        conn.execute(text(statement), params)


@pytest.mark.parametrize(
    ("entity", "part", "change"),
    [
        (
            "incident",
            "SELECT min(incident_id) FROM incident_actions",
            "UPDATE incident_actions SET text = 'done'",
        ),
        (
            "complaint",
            "SELECT min(complaint_id) FROM complaint_steps",
            "UPDATE complaint_steps SET text = 'x'",
        ),
        (
            "inspection",
            "SELECT min(inspection_id) FROM inspection_answers WHERE result = 'fail'",
            "UPDATE inspection_answers SET result = 'pass' WHERE result = 'fail'",
        ),
        (  # the playbook card and the playbook export print the version's steps
            "playbook_version",
            "SELECT min(version_id) FROM playbook_steps",
            "UPDATE playbook_steps SET text_en = 'Do nothing', text_zh = '无需处置'",
        ),
    ],
)
def test_a_part_rewritten_outside_the_app_leaves_its_record_s_document_proving_nothing(
    demo: Demo, entity: str, part: str, change: str
) -> None:
    owner = _one(demo, part)
    services = demo.ctx.services
    before = anchoring.stamp(services, demo.actor, entity, owner, f"report {entity} {owner}")
    assert before.proof != BROKEN
    _sql(demo, change)
    after = anchoring.stamp(services, demo.actor, entity, owner, f"report {entity} {owner}")
    assert after.proof == BROKEN


def test_a_part_cut_out_by_raw_sql_leaves_its_record_s_document_proving_nothing(demo: Demo) -> None:
    owner = _one(demo, "SELECT min(inspection_id) FROM inspection_answers WHERE result = 'fail'")
    services = demo.ctx.services
    _sql(demo, "DELETE FROM inspection_answers WHERE inspection_id = :i AND result = 'fail'", i=owner)
    assert anchoring.stamp(services, demo.actor, "inspection", owner, "report").proof == BROKEN


def test_another_record_s_part_rewritten_leaves_this_one_s_proof_standing(demo: Demo) -> None:
    """Parts are proved by their owner: one complaint's step rewritten is not another's file's."""
    first = _one(demo, "SELECT min(complaint_id) FROM complaint_steps")
    other = _one(demo, f"SELECT max(complaint_id) FROM complaint_steps WHERE complaint_id != {first}")
    _sql(demo, "UPDATE complaint_steps SET text = 'x' WHERE complaint_id = :c", c=first)
    services = demo.ctx.services
    assert anchoring.stamp(services, demo.actor, "complaint", first, "report").proof == BROKEN
    assert anchoring.stamp(services, demo.actor, "complaint", other, "report").proof != BROKEN


def test_a_drill_s_scores_rewritten_leave_its_report_proving_nothing(demo: Demo, tmp_path: Path) -> None:
    plan = _one(demo, "SELECT plan_id FROM drill_evaluations")
    _sql(demo, "UPDATE drill_evaluations SET score = 95 WHERE plan_id = :p", p=plan)
    out = tmp_path / "drill.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan, out)
    said = Pdf.squashed(Pdf.text(out))
    assert Pdf.squashed(BROKEN.text("zh_CN")) in said


def test_an_occurrence_marked_done_by_raw_sql_leaves_the_periodic_report_proving_nothing(demo: Demo) -> None:
    """The periodic report's "scheduled inspections due, of which done" counts occurrences."""
    services, kinds = demo.ctx.services, anchoring.PERIOD_RECORDS
    lead = services.auth.login("lead", "lead-demo-2026")
    services.schedules.catch_up(lead, now=datetime.now(UTC) + timedelta(days=40))  # occurrences written
    assert anchoring.stamp(services, demo.actor, "", "", "report summary", kinds).proof != BROKEN
    first = _one(demo, "SELECT min(id) FROM schedule_occurrences WHERE status != 'done'")
    _sql(demo, "UPDATE schedule_occurrences SET status = 'done' WHERE id = :i", i=first)
    assert anchoring.stamp(services, demo.actor, "", "", "report summary", kinds).proof == BROKEN
