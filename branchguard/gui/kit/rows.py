"""Base of the read-only table models over service results: one row per dataclass, reset on reload."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from branchguard.core.accounts.names import Names
from branchguard.core.kernel.i18n import current_language

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

# The value a QSortFilterProxyModel sorts by: posts sort in roster order, not by their label.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The dataclass behind a row, for views that only have an index at hand.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2

_DISPLAY = Qt.ItemDataRole.DisplayRole

# Rows a view measures when it sizes its columns to their contents (QHeaderView's resize contents
# precision, 1,000 by default): a sample of the list, not every row. Sizing the People roster
# called Python 15,000 times for 300 people; the columns come out the same for rows alike.
SIZE_SAMPLE_ROWS = 60


def phone_font() -> QFont:
    """A fixed-pitch face for phone numbers, at the size of the surrounding text: digits line up
    in a column and are easy to read out over the phone."""
    font = QFont(QGuiApplication.font())
    font.setFamilies([fixed_family(), *font.families()])
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font


@cache
def fixed_family() -> str:
    # Resolved to a real family: an alias such as fontconfig's "monospace" loses against the
    # application font's own family list and would give proportional digits after all.
    return QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)).family()


_DESCENDING = Qt.SortOrder.DescendingOrder
# A row's flags, made once: a view asks for every cell it paints, and combining the three flags
# made three Python enum objects each time.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
# Cells whose answers a model keeps (`RowsModel._cells`): every cell of a screenful many times over;
# scrolled through ten years of hazards, it starts again rather than keep them all.
CELLS_KEPT = 4000


class _SortKey:
    """A sort value with None first, as Qt orders an empty value before any other."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _SortKey) -> bool:
        if self.value is None or other.value is None:
            return self.value is None and other.value is not None
        return bool(self.value < other.value)


class CellsProxy(QSortFilterProxyModel):
    """A proxy that hands a delegate's one question per cell (`multiData`: every role it paints or
    measures) to its RowsModel in one call. QSortFilterProxyModel answers it by asking `data` once
    per role: seven to nine calls from C++ into Python for each cell painted or sized (sizing the
    plan list's columns at ten years: 2,683 calls for 31 plans)."""

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        source = self.sourceModel()
        if isinstance(source, RowsModel):
            source.multiData(self.mapToSource(index), roleDataSpan)
        else:
            super().multiData(index, roleDataSpan)


