"""The problems a drill's evaluation found, one a line, as hazards are raised from them one at a time
(the Drills page's "Record hazard…"): each new hazard starts from the first problem no hazard of the
drill holds yet, not from every problem again."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A list marker typed before a problem: "1.", "2、", "(3)", "4）", "一、", "（二）", "①", "-", "•". A
# number is a marker only with its mark and no digit after it: "110 报警延迟", "1.5米通道", "24小时"
# keep their numbers.
_NUMBER = r"(?:\d+|[一二三四五六七八九十]+)"
_MARKER = re.compile(
    rf"^\s*(?:[(（]{_NUMBER}[)）]|{_NUMBER}[.、)）:：](?!\d)|[\u2460-\u2473\u2776-\u277f]|[-•·*])\s*"
)


def listed(problems: str) -> list[str]:
    """The problems as typed, one a line, without their list markers; blank lines left out."""
    return [text for line in problems.splitlines() if (text := _MARKER.sub("", line, count=1).strip())]


def next_unrecorded(problems: str, recorded: Iterable[str]) -> str:
    """The first problem that no recorded hazard's description begins with (the lead may have added
    to the words it started with); "" when every one is recorded."""
    descriptions = [text.strip() for text in recorded]
    return next((item for item in listed(problems) if not any(d.startswith(item) for d in descriptions)), "")
