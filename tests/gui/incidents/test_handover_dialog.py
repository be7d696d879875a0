"""Shift handover on screen: open incidents with their pending steps, open actions, Save as PDF, Ctrl+H."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.handover_dialog import HandoverDialog
from branchguard.gui.kit import style
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS
from tests.pc_clock import incidents_back_then


def login(ctx: AppContext, username: str) -> Any:
    return ctx.services.auth.login(username, PASSWORDS[username])


@pytest.fixture
def shift(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A drill with 9 of 14 steps done, an illness with 1 done, a closed outage with three actions."""
    lead = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    fire = incidents.start(lead, "FIRE", drill=True)
    for number in range(1, 10):
        incidents.mark_step(lead, fire.id, number)
    ill = incidents.start(lead, "ILL", Level.III)
    incidents.mark_step(lead, ill.id, 1)
    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=5)):  # its action due since
        outage = incidents.start(lead, "SYS")
    today = date.today()
    incidents.close(
        lead,
        outage.id,
        CloseInput(
            "service restored",
            actions=(
                FollowUpInput("Replace the UPS battery", "王强", today - timedelta(days=3)),
                FollowUpInput("Retrain tellers", "李娜", today + timedelta(days=10)),
            ),
        ),
    )
    hazards = gui_ctx.services.hazards
    staff = login(gui_ctx, "staff")
    vault = hazards.create(
        staff, HazardInput(description="Vault alarm line cut", severity=HazardSeverity.MAJOR, owner="周强")
    )
    exit_door = hazards.create(staff, HazardInput(description="Fire exit blocked by boxes", owner="李娜"))
    done = hazards.create(staff, HazardInput(description="Extinguisher expired", owner="李娜")).info.id
    hazards.add_step(staff, done, RemediationKind.ACTION, "Replaced")
    hazards.remediate(staff, done)
    hazards.verify(lead, done, "New extinguisher checked")  # verified: no longer handed over
    return {
        "fire": fire.id, "ill": ill.id, "outage": outage.id, "vault": vault.info.id, "exit": exit_door.info.id
    }


@pytest.fixture
def dialog(gui_ctx: AppContext, shift, qtbot) -> HandoverDialog:
    dlg = HandoverDialog(GuiSession(gui_ctx, login(gui_ctx, "staff")))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_lists_open_incidents_with_their_pending_steps(gui_ctx, dialog):
    tree = dialog.incident_tree
    assert tree.topLevelItemCount() == 2  # the closed outage is not handed over
    fire, ill = tree.topLevelItem(0), tree.topLevelItem(1)
    assert fire.text(0) == "演练 DRILL · Fire and evacuation on-site response plan"
    assert fire.background(0).color() == QColor(style.DRILL.background)
    assert fire.text(1) == "Level II (major)"
    assert fire.background(1).color() == QColor(style.level_swatch("II").background)
    assert fire.text(2) == "5 steps pending"
    assert ill.text(1) == "Level III (serious)" and "演练" not in ill.text(0)

    steps = gui_ctx.services.incidents.get(login(gui_ctx, "lead"), dialog.data.snapshot.incidents[0].id).steps
    assert fire.childCount() == 5
    assert fire.child(0).text(0) == f"10. {steps[9].text.en}"
    assert fire.child(0).text(2) == steps[9].role_name.en
    assert ill.childCount() == len(dialog.data.snapshot.incidents[1].steps) - 1
    assert dialog.incidents_title.text() == "Open incidents: 2"
    staff = login(gui_ctx, "staff")
    name = gui_ctx.services.auth.names(staff)("staff")
    assert name != "staff" and dialog.taken.text().endswith(f"by {name}")  # a person, not a login


def test_lists_open_actions_with_the_overdue_one_highlighted(dialog):
    table = dialog.action_table
    assert table.rowCount() == 2
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    late, later = rows["Replace the UPS battery"], rows["Retrain tellers"]
    assert table.item(late, 2).text() == "王强"
    assert "(overdue)" in table.item(late, 3).text()
    assert table.item(late, 0).foreground().color() == QColor(style.ERROR)
    assert "(overdue)" not in table.item(later, 3).text()
    assert table.item(later, 0).foreground().color() != QColor(style.ERROR)
    assert "service" not in table.item(late, 1).text() and table.item(late, 1).text().startswith("#")


