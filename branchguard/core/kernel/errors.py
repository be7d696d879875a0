"""Errors the services raise; each carries a translated, user-facing message."""

from __future__ import annotations


class BranchGuardError(Exception):
    """Base of every expected failure: shown to the user as one clear line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(BranchGuardError):
    """Bad input; `field` names the place for a person, `path` for a program (e.g. an importer
    mapping it back to a line of the file): ("steps", 2, "role") is the third step's role."""

    def __init__(self, field: str, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.reason = message
        self.path = path


class PermissionDenied(BranchGuardError):
    """The actor's role may not perform this action."""


class NotFound(BranchGuardError):
    """The referenced record does not exist."""


class AuthenticationError(BranchGuardError):
    """Wrong user name or password."""


class AccountLocked(AuthenticationError):
    """Too many wrong passwords: the account is locked until `until` (UTC)."""

    def __init__(self, message: str, until: object) -> None:
        super().__init__(message)
        self.until = until


class SchemaError(BranchGuardError):
    """The database cannot be used by this version (newer schema, failed upgrade)."""
