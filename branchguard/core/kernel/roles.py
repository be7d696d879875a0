"""The role table: every action a service checks or the window offers, and the roles that may do it.

This is the one place that says which role may do what. Services call `require(actor, action)`
before they touch anything; the window asks `may(actor, action)` to show, hide or enable a
control, and the sidebar to list a page (`page.<id>.view`). The command line goes through the
services, so it is held to the same table.

An action is a stable string key, `<domain>.<verb>`; `action.<key>` in the message catalogue
names it in the refusal message (and in the audit trail for the actions recorded there). An
action missing from the table is a programming error (KeyError), never a silent allow.
"""

from __future__ import annotations

from types import MappingProxyType

from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor, Role

_LEAD = frozenset({Role.LEAD})
_LEAD_STAFF = frozenset({Role.LEAD, Role.STAFF})  # auditors read, they never act
_LEAD_AUDITOR = frozenset({Role.LEAD, Role.AUDITOR})  # the audit trail is none of staff's business
_ALL = frozenset(Role)

ROLE_TABLE: MappingProxyType[str, frozenset[Role]] = MappingProxyType({
    # branch settings and login accounts (a user changing their own password needs no action)
    "branch.update": _LEAD,
    "user.create": _LEAD,
    "user.list": _LEAD,
    "user.names": _ALL,  # display names for logins, as reports print people
    "user.update": _LEAD,
    "user.unlock": _LEAD,
    # staff roster and emergency contacts
    "person.list": _ALL,
    "person.create": _LEAD,
    "person.update": _LEAD,
    "person.delete": _LEAD,
    "contact.list": _ALL,
    "contact.create": _LEAD,
    "contact.update": _LEAD,
    "contact.delete": _LEAD,
    "team.list": _ALL,
    "team.assign": _LEAD,
    "training.list": _ALL,
    "training.add": _LEAD,
    "training.update": _LEAD,
    # audit trail
    "audit.list": _LEAD_AUDITOR,
    "audit.export": _LEAD_AUDITOR,  # the trail taken away as evidence (xlsx, PDF), in the window and CLI
    # the ledger over every record: anyone may check that the records are what was written
    "ledger.verify": _ALL,
    # backups of the data folder (restore replaces the database, so it runs before any login)
    "backup.create": _LEAD,
    "backup.restore": _LEAD,  # a refusal names what was asked: restoring, not making a backup
    # anchors: signed ledger heads kept outside the database (whoever makes a document signs its head)
    "anchor.stamp": _ALL,
    "anchor.verify": _ALL,
    "anchor.configure": _LEAD,
    # this PC's font for the Chinese text of every report made here (settings.ini), whoever makes it
    "report.choose_font": _LEAD,
    # the head-office library: exported signed, trusted and imported at a branch
    "library.read": _ALL,
    "library.export": _LEAD,
    "library.trust": _LEAD,
    "library.import": _LEAD,
    "library.calendar": _LEAD,  # head office keeps the working-day table its libraries carry
    "library.refresh": _LEAD,  # the built-in plans and checklists a database made before them lacks
    # playbooks
    "playbook.list": _ALL,
    "playbook.export": _ALL,
    "playbook.create": _LEAD,
    "playbook.update": _LEAD,
    "playbook.approve": _LEAD,
    "playbook.discard_draft": _LEAD,
    "playbook.import": _LEAD,
    # incidents
    "incident.read": _ALL,
    "incident.start": _LEAD_STAFF,
    "incident.log": _LEAD_STAFF,
    "incident.step": _LEAD_STAFF,
    "incident.correct_any": _LEAD,  # others correct only their own entries
    "incident.level": _LEAD,
    "incident.attach": _LEAD,
    "incident.report": _LEAD,
    "incident.close": _LEAD,
    "incident.action": _LEAD,
    "incident.warning": _LEAD_STAFF,  # the four-colour warning follows the issuer's, whoever hears it
    # the early-warning log (weather bureau, police, head office): anyone on duty records what came in
    "warning.read": _ALL,
    "warning.record": _LEAD_STAFF,
    "warning.lift": _LEAD_STAFF,
    # drills
    "drill.read": _ALL,
    "drill.run": _LEAD_STAFF,
    "drill.plan": _LEAD,
    "drill.evaluate": _LEAD,
    "drill.record_held": _LEAD,  # a drill held without BranchGuard: planned and evaluated at once
    "drill.void": _LEAD,  # such a drill recorded by mistake: it stops counting, its reason kept
    "drill.configure": _LEAD,
    # inspections
    "inspection.read": _ALL,
    "inspection.run": _LEAD_STAFF,
    "inspection.escalate": _LEAD_STAFF,  # a failed item starts its plan (an incident) at once
    "inspection.template": _LEAD,
    "inspection.schedule": _LEAD,
    # hazards
    "hazard.read": _ALL,
    "hazard.create": _LEAD_STAFF,
    "hazard.update": _LEAD_STAFF,
    "hazard.downgrade": _LEAD,  # a lower severity drops duties (a major hazard's interim control, plan)
    "hazard.set_due": _LEAD,  # moving an open hazard's due date by hand
    "hazard.remediate": _LEAD_STAFF,
    "hazard.verify": _LEAD,  # the lead checks the fix (never whoever remediated it)
    "hazard.close": _LEAD,
    "hazard.reopen": _LEAD_STAFF,
    "hazard.policy": _LEAD,
    # customer complaints (投诉处理)
    "complaint.read": _ALL,
    "complaint.register": _LEAD_STAFF,
    "complaint.investigate": _LEAD_STAFF,
    "complaint.reply": _LEAD_STAFF,
    "complaint.withdraw": _LEAD_STAFF,  # recording the customer's withdrawal
    "complaint.assign": _LEAD,
    "complaint.decide": _LEAD,
    "complaint.extend": _LEAD,
    "complaint.archive": _LEAD,
    "complaint.unmask": _LEAD,  # the complainant's name, phone and identity number in full
    # schedules and reminders
    "schedule.read": _ALL,
    "schedule.complete": _LEAD_STAFF,
    "schedule.remind": _LEAD_STAFF,  # staff: the reminders of their own items and of nobody's
    "schedule.remind_any": _LEAD,  # a reminder is the item's: dismissed, it is gone for everyone
    "schedule.reminders_all": _LEAD_AUDITOR,  # every reminder listed; staff see their own part
    "schedule.manage": _LEAD,
    # the branch at a glance: tiles, trends and the periodic figures (staff land on incidents)
    "dashboard.view": _LEAD_AUDITOR,
    # the period package for head office (and the public key that goes with it)
    "exchange.export": _LEAD,
    "exchange.key": _LEAD,
    # head office (its own database): the lead role is its administrator, staff import packages,
    # auditors read the roll-up
    "ho.branch": _LEAD,
    "ho.import": _LEAD_STAFF,
    "ho.read": _ALL,
    # the window's pages (gui/shell/pages.py); a page hides what its actions do not allow
    "page.dashboard.view": _LEAD_AUDITOR,
    "page.incidents.view": _ALL,
    "page.warnings.view": _ALL,
    "page.playbooks.view": _ALL,
    "page.calendar.view": _ALL,
    "page.drills.view": _ALL,
    "page.inspections.view": _ALL,
    "page.hazards.view": _ALL,
    "page.complaints.view": _ALL,
    "page.people.view": _ALL,
    "page.audit.view": _LEAD_AUDITOR,
    "page.settings.view": _ALL,
    "page.about.view": _ALL,
    "page.headoffice.view": _ALL,  # head office's branches side by side (its own database)
})


def may(actor: Actor, action: str) -> bool:
    """Whether `actor`'s role may do `action` (KeyError for an action the table does not know)."""
    try:
        allowed = ROLE_TABLE[action]
    except KeyError:
        raise KeyError(f"unknown action {action!r}: add it to ROLE_TABLE in core/kernel/roles.py") from None
    return actor.role in allowed


def refusal(actor: Actor, action: str) -> Message | None:
    """What refuses `actor` `action` ("Auditor 'auditor' may not start incidents"), None when their
    role may: the command line's error and the tooltip of a control the window disables for it."""
    if may(actor, action):
        return None
    doing = Message(f"action.{action}")
    return Message("perm.denied", role=actor.role, username=actor.username, action=doing)


def require(actor: Actor, action: str) -> None:
    """Refuse `actor` with a translated PermissionDenied unless their role may do `action`."""
    if (denied := refusal(actor, action)) is not None:
        raise PermissionDenied(denied, action)


def no_account(username: str) -> Actor:
    """Whoever runs a command with no account behind it (`verify` on a database that holds none,
    where nobody could log in): a reader, who may act on nothing, as an auditor."""
    return Actor(user_id=None, username=username, role=Role.AUDITOR)
