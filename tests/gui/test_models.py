"""Every table model of the GUI passes Qt's QAbstractItemModelTester through fills, resets and live
changes, on the demo branch with its records; a test lists the models in gui/ and fails on one
that is not exercised here."""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, is_dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QModelRoleData, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTableView

import branchguard.gui
from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput, HazardSeverity, RemediationKind
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.i18n import current_language, set_language
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.people.types import BranchRole, PersonInput
from branchguard.core.playbooks.types import PlanRole, Step
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.audit.models import AuditDiffModel, AuditModel
from branchguard.gui.complaints.models import ComplaintListModel
from branchguard.gui.drills.models import ActionModel, ComplianceModel, DrillPlanModel
from branchguard.gui.early_warnings.models import WarningListModel
from branchguard.gui.hazards.models import HazardEventsModel, HazardListModel, RemediationStepsModel
from branchguard.gui.headoffice.models import BranchesModel, FileOutcome, ImportResultsModel, RecordsModel
from branchguard.gui.incidents.log_model import IncidentLogModel
from branchguard.gui.incidents.models import IncidentListModel, SearchHitsModel
from branchguard.gui.incidents.steps_model import IncidentStepsModel
from branchguard.gui.inspections.models import ChecklistModel, InspectionHistoryModel, TemplateListModel
from branchguard.gui.kit import rows as rows_module
from branchguard.gui.kit.rows import ITEM_ROLE, SORT_ROLE, CellsProxy, RowsModel, RowsProxy
from branchguard.gui.kit.windowed import WindowedModel
from branchguard.gui.people.models import ContactsModel, PeopleModel
from branchguard.gui.people.team_models import TeamRolesModel, TrainingModel
from branchguard.gui.playbooks.editor.roles_model import RolesModel
from branchguard.gui.playbooks.editor.steps_model import StepsModel
from branchguard.gui.playbooks.models import FieldChangesModel, PlaybooksModel, StepDiffModel, VersionsModel
from branchguard.gui.schedules.day_grid import DaysModel
from branchguard.gui.schedules.models import OccurrenceModel, ReminderModel
from branchguard.gui.settings.users_model import UsersModel
from branchguard.gui.shell.reminder_rows import ReminderRowsModel

# Warning mode: a broken contract becomes a Qt warning, which pytest-qt turns into a failure
# (qt_log_level_fail = WARNING) instead of aborting the whole test process.
MODE = QAbstractItemModelTester.FailureReportingMode.Warning
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.AccessibleTextRole,
]


def lead(ctx: AppContext) -> Actor:
    info = ctx.services.auth.user_by_name("lead")
    assert info is not None
    return Actor(info.id, info.username, info.role)


def make_audit_rows(ctx: AppContext) -> list[Any]:
    actor = lead(ctx)
    person = ctx.services.people.add_person(actor, PersonInput("钱多多", BranchRole.TELLER, "13901010099"))
    edited = PersonInput("钱多多", BranchRole.SECURITY_GUARD, "13901010099", on_duty=False)
    ctx.services.people.update_person(actor, person.id, edited)
    ctx.services.people.remove_person(actor, person.id)
    return ctx.services.audit.list(actor)


def reassign_role(ctx: AppContext) -> None:
    team = ctx.services.team
    holder, backup = (team.person_named(lead(ctx), n, "field.person").id for n in ("刘洋", "周强"))
    team.assign(lead(ctx), "firefighting_team", holder, backup)


def add_training(ctx: AppContext) -> None:
    from branchguard.core.team.types import TrainingInput

    person = ctx.services.team.person_named(lead(ctx), "郑浩", "field.person").id
    today = date.today()
    ctx.services.team.add_training(lead(ctx), TrainingInput(person, "fire", today, today + timedelta(days=9)))


def make_diff_rows(ctx: AppContext) -> list[Any]:
    from branchguard.gui.audit.models import field_changes

    changes: list[Any] = []
    for record in make_audit_rows(ctx):
        changes.extend(field_changes(record))
    return changes


# -- realistic rows for each model, read through the services as the pages read them --------------
def add_reminders(ctx: AppContext) -> None:
    """One reminder inside its lead time and one overdue, fired as the scheduler fires them."""
    actor, now = lead(ctx), datetime.now(UTC).replace(microsecond=0)
    for title, hours in (("检查灭火器压力", 1.0), ("测试一键报警", -0.5), ("核对应急物资", 1.5)):
        start = now + timedelta(hours=hours)
        ctx.services.schedules.add(actor, ScheduleInput(title, start, lead_minutes=120))
    ctx.services.schedules.catch_up(actor)


