"""A record rewritten by raw SQL warns on its own page (gui/audit/record_band.py): the hazard's
detail, an incident's console (open and closed), the drill, inspection, complaint, playbook and
early warning selected or opened, each shows the band with what differs in `verify`'s words; an
untouched record shows none. The check runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource
from branchguard.core.ledger.service import LedgerService
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.complaints.page import ComplaintsPage
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.early_warnings.page import WarningsPage
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.playbooks.page import PlaybooksPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import PASSWORDS
from tests.gui.hazards.hazard_support import open_detail
from tests.gui.incidents.incident_support import login


def sql(ctx: AppContext, statement: str, **params: Any) -> None:
    with ctx.engine.begin() as conn:
        conn.execute(text(statement), params)


def first(ctx: AppContext, query: str, **params: Any) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.execute(text(query), params).scalar_one())


@pytest.fixture
def window(world: AppContext, qtbot: Any) -> Callable[[str], MainWindow]:
    def _open(username: str = "auditor") -> MainWindow:
        made = build_main_window(world, world.services.auth.login(username, PASSWORDS[username]))
        qtbot.addWidget(made)
        made.show()
        return made

    return _open


def shown(qtbot: Any, band: LedgerBand, *words: str) -> str:
    qtbot.waitUntil(lambda: band.isVisible() and band.report is not None)
    said = band.text()
    assert "This record does not match its entry in the evidence ledger" in said
    named = said + band.toolTip()  # the console's band names the differences in its tooltip only
    for word in words:
        assert word in named
    return said


def quiet(qtbot: Any, band: LedgerBand) -> None:
    qtbot.waitUntil(lambda: band.report is not None)
    assert band.report is not None and band.report.ok and band.isHidden()


def test_a_hazard_rewritten_shows_the_band_and_an_untouched_one_none(world, qtbot) -> None:
    hazard = first(world, "SELECT min(id) FROM hazards")
    other = first(world, "SELECT max(id) FROM hazards")
    sql(world, "UPDATE hazards SET title = 'x' WHERE id = :i", i=hazard)
    said = shown(
        qtbot, open_detail(world, qtbot, hazard, "auditor").ledger_band, f"hazard {hazard}: title is x"
    )
    assert "ledger says" in said
    quiet(qtbot, open_detail(world, qtbot, other, "auditor").ledger_band)


def test_a_hazard_step_deleted_is_named_on_its_hazard(world, qtbot) -> None:
    with world.engine.connect() as conn:
        step, hazard = conn.execute(text("SELECT id, hazard_id FROM hazard_steps ORDER BY id LIMIT 1")).one()
    sql(world, "DELETE FROM hazard_steps WHERE id = :i", i=step)
    band = open_detail(world, qtbot, hazard, "lead").ledger_band
    shown(qtbot, band, f"hazard remediation step {step} deleted outside the app")


def test_the_band_speaks_chinese_and_follows_a_switch(world, qtbot) -> None:
    from branchguard.gui.kit.translation import install

    hazard = first(world, "SELECT min(id) FROM hazards")
    sql(world, "UPDATE hazards SET title = 'x' WHERE id = :i", i=hazard)
    band = open_detail(world, qtbot, hazard, "auditor").ledger_band
    shown(qtbot, band)
    install("zh_CN")  # a LanguageChange to every widget, posted
    qtbot.waitUntil(lambda: "此记录与证据账本中的记载不符" in band.text())
    assert f"隐患 {hazard}：title 现为 x" in band.text()
    assert "核验发现 1 处问题：记录与账本不符" in band.text()


def test_an_incident_rewritten_warns_in_its_console_closed_or_open(world, window, qtbot) -> None:
    closed = first(world, "SELECT min(id) FROM incidents WHERE status = 'closed'")
    sql(world, "UPDATE incidents SET title = 'x' WHERE id = :i", i=closed)
    lead = login(world, "lead")
    live, untouched = (world.services.incidents.start(lead, code).id for code in ("ROB", "FIRE"))
    sql(world, "UPDATE incident_log SET text = 'x' WHERE incident_id = :i AND seq = 1", i=live)
    page = window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    shown(qtbot, page.open_incident(closed).ledger_band, f"incident {closed}: title is x")
    shown(qtbot, page.open_incident(live).ledger_band, f"incident {live}, log entry 1:")
    quiet(qtbot, page.open_incident(untouched).ledger_band)


def test_a_drill_rewritten_warns_when_selected(world, window, qtbot) -> None:
    drill = first(world, "SELECT min(id) FROM drill_plans")
    sql(world, "UPDATE drill_plans SET title = 'x' WHERE id = :i", i=drill)
    page = window().show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    qtbot.waitUntil(lambda: panel.select(drill))
    shown(qtbot, panel.ledger_band, f"drill {drill}: title is x")
    other = first(world, "SELECT max(id) FROM drill_plans WHERE id != :i", i=drill)
    qtbot.waitUntil(lambda: panel.select(other))
    quiet(qtbot, panel.ledger_band)


def test_an_inspection_answer_rewritten_warns_on_its_run(world, window, qtbot) -> None:
    with world.engine.connect() as conn:
        answer, inspection = conn.execute(
            text("SELECT id, inspection_id FROM inspection_answers WHERE result = 'fail' ORDER BY id LIMIT 1")
        ).one()
    page = window().show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = page.open_inspection(inspection)
    band = runner.findChild(LedgerBand)
    assert band is not None
    quiet(qtbot, band)
    sql(world, "UPDATE inspection_answers SET result = 'pass' WHERE id = :i", i=answer)
    runner.reload()  # as a write or a refresh re-reads the run
    shown(qtbot, band, f"inspection answer {answer}: result is pass, ledger says fail")


def test_a_complaint_rewritten_warns_under_the_list(world, window, qtbot) -> None:
    complaint = first(world, "SELECT min(id) FROM complaints")
    sql(world, "UPDATE complaints SET request = 'x' WHERE id = :i", i=complaint)
    page = window().show_page("complaints")
    assert isinstance(page, ComplaintsPage)
    qtbot.waitUntil(lambda: page.model.find_row(lambda c: c.id == complaint) >= 0)
    _select(page, complaint)
    shown(qtbot, page.ledger_band, f"complaint {complaint}: request is x")
    _select(page, first(world, "SELECT max(id) FROM complaints"))
    quiet(qtbot, page.ledger_band)


def _select(page: Any, record_id: int) -> None:
    row = page.model.find_row(lambda c: c.id == record_id)
    proxy = getattr(page, "proxy", None)
    page.table.selectRow(proxy.mapFromSource(page.model.index(row, 0)).row() if proxy else row)


def test_a_playbook_step_rewritten_warns_over_its_preview(world, window, qtbot) -> None:
    with world.engine.connect() as conn:
        step, code = conn.execute(
            text(
                "SELECT s.id, p.code FROM playbook_steps s JOIN playbook_versions v ON v.id = s.version_id"
                " JOIN playbooks p ON p.id = v.playbook_id WHERE v.status = 'approved' ORDER BY s.id LIMIT 1"
            )
        ).one()
    sql(world, "UPDATE playbook_steps SET text_en = 'x' WHERE id = :i", i=step)
    page = window().show_page("playbooks")
    assert isinstance(page, PlaybooksPage)
    qtbot.waitUntil(lambda: page.current_summary() is not None)
    page.select_code(code)
    shown(qtbot, page.ledger_band, f"playbook step {step}: text_en is x")
    other = next(c for c in ("FIRE", "ROB", "MED") if c != code)
    page.select_code(other)
    quiet(qtbot, page.ledger_band)


def test_an_early_warning_rewritten_warns_when_selected(world, window, qtbot) -> None:
    said = WarningInput(
        datetime.now(UTC), WarningSource.METEOROLOGICAL, WarningLevel.YELLOW, WarningKind.RAINSTORM, "暴雨"
    )
    made = world.services.warnings.add(login(world, "lead"), said)
    sql(world, "UPDATE early_warnings SET text = 'x' WHERE id = :i", i=made.id)
    page = window().show_page("warnings")
    assert isinstance(page, WarningsPage)
    qtbot.waitUntil(lambda: page.model.find_row(lambda w: w.id == made.id) >= 0)
    _select(page, made.id)
    shown(qtbot, page.ledger_band, f"early warning {made.id}: text is x")


def test_the_check_runs_off_the_gui_thread(world, qtbot, pool_tasks) -> None:
    pool_tasks.watch(LedgerService, "check_record")
    hazard = first(world, "SELECT min(id) FROM hazards")
    sql(world, "UPDATE hazards SET title = 'x' WHERE id = :i", i=hazard)
    shown(qtbot, open_detail(world, qtbot, hazard, "auditor").ledger_band)
    assert pool_tasks.ran_off_the_gui_thread("check_record")
