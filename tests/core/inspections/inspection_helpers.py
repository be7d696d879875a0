"""Shared steps for the inspection and hazard tests: run a checklist to a given set of results."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from branchguard.core.inspections.types import InspectionDetail, InspectionInput, ItemResult, SignatureRole
from branchguard.core.kernel.types import Actor
from tests.photo_support import picture

JPEG = picture()


def item_photo(n: int) -> bytes:
    """The photo `run_inspection` gives failed item `n`: a picture of its own (its own hash)."""
    return picture((n * 20 % 256, 90, 90))


def run_inspection(
    ctx: Any,
    actor: Actor,
    code: str = "FIRE_DAILY",
    *,
    fail: Iterable[int] = (),
    na: Iterable[int] = (),
    location: str = "营业厅",
    inspector: str = "张三",
    submit: bool = True,
    occurrence_id: int | None = None,
) -> InspectionDetail:
    """Start `code`, fail the given items (each with a note and a photo), mark `na` ones n.a., the
    rest pass, sign as `inspector`, and submit."""
    svc = ctx.services.inspections
    det = svc.start(actor, code, InspectionInput(location=location, occurrence_id=occurrence_id))
    iid = det.info.id
    for n in fail:
        svc.answer(actor, iid, n, ItemResult.FAIL, note=f"第 {n} 项发现问题")
        svc.add_photo_bytes(actor, iid, n, f"item{n}.jpg", item_photo(n))
    for n in na:
        svc.answer(actor, iid, n, ItemResult.NA)
    svc.answer_rest(actor, iid)
    svc.sign(actor, iid, SignatureRole.INSPECTOR, inspector)
    if submit:
        return svc.submit(actor, iid)
    return svc.get(actor, iid)
