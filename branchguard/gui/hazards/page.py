"""Hazard register page (隐患台账): filters, ageing, overdue rows in red and counted at the top,
PDF / Excel export of exactly what the filters select, hazards entered by hand, and the detail."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.hazards.types import (
    HazardDetail,
    HazardFilter,
    HazardInfo,
    HazardSeverity,
    HazardStatus,
)
from branchguard.core.kernel.roles import may
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.hazards.dialogs import NewHazardDialog
from branchguard.gui.hazards.export import EXCEL, RegisterExporter, preview_register
from branchguard.gui.hazards.models import HazardListModel
from branchguard.gui.hazards.policy import SeverityPolicyDialog
from branchguard.gui.inspections.overview import selected_row
from branchguard.gui.inspections.runner.names import NamePicker, read_roster_names
from branchguard.gui.kit import style
from branchguard.gui.kit.combos import refill
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.files import show_saved
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.print_preview import PreviewDialog

OPEN_ONLY = "open"  # the status filter's "open or remediated" entry


class HazardsPage(Page):
    page_id = "hazards"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self.show_error)
        self.rows: list[HazardInfo] = []
        self._created: int | None = None  # a hazard just entered: selected once the list shows it
        self._owners_due = False  # a refresh asked for the names; a newer reload reads them too
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("hazards_counts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)  # beside the buttons: it wraps rather than widen the page
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("hazards_status_filter")
        self.severity_filter = QComboBox()
        self.severity_filter.setObjectName("hazards_severity_filter")
        self.owner_filter = NamePicker("hazards_owner_filter")
        self.owner_filter.edit().editingFinished.connect(self.reload)
        self.owner_filter.activated.connect(lambda _i: self.reload())
        self.overdue_only = QCheckBox()
        self.overdue_only.setObjectName("hazards_overdue_only")
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        self.search = SearchBox("hazards_search")
        self.search.paused.connect(self.reload)
        self.search.returnPressed.connect(self.reload)
        for combo in (self.status_filter, self.severity_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = HazardListModel(self)
        self.names = NamesReader(self, session, self.model)
        # The service's order (overdue first, then by due date), not a column's.
        self.table, self.proxy = make_table("hazards_table", self.model, sortable=False)
        header = self.table.horizontalHeader()
        self._size_columns()
        header.setSectionResizeMode(HazardListModel.COL_TITLE, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._open_row)
        self._read = False  # the list shown is the hazards read, not the empty start
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.message = error_label("hazards_message")
        self.new_button = QPushButton(icon("add"), "")
        self.new_button.setObjectName("hazards_new")
        self.new_button.setProperty("accent", True)
        self.new_button.clicked.connect(self.ask_new)
        self.pdf_button = QPushButton(icon("print"), "")
        self.pdf_button.setObjectName("hazards_export_pdf")
        self.pdf_button.clicked.connect(self.preview_register)
        self.excel_button = QPushButton(icon("export"), "")
        self.excel_button.setObjectName("hazards_export_excel")
        self.excel_button.clicked.connect(lambda: self.ask_export(EXCEL))
        self.policy_button = QPushButton(icon("settings"), "", self)  # shown by role: parent first
        self.policy_button.setObjectName("hazards_policy")
        self.policy_button.clicked.connect(self.ask_policy)
        self.policy_button.setVisible(may(session.actor, "hazard.policy"))
        self.exporter = RegisterExporter(session, self)
        self.register_preview: PreviewDialog | None = None  # the preview opened last
        self._build_layout()
        self.retranslate()
        self.new_button.setVisible(may(session.actor, "hazard.create"))

    def _build_layout(self) -> None:
        # the intro across the page, the buttons beside the counts: beside the intro they squeezed
        # it into five lines at 1024×768 in English. Both rows wrap at larger text (at 15 pt they
        # asked for 947 and 780 px in one line).
        actions = FlowLayout(spacing=8)
        actions.add_widget(self.counts, 1)
        actions.add_stretch()
        for button in (self.policy_button, self.pdf_button, self.excel_button, self.new_button):
            actions.add_widget(button)
        filters = FlowLayout(spacing=8)
        for widget in (self.status_filter, self.severity_filter, self.owner_filter, self.overdue_only):
            filters.add_widget(widget)
        filters.add_widget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def _size_columns(self) -> None:
        """Narrow columns, the due date (and "overdue") within 1024×768, where a 220 px title once
        pushed it out of view; never narrower than the heading's words ("Days open" in 60 px read
        "Days o…"), see text_scale."""
        widths = ((0, 96), (1, 60), (2, 170), (3, 76), (4, 66), (5, 72), (6, 82), (7, 140), (8, 60))
        size_columns(self.table.horizontalHeader(), widths)

    def retranslate(self) -> None:
        self._size_columns()  # the headings' words differ by language
        self.heading.setText(self.tr("Hazard register"))
        self.table.setAccessibleName(self.heading.text())
        self.intro.setText(
            self.tr(
                "Every failed inspection item opens a hazard; a hazard is closed after a second person"
                " verified its remediation. Double-click a row for its detail."
            )
        )
        self.new_button.setText(self.tr("New hazard…"))
        self.policy_button.setText(self.tr("Severity policy…"))
        self.policy_button.setToolTip(self.tr("How long a general or a major hazard may stay open"))
        self.pdf_button.setText(self.tr("Preview / Print…"))
        self.excel_button.setText(self.tr("Export Excel…"))
        self.pdf_button.setToolTip(self.tr("The register as filtered: preview, print or save as PDF"))
        self.excel_button.setToolTip(self.tr("The register as filtered, as an Excel workbook"))
        self.overdue_only.setText(self.tr("Overdue only"))
        self.search.setPlaceholderText(self.tr("Search number, title, description, location"))
        self.owner_filter.edit().setPlaceholderText(self.tr("Any owner"))
        self.owner_filter.setAccessibleName(self.tr("Owner"))
        refill(
            self.status_filter,
            [(self.tr("Open (not yet verified)"), OPEN_ONLY), (self.tr("All statuses"), None)]
            + [(status.label, status.value) for status in HazardStatus],
        )
        refill(
            self.severity_filter,
            [(self.tr("All severities"), None)]
            + [(severity.label, severity.value) for severity in HazardSeverity],
        )
        self._show_counts()

    def empty_text(self) -> str:
        """What the empty register says (kit/empty_note.py): nothing until the hazards are read."""
        if not self._read:
            return ""
        flt, status = self.current_filter(), self.status_filter.currentData()
        if status not in (OPEN_ONLY, None) or flt.severity or flt.owner or flt.overdue_only or flt.text:
            return self.tr("No hazard matches these filters.")
        adds = may(self.session.actor, "hazard.create")
        if status == OPEN_ONLY:
            if not adds:
                return self.tr("No open hazards.")
            return self.tr(
                "No open hazards. New hazard… records one; a failed inspection item opens one itself. "
                "“All statuses” lists the closed ones."
            )
        if not adds:
            return self.tr("No hazards yet.")
        return self.tr("No hazards yet. New hazard… records one; a failed inspection item opens one itself.")

    # -- filters -------------------------------------------------------------------------------
    def current_filter(self) -> HazardFilter:
        status = self.status_filter.currentData()
        severity = self.severity_filter.currentData()
        return HazardFilter(
            statuses=(HazardStatus(status),) if status and status != OPEN_ONLY else (),
            open_only=status == OPEN_ONLY,
            severity=HazardSeverity(severity) if severity else None,
            owner=self.owner_filter.name(),
            overdue_only=self.overdue_only.isChecked(),
            text=self.search.text().strip(),
        )

    def show_filtered(self, flt: HazardFilter) -> None:
        """Set the filter controls to `flt` (the dashboard's tiles) and list those hazards."""
        if (
            flt.text
            or flt.opened_from
            or flt.opened_to
            or flt.inspection_id
            or flt.source
            or len(flt.statuses) > 1
        ):
            raise ValueError(f"the hazards page has no control for {flt!r}")
        status: object = OPEN_ONLY if flt.open_only else (flt.statuses[0].value if flt.statuses else None)
        widgets = (
            self.status_filter,
            self.severity_filter,
            self.overdue_only,
            self.owner_filter.edit(),
            self.search,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(self.status_filter.findData(status))
        self.severity_filter.setCurrentIndex(
            self.severity_filter.findData(flt.severity.value if flt.severity else None)
        )
        self.overdue_only.setChecked(flt.overdue_only)
        self.owner_filter.edit().setText(flt.owner)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def refresh(self) -> None:
        """The hazards and the owner filter's names (new people appear), off the GUI thread."""
        self._load(with_owners=True)
        self.names.read()

    def reload(self) -> None:
        """The hazards with the current filter, off the GUI thread."""
        self._load(with_owners=False)

    def _load(self, with_owners: bool) -> None:
        self.search.settle()
        with_owners = self._owners_due = with_owners or self._owners_due
        services, actor, flt = self.session.services, self.session.actor, self.current_filter()

        def load() -> tuple[list[str] | None, list[HazardInfo]]:
            owners = read_roster_names(services, actor) if with_owners else None
            return owners, services.hazards.list(actor, flt)

        self.loader.run(load, self._show)

    def _show(self, loaded: tuple[list[str] | None, list[HazardInfo]]) -> None:
        owners, rows = loaded
        if owners is not None:
            self._owners_due = False
            self.owner_filter.set_names(["", *owners])
        self.show_error("")
        self.rows, self._read = rows, True
        self.model.set_rows(rows)
        self._show_counts()
        if self._created is not None:
            self._select_created()

    def _select_created(self) -> None:
        """The hazard just entered selected, scrolled to and the list focused, so the keyboard goes
        on from it (focus once fell back to the sidebar); a filter that hides it selects nothing."""
        created, self._created = self._created, None
        row = self.model.find_row(lambda h: h.id == created)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_counts(self) -> None:
        if not self._read:  # nothing read yet (or the read failed): no "0 overdue" beside the error
            self.counts.setText("")
            return
        overdue = sum(1 for h in self.rows if h.overdue)
        major = sum(1 for h in self.rows if h.severity == HazardSeverity.MAJOR and h.status.is_open)
        # Each figure kept whole, the line breaking only between them: in Chinese "逾期 1 条" broke
        # after its first character beside the buttons at 1024 px.
        shown = _unbroken(self.tr("%n hazard(s) shown", "", len(self.rows)))
        majors = _unbroken(self.tr("%1 major still open").replace("%1", str(major)))
        overdue_text = _unbroken(self.tr("%1 overdue").replace("%1", str(overdue)))
        if overdue:
            overdue_text = f"<span style='color:{style.ERROR}; font-weight:600'>{overdue_text}</span>"
        self.counts.setText(f"{shown} · {majors} · {overdue_text}")

    def shown(self) -> list[HazardInfo]:
        return list(self.rows)

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- actions -------------------------------------------------------------------------------
    def _open_row(self, _index: QModelIndex) -> None:
        info: HazardInfo | None = selected_row(self.table, self.model)
        if info is not None:
            self.open_hazard(info.id)

    def open_hazard(self, hazard_id: int) -> HazardDetailDialog:
        dialog = HazardDetailDialog(self.session, hazard_id, self)
        dialog.open_inspection.connect(self.show_inspection)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_inspection(self, inspection_id: int) -> None:
        show_page = getattr(self.window(), "show_page", None)
        if show_page is None:
            return
        page = show_page("inspections")
        if page is not None:
            page.open_inspection(inspection_id)

    def ask_new(self) -> NewHazardDialog:
        dialog = NewHazardDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._entered(dialog.created))
        dialog.open()
        return dialog

    def _entered(self, created: HazardDetail | None) -> None:
        if created is None:
            return
        self._created = created.info.id
        self.reload()  # the newest read: it holds the new hazard, whatever read was under way

    def ask_policy(self) -> SeverityPolicyDialog:
        dialog = SeverityPolicyDialog(self.session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def preview_register(self) -> PreviewDialog:
        """The register as filtered now, in the print preview."""
        self.register_preview = preview_register(self, self.session, self.current_filter())
        return self.register_preview

    def ask_export(self, fmt: str) -> None:
        self.exporter.ask(fmt, self.current_filter(), self._exported, self._export_failed)

    def _exported(self, path: Path, font_warning: str, anchor_problem: str = "") -> None:
        said = [anchor_problem] if anchor_problem else []  # a whole sentence: NOT written to …, why
        if font_warning:
            said.append(self.tr("The report font fell back: %1").replace("%1", font_warning))
        show_saved(self, self.tr("Hazard register"), path, said, "hazards_exported")

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Hazard register"), literal(message))


def _unbroken(text: str) -> str:
    """`text` that no line breaks inside: no-break spaces, and a word joiner between characters
    (Chinese may break between any two; CSS white-space is not followed inside a label's span)."""
    return "\u2060".join(text.replace(" ", "\u00a0"))
