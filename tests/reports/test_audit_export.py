"""The audit trail exported (reports/audit_export.py): the workbook and the PDF hold exactly the events
`audit list` lists for the same filter, worded as the page words them, in either language; a PDF too
big is refused saying how many; a stopped export leaves no file; the export is itself recorded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from branchguard.context import open_context
from branchguard.core.audit import service as audit_service
from branchguard.core.audit.service import AuditFilter
from branchguard.core.audit.text import action_text, entity_text, summary_text
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import set_language, t
from branchguard.reports import audit_export
from branchguard.reports.audit_export import build_audit_export
from tests.reports.conftest import Demo, Pdf

ALL = 10**6


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where the files go, alone: what a stopped export leaves there shows."""
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


@pytest.fixture
def demo(records_data_dir: Path) -> Iterator[Demo]:
    """The demo branch with its records (complaints, hazards, …): a trail of a few hundred events."""
    ctx = open_context(records_data_dir)
    yield Demo(ctx, ctx.services.auth.login("lead", "lead-demo-2026"))
    ctx.close()


def _listed(demo: Demo, flt: AuditFilter) -> list:
    return demo.ctx.services.audit.list(demo.actor, AuditFilter(**{**flt.__dict__, "limit": ALL}))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_workbook_holds_exactly_the_events_audit_list_lists(demo: Demo, out_dir: Path, lang: str) -> None:
    set_language(lang)
    flt = AuditFilter(action_prefix="complaint.")
    listed = _listed(demo, flt)
    assert len(listed) > 10
    out = build_audit_export(demo.ctx.services, demo.actor, flt, out_dir / "trail.xlsx")
    assert out.events == len(listed)
    book = openpyxl.load_workbook(out.path)
    sheet = book[t("report.audit.sheet")]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(t(key) for key, _w in audit_export_columns())
    assert len(rows) - 1 == len(listed)
    for row, event in zip(rows[1:], listed, strict=True):
        number, at, user, _name, role, action, record, record_id, summary, before, after = row
        assert (number, user, record_id or "") == (event.id, event.actor, event.entity_id)
        assert abs(at - event.at.astimezone().replace(tzinfo=None)) < timedelta(seconds=1)  # local time
        assert (action, record, summary or "") == (
            action_text(event.action),
            entity_text(event.entity),
            summary_text(event),
        )
        assert role in {t("role.lead"), t("role.staff"), t("role.auditor")}
        for values, text in ((event.before, before), (event.after, after)):
            shown = [v for v in values.values() if v not in ("", None, [])]
            assert len((text or "").splitlines()) == len(shown)
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:K{len(listed) + 1}"
    assert sheet.column_dimensions["I"].width == 60
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm:ss"
    filters = {a: b for a, b, *_ in book[t("report.audit.sheet_filters")].iter_rows(values_only=True)}
    assert filters[t("report.audit.events")] == len(listed)
    assert filters[t("report.audit.kind")] == t("audit.category.complaint")
    assert t("anchor.report.sheet") in book.sheetnames and book.properties.keywords


def audit_export_columns() -> tuple[tuple[str, int], ...]:
    from branchguard.reports.audit_excel import COLUMNS

    return COLUMNS


def test_the_chunks_hold_every_event_of_the_list_once_in_its_order(demo: Demo) -> None:
    flt = AuditFilter()
    listed = [e.id for e in _listed(demo, flt)]
    chunks = list(demo.ctx.services.audit.export_chunks(demo.actor, flt, size=7))
    assert {len(c) for c in chunks[:-1]} == {7}
    assert [e.id for chunk in chunks for e in chunk] == listed


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_pdf_holds_the_same_events_worded_in_either_language(
    demo: Demo, out_dir: Path, pdf: type[Pdf], lang: str
) -> None:
    set_language(lang)
    flt = AuditFilter(action_prefix="hazard.")
    listed = _listed(demo, flt)
    assert listed
    out = build_audit_export(demo.ctx.services, demo.actor, flt, out_dir / "trail.pdf")
    assert out.events == len(listed)
    text = pdf.squashed(pdf.text(out.path))
    assert pdf.squashed(t("report.audit.count_line", count=len(listed))) in text
    for event in listed:
        assert pdf.squashed(summary_text(event)) in text
    assert pdf.squashed(t("report.page_of", page=1, total=pdf.pages(out.path))) in text
    assert pdf.squashed(t("audit.category.hazard")) in text
    assert all(f.embedded for f in pdf.fonts(out.path))


