"""An editor's save of a plan told what it was opened with (`opened`): a draft another PC saved or
made since is not replaced wholesale (a lost update: PC1's title edit put back the step PC2 had
deleted, without a word), while a draft approved since still gives way to a new draft, and the
command line (no `opened`) saves as before."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete

from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import PlaybookStatus, Text2
from branchguard.core.playbooks.service import PlaybookService
from branchguard.core.playbooks.types import PlanContent
from branchguard.db.models.playbooks import PlaybookRow
from tests.core.playbooks.playbook_samples import sample_plan
from tests.interleave_support import race


@pytest.fixture
def books(ctx, lead) -> PlaybookService:
    """FIRE approved as v1 (three steps), in an otherwise empty library."""
    with ctx.engine.begin() as conn:
        conn.execute(delete(PlaybookRow))
    books = ctx.services.playbooks
    books.create(lead, sample_plan())
    books.approve(lead, "FIRE")
    return books


def _titled(content: PlanContent, en: str) -> PlanContent:
    return replace(content, title=Text2(content.title.zh, en))


def _read(books: PlaybookService):
    """What PC1's save reads first, before PC2's save commits."""
    return lambda s: books._playbook(s, "FIRE")


def _drafts(books: PlaybookService, lead) -> list[tuple[int, PlaybookStatus, int, str]]:
    return [
        (v.info.number, v.info.status, len(v.content.steps), v.content.title.en)
        for v in books.history(lead, "FIRE")
    ]


def test_a_save_over_a_draft_another_pc_changed_is_refused(books, lead) -> None:
    books.save_draft(lead, "FIRE", sample_plan())
    opened = books.get(lead, "FIRE", prefer_draft=True)  # PC1's editor opens draft v2
    books.save_draft(lead, "FIRE", replace(opened.content, steps=opened.content.steps[:-1]))  # PC2
    with pytest.raises(StaleRecord) as refused:
        books.save_draft(lead, "FIRE", _titled(opened.content, "PC1"), opened=opened)
    assert refused.value.content.key == "error.changed_elsewhere"
    assert _drafts(books, lead)[0] == (2, PlaybookStatus.DRAFT, 2, "Fire and evacuation")  # PC2's, kept


def test_a_save_from_an_approved_version_is_refused_once_another_pc_made_a_draft(books, lead) -> None:
    opened = books.get(lead, "FIRE", prefer_draft=True)  # approved v1, no draft yet
    books.save_draft(lead, "FIRE", replace(opened.content, steps=opened.content.steps[:-1]))  # PC2
    with pytest.raises(StaleRecord):
        books.save_draft(lead, "FIRE", _titled(opened.content, "PC1"), opened=opened)
    assert _drafts(books, lead)[0] == (2, PlaybookStatus.DRAFT, 2, "Fire and evacuation")


def test_a_draft_saved_by_another_pc_while_this_save_waits_for_the_lock_is_seen(
    books, lead, monkeypatch
) -> None:
    """The comparison is with the draft read under the save's lock, not with an earlier read."""
    books.save_draft(lead, "FIRE", sample_plan())
    opened = books.get(lead, "FIRE", prefer_draft=True)
    pc2 = replace(opened.content, steps=opened.content.steps[:-1])
    race(monkeypatch, books, _read(books), lambda: books.save_draft(lead, "FIRE", pc2))
    with pytest.raises(StaleRecord):
        books.save_draft(lead, "FIRE", _titled(opened.content, "PC1"), opened=opened)
    assert _drafts(books, lead)[0][2] == 2


def test_the_editors_own_saves_follow_each_other(books, lead) -> None:
    """What a save returns is what the next save is opened with: it must match the draft as stored."""
    opened = books.get(lead, "FIRE", prefer_draft=True)
    first = books.save_draft(lead, "FIRE", _titled(opened.content, "first"), opened=opened)
    second = books.save_draft(lead, "FIRE", _titled(opened.content, "second"), opened=first)
    assert second.info.number == first.info.number == 2
    assert _drafts(books, lead)[0] == (2, PlaybookStatus.DRAFT, 3, "second")


def test_a_draft_approved_by_another_pc_meanwhile_gives_way_to_a_new_draft(books, lead) -> None:
    books.save_draft(lead, "FIRE", sample_plan())
    opened = books.get(lead, "FIRE", prefer_draft=True)
    books.approve(lead, "FIRE")  # PC2
    saved = books.save_draft(lead, "FIRE", _titled(opened.content, "PC1"), opened=opened)
    assert (saved.info.number, saved.info.status, saved.content.title.en) == (3, PlaybookStatus.DRAFT, "PC1")


def test_the_command_line_saves_without_a_base_as_before(books, lead) -> None:
    books.save_draft(lead, "FIRE", replace(sample_plan(), steps=sample_plan().steps[:-1]))
    saved = books.save_draft(lead, "FIRE", _titled(sample_plan(), "CLI"))
    assert (saved.info.number, len(saved.content.steps), saved.content.title.en) == (2, 3, "CLI")


def test_an_approval_of_a_draft_another_pc_changed_since_it_was_shown_is_refused(books, lead) -> None:
    """Approving puts a text into force: not one the lead has not seen (PC2 saved into the draft
    after PC1's window showed it). The draft as shown approves; the command line (no `opened`) too."""
    books.save_draft(lead, "FIRE", sample_plan())
    shown = books.get(lead, "FIRE", prefer_draft=True)  # PC1's window shows draft v2
    books.save_draft(lead, "FIRE", replace(shown.content, steps=shown.content.steps[:-1]))  # PC2
    with pytest.raises(StaleRecord):
        books.approve(lead, "FIRE", opened=shown)
    assert _drafts(books, lead)[0][:2] == (2, PlaybookStatus.DRAFT)  # nothing put into force
    approved = books.approve(lead, "FIRE", opened=books.get(lead, "FIRE", prefer_draft=True))
    assert (approved.info.number, approved.info.status) == (2, PlaybookStatus.APPROVED)
    books.save_draft(lead, "FIRE", sample_plan())
    assert books.approve(lead, "FIRE").info.number == 3
