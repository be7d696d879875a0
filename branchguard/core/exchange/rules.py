"""Pure rules of the period package: periods, the package's layout and format, masking, the
manifest's signature. No session, no I/O, no clock."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from branchguard.core.anchors import store as anchor_store
from branchguard.core.complaints.rules import mask_id_number, mask_name, mask_phone
from branchguard.core.exchange.types import Period
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

FORMAT = "branchguard.package"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
LEDGER = "ledger.json"
ANCHORS = anchor_store.PACKAGE_MEMBER
RECORDS = "records/"
REPORTS = "reports/"
# Signatures over manifests are never valid for anything else (anchors sign another domain).
DOMAIN = b"branchguard-package-v1\n"
# The kinds of records a package carries, one file each (records/<kind>.json), in this order.
# complaintstats: the period's complaint statistics, one record a month, as the branch's dashboard
# counts them (no identifiers in them).
KINDS = (
    "incidents",
    "actions",
    "drills",
    "inspections",
    "hazards",
    "complaints",
    "complaintstats",
    "compliance",
)
# Kinds later versions added: head office takes a package of an earlier version without them.
OPTIONAL_KINDS = frozenset({"complaintstats"})
MASKED_FIELDS = ("customer_name", "customer_phone", "customer_id_number", "representatives")
BATCH = 500  # records read and written per batch

def period_of(text: str) -> Period:
    """ "2026-11" (a month) or "2026-Q4" (a quarter), read as the periodic report reads periods
    (core/dashboard/rules.py); a year, or anything else, is refused naming the field."""
    from branchguard.core.dashboard.rules import PeriodKind, parse_period

    value = (text or "").strip()
    period = parse_period(value)
    if period.kind == PeriodKind.YEAR:  # a package covers a month or a quarter
        raise ValidationError("field.period", Message("exchange.bad_period", value=value))
    return Period(period.code, period.start, period.end)


def month_starts(period: Period) -> list[date]:
    """The first day of each month of the period, and the period's end: the bounds of its months."""
    days = [period.start]
    while days[-1] < period.end:
        day = days[-1]
        days.append(date(day.year + day.month // 12, day.month % 12 + 1, 1))
    days[-1] = min(days[-1], period.end)
    return days


def complaint_month(f: Any) -> dict[str, Any]:
    """One month's complaint statistics (the dashboard's `PeriodFigures` of that month) as the
    package carries them."""
    return {
        "month": f.start.strftime("%Y-%m"),
        "start": f.start.isoformat(),
        "end": f.end.isoformat(),
        "received": f.complaints_received,
        "by_channel": dict(f.complaints_by_channel),
        "by_category": dict(f.complaints_by_category),
        "by_cause": dict(f.complaints_by_cause),
        "answered": f.complaints_answered,
        "on_time": f.complaints_on_time,
        "rated": f.complaints_rated,
        "satisfied": f.complaints_satisfied,
    }


def held_marks(
    drill: dict[str, Any], void: dict[str, Any] | None, names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """What a drill record carries of how it came to be (core/drills/held.py), beside its columns:
    `recorded_afterwards` (held without BranchGuard, entered from its paper record: run, no
    incident); `paper`, for such a drill, its paper reference (the plan's notes), who scored it on
    paper, and when and by whom it was entered; `voided`, for one voided, when, by whom and why
    (`void`: its audit event as store.drills reads it; None when none is found). The accounts they
    name also by the names people know (`names`: username to display name; `*_name`, "" for a name
    typed, not an account's). Packages before these fields carried the columns alone."""
    names = names or {}
    recorded = drill.get("run_at") is not None and drill.get("incident_id") is None
    evaluation = drill.get("evaluation") or {}
    paper = None
    if recorded:
        evaluator, entered_by = evaluation.get("evaluator") or "", drill.get("created_by") or ""
        paper = {
            "reference": drill.get("notes") or "",
            "evaluator": evaluator,
            "evaluator_name": names.get(evaluator, ""),
            "entered_at": drill.get("created_at"),
            "entered_by": entered_by,
            "entered_by_name": names.get(entered_by, ""),
        }
    voided = None
    if recorded and drill.get("status") == "cancelled":
        voided = void or {"at": None, "by": "", "reason": ""}
        voided = {**voided, "by_name": names.get(str(voided.get("by") or ""), "")}
    return {"recorded_afterwards": recorded, "paper": paper, "voided": voided}


def mask_complaint(record: dict[str, Any]) -> dict[str, Any]:
    """The complaint with the customer's name, phone, identity number and representatives masked."""
    out = dict(record)
    out["customer_name"] = mask_name(str(record.get("customer_name") or ""))
    out["customer_phone"] = mask_phone(str(record.get("customer_phone") or ""))
    out["customer_id_number"] = mask_id_number(str(record.get("customer_id_number") or ""))
    out["representatives"] = [mask_name(str(r)) for r in record.get("representatives") or []]
    return out


def dumps(value: Any) -> str:
    """A record as the package writes it: compact JSON, keys sorted, text as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def signed_bytes(manifest: bytes) -> bytes:
    return DOMAIN + manifest


def sign(key: Ed25519PrivateKey, manifest: bytes) -> str:
    return key.sign(signed_bytes(manifest)).hex()


def signature_holds(public_key_hex: str, manifest: bytes, signature_hex: str) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        public.verify(bytes.fromhex(signature_hex.strip()), signed_bytes(manifest))
    except (ValueError, InvalidSignature):
        return False
    return True


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recent_periods(today: date, months: int = 3) -> list[str]:
    """The periods a package is most often made for, the last full month first: the previous
    `months` months, then this month, the previous quarter and this quarter."""
    out = []
    year, month = today.year, today.month
    for _ in range(months):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        out.append(f"{year:04d}-{month:02d}")
    out.append(f"{today.year:04d}-{today.month:02d}")
    quarter = (today.month - 1) // 3 + 1
    before = (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)
    out.append(f"{before[0]:04d}-Q{before[1]}")
    out.append(f"{today.year:04d}-Q{quarter}")
    return out
