"""Every page and every dialog fits a 1024×768 screen and a 1366×768 one at 125 % (1093×614 logical),
in Chinese and in English (issue 17).

The main window is shown at 1024×768 and at 1053×554 (what the second screen leaves it) and walked
through every page (and every tab of a page), the incident console, the inspection runner and
follow mode; after each, the window must still be that size, its minimum within the floor (1024×554),
the status bar on screen and no text cut (tests/gui/fit_support.py).
Every QDialog subclass under branchguard.gui is opened once from the table below; a new dialog
without an entry fails `test_every_dialog_is_in_the_table`, so none escapes the sweep.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

import branchguard.gui
from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintChannel, ComplaintInput, ComplaintStep
from branchguard.core.drills.types import DrillStatus
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity, RemediationKind
from branchguard.core.incidents.rules import open_at_close
from branchguard.core.inspections.types import Cadence, ItemResult
from branchguard.core.kernel.types import Actor, Level
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS
from tests.gui.fit_support import SHORT, SMALL, fit_problems

LANGS = ["zh_CN", "en"]
SIZES = [pytest.param(SMALL, id="1024x768"), pytest.param(SHORT, id="1053x554")]


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def login(ctx: AppContext, username: str) -> Actor:
    return ctx.services.auth.login(username, PASSWORDS[username])


@pytest.fixture
def small_window(world: AppContext, qtbot: Any) -> Callable[..., MainWindow]:
    def _open(username: str, size: QSize = SMALL) -> MainWindow:
        window = build_main_window(world, login(world, username))
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        settle()
        return window

    return _open


def assert_fits(window: QWidget, where: str, size: QSize = SMALL) -> None:
    settle()
    problems = fit_problems(window, size)
    assert not problems, f"{where}: " + "; ".join(problems)


def check_window(window: MainWindow, where: str, size: QSize = SMALL) -> None:
    assert_fits(window, where, size)
    bar = window.statusBar()
    assert bar.isVisible() and window.rect().contains(bar.geometry()), f"{where}: status bar off screen"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("username", ["lead", "staff"])
@pytest.mark.parametrize("size", SIZES)
def test_every_page_and_tab_fits(small_window: Callable[..., MainWindow], username: str, size: QSize) -> None:
    window = small_window(username, size)
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        check_window(window, info.page_id, size)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    tabs.setCurrentIndex(index)
                    check_window(window, f"{info.page_id} tab {index + 1}", size)
    # Every page built, each one's minimum counted: the window still fits (it once held 1102 px
    # wide, and the calendar's month grid 728 px tall for the rest of the session).
    window.show_page(window.landing_page_id())
    check_window(window, "landing page after every page", size)
    assert window.size() == size, f"the window grew to {window.width()}×{window.height()}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_a_dashboard_figure_opens_fits_1024x768(small_window: Callable[[str], MainWindow]) -> None:
    """A figure opens its page filtered, which may show more in its bar (the calendar's agenda of
    the next 7 days and its "show all" button once needed 1104 px in English)."""
    window = small_window("lead")
    dashboard = window.show_page("dashboard")
    assert dashboard is not None
    settle()
    names = [name for view in dashboard.tiles.values() for name in view.buttons]  # type: ignore[attr-defined]
    assert len(names) >= 10
    for name in names:
        window.show_page("dashboard")
        dashboard.figure_button(name).click()  # type: ignore[attr-defined]
        check_window(window, f"the page of {name}")


@pytest.mark.parametrize("lang", LANGS)
def test_what_a_list_is_read_for_is_on_screen_at_1024x768(small_window: Callable[[str], MainWindow]) -> None:
    """A plan's status and a drill's date, status and score were scrolled off to the right."""
    from PySide6.QtWidgets import QTableView

    from branchguard.gui.drills.models import DrillPlanModel as Drills
    from branchguard.gui.playbooks.models import PlaybooksModel as Plans

    window = small_window("lead")
    wanted = {
        ("playbooks", "playbook_table"): (Plans.COL_TITLE, Plans.COL_STATUS),
        ("drills", "drills_table"): (Drills.COL_DATE, Drills.COL_STATUS, Drills.COL_SCORE),
    }
    for (page_id, name), columns in wanted.items():
        page = window.show_page(page_id)
        assert page is not None
        settle()
        table = page.findChild(QTableView, name)
        assert table is not None and table.isVisible(), name
        header, room = table.horizontalHeader(), table.viewport().width()
        for column in columns:
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= room, f"{name}: column {column} ends at {right} of {room} px"
    settings = window.show_page("settings")  # every tab's name whole, no scroll arrows
    assert settings is not None
    settle()
    bar = settings.tabs.tabBar()  # type: ignore[attr-defined]
    wanted_width = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert wanted_width <= settings.tabs.width(), f"the settings tabs need {wanted_width} px"  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_a_compliance_rules_interval_reads_whole_at_1024x768(
    small_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    """A notice rule's interval, "3 working days before each drill", read "3 working da…" in its
    100 px column (whole in no tooltip either)."""
    from branchguard.gui.drills.models import ComplianceModel as Rules

    window = small_window("lead")
    page = window.show_page("drills")
    assert page is not None
    panel = page.compliance  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(panel)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    settle()
    table, model = panel.table, panel.model
    texts = [str(model.index(row, Rules.COL_INTERVAL).data()) for row in range(model.rowCount())]
    assert any(str(n) in t and ("working" in t or "工作日" in t) for t in texts for n in range(1, 10)), texts
    header, room = table.horizontalHeader(), table.viewport().width()
    wanted = table.sizeHintForColumn(Rules.COL_INTERVAL)
    assert wanted <= header.sectionSize(Rules.COL_INTERVAL), (wanted, header.sectionSize(Rules.COL_INTERVAL))
    right = header.sectionViewportPosition(Rules.COL_INTERVAL) + header.sectionSize(Rules.COL_INTERVAL)
    assert right <= room, f"the interval ends at {right} of {room} px"
    check_window(window, "drills' compliance tab")


@pytest.mark.parametrize("lang", LANGS)
def test_the_banner_of_an_incident_with_a_long_title_fits_1024x768(
    world: AppContext, small_window: Callable[[str], MainWindow]
) -> None:
    """The banner's line ends in "…" (each open incident in full in its tooltip) rather than widen
    the window: a plan's English title with the level and the hint once needed more than 1024 px."""
    lead = login(world, "lead")
    window = small_window("lead")
    title = "Water leaking from the ceiling of the cash vault corridor after heavy rain overnight"
    world.services.incidents.start(lead, None, Level.II, title=title)
    bar = window.incident_bar
    assert bar is not None
    bar.reload()
    settle()
    assert bar.banner.isVisible() and title in bar.banner.text.full_text() and title in bar.banner.toolTip()
    check_window(window, "the banner of a long title")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_console_runner_and_follow_mode_fit(
    world: AppContext, small_window: Callable[..., MainWindow], qtbot: Any, tmp_path: Path, size: QSize
) -> None:
    from branchguard.gui.incidents.follow_mode import FollowWindow

    lead = login(world, "lead")
    window = small_window("lead", size)
    fire = world.services.incidents.start(lead, "FIRE").id
    world.services.incidents.mark_step(lead, fire, 1)
    page = window.show_page("incidents")
    assert page is not None
    page.open_incident(fire)  # type: ignore[attr-defined]
    bar = window.incident_bar
    assert bar is not None
    bar.reload()  # the banner, as its poll shows it (the long English plan title once needed 1133 px)
    settle()
    assert bar.banner.isVisible()
    check_window(window, "incident console", size)
    inspections = window.show_page("inspections")
    assert inspections is not None
    # Started through the start dialog, as the user does (after it the window once needed 1252 px).
    start = inspections.ask_start("FIRE_DAILY")  # type: ignore[attr-defined]
    assert start is not None
    start.accept()
    settle()
    runners = list(inspections.runners.values())  # type: ignore[attr-defined]
    assert len(runners) == 1
    runner = runners[0]
    check_window(window, "inspection runner", size)
    runner.saver.answer(1, ItemResult.FAIL, note="后门疏散通道堆放纸箱")
    runner.saver.answer(2, ItemResult.PASS)
    qtbot.waitUntil(lambda: "1" in runner.progress.text() and runner.pending == 0)
    # The longest progress line: answered, failed and a photo missing (in English, beside the
    # checklist's long title, it once made the window 1041 px wide).
    assert runner.progress.text().count("·") >= 1, runner.progress.text()
    check_window(window, "inspection runner with a failed item", size)
    photo = QImage(640, 480, QImage.Format.Format_RGB32)
    photo.fill(QColor("#8D6E63"))
    photo.save(str(tmp_path / "exit.png"))
    runner.move_to(1)
    runner.add_photo(tmp_path / "exit.png")  # once grew the window to 837 px tall (then to 671)
    settle()
    check_window(window, "inspection runner with a photo", size)
    assert window.size() == size, f"the runner grew the window to {window.width()}×{window.height()}"
    follow = FollowWindow(window.session, fire)
    qtbot.addWidget(follow)
    follow.resize(size)
    follow.show()
    assert_fits(follow, "follow mode", size)


