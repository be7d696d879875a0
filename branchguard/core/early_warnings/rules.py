"""Early-warning rules: which incidents carry a four-colour warning, which plan a warning starts,
how the warning is quoted in the incident's log. No session, no I/O, no clock of its own."""

from __future__ import annotations

from datetime import datetime, timedelta

from branchguard.core.early_warnings.types import EarlyWarning, WarningInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, both, saying, worded
from branchguard.core.playbooks.types import IncidentCategory

# The categories whose incidents carry the national four-colour warning: weather and disasters.
WARNING_CATEGORIES = frozenset({IncidentCategory.NATURAL_DISASTER})
# The plan a warning's "start preparation" opens (its first steps are the preparation on a warning).
PREPARATION_PLAN = "NAT"
MAX_TEXT = 2000
# A warning cannot have been received in the future (a minute's grace for clocks apart).
CLOCK_GRACE = timedelta(minutes=1)


def takes_warning(category: str | IncidentCategory) -> bool:
    """Whether incidents of `category` carry a four-colour warning level."""
    return IncidentCategory(category) in WARNING_CATEGORIES


def check_received(received_at: datetime, now: datetime) -> None:
    if received_at.tzinfo is None:
        raise ValidationError("field.warning_received", Message("warning.naive_time"))
    if received_at > now + CLOCK_GRACE:
        raise ValidationError("field.warning_received", Message("warning.received_future"))


def quote_said(warning: EarlyWarning | WarningInput) -> dict[str, object]:
    """The warning quoted in full, as the log stores it: a message key and values, each name in
    both languages, so the entry reads in the reader's language (`incidents.text.entry_text`)."""

    def named(value: EarlyWarning | WarningInput, field: str) -> dict[str, object]:
        label = getattr(value, field)
        return both(label.translated("zh_CN"), label.translated("en"))

    return saying(
        "warning.quote",
        source=named(warning, "source"),
        level=named(warning, "level"),
        kind=named(warning, "kind"),
        at=warning.received_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        text=warning.text,
    )


def quote(warning: EarlyWarning | WarningInput, lang: str | None = None) -> str:
    """The first log entry of the incident a warning starts, in `lang`."""
    return worded(quote_said(warning), lang) or ""


def parse_received(value: str) -> datetime:
    """A typed "YYYY-MM-DD HH:MM" in local time, as an aware time; a keyed error otherwise."""
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise ValidationError("field.warning_received", Message("warning.bad_time", value=value)) from None
