"""From symptom entities and their ConText modifiers to what the patient reported.

- Composition: some signs are said in two halves, and a mention's sign can be
  upgraded by what surrounds it, towards the more serious reading (numbness + groin
  -> saddle numbness; "coughed" ... "blood" -> coughing blood; "red" + the needle
  site -> infection). Halves without their partner are not warning signs.
- Role: affirmed | negated | hypothetical | historical | other_person.
- Caregiver voice: someone describing the patient ("my mother had kyphoplasty and
  now her legs are numb") reports the patient's symptom, so it is affirmed.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Set, Tuple

from spacy.tokens import Doc, Span

from actions.triage.rules import EMERGENCY_SIGN_KEYS

SYMPTOM, BODY_PART, PROCEDURE = "SYMPTOM", "BODY_PART", "PROCEDURE"
# A phrase that states a sign is absent ("bladder and bowels normal"): the sign,
# denied. Without it the sign's words are only a body part, and a classifier that
# sees "bladder" may guess the emergency sign with nothing to contradict it.
SYMPTOM_DENIED = "SYMPTOM_DENIED"

NUMB_WORDS = ("numb", "tingl", "pins", "feel", "prick", "dead")
WEAK_WORDS = ("weak", "gave", "giving", "buckl", "collaps", "wobbly", "jelly")
SUDDEN_WORDS = {"sudden", "suddenly", "abruptly", "overnight"}
SPREAD_WORDS = {"spread", "spreading", "spreads", "radiating", "radiates", "shooting", "shoots",
                "travels", "travelling", "traveling", "down", "into", "moving", "wraps", "wrapping"}
SPREAD_PLACES = {"leg", "ribs", "saddle"}
# "my lower back is hurting now too, before it was only the middle bit": pain that
# has reached another area of the back, said as something new *and* added ("now ...
# too", "not just ... anymore", "it used to only be ..."). The article's second sign:
# "Pain spreads to other areas of your back or legs."
BACK_REGIONS = {"lower", "upper", "middle", "mid", "top", "bottom", "higher", "other"}
_ADDED = r"\b(too|as well|also)\b(?! (much|many|long|bad|hard|far|early|late|soon|little))"  # not "too much"
NEW_AREA_CUES = re.compile(
    rf"\b(now|started|starting|since|these days|lately|recently|(last|past) (few|couple of) (days|weeks))\b.*{_ADDED}"
    rf"|{_ADDED}.*\bnow\b"
    r"|\bnot (just|only)\b.*\banymore\b|\banymore\b.*\bnot (just|only)\b"
    r"|\b(used to|it was|before it was) (be )?(just|only)\b"
)
CLAUSE_BREAKS = {"but", "and", "before", "whereas", "while"}
PAST_WORDS = {"used", "was", "were", "had", "before"}
SADDLE_DISTANCE = 5  # tokens between "numb" and "groin" that still describe one thing
# "can't feel it properly when I wipe": the cue may sit further from the words.
UNSPECIFIED_NUMB_DISTANCE = 10
COUGH_BLOOD_DISTANCE = 15  # "coughed this morning and there was blood on the tissue"
# "I can't stand this waiting" is not weakness: after "stand", only these words
# (or the end of the clause) describe not being able to stand up.
STAND_FOLLOWERS = {"up", "upright", "anymore", "at", "on", "properly", "without", "now", "unaided",
                   "alone", "straight", "by", "today", "tonight", "suddenly"}

FACE_DISTANCE = 4
SPINAL_PARTS = {"leg", "arm", "saddle", "back", "ribs", "site"}
NUMB_ELSEWHERE = "numb_elsewhere"  # not a warning sign
# "the deep heat cream makes my skin tingle": a product on the skin, not a nerve sign,
# unless a limb or the saddle area is named next to the feeling.
TOPICAL_WORDS = {"cream", "creams", "gel", "gels", "ointment", "balm", "lotion", "liniment",
                 "patch", "patches", "plaster", "plasters", "spray", "lidocaine", "lignocaine",
                 "menthol", "capsaicin", "voltarol", "voltaren", "biofreeze"}
LIMB_PARTS = {"leg", "arm", "saddle"}
LIMB_DISTANCE = 5

# "My foot went to sleep after sitting cross legged, was fine after a minute": one
# episode from how the patient sat, gone at once, is not the article's numbness or
# tingling. Kept apart (a look-alike, actions/triage/detection.py) only when the
# message says it passed and never that it keeps happening; otherwise it is numbness.
LIMB_ASLEEP = "limb_asleep"
ASLEEP_PASSED = re.compile(
    r"\b(was|were|felt|it'?s|its|all) (fine|ok|okay|normal|back to normal)\b|\bwent away\b|\bwore off\b"
    r"|\bafter (a|one|a few|few) (second|seconds|minute|minutes|moment|moments)\b|\bshook it\b|\bshaking it\b"
)
ASLEEP_RECURS = re.compile(r"\b(keeps?|kept|always|again|every|often|lot|constantly|still|all the time|more and more)\b")

# Signs said in two halves (nlp/patterns/symptoms.jsonl): not warning signs alone.
UNSPECIFIED_NUMB, COUGH, BLOOD, SITE_CHANGE = "numb_unspecified", "cough", "blood", "site_change"
WORSE_WORD = "worse_word"
WORSE_DISTANCE = 6  # "the pain has definitely got a lot worse"

FIRST_PERSON = {"i", "me", "ive", "i've"}
CAREGIVER_CUES = (
    "caring for", "care for", "look after", "looking after", "caregiver", "carer",
    "on behalf of", "asking for my", "asking for her", "asking for him", "writing for",
)
# A patient comparing notes with someone else's story, not a caregiver's report.
ANECDOTE = re.compile(
    r"\b(does|do|did|could|can|will|would|might) (that|this|it) (always |usually |often |also )?happen"
    r"|\bhappen to me\b|\bis (that|this|it) (common|normal|usual|likely)\b|\bhow (common|often|likely)\b"
    r"|\b(different|other|another|his own|her own) (op|operation|surgery|procedure)\b"
)
# The writer is the patient: "I'm 4 weeks out", "since my op", "I had it done".
OWN_RECOVERY = re.compile(
    r"\b(i'?m|i am) (\w+ )?(weeks?|days?|months?) (out|post|after)\b|\b(since|after) my (op|operation|kypho\w*|procedure|surgery)\b"
)


def _parts(span: Span, *part_ids: str) -> List[Span]:
    return [ent for ent in span.ents if ent.label_ == BODY_PART and ent.ent_id_ in part_ids]


def _distance(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _near(mention: Span, others: Iterable[Span], distance: int) -> bool:
    return any(_distance(mention, other) <= distance for other in others)


def _mentions(span: Span, sign: str) -> List[Span]:
    return [ent for ent in span.ents if ent.label_ == SYMPTOM and ent.ent_id_ == sign]


def _composed_sign(mention: Span) -> str:
    """The most serious reading of a mention given what surrounds it."""
    sign = mention.ent_id_
    sentence, doc = mention.sent, mention.doc
    text = mention.text.lower()
    words = {t.lower_ for t in sentence}
    if sign == UNSPECIFIED_NUMB:
        if _near(mention, _parts(sentence, "saddle"), UNSPECIFIED_NUMB_DISTANCE):
            return "saddle_numbness"
        if _near(mention, _parts(sentence, "leg"), SADDLE_DISTANCE):
            return "nerve_symptoms"
        return sign
    if sign == "nerve_symptoms":
        # "the dentist numbed my mouth": numbness of the face is not a spinal sign
        spinal = _parts(sentence, *SPINAL_PARTS)
        if _near(mention, _parts(sentence, "face"), FACE_DISTANCE) and not _near(mention, spinal, FACE_DISTANCE):
            return NUMB_ELSEWHERE
        limbs = _parts(sentence, *LIMB_PARTS)
        if words & TOPICAL_WORDS and not any(w in text for w in WEAK_WORDS) and not _near(mention, limbs, LIMB_DISTANCE):
            return NUMB_ELSEWHERE
        if _near(mention, _parts(sentence, "saddle"), SADDLE_DISTANCE) and any(w in text for w in NUMB_WORDS):
            return "saddle_numbness"
        if words & SUDDEN_WORDS and any(w in text for w in WEAK_WORDS):
            return "sudden_weakness"
    if sign == LIMB_ASLEEP:
        text_of_doc = doc.text.lower()
        passed = ASLEEP_PASSED.search(text_of_doc) and not ASLEEP_RECURS.search(text_of_doc)
        return sign if passed else "nerve_symptoms"
    if sign == WORSE_WORD:
        # "the pain hasn't got any worse": "worse" carries the denial, so it is the
        # mention; a pain word shortly before it makes it the article's first sign.
        before = [m for m in _mentions(doc, "back_pain") if m.sent == sentence and m.end <= mention.start]
        return "pain_worse" if _near(mention, before, WORSE_DISTANCE) else sign
    if sign == BLOOD and _near(mention, _mentions(doc, COUGH), COUGH_BLOOD_DISTANCE):
        return "coughing_blood"
    if sign == SITE_CHANGE and _parts(doc, "site"):
        return "infection_signs"
    if (
        sign == "back_pain"
        and words & SPREAD_WORDS
        and _parts(sentence, *SPREAD_PLACES)
        and not _mentions(sentence, "pain_spreading")
    ):
        return "pain_spreading"
    if sign == "back_pain" and _reached_new_area(sentence):
        return "pain_spreading"
    return sign


def _reached_new_area(sentence: Span) -> bool:
    """Pain in a leg, the ribs or another region of the back, said to be new and in
    addition to the old pain (NEW_AREA_CUES). "My lower back hurts too much" is not."""
    if not NEW_AREA_CUES.search(sentence.text.lower()):
        return False
    doc = sentence.doc
    regional_back = [
        part for part in _parts(sentence, "back")
        if part.start > 0 and doc[part.start - 1].lower_ in BACK_REGIONS
    ]
    return any(not _said_of_the_past(part) for part in regional_back + _parts(sentence, *SPREAD_PLACES))


def _said_of_the_past(part: Span) -> bool:
    """"it used to be in my lower back too": the area is where the pain was, not
    where it has gone. Looks back to the start of the part's clause."""
    doc, start = part.doc, part.start
    while start > part.sent.start and not (doc[start - 1].is_punct or doc[start - 1].lower_ in CLAUSE_BREAKS):
        start -= 1
    return any(token.lower_ in PAST_WORDS for token in doc[start:part.start])


