"""Renders every page and the start-up dialogs, in Chinese and English, into docs/screenshots/.

    python -m tools.screenshots [--out docs/screenshots] [--lang zh_CN --lang en]

Offscreen (QWidget.grab) with demo data in a temporary data folder, as the safety lead sees it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from branchguard.app import build_main_window, configure_app
from branchguard.context import open_context
from branchguard.core.demo import DEMO_ACCOUNTS
from branchguard.core.domain import Role
from branchguard.gui import tasks
from branchguard.gui.login import FirstRunDialog, LoginDialog
from branchguard.gui.main_window import MainWindow

WINDOW_SIZE = QSize(1280, 800)
DIALOG_WIDTH = 560


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> Path:
    settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def shoot_dialog(dialog: QDialog, path: Path) -> Path:
    hint = dialog.sizeHint().expandedTo(dialog.size())
    dialog.resize(max(DIALOG_WIDTH, hint.width()), hint.height())
    dialog.show()
    try:
        return save(dialog, path)
    finally:
        dialog.done(0)


def shoot_pages(window: MainWindow, out: Path) -> list[Path]:
    """Each sidebar page; a page with tabs once per tab (`<page>-<n>.png` after the first)."""
    shots = []
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        tab_widgets = [t for t in page.findChildren(QTabWidget) if t.parent() is not None]
        tabs = tab_widgets[0] if tab_widgets else None
        shots.append(save(window, out / f"{info.page_id}.png"))
        if tabs is None:
            continue
        for index in range(1, tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                shots.append(save(window, out / f"{info.page_id}-{index + 1}.png"))
        tabs.setCurrentIndex(0)
    return shots


def shoot_language(app: QApplication, lang: str, out: Path) -> list[Path]:
    configure_app(app, lang)
    shots = []
    with tempfile.TemporaryDirectory(prefix="branchguard-shots-") as tmp:
        ctx = open_context(Path(tmp) / "data", lang=lang)
        try:
            shots.append(shoot_dialog(FirstRunDialog(ctx.services), out / "first-run.png"))
            ctx.services.demo.fill()
            username, _role, password, _name = next(a for a in DEMO_ACCOUNTS if a[1] is Role.LEAD)
            shots.append(shoot_dialog(LoginDialog(ctx.services, username=username), out / "login.png"))
            window = build_main_window(ctx, ctx.services.auth.login(username, password))
            window.resize(WINDOW_SIZE)
            window.show()
            shots.extend(shoot_pages(window, out))
            window.show_page(window.landing_page_id())
            help_dialog = window.show_shortcuts()
            shots.append(shoot_dialog(help_dialog, out / "shortcuts.png"))
            window.close()
            window.deleteLater()  # it must not hear the next language's LanguageChange
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            ctx.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", action="append", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    tasks.set_inline(True)  # a page's background checks finish before its picture is taken
    for lang in args.lang or ["zh_CN", "en"]:
        for path in shoot_language(app, lang, args.out / lang):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
