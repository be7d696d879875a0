"""The Complaints page's filters: each control narrows the list to exactly what `complaint list` with
the same option lists (its options parsed as the command line parses them, read by the service), the
search finds a complaint by its number or the customer's name, the register prints as filtered, and
a dashboard figure sets its own controls and clears the others."""

from __future__ import annotations

import argparse
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from branchguard.cli.complaints import add_complaint_filter_arguments, complaint_filter_from_args
from branchguard.context import AppContext
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInput, ComplaintStatus, StepInput
from branchguard.gui.complaints.filters import DATES
from branchguard.gui.complaints.page import ComplaintsPage
from tests.gui.complaints.test_complaints_page import page_of
from tests.gui.incidents.incident_support import login


def _last_month(today: date) -> date:
    return today.replace(day=1) - timedelta(days=1)


def _last_quarter_start(today: date) -> date:
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)  # this quarter's first day
    before = first - timedelta(days=1)
    return date(before.year, 3 * ((before.month - 1) // 3) + 1, 1)


@pytest.fixture
def made(gui_ctx: AppContext) -> dict[str, int]:
    """Complaints of every type, several channels and categories, this month, last month, last
    quarter and last January (the earliest a receipt may be entered); two withdrawn, one overdue."""
    svc, lead = gui_ctx.services.complaints, login(gui_ctx, "lead")
    today = datetime.now(svc.zone).date()

    def add(day: date, channel: str, kind: str, category: str, name: str, request: str) -> int:
        at = datetime.combine(day, time(0, 5), tzinfo=svc.zone)
        data = ComplaintInput(channel=channel, received_at=at, customer_name=name, category=category,
                              request=request, kind=kind)  # fmt: skip
        return svc.register(lead, data).info.id

    last = _last_month(today)
    made = {
        "queue": add(last.replace(day=10), "phone", "complaint", "waiting", "张三丰", "排队太久，要求改进"),
        "rude": add(last.replace(day=20), "phone", "complaint", "attitude", "王五", "柜员态度生硬"),
        "grumble": add(today.replace(day=1), "counter", "grumble", "attitude", "李四", "大厅太吵"),
        "old": add(date(today.year - 1, 1, 15), "online", "objection", "fees", "赵敏", "年费有异议"),
        "late": add(today - timedelta(days=20), "regulator", "complaint", "fees", "陈六", "短信收费"),
        "quarter": add(_last_quarter_start(today) + timedelta(days=9), "letter", "complaint", "wealth",
                       "孙七", "理财收益不符"),
    }  # fmt: skip
    svc.withdraw(lead, made["rude"])
    svc.step(lead, made["old"], StepInput("investigate", "核对收费目录"))
    svc.withdraw(lead, made["old"])
    return made


def cli_filter(*words: str) -> ComplaintFilter:
    """What `complaint list WORDS` selects by."""
    parser = argparse.ArgumentParser()
    add_complaint_filter_arguments(parser)
    return complaint_filter_from_args(parser.parse_args(list(words)))


def listed(page: ComplaintsPage) -> list[int]:
    return sorted(page.model.row_at(r).id for r in range(page.model.rowCount()))


def answer(ctx: AppContext, *words: str) -> list[int]:
    return sorted(c.id for c in ctx.services.complaints.list(login(ctx, "lead"), cli_filter(*words)))


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index > 0, data
    combo.setCurrentIndex(index)


def search(page: ComplaintsPage, text: str) -> None:
    page.filters.search.setText(text)
    page.filters.search.returnPressed.emit()


def test_each_filter_lists_exactly_what_the_command_line_lists(open_window, gui_ctx, made) -> None:
    page = page_of(open_window)
    bar = page.filters
    bar.open_only.setChecked(False)
    everything = listed(page)
    assert everything == answer(gui_ctx) and len(everything) == len(made)
    today = datetime.now(gui_ctx.services.complaints.zone).date()
    last, quarter = _last_month(today), _last_quarter_start(today)
    last_quarter = f"{quarter.year}-Q{(quarter.month + 2) // 3}"
    cases: list[tuple[Any, object, tuple[str, ...], set[str]]] = [
        (bar.status, "withdrawn", ("--status", "withdrawn"), {"rude", "old"}),
        (bar.kind, "grumble", ("--kind", "grumble"), {"grumble"}),
        (bar.channel, "phone", ("--channel", "phone"), {"queue", "rude"}),
        (bar.category, "fees", ("--category", "fees"), {"old", "late"}),
        (bar.period, "last_month", ("--period", f"{last:%Y-%m}"), {"queue", "rude"}),
        (bar.period, "this_month", ("--period", f"{today:%Y-%m}"), {"grumble"}),
        (bar.period, "last_quarter", ("--period", last_quarter), {"quarter"}),
        (bar.period, "last_year", ("--period", str(today.year - 1)), {"old"}),
    ]  # fmt: skip
    for combo, data, words, must in cases:
        choose(combo, data)
        assert page.current_filter() == cli_filter(*words), words
        shown = listed(page)
        assert shown == answer(gui_ctx, *words), words
        assert {made[k] for k in must} <= set(shown) and len(shown) < len(everything), words
        combo.setCurrentIndex(0)
        assert listed(page) == everything  # "all" again
    assert page.count_label.text().startswith(f"{len(everything)} complaints")


def test_chosen_dates_and_the_filters_combine_with_open_and_overdue(open_window, gui_ctx, made) -> None:
    page = page_of(open_window)
    bar = page.filters
    today = datetime.now(gui_ctx.services.complaints.zone).date()
    last = _last_month(today)
    choose(bar.channel, "phone")  # open only, as the page opens: the withdrawn one not listed
    assert listed(page) == answer(gui_ctx, "--open", "--channel", "phone") == [made["queue"]]
    bar.open_only.setChecked(False)
    choose(bar.period, DATES)
    assert bar.date_from.isVisible() and bar.date_to.isVisible()
    bar.date_from.setDate(last.replace(day=15))
    bar.date_to.setDate(last.replace(day=25))
    span = f"{last.replace(day=15)}..{last.replace(day=25)}"
    assert page.current_filter() == cli_filter("--channel", "phone", "--period", span)
    assert listed(page) == answer(gui_ctx, "--channel", "phone", "--period", span) == [made["rude"]]
    assert page.count_label.text().startswith("1 complaint shown")

    bar.channel.setCurrentIndex(0)
    bar.period.setCurrentIndex(0)
    assert not bar.date_from.isVisible()
    bar.overdue_only.setChecked(True)
    choose(bar.category, "fees")
    assert listed(page) == answer(gui_ctx, "--overdue", "--category", "fees") == [made["late"]]
    assert "1 overdue" in page.count_label.text()


def test_the_search_finds_a_complaint_by_its_number_or_the_customers_name(open_window, gui_ctx, made) -> None:
    page = page_of(open_window)
    page.filters.open_only.setChecked(False)
    number = gui_ctx.services.complaints.get(login(gui_ctx, "lead"), made["rude"]).info.number
    search(page, number)
    assert listed(page) == answer(gui_ctx, "--text", number) == [made["rude"]]
    assert page.model.row_at(0).customer_name == "王*"  # found by name or number, shown masked
    search(page, "张三丰")
    assert listed(page) == answer(gui_ctx, "--text", "张三丰") == [made["queue"]]
    search(page, "收")  # words of the request: 短信收费, 理财收益不符
    assert listed(page) == answer(gui_ctx, "--text", "收") == sorted([made["late"], made["quarter"]])
    page.filters.open_only.setChecked(True)
    choose(page.filters.channel, "letter")
    words = ("--open", "--channel", "letter")
    assert listed(page) == answer(gui_ctx, *words, "--text", "收") == [made["quarter"]]
    search(page, "")
    assert listed(page) == answer(gui_ctx, *words)


def test_a_closed_status_and_open_only_do_not_list_nothing_together(open_window, made) -> None:
    page = page_of(open_window)
    bar = page.filters
    assert bar.open_only.isChecked()
    choose(bar.status, ComplaintStatus.WITHDRAWN.value)  # asked for the withdrawn: not "open only"
    assert not bar.open_only.isChecked() and listed(page) == sorted([made["rude"], made["old"]])
    bar.open_only.setChecked(True)  # open only again: any status
    assert bar.status.currentIndex() == 0 and page.current_filter() == ComplaintFilter(open_only=True)
    choose(bar.status, ComplaintStatus.ACCEPTED.value)  # an open status keeps "open only"
    assert bar.open_only.isChecked()


def test_the_register_prints_as_filtered(open_window, gui_ctx, made, tmp_path: Path) -> None:
    page = page_of(open_window, "auditor")
    page.filters.open_only.setChecked(False)
    choose(page.filters.channel, "phone")
    search(page, "排队")
    lead = login(gui_ctx, "lead")
    numbers = {k: gui_ctx.services.complaints.get(lead, v).info.number for k, v in made.items()}
    register = page.papers.preview_register()
    assert register.page_count >= 1
    register.save_to(tmp_path / "register.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "register.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert numbers["queue"] in text and "Phone hotline" in text and "“排队”" not in text  # masked
    assert "Text contains" in text and "maybeacustomer'sname" in "".join(text.split())  # however it wraps
    assert [k for k, n in numbers.items() if n in text] == ["queue"]
    register.close()


def test_a_dashboard_figure_sets_its_controls_and_clears_the_others(
    open_window, gui_ctx, made, qtbot
) -> None:
    window = open_window("lead")
    page = window.show_page("complaints")
    assert isinstance(page, ComplaintsPage)
    bar = page.filters
    bar.open_only.setChecked(False)
    for combo, data in ((bar.status, "accepted"), (bar.kind, "complaint"), (bar.channel, "regulator"),
                        (bar.category, "fees"), (bar.period, DATES)):  # fmt: skip
        choose(combo, data)
    search(page, "短信")
    dashboard = window.show_page("dashboard")
    qtbot.mouseClick(dashboard.figure_button("complaints_overdue"), Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "complaints"
    assert page.current_filter() == ComplaintFilter(overdue_only=True)
    assert bar.search.text() == "" and not bar.open_only.isChecked() and not bar.date_from.isVisible()
    combos = (bar.status, bar.kind, bar.channel, bar.category, bar.period)
    assert [c.currentIndex() for c in combos] == [0] * 5
    late = sorted(made[k] for k in ("queue", "late", "quarter"))  # received over 15 days ago, open
    assert listed(page) == answer(gui_ctx, "--overdue") == late

    window.show_page("dashboard")
    qtbot.mouseClick(dashboard.figure_button("complaints_open"), Qt.MouseButton.LeftButton)
    assert page.current_filter() == ComplaintFilter(open_only=True)
    assert listed(page) == answer(gui_ctx, "--open")


def test_every_filter_the_page_has_a_control_for_is_set_back_by_show_filtered(open_window, made) -> None:
    page = page_of(open_window)
    flt = ComplaintFilter(status=ComplaintStatus.WITHDRAWN, category="attitude", text="王五",
                          received_from=date(2020, 1, 1), received_to=date.today())  # fmt: skip
    page.show_filtered(flt)
    assert page.current_filter() == flt and listed(page) == [made["rude"]]
    assert page.filters.period.currentData() == DATES and page.filters.date_from.isVisible()
    with pytest.raises(ValueError, match="half-open"):
        page.show_filtered(ComplaintFilter(received_from=date(2020, 1, 1)))
