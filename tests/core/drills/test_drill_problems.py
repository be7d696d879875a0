"""A drill's problems, one a line, become hazards one at a time (core/drills/problems.py)."""

from __future__ import annotations

from branchguard.core.drills.problems import listed, next_unrecorded

FOUND = "1. 金库人员撤离慢\n\n2、应急广播听不清\n（3）灭火器过期\n- 集合点无人清点"


def test_the_problems_are_read_one_a_line_without_their_list_markers() -> None:
    assert listed(FOUND) == ["金库人员撤离慢", "应急广播听不清", "灭火器过期", "集合点无人清点"]
    assert listed("") == [] and listed("  \n ") == []


def test_a_number_that_is_part_of_the_problem_is_kept() -> None:
    """Found in a trial: "110 报警延迟" lost its 110 and "1.5米通道" became "5米通道"."""
    found = "110 报警延迟约 1 分钟\n1.5米通道被占用\n3 分钟内未完成疏散\n24小时值班未落实\n2楼灭火器过期"
    assert listed(found) == found.split("\n")
    chinese = "一、金库门未关\n（二）广播听不清\n③ 集合点无人清点\n十、备用电源未试"
    assert listed(chinese) == ["金库门未关", "广播听不清", "集合点无人清点", "备用电源未试"]


def test_the_next_is_the_first_no_hazard_begins_with() -> None:
    assert next_unrecorded(FOUND, []) == "金库人员撤离慢"
    # the lead added to the words the first hazard started with
    recorded = ["金库人员撤离慢，超过 3 分钟", "灭火器过期"]
    assert next_unrecorded(FOUND, recorded) == "应急广播听不清"
    recorded += ["应急广播听不清", "集合点无人清点"]
    assert next_unrecorded(FOUND, recorded) == ""


def test_markers_from_review_and_a_problem_inside_another() -> None:
    """A dash before a number is a minus ("-5℃"), full-width stops end a number marker, and a hazard
    for "消防通道堵塞" does not hold "消防通道" (found in review)."""
    found = "-5℃冷库温度异常\n1．门禁失灵\n2。广播听不清"
    assert listed(found) == ["-5℃冷库温度异常", "门禁失灵", "广播听不清"]
    assert next_unrecorded("消防通道\n消防通道堵塞", ["消防通道堵塞"]) == "消防通道"
    assert next_unrecorded("消防通道\n消防通道堵塞", ["消防通道，已清理"]) == "消防通道堵塞"
