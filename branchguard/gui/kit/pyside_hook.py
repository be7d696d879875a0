"""PySide's import hook, made to read each newly imported module's file once, as bytes.

Importing PySide6 replaces `__import__`: after each import of a module it has not seen, PySide asks
whether the module's source mentions "PySide6" (to know which modules its opt-in `__feature__`
switches, snake_case and true_property, may apply to; BranchGuard uses neither). It asks through
`inspect.getsource`, which finds the file, decodes it, splits it into lines and keeps them in
`linecache` for the life of the process. The window imports SQLAlchemy, the models, the services
and each page after PySide6, ~500 modules by the time the landing page shows its data.

Importing this module (app.py does, right after PySide6) swaps PySide's `_mod_uses_pyside` for
the same question asked of the file's bytes: the same answer for every source file ("PySide6" is
ASCII, so it is the same bytes in any encoding a source file may declare), and the same False for a
module without a `.py` file (built-in, extension, frozen). A PySide6 without this hook (a later
version may drop it) is left as it is.

Measured (docs/architecture.md, "Speed tricks"): the window's start on the demo data, interleaved
runs at load 1-2, median: data shown 901 → 857 ms (9 runs) and 806 → 762 ms (11 runs), painted
193 → 178 and 179 → 167 ms; the source lines of those modules are no longer held in memory.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

FEATURE_MODULE = "PySide6.support.feature"  # shibokensupport.feature, as PySide6 publishes it


def mentions_pyside(module: ModuleType) -> bool:
    """Whether the module's source file contains "PySide6" (False without a source file)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    return source_mentions_pyside(path)


def source_mentions_pyside(path: str | os.PathLike[str]) -> bool:
    """Whether the source file contains "PySide6" (False for one that cannot be read)."""
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Put `mentions_pyside` in place of PySide's scan; False where PySide has no such hook."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True


install()
