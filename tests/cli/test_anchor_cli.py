"""`branchguard verify --anchor`, `anchor show|folder` and the anchored incident report, end to end on
the demo branch: the report's anchor is read back from the PDF; a log cut short, a chain rewritten
and recomputed, and a database replaced by an empty one each pass plain `verify` (or leave nothing
to verify) and are caught by the anchor; an edited anchor line fails; an unreachable anchor folder
keeps the report and says the anchor was not written."""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Connection, delete, update

from branchguard.context import open_context
from branchguard.core.anchors.store import FILE_NAME, PDF_MARKER
from branchguard.core.incidents import log as incident_log
from branchguard.db.models.incidents import IncidentRow, LogEntryRow
from tests.cli.cli_support import Run
from tests.ledger_forgery import Entry, forge


@pytest.fixture
def run(demo_run: Run) -> Run:
    """On the demo branch, in English unless `lang=`."""
    return demo_run


def ok(run: Run, *args: str, lang: str = "en") -> str:
    code, out, err = run(*args, lang=lang)
    assert code == 0, err
    return out


@pytest.fixture
def anchored(run: Run, tmp_path: Path) -> tuple[int, Path]:
    """An open incident with a few entries, and its report (anchored) at tmp/report.pdf."""
    iid = int(ok(run, "incident", "start", "--title", "ATM fault"))
    for n in range(3):
        ok(run, "incident", "log", str(iid), "--kind", "note", "--text", f"entry {n}")
    pdf = tmp_path / "report.pdf"
    ok(run, "report", "incident", str(iid), "-o", str(pdf))
    return iid, pdf


def anchor_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups" / FILE_NAME


