"""A proof frees its reading of the chain a slice at a time, not all at once as it returns: ten
years' 340,000 records freed at once held the interpreter 80 ms, and the window, which proves the
ledger in the background for each report it previews, stopped answering that long. Inside
`one_chain_scan` the reading is kept for the next document, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.ledger import verify
from tests.core.ledger.test_ledger_tamper import a_day


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every reading of the chain made, kept alive here to look at after the proof returned."""
    made: list[Any] = []
    found = verify._Found

    def kept(**kw: Any) -> Any:
        made.append(found(**kw))
        return made[-1]

    monkeypatch.setattr(verify, "_Found", kept)
    monkeypatch.setattr(verify, "LET_GO_SLICE", 3, raising=False)  # several slices for a day
    return made


def test_a_proof_frees_its_reading_of_every_record_before_it_returns(
    ctx: Any, lead: Any, tmp_path: Path, readings: list[Any]
) -> None:
    a_day(ctx, lead, tmp_path)
    report = ctx.services.ledger.verify(lead)
    assert report.ok and report.records > verify.LET_GO_SLICE
    assert [len(r.latest) for r in readings] == [0]  # freed in slices as the proof ended


def test_the_reading_shared_inside_one_chain_scan_is_kept(
    ctx: Any, lead: Any, tmp_path: Path, readings: list[Any]
) -> None:
    a_day(ctx, lead, tmp_path)
    with verify.one_chain_scan():
        first = ctx.services.anchors.stamp(lead, "", "", "report").proof
        again = ctx.services.anchors.stamp(lead, "", "", "report").proof
        assert readings[0].latest  # the block's reading, which the second document used
    assert first == again
