"""Pure rules of the library file: its members, the manifest (what it lists, its JSON and its
published schema), the Ed25519 signature over it, and the checks a branch makes before it reads a
member. No I/O, no clock.

The signature covers a domain tag and the manifest's bytes exactly as stored in the zip, so a
signature made for anything else (an anchor, a package) never verifies as a library's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from branchguard.core.anchors.rules import fingerprint
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.schema_words import field_problem, first_error, worded
from branchguard.core.library_sync.types import Manifest, ManifestFile
from branchguard.paths import resources_dir

FORMAT = "branchguard.library"
VERSION = 1
DOMAIN = b"branchguard-library-v1\n"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PLAYBOOKS = "playbooks.yaml"
TEMPLATES = "templates.json"
RULES = "rules.json"
WORKING_DAYS = "working_days.json"
MEMBERS = (PLAYBOOKS, TEMPLATES, RULES, WORKING_DAYS)
_HEX128 = re.compile(r"^[0-9a-f]{128}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class LibraryRefused(BranchGuardError):
    """A library file that is not imported; the message says why (nothing was written)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


CREATED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the manifest's created_at, in UTC


def stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime(CREATED_FORMAT)


def manifest_bytes(
    members: Mapping[str, bytes], created_at: datetime, generator: str, issuer: str, public_raw: bytes
) -> bytes:
    """The manifest for these members, as stored: UTF-8 JSON, keys in a fixed order."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": stamp(created_at),
        "generator": generator,
        "issuer": issuer,
        "signer": {"fingerprint": fingerprint(public_raw), "public_key": public_raw.hex()},
        "files": [
            {"name": name, "sha256": sha256(data), "size": len(data)} for name, data in members.items()
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def sign(key: Ed25519PrivateKey, manifest: bytes) -> bytes:
    """The signature file's content: the signature in hex and a newline."""
    return key.sign(DOMAIN + manifest).hex().encode("ascii") + b"\n"


def signature_of(data: bytes) -> bytes | None:
    """The raw signature from the signature file, or None when it is not one."""
    text = data.decode("ascii", errors="replace").strip()
    return bytes.fromhex(text) if _HEX128.match(text) else None


def holds(public_raw: bytes, manifest: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, DOMAIN + manifest)
    except (ValueError, InvalidSignature):
        return False
    return True


def claimed_key(doc: Any) -> bytes | None:
    """The public key a manifest names as its signer (to tell a foreign key from a changed file)."""
    signer = doc.get("signer") if isinstance(doc, dict) else None
    key = signer.get("public_key") if isinstance(signer, dict) else None
    return bytes.fromhex(key) if isinstance(key, str) and _HEX64.match(key) else None


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of the manifest (docs/library-manifest.schema.json, shipped in
    resources/ so the installed app has it too)."""
    path = resources_dir() / "library" / "library-manifest.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def schema_problem(doc: Any) -> Message | None:
    """Where and why the manifest breaks the schema (schema_words.py), or None."""
    import jsonschema

    first = first_error(jsonschema.Draft202012Validator(schema()).iter_errors(doc))
    if first is not None:
        return worded(first)
    try:  # the pattern lets a time that is none through (2026-13-45T99:99:99Z)
        datetime.strptime(doc["created_at"], CREATED_FORMAT)
    except ValueError:
        return field_problem("created_at", "jsonschema.no_time", doc["created_at"])
    return None


def manifest_of(doc: dict[str, Any]) -> Manifest:
    """The manifest's record (the document already holds to the schema)."""
    created = datetime.strptime(doc["created_at"], CREATED_FORMAT).replace(tzinfo=UTC)
    return Manifest(
        created_at=created,
        generator=doc["generator"],
        issuer=doc["issuer"],
        fingerprint=doc["signer"]["fingerprint"],
        public_key=doc["signer"]["public_key"],
        files=tuple(ManifestFile(f["name"], f["sha256"], f["size"]) for f in doc["files"]),
    )


def check_members(manifest: Manifest, members: Mapping[str, bytes]) -> None:
    """Every listed member present with its size and SHA-256, and nothing unlisted (LibraryRefused
    naming the member)."""
    listed = {f.name for f in manifest.files}
    for name in sorted(set(members) - listed - {MANIFEST, SIGNATURE}):
        raise LibraryRefused(Message("library.member_unlisted", name=name))
    for f in manifest.files:
        data = members.get(f.name)
        if data is None:
            raise LibraryRefused(Message("library.member_missing", name=f.name))
        if len(data) != f.size or sha256(data) != f.sha256:
            raise LibraryRefused(Message("library.member_changed", name=f.name))
