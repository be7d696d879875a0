"""Settings → Backups → "Back up now" on the real thread pool: its progress moves with the bytes
read, and its Cancel stops it with nothing left behind (no archive, no partial file, no audit record),
which the panel says."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QProgressDialog, QPushButton

from branchguard.core.audit.service import AuditFilter
from branchguard.gui.kit import tasks
from tests.core.backup.test_one_at_a_time import BOUND_S, Held


def _panel(window, stick: Path):
    panel = window.show_page("settings").backups
    stick.mkdir(exist_ok=True)  # a stick plugged in: a folder not there is refused
    panel.set_folder(str(stick))
    return panel


def test_back_up_now_reports_its_progress_as_it_goes(
    open_window, gui_ctx, pool_tasks, monkeypatch, qtbot, tmp_path: Path
) -> None:
    photos = gui_ctx.data_dir / "attachments" / "ph"
    photos.mkdir(parents=True, exist_ok=True)
    (photos / "scene").write_bytes(os.urandom(4 * 1024 * 1024))  # read a megabyte at a time
    told: list[tuple[int, int]] = []
    report = tasks.TaskProgress.report

    def recorded(self: Any, done: int, total: int, text: str = "") -> None:
        told.append((done, total))
        report(self, done, total, text)

    monkeypatch.setattr(tasks.TaskProgress, "report", recorded)
    panel = _panel(open_window("lead"), tmp_path / "usb")
    panel.now_button.click()
    qtbot.waitUntil(panel.now_button.isEnabled, timeout=BOUND_S * 1000)

    assert panel.status.text().startswith("Backup written: ")
    dones = [done for done, _total in told]
    (total,) = {total for _done, total in told}
    assert dones == sorted(dones) and dones[-1] == total
    assert len([done for done in dones if 0 < done < total]) >= 3  # between start and end, not a jump


def test_cancel_stops_back_up_now_and_leaves_nothing(
    open_window, gui_ctx, pool_tasks, monkeypatch, qtbot, tmp_path: Path
) -> None:
    held = Held(monkeypatch)
    stick = tmp_path / "usb"
    panel = _panel(open_window("lead"), stick)
    try:
        panel.now_button.click()
        assert held.inside.wait(BOUND_S)
        (dialog,) = panel.findChildren(QProgressDialog)
        (cancel,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        cancel.click()
    finally:
        held.release.set()
    qtbot.waitUntil(panel.now_button.isEnabled, timeout=BOUND_S * 1000)

    assert panel.status.text() == "Backup cancelled; nothing was written."
    assert list(stick.iterdir()) == []  # no archive, no reservation, no .partial- file
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    events = gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="backup.create"))
    assert not [e for e in events if e.entity_id.startswith("branchguard-")]