# Every dialog ------------------------------------------------------------------------------

Factory = Callable[[GuiSession, MainWindow], QDialog]


def _first(items: list[Any], what: str) -> Any:
    assert items, f"the demo data has no {what}"
    return items[0]


def _drill(session: GuiSession, status: DrillStatus) -> Any:
    drills = session.services.drills
    found = drills.list(session.actor, status)
    if status is DrillStatus.RUNNING and not found:
        planned = _first(drills.list(session.actor, DrillStatus.PLANNED), "planned drill")
        return drills.run(session.actor, planned.id)
    return _first(found, f"{status.value} drill")


def _hazard(session: GuiSession) -> int:
    listed = session.services.hazards.list(session.actor, HazardFilter())
    if listed:
        return int(listed[0].id)
    made = session.services.hazards.create(session.actor, HazardInput(
        description="自助区插座松动", severity=HazardSeverity.MAJOR, location="自助区", owner="赵敏",
        due=date.today() + timedelta(days=3),
    ))
    return int(made.info.id)


def _complaint(session: GuiSession) -> Any:
    complaints = session.services.complaints
    listed = complaints.list(session.actor)
    if listed:
        return listed[0]
    category = _first(complaints.categories(session.actor), "complaint category").code
    complaints.register(session.actor, ComplaintInput(
        channel=ComplaintChannel.COUNTER, received_at=datetime.now(), customer_name="张三",
        category=category, request="排队时间过长",
    ))
    return complaints.list(session.actor)[0]


