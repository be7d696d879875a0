"""`branchguard audit export`: the events `audit list` lists for the same filters, in a workbook or a
PDF; the same role check as the window's; clear errors saying what and where."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest

from tests.cli.cli_support import AUDITOR_PASSWORD, STAFF_PASSWORD, Run, as_user


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_export_holds_what_audit_list_lists_for_the_same_filters(
    demo_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    as_user(monkeypatch, "auditor", AUDITOR_PASSWORD)  # the branch's auditor takes the trail away
    words = {"en": "status", "zh_CN": "状态"}[lang]  # a search finds the words the reader reads
    filters = ("--action", "complaint", "--since", "2020-01-01", "--text", words)
    code, out, err = demo_run("audit", "list", "--json", "--limit", "1000000", *filters, lang=lang)
    listed = json.loads(out)
    assert code == 0 and len(listed) > 3, err
    path = tmp_path / "trail.xlsx"
    code, out, err = demo_run("audit", "export", *filters, "-o", str(path), lang=lang)
    assert (code, out.strip()) == (0, str(path)), err
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[7] or "") for r in rows] == [(e["id"], e["actor"], e["entity_id"]) for e in listed]
    code, out, err = demo_run("audit", "export", *filters, "-o", str(tmp_path / "trail.pdf"), lang=lang)
    assert code == 0, err
    code, out, _ = demo_run("audit", "list", "--json", "--action", "audit.export")
    recorded = json.loads(out)
    assert [e["after"]["format"] for e in recorded] == ["pdf", "xlsx"]
    assert {e["after"]["events"] for e in recorded} == {len(listed)} and recorded[0]["actor"] == "auditor"


def test_staff_is_refused_as_in_the_window(
    demo_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, out, err = demo_run("audit", "export", "-o", str(tmp_path / "trail.xlsx"))
    assert code != 0 and out == "" and "export the audit trail" in err
    assert not (tmp_path / "trail.xlsx").exists()


def test_a_wrong_suffix_a_missing_folder_and_a_bad_date_say_what_and_where(
    demo_run: Run, tmp_path: Path
) -> None:
    csv = tmp_path / "trail.csv"
    code, _, err = demo_run("audit", "export", "-o", str(csv))
    assert code != 0 and str(csv) in err and ".xlsx or .pdf" in err and not csv.exists()
    missing = tmp_path / "no-such-folder" / "trail.xlsx"
    code, _, err = demo_run("audit", "export", "-o", str(missing))
    assert code != 0 and str(missing) in err
    code, _, err = demo_run("audit", "export", "--since", "2026-13-01", "-o", str(tmp_path / "t.xlsx"))
    assert code == 2 and "2026-13-01" in err
    code, _, err = demo_run(
        "audit", "export", "--since", "2026-12-10", "--until", "2026-12-01", "-o", str(tmp_path / "t.pdf")
    )
    assert code != 0 and "the end must be after the start" in err
    assert not any(name.startswith(("t.", "trail")) for name in os.listdir(tmp_path))
