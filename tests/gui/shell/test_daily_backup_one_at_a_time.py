"""The day's automatic backup and Settings' "Back up now" never run side by side (on the real thread
pool): the one asked second says so or waits for a later look, so no message names an archive the
other's retention removed and no backup refuses the other's name as "the app's own data"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from branchguard.core.audit.service import AuditFilter
from branchguard.gui.settings.backups import BackupsPanel
from branchguard.gui.shell import daily_backup
from tests.core.backup.test_one_at_a_time import BOUND_S, Held


def _panel(window, stick: Path) -> BackupsPanel:
    panel = window.show_page("settings").backups
    stick.mkdir(exist_ok=True)  # a stick plugged in: a folder not there is refused
    panel.set_folder(str(stick))  # a fresh folder: the day's backup is due there
    return panel


def _archives(stick: Path) -> list[Path]:
    return sorted(stick.glob("branchguard-*.zip"))


def test_back_up_now_while_the_days_backup_runs_says_so_and_starts_none(
    open_window, gui_ctx, pool_tasks, monkeypatch, qtbot, tmp_path: Path
) -> None:
    held = Held(monkeypatch)
    window = open_window("lead")
    stick = tmp_path / "usb"
    panel = _panel(window, stick)
    try:
        assert daily_backup.start(window, gui_ctx, date.today())
        assert held.inside.wait(BOUND_S)
        panel.now_button.click()
        assert panel.status.text() == "A backup is being made already; back up again once it is done."
    finally:
        held.release.set()
    qtbot.waitUntil(lambda: not daily_backup.running(), timeout=BOUND_S * 1000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=BOUND_S * 1000)

    (made,) = _archives(stick)
    assert window.statusBar().currentMessage() == f"Today's backup is in {made}"
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    events = gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="backup.create"))
    assert [e.entity_id for e in events if e.entity_id.startswith("branchguard-")] == [made.name]


def test_the_days_backup_does_not_start_beside_back_up_now(
    open_window, gui_ctx, pool_tasks, monkeypatch, qtbot, tmp_path: Path
) -> None:
    """Asked for meanwhile, it is not started (the next look asks again: day_change.py); Back up now
    made the day's, so it is not due any more."""
    held = Held(monkeypatch)
    window = open_window("lead")
    stick = tmp_path / "usb"
    panel = _panel(window, stick)
    try:
        panel.now_button.click()
        assert held.inside.wait(BOUND_S)
        assert not daily_backup.start(window, gui_ctx, date.today())
    finally:
        held.release.set()
    qtbot.waitUntil(panel.now_button.isEnabled, timeout=BOUND_S * 1000)

    (made,) = _archives(stick)
    assert panel.status.text().startswith(f"Backup written: {made} (")
    assert not daily_backup.running() and not daily_backup.due(gui_ctx, date.today())
