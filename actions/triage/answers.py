"""Reading the patient's answers to the symptom check's questions. Pure Python.

Shared by the red-flag policy (a "yes" to a warning-sign question is escalated at
once) and the form (which records the answer), so both read an answer the same way.
Button payloads arrive as intents (/affirm, /deny, /report_pain_improving, ...);
free text is read from the intent first and from plain words second.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from actions.triage.pain_scores import pain_score_trend, score_trend
from actions.triage.time_since import weeks_since

YES_INTENTS = {"affirm"}
NO_INTENTS = {"deny"}

# Checked in order: a "no" phrase wins over a "yes" word it contains ("not really").
_NO = re.compile(
    r"\b(no+|nope|nah|not really|not at all|none( of (those|these|them|that))?|never|"
    r"nothing( like that)?|neither|i do ?n[o']?t|i have ?n[o']?t|i haven'?t|negative)\b"
)
_YES = re.compile(
    # "i do" is not a yes inside a question: "what should I do", "how can I do it"
    r"\b(y(es|ep|eah|up|a)?|yess+|yeah+|sure|correct|right|"
    r"(?<!should )(?<!shall )(?<!can )(?<!could )(?<!would )(?<!must )(?<!what )(?<!how )i do|i have|i am|"
    r"a (little|bit)( bit)?|a bit|some|sort of|kind of|kinda|i think so|definitely|"
    r"absolutely|true|affirmative)\b"
)
_HAS_WORD = re.compile(r"[^\W_]")
# A question asked back ("is that the right direction or should it be gone by now?")
# answers nothing, whatever yes-like word it holds ("right", "some").
_QUESTION_BACK = re.compile(
    # after the words people open with: "please what should I do?", "ok so is that bad?"
    r"^((please|pls|plz|so|ok|okay|and|but|um+|erm+|well|sorry|hi|hello|then|hmm+|doctor|dr|sir|madam|nurse)\b\W*)*"
    r"(is|are|am|was|were|should|shall|what|whats|what's|how|why|when|where|which|who|can|could|will|"
    r"would|do|does|did|isn'?t|aren'?t|has|have)\b.*\?\s*$"
)
_UNSURE = re.compile(
    r"\b(not sure|unsure|don'?t know|dont know|idk|maybe|no idea|can'?t tell|"
    r"can'?t (remember|recall)|cannot (remember|recall)|forg[eo]t)\b"
)


def yes_no(intent: Optional[str], text: Optional[str]) -> Optional[bool]:
    """True for yes, False for no, None when the answer is neither or unsure."""
    if text is not None and not _HAS_WORD.search(text):
        # "/", "??", "..." get an intent like anything else (the classifier must
        # guess), but say nothing: never a "yes" to a warning-sign question.
        return None
    if intent in YES_INTENTS:
        return True
    if intent in NO_INTENTS:
        return False
    words = (text or "").lower().strip()
    if not words or _UNSURE.search(words) or _QUESTION_BACK.search(words):
        return None
    if _NO.search(words):
        return False
    if _YES.search(words):
        return True
    return None


TREND_BY_INTENT = {
    "report_pain_improving": "better",
    "report_pain_not_improving": "same",
    "report_persistent_pain": "same",
    "report_pain_worse": "worse",
}
# Each direction in words, in English and in the languages of nlp/other_languages.py.
_WORSE_WORDS = re.compile(r"\b(worse|worsening|more pain|getting bad|intensif\w*"
                          # "increased", but not "they increased her patches"
                          r"|increas\w*(?! (?:the |my |his |her |their |your )?(?:dose\w*|patch\w*|tablets?|pills?"
                          r"|meds?|medication|medicine|painkillers?|morphine|oxy\w*|pregabalin|gabapentin"
                          # nor a scan's "increased uptake"
                          r"|uptake|signal|activity|density|intensity))"
                          r"|peor|empeor\w*|pior|piorou|piorando|pire|empire|lumala\w*|gorzej|pogorsz\w*"
                          r"|badh (gaya|gayi|raha|rahi)|zyada ho (gaya|gayi)|tệ hơn|хуже)\b")
_BETTER_WORDS = re.compile(r"\b(better|improv\w*|easing|eased|less pain|settling|good"
                           r"|mejor\w*|melhor\w*|mieux|behtar|bumubuti|gumagaan|gumaganda|lepiej|đỡ|лучше)\b")
_SAME_WORDS = re.compile(r"\b(same|no change|unchanged|not (really )?(better|changing|improving)|"
                         # "not really any better", "hasn't got any better", "no improvement"
                         r"(not|no|nuh|isn'?t|hasn'?t|haven'?t|isnt|hasnt|havent) (really |any |much |got |gotten |getting |been |feeling )*"
                         r"(better(?! to\b)|improv\w*)|"
                         # "never really budged", "static at 5/10", "stuck on a 5", "sat at 5 since week 2"
                         r"never (really |much )?(changed|budged|shifted|moved|improved|eased)|static|stuck (at|on)|"
                         r"(sat|sitting|sits|stayed|staying) (at|on) (a |an )?\d|"
                         r"stable|plateau\w*|about the same|no different|"
                         # a denied change: "not worse, just there", "hasn't changed much"
                         r"(not|no|never|\w+n'?t) (really |any |much |got |gotten |getting |been |get )*worse|"
                         r"(has|have|had|is|does|did)(n'?t| not) (really |much )?(changed?|budged|shifted|moved)|"
                         r"not (changed|budged)|"
                         # "sigue igual", "waisa hi", "na kam na zyada", "ganun pa rin", "taki sam"
                         r"igual|lo mismo|ni mejor ni peor|mesma coisa|pareil|wahi hai|waisa hi|same hi|"
                         r"na kam na zyada|koi fark nahi|ganun pa rin|ganoon pa rin|walang pagbabago|pareho lang|"
                         r"taki sam|bez zmian|như cũ|vẫn vậy|без изменений)\b")


# Words of a pain that came back: "it was better, but since Sunday it's back", "sharp
# again", "return more strong", "harder than before"
_RETURN_WORDS = re.compile(r"\b(is|'s|s|it'?s|its|came|come|comes|coming|been|right|straight) back\b"
                           r"|\b(again|return\w*|harder|stronger|more strong|flare\w*|más|mas|phir|ulit)\b")


# A change denied: "not worse", "no better no worse", "hasn't really got better or
# worse", patois "it nuh worse". Taken out before looking for a change, so the word
# "worse" in them is not read as the pain getting worse.
_DENIED_CHANGE = re.compile(
    r"\b(not|no|never|nor|neither|nuh|\w+n'?t) (really |any |much |got |gotten |getting |been |get |"
    r"feeling |feel |(better|worse),? (or|nor|no|not) )*(worse|better)\b"
    # the same in the languages of nlp/other_languages.py: "ni mejor ni peor", "nem pior"
    r"|\b(ni (mejor ni )?peor|no (está )?peor|nem (melhor nem )?pior|não (está )?pior|ni (mieux ni )?pire"
    r"|pas pire|nie gorzej)\b")


def _without_denied_change(text: Optional[str]) -> str:
    return _DENIED_CHANGE.sub(" ", (text or "").lower())


def says_no_worse(text: Optional[str]) -> bool:
    """The words say the pain is the same, and nothing says it changed: "Pain same
    way, likkle ache", "about the same as last week". Not "not the same, it's worse",
    and never "it had got better, but since the weekend it's sharp again": a pain that
    was better and came back is the article's first sign."""
    words = (text or "").lower()
    if says_it_changed_for_the_worse(text) or _BETTER_WORDS.search(_without_denied_change(text)):
        return False
    return bool(_SAME_WORDS.search(words))


