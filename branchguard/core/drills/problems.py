"""The problems a drill's evaluation found, one a line, as hazards are raised from them one at a time
(the Drills page's "Record hazard…"): each new hazard starts from the first problem no hazard of the
drill holds yet, not from every problem again."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A list marker typed before a problem: "1.", "2、", "3．", "(4)", "5）", "一、", "（二）", "①", "-", "•".
# A number or a dash is a marker only with no digit after it: "110 报警延迟", "1.5米通道", "24小时",
# "-5℃冷库" keep their numbers.
_NUMBER = r"(?:\d+|[一二三四五六七八九十]+)"
_MARKER = re.compile(
    rf"^\s*(?:[(（]{_NUMBER}[)）]|{_NUMBER}[.．。、)）:：](?!\d)|[\u2460-\u2473\u2776-\u277f]|[-•·*](?!\d))\s*"
)
# What may follow a problem's words in a hazard that began with them: the lead's additions.
_AFTER = frozenset(" ，,。.；;：:（(、\n")


def listed(problems: str) -> list[str]:
    """The problems as typed, one a line, without their list markers; blank lines left out."""
    return [text for line in problems.splitlines() if (text := _MARKER.sub("", line, count=1).strip())]


def next_unrecorded(problems: str, recorded: Iterable[str]) -> str:
    """The first problem that no recorded hazard's description is, or begins with before a pause
    (the lead may have added to the words it started with: "消防通道堵塞，已清理" holds "消防通道堵塞",
    not "消防通道"); "" when every one is recorded."""
    descriptions = [text.strip() for text in recorded]

    def held(item: str) -> bool:
        return any(d == item or (d.startswith(item) and d[len(item)] in _AFTER) for d in descriptions)

    return next((item for item in listed(problems) if not held(item)), "")
