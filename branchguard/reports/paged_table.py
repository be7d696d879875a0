"""A long table laid out a page at a time: `template.data_table(plain=True)` of thousands of rows.

ReportLab splits a long Table page by page, and at each split builds a new Table of every row
left, measuring them and applying the style commands again: rows × pages. `PagedTable` measures
its rows once; each split makes a Table of the header and the rows that fit, and hands on itself
from the next row. Style commands keep their row numbers in the whole table (negative ones count
from its end) and are moved into each piece; row backgrounds alternate as through one table. An
ordinary row that does not fit at a page's foot moves whole to the next page; a row taller than
a page is split inside by ReportLab (splitInRow), as much of it as the page takes."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

Command = tuple[Any, ...]

SHORT_SPAN = 8  # commands over at most this many rows are found by row, the rest looked at each page
FIT_SLACK = 1e-6  # a row fits when it does with this to spare: sums in another order round otherwise


@dataclass(frozen=True)
class _Cut:
    """What is left of a row ReportLab split inside: printed in its place, before the rows after it."""

    cells: list[Any]
    styles: list[CellStyle]
    height: float


class _Rows:
    """What every piece of one table shares: header and body rows, widths, cell styles, commands and
    the rows' heights, measured once."""

    def __init__(
        self,
        data: list[list[Any]],
        widths: Sequence[float],
        cell_styles: list[list[CellStyle]],
        commands: Sequence[Command],
        header: int,
        split_in_row: bool,
    ) -> None:
        self.data, self.widths, self.cell_styles = data, list(widths), cell_styles
        self.header, self.split_in_row = header, split_in_row
        self.total = len(data)
        self._commands = [_resolved(c, self.total) for c in commands]
        self._long: list[int] = []  # indexes of commands over many rows, or named rows
        self._by_row: dict[int, list[int]] = {}
        for i, (_op, (_sc, sr), (_ec, er), *_rest) in enumerate(self._commands):
            if isinstance(sr, str) or isinstance(er, str) or er - sr >= SHORT_SPAN:
                self._long.append(i)
            else:
                for row in range(max(sr, 0), er + 1):
                    self._by_row.setdefault(row, []).append(i)
        self._heights: list[float] = []
        self.top: list[float] = []  # top[i]: the height of rows 0..i-1

    def measure(self, width: float) -> None:
        """Every row's height, from one Table over all of them (O(rows), once)."""
        if self.top:
            return
        whole = self._table(self.data, None, self.cell_styles, self._commands)
        whole._calc(width, math.inf)
        self._heights = list(whole._rowHeights)
        self.top = [0.0, *accumulate(self._heights)]

    def height(self, row: int, cut: _Cut | None) -> float:
        return cut.height if cut is not None else self._heights[row]

    def piece(self, start: int, stop: int, cut: _Cut | None = None, tail: _Cut | None = None) -> Table:
        """A Table of the header and rows `start`..`stop - 1`, the first one `cut` when given, then
        `tail`, the part of row `stop` that fits, when given."""
        h = self.header
        data = self.data[:h] + self.data[start:stop]
        styles = self.cell_styles[:h] + self.cell_styles[start:stop]
        heights = self._heights[:h] + self._heights[start:stop]
        if cut is not None and stop > start:
            data[h], styles[h], heights[h] = cut.cells, cut.styles, cut.height
        if tail is not None:
            data.append(tail.cells)
            styles.append(tail.styles)
            heights.append(tail.height)
            stop += 1
        return self._table(data, heights, styles, self._commands_for(start, stop))

    def split_row(self, row: int, cut: _Cut | None, width: float, room: float) -> tuple[_Cut, _Cut] | None:
        """Row `row` (or what is left of it, `cut`) split inside by ReportLab: the part that fits in
        `room` under the header and the rest; None when no line of it fits."""
        h = self.header
        if cut is None:
            cut = _Cut(self.data[row], self.cell_styles[row], self._heights[row])
        # ReportLab may change the styles of the row it splits: never the ones the rows share.
        mine = _Cut(cut.cells, [style.copy() for style in cut.styles], cut.height)
        parts = self.piece(row, row + 1, mine).split(width, room + self.top[h])
        if len(parts) != 2:
            return None
        top, rest = (_Cut(list(p._cellvalues[h]), list(p._cellStyles[h]), p._rowHeights[h]) for p in parts)
        return top, rest

    def _table(
        self,
        data: list[list[Any]],
        heights: list[float] | None,
        styles: list[list[CellStyle]],
        commands: Sequence[Command],
    ) -> Table:
        table = Table(
            data,
            colWidths=self.widths,
            rowHeights=heights,
            repeatRows=self.header,
            splitInRow=1 if self.split_in_row else 0,
            cellStyles=styles,
            normalizedData=1,
        )
        table.setStyle(TableStyle(commands))
        return table

    def _commands_for(self, start: int, stop: int) -> list[Command]:
        """The commands reaching the header or rows `start`..`stop - 1`, in their order, moved to the
        piece's row numbers."""
        found = set(self._long)
        for row in (*range(self.header), *range(start, stop)):
            found.update(self._by_row.get(row, ()))
        moved: list[Command] = []
        for i in sorted(found):
            moved += _moved(self._commands[i], start, stop, self.header)
        return moved