def reminder_rows(ctx: AppContext) -> list[Any]:
    if not ctx.services.schedules.reminders(lead(ctx)):
        add_reminders(ctx)
    return ctx.services.schedules.reminders(lead(ctx))


def occurrence_rows(ctx: AppContext) -> list[Any]:
    now = datetime.now(UTC)
    return ctx.services.schedules.calendar(lead(ctx), now - timedelta(days=1), now + timedelta(days=45))


def hazard_with_steps(ctx: AppContext) -> Any:
    """The demo's blocked exit: remediation steps, photos and events."""
    details = [ctx.services.hazards.get(lead(ctx), h.id) for h in ctx.services.hazards.list(lead(ctx))]
    return max(details, key=lambda d: len(d.steps))


def add_hazard(ctx: AppContext) -> None:
    ctx.services.hazards.create(
        lead(ctx), HazardInput("金库门禁读卡器时好时坏", HazardSeverity.MAJOR, "金库", "王建国")
    )


def add_remediation(ctx: AppContext) -> None:
    detail = hazard_with_steps(ctx)
    ctx.services.hazards.add_step(lead(ctx), detail.info.id, RemediationKind.PLAN, "通道材料改放二楼库房")


def draft_fire_v2(ctx: AppContext) -> None:
    """A second version of FIRE: a step reworded, one added, the title changed."""
    books, actor = ctx.services.playbooks, lead(ctx)
    if len(books.history(actor, "FIRE")) > 1:
        return
    content = books.get(actor, "FIRE").content
    first = content.steps[0]
    reworded = replace(first, text=Text2(first.text.zh + "（含二楼）", first.text.en + " (upstairs too)"))
    added = Step(key="count_again", text=Text2("再次清点人数", "Count everyone again"), role=first.role)
    title = Text2(content.title.zh + "（修订）", content.title.en + " (revised)")
    steps = (reworded, *content.steps[1:], added)
    books.save_draft(actor, "FIRE", replace(content, title=title, steps=steps))


def fire_diff(ctx: AppContext) -> tuple[Any, Any, Any]:
    draft_fire_v2(ctx)
    books, actor = ctx.services.playbooks, lead(ctx)
    return books.diff(actor, "FIRE", 1, 2), books.get(actor, "FIRE", 1), books.get(actor, "FIRE", 2)


def template_rows(ctx: AppContext) -> list[Any]:
    """As the Inspections page pairs them: each template with the schedules that run it."""
    from branchguard.gui.inspections.models import TemplateRow

    inspections, actor = ctx.services.inspections, lead(ctx)
    by_code: dict[str, list[Any]] = {}
    for schedule in inspections.schedules(actor):
        by_code.setdefault(inspections.template_for_schedule(actor, schedule.id), []).append(schedule)
    return [TemplateRow(t, tuple(by_code.get(t.code, ()))) for t in inspections.templates(actor)]


def start_inspection(ctx: AppContext) -> None:
    staff = ctx.services.auth.user_by_name("staff")
    assert staff is not None
    ctx.services.inspections.start(Actor(staff.id, staff.username, staff.role), "FIRE_DAILY")


def checklist_rows(ctx: AppContext) -> list[Any]:
    inspections = ctx.services.inspections
    return list(inspections.get(lead(ctx), inspections.list(lead(ctx))[0].id).answers)


def compliance_rows(ctx: AppContext) -> list[Any]:
    from branchguard.gui.drills.models import rule_rows

    drills, actor = ctx.services.drills, lead(ctx)
    return rule_rows(drills.compliance_rules(actor), drills.compliance(actor))


def drill_incident(ctx: AppContext) -> Any:
    (summary,) = ctx.services.incidents.list_incidents(lead(ctx))
    return ctx.services.incidents.get(lead(ctx), summary.id, with_entries=False)


def start_incident(ctx: AppContext) -> None:
    ctx.services.incidents.start(lead(ctx), "ROB")


def plan_drill(ctx: AppContext) -> None:
    from branchguard.core.drills.types import DrillPlanInput

    when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=9)
    ctx.services.drills.plan(lead(ctx), DrillPlanInput(playbook_code="ROB", date=when, expected_headcount=6))


