"""The window started on a PC whose clock is off the PostgreSQL server's says so in a banner above
every page, for the whole session, in the window's language (and the one switched to), and the
audit trail records it once, at the login; on SQLite (no second clock) there is no banner and no
record. The start is the real one (app.Startup: the context opened, the login, the window filled);
the PC's clock is the test's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.app import MainWindow, Startup, gui_settings
from branchguard.gui.kit.translation import install
from tests.server_clock_support import BEHIND, clock_events, shift_pc_clock


def _started(tmp_path: Path, db_url: str, lang: str, qtbot: Any) -> tuple[MainWindow, Startup]:
    window = MainWindow(None, gui_settings(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, (str(tmp_path / "data"), db_url, lang), ("lead", "lead-demo-2026"), None)
    startup._open()  # what the first paint triggers: the context, then the login
    return window, startup


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_pc_clock_off_the_servers_is_shown_above_every_page_and_audited_once(
    ctx: Any, demo: list[Any], db_url: str, tmp_path: Path, lang: str, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    shift_pc_clock(monkeypatch, BEHIND)
    window, startup = _started(tmp_path, db_url, lang, qtbot)
    try:
        assert window.is_attached()
        banner = window.clock_off_banner
        if db_url.startswith("sqlite"):  # the database is a file on this PC: one clock
            assert banner is None and clock_events(ctx) == []
            return
        assert banner is not None
        qtbot.waitUntil(banner.isVisible)  # the bar is laid out at the next turn of the window
        words = {
            "en": "This PC's clock is 7 min 0 s behind the database server's",
            "zh_CN": "本机时钟比数据库服务器慢 7 分 0 秒",
        }
        assert banner.text().startswith(words[lang])
        assert window.show_page("audit") is not None and banner.isVisible()  # every page
        other = "en" if lang == "zh_CN" else "zh_CN"
        install(other)  # the user switches the language (Settings): the banner follows
        try:
            qtbot.waitUntil(lambda: banner.text().startswith(words[other]))  # LanguageChange is posted
        finally:
            install(lang)
        [event] = clock_events(ctx)
        assert event.actor == "lead" and '"seconds": -420' in event.summary
    finally:
        window.stop_schedules()  # started once the landing page showed its data
        assert startup.ctx is not None
        startup.ctx.close()
