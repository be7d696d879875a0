"""Windowed lists: a table shows the first window of a long list and reads the next as it is
scrolled to the end, in the order and with the filter the service applies in SQL.

`WindowedModel` is a RowsModel that holds the rows read so far: Qt's view asks `canFetchMore` /
`fetchMore` when it is scrolled to the end, and the model asks for the next window
(`more_wanted`). A click on a column header asks for the list again in that column's SQL order
(`SQL_SORTS`: view column → the service's sort name) instead of sorting the rows read so far,
which would order a part of the list. A column without an SQL order cannot be sorted: its header
takes no sort indicator (a click leaves the arrow where it was). A model with no `SQL_SORTS`
sorts what it holds, as every RowsModel does.

`Pager` reads the windows through one Loader: `load(filter)` reads the first window and the
count of every row the filter selects; `more_wanted` reads the next after the rows shown; a new
`load` drops a window still under way, so a slow old page never lands in a new list. A new
filter or order is shown from the top; a re-read of the same one keeps the view where it was.
The pager finds the views of its model among its parent's widgets, so every page's table follows
these rules without a page asking for them.

Measured at ten years before this (every row read, then shown): the Inspections page's first show
633 ms with a 125 ms stall of the window, Incidents 461/224 ms, Drills 214/139 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from branchguard.core.kernel.paging import PAGE, Slice, Window
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.rows import RowsModel
from branchguard.gui.kit.tables import sizing

T = TypeVar("T")
F = TypeVar("F")
_ROOT = QModelIndex()


class WindowedModel(RowsModel[T]):
    more_wanted = Signal()  # the view was scrolled to the end of the rows read so far
    order_wanted = Signal()  # a header click chose another SQL order

    SQL_SORTS: ClassVar[dict[int, str]] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._more = False  # rows beyond those read may follow
        self._fetching = False
        self._total: int | None = None
        self._window_order: tuple[str, bool] = ("", True)

    # -- content -------------------------------------------------------------------------------
    def set_page(self, rows: list[T], *, more: bool, total: int | None = None) -> None:
        """The first window of a new read (`total`: every row the filter selects, when counted)."""
        self._more, self._fetching, self._total = more, False, total
        self.set_rows(rows)

    def add_page(self, rows: list[T], *, more: bool, total: int | None = None) -> None:
        self._more, self._fetching = more, False
        if total is not None:
            self._total = total
        if rows:
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def has_more(self) -> bool:
        return self._more

    def total(self) -> int | None:
        """Every row the last read's filter selects (None when not counted)."""
        return self._total

    def last_row(self) -> T | None:
        return self._rows[-1] if self._rows else None

    def window_order(self) -> tuple[str, bool]:
        """The service's sort name ("" for the list's own order) and whether it descends."""
        return self._window_order

    # -- Qt ------------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit()

    def sortable(self, column: int) -> bool:
        """Whether a header click on `column` orders the list: the list's own order in SQL, or
        (no SQL_SORTS) the rows held."""
        return not self.SQL_SORTS or column in self.SQL_SORTS

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        if not self.SQL_SORTS:
            super().sort_rows(column, order)
            return
        name = self.SQL_SORTS.get(column)
        if name is None:
            return  # no SQL order for this column: its header takes no indicator (SortableOnly)
        wanted = (name, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._window_order:
            self._window_order = wanted
            self.order_wanted.emit()


class SortableOnly(QObject):
    """Keeps a header's sort indicator on the columns its model can order: a click on another is
    undone before it is painted (the view's own sort call is a no-op for such a column), so no
    arrow promises an order that never comes. Lives as the header's child, one per header."""

    def __init__(self, header: QHeaderView, model: WindowedModel[Any]) -> None:
        super().__init__(header)
        self._header = header
        self._model = model
        self._last = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self._changed)

    def _changed(self, section: int, order: Qt.SortOrder) -> None:
        if self._model.sortable(section):
            self._last = (section, order)
            return
        blocked = self._header.blockSignals(True)
        self._header.setSortIndicator(*self._last)
        self._header.blockSignals(blocked)


