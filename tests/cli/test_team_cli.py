"""`branchguard team list|assign` and `branchguard training list|add` on the demo branch, in-process,
each call a fresh start: the --json shapes, the table, and bad input named in one line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from tests.cli.cli_support import STAFF_PASSWORD, Run, as_user

TODAY = date.today()
ROLE_KEYS = {"role", "name", "in_plans", "holder", "holder_on_duty", "backup", "needs", "gaps"}
RECORD_KEYS = {
    "id",
    "person",
    "kind",
    "kind_name",
    "trained_on",
    "expires_on",
    "certificate",
    "expiry",
    "renewed",
}


def as_json(run: Run, *args: str) -> Any:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_team_list_shows_every_plan_role_with_its_holder_backup_and_gaps(demo_run: Run) -> None:
    roles = {r["role"]: r for r in as_json(demo_run, "team", "list")}
    assert all(set(r) == ROLE_KEYS for r in roles.values())
    fire = roles["firefighting_team"]
    assert fire["name"] == {"zh": "灭火行动组", "en": "Firefighting team"}
    assert (fire["holder"], fire["backup"], fire["needs"], fire["gaps"]) == ("周强", "刘洋", ["fire"], [])
    assert roles["first_aid_team"]["gaps"] == [{"gap": "absent", "person": "孙丽", "kind": ""}]
    assert roles["first_aid_team"]["holder_on_duty"] is False
    code, out, _err = demo_run("team", "list", lang="zh_CN")
    assert code == 0 and "灭火行动组" in out and "人员不在岗" in out


def test_team_assign_sets_holder_and_backup(demo_run: Run) -> None:
    code, out, err = demo_run("team", "assign", "firefighting_team", "--person", "刘洋", "--backup", "张伟")
    assert code == 0, err
    assert out.strip() == "Firefighting team — 刘洋 (backup 张伟)"
    code, out, err = demo_run("team", "assign", "firefighting_team", "--person", "刘洋", lang="zh_CN")
    assert code == 0 and out.strip() == "灭火行动组 — 刘洋"
    fire = next(r for r in as_json(demo_run, "team", "list") if r["role"] == "firefighting_team")
    assert (fire["holder"], fire["backup"]) == ("刘洋", None)
    assert [g["gap"] for g in fire["gaps"]] == []  # 刘洋 has fire training in the demo


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nobody_team", "--person", "周强"), "Role: 'nobody_team' is not a role of any approved plan"),
        (("firefighting_team", "--person", "无名氏"), "Holder: no staff member is named '无名氏'"),
        (
            ("firefighting_team", "--person", "周强", "--backup", "周强"),
            "Backup: 周强 cannot back up their own role",
        ),
    ],
    ids=["unknown-role", "unknown-person", "backup-is-holder"],
)
def test_team_assign_refuses_bad_input_in_one_line(
    demo_run: Run, args: tuple[str, ...], message: str
) -> None:
    before = as_json(demo_run, "team", "list")
    code, out, err = demo_run("team", "assign", *args)
    assert (code, out) == (1, "")
    assert err.strip() == f"branchguard: error: {message}"
    assert as_json(demo_run, "team", "list") == before


def test_training_add_then_list_and_expiring(demo_run: Run) -> None:
    expires = TODAY + timedelta(days=12)
    code, out, err = demo_run(
        "training", "add", "郑浩", "--kind", "first_aid_aed", "--date", TODAY.isoformat(), "--expires",
        expires.isoformat(), "--certificate", "HS-1",
    )  # fmt: skip
    assert code == 0, err
    assert out.strip().endswith(f"added: 郑浩, First aid and AED, expires {expires.isoformat()}")
    records = as_json(demo_run, "training", "list")
    assert all(set(r) == RECORD_KEYS for r in records)
    mine = next(r for r in records if r["person"] == "郑浩")
    assert mine == {
        "id": mine["id"], "person": "郑浩", "kind": "first_aid_aed",
        "kind_name": {"zh": "急救与AED", "en": "First aid and AED"}, "trained_on": TODAY.isoformat(),
        "expires_on": expires.isoformat(), "certificate": "HS-1", "expiry": "expiring", "renewed": False,
    }  # fmt: skip
    soon = as_json(demo_run, "training", "list", "--expiring", "30")
    # the demo's guard licence (20 days), its expired first-aid certificate and this one
    assert sorted((r["person"], r["kind"], r["expiry"]) for r in soon) == [
        ("周强", "guard_licence", "expiring"),
        ("孙丽", "first_aid_aed", "expired"),
        ("郑浩", "first_aid_aed", "expiring"),
    ]
    assert {r["person"] for r in as_json(demo_run, "training", "list", "--expiring", "0")} == {"孙丽"}
    code, out, _err = demo_run("training", "list", lang="zh_CN")
    assert code == 0 and "急救与AED" in out and "即将到期" in out and "已过期" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("郑浩", "--kind", "karate", "--date", "2026-01-01"), "Training: 'karate' is not a training kind"),
        (("无名氏", "--kind", "fire", "--date", "2026-01-01"), "Person: no staff member is named '无名氏'"),
        (
            ("郑浩", "--kind", "fire", "--date", "2026-01-01", "--expires", "2025-01-01"),
            "Expires: the expiry date 2025-01-01 is not after the training date",
        ),
        (
            ("郑浩", "--kind", "fire", "--date", (TODAY + timedelta(days=3)).isoformat()),
            f"Training date: the training date {(TODAY + timedelta(days=3)).isoformat()} is in the future",
        ),
    ],
    ids=["unknown-kind", "unknown-person", "expires-before", "future"],
)
def test_training_add_refuses_bad_input_in_one_line(
    demo_run: Run, args: tuple[str, ...], message: str
) -> None:
    before = as_json(demo_run, "training", "list")
    code, out, err = demo_run("training", "add", *args)
    assert (code, out) == (1, "")
    assert err.strip() == f"branchguard: error: {message}"
    assert as_json(demo_run, "training", "list") == before


def test_a_bad_date_or_day_count_is_a_usage_error(demo_run: Run) -> None:
    code, _out, err = demo_run("training", "add", "郑浩", "--kind", "fire", "--date", "05/12/2026")
    assert code == 2 and "is not a date like 2026-12-31" in err
    code, _out, err = demo_run("training", "list", "--expiring", "-3")
    assert code == 2


def test_staff_read_the_roster_but_cannot_change_it(demo_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    assert as_json(demo_run, "team", "list")
    assert as_json(demo_run, "training", "list")
    code, _out, err = demo_run("team", "assign", "firefighting_team", "--person", "刘洋")
    assert code == 1 and "assign team roles" in err
    code, _out, err = demo_run("training", "add", "刘洋", "--kind", "fire", "--date", TODAY.isoformat())
    assert code == 1 and "add training records" in err
