"""The role table is the one place that says which role may do what.

(a) the table gives the expected roles for a representative set of actions, `may` and `require`
answer from it and refuse an unknown action; (b) no module of branchguard/ but the table spells
out a set of roles or compares a role with a Role member; (c) every action the code asks about is
in the table, and every action in the table is asked about somewhere.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import current_language, load_catalog, set_language
from branchguard.core.kernel.roles import ROLE_TABLE, may, require
from branchguard.core.kernel.types import Actor, Role
from tests import source_trees

SOURCE = Path(__file__).resolve().parents[3] / "branchguard"
TABLE_MODULE = "core/kernel/roles.py"

# -- (a) the matrix ----------------------------------------------------------------------------
L, S, A = "lead", "staff", "auditor"
EXPECTED: dict[str, set[str]] = {
    "branch.update": {L},
    "user.create": {L},
    "user.list": {L},
    "user.names": {L, S, A},
    "person.list": {L, S, A},
    "person.delete": {L},
    "contact.list": {L, S, A},
    "contact.update": {L},
    "audit.list": {L, A},
    "playbook.list": {L, S, A},
    "playbook.export": {L, S, A},
    "playbook.approve": {L},
    "playbook.import": {L},
    "incident.read": {L, S, A},
    "incident.start": {L, S},
    "incident.log": {L, S},
    "incident.step": {L, S},
    "incident.correct_any": {L},
    "incident.close": {L},
    "incident.level": {L},
    "drill.read": {L, S, A},
    "drill.run": {L, S},
    "drill.evaluate": {L},
    "drill.record_held": {L},
    "drill.configure": {L},
    "inspection.run": {L, S},
    "inspection.template": {L},
    "hazard.create": {L, S},
    "hazard.update": {L, S},
    "hazard.downgrade": {L},  # a lower severity drops a major hazard's duties (issue 17)
    "hazard.verify": {L},
    "hazard.close": {L},
    "hazard.set_due": {L},
    "hazard.policy": {L},
    "schedule.read": {L, S, A},
    "schedule.complete": {L, S},
    "schedule.remind": {L, S},
    "schedule.manage": {L},
    "page.people.view": {L, S, A},
    "page.inspections.view": {L, S, A},
    "page.audit.view": {L, A},
}


def actor(role: Role) -> Actor:
    return Actor(user_id=None, username=f"{role.value}-1", role=role)


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_the_table_gives_each_action_its_roles(action: str) -> None:
    assert {role.value for role in ROLE_TABLE[action]} == EXPECTED[action]
    assert {role.value for role in Role if may(actor(role), action)} == EXPECTED[action]


def test_every_action_in_the_table_is_allowed_to_the_lead_and_is_named_in_both_languages() -> None:
    catalog = load_catalog()
    for action, roles in ROLE_TABLE.items():
        # Actor.system() (first start, schedules, the demo) acts as the lead: no action is beyond them
        assert Role.LEAD in roles, action
        en, zh = catalog[f"action.{action}"]
        assert en.strip() and zh.strip(), action


def test_require_refuses_with_the_translated_message_and_lets_the_allowed_pass() -> None:
    staff = actor(Role.STAFF)
    require(staff, "incident.log")
    before = current_language()
    try:
        for lang, words in (("en", "may not close incidents"), ("zh_CN", "无权执行：结束事件")):
            set_language(lang)
            with pytest.raises(PermissionDenied) as refused:
                require(staff, "incident.close")
            assert words in refused.value.message and "staff-1" in refused.value.message
    finally:
        set_language(before)


def test_an_unknown_action_is_a_programming_error_never_an_allow() -> None:
    for call in (may, require):
        with pytest.raises(KeyError, match=r"incident\.explode"):
            call(actor(Role.LEAD), "incident.explode")


# -- reading the source --------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    module: str  # path under branchguard/
    scope: str  # the enclosing function, or "<module>"
    line: int
    what: str

    def __str__(self) -> str:
        return f"branchguard/{self.module}:{self.line} ({self.scope}): {self.what}"


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in source_trees.module_paths():
        yield path.relative_to(SOURCE).as_posix(), source_trees.tree(path)


def scoped(tree: ast.AST, scope: str = "<module>") -> Iterator[tuple[str, ast.AST]]:
    """Every node with the name of the function that holds it."""
    for child in ast.iter_child_nodes(tree):
        inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else scope
        yield inner, child
        yield from scoped(child, inner)


def role_names(tree: ast.Module) -> set[str]:
    """The names under which a module imported Role (normally just "Role")."""
    names = {"Role"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "branchguard.core.kernel.types":
            names |= {alias.asname or alias.name for alias in node.names if alias.name == "Role"}
    return names


ROLE_VALUES = {role.value for role in Role}
MEMBERS = {role.name for role in Role}


# -- (b) no role set outside the table ---------------------------------------------------------
def role_findings(module: str, tree: ast.Module) -> list[Finding]:
    names = role_names(tree)

    def member(node: ast.AST) -> bool:
        """`Role.LEAD`, or its `.value`."""
        if isinstance(node, ast.Attribute) and node.attr == "value":
            node = node.value
        return (
            isinstance(node, ast.Attribute)
            and node.attr in MEMBERS
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        )

    def role_attr(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "role"

    found = []
    for scope, node in scoped(tree):
        what = ""
        if isinstance(node, ast.Set | ast.Tuple | ast.List) and any(member(e) for e in node.elts):
            what = "a collection of Role members"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"set", "frozenset", "tuple", "list"}
            and any(isinstance(a, ast.Name) and a.id in names for a in node.args)
        ):
            what = "a collection of every Role"
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(member(o) for o in operands):
                what = "a comparison with a Role member"
            elif role_attr(node.left) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
                what = "`.role in` a collection"
            elif any(role_attr(o) for o in operands) and any(
                isinstance(o, ast.Constant) and o.value in ROLE_VALUES for o in operands
            ):
                what = "a comparison of `.role` with a role's name"
        if what:
            found.append(Finding(module, scope, getattr(node, "lineno", 0), what))
    return found


# Where naming a role is the point rather than a permission: (module, function) -> why.
ROLE_EXCEPTIONS = {
    ("core/accounts/service.py", "set_role"): "at least one active safety lead must remain",
    ("core/accounts/service.py", "set_active"): "at least one active safety lead must remain",
    ("core/accounts/service.py", "_refuse_last_lead"): "counts the other active safety leads",
    ("core/demo/service.py", "<module>"): "the demo's accounts, one of each role",
}


def test_no_module_but_the_table_spells_out_a_role_set() -> None:
    found = [f for name, tree in modules() if name != TABLE_MODULE for f in role_findings(name, tree)]
    unexpected = [str(f) for f in found if (f.module, f.scope) not in ROLE_EXCEPTIONS]
    assert unexpected == [], "ask core.kernel.roles.may(actor, action) instead:\n" + "\n".join(unexpected)
    stale = set(ROLE_EXCEPTIONS) - {(f.module, f.scope) for f in found}
    assert stale == set(), "exceptions that no longer apply: remove them"


def test_the_scan_sees_each_way_of_spelling_a_role_set() -> None:
    """The scan above is only as good as what it recognises."""
    source = (
        "from branchguard.core.kernel.types import Role as R\n"
        "WORKERS = frozenset({R.LEAD, R.STAFF})\n"
        "ALL = frozenset(R)\n"
        "def a(actor): return actor.role is R.LEAD\n"
        "def b(actor): return actor.role in WORKERS\n"
        "def c(user): return user.role == 'auditor'\n"
        "def d(row): return row.role != R.AUDITOR.value\n"
        "def fine(actor, step, code): return step.role == code and actor.role.label\n"
    )
    found = role_findings("probe.py", ast.parse(source))
    assert sorted({(f.scope, f.line) for f in found}) == [
        ("<module>", 2), ("<module>", 3), ("a", 4), ("b", 5), ("c", 6), ("d", 7)
    ]


# -- (c) the actions the code asks about ---------------------------------------------------------
# Where the action is not a literal at the call: (module, function) -> where the literals are.
DYNAMIC_ACTIONS = {
    ("gui/shell/main_window.py", "visible_pages"): "each page's `action` in gui/shell/pages.py",
    ("core/hazards/rules.py", "allowed"): "each hazard action's role action in ACTIONS there",
    ("core/drills/rules.py", "allowed"): "each drill action's role action in ACTIONS there",
    ("cli/login.py", "refuse_first"): "each command's `role_action` in its set_defaults (cli/)",
}


def action_uses(module: str, tree: ast.Module) -> tuple[set[str], list[Finding]]:
    """The literal actions a module passes to may()/require() or names in a PageInfo(action=...),
    and the calls whose action is not a literal."""
    literals: set[str] = set()
    dynamic = []
    for scope, node in scoped(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in {"may", "require"}:
            args = node.args[1:2] + [k.value for k in node.keywords if k.arg == "action"]
        elif name == "PageInfo":
            args = node.args[6:7] + [k.value for k in node.keywords if k.arg == "action"]
        else:
            continue
        for arg in args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                literals.add(arg.value)
            else:
                dynamic.append(Finding(module, scope, node.lineno, ast.unparse(node)))
    return literals, dynamic


def test_every_action_asked_about_is_in_the_table_and_every_table_action_is_asked_about() -> None:
    used: set[str] = set()
    dynamic: list[Finding] = []
    for name, tree in modules():
        if name != TABLE_MODULE:
            literals, calls = action_uses(name, tree)
            used |= literals
            dynamic += calls
    assert sorted(used - ROLE_TABLE.keys()) == [], "actions missing from core/kernel/roles.py"
    assert sorted(ROLE_TABLE.keys() - used) == [], "actions in the table that nothing asks about"
    unexpected = [str(f) for f in dynamic if (f.module, f.scope) not in DYNAMIC_ACTIONS]
    assert unexpected == [], "pass the action as a literal string:\n" + "\n".join(unexpected)
    assert {(f.module, f.scope) for f in dynamic} == set(DYNAMIC_ACTIONS)

