"""The house keeps its shape: core/ holds domain packages and a few shared modules, and no module grows
past what one person can read in one sitting."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "branchguard"
MAX_LINES = 600
CORE_SHARED_MODULES = {"__init__.py", "services.py"}  # the container of every domain's service


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def test_core_holds_domain_packages_and_only_the_shared_modules() -> None:
    modules = {p.name for p in (PACKAGE / "core").glob("*.py")}
    assert modules == CORE_SHARED_MODULES
    packages = [p for p in (PACKAGE / "core").iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert all((p / "__init__.py").is_file() for p in packages)
    assert {"kernel", "incidents", "hazards", "inspections"} <= {p.name for p in packages}


def test_every_orm_class_is_a_row() -> None:
    import ast

    names = [
        node.name
        for path in (PACKAGE / "db" / "models").glob("*.py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
    ]
    assert names and all(name.endswith("Row") for name in names), names
