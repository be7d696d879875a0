"""The Warnings page and the warning level in the incident windows: a warning recorded (a bad one
named at its field), lifted as a later event, starting the natural-disaster plan's console; the
start dialog's warning field for weather plans only; the console's warning badge and its change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt

from branchguard.context import AppContext
from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource
from branchguard.gui.early_warnings.dialogs import AddWarningDialog, LiftWarningDialog
from branchguard.gui.early_warnings.models import WarningListModel
from branchguard.gui.early_warnings.page import WarningsPage
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.incidents.start import StartIncidentDialog
from branchguard.gui.kit import style
from branchguard.gui.kit.writer import writer
from tests.gui.incidents.incident_support import login, read_every_cell, session_for


def page_of(open_window: Any, username: str = "staff") -> WarningsPage:
    page = open_window(username).show_page("warnings")
    assert isinstance(page, WarningsPage)
    return page


def select(page: WarningsPage, warning_id: int) -> None:
    row = page.model.find_row(lambda w: w.id == warning_id)
    assert row >= 0
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())


def test_staff_record_a_warning_and_a_bad_one_is_named_at_its_field(
    open_window: Any, gui_ctx: AppContext
) -> None:
    page = page_of(open_window)
    assert page.add_button.isVisible() and page.model.rowCount() == 0
    dialog = page.ask_add()
    assert isinstance(dialog, AddWarningDialog)
    dialog.accept()  # no text
    assert dialog.isVisible() and dialog.form.error_text("warning_text")
    dialog.received.setDateTime(QDateTime.currentDateTime().addSecs(3 * 3600))
    dialog.text.setPlainText("台风红色预警")
    dialog.accept()
    assert dialog.isVisible() and dialog.form.error_text("warning_received")
    dialog.received.setDateTime(QDateTime.currentDateTime().addSecs(-600))
    dialog.level.setCurrentIndex(dialog.level.findData("red"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("typhoon"))
    dialog.accept()
    assert not dialog.isVisible() and dialog.added is not None
    assert page.model.rowCount() == 1
    read_every_cell(page.model)
    level = page.model.index(0, WarningListModel.COL_LEVEL)
    assert level.data() == WarningLevel.RED.label
    assert (
        level.data(Qt.ItemDataRole.BackgroundRole).name().upper() == style.WARNING_COLOURS["red"].background
    )
    assert page.model.index(0, WarningListModel.COL_STATE).data() == page.model.tr("In force")
    warnings = gui_ctx.services.warnings.list(login(gui_ctx, "lead"))
    assert [(w.level, w.kind, w.recorded_by) for w in warnings] == [
        (WarningLevel.RED, WarningKind.TYPHOON, "staff")
    ]


def test_lift_then_only_those_in_force_and_start_preparation_opens_the_console(
    open_window: Any, gui_ctx: AppContext
) -> None:
    svc, lead = gui_ctx.services.warnings, login(gui_ctx, "lead")
    when = datetime.now(UTC) - timedelta(minutes=30)
    bureau = WarningSource.METEOROLOGICAL
    rain = svc.add(
        lead, WarningInput(when, bureau, WarningLevel.ORANGE, WarningKind.RAINSTORM, "暴雨橙色预警")
    )
    heat = svc.add(lead, WarningInput(when, bureau, WarningLevel.YELLOW, WarningKind.HEAT, "高温黄色预警"))
    page = page_of(open_window)
    page.refresh()
    select(page, heat.id)
    assert page.lift_button.isEnabled() and page.start_button.isEnabled()
    dialog = page.ask_lift()
    assert isinstance(dialog, LiftWarningDialog)
    dialog.note.setText("气象台解除")
    dialog.accept()
    assert svc.get(lead, heat.id).ended is not None
    page.active_only.setChecked(True)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [rain.id]

    select(page, rain.id)
    page.start_selected()
    writer().wait()
    started = svc.get(lead, rain.id).incident_id
    assert started is not None
    window = page.window()
    incidents = window.show_page("incidents")  # type: ignore[attr-defined]
    assert isinstance(incidents, IncidentsPage)
    console = incidents.console(started)
    assert isinstance(console, IncidentConsole) and incidents.tabs.currentWidget() is console
    assert not page.start_button.isEnabled()  # it started its incident: once


def test_an_auditor_reads_the_log_and_changes_nothing(open_window: Any) -> None:
    page = page_of(open_window, "auditor")
    assert not page.add_button.isVisible() and not page.lift_button.isVisible()
    assert not page.start_button.isVisible() and page.ask_add() is None


def test_the_start_dialog_offers_the_warning_for_weather_plans_only(gui_ctx: AppContext, qtbot: Any) -> None:
    dialog = StartIncidentDialog(session_for(gui_ctx, "lead"))
    qtbot.addWidget(dialog)
    dialog.filter.setText("FIRE")
    assert not dialog.options.isRowVisible(dialog.warning)
    dialog.filter.setText("NAT")
    assert dialog.chosen_plan() is not None and dialog.chosen_plan().code == "NAT"  # type: ignore[union-attr]
    assert dialog.options.isRowVisible(dialog.warning)
    dialog.warning.setCurrentIndex(dialog.warning.findData("red"))
    started: list[Any] = []
    dialog.started.connect(started.append)
    dialog.submit()
    writer().wait()
    assert started and started[0].warning_level == WarningLevel.RED


def test_the_console_shows_the_warning_and_changes_it_through_the_log(
    open_window: Any, gui_ctx: AppContext
) -> None:
    lead = login(gui_ctx, "lead")
    nat = gui_ctx.services.incidents.start(lead, "NAT", warning=WarningLevel.YELLOW).id
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    page = open_window("staff").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(nat)
    assert (
        console.header.warning_badge.isVisibleTo(console)
        and console.header.warning_badge.text() == WarningLevel.YELLOW.label
    )
    assert console.warning_button.isVisibleTo(console)
    dialog = console.ask_warning()
    assert dialog is not None
    dialog.level.setCurrentIndex(dialog.level.findData("red"))
    dialog.reason.setText("气象台升级为红色预警")
    dialog.submit()
    writer().wait()
    console.reload()
    assert console.header.warning_badge.text() == WarningLevel.RED.label
    assert gui_ctx.services.incidents.get(lead, nat).entries[-1].kind.value == "warning_change"
    other = page.open_incident(fire)
    assert not other.warning_button.isVisibleTo(other) and not other.header.warning_badge.isVisibleTo(other)
    assert other.ask_warning() is None
