"""The window's automatic backup: one a day into the backup folder; a failure is said, not thrown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMainWindow

from branchguard.gui.shell import daily_backup


def test_one_backup_a_day_and_the_status_bar_says_where(qtbot, gui_ctx) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    today = date.today()
    assert daily_backup.start(window, gui_ctx, today)
    made = sorted(gui_ctx.config.backup_dir.glob("branchguard-*.zip"))
    assert len(made) == 1
    assert str(made[0]) in window.statusBar().currentMessage()
    assert not daily_backup.start(window, gui_ctx, today)  # already made today
    assert daily_backup.due(gui_ctx, today + timedelta(days=1))
    events = gui_ctx.services.audit.list(_lead(gui_ctx))
    assert any(e.action == "backup.create" and e.actor == "system" for e in events)


def test_an_unreachable_folder_is_said_in_the_status_bar(qtbot, gui_ctx) -> None:
    blocker = gui_ctx.data_dir / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    gui_ctx.config.settings.set("backup_dir", str(blocker))
    window = QMainWindow()
    qtbot.addWidget(window)
    assert daily_backup.start(window, gui_ctx, date.today())
    said = window.statusBar().currentMessage()
    assert said == (
        f"Today's automatic backup failed: the backup folder {blocker} is a file, not a folder; nothing "
        "was written. Check the backup folder in Settings."
    )


def test_a_stick_not_plugged_in_is_said_and_no_folder_is_made_for_it(qtbot, gui_ctx, tmp_path) -> None:
    stick = tmp_path / "media" / "lead" / "BACKUP"  # a mount point's path, the stick not there
    gui_ctx.config.settings.set("backup_dir", str(stick))
    window = QMainWindow()
    qtbot.addWidget(window)
    assert daily_backup.start(window, gui_ctx, date.today())
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Today's automatic backup failed: the backup folder {stick} is not there: is ")
    assert not stick.exists()


def _lead(ctx):
    from branchguard.core.kernel.types import Actor, Role

    info = ctx.services.auth.user_by_name("lead")
    return Actor(user_id=info.id, username=info.username, role=Role(info.role))


def test_quitting_while_it_runs_stops_it_and_leaves_no_archive(qtbot, gui_ctx, monkeypatch, caplog) -> None:
    """The backup is held inside its first file until the quit began; told to stop, it removes its
    partial file: no archive, nothing audited, nothing said in the closing window; the log says so."""
    import logging

    from tests.gui.kit.test_quitting import quit_during_a_backup

    window = QMainWindow()
    qtbot.addWidget(window)
    caplog.set_level(logging.INFO, logger=daily_backup.__name__)
    started: list[bool] = []
    today = date.today()
    quit_during_a_backup(monkeypatch, lambda: started.append(daily_backup.start(window, gui_ctx, today)))
    assert started == [True]
    qtbot.wait(0)
    folder = gui_ctx.config.backup_dir
    assert list(folder.iterdir()) == [] and window.statusBar().currentMessage() == ""
    events = gui_ctx.services.audit.list(_lead(gui_ctx))
    assert not any(e.action == "backup.create" for e in events)
    assert "automatic backup stopped: the window closed; nothing was written" in caplog.messages
