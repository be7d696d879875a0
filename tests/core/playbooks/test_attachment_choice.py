"""Files chosen together for a plan are copied all or none: a later file refused (empty, missing,
too big) left the earlier ones in the attachment store with nothing naming them, carried into
every backup. The refusal names the file; a file the store held before stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.kernel import attachments
from branchguard.core.kernel.errors import ValidationError


def _stored(ctx: Any) -> set[str]:
    root = ctx.data_dir / "attachments"
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("bad", ["empty", "missing", "too_big"])
def test_a_refused_file_takes_back_the_files_chosen_with_it(
    ctx: Any, lead: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    books = ctx.services.playbooks
    held = books.add_attachment(lead, _file(tmp_path / "held.pdf", b"%PDF held before"))
    before = _stored(ctx)
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 64)
    broken = {
        "empty": _file(tmp_path / "空白.pdf", b""),
        "missing": tmp_path / "gone.pdf",
        "too_big": _file(tmp_path / "big.png", b"x" * 65),
    }[bad]
    chosen = [
        _file(tmp_path / "疏散平面图.pdf", b"%PDF floor plan"),
        tmp_path / "held.pdf",  # the store had it: it stays
        _file(tmp_path / "wiring.png", b"\x89PNG wiring"),
        broken,
    ]
    with pytest.raises(ValidationError) as refused:
        books.add_attachments(lead, chosen)
    assert broken.name in refused.value.text("en") and broken.name in refused.value.text("zh_CN")
    assert _stored(ctx) == before and held.sha256 in before

    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1024)
    refs = books.add_attachments(lead, chosen[:3])  # the good ones, chosen again
    assert [r.name for r in refs] == ["疏散平面图.pdf", "held.pdf", "wiring.png"]
    assert _stored(ctx) == before | {r.sha256 for r in refs}


def test_a_refused_import_takes_back_the_files_it_brought(ctx: Any, lead: Any, tmp_path: Path) -> None:
    """An exchange file's attachments go into the store before its plans; a refused import left
    them there, named by nothing."""
    from branchguard.context import open_context
    from branchguard.core.playbooks.format import parse

    books = ctx.services.playbooks
    fire = books.get(lead, "FIRE").content
    wiring = books.add_attachment(lead, _file(tmp_path / "alarm wiring.png", b"\x89PNG wiring"))
    books.save_draft(lead, "FIRE", replace(fire, attachments=(wiring,)))
    books.approve(lead, "FIRE")
    data = books.export_file(lead)
    other = open_context(tmp_path / "other")
    try:
        parsed = parse(data, "export.yaml")
        assert wiring.sha256 in parsed.files

        def explode(done: int, _total: int) -> None:
            if done == 1:
                raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            other.services.playbooks.apply_parsed(lead, parsed, progress=explode)
        assert wiring.sha256 not in _stored(other)
    finally:
        other.close()
