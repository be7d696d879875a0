"""The one-folder PyInstaller build (packaging/branchguard.spec): both executables start and work
headless, and the build carries what the app loads and nothing of what it never loads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from branchguard.gui.kit.page import registered_pages
from tests.install_support import ROOT, check_installed, clean_env, run

# Loaded by nothing the app uses (dragged in by PySide6's plugins, or development only).
UNUSED = ("Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6Pdf", "Qt6Wayland", "libqgtk3", "libgtk-3")


@pytest.mark.slow
def test_frozen_build_runs_the_cli_and_the_window(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [
            str(pyinstaller), "--noconfirm",
            "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
            str(ROOT / "packaging" / "branchguard.spec"),
        ],
        capture_output=True, text=True, timeout=900, check=False, cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    # The window imports each page's module by name on first use, out of the analysis' sight.
    toc = ast.literal_eval((tmp_path / "build" / "branchguard" / "PYZ-00.toc").read_text())
    bundled = {entry[0] for entry in toc[1]}
    assert {info.module for info in registered_pages()} <= bundled
    assert not {name for name in bundled if name.split(".")[0] in ("pygments", "setuptools", "pytest")}

    folder = tmp_path / "dist" / "BranchGuard"
    internal = folder / "_internal"
    resources = internal / "branchguard" / "resources"
    for data_file in ("playbooks/starter_library.yaml", "drills/defaults.yaml", "inspections/templates.yaml",
                      "icons/branchguard.svg"):
        assert (resources / data_file).is_file(), data_file
    compiled = sorted(p.name for p in (resources / "i18n").glob("*.qm"))
    assert compiled == ["branchguard_en.qm", "branchguard_zh_CN.qm"]
    assert list(internal.glob("branchguard-*.dist-info/METADATA"))  # what __version__ reads
    files = [p for p in internal.rglob("*") if p.is_file() or p.is_symlink()]
    assert not [p for p in files if any(name in p.name for name in UNUSED)]
    # The print preview: PDFium to render the report's pages, Qt's print support to print them.
    assert [p for p in files if p.name in ("libpdfium.so", "pdfium.dll", "libpdfium.dylib")]
    assert (internal / "pypdfium2_raw" / "version.json").is_file()
    assert [p for p in files if "Qt6PrintSupport" in p.name]
    assert not [p for p in files if p.is_symlink() and not p.exists()]  # no link left to a dropped library
    qt_translations = {p.name for p in files if p.suffix == ".qm" and p.parent.name == "translations"}
    assert qt_translations == {"qtbase_en.qm", "qtbase_zh_CN.qm"}

    data = check_installed([folder / "branchguard-cli"], [folder / "BranchGuard"], tmp_path)
    common = ["--data-dir", str(data), "--lang", "en"]
    as_lead = clean_env(BRANCHGUARD_USER="lead", BRANCHGUARD_PASSWORD="lead-demo-2026")  # commands log in
    cli = folder / "branchguard-cli"
    assert "FIRE" in run([cli, *common, "playbook", "list"], tmp_path, as_lead)
    assert "FIRE_DAILY" in run([cli, *common, "inspection", "templates"], tmp_path, as_lead)
