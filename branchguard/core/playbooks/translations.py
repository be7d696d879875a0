"""Where a plan's two languages may no longer say the same: a text whose Chinese was changed from
the version in force while its English was kept as it was (or the other way round). A user trial
edited a step's Chinese and left its English saying the old thing, and nothing said so; a branch
whose staff read the English (or head office, which reads both) would then follow another step.
Not a refusal: a lead may mean the English to stay (a typo fixed in the Chinese). The editor says
where, before the draft is saved and approved."""

from __future__ import annotations

from branchguard.core.kernel.i18n import Listed, Message
from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import PlanContent

# The plan's own bilingual texts, by the field that names them
_PLAN_TEXTS = (
    ("title", "field.title"),
    ("triggers", "report.playbook.triggers"),
    ("cautions", "report.playbook.cautions"),
)


def one_sided(was: Text2, now: Text2) -> bool:
    """Exactly one language changed, and both say something now (a language emptied or not yet
    written is no other wording of the same thing)."""
    zh_changed, en_changed = now.zh.strip() != was.zh.strip(), now.en.strip() != was.en.strip()
    return zh_changed != en_changed and bool(now.zh.strip()) and bool(now.en.strip())


def untranslated(before: PlanContent, after: PlanContent) -> list[Message]:
    """The texts of `after` changed in one language only since `before` (the version in force),
    in the plan's order: its title, triggers and cautions, then each step still there (matched by
    its key, numbered as in `after`): its text and its condition. A new step has nothing to compare."""
    places = [
        Message(key) for name, key in _PLAN_TEXTS if one_sided(getattr(before, name), getattr(after, name))
    ]
    old = {step.key: step for step in before.steps}
    for n, step in enumerate(after.steps, 1):
        was = old.get(step.key)
        if was is None:
            continue
        if one_sided(was.text, step.text):
            places.append(Message("field.step_text", n=n))
        if one_sided(was.condition, step.condition):
            places.append(Message("field.step_condition", n=n))
    return places


def one_language_note(before: PlanContent | None, after: PlanContent) -> Message | None:
    """What the editor says of `untranslated` (None: nothing, or no version in force to compare)."""
    places = untranslated(before, after) if before is not None else []
    if not places:
        return None
    return Message("playbook.one_language", places=Listed(tuple(places), "playbook.list_sep"))

