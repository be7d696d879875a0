"""A photo is a picture the reports can show: an empty file, text renamed .jpg, random bytes, a
truncated JPEG or a picture under another suffix is refused when attached (from a file, as bytes
from the window, or with an amendment), naming the file and storing nothing; PNG and JPEG pass."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from branchguard.core.inspections.photos import SUFFIXES
from branchguard.core.inspections.types import ItemResult
from branchguard.core.kernel.errors import ValidationError
from branchguard.reports.incident_tables import IMAGE_SUFFIXES
from tests.core.inspections.inspection_helpers import run_inspection
from tests.photo_support import picture, picture_file

NOT_PHOTOS = {
    "empty.jpg": b"",
    "notes.jpg": "灭火器过期，已通知物业".encode(),
    "noise.png": os.urandom(2048),
    "cut.jpg": picture(size=(64, 48))[:-10],  # a JPEG cut short: its headers alone verify
    "real.txt": picture(kind="PNG"),  # a picture, but the reports would not show it
}


def _stored(ctx) -> set[Path]:
    root = Path(ctx.services.inspections._files.root)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("name", NOT_PHOTOS)
def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_stored(ctx, staff, tmp_path, name) -> None:
    svc = ctx.services.inspections
    iid = run_inspection(ctx, staff, submit=False).info.id
    before = _stored(ctx)
    path = tmp_path / name
    path.write_bytes(NOT_PHOTOS[name])
    with pytest.raises(ValidationError, match=re.escape(name)) as from_file:
        svc.answer(staff, iid, 2, ItemResult.FAIL, note="后门堵塞", photos=[path])
    assert "照片" in from_file.value.message
    with pytest.raises(ValidationError, match=re.escape(name)):
        svc.add_photo_bytes(staff, iid, 2, name, NOT_PHOTOS[name])
    assert _stored(ctx) == before
    assert svc.get(staff, iid).answers[1].photos == ()


def test_real_pictures_pass_and_one_bad_file_among_them_stores_none(ctx, staff, tmp_path) -> None:
    svc = ctx.services.inspections
    iid = run_inspection(ctx, staff, submit=False).info.id
    good = [picture_file(tmp_path / "出口.PNG", "red"), picture_file(tmp_path / "门.jpeg", "blue")]
    bad = tmp_path / "empty.jpg"
    bad.write_bytes(b"")
    before = _stored(ctx)
    with pytest.raises(ValidationError, match=r"empty\.jpg"):
        svc.answer(staff, iid, 2, ItemResult.FAIL, note="后门堵塞", photos=[*good, bad])
    assert _stored(ctx) == before
    answer = svc.answer(staff, iid, 2, ItemResult.FAIL, note="后门堵塞", photos=good)
    assert [p.name for p in answer.photos] == ["出口.PNG", "门.jpeg"]
    assert len(_stored(ctx)) == len(before) + 2

    svc.submit(staff, iid)
    with pytest.raises(ValidationError, match=r"empty\.jpg"):
        svc.amend(
            staff,
            iid,
            3,
            ItemResult.FAIL,
            reason="补拍",
            photos=(picture_file(tmp_path / "x.jpg", "green"), bad),
        )
    assert len(_stored(ctx)) == len(before) + 2
    assert svc.get(staff, iid).amendments == ()


def test_the_photo_suffixes_are_the_ones_the_reports_picture() -> None:
    assert SUFFIXES == IMAGE_SUFFIXES
