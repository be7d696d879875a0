"""The compiled schema checks (core/headoffice/schema_check.py) give jsonschema's verdict on every
part of a real package and on thousands of variants of its records: each field removed, retyped,
emptied, and an unknown field added."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.exchange import rules as package
from branchguard.core.headoffice import rules
from branchguard.core.headoffice.schema_check import compile_schema
from branchguard.core.kernel.i18n import translate
from branchguard.core.kernel.types import Actor

ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    2.0,
    "",
    "x",
    "2026-13-01T00:00:00Z",
    [],
    {},
    [1],
    {"a": 1},
)


def _parts(zip_path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(zip_path) as zf:
        parts = {kind: json.loads(zf.read(f"{package.RECORDS}{kind}.json")) for kind in package.KINDS}
        parts["ledger"] = json.loads(zf.read(package.LEDGER))
        parts["manifest"] = json.loads(zf.read(package.MANIFEST))
    return parts


def _variants(value: Any) -> list[Any]:
    """The value with one field of one item (or of itself) changed in every odd way."""
    out = []
    items = value if isinstance(value, list) else [value]
    for n, item in enumerate(items[:3]):
        if not isinstance(item, dict):
            continue
        for key in list(item):
            for odd in (*ODD_VALUES, "gone"):
                changed = copy.deepcopy(value)
                target = changed[n] if isinstance(changed, list) else changed
                if odd == "gone":
                    del target[key]
                else:
                    target[key] = odd
                out.append(changed)
        extra = copy.deepcopy(value)
        (extra[n] if isinstance(extra, list) else extra)["unknown_field"] = 1
        out.append(extra)
    return [*out, None, [], {}, "text", [None]]


def test_the_compiled_checks_agree_with_jsonschema(ctx: Any, lead: Actor, tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    from datetime import date

    ctx.services.exchange.export(lead, f"{date.today():%Y-%m}", out)
    parts = _parts(out)
    checked = 0
    for part, value in parts.items():
        fast, slow = rules.fast_check(part), rules.validator(part)
        assert fast(value) and slow.is_valid(value), part
        for variant in _variants(value):
            assert fast(variant) == slow.is_valid(variant), (
                part,
                variant if not isinstance(variant, list) else variant[:1],
            )
            checked += 1
    assert checked > 500


def test_a_keyword_outside_the_subset_is_refused() -> None:
    with pytest.raises(ValueError, match="patternProperties"):
        compile_schema({"type": "object", "patternProperties": {"^x": {}}}, {})
    with pytest.raises(ValueError, match="is not compiled"):
        compile_schema({"$ref": "https://example.org/other.json"}, {})
    for part in rules.schema()["$defs"]:  # the published schema compiles whole
        rules.fast_check(part)


def _ledger(n: int) -> list[dict[str, Any]]:
    return [
        {
            "seq": i + 1,
            "at": f"2026-11-0{i % 9 + 1}T08:00:0{i % 10}.{i:06d}Z",
            "actor": "lead",
            "entity": "incident",
            "entity_id": str(i),
            "action": "create",
            "digest": f"{i:064x}",
            "prev_hash": f"{i + 7:064x}",
            "hash": f"{i + 8:064x}",
        }
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hash", "a" * 64 + "\n"),  # `$` takes a final newline: jsonschema holds it
        ("hash", "A" * 64),
        ("hash", "a" * 63),
        ("hash", "a" * 65),
        ("hash", "é" * 64),
        ("digest", "0" * 32 + "\n" + "0" * 31),
        ("at", "2026-11-01T08:00:00Z\n2026-11-01T08:00:00Z"),
        ("at", "2026-11-01T08:00:00Z\n"),
        ("at", "٢٠٢٦-11-01T08:00:00Z"),  # \d takes any digit
        ("at", "2026-11-01T08:00:00.Z"),
        ("seq", 2.0),
        ("seq", True),
        ("seq", 0),
        ("actor", None),
        ("extra", "x"),
    ],
)
def test_a_ledger_checked_a_column_at_a_time_gets_jsonschemas_verdict(field: str, value: Any) -> None:
    """Arrays of flat records (the ledger) are checked a column at a time (a hash column by its
    lengths and characters, a stamp column in one match over the joined column): each odd value
    in the middle of a ledger gets the same verdict as from jsonschema."""
    fast, slow = rules.fast_check("ledger"), rules.validator("ledger")
    entries = _ledger(5)
    assert fast(entries) and slow.is_valid(entries)
    entries[2][field] = value
    assert fast(entries) == slow.is_valid(entries), (field, value)
    del entries[2][field if field != "extra" else "seq"]
    assert fast(entries) == slow.is_valid(entries) is False


def test_nested_records_checked_a_column_at_a_time_get_jsonschemas_verdict(
    ctx: Any, lead: Actor, tmp_path: Path
) -> None:
    """An incident's log is an array checked a column at a time inside the incidents' own column
    check: every odd value in a log entry, and in the incident's nullable stamp, gets the same
    verdict as from jsonschema."""
    from datetime import date

    from branchguard.core.incidents.types import EntryKind
    from branchguard.core.kernel.types import Level

    started = ctx.services.incidents.start(lead, None, Level.III, title="漏水", location="大堂")
    ctx.services.incidents.log(lead, started.id, EntryKind.OBSERVATION, "二楼漏水")
    out = tmp_path / "p.zip"
    ctx.services.exchange.export(lead, f"{date.today():%Y-%m}", out)
    incidents = _parts(out)["incidents"]
    assert incidents and incidents[0]["log"]
    fast, slow = rules.fast_check("incidents"), rules.validator("incidents")
    checked = 0
    for key in list(incidents[0]["log"][-1]):
        for odd in (*ODD_VALUES, "a" * 64 + "\n", "gone"):
            changed = copy.deepcopy(incidents)
            entry = changed[0]["log"][-1]
            if odd == "gone":
                del entry[key]
            else:
                entry[key] = odd
            assert fast(changed) == slow.is_valid(changed), (key, odd)
            checked += 1
    for odd in (*ODD_VALUES, "2026-11-01T08:00:00Z\n", "gone"):
        changed = copy.deepcopy(incidents)
        if odd == "gone":
            del changed[0]["closed_at"]
        else:
            changed[0]["closed_at"] = odd
        assert fast(changed) == slow.is_valid(changed), odd
        checked += 1
    assert checked > 50


@pytest.mark.parametrize("quarter", [False, True])
def test_every_report_a_package_carries_is_a_name_the_schema_allows(
    ctx: Any, lead: Actor, tmp_path: Path, quarter: bool
) -> None:
    """The periodic report (reports/summary-2026-12.pdf, -2026-Q4.pdf) once broke the name pattern:
    head office refused every package made with its reports, the default."""
    from datetime import date

    today = date.today()
    period = f"{today.year}-Q{(today.month - 1) // 3 + 1}" if quarter else f"{today:%Y-%m}"
    made: list[str] = []

    def documents(kind: str, ref: int | str, pdf: Path) -> None:
        made.append(f"{kind}-{ref}")
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    out = tmp_path / "p.zip"
    ctx.services.exchange.export(lead, period, out, documents=documents)
    manifest = _parts(out)["manifest"]
    assert f"summary-{period}" in made
    assert rules.schema_problem("manifest", manifest) is None


def _manifest(**changed: Any) -> dict[str, Any]:
    manifest = {
        "created_at": "2026-12-01T02:00:00Z",
        "period": {"name": "2026-11", "start": "2026-11-01", "end": "2026-12-01"},
    }
    for key, value in changed.items():
        if key == "created_at":
            manifest[key] = value
        else:
            manifest["period"] = {**manifest["period"], key: value}  # type: ignore[dict-item]
    return manifest


@pytest.mark.parametrize(
    ("changed", "problem"),
    [
        ({}, None),
        ({"name": "2026-Q4", "start": "2026-10-01", "end": "2027-01-01"}, None),
        ({"created_at": "2026-13-45T99:99:99Z"},
         "field “created_at”: is \"2026-13-45T99:99:99Z\", which is no real time"),
        ({"name": "2026-13"}, "field “period/name”: is \"2026-13\", which is no month or quarter"),
        ({"name": "2026-00"}, "field “period/name”: is \"2026-00\", which is no month or quarter"),
        ({"start": "2026-10-01"}, "field “period/start”: is \"2026-10-01\", not the start of 2026-11"),
        ({"end": "garbage"}, "field “period/end”: is \"garbage\", not the end of 2026-11"),
    ],
)
def test_a_manifest_the_patterns_let_through_must_still_mean_what_it_says(
    changed: dict[str, str], problem: str | None
) -> None:
    """A signed manifest with a time or a period that is none: the time was a ValueError traceback
    at the import, the period 2026-13 was stored."""
    said = rules.manifest_meaning_problem(_manifest(**changed))
    assert (said if said is None else translate(said, "en")) == problem
