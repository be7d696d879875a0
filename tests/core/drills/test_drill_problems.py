"""A drill's problems, one a line, become hazards one at a time (core/drills/problems.py)."""

from __future__ import annotations

from branchguard.core.drills.problems import listed, next_unrecorded

FOUND = "1. 金库人员撤离慢\n\n2、应急广播听不清\n（3）灭火器过期\n- 集合点无人清点"


def test_the_problems_are_read_one_a_line_without_their_list_markers() -> None:
    assert listed(FOUND) == ["金库人员撤离慢", "应急广播听不清", "灭火器过期", "集合点无人清点"]
    assert listed("") == [] and listed("  \n ") == []


def test_the_next_is_the_first_no_hazard_begins_with() -> None:
    assert next_unrecorded(FOUND, []) == "金库人员撤离慢"
    # the lead added to the words the first hazard started with
    recorded = ["金库人员撤离慢，超过 3 分钟", "灭火器过期"]
    assert next_unrecorded(FOUND, recorded) == "应急广播听不清"
    recorded += ["应急广播听不清", "集合点无人清点"]
    assert next_unrecorded(FOUND, recorded) == ""
