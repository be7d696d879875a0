"""GUI test set-up: the configured application, a demo database in tmp_path, windows per role."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window, configure_app
from branchguard.context import AppContext, open_context
from branchguard.gui.kit import tasks
from branchguard.gui.shell.main_window import MainWindow

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin cannot pass size hints to a window manager it does not have;
    # that says nothing about the app, every other Qt warning still fails the test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    """Background work runs synchronously, so a click's result is there when the click returns."""
    tasks.set_inline(True)
    yield
    tasks.set_inline(False)


@pytest.fixture
def lang() -> str:
    return "en"


@pytest.fixture
def app(qapp: QApplication, lang: str) -> QApplication:
    configure_app(qapp, lang)
    return qapp


@pytest.fixture
def empty_ctx(tmp_path: Path, app: QApplication, lang: str, sqlite_template: Path) -> Iterator[AppContext]:
    """The context on a new database in the data folder (a copy of the run's fresh one, see
    tests/conftest.py): built-in content only, no branch."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(sqlite_template, data / "branchguard.sqlite")  # where open_context looks
    ctx = open_context(data, lang=lang)
    assert ctx.config.db_url.endswith("/data/branchguard.sqlite")
    yield ctx
    ctx.close()


@pytest.fixture
def gui_ctx(empty_ctx: AppContext) -> AppContext:
    empty_ctx.services.demo.fill()
    return empty_ctx


@pytest.fixture
def open_window(gui_ctx: AppContext, qtbot) -> Callable[[str], MainWindow]:
    """A shown main window for `username` (a demo account), on its start page."""

    def _open(username: str = "lead") -> MainWindow:
        actor = gui_ctx.services.auth.login(username, PASSWORDS[username])
        window = build_main_window(gui_ctx, actor)
        qtbot.addWidget(window)
        window.show_page(window.initial_page_id())
        with qtbot.waitActive(window):  # window shortcuts (Ctrl+L, F1) fire only in the active window
            window.show()
            window.activateWindow()
        return window

    return _open
