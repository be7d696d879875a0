"""Renders every page and the start-up dialogs, in Chinese and English, into docs/screenshots/.

    python -m tools.screenshots [--out docs/screenshots] [--lang zh_CN --lang en] [--points 15]

Offscreen (QWidget.grab) with demo data in a temporary data folder, as the safety lead sees it;
`--points 15` as a low-vision user's 150 % system text size gives the application font.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from branchguard.app import build_main_window, configure_app
from branchguard.context import AppContext, open_context
from branchguard.core.demo.service import DEMO_ACCOUNTS
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Level, Role
from branchguard.gui.dashboard.report_dialog import PeriodDialog
from branchguard.gui.kit import tasks
from branchguard.gui.shell.login import FirstRunDialog, LoginDialog
from branchguard.gui.shell.main_window import MainWindow

WINDOW_SIZE = QSize(1280, 800)  # the window's default size
SMALL_SIZE = QSize(1024, 768)  # the smallest screen every window must fit
LAPTOP_SIZE = QSize(1366, 768)  # the commonest branch laptop
FOLLOW_SIZE = QSize(1920, 1080)
PREVIEW_SIZE = QSize(1024, 768)
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


def sized(size: QSize) -> str:
    """The file name suffix of a picture taken at `size`."""
    return f"-{size.width()}x{size.height()}"


def shoot_pages(window: MainWindow, out: Path, suffix: str = "") -> list[Path]:
    """Each sidebar page; a page with tabs once per tab (`<page>-<n>.png` after the first)."""
    shots = []
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        tab_widgets = [t for t in page.findChildren(QTabWidget) if t.parent() is not None]
        tabs = tab_widgets[0] if tab_widgets else None
        shots.append(save(window, out / f"{info.page_id}{suffix}.png"))
        if tabs is None:
            continue
        for index in range(1, tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                shots.append(save(window, out / f"{info.page_id}-{index + 1}{suffix}.png"))
        tabs.setCurrentIndex(0)
    return shots


def shoot_small_pages(window: MainWindow, out: Path) -> list[Path]:
    """Every page again on the smallest screen (1024×768), in the same window: once every page was
    built, the window must still be that small (tests/gui/test_fit.py checks it)."""
    window.resize(SMALL_SIZE)
    try:
        shots = shoot_pages(window, out, sized(SMALL_SIZE))
        if window.size() != SMALL_SIZE:
            raise AssertionError(f"the window grew to {window.width()}×{window.height()} on 1024×768")
        return shots
    finally:
        window.resize(WINDOW_SIZE)


def at_sizes(widget: QWidget, name: str, out: Path, sizes: tuple[QSize, ...]) -> list[Path]:
    """`widget` (a window) at each of `sizes`, as `<name>-<w>x<h>.png`."""
    shots = []
    before = widget.size()
    for size in sizes:
        widget.resize(size)
        shots.append(save(widget, out / f"{name}{sized(size)}.png"))
    widget.resize(before)
    return shots


def _demo_incident(ctx: AppContext, folder: Path) -> int:
    """A fire incident some minutes in: steps marked, typed entries, a correction, a photo, a level change."""
    inc = ctx.services.incidents
    passwords = {name: password for name, _role, password, _display in DEMO_ACCOUNTS}
    lead, staff = (ctx.services.auth.login(name, passwords[name]) for name in ("lead", "staff"))
    fire = inc.start(lead, "FIRE").id
    inc.mark_step(lead, fire, 1)
    inc.mark_step(staff, fire, 2)
    inc.mark_step(lead, fire, 3, done=False, reason="物业已拨打119")
    inc.log(lead, fire, EntryKind.ACTION, "关闭总电源，启用应急照明")
    inc.log(staff, fire, EntryKind.COMMUNICATION, "已通知物业和支行安全保卫部")
    wrong = inc.log(staff, fire, EntryKind.OBSERVATION, "二楼楼梯间有烟")
    inc.log(staff, fire, EntryKind.NOTE, "三楼楼梯间有烟", corrects=wrong.seq)
    photo = QImage(320, 200, QImage.Format.Format_RGB32)
    photo.fill(QColor("#8D6E63"))
    photo_path = folder / "scene.png"
    photo.save(str(photo_path))
    inc.attach(lead, fire, photo_path)
    inc.change_level(lead, fire, Level.I, "火势蔓延至二楼")
    inc.start(lead, "ROB", drill=True)
    return fire


def shoot_incident_screens(ctx: AppContext, window: MainWindow, folder: Path, out: Path) -> list[Path]:
    """The incident console, the staff follow mode and the shift handover, on a demo fire."""
    from branchguard.gui.incidents.follow_mode import FollowWindow

    fire = _demo_incident(ctx, folder)
    page = window.show_page("incidents")
    assert page is not None
    console = page.open_incident(fire)  # type: ignore[attr-defined]
    shots = [save(window, out / "incident-console.png")]
    shots += at_sizes(window, "incident-console", out, (SMALL_SIZE, LAPTOP_SIZE))
    shots.append(shoot_print_preview(console, out))
    # Offscreen has one small screen, so not open_follow_mode's full screen: a monitor-sized window.
    follow = FollowWindow(window.session, fire)
    follow.resize(FOLLOW_SIZE)
    follow.show()
    shots.append(save(follow, out / "follow-mode.png"))
    shots += at_sizes(follow, "follow-mode", out, (SMALL_SIZE, LAPTOP_SIZE))
    follow.close()
    handover = window.show_handover()
    assert isinstance(handover, QDialog)
    handover.resize(1000, 600)
    shots.append(save(handover, out / "handover.png"))
    handover.done(0)
    return shots


def shoot_print_preview(console: QWidget, out: Path) -> Path:
    """The incident report in the print preview, as the console's Preview / Print menu opens it,
    at 1024×768 (the smallest screen it must fit)."""
    menu = console.print_menu  # type: ignore[attr-defined]
    menu.incident_action.trigger()
    preview = menu.last
    preview.resize(PREVIEW_SIZE)
    settle()
    preview.go_to(0)
    for _ in range(20):  # the pages in view render one after another, each on its own turn
        settle()
    try:
        return save(preview, out / "print-preview.png")
    finally:
        preview.close()


def shoot_editor(window: MainWindow, out: Path) -> list[Path]:
    """The playbook editor on the fire plan, at 1024×768 and 1366×768 (Save, Approve, Close on screen)."""
    from branchguard.gui.playbooks.editor import PlaybookEditor

    editor = PlaybookEditor(window.session, "FIRE", window)
    editor.show()
    try:
        return at_sizes(editor, "playbook-editor", out, (SMALL_SIZE, LAPTOP_SIZE))
    finally:
        editor.close()
        editor.deleteLater()


def _demo_drills(ctx: AppContext) -> None:
    """The drill demo records (unless the demo data brought them already)."""
    from branchguard.core.demo import drills as drill_demo

    passwords = {name: password for name, _role, password, _display in DEMO_ACCOUNTS}
    lead, staff = (ctx.services.auth.login(name, passwords[name]) for name in ("lead", "staff"))
    s = ctx.services
    if not s.drills.list(lead):
        drill_demo.fill(s.drills, s.incidents, s.schedules, lead, staff)


def shoot_drill_screens(ctx: AppContext, window: MainWindow, folder: Path, out: Path) -> list[Path]:
    """The drill plan dialog, recording a drill held earlier, the evaluation form (of a run of the
    fire series) and a report page."""
    from branchguard.core.drills.types import DrillStatus
    from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
    from branchguard.gui.drills.held_dialog import HeldDrillDialog
    from branchguard.gui.drills.plan_dialog import DrillPlanDialog
    from branchguard.reports.drill_report import build_drill_report

    session = window.session
    drills, actor = ctx.services.drills, session.actor
    plan = DrillPlanDialog(session, window)
    plan.choose_playbook("FIRE")
    plan.repeats.setCurrentIndex(plan.repeats.findData("semiannual"))
    plan.participants.add_row("safety_officer", ("赵敏",))
    plan.participants.add_row("疏散引导组", ("李晓梅", "周强"))
    plan.observers.set_names(["分行安全保卫部 刘主任"])
    plan.goals.setPlainText("3 分钟内全员撤离营业大厅\n集合点清点人数无遗漏")
    shots = [shoot_dialog(plan, out / "drill-plan.png")]
    held = HeldDrillDialog(session, window)  # a drill of the paper register, before the install
    held.playbook.choose("ROB")
    held.held.setDateTime(datetime.now().replace(hour=10, minute=0, second=0) - timedelta(days=40))
    held.reference.setText("2026 年安全管理台账 第 14 页")
    for row, score in zip(held.scores_box.rows, (100, 90, 80, 60), strict=False):  # the rest still to type
        row.spin.setValue(score)
    held.problems.setPlainText("110 报警延迟约 1 分钟。")
    shots.append(shoot_dialog(held, out / "drill-held.png"))
    series = next(p for p in drills.list(actor) if p.recurring and p.status is DrillStatus.PLANNED)
    run = drills.run(actor, series.id)
    form = EvaluateDialog(session, run, window)
    for row, score in zip(form.rows, (100, 90, 60, 80, 100, 40, 100, 90), strict=False):
        row.spin.setValue(score)
    form.problems.setPlainText("金库门未按规定关闭；1 名柜员未听到广播。")
    form.lessons.setPlainText("疏散前由柜组长确认金库上锁。")
    form.action_table.add_row("更换二楼过期灭火器 2 具", "赵敏")
    form.action_table.add_row("调高二楼广播音量", "郑浩")
    shots.append(shoot_dialog(form, out / "drill-evaluate.png"))
    evaluated = next(p for p in drills.list(actor) if p.status is DrillStatus.EVALUATED)
    pdf = folder / "drill-report.pdf"
    font = str(ctx.config.settings.get("report_font") or "")
    build_drill_report(ctx.services, actor, evaluated.id, pdf, font)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(out / "drill-report"),
        ],
        check=True,
    )
    shots.append(out / "drill-report.png")
    return shots


def shoot_language(app: QApplication, lang: str, out: Path, points: float = 0) -> list[Path]:
    configure_app(app, lang)
    if points:
        font = app.font()
        font.setPointSizeF(points)
        app.setFont(font)
    shots = []
    with tempfile.TemporaryDirectory(prefix="branchguard-shots-") as tmp:
        ctx = open_context(Path(tmp) / "data", lang=lang)
        try:
            first_run = FirstRunDialog(ctx.services, db_url=ctx.config.db_url)  # as a start makes it
            shots.append(shoot_dialog(first_run, out / "first-run.png"))
            ctx.services.demo.fill(records=True)  # as `make run` shows it
            username, _role, password, _name = next(a for a in DEMO_ACCOUNTS if a[1] is Role.LEAD)
            shots.append(shoot_dialog(LoginDialog(ctx.services, username=username), out / "login.png"))
            _demo_drills(ctx)
            window = build_main_window(ctx, ctx.services.auth.login(username, password))
            window.resize(WINDOW_SIZE)
            window.show()
            shots.extend(shoot_pages(window, out))
            shots.extend(shoot_small_pages(window, out))
            shots.append(shoot_dialog(PeriodDialog(window), out / "summary-period.png"))
            shots.extend(shoot_incident_screens(ctx, window, Path(tmp), out))
            shots.extend(shoot_editor(window, out))
            shots.extend(shoot_drill_screens(ctx, window, Path(tmp), out))
            from tools.screenshots_inspections import shoot_inspection_screens  # it imports this module

            shots.extend(shoot_inspection_screens(ctx, window, Path(tmp), out))
            from tools.screenshots_exchange import shoot_head_office  # it imports this module

            shots.extend(shoot_head_office(ctx, window, Path(tmp), out, lang))
            from tools.screenshots_complaints import shoot_complaint_screens  # it imports this module

            shots.extend(shoot_complaint_screens(ctx, window, Path(tmp), out))
            window.show_page(window.landing_page_id())
            help_dialog = window.show_shortcuts()
            shots.append(shoot_dialog(help_dialog, out / "shortcuts.png"))
            go_to = window.page_keys.ask()  # Ctrl+G as it opens: every page, the one in front chosen
            assert go_to is not None
            shots.append(save(go_to, out / "go-to-page.png"))
            go_to.done(0)
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
    parser.add_argument("--points", type=float, default=0, help="the application font's size, e.g. 15")
    args = parser.parse_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    tasks.set_inline(True)  # a page's background checks finish before its picture is taken
    for lang in args.lang or ["zh_CN", "en"]:
        for path in shoot_language(app, lang, args.out / lang, args.points):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
