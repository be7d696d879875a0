"""Pure anchor rules: the signed content, fingerprints, an anchor to and from JSON, checking one
anchor against the ledger, and the sentence that says what was proved. No I/O, no clock."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from branchguard.core.anchors.types import (
    Anchor,
    AnchorReport,
    AnchorResult,
    Failure,
    Head,
    LedgerView,
)
from branchguard.core.kernel.i18n import Message

DOMAIN = b"branchguard-anchor-v1\n"  # signatures over anchors are never valid for anything else

# The Ed25519 public keys of small order (libsodium's list, the sign bit aside): no private key
# stands behind them, and a signature "by" one can be made without any, so none may be trusted.
_SMALL_ORDER = frozenset(
    bytes.fromhex(h)
    for h in (
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    )
)


def small_order(raw: bytes) -> bool:
    """Whether the raw public key `raw` is a point of small order (the zero key among them)."""
    return len(raw) == 32 and raw[:31] + bytes([raw[31] & 0x7F]) in _SMALL_ORDER
FIELDS = (
    "at", "ledger_seq", "ledger_hash", "record", "record_seq", "record_hash", "what",
    "fingerprint", "public_key", "signature",
)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
MAX_WHAT = 200
MAX_RECORD = 100


def fingerprint(public_raw: bytes) -> str:
    """The first 16 hex digits of SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def grouped(fp: str) -> str:
    """A fingerprint as people compare it: four groups of four, upper case ("3F2A 91C0 …")."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4)).upper()


def stamp_time(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content(anchor: Anchor) -> dict[str, Any]:
    """The anchor as its JSON object, signature included."""
    return {
        "at": stamp_time(anchor.at),
        "ledger_seq": anchor.ledger_seq,
        "ledger_hash": anchor.ledger_hash,
        "record": anchor.record,
        "record_seq": anchor.record_seq,
        "record_hash": anchor.record_hash,
        "what": anchor.what,
        "fingerprint": anchor.fingerprint,
        "public_key": anchor.public_key,
        "signature": anchor.signature,
    }


def to_line(anchor: Anchor) -> str:
    """One anchor file line (no newline): compact JSON, keys in a fixed order."""
    return json.dumps(content(anchor), ensure_ascii=False, separators=(",", ":"))


def signed_bytes(anchor: Anchor) -> bytes:
    """What the signature covers: every field but the signature, canonical JSON after a domain tag."""
    body = {k: v for k, v in content(anchor).items() if k != "signature"}
    return DOMAIN + json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign(key: Ed25519PrivateKey, unsigned: Anchor) -> Anchor:
    """`unsigned` with its fingerprint, public key and signature filled from `key`."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    keyed = _replace(unsigned, fingerprint=fingerprint(raw), public_key=raw.hex(), signature="")
    return _replace(keyed, signature=key.sign(signed_bytes(keyed)).hex())


def _replace(anchor: Anchor, **changes: Any) -> Anchor:
    from dataclasses import replace

    return replace(anchor, **changes)


def signature_holds(anchor: Anchor) -> bool:
    """The signature is the named key's over this content, and the fingerprint is that key's."""
    try:
        raw = bytes.fromhex(anchor.public_key)
        if fingerprint(raw) != anchor.fingerprint:
            return False
        Ed25519PublicKey.from_public_bytes(raw).verify(bytes.fromhex(anchor.signature), signed_bytes(anchor))
    except (ValueError, InvalidSignature):
        return False
    return True


