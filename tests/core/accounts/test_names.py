"""How reports name people: a login as its account's display name, the login in brackets only
where the name alone is ambiguous; every role may read the names."""

from __future__ import annotations

from branchguard.core.accounts.names import Names


def test_a_login_is_shown_as_its_display_name() -> None:
    names = Names.of([("lead", "王建国"), ("staff", "李安全"), ("plain", "")])
    assert names("lead") == "王建国" and names("staff") == "李安全"
    assert names("plain") == "plain"  # no display name: the login
    assert names("cli:root") == "cli:root"  # no such account: as recorded
    assert names(None) == "" and names("") == ""


def test_the_login_is_added_only_where_the_name_is_ambiguous() -> None:
    names = Names.of([("zhang1", "张伟"), ("zhang2", "张伟"), ("wang", "王芳"), ("li", "wang")])
    assert names("zhang1") == "张伟 (zhang1)" and names("zhang2") == "张伟 (zhang2)"
    assert names("wang") == "王芳"
    assert names("li") == "wang (li)"  # a name that is another account's login


def test_every_role_reads_the_names(ctx, lead, staff, auditor) -> None:
    for actor in (lead, staff, auditor):
        assert ctx.services.auth.names(actor)(lead.username) == "王建国"
