"""The preload thread: imports off the GUI thread, the follow-up back on it, in the order asked."""

from __future__ import annotations

import sys
import threading

import pytest

from branchguard.gui.kit import preload, tasks


@pytest.fixture
def threaded() -> None:
    tasks.set_inline(False)  # inline_tasks (autouse) set it before and resets it afterwards


def test_modules_are_imported_off_the_gui_thread_then_the_follow_up_runs_on_it(
    qtbot, threaded, tmp_path, monkeypatch
) -> None:
    for name in ("bg_first", "bg_second"):
        (tmp_path / f"{name}.py").write_text(
            "import threading\nTHREAD = threading.current_thread()\n", encoding="utf-8"
        )
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    order: list[str] = []
    follow_up: list[threading.Thread] = []

    preload.run(lambda: preload.import_modules(["bg_first"]), then=lambda: order.append("first"))
    preload.run(
        lambda: preload.import_modules(["bg_second"]),
        then=lambda: (order.append("second"), follow_up.append(threading.current_thread())),
    )
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["first", "second"]
    assert sys.modules["bg_first"].THREAD is not threading.main_thread()
    assert sys.modules["bg_second"].THREAD is sys.modules["bg_first"].THREAD  # one thread, in turn
    assert follow_up == [threading.main_thread()]


def test_a_failed_import_reaches_on_error_and_not_the_follow_up(qtbot, threaded) -> None:
    errors: list[str] = []
    followed: list[bool] = []
    preload.run(
        lambda: preload.import_modules(["branchguard.no_such_module"]),
        then=lambda: followed.append(True),
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].startswith("ModuleNotFoundError") and followed == []


def test_the_window_imports_its_pages_and_the_scheduler_off_the_gui_thread(
    open_window, qtbot, threaded, monkeypatch
) -> None:
    asked: list[tuple[tuple[str, ...], threading.Thread]] = []
    real = preload.import_modules

    def recording(modules):
        asked.append((tuple(modules), threading.current_thread()))
        real(modules)

    monkeypatch.setattr(preload, "import_modules", recording)
    monkeypatch.setattr(preload, "freeze_heap", lambda: None)  # the test process's heap stays collectable
    window = open_window("lead")
    window.start_schedules()
    qtbot.waitUntil(lambda: window.schedule_signals is not None and preload.wait(0))
    assert window.notifications is not None
    imported = {module for modules, _thread in asked for module in modules}
    assert {info.module for info in window.visible_pages()} <= imported
    assert "branchguard.gui.schedules.qt_scheduler" in imported
    assert all(thread is not threading.main_thread() for _modules, thread in asked)
    window.close()
    assert window.schedule_signals is None