def _answered_run(session: GuiSession) -> Any:
    inspections = session.services.inspections
    run = inspections.start(session.actor, "FIRE_DAILY").info.id
    inspections.answer(session.actor, run, 1, ItemResult.FAIL, "后门疏散通道堆放纸箱")
    return inspections.get(session.actor, run)


def _incident_detail(session: GuiSession) -> Any:
    incidents = session.services.incidents
    fire = incidents.start(session.actor, "FIRE", despite_open=True).id  # beside the fixture's
    return incidents.get(session.actor, fire)


def _library_preview(session: GuiSession, window: MainWindow) -> QDialog:
    from branchguard.core.library_sync.types import Changes, LibraryPreview
    from branchguard.gui.settings.library_dialog import LibraryPreviewDialog

    codes = tuple(f"PLAN_{n:02d}" for n in range(23))  # a full library: lists scroll, the window stays
    preview = LibraryPreview(
        source="/media/usb/总行应急预案库-2027.zip",
        issuer="示范银行总行安全保卫部",
        created_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        fingerprint="3f2a91c0aa55be01",
        playbooks=Changes(added=codes[:5], updated=codes[5:12], unchanged=codes[12:]),
        templates=Changes(added=("FIRE_PATROL_2H",), unchanged=("FIRE_DAILY", "ATM_WEEKLY")),
        rules=Changes(updated=("FIRE_DRILL",)),
        years=Changes(added=("2027", "2028")),
    )
    return LibraryPreviewDialog(preview, window)


