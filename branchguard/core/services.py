"""The service container: one instance of each use-case service over one session factory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.attachments import AttachmentStore
from branchguard.core.audit import AuditService
from branchguard.core.auth import AuthService
from branchguard.core.branch import BranchService
from branchguard.core.demo import DemoService
from branchguard.core.drills import DrillService
from branchguard.core.incidents import IncidentService
from branchguard.core.people import PeopleService
from branchguard.core.playbooks import PlaybookService
from branchguard.core.schedules import ScheduleService


@dataclass(frozen=True)
class Services:
    branch: BranchService
    auth: AuthService
    people: PeopleService
    audit: AuditService
    demo: DemoService
    playbooks: PlaybookService
    incidents: IncidentService
    schedules: ScheduleService
    drills: DrillService


def build_services(sessions: sessionmaker[Session], data_dir: Path) -> Services:
    """`data_dir` holds the files records refer to (attachments), next to the database."""
    auth = AuthService(sessions)
    files = AttachmentStore(data_dir)
    incidents = IncidentService(sessions, files)
    schedules = ScheduleService(sessions)
    return Services(
        branch=BranchService(sessions),
        auth=auth,
        people=PeopleService(sessions),
        audit=AuditService(sessions),
        demo=DemoService(sessions, auth),
        playbooks=PlaybookService(sessions, files),
        incidents=incidents,
        schedules=schedules,
        drills=DrillService(sessions, incidents, schedules),
    )
