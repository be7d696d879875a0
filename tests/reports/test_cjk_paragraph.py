"""Chinese report text never breaks inside a number or a Latin word (reports/cjk_paragraph.py): the
complaint register's channel column printed 监管转办（123 / 78、12363）."""

from __future__ import annotations

import itertools
import re

import pytest

from branchguard.core.kernel.i18n import set_language
from branchguard.reports.fonts import find_cjk_font
from branchguard.reports.template import make_styles, para

TEXTS = (
    "监管转办（12378、12363）",
    "经12378转办：对理财产品收费不满，要求退还 200.50 元",
    "ATM 吞卡两天未处理，客户电话 13800138000",
)


def _lines(text: str, width: float) -> list[str]:
    paragraph = para(text, make_styles(find_cjk_font("")).cell)
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:  # ReportLab's own: (extra space, [text])
        return ["".join(words) for _space, words in lines]
    return ["".join(frag.text for frag in line.words) for line in lines]


@pytest.mark.parametrize("text", TEXTS)
def test_no_line_ends_inside_a_number_or_a_word_at_any_width(text: str) -> None:
    set_language("zh_CN")
    for width in range(60, 200, 3):  # from about a narrow register column (a phone number fits)
        lines = _lines(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width  # nothing lost
        for before, after in itertools.pairwise(lines):
            joined = before[-1:] + after[:1]
            assert not re.fullmatch(r"[0-9A-Za-z.]{2}", joined), (width, lines)
            assert after[:1] not in "，。、）：" and before[-1:] not in "（", (width, lines)


def test_a_number_longer_than_the_line_is_still_cut_rather_than_overflow() -> None:
    set_language("zh_CN")
    lines = _lines("卡号6222020200112233445566", 40)
    assert len(lines) > 2 and "".join(lines) == "卡号6222020200112233445566"
