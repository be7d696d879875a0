"""Launcher: `python main.py` opens BranchGuard."""
from branchguard.cli import main

raise SystemExit(main())
