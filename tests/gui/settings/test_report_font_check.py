"""The Settings page asks the report engine which font it embeds, one check at a time."""

from __future__ import annotations

import threading

from branchguard.gui.settings import page as settings_page
from branchguard.gui.settings.page import SettingsPage
from branchguard.reports.fonts import FontChoice


def test_a_check_asked_for_while_one_runs_waits_for_it(
    gui_ctx, open_window, pool_tasks, qtbot, monkeypatch
) -> None:
    """The page's first show and a refresh at once each parsed the CJK font on one of the pool's
    two threads, and the page's own reads waited behind them."""
    release = threading.Event()
    running: list[int] = []
    most = [0]
    asked: list[str] = []

    def held(setting: str) -> FontChoice:
        running.append(1)
        most[0] = max(most[0], len(running))
        asked.append(setting)
        release.wait(10)
        running.pop()
        return FontChoice(
            name="WenQuanYiMicroHei", bold_name="WenQuanYiMicroHei", path=None, embedded=True, warning=None
        )

    monkeypatch.setattr(settings_page, "find_report_font", held)
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: len(asked) == 1)  # the page's own check, a turn after its show
    page.check_font()  # the setting changed, say: asked again while the first runs
    release.set()
    qtbot.waitUntil(lambda: len(asked) >= 2 and not running and page.font_choice is not None)
    assert most[0] == 1  # never two at once
    assert len(asked) == 2  # the one asked for meanwhile ran once the first was back
    assert "WenQuanYiMicroHei" in page.font_in_use.text()


def test_only_the_lead_chooses_this_pcs_report_font(gui_ctx, open_window, pool_tasks, qtbot) -> None:
    """Every report made on this PC embeds it: the auditor and staff see it and cannot change it."""
    settings = gui_ctx.config.settings
    for who in ("auditor", "staff"):
        page = open_window(who).show_page("settings")
        assert isinstance(page, SettingsPage)
        assert not page.font_choose.isEnabled() and not page.font_clear.isEnabled()
        page.set_report_font("/tmp/a-font-of-their-own.ttf")  # as a click would, were the button on
        assert settings.get("report_font") == "" and page.font_path.text() == ""
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.font_choose.isEnabled() and page.font_clear.isEnabled()
