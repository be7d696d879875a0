"""The one message catalogue: no key defined twice, every key the code uses exists in both languages."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import branchguard
from branchguard.core.kernel.catalogue import SOURCES, DuplicateMessageKey, assemble, build_catalogue
from branchguard.core.kernel.types import LabelledEnum
from tests import source_trees

PACKAGE = Path(branchguard.__file__).parent


@cache
def _catalogue() -> dict[str, tuple[str, str]]:
    return build_catalogue()


def _module_path(name: str) -> Path:
    return PACKAGE.parent / (name.replace(".", "/") + ".py")


def _messages_literal(path: Path) -> ast.Dict:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in targets):
                assert isinstance(node.value, ast.Dict), f"{path}: MESSAGES is not a dict literal"
                return node.value
    raise AssertionError(f"{path} defines no MESSAGES dict")


def test_assembling_refuses_a_key_defined_in_two_modules() -> None:
    parts = {"a.messages": {"x.one": ("One", "一")}, "b.messages": {"x.one": ("Uno", "一")}}
    with pytest.raises(DuplicateMessageKey, match=r"'x\.one'.*a\.messages.*b\.messages"):
        assemble(parts)
    assert assemble({"a": {"x.one": ("One", "一")}, "b": {"x.two": ("Two", "二")}}) == {
        "x.one": ("One", "一"),
        "x.two": ("Two", "二"),
    }


def test_the_catalogue_assembles_without_a_key_defined_twice() -> None:
    assert len(_catalogue()) == sum(len(importlib.import_module(s).MESSAGES) for s in SOURCES)


def test_every_messages_module_is_a_catalogue_source() -> None:
    """A domain's messages module left out of SOURCES would make its keys fail at run time."""
    found = {
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*messages.py")
    }
    assert found == set(SOURCES)


@pytest.mark.parametrize("source", SOURCES)
def test_no_key_repeated_within_a_messages_module(source: str) -> None:
    """A dict literal silently keeps the last of two equal keys: read the source to see both."""
    keys = [k.value for k in _messages_literal(_module_path(source)).keys if isinstance(k, ast.Constant)]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    assert repeated == [], f"{source} defines these keys more than once: {repeated}"
    assert len(keys) == len(importlib.import_module(source).MESSAGES)  # every key is a plain literal


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for key, (en, zh) in _catalogue().items():
        if not en.strip() or not zh.strip():
            problems.append(f"{key}: empty text")
        elif _placeholders(en) != _placeholders(zh):
            problems.append(f"{key}: {sorted(_placeholders(en))} ≠ {sorted(_placeholders(zh))}")
    assert problems == []


# -- keys the code uses ------------------------------------------------------------------------
# Calls whose first argument is a message key, and error constructors whose first is a field key.
_MESSAGE_CALLS = {"t", "Message", "has_message"}
_FIELD_CALLS = {"ValidationError", "AttachmentError", "_fail"}
# Calls naming an action ("action.<name>" words it in audit and permission messages): the
# argument's position.
_ACTION_CALLS = {"require": 1, "may": 1, "record": 2}
# Field keys handed to the shared validation helpers (v.text(value, "field.name"), …) or kept in a
# variable before the error is raised.
_FIELD_KEY = re.compile(r"^field\.[a-z0-9_]+$")


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in source_trees.module_paths():
        if "migrations" not in path.parts:
            yield path, source_trees.tree(path)


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _key_pattern(node: ast.expr) -> str | None:
    """A literal key as itself, an f-string key as a pattern (each {…} one or more key characters)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.Tuple) and node.elts:  # ("field.step", n) in the plan rules
        return _key_pattern(node.elts[0])
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w.]+" for v in node.values)
    return None


def _used_keys() -> dict[str, set[str]]:
    """Pattern of each key the code names -> where."""
    used: dict[str, set[str]] = {}
    for path, tree in _sources():
        where = str(path.relative_to(source_trees.PACKAGE.parent))
        for node in ast.walk(tree):
            patterns: list[str | None] = []
            if isinstance(node, ast.Call) and node.args:
                name = _name(node.func)
                first = node.args[0]
                if name in _MESSAGE_CALLS or (name in _FIELD_CALLS and not isinstance(first, ast.JoinedStr)):
                    patterns.append(_key_pattern(first))
                position = _ACTION_CALLS.get(name)
                if position is not None and len(node.args) > position:
                    action = _key_pattern(node.args[position])
                    patterns.append(None if action is None else r"action\." + action)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _FIELD_KEY.match(node.value)
            ):
                patterns.append(re.escape(node.value))
            for pattern in patterns:
                if pattern:
                    used.setdefault(pattern, set()).add(where)
    return used


def test_the_scan_sees_the_keys_it_is_meant_to_see() -> None:
    """The checks below are only as good as the scan: it must find literal, f-string, tuple,
    field and action keys."""
    used = _used_keys()
    assert re.escape("validation.required") in used
    assert re.escape("field.step_role") in used  # _fail(("field.step_role", n), …)
    assert re.escape("field.criteria_set") in used  # a field key kept in a variable
    assert r"action\." + re.escape("schedule.manage") in used  # require(actor, "schedule.manage", …)
    assert any(p.startswith(re.escape("format.place.")) for p in used)  # f"format.place.{kind}"
    assert len(used) > 500


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    keys = list(_catalogue())
    missing = sorted(
        f"{pattern} ({', '.join(sorted(where))})"
        for pattern, where in _used_keys().items()
        if not any(re.fullmatch(pattern, key) for key in keys)
    )
    assert missing == []


def _labelled_enums() -> Iterator[type[LabelledEnum]]:
    core = importlib.import_module("branchguard.core")
    for info in pkgutil.walk_packages(core.__path__, "branchguard.core."):
        importlib.import_module(info.name)
    stack = list(LabelledEnum.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__members__:
            yield cls


def test_every_labelled_enum_member_has_a_label() -> None:
    enums = list(_labelled_enums())
    assert len(enums) > 10  # the walk found the domains' enums, not just the kernel's
    missing = [
        f"{cls.__name__}.{member.name}: {cls._prefix()}.{member.value}"
        for cls in enums
        for member in cls
        if f"{cls._prefix()}.{member.value}" not in _catalogue()
    ]
    assert missing == []
