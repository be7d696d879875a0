"""The wheel and the sdist carry what an installed BranchGuard needs: built from a copy of the tree
(with its translations compiled, as `make i18n` does before), the wheel is installed into a fresh
virtual environment that borrows this environment's dependencies without a network, and runs from
there: the demo, a PDF report with its font embedded, the window offscreen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.install_support import ROOT, check_installed, clean_env, project_version, run

# Files an installed BranchGuard opens by path: every kind of resource, the migrations.
PACKAGE_FILES = (
    "branchguard/resources/icons/branchguard.svg",
    "branchguard/resources/i18n/branchguard_zh_CN.ts",
    "branchguard/resources/i18n/branchguard_zh_CN.qm",
    "branchguard/resources/i18n/branchguard_en.qm",
    "branchguard/resources/playbooks/starter_library.yaml",
    "branchguard/resources/drills/defaults.yaml",
    "branchguard/resources/inspections/templates.yaml",
    "branchguard/db/migrations/env.py",
    "branchguard/db/migrations/script.py.mako",
)


def _source_copy(dest: Path) -> Path:
    """pyproject.toml and the package, without build leftovers, translations compiled afresh."""
    dest.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", dest)
    shutil.copytree(
        ROOT / "branchguard", dest / "branchguard",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm"),
    )
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((dest / "branchguard" / "resources" / "i18n").glob("*.ts")):
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return dest


def _fresh_venv(folder: Path) -> Path:
    """A virtual environment without pip whose site-packages reaches this one's as a plain path
    (so none of its .pth files, such as the editable install's finder for this checkout, runs)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder).strip())
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "borrowed-dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(ours)))
    return python


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_environment_works(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", tmp_path / "wheels", source],
        tmp_path)
    (wheel,) = (tmp_path / "wheels").glob("branchguard-*.whl")
    assert wheel.name.startswith(f"branchguard-{project_version()}-")
    packed = set(zipfile.ZipFile(wheel).namelist())
    assert set(PACKAGE_FILES) <= packed, set(PACKAGE_FILES) - packed

    python = _fresh_venv(tmp_path / "venv")
    run([*pip, "--python", python, "install", "--no-deps", "--no-index", wheel], tmp_path)
    where, version = run(
        [python, "-c", "import branchguard; print(branchguard.__file__); print(branchguard.__version__)"],
        tmp_path,
    ).split()
    assert Path(where).is_relative_to(tmp_path / "venv")
    assert version == project_version()

    branchguard = tmp_path / "venv" / "bin" / "branchguard"
    data = check_installed([branchguard], [branchguard], tmp_path)
    # The print preview's renderer works from the installed package: the contact card's one page.
    pages = (
        "from pathlib import Path; from branchguard.reports.pdf_pages import page_count; "
        "print(page_count(Path('card.pdf')))"
    )
    assert run([python, "-c", pages], tmp_path).strip() == "1"
    as_lead = clean_env(BRANCHGUARD_USER="lead", BRANCHGUARD_PASSWORD="lead-demo-2026")
    assert "FIRE_DAILY" in run([branchguard, "--data-dir", data, "--lang", "en", "inspection", "templates"],
                               tmp_path, as_lead)


def test_the_sdist_carries_the_resources_and_migrations(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    code = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    name = run([sys.executable, "-c", code, tmp_path / "sdist"], source, clean_env()).strip().splitlines()[-1]
    with tarfile.open(tmp_path / "sdist" / name) as sdist:
        members = {member.split("/", 1)[1] for member in sdist.getnames() if "/" in member}
    assert set(PACKAGE_FILES) <= members, set(PACKAGE_FILES) - members
