"""The attachment store: files kept once by SHA-256, read back checked, size-limited."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from branchguard.core.kernel import attachments
from branchguard.core.kernel.attachments import AttachmentError, AttachmentStore, format_size
from branchguard.core.kernel.errors import ValidationError

PLAN = b"%PDF-1.4 floor plan with evacuation routes"


def test_a_file_is_stored_once_under_its_hash(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "data")
    source = tmp_path / "疏散平面图.pdf"
    source.write_bytes(PLAN)
    sha = hashlib.sha256(PLAN).hexdigest()

    ref = store.add(source)
    again = store.add_bytes("copy.pdf", PLAN)

    assert (ref.name, ref.sha256, ref.size, ref.media_type) == (
        "疏散平面图.pdf",
        sha,
        len(PLAN),
        "application/pdf",
    )
    assert again.sha256 == sha and again.name == "copy.pdf"
    assert store.path_of(sha) == tmp_path / "data" / "attachments" / sha[:2] / sha
    stored = [p for p in (tmp_path / "data" / "attachments").rglob("*") if p.is_file()]
    assert stored == [store.path_of(sha)]  # one copy, no temporary files left behind
    assert store.read(sha) == PLAN


def test_an_unknown_type_is_octet_stream(tmp_path: Path) -> None:
    ref = AttachmentStore(tmp_path).add_bytes("wiring.xyz123", b"x")
    assert ref.media_type == "application/octet-stream"


def test_a_damaged_or_missing_file_is_named(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    ref = store.add_bytes("notice.png", b"\x89PNG head office notice")
    path = store.path_of(ref.sha256)
    path.write_bytes(b"\x89PNG head office notice, edited")
    with pytest.raises(AttachmentError) as damaged:
        store.read(ref.sha256)
    assert str(path) in damaged.value.message and "SHA-256" in damaged.value.message

    path.unlink()
    with pytest.raises(AttachmentError) as missing:
        store.read(ref.sha256)
    assert str(path) in missing.value.message


def test_a_file_over_the_limit_is_refused_before_it_is_copied(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 10)
    store = AttachmentStore(tmp_path / "data")
    big = tmp_path / "scan.tif"
    big.write_bytes(b"x" * 11)
    for add in (lambda: store.add(big), lambda: store.add_bytes("scan.tif", b"x" * 11)):
        with pytest.raises(ValidationError) as err:
            add()
        assert "scan.tif" in err.value.message
    assert not (tmp_path / "data" / "attachments").exists()
    assert store.add_bytes("small.tif", b"x" * 10).size == 10


def test_an_empty_file_is_refused_and_nothing_is_left_in_the_store(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "data")
    empty = tmp_path / "监控截图 1.jpg"  # a copy from a USB stick that was pulled out
    empty.write_bytes(b"")
    with pytest.raises(ValidationError) as err:
        store.add(empty)
    assert err.value.reason_message.key == "attachment.empty"
    assert "监控截图 1.jpg" in err.value.message and "0" in err.value.message
    assert list((tmp_path / "data" / "attachments").iterdir()) == []  # not even its temporary file


def test_a_hash_that_is_not_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        AttachmentStore(tmp_path).path_of("../../etc/passwd")


def test_a_missing_source_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        AttachmentStore(tmp_path).add(tmp_path / "gone.pdf")
    assert "gone.pdf" in err.value.message


def test_sizes_read_as_people_say_them() -> None:
    assert [format_size(n) for n in (512, 14_540, 3_250_000)] == ["512 B", "14.2 KB", "3.1 MB"]
