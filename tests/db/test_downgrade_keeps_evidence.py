"""Going back a revision never deletes evidence: a downgrade past 0020 while a complaint's action
is recorded, past 0018 while a warning is, or past 0025 while a hazard raised from a drill is, is
refused and changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import text

from branchguard.core.complaints.types import ComplaintInput, StepInput
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.types import FollowUpInput
from branchguard.db.migrate import alembic_config
from tests.core.early_warnings.test_early_warnings import a_warning


def _go_back(ctx, revision: str) -> None:
    cfg = alembic_config()
    with ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _revision(ctx) -> str:
    with ctx.engine.connect() as conn:
        return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def test_a_recorded_warning_keeps_revision_0018(ctx, lead) -> None:
    ctx.services.warnings.add(lead, a_warning(WarningLevel.YELLOW))
    before = _revision(ctx)
    with pytest.raises(RuntimeError, match="0018"):
        _go_back(ctx, "0017")
    assert _revision(ctx) == before and len(ctx.services.warnings.list(lead)) == 1


def test_a_complaints_action_keeps_revision_0020(ctx, lead) -> None:
    complaints = ctx.services.complaints
    made = complaints.register(lead, ComplaintInput(
        channel="counter", received_at=datetime.now() - timedelta(days=1), customer_name="刘女士",
        category="waiting", request="排队太久",
    )).info.id  # fmt: skip
    complaints.assign(lead, made, "王建国")
    complaints.step(lead, made, StepInput("investigate", "调阅叫号记录"))
    complaints.step(lead, made, StepInput("decide", "致歉", basis="服务规范"))
    complaints.step(lead, made, StepInput("reply", "电话答复"))
    complaints.step(lead, made, StepInput("archive", "归档", cause="experience",
                                          actions=(FollowUpInput("加开窗口", "王建国"),)))  # fmt: skip
    before = _revision(ctx)
    with pytest.raises(RuntimeError, match="0020"):
        _go_back(ctx, "0019")
    assert _revision(ctx) == before
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM incident_actions WHERE complaint_id = :c"),
                            {"c": made}).scalar_one() == 1  # fmt: skip


def test_a_hazard_raised_from_a_drill_keeps_revision_0025(ctx, lead) -> None:
    from branchguard.core.hazards.types import HazardInput
    from tests.core.hazards.test_hazards_from_drills import held_drill

    drill = held_drill(ctx, lead)
    made = ctx.services.hazards.create(lead, HazardInput("金库人员撤离慢", owner="李安全"), drill_id=drill)
    before = _revision(ctx)
    with pytest.raises(RuntimeError, match="0025"):
        _go_back(ctx, "0024")
    assert _revision(ctx) == before
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT drill_id FROM hazards WHERE id = :h"),
                            {"h": made.info.id}).scalar_one() == drill  # fmt: skip
