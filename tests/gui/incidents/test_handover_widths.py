"""The handover's incident list at the size it opens at on a 1024×768 screen: the incident and its
pending steps can be read in both languages, and a just-started incident has run "just now"."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.incidents.handover_dialog import (
    COLUMN_SHARES,
    INCIDENT_COLUMN,
    ROLE_COLUMN,
    TARGET_COLUMN,
    HandoverDialog,
)
from branchguard.gui.kit.plain import tip
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS


def settle(qtbot: Any) -> None:
    qtbot.wait(0)


@pytest.fixture
def dialog(world: AppContext, qtbot: Any) -> HandoverDialog:
    lead = world.services.auth.login("lead", PASSWORDS["lead"])
    world.services.incidents.start(lead, "FIRE")  # long role names ("… (backup …)") in both languages
    world.services.incidents.start(lead, "HOST")
    dlg = HandoverDialog(GuiSession(world, lead))
    qtbot.addWidget(dlg)
    dlg.resize(980, 680)  # what it asks for, and gets, on a 1024×768 screen
    dlg.show()
    settle(qtbot)
    return dlg


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_incident_column_gets_a_fair_share_of_the_width(dialog: HandoverDialog) -> None:
    tree = dialog.incident_tree
    width = tree.viewport().width()
    widths = [tree.columnWidth(c) for c in range(tree.columnCount())]
    # Sized to their text, the role and target columns once left it 24 px in Chinese, 144 in English.
    assert widths[INCIDENT_COLUMN] >= 0.3 * width, widths
    assert widths[INCIDENT_COLUMN] == max(widths), widths
    for column, share in COLUMN_SHARES.items():
        assert widths[column] <= share * width + 1, (column, widths)
    assert sum(widths) <= width + 1, "no column pushed behind a horizontal scroll bar"
    fire = tree.topLevelItem(0)
    step = fire.child(0)
    # what an elided cell cuts is in its tooltip
    assert step.toolTip(ROLE_COLUMN) == tip(step.text(ROLE_COLUMN)) and "—" in step.text(ROLE_COLUMN)
    assert step.toolTip(TARGET_COLUMN) == tip(step.text(TARGET_COLUMN))
    assert fire.toolTip(INCIDENT_COLUMN) == tip(fire.text(INCIDENT_COLUMN))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_columns_follow_the_window(dialog: HandoverDialog, qtbot: Any) -> None:
    tree = dialog.incident_tree
    dialog.resize(760, 680)  # the room an 800×600 screen leaves
    settle(qtbot)
    width = tree.viewport().width()
    for column, share in COLUMN_SHARES.items():
        assert tree.columnWidth(column) <= share * width + 1
    assert tree.columnWidth(INCIDENT_COLUMN) >= 0.25 * width


@pytest.mark.parametrize(("lang", "said"), [("zh_CN", "刚刚"), ("en", "just now")])
def test_an_incident_started_within_the_minute_has_run_just_now(dialog: HandoverDialog, said: str) -> None:
    data = dialog.data
    assert data is not None
    started = data.snapshot.incidents[0].summary.started_at
    for seconds, text in ((0, said), (59, said), (125, "2")):
        snapshot = replace(data.snapshot, taken_at=started + timedelta(seconds=seconds))
        dialog.data = replace(data, snapshot=snapshot)
        dialog._fill()
        shown = dialog.incident_tree.topLevelItem(0).text(4)
        assert text in shown and "0 秒" not in shown and shown != "0 s", (seconds, shown)


@pytest.mark.parametrize(("lang", "said"), [("zh_CN", "刚刚"), ("en", "just now")])
def test_the_paper_says_the_same(dialog: HandoverDialog, said: str, tmp_path: Path) -> None:
    """The PDF of the snapshot on screen words the just-started incident as the screen does."""
    from branchguard.reports.handover import build_handover_pdf
    from tests.reports.conftest import Pdf

    data = dialog.data
    assert data is not None
    started = data.snapshot.incidents[0].summary.started_at
    snapshot = replace(data.snapshot, taken_at=started + timedelta(seconds=20))
    out = build_handover_pdf(snapshot, data.branch, tmp_path / "handover.pdf")
    text = Pdf.squashed(Pdf.text(out))
    assert Pdf.squashed(said) in text and "0秒" not in text
