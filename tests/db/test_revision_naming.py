"""Start-up reads revision ids from file names; they must agree with Alembic's revision graph."""
from __future__ import annotations

from alembic.script import ScriptDirectory

from branchguard.db.migrate import alembic_config, head_revision, known_revisions


def test_file_names_match_alembic_revisions() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    graph = [rev.revision for rev in script.walk_revisions()]  # head first
    assert sorted(graph) == known_revisions()
    assert script.get_current_head() == head_revision()
    # a straight line: each revision's parent is the one before it in file-name order
    revisions = known_revisions()
    for previous, rev in zip([None, *revisions], revisions, strict=False):
        assert script.get_revision(rev).down_revision == previous
