"""The step list's Target column: as wide as the targets its rows show, at any text size.

At 15 pt its width for 10 pt text, scaled (150 px), cut "10 分钟内 (10:25)" to "10 分钟内 (10…" and
"≤ 10 min (10:25)" to "≤ 10 min (10:…": the clock, the part read at a glance, was what went; at
10 pt its 100 px cut the Chinese the same way (106 px needed). The
column takes the width of its widest target in bold (the step now's row is bold, as is a target
gone past), no wider than leaves the step column its least; a report to head office's deadline
("上报 24 小时内 (2026-12-08 10:15)", 312 px) is left out of the measure: it would take the step's
words, and the header's checkpoint line says when the next report is due (the whole target is in
the cell's tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from branchguard.gui.incidents.steps_model import IncidentStepsModel
from branchguard.gui.kit.text_scale import column_width


class TargetColumn(QObject):
    """Sizes `table`'s Target column when its rows change and when its viewport is resized; its
    width for 10 pt text `pixels` (scaled, see text_scale.column_width) is the least, `least_step`
    the step column's. Made after keep_stretched_titles: its viewport filter runs first, so the
    step column is stretched into what the target leaves."""

    def __init__(self, table: QTableView, pixels: int, least_step: int) -> None:
        super().__init__(table)
        self.table = table
        self.pixels = pixels
        self.least_step = least_step
        model = table.model()
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def widest(self) -> int:
        """The width the widest target but a report's deadline needs, in bold, with the cell's margins
        and the grid's line (a cell is a pixel narrower than its column)."""
        model = self.table.model()
        assert isinstance(model, IncidentStepsModel)
        option = QStyleOptionViewItem()
        self.table.initViewItemOption(option)
        bold = QFont(option.font)
        bold.setBold(True)
        option.font = bold
        column, widest = IncidentStepsModel.COL_TARGET, 0
        grid = 1 if self.table.showGrid() else 0
        for row, step in enumerate(model.rows()):
            if not step.checkpoint:
                index = model.index(row, column)
                widest = max(widest, self.table.itemDelegateForIndex(index).sizeHint(option, index).width())
        return widest + grid if widest else 0

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        column = IncidentStepsModel.COL_TARGET
        sized = (IncidentStepsModel.COL_TEXT, column)
        shown = [c for c in range(header.count()) if c not in sized and not header.isSectionHidden(c)]
        others = sum(header.sectionSize(c) for c in shown)
        room = self.table.viewport().width() - others - self.least_step
        width = max(column_width(header, column, self.pixels), min(self.widest(), room))
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)
