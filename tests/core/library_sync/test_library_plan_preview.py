"""A head-office library whose checklist starts, on failure, a plan with no approved version (or a
service guide): the preview showed nothing wrong, then the apply refused with the lead's approval's
advice ("approve that plan first, or name another"), which a branch cannot follow. Now the preview
judges the plans as the library would leave them (its own approved plans count) and names each
such item; the apply refuses before writing, in words for an import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.core.library_sync.rules import LibraryRefused
from branchguard.core.playbooks.types import PlanTier
from tests.conftest import take_snapshot
from tests.core.library_sync.test_library import _naming_plan, exported, head_office  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


def _read_naming(ctx: Any, lead: Actor, library_files: tuple[Path, Path, str], code: str) -> tuple[Any, Any]:
    """The exported library, its key trusted, read with a checklist item naming the approved plan
    `code` it brings: (the library service, what it read)."""
    zip_path, key_path, _ = library_files
    library = ctx.services.library
    library.trust(lead, key_path)
    return library, _naming_plan(library.read(lead, zip_path), code, PlaybookStatus.APPROVED)


def test_a_plan_the_library_brings_approved_is_no_problem(
    ctx: Any,
    lead: Actor,
    exported: tuple[Path, Path, str],  # noqa: F811
) -> None:
    library, read = _read_naming(ctx, lead, exported, "HO_NEW")
    assert library.preview(lead, read).plan_problems == ()


def test_a_service_guide_is_named_in_the_preview_and_refused_whole(
    ctx: Any,
    lead: Actor,
    exported: tuple[Path, Path, str],  # noqa: F811
) -> None:
    library, read = _read_naming(ctx, lead, exported, "HO_GUIDE")
    guide = read.playbooks.items[-1]
    guide = replace(guide, content=replace(guide.content, tier=PlanTier.SERVICE))
    read = replace(read, playbooks=replace(read.playbooks, items=(*read.playbooks.items[:-1], guide)))
    preview = library.preview(lead, read)
    assert preview.any  # plans, rules and years would change too: still nothing of it is applied
    assert [(p.template, p.item, p.plan, p.exists) for p in preview.plan_problems] == [
        ("HO_VAULT", 1, "HO_GUIDE", True)
    ]
    said = preview.plan_problems[0].message.text("en")
    assert said.startswith(
        "the library's checklist HO_VAULT item 1 starts HO_GUIDE, which is a service guide"
    )
    assert "服务指引" in preview.plan_problems[0].message.text("zh_CN")
    before = take_snapshot(ctx.engine)
    with pytest.raises(LibraryRefused) as err:
        library.apply(lead, read)
    assert "applied whole or not at all" in err.value.text("en") and said in err.value.text("en")
    assert take_snapshot(ctx.engine) == before
