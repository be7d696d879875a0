"""The built-in content files (drill criteria and rules, inspection templates, playbooks, ...) hold no
empty value: an unquoted English text with a comma inside a `{zh: ..., en: ...}` flow mapping is cut
at the comma, its tail parsed as a key of its own with no value (the fire drill's "Customers guided
out, no lifts used" was scored and printed as "Customers guided out")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.drills.library import load_defaults
from branchguard.core.inspections.library import load_builtin
from branchguard.paths import read_resource_yaml, resources_dir

FILES = sorted(p for pattern in ("*.yaml", "*.yml") for p in resources_dir().rglob(pattern))


def empty_values(node: Any, where: str = "") -> list[str]:
    """Where `node` holds a None, as key paths."""
    if isinstance(node, dict):
        found = [f"{where}/{key}" for key, value in node.items() if value is None]
        return found + [hit for key, value in node.items() for hit in empty_values(value, f"{where}/{key}")]
    if isinstance(node, list):
        return [hit for i, value in enumerate(node) for hit in empty_values(value, f"{where}/{i}")]
    return []


def test_the_content_files_are_found() -> None:
    names = {p.name for p in FILES}
    assert {"defaults.yaml", "templates.yaml", "starter_library.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(Path(p).relative_to(resources_dir())))
def test_no_content_file_has_an_empty_value(path: Path) -> None:
    assert empty_values(read_resource_yaml(path)) == []


def test_english_criteria_keep_the_text_after_a_comma() -> None:
    sets, _rules = load_defaults()
    texts = {(cs.code, c.code): c.text.en for cs in sets for c in cs.criteria}
    assert texts["FIRE", "guidance"] == "Customers guided out, no lifts used"
    assert texts["ROBBERY", "scene"] == "Scene protected, witnesses kept"
    criteria = {(t.code, i.key): i.criterion.en for t in load_builtin() for i in t.items}
    assert criteria["SELF_SERVICE", "pinhole_camera"].startswith("Fascia, light box")
