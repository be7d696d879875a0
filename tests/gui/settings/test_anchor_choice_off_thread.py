"""Settings → Anchors: the folder chosen is probed (a USB stick or a share may take seconds), stored
in settings.ini and audited on the writer's thread, its button waiting; a locked database or a
settings file that cannot be written is said, nothing changed; a panel deleted meanwhile is left
alone."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from sqlalchemy import event

from branchguard.context import AppContext
from branchguard.core.audit.service import AuditFilter
from branchguard.gui.kit.writer import writer
from branchguard.gui.settings.anchors import AnchorsPanel
from tests.gui.dialog_support import Held, fault_place, locked, said_locked, sql_threads
from tests.gui.incidents.incident_support import session_for

pytestmark = pytest.mark.usefixtures("fault_place")
__all__ = ["fault_place"]


@pytest.fixture
def anchors_panel(gui_ctx: AppContext, pool_tasks: Any, qtbot: Any) -> AnchorsPanel:
    shown = AnchorsPanel(session_for(gui_ctx, "lead"))
    qtbot.addWidget(shown)
    shown.show()
    shown.refresh()
    qtbot.waitUntil(lambda: bool(shown.fingerprint.text()) and not shown.loader.busy())
    return shown


def test_the_anchor_folder_is_probed_stored_and_audited_off_the_gui_thread(
    anchors_panel: AnchorsPanel, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    panel, anchors = anchors_panel, gui_ctx.services.anchors
    stick = tmp_path / "usb"
    stick.mkdir()
    choose = Held(monkeypatch, anchors, "choose_folder")
    stores: list[int] = []
    original_set = gui_ctx.config.settings.set
    monkeypatch.setattr(
        gui_ctx.config.settings, "set", lambda *a: stores.append(threading.get_ident()) or original_set(*a)
    )
    with sql_threads(gui_ctx.engine) as sql:
        panel.set_folder(stick)
        qtbot.waitUntil(lambda: choose.calls == 1)
        assert not panel.choose.isEnabled() and panel.status.text() == f"Checking {stick} and saving…"
        panel.set_folder(tmp_path)  # chosen again meanwhile: not taken
        choose.release()
        qtbot.waitUntil(lambda: panel.choose.isEnabled())
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert choose.calls == 1 and pool_tasks.gui_thread not in choose.threads + stores and stores
    assert panel.status.text() == "Anchors go to this folder from now on."
    assert panel.folder.text() == str(stick.resolve()) and gui_ctx.config.anchor_dir == stick.resolve()
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    events = gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor.configure"))
    assert [e.after for e in events] == [{"folder": str(stick.resolve())}]


def test_a_locked_database_or_an_unwritable_settings_file_is_said_and_nothing_changes(
    anchors_panel: AnchorsPanel, gui_ctx: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    panel, shown = anchors_panel, anchors_panel.folder.text()
    stick = tmp_path / "usb"
    stick.mkdir()

    def lock(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            raise locked()

    event.listen(gui_ctx.engine, "before_cursor_execute", lock)
    try:
        panel.set_folder(stick)
        qtbot.waitUntil(lambda: panel.choose.isEnabled())
    finally:
        event.remove(gui_ctx.engine, "before_cursor_execute", lock)
    assert panel.status.text() == said_locked(gui_ctx) and panel.status.property("role") == "error"
    assert panel.folder.text() == shown and gui_ctx.config.settings.get("anchor_dir") == ""

    gui_ctx.config.settings.path.with_suffix(".ini.tmp").mkdir()
    panel.set_folder(stick)
    qtbot.waitUntil(lambda: panel.choose.isEnabled())
    assert panel.status.text().startswith(f"cannot write the settings file {gui_ctx.config.settings.path}")
    assert panel.folder.text() == shown and gui_ctx.config.settings.get("anchor_dir") == ""
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    assert gui_ctx.services.audit.list(lead, AuditFilter(action_prefix="anchor.configure")) == []


def test_a_panel_deleted_while_its_choice_is_stored_is_left_alone(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    panel = AnchorsPanel(session_for(gui_ctx, "lead"))  # not qtbot's: it closes those it was given
    choose = Held(monkeypatch, gui_ctx.services.anchors, "choose_folder")
    panel.set_folder(tmp_path)
    qtbot.waitUntil(lambda: choose.calls == 1)
    shiboken6.delete(panel)  # the pages dropped when another user logs in
    choose.release()
    writer().wait()
    qtbot.wait(0)  # its answer delivered: to nobody
    assert gui_ctx.config.anchor_dir == tmp_path.resolve()
