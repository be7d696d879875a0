"""Two PCs changing one plan's versions at once, on SQLite and PostgreSQL: the second takes its turn
after the first and sees the versions the first left (tests/interleave_support.py interleaves them by
hand). Found with processes at once: an edit saved into the version another PC had just approved,
and two first saves both making version 2 (a raw unique-constraint error for the loser)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import PlaybookStatus, Text2
from branchguard.core.playbooks.service import PlaybookService
from branchguard.core.playbooks.types import ImportItem
from branchguard.db.models.playbooks import PlaybookRow
from tests.core.playbooks.playbook_samples import sample_plan
from tests.interleave_support import race


@pytest.fixture
def books(ctx, lead) -> PlaybookService:
    """FIRE approved as v1, in an otherwise empty library."""
    with ctx.engine.begin() as conn:
        conn.execute(delete(PlaybookRow))
    books = ctx.services.playbooks
    books.create(lead, sample_plan())
    books.approve(lead, "FIRE")
    return books


def _edit(words: str):
    return replace(sample_plan(), cautions=Text2(words, words))


def _read(books: PlaybookService):
    """What a PC's save or approve reads first: the plan with its versions and steps."""
    return lambda s: books._playbook(s, "FIRE")


def _versions(books, lead) -> list[tuple[int, PlaybookStatus, str]]:
    return [(v.info.number, v.info.status, v.content.cautions.en) for v in books.history(lead, "FIRE")]


def test_an_edit_saved_while_another_pc_approves_goes_into_a_new_draft(books, lead, monkeypatch) -> None:
    books.save_draft(lead, "FIRE", _edit("draft"))
    race(monkeypatch, books, _read(books), lambda: books.approve(lead, "FIRE"))
    saved = books.save_draft(lead, "FIRE", _edit("later edit"))
    assert (saved.info.number, saved.info.status) == (3, PlaybookStatus.DRAFT)
    assert _versions(books, lead) == [
        (3, PlaybookStatus.DRAFT, "later edit"),
        (2, PlaybookStatus.APPROVED, "draft"),  # as approved, not with the later edit
        (1, PlaybookStatus.RETIRED, "No lifts"),
    ]


def test_two_first_saves_at_once_make_one_draft(books, lead, monkeypatch) -> None:
    race(monkeypatch, books, _read(books), lambda: books.save_draft(lead, "FIRE", _edit("PC B")))
    saved = books.save_draft(lead, "FIRE", _edit("PC A"))
    assert saved.info.number == 2
    assert _versions(books, lead) == [
        (2, PlaybookStatus.DRAFT, "PC A"),
        (1, PlaybookStatus.APPROVED, "No lifts"),
    ]


def test_a_draft_discarded_while_another_pc_approves_it_is_refused(books, lead, monkeypatch) -> None:
    books.save_draft(lead, "FIRE", _edit("draft"))
    race(monkeypatch, books, _read(books), lambda: books.approve(lead, "FIRE"))
    with pytest.raises(ValidationError):
        books.discard_draft(lead, "FIRE")
    assert _versions(books, lead) == [
        (2, PlaybookStatus.APPROVED, "draft"),
        (1, PlaybookStatus.RETIRED, "No lifts"),
    ]


def test_an_approve_after_another_pc_approved_is_refused(books, lead, monkeypatch) -> None:
    books.save_draft(lead, "FIRE", _edit("draft"))
    race(monkeypatch, books, _read(books), lambda: books.approve(lead, "FIRE"))
    with pytest.raises(ValidationError):
        books.approve(lead, "FIRE")


def test_an_imported_draft_while_another_pc_saves_one_is_refused_as_a_conflict(
    books, lead, monkeypatch
) -> None:
    race(monkeypatch, books, _read(books), lambda: books.save_draft(lead, "FIRE", _edit("PC B")))
    with pytest.raises(ValidationError) as refused:
        books.apply_import(lead, [ImportItem(_edit("from the file"), PlaybookStatus.DRAFT)])
    assert refused.value.reason_message.key == "playbook.draft_conflict"
    assert _versions(books, lead) == [
        (2, PlaybookStatus.DRAFT, "PC B"),
        (1, PlaybookStatus.APPROVED, "No lifts"),
    ]
