"""Two PCs opening a new shared database at once: both find it empty and load the built-in plans;
one's insert conflicts on their codes. That one opens all the same, finding them there: it failed
with "another change made the same record at the same moment" at a branch's setting up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from branchguard.context import open_context
from branchguard.core.faults.types import Fault
from branchguard.core.kernel.types import Actor
from branchguard.core.playbooks.service import PlaybookService

REAL = PlaybookService.load_starter_library


def _conflict() -> IntegrityError:
    return IntegrityError("INSERT INTO playbooks …", {}, Exception('duplicate key "uq_playbooks_code"'))


def test_the_pc_whose_load_conflicts_opens_on_the_plans_the_other_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def other_pc_first(self: PlaybookService, path: Any = None) -> int:
        REAL(self, path)  # the other PC's load, committed first
        raise _conflict()  # then this PC's own insert of the same codes

    monkeypatch.setattr(PlaybookService, "load_starter_library", other_pc_first)
    ctx = open_context(tmp_path / "data")
    try:
        assert len(ctx.services.playbooks.list_playbooks(Actor.system())) >= 24
    finally:
        ctx.close()


def test_a_conflict_that_leaves_no_plans_is_still_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def conflicts(self: PlaybookService, path: Any = None) -> int:
        raise _conflict()

    monkeypatch.setattr(PlaybookService, "load_starter_library", conflicts)
    with pytest.raises(Fault):
        open_context(tmp_path / "data")


def test_the_count_of_built_in_plans_is_the_starter_librarys() -> None:
    from branchguard.context import STARTER_PLANS
    from branchguard.core.playbooks.library import starter_items
    from branchguard.paths import starter_playbooks_file

    assert len(list(starter_items(starter_playbooks_file()))) == STARTER_PLANS


def test_built_in_plans_an_upgrade_did_not_add_are_added_at_a_later_start(tmp_path: Path) -> None:
    """The first start after an upgrade was stopped after the schema's commit, before the plans the
    new version brings were added: every later start skipped them (18 plans of 30)."""
    from sqlalchemy import text

    ctx = open_context(tmp_path / "data")
    with ctx.engine.begin() as conn:  # as a database whose upgrade stopped before the new plans
        gone = conn.execute(text("SELECT id FROM playbooks WHERE code = 'HOST'")).scalar()
        versions = "SELECT id FROM playbook_versions WHERE playbook_id = :p"
        conn.execute(text(f"DELETE FROM playbook_steps WHERE version_id IN ({versions})"), {"p": gone})
        conn.execute(text("DELETE FROM playbook_versions WHERE playbook_id = :p"), {"p": gone})
        conn.execute(text("DELETE FROM playbooks WHERE id = :p"), {"p": gone})
    ctx.close()
    again = open_context(tmp_path / "data")
    try:
        codes = {p.code for p in again.services.playbooks.list_playbooks(Actor.system())}
        assert "HOST" in codes and len(codes) >= 24
    finally:
        again.close()
