"""Each model module can be imported on its own (the services import theirs on first use): every
foreign key it declares finds its table, because the module imports the ones it points at."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import branchguard.db.models

MODEL_MODULES = sorted(
    f"branchguard.db.models.{m.name}" for m in pkgutil.iter_modules(branchguard.db.models.__path__)
)

CHECK = """
import importlib, sys
module = importlib.import_module(sys.argv[1])
from branchguard.db.base import Base
own = {t.name for t in Base.metadata.sorted_tables if any(
    getattr(c, "__table__", None) is t for c in vars(module).values())}
assert own, "no tables declared"
for name in sorted(own):
    for fk in Base.metadata.tables[name].foreign_keys:
        fk.column  # raises NoReferencedTableError when the target's module was not imported
print("ok", len(own))
"""


def test_every_model_module_is_listed() -> None:
    expected = {f"branchguard.db.models.{name}" for name in ("foundation", "incidents", "drills")}
    assert expected <= set(MODEL_MODULES)


@pytest.mark.parametrize("module", MODEL_MODULES)
def test_model_module_imports_alone(module: str) -> None:
    proc = subprocess.run([sys.executable, "-c", CHECK, module], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert proc.stdout.startswith("ok")


def test_model_modules_give_sqlalchemy_types_not_strings() -> None:
    """No model module defers its annotations (branchguard/db/models/__init__.py says why): each
    column's annotation is a type Python made, a string only for a class not yet defined."""
    import importlib

    for name in MODEL_MODULES:
        module = importlib.import_module(name)
        assert "annotations" not in vars(module), f"{name} uses `from __future__ import annotations`"
        rows = [c for c in vars(module).values() if isinstance(c, type) and c.__name__.endswith("Row")]
        for row in rows:
            for attribute, annotation in vars(row).get("__annotations__", {}).items():
                text = annotation if isinstance(annotation, str) else ""
                assert not text.startswith("Mapped"), f"{row.__name__}.{attribute}: {text}"


def test_related_modules_are_those_with_relationships() -> None:
    """The window declares these before any thread reads (app.py, `_declare_related_models`); every
    other model module may load later on any thread, which is safe only without relationships."""
    import importlib

    from sqlalchemy import inspect

    with_relationships = set()
    for name in MODEL_MODULES:
        module = importlib.import_module(name)
        rows = [c for c in vars(module).values() if isinstance(c, type) and c.__module__ == name]
        if any(inspect(row).relationships for row in rows if hasattr(row, "__mapper__")):
            with_relationships.add(name.rsplit(".", 1)[1])
    assert with_relationships == set(branchguard.db.models.RELATED_MODULES)