def _resolved(command: Command, total: int) -> Command:
    """`command` with negative row numbers counted from the end of the whole table."""
    op, (sc, sr), (ec, er), *rest = command
    if not isinstance(sr, str) and sr < 0:
        sr += total
    if not isinstance(er, str) and er < 0:
        er += total
    return (op, (sc, sr), (ec, er), *rest)


def _moved(command: Command, start: int, stop: int, header: int) -> list[Command]:
    """`command` (whole-table rows) for a piece holding the header and rows `start`..`stop - 1`:
    clipped to them, renumbered, the colours of ROWBACKGROUNDS turned to go on where they were."""
    op, (sc, sr), (ec, er), *rest = command
    if isinstance(sr, str) or isinstance(er, str):
        return [command]
    parts: list[tuple[int, int]] = []  # whole-table row ranges, both ends in
    if sr < header:
        parts.append((sr, min(er, header - 1)))
    lo, hi = max(sr, start), min(er, stop - 1)
    if lo <= hi:
        parts.append((lo, hi))
    cycle = len(rest[0]) if op == "ROWBACKGROUNDS" and rest and rest[0] else 0

    def phase(first: int) -> int:
        return (first - sr) % cycle if cycle else 0

    if len(parts) == 2 and phase(parts[1][0]) == phase(header):
        parts = [(parts[0][0], parts[1][1])]  # the piece's rows run on from the header's: one command
    moved: list[Command] = []
    for first, last in parts:
        new_first = first if first < header else first - start + header
        new_last = last if last < header else last - start + header
        args = rest
        if turn := phase(first):
            args = [[*rest[0][turn:], *rest[0][:turn]], *rest[1:]]
        moved.append((op, (sc, new_first), (ec, new_last), *args))
    return moved


class PagedTable(Flowable):
    """Header and rows from `start` on, laid out a page at a time (see the module's docstring)."""

    def __init__(self, rows: _Rows, start: int, cut: _Cut | None = None) -> None:
        super().__init__()
        self._rows, self._start, self._cut = rows, start, cut
        self.hAlign = "CENTER"  # as a Table's

    @classmethod
    def of(
        cls,
        data: list[list[Any]],
        widths: Sequence[float],
        cell_styles: list[list[CellStyle]],
        commands: Sequence[Command],
        *,
        header: int,
        split_in_row: bool,
    ) -> PagedTable:
        """The whole table: `data` holds the `header` rows first, then the body."""
        return cls(_Rows(data, widths, cell_styles, commands, header, split_in_row), header)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        rows = self._rows
        rows.measure(availWidth)
        body = rows.height(self._start, self._cut) + rows.top[-1] - rows.top[self._start + 1]
        self.width, self.height = sum(rows.widths), rows.top[rows.header] + body
        return self.width, self.height

    def draw(self) -> None:
        table = self._rows.piece(self._start, self._rows.total, self._cut)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The header and the rows that fit, then the rest from the next row. A row that does not
        fit waits for the next page, unless it is taller than a page or fits no fresh page either:
        then the part of it that fits ends this piece and the rest starts the next."""
        rows, start, cut = self._rows, self._start, self._cut
        rows.measure(availWidth)
        room = availHeight - rows.top[rows.header]
        stop, used = start, 0.0
        if rows.height(start, cut) <= room - FIT_SLACK:
            # The last row that fits: the rows after `start` take top[stop] - top[start + 1].
            first = rows.height(start, cut) - rows.top[start + 1]
            stop = bisect_right(rows.top, room - FIT_SLACK - first, start + 1, rows.total + 1) - 1
            used = first + rows.top[stop]
        if stop >= rows.total:
            return [rows.piece(start, stop, cut)]
        if rows.split_in_row and self._cut_here(stop):
            halves = rows.split_row(stop, cut if stop == start else None, availWidth, room - used)
            if halves is not None:
                return [rows.piece(start, stop, cut, halves[0]), PagedTable(rows, stop, halves[1])]
        if stop == start:
            return []  # the document moves on to the next frame and asks again
        return [rows.piece(start, stop, cut), PagedTable(rows, stop)]

    def _cut_here(self, row: int) -> bool:
        """Whether row `row`, the first not to fit, is split here: it is taller than the frame, or
        it is this piece's first and the frame is fresh (or the document asks a second time)."""
        rows = self._rows
        frame = getattr(self, "_frame", None)
        if row == self._start and (getattr(self, "_postponed", False) or getattr(frame, "_atTop", False)):
            return True
        if frame is None:
            return False
        whole = frame._height - frame._topPadding - frame._bottomPadding
        cut = self._cut if row == self._start else None
        return rows.top[rows.header] + rows.height(row, cut) > whole
