"""Pain scores compared in one message: "2 out of 10 now, was 8", "went from 3 to 7".

Pure Python. Numbers a patient gives are plainer evidence of the pain's direction
than a classifier's guess at the words around them: a falling score is not the
article's "pain intensifies" sign, a rising one is.
"""
from __future__ import annotations

import re
from itertools import zip_longest
from typing import Iterable, Optional, Tuple

# Ratings said in words ("a six on monday", "down to a four"), as dictation writes
# them. Only zero and two to ten: "one" is mostly not a number ("one of my legs").
# A lookup of eleven words, not a number parser: no score is above ten.
_NUMBER_WORDS = {"zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b")


def _lowered(text: Optional[str]) -> str:
    words = (text or "").lower()
    return _NUMBER_WORD.sub(lambda match: _NUMBER_WORDS[match.group(1)], words)


_SCALE = re.compile(r"\b(out of (10|ten)|/\s*10|pain|score|scale|nrs|vas)\b|/10")
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
    # "NRS 6 down to 2", "a 3 went up to an 8"
    (re.compile(rf"{_NUM}\s*(?:went |has gone |gone |dropped |fell |rose |shot |crept |is )?(?:down|up) to\s*{_NUM}"), 1),
    (re.compile(rf"\bwas {_NUM}\b{_FILLER}\b(?:now|today|currently)\b(?: it'?s| is| its)?\s*{_NUM}"), 1),
    (re.compile(rf"\b(?:now|today|currently)\b(?: it'?s| is| its)?\s*{_NUM}\b{_FILLER}\bwas {_NUM}"), 2),
    (re.compile(rf"{_NUM}\s*(?:now|today|at the moment)\b{_FILLER}\bwas {_NUM}"), 2),
)


def pain_score_trend(text: Optional[str]) -> Optional[str]:
    """better | same | worse from two pain scores in the message, else None."""
    words = _lowered(text)
    if _SCALE.search(words):
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
    # "was 3 last time, now 7", "NRS down to 1 for a month ... now it's 9/10": two
    # ratings said with when each was
    said_before, said_now = stated_scores(words)
    if said_before is None or said_now is None:
        return None
    if said_now - said_before >= CROSS_MESSAGE_RISE:
        return "worse"
    return "better" if said_before - said_now >= CROSS_MESSAGE_RISE else "same"


# --- Scores stated one at a time, compared across messages ---------------------------
# "it was a 3 last week" ... "now a 9": a rating said with an article ("a 3", "an 8"),
# after "was", "now" or "is", with the scale or the word pain, or followed by when it
# was ("8 today") is a pain score; a bare number ("I take 2 now") is not.
# "a 7 wk 1" is a 7 in week one, not seven weeks
_UNIT_AFTER = r"(?![\d:/])(?!\.\d)(?!\s*(?:weeks?|wks?)\b(?!\s*\d))(?!\s*(?:days?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|mg|kg|lbs?|am|pm|st|nd|rd|th|tablets?|pills?|times?|of (?:them|those|these))\b|\s*%)"
_N = r"(10|[0-9](?:\.5)?)"
_SCORE = re.compile(
    rf"{_N}\s*(?:/\s*10|out of (?:10|ten))"
    rf"|\b(?:a|an)\s+{_N}{_UNIT_AFTER}"
    rf"|\b(?:was|now|is|it'?s|its|at|pain|score|level|nrs|vas|about|around|says|said|reckons|rates it|rated it|puts it at|gives it)\s+"
    rf"(?:(?:a|an|at|about|around|like|maybe|only|just|still|now|back to|up to|down to)\s+)*{_N}{_UNIT_AFTER}"
    # a rating that opens a clause, said with when: "8 today", "better. 6 this morning"
    rf"|(?:^|(?<=[,;!?(|])\s?|(?<=\.\s)|(?<=\band )|(?<=\bbut )|(?<=\bthen )){_N}{_UNIT_AFTER}(?=\s+(?:today|tonight|now|rn|atm|at the moment|this (?:morning|afternoon"
    rf"|evening|week)|last (?:time|week|night)|yesterday)\b)"
)
_BARE_SCORE = re.compile(r"^\s*(10|[0-9](?:\.5)?)\s*(?:/\s*10|out of 10)?\s*[.!]?\s*$")
_NOW_WORDS = {"now", "today", "currently", "tonight", "morning", "moment", "is", "it's", "its", "still"}
_PAST_WORDS = {"was", "were", "yesterday", "last", "before", "used", "ago", "earlier", "previously"}
_NEAR = 3  # words either side of a score that say when it was
# A score said after "then" follows the one before it: "a 6 a month ago, then a 5"
_THEN = re.compile(r"\bthen( (a|an|like|about|around|maybe|only|just|down to|up to|at))*$")


