"""The one-folder PyInstaller build starts and works headless (the Linux smoke test of the spec)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from branchguard.gui.kit.page import registered_pages

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_frozen_build_runs_the_cli(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "packaging" / "branchguard.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    # The window imports each page's module by name on first use, out of the analysis' sight.
    toc = ast.literal_eval((tmp_path / "build" / "branchguard" / "PYZ-00.toc").read_text())
    bundled = {entry[0] for entry in toc[1]}
    assert {info.module for info in registered_pages()} <= bundled
    exe = tmp_path / "dist" / "BranchGuard" / "BranchGuard"
    internal = exe.parent / "_internal" / "branchguard"
    assert (internal / "resources" / "playbooks" / "starter_library.yaml").is_file()
    assert (internal / "resources" / "drills" / "defaults.yaml").is_file()
    assert (internal / "resources" / "inspections" / "templates.yaml").is_file()
    assert sorted(p.name for p in (internal / "resources" / "i18n").glob("*.qm")) == [
        "branchguard_en.qm",
        "branchguard_zh_CN.qm",
    ]

    def run(*args: str) -> str:
        done = subprocess.run(
            [str(exe), "--data-dir", str(tmp_path / "data"), "--lang", "en", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert (
        "0.1.0"
        in subprocess.run(
            [str(exe), "--version"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
    )
    assert "lead-demo-2026" in run("demo")
    assert "FIRE" in run("playbook", "list")  # migrations and built-in content are bundled
    assert "FIRE_DAILY" in run("inspection", "templates")
    card = tmp_path / "card.pdf"
    run("contacts", "card", "-o", str(card))
    assert card.read_bytes().startswith(b"%PDF")
