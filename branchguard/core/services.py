"""The service container: one instance of each use-case service over one session factory.

Each service is built, and its module imported, the first time it is used: a start of the window
or of a CLI command pays only for the services it touches (the login and the first page need three
of them), not for the models, types and rules of every capability. A speed trick
(docs/architecture.md): building every service when the context opens took the start to data
shown from 1.27-1.33x to 1.74-1.88x its floor in `make bench` (about 0.2 s more).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from branchguard.core.accounts.service import AuthService
    from branchguard.core.anchors.service import AnchorService
    from branchguard.core.audit.service import AuditService
    from branchguard.core.backup.service import BackupService
    from branchguard.core.branch.service import BranchService
    from branchguard.core.complaints.service import ComplaintService
    from branchguard.core.dashboard.service import DashboardService
    from branchguard.core.demo.service import DemoRecords, DemoService
    from branchguard.core.drills.service import DrillService
    from branchguard.core.early_warnings.service import EarlyWarningService
    from branchguard.core.exchange.service import ExchangeService
    from branchguard.core.hazards.service import HazardService
    from branchguard.core.headoffice.service import HeadOfficeService
    from branchguard.core.incidents.probe import IncidentProbe
    from branchguard.core.incidents.service import IncidentService
    from branchguard.core.inspections.service import InspectionService
    from branchguard.core.kernel.attachments import AttachmentStore
    from branchguard.core.ledger.service import LedgerService
    from branchguard.core.library_sync.service import LibraryService
    from branchguard.core.people.service import PeopleService
    from branchguard.core.playbooks.service import PlaybookService
    from branchguard.core.schedules.service import ScheduleService
    from branchguard.core.team.service import TeamService


class Services:
    """To add a service: a `cached_property` that imports its module and builds it from
    `self._sessions` (and the other services it needs, through their properties)."""

    def __init__(
        self,
        engine: Engine,
        sessions: sessionmaker[Session],
        data_dir: Path,
        anchor_dir: Callable[[], Path] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self._read_only = read_only  # data opened read-only: the login records nothing
        self._engine = engine  # for the few writes that run without an ORM session (incident log box)
        self._sessions = sessions
        self._data_dir = data_dir  # the files records refer to (attachments), next to the database
        # Where anchors go (settings.ini's anchor_dir, read at each use); default beside the backups.
        self._anchor_dir = anchor_dir or (lambda: data_dir / "backups")
        self._working_days_installed = False

    def build_all(self) -> None:
        """Build every service now, importing its layer: the window has this done off the GUI thread
        once its first page shows (gui/kit/preload.py), so no later first use imports on that thread."""
        for name, attr in vars(type(self)).items():
            if isinstance(attr, cached_property):
                getattr(self, name)

    def install_working_days(self) -> None:
        """The working-day years head office sent (stored in the database), installed for every
        working-day computation of this process before the first one: by the schedule engine's
        first build or the library's, whichever comes first."""
        if not self._working_days_installed:
            from branchguard.core.library_sync.table import install_from

            install_from(self._sessions)
            self._working_days_installed = True

    @cached_property
    def files(self) -> AttachmentStore:
        from branchguard.core.kernel.attachments import AttachmentStore

        return AttachmentStore(self._data_dir)

    @cached_property
    def branch(self) -> BranchService:
        from branchguard.core.branch.service import BranchService

        return BranchService(self._sessions)

    @cached_property
    def auth(self) -> AuthService:
        from branchguard.core.accounts.service import AuthService

        return AuthService(self._sessions, read_only=self._read_only)

    @cached_property
    def people(self) -> PeopleService:
        from branchguard.core.people.service import PeopleService

        return PeopleService(self._sessions)

    @cached_property
    def team(self) -> TeamService:
        from branchguard.core.team.service import TeamService

        return TeamService(self._sessions, self.schedules)

    @cached_property
    def audit(self) -> AuditService:
        from branchguard.core.audit.service import AuditService

        return AuditService(self._sessions)

    @cached_property
    def backup(self) -> BackupService:
        from branchguard import __version__
        from branchguard.core.backup.service import BackupService

        return BackupService(self._sessions, self._data_dir, __version__, read_only=self._read_only)

    @cached_property
    def anchors(self) -> AnchorService:
        from branchguard.core.anchors.ledger_link import ledger_view
        from branchguard.core.anchors.service import AnchorService

        files = self.files
        return AnchorService(
            self._sessions, self._data_dir, self._anchor_dir, lambda conn: ledger_view(conn, files)
        )

    @cached_property
    def demo(self) -> DemoService:
        from branchguard.core.demo.service import DemoService

        return DemoService(self._engine, self._sessions, self._demo_parts, lambda: self.complaints)

    def _demo_parts(self, sessions: sessionmaker[Session]) -> tuple[AuthService, list[DemoRecords]]:
        """The auth service and what each capability adds to the demo data, over `sessions` (the
        fill's one transaction); imported only when demo data is written."""
        from branchguard.core.demo import complaints as complaint_demo
        from branchguard.core.demo import drills as drill_demo
        from branchguard.core.demo import inspections as inspection_demo
        from branchguard.core.demo import team as team_demo

        w = Services(self._engine, sessions, self._data_dir)
        return w.auth, [
            lambda lead, staff: inspection_demo.fill(w.inspections, w.hazards, sessions, lead, staff),
            lambda lead, staff: drill_demo.fill(w.drills, w.incidents, w.schedules, lead, staff),
            lambda lead, _staff: team_demo.fill(w.team, lead),
            lambda lead, staff: complaint_demo.fill(w.complaints, lead, staff),
        ]

    @cached_property
    def ledger(self) -> LedgerService:
        from branchguard.core.ledger.service import LedgerService

        return LedgerService(self._sessions, self.files)

    @cached_property
    def playbooks(self) -> PlaybookService:
        from branchguard.core.playbooks.service import PlaybookService

        return PlaybookService(self._sessions, self.files, lambda: self.schedules)

    @cached_property
    def incidents(self) -> IncidentService:
        from branchguard.core.incidents.service import IncidentService

        return IncidentService(
            self._sessions, self.files, self._engine, lambda: self.schedules, lambda: self.complaints
        )

    @cached_property
    def warnings(self) -> EarlyWarningService:
        from branchguard.core.early_warnings.service import EarlyWarningService

        return EarlyWarningService(self._sessions, self.incidents)

    @cached_property
    def incident_probe(self) -> IncidentProbe:
        from branchguard.core.incidents.probe import IncidentProbe

        return IncidentProbe(self._sessions)

    @cached_property
    def schedules(self) -> ScheduleService:
        from branchguard.core.schedules.service import ScheduleService

        self.install_working_days()
        return ScheduleService(self._sessions)

    @cached_property
    def drills(self) -> DrillService:
        from branchguard.core.drills.service import DrillService

        return DrillService(self._sessions, lambda: self.incidents, self.schedules)

    @cached_property
    def hazards(self) -> HazardService:
        from branchguard.core.hazards.service import HazardService

        return HazardService(self._sessions, self.files, self.schedules)

    @cached_property
    def inspections(self) -> InspectionService:
        from branchguard.core.inspections.service import InspectionService

        return InspectionService(self._sessions, self.files, self.schedules, self.hazards, self.incidents)

    @cached_property
    def complaints(self) -> ComplaintService:
        from branchguard.core.complaints.service import ComplaintService

        return ComplaintService(
            self._sessions, self.files, self.schedules, hazards=self.hazards, read_only=self._read_only
        )

    @cached_property
    def library(self) -> LibraryService:
        from branchguard import __version__
        from branchguard.core.library_sync.service import LibraryService

        self.install_working_days()
        return LibraryService(
            self._engine, self._sessions, self._data_dir, self.files, generator=f"BranchGuard {__version__}"
        )

    @cached_property
    def dashboard(self) -> DashboardService:
        from branchguard.core.dashboard.service import DashboardService

        return DashboardService(self._sessions, self.drills, self.schedules)

    @cached_property
    def exchange(self) -> ExchangeService:
        from branchguard import __version__
        from branchguard.core.exchange.service import ExchangeService

        return ExchangeService(
            self._sessions, self._data_dir, self.anchors, self.drills, __version__, dashboard=self.dashboard
        )

    @cached_property
    def headoffice(self) -> HeadOfficeService:
        from branchguard.core.headoffice.service import HeadOfficeService

        return HeadOfficeService(self._sessions, self._data_dir, self.auth)


def build_services(
    engine: Engine,
    sessions: sessionmaker[Session],
    data_dir: Path,
    anchor_dir: Callable[[], Path] | None = None,
    *,
    read_only: bool = False,
) -> Services:
    """`sessions` are bound to `engine`; `data_dir` holds the files records refer to (attachments),
    next to the database; `anchor_dir` says where anchors go now (default: data_dir/backups);
    `read_only` when the engine refuses every write."""
    return Services(engine, sessions, data_dir, anchor_dir, read_only=read_only)
