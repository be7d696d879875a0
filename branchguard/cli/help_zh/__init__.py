"""The command line's help in Chinese: English text, as the code and argparse word it, to its Chinese.

One catalogue, kept in a module per area of commands (each a dict `HELP`); argparse's own words
(headings, "usage: ", its error messages) are here. The keys are the English texts exactly: a help
text changed in the code without its entry here falls back to English, and tests/cli/test_help_zh.py
fails. Imported only when help or a usage error is printed in Chinese (branchguard/cli/localized.py).
Terms are the product's own (branchguard/core/*/messages.py): 应急预案, 隐患台账, 安全负责人 …
"""

from __future__ import annotations

from branchguard.cli.help_zh import checks, general, records, response

# argparse's words (Python 3.11's argparse.py: its gettext calls), formats kept as they are
ARGPARSE: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可匹配 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "ignored explicit argument %r": "多余的参数值 %r 被忽略",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的子命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}

# the refusals of our own argument types (cli/localized.py `refusal`), a %s per value
REFUSALS: dict[str, str] = {
    "'%s' is not a whole number": "“%s”不是整数",
    "'%s' is not a post; the posts are %s": "“%s”不是岗位；岗位有 %s",
    "'%s' is not between %s and %s": "“%s”不在 %s 至 %s 之间",
    "'%s' is not an id (a whole number from 1 to %s)": "“%s”不是编号（1 至 %s 的整数）",
    "'%s' is not a ledger entry (a whole number from 0 to %s)": "“%s”不是账本条目号（0 至 %s 的整数）",
    "an empty path names no folder or file": "空路径不能指定任何文件夹或文件",
    "%s is outside %s to %s": "%s 不在 %s 至 %s 之间",
    "'%s' is not TEXT|OWNER|YYYY-MM-DD": "“%s”不符合 整改内容|责任人|YYYY-MM-DD 格式",
    "'%s' is not a date like 2026-11-29": "“%s”不是 2026-11-29 这样的日期",
    "'%s' is not a date like 2026-12-31": "“%s”不是 2026-12-31 这样的日期",
    "'%s' is not a time like 2026-12-31 09:30": "“%s”不是 2026-12-31 09:30 这样的时间",
    "'%s' is not a period like 2026, 2026-11, 2026-Q4 or 2026-11-01..2026-11-15": (
        "“%s”不是 2026、2026-11、2026-Q4 或 2026-11-01..2026-11-15 这样的期间"
    ),
    "'%s' is not an amount like 1250.50": "“%s”不是 1250.50 这样的金额",
    "'%s' is more than %s yuan": "“%s”超过 %s 元",
    "'%s' is not an amount in yuan with at most 2 decimals": "“%s”不是最多两位小数的金额（元）",
}


def _merged() -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in (ARGPARSE, REFUSALS, general.HELP, response.HELP, checks.HELP, records.HELP):
        twice = merged.keys() & part.keys()
        if twice:  # one English text, one Chinese: an entry is never written twice
            raise ValueError(f"translated twice: {sorted(twice)}")
        merged.update(part)
    return merged


HELP_ZH: dict[str, str] = _merged()
