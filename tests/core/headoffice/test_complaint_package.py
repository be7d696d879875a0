"""Complaint statistics up to head office, on SQLite and PostgreSQL: the package carries the
period's statistics month by month (the branch dashboard's own figures, no identifiers) and its
complaints masked, both against the published schema; head office rolls them up per branch for
the regional report; a package of an earlier version without them is still taken in."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from branchguard.core.complaints.types import ComplaintFilter, ComplaintInput, Satisfaction, StepInput
from branchguard.core.exchange import rules as package
from branchguard.core.headoffice.types import ImportOutcome
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.i18n import set_language, t
from branchguard.reports.regional_report import build_regional_report
from tests.core.headoffice.test_headoffice_exchange import (  # noqa: F401  (make_db is a fixture)
    HO_PASSWORD,
    _actor,
    _branch,
    _schema_holds,
    make_db,
)
from tests.reports.conftest import Pdf

PHONE, ID_NUMBER = "13800138000", "110101199003071234"
# The branch's PC keeps China's time, as head office counts its days in (core/headoffice/rules.py):
# on a PC kept in UTC, a complaint received on the month's last evening (UTC) was the month's in
# the branch's statistics and the next month's at head office (9 received, not 10).
pytestmark = pytest.mark.usefixtures("shanghai_time")


def _complaints(ctx: Any, lead: Any) -> datetime:
    """Three complaints this month: two answered (one satisfied, the other archived with a
    corrective action), one still open; when they were received. Three hours ago, or at the
    month's first minute in its first three hours: then three hours ago was last month, whose
    statistics the test did not take (it took today's month and found no complaint)."""
    svc = ctx.services.complaints
    now = datetime.now().astimezone()
    received = max(now - timedelta(hours=3), now.replace(day=1, hour=0, minute=0, second=0, microsecond=0))
    for channel, category, satisfaction in (
        ("counter", "attitude", Satisfaction.SATISFIED),
        ("phone", "fees", Satisfaction.DISSATISFIED),
        ("online", "cards", None),
    ):
        data = ComplaintInput(channel=channel, received_at=received, customer_name="张三丰",
                              customer_phone=PHONE, customer_id_number=ID_NUMBER, category=category,
                              request="诉求")  # fmt: skip
        cid = svc.register(lead, data).info.id
        if satisfaction is not None:
            svc.step(lead, cid, StepInput("investigate", "核实"))
            svc.step(lead, cid, StepInput("decide", "处理", basis="规范"))
            svc.step(lead, cid, StepInput("reply", "答复", satisfaction=satisfaction))
            if satisfaction == Satisfaction.DISSATISFIED:  # its archive adds a corrective action
                action = FollowUpInput("收费公示整改", "李主管", date.today() + timedelta(days=10))
                svc.step(lead, cid, StepInput("archive", "归档", cause="loss", actions=(action,)))
    return received


def test_complaint_statistics_go_up_to_head_office(
    make_db: Callable[[str], Any],  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = Pdf
    a, a_lead = _branch(make_db, "a", None, 0)
    b, b_lead = _branch(make_db, "b", "DEMO-0202", 0)
    received = _complaints(a, a_lead)
    period = f"{received:%Y-%m}"  # their month, should the run cross its end
    path = tmp_path / "a.zip"
    a.services.exchange.export(a_lead, period, path)
    _schema_holds(path)  # every kind, complaintstats included, against the published schema
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
        [month] = json.loads(zf.read(f"{package.RECORDS}complaintstats.json"))
        complaints = zf.read(f"{package.RECORDS}complaints.json").decode()
    figures = a.services.dashboard.figures_for_period(
        a_lead, received.date().replace(day=1), package.month_starts(package.period_of(period))[-1]
    )
    assert manifest["counts"]["complaintstats"] == 1 and month["month"] == period
    assert (month["received"], month["answered"], month["rated"], month["satisfied"]) == (
        figures.complaints_received, figures.complaints_answered, figures.complaints_rated,
        figures.complaints_satisfied,
    )  # fmt: skip
    assert month["received"] >= 3 and month["answered"] >= 2 and month["satisfied"] >= 1
    assert month["by_channel"] == figures.complaints_by_channel
    assert month["by_category"] == figures.complaints_by_category
    # identifiers stay masked in the package
    assert PHONE not in complaints and ID_NUMBER not in complaints and "张三丰" not in complaints
    assert "138****8000" in complaints and "110***********1234" in complaints
    assert a.services.exchange.preview(a_lead, period).counts["complaintstats"] == 1
    with zipfile.ZipFile(path) as zf:
        actions = json.loads(zf.read(f"{package.RECORDS}actions.json"))
    [from_complaint] = [x for x in actions if x.get("complaint_id")]
    assert from_complaint["incident_id"] is None and from_complaint["text"] == "收费公示整改"

    # branch b runs an earlier version: its package has no complaint statistics
    old_kinds = tuple(k for k in package.KINDS if k not in package.OPTIONAL_KINDS)
    monkeypatch.setattr(package, "KINDS", old_kinds)
    old = tmp_path / "b.zip"
    b.services.exchange.export(b_lead, period, old)
    monkeypatch.undo()
    with zipfile.ZipFile(old) as zf:
        assert f"{package.RECORDS}complaintstats.json" not in zf.namelist()

    keys = {}
    for ctx, lead, tag in ((a, a_lead, "a"), (b, b_lead, "b")):
        keys[tag] = tmp_path / f"{tag}.pem"
        ctx.services.exchange.export_key(lead, keys[tag])
    ho = make_db("ho")
    hos = ho.services.headoffice
    hos.init("华东区总行", "admin", HO_PASSWORD)
    admin = _actor(ho, "admin")
    hos.add_branch(admin, "DEMO-0101", "城东", keys["a"])
    hos.add_branch(admin, "DEMO-0202", "城西", keys["b"])
    assert hos.import_package(admin, path).outcome == ImportOutcome.IMPORTED
    assert hos.import_package(admin, old).outcome == ImportOutcome.IMPORTED

    [held] = hos.records(admin, "DEMO-0101", "complaintstats")
    assert held.source_id == period and held.summary == period
    _name, rows = hos.period_rows(admin, period)
    by_code = {r.code: r for r in rows}
    east, west = by_code["DEMO-0101"], by_code["DEMO-0202"]
    assert east.complaints == figures.complaints_received
    assert (east.complaint_months, east.complaints_answered, east.complaints_on_time) == (
        1, figures.complaints_answered, figures.complaints_on_time,
    )  # fmt: skip
    rated = (east.complaints_rated, east.complaints_satisfied)
    assert rated == (figures.complaints_rated, figures.complaints_satisfied)
    assert west.complaint_months == 0 and west.complaint_on_time_rate is None
    # the Branches roll-up: open and overdue complaints, and every month's statistics added up
    rollup = {r.code: r for r in hos.branches(admin)}
    east_all = rollup["DEMO-0101"]
    # every complaint still open at the branch that the month's package carries: the demo's (one in
    # each open state) and this test's open one and satisfied one (replied, not archived). On the
    # 1st, two of the demo's were last month's, in no package head office held (7 open, not 9)
    carried = {r["id"] for r in json.loads(complaints)}
    still_open = [
        i for i in a.services.complaints.list(a_lead, ComplaintFilter(open_only=True)) if i.id in carried
    ]
    assert east_all.complaints_open == len(still_open) >= 2
    assert east_all.complaints_overdue == sum(i.overdue for i in still_open)
    assert east_all.complaint_totals["answered"] == east.complaints_answered
    assert rollup["DEMO-0202"].complaint_totals == {n: 0 for n in ("received", "answered", "on_time",
                                                                   "rated", "satisfied")}  # fmt: skip

    set_language("en")
    out = tmp_path / "regional.pdf"
    build_regional_report(ho.services, admin, period, out)
    text = pdf.squashed(pdf.text(out))
    assert all(word in text for word in t("ho.report.col.complaints_on_time").split())  # a heading wraps
    on_time = f"({east.complaints_on_time}/{east.complaints_answered})"
    satisfied = f"({east.complaints_satisfied}/{east.complaints_rated})"
    assert on_time in text and satisfied in text
    book = tmp_path / "regional.xlsx"
    build_regional_report(ho.services, admin, period, book)
    sheet = load_workbook(book).active
    headers = [c.value for c in sheet[3]]
    rows = {r[0]: dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(min_row=4, values_only=True)}
    rate = t("ho.report.col.complaints_on_time")
    assert rows["DEMO-0101"][rate] == round(east.complaints_on_time / east.complaints_answered, 3)
    assert rows["DEMO-0101"][t("summary.col.complaints_answered")] == east.complaints_answered
    assert rows["DEMO-0202"][rate] is None  # west: no statistics
    set_language("zh_CN")
