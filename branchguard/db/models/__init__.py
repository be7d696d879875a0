"""ORM models, one module per domain; every class is a …Row.

These modules do not use `from __future__ import annotations`: SQLAlchemy then reads each
`Mapped[...]` as the type Python made, instead of evaluating a string for each of the ~500 columns
(a class named before it is defined is quoted: `Mapped[list["StepRow"]]`). Declaring and
configuring every model, twelve interleaved runs (load 1): median 158 → 144 ms, at every start
and command (docs/architecture.md, "Speed tricks"); tests/db/test_model_modules.py keeps it so.
"""

# The modules whose classes name each other in relationship(): the window declares these first,
# before any thread reads (app.py, `_declare_related_models`); tests/db/test_model_modules.py keeps
# the list equal to the modules that declare a relationship.
RELATED_MODULES = ("complaints", "hazards", "inspections", "playbooks")
