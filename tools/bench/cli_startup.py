"""Command-line start-up (issue 20): from spawning `branchguard <command>` until the command's own
work begins (the context opened, the user logged in), against a floor measured in the same run.

Floor, per command: a fresh interpreter that imports `sqlite3` and the libraries the command truly
needs (SQLAlchemy's ORM and SQLite dialect for every command, the services being ORM code; argon2
for the login; what the command's own work uses, such as dateutil's rules for the schedules or
ReportLab for a PDF), then logs the same user in as plainly as it can: reads the stored argon2
hash with sqlite3 and verifies the password (the hash is slow on purpose, ~50 ms). Own modules
are byte-compiled first, as an installed app's are. Each figure is the median of interleaved runs
on the demo data. Target: start-up ≤ 2× its floor.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.bench.common import ROOT, Figure, child_env, print_ratio, python

RUNS = 7
TARGET = 2.0
MARKER = "startup command"
USER, PASSWORD = "lead", "lead-demo-2026"
ORM = ("sqlalchemy.orm", "sqlalchemy.dialects.sqlite", "argon2")

# command line, the libraries its work needs besides the ORM and argon2
COMMANDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("hazard", "list", "--json"), ()),
    (("incident", "list"), ()),
    (("people", "list"), ()),
    (("audit", "list"), ()),
    (("schedule", "list"), ("dateutil.rrule",)),
    (("verify",), ()),
    (("report", "hazards", "-o", "{out}/register.pdf"), ("reportlab.platypus",)),
)

FLOOR = """
import sys
import sqlite3
for name in {modules!r}:
    __import__(name)
from argon2 import PasswordHasher
db = sqlite3.connect({db!r})
(stored,) = db.execute("SELECT password_hash FROM users WHERE username = ?", ({user!r},)).fetchone()
PasswordHasher().verify(stored, {password!r})
print({marker!r}, file=sys.stderr, flush=True)
"""


def _until_marker(args: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from spawning `args` until it prints the marker line on its standard error."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.strip() == MARKER:
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                break
    finally:
        proc.kill()
        proc.wait(timeout=30)
    raise RuntimeError(f"{' '.join(args[-4:])} never printed {MARKER!r}")


def run(runs: int = RUNS) -> bool:
    print(f"command-line start-up (demo data, median of {runs} runs): until the command's work begins")
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, out = Path(tmp) / "data", Path(tmp) / "out"
        out.mkdir()
        subprocess.run(
            [python(), "-m", "branchguard", "--data-dir", str(data_dir), "demo"],
            check=True, capture_output=True, env=child_env(),
        )  # fmt: skip
        compileall.compile_dir(ROOT / "branchguard", quiet=1)
        env = child_env(BRANCHGUARD_TRACE_STARTUP="1", BRANCHGUARD_USER=USER, BRANCHGUARD_PASSWORD=PASSWORD)
        db = str(data_dir / "branchguard.sqlite")
        for words, extra in COMMANDS:
            ours_args = [python(), "-m", "branchguard", "--data-dir", str(data_dir), "--lang", "zh_CN"]
            ours_args += [w.format(out=out) for w in words]
            modules = (*ORM, *extra)
            code = FLOOR.format(modules=modules, db=db, user=USER, password=PASSWORD, marker=MARKER)
            floor_args = [python(), "-c", code]
            ours, floor = [], []
            for _ in range(runs):  # interleaved, so a busy moment falls on both
                ours.append(_until_marker(ours_args, env))
                floor.append(_until_marker(floor_args, env))
            label = " ".join(w for w in words if not w.startswith("{") and w != "-o")
            needs = "+".join(dict.fromkeys(["sqlite3", *(m.split(".")[0] for m in modules)]))
            met &= print_ratio(label, Figure("ours", ours), Figure(needs, floor), TARGET)
    libraries = ", ".join(ORM)
    print(f"  floors: python -c 'import sqlite3' + {libraries} (+ the command's own), an argon2 verify")
    return met


if __name__ == "__main__":
    sys.exit(0 if run() else 1)
