"""Import modules and build services off the GUI thread ahead of their first use, then go on there.

Why: a page's first visit imported its module in one turn of the event loop, with everything
under it (the inspections page ~100 ms, incidents ~50 ms, the scheduler with APScheduler ~80 ms),
and `services.<name>` imported its layer on first use: the window did not answer meanwhile. Once
the window has shown its first page, the main window hands these imports to this thread
(MainWindow.start_schedules); they interleave with the GUI thread at the interpreter's switch
interval (5 ms), so a first visit only builds widgets. Measured by `make bench` (tools/bench/pages.py).

Only Qt-free work runs here. A module whose source names PySide6 is imported on the GUI thread,
one module a turn (`import_on_gui_thread`), after this thread has imported the Qt-free modules it
imports (the services, the models, the libraries: most of the time an import takes): defining a
QObject subclass creates a PySide type and its meta-object, and doing that here, while the GUI
thread ran the event loop, crashed the process (a segmentation fault, once in twelve slow-database
page tours of `make bench`, on `class GuidesButton(QPushButton)`). Every widget is still made on
the GUI thread, by `then`. One thread, so steps run in the order asked. Tests run tasks inline:
the work is done when `run` returns.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer

from branchguard import collector
from branchguard.gui.kit import tasks
from branchguard.gui.kit.pyside_hook import source_mentions_pyside
from branchguard.gui.kit.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)
QT_PACKAGE = "branchguard.gui"  # the only package whose modules may import PySide6 (tests/test_layers.py)
_pool: QThreadPool | None = None
_frozen = False
_gui_imports = 0  # modules waiting for their turn on the GUI thread (`import_on_gui_thread`)


def _the_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # steps in order, and the reads keep the task pool to themselves
    return _pool


def import_modules(modules: Iterable[str], ahead: bool = False) -> list[str]:
    """On the preload thread: import each module that imports no Qt module, and for one that does,
    the modules it imports that do not; return the Qt ones, left for the GUI thread
    (`import_on_gui_thread`), each after those it imports. `ahead`: also what the modules name
    under TYPE_CHECKING, which a package such as the incident console's loads when first asked
    for (every page, in the background; not the first page at start, which would import the
    report libraries before its data shows)."""
    qt: list[str] = []
    for name in modules:
        for found in _in_order(name, set(), ahead):
            if found in sys.modules:
                continue
            if _uses_qt(found):
                qt.append(found)
            else:
                importlib.import_module(found)
    return list(dict.fromkeys(qt))


def _in_order(name: str, seen: set[str], ahead: bool) -> list[str]:
    """`name` after the modules it imports at its top level, followed through those that use Qt."""
    if name in seen:
        return []
    seen.add(name)
    if not _uses_qt(name):
        return [name]  # importing it imports what it needs, here
    return [m for imported in _imports(name, ahead) for m in _in_order(imported, seen, ahead)] + [name]


_QT_USE: dict[str, bool] = {}


def _uses_qt(name: str) -> bool:
    """Whether importing `name` imports PySide6: only modules under gui/ may (the layer contract,
    tests/test_layers.py), when their source, their package's or a module they import does."""
    if name.split(".")[0] in ("PySide6", "shiboken6"):
        return True
    if not name.startswith(QT_PACKAGE) or name in sys.modules:
        return False
    if name not in _QT_USE:
        _QT_USE[name] = False  # an import cycle reads it as Qt-free until the scan ends
        path = _source(name)
        _QT_USE[name] = path is not None and (
            source_mentions_pyside(path) or any(_uses_qt(m) for m in _imports(name, False))
        )
    return _QT_USE[name]


_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))))
_SOURCES: dict[str, Path | None] = {}


def _source(name: str) -> Path | None:
    """The source file of a module of BranchGuard, found without importing it or its package
    (beside branchguard/), once per name: the scan of the first page's modules at start asked ~600
    times, and resolving the path and joining `Path`s each time was most of the scan (14-19 ms)."""
    if name not in _SOURCES:
        base = os.path.join(_ROOT, *name.split("."))
        files = (base + ".py", os.path.join(base, "__init__.py"))
        found = next((path for path in files if os.path.isfile(path)), None)
        _SOURCES[name] = Path(found) if found is not None else None
    return _SOURCES[name]


# The import statements of a module's body: those at the start of a line (a function's are
# indented), with their names on one line or in parentheses; and the block under TYPE_CHECKING.
_STATEMENT = re.compile(
    rb"^(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)|import[ \t]+([^\n#]+))", re.M
)
_CHECKING = re.compile(rb"^if TYPE_CHECKING:[^\n]*\n((?:[ \t]+[^\n]*\n|[ \t]*\n)+)", re.M)


