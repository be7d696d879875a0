"""Side-by-side diff of two versions of a plan: changed fields, then the steps aligned row by row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.playbooks.diff import Change, VersionDiff
from branchguard.core.playbooks.types import PlaybookVersion
from branchguard.gui.kit import style
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.playbooks.models import HTML_ROLE, FieldChangesModel, StepDiffModel, shifted
from branchguard.gui.shell.session import GuiSession

Index = QModelIndex | QPersistentModelIndex
_PAD = 6


class RichTextDelegate(QStyledItemDelegate):
    """Paints a cell's HTML_ROLE as rich text, wrapped to the column (plain cells stay default)."""

    def _document(self, option: QStyleOptionViewItem, html: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(_PAD)
        doc.setHtml(html)
        doc.setTextWidth(max(width, 40))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The selected row keeps its change's colour and its text's (the orange and grey of a
        step's parts were unreadable on the selection's teal), outlined in teal instead."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        option = QStyleOptionViewItem(option)
        option.state &= ~QStyle.StateFlag.State_Selected
        self._paint_cell(painter, option, index)
        if selected:
            _outline_row_part(painter, option.rect, index.column(), index.model().columnCount())

    def _paint_cell(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = opt.rect
        opt.text = ""
        widget = opt.widget
        app_style = widget.style() if widget is not None else None
        if app_style is not None:
            app_style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, html, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        view = option.widget
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else 300
        doc = self._document(option, html, width)
        return QSize(width, int(doc.size().height()) + 2)


def _outline_row_part(painter: QPainter, rect: QRect, column: int, columns: int) -> None:
    """A cell's share of the outline round its row: top and bottom, and the row's two ends."""
    painter.save()
    pen = QPen(QColor(style.ACCENT), 2)
    painter.setPen(pen)
    inner = rect.adjusted(1, 1, -1, -1)
    painter.drawLine(inner.topLeft(), inner.topRight())
    painter.drawLine(inner.bottomLeft(), inner.bottomRight())
    if column == 0:
        painter.drawLine(inner.topLeft(), inner.bottomLeft())
    if column == columns - 1:
        painter.drawLine(inner.topRight(), inner.bottomRight())
    painter.restore()


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    # Tab reaches it and the arrows move a row at a time, the row shown selected: without the focus
    # only Close took it, and the differences could not be read by keyboard or screen reader.
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class PlaybookDiffView(QWidget):
    """Shows one VersionDiff: a heading, the counts, the changed fields and the aligned steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain(QLabel())
        self.heading.setObjectName("diff_heading")
        self.heading.setProperty("role", "page-title")
        self.summary = plain(QLabel())
        self.summary.setObjectName("diff_summary")
        self.summary.setWordWrap(True)
        self.fields_label = QLabel()
        self.fields_label.setProperty("role", "hint")
        self.fields_model = FieldChangesModel(self)
        self.fields_table = _table("diff_fields")
        self.fields_table.setModel(self.fields_model)
        self.fields_table.setItemDelegate(RichTextDelegate(self.fields_table))  # its selection outlined
        fields_header = self.fields_table.horizontalHeader()
        fields_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            fields_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.steps_model = StepDiffModel(self)
        self.steps_table = _table("diff_steps")
        self.steps_table.setModel(self.steps_model)
        self.steps_table.setItemDelegate(RichTextDelegate(self.steps_table))
        steps_header = self.steps_table.horizontalHeader()
        for column in (StepDiffModel.COL_OLD_NUMBER, StepDiffModel.COL_NEW_NUMBER):
            steps_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        size_columns(steps_header, ((StepDiffModel.COL_OLD_NUMBER, 96), (StepDiffModel.COL_NEW_NUMBER, 96)))
        for column in (StepDiffModel.COL_OLD, StepDiffModel.COL_NEW):
            steps_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Rows follow the wrapped text when the columns change width.
        steps_header.sectionResized.connect(lambda *_: self.steps_table.resizeRowsToContents())

        self.fields_box = fields_box = QWidget()
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.fields_label)
        fields_layout.addWidget(self.fields_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(fields_box)
        self.splitter.addWidget(self.steps_table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.diff: VersionDiff | None = None
        self._old: PlaybookVersion | None = None
        self._new: PlaybookVersion | None = None

    def show_diff(self, diff: VersionDiff, old: PlaybookVersion, new: PlaybookVersion) -> None:
        self.diff, self._old, self._new = diff, old, new
        self.fields_model.set_rows(diff.fields)
        self.steps_model.set_diff(diff, old.content, new.content)
        self.fields_box.setVisible(bool(diff.fields))
        self.retranslate()
        self.fields_table.resizeRowsToContents()
        self._fit_fields()
        self.steps_table.resizeRowsToContents()
        for table, model in ((self.fields_table, self.fields_model), (self.steps_table, self.steps_model)):
            if model.rowCount():  # the arrows start from the first row, shown selected
                table.setCurrentIndex(model.index(0, model.columnCount() - 1))

    def _fit_fields(self) -> None:
        # As tall as its rows (up to a third of the view): the steps below matter more.
        table = self.fields_table
        rows = sum(table.rowHeight(r) for r in range(self.fields_model.rowCount()))
        height = table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2
        self.splitter.setSizes([min(height + self.fields_label.sizeHint().height() + 12, 240), 10_000])

    def retranslate(self) -> None:
        if self.diff is None or self._old is None or self._new is None:
            return
        self.heading.setText(
            self.tr("%1: version %2 → version %3")
            .replace("%1", self._new.content.code)
            .replace("%2", str(self._old.info.number))
            .replace("%3", str(self._new.info.number))
        )
        diff = self.diff
        if diff.is_empty:
            self.summary.setText(self.tr("The two versions are identical."))
        else:
            moved = sum(1 for s in diff.steps if shifted(s))
            self.summary.setText(
                self.tr("Steps: %1 added, %2 removed, %3 changed, %4 moved. Fields changed: %5.")
                .replace("%1", str(diff.count(Change.ADDED)))
                .replace("%2", str(diff.count(Change.REMOVED)))
                .replace("%3", str(diff.count(Change.CHANGED)))
                .replace("%4", str(moved))
                .replace("%5", str(len(diff.fields)))
            )
        self.fields_label.setText(self.tr("Plan details that changed"))
        self.fields_table.setAccessibleName(self.fields_label.text())
        self.steps_table.setAccessibleName(self.tr("Steps"))
        self.steps_table.setAccessibleDescription(self.summary.text())


class PlaybookDiffDialog(QDialog):
    """The diff of two versions of `code`, read through the services off the GUI thread."""

    def __init__(
        self, session: GuiSession, code: str, old: int, new: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playbook_diff_dialog")
        self.view = PlaybookDiffView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.work = DialogWork(self, None, self.view.summary)  # a fault is said where the summary goes
        layout.addWidget(self.view, 1)
        layout.addWidget(self.work.note)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Compare versions of %1").replace("%1", code))
        resize_within_screen(self, 1100, 720)
        playbooks, actor = session.services.playbooks, session.actor
        older, newer = sorted((old, new))

        def load() -> tuple[VersionDiff, PlaybookVersion, PlaybookVersion] | str:
            try:
                return (
                    playbooks.diff(actor, code, older, newer),
                    playbooks.get(actor, code, older),
                    playbooks.get(actor, code, newer),
                )
            except BranchGuardError as exc:  # no such version: said in the summary's place
                return exc.message

        self.work.read(load, self._show)

    def _show(self, read: tuple[VersionDiff, PlaybookVersion, PlaybookVersion] | str) -> None:
        if isinstance(read, str):
            self.view.summary.setText(read)
            self.view.summary.setProperty("role", "error")
            return
        self.view.show_diff(*read)
        if not self.close_button.hasFocus():  # the steps first, unless Tab went on to Close meanwhile
            self.view.steps_table.setFocus()