def add_person(ctx: AppContext) -> None:
    ctx.services.people.add_person(lead(ctx), PersonInput("孙悦", BranchRole.TELLER, "13901010123"))


def add_contact(ctx: AppContext) -> None:
    from branchguard.core.people.types import ContactInput, ContactKind

    ctx.services.people.add_contact(lead(ctx), ContactInput("物业值班室", ContactKind.OTHER, "02155550123"))


# -- live changes of the models that have them -----------------------------------------------------
def answer_live(model: Any, _ctx: AppContext) -> None:
    from branchguard.core.inspections.types import ItemResult

    first = model.row_at(0)
    flipped = ItemResult.FAIL if first.result != ItemResult.FAIL else ItemResult.PASS
    model.replace(replace(first, result=flipped, note="复查时发现"))
    assert model.row_at(0).result is flipped


def tick_live(model: Any, _ctx: AppContext) -> None:
    model.tick()


def complaint_rows(ctx: AppContext) -> list[Any]:
    from branchguard.core.complaints.types import ComplaintInput

    svc, actor = ctx.services.complaints, lead(ctx)
    if not svc.list(actor):
        for days, kind in ((20, "complaint"), (2, "complaint"), (5, "grumble")):
            data = ComplaintInput(
                channel="counter",
                received_at=datetime.now(UTC) - timedelta(days=days),
                customer_name="张三丰",
                category="attitude",
                request="柜员态度生硬",
                kind=kind,
            )
            svc.register(actor, data)
    return svc.list(actor)


def add_complaint(ctx: AppContext) -> None:
    from branchguard.core.complaints.types import ComplaintInput

    now = datetime.now(UTC)
    data = ComplaintInput("phone", now, customer_name="李四", category="fees", request="收费")
    ctx.services.complaints.register(lead(ctx), data)


def warning_rows(ctx: AppContext) -> list[Any]:
    """Three warnings: one in force, one lifted, one that started the natural-disaster plan."""
    svc, actor = ctx.services.warnings, lead(ctx)
    if not svc.list(actor):
        svc.add(actor, a_warning("red", "typhoon"))
        lifted = svc.add(actor, a_warning("yellow", "heat"))
        svc.lift(actor, lifted.id, "气象台解除高温预警")
        svc.add(actor, a_warning("orange", "rainstorm"), start=True)
    return svc.list(actor)


def a_warning(level: str, kind: str) -> Any:
    from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource

    received = datetime.now(UTC) - timedelta(hours=1)
    source = WarningSource.METEOROLOGICAL
    return WarningInput(received, source, WarningLevel(level), WarningKind(kind), "预警信号")


def add_warning(ctx: AppContext) -> None:
    ctx.services.warnings.add(lead(ctx), a_warning("blue", "snow"))


def branch_rollups(_ctx: AppContext) -> list[Any]:
    """Head office's rows (its own database; here as the service returns them)."""
    from branchguard.core.headoffice.types import BranchRollup

    def one(n: int, score: float | None, compliance: dict[str, str]) -> BranchRollup:
        return BranchRollup(
            code=f"DEMO-0{n}01",
            name=f"城{n}支行",
            fingerprint="0123456789abcdef",
            packages=n,
            last_period="2026-11" if n else "",
            last_imported_at=datetime(2026, 12, 1, 8, tzinfo=UTC) if n else None,
            ledger_seq=100 * n,
            counts={"incidents": n, "drills": 2},
            incidents_by_category={"fire": n},
            incidents_by_level={"III": n},
            hazards_open=3 - n,
            hazards_overdue=n % 2,
            oldest_open_hazard_days=None if n == 2 else 40 * n,
            drills_evaluated=2,
            drill_score_average=score,
            drill_score_latest=score,
            actions_overdue=n,
            compliance=compliance,
            complaints_open=n,
            complaints_overdue=n % 2,
            complaint_totals={"received": 3 * n, "answered": 2 * n, "on_time": n} if n else {},
        )

    return [
        one(0, None, {}),
        one(1, 88.5, {"FIRE": "overdue", "ROB": "on_time"}),
        one(2, 92.0, {"FIRE": "due_soon"}),
    ]


