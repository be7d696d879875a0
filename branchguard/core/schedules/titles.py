"""Titles the program makes ("演练：…", "检查：…", "隐患 3：…"), worded in the reader's language.

Such a title is stored as written, in the language of the moment it was made (drill plans are
evidence: their rows, ledgered as they are, keep their columns). When read, a title that is one of
these messages in either language is recognised and worded again in the current language; the name
inside it (a plan's title, a checklist's name) is put in the same language when it is a name the
database holds in both. A title a person typed, or one cut at the column's length, shows as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from sqlalchemy import String, column, select, table
from sqlalchemy.orm import Session

from branchguard.core.kernel.i18n import LANGUAGES, has_message, t
from branchguard.core.kernel.types import Text2

# The names `title_names` reads, from the bare tables with the models' column types (PlaybookVersionRow,
# TemplateVersionRow): importing those models declared 22 (inspections, hazards, incidents,
# complaints and what they point at) for every command that lists schedules, `schedule list`
# among them. tests/core/schedules/test_made_titles.py holds the tables equal to the models'.
PLAN_TITLES = table("playbook_versions", column("title_zh", String), column("title_en", String))
CHECKLIST_NAMES = table("inspection_template_versions", column("name_zh", String), column("name_en", String))

# The catalogue's messages the program makes titles of; each is recognised in both languages.
MADE_TITLES = (
    "drill.default_title",
    "inspection.schedule_title",
    "inspection.hazard_title",
    "schedule.action_title",
    "hazard.schedule_title",
    "hazard.schedule_interim",
    "hazard.schedule_plan",
    "complaint.schedule_title",
    "complaint.follow_up_hazard_title",
    "team.schedule_title",
    "drill.action_done_note",
    "team.renewed_note",
    "team.corrected_note",
    # notes the program writes on a hazard's history and on the scheduled items it ends
    "hazard.corrected_on_spot",
    "hazard.schedule_moved",
    "hazard.schedule_milestone_met",
    "hazard.schedule_verified",
    "hazard.schedule_closed",
)

Names = Mapping[str, Text2]
_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=64)
def _pattern(key: str, lang: str) -> re.Pattern[str] | None:
    if not has_message(key):
        return None
    template = t(key, lang)
    parts, at = [], 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[at : field.start()]))
        parts.append(f"(?P<{field.group(1)}>.+?)")
        at = field.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts), re.DOTALL)


# A made title's message key, a language, and the literal text before its first value and after
# its last: a title that does not start and end with them cannot be that message.
Candidate = tuple[str, str, str, str]


@lru_cache(maxsize=4)
def _by_first(keys: tuple[str, ...]) -> tuple[dict[str, list[Candidate]], list[Candidate]]:
    """Every (key, language) of `keys`, the most literal text first ("隐患 {number} 临时管控：…" is
    tried before "隐患 {number}：…", which would take it too), by the first character of their text:
    ({first character: the candidates a title starting with it can match, in that order}, and those
    that start with a value, which any title can). A title is tried against the few that can match
    it, not all 36 (`schedule list` words 6,000 titles at ten years), and a pattern is compiled
    (`_pattern`) only for a title with its literal start and end: compiling all 36 took ~11 ms of
    the landing page's first read."""
    texts = {(key, lang): t(key, lang) for key in keys if has_message(key) for lang in LANGUAGES}
    ranked = sorted(texts, key=lambda pair: -len(_FIELD.sub("", texts[pair])))
    candidates = []
    for key, lang in ranked:
        literals = _FIELD.split(texts[key, lang])[::2]  # split keeps the field names between
        candidates.append((key, lang, literals[0], literals[-1] if len(literals) > 1 else ""))
    anywhere = [c for c in candidates if not c[2]]
    by_char = {
        char: [c for c in candidates if not c[2] or c[2][0] == char]
        for char in {c[2][:1] for c in candidates}
    }
    return by_char, anywhere


def _recognised(title: str) -> tuple[str, str, dict[str, str]] | None:
    """(message key, the language it is written in, its values as written), or None."""
    by_char, anywhere = _by_first(MADE_TITLES)
    for key, lang, starts, ends in by_char.get(title[:1], anywhere):
        if not (title.startswith(starts) and title.endswith(ends)):
            continue
        pattern = _pattern(key, lang)
        found = pattern.fullmatch(title) if pattern is not None else None
        if found is not None:
            return key, lang, found.groupdict()
    return None


def recognised(title: str) -> tuple[str, dict[str, str]] | None:
    """(message key, its values as written) when `title` is a made title in either language."""
    seen = _recognised(title)
    return None if seen is None else (seen[0], seen[2])


def renamed(title: str, key: str, field: str, old: Iterable[Text2], new: Text2) -> str | None:
    """`title` made again with `new` in its `field` when it is the message `key` made with one of the
    `old` names inside (either spelling), in the language it was written in (a title is stored as
    written, see above); None for any other title: one a person typed, another message's, one made
    for another name, one already naming `new`. For a record renamed in a new version (a
    checklist's name), whose schedules would otherwise keep showing the name it had when they were
    made: `made_title` translates a name, it cannot know the record's name changed."""
    seen = _recognised(title)
    if seen is None or seen[0] != key or field not in seen[2]:
        return None
    _key, lang, values = seen
    spellings = {spelling for name in old for spelling in (name.zh, name.en) if spelling}
    if values[field] not in spellings:
        return None
    again = t(key, lang, **{**values, field: new.translated(lang)})
    return again if again != title else None


def made_title(title: str, names: Names | None = None, lang: str | None = None) -> str:
    """`title` in `lang` (the current language by default) when the program made it, else as stored;
    with `names` (`title_names`), a name inside it in `lang` too."""
    seen = recognised(title)
    if seen is None:
        return title
    key, values = seen
    worded = {name: _name_in(name, value, names, lang) for name, value in values.items()}
    return t(key, lang, **worded)


# The one field of a made title that names a training kind (team.schedule_title's {kind}).
TRAINING_FIELD = "kind"


def _name_in(field: str, value: str, names: Names | None, lang: str | None) -> str:
    """A value of a made title in `lang`: a name the database holds in both languages, or, in the
    title's training field, a training kind of the built-in file (found only there, so the file
    and the YAML reader load only when such a title is worded: the dashboard's first read, at every
    start, words none)."""
    if names is None:
        return value
    known = names.get(value)
    if known is None and field == TRAINING_FIELD:
        known = _training_names().get(value)
    return known.translated(lang) if known is not None else value


@lru_cache(maxsize=1)
def _training_names() -> dict[str, Text2]:
    """The built-in training kinds by either spelling (the file is read once per process)."""
    from branchguard.core.team.library import kinds

    return {spelling: k.name for k in kinds() for spelling in (k.name.zh, k.name.en) if spelling}


def title_names(s: Session) -> dict[str, Text2]:
    """The names that go inside made titles and that are known in both languages: every plan
    version's title and every checklist version's name the database holds, each found by either
    spelling (a certificate reminder's training kind is found by `made_title` itself)."""
    names: dict[str, Text2] = {}
    pairs = [
        *s.execute(select(PLAN_TITLES.c.title_zh, PLAN_TITLES.c.title_en).distinct()).tuples(),
        *s.execute(select(CHECKLIST_NAMES.c.name_zh, CHECKLIST_NAMES.c.name_en).distinct()).tuples(),
    ]
    for zh, en in pairs:
        text = Text2(zh or "", en or "")
        for spelling in (zh, en):
            if spelling:
                names.setdefault(spelling, text)
    return names
