"""The inspection report names the incident an escalated item went to, in the item's note ("→ 事件
#2"): before, the PDF did not say where a failed card slot was escalated (review B)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.inspection_report import render_inspection_report
from tests.reports.inspection_samples import PhotoStore, inspection

if TYPE_CHECKING:
    from tests.reports.conftest import Pdf


def _escalated_report(tmp_path: Path) -> Path:
    detail = inspection(PhotoStore())
    answers = list(detail.answers)
    answers[1] = replace(answers[1], incident_id=12)
    data, _pages = render_inspection_report(replace(detail, answers=answers), [], find_cjk_font())
    out = tmp_path / "inspection.pdf"
    out.write_bytes(data)
    return out


def test_an_escalated_item_names_its_incident(pdf: type[Pdf], tmp_path: Path) -> None:
    text = pdf.squashed(pdf.text(_escalated_report(tmp_path)))
    assert text.count("→事件#12") == 1, text


def test_in_english_too(pdf: type[Pdf], tmp_path: Path) -> None:
    set_language("en")
    text = pdf.squashed(pdf.text(_escalated_report(tmp_path)))
    assert "→incident#12" in text, text
