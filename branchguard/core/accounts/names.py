"""People named as people: a login ("lead", "cli:root") shown as its account's display name
(王建国), with the login in brackets only where the name alone would be ambiguous (two accounts of
that name, or a name that is another account's login). One resolver for every report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.db.models.foundation import UserRow


@dataclass(frozen=True)
class Names:
    """login -> display name, as the accounts hold them; a login it does not know is shown as is."""

    by_login: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, accounts: Iterable[tuple[str, str]]) -> Names:
        """From (login, display name) pairs; an empty display name is the login."""
        return cls(MappingProxyType({login: (name or "").strip() or login for login, name in accounts}))

    def __call__(self, login: str | None) -> str:
        if not login:
            return ""
        name = self.by_login.get(login)
        if name is None or name == login:
            return login
        return f"{name} ({login})" if name in self._ambiguous else name

    @property
    def _ambiguous(self) -> frozenset[str]:
        counts = Counter(self.by_login.values())
        shared = frozenset(n for n, k in counts.items() if k > 1)
        return shared | (frozenset(self.by_login) & frozenset(counts))  # a name that is a login too


def person_of(session: Session, username: str) -> str:
    """The display name of the account `username` (its login when it has none, or no account),
    for a field that names a person in words, such as a schedule's or a hazard's owner."""
    name = session.scalar(select(UserRow.display_name).where(UserRow.username == username))
    return (name or "").strip() or username