def _source(model: QAbstractItemModel | None) -> QAbstractItemModel | None:
    """The model under any proxies."""
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model


class Pager(QObject, Generic[F, T]):
    """Reads a WindowedModel's windows with `read(filter, window)` off the GUI thread. `shown()`
    is called on the GUI thread after each window is shown (to update a count, restore a
    selection); `on_error` gets a failed read's message."""

    def __init__(
        self,
        parent: QObject,
        model: WindowedModel[T],
        read: Callable[[F, Window], Slice[T]],
        *,
        on_error: Callable[[str], None],
        shown: Callable[[], None] | None = None,
        page_size: int = PAGE,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.page_size = page_size
        self.loader = Loader(self, on_error=self._failed)
        self._read = read
        self._on_error = on_error
        self._shown = shown
        # What the rows shown were read for, once a first window was asked for (held in a tuple:
        # None is a filter too, "every drill"); more windows follow it.
        self._read_for: tuple[F] | None = None
        self._shown_for: tuple[F, str, bool] | None = None  # the filter and order last asked for
        # Queued: a view or a model tester may ask for more while the model is still being reset
        # or filled, and a read answered at once (inline tasks) must not insert rows there.
        model.more_wanted.connect(self._load_more, Qt.ConnectionType.QueuedConnection)
        model.order_wanted.connect(self._reorder)

    def load(self, flt: F) -> None:
        """Read the first window of `flt` and the count of every row it selects; shown from the
        top when the filter or the order is not the one shown (a re-read keeps the view's place)."""
        sort, descending = self.model.window_order()
        window = Window(0, self.page_size, sort, descending)
        new = (flt, sort, descending) != self._shown_for
        self._read_for, self._shown_for = (flt,), (flt, sort, descending)
        read = self._read
        self.loader.run(lambda: read(flt, window), lambda got: self._show_first(got, top=new))

    def _reorder(self) -> None:
        if self._read_for is not None:
            self.load(self._read_for[0])

    def _load_more(self) -> None:
        if self._read_for is None:
            return
        flt = self._read_for[0]
        sort, descending = self.model.window_order()
        window = Window(self.model.rowCount(), self.page_size, sort, descending)
        read = self._read
        self.loader.run(lambda: read(flt, window), self._show_more)

    def _show_first(self, got: Slice[T], *, top: bool) -> None:
        views = self._views()
        with ExitStack() as laid_out:  # new rows painted once, scroll bars and all (kit/tables.py)
            if not self.model.shows(got.rows):
                for view in views:
                    if isinstance(view, QTableView) and view.isVisible():
                        laid_out.enter_context(sizing(view))
            self.model.set_page(got.rows, more=len(got.rows) < got.total, total=got.total)
        for view in views:
            if top:
                view.scrollToTop()
            if isinstance(view, QTableView) and view.horizontalHeader().findChild(SortableOnly) is None:
                SortableOnly(view.horizontalHeader(), self.model)
        if self._shown is not None:
            self._shown()
            # What that changed (a count's new text wrapping its row) laid out now, before the
            # paint: left to its turn, the paint came first and the layout repainted the list
            # (Drills at ten years, 8 ms per first show).
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _show_more(self, got: Slice[T]) -> None:
        shown = self.model.rowCount() + len(got.rows)
        self.model.add_page(got.rows, more=bool(got.rows) and shown < got.total, total=got.total)
        if self._shown is not None:
            self._shown()

    def _views(self) -> list[QAbstractItemView]:
        """The views showing the model, directly or through proxies, among the parent's widgets."""
        parent = self.parent()
        if not isinstance(parent, QWidget):
            return []
        return [v for v in parent.findChildren(QAbstractItemView) if _source(v.model()) is self.model]

    def _failed(self, message: str) -> None:
        self.model.set_page([], more=False)
        self._on_error(message)