def stated_scores(text: Optional[str]) -> Tuple[Optional[float], Optional[float]]:
    """(earlier, current) pain scores stated in one message, each None if absent:
    "it was a 3 last week" -> (3, None); "now a 9" -> (None, 9); "7/10" -> (None, 7).
    The word nearest each score says when it was; a score with none is now."""
    words = _lowered(text)
    earlier = current = None
    undated = []  # scores said with no word of when, in the order written
    for match in _SCORE.finditer(words):
        group = next(i for i, g in enumerate(match.groups(), start=1) if g is not None)
        value = float(match.group(group))
        before = re.findall(r"[a-z']+", words[:match.start(group)])[-_NEAR:]
        after = re.findall(r"[a-z']+", re.split(r"[,.;!?]| and | but | then ", words[match.end():], maxsplit=1)[0])[:_NEAR]
        # the nearest word that says when: "was a 7" / "a 7 yesterday" / "now a 4"
        by_distance = [w for pair in zip_longest(reversed(before), after) for w in pair if w]
        when = next((w for w in by_distance if w in _PAST_WORDS or w in _NOW_WORDS), None)
        if _THEN.search(" ".join(before)):
            when = "now"  # "was a 6 a month ago, then a 5": the later of the two
        if when in _PAST_WORDS:
            earlier = value if earlier is None else earlier
        elif when is None and current is None:
            undated.append(value)
        elif current is None:
            # "down to 1 for a month ... now it's 9": an undated score written
            # before the one said to be now was earlier
            if undated and earlier is None:
                earlier = undated[0]
            current = value
    if current is None and undated:
        current = undated[0]
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


def bare_score(text: Optional[str]) -> Optional[float]:
    """A message that is only a number ("7", "8/10"). Alone it may answer any question
    ("how many weeks ago?"), so it is a score only when the next message says what
    the score was before ("7" ... "was 2 last wk")."""
    match = _BARE_SCORE.match(_lowered(text))
    return float(match.group(1)) if match else None


def trend_across_messages(previous: Optional[float], text: Optional[str],
                          previous_bare: Optional[float] = None) -> Optional[str]:
    """worse | better from this message's score and the one an earlier message gave
    (`previous`; `previous_bare`: the message just before was only a number), else
    None. "it was a 3 last week" ... "now a 9" is worse; so is "7" ... "was 2 last
    wk", the earlier score told after the current one."""
    earlier, current = stated_scores(text)
    if current is None and earlier is not None:
        # only an earlier score: a number alone just before it was the current one
        # ("7" ... "was 2 last wk"); a score told before it was not ("was a 7 wk 1" ...
        # "5 last wk" is a fall)
        return "worse" if previous_bare is not None and previous_bare - earlier >= CROSS_MESSAGE_RISE else None
    if previous is None and current is not None and not _NO_CHANGE.search(_lowered(text)):
        # "3" ... "8 today", as replies to a check-in's 0-10 question: the number
        # alone just before was the score before. Not when the words say there was
        # no change: "6" may have answered "how many weeks ago?" ("same really, an 8 now")
        previous = previous_bare
    if previous is None or current is None:
        return None
    if rose_since(previous, text):
        return "worse"
    return "better" if previous - current >= CROSS_MESSAGE_RISE else None


# Words of no change. answers.py has the full set (_SAME_WORDS) but imports this
# module; these few are enough to keep a number alone from being read as a score.
_NO_CHANGE = re.compile(r"\b(same|no change|unchanged|no different|not worse|no worse|stable|steady)\b")


# "it went from a to to a nine overnight" (dictation's "two"), "shot up to an 8": a
# score said with words of change is a change, even when the other score is garbled.
_CHANGE_WORDS = re.compile(r"\b(went|gone|jumped|shot|rose|risen|climbed|crept|back up|up to|from|flared|spiked)\b")


def score_trend(text: Optional[str], previous: Optional[float],
                previous_bare: Optional[float] = None) -> Optional[str]:
    """better | same | worse from the scores this message gives, compared within the
    message first, else with the earlier message's score (trend_across_messages)."""
    return pain_score_trend(text) or trend_across_messages(previous, text, previous_bare)


def lone_score(text: Optional[str]) -> bool:
    """One score said with nothing to compare it with and no words of change:
    "Mum's pain was a 7 the week after" says no direction."""
    return latest_score(text) is not None and not _CHANGE_WORDS.search(_lowered(text))


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
