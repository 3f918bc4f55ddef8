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
# The same numbers and units in the languages patients mix into English (see
# nlp/other_languages.py): "hace dos meses", "teen hafte pehle", "limang linggo na".
# Words that are also English or common function words elsewhere ("do" alone is
# kept: Hindi "do hafte"; Vietnamese "hai" is Hindi "is", so it is left out).
_NUMBER_WORDS.update({
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7,
    "oito": 8, "nove": 9, "dez": 10, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "ek": 1, "do": 2, "teen": 3, "char": 4, "chaar": 4, "paanch": 5, "panch": 5,
    "chhe": 6, "chhah": 6, "saat": 7, "aath": 8, "nau": 9, "das": 10, "isa": 1, "isang": 1, "dalawa": 2,
    "dalawang": 2, "tatlo": 3, "tatlong": 3, "apat": 4, "lima": 5, "limang": 5, "anim": 6, "pito": 7, "pitong": 7,
    "walo": 8, "walong": 8, "siyam": 9, "sampu": 10, "sampung": 10, "jeden": 1, "jedna": 1, "dwa": 2, "dwie": 2,
    "trzy": 3, "cztery": 4, "pięć": 5, "piec": 5, "sześć": 6, "szesc": 6, "siedem": 7, "osiem": 8, "một": 1,
    "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
})
_UNIT_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 52 / 12, "year": 52.0}
_OTHER_LANGUAGE_UNITS = {
    "day": ["día", "días", "dia", "dias", "jour", "jours", "din", "araw", "dni", "dzień", "dzien", "ngày"],
    "week": ["semana", "semanas", "semaine", "semaines", "hafta", "hafte", "hafton", "haftay", "linggo",
             "tydzień", "tydzien", "tygodnie", "tygodni", "tuần", "tuan"],
    "month": ["mes", "meses", "mois", "mahina", "mahine", "mahino", "mahinay", "buwan", "miesiąc", "miesiac",
              "miesiące", "miesiace", "miesięcy", "miesiecy", "tháng", "thang"],
    "year": ["año", "años", "anos", "ans", "saal", "taon", "rok", "lata", "lat"],
}
# Hindi numbers, several of them English words ("do", "teen", "char"): only before a Hindi unit
_HINDI_NUMBERS = {"do", "teen", "char", "chaar", "das", "saat", "nau", "ek", "aath"}
_HINDI_UNITS = {"din", "hafta", "hafte", "hafton", "haftay", "mahina", "mahine", "mahino", "mahinay", "saal"}
_UNIT_OF_WORD = {word: unit for unit, words in _OTHER_LANGUAGE_UNITS.items() for word in words}
_UNITS = (r"(?P<unit>days?|d|weeks?|wks?|wk|w|months?|mos?|mths?|years?|yrs?|"
          + "|".join(sorted(_UNIT_OF_WORD, key=len, reverse=True)) + ")")
_NUMBER = r"(?P<number>\d+(?:\.\d+)?|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)
) + r")"
# "and a half" in English and the other languages: "un mes y medio", "dedh" aside
_AND_A_HALF = r"\s+(?:and\s+a\s+half|y\s+medio|y\s+media|e\s+meio|e\s+meia|et\s+demi|et\s+demie|aur\s+aadha|at\s+kalahati)"
_DURATION = re.compile(
    rf"\b{_NUMBER}(?:\s+and\s+a\s+half|\s*½)?(?P<gap>\s*)(?:of\s+|na\s+|ng\s+)?{_UNITS}\b(?P<half>{_AND_A_HALF})?"
)
_HALF_BEFORE_UNIT = re.compile(rf"\b{_NUMBER}\s+and\s+a\s+half\s+{_UNITS}\b")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _unit_weeks(unit: str) -> float:
    unit = unit.lower()
    if unit in _UNIT_OF_WORD:
        return _UNIT_WEEKS[_UNIT_OF_WORD[unit]]
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


# Clinical shorthand in care notes: "9/52" is nine weeks, "3/12 post-op" three months,
# "5/7 post" five days. "/52" is never a date; "/12" and "/7" only with "post" or "ago"
# after them ("on 3/12" is the third of December, read by _from_date).
_CLINICAL_DURATION = re.compile(
    r"\b(?P<number>\d{1,2})/(?P<unit>52|12|7)\b(\s*(?P<post>post|ago|since|after|p/o|pop)\b)?"
)
_CLINICAL_UNIT_WEEKS = {"52": 1.0, "12": 52 / 12, "7": 1 / 7}


def _from_duration(text: str) -> Optional[float]:
    clinical = next(
        (m for m in _CLINICAL_DURATION.finditer(text) if m["unit"] == "52" or m["post"]),
        None,
    )
    if clinical:
        return int(clinical["number"]) * _CLINICAL_UNIT_WEEKS[clinical["unit"]]
    match = _HALF_BEFORE_UNIT.search(text)
    if match:
        return (_number(match["number"]) + 0.5) * _unit_weeks(match["unit"])
    # A number word needs a space before its unit: "and" is not "an d(ay)".
    match = next(
        (m for m in _DURATION.finditer(text)
         if (m["number"][0].isdigit() or m["gap"])
         and (m["number"] not in _HINDI_NUMBERS or m["unit"] in _HINDI_UNITS)),
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


# A pain score ("pain 5/10", "4-5/10") is not the fifth of October: taken out before
# dates are read. The cost, a date written "5/10" with no year, is rare in what
# patients write here; a score is in almost every other message.
_PAIN_SCORE_FRACTION = re.compile(r"\b\d{1,2}(\.5)?\s*/\s*10\b(?![/.-]\d)")


def _from_date(text: str, today: date) -> Optional[float]:
    text = _PAIN_SCORE_FRACTION.sub(" ", text)
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
