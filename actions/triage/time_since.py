"""How many weeks ago was the procedure? Reads free text. Pure Python.

Understands what patients write: "3 weeks", "6 wks ago", "about two months",
"a month and a half", "10 days", "a year ago", "since March 2", "on 2/3",
"last tuesday", "yesterday", "in january". Returns None rather than guess.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

from dateutil import parser as date_parser

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "twenty": 20,
    "couple": 2, "a couple": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 4,
}
_UNIT_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12, "year": 52.0}
_UNITS = r"(?P<unit>days?|d|weeks?|wks?|wk|w|months?|mos?|mths?|years?|yrs?)"
_NUMBER = r"(?P<number>\d+(?:\.\d+)?|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)
) + r")"
_DURATION = re.compile(
    rf"\b{_NUMBER}(?:\s+and\s+a\s+half|\s*½)?(?P<gap>\s*)(?:of\s+)?{_UNITS}\b(?P<half>\s+and\s+a\s+half)?"
)
_HALF_BEFORE_UNIT = re.compile(rf"\b{_NUMBER}\s+and\s+a\s+half\s+{_UNITS}\b")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _unit_weeks(unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("d"):
        return _UNIT_WEEKS["day"]
    if unit.startswith("w"):
        return _UNIT_WEEKS["week"]
    if unit.startswith("m"):
        return _UNIT_WEEKS["month"]
    return _UNIT_WEEKS["year"]


def _number(word: str) -> float:
    word = word.lower()
    return float(word) if word[0].isdigit() else float(_NUMBER_WORDS[word])


def _from_duration(text: str) -> Optional[float]:
    match = _HALF_BEFORE_UNIT.search(text)
    if match:
        return (_number(match["number"]) + 0.5) * _unit_weeks(match["unit"])
    # A number word needs a space before its unit: "and" is not "an d(ay)".
    match = next(
        (m for m in _DURATION.finditer(text) if m["number"][0].isdigit() or m["gap"]),
        None,
    )
    if not match:
        if re.search(r"\bhalf (a|an) (month|year)\b", text):
            unit = "month" if "month" in text else "year"
            return 0.5 * _UNIT_WEEKS[unit]
        return None
    amount = _number(match["number"])
    if match["half"] or "½" in match.group(0):
        amount += 0.5
    return amount * _unit_weeks(match["unit"])


def _from_date(text: str, today: date) -> Optional[float]:
    if re.search(r"\btoday\b", text):
        return 0.0
    if re.search(r"\byesterday\b", text):
        return 1 / 7
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\blast {name}\b", text):
            days = (today.weekday() - index) % 7 or 7
            return days / 7
    if re.search(r"\blast week\b", text):
        return 1.0
    if re.search(r"\blast month\b", text):
        return _UNIT_WEEKS["month"]
    has_month = re.search(
        r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bmay \d|\d(st|nd|rd|th)? (of )?may\b",
        text,
    )
    has_numeric_date = re.search(r"\b\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\b", text)
    if not (has_month or has_numeric_date):
        return None
    try:
        # fuzzy: ignore "since", "on the", "i had it done"...; default: this year
        when = date_parser.parse(text, fuzzy=True, default=datetime(today.year, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
    if when > today:  # "in December", said in March, means last December
        when = when.replace(year=when.year - 1)
    return (today - when).days / 7


def weeks_since(text: Optional[str], today: date) -> Optional[float]:
    """Weeks between the procedure and `today`, rounded to one decimal, or None."""
    text = (text or "").lower().strip()
    if not text:
        return None
    weeks = _from_duration(text)
    if weeks is None:
        weeks = _from_date(text, today)
    if weeks is None or weeks < 0 or weeks > 52 * 30:
        return None
    return round(weeks, 1)
