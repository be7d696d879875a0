"""An incident's papers from the window: the console's and the incident list's Preview / Print menu
opens the incident report and the initial report (初报) in the print preview, open or closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput
from branchguard.gui.incidents.list_view import IncidentListPanel
from branchguard.gui.kit.print_preview import PreviewDialog
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.incident_report import render_incident_report
from tests.gui.incidents.incident_support import login, open_console, session_for


def pdf_text(path: Path) -> str:
    doc = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def saved(preview: PreviewDialog | None, out: Path) -> str:
    assert preview is not None and preview.page_count > 0
    preview.save_to(out)
    text = pdf_text(out)
    preview.close()
    return text


def test_the_consoles_menu_previews_the_incident_and_the_initial_report(
    gui_ctx: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    gui_ctx.services.incidents.set_report_fields(lead, fire, {"cause": "Short circuit in the back office"})
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    assert console.print_button.isVisibleTo(console) and console.print_button.menu() is console.print_menu

    console.print_menu.incident_action.trigger()
    report = console.print_menu.last
    detail = gui_ctx.services.incidents.get(lead, fire)
    _data, pages = render_incident_report(detail, find_cjk_font(""))
    assert report is not None and report.page_count == pages  # the very report, page for page
    assert report.windowTitle() == f"Incident report #{fire}"
    text = saved(report, tmp_path / "incident.pdf")
    assert f"Incident report #{fire}" in text and "Short circuit in the back office" in text

    console.print_menu.initial_action.trigger()
    initial = console.print_menu.last
    assert initial is not None and initial is not report and initial.page_count == 1
    text = saved(initial, tmp_path / "initial.pdf")
    assert f"Initial report, incident #{fire}" in text and "Short circuit in the back office" in text
    assert "Timeline" not in text  # the first report only, not the whole story


def test_the_list_prints_a_closed_incident_and_an_auditor_may_print(
    gui_ctx: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE").id
    gui_ctx.services.incidents.close(lead, fire, CloseInput(outcome="Put out, nobody hurt"))
    panel = IncidentListPanel(session_for(gui_ctx, "auditor"))
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    assert not panel.print_button.isEnabled()  # nothing selected yet
    row = next(r for r, s in enumerate(panel.shown()) if s.id == fire)
    panel.table.selectRow(row)
    assert panel.selected_id() == fire and panel.print_button.isEnabled()

    panel.print_menu.incident_action.trigger()
    text = saved(panel.print_menu.last, tmp_path / "closed.pdf")
    assert "Put out, nobody hurt" in text
    panel.print_menu.initial_action.trigger()
    assert f"Initial report, incident #{fire}" in saved(panel.print_menu.last, tmp_path / "initial.pdf")
