"""The Warnings page while the natural-disaster plan's real incident is open (NAT at yellow, an
orange typhoon warning comes): recording it with "start preparation", or starting preparation
from it, asks instead of opening a second incident: the warning joins the open one (the default:
logged there, raised to orange), start another anyway, or neither. The question is answered by
its buttons' names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from branchguard.context import AppContext
from branchguard.core.early_warnings.types import (
    WarningEventKind,
    WarningInput,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.core.incidents.types import EntryKind, IncidentSummary
from branchguard.gui.early_warnings import plan_open
from branchguard.gui.early_warnings.dialogs import AddWarningDialog
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit.writer import writer
from tests.gui.early_warnings.test_warnings_page import page_of, select
from tests.gui.incidents.incident_support import login


def _nat_at_yellow(gui_ctx: AppContext) -> IncidentSummary:
    return gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "NAT", warning=WarningLevel.YELLOW)


def _open_nat(gui_ctx: AppContext) -> list[int]:
    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    return sorted(i.id for i in live if i.playbook_code == "NAT" and not i.drill)


def _question(page: Any) -> QMessageBox:
    writer().wait()
    QApplication.processEvents()
    asked = page.question
    assert asked is not None and asked.box.isVisible() and asked.box.objectName() == plan_open.QUESTION_NAME
    return asked.box


def add_with_start(page: Any, seconds_ago: int, level: str, kind: str, text: str) -> AddWarningDialog:
    """The page's add dialog filled in, "start the plan" ticked, and accepted."""
    dialog = page.ask_add()
    assert isinstance(dialog, AddWarningDialog)
    dialog.received.setDateTime(QDateTime.currentDateTime().addSecs(-seconds_ago))
    dialog.level.setCurrentIndex(dialog.level.findData(level))
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.text.setPlainText(text)
    dialog.start.setChecked(True)
    dialog.accept()
    return dialog


def _orange_selected(open_window: Any, gui_ctx: AppContext, minutes_ago: int) -> tuple[Any, Any, Any]:
    """An orange typhoon warning recorded `minutes_ago`, selected on the lead's page: (lead, it, page)."""
    lead = login(gui_ctx, "lead")
    when = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    orange = gui_ctx.services.warnings.add(
        lead,
        WarningInput(when, WarningSource.METEOROLOGICAL, WarningLevel.ORANGE, WarningKind.TYPHOON, "台风"),
    )
    page = page_of(open_window, "lead")
    page.refresh()
    select(page, orange.id)
    return lead, orange, page


def _answer(box: QMessageBox, name: str) -> None:
    button = box.findChild(QAbstractButton, name)
    assert button is not None, name
    button.click()
    QApplication.processEvents()
    writer().wait()
    QApplication.processEvents()


def test_recording_with_start_keeps_the_warning_and_applies_its_level_by_default(
    open_window: Any, gui_ctx: AppContext
) -> None:
    nat = _nat_at_yellow(gui_ctx)
    page = page_of(open_window, "lead")
    dialog = add_with_start(page, 600, "orange", "typhoon", "台风橙色预警")
    assert not dialog.isVisible() and dialog.added is not None  # recorded: the dialog's work is done
    box = _question(page)
    assert (
        f"#{nat.id}" in box.text()
        and "李晓梅" in box.text()
        and f"#{dialog.added.id}" in box.informativeText()
    )
    apply = box.findChild(QAbstractButton, plan_open.APPLY)
    assert box.defaultButton() is apply and apply.text() == f"Raise incident #{nat.id} to Orange warning"
    assert f"NAT {nat.title}" in box.text()  # the plan by code and title, as F9 says it
    assert _open_nat(gui_ctx) == [nat.id]

    _answer(box, plan_open.APPLY)
    lead = login(gui_ctx, "lead")
    detail = gui_ctx.services.incidents.get(lead, nat.id)
    assert detail.summary.warning_level == WarningLevel.ORANGE and _open_nat(gui_ctx) == [nat.id]
    quoted, change = detail.entries[-2:]  # the warning quoted in its log, then the level raised
    assert quoted.kind == EntryKind.OBSERVATION and "台风橙色预警" in quoted.text
    assert change.kind == EntryKind.WARNING_CHANGE
    incidents = page.window().show_page("incidents")  # type: ignore[attr-defined]
    assert isinstance(incidents, IncidentsPage) and incidents.console(nat.id) is not None
    assert gui_ctx.services.warnings.get(lead, dialog.added.id).active
    _shows_it_joined(page, dialog.added.id, nat.id)


def _shows_it_joined(page: Any, warning_id: int, incident_id: int) -> None:
    """The warning applied to the open incident is in it: the list names the incident, its
    history says so, and Start preparation is off for it (not asked again)."""
    select(page, warning_id)
    chosen = page.selected()
    assert chosen is not None and chosen.id == warning_id and chosen.incident_id == incident_id
    row = page.model.find_row(lambda w: w.id == warning_id)
    shown = page.model.index(row, page.model.COL_INCIDENT).data()
    assert shown == f"#{incident_id}" and chosen.events[-1].kind == WarningEventKind.APPLIED
    assert not page.start_button.isEnabled()
    page.start_selected()
    writer().wait()
    QApplication.processEvents()
    assert page.question is None


def test_start_preparation_asks_and_starts_another_only_when_told(
    open_window: Any, gui_ctx: AppContext
) -> None:
    nat = _nat_at_yellow(gui_ctx)
    lead, orange, page = _orange_selected(open_window, gui_ctx, 30)
    page.start_selected()
    box = _question(page)
    _answer(box, plan_open.CANCEL)
    assert _open_nat(gui_ctx) == [nat.id] and page.start_button.isEnabled() and page.question is None
    assert gui_ctx.services.incidents.get(lead, nat.id).summary.warning_level == WarningLevel.YELLOW

    page.start_selected()
    _answer(_question(page), plan_open.START_ANOTHER)
    started = gui_ctx.services.warnings.get(lead, orange.id).incident_id
    assert started is not None and _open_nat(gui_ctx) == [nat.id, started]


def test_applying_after_another_pc_set_the_level_logs_it_and_opens_the_console(
    open_window: Any, gui_ctx: AppContext
) -> None:
    nat = _nat_at_yellow(gui_ctx)
    lead, orange, page = _orange_selected(open_window, gui_ctx, 5)
    page.start_selected()
    box = _question(page)
    gui_ctx.services.warnings.change_incident_level(lead, nat.id, WarningLevel.ORANGE, "PC B")
    _answer(box, plan_open.APPLY)
    assert page.message.isHidden(), page.message.text()
    incidents = page.window().show_page("incidents")  # type: ignore[attr-defined]
    assert isinstance(incidents, IncidentsPage) and incidents.console(nat.id) is not None
    assert gui_ctx.services.warnings.get(lead, orange.id).incident_id == nat.id
    assert gui_ctx.services.incidents.get(lead, nat.id).entries[-1].kind == EntryKind.OBSERVATION
