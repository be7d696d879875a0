"""Errors carry keys: a field key for the GUI, a message worded in the language current when shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, current_language, set_language
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.rules import clean_content
from tests.core.playbooks.playbook_samples import sample_plan


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    before = current_language()
    set_language("zh_CN")
    yield
    set_language(before)


def test_a_validation_error_names_its_field_by_key_and_is_worded_when_shown() -> None:
    with pytest.raises(ValidationError) as refused:
        v.phone("12345abc", "field.mobile")
    err = refused.value
    assert (err.field, err.field_params, err.path) == ("field.mobile", {}, ())
    assert err.is_about("field.mobile") and not err.is_about("field.phone")
    assert (
        str(err)
        == err.message
        == "手机：“12345abc”不是有效的电话号码（例如 13800138000、010-12345678、110、400-820-8820）"
    )
    set_language("en")  # the same error, shown after the language changed
    assert err.field_label() == "Mobile"
    assert err.reason.startswith("'12345abc' is not a valid phone number")
    assert str(err) == f"Mobile: {err.reason}"
    assert err.text("zh_CN").startswith("手机：")


def test_an_error_without_a_field_is_its_reason_alone() -> None:
    err = ValidationError("", Message("validation.branch_exists"))
    assert err.field == "" and err.field_label() == ""
    assert str(err) == err.reason == "数据库中已有网点数据；演示数据只能写入空数据库"


def test_other_errors_are_worded_when_shown_too() -> None:
    err = NotFound(Message("notfound", what=Message("entity.person"), id=7))
    assert str(err) == "人员 #7 不存在"
    set_language("en")
    assert str(err) == err.message == "Staff member #7 does not exist"


def test_labelled_enums_and_bilingual_texts_in_a_message_follow_its_language() -> None:
    said = Message("incident.same_level", level=Level.II)
    assert Level.II.label in said.text()
    assert said.text("en") != said.text("zh_CN") and "Level II" in said.text("en")
    text = Message("format.type.other", name=Text2("中文", "English"))
    assert (text.text("en"), text.text("zh_CN")) == ("English", "中文")


def test_a_step_error_names_the_step_by_key_and_number() -> None:
    """field.step was defined twice ("Step {n}" and "Step"): a duplicate id no longer said which."""
    plan = sample_plan()
    twin = replace(plan.steps[2], key=plan.steps[1].key)
    with pytest.raises(ValidationError) as refused:
        clean_content(replace(plan, steps=(plan.steps[0], plan.steps[1], twin)))
    err = refused.value
    assert (err.field, err.field_params, err.path) == ("field.step", {"n": 2}, ("steps", 1, "id"))
    assert str(err).startswith("第 2 步：")
    assert err.text("en").startswith("Step 2: 's2' appears twice")