class Stopped(Exception):
    """What the window's Cancel raises (gui/kit/tasks.py TaskCancelled), Qt aside."""


def _exports(demo: Demo) -> list:
    return demo.ctx.services.audit.list(demo.actor, AuditFilter(action_prefix="audit.export"))


def test_a_pdf_of_too_many_events_is_refused_saying_how_many(
    demo: Demo, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    monkeypatch.setattr(audit_export, "PDF_MOST", 3)
    total = demo.ctx.services.audit.count(demo.actor, AuditFilter())
    with pytest.raises(ValidationError) as refused:
        build_audit_export(demo.ctx.services, demo.actor, AuditFilter(), out_dir / "trail.pdf")
    assert f"{total} events" in refused.value.message and "narrow the period" in refused.value.message
    assert os.listdir(out_dir) == [] and _exports(demo) == []


@pytest.mark.parametrize("name", ["trail.xlsx", "trail.pdf"])
def test_an_export_stopped_halfway_leaves_no_file_and_records_nothing(
    demo: Demo, out_dir: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel raises out of the progress callback: no half file, the old one kept, no temporary."""
    monkeypatch.setattr(audit_service, "EXPORT_CHUNK", 20)
    out = out_dir / name
    out.write_bytes(b"the export made last week")
    temporaries = list(ALL_TEMP_FILES)
    heard: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> None:
        heard.append((done, total))
        raise Stopped

    with pytest.raises(Stopped):
        build_audit_export(demo.ctx.services, demo.actor, AuditFilter(), out, progress=stop)
    assert heard and heard[0][0] < heard[0][1]  # stopped after the first chunk of several
    assert os.listdir(out_dir) == [name] and out.read_bytes() == b"the export made last week"
    assert temporaries == ALL_TEMP_FILES and _exports(demo) == []


def test_a_cancel_once_every_event_is_written_still_leaves_no_file(demo: Demo, out_dir: Path) -> None:
    """The last word before the file replaces anything: Cancel pressed while the PDF was laid out."""
    calls: list[tuple[int, int]] = []

    def stop_at_the_end(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == 2:  # after the one chunk: the file complete, not yet in place
            raise Stopped

    with pytest.raises(Stopped):
        build_audit_export(
            demo.ctx.services, demo.actor, AuditFilter(), out_dir / "trail.pdf", progress=stop_at_the_end
        )
    assert calls[0] == calls[1] and os.listdir(out_dir) == [] and _exports(demo) == []


def test_the_export_is_recorded_with_its_period_and_worded(demo: Demo, out_dir: Path) -> None:
    set_language("zh_CN")
    auditor = demo.ctx.services.auth.login("auditor", "auditor-demo-2026")
    since = datetime(2026, 1, 1).astimezone().astimezone(UTC)
    flt = AuditFilter(since=since, until=since + timedelta(days=365), text="投诉")
    out = build_audit_export(demo.ctx.services, auditor, flt, out_dir / "year.xlsx")
    [event] = _exports(demo)
    assert event.actor == "auditor" and event.entity == "audit_trail"
    assert event.after == {
        "since": "2026-01-01",
        "until": "2026-12-31",
        "text": "投诉",
        "format": "xlsx",
        "events": out.events,
        "file": "year.xlsx",
    }
    said = summary_text(event)
    assert "起始日期：2026-01-01" in said and "截止日期：2026-12-31" in said and "文件名：year.xlsx" in said


def test_staff_may_not_export_the_trail(demo: Demo, out_dir: Path) -> None:
    staff = demo.ctx.services.auth.login("staff", "staff-demo-2026")
    for name in ("trail.xlsx", "trail.pdf"):
        with pytest.raises(PermissionDenied):
            build_audit_export(demo.ctx.services, staff, AuditFilter(), out_dir / name)
    assert os.listdir(out_dir) == []


def test_an_unknown_suffix_is_refused_naming_the_file(demo: Demo, out_dir: Path) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        build_audit_export(demo.ctx.services, demo.actor, AuditFilter(), out_dir / "trail.csv")
    assert str(out_dir / "trail.csv") in refused.value.message and ".xlsx or .pdf" in refused.value.message
