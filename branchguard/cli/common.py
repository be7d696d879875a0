"""Shared pieces of the sub-commands: the logged-in actor, JSON and table output, error lines."""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.config import RuntimeConfig
    from branchguard.context import AppContext

Handler = Callable[["AppContext", argparse.Namespace], int]
ConfigHandler = Callable[["RuntimeConfig", argparse.Namespace], int]


def cli_actor(args: argparse.Namespace) -> Actor:
    """The user who logged in for this command (cli/login.py): the services check that user's role
    and the audit trail records their name. A command exempt from the login has no actor."""
    actor: Actor | None = getattr(args, "logged_in", None)
    if actor is None:
        raise RuntimeError(f"{getattr(args, 'command', '?')}: a command without a login has no actor")
    return actor


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
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


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
