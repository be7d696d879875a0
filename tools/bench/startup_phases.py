"""Where the start's own work goes: the window's start taken apart into its steps, run one after the
other in one fresh process, each step timed alone, printed beside `startup.py`'s ratios.

The app overlaps some of these steps (the context opens on a thread while the first frame paints;
the first page's modules load while argon2 checks the password), so their sum is not the app's
time; it is what each step costs, to say which ones the "own work above the floor" is made of.
The libraries the app has loaded by data shown are imported before the clock starts, as the floor
imports them (`startup.BARE_WINDOW`), and the garbage collector is off, as the app keeps it until
its data shows (`collector.Pause`); the login's argon2 hash, which a safe login cannot skip, is
timed alone too and shown inside the login's figure.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

from tools.bench.common import LEAD, python

RUNS = 3

STEPS = """
import gc
import json
import sys
import time

gc.disable()
for name in {imports!r}:
    __import__(name)
for module, names in {pyside_names!r}.items():
    __import__(module)
    for name in names:
        getattr(sys.modules[module], name)
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
took = {{}}
clock = [time.perf_counter()]

def step(name):
    now = time.perf_counter()
    took[name] = (now - clock[0]) * 1000
    clock[0] = now

import branchguard.cli
import branchguard.app as start
step("own modules before the first frame")
from pathlib import Path
from branchguard.gui.shell.main_window import MainWindow
folder = Path({data_dir!r})
start.configure_app(app, "zh_CN")
window = MainWindow(None, start.gui_settings(folder))
window.show()
app.processEvents()
step("main window made and painted")
import branchguard.core.accounts.service as accounts
from branchguard.context import open_after_pending_restore
step("own modules of the context and the login")
ctx, _restore = open_after_pending_restore(folder)
start._start_log(ctx.data_dir, ctx.engine.dialect.name != "sqlite")
step("context opened (settings, schema check, services)")
start._declare_related_models()
step("related ORM models declared and configured")
actor = ctx.services.auth.login({user!r}, {password!r})
step("login (argon2 below, the account read, the audit written)")
from branchguard.gui.kit import preload
from branchguard.core.kernel.i18n import load_catalog
first = window.likely_first_page()
qt = preload.import_modules(["branchguard.gui.shell.incident_banner", *([first.module] if first else [])])
for name in qt:
    __import__(name)
load_catalog()
step("first page's and the banner's modules, the message catalogue")
from branchguard.gui.shell.session import GuiSession
window.attach(GuiSession(ctx, actor))
app.processEvents()
step("session attached (sidebar, bell, banner, status)")
landing = window.show_page(window.initial_page_id())
step("landing page built")
shown = []
start.LandingShown(landing or window, lambda: shown.append(True))
deadline = time.perf_counter() + 60
while not shown and time.perf_counter() < deadline:
    app.processEvents()
    time.sleep(0.0005)
step("landing page's data read and painted")
hasher = accounts._hasher
hashed = hasher.hash({password!r})
began = time.perf_counter()
hasher.verify(hashed, {password!r})
took["argon2"] = (time.perf_counter() - began) * 1000
print("phases " + json.dumps(took), flush=True)
ctx.close()
"""


def measure(
    data_dir: Path, imports: list[str], pyside: dict[str, list[str]], env: dict[str, str]
) -> dict[str, float]:
    """The median of each step over RUNS fresh processes, ms (insertion order: the start's order)."""
    script = STEPS.format(
        imports=imports, pyside_names=pyside, data_dir=str(data_dir), user=LEAD[0], password=LEAD[1]
    )
    runs: list[dict[str, float]] = []
    for _ in range(RUNS):
        proc = subprocess.run([python(), "-c", script], capture_output=True, text=True, env=env, timeout=180)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("phases ")), None)
        if line is None:
            raise RuntimeError(f"the start's steps did not all run; stderr:\n{proc.stderr[-2000:]}")
        runs.append(json.loads(line.split(" ", 1)[1]))
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def print_phases(phases: dict[str, float]) -> None:
    """One line a step, and their sum against the own work `startup.print_own_work` printed."""
    argon2 = phases.pop("argon2")
    print(f"  (for reference) the start's own work step by step, one at a time (median of {RUNS}, ms):")
    for name, ms in phases.items():
        extra = f"  (argon2 alone: {argon2:.0f})" if name.startswith("login") else ""
        print(f"    {ms:6.0f}  {name}{extra}")
    print(f"    {sum(phases.values()):6.0f}  in all, one after the other (the app overlaps some)")
