"""Errors the services raise; each carries message keys and is worded when it is shown."""

from __future__ import annotations

from branchguard.core.kernel.i18n import Message, translate


class BranchGuardError(Exception):
    """Base of every expected failure: shown to the user as one clear line.

    It holds a `Message` (key and parameters) in `content`, so `.message` and `str()` word it in
    the language current when it is shown, not when it was raised. A plain string is taken as
    already worded (text from outside the catalogue)."""

    def __init__(self, content: Message | str) -> None:
        super().__init__(content)
        self.content = content

    def text(self, lang: str | None = None) -> str:
        """The user-facing line in `lang` (default: the current language)."""
        return translate(self.content, lang)

    @property
    def message(self) -> str:
        return self.text()

    def __str__(self) -> str:
        return self.text()


class ValidationError(BranchGuardError):
    """Bad input. `field` is the stable key of the field (a catalogue key such as "field.mobile",
    with `field_params` such as {"n": 3} for "field.step_role"): the GUI finds the input by it.
    `reason_message` says what is wrong (`reason` words it now); `path` locates it for a program
    (e.g. an importer mapping it back to a line of the file): ("steps", 2, "role") is the third
    step's role. The whole line reads "<field label>: <reason>"."""

    def __init__(self, field: str | Message, reason: Message, path: tuple[str | int, ...] = ()) -> None:
        place = field if isinstance(field, Message) else Message(field) if field else None
        whole = reason if place is None else Message("error.in_field", field=place, reason=reason)
        super().__init__(whole)
        self._whole = whole
        self.field: str = place.key if place else ""
        self.field_params: dict[str, object] = dict(place.params) if place else {}
        self.field_message = place
        self.reason_message = reason
        self.path = path

    def is_about(self, field: str, **params: object) -> bool:
        """Whether the error names this field key (and, when given, these parameters)."""
        return self.field == field and all(self.field_params.get(k) == v for k, v in params.items())

    def as_message(self) -> Message:
        """The whole error, "<field label>: <reason>", as one message (to wrap in another)."""
        return self._whole

    def field_label(self, lang: str | None = None) -> str:
        """The field's label in `lang` (default: the current language); empty without a field."""
        return self.field_message.text(lang) if self.field_message else ""

    @property
    def reason(self) -> str:
        """What is wrong, in the current language."""
        return self.reason_message.text()


class PermissionDenied(BranchGuardError):
    """The actor's role may not perform this action (`action`, the role table's key, when known)."""

    def __init__(self, message: Message | str, action: str = "") -> None:
        super().__init__(message)
        self.action = action


class NotFound(BranchGuardError):
    """The referenced record does not exist."""


class StaleRecord(BranchGuardError):
    """A form's save refused: the record changed elsewhere (another PC, another window) after the
    form was opened, and saving every field of the form would silently undo that change. Nothing
    was saved; the window reads the record again (see `refuse_if_changed`)."""


def refuse_if_changed(opened: object, current: object, record: Message) -> None:
    """Raise StaleRecord when what a form was opened with (`opened`, None when the caller has no
    form: the command line) differs from the record as it is now (`current`, read under the lock
    of the save, db/locks.py, and built the same way). Both are values that compare by content,
    such as the frozen dataclass a service hands to the form, holding only stored fields."""
    if opened is not None and opened != current:
        raise StaleRecord(Message("error.changed_elsewhere", record=record))


class AuthenticationError(BranchGuardError):
    """Wrong user name or password."""


class AccountLocked(AuthenticationError):
    """Too many wrong passwords: the account is locked until `until` (UTC)."""

    def __init__(self, message: Message | str, until: object) -> None:
        super().__init__(message)
        self.until = until


class SchemaError(BranchGuardError):
    """The database cannot be used by this version (newer schema, failed upgrade)."""
