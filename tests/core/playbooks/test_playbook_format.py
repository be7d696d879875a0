"""The exchange file: precise errors, and fuzzed corruptions that never escape or write anything."""

from __future__ import annotations

import base64
import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.playbooks.format import FormatError, parse
from branchguard.core.playbooks.rules import clean_content
from tests.conftest import take_snapshot
from tests.core.playbooks.playbook_samples import VALID_FILE


def error_of(text: str | bytes) -> FormatError:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(FormatError) as err:
        parse(data, "plans.yaml")
    assert err.value.message.startswith("plans.yaml")
    return err.value


def test_valid_file_parses() -> None:
    parsed = parse(VALID_FILE.encode(), "plans.yaml")
    assert [i.content.code for i in parsed.items] == ["FIRE", "ROB"]
    fire = parsed.items[0].content
    assert fire.steps[1].checkpoint and fire.steps[1].deadline_minutes == 15
    assert fire.steps[1].goto == "alarm"


@pytest.mark.parametrize(
    ("mutate", "line", "path"),
    [
        (lambda s: s.replace("tier: onsite", "tier: regional", 1), 6, ("playbooks", 0, "tier")),
        (
            lambda s: s.replace("target_minutes: 1", "target_minutes: soon", 1),
            17,
            ("playbooks", 0, "steps", 0, "target_minutes"),
        ),
        (lambda s: s.replace('phone: "119"', "phone: 119", 1), 12, ("playbooks", 0, "contacts", 0, "phone")),
        (lambda s: s.replace("  - code: ROB", "  - code: FIRE", 1), 23, ("playbooks", 1, "code")),
        (
            lambda s: s.replace("levels: [II]\n    roles", "levels: [II]\n    colour: red\n    roles", 1),
            9,
            ("playbooks", 0, "colour"),
        ),
        (
            lambda s: s.replace("goto: alarm", "goto: nowhere", 1),
            22,
            ("playbooks", 0, "steps", 1, "condition", "goto"),
        ),
        (
            lambda s: s.replace("role: branch_head\n        target", "role: boss\n        target", 1),
            16,
            ("playbooks", 0, "steps", 0, "role"),
        ),
        (lambda s: s.replace("format_version: 1", "format_version: 7"), 2, ("format_version",)),
        (
            lambda s: s.replace("    tier: onsite\n", "    tier: onsite\n    tier: special\n", 1),
            7,
            ("playbooks", 0, "tier"),
        ),
    ],
)
def test_errors_name_line_and_path(mutate, line, path) -> None:
    err = error_of(mutate(VALID_FILE))
    assert err.line == line, err.message
    assert err.path == path, err.message
    assert f"{line}" in err.message


def test_encoding_and_syntax_errors() -> None:
    gbk = error_of(VALID_FILE.encode("gbk"))  # Chinese in GBK, as Notepad saves "ANSI": named so
    assert gbk.line is not None and "GBK" in gbk.reason
    zipped = error_of(b"PK\x03\x04\x14\x00\x08\x00")  # a head-office library picked by mistake
    assert zipped.line is None and "zip" in zipped.reason and zipped.message.startswith("plans.yaml")
    assert "UTF-8" in error_of(b"format: \xff\xfe").reason
    err = error_of("format: branchguard.playbooks\nformat_version: 1\nplaybooks: [\n")
    assert err.line is not None
    assert error_of("").reason
    assert error_of("- just\n- a list\n").reason


def test_aliases_refused() -> None:
    bomb = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
    assert "alias" in error_of(bomb).reason.lower() or "别名" in error_of(bomb).reason


def test_utf8_bom_accepted() -> None:
    assert len(parse(b"\xef\xbb\xbf" + VALID_FILE.encode(), "bom.yaml").items) == 2


# -- fuzzing --------------------------------------------------------------------------------
def _swap_type(doc: object, rnd: random.Random) -> object:
    """Replace one randomly chosen value anywhere in the document with a value of another type."""
    containers: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                containers.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                containers.append((node, i))
                walk(value)

    walk(doc)
    parent, key = rnd.choice(containers)
    parent[key] = rnd.choice([None, 12345, True, "text", ["a", 1], {"x": 1}, 3.5, "x" * 200_000])  # type: ignore[index]
    return doc


def corrupt(kind: str, seed: int) -> bytes:
    rnd = random.Random(seed)
    data = VALID_FILE.encode()
    if kind == "truncate":
        return data[: rnd.randrange(len(data))]
    if kind == "bytes":
        raw = bytearray(data)
        for _ in range(rnd.randint(1, 5)):
            raw[rnd.randrange(len(raw))] = rnd.randrange(256)
        return bytes(raw)
    doc = yaml.safe_load(VALID_FILE)
    if kind == "type":
        doc = _swap_type(doc, rnd)
    elif kind == "duplicate":
        doc["playbooks"].append(dict(doc["playbooks"][rnd.randrange(2)]))
    elif kind == "unknown":
        doc["playbooks"][rnd.randrange(2)][f"extra_{seed}"] = "?"
    elif kind == "huge":
        plan = doc["playbooks"][0]
        plan["steps"] = plan["steps"] * rnd.choice([1, 150, 300])
        plan["title"]["zh"] = "火" * rnd.choice([10, 5000])
    return yaml.safe_dump(doc, allow_unicode=True).encode()


