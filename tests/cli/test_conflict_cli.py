"""Another PC's change of the same record saved first, on the command line: worded by the fault
classification the window shares (core/faults), one line, exit 1, no traceback."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from branchguard.core.playbooks.service import PlaybookService
from tests.cli.cli_support import Run


def test_an_approve_beaten_by_another_pc_is_worded_as_the_conflict(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def beaten(*_args: object, **_kwargs: object) -> object:
        raise IntegrityError(
            "UPDATE playbook_versions ...",
            {},
            sqlite3.IntegrityError("UNIQUE constraint failed: playbook_versions.playbook_id"),
        )

    monkeypatch.setattr(PlaybookService, "approve", beaten)
    code, _out, err = demo_run("playbook", "approve", "FIRE")
    assert code == 1 and "Traceback" not in err
    assert "another change made the same record at the same moment and was saved first" in err
    assert "IntegrityError" not in err and "sqlite3" not in err
