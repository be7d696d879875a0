"""print_table lines columns up by terminal width: CJK characters take two columns."""

from __future__ import annotations

import pytest

from branchguard.cli.common import _width, print_table


@pytest.mark.parametrize("text", ["", "abc", "消防检查", "a消b", "ÿé", "\u2e80x", "\u2e81", "😀 ok", "ＡＢ"])
def test_width_counts_two_columns_from_u2e81_on(text: str) -> None:
    assert _width(text) == sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def test_columns_line_up_with_wide_and_narrow_cells(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(["ID", "标题"], [(1, "消防检查"), (22, "fire drill")])
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["ID  标题", "--  ----------", "1   消防检查", "22  fire drill"]
