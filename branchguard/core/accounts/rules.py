"""When an account is locked after too many wrong passwords, and how long a safety lead waits.

The lockout rule. Wrong passwords are counted per account; the branch setting `lockout_threshold`
says how many in a row are allowed. What happens then depends on whether the account's role may
unlock accounts (`user.unlock` in the role table, today the safety lead's):

- any other account is locked for `lockout_minutes`; a safety lead can unlock it at once;
- an account that may unlock others is never locked. Each further wrong password makes the next
  attempt wait longer (10 s, 20 s, 40 s, then 60 s at most), until a right password resets the
  count. Attempts made during a wait are refused without checking the password: they neither
  count nor lengthen the wait.

Why: a branch often has one safety lead, and the lead is the one who must act during an
incident. A hard lock would let anyone at the keyboard, or a script with the CLI, shut the lead
out for `lockout_minutes` with five wrong passwords, at the moment they are needed, with nobody
left to unlock them. A wait capped at a minute costs the lead at most that minute, while still
slowing a guesser to one try a minute (under 1,500 a day, each one in the audit trail) against
an argon2 hash of a password of 8 characters or more.
"""

from __future__ import annotations

from datetime import datetime, timedelta

LEAD_WAIT_FIRST = timedelta(seconds=10)
LEAD_WAIT_CAP = timedelta(seconds=60)


def lock_end(locked_until: datetime | None, now: datetime) -> datetime | None:
    """When the lock (or wait) on an account ends, if it holds at `now`; None when it does not."""
    return locked_until if locked_until is not None and locked_until > now else None


def lead_wait(failures: int, threshold: int) -> timedelta | None:
    """How long an account that is never locked waits after `failures` wrong passwords in a row:
    nothing below the threshold, then 10 s doubling with each further failure, capped at 60 s."""
    beyond = failures - threshold
    if beyond < 0:
        return None
    return min(LEAD_WAIT_CAP, LEAD_WAIT_FIRST * 2 ** min(beyond, 16))
