"""Accounts and login: argon2 password hashes, roles, lockout after repeated wrong passwords.

The lockout rule (core/accounts/rules.py says why): after `lockout_threshold` wrong passwords in
a row an account is locked for `lockout_minutes`, except one whose role may unlock accounts (the
safety lead), which is never locked but waits 10 s, 20 s, 40 s, then at most 60 s between tries.
The window and the command line both log in here, so they follow the same rule.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts.names import Names
from branchguard.core.accounts.rules import lead_wait, lock_end
from branchguard.core.accounts.standing import AccountChanged
from branchguard.core.accounts.standing import confirm as confirm_standing
from branchguard.core.accounts.types import UserInfo
from branchguard.core.audit.service import record
from branchguard.core.branch.service import (
    DEFAULT_LOCKOUT_MINUTES,
    DEFAULT_LOCKOUT_THRESHOLD,
    BranchValues,
    get_branch_row,
    write_branch,
)
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import (
    AccountLocked,
    AuthenticationError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from branchguard.core.kernel.i18n import Message, saying
from branchguard.core.kernel.names import printable
from branchguard.core.kernel.roles import may, require
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.foundation import UserRow

MIN_PASSWORD_LENGTH = 8
# argon2id at OWASP's recommended setting (19 MiB, 2 passes, 1 lane): 50 ms a login on this class
# of PC, where argon2-cffi's default (64 MiB, 3 passes, 4 lanes) costs a quarter of a second on a
# two-core back-office machine. Stored hashes carry their parameters; older ones are rehashed at
# the next login.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@functools.cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown, so a wrong name costs as long as a wrong password.

    Made on first use: hashing at import time would slow every start of the app and the CLI.
    """
    return _hasher.hash("branchguard-timing-equaliser")


def to_info(u: UserRow) -> UserInfo:
    return UserInfo(
        id=u.id,
        username=u.username,
        display_name=u.display_name,
        role=Role(u.role),
        active=u.active,
        locked_until=u.locked_until,
        created_at=u.created_at,
    )


def actor_of(u: UserRow) -> Actor:
    return Actor(user_id=u.id, username=u.username, role=Role(u.role))


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError("field.password", Message("validation.password_short", min=MIN_PASSWORD_LENGTH))
    if not password.strip():  # eight spaces were taken
        raise ValidationError("field.password", Message("validation.password_blank"))
    return password


def _format_local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def never_locked(user: UserRow) -> bool:
    """Whether wrong passwords only slow this account down instead of locking it: its role may
    unlock accounts, so locking it could leave nobody to unlock it (core/accounts/rules.py)."""
    return may(actor_of(user), "user.unlock")


def _locked_error(user: UserRow, until: datetime, now: datetime) -> AccountLocked:
    if never_locked(user):
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        text = Message("auth.wait", username=user.username, seconds=seconds)
        return AccountLocked(text, until)
    return AccountLocked(Message("auth.locked", username=user.username, until=_format_local(until)), until)


