"""Content-addressed file store under the data folder: attachments are kept once, named by SHA-256.

    <data_dir>/attachments/ab/ab12…ef      (the first two hex digits fan the files out)

A file is written to a temporary name in its final folder and renamed into place, so a reader
never sees half a file and a crash leaves at most a stray temporary file. Records (plan versions,
later incidents) keep an AttachmentRef; the bytes are shared by every record naming that hash.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import open_file
from branchguard.core.kernel.names import clean_file_name

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class AttachmentRef:
    """What a record keeps of a file: its original name, its hash, size and media type."""

    name: str
    sha256: str
    size: int
    media_type: str


class AttachmentError(ValidationError):
    """A stored file is missing or no longer matches its hash."""


def media_type_of(name: str) -> str:
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def format_size(size: int) -> str:
    """A size for people: 512 B, 14.2 KB, 3.1 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentStore:
    """Files by content under `root` (the data folder): add, locate, read back with a hash check."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "attachments"
        self._local = threading.local()  # per thread: the files `staged` blocks placed so far

    @contextmanager
    def staged(self) -> Iterator[None]:
        """Files added inside the block that were new to the store are taken out again when the
        block fails: the record that was to name them was not written (a complaint step refused
        for its second file, or for the complaint's status), and a file nothing names would go
        into every backup. A file the store held before is left, whoever else names it."""
        placed: list[Path] = []
        stack = self._local.__dict__.setdefault("stack", [])
        stack.append(placed)
        try:
            yield
        except BaseException:
            for path in placed:
                path.unlink(missing_ok=True)
            raise
        finally:
            stack.remove(placed)

    def _placed(self, path: Path) -> None:
        for placed in self._local.__dict__.get("stack", ()):
            placed.append(path)

    def path_of(self, sha: str) -> Path:
        if not SHA256.match(sha):
            raise ValidationError("field.attachment", Message("attachment.bad_hash", value=sha))
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path_of(sha).is_file()

    def add(self, path: Path) -> AttachmentRef:
        """Copy a file in, streamed and hashed in one pass. Only a regular file is read (a device,
        a FIFO or a folder is refused before it is opened, and opening never waits), and its size
        is checked before anything is read; an empty file is refused; the name kept is cleaned
        (`names.clean_file_name`)."""
        path = Path(path)
        name = clean_file_name(path.name)
        with open_file(path, MAX_ATTACHMENT_BYTES, "field.attachment") as src:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
            try:
                digest, size = hashlib.sha256(), 0
                with os.fdopen(fd, "wb") as out:
                    while chunk := src.read(_CHUNK):
                        size += len(chunk)
                        self._check_size(name, size)  # a file that grows while it is read
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                if size == 0:  # a copy cut off (a USB stick pulled), an export that failed: no evidence
                    raise ValidationError("field.attachment", Message("attachment.empty", name=name))
                sha = digest.hexdigest()
                target = self.path_of(sha)
                if target.is_file():
                    Path(tmp).unlink()
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(tmp, target)
                    self._placed(target)
            except OSError as exc:
                Path(tmp).unlink(missing_ok=True)
                raise ValidationError(
                    "field.attachment",
                    Message("attachment.unreadable", name=str(path), error=exc.strerror or exc),
                ) from None
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return AttachmentRef(name, sha, size, media_type_of(name))

    def add_bytes(self, name: str, data: bytes) -> AttachmentRef:
        name = clean_file_name(name)
        self._check_size(name, len(data))
        sha = sha256_of(data)
        if not self.has(sha):
            self._write(sha, iter((data,)))
        return AttachmentRef(name, sha, len(data), media_type_of(name))

    def read(self, sha: str) -> bytes:
        """The stored bytes; AttachmentError names the file when it is gone or was altered."""
        path = self.path_of(sha)
        try:
            data = path.read_bytes()
        except OSError:
            raise AttachmentError("field.attachment", Message("attachment.missing", path=str(path))) from None
        if sha256_of(data) != sha:
            raise AttachmentError("field.attachment", Message("attachment.corrupted", path=str(path)))
        return data

    def _check_size(self, name: str, size: int) -> None:
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                "field.attachment",
                Message("attachment.too_big", name=name, limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)),
            )

    def _write(self, sha: str, chunks: Iterable[bytes]) -> None:
        target = self.path_of(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
            self._placed(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
