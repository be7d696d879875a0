"""`--json` output: a list is streamed item by item, and the text is what dumping it whole gives."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from branchguard.cli.common import print_json, to_jsonable


@dataclass(frozen=True)
class Row:
    name: str
    at: datetime
    tags: tuple[str, ...]


VALUES: list[Any] = [
    [
        Row("灭火器\n过期", datetime(2026, 1, 2, tzinfo=UTC), ("a", "b")),
        Row("x", datetime(2026, 1, 3, tzinfo=UTC), ()),
    ],
    [],
    [[]],
    [{}],
    [1, "二", None],
    {"rows": [1, 2]},
    Row("one", datetime(2026, 1, 2, tzinfo=UTC), ()),
    # rows of scalars (written by the C encoder) among others, with what JSON escapes
    [
        {"id": 1, "title": '灭火器"过期"\n\t\\', "due": None, "ok": True, "score": 0.5, "n": -3},
        {"nested": {"a": 1}},
        {"": ""},
    ],
    # rows with an empty list (written by the C encoder, as `[]`) and with a full one (not)
    [
        {"id": 1, "milestones": [], "title": "二"},
        {"id": 2, "milestones": ["plan", "interim"], "title": None},
        {"id": 3, "milestones": [], "nested": {}},
    ],
]


@pytest.mark.parametrize("value", VALUES)
def test_streamed_json_is_the_whole_dump(value: Any, capsys: pytest.CaptureFixture[str]) -> None:
    print_json(value)
    out = capsys.readouterr().out
    assert out == json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out) == to_jsonable(value)


def test_a_list_is_written_item_by_item(monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            writes.append(text)

    monkeypatch.setattr("sys.stdout", Out())
    print_json(list(range(5)))
    assert len(writes) >= 6  # the opening and one write per item, not one write of the whole text
