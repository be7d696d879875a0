"""The package schema compiled into plain Python checks: a speed trick (docs/architecture.md).

jsonschema walks every node of every record through its validator objects (~40 µs a node): it was
three quarters of an import's time in `make bench` (39 of 52 s for 24 packages of a year, 81,000
rows). The published schema (docs/schema/package-v1.json) uses a small set of keywords; each is
compiled here once into a closure, and a package is checked by calling them. Only when these find
a problem does `rules.schema_problem` ask jsonschema where and why (worded by kernel/schema_words.py);
`tests/core/headoffice/test_schema_check.py` holds the two to the same verdicts.

A keyword this module does not know makes compiling fail, so a schema that grows past the subset
is noticed at once rather than checked loosely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial
from itertools import chain
from operator import itemgetter
from typing import Any

Check = Callable[[Any], bool]

# Annotations only: Draft 2020-12 validators do not assert them without a format checker.
_IGNORED = frozenset({"$schema", "$id", "title", "description", "format", "$defs", "$comment"})


def _is_type(value: Any, name: str) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    raise ValueError(f"unknown type {name!r}")


# Types whose JSON values json.loads gives as exactly one Python class (bool is not an int here).
_EXACT: dict[str, type] = {"object": dict, "array": list, "string": str, "boolean": bool}


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return bool(a == b)


def compile_schema(node: Mapping[str, Any] | bool, defs: Mapping[str, Any]) -> Check:
    """A check that is True exactly when `node` (with `$ref`s into `defs`) holds for a value."""
    if node is True:
        return _anything
    if node is False:
        return lambda _v: False
    assert isinstance(node, Mapping)
    keys = frozenset(node) - _IGNORED
    shaped = _shaped(node, keys, defs)
    if shaped is not None:
        return shaped
    checks = tuple(_keyword(key, node[key], node, defs) for key in node if key in keys)
    if len(checks) == 1:
        return checks[0]

    def every(v: Any) -> bool:
        return all(check(v) for check in checks)

    return every


def _anything(_v: Any) -> bool:
    return True


# The shapes most nodes of the package schema have, each one closure that tests the type once
# (a record is an object of such nodes, a file an array of records): the same verdicts as the
# keyword-by-keyword checks below, with a third of the calls.
_OBJECT_KEYS = frozenset({"type", "properties", "required", "additionalProperties"})


def _shaped(node: Mapping[str, Any], keys: frozenset[str], defs: Mapping[str, Any]) -> Check | None:
    kind = node.get("type")
    if kind == "string" and keys == {"type", "pattern"}:
        search = re.compile(node["pattern"]).search
        return lambda v: type(v) is str and search(v) is not None
    if kind in ("integer", "number") and keys == {"type", "minimum"}:
        least = node["minimum"]
        if kind == "integer":  # an int (not a bool), or a float without a fraction
            return lambda v: (type(v) is int or (type(v) is float and v.is_integer())) and v >= least
        return lambda v: type(v) in (int, float) and v >= least
    if kind == "array" and keys == {"type", "items"} and "prefixItems" not in node:
        each = compile_schema(node["items"], defs)
        table = _table(node["items"], defs)
        if table is not None:  # the column check first; the item check decides when it fails
            return lambda v: type(v) is list and (table(v) or all(map(each, v)))
        return lambda v: type(v) is list and all(map(each, v))
    if kind == "object" and "type" in keys and keys <= _OBJECT_KEYS and keys != {"type"}:
        return _object(node, defs)
    if keys == {"anyOf"} and len(node["anyOf"]) == 2:
        first, second = (compile_schema(sub, defs) for sub in node["anyOf"])
        return lambda v: first(v) or second(v)
    return None


def _object(node: Mapping[str, Any], defs: Mapping[str, Any]) -> Check:
    """type object, its properties, required and additionalProperties: the listed properties looked
    up (fields the schema leaves open are not visited), those of one exact type tested inline."""
    plain: dict[str, type] = {}
    props: dict[str, Check] = {}
    for name, sub in node.get("properties", {}).items():
        keys = set(sub) - _IGNORED if isinstance(sub, Mapping) else set()
        exact = _EXACT.get(sub.get("type", "")) if keys == {"type"} else None
        if exact is not None:
            plain[name] = exact
        else:
            props[name] = compile_schema(sub, defs)
    wanted = frozenset(node.get("required", ()))
    spec = node.get("additionalProperties", True)
    extra = None if spec is True else compile_schema(spec, defs)
    known = frozenset(plain) | frozenset(props)
    plain_items, props_items = tuple(plain.items()), tuple(props.items())

    def obj(v: Any) -> bool:
        if type(v) is not dict or not v.keys() >= wanted:
            return False
        get = v.get
        for name, exact in plain_items:
            item = get(name, _MISSING)
            if item is not _MISSING and type(item) is not exact:
                return False
        for name, check in props_items:
            item = get(name, _MISSING)
            if item is not _MISSING and not check(item):
                return False
        return extra is None or all(extra(v[name]) for name in v.keys() - known)

    return obj


_MISSING = object()


# -- arrays of flat records, a column at a time -------------------------------------------------------
# A pattern whose text is one piece (literals, escapes of digits and dots, classes that are not
# negated, quantifiers, groups without `?`) can check a whole column joined by newlines in one
# match: none of its parts matches a newline, so each value is matched on its own.
_JOINABLE = re.compile(r"\^(?:[^\\^$()|\[]|\\[d.\-]|\[(?!\^)[^\]\\]*\]|\((?!\?)|\))*\$")


# ^[class]{n}$ with a class of letters, digits and underscores and their ranges (a hash: ^[0-9a-f]{64}$).
_FIXED = re.compile(r"\^\[((?:[0-9A-Za-z_](?:-[0-9A-Za-z_])?)+)\]\{(\d+)\}\$")


def _class_bytes(spec: str) -> bytes:
    """The characters of a class such as 0-9a-f."""
    out: set[int] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.update(range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.add(ord(spec[i]))
            i += 1
    return bytes(sorted(out))


def _column(sub: Any) -> Callable[[list[Any]], bool] | None:
    """A check of a column of values (not empty) that is True only when each holds `sub`: one
    exact type, a pattern (joinable), an integer minimum, or one of these or null. None for any
    other shape."""
    if not isinstance(sub, Mapping):
        return None
    keys = frozenset(sub) - _IGNORED
    kind = sub.get("type")
    exact = _EXACT.get(kind) if isinstance(kind, str) else None
    if keys == {"type"} and exact is not None:
        return lambda col: set(map(type, col)) == {exact}
    if keys == {"type", "pattern"} and kind == "string" and (fixed := _FIXED.fullmatch(sub["pattern"])):
        allowed, size = _class_bytes(fixed[1]), int(fixed[2])

        def fixed_width(col: list[Any]) -> bool:  # e.g. a hash: its length, then its characters
            if set(map(type, col)) != {str} or set(map(len, col)) != {size}:
                return False
            text = "".join(col)
            return text.isascii() and not text.encode("ascii").translate(None, allowed)

        return fixed_width
    if keys == {"type", "pattern"} and kind == "string" and _JOINABLE.fullmatch(sub["pattern"]):
        body = sub["pattern"][1:-1]
        joined = re.compile(f"(?:{body})(?:\n(?:{body}))*").fullmatch

        def strings(col: list[Any]) -> bool:
            if set(map(type, col)) != {str}:
                return False
            text = "\n".join(col)
            return text.count("\n") == len(col) - 1 and joined(text) is not None

        return strings
    if keys == {"type", "minimum"} and kind == "integer":
        least = sub["minimum"]
        return lambda col: set(map(type, col)) == {int} and min(col) >= least
    if keys == {"anyOf"} and len(sub["anyOf"]) == 2 and {"type": "null"} in sub["anyOf"]:
        other = _column(next(option for option in sub["anyOf"] if option != {"type": "null"}))
        if other is None:
            return None
        some = other  # a column of this shape or nulls: the nulls left out, the rest checked

        def or_null(col: list[Any]) -> bool:
            present = [x for x in col if x is not None]
            return not present or some(present)

        return or_null
    return None


def _table(items: Any, defs: Mapping[str, Any]) -> Callable[[list[Any]], bool] | None:
    """For an array of objects (type, properties, required, additionalProperties true or false):
    a check of the whole array a column at a time, True only when every item holds. A column of a
    shape `_column` knows is checked at once (type tests, one pass per pattern); any other is
    checked value by value with its compiled check. False says nothing: the item-by-item check
    decides then. None for any other item schema."""
    if not isinstance(items, Mapping) or items.get("type") != "object":
        return None
    if not frozenset(items) - _IGNORED <= _OBJECT_KEYS:
        return None
    props = items.get("properties", {})
    names, wanted = frozenset(props), frozenset(items.get("required", ()))
    closed = items.get("additionalProperties", True)
    if closed not in (True, False) or not wanted <= names:
        return None
    columns: list[tuple[str, bool, Callable[[list[Any]], bool]]] = []
    for name, sub in props.items():
        check = _column(sub)
        if check is None:
            each = compile_schema(sub, defs)
            check = partial(_every, each)
        columns.append((name, name in wanted, check))

    def table(v: list[Any]) -> bool:
        if not v:
            return True
        if set(map(type, v)) != {dict}:
            return False
        if closed is False and not names.issuperset(chain.from_iterable(v)):
            return False
        for name, required, check in columns:
            if required:
                try:
                    col = list(map(itemgetter(name), v))
                except KeyError:
                    return False
            else:
                col = [item[name] for item in v if name in item]
            if col and not check(col):
                return False
        return True

    return table


def _every(check: Check, col: list[Any]) -> bool:
    return all(map(check, col))


def _keyword(key: str, spec: Any, node: Mapping[str, Any], defs: Mapping[str, Any]) -> Check:
    if key == "type":
        names = spec if isinstance(spec, list) else [spec]
        exact = _EXACT.get(names[0]) if len(names) == 1 else None
        if exact is not None:  # one plain type: a single class test (most nodes)
            return lambda v: type(v) is exact
        return lambda v: any(_is_type(v, n) for n in names)
    if key == "pattern":
        search = re.compile(spec).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "minimum":
        return lambda v: isinstance(v, bool) or not isinstance(v, int | float) or v >= spec
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= spec
    if key == "maxLength":
        return lambda v: not isinstance(v, str) or len(v) <= spec
    if key == "const":
        return lambda v: _equal(v, spec)
    if key == "enum":
        return lambda v: any(_equal(v, option) for option in spec)
    if key == "required":
        wanted = tuple(spec)
        return lambda v: not isinstance(v, dict) or all(k in v for k in wanted)
    if key == "properties":
        props = {name: compile_schema(sub, defs) for name, sub in spec.items()}

        def properties(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            return all(check(v[name]) for name, check in props.items() if name in v)

        return properties
    if key == "additionalProperties":
        known = frozenset(node.get("properties", {}))
        if "patternProperties" in node:
            raise ValueError("patternProperties is not compiled")
        extra = compile_schema(spec, defs)

        def additional(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            return all(extra(item) for name, item in v.items() if name not in known)

        return additional
    if key == "items":
        if "prefixItems" in node:
            raise ValueError("prefixItems is not compiled")
        each = compile_schema(spec, defs)
        return lambda v: not isinstance(v, list) or all(each(item) for item in v)
    if key == "anyOf":
        options = [compile_schema(sub, defs) for sub in spec]
        return lambda v: any(option(v) for option in options)
    if key == "$ref":
        prefix = "#/$defs/"
        if not spec.startswith(prefix):
            raise ValueError(f"$ref {spec!r} is not compiled")
        name = spec[len(prefix) :]
        resolved: list[Check] = []  # compiled on first use: a definition may refer to itself

        def ref(v: Any) -> bool:
            if not resolved:
                resolved.append(compile_schema(defs[name], defs))
            return resolved[0](v)

        return ref
    raise ValueError(f"the schema keyword {key!r} is not compiled")
