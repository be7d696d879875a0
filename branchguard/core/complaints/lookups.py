"""The lookups of complainants the audit trail records: identifiers shown in full (`complaint.unmask`)
and a lead's search by a customer's full name (`complaint.search_name`). A bank's rule: a lookup of a
person that cannot be recorded is not made, so on data opened read-only (nothing can be written)
neither shows anything, and says why, in place of the database's "change NOT saved"."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from branchguard.core.audit.service import record
from branchguard.core.complaints import rules, store
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.models.complaints import ComplaintRow


def unmasked(s: Session, actor: Actor, ids: Sequence[int], read_only: bool) -> None:
    """Reading the identifiers in full is the lead's, and leaves a trace: none, none shown."""
    require(actor, "complaint.unmask")
    if read_only:
        raise BranchGuardError(Message("complaint.unmask_unrecorded"))
    record(s, actor, "complaint.unmask", "complaint", entity_ids(ids), after={"count": len(ids)})


def searched(
    s: Session, actor: Actor, rows: Sequence[ComplaintRow], text: str, *, read_only: bool, again: bool
) -> None:
    """A search by `text` among the full names (a role that may unmask) that found `rows`: recorded
    when it found complaints by a customer's name in full, and when it found nothing at all for what
    looks like a full name ("赵六" did not complain is as much a lookup of 赵六); a search that found
    complaints by their number or words only is not. The name is kept as the register shows it (赵*):
    the trail, and what leaves the branch with it, does not keep it in full. `again`: the same search
    shown again (the window's refresh), already recorded. Read-only, such a search is refused."""
    named = store.found_by_full_name(list(rows), text)
    if not named and (rows or not rules.looks_like_full_name(text)):
        return
    if read_only:
        raise BranchGuardError(Message("complaint.search_name_unrecorded"))
    if not again:
        after = {"count": len(named), "search": rules.mask_name(text)}
        record(s, actor, "complaint.search_name", "complaint", entity_ids(named), after=after)


def entity_ids(ids: Sequence[int]) -> str:
    """The complaints an audit event names, as its entity id holds them (at most 200 characters)."""
    return ",".join(map(str, ids))[:200]
