"""Head office's window makes the regional report for a year: its period dialog offers a year beside
a month and a quarter (the branch's own picker), and the print preview holds the annual summary
with the months not sent and the year before; a period that is none or not begun is said."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.dashboard.rules import PeriodKind
from branchguard.core.kernel.china_time import china_year
from branchguard.gui.headoffice.page import HeadOfficePage, RegionalPeriodDialog
from branchguard.gui.kit.print_preview import PreviewDialog
from tests import headoffice_year as fleet_of
from tests.headoffice_year import BEFORE, HO_PASSWORD, HO_USER, YEAR


@pytest.fixture
def head_office(
    tmp_path: Path, app: QApplication, records_template: Callable[[], Path]
) -> Iterator[AppContext]:
    fleet = fleet_of.build(tmp_path / "fleet", records_template(), history=False)
    made = open_context(tmp_path / "ho", lang="en")
    fleet_of.take_in(made, fleet)
    made.close()
    ctx = open_context(tmp_path / "ho", lang="en")  # opened again: now head office's
    yield ctx
    ctx.close()


def _text(path: Path) -> str:
    doc = pypdfium2.PdfDocument(path)
    try:
        return "".join("".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))).split())
    finally:
        doc.close()


def test_the_window_makes_the_years_regional_report(
    head_office: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = build_main_window(head_office, head_office.services.auth.login(HO_USER, HO_PASSWORD))
    qtbot.addWidget(window)
    window.show_page("headoffice")
    window.show()
    page = window.page("headoffice")
    assert isinstance(page, HeadOfficePage)

    dialog = RegionalPeriodDialog(page)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == [k.value for k in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)]
    assert dialog.windowTitle() == "Regional report" and "a year" in dialog.intro.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PeriodKind.YEAR.value))
    dialog.year.setValue(YEAR)
    assert dialog.number.isHidden() and dialog.period().code == str(YEAR)

    page.open_report(dialog.period().code)
    assert page.message.isHidden()
    preview = page.findChild(PreviewDialog)
    assert preview is not None and str(YEAR) in preview.windowTitle()
    qtbot.waitUntil(lambda: preview.page_count >= 1, timeout=20_000)
    out = tmp_path / "regional.pdf"
    preview.save_to(out)
    qtbot.waitUntil(out.is_file, timeout=20_000)
    text = _text(out)
    preview.close()
    for words in ("annual summary of branch safety management", "Months not sent", f"{YEAR}-08",
                  f"Compared with {BEFORE}", f"{BEFORE}: none held"):  # fmt: skip
        assert "".join(words.split()) in text, words

    # not begun: the year after China's (head office's day), its clock at 00:30 on 1 January 2027 in
    # China, still 31 December on a PC kept in UTC (YEAR + 2, taken there, had begun in China)
    new_year = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    monkeypatch.setattr(head_office.services.headoffice, "_clock", lambda: new_year)
    ahead = str(china_year(new_year) + 1)
    for period, said in (("2026-13", "“2026-13” is not a period"), (ahead, "has not begun")):
        page.open_report(period)
        assert page.message.isVisible() and said in page.message.text(), period
