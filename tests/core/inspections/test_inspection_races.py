"""An inspection changed from two PCs at once, on SQLite and PostgreSQL: the second takes its turn
after the first and decides on what the first left (tests/interleave_support.py interleaves them by
hand). Found with two processes on one SQLite file, where the inspection's `FOR UPDATE` alone locked
nothing: one of two photos lost, an amendment recorded "from pass" of an item just amended to n/a,
an answer saved into a submitted inspection whose hazard was opened for the failure it replaced."""

from __future__ import annotations

from branchguard.core.inspections import store
from branchguard.core.inspections.types import ItemResult, SignatureRole
from tests.core.inspections.inspection_helpers import item_photo, run_inspection
from tests.interleave_support import race


def test_two_photos_added_to_one_item_at_once_are_both_kept(ctx, lead, staff, monkeypatch) -> None:
    svc = ctx.services.inspections
    iid = run_inspection(ctx, staff, "EXITS", submit=False).info.id
    race(
        monkeypatch,
        svc,
        lambda s: store.inspection_row(s, iid),  # what PC A read before PC B's photo came
        lambda: svc.add_photo_bytes(staff, iid, 1, "blue.jpg", item_photo(7)),
    )
    svc.add_photo_bytes(lead, iid, 1, "red.jpg", item_photo(3))
    names = sorted(p.name for p in svc.get(lead, iid).answers[0].photos)
    assert names == ["blue.jpg", "red.jpg"]


def test_two_amendments_of_one_item_at_once_chain(ctx, lead, staff, monkeypatch) -> None:
    svc = ctx.services.inspections
    iid = run_inspection(ctx, staff, "ALARM").info.id
    race(
        monkeypatch,
        svc,
        lambda s: store.inspection_row(s, iid),
        lambda: svc.amend(staff, iid, 2, ItemResult.NA, "button removed last week"),
    )
    svc.amend(lead, iid, 2, ItemResult.FAIL, "panic button dead")
    detail = svc.get(lead, iid)
    chain = [(a.old_result, a.new_result) for a in detail.amendments]
    assert chain == [(ItemResult.PASS, ItemResult.NA), (ItemResult.NA, ItemResult.FAIL)]
    assert detail.answers[1].hazard_id is not None  # n/a -> fail opened the item's hazard


def test_an_answer_while_submitting_is_either_before_it_or_refused(ctx, lead, staff, monkeypatch) -> None:
    """The answer came first here: the submit decides on it (no hazard for the failure it
    replaced), and the submitted inspection is what was submitted."""
    svc = ctx.services.inspections
    iid = run_inspection(ctx, staff, "EXITS", fail=[1], submit=False).info.id
    svc.sign(staff, iid, SignatureRole.INSPECTOR, "张三")
    hazards = len(ctx.services.hazards.list(lead))
    race(
        monkeypatch,
        svc,
        lambda s: store.inspection_row(s, iid),
        lambda: svc.answer(staff, iid, 1, ItemResult.PASS, note="boxes moved"),
    )
    svc.submit(lead, iid)
    first = svc.get(lead, iid).answers[0]
    assert (first.result, first.hazard_id) == (ItemResult.PASS, None)
    assert len(ctx.services.hazards.list(lead)) == hazards  # none opened for a failure no longer there
