"""A PC clock set back during an incident, as the window shows it: the log marks each entry earlier
than one written before it, page by page as the whole log would be (warning icon and colour, core's
words in its tooltip); the console's and the banner's elapsed clocks say "clock?" with core's words
instead of sitting at 0:00:00 while the start is later than now. The clock is the test's
(tests/pc_clock.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from branchguard.context import AppContext
from branchguard.core.incidents.text import clock_back_text, elapsed_text, local_stamp
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.console.header import IncidentHeader
from branchguard.gui.incidents.log_model import IncidentLogModel
from branchguard.gui.shell.incident_banner import IncidentBanner
from tests.gui.incidents.incident_support import login
from tests.pc_clock import TEN, set_pc_clock

H = timedelta(hours=1)


def clock_text() -> str:
    return QCoreApplication.translate("IncidentElapsed", "clock?")  # as the window is translated


@pytest.fixture
def set_back(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> int:
    """Started 10:00, a note at 10:30, the clock set back two hours (two notes), then right again."""
    clock = set_pc_clock(monkeypatch)
    lead, inc = login(gui_ctx, "lead"), gui_ctx.services.incidents
    iid = inc.start(lead, None, Level.III, title="Clock test").id
    for at, text in (
        (TEN + H / 2, "10:30"),
        (TEN - 1.5 * H, "08:30"),
        (TEN - 1.4 * H, "08:36"),
        (TEN + H, "11:00"),
    ):
        clock.at = at
        inc.log(lead, iid, EntryKind.NOTE, text)
    return iid


def test_the_log_marks_entries_earlier_than_one_written_before_across_pages(gui_ctx, set_back) -> None:
    model = IncidentLogModel(gui_ctx.services, login(gui_ctx, "lead"), set_back, page_size=2)
    while model.canFetchMore(QModelIndex()):  # pages of two: the set-back entries on another page
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    marked = {
        model.entry_at(row).seq: model.tooltip(row)
        for row in range(5)
        if not model.item(row, IncidentLogModel.COL_TIME).icon().isNull()
    }
    assert set(marked) == {3, 4}  # 08:30 and 08:36, both earlier than entry 2 (10:30)
    said = clock_back_text(2, TEN + H / 2)
    assert all(said in tooltip for tooltip in marked.values())
    time = model.index(model.row_of(3), IncidentLogModel.COL_TIME)
    assert time.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert said not in model.tooltip(model.row_of(5)) and model.clock_back(model.row_of(2)) == ""


def test_the_console_clock_says_the_start_is_later_than_now(gui_ctx, set_back, qtbot) -> None:
    detail = gui_ctx.services.incidents.get(login(gui_ctx, "lead"), set_back)
    header = IncidentHeader()
    qtbot.addWidget(header)
    header.set_detail(detail)
    header.tick(TEN + 2 * H)
    assert header.elapsed.text() == "2:00:00"
    now = TEN - 3 * H  # the clock set back three hours after the start
    header.tick(now)
    assert header.elapsed.text() == clock_text()
    who = header.who(detail.summary.started_by)
    said = t("cli.incident.started_later", at=local_stamp(TEN), who=who, now=local_stamp(now))
    assert said in header.elapsed.toolTip()
    closed = replace(
        detail, summary=replace(detail.summary, closed_at=TEN - 2 * H)
    )  # closed "before" it began
    header.set_detail(closed)
    header.tick(TEN + 5 * H)
    assert header.elapsed.text() == clock_text() and elapsed_text(-2 * H) in header.elapsed.toolTip()


def test_the_banner_clock_says_the_start_is_later_than_now(gui_ctx, set_back, qtbot, monkeypatch) -> None:
    summary = gui_ctx.services.incidents.get(login(gui_ctx, "lead"), set_back).summary
    now = [TEN + H]  # the window's clock, as its one-second timer reads it
    monkeypatch.setattr("branchguard.gui.kit.times.now_utc", lambda: now[0])
    monkeypatch.setattr("branchguard.gui.shell.incident_banner.now_utc", lambda: now[0], raising=False)
    banner = IncidentBanner()
    qtbot.addWidget(banner)
    banner.set_open([summary])
    banner.tick()
    assert banner.clock.text() == "1:00:00"
    now[0] = TEN - 3 * H
    banner.tick()
    assert banner.clock.text() == clock_text()
    assert "2026" in banner.clock.toolTip() and local_stamp(TEN) in banner.clock.toolTip()


def test_the_follow_mode_clock_says_so_too(gui_ctx, set_back, qtbot, monkeypatch) -> None:
    """Staff read follow mode from across the room: it sat at 0:00:00 while the console said
    "clock?" (its own clock was computed apart)."""
    from branchguard.gui.incidents.follow_mode import window as follow
    from branchguard.gui.shell.session import GuiSession

    now = [TEN + H]
    monkeypatch.setattr(follow, "utc_now", lambda: now[0])
    window = follow.FollowWindow(GuiSession(gui_ctx, login(gui_ctx, "staff")), set_back)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.detail is not None)
    window._tick()
    assert window.clock_label.text() == "1:00:00"
    now[0] = TEN - 3 * H
    window._tick()
    assert window.clock_label.text() == clock_text() and local_stamp(TEN) in window.clock_label.toolTip()


def test_larger_text_grows_the_consoles_emphasis_and_rows(gui_ctx, set_back, qtbot) -> None:
    """At a 15 pt system font the step now stayed at 12.5 pt, smaller than the body, and the
    step list's and the log's fixed 24 px rows cut their column titles through."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from branchguard.gui.incidents.console.header import IncidentHeader
    from branchguard.gui.incidents.console.log_panel import LogPanel
    from branchguard.gui.incidents.console.steps_panel import StepsPanel

    app = QApplication.instance()
    before = app.font()
    large = QFont(before)
    large.setPointSizeF(15)
    app.setFont(large)
    try:
        lead = login(gui_ctx, "lead")
        header, steps, log = IncidentHeader(), StepsPanel(), LogPanel(gui_ctx.services, lead, set_back)
        for widget in (header, steps, log):
            qtbot.addWidget(widget)
        assert header.title.font().pointSizeF() == 22.5  # 15 pt at 10 pt text
        assert steps.now_label.font().pointSizeF() > 15
        line = steps.fontMetrics().height()
        assert steps.table.verticalHeader().defaultSectionSize() >= line + 8
        assert steps.table.horizontalHeader().height() >= line + 8
        assert log.view.verticalHeader().defaultSectionSize() >= line + 8
    finally:
        app.setFont(before)
