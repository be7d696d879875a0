"""The library's pure parts and its guard on input: the working-day table document (refusals name
the year and the date), the manifest's schema, and files that are no library."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from branchguard.core.kernel import working_days
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import set_language, translate
from branchguard.core.kernel.intake import InputRejected
from branchguard.core.library_sync import archive, holidays, rules
from branchguard.core.library_sync.rules import LibraryRefused


def _doc(*years: dict[str, object]) -> dict[str, object]:
    return {"format": holidays.FORMAT, "format_version": 1, "years": list(years)}


def test_every_built_in_year_round_trips_through_the_table_document() -> None:
    tables = [working_days.built_in_table(y) for y in sorted(working_days.built_in_years())]
    back = holidays.parse(holidays.document([t for t in tables if t is not None]))
    assert len(back) == len(tables)
    assert all(a is not None and a.same_days(b) for a, b in zip(tables, back, strict=True))


@pytest.mark.parametrize(
    ("year", "words"),
    [
        ({"year": 2031, "holidays": []}, "lists no days off"),
        ({"year": 2031, "holidays": [{"name": "X", "date": "2032-01-01"}]}, "2032-01-01 is not in 2031"),
        ({"year": 2031, "holidays": [{"name": "X", "date": "2031-13-01"}]}, "is not a date"),
        (
            {"year": 2031, "holidays": [{"name": "X", "date": "2031-01-01"}], "workdays": ["2031-01-01"]},
            "both a day off and a make-up workday",
        ),
        (
            {"year": 2031, "holidays": [{"name": "X", "date": "2031-01-01"}], "workdays": ["2031-01-06"]},
            "2031-01-06 is a weekday",
        ),
        ({"year": 1999, "holidays": [{"name": "X", "date": "1999-01-01"}]}, "from 2000 to 2100"),
        (
            {"year": 2031, "holidays": [{"name": "X", "from": "2031-03-01", "to": "2031-02-01"}]},
            "not a holiday period",
        ),
    ],
)
def test_a_bad_year_is_refused_naming_what_is_wrong(year: dict[str, object], words: str) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as caught:
        holidays.parse(_doc(year))
    assert caught.value.field == "field.working_day_table" and words in caught.value.message
    assert caught.value.path[:2] == ("years", 0)


def test_the_manifest_follows_its_published_schema() -> None:
    import json

    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    members = {name: b"{}" for name in rules.MEMBERS}
    doc = json.loads(
        rules.manifest_bytes(members, datetime(2026, 12, 5, tzinfo=UTC), "BranchGuard", "HO", raw)
    )
    assert rules.schema_problem(doc) is None
    assert rules.manifest_of(doc).created_at == datetime(2026, 12, 5, tzinfo=UTC)
    # the pattern holds, the time is none: refused in words, not a ValueError from manifest_of
    impossible = {**doc, "created_at": "2026-13-45T99:99:99Z"}
    problem = rules.schema_problem(impossible)
    assert problem is not None
    assert translate(problem, "en") == 'field “created_at”: is "2026-13-45T99:99:99Z", which is no real time'
    assert translate(problem, "zh_CN") == '字段“created_at”：为 "2026-13-45T99:99:99Z"，不是真实存在的时间'
    doc["files"][0]["sha256"] = "not a hash"
    assert rules.schema_problem(doc) is not None
    del doc["signer"]
    problem = rules.schema_problem(doc)
    assert problem is not None
    assert translate(problem, "en") == "field “signer”: missing"
    assert translate(problem, "zh_CN") == "字段“signer”：缺失"


def test_what_is_no_library_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    set_language("en")
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(LibraryRefused) as caught:
        archive.read(text)
    assert "not a zip file" in caught.value.message
    with pytest.raises(InputRejected):
        archive.read(tmp_path)  # a folder
    odd = tmp_path / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("../../etc/passwd", b"x")
    with pytest.raises(LibraryRefused) as caught:
        archive.read(odd)  # no manifest: no library at all, whatever it holds
    assert "has no manifest: it is not a head-office library" in caught.value.message
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(rules.MANIFEST, b" " * (2 * 1024 * 1024))  # compresses to almost nothing
    with pytest.raises(InputRejected) as refused:
        archive.read(big)
    assert "manifest.json" in refused.value.message


def test_the_table_says_which_years_it_covers() -> None:
    assert working_days.spans([2004, 2005, 2006, 2028, 2030, 2031]) == "2004–2006, 2028, 2030–2031"
    assert working_days.table_for(date(2026, 1, 1).year) is not None


def test_every_built_in_checklist_reads_back_from_its_library_record_unchanged() -> None:
    """Every field of a checklist travels in a library: a branch that exported its own library and
    imported it got a new version of six checklists, with their 'corrected on the spot' flags and
    the plans their failed items start gone."""
    from branchguard.core.inspections.library import clean_template, load_builtin
    from branchguard.core.library_sync.content import templates_document, templates_of

    builtin = [clean_template(c) for c in load_builtin()]
    assert any(i.correct_on_spot for c in builtin for i in c.items)
    assert any(i.on_fail_playbook for c in builtin for i in c.items)
    assert list(templates_of(templates_document(builtin), "templates.json")) == builtin
