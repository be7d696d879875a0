"""The runner's header at 1024×768: a run started with its location, an answer being saved (the
progress line's longest, "… · 1 photo missing · saving…") and the run submitted (its line then
says who submitted it when) leave the window that size. The line under the title was as wide as
its text: in English it grew the window to 1061 px while the fail was saved, for good."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.inspections.types import InspectionInput, ItemResult
from tests.gui.conftest import PASSWORDS
from tests.gui.dialog_support import Held
from tests.gui.fit_support import SMALL, fit_problems


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_run_with_its_location_saving_a_fail_fits_1024x768(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = gui_ctx.services.auth.login("staff", PASSWORDS["staff"])
    window = build_main_window(gui_ctx, staff)
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    where = InspectionInput(location="营业大厅东侧通道")
    run = gui_ctx.services.inspections.start(staff, "FIRE_DAILY", where)
    page = window.show_page("inspections")
    runner = page.open_inspection(run.info.id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: runner.detail is not None)
    held = Held(monkeypatch, gui_ctx.services.inspections, "answer")
    runner.move_to(2)  # an item whose fail needs a photo
    runner.answer_current(ItemResult.FAIL)
    qtbot.waitUntil(lambda: held.calls == 1 and "·" in runner.progress.text())
    qtbot.wait(0)  # the header laid out with the progress line as it is while saving
    assert window.size() == QSize(SMALL), f"saving grew the window to {window.width()}×{window.height()}"
    held.release()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert not fit_problems(window, SMALL)
    assert window.size() == QSize(SMALL)