def _imports(name: str, type_checking: bool) -> list[str]:
    """What importing the module imports first: its package, then what its body imports (not inside
    functions), a `from package import name` of a module as that module; with `type_checking`,
    the gui/ modules it names under TYPE_CHECKING too (a package that loads them when first asked
    for, as the incident console's; not the libraries named there for their types).

    Read with a regular expression, not `ast`: parsing every page's modules took ~220 ms of the
    preload thread's CPU, the expression 9 ms (tests/gui/kit/test_preload.py holds the two equal
    for every gui/ module). A line of a docstring that reads as an import names a module or
    nothing; the names found are kept only where such a module exists."""
    path = _source(name)
    found = [name.rsplit(".", 1)[0]] if "." in name else []
    if path is None:
        return found
    text = path.read_bytes()
    blocks = [(text, True)]
    if type_checking:
        blocks += [(re.sub(rb"(?m)^[ \t]+", b"", m.group(1)), False) for m in _CHECKING.finditer(text)]
    for block, at_run in blocks:
        for module, names, plain in _STATEMENT.findall(block):
            if plain:
                listed = [n.split()[0] for n in plain.decode().split(",") if n.strip()]
                found.extend(n for n in listed if at_run or n.startswith(QT_PACKAGE))
                continue
            package = module.decode()
            if at_run or package.startswith(QT_PACKAGE):
                found.append(package)
            for item in names.decode().strip("()").replace("\n", " ").split(","):
                sub = f"{package}.{item.split()[0]}" if item.split() else ""
                if sub.startswith("branchguard") and _source(sub) is not None:
                    found.append(sub)
    return [m for m in found if _exists(m)]


def _exists(name: str) -> bool:
    if name.startswith("branchguard"):
        return _source(name) is not None
    try:
        return importlib.util.find_spec(name.split(".")[0]) is not None
    except (ImportError, ValueError):
        return False


def import_on_gui_thread(
    modules: Iterable[str],
    then: Callable[[], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> None:
    """Import the modules on the GUI thread, one a turn of the event loop, then call `then` (all
    at once where tasks run inline, as in the tests). An import that fails ends the steps, logged,
    with "<type>: <text>" to `on_error` and no `then`, as a failure on the preload thread does."""
    global _gui_imports
    waiting = list(modules)
    _gui_imports += len(waiting)

    def step() -> None:
        global _gui_imports
        while waiting:
            name = waiting.pop(0)
            _gui_imports -= 1
            try:
                importlib.import_module(name)
            except Exception as exc:
                _gui_imports -= len(waiting)
                waiting.clear()
                log.exception("preload: importing %s failed", name)
                if on_error is not None:
                    on_error(f"{type(exc).__name__}: {exc}")
                return
            if waiting and not tasks.inline():
                QTimer.singleShot(0, step)  # the next one in the next turn
                return
        if then is not None:
            then()

    step()


def run(
    work: Callable[[], object],
    then: Callable[[], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> TaskHandle:
    """Run `work` on the preload thread, then `then()` on the GUI thread: after the Qt modules
    `work` returns (a list, as `import_modules` gives it) are imported there, one a turn. A failure
    is logged by the task helper and reaches `on_error` (default: ignored, as the same import or
    build fails again, with its message shown, where the GUI thread needs it)."""

    def done(result: object) -> None:
        qt = [m for m in result if isinstance(m, str)] if isinstance(result, list) else []
        import_on_gui_thread(qt, then, on_error)

    return run_task(
        lambda _progress: work(),
        on_done=done,
        on_error=on_error or (lambda _message: None),
        pool=_the_pool(),
    )


def collector_paused() -> AbstractContextManager[None]:
    """No garbage collection while every page's module is imported here and the services are built,
    then all of it frozen (branchguard/collector.py).

    Why: they make ~100,000 long-lived objects after the start has frozen its own; a full pass set
    off among them, on this thread or on the task pool, held the GIL 80–100 ms, and the GUI thread
    stopped meanwhile (`make bench`, tools/bench/pages.py: the window's opening on a slow database
    84 → 30 ms; earlier, frozen only after the imports, the settings page's first visit 155 → under
    50 ms). What is frozen is never freed, which costs nothing for what lives as long as the app;
    garbage in reference cycles that any thread makes meanwhile (the second or two after the landing
    page shows its data) is kept with it: the idle RSS after visiting every page is unchanged (202
    MB on the demo data, 225 MB at ten years). So it is done once per process (a second window, a
    test run, leave the collector as it is).
    """
    global _frozen
    if _frozen:
        return nullcontext()
    _frozen = True
    return collector.paused()


def wait(msecs: int = -1) -> bool:
    """Block until every step asked for on the preload thread is done (tests, the benchmark, the
    quit); True when they are and no module waits for its turn on the GUI thread either."""
    done = _pool.waitForDone(msecs) if _pool is not None else True
    return done and _gui_imports == 0