def _preview(session: GuiSession, window: MainWindow) -> QDialog:
    """A real report in the preview, built as the drills page builds it: `build(path, note)`. (Given
    a one-argument function, it once showed only "could not be built: TypeError", and fitted.)"""
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.drill_report import build_drill_report
    from branchguard.reports.fonts import FontChoice

    plan = _drill(session, DrillStatus.EVALUATED)
    font = str(session.ctx.config.settings.get("report_font") or "")

    def build(path: Path, note: AnchorNote) -> FontChoice:
        return build_drill_report(session.services, session.actor, plan.id, path, font, note)

    return PreviewDialog("Drill report", build, "drill.pdf", window)


def _branch_records(session: GuiSession, window: MainWindow) -> QDialog:
    """Head office's records of a branch. This session is a branch's, so the dialog's own read is
    refused; once it has come back, the dialog shows the records head office would hold."""
    from branchguard.core.headoffice.types import HoRecord
    from branchguard.gui.headoffice.records import BranchRecordsDialog
    from branchguard.gui.kit.loader import pending

    dialog = BranchRecordsDialog(session, "DEMO-0101", "示范银行城东支行营业部", "incidents", window)
    while pending():
        settle()
    opened = datetime(2026, 11, 3, 9, 12, tzinfo=UTC)
    rows = [
        HoRecord(
            kind="incidents", source_id=str(n), period="2026-11",
            summary=f"营业厅二楼配电间冒烟，疏散客户并报警（第 {n} 起），消防到场确认为电缆过热",
            category="fire_evacuation", level="III", status="closed", opened_at=opened + timedelta(days=n),
            due_at=opened + timedelta(days=n, hours=2), closed_at=opened + timedelta(days=n, hours=5),
            score=None,
        )
        for n in range(1, 31)
    ]
    dialog._show(rows)  # the rows a head-office read returns
    return dialog


def _import_results(session: GuiSession, window: MainWindow) -> QDialog:
    from branchguard.gui.headoffice.models import FileOutcome
    from branchguard.gui.headoffice.page import ImportResultsDialog

    del session
    outcomes = [
        FileOutcome(f"DEMO-01{n:02d}-2026-11.bgpkg", True, f"DEMO-01{n:02d}", "2026-11",
                    "imported: 1284 records, 96 ledger entries")
        for n in range(1, 18)
    ]
    outcomes += [
        FileOutcome("DEMO-0118-2026-11.bgpkg", True, "DEMO-0118", "2026-11",
                    "imported before: nothing changed"),
        FileOutcome("DEMO-0119-2026-11.bgpkg", False, "", "",
                    "refused: the package's signature does not match the key registered for branch "
                    "DEMO-0119; it was moved to quarantine/DEMO-0119-2026-11.bgpkg"),
    ]
    return ImportResultsDialog(outcomes, window)


