"""The import guard: files that are not regular files, too big, too deep, too many values, aliases
and tags are refused early with the field and the place named; nothing recurses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from branchguard.core.kernel.intake import InputRejected, Limits, line_of, load_json, load_yaml, read_file

LIMITS = Limits(1024 * 1024, max_depth=16, max_items=1000)


def refused(data: bytes | str, limits: Limits = LIMITS) -> InputRejected:
    with pytest.raises(InputRejected) as err:
        load_yaml(data, limits, "field.file")
    assert err.value.field == "field.file"
    return err.value


@pytest.mark.parametrize("depth", [17, 10_000, 200_000])
def test_deep_flow_nesting_is_refused_at_the_limit_not_by_a_crash(depth: int) -> None:
    err = refused(b"[" * depth + b"]" * depth)
    assert err.reason_message.key == "input.too_deep"
    assert err.line == 1 and len(err.path) == 16


def test_deep_block_nesting_is_refused_too() -> None:
    err = refused(b"- " * 100_000 + b"x\n")
    assert err.reason_message.key == "input.too_deep"


def test_nesting_at_the_limit_is_read() -> None:
    assert load_yaml(b"[" * 16 + b"]" * 16, LIMITS, "field.file") == [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]


def test_many_small_values_are_refused_once_the_count_passes_the_limit() -> None:
    err = refused(b"values: [" + b"0," * 100_000 + b"0]\n")
    assert err.reason_message.key == "input.too_many"
    # mapping, key, list and 997 values make 1000: refused at the next, not after reading all
    assert err.path == ("values", 997)


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    err = refused(b"a: " + b"x" * 2000, Limits(1000))
    assert err.reason_message.key == "input.too_big_bytes" and err.reason_message.params["limit"] == 1000


def test_aliases_tags_and_repeated_keys_are_refused_with_their_line() -> None:
    bomb = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
    assert (refused(bomb).reason_message.key, refused(bomb).line) == ("input.alias", 2)
    err = refused("ok: 1\nrun: !!python/object/apply:os.system ['true']\n")
    assert err.line == 2
    assert refused("a: !!set {x: null}\n").reason_message.key == "input.tag"
    dup = refused("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (dup.reason_message.key, dup.line, dup.path) == ("input.duplicate_key", 4, ("b", "c"))


def test_syntax_errors_and_odd_scalars_name_a_line() -> None:
    assert refused("a: [1, 2\nb: 3\n").line is not None
    refused_date = refused("when: 2026-02-30\n")  # a date that is none: named as such, with its line
    assert refused_date.reason_message.key == "input.no_such_date" and refused_date.line == 1


def test_text_keys_refuses_numbers_as_field_names() -> None:
    assert load_yaml("1: a\n", LIMITS, "field.file") == {1: "a"}
    assert refused_keys("1: a\n").reason_message.key == "input.key_type"


def refused_keys(text: str) -> InputRejected:
    with pytest.raises(InputRejected) as err:
        load_yaml(text, LIMITS, "field.file", text_keys=True)
    return err.value


def test_values_are_those_of_the_safe_loader() -> None:
    import yaml

    text = "a: 1\nb: [yes, 1.5, ~, '2', 2026-01-02]\nc: {d: e}\nf: .nan\n"
    mine, theirs = load_yaml(text, LIMITS, "field.file"), yaml.safe_load(text)
    assert mine["f"] != mine["f"] and theirs["f"] != theirs["f"]  # NaN: left to the field's check
    del mine["f"], theirs["f"]
    assert mine == theirs


def test_line_of_finds_a_place_or_its_parent() -> None:
    text = "top:\n  list:\n    - a\n    - b: 1\n      c: 2\n"
    assert line_of(text, ("top", "list", 1, "c")) == 5
    assert line_of(text, ("top", "list", 0)) == 3
    assert line_of(text, ("top", "missing")) == 2


def test_json_is_measured_before_json_recurses() -> None:
    with pytest.raises(InputRejected) as err:
        load_json(b"[" * 100_000 + b"]" * 100_000, LIMITS, "field.file")
    assert err.value.reason_message.key == "input.too_deep"
    assert load_json(b'{"a": ["[[[[", 1]}', Limits(100, max_depth=2), "field.file") == {"a": ["[[[[", 1]}
    with pytest.raises(InputRejected):
        load_json(b"[" + b"0," * 5000 + b"0]", LIMITS, "field.file")


def test_json_escapes_neither_hide_nor_invent_nesting() -> None:
    """Brackets and commas inside strings do not count, also past escaped quotes and backslashes;
    those outside do, and the refusal names the line of the level too deep."""
    doc = b'{"a": "\\\\", "b": ["x\\"[[[[", "\\\\\\"{{,,"]}'
    assert load_json(doc, Limits(100, max_depth=2, max_items=9), "field.file") == json.loads(doc)
    deep = b'["\\\\",\n [[["\\"]"]]]]'
    with pytest.raises(InputRejected) as err:
        load_json(deep, Limits(100, max_depth=3), "field.file")
    assert err.value.reason_message.key == "input.too_deep"
    assert err.value.line == 2
    with pytest.raises(InputRejected) as err:
        load_json(b'["a", "b",\n "c"]', Limits(100, max_items=5), "field.file")
    assert err.value.reason_message.key == "input.too_many"
    assert err.value.line == 2


@pytest.mark.parametrize(
    "doc",
    [
        b'{"a,":"b","c":"[d"}',  # a key and its value side by side, one holding a comma
        b'{"k":"v","w":"","x":["","[",",",""]}',  # empty strings next to strings with brackets
        b'["]]]","[[[",{"}":"{"}]',
        b'[[[["a"]]]]',
        b'[[[[["a"]]]]]',
        b'{"a":"\\\\","b":["x\\"[[[[","\\\\\\"{{,,"]}',
        b'["a", "b", "c", "d", "e", "f"]',
        b'[' + b'{"s":"[,]","n":1},' * 3 + b'{}]',
    ],
)
def test_the_quick_measure_agrees_with_the_token_scan(doc: bytes) -> None:
    """`_within` (C speed, strings cut out side by side) says "within" exactly when the token scan
    finds no limit passed, for documents whose strings hold brackets and commas."""
    from branchguard.core.kernel import intake

    json.loads(doc)  # each is JSON
    for limits in (Limits(1000, max_depth=4, max_items=12), Limits(1000, max_depth=5, max_items=6)):
        try:
            intake._scan(doc, limits, "field.file")
            scanned = True
        except InputRejected:
            scanned = False
        assert intake._within(doc, limits) is scanned, (doc, limits)


# -- files ----------------------------------------------------------------------------------------
def read_refused(path: Path | str, limit: int = 100) -> InputRejected:
    with pytest.raises(InputRejected) as err:
        read_file(path, limit, "field.file")
    return err.value


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX devices")
def test_a_device_is_refused_before_it_is_read() -> None:
    assert read_refused("/dev/zero").reason_message.key == "input.not_regular"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert read_refused(fifo).reason_message.key == "input.not_regular"


def test_folders_missing_and_large_files_are_refused(tmp_path: Path) -> None:
    assert read_refused(tmp_path).reason_message.key == "input.is_folder"
    assert read_refused(tmp_path / "gone").reason_message.key == "input.no_file"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    err = read_refused(big)
    assert err.reason_message.key == "input.too_big_bytes" and "big.yaml" in err.message
    big.write_bytes(b"x" * 100)
    assert read_file(big, 100, "field.file") == b"x" * 100


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc")
def test_a_large_file_of_small_values_is_refused_within_200_mb(tmp_path: Path) -> None:
    """Just under the exchange file's size limit, a file of tiny values: refused by the element
    count while parsing, the process's peak memory well within 200 MB (measured in a child)."""
    from branchguard.core.playbooks.format import MAX_FILE_BYTES

    path = tmp_path / "small-values.yaml"
    body = b"0," * ((MAX_FILE_BYTES - 100) // 2)
    path.write_bytes(b"format: branchguard.playbooks\nformat_version: 1\nplaybooks: [" + body + b"0]\n")
    script = textwrap.dedent(
        f"""
        from branchguard.core.kernel.intake import read_file
        from branchguard.core.playbooks.format import MAX_FILE_BYTES, FormatError, parse
        try:
            parse(read_file({str(path)!r}, MAX_FILE_BYTES, "field.file"), "small-values.yaml")
        except FormatError as exc:
            print(exc.reason_message.key)
        # the peak of this process (ru_maxrss would carry the parent's peak across exec)
        status = open("/proc/self/status").read().split("VmHWM:")[1]
        print(int(status.split()[0]) // 1024)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    key, peak_mb = done.stdout.split()
    assert key == "input.too_many"
    assert int(peak_mb) < 200, f"peak {peak_mb} MB"
