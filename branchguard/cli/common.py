"""Shared pieces of the sub-commands: the logged-in actor, JSON and table output, error lines."""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from branchguard.cli.localized import parsing_language, refusal
from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.config import RuntimeConfig
    from branchguard.context import AppContext
    from branchguard.core.anchors.types import AnchorWrite
    from branchguard.core.incidents.types import FollowUpInput

Handler = Callable[["AppContext", argparse.Namespace], int]
ConfigHandler = Callable[["RuntimeConfig", argparse.Namespace], int]


# The help of a --json flag: a command that prints a table, and one that prints a record or figures.
JSON_TABLE_HELP = "print JSON instead of a table"
JSON_TEXT_HELP = "print JSON instead of text"
# The option past the refusal to start a plan whose real incident is open (one emergency, one
# log): `incident start`, `inspection escalate` and `warning start` alike.
DESPITE_OPEN_HELP = "start even though an incident of this plan is open: a second, separate event of its kind"


def cli_actor(args: argparse.Namespace) -> Actor:
    """The user who logged in for this command (cli/login.py): the services check that user's role
    and the audit trail records their name. A command exempt from the login has no actor."""
    actor: Actor | None = getattr(args, "logged_in", None)
    if actor is None:
        raise RuntimeError(f"{getattr(args, 'command', '?')}: a command without a login has no actor")
    return actor


def fail(message: str, status: int = 1) -> int:
    """Print `message` as the command's error, in the user's language as argparse's errors are, and
    return the exit status: 1, or 2 for a usage error like argparse's own (a wrong file suffix)."""
    from branchguard.core.kernel.i18n import t

    print(t("cli.error", message=printable(message)), file=sys.stderr)
    return status


def warn(message: str) -> None:
    from branchguard.core.kernel.i18n import t

    print(t("cli.warning", message=printable(message)), file=sys.stderr)


def anchor_warning(written: AnchorWrite) -> None:
    """A document is written either way; a missing anchor is said, with why."""
    if not written.written and written.problem is not None:
        warn(written.problem.text())


_SCALARS = frozenset({str, int, float, bool, type(None)})
_STR = frozenset({str})


