"""What the register dialog offers, read as it opens off the GUI thread (Qt-free: plain services
and actor): the categories, the incidents a complaint may have come with, the roster's names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from branchguard.core.complaints.types import Category
from branchguard.core.incidents.types import IncidentFilter, IncidentStatus, IncidentSummary
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import Actor
from branchguard.gui.inspections.runner.names import read_roster_names

if TYPE_CHECKING:
    from branchguard.core.services import Services

LINK_DAYS = 30  # the Complaints page offers the real incidents open or begun this many days back

IncidentsRead = Callable[["Services", Actor], list[IncidentSummary]]


def linkable_incidents(services: Services, actor: Actor) -> list[IncidentSummary]:
    """The incidents a complaint registered now likely came with: the real ones still open or
    begun in the last LINK_DAYS days, newest first (complaints follow an outage by days); none when
    they cannot be read. The command line's --incident takes any incident's id."""
    since = datetime.now(UTC) - timedelta(days=LINK_DAYS)
    try:
        recent = services.incidents.list_incidents(actor, IncidentFilter(drill=False, since=since))
        still_open = services.incidents.list_incidents(
            actor, IncidentFilter(drill=False, status=IncidentStatus.OPEN)
        )
    except BranchGuardError:
        return []
    found = {i.id: i for i in (*recent, *still_open)}
    return sorted(found.values(), key=lambda i: i.started_at, reverse=True)


def live_incidents(services: Services, actor: Actor) -> list[IncidentSummary]:
    """The incidents under way (a service guide's complaint may come with one of them)."""
    return services.incidents.open_incidents(actor) if services.incident_probe.any_open(actor) else []


@dataclass(frozen=True)
class RegisterChoices:
    categories: Sequence[Category]
    incidents: Sequence[IncidentSummary]
    names: Sequence[str]


def register_choices(
    services: Services, actor: Actor, categories: Sequence[Category] | None, incidents: IncidentsRead | None
) -> RegisterChoices:
    """The categories (read unless given: the page has them), the incidents `incidents` reads, the
    roster's names."""
    return RegisterChoices(
        list(categories) if categories is not None else services.complaints.categories(actor),
        incidents(services, actor) if incidents is not None else [],
        read_roster_names(services, actor),
    )