def test_lists_open_hazards(gui_ctx, dialog, shift):
    table = dialog.hazard_table
    assert dialog.hazards_title.text() == "Open hazards: 2"
    assert table.rowCount() == 2  # the verified one is not handed over
    rows = {table.item(r, 0).text().split(" ", 1)[1]: r for r in range(table.rowCount())}
    assert set(rows) == {"Vault alarm line cut", "Fire exit blocked by boxes"}
    vault = rows["Vault alarm line cut"]
    assert table.item(vault, 1).text() == "Major" and table.item(vault, 2).text() == "Open"
    assert table.item(vault, 3).text() == "周强"
    info = gui_ctx.services.hazards.get(login(gui_ctx, "lead"), shift["vault"]).info
    assert table.item(vault, 0).text().startswith(info.number)
    assert table.item(vault, 4).text() == info.due_date.isoformat()


def test_lists_open_complaints_with_the_overdue_one_in_red(gui_ctx, dialog):
    from datetime import timedelta

    from branchguard.core.complaints.types import ComplaintInput
    from branchguard.db.base import utcnow

    assert dialog.complaints_title.text() == "Open customer complaints: 0"
    data = ComplaintInput(
        channel="counter",
        received_at=utcnow() - timedelta(days=20),
        customer_name="张三丰",
        category="attitude",
        request="Rude at the counter",
    )
    number = gui_ctx.services.complaints.register(login(gui_ctx, "staff"), data).info.number
    dialog.refresh()
    table = dialog.complaint_table
    assert dialog.complaints_title.text() == "Open customer complaints: 1" and table.rowCount() == 1
    assert table.item(0, 0).text() == f"{number} Rude at the counter"
    assert "overdue" in table.item(0, 3).text().lower()
    assert table.item(0, 3).foreground().color() == QColor(style.ERROR)


def test_refresh_shows_what_changed(gui_ctx, dialog, shift):
    gui_ctx.services.incidents.close(login(gui_ctx, "lead"), shift["ill"], CloseInput("recovered"))
    dialog.refresh()
    assert dialog.incident_tree.topLevelItemCount() == 1


def test_preview_hands_the_snapshot_on_screen_to_the_report(dialog, tmp_path, monkeypatch, qtbot):
    from branchguard.reports import handover

    calls: list[tuple[Any, ...]] = []
    real = handover.build_handover_pdf

    def build_handover_pdf(
        snapshot: Any, branch: Any, path: Path, *, font_setting: str = "", stamp: Any, names: Any = None
    ) -> Path:
        calls.append((snapshot, branch))
        return real(snapshot, branch, path, font_setting=font_setting, stamp=stamp, names=names)

    monkeypatch.setattr(handover, "build_handover_pdf", build_handover_pdf)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    preview = dialog.last_preview
    assert calls == [(dialog.data.snapshot, dialog.data.branch)]
    assert preview is not None and preview.page_count >= 1
    assert preview.file_name.startswith("handover-") and preview.file_name.endswith(".pdf")
    preview.save_to(tmp_path / "shift.pdf")
    assert (tmp_path / "shift.pdf").read_bytes().startswith(b"%PDF")
    assert "shift.pdf" in preview.message.text()
    preview.close()


def test_a_failed_report_says_why(dialog, monkeypatch):
    from branchguard.reports import handover

    def build_handover_pdf(
        snapshot: Any, branch: Any, path: Path, *, font_setting: str = "", stamp: Any, names: Any = None
    ) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(handover, "build_handover_pdf", build_handover_pdf)
    preview = dialog.preview()
    assert preview is not None and "disk full" in preview.busy_label.text()
    assert dialog.pdf_button.isEnabled()
    preview.close()


def test_ctrl_h_opens_the_handover_from_the_main_window(open_window, qtbot):
    window = open_window("staff")
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(HandoverDialog)
    assert dialog is not None and dialog.isVisible()
    assert any(keys == "Ctrl+H" for keys, _what in window.shortcut_rows())  # listed in F1


def test_a_locked_window_opens_no_handover(open_window, qtbot):
    window = open_window("staff")
    window.lock()
    assert window.show_handover() is None
