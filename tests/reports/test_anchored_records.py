"""A document that prints several records proves each of them by itself, with its parts, and no
other: the drill report its run, its plan with its scores and each hazard raised from it; the
inspection report the hazards it opened; the shift handover each open item it lists; the contact
card its staff and contacts. The drill report proved every drill's plan and scores and none of its
hazards, so another drill's score rewritten by raw SQL left it proving nothing while its own hazard
rewritten was printed under "unchanged since anchor"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.demo.drills import FIRE_SCORES
from branchguard.core.drills.types import EvaluationInput, HeldDrillInput
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.reports import anchoring
from branchguard.reports.contact_card import build_contact_card
from branchguard.reports.drill_report import build_drill_report
from branchguard.reports.handover import build_handover
from branchguard.reports.inspection_report import build_inspection_report
from tests.reports.conftest import BROKEN, Demo, proves_nothing


@pytest.fixture
def demo(records_data_dir: Path) -> Iterator[Demo]:
    """The demo branch with its records (an evaluated drill, an inspection's hazards, complaints)."""
    ctx = open_context(records_data_dir)
    yield Demo(ctx, ctx.services.auth.login("lead", "lead-demo-2026"))
    ctx.close()


def _drill_report(demo: Demo, plan: int, tmp_path: Path) -> Path:
    out = tmp_path / f"drill-{plan}.pdf"
    build_drill_report(demo.ctx.services, demo.actor, plan, out)
    return out


def _hazard(demo: Demo, title: str, **raised_from: int) -> int:
    hazards = demo.ctx.services.hazards
    made = hazards.create(demo.actor, HazardInput(title, owner="李安全"), **raised_from).info.id
    hazards.add_step(demo.actor, made, RemediationKind.ACTION, "更换门锁")
    return made


def test_another_drill_s_score_rewritten_leaves_this_drill_s_report_proving(
    demo: Demo, tmp_path: Path
) -> None:
    plan = demo.one("SELECT min(plan_id) FROM drill_evaluations")
    held = datetime.now().replace(microsecond=0) - timedelta(days=30)
    entered = HeldDrillInput("FIRE", held, "安全管理台账第3页", EvaluationInput(FIRE_SCORES, "疏散慢"))
    other = demo.ctx.services.drills.record_held(demo.actor, entered).id
    demo.sql("UPDATE drill_evaluations SET score = 99 WHERE plan_id = :p", p=other)
    assert not proves_nothing(_drill_report(demo, plan, tmp_path))
    assert proves_nothing(_drill_report(demo, other, tmp_path))  # the other drill's own report


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE hazards SET title = '无隐患' WHERE id = :h",
        "UPDATE hazard_steps SET text = '无' WHERE hazard_id = :h",
    ],
)
def test_a_hazard_raised_from_the_drill_rewritten_leaves_its_report_proving_nothing(
    demo: Demo, tmp_path: Path, change: str
) -> None:
    plan = demo.one("SELECT min(plan_id) FROM drill_evaluations")
    hazard = _hazard(demo, "金库门未及时关闭", drill_id=plan)
    assert not proves_nothing(_drill_report(demo, plan, tmp_path))
    demo.sql(change, h=hazard)
    assert proves_nothing(_drill_report(demo, plan, tmp_path))


def test_a_hazard_the_inspection_opened_rewritten_leaves_its_report_proving_nothing(
    demo: Demo, tmp_path: Path
) -> None:
    inspection = demo.one("SELECT min(inspection_id) FROM hazards")
    its_own = demo.one(f"SELECT min(id) FROM hazards WHERE inspection_id = {inspection}")
    out = tmp_path / "inspection.pdf"
    by_hand = _hazard(demo, "灯箱松动")  # not this inspection's
    demo.sql("UPDATE hazards SET title = '无隐患' WHERE id = :h", h=by_hand)
    build_inspection_report(demo.ctx.services, demo.actor, inspection, out)
    assert not proves_nothing(out)
    demo.sql("UPDATE hazards SET title = '无隐患' WHERE id = :h", h=its_own)
    build_inspection_report(demo.ctx.services, demo.actor, inspection, out)
    assert proves_nothing(out)


def _handover(demo: Demo, tmp_path: Path) -> Path:
    return build_handover(demo.ctx.services, demo.actor, tmp_path / "handover.pdf")


def test_a_hazard_the_handover_no_longer_lists_rewritten_leaves_it_proving(
    demo: Demo, tmp_path: Path
) -> None:
    hazards, lead = demo.ctx.services.hazards, demo.actor
    done = _hazard(demo, "灯箱松动")
    hazards.remediate(demo.ctx.services.auth.login("staff", "staff-demo-2026"), done)
    hazards.verify(lead, done, "复查合格")  # verified: handed over no more
    demo.sql("UPDATE hazards SET title = '无隐患' WHERE id = :h", h=done)
    assert not proves_nothing(_handover(demo, tmp_path))
    listed = _hazard(demo, "应急灯不亮")
    demo.sql("UPDATE hazard_steps SET text = '无' WHERE hazard_id = :h", h=listed)
    assert proves_nothing(_handover(demo, tmp_path))


@pytest.mark.parametrize(
    "change",
    [  # an open complaint's step; the log of an open incident (its row's seal left as it was)
        "UPDATE complaint_steps SET text = '已解决' WHERE complaint_id = (SELECT min(id) FROM complaints"
        " WHERE status = 'investigating')",
        "UPDATE incident_log SET text = '已处置'"
        " WHERE incident_id = (SELECT max(id) FROM incidents) AND seq = 1",
    ],
)
def test_an_item_the_handover_lists_rewritten_leaves_it_proving_nothing(
    demo: Demo, tmp_path: Path, change: str
) -> None:
    demo.ctx.services.incidents.start(demo.actor, "FIRE")
    assert not proves_nothing(_handover(demo, tmp_path))
    demo.sql(change)
    assert proves_nothing(_handover(demo, tmp_path))


@pytest.mark.parametrize(
    "change", ["UPDATE people SET mobile = '13900000000'", "UPDATE contacts SET phone = '12345'"]
)
def test_the_staff_or_a_contact_rewritten_leaves_the_contact_card_proving_nothing(
    demo: Demo, tmp_path: Path, change: str
) -> None:
    out = tmp_path / "card.pdf"
    build_contact_card(demo.ctx.services, demo.actor, out)
    assert not proves_nothing(out)
    demo.sql(change)
    build_contact_card(demo.ctx.services, demo.actor, out)
    assert proves_nothing(out)


def test_proving_more_records_reads_no_more_often(demo: Demo) -> None:
    """The records a document prints are read a kind at a time, their parts too: a handover of
    thirty hazards makes as many queries as one of one, not a query (or a table's read) each."""
    from sqlalchemy import event

    made = [_hazard(demo, f"隐患{i}") for i in range(30)]
    services, counted = demo.ctx.services, []

    def count(*_args: object) -> None:
        counted[-1] += 1

    event.listen(demo.ctx.engine, "before_cursor_execute", count)
    try:
        for few in (made[:1], made):
            counted.append(0)
            stamp = anchoring.stamp(
                services, demo.actor, "", "", "handover", (), [("hazard", h) for h in few]
            )
            assert stamp.proof != BROKEN
    finally:
        event.remove(demo.ctx.engine, "before_cursor_execute", count)
    assert counted[0] == counted[1] > 0
