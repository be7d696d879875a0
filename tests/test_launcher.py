"""The launcher stays light: `branchguard` with no sub-command must paint the window before the
database layer (SQLAlchemy) and the YAML reader are imported."""
from __future__ import annotations

import subprocess
import sys


def test_importing_the_command_line_loads_no_database_layer() -> None:
    code = (
        "import sys, branchguard.cli, branchguard.app; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'yaml', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
