"""The calendar's month as one view: its days painted, not a list view each; the day under the
mouse gets its list (to scroll, drag and read tooltips); a refresh that finds a day's lines
unchanged leaves that day alone; a day's lines laid out a few per turn, every one still reached by
scrolling, and painted as its list shows them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication, QListView

from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.schedules import calendar_views
from branchguard.gui.schedules.calendar_page import MONTH, CalendarPage
from branchguard.gui.schedules.calendar_views import LAYOUT_BATCH, DayList, month_start
from branchguard.gui.schedules.day_grid import TEXT_MARGIN, DayGrid, cut, laid_out, whole_lines


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


def test_a_refresh_leaves_the_days_whose_lines_are_unchanged_alone(gui_ctx, open_window) -> None:
    first, second = _days_ahead(1), _days_ahead(2)
    _add(gui_ctx, "Alarm test", _local(first, 9))
    _add(gui_ctx, "Vault check", _local(second, 11))
    page = _month(open_window, date.today())
    changed: list[date] = []

    def said(top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        assert top == bottom  # a day at a time: an open day's list is filled again
        changed.append(page.month.days.day(top))

    page.month.days.dataChanged.connect(said)
    page.refresh()
    assert changed == []  # nothing changed: no day painted again
    assert "Alarm test" in page.month.titles(first)
    _add(gui_ctx, "Door drill", _local(first, 15))
    page.refresh()
    assert changed == [first]  # only the day that gained a line
    assert {"Alarm test", "Door drill"} <= set(page.month.titles(first))
    assert "Vault check" in page.month.titles(second)


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
    assert shown == [1] and "Door drill" in page.month.titles(_days_ahead(2))
    before = current_language()
    try:
        set_language("en" if before.startswith("zh") else "zh_CN")
        page.refresh()
        assert shown == [1, 1]
    finally:
        set_language(before)
    page.step(1)  # the next month
    assert shown == [1, 1, 1]


def _hover(grid: DayGrid, day: date) -> None:
    """The mouse moved over `day`'s cell, no button pressed."""
    at = QPointF(grid.visualRect(grid.days.index_of(day)).center())
    move = QMouseEvent(QEvent.Type.MouseMove, at, grid.viewport().mapToGlobal(at), Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(grid.viewport(), move)


def test_the_month_is_one_view_and_the_day_under_the_mouse_gets_its_list(gui_ctx, open_window) -> None:
    """42 list views, one a day, took ~45 ms to lay out and paint at the month's first show (ten
    years); the days are painted by one view, and the day under the mouse gets a real list over
    its lines, to scroll, select, drag from and read the tooltips of; one at a time."""
    day, other = _days_ahead(3), _days_ahead(4)
    _add(gui_ctx, "Fire drill", _local(day, 10))
    page = _month(open_window, date.today())
    grid = page.month
    assert grid.titles(day) == ["Fire drill"]
    assert page.findChildren(DayList) == []  # no widget per day
    _hover(grid, day)
    (lines,) = page.findChildren(DayList)
    assert lines.day == day and lines.titles() == ["Fire drill"] and lines.isVisible()
    assert grid.visualRect(grid.days.index_of(day)).contains(lines.geometry().center())
    assert "Fire drill" in lines.item(0).toolTip()
    assert lines.accessibleName() == grid.days.spoken(day)
    _hover(grid, other)
    (lines,) = [shown for shown in page.findChildren(DayList) if shown.isVisible()]  # the first closed
    assert lines.day == other and lines.titles() == []


def test_a_days_lines_are_painted_where_its_list_shows_them(app) -> None:
    """Wrapped in the cell's width, less the list's scroll bar when they do not all fit, and only
    as many as fit: the list opened over them shows the same lines in the same places."""
    metrics = QFontMetrics(app.font())
    item = type("Item", (), {"due_at": datetime(2026, 12, 2, 8, tzinfo=UTC), "title": "Opening check"})()
    entry = calendar_views.Entry(item, "08:30 Opening check", "", None, False)  # type: ignore[arg-type]
    wide = QRect(0, 0, 400, 200)
    ((rect, _entry),) = laid_out(metrics, wide, [entry], 15)
    assert (rect.left(), rect.top(), rect.width()) == (TEXT_MARGIN, 0, 400 - 2 * TEXT_MARGIN)
    assert rect.height() < 2 * metrics.height()  # one line, all of it
    short = QRect(0, 0, 400, 2 * metrics.height())
    placed = laid_out(metrics, short, [entry] * 5, 15)
    assert 2 <= len(placed) <= 3  # as many as fit, the last one cut
    assert all(rect.width() == 400 - 15 - 2 * TEXT_MARGIN for rect, _entry in placed)  # room for the bar
    assert cut(placed, [entry] * 5, short)  # an arrow in that room says there is more
    assert not cut(laid_out(metrics, wide, [entry] * 2, 15), [entry] * 2, wide)


def test_a_cell_shows_whole_lines_only() -> None:
    """The lines are clipped at the last text line the cell shows whole, counted in each entry's
    own line height (a wrapped CJK line is taller than the font's spacing): no half line shows."""
    e = None
    one, four = QRect(0, 0, 100, 16), QRect(0, 16, 100, 64)  # an entry of one line, one of four
    assert whole_lines([(one, e), (four, e)], QRect(0, 0, 100, 50), 15) == 47  # two of the four
    assert whole_lines([(one, e), (four, e)], QRect(0, 0, 100, 100), 15) == 99  # all fit
    late = QRect(0, 40, 100, 32)
    assert whole_lines([(QRect(0, 0, 100, 40), e), (late, e)], QRect(0, 0, 100, 50), 15) == 39  # none
    assert whole_lines([(QRect(0, 0, 100, 64), e)], QRect(0, 0, 100, 10), 15) == 9  # the first, cut


def test_a_busy_day_lays_its_lines_out_in_batches_and_scrolls_to_the_last(
    gui_ctx, open_window, qtbot
) -> None:
    day = _days_ahead(4)
    titles = [f"Patrol {n:02d}" for n in range(12)]
    for n, title in enumerate(titles):
        _add(gui_ctx, title, _local(day, 8 + n // 2, 30 * (n % 2)))
    page = _month(open_window, day)
    lines = page.month.day_list(day)
    assert lines is not None
    assert lines.layoutMode() is QListView.LayoutMode.Batched and lines.batchSize() == LAYOUT_BATCH
    assert [t for t in lines.titles() if t.startswith("Patrol")] == titles
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


def test_the_views_are_made_where_they_stay(open_window, moves) -> None:
    """Made without a parent and moved into the page's stack, each grid was styled again with all
    it holds at the page's first show (half the page's build at ten years)."""
    moves.watch(DayGrid)
    page = _month(open_window, date.today())
    assert page.stack.isAncestorOf(page.month) and page.stack.isAncestorOf(page.week)
    assert moves.moved == []


def test_the_days_and_an_open_list_follow_a_switch_of_language(gui_ctx, open_window, qtbot) -> None:
    from branchguard.gui.kit import translation

    day = _days_ahead(3)
    for hour in (8, 9, 10):
        _add(gui_ctx, f"Check {hour}", _local(day, hour))
    page = _month(open_window, date.today())
    lines = page.month.day_list(day)
    assert lines is not None and lines.accessibleName().endswith("items: 3")
    translation.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: page.month.days.headerData(0, Qt.Orientation.Horizontal) == "周一")
        assert lines.accessibleName().endswith("共 3 项")  # the open list's name too
        assert page.month.days.label(day)[0] == f"{day.day}  （共 3 项）"
    finally:
        translation.install("en")
    qtbot.waitUntil(lambda: lines.accessibleName().endswith("items: 3"))
