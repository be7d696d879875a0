"""The Complaints page's filter row, the `complaint list` options in the window: a search (number,
customer, person complained about, the complaint's words), status, type, channel, category and the
period received (this or last month, quarter or year, or dates), with open and overdue only. The row
wraps at larger text instead of widening the window (gui/kit/flow.py)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from branchguard.core.complaints.types import (
    Category,
    ComplaintChannel,
    ComplaintFilter,
    ComplaintKind,
    ComplaintStatus,
)
from branchguard.core.dashboard.rules import Period, PeriodKind
from branchguard.core.kernel.i18n import current_language
from branchguard.gui.kit.combos import refill
from branchguard.gui.kit.dates import date_edit, name_range
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.search_box import SearchBox

DATES = "dates"  # the period entry that shows the from–to dates


def periods(today: date) -> dict[str, tuple[date, date]]:
    """The period entries as (first day, last day): this and last month, quarter and year."""
    month = Period(PeriodKind.MONTH, today.year, today.month)
    quarter = Period(PeriodKind.QUARTER, today.year, (today.month - 1) // 3 + 1)
    year = Period(PeriodKind.YEAR, today.year)
    named = {"this_month": month, "last_month": month.previous(), "this_quarter": quarter,
             "last_quarter": quarter.previous(), "this_year": year, "last_year": year.previous()}  # fmt: skip
    return {key: (p.start, p.end - timedelta(days=1)) for key, p in named.items()}


class ComplaintFilterBar(QWidget):
    """`changed` when a filter changed (the search once typing pauses); `current_filter()` reads them
    all, `set_filter()` sets every control (those `flt` leaves unset back to "all")."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today  # the branch's day: "this month" is the month of the day it is read
        self._categories: list[Category] = []
        self._category = ""  # a category asked for before the categories were read
        self.search = SearchBox("complaints_search")
        self.search.setMinimumWidth(220)
        self.search.paused.connect(self.changed)
        self.search.returnPressed.connect(self.changed)
        self.status = self._combo("complaints_status_filter")
        self.kind = self._combo("complaints_kind_filter")
        self.channel = self._combo("complaints_channel_filter")
        self.category = self._combo("complaints_category_filter")
        self.period = QComboBox()
        self.period.setObjectName("complaints_period_filter")
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen())
        day = today()
        self.date_from = date_edit(QDate(day.year, day.month, 1))
        self.date_from.setObjectName("complaints_date_from")
        self.date_to = date_edit(QDate(day.year, day.month, day.day))
        self.date_to.setObjectName("complaints_date_to")
        self.date_to_label = QLabel()
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _day: self.changed.emit())
        self.open_only = QCheckBox()
        self.open_only.setObjectName("complaints_open_only")
        self.open_only.setChecked(True)
        self.overdue_only = QCheckBox()
        self.overdue_only.setObjectName("complaints_overdue_only")
        self.open_only.toggled.connect(self._open_toggled)
        self.overdue_only.toggled.connect(lambda _on: self.changed.emit())
        self.row = FlowLayout(self, spacing=8)  # 1024 px at 10 pt: two lines (three with dates), 15 pt: more
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.add_widget(self.search, 1)
        for widget in (self.status, self.kind, self.channel, self.category, self.period, self.date_from,
                       self.date_to_label, self.date_to, self.open_only, self.overdue_only):  # fmt: skip
            self.row.add_widget(widget)
        self.row.add_stretch()
        self._show_dates(False)
        self.retranslate()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        # As wide as its "all" entry and its usual ones, not its longest ("Regulator referral (12378,
        # 12363)" held the row at 260 px): the list opens as wide as its entries.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i: self._combo_chosen(combo))
        return combo

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search number, name, words"))
        self.search.setToolTip(
            self.tr(
                "The number (TS-2026-0007 or 7; TS-2026 or 2026 lists that year's), the customer's name "
                "(in full only if you may see it unmasked, a search the audit trail records; otherwise as "
                "shown: 张*), the staff member complained about, or words of the request or the facts"
            )
        )
        _fill(self.status, [(self.tr("All statuses"), None), *((s.label, s.value) for s in ComplaintStatus)])
        _fill(self.kind, [(self.tr("All types"), None), *((k.label, k.value) for k in ComplaintKind)])
        _fill(
            self.channel, [(self.tr("All channels"), None), *((c.label, c.value) for c in ComplaintChannel)]
        )
        self._fill_categories()
        _fill(
            self.period,
            [
                (self.tr("Received any time"), None),
                (self.tr("This month"), "this_month"),
                (self.tr("Last month"), "last_month"),
                (self.tr("This quarter"), "this_quarter"),
                (self.tr("Last quarter"), "last_quarter"),
                (self.tr("This year"), "this_year"),
                (self.tr("Last year"), "last_year"),
                (self.tr("Dates received"), DATES),
            ],
        )
        self._say_period()
        self.date_to_label.setText(self.tr("to"))
        name_range(self.date_from, self.date_to)
        self.open_only.setText(self.tr("Open only"))
        self.overdue_only.setText(self.tr("Overdue only"))

    # -- the filter ------------------------------------------------------------------------------
    def current_filter(self) -> ComplaintFilter:
        status, kind, channel = self.status.currentData(), self.kind.currentData(), self.channel.currentData()
        first, last = self._received()
        return ComplaintFilter(
            open_only=self.open_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
            status=ComplaintStatus(status) if status else None,  # Qt hands members back as str
            kind=ComplaintKind(kind) if kind else None,
            channel=ComplaintChannel(channel) if channel else None,
            category=self.category.currentData() or self._category,
            received_from=first,
            received_to=last,
            text=self.search.text().strip(),
        )

    def _received(self) -> tuple[date | None, date | None]:
        chosen = self.period.currentData()
        if chosen is None:
            return None, None
        if chosen != DATES:
            return periods(self._today())[chosen]
        days = (self.date_from.date(), self.date_to.date())
        first, last = sorted(date(d.year(), d.month(), d.day()) for d in days)
        return first, last

    def set_filter(self, flt: ComplaintFilter) -> None:
        """Every control as `flt` says, without a `changed` (the caller reloads). A period given by
        one end only has no control and is refused."""
        if (flt.received_from is None) != (flt.received_to is None):
            raise ValueError(f"the complaints page has no control for a half-open period: {flt!r}")
        widgets = (self.search, self.status, self.kind, self.channel, self.category, self.period,
                   self.date_from, self.date_to, self.open_only, self.overdue_only)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text)
        self.search.settle()
        for combo, member in ((self.status, flt.status), (self.kind, flt.kind), (self.channel, flt.channel)):
            combo.setCurrentIndex(combo.findData(member.value if member else None))
        self.category.setCurrentIndex(0)
        self._category = flt.category
        self._fill_categories()
        self._set_period(flt.received_from, flt.received_to)
        self.open_only.setChecked(flt.open_only)
        self.overdue_only.setChecked(flt.overdue_only)
        for widget in widgets:
            widget.blockSignals(False)

    def _set_period(self, first: date | None, last: date | None) -> None:
        named = {span: key for key, span in periods(self._today()).items()}
        chosen = None if first is None or last is None else named.get((first, last), DATES)
        self.period.setCurrentIndex(self.period.findData(chosen))
        if chosen == DATES and first is not None and last is not None:
            self.date_from.setDate(QDate(first.year, first.month, first.day))
            self.date_to.setDate(QDate(last.year, last.month, last.day))
        self._show_dates(chosen == DATES)
        self._say_period()

    def set_categories(self, categories: Sequence[Category]) -> None:
        """The categories to choose from (read with the list), the chosen one kept."""
        self._categories = list(categories)
        self._fill_categories()

    # -- keeping the controls consistent -------------------------------------------------------
    def _combo_chosen(self, combo: QComboBox) -> None:
        if combo is self.category:
            self._category = ""  # chosen now: the list's entry, not what was asked before
        status = self.status.currentData()
        if combo is self.status and status and not ComplaintStatus(status).is_open:
            self.open_only.blockSignals(True)  # archived or withdrawn asked for: not "open only"
            self.open_only.setChecked(False)
            self.open_only.blockSignals(False)
        self.changed.emit()

    def _open_toggled(self, on: bool) -> None:
        status = self.status.currentData()
        if on and status and not ComplaintStatus(status).is_open:
            self.status.blockSignals(True)  # open only: an archived or withdrawn status would list none
            self.status.setCurrentIndex(0)
            self.status.blockSignals(False)
        self.changed.emit()

    def _period_chosen(self) -> None:
        self._show_dates(self.period.currentData() == DATES)
        self._say_period()
        self.changed.emit()

    def _show_dates(self, on: bool) -> None:
        for widget in (self.date_from, self.date_to_label, self.date_to):
            widget.setVisible(on)

    def _say_period(self) -> None:
        """The named period's days in its tooltip: 'last quarter' says which."""
        chosen = self.period.currentData()
        span = periods(self._today()).get(chosen) if chosen else None
        self.period.setToolTip(f"{span[0].isoformat()} – {span[1].isoformat()}" if span else "")

    def _fill_categories(self) -> None:
        """The categories' names in the current language; the one chosen (or asked for) chosen."""
        wanted = self._category or self.category.currentData()
        zh = current_language() == "zh_CN"
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for cat in self._categories:
            self.category.addItem(cat.name_zh if zh else cat.name_en, cat.code)
        found = self.category.findData(wanted) if wanted else 0
        self.category.setCurrentIndex(max(found, 0))
        if found >= 0:
            self._category = ""
        self.category.blockSignals(False)
        _fit_entries(self.category)


def _fill(combo: QComboBox, entries: Sequence[tuple[str, object]]) -> None:
    """The entries anew (their words in the current language), the chosen one kept."""
    refill(combo, entries)
    _fit_entries(combo)


def _fit_entries(combo: QComboBox, most: int = 14) -> None:
    """A compact combo (AdjustToMinimumContentsLength…) wide enough for its first entry and for
    the others up to `most` characters' width; longer ones elided until the list opens."""
    metrics = combo.fontMetrics()
    x = metrics.horizontalAdvance("X")
    widths = [math.ceil(metrics.horizontalAdvance(combo.itemText(i)) / x) for i in range(combo.count())]
    if widths:
        combo.setMinimumContentsLength(max(widths[0], min(max(widths), most)))

