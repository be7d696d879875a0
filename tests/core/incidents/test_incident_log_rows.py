"""`entry_of` unpacks a log row by position: the table's columns must stay LogEntry's fields."""

from __future__ import annotations

import dataclasses

from branchguard.core.incidents.types import LogEntry
from branchguard.db.models.incidents import LogEntryRow


def test_log_columns_are_the_entry_fields_in_order() -> None:
    columns = [c.name for c in LogEntryRow.__table__.columns]
    fields = [f.name for f in dataclasses.fields(LogEntry)]
    assert fields[: len(columns)] == [{"id": "id", "hash": "hash"}.get(c, c) for c in columns]
    assert fields[len(columns) :] == ["corrected_by"]
