"""Whether any incident is open, without loading the incident layer (its models, types and log).

The window asks at start, before its landing page, and on every banner poll: most of the time no
incident is open, and the incident service is then not imported until a page or dialog needs it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor

OPEN = "open"  # IncidentStatus.OPEN.value (tests/core/incidents/test_incident_probe.py keeps them equal)
_ANY_OPEN = text("SELECT 1 FROM incidents WHERE status = :open LIMIT 1")


class IncidentProbe:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def any_open(self, actor: Actor) -> bool:
        require(actor, "incident.read")
        return self._any_open()

    def any_open_before_login(self) -> bool:
        """For the window's start only, before anyone has logged in: which page's code to load while
        the user logs in (the Incidents page opens while incidents are open). It shows nothing, so it
        asks no actor; what the window shows is read after the login, as the actor's role allows."""
        return self._any_open()

    def _any_open(self) -> bool:
        with self._sessions() as s:
            return s.scalar(_ANY_OPEN, {"open": OPEN}) is not None