# What an import writes: the plans, their versions and steps, and the audit trail (attachment
# bytes go to the file store, outside the database, before the transaction). Snapshotting only
# these keeps each example cheap (every table took about 0.4 s an example); that they are all is
# not taken on trust: every write statement of every example is watched, and one that reached
# another table fails the test.
IMPORT_TABLES = frozenset(
    {"playbooks", "playbook_versions", "playbook_steps", "audit_events", "ledger_entries", "ledger_head"}
)
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)


@dataclass
class FuzzDb:
    ctx: AppContext
    written: set[str]  # every table a write statement named, across all examples


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzDb]:
    ctx = open_context(tmp_path_factory.mktemp("fuzz"))
    watched = FuzzDb(ctx, set())

    def note_write(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if match := WRITE.match(statement):
            watched.written.add(match.group(1))

    event.listen(ctx.engine, "before_cursor_execute", note_write)
    yield watched
    event.remove(ctx.engine, "before_cursor_execute", note_write)
    ctx.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.slow
@given(
    kind=st.sampled_from(["truncate", "bytes", "type", "duplicate", "unknown", "huge"]),
    seed=st.integers(0, 10**9),
)
def test_fuzzed_files_never_escape_and_never_write(fuzz_db: FuzzDb, kind: str, seed: int) -> None:
    """A corrupted file is rejected whole with a message naming the file, and nothing changes.

    Some corruptions leave a valid file (a cut after the last plan, a flipped letter inside a
    text); importing those must simply succeed.
    """
    data = corrupt(kind, seed)
    books = fuzz_db.ctx.services.playbooks
    before = take_snapshot(fuzz_db.ctx.engine, IMPORT_TABLES)
    error: ValidationError | None = None
    try:
        books.import_file(Actor.system(), data, "fuzzed.yaml")
    except ValidationError as exc:
        error = exc
    assert fuzz_db.written <= IMPORT_TABLES, "an import wrote to a table the snapshot leaves out"
    if error is not None:
        assert error.message.startswith("fuzzed.yaml") and error.reason
        assert take_snapshot(fuzz_db.ctx.engine, IMPORT_TABLES) == before


def test_an_exported_file_cut_at_a_line_boundary_is_rejected() -> None:
    exported = parse(VALID_FILE.encode(), "a.yaml")
    from branchguard.core.kernel.types import PlaybookStatus
    from branchguard.core.playbooks.format import dump
    from branchguard.core.playbooks.types import PlaybookVersion, VersionInfo
    from branchguard.db.base import utcnow

    versions = [
        PlaybookVersion(
            VersionInfo(
                0, 0, i.content.code, 1, PlaybookStatus.APPROVED, False, "x", utcnow(), None, None, ""
            ),
            i.content,
        )
        for i in exported.items
    ]
    data = dump(versions)
    assert len(parse(data, "full.yaml").items) == 2
    lines = data.decode().splitlines(keepends=True)
    for cut in range(5, len(lines)):  # every cut after the header, including between two steps
        err = error_of("".join(lines[:cut]))
        assert err.reason


def _with_attachment(data: str, sha: str) -> str:
    """VALID_FILE with one attachment on ROB: its sha256 on line 34, its data on line 35."""
    return VALID_FILE + (
        f"    attachments:\n      - name: 疏散平面图.pdf\n        sha256: {sha}\n        data: {data}\n"
    )


def test_an_attachment_is_read_with_its_bytes() -> None:
    sha = hashlib.sha256(b"floor plan").hexdigest()
    parsed = parse(_with_attachment(base64.b64encode(b"floor plan").decode(), sha).encode(), "plans.yaml")
    (ref,) = parsed.items[1].content.attachments
    assert (ref.name, ref.sha256, ref.size, ref.media_type) == ("疏散平面图.pdf", sha, 10, "application/pdf")
    assert parsed.files == {sha: b"floor plan"}


def test_bad_base64_names_the_data_line() -> None:
    err = error_of(_with_attachment("not base64!", hashlib.sha256(b"").hexdigest()))
    assert err.line == 35 and err.path == ("playbooks", 1, "attachments", 0, "data")
    assert "base64" in err.reason


def test_a_wrong_sha256_names_the_hash_line() -> None:
    wrong = hashlib.sha256(b"another file").hexdigest()
    err = error_of(_with_attachment(base64.b64encode(b"floor plan").decode(), wrong))
    assert err.line == 34 and err.path == ("playbooks", 1, "attachments", 0, "sha256")
    assert wrong in err.reason


def test_control_characters_in_a_title_are_dropped_line_breaks_kept() -> None:
    """An imported file's text keeps no bell, escape or NUL; its line breaks stay, as "\\n"."""
    text = VALID_FILE.replace(
        "{zh: 火灾与疏散现场处置方案, en: Fire and evacuation}",
        '{zh: "火灾\\a与疏散\\e[31m", en: "Fire\\0 and\\r\\nexit"}',
    )
    content = clean_content(parse(text.encode(), "plans.yaml").items[0].content)
    assert (content.title.zh, content.title.en) == ("火灾与疏散[31m", "Fire and\nexit")


def test_the_place_is_punctuated_as_chinese_is() -> None:
    """"plans.yaml: 第 7 行, playbooks[0].tier" mixed English punctuation into the Chinese sentence."""
    from branchguard.core.kernel.i18n import set_language

    set_language("zh_CN")
    err = error_of(VALID_FILE.replace("    tier: onsite\n", "    tier: onsite\n    tier: special\n", 1))
    assert err.message.startswith("plans.yaml 第 7 行，playbooks[0].tier：")
    assert error_of(VALID_FILE.encode("gbk")).message.startswith("plans.yaml 第 ")