def test_the_report_carries_its_anchor_and_the_anchor_file_holds_the_same(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    iid, pdf = anchored
    meta = PdfReader(pdf).metadata
    assert meta is not None
    keywords = str(meta["/Keywords"])
    assert keywords.startswith(PDF_MARKER)
    token = keywords[len(PDF_MARKER) :]
    line = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    assert anchor_file(tmp_path).read_text(encoding="utf-8") == line + "\n"
    anchor = json.loads(line)
    assert anchor["record"] == f"incident:{iid}" and anchor["what"] == f"report incident {iid}"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    squashed = "".join(text.split())
    assert anchor["ledger_hash"] in squashed and anchor["record_hash"] in squashed
    fingerprint = ok(run, "anchor", "show").splitlines()[0].split(": ")[1]
    assert fingerprint.replace(" ", "").lower() == anchor["fingerprint"]
    assert "".join(fingerprint.split()) in squashed
    assert "chainconsistent;nooutsideanchor" in squashed  # nothing was anchored before this report

    out = ok(run, "verify", "--anchor", str(pdf))
    assert "1 anchor(s) checked" in out and "report PDF" in out
    assert "unchanged since anchor of" in out
    assert "自" in ok(run, "verify", "--anchor", str(pdf), lang="zh_CN")  # 自 … 的锚点以来未被改动


def _engine_do(tmp_path: Path, change: Callable[[Connection], None]) -> None:
    """A change made behind the app's back, as raw SQL would."""
    ctx = open_context(tmp_path / "data")
    try:
        with ctx.engine.begin() as conn:
            change(conn)
    finally:
        ctx.close()


def test_a_log_cut_short_and_the_ledger_recomputed_passes_verify_but_not_the_anchor(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    iid, pdf = anchored

    def cut(conn: Connection) -> None:
        entries = incident_log.read_entries(conn, iid)
        gone, keep = entries[-1], entries[-2]
        conn.execute(delete(LogEntryRow).where(LogEntryRow.id == gone.id))
        conn.execute(
            update(IncidentRow).where(IncidentRow.id == iid).values(last_seq=keep.seq, chain_head=keep.hash)
        )
        forge(conn, drop=lambda e: e.entity == "incident" and e.action == "append" and e.digest == gone.hash)

    _engine_do(tmp_path, cut)
    # consistent inside the database: the ledger alone cannot tell; plain verify reads the
    # branch's own anchor file too now (it looked at nothing outside the database)
    code, _out, err = run("verify")
    assert code == 1 and "branchguard-anchors.jsonl" in _out + err
    code, _out, err = run("verify", "--anchor", str(pdf))
    assert code == 1
    assert (
        "entries were removed (truncated below the anchor)" in err
        or "history up to the anchor was rewritten, or the database replaced" in err
    )
    assert f"report incident {iid}" in err and "Traceback" not in err


def test_a_chain_rewritten_and_recomputed_is_caught_by_the_anchor_file(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    iid, _pdf = anchored

    def rewrite(conn: Connection) -> None:
        prev, moved = "0" * 64, {}
        for e in incident_log.read_entries(conn, iid):
            body = "nothing happened" if e.seq == 2 else e.text
            content = incident_log.canonical(
                iid, e.seq, e.at, e.actor, e.kind.value, body, e.step, e.corrects, e.data
            )
            new = incident_log.chain_hash(prev, content)
            conn.execute(
                update(LogEntryRow).where(LogEntryRow.id == e.id).values(text=body, prev_hash=prev, hash=new)
            )
            moved[e.hash], prev = new, new
        conn.execute(update(IncidentRow).where(IncidentRow.id == iid).values(chain_head=prev))

        def relink(entry: Entry) -> None:
            if entry.entity == "incident" and entry.action == "append":
                entry.digest = moved.get(entry.digest, entry.digest)

        forge(conn, edit=relink)

    _engine_do(tmp_path, rewrite)
    # recomputed with the app's own hash functions: the database alone agrees with itself, and
    # plain verify, reading the branch's anchor file as --anchor names it, is caught all the same
    for named in ((), ("--anchor", str(anchor_file(tmp_path)))):
        code, _out, err = run("verify", *named)
        assert code == 1
        assert "history up to the anchor was rewritten, or the database replaced" in err


def test_a_database_replaced_by_an_empty_one_is_caught(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    _iid, pdf = anchored
    data = tmp_path / "data"
    for db in data.glob("branchguard.sqlite*"):
        db.unlink()
    code, _out, err = run("verify", "--anchor", str(pdf))  # gone: said so, no new one made
    assert code == 1 and "is missing or empty" in err
    assert not (data / "branchguard.sqlite").exists()
    # nor is one made there (its attachments and key are a branch's); one made elsewhere, copied in
    assert run("info")[0] == 1 and not (data / "branchguard.sqlite").exists()
    elsewhere = tmp_path / "elsewhere"
    open_context(elsewhere).close()
    shutil.copyfile(elsewhere / "branchguard.sqlite", data / "branchguard.sqlite")
    code, _out, err = run("verify", "--anchor", str(pdf))
    assert code == 1
    # A new database holds the built-in library's entries, fewer than were anchored.
    assert (
        "the database was emptied or replaced by a new one" in err
        or "entries were removed (truncated below the anchor)" in err
    )


def test_an_edited_anchor_line_fails_its_signature(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    path = anchor_file(tmp_path)
    line = json.loads(path.read_text(encoding="utf-8"))
    line["ledger_seq"] -= 1  # claim an earlier state
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    code, out, err = run("verify", "--anchor", str(path))
    assert code == 1
    assert "edited after it was signed" in err
    assert "1 of 1 anchor(s) do not hold" in out


def test_an_unreachable_anchor_folder_keeps_the_report_and_says_why(run: Run, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    assert f"Anchors go to {stick}" in ok(run, "anchor", "folder", str(stick))
    assert f"Anchor folder: {stick}" in ok(run, "anchor", "show")
    shutil.rmtree(stick)  # the stick pulled
    pdf = tmp_path / "report.pdf"
    code, out, err = run("report", "incident", "1", "-o", str(pdf))
    assert code == 0 and out.strip() == str(pdf)
    assert pdf.stat().st_size > 0
    assert "the anchor was NOT written to" in err and str(stick / FILE_NAME) in err
    assert not stick.exists()
    # The report still carries its anchor: checking it against the data holds.
    assert "unchanged since anchor of" in ok(run, "verify", "--anchor", str(pdf))


def test_a_missing_anchor_folder_is_refused_by_name(run: Run, tmp_path: Path) -> None:
    code, _out, err = run("anchor", "folder", str(tmp_path / "nowhere"))
    assert code == 1 and str(tmp_path / "nowhere") in err and "Traceback" not in err
    code, _out, err = run("anchor", "folder", "")  # "" was the current folder, taken silently
    assert code == 2 and "an empty path" in err


def test_a_settings_file_that_cannot_be_written_is_said_and_the_choice_is_not_recorded(
    run: Run, tmp_path: Path
) -> None:
    stick, settings = tmp_path / "stick", tmp_path / "data" / "settings.ini"
    stick.mkdir()
    stored = settings.read_bytes() if settings.exists() else None
    settings.with_suffix(".ini.tmp").mkdir()  # where the new file is written first: none can be
    code, out, err = run("anchor", "folder", str(stick))
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.startswith(f"branchguard: error: cannot write the settings file {settings} (Is a directory)")
    assert (settings.read_bytes() if settings.exists() else None) == stored
    assert str(stick) not in ok(run, "anchor", "show")
    assert "anchor.configure" not in ok(run, "audit", "list")


def test_a_source_with_no_anchor_proves_nothing(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, _out, err = run("verify", "--anchor", str(empty))
    assert code == 1 and "holds no anchor: nothing is proved" in err
    # Some other file is said to be one, not read as anchors that fail (a tamper alarm it was).
    for name, data in (("notes.txt", b"hello\nworld\n"), ("noise.bin", bytes(range(256)) * 12)):
        other = tmp_path / name
        other.write_bytes(data)
        code, _out, err = run("verify", "--anchor", str(other))
        assert code == 1 and "is not an anchor file" in err and "do not hold" not in err, err
        assert err.count("\n") <= 2 and "Traceback" not in err  # one line, not one per line of it


@pytest.mark.parametrize(
    "command",
    [
        ("report", "hazards", "-o", "{tmp}/register.xlsx"),
        ("report", "complaints", "-o", "{tmp}/complaints.pdf"),
        ("handover", "-o", "{tmp}/handover.pdf"),
        ("contacts", "card", "-o", "{tmp}/card.pdf"),
        ("playbook", "pdf", "FIRE", "-o", "{tmp}/fire.pdf"),
        ("playbook", "export", "FIRE", "-o", "{tmp}/fire.yaml"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_every_document_command_anchors_or_says_why_not(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    out_file = Path(args[-1])
    code, _out, err = run(*args)
    assert code == 0 and "anchor" not in err, err
    checked = ok(run, "verify", "--anchor", str(out_file))
    assert "1 anchor(s) checked" in checked
    stick = tmp_path / "stick"
    stick.mkdir()
    ok(run, "anchor", "folder", str(stick))
    shutil.rmtree(stick)
    out_file.unlink()
    code, _out, err = run(*args)
    assert code == 0 and out_file.stat().st_size > 0
    assert "the anchor was NOT written to" in err and str(stick / FILE_NAME) in err


def test_an_anchor_source_is_read_before_the_ledger_is_said_to_be_sound(run: Run, tmp_path: Path) -> None:
    """A source that is not there, or holds no anchor, refuses the run before verify prints a line:
    it once printed "Verified: … not checked against an outside anchor" and only then the error."""
    missing = tmp_path / "nonexistent.pdf"
    not_anchors = tmp_path / "letter.pdf"
    not_anchors.write_bytes(b"%PDF-1.4\n%%EOF\n")  # a PDF, but none of ours
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    for source, said in (
        (missing, f"File: '{missing}' does not exist"),
        (not_anchors, "holds no anchor"),
        (empty, "holds no anchor: nothing is proved"),
    ):
        for json_flag in ((), ("--json",)):
            code, out, err = run("verify", *json_flag, "--anchor", str(source))
            assert (code, out) == (1, ""), (source, out)
            assert said in err and err.count("\n") == 1, err


def test_verify_with_an_anchor_does_not_say_it_was_not_checked_against_one(
    run: Run, anchored: tuple[int, Path]
) -> None:
    _iid, pdf = anchored
    out = ok(run, "verify", "--anchor", str(pdf))
    first, *rest = out.splitlines()
    assert first.startswith("Verified: ") and first.endswith("Proved: chain consistent.")
    assert "outside anchor (verify --anchor FILE does)" not in out
    assert "1 anchor(s) checked" in rest[0] and "unchanged since anchor of" in rest[-1]
    assert ok(run, "verify", "--anchor", str(pdf), lang="zh_CN").splitlines()[0].endswith("已证明：链一致。")
    # Without --anchor: checked against the branch's own anchor file
    plain = ok(run, "verify").splitlines()
    assert "branchguard-anchors.jsonl" in plain[1] and "unchanged since anchor of" in plain[-1]


def test_verify_json_with_an_anchor_is_one_json_document(run: Run, anchored: tuple[int, Path]) -> None:
    _iid, pdf = anchored
    report = json.loads(ok(run, "verify", "--json", "--anchor", str(pdf)))
    assert report["ok"] is True and report["proved"] == "chain consistent"
    [source] = report["anchors"]
    assert (source["source"], source["kind"], source["ok"]) == (str(pdf), "pdf", True)
    assert source["proved"].startswith("unchanged since anchor of")
    [anchor] = source["anchors"]
    assert anchor["ok"] and anchor["own_key"] and anchor["problem"] is None
    assert anchor["ledger_seq"] <= source["checked_to"] == report["head"]["seq"]
    plain = json.loads(ok(run, "verify", "--json"))  # the branch's own anchor file
    [own] = plain["anchors"]
    assert own["kind"] == "file" and own["source"].endswith("branchguard-anchors.jsonl") and own["ok"]


def test_verify_checks_every_record_once_with_its_anchors(
    run: Run, anchored: tuple[int, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The anchors take the chain's consistency from the ledger's check just made: each source's
    check once made the whole check again (ten years on PostgreSQL: 23 s where 12 s do)."""
    from branchguard.core.ledger import verify as checks

    _iid, pdf = anchored
    made: list[object] = []
    whole_check = checks._check_records

    def counted(*args: Any, **kwargs: Any) -> None:
        made.append(args[2])  # `only`: None for every record
        whole_check(*args, **kwargs)

    monkeypatch.setattr(checks, "_check_records", counted)
    for args in (("verify",), ("verify", "--anchor", str(pdf), "--anchor", str(anchor_file(tmp_path)))):
        made.clear()
        out = ok(run, *args)
        assert "unchanged since anchor of" in out
        assert made == [None], args


def test_an_anchor_check_does_not_take_a_ledger_check_made_at_another_head(
    run: Run, anchored: tuple[int, Path], tmp_path: Path
) -> None:
    from branchguard.core.anchors.types import Head
    from branchguard.core.kernel.types import Actor

    _iid, pdf = anchored
    ctx = open_context(tmp_path / "data")
    try:
        anchors, actor = ctx.services.anchors, Actor.system()
        now = anchors.check(actor, pdf).head
        said_broken = (Head(now.seq, now.hash), False)
        assert not anchors.check(actor, pdf, said_broken).chain_consistent  # taken: the same head
        elsewhere = (Head(now.seq - 1, "0" * 64), False)
        assert anchors.check(actor, pdf, elsewhere).chain_consistent  # not taken: checked again
    finally:
        ctx.close()
