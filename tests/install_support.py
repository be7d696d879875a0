"""Checks an installed BranchGuard as the IT staff who install it would, whatever installed it (the
wheel in a fresh virtual environment, the frozen build): `--version` says pyproject's version, the
command line fills the demo and writes a PDF with its Chinese font embedded, and the window starts
offscreen, opens the database and shows its login dialog (app.py's start-up trace)."""

from __future__ import annotations

import os
import subprocess
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What must not leak from the test run into the installed app: this checkout on the path, a data
# folder or a database chosen for the suite, the start-up trace switches.
ISOLATE = (
    "PYTHONPATH", "PYTHONHOME", "BRANCHGUARD_DATA_DIR", "BRANCHGUARD_DB",
    "BRANCHGUARD_TRACE_STARTUP", "BRANCHGUARD_EXIT_AFTER_STARTUP", "BRANCHGUARD_USER", "BRANCHGUARD_PASSWORD",
)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ISOLATE}
    env.update(extra)
    return env


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Runs `command` from `cwd` (never the checkout, whose folder would shadow the installed
    package); returns its output, failing with its error output when it fails."""
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env or clean_env(),
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert done.returncode == 0, f"{command}: {done.stderr[-3000:]}"
    return done.stdout


def pdf_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) of each font in `pdf`, as poppler's pdffonts lists them."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    # name type [type…] encoding emb sub uni object ID: the flags sit at fixed places from the end.
    return [(line.split()[0], line.split()[-5] == "yes") for line in out.splitlines()[2:]]


def check_installed(cli: Sequence[str | Path], window: Sequence[str | Path], work: Path) -> Path:
    """Runs the installed command line `cli` and window `window` in `work`; returns the data folder."""
    data = work / "data"
    common = ["--data-dir", str(data), "--lang", "en"]
    assert project_version() in run([*cli, "--version"], work)
    assert "lead-demo-2026" in run([*cli, *common, "demo"], work)
    card = work / "card.pdf"
    # a command that reads records logs in (the demo's safety lead; the password for automation)
    run([*cli, *common, "--user", "lead", "contacts", "card", "-o", card], work,
        clean_env(BRANCHGUARD_PASSWORD="lead-demo-2026"))
    assert card.read_bytes().startswith(b"%PDF")
    fonts = pdf_fonts(card)
    assert fonts and all(embedded for _name, embedded in fonts), fonts
    assert any("Hei" in name or "Song" in name or "CJK" in name for name, _embedded in fonts), fonts
    env = clean_env(
        QT_QPA_PLATFORM="offscreen", BRANCHGUARD_TRACE_STARTUP="1", BRANCHGUARD_EXIT_AFTER_STARTUP="1"
    )
    trace = run([*window, *common], work, env).splitlines()
    assert trace == ["startup painted", "startup context_opened", "startup login_shown"]
    return data
