"""`branchguard people remove`: refused, nothing removed, while open items name the person (the
refusal lists them and names the flag); --despite-open-items removes them knowingly; a person the
team roster keeps is refused with the roles named."""

from __future__ import annotations

from pathlib import Path

from branchguard.core.people.types import BranchRole, PersonInput
from tests.cli.cli_support import LEAD_PASSWORD, Run


def _add_person(data_dir: Path, name: str) -> None:
    """The command line adds nobody to the roster: the window's service does, as the lead."""
    from branchguard.context import open_context

    ctx = open_context(data_dir)
    try:
        lead = ctx.services.auth.login("lead", LEAD_PASSWORD)
        ctx.services.people.add_person(lead, PersonInput(name, BranchRole.TELLER))
    finally:
        ctx.close()


def _names(run: Run) -> list[str]:
    code, out, err = run("people", "list")
    assert code == 0, err
    return out.split()


def test_people_remove_refuses_over_open_items_unless_told_to_go_ahead(
    run: Run, fresh_data_dir: Path
) -> None:
    _add_person(fresh_data_dir, "彭强")
    code, _out, err = run("hazard", "add", "灭火器压力不足", "--owner", "彭强", "--severity", "major")
    assert code == 0, err
    code, _out, err = run("people", "remove", "彭强")
    assert code != 0
    assert (
        "彭强 still owns 1 open item(s)" in err and "灭火器压力不足" in err and "--despite-open-items" in err
    )
    assert "彭强" in _names(run)
    code, out, err = run("people", "remove", "彭强", "--despite-open-items")
    assert code == 0, err
    assert out.strip() == "彭强" and "彭强" not in _names(run)


def test_people_remove_names_the_roles_that_keep_someone_on_the_roster(demo_run: Run) -> None:
    code, _out, err = demo_run("people", "remove", "周强", "--despite-open-items")
    assert code != 0
    assert "holds the role Firefighting team" in err