# "the doctor says come back in 3 months", "told us to come back": an appointment,
# not the pain coming back
_ASKED_TO_COME_BACK = re.compile(r"\b(says?|said|told (me|her|him|us|them)( to)?|asked (me|her|him|us|them) to|to)"
                                 r" come back\b")


def says_it_changed_for_the_worse(text: Optional[str]) -> bool:
    """Worse, or back again: "worse at night", "it's come back, harder than before";
    not "not worse, not better"."""
    words = _ASKED_TO_COME_BACK.sub(" ", _without_denied_change(text))
    return bool(_WORSE_WORDS.search(words) or _RETURN_WORDS.search(words))


def pain_trend(intent: Optional[str], text: Optional[str]) -> Optional[str]:
    """better | same | worse, or None if the answer does not say."""
    scores = pain_score_trend(text)
    if scores:
        return scores  # "2 out of 10 now, was 8": the numbers outrank any guess
    if intent in TREND_BY_INTENT:
        # The classifier hears "worse" in "no worse than last week": words that say
        # the pain is the same, with nothing saying it changed, outrank that guess.
        if TREND_BY_INTENT[intent] == "worse" and says_no_worse(text):
            return "same"
        return TREND_BY_INTENT[intent]
    words = (text or "").lower()
    # "not the same, it's worse" is worse; "not worse, just the same" is not.
    if _WORSE_WORDS.search(_without_denied_change(text)):
        return "worse"
    # "not better" is the same, not better: check the "same" phrases first.
    if _SAME_WORDS.search(words):
        return "same"
    return "better" if _BETTER_WORDS.search(words) else None


# The intents that say the trend in any message, not only as the answer to the
# trend question: "it's getting worse" fills the slot wherever it is said. Persistent
# pain says how long, not which way: it answers the trend only when asked.
TREND_STATING_INTENTS = frozenset(TREND_BY_INTENT) - {"report_persistent_pain"}


def stated_trend(intent: Optional[str], text: Optional[str], previous_score: Optional[float] = None,
                 previous_bare_score: Optional[float] = None) -> Optional[str]:
    """The pain's direction a message states outside the trend question, or None.

    Pain scores outrank the classifier's guess: "it was a 6 a month ago, then a 5"
    ... "now like a 3" is not worse, whatever intent the emoji or the words around
    the numbers suggested. The previous scores: as in detection.TurnContext."""
    scores = score_trend(text, previous_score, previous_bare_score)
    if scores:
        return scores
    if intent not in TREND_STATING_INTENTS:
        return None
    # "hasn't really got better or worse": words that deny a change outrank the
    # classifier's "worse" (or "better") for them
    return "same" if says_no_worse(text) else TREND_BY_INTENT[intent]


