"""The preload thread: imports off the GUI thread, the follow-up back on it, in the order asked."""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager, nullcontext

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


def test_the_window_imports_its_pages_and_the_scheduler_ahead_of_their_use(
    open_window, qtbot, threaded, monkeypatch
) -> None:
    """The preload thread is asked for every page and the scheduler; what defines widgets follows
    on the GUI thread (the next test)."""
    asked: list[tuple[tuple[str, ...], threading.Thread, bool]] = []
    real = preload.import_modules
    paused = [False]

    def recording(modules, **kwargs):
        asked.append((tuple(modules), threading.current_thread(), paused[0]))
        return real(modules, **kwargs)

    @contextmanager
    def pause():  # recorded, not done: the test process's heap stays collectable
        paused[0] = True
        yield
        paused[0] = False

    monkeypatch.setattr(preload, "import_modules", recording)
    monkeypatch.setattr(preload, "collector_paused", pause)
    window = open_window("lead")
    done: list[bool] = []
    window.start_schedules(then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done) and preload.wait(0))
    assert window.notifications is not None
    imported = {module for modules, _thread, _paused in asked for module in modules}
    pages = {info.module for info in window.visible_pages()}
    assert pages <= imported
    assert "branchguard.gui.schedules.qt_scheduler" in imported
    assert all(thread is not threading.main_thread() for _modules, thread, _paused in asked)
    # no garbage collection among the pages' imports (a full pass there stalled the window)
    assert all(was_paused for modules, _thread, was_paused in asked if pages & set(modules))
    window.close()
    assert window.schedule_signals is None


def test_the_report_font_is_found_on_the_preload_thread_with_the_pages(
    open_window, qtbot, threaded, monkeypatch
) -> None:
    """The font every report embeds (and Settings and About name) is parsed once, on the preload
    thread after the pages' imports, with the font set in Settings: not by the first of them to
    need it, on the pool, while its page waits (~200 ms)."""
    from branchguard.reports import fonts

    asked: list[tuple[str, threading.Thread]] = []
    real = fonts.find_cjk_font
    def recording(setting: str = "") -> fonts.FontChoice:
        asked.append((setting, threading.current_thread()))
        return real(setting)

    monkeypatch.setattr(fonts, "find_cjk_font", recording)
    monkeypatch.setattr(preload, "collector_paused", nullcontext)
    window = open_window("lead")
    window.session.ctx.config.settings.set("report_font", "/nowhere/font.ttf")
    done: list[bool] = []
    window.start_schedules(then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done) and preload.wait(0))
    assert [setting for setting, _thread in asked] == ["/nowhere/font.ttf"]
    assert asked[0][1] is not threading.main_thread()
    window.close()


def test_what_follows_the_schedules_waits_for_every_page_and_comes_even_after_a_failure(
    open_window, qtbot, threaded, monkeypatch
) -> None:
    """`start_schedules(then=…)` (the daily backup at start) runs `then` once the pages' modules are
    in, not beside their imports; after a failed step too; at once when there is nothing to start."""
    order: list[str] = []
    real = preload.import_modules

    def recording(modules, **kwargs):
        order.append("pages" if kwargs.get("ahead") else "scheduler")
        return real(modules, **kwargs)

    monkeypatch.setattr(preload, "import_modules", recording)
    monkeypatch.setattr(preload, "collector_paused", nullcontext)  # the test process's heap stays collectable
    window = open_window("lead")
    window.start_schedules(then=lambda: order.append("then"))
    qtbot.waitUntil(lambda: "then" in order)
    assert order == ["scheduler", "pages", "then"]
    window.start_schedules(then=lambda: order.append("again"))  # started already: nothing to wait for
    assert order[-1] == "again"
    window.close()

    def failing(modules, **kwargs):
        raise ImportError("a page module that cannot be imported")

    monkeypatch.setattr(preload, "import_modules", failing)
    second = open_window("lead")
    second.start_schedules(then=lambda: order.append("after the failure"))
    qtbot.waitUntil(lambda: "after the failure" in order)
    second.close()


