"""`branchguard playbook list|show|export|import|approve|pdf`: the playbook library headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from branchguard.cli.choices import codes
from branchguard.cli.common import (
    JSON_TABLE_HELP,
    JSON_TEXT_HELP,
    anchor_warning,
    cli_actor,
    fail,
    print_json,
    print_table,
    warn,
    whole,
)
from branchguard.core.kernel.errors import BranchGuardError, NotFound
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import Level, PlaybookStatus
from branchguard.core.playbooks.rules import linked_plans
from branchguard.core.playbooks.text import (
    contact_label,
    deadline_text,
    jump_numbers,
    jump_text,
    role_names,
    status_text,
    target_text,
)
from branchguard.core.playbooks.types import IncidentCategory, PlanTier, PlaybookSummary, PlaybookVersion

if TYPE_CHECKING:  # the context pulls in SQLAlchemy: only where a command runs
    from branchguard.context import AppContext
    from branchguard.core.playbooks.service import ImportPlan

# The report modules (and ReportLab) are imported where needed: every command starts faster.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("playbook", help="emergency playbooks (应急预案)").add_subparsers(
        dest="playbook_command", metavar="ACTION", required=True
    )
    lst = group.add_parser("list", help="list plans (each in its current version)")
    lst.add_argument("--json", action="store_true", help=JSON_TABLE_HELP)
    lst.add_argument("--search", default="", help="part of a code, title, trigger or step text")
    lst.add_argument("--tier", **codes(PlanTier), help="only plans of this tier")
    lst.add_argument(
        "--category", **codes(IncidentCategory), help="only plans of this incident category"
    )
    lst.add_argument("--level", **codes(Level), help="only plans that allow this level")
    lst.add_argument("--status", **codes(PlaybookStatus), help="only plans in this status")
    lst.set_defaults(handler=run_list, role_action="playbook.list")

    show = group.add_parser("show", help="show a plan in full")
    show.add_argument("code", help="the plan's code, e.g. FIRE")
    show.add_argument("--json", action="store_true", help=JSON_TEXT_HELP)
    which = show.add_mutually_exclusive_group()
    which.add_argument("--version", type=whole(1, 1_000_000), metavar="N", help="this version number")
    which.add_argument("--draft", action="store_true", help="the open draft")
    show.set_defaults(handler=run_show, role_action="playbook.list")

    exp = group.add_parser("export", help="write plans to an exchange file (YAML)")
    exp.add_argument("codes", nargs="*", metavar="CODE", help="the codes of the plans to write")
    exp.add_argument("--all", action="store_true", help="every plan")
    exp.add_argument("-o", "--output", required=True, type=Path, help="file to write")
    exp.set_defaults(handler=run_export, role_action="playbook.export", usage_error=exp.error)

    imp = group.add_parser("import", help="read plans from an exchange file, all or nothing")
    imp.add_argument("file", type=Path, help="the exchange file to read (YAML)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.set_defaults(handler=run_import, role_action="playbook.import")

    approve = group.add_parser("approve", help="approve a plan's draft; prints the new version number")
    approve.add_argument("code", help="the plan's code, e.g. FIRE")
    approve.set_defaults(handler=run_approve, role_action="playbook.approve")

    pdf = group.add_parser("pdf", help="print a plan as a one- or two-page card (PDF)")
    pdf.add_argument("code", help="the plan's code, e.g. FIRE")
    pdf.add_argument("-o", "--output", required=True, type=Path, help="PDF file to write")
    pdf.add_argument(
        "--version", type=whole(1, 1_000_000), metavar="N", help="this version (default: the current one)"
    )
    pdf.set_defaults(handler=run_pdf, role_action="playbook.list")


# -- list and show ---------------------------------------------------------------------------
def summary_json(s: PlaybookSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "code": s.code,
        "title_zh": s.title.zh,
        "title_en": s.title.en,
        "tier": s.tier.value,
        "category": s.category.value,
        # the official names (CBA guideline) that reports sent upward use, in both languages
        "category_zh": s.category.translated("zh_CN"),
        "category_en": s.category.translated("en"),
        "levels": [lv.value for lv in s.levels],
        "status": s.status.value,
        "version": s.version,
        "has_draft": s.has_draft,
        "builtin": s.builtin,
        "step_count": s.step_count,
        "updated_at": s.updated_at.isoformat(),
    }


def version_json(version: PlaybookVersion) -> dict[str, Any]:
    """The version's bookkeeping and its whole content; jumps name their target's number and key."""
    info, c = version.info, version.content
    numbers = jump_numbers(c)
    steps = [
        {
            "number": i,
            "key": s.key,
            "text_zh": s.text.zh,
            "text_en": s.text.en,
            "role": s.role,
            "target_minutes": s.target_minutes,
            "checkpoint": s.checkpoint,
            "deadline_minutes": s.deadline_minutes,
            "condition_zh": s.condition.zh,
            "condition_en": s.condition.en,
            "goto": {"number": numbers[s.goto], "key": s.goto} if s.goto in numbers else None,
        }
        for i, s in enumerate(c.steps, start=1)
    ]
    return {
        "code": c.code,
        "number": info.number,
        "status": info.status.value,
        "builtin": info.builtin,
        "created_by": info.created_by,
        "created_at": info.created_at.isoformat(),
        "approved_by": info.approved_by,
        "approved_at": info.approved_at.isoformat() if info.approved_at else None,
        "note": info.note,
        "title_zh": c.title.zh,
        "title_en": c.title.en,
        "tier": c.tier.value,
        "category": c.category.value,
        "category_zh": c.category.translated("zh_CN"),
        "category_en": c.category.translated("en"),
        "levels": [lv.value for lv in c.levels],
        "triggers_zh": c.triggers.zh,
        "triggers_en": c.triggers.en,
        "cautions_zh": c.cautions.zh,
        "cautions_en": c.cautions.en,
        "roles": [{"code": r.code, "name_zh": r.name.zh, "name_en": r.name.en} for r in c.roles],
        "contacts": [{"kind": x.kind, "phone": x.phone, "name": x.name} for x in c.contacts],
        "steps": steps,
    }


def run_list(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.playbooks.service import PlaybookFilter

    flt = PlaybookFilter(
        search=args.search,
        tier=PlanTier(args.tier) if args.tier else None,
        category=IncidentCategory(args.category) if args.category else None,
        level=Level(args.level) if args.level else None,
        status=PlaybookStatus(args.status) if args.status else None,
    )
    plans = ctx.services.playbooks.list_playbooks(cli_actor(args), flt)
    if args.json:
        print_json([summary_json(s) for s in plans])
        return 0

    def status(s: PlaybookSummary) -> str:
        return (
            t("cli.playbook.with_draft", status=s.status.label)
            if s.has_draft and (s.status != PlaybookStatus.DRAFT)
            else s.status.label
        )

    print_table(
        [
            "field.code",
            "cli.playbook.title",
            "field.tier",
            "field.category",
            "field.levels",
            "report.playbook.status",
            "report.playbook.version",
            "field.steps",
        ],
        [
            (
                s.code,
                s.title.text,
                s.tier.label,
                s.category.label,
                "/".join(lv.value for lv in s.levels),
                status(s),
                s.version,
                s.step_count,
            )
            for s in plans
        ],
    )
    return 0


def run_show(ctx: AppContext, args: argparse.Namespace) -> int:
    playbooks = ctx.services.playbooks
    version = playbooks.get(cli_actor(args), args.code, args.version, prefer_draft=args.draft)
    if args.draft and version.info.status != PlaybookStatus.DRAFT:
        raise NotFound(Message("cli.playbook.no_draft", code=version.content.code))
    c = version.content
    links = linked_plans(c.tier, c.category, playbooks.list_playbooks(cli_actor(args)))
    if args.json:
        print_json(version_json(version) | {"linked_plans": links})
    else:
        print("\n".join(readable(version)))
        if links:
            print("\n" + t("cli.playbook.linked", codes=", ".join(links)))
    return 0


def readable(version: PlaybookVersion) -> list[str]:
    """The plan as staff would read it on the card, as plain text lines."""
    c = version.content
    lines = [
        f"{c.code}  {c.title.text}",
        " · ".join([c.tier.label, c.category.label, *(lv.label for lv in c.levels)]),
        f"{t('report.playbook.version_n', n=version.info.number)} · {status_text(version)}",
    ]
    for key, text in (("triggers", c.triggers.text), ("cautions", c.cautions.text)):
        if text:
            lines += ["", t(f"report.playbook.{key}"), *(f"  {line}" for line in text.splitlines())]
    lines += ["", t("field.steps")]
    numbers, roles = jump_numbers(c), role_names(c)
    width = len(str(len(c.steps)))
    for i, step in enumerate(c.steps, start=1):
        facts = [roles.get(step.role, step.role), target_text(step.target_minutes)]
        lines.append(f"  {i:>{width}}. {step.text.text}  [{' · '.join(f for f in facts if f)}]")
        indent = " " * (width + 4)
        if step.checkpoint:
            lines.append(f"{indent}▲ {deadline_text(step.deadline_minutes)}")
        jump = jump_text(step, numbers)
        if jump:
            lines.append(f"{indent}{jump}")
    if c.contacts:
        lines += ["", t("report.playbook.contacts")]
        lines += [f"  {contact_label(x.kind, x.name)}  {x.phone}" for x in c.contacts]
    return lines


# -- files -----------------------------------------------------------------------------------
def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.playbook_export import build_playbook_export

    if bool(args.codes) == args.all:
        args.usage_error(t("cli.playbook.codes_or_all"))
    actor = cli_actor(args)
    codes = args.codes or sorted(s.code for s in ctx.services.playbooks.list_playbooks(actor))
    build_playbook_export(ctx.services, actor, codes, args.output, anchor_warning)
    print(t("cli.playbook.exported", count=len(codes), path=args.output))
    return 0


def run_import(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.core.kernel.errors import PermissionDenied
    from branchguard.core.kernel.intake import read_file
    from branchguard.core.playbooks.format import MAX_FILE_BYTES

    path: Path = args.file
    try:
        data = read_file(path, MAX_FILE_BYTES, "field.file")  # a regular file, its size first
        plan = ctx.services.playbooks.import_file(cli_actor(args), data, str(path), dry_run=args.dry_run)
    except PermissionDenied:
        raise  # refused by role: said and audited as every command's refusal is (cli/__init__.py)
    except BranchGuardError as exc:
        # A YAML parser's complaint spans several lines; the error stays one line.
        return fail(" ".join(exc.message.split()))
    for line in import_lines(plan, args.dry_run):
        print(line)
    return 0


def import_lines(plan: ImportPlan, dry_run: bool) -> list[str]:
    mode = "would" if dry_run else "did"
    lines = [
        t(f"cli.playbook.{mode}.{what}", count=len(codes), codes=", ".join(codes) or "-")
        for what, codes in (("add", plan.added), ("update", plan.updated), ("keep", plan.unchanged))
    ]
    if dry_run:
        lines.append(t("cli.playbook.dry_run"))
    return lines


# -- approval and printing -------------------------------------------------------------------
def run_approve(ctx: AppContext, args: argparse.Namespace) -> int:
    version = ctx.services.playbooks.approve(cli_actor(args), args.code)
    print(version.info.number)
    return 0


def run_pdf(ctx: AppContext, args: argparse.Namespace) -> int:
    from branchguard.reports.playbook_card import build_playbook_card

    setting = ctx.config.settings.get("report_font")
    font = build_playbook_card(
        ctx.services, cli_actor(args), args.code, args.output, setting, args.version, anchor_warning
    )
    if font.warning:
        warn(font.warning)
    print(args.output)
    return 0
