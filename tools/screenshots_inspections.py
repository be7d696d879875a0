"""Screenshots of the inspection runner (mid-run, with a failed item), the hazard register (with an
overdue row) and a hazard's detail; called by tools/screenshots.py for each language."""

from __future__ import annotations

from pathlib import Path

from branchguard.context import AppContext
from branchguard.core.demo.inspections import make_overdue
from branchguard.core.demo.service import DEMO_ACCOUNTS
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity
from branchguard.core.inspections.types import InspectionFilter, InspectionStatus, ItemResult
from branchguard.gui.shell.main_window import MainWindow
from tools.screenshots import LAPTOP_SIZE, SMALL_SIZE, at_sizes, save, shoot_dialog

RUN_TEMPLATE = "FIRE_DAILY"


def _demo_run(ctx: AppContext) -> int:
    """A daily fire patrol half done by the staff member: two passes, a fail with a note, one n/a."""
    passwords = {name: password for name, _role, password, _display in DEMO_ACCOUNTS}
    staff = ctx.services.auth.login("staff", passwords["staff"])
    inspections = ctx.services.inspections
    drafts = InspectionFilter(status=InspectionStatus.DRAFT, template_code=RUN_TEMPLATE)
    running = inspections.list(staff, drafts)
    run = running[0].id if running else inspections.start(staff, RUN_TEMPLATE).info.id
    for number, result, note in (
        (1, ItemResult.PASS, ""),
        (2, ItemResult.FAIL, "后门疏散通道堆放装修纸箱，推门受阻"),
        (3, ItemResult.PASS, ""),
        (4, ItemResult.NA, "灭火器本周送检，备用器材已就位"),
    ):
        inspections.answer(staff, run, number, result, note)
    return run


def _overdue_hazard(ctx: AppContext) -> int:
    """An overdue hazard in the register (the demo data's, or one entered here)."""
    lead = ctx.services.auth.login(*next((n, p) for n, _r, p, _d in DEMO_ACCOUNTS if n == "lead"))
    overdue = ctx.services.hazards.list(lead, HazardFilter(overdue_only=True))
    if overdue:
        return overdue[0].id
    made = ctx.services.hazards.create(
        lead,
        HazardInput(
            description="自助区2号ATM旁插座松动，插头有烧灼痕迹，需更换插座并检查线路",
            severity=HazardSeverity.MAJOR,
            location="自助区",
            owner="赵敏",
        ),
    )
    make_overdue(ctx.services.hazards, ctx.sessions, lead, made.info.id, found_days_ago=10, fix_days=7)
    return made.info.id


def shoot_inspection_screens(ctx: AppContext, window: MainWindow, folder: Path, out: Path) -> list[Path]:
    del folder  # nothing written beside the pictures
    run = _demo_run(ctx)
    hazard = _overdue_hazard(ctx)
    page = window.show_page("inspections")
    assert page is not None
    runner = page.open_inspection(run)  # type: ignore[attr-defined]
    runner.move_to(2)  # the failed item in front
    shots = [save(window, out / "inspection-runner.png")]
    shots += at_sizes(window, "inspection-runner", out, (SMALL_SIZE, LAPTOP_SIZE))
    register = window.show_page("hazards")
    assert register is not None
    shots.append(save(window, out / "hazard-register.png"))
    detail = register.open_hazard(hazard)  # type: ignore[attr-defined]
    detail.resize(900, 640)
    shots.append(shoot_dialog(detail, out / "hazard-detail.png"))
    return shots
