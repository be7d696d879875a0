"""Text that must be read whole on the smallest screens (1024×768, and 1366×768 at 125 %: 1093×614
logical), measured rather than looked at: follow mode's step, every one of every built-in plan, and
the hazard register's column headings. (tests/gui/test_fit.py walks the windows and dialogs.)"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.gui.kit.screen import SHORTEST, SMALLEST
from branchguard.gui.kit.style import HEADER_PAD
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import PASSWORDS

LANGS = ["zh_CN", "en"]


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def lead_window(world: AppContext, qtbot: Any) -> MainWindow:
    window = build_main_window(world, world.services.auth.login("lead", PASSWORDS["lead"]))
    qtbot.addWidget(window)
    window.resize(SMALLEST)
    window.show()
    settle()
    return window


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def unread(label: QLabel) -> str:
    """How a wrapped label fails to let its whole text be read, or "": it must be as tall as its
    lines, and on screen, or in a scroll area that reaches its last line."""
    need = label.heightForWidth(label.width())
    if label.height() < need - 2:
        return f"{label.height()} px tall, its lines need {need}"
    scroll = scroll_area_of(label)
    if scroll is None:
        bottom, reach = label.mapTo(label.window(), label.rect().bottomLeft()).y(), label.window().height()
    else:
        bar = scroll.verticalScrollBar()
        bottom = label.mapTo(scroll.widget(), label.rect().bottomLeft()).y()
        reach = scroll.viewport().height() + (bar.maximum() if bar.isVisible() else 0)
    return f"its last line at {bottom} px, {reach} px can be seen" if bottom > reach + 2 else ""


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_of_every_plan_is_read_whole_in_follow_mode(
    world: AppContext, qtbot: Any, lang: str
) -> None:
    """Full screen at 1024×768 and 1093×614, each built-in step in follow mode's step area: shrunk
    to fit, or scrolling at a legible size. Clipped at 48 pt, 66 of the 284 English steps lost
    their end at 1280×720, and FIRE's step 3 half its text at 1093×614."""
    from branchguard.gui.incidents.follow_mode import FollowWindow

    window = lead_window(world, qtbot)
    lead = window.session.actor
    playbooks = world.services.playbooks
    follow = FollowWindow(window.session, world.services.incidents.start(lead, "FIRE").id)
    qtbot.addWidget(follow)
    area = follow.step_area
    steps = [
        (info.code, n, step.text.zh if lang == "zh_CN" else step.text.en)
        for info in playbooks.list_playbooks(lead)
        for n, step in enumerate(playbooks.get(lead, info.code).content.steps, 1)
    ]
    assert len(steps) > 200
    problems = []
    for screen in (SMALLEST, SHORTEST):
        follow.resize(screen)
        follow.show()
        settle()
        assert follow.size() == screen
        for code, number, text in steps:
            area.set_texts(text, "")
            if problem := unread(area.step):
                problems.append(f"{screen.width()}×{screen.height()} {code} step {number}: {problem}")
            if area.step_points() < 20:
                problems.append(f"{code} step {number} at {area.step_points()} pt")
    assert not problems, f"{len(problems)} of {2 * len(steps)}:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGS)
def test_the_hazard_register_headings_are_not_cut(world: AppContext, qtbot: Any) -> None:
    """Each narrow column at least as wide as its heading's words in the header's bold with their
    padding ("Days open" and "Severity" in 60 px read "Days o…"); the column sorted by, with room for
    its arrow too (Qt's size hint, which reserves it)."""
    page = lead_window(world, qtbot).show_page("hazards")
    assert page is not None
    settle()
    header = page.table.horizontalHeader()  # type: ignore[attr-defined]
    model = header.model()
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the style sheet's QHeaderView::section font-weight: 600

    def needs(column: int) -> int:
        if column == header.sortIndicatorSection():
            return header.sectionSizeHint(column)
        words = model.headerData(column, header.orientation())
        return QFontMetrics(bold).horizontalAdvance(words) + 2 * HEADER_PAD

    cut = [
        f"{model.headerData(column, header.orientation())!r}: {header.sectionSize(column)} < {needs(column)}"
        for column in range(header.count() - 1)  # the last column takes the rest of the width
        if header.sectionSize(column) < needs(column)
    ]
    assert not cut, "; ".join(cut)