class AuthService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] = utcnow,
        *,
        read_only: bool = False,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._read_only = read_only  # data opened read-only: a login checks, and records nothing

    # -- accounts --------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self._sessions() as s:
            return bool(s.scalar(select(func.count()).select_from(UserRow)))

    def create_first_lead(
        self, username: str, password: str, display_name: str = "", branch: BranchValues | None = None
    ) -> UserInfo:
        """First start: the safety-lead account, allowed only while no account exists, and with
        `branch` (`branch_values`) the branch record written in the same transaction: refused, the
        account leaves no branch half-configured, and once an account exists nobody changes the
        branch without one."""
        with self._sessions.begin() as s:
            if s.scalar(select(func.count()).select_from(UserRow)):
                raise ValidationError("field.username", Message("validation.first_lead_exists"))
            if branch is not None:
                write_branch(s, Actor.system(), branch)
            return self.insert_user(s, Actor.system(), username, Role.LEAD, password, display_name)

    def add_user(
        self, actor: Actor, username: str, role: Role | str, password: str, display_name: str = ""
    ) -> UserInfo:
        require(actor, "user.create")
        with self._sessions.begin() as s:
            return self.insert_user(
                s, actor, username, v.choice(role, Role, "field.role"), password, display_name
            )

    def insert_user(
        self, s: Session, actor: Actor, username: str, role: Role, password: str, display_name: str
    ) -> UserInfo:
        name = v.username(username)
        display = v.text(display_name, "field.display_name", required=False, limit=100) or name
        check_password(password)
        if s.scalar(select(UserRow).where(UserRow.username == name)) is not None:
            raise ValidationError("field.username", Message("validation.username_taken", value=name))
        if name == Actor.system().username:  # the app's own entries are signed so: nobody signs as it
            raise ValidationError("field.username", Message("validation.username_reserved", value=name))
        user = UserRow(
            username=name,
            display_name=display,
            role=role.value,
            password_hash=_hasher.hash(password),
            active=True,
            failed_attempts=0,
        )
        s.add(user)
        s.flush()
        record(s, actor, "user.create", "user", user.id, after={"username": name, "role": role.value})
        return to_info(user)

    def list_users(self, actor: Actor) -> list[UserInfo]:
        require(actor, "user.list")
        with self._sessions() as s:
            return [to_info(u) for u in s.scalars(select(UserRow).order_by(UserRow.username))]

    def names(self, actor: Actor) -> Names:
        """Every account's display name by login: how reports name people."""
        require(actor, "user.names")
        with self._sessions() as s:
            return Names.of(s.execute(select(UserRow.username, UserRow.display_name)).tuples())

    def set_role(self, actor: Actor, user_id: int, role: Role | str) -> UserInfo:
        require(actor, "user.update")
        new_role = v.choice(role, Role, "field.role")
        with self._sessions.begin() as s:
            user = self._get(s, user_id)
            if user.role == Role.LEAD and new_role != Role.LEAD:
                self._refuse_last_lead(s, user, "field.role", "validation.last_lead")
            before = {"role": user.role}
            user.role = new_role.value
            record(s, actor, "user.update", "user", user.id, before=before, after={"role": new_role.value})
            return to_info(user)

    def set_active(self, actor: Actor, user_id: int, active: bool) -> UserInfo:
        require(actor, "user.update")
        with self._sessions.begin() as s:
            user = self._get(s, user_id)
            if not active and user.role == Role.LEAD:
                self._refuse_last_lead(s, user, "field.active", "validation.last_lead_disabled")
            before = {"active": user.active}
            user.active = active
            record(s, actor, "user.update", "user", user.id, before=before, after={"active": active})
            return to_info(user)

    def set_password(self, actor: Actor, user_id: int, password: str) -> None:
        """A lead resets anyone's password; every user may change their own."""
        if actor.user_id != user_id:
            require(actor, "user.update")
        check_password(password)
        with self._sessions.begin() as s:
            user = self._get(s, user_id)
            user.password_hash = _hasher.hash(password)
            record(s, actor, "user.update", "user", user.id, summary=saying("user.audit.password_changed"))

    def change_own_password(self, actor: Actor, current: str, password: str) -> None:
        """The user's own password, changed once they give the current one: someone at a PC left
        unlocked cannot take the account over (a lead resets anyone's with `set_password`)."""
        if actor.user_id is None:
            raise PermissionDenied(Message("auth.no_account"))
        if not current:  # nothing typed is no guess: neither counted nor audited, as at the login
            raise ValidationError("field.current_password", Message("validation.required"))
        check_password(password)
        now = self._clock()
        with self._sessions.begin() as s:  # a wrong guess is committed: it counts as at the login
            user = self._get(s, actor.user_id)
            refused = self._refusal(s, user, current, now)
            if refused is None:
                user.failed_attempts = 0
        if isinstance(refused, AccountLocked) and isinstance(refused.content, Message):
            raise ValidationError("field.current_password", refused.content)  # locked: until when
        if refused is not None:
            raise ValidationError("field.current_password", Message("validation.current_password_wrong"))
        self.set_password(actor, actor.user_id, password)

    def unlock(self, actor: Actor, user_id: int) -> UserInfo:
        require(actor, "user.unlock")
        with self._sessions.begin() as s:
            user = self._get(s, user_id)
            user.failed_attempts = 0
            user.locked_until = None
            record(s, actor, "user.unlock", "user", user.id, summary=user.username)
            return to_info(user)

    # -- login -----------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Actor:
        """Check the password; the n-th consecutive failure locks the account for a while.

        Every failed login is audited (as the system: nobody is logged in), a name no account has
        only masked (`_unknown_name`), and committed even though the call raises, so the count
        survives a restart.
        A name or password left empty is a slip of the keyboard, not a guess: refused before
        anything is checked, neither counted nor audited. On data opened read-only nothing is
        written: the password and the lock are checked, but neither a failure nor the login can be
        recorded there.
        """
        name = (username or "").strip().lower()
        if not name:
            raise AuthenticationError(Message("auth.username_empty"))
        if not password:
            raise AuthenticationError(Message("auth.password_empty"))
        now = self._clock()
        if self._read_only:
            return self._login_read_only(name, password, now)
        with self._sessions.begin() as s:
            user = s.scalar(select(UserRow).where(UserRow.username == name))
            if user is None:
                _safe_verify(_dummy_hash(), password)
                _record_failure(s, "", _unknown_name(name))
                error: AuthenticationError = AuthenticationError(Message("auth.bad_credentials"))
            elif (until := lock_end(user.locked_until, now)) is not None:
                # the password is not checked while locked; the try is audited, not counted
                tried = saying("user.audit.tried_locked", username=name, until=until.isoformat())
                _record_failure(s, user.id, tried)
                error = _locked_error(user, until, now)
            elif (refused := self._refusal(s, user, password, now)) is not None:
                error = refused  # a wrong password: counted and audited by `_register_failure`
            elif not user.active:
                # said "disabled" only to whoever gave the right password: a guesser learns nothing
                _record_failure(s, user.id, saying("user.audit.disabled", username=name))
                error = AuthenticationError(Message("auth.inactive", username=name))
            else:
                user.failed_attempts = 0
                user.locked_until = None
                user.last_login_at = now
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                actor = actor_of(user)
                record(s, actor, "user.login", "user", user.id, summary=name)
                return actor
        raise error

    def _login_read_only(self, name: str, password: str, now: datetime) -> Actor:
        with self._sessions() as s:
            user = s.scalar(select(UserRow).where(UserRow.username == name))
            if user is None:
                _safe_verify(_dummy_hash(), password)
                raise AuthenticationError(Message("auth.bad_credentials"))
            if (until := lock_end(user.locked_until, now)) is not None:
                raise AccountLocked(Message("auth.locked", username=name, until=_format_local(until)), until)
            if not _safe_verify(user.password_hash, password):
                raise AuthenticationError(Message("auth.bad_credentials"))
            if not user.active:
                raise AuthenticationError(Message("auth.inactive", username=name))
            return actor_of(user)

    def _refusal(self, s: Session, user: UserRow, password: str, now: datetime) -> AuthenticationError | None:
        """What refuses `password` for `user` now: the account's lock (the password not checked: a
        try while locked neither counts nor waits longer), or the password wrong (counted and
        audited, `_register_failure`); None when it is right. The login's and one's own password
        change's one check."""
        if (until := lock_end(user.locked_until, now)) is not None:
            return _locked_error(user, until, now)
        if not _safe_verify(user.password_hash, password):
            return self._register_failure(s, user, now)
        return None

    def _register_failure(self, s: Session, user: UserRow, now: datetime) -> AuthenticationError:
        """Count a wrong password. The count and the lock are read again under the account's lock
        (db/locks.py), taken only after the password was checked: argon2's ~50 ms is not spent
        holding it. So PCs guessing at once each add their failure (eight at once all wrote n=1
        and the lockout never came), and a password checked while another guess locked the account
        is refused by that lock, audited but not counted: a try made before the lock neither
        extends it nor counts toward the next one. Each PC checks at most one password past the
        lock, as its next try finds the lock before any check."""
        branch = get_branch_row(s)
        threshold = branch.lockout_threshold if branch else DEFAULT_LOCKOUT_THRESHOLD
        minutes = branch.lockout_minutes if branch else DEFAULT_LOCKOUT_MINUTES
        locked(s, UserRow, user.id)  # `user` itself, read fresh
        if (until := lock_end(user.locked_until, now)) is not None:
            _record_failure(s, user.id, saying("user.audit.wrong_password_locked", username=user.username))
            return _locked_error(user, until, now)
        user.failed_attempts += 1
        # Worded in the reader's language when the trail is read; the lock's end (an instant) in
        # the reader's local time (core/audit/text.summary_text).
        count = {"username": user.username, "n": user.failed_attempts, "threshold": threshold}
        if never_locked(user):
            wait = lead_wait(user.failed_attempts, threshold)
            if wait is None:
                _record_failure(s, user.id, saying("user.audit.wrong_password", **count))
                return AuthenticationError(Message("auth.bad_credentials"))
            # the count keeps growing (the wait with it, to its cap) until a right password
            until = user.locked_until = now + wait
            waited = saying("user.audit.wrong_password_wait", **count, seconds=int(wait.total_seconds()))
            _record_failure(s, user.id, waited)
            return _locked_error(user, until, now)
        _record_failure(s, user.id, saying("user.audit.wrong_password", **count))
        if user.failed_attempts >= threshold:
            until = user.locked_until = now + timedelta(minutes=minutes)
            user.failed_attempts = 0
            lock = saying("user.audit.locked", username=user.username, until=until.isoformat())
            record(s, Actor.system(), "user.locked", "user", user.id, summary=lock)
            return _locked_error(user, until, now)
        return AuthenticationError(Message("auth.bad_credentials"))

    def standing(self, actor: Actor) -> str | None:
        """None while `actor`'s account is still active in the role it logged in with, else why not,
        worded (a window left open after the account was disabled or given another role elsewhere)."""
        try:
            confirm_standing(self._sessions, actor)
        except AccountChanged as changed:
            return changed.message
        return None

    def record_refusal(self, refused: PermissionDenied, actor: Actor, doing: str) -> None:
        """Audit a refused attempt (a command the actor's role may not run), in its own transaction:
        the refusal wrote nothing else."""
        why = f"{doing} ({refused.action})" if refused.action else f"{doing}: {refused.text('en')}"
        with self._sessions.begin() as s:
            record(s, actor, "user.refused", "user", actor.user_id or "", summary=why[:500])

    def _get(self, s: Session, user_id: int) -> UserRow:
        user = s.get(UserRow, user_id)
        if user is None:
            raise NotFound(Message("notfound", what=Message("entity.user"), id=user_id))
        return user

    def _refuse_last_lead(self, s: Session, user: UserRow, field: str, refusal: str) -> None:
        """Refused, naming `field` and saying `refusal`, when `user` is the last active lead."""
        other_leads = s.scalar(
            select(func.count())
            .select_from(UserRow)
            .where(UserRow.role == Role.LEAD.value, UserRow.active.is_(True), UserRow.id != user.id)
        )
        if not other_leads:
            raise ValidationError(field, Message(refusal))

    def user_by_name(self, username: str) -> UserInfo | None:
        with self._sessions() as s:
            user = s.scalar(select(UserRow).where(UserRow.username == username.strip().lower()))
            return to_info(user) if user else None


def _record_failure(s: Session, user_id: int | str, said: dict[str, object]) -> None:
    """A failed login in the audit trail, by the system (nobody is logged in); `user_id` empty when
    no account has the name tried."""
    record(s, Actor.system(), "user.login_failed", "user", user_id, summary=said)


def _unknown_name(name: str) -> dict[str, object]:
    """What the audit trail keeps of a user name no account has: its first character and its
    length, never the name. A name that is no account's is as often a password typed one field too
    early (the auditor reads the trail); the first character and the length still show an auditor
    the same name tried again and again, or many names tried."""
    return saying("user.audit.no_such_user_masked", initial=printable(name[:1]) or "?", length=len(name))


def _safe_verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
