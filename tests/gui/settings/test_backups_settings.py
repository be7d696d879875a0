"""Settings → Backups (lead only): folder and retention into settings.ini, "Back up now" in the
background, "Restore from a backup…" checks, shows, asks, and the window's next start restores;
and the start-at-logon box writes and removes this account's autostart entry."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from branchguard.app import ContextOpening
from branchguard.context import AppContext
from branchguard.core.audit.service import AuditFilter
from branchguard.core.backup import pending
from branchguard.gui.settings.autostart import XdgAutostart
from branchguard.gui.settings.page import SettingsPage


def _settings(window) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_backups_tab_is_the_leads(open_window) -> None:
    lead = _settings(open_window("lead"))
    assert lead.tabs.isTabVisible(lead._backups_tab) and lead.tabs.tabText(lead._backups_tab) == "Backups"
    staff = _settings(open_window("staff"))
    assert not staff.tabs.isTabVisible(staff._backups_tab)


def test_folder_and_retention_are_stored_and_back_up_now_writes_there(
    gui_ctx: AppContext, open_window, tmp_path: Path
) -> None:
    panel = _settings(open_window("lead")).backups
    assert panel.keep_daily.value() == 14 and panel.keep_monthly.value() == 12
    assert panel.folder.placeholderText() == str(gui_ctx.data_dir / "backups")
    stick = tmp_path / "usb"
    stick.mkdir()  # a stick plugged in: a folder not there is refused
    panel.set_folder(str(stick))
    panel.keep_daily.setValue(7)
    panel.keep_monthly.setValue(3)
    settings = gui_ctx.config.settings
    stored = [settings.get(k) for k in ("backup_dir", "backup_keep_daily", "backup_keep_monthly")]
    assert stored == [str(stick), "7", "3"]
    assert gui_ctx.config.backup_dir == stick

    panel.now_button.click()  # the task runs inline in tests
    (written,) = stick.glob("branchguard-*.zip")
    assert panel.status.text().startswith(f"Backup written: {written} (")
    assert panel.now_button.isEnabled()
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    events = gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="backup.create"))
    assert [e.entity_id for e in events] == [written.name]

    panel.set_folder("")
    assert gui_ctx.config.backup_dir == gui_ctx.data_dir / "backups"


def _archive(gui_ctx: AppContext, tmp_path: Path) -> Path:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    out = tmp_path / "copy.zip"
    gui_ctx.services.backup.create(lead, gui_ctx.config.db_url, out)
    return out


def test_restore_checks_shows_asks_and_the_next_start_restores(
    gui_ctx: AppContext, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _archive(gui_ctx, tmp_path)
    panel = _settings(open_window("lead")).backups
    shown: list[str] = []
    monkeypatch.setattr(panel, "confirm_restore", lambda summary: shown.append(summary) or False)
    panel.check_restore(archive)
    assert "File: " + str(archive) in shown[0] and "incidents" in shown[0]
    assert panel.status.text() == "Restore cancelled; nothing was changed."
    assert not pending.marker_path(gui_ctx.data_dir).exists()

    monkeypatch.setattr(panel, "confirm_restore", lambda summary: True)
    panel.check_restore(archive)
    assert pending.marker_path(gui_ctx.data_dir).exists()
    assert "will be restored the next time BranchGuard starts" in panel.status.text()
    assert panel.cancel_restore_button.isVisibleTo(panel)
    panel.cancel_restore()
    assert not pending.marker_path(gui_ctx.data_dir).exists()
    assert not panel.cancel_restore_button.isVisibleTo(panel)

    panel.check_restore(archive)  # asked again; now the window's next start does it
    gui_ctx.close()
    opening = ContextOpening((str(gui_ctx.data_dir), None, "en"))
    restarted = opening.result()
    try:
        assert opening.restore is not None and opening.restore.ok, opening.restore
        assert not pending.marker_path(gui_ctx.data_dir).exists()
        assert any(p.name.startswith("before-restore-") for p in gui_ctx.data_dir.iterdir())
    finally:
        restarted.close()


def test_a_damaged_archive_is_refused_and_nothing_is_asked(
    gui_ctx: AppContext, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _archive(gui_ctx, tmp_path)
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("attachments/extra.bin", b"not in the manifest")
    panel = _settings(open_window("lead")).backups
    monkeypatch.setattr(panel, "confirm_restore", lambda summary: pytest.fail("asked about a bad archive"))
    panel.check_restore(archive)
    assert "does not match its manifest" in panel.status.text()
    assert panel.status.property("role") == "error" and panel.restore_button.isEnabled()
    assert not pending.marker_path(gui_ctx.data_dir).exists()


def test_start_at_logon_writes_and_removes_the_autostart_entry(
    gui_ctx: AppContext, open_window, tmp_path: Path
) -> None:
    page = _settings(open_window("staff"))  # anyone's own choice, not a branch setting
    page.autostart = XdgAutostart(tmp_path / "config")
    page.refresh()
    assert not page.start_at_logon.isChecked()
    page.start_at_logon.setChecked(True)
    desktop = tmp_path / "config" / "autostart" / "branchguard.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f"--data-dir {gui_ctx.data_dir}" in text  # a test's folder is not the default one
    page.start_at_logon.setChecked(False)
    assert not desktop.exists()


def test_quitting_during_back_up_now_leaves_no_archive(
    gui_ctx: AppContext, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is held inside its first file until the quit began; told to stop, it leaves
    neither an archive nor a partial file, and nothing is audited."""
    from tests.gui.kit.test_quitting import quit_during_a_backup

    panel = _settings(open_window("lead")).backups
    (tmp_path / "usb").mkdir()
    panel.set_folder(str(tmp_path / "usb"))
    quit_during_a_backup(monkeypatch, panel.back_up_now)
    assert list((tmp_path / "usb").iterdir()) == []
    events = gui_ctx.services.audit.list(panel.session.actor, AuditFilter())
    assert not any(e.action == "backup.create" for e in events)


def test_a_restore_is_asked_for_and_cancelled_on_the_writers_thread_once(
    gui_ctx: AppContext, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool_tasks, qtbot
) -> None:
    from branchguard.core.backup.service import BackupService

    archive = _archive(gui_ctx, tmp_path)
    panel = _settings(open_window("lead")).backups
    monkeypatch.setattr(panel, "confirm_restore", lambda summary: True)
    pool_tasks.watch(BackupService, "request_restore")
    panel.check_restore(archive)
    qtbot.waitUntil(lambda: panel.cancel_restore_button.isVisibleTo(panel))
    assert pending.marker_path(gui_ctx.data_dir).exists()
    assert pool_tasks.ran_off_the_gui_thread("request_restore")
    pool_tasks.watch(BackupService, "cancel_restore")
    panel.cancel_restore()
    assert not panel.cancel_restore_button.isEnabled()  # waits for its write
    panel.cancel_restore()  # pressed again meanwhile: nothing more
    qtbot.waitUntil(lambda: not panel.cancel_restore_button.isVisibleTo(panel))
    assert not pending.marker_path(gui_ctx.data_dir).exists()
    assert pool_tasks.ran_off_the_gui_thread("cancel_restore")
    assert len(pool_tasks.threads["cancel_restore"]) == 1
