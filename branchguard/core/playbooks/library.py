"""Built-in content shipped in resources/: the starter plans, and the refresh that brings a database
made before them the built-in plans and checklist templates it lacks.

A refresh adds, as approved built-in version 1, each built-in plan and template whose code the
database does not hold; it never touches a plan or template already there (built in or the
branch's own, edited or not). It runs in one transaction, audited (`library.refresh`) and ledgered
like any import; run again it finds nothing to add and writes nothing.

A branch that has imported a signed library from head office takes its plans from there: the
refresh an upgrade makes at start leaves it alone (`from_head_office`), since a plan head office
left out was left out on purpose; `library refresh` run by the lead still adds what is missing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.core.playbooks.types import ImportItem
from branchguard.paths import starter_playbooks_file

if TYPE_CHECKING:  # the inspections layer loads only when a refresh runs
    from branchguard.core.inspections.types import TemplateContent


@functools.lru_cache(maxsize=4)
def _parse_file(path: Path, _mtime_ns: int) -> tuple[ImportItem, ...]:
    """A built-in file parsed once per process (keyed by modification time, so edits are seen)."""
    from branchguard.core.playbooks.format import parse

    return parse(path.read_bytes(), path.name).items


def starter_items(path: Path | None = None) -> tuple[ImportItem, ...]:
    """The starter library's plans, as the exchange format reads them."""
    path = path or starter_playbooks_file()
    return _parse_file(path, path.stat().st_mtime_ns)


@dataclass(frozen=True)
class RefreshResult:
    """The codes a refresh added (or, previewed, would add)."""

    playbooks: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.playbooks or self.templates)


def _missing(
    s: Session, plans_file: Path | None, templates_file: Path | None
) -> tuple[list[ImportItem], list[TemplateContent]]:
    from branchguard.core.inspections.library import load_builtin
    from branchguard.db.models.inspections import TemplateRow
    from branchguard.db.models.playbooks import PlaybookRow

    plans_there = set(s.scalars(select(PlaybookRow.code)))
    templates_there = set(s.scalars(select(TemplateRow.code)))
    plans = [
        replace(item, status=PlaybookStatus.APPROVED)
        for item in starter_items(plans_file)
        if item.content.code not in plans_there
    ]
    templates = [c for c in load_builtin(templates_file) if c.code not in templates_there]
    return plans, templates


def from_head_office(sessions: sessionmaker[Session]) -> bool:
    """Whether the branch has imported a signed library from head office."""
    from branchguard.db.models.library_sync import LibraryImportRow

    with sessions() as s:
        return s.scalar(select(LibraryImportRow.id).limit(1)) is not None


def missing(
    sessions: sessionmaker[Session], plans_file: Path | None = None, templates_file: Path | None = None
) -> RefreshResult:
    """What a refresh would add, writing nothing."""
    with sessions() as s:
        plans, templates = _missing(s, plans_file, templates_file)
    return RefreshResult(tuple(i.content.code for i in plans), tuple(c.code for c in templates))


def refresh(
    sessions: sessionmaker[Session],
    actor: Actor,
    plans_file: Path | None = None,
    templates_file: Path | None = None,
) -> RefreshResult:
    """Add the built-in plans and templates whose codes the database lacks (see the module's text)."""
    require(actor, "library.refresh")
    from branchguard.core.inspections.library import new_version
    from branchguard.core.kernel import versioned
    from branchguard.core.playbooks.store import bulk_add
    from branchguard.db.models.inspections import TemplateRow

    with sessions.begin() as s:
        plans, templates = _missing(s, plans_file, templates_file)
        if not plans and not templates:
            return RefreshResult()
        note = t("playbook.imported_from", source=(plans_file or starter_playbooks_file()).name)
        bulk_add(s, plans, actor, note, True)
        for content in templates:
            template = TemplateRow(code=content.code, builtin=True)
            s.add(template)
            row = new_version(template, content, actor, "")
            versioned.publish(template.versions, row, actor)
        result = RefreshResult(tuple(i.content.code for i in plans), tuple(c.code for c in templates))
        after = {"playbooks": list(result.playbooks), "templates": list(result.templates)}
        record(s, actor, "library.refresh", "library", "", after=after)
        return result
