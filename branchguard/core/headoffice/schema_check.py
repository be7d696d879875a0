"""The package schema compiled into plain Python checks: a speed trick (docs/architecture.md).

jsonschema walks every node of every record through its validator objects (~40 µs a node): it was
three quarters of an import's time in `make bench` (39 of 52 s for 24 packages of a year, 81,000
rows). The published schema (docs/schema/package-v1.json) uses a small set of keywords; each is
compiled here once into a closure, and a package is checked by calling them. Only when these find
a problem does `rules.schema_problem` ask jsonschema, so the words of a refusal stay jsonschema's;
`tests/core/headoffice/test_schema_check.py` holds the two to the same verdicts.

A keyword this module does not know makes compiling fail, so a schema that grows past the subset
is noticed at once rather than checked loosely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
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