def import_outcomes(_ctx: AppContext) -> list[Any]:
    return [
        FileOutcome("a.zip", True, "DEMO-0101", "2026-11", "imported: 40 records, 300 ledger entries"),
        FileOutcome("b.zip", True, "DEMO-0101", "2026-10", "imported before: nothing changed"),
        FileOutcome("c.zip", False, "", "", "refused: the package lacks ledger.json"),
    ]


def ho_records(_ctx: AppContext) -> list[Any]:
    from branchguard.core.headoffice.types import HoRecord

    opened = datetime(2026, 11, 3, 9, tzinfo=UTC)
    return [
        HoRecord("hazards", "12", "2026-11", "后门堆放纸箱", "", "major", "open", opened, opened, None, None),
        HoRecord("drills", "3", "2026-11", "消防演练", "fire", "", "evaluated", opened, None, opened, 88.0),
        HoRecord("compliance", "FIRE", "2026-10", "半年消防演练", "", "", "overdue", None, None, None, None),
    ]


@dataclass(frozen=True)
class Case:
    """How to make a model, fill it with realistic rows, change the data behind it, fill it again."""

    model: Callable[[], Any]
    rows: Callable[[AppContext], Sequence[Any]]
    change: Callable[[AppContext], None] | None = None  # then the page reloads: a reset
    live: Callable[[Any, AppContext], None] | None = None  # a change shown without a reset
    least: int = 3  # rows the demo gives at least


CASES: dict[str, Case] = {
    "people": Case(PeopleModel, lambda ctx: ctx.services.people.list_people(lead(ctx)), add_person),
    "contacts": Case(ContactsModel, lambda ctx: ctx.services.people.list_contacts(lead(ctx)), add_contact),
    "team_roles": Case(TeamRolesModel, lambda ctx: ctx.services.team.roles(lead(ctx)), reassign_role),
    "training": Case(TrainingModel, lambda ctx: ctx.services.team.trainings(lead(ctx)), add_training),
    "audit": Case(AuditModel, make_audit_rows),
    "audit_diff": Case(AuditDiffModel, make_diff_rows),
    "users": Case(UsersModel, lambda ctx: ctx.services.auth.list_users(lead(ctx))),
    "reminders": Case(ReminderModel, reminder_rows, add_reminders),
    "bell_rows": Case(ReminderRowsModel, reminder_rows, add_reminders),
    "occurrences": Case(OccurrenceModel, occurrence_rows),
    "hazards": Case(HazardListModel, lambda ctx: ctx.services.hazards.list(lead(ctx)), add_hazard),
    "remediation_steps": Case(
        RemediationStepsModel, lambda ctx: hazard_with_steps(ctx).steps, add_remediation, least=2
    ),
    "hazard_events": Case(HazardEventsModel, lambda ctx: hazard_with_steps(ctx).events, add_remediation),
    "incidents": Case(
        IncidentListModel,
        lambda ctx: ctx.services.incidents.list_incidents(lead(ctx)),
        start_incident,
        least=1,
    ),
    "search_hits": Case(
        SearchHitsModel, lambda ctx: ctx.services.incidents.search(lead(ctx), "演练"), least=2
    ),
    "incident_steps": Case(IncidentStepsModel, lambda ctx: drill_incident(ctx).steps, live=tick_live),
    "playbooks": Case(
        PlaybooksModel, lambda ctx: ctx.services.playbooks.list_playbooks(lead(ctx)), draft_fire_v2
    ),
    "versions": Case(
        VersionsModel,
        lambda ctx: (draft_fire_v2(ctx), ctx.services.playbooks.history(lead(ctx), "FIRE"))[1],
        least=2,
    ),
    "field_changes": Case(FieldChangesModel, lambda ctx: fire_diff(ctx)[0].fields, least=1),
    "step_diff": Case(StepDiffModel, lambda ctx: fire_diff(ctx)[0].steps),
    "templates": Case(TemplateListModel, template_rows),
    "inspection_history": Case(
        InspectionHistoryModel,
        lambda ctx: ctx.services.inspections.list(lead(ctx)),
        start_inspection,
        least=1,
    ),
    "checklist": Case(ChecklistModel, checklist_rows, live=answer_live),
    "drill_plans": Case(DrillPlanModel, lambda ctx: ctx.services.drills.list(lead(ctx)), plan_drill),
    "compliance": Case(ComplianceModel, compliance_rows),
    "actions": Case(ActionModel, lambda ctx: ctx.services.incidents.list_actions(lead(ctx)), least=1),
    "complaints": Case(ComplaintListModel, complaint_rows, add_complaint),
    "warnings": Case(WarningListModel, warning_rows, add_warning),
    "ho_branches": Case(BranchesModel, branch_rollups),
    "ho_import_results": Case(ImportResultsModel, import_outcomes),
    "ho_records": Case(RecordsModel, ho_records),
}


