"""The window without a mouse: Tab leaves every table (it walked cell to cell, forever, moving the
selected row, in every table but the incident screens'); a form's fields are named to a screen
reader by their labels; the keyboard focus shows on a teal button; a dialog opens with the focus
where typing goes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPushButton,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from branchguard.core.kernel.i18n import set_language
from branchguard.gui.kit import style
from branchguard.gui.kit.forms import FieldForm, spoken


def test_no_table_on_any_page_keeps_the_tab_key(open_window: Any, qtbot: Any) -> None:
    window = open_window("lead")
    seen = 0
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        for view in page.findChildren(QAbstractItemView):
            view.ensurePolished()
            assert not view.tabKeyNavigation(), (info.page_id, view.objectName())
            seen += 1
    assert seen >= 15  # the hazards', complaints', audit's, people's, drills' tables among them


def test_tab_leaves_a_table_and_leaves_its_row_alone(open_window: Any, qtbot: Any) -> None:
    window = open_window("lead")
    page = window.show_page("playbooks")
    table = page.findChild(QTableView, "playbook_table")
    assert table is not None
    qtbot.waitUntil(lambda: table.model().rowCount() >= 2)
    table.setFocus()
    table.selectRow(0)
    qtbot.waitUntil(table.hasFocus)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and table.currentIndex().row() == 0


def test_a_forms_fields_carry_their_labels_names(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    form = FieldForm(holder)
    edit, other = QWidget(), QWidget()
    caption = form.add_field("name", "&User name:", edit)
    form.add_field("code", "代码：", other)
    assert edit.accessibleName() == "User name" and other.accessibleName() == "代码"
    caption.setText("用户名(&U)")  # retranslated: the name follows
    assert edit.accessibleName() == "用户名(U)"
    form.set_label("code", "Rock && roll")
    assert other.accessibleName() == "Rock & roll" == spoken("Rock && roll")


def test_the_login_names_its_fields(gui_ctx: Any, qtbot: Any) -> None:
    from branchguard.gui.shell.login import LoginDialog

    set_language("en")
    dialog = LoginDialog(gui_ctx.services, None, username="lead")
    qtbot.addWidget(dialog)
    assert (dialog.username.accessibleName(), dialog.password.accessibleName()) == ("User name", "Password")


def dark_when_focused(qtbot: Any, widget: QWidget, other: QWidget) -> int:
    """How many of `widget`'s pixels turn dark when the keyboard focus comes to it from `other`."""
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus)
    plain = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    focused = widget.grab().toImage()
    return sum(
        focused.pixelColor(x, y) != plain.pixelColor(x, y) and focused.pixelColor(x, y).lightness() < 60
        for x in range(focused.width())
        for y in range(focused.height())
    )


def test_the_focus_shows_on_a_teal_button(qapp: QApplication, qtbot: Any) -> None:
    """Fusion's ring on the accent teal was a dark rectangle on dark teal, hardly there."""
    style.apply(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    button, other = QPushButton("Done", holder), QPushButton("Other", holder)
    button.setProperty("accent", True)
    other.move(0, 60)
    holder.show()
    assert dark_when_focused(qtbot, button, other) >= button.width()  # a ring a button's width long


def test_the_focus_shows_on_a_tool_button(qapp: QApplication, qtbot: Any) -> None:
    """Start incident in the bar above every page and the console's call list toggle are tool
    buttons that Tab reaches: focused, they had only Fusion's pale teal tint (on the pale bar,
    hardly there), not the dark ring of every push button."""
    style.apply(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = QToolBar(holder)
    start = QToolButton()
    start.setText("Start incident")
    start.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addWidget(start)
    toggle = QToolButton(holder)  # with a style sheet of its own, as the call list toggle
    toggle.setText("‹ Call list")
    toggle.setStyleSheet("QToolButton { padding: 0px 4px; }")
    toggle.move(0, 60)
    other = QPushButton("Other", holder)
    other.move(0, 120)
    for button in (start, toggle):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    holder.show()
    for button in (start, toggle):
        assert dark_when_focused(qtbot, button, other) >= button.width(), button.text()


def test_the_initial_report_opens_with_the_focus_in_its_first_field(qtbot: Any) -> None:
    """The focus was on the scroll area round the fields: what was typed went nowhere."""
    from branchguard.core.incidents.types import REPORT_FIELDS
    from branchguard.gui.incidents.console.dialogs import ReportFieldsDialog

    dialog = ReportFieldsDialog({})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.edits[REPORT_FIELDS[0]]
    QTest.keyClicks(QApplication.focusWidget(), "branch hall")
    assert dialog.edits[REPORT_FIELDS[0]].toPlainText().endswith("branch hall")


def test_the_focus_shows_on_the_sidebars_row(qapp: QApplication, qtbot: Any) -> None:
    """`outline: none` left no sign whether the sidebar or the page had the keyboard."""
    from PySide6.QtWidgets import QListWidget

    style.apply(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    sidebar, other = QListWidget(holder), QPushButton("Other", holder)
    sidebar.setObjectName("sidebar")
    sidebar.addItems(["Dashboard", "Playbooks"])
    sidebar.setCurrentRow(0)
    sidebar.resize(200, 120)
    other.move(0, 130)
    holder.resize(220, 180)
    holder.show()
    changed = dark_when_focused(qtbot, sidebar, other)
    assert changed >= 100  # a dark ring round the current row, not nothing


def test_no_scroll_area_is_an_invisible_stop_in_the_tab_order(qtbot: Any) -> None:
    """A column that scrolls (the inspection runner's item and side columns, a dialog's form)
    took the focus itself, showing nothing: one Tab more before each field."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from branchguard.gui.kit.screen import VerticalScroll

    column = QWidget()
    QVBoxLayout(column).addWidget(QLineEdit())
    scroll = VerticalScroll(column, "a_column")
    qtbot.addWidget(scroll)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_focus_shows_on_a_tab(qapp: QApplication, qtbot: Any) -> None:
    """Fusion's ring round a tab's text was light grey on white, hardly there: in the hazard's
    details, the console's incident tabs, a page's tabs the keyboard seemed to be nowhere."""
    from PySide6.QtWidgets import QTabBar

    style.apply(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    bar, other = QTabBar(holder), QPushButton("Other", holder)
    bar.addTab("Details")
    bar.addTab("Remediation")
    other.move(0, 60)
    holder.resize(300, 100)
    holder.show()
    assert dark_when_focused(qtbot, bar, other) >= bar.tabRect(0).width()  # a ring round the tab


def test_the_focus_shows_on_a_table(qapp: QApplication, qtbot: Any) -> None:
    """A table looked the same with the keyboard in it or not (its selected row is teal either way):
    the incident's steps, a checklist's items. Its frame turns teal, as a text box's does."""
    from PySide6.QtWidgets import QTableWidget

    style.apply(qapp)
    holder = QWidget()
    qtbot.addWidget(holder)
    table, other = QTableWidget(3, 2, holder), QPushButton("Other", holder)
    table.resize(200, 120)
    other.move(0, 130)
    holder.resize(220, 180)
    holder.show()
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus)
    plain = table.grab().toImage()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    focused = table.grab().toImage()
    edge = [(x, 0) for x in range(table.width())] + [(0, y) for y in range(table.height())]
    assert sum(focused.pixelColor(x, y) != plain.pixelColor(x, y) for x, y in edge) >= table.width()
