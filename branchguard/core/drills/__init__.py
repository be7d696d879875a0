"""Drills (应急演练): plans, runs, evaluations, corrective actions and compliance."""
