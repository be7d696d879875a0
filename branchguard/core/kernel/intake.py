"""Files from outside, refused early and cheaply: the one guard every importer reads through.

A file someone hands the app (an exchange file, a scores file, a photo, a backup archive) may be
anything: a device that never ends (/dev/zero), a FIFO that blocks on open, a directory, a file of
50 MB, a document nested 200,000 levels deep or holding millions of tiny values. Each is refused with
a message naming the field before it costs time or memory:

- `open_file` / `read_file`: the path must be a regular file (stat before open, then opened without
  blocking and checked again on the open handle) no larger than the caller's limit;
- `load_yaml`: YAML (and JSON, which it reads too) built from the parser's event stream with an
  explicit stack, so depth and element count are checked while parsing and nothing recurses: no
  RecursionError and no crash in the C parser's composer. Aliases and non-standard tags are refused
  (an alias is how a few lines expand to gigabytes);
- `load_json`: JSON whose nesting is measured by a flat scan before `json` (which recurses) sees it;
- `utf8` / `without_bom`: text files proved UTF-8 (a GB18030 or UTF-16 file from an older editor is
  named as such, with the way to save it as UTF-8; a zip or a PDF picked by mistake by its kind)
  and read without the BOM Windows Notepad writes.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

Place = tuple[str | int, ...]
MB = 1024 * 1024

# What reading a damaged zip raises besides OSError: a bad CRC or a member cut short (BadZipFile,
# EOFError), a changed byte inside a compressed stream (zlib.error, which is none of the others).
ZIP_DAMAGE: tuple[type[Exception], ...] = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error)


@dataclass(frozen=True)
class Limits:
    """How much of a document an importer accepts: bytes before parsing, depth and elements while."""

    max_bytes: int
    max_depth: int = 32
    max_items: int = 200_000


class InputRejected(ValidationError):
    """A file refused before or while parsing; `line` (1-based) and `path` say where, when known."""

    def __init__(
        self, field: str | Message, reason: Message, line: int | None = None, path: Place = ()
    ) -> None:
        super().__init__(field, reason, path)
        self.line = line

    def located(self) -> InputRejected:
        """The same refusal with its line in the words ("第 5 行：…"), for a reader that has no
        place of its own to print it (the playbook importer prints "FILE: 第 5 行" itself)."""
        if self.line is None:
            return self
        reason = Message("input.at_line", line=self.line, reason=self.reason_message)
        return InputRejected(self.field_message or "", reason, self.line, self.path)


def megabytes(size: int) -> str:
    """A size in MB as a person reads it: whole from 10 MB up (20, 67), one decimal below (1.5),
    two figures below 0.1 (0.00098); never six figures (67.1103)."""
    mb = size / MB
    if mb >= 10 or mb == int(mb):
        return f"{mb:.0f}"
    return f"{mb:.1f}" if mb >= 0.1 else f"{mb:.2g}"


def too_big(name: str, limit: int) -> Message:
    """"<name> is larger than <limit>": in KB below a megabyte (a key file's 64 KB read "0.062 MB"),
    in bytes below a kilobyte."""
    if limit < 1024:
        return Message("input.too_big_bytes", name=name, limit=limit)
    if limit < MB:
        return Message("input.too_big_kb", name=name, limit=megabytes(limit * 1024))
    return Message("input.too_big", name=name, limit=megabytes(limit))


# -- files ------------------------------------------------------------------------------------------
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def _refuse_kind(path: Path, mode: int, field: str | Message) -> None:
    if stat.S_ISDIR(mode):
        raise InputRejected(field, Message("input.is_folder", path=str(path)))
    if not stat.S_ISREG(mode):
        raise InputRejected(field, Message("input.not_regular", path=str(path)))


def _unreadable(path: Path, exc: OSError, field: str | Message) -> InputRejected:
    if isinstance(exc, FileNotFoundError):
        return InputRejected(field, Message("input.no_file", path=str(path)))
    return InputRejected(field, Message("input.unreadable", path=str(path), error=exc.strerror or str(exc)))


def check_size(size: int, limit: int, field: str | Message, name: str) -> None:
    if size > limit:
        raise InputRejected(field, too_big(name, limit))


@contextmanager
def open_file(path: Path | str, limit: int, field: str | Message) -> Iterator[IO[bytes]]:
    """A regular file of at most `limit` bytes, opened for reading: devices, FIFOs, sockets and
    folders are refused before anything is read, and opening never waits on a writer."""
    path = Path(path)
    try:
        _refuse_kind(path, os.stat(path).st_mode, field)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _unreadable(path, exc, field) from None
    try:
        st = os.fstat(fd)  # what was opened, not what the name pointed to a moment ago
        _refuse_kind(path, st.st_mode, field)
        check_size(st.st_size, limit, field, path.name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_file(path: Path | str, limit: int, field: str | Message) -> bytes:
    """The whole of a regular file of at most `limit` bytes (a file growing meanwhile is refused)."""
    with open_file(path, limit, field) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise _unreadable(Path(path), exc, field) from None
    check_size(len(data), limit, field, Path(path).name)
    return data


# -- text -------------------------------------------------------------------------------------------
def without_bom(data: bytes) -> bytes:
    """The bytes without the UTF-8 byte order mark Windows Notepad puts before text it saves (a
    key file, a YAML table): the text is the same, and a parser that expects "-----BEGIN" or a
    digit must not be refused by three invisible bytes."""
    return data.removeprefix(codecs.BOM_UTF8)


def utf8(data: bytes, field: str | Message) -> bytes:
    """The bytes without a BOM, once proved UTF-8 text without NUL (checked a chunk at a time: never
    a second copy of a large file as text); InputRejected names a file of another kind by its kind,
    else the text's encoding or first bad byte, and its line."""
    kind = not_text(data)
    if kind is not None:
        raise InputRejected(field, kind)
    data = without_bom(data)
    decoder, chunk = codecs.getincrementaldecoder("utf-8")(), MB
    for at in range(0, len(data) + 1, chunk):
        try:
            decoder.decode(data[at : at + chunk], final=at + chunk >= len(data))
        except UnicodeDecodeError as exc:
            offset = max(0, at + exc.start)
            raise _not_utf8(field, data, offset) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _not_utf8(field, data, nul)
    return data


# Files that are no text at all, told by their first bytes: a zip (a library, a backup, a workbook),
# a PDF, an older Office file or a picture picked by mistake is named, not reported as a bad byte.
_KINDS = (
    (b"PK\x03\x04", "input.kind.zip"),
    (b"PK\x05\x06", "input.kind.zip"),
    (b"%PDF", "input.kind.pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "input.kind.office"),
    (b"\x89PNG", "input.kind.picture"),
    (b"\xff\xd8\xff", "input.kind.picture"),
)


def not_text(data: bytes) -> Message | None:
    """What a file that is no text is (a zip, a PDF, an older Office file, a picture), or None."""
    return next((Message(key) for magic, key in _KINDS if data.startswith(magic)), None)


def _not_utf8(field: str | Message, data: bytes, offset: int) -> InputRejected:
    """The refusal of text that is not UTF-8: UTF-16 and GBK/GB18030 text (what Notepad and Excel
    save on a Chinese Windows) by its encoding and the way to save it as UTF-8, anything else by its
    first bad byte; a line wherever a byte is named."""
    line = data.count(b"\n", 0, offset) + 1
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return InputRejected(field, Message("input.encoding_utf16"))
    try:  # the first megabyte is enough to tell; a character cut at its end is not a fault
        codecs.getincrementaldecoder("gb18030")().decode(data[:MB], final=len(data) <= MB)
    except UnicodeDecodeError:
        return InputRejected(field, Message("input.encoding", offset=offset), line)
    if b"\x00" in data[:MB]:
        return InputRejected(field, Message("input.encoding", offset=offset), line)
    return InputRejected(field, Message("input.encoding_gb", offset=offset), line)


# -- YAML -------------------------------------------------------------------------------------------
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _loader_class() -> type:
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return base


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


class _Frame:
    __slots__ = ("container", "key", "key_line", "path")

    def __init__(self, container: list[Any] | dict[Any, Any], path: Place) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_line: int | None = None

    def place(self) -> Place:
        if isinstance(self.container, list):
            return (*self.path, len(self.container))
        return (*self.path, self.key) if isinstance(self.key, str | int) else self.path


_NO_KEY = object()


def load_yaml(data: bytes | str, limits: Limits, field: str | Message, *, text_keys: bool = False) -> Any:
    """The document's plain value (dicts, lists, scalars); InputRejected names line and path of the
    first thing refused: too big, not UTF-8, too deep, too many elements, an alias, a tag, a repeated
    key (or, with `text_keys`, a key that is not text), or a syntax error (its column and a hint)."""
    import yaml

    size = len(data)
    if size > limits.max_bytes:
        raise InputRejected(field, too_big("", limits.max_bytes))
    if isinstance(data, bytes):
        data = utf8(data, field)
    loader = _loader_class()(data)
    constructors = loader.yaml_constructors
    stack: list[_Frame] = []
    items = 0
    root: Any = None
    event: Any = None

    def refuse(reason: Message, place: Place, line: int | None) -> InputRejected:
        return InputRejected(field, reason, line, place)

    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.AliasEvent:
                raise refuse(Message("input.alias"), stack[-1].place() if stack else (), _line(event))
            if kind in (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent):
                items += 1
                if items > limits.max_items:
                    raise refuse(
                        Message("input.too_many", limit=limits.max_items),
                        stack[-1].place() if stack else (),
                        _line(event),
                    )
                if kind is yaml.ScalarEvent:
                    value: Any = _scalar(loader, constructors, event)
                else:
                    if len(stack) >= limits.max_depth:
                        raise refuse(
                            Message("input.too_deep", limit=limits.max_depth),
                            stack[-1].place() if stack else (),
                            _line(event),
                        )
                    tag = event.tag
                    default = _SEQ if kind is yaml.SequenceStartEvent else _MAP
                    if tag not in (None, "!", default):
                        raise refuse(
                            Message("input.tag", tag=tag), stack[-1].place() if stack else (), _line(event)
                        )
                    value = [] if kind is yaml.SequenceStartEvent else {}
            elif kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                frame = stack.pop()
                value = frame.container
                if not stack:
                    root = value
                    continue
                _add(stack[-1], value, None, text_keys, refuse)
                continue
            else:  # stream and document start/end
                if kind is yaml.DocumentStartEvent and root is not None:
                    raise refuse(Message("input.documents"), (), _line(event))
                continue
            if isinstance(value, list | dict):
                stack.append(_Frame(value, stack[-1].place() if stack else ()))
                continue
            if not stack:
                root = value
                continue
            _add(stack[-1], value, _line(event), text_keys, refuse)
    except InputRejected:
        raise
    except _NoSuchDate as exc:
        place = stack[-1].place() if stack else ()
        raise refuse(Message("input.no_such_date", value=exc.value), place, _line(event)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise refuse(_syntax(exc, mark.column + 1 if mark else None), (), line) from None
    except yaml.reader.ReaderError as exc:  # a control character; the encoding was checked above
        # the C reader counts bytes, the Python one characters: each of what it was given
        if isinstance(data, str):
            line = data.count("\n", 0, exc.position) + 1
        else:
            line = data.count(b"\n", 0, exc.position) + 1
        code = f"{exc.character:04X}" if isinstance(exc.character, int) else str(exc.character)
        raise refuse(Message("input.yaml_character", code=code), (), line) from None
    except (yaml.YAMLError, ValueError, OverflowError, TypeError) as exc:
        raise refuse(Message("input.yaml", error=str(exc) or type(exc).__name__), (), _line(event)) from None
    finally:
        loader.dispose()
    return root


# What the parser's (English) problem suggests, as a hint in the user's language; the first match wins.
_HINTS = (
    ("tab", "input.yaml_hint.tab"),
    ("mapping values are not allowed", "input.yaml_hint.colon"),
    ("quoted scalar", "input.yaml_hint.quote"),
    ("flow", "input.yaml_hint.bracket"),
)


def _syntax(exc: Any, column: int | None) -> Message:
    """A syntax error as its column and a hint, not the parser's English words (the line is the
    InputRejected's, which every reader prints with its own place)."""
    said = f"{exc.problem or ''} {exc.context or ''}"
    hint = next((key for words, key in _HINTS if words in said), "input.yaml_hint.indent")
    if column is None:
        return Message("input.yaml_syntax", hint=Message(hint))
    return Message("input.yaml_syntax_at", column=column, hint=Message(hint))


def _scalar(loader: Any, constructors: dict[Any, Any], event: Any) -> Any:
    import yaml

    tag, value = event.tag, event.value
    if tag is None:  # plain: YAML 1.1's implicit types, as the safe loader resolves them
        tag = _STR
        if event.implicit[0]:
            resolvers = loader.yaml_implicit_resolvers
            for candidate, regexp in (*resolvers.get(value[:1], ()), *resolvers.get(None, ())):
                if regexp.match(value):
                    tag = candidate
                    break
    elif tag == "!":
        tag = _STR
    if tag == _STR:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    construct = constructors.get(tag) or constructors[None]  # unknown tags: construct_undefined refuses
    try:
        return construct(loader, node)
    except ValueError:
        if tag == _TIMESTAMP:  # 2026-13-40 or 2026-02-30: a date's shape, not on the calendar
            raise _NoSuchDate(value) from None
        raise


class _NoSuchDate(ValueError):
    """A plain scalar shaped as a date that no calendar has (the parser's words are English)."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def _add(frame: _Frame, value: Any, line: int | None, text_keys: bool, refuse: Any) -> None:
    container = frame.container
    if isinstance(container, list):
        container.append(value)
        return
    if frame.key is _NO_KEY:
        if isinstance(value, list | dict):
            raise refuse(Message("input.key_type", key=type(value).__name__), frame.path, line)
        if text_keys and not isinstance(value, str):
            raise refuse(Message("input.key_type", key=repr(value)), frame.path, line)
        if value in container:
            raise refuse(Message("input.duplicate_key", key=value), (*frame.path, value), line)
        frame.key, frame.key_line = value, line
        return
    container[frame.key] = value
    frame.key, frame.key_line = _NO_KEY, None


def line_of(data: bytes | str, place: Place) -> int | None:
    """The line where `place` (a path of keys and indexes) starts in a YAML document that loaded;
    for a place not in it, the line of its deepest parent, or of its key when only the key is there."""
    import yaml

    loader = _loader_class()(data)
    best: int | None = None
    stack: list[list[Any]] = []  # per open collection: [path, is_mapping, next index or key state]

    def path_here() -> Place | None:
        if not stack:
            return ()
        path, is_map, state = stack[-1]
        if is_map:
            return None if state is _NO_KEY else (*path, state)
        return (*path, state)

    try:
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                stack.pop()
                _advance(stack)
                continue
            if kind not in (
                yaml.ScalarEvent,
                yaml.SequenceStartEvent,
                yaml.MappingStartEvent,
                yaml.AliasEvent,
            ):
                continue
            here = path_here()
            if here is None:  # a mapping key
                path = stack[-1][0]
                key = event.value if kind is yaml.ScalarEvent else None
                if len(path) < len(place) and place[: len(path)] == path and key == str(place[len(path)]):
                    best = _line(event)
                stack[-1][2] = key
                continue
            if place[: len(here)] == here:
                best = _line(event)
                if here == place:
                    return best
            if kind in (yaml.SequenceStartEvent, yaml.MappingStartEvent):
                stack.append(
                    [here, kind is yaml.MappingStartEvent, _NO_KEY if kind is yaml.MappingStartEvent else 0]
                )
            else:
                _advance(stack)
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return best


def _advance(stack: list[list[Any]]) -> None:
    if stack:
        if stack[-1][1]:
            stack[-1][2] = _NO_KEY
        else:
            stack[-1][2] += 1


# -- JSON -------------------------------------------------------------------------------------------
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},]', re.DOTALL)
# The characters that tell a document's shape: quotes (where strings are), brackets and commas.
_NOT_SHAPE = bytes(c for c in range(256) if c not in b'"[]{},')
_SHAPE = bytes.maketrans(b"[{]}", b"(())")


def _within(data: bytes, limits: Limits) -> bool:
    """Whether `data` is surely within the depth and item limits, told at C speed: escaped quotes
    cut out, the rest reduced to its quotes, brackets and commas, the strings then cut out, the
    innermost pairs peeled off once per allowed level. For JSON it agrees with the token scan; on
    anything else json refuses it all the same. False sends the caller to the token scan, which
    says where a limit is passed.

    Two quotes side by side in the reduced text are either a string with no bracket or comma in
    it, or the end of one string and the start of the next with none between them: cutting both
    out leaves every bracket and comma on the same side of every string. Most strings go that way,
    at C speed, and only those holding brackets or commas are left to split out."""
    if b"\\" in data:  # an escaped quote does not end a string: escapes out first, left to right
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    reduced = data.translate(None, _NOT_SHAPE)
    strings, odd = divmod(reduced.count(b'"'), 2)
    if odd:  # a quote left open: not JSON; the token scan and json say so
        return False
    reduced = reduced.replace(b'""', b"")
    if b'"' in reduced:  # strings holding brackets or commas: every second quote closes one
        reduced = b"".join(reduced.split(b'"')[0::2])
    shape = reduced.translate(_SHAPE)
    if shape.count(b"(") + shape.count(b",") + strings > limits.max_items:
        return False
    nest = shape.replace(b",", b"")
    for _ in range(limits.max_depth):
        if not nest:
            return True
        nest = nest.replace(b"()", b"")
    return not nest


def _scan(data: bytes, limits: Limits, field: str | Message) -> None:
    """The token scan: refuses at the first token past a limit, naming its line."""
    depth = items = 0
    for match in _JSON_TOKENS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            items += 1
            if depth > limits.max_depth:
                line = data.count(b"\n", 0, match.start()) + 1
                raise InputRejected(field, Message("input.too_deep", limit=limits.max_depth), line)
        elif token in (b"]", b"}"):
            depth -= 1
        else:
            items += 1
        if items > limits.max_items:
            line = data.count(b"\n", 0, match.start()) + 1
            raise InputRejected(field, Message("input.too_many", limit=limits.max_items), line)


def load_json(data: bytes, limits: Limits, field: str | Message) -> Any:
    """JSON within the limits: its depth is measured by a flat scan first (`json` recurses). The
    scan in C (`_within`) answers for a document within them; the token scan below finds the line
    of one that is not (or is not JSON at all)."""
    if len(data) > limits.max_bytes:
        raise InputRejected(field, too_big("", limits.max_bytes))
    if not _within(data, limits):
        _scan(data, limits, field)
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise InputRejected(field, Message("input.json", error=str(exc))) from None
