"""BranchGuard: emergency response, drills and inspections for bank branches."""

from __future__ import annotations

from pathlib import Path

from branchguard import dataclass_code

dataclass_code.install()  # before any of BranchGuard's dataclasses is made

APP_NAME = "BranchGuard"
UNKNOWN_VERSION = "0+unknown"
_version: str | None = None


def _dist_info_version() -> str | None:
    """The Version line of the first `branchguard-*.dist-info/METADATA` along sys.path, as
    importlib.metadata finds it, without importing that (email, zipfile, …: 20-40 ms that every
    command paid for the version in its log line)."""
    import sys

    for entry in sys.path:
        try:
            found = sorted(Path(entry or ".").glob("branchguard-*.dist-info/METADATA"))
        except OSError:
            continue
        for meta in found:
            try:
                with meta.open(encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():  # the headers end: no version given
                            break
            except OSError:
                continue
    return None


def _read_version() -> str:
    """pyproject.toml's version, as the installed package's metadata carries it (a wheel, an editable
    install, the frozen build's bundled dist-info); a checkout run without installing reads
    pyproject.toml itself."""
    found = _dist_info_version()
    if found is not None:
        return found
    from importlib import metadata  # only when no dist-info was found on the path

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
