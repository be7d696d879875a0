"""An unexpected error in the window: the log keeps the traceback, the person gets one short message
naming the log; Help → Open log folder opens that folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from branchguard import diagnostics
from branchguard.gui.shell import crash_report


def test_one_message_names_the_log_and_chains_to_the_previous_hook(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = diagnostics.start_logging(tmp_path / "data")
    seen: list[str] = []
    chained: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: chained.append(kind))

    def box(_parent, _title, text):
        seen.append(text)
        crash_report.tell(RuntimeError("while the box is open"))  # a repeat shows no second box

    monkeypatch.setattr(crash_report.QMessageBox, "critical", box)
    crash_report.install()
    try:
        raise ValueError("boom")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert chained == [ValueError]
    assert len(seen) == 1 and "ValueError" in seen[0] and str(log) in seen[0]


def test_help_opens_the_log_folder(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    from branchguard.app import gui_settings
    from branchguard.gui.shell.main_window import MainWindow

    diagnostics.start_logging(tmp_path / "data")
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = MainWindow(None, gui_settings(tmp_path / "data"))
    qtbot.addWidget(window)
    assert window.log_folder_action in window.help_menu.actions()
    window.log_folder_action.trigger()
    assert opened == [str(tmp_path / "data" / "logs")]


def test_on_a_database_server_the_window_logs_to_this_pcs_file_and_the_message_names_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PCs of a shared deployment share the data folder: each window its own log file."""
    from branchguard.app import _start_log
    from branchguard.core.faults.holders import pc_tag

    _start_log(tmp_path / "data", on_server=True)
    own = tmp_path / "data" / "logs" / f"branchguard-{pc_tag()}.log"
    assert diagnostics.log_path() == own
    seen: list[str] = []
    monkeypatch.setattr(crash_report.QMessageBox, "critical", lambda _p, _t, text: seen.append(text))
    crash_report.tell(ValueError("boom"))
    assert str(own) in seen[0]
    assert "window started" in own.read_text(encoding="utf-8")
    _start_log(tmp_path / "sqlite", on_server=False)  # the embedded database: the folder's one file
    assert diagnostics.log_path() == tmp_path / "sqlite" / "logs" / "branchguard.log"
