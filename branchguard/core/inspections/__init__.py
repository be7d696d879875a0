"""Inspections (风险隐患排查): checklist templates, runs, answers and signatures."""
