"""Hostile input at the incident service: amounts out of range and attachments that are not regular
files are refused with the field named and nothing written; attachment names are cleaned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from branchguard.core.incidents.types import CloseInput
from branchguard.core.kernel.errors import ValidationError


def test_losses_beyond_any_amount_are_refused_with_the_field(ctx, lead, snapshot) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ROB").id
    before = snapshot()
    for cents in (10**18, 2**63, -1):
        with pytest.raises(ValidationError) as err:
            inc.close(lead, iid, CloseInput("处置完毕", losses_cents=cents))
        assert err.value.is_about("field.losses")
    assert snapshot() == before
    assert inc.close(lead, iid, CloseInput("处置完毕", losses_cents=10**15)).losses_cents == 10**15


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_an_attachment_must_be_a_regular_file(ctx, lead, snapshot, tmp_path: Path) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ATM").id
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    before = snapshot()
    sources = [fifo, tmp_path] + ([Path("/dev/zero")] if Path("/dev/zero").exists() else [])
    for source in sources:
        with pytest.raises(ValidationError) as err:
            inc.attach(lead, iid, source)
        assert err.value.is_about("field.attachment") and str(source) in err.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "kept"), [("CON", "_CON"), ("nul.png", "_nul.png"), ("invoice\u202egpj.exe", "invoicegpj.exe")]
)
def test_attachment_names_are_kept_cleaned(ctx, lead, tmp_path: Path, name: str, kept: str) -> None:
    inc = ctx.services.incidents
    iid = inc.start(lead, "ATM").id
    source = tmp_path / name
    source.write_bytes(b"evidence")
    entry = inc.attach(lead, iid, source)
    assert entry.data["name"] == kept
    assert inc.attachment_bytes(lead, entry) == b"evidence"
