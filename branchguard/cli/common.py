"""Shared pieces of the sub-commands: the CLI actor, JSON and table output, error lines."""

from __future__ import annotations

import argparse
import dataclasses
import enum
import getpass
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from branchguard.core.kernel.types import Actor, Role

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.config import RuntimeConfig
    from branchguard.context import AppContext

Handler = Callable[["AppContext", argparse.Namespace], int]
ConfigHandler = Callable[["RuntimeConfig", argparse.Namespace], int]


def cli_actor() -> Actor:
    """Whoever runs the command line on this PC can read and write the database file directly,
    so the CLI acts with the safety lead's rights; the audit trail names the OS account."""
    try:
        who = getpass.getuser()
    except Exception:  # no login name (some service accounts)
        who = "unknown"
    return Actor(user_id=None, username=f"cli:{who}"[:64], role=Role.LEAD)


def fail(message: str) -> int:
    print(f"branchguard: error: {message}", file=sys.stderr)
    return 1


def warn(message: str) -> None:
    print(f"branchguard: warning: {message}", file=sys.stderr)


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    """`value` as indented JSON. A list is streamed item by item, each converted and written as it
    comes (the same text as dumping it whole): the first rows of a long list appear at once, and no
    converted copy of the whole list is held."""
    if not isinstance(value, list | tuple) or not value:
        json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    sys.stdout.write("[")
    for n, item in enumerate(value):
        text = json.dumps(to_jsonable(item), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        sys.stdout.write(("," if n else "") + "\n  " + text)
    sys.stdout.write("\n]\n")


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


def local_time(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""
