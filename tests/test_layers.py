"""Layering: nothing below the GUI imports Qt (core, db, reports, scheduling, paths, config, context, cli).

The import contract (tests/test_import_contract.py) reads the imports; this runs them.
"""

from __future__ import annotations

import json
import subprocess
import sys

# Runs in a fresh interpreter: this test process has Qt loaded already (pytest-qt).
PROBE = r"""
import importlib, importlib.util, json, pkgutil, sys

imported = []
for root in ("branchguard.core", "branchguard.db", "branchguard.reports", "branchguard.scheduling",
             "branchguard.cli", "branchguard.paths", "branchguard.config", "branchguard.context"):
    if importlib.util.find_spec(root) is None:
        continue
    module = importlib.import_module(root)
    imported.append(root)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), root + "."):
        if ".migrations" in info.name:  # Alembic scripts run only inside Alembic
            continue
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({"imported": imported, "qt": sorted(m for m in sys.modules if m.startswith("PySide6"))}))
"""


def test_layers_below_the_gui_do_not_import_qt() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    imported = set(result["imported"])
    for expected in (
        "branchguard.core.accounts.service",
        "branchguard.core.people.service",
        "branchguard.core.services",
        "branchguard.db.engine",
        "branchguard.db.migrate",
        "branchguard.scheduling.engine",
        "branchguard.scheduling.wiring",
        "branchguard.cli.schedules",
        "branchguard.config",
        "branchguard.context",
    ):
        assert expected in imported
    assert result["qt"] == [], f"Qt imported below the GUI: {result['qt']}"
