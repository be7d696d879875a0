"""Faults of the machine before and during login are worded as the command line words them: in the
login dialog, the first-start dialog and the start's message box; a lock file that cannot be
written (a full disk) is said so, not taken for a window already open."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QDialog, QMessageBox

from branchguard.app import run_gui
from branchguard.context import AppContext, explain_fault, open_context
from branchguard.core.faults.holders import window_lock_name
from branchguard.core.faults.types import FaultKind, FaultPlace
from branchguard.gui.kit import tasks
from branchguard.gui.shell import single_instance
from branchguard.gui.shell.login import FirstRunDialog, LoginDialog
from tests.fault_support import RAW, disk_with, wrapped


def _raise(error: BaseException):
    def call(*_args: object, **_kwargs: object) -> object:
        raise error

    return call


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def no_window_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a new process: no window has attached, so no fault place was set by one."""
    monkeypatch.setattr(tasks, "_fault_place", None)


def _full_disk(monkeypatch: pytest.MonkeyPatch, free: int = 20 * 1024) -> None:
    disk_with(monkeypatch, free)


def _demo(data: Path) -> None:
    ctx = open_context(data)
    ctx.services.demo.fill()
    ctx.close()


@pytest.mark.parametrize("driver", ["database is locked", "database or disk is full"])
def test_a_fault_met_by_the_login_is_worded_in_the_login_dialog(
    tmp_path: Path, app, qtbot, monkeypatch: pytest.MonkeyPatch, no_window_yet: None, driver: str
) -> None:
    """The login writes its audit entry: under an outside lock, or on a full disk, the dialog showed
    "OperationalError: (sqlite3.OperationalError) database is locked [SQL: INSERT INTO …]"."""
    from branchguard.app import MainWindow, Startup, gui_settings

    data = tmp_path / "data"
    _demo(data)
    window = MainWindow(None, gui_settings(data))
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, (str(data), None, "en"), None, None)
    startup._open()  # what the first paint triggers
    assert startup.ctx is not None
    try:
        dialog = window.findChild(LoginDialog)
        assert dialog is not None and dialog.isVisible()
        error = wrapped(driver)
        monkeypatch.setattr(startup.ctx.services.auth, "login", _raise(error))
        dialog.username.setText("lead")
        dialog.password.setText("lead-demo-2026")
        dialog.submit()
        fault = explain_fault(error, startup.ctx.place)  # what the command line says
        assert fault is not None and fault.kind in (FaultKind.LOCKED, FaultKind.FULL)
        said = dialog.message.text()
        assert said == fault.text("en") and dialog.message.isVisibleTo(dialog)
        assert str(data) in said and not any(raw in said for raw in RAW)
        assert dialog.isVisible() and not window.is_attached()
    finally:
        startup.ctx.close()


