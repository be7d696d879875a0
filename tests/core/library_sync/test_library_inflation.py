"""A library's content is inflated only once its signature holds, and then no further than the signed
manifest's sizes: an unsigned zip of four 190 MB members (771 KB on disk) once took 1 GB of memory to
end with "no head-office key is trusted yet". Measured in bytes inflated (tests/inflation_support)."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.library_sync import archive, rules
from branchguard.core.library_sync.rules import LibraryRefused
from tests.conftest import take_snapshot
from tests.inflation_support import count_inflated

BOMB = 8 * 1024 * 1024  # each content member: compresses to ~8 KB
SMALL = {rules.PLAYBOOKS: b"x", rules.TEMPLATES: b"{}", rules.RULES: b"{}", rules.WORKING_DAYS: b"{}"}


def _bomb_zip(path: Path, manifest: bytes, signature: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(rules.MANIFEST, manifest)
        zf.writestr(rules.SIGNATURE, signature)
        for name in rules.MEMBERS:
            zf.writestr(name, b" " * BOMB)
    return path


def _signed(key: Ed25519PrivateKey, members: dict[str, bytes]) -> tuple[bytes, bytes]:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    manifest = rules.manifest_bytes(members, datetime(2026, 1, 5, tzinfo=UTC), "test", "Head office", raw)
    return manifest, rules.sign(key, manifest)


def _trust(ctx: Any, lead: Actor, key: Ed25519PrivateKey, tmp_path: Path) -> None:
    key_file = tmp_path / "ho.key"
    key_file.write_text(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex())
    ctx.services.library.trust(lead, key_file)


def _refused(ctx: Any, lead: Actor, path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    before = take_snapshot(ctx.engine)
    inflated = count_inflated(monkeypatch)
    with pytest.raises(LibraryRefused) as caught:
        ctx.services.library.read(lead, path)
    monkeypatch.undo()
    assert take_snapshot(ctx.engine) == before
    return caught.value.message, inflated.total


def test_an_unsigned_library_is_refused_on_its_manifest_alone(
    ctx: Any, lead: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    bomb = _bomb_zip(tmp_path / "libbomb.zip", b'{"format":"branchguard.library"}', b"00")
    message, inflated = _refused(ctx, lead, bomb, monkeypatch)
    assert "no head-office key is trusted yet" in message
    assert inflated < 1024  # the manifest and the signature file, nothing of the 32 MB
    _trust(ctx, lead, Ed25519PrivateKey.generate(), tmp_path)
    message, inflated = _refused(ctx, lead, bomb, monkeypatch)
    assert "signature" in message
    assert inflated < 1024


def test_a_member_is_read_no_further_than_its_signed_size(
    ctx: Any, lead: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signed by the trusted key, yet every member grows past what the manifest signs: each stops a
    byte past its signed size and the first is named as changed."""
    set_language("en")
    key = Ed25519PrivateKey.generate()
    _trust(ctx, lead, key, tmp_path)
    manifest, signature = _signed(key, SMALL)
    message, inflated = _refused(
        ctx, lead, _bomb_zip(tmp_path / "grown.zip", manifest, signature), monkeypatch
    )
    assert "differs from what head office signed" in message
    # the manifest twice (once to tell a backup or a package from a library), then a byte past each size
    assert inflated <= 2 * len(manifest) + len(signature) + sum(len(v) + 1 for v in SMALL.values())


def test_signed_sizes_beyond_the_caps_are_refused_before_anything_is_inflated(
    ctx: Any, lead: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    key = Ed25519PrivateKey.generate()
    _trust(ctx, lead, key, tmp_path)
    manifest, _ = _signed(key, SMALL)
    doc = json.loads(manifest)
    for f in doc["files"]:  # each within its own cap, together over the library's
        f["size"] = archive.MAX_CONTENT
    manifest = json.dumps(doc).encode()
    signature = rules.sign(key, manifest)
    message, inflated = _refused(
        ctx, lead, _bomb_zip(tmp_path / "huge.zip", manifest, signature), monkeypatch
    )
    assert f"more than the {archive.MAX_CONTENT_TOTAL // (1024 * 1024)} MB a library may hold" in message
    assert inflated <= 2 * len(manifest) + len(signature)
