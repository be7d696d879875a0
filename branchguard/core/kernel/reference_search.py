"""A register reference typed into a register's search (YH-2027-0007, TS-2027-0007): the records
it names, for the hazard and the complaint registers alike. The reference's year is the year in
China (core/kernel/china_time.py), as the register writes it."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_

from branchguard.core.kernel.china_time import china_year_span

# A bare 4-digit number in this span is read as a year as well as an id.
FIRST_YEAR, LAST_YEAR = 2000, 2099


def plausible_year(text: str) -> int | None:
    """`text` as a year when it is four digits within FIRST_YEAR..LAST_YEAR, else None."""
    if len(text) == 4 and text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


def reference_conditions(
    text: str, prefix: str, id_column: Any, at_column: Any
) -> list[ColumnElement[bool]]:
    """The records a reference typed in the search names: PREFIX-2027-0007 or 2027-0007 (that id,
    its `at_column` in 2027), 0007 or 7 (the id), PREFIX-2027 or PREFIX-2027- (every record of
    2027), a bare 2027 (the id or the year). Other text names none: []."""
    typed = text.strip().upper()
    head = f"{prefix.upper()}-"
    found = re.fullmatch(r"(\d{1,9})(?:-(\d{0,9}))?", typed.removeprefix(head))
    if found is None:
        return []
    first, rest = found[1], found[2]
    year = plausible_year(first)
    if rest is not None:  # 2027-0007 or 2027-
        if year is None:
            return []
        within = in_year(at_column, year)
        return [within] if not rest else [and_(id_column == int(rest), within)]
    if year is not None and typed.startswith(head):
        return [in_year(at_column, year)]
    return [id_column == int(first)] + ([] if year is None else [in_year(at_column, year)])


def in_year(at_column: Any, year: int) -> ColumnElement[bool]:
    """`at_column` falls in `year` as China counts it (the year a reference writes)."""
    start, end = china_year_span(year)
    return and_(at_column >= start, at_column < end)
