"""Playbooks page: the list and its filters, the preview, lead-only actions, history, import and export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.core.kernel.types import Actor, Level, PlaybookStatus, Text2
from branchguard.core.playbooks.format import dump
from branchguard.core.playbooks.types import IncidentCategory, PlanTier, PlaybookVersion, Step, VersionInfo
from branchguard.gui.kit import tasks
from branchguard.gui.kit.page import PAGE_REGISTRY
from branchguard.gui.playbooks.list_view import TITLE_WIDTH
from branchguard.gui.playbooks.models import PlaybooksModel, VersionsModel
from branchguard.gui.playbooks.page import PlaybooksPage
from branchguard.gui.shell.session import GuiSession
from tests.core.playbooks.playbook_samples import VALID_FILE, sample_plan
from tests.gui.conftest import ThreadWatch

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}
SYSTEM = Actor.system()  # reads for assertions; logging in would itself write audit events
MODE = QAbstractItemModelTester.FailureReportingMode.Warning


@pytest.fixture
def make_page(gui_ctx: AppContext, qtbot: Any) -> Callable[[str], PlaybooksPage]:
    def _make(username: str = "lead") -> PlaybooksPage:
        session = GuiSession(gui_ctx, gui_ctx.services.auth.login(username, PASSWORDS[username]))
        page = PlaybooksPage(session)
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        page.refresh()
        return page

    return _make


@pytest.fixture
def page(make_page: Callable[[str], PlaybooksPage]) -> PlaybooksPage:
    return make_page("lead")


def codes(page: PlaybooksPage) -> list[str]:
    return [item.code for item in page.list.model.rows()]


def choose(page: PlaybooksPage, code: str) -> None:
    page.select_code(code)
    summary = page.current_summary()
    assert summary is not None and summary.code == code


def save_draft_with_new_step(ctx: AppContext, code: str, text: str) -> None:
    lead = ctx.services.auth.login("lead", PASSWORDS["lead"])
    content = ctx.services.playbooks.get(lead, code).content
    step = Step(
        key=f"extra{len(content.steps)}", text=Text2(text, text), role=content.steps[0].role, target_minutes=9
    )
    ctx.services.playbooks.save_draft(lead, code, replace(content, steps=(*content.steps, step)))


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))


def save_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(path), ""))


def press(page: PlaybooksPage, text: str) -> None:
    """Click the button of that text in the page's last message box."""
    box = page.files.message
    assert box is not None
    next(b for b in box.buttons() if b.text() == text).click()


# -- what is shown -------------------------------------------------------------------------------
def test_page_is_registered_first_in_the_sidebar_after_the_dashboard() -> None:
    info = PlaybooksPage.info()
    assert info in PAGE_REGISTRY and info.load() is PlaybooksPage
    assert info.page_id == "playbooks" and info.order == 5
    assert info.icon_name == "playbook"
    assert {role.value for role in ROLE_TABLE[info.action]} == {"lead", "staff", "auditor"}
    # Only the dashboard comes before it, and staff (who land on incidents) do not see that.
    before = [p.page_id for p in PAGE_REGISTRY if p.order < info.order and p.where != "head_office"]
    assert before == ["dashboard"]
    assert "staff" not in {role.value for role in ROLE_TABLE["page.dashboard.view"]}


def test_list_shows_the_starter_plans(page: PlaybooksPage, gui_ctx: AppContext) -> None:
    expected = [s.code for s in gui_ctx.services.playbooks.list_playbooks(SYSTEM)]
    assert len(expected) == 30 and codes(page) == expected
    model = page.list.model
    row = model.find_row(lambda s: s.code == "FIRE")
    assert model.index(row, PlaybooksModel.COL_TITLE).data() == "Fire and evacuation on-site response plan"
    assert model.index(row, PlaybooksModel.COL_TIER).data() == PlanTier.ONSITE.label
    assert model.index(row, PlaybooksModel.COL_STATUS).data() == "Approved"
    assert model.index(row, PlaybooksModel.COL_BUILTIN).data() == "Built-in"
    assert page.list.count_label.text() == "30 plans"
    QAbstractItemModelTester(model, MODE)


