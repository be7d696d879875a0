"""What the library service takes in and hands out: the manifest, a library read and proved, what an
import would change, the trusted key and the state shown by `library show`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.working_days import YearTable

if TYPE_CHECKING:
    from branchguard.core.drills.types import ComplianceRule
    from branchguard.core.inspections.types import TemplateContent
    from branchguard.core.playbooks.format import ParsedFile


@dataclass(frozen=True)
class ManifestFile:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    generator: str
    issuer: str  # the exporting installation's branch (head office) name
    fingerprint: str
    public_key: str  # hex of the raw Ed25519 public key that signed it
    files: tuple[ManifestFile, ...]


@dataclass(frozen=True)
class Library:
    """A library file whose signature, manifest and every member were proved, parsed."""

    source: str
    manifest: Manifest
    manifest_sha256: str
    playbooks: ParsedFile
    templates: tuple[TemplateContent, ...]
    rules: tuple[ComplianceRule, ...]
    years: tuple[YearTable, ...]


@dataclass(frozen=True)
class Changes:
    """By code (plans, templates, rules) or year: new here, different here, already the same."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.updated)


@dataclass(frozen=True)
class PlanProblem:
    """An item of a checklist the library brings that starts, on failure, a plan that would not be
    in force after the apply (library/plans.py): none approved here nor in the library, or a
    service guide (`exists`)."""

    template: str
    item: int  # 1-based, as the checklist numbers it
    plan: str
    exists: bool  # approved here or in the library, but a service guide

    @property
    def message(self) -> Message:
        key = "library.plan_is_guide" if self.exists else "library.plan_not_in_force"
        return Message(key, code=self.template, n=self.item, plan=self.plan)


@dataclass(frozen=True)
class LibraryPreview:
    """What importing the library would change (a preview), or changed (after apply)."""

    source: str
    issuer: str
    created_at: datetime
    fingerprint: str
    playbooks: Changes
    templates: Changes
    rules: Changes
    years: Changes
    applied: bool = False
    # what stops the apply: a signed library is one unit, so one such item refuses all of it
    plan_problems: tuple[PlanProblem, ...] = ()

    @property
    def any(self) -> bool:
        return any(c.any for c in (self.playbooks, self.templates, self.rules, self.years))


@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str
    public_key: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class TrustResult:
    key: TrustedKey
    replaced: str  # the fingerprint trusted before ("" for none)
    changed: bool


@dataclass(frozen=True)
class ImportInfo:
    issuer: str
    created_at: datetime
    signer: str
    imported_by: str
    imported_at: datetime


@dataclass(frozen=True)
class YearInfo:
    year: int
    source: str
    holidays: int  # days off
    workdays: int  # make-up workdays
    built_in: bool


@dataclass(frozen=True)
class LibraryState:
    trusted: TrustedKey | None
    last_import: ImportInfo | None
    years: tuple[YearInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ExportResult:
    path: str
    fingerprint: str
    playbooks: int
    templates: int
    rules: int
    years: tuple[int, ...]
    public_key_path: str = ""