def fill(model: Any, rows: Sequence[Any], ctx: AppContext) -> None:
    """As the pages fill them: most take rows; the steps of a run and a diff take their context."""
    if isinstance(model, IncidentStepsModel):
        model.set_steps(tuple(rows), drill_incident(ctx).summary.started_at)
    elif isinstance(model, StepDiffModel):
        diff, old, new = fire_diff(ctx)
        model.set_diff(replace(diff, steps=tuple(rows)), old.content, new.content)
    else:
        model.set_rows(rows)


def read_everything(model: QAbstractItemModel) -> int:
    """Ask every cell for every role a view asks for; returns how many cells have text."""
    filled = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in ROLES:
                model.data(index, role)
            filled += bool(model.data(index, Qt.ItemDataRole.DisplayRole))
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    return filled


@pytest.mark.parametrize("name", list(CASES))
def test_model_keeps_the_item_model_contract(name: str, world: AppContext, qtbot: Any) -> None:
    case = CASES[name]
    model = case.model()
    tester = QAbstractItemModelTester(model, MODE)
    rows = list(case.rows(world))
    assert len(rows) >= case.least
    fill(model, rows, world)
    assert model.rowCount() == len(rows) and model.columnCount() >= 3
    assert read_everything(model) >= len(rows)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    if case.live is not None:
        case.live(model, world)
        assert read_everything(model) >= len(rows)
    fill(model, rows[:1], world)
    assert model.rowCount() == 1
    fill(model, [], world)
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
    fill(model, rows, world)
    assert model.rowCount() == len(rows)
    if case.change is not None:  # the data changed behind it: the page reads it again
        case.change(world)
        again = list(case.rows(world))
        assert again != rows
        fill(model, again, world)
        assert model.rowCount() == len(again)
        read_everything(model)
    del tester


def comparable(value: Any) -> Any:
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value  # QIcon has no ==


@pytest.mark.parametrize("name", list(CASES))
def test_one_call_per_cell_answers_as_data_does(name: str, world: AppContext, qtbot: Any) -> None:
    """multiData (what a view's paint calls, once per cell) gives what data() gives, role by role."""
    case = CASES[name]
    model = case.model()
    fill(model, case.rows(world), world)
    answered = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in [*ROLES, SORT_ROLE]:
                asked = QModelRoleData(int(role))
                model.multiData(index, asked)
                assert comparable(asked.data()) == comparable(index.data(role)), (row, column, role)
                answered += asked.data() is not None
    assert answered >= model.rowCount() * model.columnCount()  # at least the display texts
    view = QTableView()
    view.setModel(model)
    assert not view.grab().isNull()  # a real paint, through QModelRoleDataSpan


@pytest.mark.parametrize("name", ["people", "contacts", "audit", "audit_diff"])
def test_model_sorts_through_a_proxy(name: str, world: AppContext, qtbot: Any) -> None:
    case = CASES[name]
    model = case.model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    testers = [QAbstractItemModelTester(model, MODE), QAbstractItemModelTester(proxy, MODE)]
    model.set_rows(case.rows(world))
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(column, order)
            keys = [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]
            assert len(keys) == model.rowCount()
    # Every row still maps back to its own item.
    items = {id(proxy.index(row, 0).data(ITEM_ROLE)) for row in range(proxy.rowCount())}
    assert len(items) == model.rowCount()
    model.set_rows([])
    assert proxy.rowCount() == 0
    del testers


# Windowed lists sort in SQL, reading the list again (tests/gui/kit/test_windowed.py).
SORTED_IN_PYTHON = sorted(n for n, c in CASES.items() if not getattr(c.model, "SQL_SORTS", None))