def parse(value: object) -> Anchor:
    """An anchor from its JSON object; ValueError naming the field that is missing or malformed."""
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    missing = [f for f in FIELDS if f not in value]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")

    def number(name: str, optional: bool = False) -> int | None:
        v = value[name]
        if v is None and optional:
            return None
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < 2**63:
            raise ValueError(f"{name} is not an entry number")
        return v

    def text(
        name: str, pattern: re.Pattern[str] | None = None, limit: int = 0, optional: bool = False
    ) -> str:
        v = value[name]
        if v is None and optional:
            return ""
        if not isinstance(v, str) or (pattern and not pattern.match(v)) or (limit and len(v) > limit):
            raise ValueError(f"{name} is malformed")
        return v

    try:
        at = datetime.strptime(text("at"), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise ValueError("at is not a time like 2026-12-04T02:31:00Z") from None
    record = text("record", limit=MAX_RECORD)
    record_seq = number("record_seq", optional=True)
    record_hash = text("record_hash", _HEX64, optional=True) or None
    if bool(record) != (record_seq is not None) or (record_seq is None) != (record_hash is None):
        raise ValueError("record, record_seq and record_hash must be given together")
    return Anchor(
        at=at,
        ledger_seq=number("ledger_seq") or 0,
        ledger_hash=text("ledger_hash", _HEX64),
        record=record,
        record_seq=record_seq,
        record_hash=record_hash,
        what=text("what", limit=MAX_WHAT),
        fingerprint=text("fingerprint", _HEX16),
        public_key=text("public_key", _HEX64),
        signature=text("signature", _HEX128),
    )


def check(anchor: Anchor, view: LedgerView, head: Head) -> tuple[Failure, Message] | None:
    """Why `anchor` does not hold in the ledger seen through `view` (whose end is `head`), or None."""
    if not signature_holds(anchor):
        return Failure.SIGNATURE, Message("anchor.fail.signature", fingerprint=grouped(anchor.fingerprint))
    if anchor.ledger_seq > 0 and head.seq == 0:
        return Failure.EMPTY, Message("anchor.fail.empty", seq=anchor.ledger_seq)
    now = view.hash_at(anchor.ledger_seq) if anchor.ledger_seq > 0 else None
    if anchor.ledger_seq > 0 and now is None:
        return Failure.TRUNCATED, Message("anchor.fail.truncated", seq=anchor.ledger_seq, end=head.seq)
    if anchor.ledger_seq > 0 and now != anchor.ledger_hash:
        return Failure.REWRITTEN, Message(
            "anchor.fail.rewritten",
            seq=anchor.ledger_seq,
            now=short(now or ""),
            then=short(anchor.ledger_hash),
        )
    if anchor.record_seq is not None:
        kept = view.hash_at(anchor.record_seq)
        if kept != anchor.record_hash:
            return Failure.RECORD, Message(
                "anchor.fail.record", record=anchor.record, seq=anchor.record_seq,
                now=short(kept) if kept else "-", then=short(anchor.record_hash or ""),
            )
    return None


def short(digest: str) -> str:
    """A hash as printed in a sentence: its first 16 hex digits."""
    return digest[:16]


def local_minute(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


_NOT_THE_DATAS = (Failure.UNREADABLE, Failure.SIGNATURE)  # failures of the anchor, not of the data


def proof(report: AnchorReport | None, chain_consistent: bool) -> Message:
    """The one sentence a report prints about its integrity: exactly what was proved, never more."""
    if not chain_consistent:
        return Message("anchor.proof.chain_broken")
    if report is None or not report.results:
        return Message("anchor.proof.no_anchor")
    # What the data fails to hold is said first; an anchor that cannot be read, or is not as it was
    # signed (the anchor file edited, not the data), proves nothing either way.
    held_against = [f for f in report.failures if f.failure not in _NOT_THE_DATAS]
    if held_against:
        anchor = held_against[0].anchor
        assert anchor is not None
        return Message("anchor.proof.anchor_failed", at=local_minute(anchor.at), count=len(held_against))
    if report.failures:
        first, count = report.failures[0], len(report.failures)
        key = "anchor_unreadable" if first.failure is Failure.UNREADABLE else "anchor_not_as_signed"
        return Message(f"anchor.proof.{key}", where=first.where, count=count)
    latest = report.latest
    assert latest is not None  # every result held
    return Message("anchor.proof.unchanged", at=local_minute(latest.at), seq=latest.ledger_seq)


def result_of(where: int, anchor: Anchor, view: LedgerView, head: Head, own_fingerprint: str) -> AnchorResult:
    failed = check(anchor, view, head)
    own = anchor.fingerprint == own_fingerprint
    if failed is None:
        return AnchorResult(where, anchor, None, None, own_key=own)
    return AnchorResult(where, anchor, failed[0], failed[1], own_key=own)


def unreadable(where: int, problem: Message | None) -> AnchorResult:
    reason = problem or Message("anchor.fail.unreadable", error="-")
    return AnchorResult(where, None, Failure.UNREADABLE, reason)
