"""Pain scores compared in one message: "2 out of 10 now, was 8", "went from 3 to 7".

Pure Python. Numbers a patient gives are plainer evidence of the pain's direction
than a classifier's guess at the words around them: a falling score is not the
article's "pain intensifies" sign, a rising one is.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

_SCALE = re.compile(r"\b(out of (10|ten)|/\s*10|pain|score|scale)\b|/10")
# A score: 0-10, optionally "/10" or "out of 10"; never a number of weeks, a dose,
# a time or a date ("was 8 weeks ago, now 2 weeks" compares no scores).
_NUM = (
    r"(?:a |an |about |around |roughly |maybe |like |at )*(10|[0-9](?:\.5)?)"
    r"(?:\s*(?:/\s*10|out of (?:10|ten)))?"
    r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|am|pm|mg|kg|"
    r"lbs?|%|st|nd|rd|th|:|\.\d|\d|tablets?|pills?|times?))"
)
_FILLER = r"[^.?!]{0,40}?"
# (pattern, which group is the earlier score)
_COMPARISONS: Tuple[Tuple[re.Pattern, int], ...] = (
    (re.compile(rf"\bfrom {_NUM}\s*(?:to|down to|up to|->)\s*{_NUM}"), 1),
    (re.compile(rf"\bwas {_NUM}\b{_FILLER}\b(?:now|today|currently)\b(?: it'?s| is| its)?\s*{_NUM}"), 1),
    (re.compile(rf"\b(?:now|today|currently)\b(?: it'?s| is| its)?\s*{_NUM}\b{_FILLER}\bwas {_NUM}"), 2),
    (re.compile(rf"{_NUM}\s*(?:now|today|at the moment)\b{_FILLER}\bwas {_NUM}"), 2),
)


def pain_score_trend(text: Optional[str]) -> Optional[str]:
    """better | same | worse from two pain scores in the message, else None."""
    words = (text or "").lower()
    if not _SCALE.search(words):
        return None
    for pattern, earlier in _COMPARISONS:
        match = pattern.search(words)
        if not match:
            continue
        before, after = float(match.group(earlier)), float(match.group(3 - earlier))
        if after < before:
            return "better"
        if after > before:
            return "worse"
        return "same"
    return None
