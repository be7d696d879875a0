"""The one message catalogue: every domain's messages.py assembled, refusing a key defined twice."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

# Each module holds `MESSAGES: dict[key, (en, zh_CN)]`; a new domain adds its module here.
SOURCES = (
    "branchguard.core.kernel.messages",
    "branchguard.core.kernel.input_messages",
    "branchguard.core.kernel.schema_messages",
    "branchguard.core.accounts.messages",
    "branchguard.core.audit.messages",
    "branchguard.core.people.messages",
    "branchguard.core.team.messages",
    "branchguard.core.playbooks.messages",
    "branchguard.core.incidents.messages",
    "branchguard.core.early_warnings.messages",
    "branchguard.core.drills.messages",
    "branchguard.core.inspections.messages",
    "branchguard.core.inspections.report_messages",
    "branchguard.core.schedules.messages",
    "branchguard.core.backup.messages",
    "branchguard.core.complaints.messages",
    "branchguard.core.faults.messages",
    "branchguard.core.anchors.messages",
    "branchguard.core.ledger.messages",
    "branchguard.core.dashboard.messages",
    "branchguard.core.demo.messages",
    "branchguard.core.exchange.messages",
    "branchguard.core.headoffice.messages",
    "branchguard.core.library_sync.messages",
    "branchguard.core.dashboard.report_messages",
)

Catalogue = dict[str, tuple[str, str]]


class DuplicateMessageKey(ValueError):
    """Two message modules define the same key: one of them would silently win."""


def assemble(parts: Mapping[str, Mapping[str, tuple[str, str]]]) -> Catalogue:
    """One catalogue from named parts; raises DuplicateMessageKey naming both owners of a key."""
    catalogue: Catalogue = {}
    owner: dict[str, str] = {}
    for name, messages in parts.items():
        for key, entry in messages.items():
            if key in owner:
                raise DuplicateMessageKey(f"message key {key!r} is defined in {owner[key]} and in {name}")
            owner[key] = name
            catalogue[key] = entry
    return catalogue


def build_catalogue() -> Catalogue:
    """Every domain's messages (imported here, on first use: ~12 ms the first frame need not wait for)."""
    return assemble({name: importlib.import_module(name).MESSAGES for name in SOURCES})
