"""Playbook library service: list and search, drafts, approval, versions, diff, import."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel import validation, versioned
from branchguard.core.kernel.attachments import AttachmentRef, AttachmentStore
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, Level, PlaybookStatus, Text2
from branchguard.core.playbooks import library as builtin_library
from branchguard.core.playbooks.library import RefreshResult, starter_items
from branchguard.core.playbooks.rules import clean_code, clean_content
from branchguard.core.playbooks.store import (
    approved,
    bulk_add,
    current,
    draft,
    fill_version,
    summaries,
    version_of,
)
from branchguard.core.playbooks.types import (
    ImportItem,
    IncidentCategory,
    PlanContent,
    PlanTier,
    PlaybookSummary,
    PlaybookVersion,
)
from branchguard.db.locks import locked
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow, StepRow
from branchguard.paths import starter_playbooks_file

if TYPE_CHECKING:  # YAML, the exchange format and the diff load when used, not at every start
    from branchguard.core.playbooks.diff import VersionDiff
    from branchguard.core.playbooks.format import ParsedFile
    from branchguard.core.schedules.service import ScheduleService

Progress = Callable[[int, int], None]  # (done, total)
FileProgress = Callable[[int, int, str], None]  # (done, total, the file being copied)


@dataclass(frozen=True)
class PlaybookFilter:
    search: str = ""
    tier: PlanTier | None = None
    category: IncidentCategory | None = None
    level: Level | None = None
    status: PlaybookStatus | None = None


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do (preview) or did (result), by plan code."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


def _load_all(s: Session, *, fresh: bool = False) -> list[PlaybookRow]:
    """Every plan with its versions and their steps (`fresh`: read again even if the session holds
    them, as after taking locks)."""
    query = (
        select(PlaybookRow)
        .options(selectinload(PlaybookRow.versions).selectinload(PlaybookVersionRow.steps))
        .execution_options(populate_existing=fresh)
    )
    return list(s.scalars(query))


def _lock_plans(s: Session, codes: Iterable[str]) -> None:
    """Lock the plans of these codes that exist (db/locks.py), in the order of their ids so that
    two imports at once wait for each other instead of each holding what the other needs."""
    ids = s.scalars(select(PlaybookRow.id).where(PlaybookRow.code.in_(set(codes))).order_by(PlaybookRow.id))
    for plan_id in ids.all():
        locked(s, PlaybookRow, plan_id)


def _rename_drill_schedules(s: Session, actor: Actor, playbook: PlaybookRow, row: PlaybookVersionRow) -> int:
    """The schedules of the plan's drills whose title the program made for a title an earlier
    version had ("演练：<old title>") are titled after `row`'s (schedules.renaming): a drill
    schedule's subject is the drill, whose plan code names the plan. The drills' own titles are
    evidence and keep theirs. How many were renamed."""
    from branchguard.core.schedules.renaming import rename_made_titles  # approval's alone
    from branchguard.core.schedules.types import ScheduleKind
    from branchguard.db.models.drills import DrillPlanRow
    from branchguard.db.models.schedules import ScheduleRow

    drills = select(DrillPlanRow.id).where(DrillPlanRow.playbook_code == playbook.code)
    schedules = select(ScheduleRow).where(
        ScheduleRow.kind == ScheduleKind.DRILL.value, ScheduleRow.subject_id.in_(drills)
    )
    titles = (Text2(v.title_zh, v.title_en) for v in playbook.versions)
    new = Text2(row.title_zh, row.title_en)
    return rename_made_titles(s, actor, schedules, "drill.default_title", "plan", titles, new)


class PlaybookService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        attachments: AttachmentStore,
        schedules: Callable[[], ScheduleService] | None = None,
    ) -> None:
        """`schedules` gives the schedule service whose listeners are told when putting a version
        in force renamed drill schedules (None: nobody listens, as for a library sync's check)."""
        self._sessions = sessions
        self._files = attachments
        self._schedules_of = schedules

    def _schedules_renamed(self, count: int) -> None:
        """After the commit: the calendar and the bell show the drill schedules' new titles."""
        if count and self._schedules_of is not None:
            self._schedules_of().notify()

    # -- reading ---------------------------------------------------------------------------
    def list_playbooks(self, actor: Actor, flt: PlaybookFilter | None = None) -> list[PlaybookSummary]:
        require(actor, "playbook.list")
        flt = flt or PlaybookFilter()
        text = validation.search(flt.search)
        with self._sessions() as s:
            listed = summaries(s, self._search(s, text) if text else None)
        return sorted(
            (
                sm
                for sm in listed
                if (flt.tier is None or sm.tier == flt.tier)
                and (flt.category is None or sm.category == flt.category)
                and (flt.level is None or flt.level in sm.levels)
                and (
                    flt.status is None
                    or sm.status == flt.status
                    or (flt.status == PlaybookStatus.DRAFT and sm.has_draft)
                )
            ),
            key=lambda sm: (list(PlanTier).index(sm.tier), sm.code),
        )

    def _search(self, s: Session, text: str) -> list[int]:
        """The ids of the plans whose current or draft version mentions `text` in a title or a step;
        `%` and `_` are characters to find, not wildcards (autoescape: "_" once listed every plan)."""

        def has(column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
            return column.icontains(text, autoescape=True)

        live = (PlaybookStatus.APPROVED.value, PlaybookStatus.DRAFT.value)
        in_titles = select(PlaybookVersionRow.playbook_id).where(
            PlaybookVersionRow.status.in_(live),
            or_(
                has(PlaybookVersionRow.title_zh),
                has(PlaybookVersionRow.title_en),
                has(PlaybookVersionRow.triggers_zh),
                has(PlaybookVersionRow.triggers_en),
            ),
        )
        in_steps = (
            select(PlaybookVersionRow.playbook_id)
            .join(StepRow, StepRow.version_id == PlaybookVersionRow.id)
            .where(
                PlaybookVersionRow.status.in_(live),
                or_(has(StepRow.text_zh), has(StepRow.text_en)),
            )
        )
        query = select(PlaybookRow.id).where(
            or_(PlaybookRow.id.in_(in_titles), PlaybookRow.id.in_(in_steps), has(PlaybookRow.code))
        )
        return list(s.scalars(query))

    def get(
        self, actor: Actor, code: str, number: int | None = None, *, prefer_draft: bool = False
    ) -> PlaybookVersion:
        """A version in full: `number`, else the draft when asked for and present, else the current one."""
        require(actor, "playbook.list")
        with self._sessions() as s:
            playbook = self._playbook(s, code, steps=False)  # the chosen version's steps load alone
            if number is not None:
                row = next((v for v in playbook.versions if v.number == number), None)
                if row is None:
                    raise NotFound(Message("playbook.version_missing", code=playbook.code, number=number))
            else:
                row = (draft(playbook) if prefer_draft else None) or current(playbook)
                assert row is not None
            return version_of(row, playbook)

    def history(self, actor: Actor, code: str) -> list[PlaybookVersion]:
        """Every version, newest first."""
        require(actor, "playbook.list")
        with self._sessions() as s:
            playbook = self._playbook(s, code)
            return [version_of(v, playbook) for v in reversed(playbook.versions)]

    def diff(self, actor: Actor, code: str, old: int, new: int) -> VersionDiff:
        a = self.get(actor, code, old)
        b = self.get(actor, code, new)
        from branchguard.core.playbooks.diff import diff_versions

        return diff_versions(a.content, b.content)

    # -- attachments -----------------------------------------------------------------------
    def add_attachment(self, actor: Actor, path: Path) -> AttachmentRef:
        """Copy a file into the store for a plan being edited; the plan refers to it once saved."""
        return self.add_attachments(actor, [path])[0]

    def add_attachments(
        self, actor: Actor, paths: Sequence[Path], progress: FileProgress | None = None
    ) -> list[AttachmentRef]:
        """Copy files chosen together into the store, all or none: a file refused (unreadable,
        empty, too big) takes back those of the choice copied before it, which nothing names yet,
        and its refusal names it."""
        require(actor, "playbook.update")
        with self._files.staged():
            refs = []
            for done, path in enumerate(paths):
                if progress is not None:
                    progress(done, len(paths), Path(path).name)
                refs.append(self._files.add(path))
            return refs

    def attachment_bytes(self, actor: Actor, sha256: str) -> bytes:
        """A stored attachment, checked against its hash (AttachmentError names the file)."""
        require(actor, "playbook.list")
        return self._files.read(sha256)

    def _check_files(self, contents: Iterable[PlanContent]) -> None:
        """Refuse plans naming files the store does not hold: they could never be opened."""
        for content in contents:
            for i, ref in enumerate(content.attachments):
                if not self._files.has(ref.sha256):
                    path = self._files.path_of(ref.sha256)
                    raise ValidationError(
                        "field.attachment", Message("attachment.missing", path=str(path)), ("attachments", i)
                    )

    # -- writing ---------------------------------------------------------------------------
    def create(self, actor: Actor, content: PlanContent, note: str = "") -> PlaybookVersion:
        """A new plan, as draft version 1."""
        require(actor, "playbook.create")
        content = clean_content(content)
        self._check_files([content])
        with self._sessions.begin() as s:
            if s.scalar(select(PlaybookRow.id).where(PlaybookRow.code == content.code)) is not None:
                raise ValidationError(
                    "field.code", Message("playbook.code_taken", value=content.code), ("code",)
                )
            playbook = PlaybookRow(code=content.code, builtin=False)
            s.add(playbook)
            row = self._new_version(playbook, 1, PlaybookStatus.DRAFT, content, actor, note)
            s.flush()
            record(
                s,
                actor,
                "playbook.create",
                "playbook",
                content.code,
                after={"version": 1, "title": content.title.text},
            )
            return version_of(row, playbook)

    def save_draft(
        self,
        actor: Actor,
        code: str,
        content: PlanContent,
        note: str = "",
        *,
        opened: PlaybookVersion | None = None,
    ) -> PlaybookVersion:
        """Save edits: into the open draft, or as a new draft when only approved versions exist.

        `opened` is the version an editor was opened with (the draft, else the approved version;
        None from the command line and imports, which save without a form). The save replaces
        the draft wholesale, so a draft that is not the one opened (another PC saved into it, or
        made it since) is refused with StaleRecord rather than silently undone. A draft gone since
        (approved, discarded) loses nothing: the edits make a new draft."""
        require(actor, "playbook.update")
        content = replace(clean_content(replace(content, code=code)), code=clean_code(code))
        self._check_files([content])
        with self._sessions.begin() as s:
            playbook = self._playbook(s, code, for_change=True)
            row = draft(playbook)
            if row is not None and opened is not None:
                now = version_of(row, playbook)
                refuse_if_changed(opened, now, Message("playbook.record", code=playbook.code))
            if row is None:
                number = max(v.number for v in playbook.versions) + 1
                row = self._new_version(playbook, number, PlaybookStatus.DRAFT, content, actor, note)
                action_note = f"new draft v{number}"
            else:
                row.steps.clear()
                s.flush()  # the old steps go first: positions are unique within a version
                fill_version(row, content)
                row.note = note or row.note
                action_note = f"draft v{row.number} saved"
            s.flush()
            record(s, actor, "playbook.update", "playbook", playbook.code, summary=action_note)
            return version_of(row, playbook)

    def approve(self, actor: Actor, code: str, *, opened: PlaybookVersion | None = None) -> PlaybookVersion:
        """Publish the draft; the previously approved version is retired. Lead only.

        `opened` is the draft as the window showed it when the lead chose to approve (None from the
        command line): a draft another PC saved into since is refused with StaleRecord, so that
        nobody puts into force a text they have not seen."""
        require(actor, "playbook.approve")
        with self._sessions.begin() as s:
            playbook = self._playbook(s, code, for_change=True)
            row = draft(playbook)
            if row is None:
                raise ValidationError("field.code", Message("playbook.not_draft", code=playbook.code))
            record_name = Message("playbook.record", code=playbook.code)
            if opened is not None:
                refuse_if_changed(opened, version_of(row, playbook), record_name)
            renamed = self._publish(s, playbook, row, actor)
            s.flush()
            record(s, actor, "playbook.approve", "playbook", playbook.code, summary=f"v{row.number}")
            version = version_of(row, playbook)
        self._schedules_renamed(renamed)
        return version

    def discard_draft(self, actor: Actor, code: str) -> None:
        require(actor, "playbook.discard_draft")
        with self._sessions.begin() as s:
            playbook = self._playbook(s, code, for_change=True)
            row = draft(playbook)
            if row is None:
                raise ValidationError("field.code", Message("playbook.not_draft", code=playbook.code))
            if len(playbook.versions) == 1:  # a never-approved plan: the draft is all there is
                s.delete(playbook)
            else:
                playbook.versions.remove(row)
            record(s, actor, "playbook.discard_draft", "playbook", playbook.code, summary=f"v{row.number}")

    # -- files -----------------------------------------------------------------------------
    def read_file(
        self, actor: Actor, data: bytes, source: str, progress: Progress | None = None
    ) -> ParsedFile:
        """Parse and check a whole exchange file (FormatError names file, line, path, reason)."""
        require(actor, "playbook.import")
        from branchguard.core.playbooks.format import parse

        return parse(data, source, progress)

    def apply_parsed(self, actor: Actor, parsed: ParsedFile, progress: Progress | None = None) -> ImportPlan:
        """Apply a file read by `read_file` (its plans are checked already) in one transaction.

        The file's attachments go into the store first, and a refused import takes back those new
        to the store: nothing would name them.
        """
        require(actor, "playbook.import")
        with self._files.staged():  # ends with the commit: what follows it takes back no file
            for sha, data in parsed.files.items():
                self._files.add_bytes(sha, data)
            plan, renamed = self._write(actor, list(parsed.items), parsed.source, False, progress)
        self._schedules_renamed(renamed)
        return plan

    def import_file(
        self,
        actor: Actor,
        data: bytes,
        source: str,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportPlan:
        """Read the whole file, then preview it or apply it in one transaction."""
        parsed = self.read_file(actor, data, source)
        if dry_run:
            return self.preview_import(actor, parsed.items)
        return self.apply_parsed(actor, parsed, progress)

    def export_file(self, actor: Actor, codes: Iterable[str] | None = None) -> bytes:
        """The exchange file for the given plans (all when None), each in its current version."""
        require(actor, "playbook.export")
        wanted = None if codes is None else [c.strip().upper() for c in codes]
        with self._sessions() as s:
            rows = {p.code: p for p in _load_all(s)}
            if wanted is None:
                wanted = sorted(rows)
            missing = [c for c in wanted if c not in rows]
            if missing:
                raise NotFound(Message("playbook.not_found", code=", ".join(missing)))
            versions = [version_of(current(rows[c]), rows[c]) for c in wanted]  # type: ignore[arg-type]
        from branchguard.core.playbooks.format import dump

        return dump(versions, read=self._files.read)

    def load_starter_library(self, path: Path | None = None) -> int:
        """First start (and `demo`): load the built-in starter library once; returns plans added.

        Later starts find the built-in plans and do nothing, so a branch's own edits, new
        versions and retirements of built-in plans are never overwritten.
        """
        with self._sessions() as s:
            if s.scalar(select(PlaybookRow.id).where(PlaybookRow.builtin.is_(True)).limit(1)) is not None:
                return 0
        path = path or starter_playbooks_file()
        plan = self._apply(Actor.system(), list(starter_items(path)), path.name, True, None)
        return len(plan.added)

    def refresh_builtins(
        self, actor: Actor, *, dry_run: bool = False, upgrade: bool = False
    ) -> RefreshResult:
        """Add the built-in plans and checklist templates whose codes the database lacks (never
        touching one there); `dry_run`: only say which. `upgrade`: the refresh at the first start
        after an upgrade, which adds nothing to a library that comes from head office."""
        require(actor, "library.refresh")
        if upgrade and builtin_library.from_head_office(self._sessions):
            return RefreshResult()
        if dry_run:
            return builtin_library.missing(self._sessions)
        return builtin_library.refresh(self._sessions, actor)

    # -- import ----------------------------------------------------------------------------
    def preview_import(self, actor: Actor, items: Iterable[ImportItem]) -> ImportPlan:
        require(actor, "playbook.import")
        with self._sessions() as s:
            existing = {p.code: p for p in _load_all(s)}
            return self._classify(existing, list(items))

    def apply_import(
        self,
        actor: Actor,
        items: Iterable[ImportItem],
        *,
        source: str = "",
        builtin: bool = False,
        progress: Progress | None = None,
    ) -> ImportPlan:
        """Add and update every plan in one transaction; any failure leaves the library as it was."""
        require(actor, "playbook.import")
        batch = [replace(item, content=clean_content(item.content)) for item in items]
        return self._apply(actor, batch, source, builtin, progress)

    def _apply(
        self, actor: Actor, batch: list[ImportItem], source: str, builtin: bool, progress: Progress | None
    ) -> ImportPlan:
        plan, renamed = self._write(actor, batch, source, builtin, progress)
        self._schedules_renamed(renamed)
        return plan

    def _write(
        self, actor: Actor, batch: list[ImportItem], source: str, builtin: bool, progress: Progress | None
    ) -> tuple[ImportPlan, int]:
        """The batch written in one transaction: what it did, and how many drill schedules it
        renamed (told after the commit)."""
        note = t("playbook.imported_from", source=source) if source else ""
        self._check_files(item.content for item in batch)
        with self._sessions.begin() as s:
            _lock_plans(s, (item.content.code for item in batch))  # as save_draft and approve do
            existing = {p.code: p for p in _load_all(s, fresh=True)}
            plan = self._classify(existing, batch)
            updated = set(plan.updated)
            new_items, renamed = [], 0
            for done, item in enumerate(batch, 1):
                if item.content.code in updated:
                    renamed += self._import_one(s, existing[item.content.code], item, actor, note)
                elif item.content.code not in existing:
                    new_items.append(item)
                if progress is not None:
                    progress(done, len(batch))
            bulk_add(s, new_items, actor, note, builtin)
            s.flush()
            record(
                s,
                actor,
                "playbook.import",
                "playbook",
                "",
                summary=f"{source}: +{len(plan.added)} ~{len(plan.updated)} ={len(plan.unchanged)}",
            )
        return plan, renamed

    def _classify(self, existing: dict[str, PlaybookRow], items: list[ImportItem]) -> ImportPlan:
        added, updated, unchanged = [], [], []
        for item in items:
            playbook = existing.get(item.content.code)
            if playbook is None:
                added.append(item.content.code)
                continue
            target = draft(playbook) if item.status == PlaybookStatus.DRAFT else approved(playbook)
            if target is not None and version_of(target, playbook).content == item.content:
                unchanged.append(item.content.code)
            else:
                updated.append(item.content.code)
        return ImportPlan(tuple(added), tuple(updated), tuple(unchanged))

    def _import_one(
        self, s: Session, playbook: PlaybookRow, item: ImportItem, actor: Actor, note: str
    ) -> int:
        """A changed plan: the file's version is added after the existing ones. How many drill
        schedules an approved version renamed."""
        local_draft = draft(playbook)
        if item.status == PlaybookStatus.DRAFT:
            if local_draft is not None:  # replacing a local draft would lose its edits
                raise ValidationError("field.code", Message("playbook.draft_conflict", code=playbook.code))
            number = max(v.number for v in playbook.versions) + 1
            self._new_version(playbook, number, PlaybookStatus.DRAFT, item.content, actor, note)
            return 0
        # An approved plan from the file takes the next number; a local draft stays a draft, after it.
        number = max(v.number for v in playbook.versions) + 1
        if local_draft is not None:
            number = local_draft.number
            local_draft.number = number + 1
            s.flush()
        row = self._new_version(playbook, number, PlaybookStatus.DRAFT, item.content, actor, note)
        return self._publish(s, playbook, row, actor)

    # -- helpers ---------------------------------------------------------------------------
    def _new_version(
        self,
        playbook: PlaybookRow,
        number: int,
        status: PlaybookStatus,
        content: PlanContent,
        actor: Actor,
        note: str,
    ) -> PlaybookVersionRow:
        row = PlaybookVersionRow(number=number, status=status.value, note=note, created_by=actor.username)
        fill_version(row, content)
        playbook.versions.append(row)
        return row

    def _publish(self, s: Session, playbook: PlaybookRow, row: PlaybookVersionRow, actor: Actor) -> int:
        """Put `row` in force (the approved version before it is retired), by the lead's approval
        or an import alike; the plan's drill schedules titled after an earlier title take the new
        one. How many: the caller tells the schedules' listeners after its commit."""
        versioned.publish(playbook.versions, row, actor)
        s.flush()
        return _rename_drill_schedules(s, actor, playbook, row)

    def _playbook(
        self, s: Session, code: str, *, steps: bool = True, for_change: bool = False
    ) -> PlaybookRow:
        """The plan with its versions, and every version's steps unless `steps` is False (then a
        version's steps are read when asked for: a plan's preview read the steps of all its
        versions, up to 19 at ten years, to show one).

        `for_change`: the plan is locked first (db/locks.py) and its versions read fresh, so that
        two PCs changing its versions at once take turns: an edit saved while another PC approves
        goes into a new draft, not into the version just approved, and two first saves make one
        draft instead of the same version number twice."""
        wanted = PlaybookRow.code == (code or "").strip().upper()
        if for_change:
            plan_id = s.scalar(select(PlaybookRow.id).where(wanted))
            if plan_id is None or locked(s, PlaybookRow, plan_id) is None:
                raise NotFound(Message("playbook.not_found", code=code))
        versions = selectinload(PlaybookRow.versions)
        query = (
            select(PlaybookRow)
            .where(wanted)
            .options(versions.selectinload(PlaybookVersionRow.steps) if steps else versions)
            .execution_options(populate_existing=for_change)
        )
        playbook = s.scalar(query)
        if playbook is None:
            raise NotFound(Message("playbook.not_found", code=code))
        return playbook
