"""The register (PDF and Excel) shows a major hazard verified or closed with milestones outstanding
as such: its status marked, the milestones named in the workbook, a legend under the PDF's list;
a major hazard closed with its milestones, or one still open, carries no such mark."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl

from branchguard.core.hazards.types import HazardFilter, HazardSeverity, HazardStatus, RemediationKind
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.hazard_excel import write_hazard_workbook
from branchguard.reports.hazard_register import render_hazard_register
from tests.reports.hazard_samples import NOW, hazard

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf

K = RemediationKind


def _hazards() -> list:
    major = {"severity": HazardSeverity.MAJOR, "report_head_office": True, "overdue": False}
    short = (K.PLAN, K.HEAD_OFFICE_REPORT)
    return [
        hazard(3, status=HazardStatus.CLOSED, closed_at=NOW, outstanding=short, **major),
        hazard(4, status=HazardStatus.CLOSED, closed_at=NOW, **major),  # its milestones recorded
        hazard(5, status=HazardStatus.OPEN, outstanding=(K.INTERIM_CONTROL,), **major),  # still due
    ]


def test_the_pdf_marks_the_hazard_closed_short_and_explains_the_mark(pdf: type[Pdf], tmp_path: Path) -> None:
    data, _pages = render_hazard_register(_hazards(), HazardFilter(), find_cjk_font())
    out = tmp_path / "register.pdf"
    out.write_bytes(data)
    listing = pdf.squashed(pdf.text(out)).split("隐患明细")[1]
    assert listing.count("节点未完成") == 2  # hazard 3's status, and the legend
    assert "节点未完成：重大隐患的临时管控措施" in listing
    assert listing.index("YH-2026-0003") < listing.index("节点未完成") < listing.index("YH-2026-0004")


def test_the_workbook_names_the_milestones_a_hazard_was_closed_without(tmp_path: Path) -> None:
    out = write_hazard_workbook(tmp_path / "register.xlsx", _hazards(), HazardFilter(), generated_at=NOW)
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    column = rows[0].index("验收时未记录的节点")
    assert [r[column] for r in rows[1:]] == ["整改方案、上报上级行", None, None]
