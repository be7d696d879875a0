"""print_table lines columns up by terminal width: CJK characters take two columns."""

from __future__ import annotations

import pytest

from branchguard.cli.common import _width, print_table
from branchguard.core.kernel.i18n import set_language, t


@pytest.mark.parametrize("text", ["", "abc", "消防检查", "a消b", "ÿé", "\u2e80x", "\u2e81", "😀 ok", "ＡＢ"])
def test_width_counts_two_columns_from_u2e81_on(text: str) -> None:
    assert _width(text) == sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def test_columns_line_up_with_wide_and_narrow_cells(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("zh_CN")
    print_table(["#", "field.title"], [(1, "消防检查"), (22, "fire drill")])
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["#   标题", "--  ----------", "1   消防检查", "22  fire drill"]


def test_headers_are_message_keys_worded_in_the_language_of_the_moment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        set_language("en")
        print_table(["cli.id", "field.title", ""], [])
        set_language("zh_CN")
        print_table(["cli.id", "field.title", ""], [])
    finally:
        set_language("zh_CN")
    english, _rule, chinese, _rule2 = capsys.readouterr().out.splitlines()
    assert english.split() == [t("cli.id", "en"), t("field.title", "en")]
    assert chinese.split() == [t("cli.id", "zh_CN"), t("field.title", "zh_CN")]
    with pytest.raises(ValueError, match="locked_until"):
        print_table(["locked_until"], [])  # a header that is no message key is a mistake, not shown