def _idiom(mention: Span) -> bool:
    """Everyday phrases that only look like a sign ("I can't stand this waiting")."""
    if mention.ent_id_ == "sudden_weakness" and mention[-1].lower_ == "stand":
        following = mention.doc[mention.end] if mention.end < len(mention.doc) else None
        return following is not None and not following.is_punct and following.lower_ not in STAND_FOLLOWERS
    return False


def resolve_mentions(doc: Doc) -> List[Tuple[Span, str]]:
    return [
        (ent, _composed_sign(ent))
        for ent in doc.ents
        if ent.label_ in (SYMPTOM, SYMPTOM_DENIED) and not _idiom(ent)
    ]


def caregiver_voice(doc: Doc, signs: Set[str] = frozenset()) -> bool:
    """Someone speaking for the patient: the writer says they care for the patient, or
    a close relative had the procedure, or has an emergency sign now (whoever has
    it, the advice is the emergency number). Not when the writer is the patient
    comparing notes with a relative's story."""
    text = doc.text.lower()
    if any(cue in text for cue in CAREGIVER_CUES):
        return True
    if not _close_relative_named(doc) or _own_procedure(doc) or ANECDOTE.search(text):
        return False
    has_procedure = any(ent.label_ == PROCEDURE for ent in doc.ents)
    return has_procedure or bool(set(signs) & EMERGENCY_SIGN_KEYS)


