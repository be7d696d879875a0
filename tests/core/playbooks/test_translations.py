"""Where a plan's two languages may no longer say the same: a text changed in one language only
since the version in force, steps matched by their key and numbered as in the new version."""

from __future__ import annotations

from dataclasses import replace

from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.translations import one_language_note, one_sided, untranslated
from branchguard.core.playbooks.types import IncidentCategory, PlanContent, PlanTier, Step

FIRE = Text2("火灾", "Fire")


def _plan(*steps: Step, title: Text2 = FIRE) -> PlanContent:
    return PlanContent("FIRE", title, PlanTier.ONSITE, IncidentCategory.OTHER, (), steps=steps)


A, B = Step("a", Text2("报警", "Raise the alarm")), Step("b", Text2("疏散", "Evacuate"))


def test_one_language_changed_while_both_say_something() -> None:
    was = Text2("报警", "Raise the alarm")
    assert one_sided(was, Text2("立即报警", "Raise the alarm"))
    assert one_sided(was, Text2("报警", "Sound the alarm"))
    assert not one_sided(was, Text2("立即报警", "Raise the alarm at once"))  # both followed
    assert not one_sided(was, Text2("报警 ", "Raise the alarm"))  # spaces only
    assert not one_sided(was, Text2("立即报警", ""))  # the English emptied: no other wording
    assert not one_sided(Text2("报警", ""), Text2("立即报警", ""))


def test_steps_are_matched_by_key_and_named_as_numbered_now() -> None:
    before = _plan(A, B)
    moved = replace(A, text=Text2("立即报警", A.text.en), condition=Text2("如有烟", "If smoke"))
    after = _plan(Step("c", Text2("新", "New")), B, moved, title=Text2("火灾预案", "Fire"))
    assert untranslated(before, after) == [Message("field.title"), Message("field.step_text", n=3)]
    assert untranslated(before, before) == []


def test_the_note_names_the_places_in_either_language() -> None:
    after = _plan(replace(A, text=Text2("立即报警", A.text.en)), B)
    note = one_language_note(_plan(A, B), after)
    assert note is not None
    assert note.text("en") == (
        "Changed in one language only since the version in force: Step 1: text. Check that the other "
        "language still says the same."
    )
    assert "第 1 步：内容" in note.text("zh_CN")
    assert one_language_note(None, after) is None  # a plan with no version in force yet
