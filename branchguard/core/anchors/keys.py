"""This installation's Ed25519 signing key: made at first use in the data folder's keys/ (the folder
0700, the private key 0600 on POSIX; backups carry keys/), read on every later use."""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from branchguard.core.anchors.rules import fingerprint
from branchguard.core.anchors.types import KeyInfo
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message

KEYS_FOLDER = "keys"
KEY_FILE = "anchor-ed25519.pem"
POSIX = sys.platform != "win32"


class KeyProblem(BranchGuardError):
    """The signing key cannot be made or read; the message says which file and why."""


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_FOLDER / KEY_FILE


def load_or_create(data_dir: Path) -> Ed25519PrivateKey:
    """The key in `data_dir`, made now when there is none. Two processes making it at once end with
    the same key: the file appears whole (a link from a finished temporary file) or not at all."""
    path = key_path(data_dir)
    if not path.exists():
        _create(path)
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise KeyProblem(Message("anchor.key_unreadable", path=str(path), error=_why(exc))) from None
    except (ValueError, TypeError):  # cryptography's words (English, with a link) say no more than this
        raise KeyProblem(Message("anchor.key_damaged", path=str(path))) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyProblem(Message("anchor.key_damaged", path=str(path)))
    if POSIX and path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return key


def info(data_dir: Path, key: Ed25519PrivateKey) -> KeyInfo:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyInfo(fingerprint=fingerprint(raw), public_key=raw.hex(), path=str(key_path(data_dir)))


def _create(path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if POSIX:
            path.parent.chmod(0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, pem)
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs is the key
            os.link(tmp, path)
    except OSError as exc:
        raise KeyProblem(Message("anchor.key_unwritable", path=str(path), error=_why(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)


def _why(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
