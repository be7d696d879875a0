"""Dataclass methods compiled once and kept beside BranchGuard's bytecode, as Python keeps a module's.

Python keeps each module's bytecode in `__pycache__`, but not the methods `@dataclass` writes:
`__init__`, `__repr__`, `__eq__`, `__hash__` and a frozen class's `__setattr__`/`__delattr__` are
written out as text and compiled again at every start (`dataclasses` passes each text to `exec`),
about 0.4 ms a class. The window imports ~120 of BranchGuard's dataclasses before it shows its
data, a command 30-110.

`install()` (run by `branchguard/__init__.py`, before any of BranchGuard's classes exists) gives the
`dataclasses` module an `exec` of its own: for a text written for a class of BranchGuard's, it runs
the code compiled from that very text, found in the file under the text's SHA-256, and compiles
(and keeps) only a text it has not seen. Everything else goes to the built-in `exec` unchanged. The
same text compiles to the same code, so a class is made exactly as without the file; a changed
class has a different text and a different key. The file is read once, written at exit when
something was compiled, and only where Python itself would write bytecode (not with
PYTHONDONTWRITEBYTECODE, not where the package folder is read-only): it is as trusted as the `.pyc`
files beside it. A file that cannot be read, or was written by another Python, is ignored.

Measured (docs/architecture.md, "Speed tricks"): process CPU of the window's start to data shown on
the demo data, nine interleaved runs (load 1): median 850 → 776 ms; `dashboard --json` 596 → 535 ms.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import hashlib
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

OWN_PREFIX = "branchguard"
FORMAT = b"BGDC1"  # this file's own layout; with MAGIC_NUMBER, a file of another Python is not read
MAX_ENTRIES = 20_000  # beyond this many stored texts, a write keeps only what this process used

_stored: dict[bytes, bytes] = {}  # text digest -> marshalled code, as read from the file
_used: dict[bytes, bytes] = {}  # what this process ran or compiled
_changed = False
_path: Path | None = None


def cache_file() -> Path | None:
    """Where the compiled texts are kept: BranchGuard's `__pycache__` folder (or its place under
    `sys.pycache_prefix`), named for this interpreter's cache tag; None where Python has no tag."""
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    from importlib.util import cache_from_source

    package_init = Path(__file__).with_name("__init__.py")
    return Path(cache_from_source(str(package_init))).with_name(f"dataclass-methods.{tag}.bin")


def _read(path: Path) -> dict[bytes, bytes]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = FORMAT + MAGIC_NUMBER
    if not data.startswith(head):
        return {}
    try:
        table = marshal.loads(data[len(head) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, bytes) and isinstance(v, bytes)}


def _code_for(source: str) -> Any:
    global _changed
    key = hashlib.sha256(source.encode()).digest()
    blob = _used.get(key) or _stored.get(key)
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            code = None
        if code is not None:
            _used[key] = blob
            return code
    code = compile(source, "<string>", "exec")
    _used[key] = marshal.dumps(code)
    _changed = True
    return code


def cached_exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
    """`exec` as `dataclasses` calls it: a text written for one of BranchGuard's classes runs from
    its stored code; anything else is the built-in `exec`."""
    name = globals.get("__name__") if isinstance(globals, dict) else None
    if isinstance(source, str) and isinstance(name, str) and name.split(".", 1)[0] == OWN_PREFIX:
        source = _code_for(source)
    builtins.exec(source, globals, locals)


def save() -> bool:
    """Write the stored texts with those compiled by this process (atomically: a file written by
    another process at the same time is replaced whole, never mixed); False when nothing was new
    or the file cannot be written."""
    global _changed
    if not _changed or _path is None or sys.dont_write_bytecode:
        return False
    table = {**_stored, **_used} if len(_stored) + len(_used) <= MAX_ENTRIES else dict(_used)
    temporary = _path.with_name(f"{_path.name}.{os.getpid()}.tmp")
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(FORMAT + MAGIC_NUMBER + marshal.dumps(table))
        os.replace(temporary, _path)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    _stored.update(_used)
    _changed = False
    return True


def install() -> bool:
    """Put `cached_exec` in `dataclasses` (once); False where no file place exists."""
    global _path
    if getattr(dataclasses, "exec", None) is cached_exec:
        return True
    path = cache_file()
    if path is None:
        return False
    _path = path
    _stored.update(_read(path))
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # shadows the built-in there only
    atexit.register(save)
    return True
