"""`hazard verify|close`: a major hazard whose milestones are not recorded is refused with the
service's words, naming them, unless `--reason` says why; the reason stays in its history and
`hazard show` says the hazard went ahead without them. A general hazard needs no reason."""

from __future__ import annotations

import json
from pathlib import Path

from branchguard.context import open_context
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from tests.cli.cli_support import STAFF_PASSWORD, Run


def _remediated(data_dir: Path, severity: HazardSeverity, *milestones: RemediationKind) -> str:
    """A hazard the demo's staff fixed (the lead verifies it): its number."""
    ctx = open_context(data_dir)
    try:
        staff, hazards = ctx.services.auth.login("staff", STAFF_PASSWORD), ctx.services.hazards
        data = HazardInput(description="金库报警线路被切断", severity=severity, location="金库", owner="李娜")
        made = hazards.create(staff, data).info
        for kind in (*milestones, RemediationKind.ACTION):
            hazards.add_step(staff, made.id, kind, "已办理")
        hazards.remediate(staff, made.id)
        return made.number
    finally:
        ctx.close()


def test_a_major_hazard_is_refused_naming_its_milestones_until_a_reason_is_given(
    demo_run: Run, records_data_dir: Path
) -> None:
    number = _remediated(records_data_dir, HazardSeverity.MAJOR, RemediationKind.INTERIM_CONTROL)
    code, out, err = demo_run("hazard", "verify", number, "--note", "现场复查合格")
    assert code == 1 and "Remediation plan, Reported to head office" in err and out == ""
    code, _out, err = demo_run("hazard", "verify", number, "--note", "现场复查合格", lang="zh_CN")
    assert code == 1 and "整改方案、上报上级行" in err
    code, out, _err = demo_run("hazard", "show", number, "--json")
    assert json.loads(out)["status"] == "remediated"

    reason = "上级行安保部电话确认，方案另行报送"
    code, out, err = demo_run("hazard", "verify", number, "--note", "现场复查合格", "--reason", reason)
    assert code == 0, err
    assert "MILESTONES OUTSTANDING: Remediation plan, Reported to head office not recorded" in out
    code, out, err = demo_run("hazard", "close", number, "--note", "销号")  # the verification's reason
    assert code == 0, err
    code, out, _err = demo_run("hazard", "show", number)
    assert "Closed" in out and "MILESTONES OUTSTANDING" in out
    assert "Milestones outstanding accepted" in out and reason in out
    shown = json.loads(demo_run("hazard", "show", number, "--json")[1])
    assert shown["status"] == "closed" and shown["milestones_outstanding"] == ["plan", "head_office_report"]


def test_a_general_hazard_or_one_with_its_milestones_needs_no_reason(
    demo_run: Run, records_data_dir: Path
) -> None:
    for number in (
        _remediated(records_data_dir, HazardSeverity.GENERAL),
        _remediated(records_data_dir, HazardSeverity.MAJOR, *rules.MILESTONE_KINDS),
    ):
        code, out, err = demo_run("hazard", "verify", number, "--note", "现场复查合格")
        assert code == 0, err
        code, out, err = demo_run("hazard", "close", number, "--note", "销号")
        assert code == 0 and "MILESTONES OUTSTANDING" not in out, err
        assert json.loads(demo_run("hazard", "show", number, "--json")[1])["milestones_outstanding"] == []