def _export_wizard(session: GuiSession, window: MainWindow) -> QDialog:
    from PySide6.QtCore import Qt

    from branchguard.gui.exchange.wizard import ExportWizard

    wizard = ExportWizard(session, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the File menu opens it
    return wizard


def _warning(session: GuiSession) -> Any:
    from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource

    text = "市应急管理局：今夜至明晨有大暴雨，局地特大暴雨"
    data = WarningInput(datetime.now(UTC) - timedelta(minutes=5), WarningSource.EMERGENCY_MANAGEMENT,
                        WarningLevel.ORANGE, WarningKind.RAINSTORM, text)
    return session.services.warnings.add(session.actor, data)


def _dialogs() -> dict[str, Factory]:
    """Class name → how to open it on the demo data, as the app does."""
    from branchguard.core.early_warnings.types import WarningLevel
    from branchguard.gui.complaints import dialogs as complaint_dialogs
    from branchguard.gui.dashboard.report_dialog import PeriodDialog
    from branchguard.gui.drills.actions_dialog import ActionsDialog
    from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
    from branchguard.gui.drills.headcount_dialog import HeadcountDialog
    from branchguard.gui.drills.held_dialog import HeldDrillDialog
    from branchguard.gui.drills.plan_dialog import DrillPlanDialog
    from branchguard.gui.drills.rule_dialog import RuleDialog
    from branchguard.gui.early_warnings.dialogs import AddWarningDialog, LiftWarningDialog
    from branchguard.gui.hazards.closing import ClosingDialog
    from branchguard.gui.hazards.detail import HazardDetailDialog
    from branchguard.gui.hazards.dialogs import NewHazardDialog, StepDialog, UnsavedHazardEdits
    from branchguard.gui.hazards.policy import SeverityPolicyDialog
    from branchguard.gui.headoffice.branch_dialog import BranchDialog
    from branchguard.gui.headoffice.page import RegionalPeriodDialog
    from branchguard.gui.incidents.console import close_dialog
    from branchguard.gui.incidents.console import dialogs as console_dialogs
    from branchguard.gui.incidents.handover_dialog import HandoverDialog
    from branchguard.gui.incidents.start import StartIncidentDialog
    from branchguard.gui.inspections.dialogs import InspectionScheduleDialog, StartInspectionDialog
    from branchguard.gui.inspections.editor import TemplateEditorDialog
    from branchguard.gui.inspections.runner import dialogs as runner_dialogs
    from branchguard.gui.kit.tasks import UnstoppableProgress
    from branchguard.gui.people.dialogs import ContactDialog, PersonDialog
    from branchguard.gui.people.team_dialogs import AssignDialog, TrainingDialog
    from branchguard.gui.playbooks.diff_view import PlaybookDiffDialog
    from branchguard.gui.playbooks.editor import PlaybookEditor
    from branchguard.gui.playbooks.history import PlaybookHistoryDialog
    from branchguard.gui.schedules.calendar_dialog import NewScheduleDialog
    from branchguard.gui.settings.users import UserDialog
    from branchguard.gui.shell.go_to_page import GoToPageDialog
    from branchguard.gui.shell.login import FirstRunDialog, LoginDialog
    from branchguard.gui.shell.notifications import SnoozeDialog
    from branchguard.gui.shell.own_password import OwnPasswordDialog

    def fire_daily(s: GuiSession) -> Any:
        return s.services.inspections.template(s.actor, "FIRE_DAILY")

    def two_versions(s: GuiSession) -> tuple[str, int, int]:
        from dataclasses import replace

        playbooks = s.services.playbooks
        current = playbooks.get(s.actor, "FIRE")
        title = replace(current.content.title, zh=current.content.title.zh + "（修订）")
        playbooks.save_draft(s.actor, "FIRE", replace(current.content, title=title))
        numbers = sorted(v.info.number for v in playbooks.history(s.actor, "FIRE"))
        return "FIRE", numbers[-2], numbers[-1]

    def diff(s: GuiSession, w: MainWindow) -> QDialog:
        code, old, new = two_versions(s)
        return PlaybookDiffDialog(s, code, old, new, w)

    return {
        "AddWarningDialog": lambda s, w: AddWarningDialog(s, w),
        "ActionsDialog": lambda s, w: ActionsDialog(s, _drill(s, DrillStatus.EVALUATED), w),
        "AmendDialog": lambda s, w: runner_dialogs.AmendDialog(_answered_run(s).answers[0], w),
        "AssignDialog": lambda s, w: AssignDialog(
            lambda data: data, s.services.team.roles(s.actor), s.services.team.people(s.actor), None, w),  # type: ignore[arg-type,return-value]
        "BranchDialog": lambda s, w: BranchDialog(s, w),
        "BranchRecordsDialog": _branch_records,
        "CloseDialog": lambda s, w: close_dialog.CloseDialog(
            w, open_at_close(_incident_detail(s), datetime.now().astimezone())),
        "ComplaintAssignDialog": lambda s, w: complaint_dialogs.ComplaintAssignDialog(s, _complaint(s), w),
        "ComplaintExtendDialog": lambda s, w: complaint_dialogs.ComplaintExtendDialog(s, _complaint(s), w),
        "ComplaintRegisterDialog": lambda s, w: complaint_dialogs.ComplaintRegisterDialog(
            s, s.services.complaints.categories(s.actor), w),
        "ComplaintStepDialog": lambda s, w: complaint_dialogs.ComplaintStepDialog(
            s, _complaint(s), ComplaintStep.ARCHIVE, w),  # the tallest step
        "ComplaintWithdrawDialog": lambda s, w: complaint_dialogs.ComplaintWithdrawDialog(
            s, _complaint(s), w),
        "ContactDialog": lambda s, w: ContactDialog(lambda data: data, None, w),  # type: ignore[arg-type,return-value]
        "CorrectDialog": lambda s, w: console_dialogs.CorrectDialog(3, "二楼楼梯间有烟，已疏散二楼人员", w),
        "DrillPlanDialog": lambda s, w: DrillPlanDialog(s, w),
        "EvaluateDialog": lambda s, w: EvaluateDialog(s, _drill(s, DrillStatus.RUNNING), w),
        "ExportWizard": _export_wizard,
        "FirstRunDialog": lambda s, w: FirstRunDialog(s.services, w, db_url=s.ctx.config.db_url),
        "GoToPageDialog": lambda s, w: GoToPageDialog(w),
        "HandoverDialog": lambda s, w: HandoverDialog(s, w),
        "HazardDetailDialog": lambda s, w: HazardDetailDialog(s, _hazard(s), w),
        "HeadcountDialog": lambda s, w: HeadcountDialog(s, _drill(s, DrillStatus.RUNNING), w),
        "HeldDrillDialog": lambda s, w: HeldDrillDialog(s, w),
        "ImportResultsDialog": _import_results,
        "InspectionScheduleDialog": lambda s, w: InspectionScheduleDialog(
            s, "FIRE_DAILY", fire_daily(s).content.name.text, Cadence.DAILY, w),
        "LevelDialog": lambda s, w: console_dialogs.LevelDialog(Level.III, w),
        "LibraryPreviewDialog": _library_preview,
        "LiftWarningDialog": lambda s, w: LiftWarningDialog(s, _warning(s), w),
        "LoginDialog": lambda s, w: LoginDialog(s.services, w, username="lead"),
        "NewHazardDialog": lambda s, w: NewHazardDialog(  # found by a drill: its origin line above the fields
            s, w, drill=(1, "演练：火灾与疏散现场处置方案"), problems="金库人员撤离慢\n应急广播听不清"),
        "NewScheduleDialog": lambda s, w: NewScheduleDialog(s, w),
        "OwnPasswordDialog": lambda s, w: OwnPasswordDialog(s, w),
        "PeriodDialog": lambda s, w: PeriodDialog(w),
        "PersonDialog": lambda s, w: PersonDialog(lambda data: data, None, w),  # type: ignore[arg-type,return-value]
        "PlaybookDiffDialog": diff,
        "PlaybookEditor": lambda s, w: PlaybookEditor(s, "FIRE", w),
        "PlaybookHistoryDialog": lambda s, w: PlaybookHistoryDialog(s, "FIRE", w),
        "PreviewDialog": _preview,
        "RegionalPeriodDialog": lambda s, w: RegionalPeriodDialog(w),
        "ClosingDialog": lambda s, w: ClosingDialog(  # the widest: every milestone outstanding
            "Verify", "Confirm that the fix was checked on site.", "What was checked?",
            (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN, RemediationKind.HEAD_OFFICE_REPORT),
            w, write=lambda note, waiver: lambda: None, written=lambda result: None),
        "ReasonDialog": lambda s, w: console_dialogs.ReasonDialog(
            "Verify", "The remediation of hazard 3 is checked.", "Note", parent=w),
        "ReportFieldsDialog": lambda s, w: console_dialogs.ReportFieldsDialog(
            dict(_incident_detail(s).report_fields), w),
        "RuleDialog": lambda s, w: RuleDialog(s, "national", None, set(), w),
        "SeverityPolicyDialog": lambda s, w: SeverityPolicyDialog(s, w),
        "ShortcutsDialog": lambda s, w: w.show_shortcuts(),
        "SkipDialog": lambda s, w: console_dialogs.SkipDialog(4, "疏散营业厅内客户和员工至集合点", w),
        "SnoozeDialog": lambda s, w: SnoozeDialog(w),
        "StartIncidentDialog": lambda s, w: StartIncidentDialog(s, w),
        "StartInspectionDialog": lambda s, w: StartInspectionDialog(
            s, "FIRE_DAILY", fire_daily(s).content.name.text, None, w),
        "StepDialog": lambda s, w: StepDialog(s, _hazard(s), w),
        "SubmitDialog": lambda s, w: runner_dialogs.SubmitDialog(
            [a for a in _answered_run(s).answers if a.result is ItemResult.FAIL], "李晓梅", "王建国", w),
        "UnsavedHazardEdits": lambda s, w: UnsavedHazardEdits(["隐患位置", "整改责任人", "整改期限"], w),
        "UnstoppableProgress": lambda s, w: UnstoppableProgress("Backing up to D:/备份 …", w),
        "TrainingDialog": lambda s, w: TrainingDialog(
            lambda data: data, s.services.team.kinds(), s.services.team.people(s.actor), None, w),  # type: ignore[arg-type,return-value]
        "TemplateEditorDialog": lambda s, w: TemplateEditorDialog(s, fire_daily(s), w),
        "UserDialog": lambda s, w: UserDialog(s, None, w),
        "WarningLevelDialog": lambda s, w: console_dialogs.WarningLevelDialog(WarningLevel.YELLOW, w),
    }


def errors_shown(dialog: QDialog) -> list[str]:
    """A preview must show its report's pages, not "could not be built": one that fits only because
    it shows an error line checks nothing (a one-argument build once did just that)."""
    from branchguard.gui.kit.print_preview import PreviewDialog

    if isinstance(dialog, PreviewDialog) and (dialog.page_count == 0 or dialog.stack.currentIndex() != 1):
        return [f"shows no report: {dialog.busy_label.text()!r}"]
    return []


# Base classes never shown on their own.
BASES = {"_WriteDialog", "RecordDialog", "HazardActions"}


def _all_dialog_classes() -> set[str]:
    for module in pkgutil.walk_packages(branchguard.gui.__path__, "branchguard.gui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    todo = [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("branchguard.gui."):
                found.add(sub.__name__)
    return found - BASES


def test_every_dialog_is_in_the_table() -> None:
    assert _all_dialog_classes() == set(_dialogs())


@pytest.mark.parametrize("lang", LANGS)
def test_every_dialog_fits(
    small_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch, app: QApplication
) -> None:
    """Each within the screen it opens on, its minimum within the floor (1024×554): the playbook
    editor's once was 900×733, its Save button below a 614-line screen's edge."""
    from PySide6.QtWidgets import QMessageBox

    # Closing a dialog never asks here (an editor opened and left unchanged asks nothing anyway).
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = small_window("lead")
    problems = []
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        assert type(dialog).__name__ == name
        dialog.show()
        settle()
        if dialog.width() > SMALL.width() or dialog.height() > SMALL.height():
            problems.append(f"{name} opens at {dialog.width()}×{dialog.height()}")
        problems += [f"{name}: {p}" for p in fit_problems(dialog) + errors_shown(dialog)]
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert not problems, "\n".join(problems)


def test_fit_support_sees_a_clipped_button(qtbot: Any, app: QApplication) -> None:
    """The check itself fails on what it is for: a button squeezed below its text, a window too wide."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    button = QPushButton("Pause schedule")
    button.setMinimumWidth(10)
    button.setMaximumWidth(40)
    row.addWidget(button)
    wide = QPushButton("x")
    wide.setMinimumWidth(1100)
    row.addWidget(wide)
    holder.show()
    settle()
    problems = fit_problems(holder, QSize(1024, 768))
    assert any("minimum size" in p for p in problems)
    assert any("Pause schedule" in p and "clipped" in p for p in problems)


