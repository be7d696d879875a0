"""Date inputs: a calendar-popup date field in the app's format; a date field's calendar pop-up
named after the field, as a screen reader says it."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QChildEvent, QCoreApplication, QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QDateTimeEdit, QHeaderView, QWidget

from branchguard.gui.kit.forms import spoken

Edit = TypeVar("Edit", bound=QDateTimeEdit)


def date_edit(day: QDate) -> QDateEdit:
    edit = calendar_popup(QDateEdit(day))
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def calendar_popup(edit: Edit) -> Edit:
    """`edit` with its calendar pop-up, which says what date it picks ("Calendar: Due date") as it
    opens: in the language shown then, after the field's label or its table column. Qt makes the
    pop-up on its first opening."""
    edit.setCalendarPopup(True)
    _CalendarName(edit)
    return edit


def name_range(first: QDateTimeEdit, last: QDateTimeEdit) -> None:
    """The two date fields of a range ("[x] Only from [date] to [date]"), the words beside them no
    labels of theirs: "From date" and "To date" in the language shown (again on a switch)."""
    first.setAccessibleName(QCoreApplication.translate("DateFields", "From date"))
    last.setAccessibleName(QCoreApplication.translate("DateFields", "To date"))


def calendar_name(edit: QDateTimeEdit) -> str:
    """What the calendar of `edit` is called, in the language shown now."""
    field = _field_name(edit)
    if not field:
        return QCoreApplication.translate("DateFields", "Calendar")
    return QCoreApplication.translate("DateFields", "Calendar: %1").replace("%1", field)


def _field_name(edit: QDateTimeEdit) -> str:
    face = QAccessible.queryAccessibleInterface(edit)
    name = spoken(face.text(QAccessible.Text.Name)) if face is not None else ""
    viewport = edit.parentWidget()
    view = viewport.parentWidget() if viewport is not None else None
    if name or not isinstance(view, QAbstractItemView):  # else a table's cell: its column's title
        return name
    column = view.indexAt(edit.geometry().center()).column()
    title = view.model().headerData(column, Qt.Orientation.Horizontal) if column >= 0 else None
    return spoken(str(title)) if title else ""


class _CalendarName(QObject):
    """On a date field: names its calendar, and the table of days a screen reader lands in, each
    time the pop-up shows (the pop-up is a window of the field's own, polished once made)."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
                popup = event.child()
                if isinstance(popup, QWidget) and popup.isWindow():
                    popup.installEventFilter(self)
        elif event.type() == QEvent.Type.Show:
            calendar, name = self._edit.calendarWidget(), calendar_name(self._edit)
            calendar.setAccessibleName(name)
            for days in calendar.findChildren(QAbstractItemView):
                if not isinstance(days, QHeaderView):
                    days.setAccessibleName(name)
        return False


def long_date(day: date) -> str:
    """`day` in full in the language shown ("2026年12月7日星期一", "Monday, December 7, 2026")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
