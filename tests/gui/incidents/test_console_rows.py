"""At 1024×768 the incident console shows at least six step rows and five log rows, in both
languages (issue #17: three step rows and two log rows at 1366×768)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QTableView

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Actor
from tests.gui.conftest import PASSWORDS

SIZES = {"small": QSize(1024, 768), "laptop": QSize(1366, 768)}
MIN_STEPS, MIN_LOG = 6, 5


def settle() -> None:
    for _ in range(8):
        QCoreApplication.processEvents()


def whole_rows(view: QTableView) -> int:
    """Rows wholly visible in the view's viewport."""
    height = view.viewport().height()
    row = view.verticalHeader().defaultSectionSize()
    return height // row if row else 0


@pytest.mark.parametrize("plan", ["FIRE", "NAT"])  # NAT: a weather incident, with its warning level
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_console_shows_six_steps_and_five_log_rows(
    world: AppContext, qtbot: Any, size: str, lang: str, plan: str, tmp_path: Path
) -> None:
    lead: Actor = world.services.auth.login("lead", PASSWORDS["lead"])
    fire = world.services.incidents.start(lead, plan).id
    for n in (1, 2):
        world.services.incidents.mark_step(lead, fire, n)
    for i in range(8):
        world.services.incidents.log(lead, fire, EntryKind.OBSERVATION, f"二楼楼梯间有烟 {i}")
    window = build_main_window(world, lead)
    qtbot.addWidget(window)
    window.resize(SIZES[size])
    window.show()
    page = window.show_page("incidents")
    assert page is not None
    console = page.open_incident(fire)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: console.detail is not None, timeout=10_000)
    settle()
    shots = os.environ.get("BRANCHGUARD_SHOTS")
    if shots:
        window.grab().save(str(Path(shots) / f"console-{plan}-{size}-{lang}.png"))
    steps, log = whole_rows(console.steps.table), whole_rows(console.log.view)
    assert steps >= MIN_STEPS and log >= MIN_LOG, f"{plan} {size} {lang}: {steps} step rows, {log} log rows"
    assert window.size() == SIZES[size]


def test_the_call_list_folds_away_to_widen_the_steps(world: AppContext, qtbot: Any) -> None:
    lead: Actor = world.services.auth.login("lead", PASSWORDS["lead"])
    fire = world.services.incidents.start(lead, "FIRE").id
    window = build_main_window(world, lead)
    qtbot.addWidget(window)
    window.resize(SIZES["small"])
    window.show()
    page = window.show_page("incidents")
    assert page is not None
    console = page.open_incident(fire)  # type: ignore[attr-defined]
    settle()
    wide = console.steps.table.width()
    assert console.calls.isVisible()
    console.calls_toggle.click()
    settle()
    assert not console.calls.isVisible() and console.steps.table.width() > wide + 150
    console.calls_toggle.click()
    settle()
    assert console.calls.isVisible() and console.steps.table.width() == wide
