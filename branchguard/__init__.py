"""BranchGuard: emergency response, drills and inspections for bank branches."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "BranchGuard"
UNKNOWN_VERSION = "0+unknown"
_version: str | None = None


def _read_version() -> str:
    """pyproject.toml's version, as the installed package's metadata carries it (a wheel, an editable
    install, the frozen build's bundled dist-info); a checkout run without installing reads
    pyproject.toml itself."""
    from importlib import metadata  # here, not at the top: ~20 ms that only --version and the window pay

    try:
        return metadata.version("branchguard")
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        with pyproject.open("rb") as fh:
            return str(tomllib.load(fh).get("project", {}).get("version", UNKNOWN_VERSION))
    return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    """`branchguard.__version__`, read once on first use (PEP 562)."""
    global _version
    if name == "__version__":
        if _version is None:
            _version = _read_version()
        return _version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