def test_level_badges_carry_the_levels_and_their_colours(page: PlaybooksPage) -> None:
    from branchguard.gui.playbooks.models import LEVELS_ROLE

    model = page.list.model
    gen = model.index(model.find_row(lambda s: s.code == "GEN"), PlaybooksModel.COL_LEVELS)
    assert gen.data(LEVELS_ROLE) == ("I", "II", "III")
    page.preview.show_version(page.session.services.playbooks.get(page.session.actor, "GEN"))
    html = page.preview.toHtml().lower()
    assert "#c62828" in html and "#ef6c00" in html and "#f9c80e" in html  # red, orange, yellow


def test_filters_narrow_the_list(page: PlaybooksPage, gui_ctx: AppContext) -> None:
    lst = page.list
    lst.tier_filter.setCurrentIndex(lst.tier_filter.findData(PlanTier.SPECIAL))
    assert sorted(codes(page)) == ["NAT", "RUN"]
    lst.tier_filter.setCurrentIndex(0)
    lst.category_filter.setCurrentIndex(lst.category_filter.findData(IncidentCategory.FIRE_EVACUATION))
    assert codes(page) == ["FIRE"]
    lst.category_filter.setCurrentIndex(0)
    lst.level_filter.setCurrentIndex(lst.level_filter.findData(Level.I))
    level_one = {s.code for s in gui_ctx.services.playbooks.list_playbooks(SYSTEM) if Level.I in s.levels}
    assert set(codes(page)) == level_one and "GEN" in level_one and len(level_one) < 30
    lst.level_filter.setCurrentIndex(0)
    save_draft_with_new_step(gui_ctx, "ROB", "Count the cash drawers")
    lst.status_filter.setCurrentIndex(lst.status_filter.findData(PlaybookStatus.DRAFT))
    assert codes(page) == ["ROB"]
    lst.status_filter.setCurrentIndex(0)
    assert len(codes(page)) == 30


def test_search_waits_for_typing_to_stop_and_looks_into_steps(page: PlaybooksPage, qtbot: Any) -> None:
    # "fire engines" is only in a step of the fire plan, not in any title.
    qtbot.keyClicks(page.list.search, "fire engines")
    assert len(codes(page)) == 30  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: codes(page) == ["FIRE"], timeout=2000)
    page.list.search.clear()
    qtbot.waitUntil(lambda: len(codes(page)) == 30, timeout=2000)
    page.list.search.setText("no plan mentions this")
    qtbot.waitUntil(lambda: codes(page) == [], timeout=2000)
    assert page.current_summary() is None
    assert "Select a plan" in page.preview.toPlainText()


def test_preview_shows_the_selected_plan_as_staff_see_it(page: PlaybooksPage, gui_ctx: AppContext) -> None:
    choose(page, "GEN")
    version = gui_ctx.services.playbooks.get(SYSTEM, "GEN")
    text = page.preview.toPlainText()
    assert version.content.title.en in text
    for step in version.content.steps:
        assert step.text.en in text
    jump = next(s for s in version.content.steps if s.goto)
    target = next(i for i, s in enumerate(version.content.steps, 1) if s.key == jump.goto)
    assert f"{jump.condition.en} → step {target}" in text
    checkpoint = next(s for s in version.content.steps if s.checkpoint)
    assert f"Report within {checkpoint.deadline_minutes} min" in text  # worded as on the card
    assert "Cautions" in text and version.content.cautions.en.splitlines()[0] in text
    assert "110" in text and "119" in text and "120" in text
    choose(page, "FIRE")
    assert "Fire and evacuation" in page.preview.toPlainText()
    assert page.preview.version is not None and page.preview.version.content.code == "FIRE"


