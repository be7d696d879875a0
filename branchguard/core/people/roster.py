"""The staff roster from a CSV file, as a new branch has it from HR's Excel sheet (Save as → CSV).

The first line names the columns, in Chinese or English, in any order: 姓名/name and 岗位/post are
required, 手机/mobile, 电话/phone, 在岗/on_duty and 备注/notes optional; a column of another name is
refused (a typo would lose its data). A post is given as the window words it (柜员, Teller) or as
its code (teller). The file is UTF-8 (with or without the BOM Excel writes for "CSV UTF-8") or
GBK/GB18030, what Excel saves as plain "CSV" on a Chinese Windows; commas, semicolons or tabs
separate the cells. Every row is checked as the window's form checks it, and the first refusal
names the file, its line and its column; nothing is added unless every row holds (the service adds
them in one transaction).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import MB, InputRejected, not_text
from branchguard.core.kernel.types import member_named
from branchguard.core.people.types import BranchRole, PersonInput

MAX_BYTES = 1 * MB
MAX_ROWS = 1000  # a branch has tens of staff; a file of thousands is the wrong file

# column -> the names its heading may have (compared without case and spaces)
HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "name"),
    "post": ("岗位", "post", "branch_role"),
    "mobile": ("手机", "手机号", "手机号码", "mobile"),
    "phone": ("电话", "座机", "phone"),
    "on_duty": ("在岗", "on_duty", "onduty"),
    "notes": ("备注", "notes"),
}
REQUIRED = ("name", "post")
# which column a refusal of PersonInput's checks is about
_COLUMN_OF = {
    "field.name": "name",
    "field.branch_role": "post",
    "field.mobile": "mobile",
    "field.phone": "phone",
    "field.notes": "notes",
}
_YES = {"", "是", "在岗", "y", "yes", "true", "1", "✓", "√"}
_NO = {"否", "不在岗", "离岗", "n", "no", "false", "0", "✗", "×"}


@dataclass(frozen=True)
class RosterRow:
    line: int  # in the file, from 1 (the headings' line is 1)
    person: PersonInput


@dataclass(frozen=True)
class Roster:
    source: str  # the file's name, as refusals name it
    rows: tuple[RosterRow, ...]
    headings: dict[str, str]  # column -> its heading as the file spells it

    def refusal(self, row: RosterRow, exc: ValidationError) -> ValidationError:
        """`exc` (a check of the row's person) placed at the row's line and column."""
        column = self.headings.get(_COLUMN_OF.get(exc.field, ""), exc.field_label())
        return refused(self.source, row.line, column, exc.reason_message)


def refused(source: str, line: int, column: str, reason: Message) -> ValidationError:
    where = Message("roster.at", file=source, line=line, column=column) if column else None
    return ValidationError(where or Message("roster.at_line", file=source, line=line), reason)


def read_roster(data: bytes, source: str) -> Roster:
    """The rows of a roster file, each person checked; ValidationError names file, line and column."""
    if len(data) > MAX_BYTES:
        raise InputRejected("field.file", Message("input.too_big", name=source, limit=MAX_BYTES // MB))
    text = _decoded(data, source)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise ValidationError(Message("roster.at_file", file=source), Message("roster.empty"))
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    table = list(csv.reader(io.StringIO(text), dialect))
    columns = _headings(table[0], source)
    spelled = {column: table[0][index].strip() for column, index in columns.items()}
    rows: list[RosterRow] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # the blank lines Excel leaves at the end
        if len(rows) >= MAX_ROWS:
            raise refused(source, number, "", Message("roster.too_many", limit=MAX_ROWS))
        rows.append(RosterRow(number, _person(cells, columns, spelled, source, number)))
    if not rows:
        raise ValidationError(Message("roster.at_file", file=source), Message("roster.empty"))
    return Roster(source, tuple(rows), spelled)


def _decoded(data: bytes, source: str) -> str:
    kind = not_text(data)
    if kind is not None:  # an .xlsx saved as is, not as CSV: said so
        raise ValidationError(Message("roster.at_file", file=source), Message("roster.not_csv", kind=kind))
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ValidationError(Message("roster.at_file", file=source), Message("roster.encoding"))


def _headings(cells: list[str], source: str) -> dict[str, int]:
    known = {name.lower(): column for column, names in HEADINGS.items() for name in names}
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        heading = "".join(cell.split()).lower()
        if not heading:
            continue
        column = known.get(heading)
        if column is None:
            raise refused(source, 1, cell.strip(), Message("roster.unknown_heading", allowed=_allowed()))
        if column in found:
            raise refused(source, 1, cell.strip(), Message("roster.heading_twice"))
        found[column] = index
    missing = [HEADINGS[c][0] for c in REQUIRED if c not in found]
    if missing:
        raise refused(source, 1, "", Message("roster.missing_heading", names="、".join(missing)))
    return found


def _allowed() -> str:
    return ", ".join(f"{names[0]}/{next(n for n in names if n.isascii())}" for names in HEADINGS.values())


def _person(
    cells: list[str], columns: dict[str, int], spelled: dict[str, str], source: str, line: int
) -> PersonInput:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    post = post_named(cell("post"))
    if post is None:
        reason = Message("roster.unknown_post", value=cell("post"), posts=_posts())
        raise refused(source, line, spelled["post"], reason)
    duty = cell("on_duty").lower()
    if duty not in _YES | _NO:
        raise refused(source, line, spelled["on_duty"], Message("roster.bad_duty", value=cell("on_duty")))
    return PersonInput(
        name=cell("name"),
        branch_role=post,
        mobile=cell("mobile"),
        phone=cell("phone"),
        on_duty=duty not in _NO,
        notes=cell("notes"),
    )


def post_named(value: str) -> BranchRole | None:
    """The post `value` names: its code (teller) or its name in either language (柜员, Teller)."""
    return member_named(BranchRole, value)


def _posts() -> str:
    return "、".join(role.label for role in BranchRole)
