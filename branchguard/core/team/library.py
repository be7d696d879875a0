"""The built-in training kinds and which training each plan role needs
(resources/team/training.yaml): data, read once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from branchguard.core.kernel.types import Text2
from branchguard.core.team.types import TrainingKind
from branchguard.paths import read_resource_yaml, resources_dir

CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def training_file() -> Path:
    return resources_dir() / "team" / "training.yaml"


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[tuple[TrainingKind, ...], MappingProxyType[str, tuple[str, ...]]]:
    raw = read_resource_yaml(path)  # libyaml's parser where there is one: a made title reads it
    kinds = tuple(TrainingKind(str(k["code"]), Text2(str(k["zh"]), str(k["en"]))) for k in raw["kinds"])
    codes = [k.code for k in kinds]
    needs = {
        str(role): tuple(str(k) for k in wanted) for role, wanted in (raw.get("requirements") or {}).items()
    }
    bad = [c for c in codes if not CODE.match(c)] + [k for ks in needs.values() for k in ks if k not in codes]
    if bad or len(set(codes)) != len(codes) or any(not k.name.zh or not k.name.en for k in kinds):
        raise ValueError(f"{path}: bad, unknown or repeated training kinds {bad}")
    return kinds, MappingProxyType(needs)


def kinds(path: Path | None = None) -> tuple[TrainingKind, ...]:
    """Every training kind, in the file's order."""
    return _load(path or training_file())[0]


def requirements(path: Path | None = None) -> MappingProxyType[str, tuple[str, ...]]:
    """Role code → the training kinds its holder must hold."""
    return _load(path or training_file())[1]


def kind_named(text: str) -> str | None:
    """The code of the kind `text` names: its code, or its name in either language as the lists
    show it (保安员证, Security guard licence; case and outer spaces aside); None for no kind."""
    wanted = text.strip().casefold()
    by_code = next((k for k in kinds() if k.code.casefold() == wanted), None)
    by_name = (k for k in kinds() if wanted in {k.name.zh.casefold(), k.name.en.casefold()})
    found = by_code or next(by_name, None)
    return found.code if found else None


def kind_name(code: str) -> Text2:
    """A kind's names; a code no longer in the file reads as itself."""
    return next((k.name for k in kinds() if k.code == code), Text2(code, code))
