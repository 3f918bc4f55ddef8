"""Which of the article's second-opinion reasons does one message state? Pure Python.

"Can I get a second opinion? My consultant wants to operate again" asks *and* gives
the reason; the intent classifier can only name one of the two. The reason said in
the words is read here, so the answer speaks to it instead of listing every
criterion. Only the words count: a phrase must name both parts of a reason (an
advice and another procedure; imaging and a disagreement), never a guess.

The fourth reason, pain not improved after several weeks, needs a time and a trend:
`actions/triage/rules.py` (second_opinion_reasons_for) decides it from those, and
`message_report` gathers them with the reasons for the rules to assess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import FrozenSet, Optional, Tuple

from actions.triage.answers import pain_trend, says_it_changed_for_the_worse
from actions.triage.rules import PatientReport, second_opinion_reasons_for
from actions.triage.time_since import weeks_since


@dataclass(frozen=True)
class ReasonCue:
    reason: str  # key in rules.SECOND_OPINION_REASONS, which quotes the article's criterion
    # every pattern must match the message (one sentence is not required: patients
    # often ask first and explain after)
    patterns: Tuple["re.Pattern[str]", ...]


# The reason each second-opinion intent states.
REASON_OF_INTENT = {
    "feel_unheard": "unheard",
    "imaging_unclear": "imaging_unclear",
    "advised_another_procedure": "advised_another_procedure",
}
INTENT_OF_REASON = {reason: intent for intent, reason in REASON_OF_INTENT.items()}
SECOND_OPINION_INTENTS = frozenset(REASON_OF_INTENT) | {"ask_second_opinion"}

_PROCEDURE = r"(op|operation|surgery|procedure|kyphoplasty|kypho|vertebroplasty|injection|fusion|cement)"

# fmt: off
REASON_CUES: Tuple[ReasonCue, ...] = (
    ReasonCue(
        "advised_another_procedure",
        (
            # someone advised it ...
            re.compile(r"\b(wants?|wanted|suggest\w*|recommend\w*|advis\w*|offer\w*|propos\w*|"
                       r"book\w*|schedul\w*|needs|talking about|mentioned|told)\b"),
            # ... and it is another procedure, not the first one
            re.compile(rf"\b(operate|do it|do (the|this|that) {_PROCEDURE}) again\b"
                       rf"|\b(another|a second|a repeat|a new|more) {_PROCEDURE}\b"
                       # said to someone who has had kyphoplasty: any procedure advised now is another one
                       rf"|\b(told|advised|recommended|booked|scheduled)( me| her| him| us| them)? (to have|to get|for)( an?| the)? "
                       rf"(vertebroplasty|revision|fusion|surgery|operation|op|kyphoplasty)\b"
                       rf"|\b(do|perform|have|get)( me| her| him)? (an? )?(vertebroplasty|revision|fusion)\b"
                       rf"|\brevision\b|\bredo\b|\bre-do\b|\bmore cement\b"
                       rf"|\b{_PROCEDURE}\b.{{0,40}}\b(again|(at|on) (a|the)? ?(different|other|next|another) level)\b"
                       rf"|\b(another|a different|the next|the other) level\b"),
        ),
    ),
    ReasonCue(
        "imaging_unclear",
        (
            re.compile(r"\b(scans?|mri|ct|x-?rays?|imaging|images?|reports?|results?|radiolog\w*)\b"),
            re.compile(r"\b(conflict\w*|contradict\w*|disagree\w*|unclear|indeterminate|inconclusive|"
                       r"equivocal|different things|something different|(do|does)n'?t (match|agree)|"
                       r"(say|says|said|saying) (the )?opposite|"
                       # "the X-ray said no fracture but the MRI says possible fracture: which is it?"
                       r"which (one )?(is it|is right|is true|is correct|(am i|are we|should i|do i) (to )?believe)|"
                       r"(say|says|said|saying|shows?|showed)\b.{0,80}\bbut\b.{0,60}\b(say|says|said|told|shows?|showed)|"
                       # a report nobody can read: "the GP says he can't interpret it"
                       r"(can'?t|cannot|couldn'?t|could not|unable to) (interpret|make sense of|understand)|"
                       r"(nobody|no one|noone)('?s| has)? (explained|told us) what (it|that|this) means)\b"),
        ),
    ),
    ReasonCue(
        "unheard",
        (
            re.compile(r"\b(unheard|not (being )?heard|(do|does|did)n'?t (really )?listen\w*|not listening|"
                       r"won'?t listen|(fobbed|brushed|palmed)( me| us| her| him| them)? off|dismiss\w*|not taken seriously|"
                       # the article: "unsure ... about your current treatment plan"
                       r"(not sure|unsure|uncertain|doubts?|confused) (about|of|on|with) (the|this|my|her|his|our|their) (plan|treatment)|"
                       r"(nobody|no one|noone|anyone)( is)? tak\w* (me|my \w+|it) seriously|ignored|"
                       r"nobody('?s| has)? explain\w*|no one('?s| has)? explain\w*|"
                       # no plan anyone owns: "we're not sure anyone actually has a plan", "whose plan to follow"
                       r"(not sure|unsure|don'?t know|no idea) (if |whether )?(anyone|anybody|someone|they|the doctors?) "
                       r"(actually |really |even )?(has|have|had|got) a plan|"
                       r"(whose|which) plan (to|we|i|should)|(two|different|conflicting) plans)\b"),
        ),
    ),
)
# fmt: on


def stated_reasons(text: str) -> FrozenSet[str]:
    """Reasons whose every pattern the message matches."""
    words = (text or "").lower()
    return frozenset(
        cue.reason for cue in REASON_CUES if all(p.search(words) for p in cue.patterns)
    )


def states_not_improved(text: str, today: date) -> bool:
    """"9 weeks since the kyphoplasty and the pain hasn't changed", "10 wks. no better.
    same as day one": the message itself gives the article's fourth reason, a time
    of several weeks or more and a pain no better (and nowhere worse: that is the
    first warning sign, escalated instead)."""
    if pain_trend(None, text) != "same" or says_it_changed_for_the_worse(text):
        return False
    # the rules table decides how many weeks is "several"
    report = PatientReport(weeks_since_procedure=weeks_since(text, today), pain_trend="same")
    return "not_improved" in second_opinion_reasons_for(report)


def message_report(intent: Optional[str], text: str, known: PatientReport, today: date) -> PatientReport:
    """The reasons this message gives, with the time and trend it states (or, when it
    states none, those the conversation already established)."""
    reasons = set(stated_reasons(text))
    if intent in REASON_OF_INTENT:
        reasons.add(REASON_OF_INTENT[intent])
    weeks = weeks_since(text, today)
    trend = pain_trend(None, text)
    # Signs reported earlier were escalated and recorded when said: the report holds
    # what this message adds (a trend of "worse" still implies the first sign).
    return replace(
        known,
        affirmed_signs=frozenset(),
        denied_signs=frozenset(),
        weeks_since_procedure=weeks if weeks is not None else known.weeks_since_procedure,
        pain_trend=trend or known.pain_trend,
        second_opinion_reasons=frozenset(reasons),
    )
