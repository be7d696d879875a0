"""The app's own source, read and parsed once per test process.

Five tests scan the whole package (the role table, the message keys, the audit words, the import
contract, the house layout) and each parsed all ~470 modules again, some several times: about 1 s
of CPU a scan. The trees are only read, never changed.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "branchguard"


@functools.cache
def module_paths() -> tuple[Path, ...]:
    """Every module of the package, sorted."""
    return tuple(sorted(PACKAGE.rglob("*.py")))


@functools.cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
