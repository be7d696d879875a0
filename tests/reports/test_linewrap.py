"""Line breaking for plain-string table cells: within the width, Chinese punctuation rules, words kept."""

from __future__ import annotations

import pytest

from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.linewrap import LineWrapper


@pytest.fixture(scope="module")
def wrapper() -> LineWrapper:
    return LineWrapper(find_cjk_font().name, 9)


def test_chinese_breaks_anywhere_but_never_before_closing_punctuation(wrapper: LineWrapper) -> None:
    text = "疏散全部客户及员工至停车场集合点，清点人数后报告现场总指挥。" * 5
    room = 9 * 11.5  # a little over eleven characters
    lines = wrapper.wrap(text, room).split("\n")
    assert len(lines) > 5 and "".join(lines) == text
    assert all(wrapper.width(line) <= room for line in lines)
    assert not any(line[0] in "，。" for line in lines)


def test_english_breaks_at_spaces_and_cuts_only_overlong_words(wrapper: LineWrapper) -> None:
    text = "Count customers and staff at the assembly point and report to the commander " + "x" * 80
    room = 120.0
    lines = wrapper.wrap(text, room).split("\n")
    assert all(wrapper.width(line) <= room for line in lines)
    cut = [line for line in lines if set(line) == {"x"}]
    assert len(cut) > 1 and "".join(cut) == "x" * 80
    # The other words whole and in order, one line holding several.
    assert " ".join(line for line in lines if line not in cut).split() == text.split()[:-1]
    assert len(lines) - len(cut) < len(text.split()) / 2


def test_line_breaks_in_the_text_are_kept(wrapper: LineWrapper) -> None:
    assert wrapper.wrap("第一行\n第二行", 200) == "第一行\n第二行"
    assert wrapper.wrap("", 200) == ""
