"""`python -m branchguard` runs the command line (no sub-command opens the window)."""

from branchguard.cli import main

raise SystemExit(main())
