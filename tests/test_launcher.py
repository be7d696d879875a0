"""The launcher stays light: `branchguard` with no sub-command must paint the window before the
database layer (SQLAlchemy) and the YAML reader are imported."""
from __future__ import annotations

import os
import subprocess
import sys


def test_importing_the_command_line_loads_no_database_layer() -> None:
    code = (
        "import sys, branchguard.cli, branchguard.app; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'yaml', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_first_frame_waits_for_no_page_nor_for_the_qt_namespace(tmp_path) -> None:
    """PySide creates every enum of the Qt namespace (15-21 ms) on its first use: the starting window
    must paint without it (no `Qt.…` on that path; `QAction.setShortcut` resolves its overloads
    through it, `setShortcuts([...])` does not). Nor does it import a page, the domain types or
    the message catalogue."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import PySide6.QtCore as core\n"
        "import branchguard.cli\n"
        "from branchguard.app import configure_app, gui_settings\n"
        "from branchguard.gui.shell.main_window import MainWindow\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "configure_app(app, 'zh_CN')\n"
        f"window = MainWindow(None, gui_settings(Path({str(tmp_path)!r})))\n"
        "window.show()\n"
        "window.repaint()\n"
        "heavy = ('branchguard.core.kernel.types', 'branchguard.core.kernel.catalogue',\n"
        "         'branchguard.core.kernel.messages',\n"
        "         'branchguard.gui.shell.pages')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "print('Qt' in core.__dict__, loaded)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False []"


def test_reopening_a_database_reads_no_yaml(tmp_path) -> None:
    """YAML and the playbook exchange format load for the starter library's first import only."""
    code = (
        "import sys\n"
        "from branchguard.context import open_context\n"
        f"open_context({str(tmp_path)!r}).close()\n"
        "print(sorted(m for m in ('yaml', 'branchguard.core.playbooks.format') if m in sys.modules))\n"
    )
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    again = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert first.strip() == "['branchguard.core.playbooks.format', 'yaml']" and again.strip() == "[]"


def test_reopening_a_database_builds_no_capability_it_does_not_use(tmp_path) -> None:
    """Services are built on first use: opening an existing database (the window's start before
    login) imports neither the playbook, incident, schedule nor drill layer, nor their models."""
    layers = (
        "branchguard.core.playbooks.service", "branchguard.core.incidents.service",
        "branchguard.core.schedules.service", "branchguard.core.drills.service",
        "branchguard.db.models.playbooks", "branchguard.db.models.incidents",
        "branchguard.db.models.schedules", "branchguard.db.models.drills",
    )
    code = (
        "import sys\n"
        "from branchguard.context import open_context\n"
        f"ctx = open_context({str(tmp_path)!r})\n"
        "ctx.services.people, ctx.services.auth, ctx.services.incident_probe\n"
        f"print(sorted(m for m in {layers!r} if m in sys.modules))\n"
        "ctx.services.drills\n"
        "drill_layer = ('branchguard.core.drills.service', 'branchguard.db.models.drills')\n"
        "print(sorted(m for m in drill_layer if m in sys.modules))\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, capture_output=True, text=True, check=True)  # creates the database
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "['branchguard.core.drills.service', 'branchguard.db.models.drills']"  # once asked for


def test_the_dashboards_first_read_reads_no_yaml(records_data_dir) -> None:
    """The landing page's first read at every start (the demo branch with its records: a certificate
    reminder due within the week, the drills' built-in rules all seeded) neither parses a built-in
    file nor loads the YAML reader: the dashboard counts the items due without wording the training
    kind in their titles, and the drills' defaults are scanned for their codes, not parsed."""
    code = (
        "import sys\n"
        "from branchguard.context import open_context\n"
        f"ctx = open_context({str(records_data_dir)!r})\n"
        "actor = ctx.services.auth.login('lead', 'lead-demo-2026')\n"
        "ctx.services.dashboard.dashboard(actor)\n"
        "ctx.services.dashboard.first_steps(actor)\n"
        "print(sorted(m for m in ('yaml', 'branchguard.core.team.library') if m in sys.modules))\n"
        "ctx.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