def _own_procedure(doc: Doc) -> bool:
    """"I had the kypho done", "I'm 4 weeks out": the writer is the patient."""
    if OWN_RECOVERY.search(doc.text.lower()):
        return True
    for ent in doc.ents:
        if ent.label_ != PROCEDURE:
            continue
        before = {t.lower_ for t in doc[max(ent.start - 3, 0):ent.start]}
        previous = doc[ent.start - 1].lower_ if ent.start else ""
        if before & FIRST_PERSON or "my" in (ent[0].lower_, previous):
            return True
    return False


def _close_relative_named(doc: Doc) -> bool:
    """A close relative mentioned anywhere (ConText marks only those near a target).
    Friends, neighbours and strangers are OTHER_PERSON, not caregivers."""
    graph = getattr(doc._, "context_graph", None)
    if graph is None:
        return False
    return any(m.category.upper() == "FAMILY" for m in graph.modifiers)


OTHER_PEOPLE = {"FAMILY", "OTHER_PERSON"}


def mention_role(mention: Span, caregiver: bool) -> str:
    categories = {m.category.upper() for m in mention._.modifiers}
    if categories & OTHER_PEOPLE and not caregiver:
        return "other_person"
    if mention._.is_hypothetical:
        return "hypothetical"
    if mention.label_ == SYMPTOM_DENIED:
        # A denial denied ("i don't think my bladder is working normally") reports it.
        return "affirmed" if mention._.is_negated else "negated"
    if mention._.is_negated:
        return "negated"
    if mention._.is_historical:
        return "historical"
    return "affirmed"
