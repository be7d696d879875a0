"""The built-in complaint categories (resources/complaints/categories.yaml) and their seeding into
a database that has none."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.complaints.types import Category
from branchguard.db.models.complaints import ComplaintCategoryRow
from branchguard.paths import read_resource_yaml, resources_dir

CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def categories_file() -> Path:
    return resources_dir() / "complaints" / "categories.yaml"


def load_builtin(path: Path | None = None) -> list[Category]:
    raw = read_resource_yaml(path or categories_file())
    found = [Category(str(item["code"]), str(item["zh"]), str(item["en"])) for item in raw]
    bad = [c.code for c in found if not CODE.match(c.code) or not c.name_zh or not c.name_en]
    if bad or len({c.code for c in found}) != len(found):
        raise ValueError(f"{path or categories_file()}: bad or repeated category codes {bad}")
    return found


def seed_builtin(sessions: sessionmaker[Session], path: Path | None = None) -> int:
    """Write the built-in categories into a database that has none; how many were written. Two
    processes seeding at once cannot duplicate them: the loser hits the primary key."""
    with sessions() as s:
        if s.scalar(select(ComplaintCategoryRow.code).limit(1)) is not None:
            return 0
    found = load_builtin(path)
    try:
        with sessions.begin() as s:
            for position, cat in enumerate(found):
                s.add(
                    ComplaintCategoryRow(
                        code=cat.code,
                        name_zh=cat.name_zh,
                        name_en=cat.name_en,
                        position=position,
                        active=True,
                        builtin=True,
                    )
                )
    except IntegrityError:
        return 0
    return len(found)
