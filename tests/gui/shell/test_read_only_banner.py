"""Data opened read-only: the window says that changes are disabled, and a change tried anyway is
refused in words (the database refuses it), not with a traceback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import open_context
from branchguard.core.people.types import ContactInput, ContactKind
from branchguard.gui.kit.tasks import run_task
from branchguard.gui.kit.translation import install


def test_read_only_window_shows_the_banner_and_refuses_a_change(
    fresh_data_dir: Path, app: QApplication, qtbot
) -> None:
    writable = open_context(fresh_data_dir, lang="en")
    writable.services.demo.fill()
    writable.close()
    ctx = open_context(fresh_data_dir, lang="en", read_only=True)
    try:
        actor = ctx.services.auth.login("lead", "lead-demo-2026")
        window = build_main_window(ctx, actor)
        qtbot.addWidget(window)
        window.show()
        assert window.read_only_banner is not None and window.read_only_banner.isVisible()
        assert "changes are disabled" in window.read_only_banner.text()
        install("zh_CN")  # the user switches the language: the banner follows
        try:
            banner = window.read_only_banner
            qtbot.waitUntil(lambda: "只读" in banner.text())  # LanguageChange is posted
        finally:
            install("en")
        failed: list[str] = []
        contact = ContactInput("新联系人", ContactKind.PROPERTY_MANAGEMENT, "95566")
        run_task(lambda _p: ctx.services.people.add_contact(actor, contact), on_error=failed.append)
        qtbot.waitUntil(lambda: bool(failed))
        assert "read-only" in failed[0] and "NOT saved" in failed[0]
        window.close()
    finally:
        ctx.close()


def test_a_writable_window_has_no_banner(gui_ctx, qtbot) -> None:
    actor = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    window = build_main_window(gui_ctx, actor)
    qtbot.addWidget(window)
    assert window.read_only_banner is None


def test_a_read_only_window_writes_no_gui_ini_on_close(
    fresh_data_dir: Path, app: QApplication, qtbot
) -> None:
    writable = open_context(fresh_data_dir, lang="en")
    writable.services.demo.fill()
    actor = writable.services.auth.login("lead", "lead-demo-2026")
    window = build_main_window(writable, actor)
    qtbot.addWidget(window)
    window.close()  # a writable window keeps its geometry and page
    writable.close()
    gui_ini = fresh_data_dir / "gui.ini"
    assert gui_ini.is_file()
    gui_ini.unlink()
    ctx = open_context(fresh_data_dir, lang="en", read_only=True)
    try:
        window = build_main_window(ctx, ctx.services.auth.login("lead", "lead-demo-2026"))
        qtbot.addWidget(window)
        window.show()
        window.close()
        assert window.read_only and not gui_ini.exists()
    finally:
        ctx.close()