@pytest.mark.parametrize("name", SORTED_IN_PYTHON)
def test_the_rows_proxy_sorts_in_the_model_and_keeps_the_contract(
    name: str, world: AppContext, qtbot: Any
) -> None:
    """RowsProxy leaves sorting to the model (in Python): every column in both orders shows its
    SORT_ROLE values in order (empty ones first, as Qt has them), every row still there, and rows
    set later come sorted too."""
    case = CASES[name]
    model = case.model()
    proxy = RowsProxy()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    testers = [QAbstractItemModelTester(model, MODE), QAbstractItemModelTester(proxy, MODE)]
    rows = case.rows(world)
    model.set_rows(rows)

    def keys(column: int) -> list[Any]:
        return [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]

    def in_order(values: list[Any], order: Qt.SortOrder) -> bool:
        ranked = [(v is not None, v if v is not None else 0) for v in values]
        if order == Qt.SortOrder.DescendingOrder:
            ranked.reverse()
        try:
            return all(a <= b for a, b in itertools.pairwise(ranked))
        except TypeError:
            return True  # values that do not compare are ordered as text; only the count is checked

    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(column, order)
            assert in_order(keys(column), order), (column, order, keys(column))
            assert proxy.rowCount() == len(rows)
    model.set_rows(list(reversed(rows)))  # a reload keeps the last sort
    assert in_order(keys(column), Qt.SortOrder.DescendingOrder)
    assert proxy.rowCount() == len(rows)
    if isinstance(model, RowsModel):  # other models are sorted by Qt's proxy as before
        assert sorted(map(repr, model.rows())) == sorted(map(repr, rows))  # every row once
    del testers


def test_invalid_indexes_and_headers_answer_nothing() -> None:
    model = PeopleModel()
    tester = QAbstractItemModelTester(model, MODE)
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    del tester


def test_headers_follow_a_language_switch(app: Any) -> None:
    from branchguard.gui.kit import translation

    model = PeopleModel()
    english = model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal)
    try:
        translation.install("zh_CN")
        chinese = model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal)
    finally:
        translation.install("en")
    assert english == "Name" and chinese == "姓名"
    assert model.headerData(PeopleModel.COL_NAME, Qt.Orientation.Horizontal) == "Name"


# -- the models that are not a list of rows ------------------------------------------------------
def test_the_incident_log_model_pages_appends_and_strikes_through(world: AppContext, qtbot: Any) -> None:
    incidents, actor = world.services.incidents, lead(world)
    incident = incidents.start(actor, "FIRE").id
    for n in range(7):
        incidents.log(actor, incident, EntryKind.NOTE, f"第 {n} 条现场记录")
    model = IncidentLogModel(world.services, actor, incident, page_size=3)
    tester = QAbstractItemModelTester(model, MODE)
    root = QModelIndex()
    while model.canFetchMore(root):  # page by page, as the view scrolls (the tester may fetch too)
        model.fetchMore(root)
    written = len(incidents.entries_page(actor, incident, 0, 100))
    assert model.rowCount() == written > 7
    read_everything(model)
    late = incidents.log(actor, incident, EntryKind.DECISION, "启动二级响应")
    model.add_entry(late)  # live, from the writer
    fix = incidents.log(actor, incident, EntryKind.NOTE, "更正：启动三级响应", corrects=late.seq)
    model.add_entry(fix)
    assert model.rowCount() == written + 2
    assert model.entry_at(model.row_of(late.seq)).corrected
    model.set_started(model.entry_at(0).at - timedelta(days=2))  # the time texts are rewritten
    read_everything(model)
    del tester


def test_the_editor_models_keep_the_contract_through_edits_undo_and_redo(
    world: AppContext, qtbot: Any
) -> None:
    from PySide6.QtGui import QUndoStack

    content = world.services.playbooks.get(lead(world), "FIRE").content
    stack = QUndoStack()
    steps = StepsModel(stack)
    roles = RolesModel(stack, steps)
    testers = [QAbstractItemModelTester(m, MODE) for m in (steps, roles)]
    roles.load(content.roles)
    steps.load(content.steps)
    assert steps.rowCount() == len(content.steps) >= 3 and roles.rowCount() == len(content.roles) >= 2
    read_everything(steps)
    read_everything(roles)
    row = steps.add_step(1, role=content.steps[0].role)
    assert steps.edit_step(row, text=Text2("确认金库门已关闭", "Check the vault door is shut"))
    assert steps.move_step(row, steps.rowCount() - 1)
    steps.remove_step(0)
    roles.add_role(PlanRole("vault_team", Text2("金库组", "Vault team")))
    assert roles.setData(roles.index(roles.rowCount() - 1, RolesModel.COL_NAME_EN), "Vault squad")
    read_everything(steps)
    read_everything(roles)
    while stack.canUndo():
        stack.undo()
    assert steps.steps() == content.steps and roles.roles() == content.roles
    while stack.canRedo():
        stack.redo()
    assert steps.rowCount() == len(content.steps) and roles.rowCount() == len(content.roles) + 1
    steps.load(())  # another plan opened: a reset
    roles.load(())
    assert steps.rowCount() == roles.rowCount() == 0
    del testers


