"""The dataclass methods' compiled texts, kept beside the bytecode (branchguard/dataclass_code.py)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from branchguard import dataclass_code

CLASS = '''
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Probe:
    """A class of BranchGuard's, as a module of its own would make it."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
'''


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty store, its file under a throwaway pycache prefix, compiles counted."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(dataclass_code, "_stored", {})
    monkeypatch.setattr(dataclass_code, "_used", {})
    monkeypatch.setattr(dataclass_code, "_changed", False)
    path = dataclass_code.cache_file()
    assert path is not None and path.is_relative_to(tmp_path)
    monkeypatch.setattr(dataclass_code, "_path", path)
    return path


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def counting(source: str, *args: Any) -> Any:
        seen.append(source)
        return compile(source, *args)

    monkeypatch.setattr(dataclass_code, "compile", counting, raising=False)
    return seen


def make(module_name: str, monkeypatch: pytest.MonkeyPatch) -> type:
    module = ModuleType(module_name)
    monkeypatch.setitem(sys.modules, module_name, module)
    exec(CLASS, module.__dict__)
    return module.__dict__["Probe"]


def test_installed_by_the_package() -> None:
    assert dataclasses.exec is dataclass_code.cached_exec  # type: ignore[attr-defined]


def test_a_class_made_from_stored_code_behaves_as_one_compiled(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = compiles(monkeypatch)
    first = make("branchguard.probe_one", monkeypatch)
    assert seen, "the methods' texts were compiled"
    assert dataclass_code.save() and fresh.is_file()

    monkeypatch.setattr(dataclass_code, "_stored", dataclass_code._read(fresh))
    monkeypatch.setattr(dataclass_code, "_used", {})
    seen.clear()
    second = make("branchguard.probe_one", monkeypatch)
    assert seen == [], "every method came from the file"
    assert not dataclass_code.save(), "nothing new: the file is not written again"

    for cls in (first, second):
        a, b = cls("x", 2), cls("x", 2)
        assert a == b and hash(a) == hash(b) and a != cls("y")
        assert repr(a) == "Probe(name='x', count=2, tags=())"
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.name = "z"
        assert [f.name for f in dataclasses.fields(cls)] == ["name", "count", "tags"]
        assert dataclasses.replace(a, count=3).count == 3


def test_other_code_is_compiled_as_python_does(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = compiles(monkeypatch)
    make("not_branchguard.probe", monkeypatch)
    assert seen == [] and dataclass_code._used == {}
    assert not dataclass_code.save() and not fresh.exists()


def test_nothing_is_written_where_python_writes_no_bytecode(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make("branchguard.probe_two", monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not dataclass_code.save() and not fresh.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", dataclass_code.FORMAT + b"\x00\x00\r\n" + b"x", dataclass_code.FORMAT + b"\xff" * 40],
    ids=["empty", "not ours", "another python", "truncated"],
)
def test_a_bad_file_is_ignored_and_replaced(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(content)
    assert dataclass_code._read(fresh) == {}
    make("branchguard.probe_three", monkeypatch)
    assert dataclass_code.save()
    assert dataclass_code._read(fresh), "a good file took its place"


def test_a_second_process_compiles_no_method_the_first_compiled(tmp_path: Path) -> None:
    """Through the real install: the first process writes the file at exit, the second reads it."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.pycache_prefix = {str(tmp_path)!r}
        sys.dont_write_bytecode = False
        import branchguard
        from branchguard import dataclass_code
        from types import ModuleType
        module = sys.modules["branchguard.probe_four"] = ModuleType("branchguard.probe_four")
        exec({CLASS!r}, module.__dict__)
        probe = module.Probe("x", 1)
        assert probe == module.Probe("x", 1) and probe.count == 1
        print(len(dataclass_code._used), len(dataclass_code._stored), dataclass_code._changed)
        """
    )

    def run() -> list[str]:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        return done.stdout.split()

    used, _, changed = run()
    assert int(used) > 0 and changed == "True"
    used_again, stored_again, changed_again = run()
    assert used_again == used and int(stored_again) >= int(used) and changed_again == "False"
