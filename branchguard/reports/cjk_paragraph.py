"""A Paragraph whose Chinese lines break where `linewrap.may_break` allows: never inside a number
or a Latin word, never before closing or after opening punctuation. ReportLab's CJK wrapping cuts
between any two characters once it looks back more than half a line for a better place: a narrow
register column printed 监管转办（123 / 78、12363）."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

from branchguard.reports.linewrap import may_break


class TextParagraph(Paragraph):
    """Plain text in one style (template.para): its CJK lines broken by `cjk_lines`. Markup with
    bullets, dots or inline images is left to ReportLab."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # ReportLab's names
        frags = self.frags
        special = getattr(self, "_splitpara", 0) or self.bulletText or self.style.endDots
        if special or not frags or any(hasattr(f, "cbDefn") for f in frags):
            return super().breakLinesCJK(maxWidths)
        leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return cjk_lines(frags, maxWidths, leading not in ("", "off"))


def cjk_lines(frags: list[Any], max_widths: Any, calc_bounds: bool) -> ParaLines:
    """ReportLab's `cjkFragSplit` (one glyph a unit, a <br/> ending its line) with the break looked
    for back to the line's start; a run longer than the whole line is cut where it must be."""
    widths = list(max_widths) if isinstance(max_widths, list | tuple) else [max_widths]
    units = [cjkU(ch, f, "utf8") for f in frags for ch in (f.text or [""])]
    lines: list[Any] = []
    start, count = 0, len(units)
    while start < count:
        room = widths[min(len(lines), len(widths) - 1)]
        end, used, forced = start, 0.0, False
        while end < count:
            unit = units[end]
            if hasattr(unit.frag, "lineBreak"):
                end, forced = end + 1, True
                break
            if used + unit.width > room + _FUZZ and end > start:
                at = end
                while at > start and not _breaks(units[at - 1], units[at]):
                    at -= 1
                end = at if at > start else end
                break
            used += unit.width
            end += 1
        line = units[start:end]
        width = sum(u.width for u in line)
        if forced or width > 0:
            lines.append(makeCJKParaLine(line, room, width, room - width, forced, calc_bounds))
        start = end
        while not forced and start < count and units[start].isspace():  # a blank at the break goes
            start += 1
    return ParaLines(kind=1, lines=lines)


def _breaks(before: str, after: str) -> bool:
    return bool(before) and bool(after) and may_break(before, after)