def test_the_calendar_days_model_keeps_the_contract(world: AppContext, qtbot: Any) -> None:
    """The month's and the week's days (gui/schedules/day_grid.py): six rows, or one, of seven."""
    from branchguard.gui.schedules.calendar_views import entry_of, local_day, month_start
    items = occurrence_rows(world)
    assert items
    today = date.today()
    for weeks, first in ((6, month_start(today)), (1, today - timedelta(days=today.weekday()))):
        days = DaysModel(weeks)
        tester = QAbstractItemModelTester(days, MODE)
        lines: dict[date, list[Any]] = {}
        for item in items:
            lines.setdefault(local_day(item.due_at), []).append(entry_of(item, True, datetime.now(UTC)))
        days.show(first, today.month, today, lines)
        days.set_names(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        assert days.rowCount() == weeks and days.columnCount() == 7
        assert read_everything(days) == 7 * weeks  # every day says its number
        assert days.headerData(0, Qt.Orientation.Horizontal) == "Mon"
        days.show(first + timedelta(days=7 * weeks), today.month % 12 + 1, today, {})  # the next page
        read_everything(days)
        del tester


# -- every model is here -----------------------------------------------------------------------------
ABSTRACT = {RowsModel, WindowedModel}  # bases the list models share; each subclass is a case of its own
ELSEWHERE_IN_THIS_FILE = {IncidentLogModel, StepsModel, RolesModel, RowsProxy, CellsProxy, DaysModel}


def gui_item_models() -> set[type]:
    """Every item model class defined in branchguard/gui, found by importing each module."""
    found: set[type] = set()
    for module_info in pkgutil.walk_packages(branchguard.gui.__path__, "branchguard.gui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QAbstractItemModel):
                found.add(cls)
    return found


def test_every_item_model_of_the_gui_is_exercised_here() -> None:
    found = gui_item_models()
    covered = {case.model for case in CASES.values()} | ELSEWHERE_IN_THIS_FILE
    assert len(found) >= 25
    missing = sorted(cls.__qualname__ for cls in found - covered - ABSTRACT)
    assert not missing, f"models with no QAbstractItemModelTester case here: {missing}"
    assert covered <= found  # and no case names a model that has gone


@pytest.mark.parametrize("proxy_class", [CellsProxy, RowsProxy])
@pytest.mark.parametrize("name", ["playbooks", "inspection_history", "people"])
def test_a_proxy_hands_each_cell_to_the_model_in_one_call(
    proxy_class: type[CellsProxy], name: str, world: AppContext, qtbot: Any
) -> None:
    """Through the proxies the pages use, multiData answers as data() does, and a view's paint and
    its column sizing ask the model once per cell: QSortFilterProxyModel asked `data` once per
    role, seven to nine calls into Python per cell."""
    case = CASES[name]
    asked = {"data": 0, "multiData": 0}

    class Counted(case.model):  # type: ignore[name-defined, misc]
        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            asked["data"] += 1
            return super().data(index, role)

        def multiData(self, index: Any, span: Any) -> None:
            asked["multiData"] += 1
            super().multiData(index, span)

    model = Counted()
    fill(model, case.rows(world), world)
    proxy = proxy_class()
    proxy.setSourceModel(model)
    tester = QAbstractItemModelTester(proxy, MODE)
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            index = proxy.index(row, column)
            for role in [*ROLES, SORT_ROLE]:
                answer = QModelRoleData(int(role))
                proxy.multiData(index, answer)
                assert comparable(answer.data()) == comparable(index.data(role)), (row, column, role)
    view = QTableView()
    view.setModel(proxy)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    asked.update(data=0, multiData=0)
    assert not view.grab().isNull()
    view.resizeColumnsToContents()
    cells = asked["multiData"]
    assert cells > 0
    assert asked["data"] <= cells  # at most one more question per cell (a size hint's own)
    del tester


def test_a_cell_is_answered_from_before_until_the_model_announces_a_change(
    world: AppContext, qtbot: Any
) -> None:
    """A view asks the same cells many times (the columns' sizing, the paint, each hover): a model
    answers a cell again from what it answered, and asks `cell()` afresh after a change it
    announced (new rows, a sort, changed data), in another language, or past CELLS_KEPT cells."""
    computed: list[tuple[int, int]] = []

    class Counted(PlaybooksModel):
        def cell(self, item: Any, column: int, role: int) -> Any:
            computed.append((column, role))
            return super().cell(item, column, role)

    model = Counted()
    rows = world.services.playbooks.list_playbooks(lead(world))
    model.set_rows(rows)
    tier = Counted.COL_TIER

    def ask(row: int, column: int = tier) -> Any:
        answer = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
        model.multiData(model.index(row, column), answer)
        return answer.data()

    first = ask(0)
    assert len(computed) == 1
    assert ask(0) == first and len(computed) == 1  # answered from before
    model.dataChanged.emit(model.index(0, 0), model.index(0, tier))
    assert ask(0) == first and len(computed) == 2
    assert first == model.index(0, tier).data()  # data() itself always asks cell()
    model.set_rows(list(reversed(rows)))  # row 0 is another playbook now
    assert ask(0, Counted.COL_CODE) == rows[-1].code
    model.sort_rows(Counted.COL_CODE, Qt.SortOrder.AscendingOrder)
    assert ask(0, Counted.COL_CODE) == min(r.code for r in rows)
    before = current_language()
    try:
        set_language("zh")
        chinese = ask(0)
        set_language("en")
        english = ask(0)
        assert english == model.index(0, tier).data() != chinese
    finally:
        set_language(before)


def test_a_model_keeps_a_bounded_number_of_cells(world: AppContext, qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(rows_module, "CELLS_KEPT", 5)
    model = PlaybooksModel()
    model.set_rows(world.services.playbooks.list_playbooks(lead(world)))
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            answer = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
            model.multiData(model.index(row, column), answer)
            assert answer.data() == model.index(row, column).data()
    assert 0 < len(model._cells) <= 5


@pytest.mark.parametrize("name", list(CASES))
def test_a_reread_of_the_same_rows_leaves_a_list_alone_and_new_rows_reset_it(
    name: str, world: AppContext, qtbot: Any
) -> None:
    """A page's refresh that found nothing new: a list whose cells answer from its rows alone keeps
    its view (no reset: no layout, paint or lost scroll); every other model resets as before."""
    case = CASES[name]
    model = case.model()
    rows = case.rows(world)
    fill(model, rows, world)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    fill(model, [replace(r) if is_dataclass(r) else r for r in rows], world)  # equal rows, new objects
    keeps = getattr(model, "CELLS_FROM_ROWS", False)
    assert resets == ([] if keeps else [1])
    before = current_language()
    try:  # the refresh after a language switch words every row again
        set_language("en" if before.startswith("zh") else "zh_CN")
        fill(model, [replace(r) if is_dataclass(r) else r for r in rows], world)
        assert len(resets) == (1 if keeps else 2)
    finally:
        set_language(before)
    if case.change is not None:
        case.change(world)
        rows = case.rows(world)
        fill(model, rows, world)
        assert len(resets) == (2 if keeps else 3)
        assert model.rowCount() == len(rows)


KEEPS_ITS_VIEW = sorted(n for n, c in CASES.items() if getattr(c.model, "CELLS_FROM_ROWS", False))


@pytest.mark.parametrize("name", KEEPS_ITS_VIEW)
def test_a_list_that_keeps_its_view_has_no_clock_or_state_of_its_own(name: str) -> None:
    """Its cells must answer from the row alone: a clock read at paint time (overdue, due in …)
    or state set beside the rows would be left stale by an unchanged re-read."""
    source = inspect.getsource(CASES[name].model)
    for clock in ("now_utc", "today(", "datetime.now", "time.time", "def __init__", "def set_"):
        assert clock not in source, f"{name}: {clock}"


def test_lists_that_keep_their_view_include_every_page_list() -> None:
    assert {
        "incidents",
        "audit",
        "inspection_history",
        "drill_plans",
        "playbooks",
        "hazards",
        "people",
    } <= set(KEEPS_ITS_VIEW)
