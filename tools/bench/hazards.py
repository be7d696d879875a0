"""The hazard register PDF of a long register (800 hazards), against a bare ReportLab table.

Floor, measured in the same run with the same interpreter: a SimpleDocTemplate holding one Table of
the same rows and the register's columns, each cell a Paragraph, in the same CJK font. The test
suite checks what the long register contains (tests/reports/test_hazard_register.py); how long it
takes is measured here, as a ratio to that floor.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from branchguard.core.hazards.types import (
    HazardFilter,
    HazardInfo,
    HazardSeverity,
)
from tests.reports.hazard_samples import hazard
from tools.bench.common import Figure, print_ratio

OUT_DIR = Path("build/bench/hazards")


@dataclass(frozen=True)
class Sizes:
    hazards: int = 800
    runs: int = 3


FULL = Sizes()
SMOKE = Sizes(hazards=60, runs=1)


def long_register(count: int) -> list[HazardInfo]:
    """`count` open hazards, opened a day apart, with descriptions of one to seven phrases; built by
    the register tests' own sample maker, so the bench and the tests read the same kind of rows."""
    return [
        hazard(
            n,
            description=f"第 {n} 条隐患：" + "消防通道堆放杂物" * (n % 7 + 1),
            severity=HazardSeverity.MAJOR if n % 5 == 0 else HazardSeverity.GENERAL,
        )
        for n in range(1, count + 1)
    ]


def run(sizes: Sizes = FULL, out_dir: Path = OUT_DIR) -> bool:
    from branchguard.core.kernel.i18n import set_language
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.hazard_register import render_hazard_register

    set_language("zh_CN")
    out_dir.mkdir(parents=True, exist_ok=True)
    hazards = long_register(sizes.hazards)
    font = find_cjk_font()
    rows = [
        [h.number, h.severity.value, h.description, h.location, h.owner, h.due_date.isoformat()]
        for h in hazards
    ]
    ours, theirs = [], []
    pages = 0
    for _ in range(sizes.runs):

        def render() -> None:
            nonlocal pages
            data, pages = render_hazard_register(hazards, HazardFilter(), font, branch_name="示范支行")
            (out_dir / "ours.pdf").write_bytes(data)

        ours.append(_timed(render))
        theirs.append(_timed(lambda: _bare_register(out_dir / "bare.pdf", rows, font.name)))
    print(f"hazard register ({sizes.hazards} hazards, {pages} pages; PDFs in {out_dir})")
    return print_ratio(
        f"hazard register, {sizes.hazards} hazards",
        Figure("render_hazard_register", ours),
        Figure("bare ReportLab", theirs),
        1.5,  # measured 0.75× (0.6 s against 0.9 s): the floor makes a Paragraph of every cell
        unit="s",
    )


def _bare_register(path: Path, rows: list[list[str]], font: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=10.8)
    margin = 14 * mm
    fixed = [28 * mm, 16 * mm, 40 * mm, 24 * mm, 26 * mm]
    widths = [fixed[0], fixed[1], landscape(A4)[0] - 2 * margin - sum(fixed), *fixed[2:]]
    header = ["编号", "等级", "隐患描述", "位置", "责任人", "整改期限"]
    data = [[Paragraph(escape(text), cell) for text in row] for row in [header, *rows]]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=margin, rightMargin=margin)
    doc.build([table])


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
