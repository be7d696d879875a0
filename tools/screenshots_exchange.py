"""Screenshots of the exchange with head office: the branch's export wizard (its three steps) and a
head office's window (its branches side by side at 1024×768 and at full size, an import's results,
the regional report in the print preview); called by tools/screenshots.py for each language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.types import Actor, Level, Role
from branchguard.gui.exchange.wizard import ExportWizard
from branchguard.gui.headoffice.page import HeadOfficePage
from branchguard.gui.kit.print_preview import PreviewDialog
from branchguard.gui.shell.main_window import MainWindow
from tools.screenshots import PREVIEW_SIZE, WINDOW_SIZE, save, settle

HO_USER, HO_PASSWORD = "admin", "head-office-2026!"


def _months() -> tuple[str, str]:
    today = date.today()
    before = date(today.year - (today.month == 1), 12 if today.month == 1 else today.month - 1, 1)
    return f"{before:%Y-%m}", f"{today:%Y-%m}"


def shoot_export_wizard(window: MainWindow, folder: Path, out: Path) -> tuple[list[Path], Path]:
    """The wizard's steps as the lead goes through them; also the package it made."""
    action = window.findChild(QAction, "action_export_package")
    assert action is not None
    action.trigger()
    wizard = window.findChild(ExportWizard)
    assert wizard is not None
    wizard.resize(640, 480)
    wizard.period_page.choice.setEditText(_months()[1])
    shots = [save(wizard, out / "export-wizard-1.png")]
    wizard.next()
    shots.append(save(wizard, out / "export-wizard-2.png"))
    wizard.next()
    package = folder / "exchange" / "branch-now.zip"
    package.parent.mkdir(parents=True, exist_ok=True)
    wizard.save_page.path.setText(str(package))
    wizard.save_page.export_button.click()
    shots.append(save(wizard, out / "export-wizard-3.png"))
    wizard.accept()
    return shots, package


def _second_branch(folder: Path, lang: str) -> tuple[Path, Path]:
    """A second demo branch (its own key), busier this month; its package and public key."""
    ctx = open_context(folder / "exchange" / "west", lang=lang)
    try:
        ctx.services.demo.fill(records=True)
        lead = ctx.services.auth.user_by_name("lead")
        assert lead is not None
        actor = Actor(lead.id, lead.username, Role(lead.role))
        info = ctx.services.branch.get()
        assert info is not None
        ctx.services.branch.update(actor, name="示范银行城西支行", code="DEMO-0202", address=info.address)
        for n, level in enumerate((Level.II, Level.III, Level.III)):
            started = ctx.services.incidents.start(
                actor, None, level, title=f"设备故障 {n + 1}", location="营业厅"
            )
            ctx.services.incidents.log(actor, started.id, EntryKind.OBSERVATION, "已通知物业")
        package = folder / "exchange" / "west-now.zip"
        ctx.services.exchange.export(actor, _months()[1], package)
        key = folder / "exchange" / "west.pem"
        ctx.services.exchange.export_key(actor, key)
        return package, key
    finally:
        ctx.close()


def shoot_head_office(
    branch: AppContext, window: MainWindow, folder: Path, out: Path, lang: str
) -> list[Path]:
    wizard_shots, package = shoot_export_wizard(window, folder, out)
    lead = window.session.actor
    key = folder / "exchange" / "east.pem"
    branch.services.exchange.export_key(lead, key)
    west_package, west_key = _second_branch(folder, lang)
    made = open_context(folder / "exchange" / "ho", lang=lang)
    made.services.headoffice.init(
        "华东区总行" if lang == "zh_CN" else "East region head office", HO_USER, HO_PASSWORD
    )
    made.close()
    ho = open_context(folder / "exchange" / "ho", lang=lang)
    shots = list(wizard_shots)
    try:
        admin = ho.services.auth.login(HO_USER, HO_PASSWORD)
        ho.services.headoffice.add_branch(admin, "DEMO-0101", "城东支行营业部", key)
        ho.services.headoffice.add_branch(admin, "DEMO-0202", "城西支行", west_key)
        ho_window = build_main_window(ho, admin)
        ho_window.resize(1024, 768)
        ho_window.show()
        page = ho_window.show_page("headoffice")
        assert isinstance(page, HeadOfficePage)
        page.import_files([west_package, package, package])
        page.results.resize(900, 300)
        shots.append(save(page.results, out / "head-office-import.png"))
        page.results.reject()
        page.table.selectRow(0)
        shots.append(save(ho_window, out / "head-office-1024x768.png"))
        ho_window.resize(WINDOW_SIZE)
        shots.append(save(ho_window, out / "head-office.png"))
        page.open_report(_months()[1])
        preview = page.findChild(PreviewDialog)
        assert preview is not None
        preview.resize(PREVIEW_SIZE)
        settle()
        preview.go_to(0)
        for _ in range(20):  # the pages in view render one after another
            settle()
        shots.append(save(preview, out / "head-office-report.png"))
        preview.close()
        ho_window.close()
        ho_window.deleteLater()  # it must not hear the next language's LanguageChange
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        ho.close()
    return shots