class RowsProxy(CellsProxy):
    """A proxy over a RowsModel that leaves sorting to the model, which sorts in Python once per
    row instead of Qt calling back into Python for both sides of every comparison. Measured on the
    Inspections page at ten years (7,300 rows): the reset sorted by the proxy stalled the window
    about 0.9 s; sorted by the model, tens of milliseconds. Filtering stays the proxy's."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowsModel):
            source.sort_rows(column, order)
            # Pass-through (column -1 in ascending order: a descending one would reverse the source).
            super().sort(-1, Qt.SortOrder.AscendingOrder)
        else:
            super().sort(column, order)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one dataclass type; subclasses give `headers()` and `cell()`, and leave `data()`
    alone: a view's paint reads cells through `multiData`, which answers from `cell()` as well.
    `multiData` answers a cell again from what it answered before: a subclass whose `cell()`
    would now answer differently says so with a model signal (`dataChanged`, a reset, a layout
    change), as Qt's views require anyway (docs/architecture.md, "Speed tricks").

    Translated texts live in the subclasses: PySide's tr() uses the runtime class name as its
    context, which would not match what lupdate extracts from a base class.
    """

    # True where `cell()` answers from the row, the language and `who` alone (a page's list, whose
    # reads compute what depends on the day, such as `overdue`): then `set_rows` with the rows it
    # shows already leaves the view alone, where a reset made it lay out and paint every visible
    # row again (a page refresh that found nothing new: Drills at ten years 21 -> 12 ms). A model
    # with a clock or other state in its cells keeps False (tests/gui/test_models.py checks).
    CELLS_FROM_ROWS = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._rows_language = ""  # the language the rows were last reset in
        self._order: tuple[int, Qt.SortOrder] | None = None  # kept by set_rows (see RowsProxy)
        self._columns: int | None = None
        self._headers: tuple[str, list[str]] | None = None  # (language, texts)
        self.who = Names()  # logins shown as people's names (王建国), once the page has read them
        # What `multiData` answered, by (row, column) and role, in one language: a view asks the
        # same cells again (the columns' sizing, then the paint; each hover, selection and scroll).
        # Forgotten at every change a model announces, and past CELLS_KEPT cells.
        self._cells: dict[tuple[int, int], dict[int, Any]] = {}
        self._cells_language = ""
        for changed in (self.modelReset, self.layoutChanged, self.dataChanged, self.rowsInserted,
                        self.rowsRemoved, self.rowsMoved, self.columnsInserted, self.columnsRemoved,
                        self.headerDataChanged):  # fmt: skip
            changed.connect(self._forget_cells)

    # -- content -------------------------------------------------------------------------------
    def set_names(self, who: Names) -> None:
        """Name people by their accounts' display names from now on (gui/kit/names.py reads them)."""
        if who == self.who:
            return
        self.who = who
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_rows(self, rows: Sequence[T]) -> bool:
        """Show `rows`; False when they are the rows shown already and the view was left alone."""
        ordered = self._sorted(list(rows))
        if self._shown(ordered):
            return False  # a re-read that found nothing new: the view keeps its layout, paint and scroll
        self.beginResetModel()
        self._rows, self._rows_language = ordered, current_language()
        self.endResetModel()
        return True

    def shows(self, rows: Sequence[T]) -> bool:
        """Whether `set_rows(rows)` would leave the view alone: these are the rows shown."""
        return self._shown(self._sorted(list(rows)))

    def _shown(self, ordered: list[T]) -> bool:
        # A language switch is shown by the refresh that follows it: a reset.
        same = self.CELLS_FROM_ROWS and bool(ordered) and ordered == self._rows
        return same and current_language() == self._rows_language

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Order the rows by `column`'s SORT_ROLE value, in Python, and keep that order for later
        rows (RowsProxy hands a view's sort here)."""
        self._order = (column, order) if column >= 0 else None
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows = self._sorted(self._rows)
        moved = {id(item): row for row, item in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if index.isValid():
                new_row = moved[id(before[index.row()])]
                self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()

    def _sorted(self, rows: list[T]) -> list[T]:
        if self._order is None:
            return rows
        column, order = self._order
        keys = [self._value(item, column, SORT_ROLE) for item in rows]
        try:
            ranked = sorted(range(len(rows)), key=lambda i: _SortKey(keys[i]), reverse=order == _DESCENDING)
        except TypeError:  # values of kinds that do not compare: as text
            ranked = sorted(range(len(rows)), key=lambda i: str(keys[i]), reverse=order == _DESCENDING)
        return [rows[i] for i in ranked]

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def find_row(self, match: Callable[[T], bool]) -> int:
        """The first row whose item matches, or -1."""
        return next((i for i, item in enumerate(self._rows) if match(item)), -1)

    # -- what subclasses provide ---------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, item: T, column: int, role: int) -> Any:
        """The value of `item` in `column` for `role`; None when there is none."""
        raise NotImplementedError

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if self._columns is None:  # counted once: views ask for every cell, headers() translates each
            self._columns = len(self.headers())
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        # Translated once per language: a view asks for every section on each layout and paint.
        # A speed trick (docs/architecture.md): translated at every call, the start to data shown
        # went from 1.27-1.33x to 1.28-1.46x its floor in `make bench` (target 1.3x).
        language = current_language()
        if self._headers is None or self._headers[0] != language:
            self._headers = (language, self.headers())
        headers = self._headers[1]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._value(self._rows[index.row()], index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks of a cell in one call (a paint asks about seven per cell;
        each separate `data` call from C++ into Python costs more than its answer), answered from
        what this cell answered before if nothing changed since (`_cells`)."""
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return
        column = index.column()
        if self._cells_language != current_language() or len(self._cells) >= CELLS_KEPT:
            self._cells.clear()
            self._cells_language = current_language()
        known = self._cells.get((row, column))
        if known is None:
            known = self._cells[(row, column)] = {}
        item = self._rows[row]
        span = roleDataSpan if isinstance(roleDataSpan, QModelRoleDataSpan) else (roleDataSpan,)
        for role_data in cast("Iterable[QModelRoleData]", span):  # the span iterates; its stub says not
            role = role_data.role()
            if role in known:
                value = known[role]
            else:
                value = known[role] = self._value(item, column, role)
            if value is not None:
                role_data.setData(value)
            else:  # a delegate reuses its span from cell to cell: an unset role keeps the last cell's
                role_data.clearData()

    def _forget_cells(self, *_changed: object) -> None:
        self._cells.clear()

    def _value(self, item: T, column: int, role: int) -> Any:
        if role == ITEM_ROLE:
            return item
        if role == SORT_ROLE:
            value = self.cell(item, column, SORT_ROLE)
            return value if value is not None else self.cell(item, column, _DISPLAY)
        return self.cell(item, column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS
