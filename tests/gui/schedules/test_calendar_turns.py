"""The calendar's month in turns of the event loop: its cells built a week per turn while its read is
under way, a refresh that finds a day's lines unchanged leaves that day alone, and a day's lines laid
out a few per turn, every one still reached by scrolling."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QListView, QListWidgetItem, QVBoxLayout, QWidget

from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.schedules import calendar_views
from branchguard.gui.schedules.calendar_page import MONTH, CalendarPage
from branchguard.gui.schedules.calendar_views import LAYOUT_BATCH, DayCell, DayGrid, DayList, month_start


def _local(day: date, hour: int, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone(UTC)


def _add(ctx, title: str, at: datetime) -> None:
    lead = ctx.services.auth.login("lead", "lead-demo-2026")
    ctx.services.schedules.add(lead, ScheduleInput(title=title, start=at, lead_minutes=60))


def _days_ahead(n: int) -> date:
    """A day `n` days on that the month of today shows (its six weeks run past the month's end)."""
    return min(date.today() + timedelta(days=n), month_start(date.today()) + timedelta(days=41))


def _month(open_window, day: date) -> CalendarPage:
    """The lead's calendar page on the month of `day`."""
    page = open_window("lead").show_page("calendar")
    assert isinstance(page, CalendarPage)
    page.go_to(day, MONTH)
    return page


def test_a_refresh_leaves_the_days_whose_lines_are_unchanged_alone(gui_ctx, open_window, monkeypatch) -> None:
    first, second = _days_ahead(1), _days_ahead(2)
    _add(gui_ctx, "Alarm test", _local(first, 9))
    _add(gui_ctx, "Vault check", _local(second, 11))
    page = _month(open_window, date.today())
    added: list[str] = []
    add_item = DayList.addItem

    def counted(self: DayList, item: QListWidgetItem) -> None:
        added.append(item.text())
        add_item(self, item)

    monkeypatch.setattr(DayList, "addItem", counted)
    page.refresh()
    assert added == []  # nothing changed: no day is cleared and filled again
    assert "Alarm test" in page.month.cell(first).titles()
    _add(gui_ctx, "Door drill", _local(first, 15))
    page.refresh()
    # only the day that gained a line is filled again, with all of its lines
    assert sorted(added) == sorted(page.month.cell(first).items.item(i).text() for i in range(len(added)))
    assert {"Alarm test", "Door drill"} <= set(page.month.cell(first).titles())
    assert len(added) == len(page.month.cell(first).titles())
    assert "Vault check" in page.month.cell(second).titles()


def test_a_refresh_that_reads_the_same_items_leaves_the_view_as_shown(
    gui_ctx, open_window, monkeypatch
) -> None:
    """The same items for the same view, day and language: nothing is worded or laid out again;
    new items, another language or another month are shown."""
    from branchguard.core.kernel.i18n import current_language, set_language

    _add(gui_ctx, "Alarm test", _local(_days_ahead(1), 9))
    page = _month(open_window, date.today())
    shown: list[int] = []
    show_items = DayGrid.show_items

    def counted(self: DayGrid, *args, **kwargs) -> None:
        shown.append(1)
        show_items(self, *args, **kwargs)

    monkeypatch.setattr(DayGrid, "show_items", counted)
    page.refresh()
    assert shown == []
    _add(gui_ctx, "Door drill", _local(_days_ahead(2), 15))
    page.refresh()
    assert shown == [1] and "Door drill" in page.month.cell(_days_ahead(2)).titles()
    before = current_language()
    try:
        set_language("en" if before.startswith("zh") else "zh_CN")
        page.refresh()
        assert shown == [1, 1]
    finally:
        set_language(before)
    page.step(1)  # the next month
    assert shown == [1, 1, 1]


def test_the_month_is_built_a_week_per_turn_while_its_read_is_under_way(
    gui_ctx, open_window, pool_tasks, qtbot, monkeypatch
) -> None:
    day = _days_ahead(3)
    _add(gui_ctx, "Fire drill", _local(day, 10))
    window = open_window("lead")
    release = threading.Event()
    calendar = gui_ctx.services.schedules.calendar

    def held(*args, **kwargs):
        release.wait(10)  # the read is slow: the page goes on building
        return calendar(*args, **kwargs)

    monkeypatch.setattr(gui_ctx.services.schedules, "calendar", held)
    built: list[int] = []
    build_week = DayGrid.build_week

    def counted(self: DayGrid, first: date, month: int, today: date) -> bool:
        before = len(self.findChildren(DayCell))
        more = build_week(self, first, month, today)
        built.append(len(self.findChildren(DayCell)) - before)
        return more

    monkeypatch.setattr(DayGrid, "build_week", counted)
    page = window.show_page("calendar")
    assert isinstance(page, CalendarPage)
    qtbot.waitUntil(lambda: len(page.month.findChildren(DayCell)) == 42)
    assert built[:6] == [7] * 6  # a week per turn, before any data
    qtbot.waitUntil(lambda: all(c.isVisibleTo(page.month) for c in page.month.findChildren(DayCell)))
    assert page.items == []
    release.set()
    qtbot.waitUntil(lambda: bool(page.items))
    assert page.month.cell(day).titles() == ["Fire drill"]
    assert len(page.month.findChildren(DayCell)) == 42  # the cells built ahead are the ones filled


class _CountedLayout(QVBoxLayout):
    """A page's layout that counts how often it is laid out."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.laid_out = 0

    def setGeometry(self, rect: QRect) -> None:
        self.laid_out += 1
        super().setGeometry(rect)


def test_the_month_shows_its_days_laying_the_page_out_once_not_once_a_day(qtbot) -> None:
    """Qt lays out every visible ancestor again at each child shown: the 42 days, shown one by one
    in a visible month, laid the whole window out 42 times in one turn (~50 ms at ten years)."""
    page = QWidget()
    layout = _CountedLayout(page)
    grid = DayGrid(6)
    layout.addWidget(grid)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    while grid.build_week(month_start(date.today()), date.today().month, date.today()):
        pass
    layout.laid_out = 0
    grid.reveal()
    cells = grid.findChildren(DayCell)
    assert len(cells) == 42 and all(cell.isVisible() for cell in cells)
    assert grid.isVisible()
    assert layout.laid_out <= 2


def test_a_busy_day_lays_its_lines_out_in_batches_and_scrolls_to_the_last(
    gui_ctx, open_window, qtbot
) -> None:
    day = _days_ahead(4)
    titles = [f"Patrol {n:02d}" for n in range(12)]
    for n, title in enumerate(titles):
        _add(gui_ctx, title, _local(day, 8 + n // 2, 30 * (n % 2)))
    page = _month(open_window, day)
    lines = page.month.cell(day).items
    assert lines.layoutMode() is QListView.LayoutMode.Batched and lines.batchSize() == LAYOUT_BATCH
    assert [t for t in page.month.cell(day).titles() if t.startswith("Patrol")] == titles
    last = lines.item(lines.count() - 1)

    def last_in_view() -> bool:  # scrolled as a user would, the batches laid out meanwhile
        lines.scrollToItem(last)
        return lines.viewport().rect().intersects(lines.visualItemRect(last))

    qtbot.waitUntil(last_in_view)
    assert lines.verticalScrollBar().value() > 0
    assert last.text().endswith("Patrol 11")


def test_a_line_reads_its_local_clock_time_as_strftime_would() -> None:
    for at in (datetime(2026, 1, 5, 0, 5, tzinfo=UTC), datetime(2026, 7, 9, 23, 59, tzinfo=UTC)):
        item = type("Item", (), {"due_at": at, "title": "Check"})()
        assert calendar_views.item_text(item) == f"{at.astimezone():%H:%M} Check"  # type: ignore[arg-type]
