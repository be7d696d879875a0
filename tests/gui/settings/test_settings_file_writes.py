"""Settings that settings.ini would not take (a full disk, a file that cannot be replaced): each said
where it was chosen, with the file and the system's reason, never raised out of the slot (pytest-qt
fails a test on an exception in one); the widget shows what is stored."""

from __future__ import annotations

import configparser
import errno
from pathlib import Path
from typing import IO, Any

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import current_language
from branchguard.gui.settings.page import SettingsPage


def _settings(window: Any) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


@pytest.fixture
def unwritable(gui_ctx: AppContext) -> str:
    """settings.ini cannot be replaced (a folder where its new copy is written first); what is said."""
    path = gui_ctx.config.settings.path
    path.with_suffix(".ini.tmp").mkdir()
    return f"cannot write the settings file {path} (Is a directory); the setting was NOT changed"


def test_a_language_that_cannot_be_stored_is_said_and_the_language_in_use_stays(
    gui_ctx: AppContext, open_window: Any, unwritable: str
) -> None:
    page = _settings(open_window("lead"))
    settings = gui_ctx.config.settings
    stored = settings.get("language")
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert page.language_message.text().startswith(unwritable)
    assert page.language_message.isVisibleTo(page) and page.language_message.property("role") == "error"
    assert current_language() == "en" and page.language.currentData() == "en"
    assert settings.get("language") == stored
    assert page.tabs.tabText(0) == "General"  # the window was not switched to Chinese


def test_a_report_font_that_cannot_be_stored_is_said_and_the_stored_one_shown(
    gui_ctx: AppContext, open_window: Any, unwritable: str
) -> None:
    page = _settings(open_window("lead"))
    page.set_report_font("/fonts/simhei.ttf")
    assert page.font_message.text().startswith(unwritable) and page.font_message.isVisibleTo(page)
    assert page.font_path.text() == "" and gui_ctx.config.settings.get("report_font") == ""
    gui_ctx.config.settings.path.with_suffix(".ini.tmp").rmdir()  # writable again
    page.set_report_font("/fonts/simhei.ttf")
    assert not page.font_message.isVisibleTo(page) and page.font_path.text() == "/fonts/simhei.ttf"


def test_backup_settings_a_full_disk_refuses_are_said_and_the_stored_values_shown(
    gui_ctx: AppContext, open_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _settings(open_window("lead")).backups
    settings = gui_ctx.config.settings

    def full(_parser: configparser.ConfigParser, _fh: IO[str], *_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(configparser.ConfigParser, "write", full)
    said = f"cannot write the settings file {settings.path} (No space left on device)"
    panel.keep_daily.setValue(7)
    assert panel.status.text().startswith(said) and panel.status.property("role") == "error"
    assert panel.keep_daily.value() == 14 and settings.get_int("backup_keep_daily") == 14
    panel.keep_monthly.setValue(3)
    assert panel.keep_monthly.value() == 12 and settings.get_int("backup_keep_monthly") == 12
    panel.set_folder(str(tmp_path / "usb"))
    assert panel.status.text().startswith(said)
    assert panel.folder.text() == "" and settings.get("backup_dir") == ""
    monkeypatch.undo()
    panel.set_folder(str(tmp_path / "usb"))  # room again: stored, the refusal gone
    assert panel.folder.text() == str(tmp_path / "usb") and panel.status.text() == ""
    panel.keep_daily.setValue(7)
    assert settings.get_int("backup_keep_daily") == 7
