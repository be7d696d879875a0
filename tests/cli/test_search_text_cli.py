"""A search too long for a list ends with one line naming the field, never a traceback with SQL
(SQLite once refused the LIKE pattern of a 60,000-byte search as "too complex"); `%` and `_` find
themselves, not every row."""

from __future__ import annotations

import json

import pytest

from branchguard.core.kernel.validation import SEARCH_LIMIT
from tests.cli.cli_support import Run
from tests.cli.test_hostile_cli import one_error_line

LONG = "ab " * 20_000


@pytest.mark.parametrize(
    "command",
    [
        ("incident", "list", "--search", LONG),
        ("audit", "list", "--text", LONG),
        ("hazard", "list", "--text", LONG),
        ("people", "list", "--search", "火" * 17_000),
        ("playbook", "list", "--search", LONG),
    ],
    ids=["incidents", "audit", "hazards", "people", "playbooks"],
)
def test_a_search_too_long_is_one_line_naming_the_field(demo_run: Run, command: tuple[str, ...]) -> None:
    err = one_error_line(demo_run(*command))
    assert err == f"branchguard: error: Search text: is longer than {SEARCH_LIMIT} characters\n"


def test_percent_and_underscore_list_nobody_who_lacks_them(demo_run: Run) -> None:
    for typed in ("%", "_"):
        for noun in ("people", "playbook"):
            code, out, err = demo_run(noun, "list", "--json", "--search", typed)
            assert (code, json.loads(out)) == (0, []), (noun, typed, err)
