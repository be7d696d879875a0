"""A milder warning recorded with "start preparation" while the natural-disaster plan's incident is
open at a higher level (NAT at orange for a typhoon, a blue rainstorm warning comes), in Chinese:
the question names the plan by code and title, its advice reads as Chinese (no stray space), and
its default button logs the warning in that incident, which keeps its orange: never lowered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton

from branchguard.context import AppContext
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.types import EntryKind
from branchguard.gui.early_warnings import plan_open
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.early_warnings.test_warning_plan_open import _answer, _question, add_with_start
from tests.gui.early_warnings.test_warnings_page import page_of
from tests.gui.incidents.incident_support import login


@pytest.fixture
def lang() -> str:
    return "zh_CN"


def test_a_milder_warning_is_logged_in_the_open_incident_which_keeps_its_level(
    open_window: Any, gui_ctx: AppContext
) -> None:
    nat = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "NAT", warning=WarningLevel.ORANGE)
    page = page_of(open_window, "lead")
    dialog = add_with_start(page, 60, "blue", "rainstorm", "暴雨蓝色预警")
    box = _question(page)
    assert "NAT 自然灾害专项应急预案" in box.text(), box.text()
    assert f"预警 #{dialog.added.id} 已登记" in box.informativeText()
    assert "。 " not in box.informativeText(), box.informativeText()  # one Chinese paragraph
    apply = box.findChild(QAbstractButton, plan_open.APPLY)
    assert box.defaultButton() is apply and apply.text() == f"记入事件 #{nat.id}"

    _answer(box, plan_open.APPLY)
    lead = login(gui_ctx, "lead")
    detail = gui_ctx.services.incidents.get(lead, nat.id)
    assert detail.summary.warning_level == WarningLevel.ORANGE  # not lowered to blue
    assert detail.entries[-1].kind == EntryKind.OBSERVATION and "暴雨蓝色预警" in detail.entries[-1].text
    assert gui_ctx.services.warnings.get(lead, dialog.added.id).incident_id == nat.id
    incidents = page.window().show_page("incidents")  # type: ignore[attr-defined]
    assert isinstance(incidents, IncidentsPage) and incidents.console(nat.id) is not None