def test_draft_toggle_shows_the_pending_draft(page: PlaybooksPage, gui_ctx: AppContext) -> None:
    choose(page, "FIRE")
    assert page.draft_toggle.isHidden()
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    page.refresh()
    model = page.list.model
    row = model.find_row(lambda s: s.code == "FIRE")
    assert model.index(row, PlaybooksModel.COL_STATUS).data() == "Approved · draft pending"
    assert not page.draft_toggle.isHidden()
    assert "head count" not in page.preview.toPlainText()
    page.draft_toggle.setChecked(True)
    assert "head count" in page.preview.toPlainText()
    assert "Draft version 2" in page.preview_note.text()
    page.draft_toggle.setChecked(False)
    assert "head count" not in page.preview.toPlainText()


def test_a_refresh_lays_the_preview_out_again_only_when_the_plan_changed(
    page: PlaybooksPage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(page, "FIRE")
    page.draft_toggle.setChecked(False)
    laid_out: list[str] = []
    real = page.preview.setHtml
    monkeypatch.setattr(page.preview, "setHtml", lambda html: (laid_out.append(html), real(html)))
    page.refresh()
    page.refresh()
    assert laid_out == []  # the same plan, read again: nothing laid out again, the reader's place kept
    assert "Fire and evacuation" in page.preview.toPlainText()
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    page.refresh()
    page.draft_toggle.setChecked(True)
    assert len(laid_out) == 1 and "head count" in page.preview.toPlainText()
    page.preview.show_message("x")
    page.draft_toggle.setChecked(False)
    assert len(laid_out) == 3 and "head count" not in page.preview.toPlainText()


def test_the_list_sizes_its_columns_once_as_its_first_rows_arrive(
    make_page: Callable[[str], PlaybooksPage], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first rows are sized in the turn they arrive, before they are first painted (sized in a
    later turn, they were painted unsized, then sized, then again on Qt's timer); once: reloads
    keep the reader's widths."""
    from branchguard.gui.playbooks.list_view import PlaybookList

    sized: list[int] = []
    real = PlaybookList._size_columns
    monkeypatch.setattr(PlaybookList, "_size_columns", lambda self: (sized.append(1), real(self)))
    page = make_page("lead")
    assert page.list.model.rowCount() > 0 and sized == [1]  # rows shown and measured, no turn between
    title = page.list.table.horizontalHeader().sectionSize(PlaybooksModel.COL_TITLE)
    assert 0 < title <= TITLE_WIDTH
    page.refresh()
    qtbot.wait(20)
    assert sized == [1]


def test_the_chosen_plans_read_starts_after_the_turn_that_sizes_the_columns(
    make_page: Callable[[str], PlaybooksPage], qtbot: Any, monkeypatch: pytest.MonkeyPatch, pool_tasks: Any
) -> None:
    """The first rows choose a plan, and the plan's read waits for the columns' sizing turn:
    beside the read, whose Python holds the GIL, sizing and the preview were one 38-47 ms stall."""
    from branchguard.gui.kit import loader
    from branchguard.gui.playbooks.list_view import PlaybookList

    events: list[str] = []
    real_run_task, real_size, real_show = loader.run_task, PlaybookList._size_columns, PlaybookList._show

    def run_task(work: Any, **kwargs: Any) -> Any:
        events.append("read")
        return real_run_task(work, **kwargs)

    monkeypatch.setattr(loader, "run_task", run_task)
    monkeypatch.setattr(PlaybookList, "_size_columns", lambda self: (events.append("sized"), real_size(self)))
    monkeypatch.setattr(PlaybookList, "_show", lambda v, got: (events.append("rows"), real_show(v, got)))
    page = make_page("lead")
    qtbot.waitUntil(lambda: "sized" in events and loader.pending() == 0)
    after_rows = events[events.index("rows") + 1 :]
    assert after_rows[:2] == ["sized", "read"]
    assert page.preview.toPlainText()  # the plan chosen is shown


def test_a_refresh_reads_the_list_and_the_plan_shown_side_by_side(
    make_page: Callable[[str], PlaybooksPage],
    gui_ctx: AppContext,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    pool_tasks: Any,
) -> None:
    """Both reads start before either answer is shown; a list that comes back unchanged keeps its
    rows and selection (no reset, no new choice), and the plan shown is still read again."""
    from branchguard.gui.kit import loader

    page = make_page("lead")
    qtbot.waitUntil(lambda: loader.pending() == 0 and bool(page.preview.toPlainText()))
    choose(page, "FIRE")
    page.draft_toggle.setChecked(True)
    qtbot.waitUntil(lambda: loader.pending() == 0)
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    page.refresh()  # the new draft: the list says so (has_draft), the preview shows it
    qtbot.waitUntil(lambda: loader.pending() == 0 and "head count" in page.preview.toPlainText())
    events: list[str] = []
    real_run_task, real_plan_run = loader.run_task, page.preview_loader.run

    def run_task(work: Any, **kwargs: Any) -> Any:
        events.append("read")
        return real_run_task(work, **kwargs)

    def plan_run(load: Any, apply: Any, **kwargs: Any) -> None:
        real_plan_run(load, lambda got: (events.append("plan"), apply(got)), **kwargs)

    monkeypatch.setattr(loader, "run_task", run_task)
    monkeypatch.setattr(page.preview_loader, "run", plan_run)
    page.list.model.modelReset.connect(lambda: events.append("reset"))
    page.list.current_changed.connect(lambda: events.append("chosen"))
    save_draft_with_new_step(gui_ctx, "FIRE", "Count the cash drawers")  # the list is as it was
    page.refresh()
    qtbot.waitUntil(lambda: loader.pending() == 0)
    # the list and the plan side by side; then the plan shown checked against the ledger (LedgerBand)
    assert events == ["read", "read", "plan", "read"]
    assert "reset" not in events and "chosen" not in events
    assert "plan" in events and "cash drawers" in page.preview.toPlainText()
    summary = page.current_summary()
    assert summary is not None and summary.code == "FIRE"


def test_the_first_list_read_waits_for_the_pages_first_paint_later_ones_do_not(
    make_page: Callable[[str], PlaybooksPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchguard.gui.kit.loader import Loader

    asked: list[bool] = []
    real = Loader.run

    def run(self: Loader, load: Any, apply: Any, *, next_turn: bool = False) -> None:
        if getattr(apply, "__name__", "") == "_show":
            asked.append(next_turn)
        real(self, load, apply, next_turn=next_turn)

    monkeypatch.setattr(Loader, "run", run)
    page = make_page("lead")
    page.refresh()
    assert asked == [True, False] and page.list.model.rowCount() > 0


# -- roles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("username", ["staff", "auditor"])
def test_read_only_roles_see_no_edit_approve_or_import(
    make_page: Callable[[str], PlaybooksPage], username: str
) -> None:
    page = make_page(username)
    assert len(codes(page)) == 30
    names = ("new", "edit", "approve", "discard", "import")
    buttons = [getattr(page, f"{n}_button") for n in names]
    assert [b.objectName() for b in buttons] == [f"playbook_{n}_button" for n in names]
    for button in buttons:
        assert button.isHidden()
    for button in (page.export_button, page.print_button, page.history_button):
        assert button.isVisible()
    choose(page, "GEN")
    page.edit_plan()  # Enter / double click on a row does nothing for them
    assert page.editor is None


# -- approve and discard -------------------------------------------------------------------------
def test_approve_names_code_and_version_then_the_list_updates(
    page: PlaybooksPage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(page, "FIRE")
    assert not page.approve_button.isEnabled()
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    page.refresh()
    assert page.approve_button.isEnabled()
    asked = answer_yes(monkeypatch)
    page.approve_button.click()
    assert "version 2 of FIRE" in asked[0] and "replaces version 1" in asked[0]
    summary = next(s for s in gui_ctx.services.playbooks.list_playbooks(SYSTEM) if s.code == "FIRE")
    assert summary.status == PlaybookStatus.APPROVED and summary.version == 2 and not summary.has_draft
    shown = page.current_summary()
    assert shown is not None and shown.code == "FIRE" and shown.version == 2 and not shown.has_draft
    assert "head count" in page.preview.toPlainText()
    assert not page.approve_button.isEnabled()


def test_answering_no_keeps_the_draft(
    page: PlaybooksPage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    page.refresh()
    choose(page, "FIRE")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    page.approve_button.click()
    page.discard_button.click()
    summary = next(s for s in gui_ctx.services.playbooks.list_playbooks(SYSTEM) if s.code == "FIRE")
    assert summary.has_draft and summary.version == 1


def test_discard_draft_returns_to_the_approved_version(
    page: PlaybooksPage, gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft_with_new_step(gui_ctx, "ROB", "Count the cash drawers")
    page.refresh()
    choose(page, "ROB")
    asked = answer_yes(monkeypatch)
    page.discard_button.click()
    assert "ROB" in asked[0]
    assert [v.info.number for v in gui_ctx.services.playbooks.history(SYSTEM, "ROB")] == [1]
    assert (
        "draft pending"
        not in page.list.model.index(
            page.list.model.find_row(lambda s: s.code == "ROB"), PlaybooksModel.COL_STATUS
        ).data()
    )


# -- history ---------------------------------------------------------------------------------------
def test_history_lists_every_version_and_compares_two(
    page: PlaybooksPage, gui_ctx: AppContext, qtbot
) -> None:
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    save_draft_with_new_step(gui_ctx, "LAW", "Copy the legal documents")
    gui_ctx.services.playbooks.approve(lead, "LAW")
    save_draft_with_new_step(gui_ctx, "LAW", "Tell head office legal department")  # draft v3
    page.refresh()
    choose(page, "LAW")
    dialog = page.show_history()
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    QAbstractItemModelTester(model, MODE)
    rows = [
        (model.index(r, VersionsModel.COL_NUMBER).data(), model.index(r, VersionsModel.COL_STATUS).data())
        for r in range(model.rowCount())
    ]
    assert rows == [("3", "Draft"), ("2", "Approved"), ("1", "Retired")]
    # who approved it, by name as every other screen says it, not by login
    qtbot.waitUntil(lambda: model.index(1, VersionsModel.COL_APPROVED_BY).data() == "王建国")
    assert model.index(1, VersionsModel.COL_CREATED_AT).data()[:4].isdigit()
    dialog.select_numbers(2)
    assert "Copy the legal documents" in dialog.preview.toPlainText()
    assert not dialog.compare_button.isEnabled()
    dialog.select_numbers(1, 2)
    assert dialog.compare_button.isEnabled()
    dialog.compare_button.click()
    diff = dialog.diff_dialog
    assert diff is not None and diff.isVisible()
    assert "version 1 → version 2" in diff.view.heading.text()
    added = [c for c in diff.view.diff.steps if c.change.value == "added"] if diff.view.diff else []
    assert [c.new.text.en for c in added if c.new] == ["Copy the legal documents"]
    diff.done(0)
    dialog.done(0)


# -- import ----------------------------------------------------------------------------------------
def library_state(ctx: AppContext) -> list[tuple[str, int, bool]]:
    return [(s.code, s.version, s.has_draft) for s in ctx.services.playbooks.list_playbooks(SYSTEM)]


def test_bad_file_names_the_line_and_changes_nothing(
    page: PlaybooksPage, gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library_state(gui_ctx)
    bad = tmp_path / "head-office.yaml"
    bad.write_text(VALID_FILE.replace("target_minutes: 1", "target_minutes: soon"), encoding="utf-8")
    open_file(monkeypatch, bad)
    page.import_button.click()
    box = page.files.message
    assert box is not None and box.isVisible()
    message = box.text()
    assert "head-office.yaml" in message and "line 17" in message
    assert "playbooks[0].steps[0].target_minutes" in message and "whole number" in message
    assert library_state(gui_ctx) == before
    assert len(codes(page)) == 30 and page.import_button.isEnabled() and page.busy.isHidden()


def test_import_previews_then_applies(
    page: PlaybooksPage, gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "two.yaml"
    source.write_text(VALID_FILE, encoding="utf-8")
    open_file(monkeypatch, source)
    page.import_button.click()
    box = page.files.message
    assert box is not None
    assert "0 new, 2 updated, 0 unchanged" in box.text()
    assert "FIRE" in box.informativeText() and "ROB" in box.informativeText()
    assert library_state(gui_ctx)[0] == ("GEN", 1, False)  # the preview changed nothing
    assert next(v for c, v, _d in library_state(gui_ctx) if c == "FIRE") == 1
    press(page, "Apply")
    versions = {c: v for c, v, _d in library_state(gui_ctx)}
    assert versions["FIRE"] == 2 and versions["ROB"] == 2
    assert page.files.last_import is not None and page.files.last_import.updated == ("FIRE", "ROB")
    shown = {s.code: s.version for s in page.list.model.rows()}
    assert shown["FIRE"] == 2


def test_cancelling_the_preview_imports_nothing(
    page: PlaybooksPage, gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = library_state(gui_ctx)
    source = tmp_path / "two.yaml"
    source.write_text(VALID_FILE, encoding="utf-8")
    open_file(monkeypatch, source)
    page.import_button.click()
    press(page, "Cancel")
    assert library_state(gui_ctx) == before


def test_export_then_import_round_trips(
    page: PlaybooksPage, gui_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "library"
    save_file(monkeypatch, out)
    page.export_all_action.trigger()
    written = tmp_path / "library.yaml"
    assert written.is_file() and not list(tmp_path.glob(".*tmp"))
    assert str(written) in (page.files.message.text() if page.files.message else "")
    doc = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert sorted(p["code"] for p in doc["playbooks"]) == sorted(codes(page))
    before = library_state(gui_ctx)
    open_file(monkeypatch, written)
    page.import_button.click()
    box = page.files.message
    assert box is not None and "0 new, 0 updated, 30 unchanged" in box.text()
    assert library_state(gui_ctx) == before
    # An edited copy of one plan comes back as that plan's next version, with nothing lost.
    fire = next(p for p in doc["playbooks"] if p["code"] == "FIRE")
    fire["title"]["en"] = "Fire and evacuation (head office 2027)"
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump({**doc, "playbooks": [fire]}, allow_unicode=True), encoding="utf-8")
    old = gui_ctx.services.playbooks.get(SYSTEM, "FIRE").content
    open_file(monkeypatch, edited)
    page.import_button.click()
    press(page, "Apply")
    new = gui_ctx.services.playbooks.get(SYSTEM, "FIRE")
    assert new.info.number == 2 and new.content == replace(
        old, title=Text2(old.title.zh, fire["title"]["en"])
    )


def test_export_selected_plans_only(
    page: PlaybooksPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(page, "FIRE")
    page.list._add_to_selection("ROB")
    assert sorted(page.selected_codes()) == ["FIRE", "ROB"]
    assert "(2)" in page.export_selected_action.text()
    save_file(monkeypatch, tmp_path / "two.yml")
    page.export_selected_action.trigger()
    doc = yaml.safe_load((tmp_path / "two.yml").read_text(encoding="utf-8"))
    assert sorted(p["code"] for p in doc["playbooks"]) == ["FIRE", "ROB"]


def test_print_previews_the_card_of_the_plan_shown_and_saves_it(
    page: PlaybooksPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(page, "FIRE")
    save_file(monkeypatch, tmp_path / "fire-card")
    page.print_button.click()
    preview = page.files.card_preview
    assert preview is not None and preview.windowTitle() == "Playbook card: FIRE"
    assert preview.file_name == "FIRE-card.pdf" and 1 <= preview.page_count <= 2  # one or two pages
    preview.save_button.click()
    pdf = tmp_path / "fire-card.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in preview.message.text()
    assert page.print_button.isEnabled()
    preview.close()


# -- a large library -------------------------------------------------------------------------------
def library_file(count: int, steps: int = 10) -> bytes:
    now = datetime.now(UTC)

    def version(code: str) -> PlaybookVersion:
        info = VersionInfo(0, 0, code, 1, PlaybookStatus.APPROVED, False, "lead", now, "lead", now, "")
        return PlaybookVersion(info, sample_plan(code, steps=steps))

    return dump(version(f"HQ{i:03d}") for i in range(count))


def test_500_plan_import_runs_off_the_gui_thread(
    page: PlaybooksPage,
    gui_ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    pool_tasks: ThreadWatch,
) -> None:
    """Reading, checking, applying and listing again run on the thread pool, as in the app; the
    GUI thread only shows the answers. (How long they take is not this test's business.)"""
    source = tmp_path / "head-office-library.yaml"
    source.write_bytes(library_file(500))
    open_file(monkeypatch, source)
    reports: list[tuple[int, int]] = []
    report = tasks.TaskProgress.report

    def spy(self: tasks.TaskProgress, done: int, total: int, text: str = "") -> None:
        reports.append((done, total))
        report(self, done, total, text)

    monkeypatch.setattr(tasks.TaskProgress, "report", spy)
    services = gui_ctx.services.playbooks
    work = ("read_file", "preview_import", "apply_parsed", "list_playbooks")
    for name in work:
        pool_tasks.watch(services, name)
    page.import_button.click()
    qtbot.waitUntil(lambda: page.files.message is not None and page.files.message.isVisible(), timeout=60_000)
    assert "500 new" in page.files.message.text()
    press(page, "Apply")
    qtbot.waitUntil(lambda: len(codes(page)) == 530, timeout=60_000)
    assert reports[-1] == (500, 500)
    assert page.list.count_label.text() == "530 plans"
    assert page.import_button.isEnabled() and page.busy.isHidden()
    assert all(pool_tasks.ran_off_the_gui_thread(name) for name in work), pool_tasks.threads


# -- editor ----------------------------------------------------------------------------------------
def test_new_and_edit_open_the_editor_and_a_save_updates_the_list(
    page: PlaybooksPage, gui_ctx: AppContext, qtbot: Any
) -> None:
    from branchguard.gui.playbooks.editor import PlaybookEditor

    page.new_button.click()
    editor = page.editor
    assert isinstance(editor, PlaybookEditor) and editor.code is None and editor.isVisible()
    editor.done(0)
    qtbot.waitUntil(lambda: page.editor is None)
    choose(page, "FIRE")
    page.list.table.activated.emit(page.list.table.currentIndex())  # Enter or a double click
    editor = page.editor
    assert isinstance(editor, PlaybookEditor) and editor.code == "FIRE"
    save_draft_with_new_step(gui_ctx, "FIRE", "Check the assembly point head count")
    editor.saved.emit("FIRE")
    summary = page.current_summary()
    assert summary is not None and summary.code == "FIRE" and summary.has_draft
    assert page.approve_button.isEnabled()
    editor.done(0)


def test_a_service_guide_names_the_plan_to_start_and_a_plan_names_none(page: PlaybooksPage) -> None:
    lst = page.list
    lst.tier_filter.setCurrentIndex(lst.tier_filter.findData(PlanTier.SERVICE))
    assert sorted(codes(page)) == [
        "SVC-CASH", "SVC-HANDOVER", "SVC-HOSTILE", "SVC-LAW", "SVC-QUEUE", "SVC-URGENT"
    ]
    choose(page, "SVC-CASH")  # the link is found among all plans, not the filtered list
    assert "If it becomes an incident, start: CASH" in page.preview.toPlainText()
    lst.tier_filter.setCurrentIndex(0)
    choose(page, "CASH")
    assert "If it becomes an incident" not in page.preview.toPlainText()
