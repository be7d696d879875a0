"""A new PC's first start offers "Restore from a backup…": checked, shown and asked about without a
login, BranchGuard quits, and the next start restores it (the window's only way to a backup was
Settings → Backups, behind a branch and an account made up to be replaced)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from branchguard import __version__
from branchguard.app import ContextOpening
from branchguard.context import AppContext
from branchguard.core.backup import pending
from branchguard.core.backup.archive import create_backup
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.gui.shell.login import FirstRunDialog


def _old_pc_backup(demo_folder: Callable[[Path], Path], tmp_path: Path) -> Path:
    old = demo_folder(tmp_path / "old-pc")
    out = tmp_path / "usb" / "branchguard.zip"
    out.parent.mkdir()
    create_backup(old, f"sqlite:///{old / 'branchguard.sqlite'}", out, __version__)
    return out


def test_the_first_start_restores_a_backup_at_the_next_start(
    empty_ctx: AppContext, demo_folder, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _old_pc_backup(demo_folder, tmp_path)
    dialog = FirstRunDialog(empty_ctx.services, db_url=empty_ctx.config.db_url)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is not None and dialog.restore_button.text() == "Restore from a backup…"
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(dialog.restore, "confirm", lambda summary: asked.append(summary) or False)
    monkeypatch.setattr(dialog.restore, "tell", told.append)
    dialog.restore.check(archive)  # the tasks run inline in the tests
    assert f"File: {archive}" in asked[0] and "incidents" in asked[0]
    assert not pending.marker_path(empty_ctx.data_dir).exists() and told == []  # said no: nothing

    monkeypatch.setattr(dialog.restore, "confirm", lambda summary: True)
    dialog.restore.check(archive)
    assert pending.read_marker(empty_ctx.data_dir) is not None
    assert told and "Start BranchGuard again" in told[0]
    assert dialog.result() == QDialog.DialogCode.Rejected  # the first start's Quit: the app ends

    empty_ctx.close()
    opening = ContextOpening((str(empty_ctx.data_dir), None, "en"))
    restarted = opening.result()
    try:
        assert opening.restore is not None and opening.restore.ok, opening.restore
        assert "chosen at the first start" in opening.restore.text()
        assert restarted.services.auth.has_users()  # the old PC's accounts: log in with one
        assert restarted.services.auth.login("lead", "lead-demo-2026").username == "lead"
    finally:
        restarted.close()


def test_once_an_account_exists_only_a_safety_lead_restores(
    gui_ctx: AppContext, demo_folder, tmp_path: Path
) -> None:
    archive = _old_pc_backup(demo_folder, tmp_path)
    backup = gui_ctx.services.backup
    with pytest.raises(PermissionDenied, match="Settings → Backups"):
        backup.check_first(archive)
    manifest = backup.check(gui_ctx.services.auth.login("lead", "lead-demo-2026"), archive)
    with pytest.raises(PermissionDenied):
        backup.request_first_restore(gui_ctx.config.db_url, archive, manifest)
    assert not pending.marker_path(gui_ctx.data_dir).exists()
