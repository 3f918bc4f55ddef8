"""Pain scores compared in one message: "2 out of 10 now, was 8", "went from 3 to 7".

Pure Python. Numbers a patient gives are plainer evidence of the pain's direction
than a classifier's guess at the words around them: a falling score is not the
article's "pain intensifies" sign, a rising one is.
"""
from __future__ import annotations

import re
from itertools import zip_longest
from typing import Iterable, Optional, Tuple

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
        # "was 3 last time, now 7": two ratings said with when each was
        earlier, current = stated_scores(words)
        if earlier is None or current is None:
            return None
        if current - earlier >= CROSS_MESSAGE_RISE:
            return "worse"
        return "better" if earlier - current >= CROSS_MESSAGE_RISE else "same"
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


# --- Scores stated one at a time, compared across messages ---------------------------
# "it was a 3 last week" ... "now a 9": a rating said with an article ("a 3", "an 8"),
# after "was", "now" or "is", with the scale or the word pain, or followed by when it
# was ("8 today") is a pain score; a bare number ("I take 2 now") is not.
_UNIT_AFTER = r"(?![\d:/])(?!\.\d)(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|mg|kg|lbs?|am|pm|st|nd|rd|th|tablets?|pills?|times?|of (?:them|those|these))\b|\s*%)"
_N = r"(10|[0-9](?:\.5)?)"
_SCORE = re.compile(
    rf"{_N}\s*(?:/\s*10|out of (?:10|ten))"
    rf"|\b(?:a|an)\s+{_N}{_UNIT_AFTER}"
    rf"|\b(?:was|now|is|it'?s|its|at|pain|score|level|about|around|says|said|reckons|rates it|rated it|puts it at|gives it)\s+"
    rf"(?:(?:a|an|at|about|around|like|maybe|only|just|still|now|back to|up to|down to)\s+)*{_N}{_UNIT_AFTER}"
    # a rating that opens a clause, said with when: "8 today", "better. 6 this morning"
    rf"|(?:^|(?<=[,;!?(|])\s?|(?<=\.\s)|(?<=\band )|(?<=\bbut )|(?<=\bthen )){_N}{_UNIT_AFTER}(?=\s+(?:today|tonight|now|rn|atm|at the moment|this (?:morning|afternoon"
    rf"|evening|week)|last (?:time|week|night)|yesterday)\b)"
)
_NOW_WORDS = {"now", "today", "currently", "tonight", "morning", "moment", "is", "it's", "its", "still"}
_PAST_WORDS = {"was", "were", "yesterday", "last", "before", "used", "ago", "earlier", "previously"}
_NEAR = 3  # words either side of a score that say when it was


def stated_scores(text: Optional[str]) -> Tuple[Optional[float], Optional[float]]:
    """(earlier, current) pain scores stated in one message, each None if absent:
    "it was a 3 last week" -> (3, None); "now a 9" -> (None, 9); "7/10" -> (None, 7).
    The word nearest each score says when it was; a score with none is now."""
    words = (text or "").lower()
    earlier = current = None
    for match in _SCORE.finditer(words):
        group = next(i for i, g in enumerate(match.groups(), start=1) if g is not None)
        value = float(match.group(group))
        before = re.findall(r"[a-z']+", words[:match.start(group)])[-_NEAR:]
        after = re.findall(r"[a-z']+", re.split(r"[,.;!?]| and | but ", words[match.end():], maxsplit=1)[0])[:_NEAR]
        # the nearest word that says when: "was a 7" / "a 7 yesterday" / "now a 4"
        by_distance = [w for pair in zip_longest(reversed(before), after) for w in pair if w]
        when = next((w for w in by_distance if w in _PAST_WORDS or w in _NOW_WORDS), None)
        if when in _PAST_WORDS:
            earlier = value if earlier is None else earlier
        elif current is None:
            current = value
    return earlier, current


# A rise of at least this much between messages is the article's "pain intensifies";
# one point is how a patient's own rating wanders from day to day.
CROSS_MESSAGE_RISE = 2


def rose_since(previous: Optional[float], text: Optional[str]) -> bool:
    """Did the pain score stated now rise clearly above the one stated before (in
    this message, else in an earlier one)?"""
    earlier, current = stated_scores(text)
    if current is None:
        return False
    before = earlier if earlier is not None else previous
    return before is not None and current - before >= CROSS_MESSAGE_RISE


def latest_score(text: Optional[str]) -> Optional[float]:
    """The score a later message is compared with: the current one, else the earlier."""
    earlier, current = stated_scores(text)
    return current if current is not None else earlier


def previous_pain_score(earlier_messages: "Iterable[Optional[str]]") -> Optional[float]:
    """The pain score of the most recent earlier message that gave one (newest first)."""
    for text in earlier_messages:
        score = latest_score(text)
        if score is not None:
            return score
    return None
