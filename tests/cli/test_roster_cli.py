"""`branchguard people add|edit` and `contacts add|edit|remove`: the roster and the contacts kept
from the command line as the window's People page keeps them, through the same services: refused
as its forms refuse (naming the field), by role as it refuses staff and auditors, and a rename over
open items asked about as the window asks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.cli.cli_support import AUDITOR_PASSWORD, STAFF_PASSWORD, Run, as_user


def _listed(run: Run, what: str, *args: str) -> list[dict[str, Any]]:
    code, out, err = run(what, "list", "--json", *args)
    assert code == 0, err
    listed: list[dict[str, Any]] = json.loads(out)
    return listed


def _person(run: Run, name: str) -> dict[str, Any]:
    (person,) = [p for p in _listed(run, "people") if p["name"] == name]
    return person


def test_people_add_and_edit(demo_run: Run) -> None:
    code, out, err = demo_run(
        "people", "add", "陈静", "--post", "teller", "--mobile", "13800138011", "--notes", "新入职"
    )
    assert (code, out) == (0, "陈静\n"), err
    added = _person(demo_run, "陈静")
    assert (added["branch_role"], added["mobile"], added["on_duty"], added["notes"]) == (
        "teller",
        "13800138011",
        True,
        "新入职",
    )
    code, out, err = demo_run(
        "people", "edit", "陈静", "--off-duty", "--phone", "010-63210011", "--notes", ""
    )
    assert (code, out) == (0, "陈静\n"), err
    edited = _person(demo_run, "陈静")
    assert edited | {"updated_at": ""} == added | {
        "on_duty": False,
        "phone": "010-63210011",
        "notes": "",
        "updated_at": "",
    }
    renamed = ("--name", "陈静怡", "--post", "lobby_manager")
    code, _out, err = demo_run("people", "edit", f"#{added['id']}", *renamed)
    assert code == 0, err
    assert _person(demo_run, "陈静怡")["branch_role"] == "lobby_manager"
    code, out, _err = demo_run("people", "list")
    assert f"#{added['id']}" in out.split()  # the id PERSON may name


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("people", "add", "陈静", "--post", "teller", "--mobile", "123"), "Mobile: '123' is not a mobile"),
        (("people", "add", " ", "--post", "teller"), "Name: "),
        (("people", "add", "刘洋", "--post", "teller", "--mobile", "13901010005"), "Mobile: 刘洋 with this"),
        (("people", "edit", "赵敏", "--phone", "abc"), "Phone: 'abc' is not a valid phone number"),
        (("people", "edit", "无此人", "--notes", "x"), "Name: no staff member is named '无此人'"),
    ],
)
def test_people_refused_as_the_form_refuses_naming_the_field(
    demo_run: Run, args: tuple[str, ...], said: str
) -> None:
    before = _listed(demo_run, "people")
    code, out, err = demo_run(*args)
    assert (code, out) == (1, "") and err.startswith(f"branchguard: error: {said}"), err
    assert _listed(demo_run, "people") == before


def test_a_rename_over_open_items_is_refused_unless_told_to_go_ahead(demo_run: Run) -> None:
    assert demo_run("people", "add", "彭强", "--post", "teller")[0] == 0
    code, _out, err = demo_run("hazard", "add", "灭火器压力不足", "--owner", "彭强")
    assert code == 0, err
    code, out, err = demo_run("people", "edit", "彭强", "--name", "彭小强")
    assert (code, out) == (1, "")
    assert "1 open item(s) name 彭强" in err and "灭火器压力不足" in err and "--despite-open-items" in err
    code, _out, err = demo_run("people", "edit", "彭强", "--name", "彭小强", lang="zh_CN")
    assert code == 1 and "有 1 项未结事项写明由 彭强 负责" in err, err
    assert _person(demo_run, "彭强")
    assert demo_run("people", "edit", "彭强", "--notes", "夜班")[0] == 0  # no rename: nothing to ask
    code, out, err = demo_run("people", "edit", "彭强", "--name", "彭小强", "--despite-open-items")
    assert (code, out) == (0, "彭小强\n"), err
    assert _person(demo_run, "彭小强")["notes"] == "夜班"


def test_contacts_add_edit_remove(demo_run: Run) -> None:
    code, out, err = demo_run(
        *("contacts", "add", "城东派出所", "--kind", "police_station"),
        *("--phone", "010-63219110", "--notes", "24小时"),
    )
    assert code == 0, err
    cid = int(out)
    (added,) = _listed(demo_run, "contacts", "--search", "城东派出所")
    assert added == {
        "id": cid,
        "name": "城东派出所",
        "kind": "police_station",
        "phone": "010-63219110",
        "alt_phone": "",
        "notes": "24小时",
        "builtin": False,
        "sort_order": 100,
    }
    code, out, err = demo_run("contacts", "edit", str(cid), "--alt-phone", "13800138110", "--kind", "other")
    assert (code, out) == (0, f"{cid} 城东派出所\n"), err
    (edited,) = _listed(demo_run, "contacts", "--search", "城东派出所")
    assert edited == added | {"alt_phone": "13800138110", "kind": "other"}
    code, out, _err = demo_run("contacts", "list", "--kind", "other")
    assert str(cid) in out.split()  # the id a command names it by
    code, out, err = demo_run("contacts", "remove", str(cid))
    assert (code, out) == (0, f"{cid} 城东派出所\n"), err
    assert _listed(demo_run, "contacts", "--search", "城东派出所") == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("contacts", "add", "X", "--kind", "other", "--phone", "abc"), "Phone: 'abc' is not a valid"),
        (("contacts", "add", "", "--kind", "other", "--phone", "110"), "Name: "),
        (("contacts", "edit", "1", "--phone", "111"), "Phone: the public emergency number '110'"),
        (("contacts", "edit", "1", "--alt-phone", "x"), "Alternative phone: 'x' is not a valid"),
        (("contacts", "remove", "1"), "Phone: the public emergency number '110' cannot be removed"),
        (("contacts", "edit", "999", "--notes", "x"), "Contact #999 does not exist"),
    ],
)
def test_contacts_refused_as_the_form_refuses_naming_the_field(
    demo_run: Run, args: tuple[str, ...], said: str
) -> None:
    before = _listed(demo_run, "contacts")
    code, out, err = demo_run(*args)
    assert (code, out) == (1, "") and err.startswith(f"branchguard: error: {said}"), err
    assert _listed(demo_run, "contacts") == before


def test_a_public_number_keeps_its_number_but_takes_notes(demo_run: Run) -> None:
    code, out, err = demo_run("contacts", "edit", "1", "--notes", "说明网点地址")
    assert (code, out) == (0, "1 Police\n"), err
    assert _listed(demo_run, "contacts")[0]["notes"] == "说明网点地址"


ROSTER_CHANGES = [
    (("people", "add", "陈静", "--post", "teller"), "may not add staff"),
    (("people", "edit", "赵敏", "--name", "赵小敏"), "may not edit staff"),
    (("people", "remove", "赵敏"), "may not remove staff"),
    (("contacts", "add", "X", "--kind", "other", "--phone", "110"), "may not add contacts"),
    (("contacts", "edit", "5", "--notes", "x"), "may not edit contacts"),
    (("contacts", "remove", "5"), "may not remove contacts"),
]


@pytest.mark.parametrize(("user", "password"), [("staff", STAFF_PASSWORD), ("auditor", AUDITOR_PASSWORD)])
@pytest.mark.parametrize(("args", "said"), ROSTER_CHANGES)
def test_staff_and_auditors_may_not_change_the_roster_or_contacts(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch, user: str, password: str, args: tuple[str, ...], said: str
) -> None:
    as_user(monkeypatch, user, password)
    before = (_listed(demo_run, "people"), _listed(demo_run, "contacts"))
    code, out, err = demo_run(*args)
    assert (code, out) == (1, "") and said in err, err
    assert (_listed(demo_run, "people"), _listed(demo_run, "contacts")) == before


def test_a_post_is_taken_as_the_window_names_it_in_either_language(demo_run: Run) -> None:
    """`--post 安全员` was refused with a list of English codes: a Chinese user types the post's name."""
    for name, post in (("欧阳澜", "安全员"), ("司马青", "Lobby manager"), ("诸葛雯", "TELLER")):
        code, _out, err = demo_run("people", "add", name, "--post", post)
        assert code == 0, err
    assert [_person(demo_run, n)["branch_role"] for n in ("欧阳澜", "司马青", "诸葛雯")] == [
        "safety_officer",
        "lobby_manager",
        "teller",
    ]
    assert {p["name"] for p in _listed(demo_run, "people", "--post", "安全员")} >= {"欧阳澜"}
    code, _out, err = demo_run("people", "add", "冯八", "--post", "出纳")
    assert code == 2 and "'出纳' is not a post; the posts are branch_head (网点负责人, Branch head)" in err


def test_people_import_adds_all_or_none_and_names_the_bad_line(demo_run: Run, tmp_path: Any) -> None:
    sheet = tmp_path / "名单.csv"
    sheet.write_bytes("姓名,岗位,手机\n欧阳澜,安全员,13900000001\n司马青,出纳,13900000002\n".encode("gbk"))
    code, out, err = demo_run("people", "import", str(sheet))
    assert (code, out) == (1, "") and "名单.csv, line 3, column '岗位': '出纳' is not a post" in err
    assert not [p for p in _listed(demo_run, "people") if p["name"] == "欧阳澜"]
    sheet.write_bytes("姓名,岗位,手机\n欧阳澜,安全员,13900000001\n司马青,柜员,13900000002\n".encode("gbk"))
    code, out, err = demo_run("people", "import", str(sheet), "--dry-run")
    assert code == 0 and "Would add 2 people to the roster: 欧阳澜、司马青" in out, err
    assert not [p for p in _listed(demo_run, "people") if p["name"] == "欧阳澜"]
    code, out, err = demo_run("people", "import", str(sheet))
    assert code == 0 and out == "Added 2 people to the roster: 欧阳澜、司马青\n", err
    assert _person(demo_run, "司马青")["branch_role"] == "teller"