# --- One turn of the symptom check, read as slot values ---

WEEKS_SLOT = "weeks_since_procedure"
TREND_SLOT = "pain_trend"
# Messages that are not answers: the form lets the rules answer them, then resumes.
INTERRUPTION_INTENTS = frozenset({
    "faq", "bot_challenge", "request_clinic_contact", "ask_second_opinion", "feel_unheard",
    "imaging_unclear", "advised_another_procedure", "request_summary", "out_of_scope",
    "stop", "goodbye", "greet", "thank", "request_deletion", "start_symptom_check", "ask_what_to_do",
})


def interrupts_question(intent: Optional[str], text: Optional[str]) -> bool:
    """Is this message something other than an attempt to answer the question asked?

    An off-topic *statement* made while a question is pending ("hmm well it was a
    while") is a vague answer, not a change of subject: it is re-asked with an
    example instead of being told the bot only helps with back pain. An off-topic
    *question* ("can you book me a taxi?") is still answered, then the check resumes."""
    if intent == "out_of_scope":
        return "?" in (text or "")
    return intent in INTERRUPTION_INTENTS


_MENTIONS_PROCEDURE = re.compile(
    r"\b(kypho\w*|vertebroplasty|vertebr\w*-? ?plast\w*|procedure|surgery|operation|op|cement\w*|had it done|it was done)\b"
)
# "3 months on", "8 weeks out", "6 wks post", "2 weeks in": said to this assistant,
# the time since the procedure ("i've had back pain for 3 months" is not).
_SINCE_THEN = re.compile(
    r"\b(days?|weeks?|wks?|months?|mths?|years?) (on|out|post|later|in(?! a row))\b"
    # "it's been 8 weeks and no better", "7 weeks now": the time since, unless it
    # says what has lasted that long ("it's been hurting for 8 weeks" is read below)
    r"|\b(it'?s|its|it has|it is)( been| now)?( about| almost| nearly| over| around| just over| roughly)? \w+ (days?|weeks?|wks?|months?|mths?)\b"
    r"|(?<!for )\b(about |almost |nearly |over |around )?\w+ (days?|weeks?|wks?|months?|mths?) now\b"
    # a message that opens with it, after the procedure was named: "it was 9 weeks ago thursday"
    r"|^\W*(it was|it's been|its been|was|had it|had it done)( about| almost| nearly| over| around| just over)?"
    r" \w+ (days?|weeks?|wks?|months?|mths?) ago\b"
)
# The message that starts the check and says the pain is not improving answers the
# trend question: it is not asked again.
TREND_STATED_BY_INTENT = frozenset({"report_pain_not_improving"})


def answers_question(requested_slot: Optional[str], text: Optional[str]) -> bool:
    """Do the words alone answer the symptom check's current question?

    Used to keep an intent-only guess from overriding a plain answer ("it was last
    friday" to "how long ago?"); read from the text, not the intent, on purpose."""
    if not requested_slot:
        return False
    if _UNSURE.search((text or "").lower()):
        return True  # "i can't remember" is an answer: not known
    if requested_slot == WEEKS_SLOT:
        return weeks_since(text, date.today()) is not None
    if requested_slot == TREND_SLOT:
        return pain_trend(None, text) is not None
    return yes_no(None, text) is not None


def read_check_answer(
    requested_slot: Optional[str],
    intent: Optional[str],
    text: Optional[str],
    sign_slot_roles: "dict[str, Optional[str]]",
    today: date,
) -> "dict[str, object]":
    """Slot values one message gives the symptom check. Never guesses.

    `sign_slot_roles` maps each sign question (slot) to the role of the symptom the
    message mentions for it ("affirmed", "negated", ...).
    """
    values: "dict[str, object]" = {}
    words = (text or "").lower()
    if requested_slot == WEEKS_SLOT or intent == "inform_time_since_procedure" or (
        _MENTIONS_PROCEDURE.search(words) or _SINCE_THEN.search(words)
    ):
        weeks = weeks_since(words, today)
        if weeks is not None:
            values[WEEKS_SLOT] = weeks
    if requested_slot == TREND_SLOT or (requested_slot is None and intent in TREND_STATED_BY_INTENT):
        trend = pain_trend(intent, text)
        if trend:
            values[TREND_SLOT] = trend
    if requested_slot and requested_slot.startswith("sign_"):
        role = sign_slot_roles.get(requested_slot)
        answer = {"affirmed": True, "negated": False}.get(role or "")
        if answer is None:
            answer = yes_no(intent, text)
        if answer is not None:
            values[requested_slot] = answer
    # A warning sign volunteered for another question counts as a "yes" to it.
    for slot, role in sign_slot_roles.items():
        if role == "affirmed":
            values[slot] = True
    return values
