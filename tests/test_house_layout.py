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


def test_a_widgets_deferred_call_names_the_widget_as_its_context() -> None:
    """`QTimer.singleShot(0, self.method)` runs even after the widget is deleted, and raises
    "Internal C++ object … already deleted" in the event loop (the console's log follow did, as a
    console closed); `QTimer.singleShot(0, self, self.method)` is dropped with the widget."""
    import ast

    found = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "singleShot" or len(node.args) != 2:
                continue
            call = node.args[1]
            owner = call.value if isinstance(call, ast.Attribute) else None
            if isinstance(owner, ast.Name) and owner.id == "self":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, found