SPLIT = """
import json, sys, threading
from PySide6.QtWidgets import QApplication
app = QApplication([])
from branchguard.gui.kit import preload
from branchguard.gui.kit.pyside_hook import source_mentions_pyside
before = set(sys.modules)
qt = preload.import_modules(["branchguard.gui.audit.page"])
loaded = sorted(m for m in set(sys.modules) - before if m.startswith("branchguard.gui"))
imported_qt = [m for m in loaded if source_mentions_pyside(sys.modules[m].__file__)]
service = "branchguard.core.audit.service" in sys.modules
print(json.dumps({"qt": qt, "imported_qt": imported_qt, "service": service}))
"""


def test_what_defines_widgets_is_left_for_the_gui_thread_after_what_it_imports() -> None:
    """In a new interpreter: the preload thread's part imports the page's services and models but
    no module that names PySide6 (a QObject subclass made off the GUI thread crashed the window),
    and hands those back in the order to import them, the page's own module last."""
    import json
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", SPLIT], capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["service"]  # the audit service and what it needs: imported here
    assert result["imported_qt"] == []  # nothing that defines widgets, nor its package
    qt = result["qt"]
    assert qt[-1] == "branchguard.gui.audit.page"
    assert qt.index("branchguard.gui.kit.page") < qt.index("branchguard.gui.audit.page")


def test_the_modules_left_for_the_gui_thread_are_imported_there_one_a_turn(
    qtbot, threaded, tmp_path, monkeypatch
):
    (tmp_path / "bg_widgets.py").write_text(
        "import threading\nTHREAD = threading.current_thread()\n", encoding="utf-8"
    )
    monkeypatch.delitem(sys.modules, "bg_widgets", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    followed: list[bool] = []
    preload.run(lambda: ["bg_widgets"], then=lambda: followed.append(True))
    qtbot.waitUntil(lambda: bool(followed))
    assert sys.modules["bg_widgets"].THREAD is threading.main_thread()
    assert preload.wait(0)


def test_a_module_that_fails_on_the_gui_thread_ends_the_steps_with_its_error(
    qtbot, threaded, tmp_path, monkeypatch
) -> None:
    (tmp_path / "bg_broken.py").write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    (tmp_path / "bg_after.py").write_text("", encoding="utf-8")
    for name in ("bg_broken", "bg_after"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    errors: list[str] = []
    followed: list[bool] = []
    preload.run(lambda: ["bg_broken", "bg_after"], then=lambda: followed.append(True), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["RuntimeError: boom"] and followed == []
    assert "bg_after" not in sys.modules  # the steps end there
    assert preload.wait(0)  # nothing is left waiting for its turn


def test_the_import_scan_finds_what_the_parser_finds_in_every_gui_module() -> None:
    """`_imports` reads a module's imports with a regular expression; the same names as Python's
    own parser gives, for every module under gui/ (the body's imports, and with type_checking the
    gui/ modules named under TYPE_CHECKING)."""
    import ast
    from pathlib import Path

    root = Path(preload.__file__).resolve().parents[3]
    for path in sorted((root / "branchguard" / "gui").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        body = ast.parse(path.read_bytes()).body
        checking = [n for n in body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]
        for type_checking in (False, True):
            nodes = [(n, True) for n in body] + [
                (n, False) for c in checking if type_checking for n in c.body
            ]
            expected = {name.rsplit(".", 1)[0]} if "." in name else set()
            for node, at_run in nodes:
                if isinstance(node, ast.Import):
                    expected |= {
                        a.name for a in node.names if at_run or a.name.startswith(preload.QT_PACKAGE)
                    }
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    if at_run or node.module.startswith(preload.QT_PACKAGE):
                        expected.add(node.module)
                    modules = {f"{node.module}.{a.name}" for a in node.names}  # a name may be a module
                    expected |= {m for m in modules if m.startswith("branchguard")}
            expected = {m for m in expected if preload._exists(m)}
            assert set(preload._imports(name, type_checking)) == expected, (name, type_checking)


def test_the_playbook_editor_is_imported_ahead_with_the_pages() -> None:
    """Opening the editor imported its dozen modules on the GUI thread: 37 ms of the 122 ms the
    window stalled as a lead first opened a plan to edit (ten years)."""
    page = "branchguard.gui.playbooks.page"
    assert "branchguard.gui.playbooks.editor" in preload._imports(page, True)
    assert "branchguard.gui.playbooks.editor" not in preload._imports(page, False)  # not at start
