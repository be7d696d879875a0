"""A compliance rule and a criteria set saved from a form that another PC changed them under, on
SQLite and PostgreSQL: the form says what it showed (`opened`) and the service refuses the save when
the record the region sees differs now (found: PC1's edit of a rule's source put back the interval
PC2 had just changed; PC1's weights put back the set's name PC2 had changed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from branchguard.core.drills.types import ComplianceRule, CriteriaSet
from branchguard.core.kernel.errors import StaleRecord
from branchguard.core.kernel.types import Actor, Text2


def rule(ctx: Any, lead: Actor, code: str, region: str = "") -> ComplianceRule:
    return next(r for r in ctx.services.drills.compliance_rules(lead, region) if r.code == code)


def criteria(ctx: Any, lead: Actor, code: str, region: str = "") -> CriteriaSet:
    return next(c for c in ctx.services.drills.criteria_sets(lead, region) if c.code == code)


@pytest.mark.parametrize("region", ["", "GD"])
def test_a_rule_saved_from_a_stale_form_is_refused(
    ctx: Any, lead: Actor, snapshot: Callable[[], Any], region: str
) -> None:
    drills = ctx.services.drills
    opened = ctx.services.drills.compliance_rules(lead, region)[0]  # PC1's form, for the region
    changed = opened.interval_months + 1
    drills.save_rule(lead, replace(opened, interval_months=changed), region)  # PC2
    before = snapshot()
    with pytest.raises(StaleRecord) as refused:
        drills.save_rule(lead, replace(opened, source="PC1"), region, opened=opened)
    assert opened.name.text in refused.value.message
    assert snapshot() == before
    now = rule(ctx, lead, opened.code, region)
    assert (now.interval_months, now.source) == (changed, opened.source)


def test_a_changed_default_refuses_a_regions_save_of_what_it_inherited(ctx: Any, lead: Actor) -> None:
    drills = ctx.services.drills
    opened = drills.compliance_rules(lead, "GD")[0]  # the default, as region GD sees it
    drills.save_rule(lead, replace(opened, interval_months=opened.interval_months + 1))  # the default
    with pytest.raises(StaleRecord):
        drills.save_rule(lead, replace(opened, source="PC1", region="GD"), "GD", opened=opened)
    assert rule(ctx, lead, opened.code, "GD").region == ""  # no regional copy of the old fields


def test_a_rule_saved_from_a_current_form_or_the_command_line_is_saved(ctx: Any, lead: Actor) -> None:
    drills = ctx.services.drills
    opened = drills.compliance_rules(lead)[0]
    saved = drills.save_rule(lead, replace(opened, source="PC1"), opened=opened)
    drills.save_rule(lead, replace(saved, interval_months=saved.interval_months + 1), opened=saved)
    drills.save_rule(lead, replace(opened, source="CLI"))  # no form: nothing to compare
    assert rule(ctx, lead, opened.code).source == "CLI"


def test_a_criteria_set_saved_from_a_stale_form_is_refused(
    ctx: Any, lead: Actor, snapshot: Callable[[], Any]
) -> None:
    drills = ctx.services.drills
    opened = drills.criteria_sets(lead)[0]
    drills.save_criteria_set(lead, replace(opened, name=Text2("PC2 的名称", "PC2 name")))
    last = opened.criteria[-1]
    edited = replace(opened, criteria=(*opened.criteria[:-1], replace(last, text=Text2("PC1", "PC1"))))
    before = snapshot()
    with pytest.raises(StaleRecord):
        drills.save_criteria_set(lead, edited, opened=opened)
    assert snapshot() == before
    assert criteria(ctx, lead, opened.code).name.en == "PC2 name"
    now = criteria(ctx, lead, opened.code)
    saved = drills.save_criteria_set(lead, replace(edited, name=now.name), opened=now)  # made again
    assert saved.criteria[-1].text.en == "PC1" and saved.name.en == "PC2 name"