def to_jsonable(value: Any) -> Any:
    if type(value) in _SCALARS:  # most values: answered before the dataclass and enum checks
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):  # a row's scalars kept as they are, not one call each
        return {str(k): v if type(v) in _SCALARS else to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


# What json leaves raw with ensure_ascii=False yet a terminal acts on: DEL, the C1 controls (CSI among
# them) and the bidirectional overrides. Escaped as \uXXXX they read back the same.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def print_json(value: Any) -> None:
    """`value` as indented JSON, with the characters a terminal would act on escaped. A list is
    streamed item by item, each converted and written as it comes (the same text as dumping it
    whole): the first rows of a long list appear at once, and no converted copy is held."""

    def emit(text: str) -> None:
        sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))

    if not isinstance(value, list | tuple) or not value:
        emit(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write("[")
    for n, item in enumerate(value):
        emit(("," if n else "") + "\n  " + _indented_item(item))
    sys.stdout.write("\n]\n")


def _indented_item(item: Any) -> str:
    """`item` (converted by to_jsonable) as json.dumps(indent=2) writes it, one level in. A flat
    object (a row: string keys, scalar values only, the common case, which to_jsonable leaves as it
    is and so is not converted) is written by the C encoder with the line breaks as its separators:
    indent=2 runs the pure-Python encoder, 0.5 s of `hazard list --json` at ten years (5,100 rows).
    tests/cli/test_print_json.py holds both ways to the same text. An empty list among the values
    (a hazard's outstanding milestones, most often none) is written as indent=2 writes it, `[]`, so
    its row stays on the C encoder: `hazard list --json`'s output at ten years took 145 ms, now 90."""
    if (  # the types checked by set, not a generator step per value (a tenth of the list's output)
        type(item) is dict
        and item
        and _flat(item)
        and _STR.issuperset(map(type, item))
    ):
        inner = json.dumps(item, ensure_ascii=False, separators=(",\n    ", ": "))
        return "{\n    " + inner[1:-1] + "\n  }"
    return json.dumps(to_jsonable(item), ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _flat(item: dict[Any, Any]) -> bool:
    """Whether every value is a scalar or an empty list: what the C encoder writes as indent=2 does."""
    types = set(map(type, item.values()))
    if list in types:
        types.discard(list)
        if any(type(v) is list and v for v in item.values()):
            return False
    return _SCALARS.issuperset(types)


# Characters from U+2E81 on (CJK and beyond) take two terminal columns. Written as "not up to
# U+2E80": the same characters, and one range Python's regex compiler sets up in under a millisecond,
# where the range up to U+10FFFF took ~9 ms of every command's start (a bitmap of the whole BMP).
_WIDE = re.compile("[^\x00-\u2e80]")


def _width(text: str) -> int:
    # Counted by one regex scan, not a Python step per character: `schedule list` at ten years
    # (6,200 rows) spent 0.7 s of its 2.9 s measuring cells.
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A table under translated headers: each header is a catalogue key (worded in the language of
    `--lang`), or a mark without letters ("", "#") printed as it is."""
    from branchguard.core.kernel.names import all_printable
    from branchguard.core.kernel.names import printable as clean

    headers = [clean(_header(h)) for h in headers]
    cells = [[str(c) for c in row] for row in rows]
    if not all_printable([c for row in cells for c in row]):  # nearly never: clean each cell
        cells = [[clean(c) for c in row] for row in cells]
    sized = [[(v, _width(v)) for v in row] for row in [headers, *cells]]
    widths = [max(row[i][1] for row in sized) for i in range(len(headers))]

    def line(values: Sequence[tuple[str, int]]) -> str:
        return "  ".join(v + " " * (w - n) for (v, n), w in zip(values, widths, strict=True)).rstrip() + "\n"

    # Written a block of lines at a time, not a print() per line: each write passes the terminal
    # check of printable_output, two per line; 6,200 rows (`schedule list` at ten years) 92 -> 47 ms.
    lines = [line(sized[0]), line([("-" * w, w) for w in widths])]
    for row in sized[1:]:
        lines.append(line(row))
        if len(lines) >= _TABLE_BLOCK:
            sys.stdout.write("".join(lines))
            lines = []
    sys.stdout.write("".join(lines))


_TABLE_BLOCK = 500


def _header(key: str) -> str:
    from branchguard.core.kernel.i18n import has_message, t

    if has_message(key):
        return t(key)
    if any(ch.isalpha() for ch in key):
        raise ValueError(f"table header {key!r} is not a message key: name it in a messages.py")
    return key


def local_time(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""


# -- argument types: numbers and dates refused at the door, the argument named -----------------------
# argparse words these as "argument ID: <message>" and exits 2, as for its own type errors.
def record_id(text: str) -> int:
    """A record's id: a whole number from 1 to 2^63-1 (the largest a database column holds)."""
    from branchguard.core.kernel.validation import MAX_ID

    value = _whole(text)
    if not 1 <= value <= MAX_ID:
        raise refusal("'%s' is not an id (a whole number from 1 to %s)", text, MAX_ID)
    return value


class HazardReference(int):
    """A record's id, with the register's reference it was given as (YH-2026-0007 or TS-2026-0007;
    "" for 7)."""

    reference = ""


def _reference(prefix: str, text: str) -> int:
    """A record as its register shows it (YH-2026-0007), or its number alone (7): its id, which
    carries the reference, for the command to check the year it names (`HazardReference`)."""
    import re

    found = re.fullmatch(rf"(?i){prefix}-(\d{{4}})-(\d{{1,18}})", text.strip())
    ref = HazardReference(record_id(found[2] if found else text))
    if found:
        ref.reference = f"{prefix}-{found[1]}-{int(ref):04d}"
    return ref


def hazard_reference(text: str) -> int:
    """A hazard as the register shows it (YH-2026-0007), or its number alone (7)."""
    return _reference("YH", text)


def complaint_reference(text: str) -> int:
    """A complaint as the register shows it (TS-2026-0007), or its number alone (7)."""
    return _reference("TS", text)


def entry_number(text: str) -> int:
    """A ledger entry's number: a whole number from 0 (before the first) to 2^63-1."""
    from branchguard.core.kernel.validation import MAX_ID

    value = _whole(text)
    if not 0 <= value <= MAX_ID:
        raise refusal("'%s' is not a ledger entry (a whole number from 0 to %s)", text, MAX_ID)
    return value


def named_path(text: str) -> Path:
    """A path that names something: "" is refused (as a Path it is the current folder, taken
    silently)."""
    if not text.strip():
        raise refusal("an empty path names no folder or file")
    return Path(text)


named_path.__name__ = "path"  # argparse names the type in its own messages


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argument type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        value = _whole(text)
        if not low <= value <= high:
            raise refusal("'%s' is not between %s and %s", text, low, high)
        return value

    parse.__name__ = "number"  # argparse names the type in its own messages
    return parse


def number(text: str) -> int:
    """An argument type: a whole number, its range left to the service that words the refusal as
    the window's form does (a lockout of 0 minutes: "Lock duration (minutes): …")."""
    return _whole(text)


def _whole(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.lstrip("+-").isdigit() or len(cleaned) > 30:
        raise refusal("'%s' is not a whole number", text)
    return int(cleaned)


D = TypeVar("D", date, datetime)


def within_years(value: D) -> D:
    """A parsed date (or a time's date) refused outside 1900–2200, for argparse to word."""
    from branchguard.core.kernel.validation import EARLIEST, LATEST

    if not EARLIEST <= (value.date() if isinstance(value, datetime) else value) <= LATEST:
        raise refusal("%s is outside %s to %s", value.isoformat(), EARLIEST, LATEST)
    return value


def follow_up_action(value: str) -> FollowUpInput:
    """A follow-up or corrective action given as TEXT|OWNER|YYYY-MM-DD (the date may be left out),
    as an incident's close and a complaint's archive take it."""
    from branchguard.core.incidents.types import FollowUpInput

    parts = [p.strip() for p in value.split("|")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise refusal("'%s' is not TEXT|OWNER|YYYY-MM-DD", value)
    due = None
    if len(parts) == 3 and parts[2]:
        try:
            due = within_years(date.fromisoformat(parts[2]))
        except ValueError:
            raise refusal("'%s' is not a date like 2026-12-31", parts[2]) from None
    return FollowUpInput(parts[0], parts[1], due)


def day(text: str) -> date:
    """A date YYYY-MM-DD from 1900 to 2200."""
    from branchguard.core.kernel.errors import ValidationError
    from branchguard.core.kernel.validation import day as checked_day

    try:
        return checked_day(date.fromisoformat(text.strip()), "field.date")
    except ValueError:
        raise refusal("'%s' is not a date like 2026-12-31", text) from None
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.reason_message.text(parsing_language())) from None


def printable(value: object) -> str:
    """One line of user text as the terminal may show it: no escape sequences, control or bidi
    characters (a newline becomes a space)."""
    from branchguard.core.kernel.names import printable as clean

    return clean(value)


class _PrintableStream:
    """A text stream that passes on what it is given without escape sequences, control or bidi
    characters (newlines kept): a title, a note or a file name cannot drive the terminal."""

    def __init__(self, stream: Any) -> None:
        from branchguard.core.kernel.names import printable as clean

        self._stream = stream
        self._clean = clean

    def write(self, text: str) -> int:
        self._stream.write(self._clean(text, keep_newlines=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def printable_output() -> Iterator[None]:
    """Everything a command prints on standard output goes through `_PrintableStream`."""
    original = sys.stdout
    sys.stdout = _PrintableStream(original)
    try:
        yield
    finally:
        sys.stdout = original
