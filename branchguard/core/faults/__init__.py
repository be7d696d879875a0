"""Faults of the machine, not of the input: a locked, full, read-only or damaged database, a vanished
server. Each is named in words (a keyed message) instead of a traceback; see rules.explain()."""
