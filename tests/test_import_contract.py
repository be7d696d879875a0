"""The layer contract over the import graph: every module under branchguard/ is parsed (imports
inside functions and TYPE_CHECKING blocks count too) and each import is checked against the table
below. tests/test_layers.py checks the same thing at run time for Qt.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import source_trees

PACKAGE = "branchguard"
SOURCE = Path(__file__).resolve().parents[1] / PACKAGE

# The contract: which layers each layer may import. A module's layer is its first package under
# branchguard/ ("core", "gui", …), except:
#   "root"        branchguard/__init__.py (APP_NAME, __version__), importable by any layer; it
#                 installs branchguard/dataclass_code.py, which imports nothing of ours
#   "launcher"    branchguard/__main__.py
#   "migrations"  branchguard/db/migrations/versions/*: frozen history, imports nothing of ours
#                 (branchguard/db/migrations/env.py is the db layer's runner and may use the models)
# Reading down the table gives the order: dataclass_code, paths, diagnostics, collector, db < core
# < reports, scheduling < config, context < cli < gui < app.
MAY_IMPORT: Mapping[str, frozenset[str]] = {
    layer: frozenset(may.split())
    for layer, may in {
        "root": "dataclass_code",
        "dataclass_code": "",
        "paths": "paths",
        "diagnostics": "diagnostics",  # the log file and crash capture: standard library only
        "collector": "collector",  # the collector paused at start, and by the ledger's check: stdlib only
        "migrations": "",
        "db": "db",
        "core": "core db paths collector root",
        "reports": "reports core db paths root",
        "scheduling": "scheduling core db paths root",
        "config": "config core db paths root",
        "context": "context config core db paths root",
        "cli": "cli context config reports core db paths diagnostics collector root",
        "gui": "gui context config scheduling reports core db paths diagnostics collector root",
        "app": "app gui context config scheduling reports core db paths diagnostics collector root",
        "launcher": "cli",
    }.items()
}
# Named (module, import) pairs allowed against the table above.
EXCEPTIONS: frozenset[tuple[str, str]] = frozenset(
    {
        # `branchguard` without a sub-command opens the window: the CLI's one way up, imported lazily
        # inside main() so that no sub-command loads the GUI.
        ("branchguard.cli", "branchguard.app"),
    }
)
# Qt lives in the GUI (and the app that starts it); nothing else may import it, not even through
# APScheduler's Qt scheduler.
QT_LAYERS = frozenset({"gui", "app"})
QT_MODULES = ("PySide6", "shiboken6", "apscheduler.schedulers.qt")


@dataclass(frozen=True, order=True)
class Violation:
    module: str
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module} -> {self.imported}  ({self.rule})"


def layer_of(module: str) -> str:
    parts = module.split(".")
    if parts == [PACKAGE]:
        return "root"
    if parts[1] == "__main__":
        return "launcher"
    if parts[1:4] == ["db", "migrations", "versions"] and len(parts) > 4:
        return "migrations"
    return parts[1]


def _is_qt(name: str) -> bool:
    return any(name == qt or name.startswith(qt + ".") for qt in QT_MODULES)


def violations(graph: Mapping[str, Iterable[str]]) -> list[Violation]:
    """Every (module -> import) pair in `graph` that breaks the contract."""
    found: list[Violation] = []
    for module, imports in graph.items():
        layer = layer_of(module)
        allowed = MAY_IMPORT.get(layer)
        for imported in imports:
            if _is_qt(imported):
                if layer not in QT_LAYERS:
                    found.append(Violation(module, imported, f"Qt only in {', '.join(sorted(QT_LAYERS))}"))
                continue
            if imported != PACKAGE and not imported.startswith(PACKAGE + "."):
                continue
            if allowed is None:
                found.append(Violation(module, imported, f"layer {layer!r} is not in the contract"))
                continue
            target = layer_of(imported)
            if target in allowed or (module, imported) in EXCEPTIONS:
                continue
            may = f"only {', '.join(sorted(allowed))}" if allowed else "nothing of branchguard"
            found.append(Violation(module, imported, f"{layer} may import {may}"))
    return sorted(found)


def imports_in_source(source: str, module: str, is_package: bool, known: frozenset[str]) -> set[str]:
    """The modules `source` imports anywhere in it, relative names resolved. `from x import y`
    counts as importing x.y when that is one of the `known` modules, else as importing x."""
    return imports_in_tree(ast.parse(source), module, is_package, known)


def imports_in_tree(parsed: ast.Module, module: str, is_package: bool, known: frozenset[str]) -> set[str]:
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(parsed):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                sub = f"{origin}.{alias.name}"
                found.add(sub if sub in known else origin)
    return found


def _module_name(path: Path) -> tuple[str, bool]:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def import_graph() -> dict[str, set[str]]:
    files = {path: _module_name(path) for path in source_trees.module_paths()}
    known = frozenset(name for name, _ in files.values())
    return {
        name: imports_in_tree(source_trees.tree(path), name, is_package, known)
        for path, (name, is_package) in files.items()
    }


# -- the contract holds ---------------------------------------------------------------------------
def test_every_import_follows_the_layer_contract() -> None:
    broken = violations(import_graph())
    assert not broken, "imports against the layer contract:\n" + "\n".join(map(str, broken))


def test_the_graph_covers_every_layer_and_migration() -> None:
    graph = import_graph()
    layers = {layer_of(module) for module in graph}
    assert layers == set(MAY_IMPORT)
    migrations = {m for m in graph if layer_of(m) == "migrations"}
    assert len(migrations) == len(list((SOURCE / "db" / "migrations" / "versions").glob("[0-9]*_*.py")))
    # imports inside functions count: the CLI's lazy launch of the window is seen (and excepted)
    assert "branchguard.app" in graph["branchguard.cli"]


# -- the checker sees each kind of breach ---------------------------------------------------------
@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("branchguard.db.migrate", "branchguard.core.kernel.errors"),
        ("branchguard.db.models.incidents", "branchguard.gui.kit.tasks"),
        ("branchguard.db.engine", "branchguard.reports.template"),
        ("branchguard.db.engine", "branchguard.cli.common"),
        ("branchguard.db.engine", "branchguard.scheduling.engine"),
        ("branchguard.db.engine", "branchguard.app"),
        ("branchguard.db.engine", "branchguard.context"),
        ("branchguard.db.engine", "branchguard.config"),
        ("branchguard.db.migrations.versions.0005_incidents", "branchguard.db.models.incidents"),
        ("branchguard.db.migrations.versions.0009_search_batches", "branchguard.core.incidents.log"),
        ("branchguard.db.migrations.versions.0001_foundation", "branchguard"),
        ("branchguard.db.migrations.versions.0009_batches", "branchguard.db.migrations.versions.0008_x"),
        ("branchguard.core.incidents.service", "branchguard.gui.kit.tasks"),
        ("branchguard.core.incidents.service", "branchguard.cli.common"),
        ("branchguard.core.incidents.service", "branchguard.reports.incident_report"),
        ("branchguard.core.incidents.service", "branchguard.app"),
        ("branchguard.core.schedules.service", "branchguard.scheduling.engine"),
        ("branchguard.core.schedules.service", "branchguard.context"),
        ("branchguard.reports.template", "branchguard.gui.kit.tables"),
        ("branchguard.reports.template", "branchguard.cli.common"),
        ("branchguard.reports.template", "branchguard.app"),
        ("branchguard.scheduling.engine", "branchguard.gui.schedules.qt_scheduler"),
        ("branchguard.scheduling.engine", "branchguard.cli.schedules"),
        ("branchguard.scheduling.engine", "branchguard.app"),
        ("branchguard.cli.playbooks", "branchguard.gui.playbooks.page"),
        ("branchguard.cli", "branchguard.gui.shell.main_window"),
        ("branchguard.cli.playbooks", "branchguard.app"),  # the launch is excepted in cli/__init__ only
        ("branchguard.gui.shell.main_window", "branchguard.cli.common"),
        ("branchguard.gui.shell.main_window", "branchguard.app"),
        ("branchguard.paths", "branchguard.core.kernel.i18n"),
        ("branchguard", "branchguard.config"),
        ("branchguard.__main__", "branchguard.gui.shell.main_window"),
    ],
)
def test_checker_flags_an_import_against_the_layers(module: str, imported: str) -> None:
    assert [(v.module, v.imported) for v in violations({module: [imported]})] == [(module, imported)]


@pytest.mark.parametrize(
    "module",
    [
        "branchguard.core.incidents.service",
        "branchguard.db.engine",
        "branchguard.db.migrations.versions.0005_incidents",
        "branchguard.reports.template",
        "branchguard.scheduling.engine",
        "branchguard.cli",
        "branchguard.config",
        "branchguard.context",
        "branchguard.paths",
    ],
)
@pytest.mark.parametrize("qt", ["PySide6", "PySide6.QtCore", "shiboken6", "apscheduler.schedulers.qt"])
def test_checker_flags_qt_outside_the_gui(module: str, qt: str) -> None:
    flagged = violations({module: [qt]})
    assert [(v.module, v.imported) for v in flagged] == [(module, qt)]
    assert "Qt only in" in flagged[0].rule


def test_checker_flags_a_layer_missing_from_the_contract() -> None:
    flagged = violations({"branchguard.plugins.loader": ["branchguard.core.kernel.types"]})
    assert [v.rule for v in flagged] == ["layer 'plugins' is not in the contract"]


def test_checker_lets_the_layers_import_downwards() -> None:
    allowed = {
        "branchguard.db.models.drills": ["branchguard.db.base", "sqlalchemy"],
        "branchguard.db.migrations.env": ["branchguard.db.tables", "alembic"],
        "branchguard.db.migrations.versions.0005_incidents": ["alembic", "sqlalchemy"],
        "branchguard.core.incidents.log": ["branchguard.db.models.incidents", "branchguard.core.kernel.i18n"],
        "branchguard.core.schedules.ics": ["branchguard"],
        "branchguard.reports.template": ["branchguard.core.kernel.i18n", "reportlab"],
        "branchguard.scheduling.wiring": ["branchguard.core.schedules.service", "apscheduler"],
        "branchguard.cli": ["branchguard.app", "branchguard.context"],
        "branchguard.gui.schedules.qt_scheduler": ["branchguard.scheduling.engine", "PySide6.QtCore"],
        "branchguard.app": ["branchguard.gui.shell.main_window", "PySide6.QtWidgets"],
        "branchguard.__main__": ["branchguard.cli"],
    }
    assert violations(allowed) == []


def test_the_parser_finds_every_kind_of_import() -> None:
    source = """
from __future__ import annotations
import json
from typing import TYPE_CHECKING
from . import sibling
from .. import kernel
from ..kernel.i18n import t
import branchguard.db.base as base

if TYPE_CHECKING:
    from branchguard.context import AppContext

def later():
    from PySide6.QtCore import QObject
    import branchguard.gui.kit.tasks
"""
    known = frozenset({"branchguard.core.incidents.sibling", "branchguard.core.kernel"})
    found = imports_in_source(source, "branchguard.core.incidents.log", False, known)
    assert found == {
        "__future__",
        "json",
        "typing",
        "branchguard.core.incidents.sibling",
        "branchguard.core.kernel",
        "branchguard.core.kernel.i18n",
        "branchguard.db.base",
        "branchguard.context",
        "PySide6.QtCore",
        "branchguard.gui.kit.tasks",
    }
    in_package = imports_in_source("from .log import x", "branchguard.core.incidents", True, known)
    assert in_package == {"branchguard.core.incidents.log"}
    flagged = violations({"branchguard.core.incidents.log": found})
    assert {v.imported for v in flagged} == {
        "branchguard.context",
        "PySide6.QtCore",
        "branchguard.gui.kit.tasks",
    }
