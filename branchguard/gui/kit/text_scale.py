"""Sizes in pixels chosen for the usual 10 pt text, followed at larger text.

A low-vision user sets Windows' text size to 150 %: the application font is then 15 pt (app.ui_font
keeps what the system gives), and a column set to 100 px for 10 pt text cut its title and cells
("Playboo", "YH-202…"); a row 28 px tall left its line no room. At 10 pt (or less) each helper gives
back the pixels it was given: nothing moves at the usual size.

- `scaled`: a width grown with the font's size (a column, the sidebar);
- `row_height`: a row's height keeping the room it had around a 10 pt line;
- `size_columns`: a table's columns so scaled, each at least as wide as its title reads whole,
  sized again when the language changes (the titles' words do); the columns not given are the
  style's default width scaled; the column sorted by is widened to room for its arrow too, if it
  lacks it (room for the arrow in every column cost a 15 pt list 30 px a column, and at 10 pt moved
  columns whose titles read whole unsorted);
- `keep_stretched_titles`: a table's columns that share the room left never narrower than their
  titles, or than a width given (the table scrolls sideways where the room is too small).

Imported by the sidebar before the first frame: no `Qt.…` here (gui/shell/main_window.py says why).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from branchguard.gui.kit import style

BASE_POINTS = 10.0  # the text size the app's pixel sizes were chosen for
LARGE_POINTS = 12.5  # 125 % of it and more: what sits side by side at 10 pt may be stacked


def points(widget: QWidget) -> float:
    """The size of `widget`'s text in points, however its font was set."""
    return QFontInfo(widget.font()).pointSizeF()


def large_text(widget: QWidget) -> bool:
    """Whether `widget`'s text is so large that a layout made side by side for 10 pt is stacked."""
    return points(widget) >= LARGE_POINTS


def scaled(pixels: int, widget: QWidget) -> int:
    """`pixels` chosen for 10 pt text, grown in proportion to `widget`'s larger text."""
    return max(pixels, round(pixels * points(widget) / BASE_POINTS))


def row_height(pixels: int, widget: QWidget) -> int:
    """A row `pixels` tall at 10 pt, taller by as much as `widget`'s line is taller than a 10 pt
    line of the same font (proportional growth gave a 15 pt row more room than its text needs)."""
    usual = QFont(widget.font())
    usual.setPointSizeF(BASE_POINTS)
    return max(pixels, pixels + widget.fontMetrics().height() - QFontMetrics(usual).height())


def set_row_height(view: QAbstractItemView, pixels: int) -> None:
    """The rows of `view` (a table) `pixels` tall at 10 pt, see `row_height`."""
    view.verticalHeader().setDefaultSectionSize(row_height(pixels, view))  # type: ignore[attr-defined]


def title_width(header: QHeaderView, column: int) -> int:
    """The width `column`'s title needs to read whole, the sort arrow aside: its words in the style
    sheet's bold, its padding and border. (Qt's section size hint asks 5 px more at 10 pt, which
    widened columns whose titles read whole.)"""
    title = header.model().headerData(column, header.orientation()) if header.model() else None
    if not isinstance(title, str) or not title:
        return 0
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # QHeaderView::section's font-weight: 600
    return QFontMetrics(bold).horizontalAdvance(title) + 2 * style.HEADER_PAD + 1


def scale_default_width(header: QHeaderView) -> None:
    """The width of `header`'s columns not sized by hand (the style's 100 px) scaled to its font;
    before any column is sized (Qt sizes every column anew to a new default)."""
    usual = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderDefaultSectionSizeHorizontal, None, header)
    if header.defaultSectionSize() != (width := scaled(usual, header)):
        header.setDefaultSectionSize(width)


def column_width(header: QHeaderView, column: int, pixels: int) -> int:
    """`pixels` chosen for 10 pt, scaled to the header's font, or the width the column's title needs."""
    return max(scaled(pixels, header), title_width(header, column))


class _Refit(QObject):
    """Sizes a header's columns again when the language changes (the titles' words); widens the
    column sorted by to its title with the arrow."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self.setObjectName("text_scale_refit")
        self.widths: dict[int, int] = {}
        header.installEventFilter(self)
        header.sortIndicatorChanged.connect(lambda column, _order: _room_for_arrow(header, column))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QHeaderView):
            _apply(watched, self.widths)
        return False


def _apply(header: QHeaderView, widths: dict[int, int]) -> None:
    for column, pixels in widths.items():
        header.resizeSection(column, column_width(header, column, pixels))
    _room_for_arrow(header, header.sortIndicatorSection())


def _room_for_arrow(header: QHeaderView, column: int) -> None:
    """The sorted column as wide as its title with the arrow (Qt's size hint), if it was narrower."""
    interactive = QHeaderView.ResizeMode.Interactive
    sorted_by = 0 <= column < header.count() and header.isSortIndicatorShown()
    if sorted_by and header.sectionResizeMode(column) == interactive:
        header.resizeSection(column, max(header.sectionSize(column), header.sectionSizeHint(column)))


def size_columns(header: QHeaderView, widths: Iterable[tuple[int, int]]) -> None:
    """Each (column, pixels) of `header`, the pixels chosen for 10 pt text: see `column_width`."""
    refit = header.findChild(_Refit, "text_scale_refit")
    if refit is None:  # the first sizing
        scale_default_width(header)
        refit = _Refit(header)
    given = dict(widths)
    refit.widths.update(given)
    _apply(header, given)


class _StretchedTitles(QObject):
    """See `keep_stretched_titles`: watches the view's viewport for its width."""

    def __init__(self, view: QTableView, least: dict[int, int]) -> None:
        super().__init__(view)
        self.view = view
        self.least = least
        header = view.horizontalHeader()
        stretch = QHeaderView.ResizeMode.Stretch
        self.columns = [c for c in range(header.count()) if header.sectionResizeMode(c) == stretch]
        view.viewport().installEventFilter(self)
        if header.model() is not None:
            header.model().headerDataChanged.connect(lambda *_: self.fit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        shown = [c for c in self.columns if not header.isSectionHidden(c)]
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in self.columns and not header.isSectionHidden(c)
        )
        if not shown:
            return
        narrowest = {c: max(title_width(header, c), self.least.get(c, 0)) for c in shown}
        room = self.view.viewport().width() - others
        squeezed = room // len(shown) < max(narrowest.values())  # Qt gives each the same share
        extra = max(0, room - sum(narrowest.values())) // len(shown)
        for column in shown:
            if squeezed:  # each its narrowest and a like share of what is left, or scrolled to
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, narrowest[column] + extra)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def keep_stretched_titles(view: QTableView, least: dict[int, int] | None = None) -> None:
    """The columns of `view` that share the room left (stretched) never narrower than their titles,
    nor than `least` gives a column in pixels: where the room is too small for them (at 15 pt the
    template editor's four text columns got 53 px each), each is as wide as that and the table
    scrolls sideways; stretched again once the room is there. Call once the columns are set."""
    if view.findChild(_StretchedTitles) is None:
        _StretchedTitles(view, least or {}).fit()