def test_a_full_disk_met_at_the_start_is_worded_in_the_message_box(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    """With 20 KB free SQLite cannot make its -shm file: the start showed "OperationalError: …
    disk I/O error (Background on this error at: https://sqlalche.me/…)"."""
    data = tmp_path / "data"
    _demo(data)
    _full_disk(monkeypatch)
    monkeypatch.setattr("branchguard.context.open_after_pending_restore", _raise(wrapped("disk I/O error")))
    assert run_gui(str(data), lang="en") == 1
    assert len(messages) == 1
    assert messages[0].startswith(f"the disk holding {data} is full (disk I/O error)")
    assert not any(raw in messages[0] for raw in RAW)


def test_an_error_before_the_database_opens_is_worded_with_the_data_folder(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    data = tmp_path / "data"
    full = OSError(errno.ENOSPC, "No space left on device", str(data / "settings.ini"))
    monkeypatch.setattr("branchguard.context.open_after_pending_restore", _raise(full))
    assert run_gui(str(data), lang="en") == 1
    fault = explain_fault(full, FaultPlace(str(data), str(data / "branchguard.sqlite")))
    assert fault is not None and messages == [fault.text("en")]
    assert str(data) in messages[0] and "Errno" not in messages[0]


def test_the_first_start_dialog_words_a_full_disk_and_keeps_what_was_typed(
    empty_ctx: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "_fault_place", empty_ctx.place)  # set as the context opens (app.py)
    auth = empty_ctx.services.auth  # the branch and the account are one write
    monkeypatch.setattr(auth, "create_first_lead", _raise(wrapped("database or disk is full")))
    dialog = FirstRunDialog(empty_ctx.services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.branch_name.setText("城西支行")
    dialog.username.setText("wangjg")
    dialog.password.setText("safe-pass-1")
    dialog.password_repeat.setText("safe-pass-1")
    dialog.submit()
    said = dialog.message.text()
    assert said.startswith(f"the disk holding {empty_ctx.data_dir} is full")
    assert not any(raw in said for raw in RAW)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.branch_name.text() == "城西支行" and dialog.username.text() == "wangjg"


class _FullDiskLock(QLockFile):
    """QLockFile on a full disk: it cannot write the file and says only "unknown error"."""

    def tryLock(self, timeout: int = 0) -> bool:
        return False

    def error(self) -> QLockFile.LockError:
        return QLockFile.LockError.UnknownError


def _no_room(_fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_lock_file_that_cannot_be_written_is_the_full_disk_not_another_window(
    tmp_path: Path,
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """At 0 bytes free no window opened and stderr said "BranchGuard is already open on this data
    folder (PID ?) but did not answer" with nothing else running."""
    data = tmp_path / "data"
    monkeypatch.setattr(single_instance, "QLockFile", _FullDiskLock)
    monkeypatch.setattr(single_instance.os, "fsync", _no_room)  # the probe's write meets the full disk
    assert run_gui(str(data), lang="en") == 1
    err = capsys.readouterr().err
    assert "already open" not in err
    assert len(messages) == 1
    assert messages[0].startswith(f"the disk holding {data} is full (No space left on device)")
    assert messages[0] in err
    assert [p.name for p in data.iterdir() if "probe" in p.name] == []  # the probe file is gone


def test_a_lock_file_refused_for_no_known_reason_names_the_file(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    data = tmp_path / "data"
    monkeypatch.setattr(single_instance, "QLockFile", _FullDiskLock)  # the probe's write succeeds
    disk_with(monkeypatch, 50 << 30, 50 << 30)
    assert run_gui(str(data), lang="en") == 1
    assert len(messages) == 1
    lock = data / window_lock_name()
    assert messages[0].startswith(f"cannot write the window's lock file {lock}")


def test_a_data_folder_that_cannot_be_made_is_said_not_a_traceback(
    tmp_path: Path, qapp, messages: list[str]
) -> None:
    """The lock's folder was made before anything else could word an error: FileExistsError went up."""
    data = tmp_path / "data"
    data.write_text("not a folder")
    assert run_gui(str(data), lang="en") == 1
    assert len(messages) == 1 and messages[0].startswith(f"{data} is a file, not a folder: --data-dir")


def test_a_settings_file_that_cannot_be_read_is_said_in_a_message_box(
    tmp_path: Path, qapp, messages: list[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_bytes(b"[branchguard]\nlanguage = en\nlanguage = zh_CN\n")
    assert run_gui(str(data)) == 1
    said = "（第 3 行有误）：请用文本编辑器改正，或将其移出数据目录，以默认设置启动"
    assert messages == [f"无法读取 {data / 'settings.ini'}{said}"]  # in the default language


def test_a_window_open_on_another_pc_is_named_not_asked_forward(
    tmp_path: Path,
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The embedded database's folder on a share, its lock written by a window on another PC: the
    start said "already open on this data folder (PID 4242) but did not answer", a PID of no process
    here, and showed nothing on a PC without a console."""
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: messages.append(text))
    data = tmp_path / "data"
    data.mkdir()
    lock = data / window_lock_name()
    lock.write_text("4242\nBranchGuard.exe\nLOBBY-PC\n" + "0" * 32 + "\n\n", encoding="utf-8")  # QLockFile's
    assert run_gui(str(data), lang="en") == 3
    assert len(messages) == 1
    elsewhere = "BranchGuard is open on this data folder on another PC (LOBBY-PC, PID 4242):"
    assert messages[0].startswith(elsewhere)
    assert messages[0] in capsys.readouterr().err
    assert lock.read_text(encoding="utf-8").startswith("4242\n")  # left to its PC
