"""A new branch's roster from HR's sheet saved as CSV (core/people/roster.py): UTF-8 with or without
Excel's BOM and GBK (Excel's plain "CSV" on a Chinese Windows) read alike; a bad row in the middle
(a post that is none, a mobile cut short, a person twice, someone on the roster already) is named by
file, line and column and adds nobody; a sheet saved as .xlsx, a PDF or an empty file is said to be
what it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.people.roster import read_roster
from branchguard.core.people.types import BranchRole

SHEET = (
    "姓名,岗位,手机,电话,在岗,备注\n"
    "欧阳澜,网点负责人,13900000001,,是,\n"
    "司马青,大堂经理,139 0000 0002,010-88886666,是,周末值班\n"
    "诸葛雯,teller,13900000003,,否,产假\n"
    ",,,,,\n"  # the blank line Excel leaves
)


@pytest.mark.parametrize(
    "data",
    [
        SHEET.encode(),
        b"\xef\xbb\xbf" + SHEET.encode(),
        SHEET.encode("gbk"),
        SHEET.replace(",", "\t").encode(),
    ],
    ids=["utf-8", "excel-utf-8-bom", "gbk", "tabs"],
)
def test_a_sheet_saved_as_csv_adds_everyone_in_one_go(ctx: AppContext, lead: Actor, data: bytes) -> None:
    added = ctx.services.people.import_roster(lead, read_roster(data, "名单.csv"))
    assert [(p.name, p.branch_role, p.on_duty) for p in added] == [
        ("欧阳澜", BranchRole.BRANCH_HEAD, True),
        ("司马青", BranchRole.LOBBY_MANAGER, True),
        ("诸葛雯", BranchRole.TELLER, False),
    ]
    stored = {p.name: p for p in ctx.services.people.list_people(lead)}
    assert stored["司马青"].mobile == "13900000002" and stored["司马青"].notes == "周末值班"


def test_a_dry_run_checks_and_writes_nothing(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object]
) -> None:
    before = snapshot()
    roster = read_roster(SHEET.encode(), "名单.csv")
    assert len(ctx.services.people.import_roster(lead, roster, dry_run=True)) == 3
    assert snapshot() == before


@pytest.mark.parametrize(
    ("bad_line", "said"),
    [
        ("钱二,出纳,13900000012", "名单.csv 第 3 行“岗位”列：“出纳”不是岗位；岗位有 网点负责人"),
        ("钱二,柜员,1390000", "名单.csv 第 3 行“手机”列：“1390000”不是有效的手机号码"),
        ("赵一,柜员,13900000011", "名单.csv 第 3 行“手机”列：与第 2 行为同一人（姓名和手机号相同）"),
        ("孙三,柜员,13800000000", "名单.csv 第 3 行“手机”列：名册中已有使用此手机号的 孙三"),  # on the roster
        (",柜员,13900000012", "名单.csv 第 3 行“姓名”列："),
    ],
    ids=["unknown-post", "mobile-cut-short", "twice-in-the-file", "on-the-roster-already", "no-name"],
)
def test_a_bad_row_in_the_middle_is_named_and_adds_nobody(
    ctx: AppContext, lead: Actor, snapshot: Callable[[], object], bad_line: str, said: str
) -> None:
    from branchguard.core.people.types import PersonInput

    ctx.services.people.add_person(lead, PersonInput("孙三", BranchRole.TELLER, mobile="13800000000"))
    set_language("zh_CN")
    before = snapshot()
    data = f"姓名,岗位,手机\n赵一,柜员,13900000011\n{bad_line}\n周五,保安,13900000021\n".encode()
    with pytest.raises(ValidationError) as refused:
        ctx.services.people.import_roster(lead, read_roster(data, "名单.csv"))
    assert str(refused.value).startswith(said), str(refused.value)
    assert snapshot() == before  # 赵一, before the bad row, was not added either


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "名单.csv：文件中没有人员"),
        ("姓名,岗位\n".encode(), "名单.csv：文件中没有人员"),
        (
            "姓名,职务,手机\n赵一,柜员,13900000011\n".encode(),
            "名单.csv 第 1 行“职务”列：不是名单的列；可用的列为 姓名/name",
        ),
        ("姓名,手机\n赵一,13900000011\n".encode(), "名单.csv 第 1 行：第一行须为列名，且包含 岗位"),
        ("姓名,岗位,在岗\n赵一,柜员,也许\n".encode(), "名单.csv 第 2 行“在岗”列：“也许”既不是"),
        (  # the sheet saved as .xlsx
            b"PK\x03\x04\x14\x00\x06\x00",
            "名单.csv：文件是 zip 压缩包（总行资料库、备份或 Excel 工作簿？），不是文本文件："
            "请先将表格另存为 CSV",
        ),
        (b"%PDF-1.4\n", "名单.csv：文件是 PDF 文档，不是文本文件"),
        (b"\x81\x30\xff\xfe\x00\x00", "名单.csv：文件既不是 UTF-8 也不是 GBK 文本"),
    ],
    ids=["empty", "headings-only", "unknown-column", "no-post", "bad-on-duty", "xlsx", "pdf", "binary"],
)
def test_a_file_that_is_no_roster_says_what_is_wrong_and_where(data: bytes, said: str) -> None:
    set_language("zh_CN")
    with pytest.raises(ValidationError) as refused:
        read_roster(data, "名单.csv")
    assert str(refused.value).startswith(said), str(refused.value)
