"""Every table the command line prints has its headers in the language of `--lang`: under zh_CN no
header is an English word (issue #17: `audit list`, `user list`, `people list` … printed codes)."""

from __future__ import annotations

import re

import pytest

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Commands that print a table on the demo's data (one of each table-printing module).
TABLES = [
    ("audit", "list", "--limit", "5"),
    ("user", "list"),
    ("people", "list"),
    ("contacts", "list"),
    ("incident", "list"),
    ("action", "list"),
    ("drill", "list"),
    ("schedule", "list"),
    ("schedule", "due", "--window", "next_7_days"),
    ("playbook", "list"),
    ("inspection", "templates"),
    ("compliance",),
    ("hazard", "list"),
    ("complaint", "categories"),
    ("dashboard",),
]


@pytest.mark.parametrize("args", TABLES, ids=lambda a: " ".join(a))
def test_table_headers_follow_the_language(demo_run, args) -> None:
    code, out, err = demo_run(*args, lang="zh_CN")
    assert code == 0, err
    lines = out.splitlines()
    rules = [i for i, line in enumerate(lines) if line and set(line) <= {"-", " "} and "--" in line]
    assert rules, out  # the table's rule under its header
    for i in rules:
        header = lines[i - 1]
        assert not LATIN_WORD.search(header), (args, header)
        if args != ("dashboard",):  # its marker columns have no header, on purpose
            # every column named: the rule's dashes are one run per column
            assert len(re.split(r"\s{2,}", header.strip())) == len(lines[i].split()), (args, header)
    assert not re.search(r"\b(True|False|None)\b", out), (args, out)  # Python's words are not data
