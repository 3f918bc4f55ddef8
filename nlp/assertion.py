"""From symptom entities and their ConText modifiers to what the patient reported.

- Composition: some signs are said in two halves, and a mention's sign can be
  upgraded by what surrounds it, towards the more serious reading (numbness + groin
  -> saddle numbness; "coughed" ... "blood" -> coughing blood; "red" + the needle
  site -> infection). Halves without their partner are not warning signs.
- Role: affirmed | negated | hypothetical | historical | other_person, from the
  ConText modifiers (nlp/context_rules.json) and a few message-level readings:
  an animal, a child or someone on the screen is never the patient, nor is a carer's
  own body; a question or worry about a sign said as happening now reports it; a
  bare list denied afterwards ("fever, chills: none of those") is denied; two denials
  ("I can't say I don't have a temperature") report the sign; something resolved is
  historical unless the message says it is still there.
- Caregiver voice: someone describing the patient ("my mother had kyphoplasty and
  now her legs are numb") reports the patient's symptom, so it is affirmed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Span

from actions.triage.answers import says_no_worse
from actions.triage.rules import EMERGENCY_SIGN_KEYS
from nlp.other_languages import NUMB_STEMS, SUDDEN_XL, WEAK_STEMS

SYMPTOM, BODY_PART, PROCEDURE = "SYMPTOM", "BODY_PART", "PROCEDURE"
# The SpanRuler's span group (nlp/build_pipeline.py): every body part, even inside a
# symptom entity.
BODY_PART_SPANS = "body_parts"
# A phrase that states a sign is absent ("bladder and bowels normal"): the sign,
# denied. Without it the sign's words are only a body part, and a classifier that
# sees "bladder" may guess the emergency sign with nothing to contradict it.
SYMPTOM_DENIED = "SYMPTOM_DENIED"

NUMB_WORDS = ("numb", "tingl", "pins", "feel", "prick", "dead", "sensation") + NUMB_STEMS
WEAK_WORDS = ("weak", "gave", "giving", "buckl", "collaps", "wobbly", "jelly") + WEAK_STEMS
SUDDEN_WORDS = {"sudden", "suddenly", "abruptly", "overnight"} | SUDDEN_XL
SPREAD_WORDS = {"spread", "spreading", "spreads", "radiating", "radiates", "shooting", "shoots",
                "travels", "travelling", "traveling", "down", "into", "moving", "wraps", "wrapping", "wandering",
                "wanders", "wandered", "creeping", "creeps", "crept"}
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
# "my blood is boiling", "blood pressure", "blood tests": not blood coughed up; nor is
# money "coughed up 400 quid for a follow-up"
NOT_BLOOD = re.compile(r"^\s*(is |'s |s |was )?(boil\w*|pressure|tests?|sugars?|results?|work|thinners?|donor|donation"
                       r"|count|type|bank|samples?|forms?|clots?|levels?|running cold|ran cold|curdl\w*)\b")
COUGHED_MONEY = re.compile(r"^\s*(up|out)\s+((£|\$|€)\s*\d|\d+\s*(quid|pounds|dollars|bucks|euros|grand|k)\b"
                           r"|(the |a |an )?(cash|money|dosh|fee|bill|readies))")
# "I can't stand this waiting" is not weakness: after "stand", only these words
# (or the end of the clause) describe not being able to stand up.
STAND_FOLLOWERS = {"up", "upright", "anymore", "at", "on", "pon", "properly", "without", "now", "unaided",
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

# --- Signs said in lay words (nlp/patterns/*_lay_words.jsonl) ------------------------
# Halves that are the sign only with their partner, like "cough" + "blood".
# "nothing comes out", "not a drop", "I can't go": retention when the message is about
# passing water or the toilet, not when it is about constipation or walking.
RETENTION_HALF = "retention_half"
RETENTION_CONTEXT = re.compile(
    r"\b(pee|peeing|wee|weeing|wees|urin\w*|bladder|waterworks|burst\w*|desperate|urge|dribbl\w*"
    r"|toilet|loo|bathroom|lav|lavatory|commode|motions?|stools?|piss|leak)\b"
    r"|\bneed(s|ed|ing)? (to go|the (toilet|loo|bathroom)|a (wee|pee))\b"
    r"|\b(try|trying|tried|want|wanting|wanted|urge) to go\b|\bnothing (comes|came|coming|happens|happened)\b"
)
CONSTIPATION = re.compile(r"\bconstipat\w*|\bbunged\b|\bblocked up\b|\blaxative|\blactulose\b|\bsenna\b|\bmovicol\b"
                          r"|\bbowels? (ha(ve|s)n'?t|have not|has not|not|haven'?t been) (moved|opened|been|gone|worked)\b"
                          r"|\bnot (opened|moved) (my|her|his) bowels\b|\bno bowel (movement|motion)")
# "I can't go to the toilet on my own": a walking problem, not retention
ON_FOOT = re.compile(r"\b(on (my|her|his) own|by (myself|herself|himself)|without (help|my|a)|alone|walk\w*|frame"
                     r"|zimmer|stairs|upstairs|downstairs|out|outside|anywhere|far|shops?|shopping|work|there)\b")
# Legs like jelly / spaghetti / rubber: weakness; unable to stand or walk with it, the
# emergency sign.
LEGS_JELLY = "legs_jelly"
JELLY_WORDS = ("jelly", "spaghetti", "rubber", "cotton", "noodle", "marshmallow", "blancmange", "custard",
               "jello", "putty", "wobbl")
INABILITY = re.compile(
    r"\b(can'?t|cannot|can not|cannae|canny|cyaan|couldn'?t|could not|couldnae|unable to|not able to)\s+(even\s+|really\s+|properly\s+|seem to\s+"
    r"|manage to\s+)?(walk|stand|move|get up|take a step|step|stay up|stay upright|bear weight|hold myself up)\b"
    r"|\b(had|have|having) to crawl\b|\b(fell|collapsed|went down|hit the floor)\b"
)
STILL_WALKING = re.compile(r"\b(could|can|was able to|managed to) (still )?(walk|stand|move)\b|\b(was|were|felt|i'?m) fine\b"
                           r"|\b(almost|nearly) (fell|collapsed|fainted|hit the floor)\b"
                           r"|\bfine (after|again|afterwards)\b")
# "like the leg isn't mine": with a sudden onset the emergency sign, otherwise numbness
LEG_NOT_MINE = "leg_not_mine"
SUDDEN_ONSET = re.compile(
    r"\b(sudden|suddenly|all at once|out of nowhere|out of the blue|just now|this (morning|afternoon|evening)|tonight"
    r"|since (lunch|lunchtime|breakfast|dinner|tea|this morning|i woke|waking|earlier|last night|an hour|half an hour"
    r"|a (few|couple of) hours|(one|two|three|1|2|3) hours?)"
    r"|(an?|one|two|three|few|couple of|1|2|3|half an) hours? ago|in the (last|past) (hour|few hours|couple of hours)"
    r"|(\d+|a few|a couple of|few|ten|twenty|thirty|forty) ?(min|mins|minutes) ago"
    r"|within (an|the) hour|overnight|when i woke|woke up (with|and))\b"
)
GRADUAL = re.compile(r"\b(each|every) (week|month)\b|\bover (the |a few |several )?(weeks|months)\b|\bfor (weeks|months)\b"
                     r"|\bgradual\w*|\bslowly\b|\bbit by bit\b|\bweek by week\b|\bmonth by month\b|\bsteadily\b")
SENSATION_CHANGED = "sensation_changed"  # "it feels different": the sign next to a saddle word
CRAWLING = "crawling_skin"  # "like ants crawling": a nerve sign next to a limb
STRING_PULL = "string_pull"  # "like a string pulling": the pain reaching a leg
CRAWL_PARTS = {"leg", "arm", "saddle", "back"}

# --- Everyday phrases that only look like a sign -----------------------------------
# "I went numb when I heard the news", "my legs went to jelly when he told the joke"
EMOTION = re.compile(
    r"\b(when|as|after|once) (i|we|he|she) (saw|heard|read|got|opened|found|learned|learnt|realised|realized"
    r"|was told|were told|got told|looked at|watched|open)\b"
    r"|\bwith (shock|fear|fright|grief|terror|horror|disbelief|cold|nerves|worry|excitement|embarrassment)\b"
    r"|\bat the (news|bill|price|thought|sight|cost|total|idea|result|results)\b"
    # "I feel kind of numb about the whole thing": a feeling about events
    r"|\bnumb (about|over|to) (the whole thing|it all|everything|all (of )?(this|that|it)|the news|the results?|the future)\b"
    r"|\b(reading|hearing|seeing|opening) (the|that|this|my|his|her|their|your)\b"
    r"|\bwhen (the|my|they|he|she|you|the) (\w+ )?(said|told|says|rang|called|phoned|mentioned|wrote)\b"
    r"|\b(the|that|this) (news|bill|price|diagnosis|letter|phone call|invoice)\b"
    r"|\b(laugh\w*|jokes?|joked|joking|giggl\w*|nervous|nerves|scared|frightened|shock(ed|ing)?|excit\w*|crush"
    r"|kissed|fancy|interview|exam|speech|wedding|grief|grieving|bereave\w*|funeral|upset|stage fright)\b"
)
HUNCH_FOLLOW = {"that", "about", "it", "it's", "its", "this", "he", "she", "they", "we", "you", "i", "there",
                "what", "why", "how", "something", "someone", "the", "paid", "proved", "was", "is"}
HUNCH_AFTER_IS = {"that", "it", "it's", "its", "the", "he", "she", "they", "we", "you", "i", "there", "this"}
CLOTHES = {"clothes", "clothing", "trousers", "dresses", "dress", "skirt", "skirts", "shirts", "shirt", "tops",
           "top", "jumpers", "jumper", "coat", "coats", "jacket", "jackets", "hems", "hem", "hemline",
           "sleeves", "cardigans", "blouses"}
WEIGHT_CHANGE = re.compile(r"\b(lost|losing|lose|put on|putting on|gained|gaining) (\w+ )?(weight|pounds|lbs|kilos?|kg|stone)"
                           r"\b|\bdiet\w*|\bslimm\w*")
# "relapse" is a pain flare only said of the pain ("a relapse of the back pain")
RELAPSE_OF = {"pain", "back", "backache", "ache", "sciatica", "spine", "symptoms"}
# Errands said right after "out of breath": busy, not breathless ("out of breath chasing letters")
BUSY_ERRANDS = {"chasing", "rushing", "racing", "dashing", "hurrying", "running", "sprinting", "juggling", "laughing"}
# "discharge" as paperwork or a verb, not what comes out of a wound
DISCHARGE_PAPERWORK = {"summary", "summaries", "letter", "letters", "papers", "paperwork", "date", "planning", "plan",
                       "from", "home", "him", "her", "me", "them", "today", "tomorrow", "lounge", "team", "nurse"}
NOT_A_FEVER = {"fever", "a", "temperature", "temp", "heat", "chills", "infection", "sweat", "it", "fevers"}
INJECTED = {"needle", "injection", "jab", "cement", "drip", "cannula", "catheter", "vaccine", "anaesthetic",
            "anesthetic", "dye", "steroid"}
LAUGHING = {"laughing", "laughter", "giggling", "laughin", "laughed", "excitement", "anticipation"}
ROUND_THE_MIDDLE = re.compile(r"\W*(\w+\W+){0,3}?(waist|waistline|belly|tummy|stomach|hips|middle|bust|thighs"
                              r"|weight)\b")
SPINE_SHIVER = re.compile(r"\s*(run(ning|s)? |go(ing|es)? |went )?(down|up) (my|your|the|his|her) (spine|back)\b")
DEAD_AS_VERY = {"sore", "tired", "achy", "painful", "good", "easy", "nice", "stiff", "cold", "hot", "bored",
                "on", "right", "serious", "lucky", "set", "funny", "ugly", "posh", "simple", "quiet"}

# Signs said in two halves (nlp/patterns/symptoms.jsonl): not warning signs alone.
UNSPECIFIED_NUMB, COUGH, BLOOD, SITE_CHANGE = "numb_unspecified", "cough", "blood", "site_change"
WORSE_WORD = "worse_word"
WORSE_DISTANCE = 6  # "the pain has definitely got a lot worse"
PAIN_AS_A_NAME = {"meds", "med", "medication", "medications", "medicine", "medicines", "killers", "killer", "relief",
                  "relievers", "reliever", "tablets", "pills", "patches", "patch", "clinic", "team", "management",
                  "specialist", "nurse", "consultant", "score", "scores", "diary", "service"}

FIRST_PERSON = {"i", "me", "ive", "i've"}
RELATIVE_NAMES = ("mum|mom|mother|mam|dad|father|husband|hubby|wife|partner|nan|gran|granny|grandma|grandad|grandpa"
                  "|son|daughter|sister|brother|aunt|auntie|uncle|client|patient"
                  # in the languages of nlp/other_languages.py, and the nursery words
                  "|mummy|mommy|mammy|daddy|papa|mama|nani|dadi|nana|ammi|amma|abbu|abba|abuela|abuelo|abuelita"
                  "|abuelito|madre|padre|mamá|papá|mãe|mae|pai|avó|avô|lola|lolo|nanay|tatay|babcia|dziadek"
                  "|tata|mamusia|bố|mẹ|ông|bà|maman|mamie|papi|papy")
RELATIVE_WORDS = re.compile(rf"^({RELATIVE_NAMES})\b")
CAREGIVER_CUES = (
    "caring for", "care for", "look after", "looking after", "caregiver", "carer",
    "on behalf of", "asking for my", "asking for her", "asking for him", "writing for",
)
# A patient comparing notes with someone else's story, not a caregiver's report.
ANECDOTE = re.compile(
    r"\b(does|do|did|could|can|will|would|might) (that|this|it) (always |usually |often |also )?happen"
    r"|\bhappen to me\b|\bis (that|this|it) (common|normal|usual|likely)\b|\bhow (common|often|likely)\b"
    r"|\b(different|other|another|his own|her own) (op|operation|surgery|procedure)\b"
    # someone else who had it too: "my sister had the same op last year", "she had hers in May"
    r"|\b(had|has had|'s had|got) (the same|a similar) (op|operation|procedure|surgery|thing|kypho\w*)\b"
    r"|\b(had|has had|'s had) (hers|his|theirs|one) (done|too|as well|also|last|in|a)\b"
)
# "he had the kyphoplasty", "she's 2 weeks post", "his op": someone writing about
# the patient (a friend's story is an anecdote, ANECDOTE, or someone else's).
THIRD_PERSON_PROCEDURE = re.compile(
    r"\b(he|she|hes|shes|he's|she's)\b[^.?!]{0,20}\b(had|has had|got|underwent|went in for)\b[^.?!]{0,15}"
    r"\b(kypho\w*|procedure|operation|op|surgery|cement)\b"
    r"|\b(he|she)('s| is| was) \w+ (weeks?|wks?|days?|months?) (post|out|after)\b"
    r"|\b(since|after) (his|her) (op|operation|kypho\w*|procedure|surgery)\b"
)
NEGATION_IN = re.compile(r"\b(never|not|no|hasn'?t|hadn'?t|didn'?t|n't)\b")
# Staff and carers writing about the patient: "our client", "the patient", "pt", a care
# note's "res c/o ..." or "Resident reports ...".
CARE_REFERENCE = re.compile(r"\b(the|our|my|this) (patient|client|service user|resident)\b|\bpt\b|\bpt's\b"
                            r"|\bres\b|\bresident\b|\bservice user\b")
# Someone whose story it may be, who is not known to be the patient.
ACQUAINTANCE = re.compile(r"\b(friends?|besties?|bffs?|neighbou?rs?|cousins?|colleagues?|co-?workers?|lady|woman|man|bloke|guy"
                          r"|patients)\b")
# The writer is the patient: "I'm 4 weeks out", "since my op", "I had it done".
OWN_RECOVERY = re.compile(
    r"\b(i'?m|i am) (\w+ )?(weeks?|days?|months?) (out|post|after)\b|\b(since|after) my (op|operation|kypho\w*|procedure|surgery)\b"
)


def _parts(span, *part_ids: str) -> List[Span]:
    """Body parts inside `span` (a Doc or a Span). The SpanRuler's group also holds
    the parts inside a symptom entity ("my bum has gone numb" is one entity)."""
    doc = span if isinstance(span, Doc) else span.doc
    start, end = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    if BODY_PART_SPANS in doc.spans:
        found = doc.spans[BODY_PART_SPANS]
        return [p for p in found if p.id_ in part_ids and p.start >= start and p.end <= end and not _other_bottom(p)]
    return [ent for ent in span.ents if ent.label_ == BODY_PART and ent.ent_id_ in part_ids]


SADDLE_DENIAL_REACH = 4  # tokens before the saddle word where "not" denies it
DENIED_BEFORE = re.compile(r"\b(never|not|no|nae|cannot)\b|\w+n't\b|\b(isnt|arent|wasnt|dont|doesnt|didnt|cant|wont|aint)\b")


def saddle_area_named(doc: Doc) -> Optional[Span]:
    """"the INSIDE of my thighs, right up near my privates": a message that names the
    saddle area and no sign at all. Said right after numbness was reported, it says
    where that numbness is (actions/triage/detection.py)."""
    parts = _parts(doc, "saddle")
    if not parts or any(e.label_ in (SYMPTOM, SYMPTOM_DENIED) for e in doc.ents):
        return None
    # "not my groin, just the outside of my thigh" denies it; "I meant my butt not my
    # foot" names it (the denial is of the foot)
    part = parts[0]
    before = doc[max(part.start - SADDLE_DENIAL_REACH, part.sent.start):part.start].text.lower()
    return part if not DENIED_BEFORE.search(before) else None


def _other_bottom(part: Span) -> bool:
    """"the bottom of my foot", "numb on the bottom": not the buttocks. Only "my bottom"
    (her, his, your, a sore bottom...) is the saddle area."""
    if part.text.lower() != "bottom":
        return False
    doc = part.doc
    following = doc[part.end].lower_ if part.end < len(doc) else ""
    previous = doc[part.start - 1].lower_ if part.start else ""
    return following in ("of", "half", "part", "end", "bit", "step", "line", "drawer") or previous in ("the", "at")


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
    lay = _lay_half(mention, sign, text, words)
    if lay is not None:
        return lay
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
        sentence_text = sentence.text.lower()
        onset = words & SUDDEN_WORDS or (SUDDEN_ONSET.search(sentence_text) and not GRADUAL.search(sentence_text))
        if onset and any(w in text for w in WEAK_WORDS):
            return "sudden_weakness"  # "20 min ago both legs went really weak"
        if any(w in text for w in JELLY_WORDS) and INABILITY.search(sentence.text.lower()):
            return "sudden_weakness"
    if sign == LIMB_ASLEEP:
        text_of_doc = doc.text.lower()
        passed = ASLEEP_PASSED.search(text_of_doc) and not ASLEEP_RECURS.search(text_of_doc)
        return sign if passed else "nerve_symptoms"
    if sign == WORSE_WORD:
        # "the pain hasn't got any worse": "worse" carries the denial, so it is the
        # mention; a pain word shortly before it makes it the article's first sign.
        # "wondering if the pain meds make them worse": "pain" names the medicine there
        before = [m for m in _mentions(doc, "back_pain") if m.sent == sentence and m.end <= mention.start
                  and not (m.end < len(doc) and doc[m.end].lower_ in PAIN_AS_A_NAME)]
        return "pain_worse" if _near(mention, before, WORSE_DISTANCE) else sign
    if sign == BLOOD and not NOT_BLOOD.match(doc.text[mention.end_char:].lower()):
        coughs = [c for c in _mentions(doc, COUGH) if not COUGHED_MONEY.match(doc.text[c.end_char:].lower())]
        if _near(mention, coughs, COUGH_BLOOD_DISTANCE):
            return "coughing_blood"
    if sign == SITE_CHANGE and _parts(doc, "site"):
        # "a red square on my upper arm where the patch was ... the kyphoplasty site has
        # healed", "hot and flushed in the face": another place named beside the
        # change, and the site only in another sentence
        elsewhere = _near(mention, _parts(sentence, "arm", "leg", "face"), LIMB_DISTANCE)
        return sign if elsewhere and not _parts(sentence, "site", "back") else "infection_signs"
    if (
        sign == "back_pain"
        and _spreads(sentence)
        and _parts(sentence, *SPREAD_PLACES)
        and not _mentions(sentence, "pain_spreading")
    ):
        return "pain_spreading"
    if sign == "back_pain" and _reached_new_area(sentence):
        return "pain_spreading"
    return sign


PLACE_WORDS = {"down", "into"}  # "down my leg" spreads; "dull ache low down", "lie down" do not
PLACE_DISTANCE = 4


def _spreads(sentence: Span) -> bool:
    """A spreading word in the sentence: "down" and "into" only with a place after them."""
    places = _parts(sentence, *SPREAD_PLACES)
    for token in sentence:
        if token.lower_ not in SPREAD_WORDS:
            continue
        if token.lower_ not in PLACE_WORDS or any(0 < p.start - token.i <= PLACE_DISTANCE for p in places):
            return True
    return False


def _lay_half(mention: Span, sign: str, text: str, words: Set[str]):
    """The halves of nlp/patterns/*_lay_words.jsonl with their partner, or None."""
    sentence, doc = mention.sent, mention.doc
    if sign == RETENTION_HALF:
        lowered = doc.text.lower()
        outside = lowered[:mention.start_char] + " " + lowered[mention.end_char:]
        following = doc[mention.end:min(mention.end + 5, sentence.end)].text.lower()
        walking = mention[0].lower_ in ("ca", "can", "could", "unable") and ON_FOOT.search(following)
        if RETENTION_CONTEXT.search(outside) and not CONSTIPATION.search(lowered) and not walking:
            return "bladder_bowel_control"
        return sign
    if sign == LEGS_JELLY:
        if INABILITY.search(sentence.text.lower()) or words & SUDDEN_WORDS:
            return "sudden_weakness"
        return "nerve_symptoms"
    if sign == LEG_NOT_MINE:
        lowered = doc.text.lower()
        return "sudden_weakness" if SUDDEN_ONSET.search(lowered) and not GRADUAL.search(lowered) else "nerve_symptoms"
    if sign == SENSATION_CHANGED:
        return "saddle_numbness" if _near(mention, _parts(sentence, "saddle"), SADDLE_DISTANCE) else sign
    if sign == CRAWLING:
        if _near(mention, _parts(sentence, "saddle"), LIMB_DISTANCE):
            return "saddle_numbness"
        return "nerve_symptoms" if _near(mention, _parts(sentence, *CRAWL_PARTS), LIMB_DISTANCE) else sign
    if sign == STRING_PULL:
        return "pain_spreading" if _parts(sentence, "leg", "saddle") else sign
    return None


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


# "pain 6/10 at discharge", "since discharge": leaving hospital, not a wound's discharge
DISCHARGE_WHEN = {"at", "since", "on", "after", "from", "before", "post", "till", "until"}
URINE_DRAINING = re.compile(r"\b(catheter|urine|bag|bladder)\b")
GAVE_ME_THE = re.compile(r"\b(gave|gives|give|giving|got|get|gets|gotten) (me|us|her|him|them) (the )?(shivers?|chills?)\b")
# "your prices take my breath away", "it took my breath away": wonder or shock, not breathing
PRICE_TAKES_BREATH = re.compile(r"\b(take|takes|took|taking|taken)( my| your| her| his| the)? breath away\b")


# "I feel like I can't breathe with the stress ... I don't mean actual breathing": the
# writer says the words after which this comes were a figure of speech
SAID_FIGURATIVELY = re.compile(
    r"\b(don'?t|do not|didn'?t|did not) mean (it |that |i'?m |i was )?(actual|actually|literal|literally|real|really"
    r"|physical|physically|my actual|my real|in my body|my body)\b|\bnot literally\b|\bfiguratively\b"
)
FIGURATIVE_REACH = 2  # sentences after the mention that may explain it


def _said_after(mention: Span, sentences: int) -> str:
    """The words after the mention, to the end of its sentence and `sentences` more."""
    doc = mention.doc
    window = [s for s in doc.sents if s.start >= mention.sent.start][:sentences + 1]
    return doc.text[mention.end_char:window[-1].end_char].lower()


def _explained_as_a_figure(mention: Span) -> bool:
    return bool(SAID_FIGURATIVELY.search(_said_after(mention, FIGURATIVE_REACH)))


# Tired, not a nerve sign: "legs are heavy and achy after 9 miles but they work fine,
# just tired"; "she is only feeling weakness, like tired all day" (no limb named)
HEAVY_OR_TIRED = ("heavy", "tired")
LEGS_WORK = re.compile(r"\b(they|legs|both|they'?re|they are)( still| both)? (work|working|move|moving|are working)"
                       r"( fine| ok| okay| normally| properly| perfectly)\b|\bjust tired\b")
WEAK_AS_TIRED = re.compile(r"^\W*(like|as in|i mean|meaning|more like|just|kind of|sort of)?\s*(so |very |really |always |all )?"
                           r"(tired\w*|fatigue\w*|exhaust\w*|no energy|low energy|sleepy|drained|run down|lethargic|worn out)\b")


def _tired_not_weak(mention: Span) -> bool:
    doc, text = mention.doc, mention.text.lower()
    if any(w in text for w in HEAVY_OR_TIRED):
        return bool(LEGS_WORK.search(_said_after(mention, 1)))
    if text in ("weakness", "weak", "feeling weak", "weakness all over"):
        return bool(WEAK_AS_TIRED.match(doc.text[mention.end_char:].lower())) \
            and not _near(mention, _parts(mention.sent, *LIMB_PARTS), LIMB_DISTANCE)
    return False


def _idiom(mention: Span, sign: str) -> bool:
    """Everyday phrases that only look like a sign ("I can't stand this waiting")."""
    doc, sentence = mention.doc, mention.sent
    if _explained_as_a_figure(mention):
        return True
    if sign == "nerve_symptoms" and _tired_not_weak(mention):
        return True
    following = doc[mention.end] if mention.end < len(doc) else None
    after = following.lower_ if following is not None else ""
    after2 = doc[mention.end + 1].lower_ if mention.end + 1 < len(doc) else ""
    before = [t.lower_ for t in doc[max(mention.start - 3, 0):mention.start]]
    text = mention.text.lower()
    lowered = sentence.text.lower()
    if mention.ent_id_ == "sudden_weakness" and mention[-1].lower_ == "stand":
        return following is not None and not following.is_punct and following.lower_ not in STAND_FOLLOWERS
    if sign in ("nerve_symptoms", "sudden_weakness", "saddle_numbness") or mention.ent_id_ == LEGS_JELLY:
        # "I'm on pins and needles waiting for the results"
        if "pins" in text and before and before[-1] == "on":
            return True
        # "I went numb when I saw the bill", "legs went to jelly when he told the joke"
        if any(w in text for w in JELLY_WORDS) and STILL_WALKING.search(lowered):
            return True  # "legs like jelly after the gym but I could walk fine"
        # numb with no limb next to it ("went numb when I saw the bill ... back is good")
        limbs = _parts(sentence, *SPINAL_PARTS, "face")
        shaken = any(w in text for w in JELLY_WORDS) or ("numb" in text and not _near(mention, limbs, FACE_DISTANCE)) \
            or mention.ent_id_ == "sudden_weakness"
        # "my legs went soft when I saw the bill, I almost fell down": it did not happen
        could_not = INABILITY.search(re.sub(r"\b(almost|nearly) (fell|collapsed|went down|hit the floor)\b", "", lowered))
        if shaken and EMOTION.search(lowered) and not could_not and "numbness" not in text:
            return True
        # "my feet are dead sore": "dead" says "very"
        if mention[-1].lower_ == "dead" and after in DEAD_AS_VERY:
            return True
    if sign == "infection_signs" and text.startswith(("burning up", "boiling up")) and after == "with":
        return after2 not in NOT_A_FEVER  # "burning up with curiosity"
    if sign == "infection_signs" and text.startswith("fever") and (
            (after == "with" and after2 not in NOT_A_FEVER) or after == "pitch"):
        return True  # "SO feverish with excitement", "at fever pitch"
    if sign == "posture_change":
        if text == "hunch" and (after in HUNCH_FOLLOW - {"was", "is"} or (after in ("is", "was") and after2 in HUNCH_AFTER_IS)
                                or (before[-2:] == ["just", "a"]) or (before and before[-1] in ("gut", "on"))):
            return True  # "I have a hunch that it's the cement"
        if any(t.lower_ in CLOTHES for t in mention) and WEIGHT_CHANGE.search(doc.text.lower()):
            return True  # clothes that fit differently after losing weight
        if mention[0].lower_.startswith("los") and ROUND_THE_MIDDLE.match(doc.text[mention.end_char:].lower()):
            return True  # "lost two inches off my waist": weight, not height
    if sign == "pain_spreading" and set(before) & INJECTED:
        return True  # "the needle went into my buttock"
    if sign == "bladder_bowel_control" and (after in LAUGHING or (after in ("with", "from") and after2 in LAUGHING)):
        return True  # "I nearly wet myself laughing"
    if sign == "bladder_bowel_control" and before[-1:] and before[-1] in NOT_QUITE:
        return True  # "I almost peed myself": it did not happen
    if sign == "shortness_of_breath" and after in ("with", "from") and after2 in LAUGHING:
        return True  # "breathless with excitement"
    if sign == "shortness_of_breath" and PRICE_TAKES_BREATH.search(doc.text[max(mention.start_char - 40, 0):mention.end_char + 30].lower()):
        return True  # "your prices take my breath away": the bill, not breathing
    if sign == "shortness_of_breath" and after in BUSY_ERRANDS:
        return True  # "out of breath chasing these letters": busy, not breathless at rest
    if sign == "infection_signs" and text == "discharge" and (
            after in DISCHARGE_PAPERWORK or before[-1:] and before[-1] in DISCHARGE_WHEN):
        return True  # "planning to discharge from the caseload", "her discharge summary", "6/10 at discharge"
    if sign == "infection_signs" and text.startswith("drain") and URINE_DRAINING.search(lowered):
        return True  # "catheter draining well, clear urine": the bag, not the wound
    if sign == "infection_signs" and text.startswith(("shiver", "chill", "the shiver", "the chill")) and (
            GAVE_ME_THE.search(doc.text[max(mention.start_char - 20, 0):mention.end_char].lower())):
        return True  # "gave me the shivers": fear, not a chill
    if sign == "infection_signs" and text.startswith(("shiver", "chill")) and SPINE_SHIVER.match(
            doc.text[mention.end_char:].lower()):
        return True  # "shivers down my spine when I think about it": fear, not a chill
    if mention.ent_id_ == "pain_worse" and text == "relapse":
        near = {t.lower_ for t in doc[max(mention.start - 3, 0):min(mention.end + 3, len(doc))]}
        return not near & RELAPSE_OF  # "the consultant said the word relapse": the cancer, not the pain
    return False


def resolve_mentions(doc: Doc, idioms: Optional[List[Tuple[Span, str]]] = None) -> List[Tuple[Span, str]]:
    """The symptom mentions that may be signs, with their sign. Sign words used as a
    figure of speech ("I went numb when I saw the bill") are left out, and put in
    `idioms` when given: kept with the role "idiom", they explain the learned readings
    of those same words (actions/triage/detection.py), as a denial does. Each mention
    is read once: composing a sign from its halves reads the whole message."""
    resolved = []
    for ent in doc.ents:
        if ent.label_ not in (SYMPTOM, SYMPTOM_DENIED):
            continue
        sign = _composed_sign(ent)
        if not _idiom(ent, sign):
            resolved.append((ent, sign))
        elif idioms is not None:
            idioms.append((ent, sign))
    return resolved


# "I'm the husband of a patient", "I'm her daughter": the writer says whose relative they are
RELATIVE_OF = re.compile(
    r"\b(i'?m|im|i am|this is)( the| her| his| their| a| the patient'?s)? (husband|wife|son|daughter|partner|carer"
    r"|grandson|granddaughter|niece|nephew|brother|sister|spouse)( of\b| here\b|[,.!]|$)"
)


# "mum's the one who had the kyphoplasty", "it's me not mum this time", "from lifting
# her all day": the writer is not the patient (the carer's own signs are then theirs)
NOT_THE_PATIENT_WRITING = re.compile(
    rf"\b({RELATIVE_NAMES}|she|he)('s| is| was) the one (who|that|whos|who's) (had|has had|got|went)\b"
    rf"|\b(it'?s|its|it is) (me|myself),? (not|and not|rather than) (my |poor )?({RELATIVE_NAMES})\b"
    # "I'm the one who usually drives Dad to your clinic"
    rf"|\b(drive|drives|driving|take|takes|taking|bring|brings|bringing) (my |our )?({RELATIVE_NAMES}|her|him)"
    r" (to|in to|into) (your|the|his|her|their) (clinic|appointments?|hospital|follow-?ups?|check-?ups?)\b"
    rf"|\b(lifting|helping|carrying|nursing|bathing|dressing|turning|pushing) (my |poor )?(her|him|{RELATIVE_NAMES}|hooyo)"
    r"\b( (in|out|up|about|around|all|on|off|into|onto))?"
    # the patient set against the writer: "she's doing better than I am", "it's me
    # that's falling apart"
    rf"|\b({RELATIVE_NAMES}|she|he)('s| is) doing (a lot |much |far |way |loads )?better than (i am|me|i'm)\b"
    r"|\b(it'?s|its|it is) me (that'?s|thats|who'?s|whos|that is|who is) (falling apart|struggling|suffering|in bits"
    r"|a wreck|the wreck|worn out|knackered|exhausted|poorly|aching|hurting)\b"
)


def _says_carer(text: str) -> bool:
    """"I look after my mum", "writing for my dad", "I'm the husband of a patient",
    "it's me not mum this time": the writer says they care for her."""
    return any(cue in text for cue in CAREGIVER_CUES) or bool(RELATIVE_OF.search(text)) \
        or bool(NOT_THE_PATIENT_WRITING.search(text))


# "my mum had kyphoplasty", "our dad had his op in May" (not "my sister had the same op")
RELATIVE_HAD_PROCEDURE = re.compile(
    rf"\b(my|our) ({RELATIVE_NAMES}) (had|has had|'s had|got|underwent|went in for)( her| his| the| a| their)?( back| spine)?"
    r" (kypho\w*|procedure|operation|op|surgery|vertebroplasty|cement|balloon)\b"
)


def caregiver_voice(doc: Doc, signs: Set[str] = frozenset(), mentions: Sequence[Span] = ()) -> bool:
    """Someone speaking for the patient: the writer says they care for the patient, or
    a close relative had the procedure, or has an emergency sign now (whoever has
    it, the advice is the emergency number). Not when the writer is the patient
    comparing notes with a relative's story."""
    text = doc.text.lower()
    if _says_carer(text) or (CARE_REFERENCE.search(text) and not _own_procedure(doc)):
        return True
    third = THIRD_PERSON_PROCEDURE.search(text)
    if third and not NEGATION_IN.search(third.group(0)) and not ACQUAINTANCE.search(text) \
            and not _own_procedure(doc) and not ANECDOTE.search(text):
        return True  # "he's 81, had the kyphoplasty last month": writing about the patient
    if RELATIVE_HAD_PROCEDURE.search(text) and not _own_procedure(doc) and not WRITER_IS_PATIENT.search(text):
        return True  # "my mum had kyphoplasty 9 weeks ago ... is that normal?": her carer asking
    if KID_HAD_PROCEDURE.search(text) and not _own_procedure(doc) and not ANECDOTE.search(text):
        return True  # "our kid had his kypho last month": a brother's (Northern English), cared for
    if not _close_relative_named(doc) or _own_procedure(doc) or ANECDOTE.search(text) \
            or WRITER_IS_PATIENT.search(text):
        return False
    if NO_OPERATION.search(text):
        return False  # "my sister has a fever, she hasn't had any operation"
    has_procedure = any(ent.label_ == PROCEDURE for ent in doc.ents)
    if ABROAD.search(text) and not has_procedure:
        return False  # "my brother in Canada is short of breath": not the patient
    # A close relative with a sign, written to a kyphoplasty clinic: the patient, unless
    # the message says otherwise (above). Carers and relatives rarely name the procedure
    # ("my mother getting shorter, her skirts dragging"). A relative named beside the
    # writer's own signs ("I walked round the lake with my sister") is not one.
    return has_procedure or bool(set(signs) & EMERGENCY_SIGN_KEYS) or any(_relatives_sign(m) for m in mentions)


def _relatives_sign(mention: Span) -> bool:
    """The relative is the one with the sign: ConText tied the relative to it, or it is
    hers or his ("her skirts", "she keeps catching her toe")."""
    if any(_names_relative(mention.doc, m) for m in mention._.modifiers):
        return True
    return _third_person_owner(mention)


# The writer speaks as the patient ("I'm 5 weeks after my T10 kypho", "since my op",
# "my own back is doing nicely", "while I'm recovering", "only me"): someone else they
# mention is not the patient.
WRITER_IS_PATIENT = re.compile(
    r"\b(i'?m|i am|im) (\w+ )?(weeks?|wks?|days?|months?) (out|post|after|since)\b"
    r"|\bmy (own )?(back|spine|recovery|kypho\w*|needle marks?|needle sites?|scar)\b"
    r"|\b(i'?m|i am|im) (still )?(recovering|healing)\b|\bwhile (i|my back) (recover|heal)\w*\b"
    r"|\bonly me\b|\bi had (the|my|a) (back |spine |spinal )?(procedure|op|operation|kypho\w*|surgery)\b"
    r"|\b(after|since|from|before) my (\w+ )?(kyp\w*|procedure|operation|op|surgery|vertebroplasty)\b"
    r"|\bi (had|'ve had|have had|ve had) (my|the|a) (\w+ )?(kyp\w*|procedure|operation|op|surgery|vertebroplasty)\b"
    r"|\b(my|mine) (\w+ )?(kyp\w*|procedure|operation|op|surgery|vertebroplasty) (was|is)\b"
    r"|\bmine(?:'s| is) (grand|fine|good|ok|okay|great|doing|healing|better|healed)\b"
    # "I'm grand myself, back is healing well": not "I'm fine myself, mum's back is sore"
    rf"|\b(i'?m|i am|im) (grand|fine|ok|okay|good|well|alright|great|doing (well|fine|ok|okay|great|grand|good)) myself"
    rf"\b(?=(?:(?!\b(her|his|their|she|he|hers|{RELATIVE_NAMES})\b)[^.!?]){{0,30}}\b(back|recovery|healing|kypho\w*|op|operation"
    r"|procedure)\b)"
)
# "not about nan this time, I keep getting chest tightness", "asking for myself": the
# writer's own signs in this message are not the patient's.
ABOUT_THE_WRITER = re.compile(
    rf"\b(not|nothing) (about|for|to do with) (my |our )?({RELATIVE_NAMES})\b"
    r"|\b(asking|question|writing|message|this one'?s|this is) (for|about) (me|myself)\b"
)


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
    return any(_names_relative(doc, m) for m in graph.modifiers)


def _names_relative(doc: Doc, modifier) -> bool:
    """A ConText modifier naming a close relative: the FAMILY rules, or "mum says her
    legs are like jelly", the relative's words relayed (that rule also reads "my friend
    says", who is not a relative)."""
    if modifier.category.upper() == "FAMILY":
        return True
    if modifier.rule.literal != "relative says":
        return False
    start, end = modifier.modifier_span
    words = [t.lower_ for t in doc[start:end] if t.lower_ not in ("my", "our", "elderly", "best")]
    return bool(words) and bool(RELATIVE_WORDS.search(words[0]))


OTHER_PEOPLE = {"FAMILY", "OTHER_PERSON"}
NOT_PATIENT = "NOT_PATIENT"  # an animal, a child, someone on the screen (nlp/context_rules.json)
WRITER_SELF = "WRITER_SELF"  # "my own", "it's me who": the writer's own body
DOUBLE_NEGATION = "DOUBLE_NEGATION"  # "I can't say", "it's not like": denies the denial after it
NEGATED, HISTORICAL, HYPOTHETICAL = "NEGATED_EXISTENCE", "HISTORICAL", "HYPOTHETICAL"
NEGATION_WORDS = {"not", "n't", "nt", "never", "no", "cannot"}
THIRD_PARTY = {"her", "his", "their"}
OWNER_DISTANCE = 2
THIRD_SUBJECTS = {"he", "she"}
SUBJECT_DISTANCE = 4

# A relative the writer names, in any form ("not mum"): the writer may be their carer.
RELATIVE = re.compile(rf"\b({RELATIVE_NAMES}|grandfather|grandmother)\b")
# A relative who is not the patient: "my brother in Canada", "she hasn't had any operation"
ABROAD = re.compile(
    r"\b(abroad|overseas|another country|(lives|living|live|based|staying|back home|out|over) in \w+"
    r"|in (australia|canada|america|the us|the usa|the states|new zealand|spain|france|india|pakistan|ireland"
    r"|nigeria|jamaica|germany|italy|portugal|poland|south africa|the philippines|dubai|cyprus|greece|scotland))\b"
)
NO_OPERATION = re.compile(
    r"\b(has|have|had|'s|s|is|was|do|does|did)(n't|nt| not| never)( had| been| have| has)? (any|an|the|a|had)? ?"
    r"(back |spine |spinal )?(op|operation|surgery|procedure"
    r"|kyphoplasty|vertebroplasty)\b|\bno (op|operation|surgery|procedure|kyphoplasty)\b"
    r"|\bnever had (the|an|any|a)? ?(op|operation|surgery|procedure|kyphoplasty)\b"
)

# A question or worry that reports the sign: said as happening now ("is it normal that my
# calf has been tingly since Monday?", "should I be worried that I get out of breath
# just sitting here?"). Conditionals keep it a question ("should I worry if I get a fever").
REPORT = re.compile(
    r"\b(keeps?|kept|keep on|has been|have been|'s been|since|today|tonight|right now|at the moment|currently"
    r"|this (morning|afternoon|evening|week)|all (day|night|morning|week)|every (day|night|morning|time)|again"
    r"|still|lately|recently|these days|yesterday|last night|started|starting|i get|i'?m getting|i am getting"
    r"|i keep|i'?ve got|i have|i'?ve had|i'?m having|i am having|just sitting|sitting here|lying here"
    r"|for (\d+|a|one|two|three|four|five|few|couple of|several) (days|weeks|hours|nights)"
    r"|(my|the|this|her|his) \w+ (is|are|has|have|feels?|went|gone|gave|keeps?|won'?t|can'?t|isn'?t))\b"
)
CONDITIONAL = re.compile(r"'ll\b|\b(if|whether|whenever|ever|in case|suppose|supposing|would|could|might|will|going to"
                         r"|gonna|may|when)\b")
OWNED = {"my", "this", "these", "her", "his", "our"}
# "what does an infected site look like?": asks what a sign is like, reports nothing
LOOKS_LIKE = re.compile(r"^\W*(what|how)\b[^.?!]*\b(look|looks|feel|feels|sound|sounds|seem) like\b")
SAYS_OWN = re.compile(r"\b(this|my|mine|i have|i'?ve got|i'?m)\b")

# A list denied afterwards: "fever, chills, redness: none of those", "numbness or tingling?
# no to both", "bladder, bowels, all normal"
LIST_GLUE = {",", ";", ":", "?", "-", "/", "&", "—", "–", "...", "…", "or", "and", "nor", "any", "of", "the",
             "my", "at", "in", "on", "around", "near", "either", "both", "a", "an", "some", "also", "plus",
             "with", "or?", "what", "about", "like", "'s",
             # where on the body, when it is not a body part of its own ("the needle spot")
             "spot", "site", "area", "wound", "incision", "scar", "dressing", "mark", "marks", "bit"}
LIST_LEADS = {"about", "re", "regarding", "asked", "for", "as", "as for", "you", "question"}
LIST_DENIAL = re.compile(
    r"^(none|nope|nah|naw|no|neither|negative|nothing|nae|never|not really|not at all)"
    r"(?=\s*($|[,.!?;:()]|(to|thanks?|i|none|not|never|both|all|neither|sorry|really|at|of|those|them|these|that|it"
    r"|nothing|either|whatsoever|way|one|nor|nothin)\b))"
    r"|^(all|both|everything'?s?|everything is|they'?re all|all of them|both are) (normal|fine|ok|okay|good|clear|grand|alright)\b"
    r"|^not any( of)?\b"
)
# Still there after all: "it was there before the op and it's still there"
ONGOING = re.compile(
    # back again, or worse: "it stopped for a day but it's back", "it's gone worse"
    r"\b(gone|got|getting|grown|become|went) (worse|bad|numb|weak|dead|funny)\b"
    r"|\b(it'?s|its|they'?re|it is|it has|they have|has|have|is) (come |came )?back\b"
    r"|(?<!never )(?<!n't )(?<!not )(?<!nt )(?<!no )(?<!nae )\b(came|come|coming) back\b"
    r"|\b(it|they|that|this|which|she|he|its)('s|s| is| are|'re| has| have)? still\b"
    r"|\bstill (there|here|present|with me|with her|with him|going|the same|as bad|ongoing|around|have it|has it|got it"
    r"|get it|have them|got them|feel it|having it)\b"
    r"|\b(has|have|had|is|was|did|does)(n'?t| not| never) (gone|left|stopped|eased|settled|cleared|improved|go|leave|stop"
    r"|clear|settle|ease|improve)\b"
    r"|\bnever (went|gone|goes|left|stopped|cleared|settled|eased)\b|\bnot gone\b|\bto this day\b"
    r"|\b(been|it'?s been|its been) like (that|this) (for|since)\b"
    r"|(?<!fine )(?<!well )(?<!ok )(?<!better )(?<!good )\bever since\b"
    r"|(?<!never )(?<!n't )(?<!nt )(?<!not )(?<!no )(?<!nae )\b(came|come|comes|coming) back\b|\bback again\b"
)
# "could it come back?", "terrified it'll all come back": a fear, not the sign back
FEARED = re.compile(r"\b(could|would|will|'ll|might|may|can|if|should|whether|in case|chance|chances|risk"
                    r"|hope|hoping|stop|prevent)\b")
FEARED_DISTANCE = 4  # words before the match


def _ongoing(text: str, mention_length: int = 0) -> bool:
    """Still there, or back: said of now, not feared or asked about. The words of the
    mention itself ("bum went numb") are the sign, not news that it is still there."""
    for match in ONGOING.finditer(text):
        if match.end() <= mention_length:
            continue
        # within its clause: "doctor said it will go after, but it is still there"
        clause = re.split(r"[,.;!?]|\bbut\b", text[:match.start()])[-1]
        before = " ".join(re.findall(r"[a-z']+", clause)[-FEARED_DISTANCE:])
        asked = re.match(r"[^.!?,;]{0,25}\?", text[match.end():])  # "does it come back?"
        if not FEARED.search(before) and not asked:
            return True
    return False


# It recurs, said before it went away: "my feet keep falling asleep, it went away after a minute"
RECURS = re.compile(r"\b(keeps?|kept|keep on|always|every (time|day|night|morning)|all the time|constantly|on and off"
                    r"|comes and goes|come and go)\b")
NOT_QUITE = {"almost", "nearly", "practically", "virtually", "mostly", "half", "partly"}
# "pins and needles in my foot, but since the op that's completely gone": said to be
# gone after the mention, pointing back at it, in its sentence or the next one.
RESOLVED_LATER = re.compile(
    r"\b(that|it|they|those|these|this|all (of )?(that|it|this|them|those))('s|s| is| are|'re| has| have|'ve| was| were)?"
    r"( now| since| all| then)?( been)?( completely| totally| all| long| well and truly| entirely)?"
    r" (gone|went away|went off|cleared( up)?|disappeared|stopped|passed|settled|resolved|vanished|wore off|worn off|went after"
    r"|went(?= (completely|entirely|overnight|quickly|by|within|after|in (a|an|\d+|the|few|under)|as soon as|once|when"
    r"|later|soon|straight away|right away|the (next|same|following)|that (day|night|evening|afternoon|morning))\b))\b"
    r"(?!\s+(worse|bad|numb|weak|dead|cold|funny|stiff|into|down|up|to|through|on)\b)"
)
# Gone, in other words: "the steroids cleared it", "all sorted since", "nothing since",
# "it was fine as soon as he stood up", "since the op they're right as rain", and
# learners' "it go away and never come back" (not "does it go away?"; "it goes off when
# I sit" is how it comes and goes).
RESOLVED_OTHERWISE = re.compile(
    r"\b(cleared|sorted|fixed|cured|settled|shifted|got rid of) (it|that|them|those)( up| out)?\b"
    r"|\b(all|been|was|got|it'?s|its) sorted( out| since| now| quickly)?\b|\bsorted itself( out)?\b"
    r"|\b(nothing|none|no more|nowt|not a thing)( at all)? (like (it|that) )?since\b(?! (has|have|had|helps|helped|works|worked|touches))"
    r"|\b(haven'?t|have not|hasn'?t|has not|not) (had|felt|noticed) (it|that|them|any|anything)( like (it|that))? (again|since)\b"
    r"|\b(it|they|that|he|she|i) (was|were) (fine|ok|okay|grand|normal|alright)( again)? (as soon as|once|after|when|by|within)\b"
    # "Been fine since.", "it's been fine since": not "his back's been ok since the op" (another thing)
    r"|(?:^|[.,;!?]\s*)(been|all|fine|ok|okay)( (fine|ok|okay|grand|alright|good|clear|right))? (ever )?since\b"
    r"|\b(i'?ve|ive|she'?s|he'?s|it'?s|its|it has|i have) been (fine|ok|okay|grand|alright|good|clear) (ever )?since\b"
    r"|\b(they'?re|they are|it'?s|its|it is|that'?s|both)( now| all| been)? (right as rain|back to normal|normal again"
    r"|fine again|good as new)\b"
    # a fever measured normal since, a recovery in a set phrase: "temp normal since Mon",
    # "since the transfusion I'm a new woman"
    r"|\b(temp|temps|temperature|temperatures)( has| have| had)?( been| is| was| are| were)?( back)?( to)?"
    r" (normal|fine|ok|okay|settled|down)( again)? (since|ever since|from)\b"
    r"|\b(i'?m|i am|im|she'?s|he'?s|she is|he is) (like )?a new (woman|man|person)\b"
    r"|(?<!does )(?<!do )(?<!did )(?<!will )(?<!would )(?<!should )(?<!could )(?<!can )(?<!might )(?<!to )"
    r"\b(it|they|that) go away\b(?![^.!?,;]{0,25}\?)"
    # tersely and in dialect: "gone since. fine", "it wis awa by the mornin", "it's no come back"
    r"|(?:^|[.,;!]\s*)(all )?(gone|went|stopped|cleared|settled) since\b"
    # "Went as soon as I moved it", "Went away after the first hole", "wore off by lunch"
    r"|(?:^|[.;!]\s*)(and |but )?(went|went away|went off|wore off|cleared( up)?|passed|settled( down)?)"
    r" (as soon as|once|when|after|by|within|overnight|later|soon|straight away|right away|in (a|an|\d+|no time)"
    r"|the (next|same|following))\b"
    # breathless, then not: "got my breath back within a couple of minutes"
    r"|\b(got|get|getting|caught|catch) (my|her|his|their) breath back\b"
    r"|\b(wis|was|it'?s|is|were|went|gaun|gone|aw) awa\b|\b(it'?s|it has|its|has) (no|nae|not|never) (come|came) back\b"
    # in the other languages of nlp/other_languages.py: "ya se le quitó", "chali gayi", "nawala na"
    r"|\b(ya )?se (me |le )?(quit[oó]|pas[oó])\b|\bya pas[oó]\b|\b(chala|chali|chale) (gaya|gayi|gaye)\b"
    r"|\b(theek|thik|khatam) ho (gaya|gayi|gaye)\b|\b(nawala|wala) na\b|\bkhalas\b|\bj[aá] passou\b|\bsumiu\b"
    r"|\bprzesz(ło|lo|ła|la)\b|\bmin(ę|e)ło\b|\bh[eế]t r[oồ]i\b|\bпрош(ло|ла|ёл|ел)\b"
)
# "I had carpal tunnel done years ago and that cleared up": "that" is the other thing
OTHER_EVENT = re.compile(r"\b(had|got|have had|'ve had|ve had)\b(?! been)[^.!?]*\b(done|ago|years|op|operation|surgery"
                         r"|injection|injections|treatment|removed|fixed|replaced)\b")
COMPARED_WITH = {"than", "as"}
# Gone, said right after the sign without a pronoun, as notes are written:
# "paraesthesia L foot day 1, resolved within a few hours, nil since"
RESOLVED_AFTER = re.compile(
    r"^[^.?!;]{0,60}?(?<!not )(?<!n't )(?<!nt )(?<!never )(?<!hasn't )(?<!hasnt )"
    r"\b(resolved|wore off|worn off|went away|cleared up|settled (down|quickly|overnight|by|within))\b"
)
NEW_SINCE = re.compile(r"\bbefore\b(?=\s*($|[,.!?;]|(and|but|now|today|this|in my life)\b))|\b(till|until) (now|today|this)\b")


def _kind(modifier) -> str:
    return (getattr(modifier.rule, "metadata", None) or {}).get("kind", "")


def _carer_context(doc: Doc, caregiver: bool) -> bool:
    """The writer cares for someone else (and is not the patient)."""
    if _own_procedure(doc):
        return False
    return caregiver or _close_relative_named(doc) or bool(RELATIVE.search(doc.text.lower()))


# A question about a sign, answered by the writer: "is it normal to cough up a bit of
# blood? been doing it since saturday", "can you ask if grandad's chest pain is from the
# op? he's had it since breakfast", "what's the number if you're struggling to breathe,
# asking cos I am a bit now".
HAVE_IT = re.compile(
    r"^\W*(and |but |cos |because |as )?(i'?ve|ive|i have|he'?s|hes|she'?s|shes|he has|she has|they'?ve|we'?ve"
    r"|i'?ve been|been|had|having|getting|it'?s|its|it has|this has|that has|it)\b[^.!?]{0,30}?"
    r"\b(it|this|that|them|those|one)\b[^.!?]{0,20}?\b(since|for (\d+|a|an|one|two|three|few|couple|several|the last)"
    r"|all (day|night|morning|week)|(this|last) (morning|night|week)|now|today|yesterday|every (day|night))\b"
    # "mine started yesterday", "hers has been going on since monday"
    r"|^\W*(and |but )?(mine|mines|hers|his|ours)\b[^.!?]{0,25}?\b(started|began|since|for (\d+|a|an|one|two|three|few"
    r"|couple|several)|all (day|night|week)|(this|last) (morning|night|week)|today|yesterday)\b"
    # "is it normal to get tingling in both feet? been there since monday"
    r"|^\W*(and |but |it'?s |its |it has |they'?ve |they have )?been (there|here|going on|happening|like (that|this))"
    r"( \w+)? (since|for (\d+|a|an|one|two|three|few|couple|several|the last))\b"
)
NOT_AN_ANSWER = re.compile(r"\b(worried|worry|scared|afraid|thinking|wondering|reading|read|heard|seen)\b")
ASKING_BECAUSE = re.compile(
    r"\b(because|cos|coz|cuz|cause|as) (i|he|she|they|we)('?m| am|'?s| is|'re| are|'ve| have| has)( got| been)?"
    r"(?P<what> it| them| a bit| a little| quite| really| so| like (?:that|this)| the same)?(?P<when> now| right now"
    r"| at the moment)?\b"
    r"(?! (worried|scared|afraid|not|never))"
)


def _answered_now(mention: Span) -> bool:
    """The writer says, right after asking, that it is happening (see HAVE_IT)."""
    doc, sentence = mention.doc, mention.sent
    rest = doc.text[mention.end_char:sentence.end_char].lower()
    asking = ASKING_BECAUSE.search(rest)
    if asking and (asking.group("what") or asking.group("when")):
        return True
    following = [s for s in doc.sents if s.start >= sentence.end][:1]
    if not following or any(e.label_ in (SYMPTOM, SYMPTOM_DENIED) for e in following[0].ents):
        return False
    text = following[0].text.lower()
    return bool(HAVE_IT.search(text)) and not NOT_AN_ANSWER.search(text) and not CONDITIONAL.search(text)


def _reported_now(mention: Span, cues) -> bool:
    """A question or worry about a sign said as happening now."""
    if _answered_now(mention):
        return True
    if any(_kind(m) not in ("concern", "fear") for m in cues):
        return False
    doc, sentence = mention.doc, mention.sent
    if any(_kind(m) == "fear" and doc[m.modifier_span[1] - 1].lower_ == "of" for m in cues):
        return False  # "terrified of my legs giving way"
    covered = {i for m in cues for i in range(*m.modifier_span)}
    text = " ".join(t.text for t in sentence if t.i not in covered).lower()
    if CONDITIONAL.search(text):
        return False
    owned = {t.lower_ for t in doc[max(mention.start - 2, sentence.start):mention.start]} & OWNED
    return bool(REPORT.search(text) or owned)


# "Like if my legs went numb on the back nine or I got pain going down my leg, would
# that mean go home?": everything in the if-clause of a "would" question is supposed.
# Not "if I sit for long my legs go numb, is that normal?", said of what happens.
IF_OPENER = re.compile(r"^\W*(like |so |and |but |say |or |and what |what )?(if|suppose|supposing)\b")
WOULD_AFTER = re.compile(r"^\W*(then )?(would|wd|what would)\b")


def _supposed_in_a_would_question(mention: Span) -> bool:
    sentence = mention.sent
    text = sentence.text.lower()
    comma = text.find(",", mention.end_char - sentence.start_char)
    return bool(IF_OPENER.match(text)) and text.rstrip().endswith("?") and comma >= 0 \
        and "," not in text[:mention.start_char - sentence.start_char] and bool(WOULD_AFTER.match(text[comma + 1:]))


def _hypothetical(mention: Span, modifiers) -> bool:
    if _supposed_in_a_would_question(mention):
        return True
    cues = [m for m in modifiers if m.category.upper() == HYPOTHETICAL]
    if cues:
        return not _reported_now(mention, cues)
    sentence = mention.sent.text.lower()
    return bool(LOOKS_LIKE.search(sentence) and not SAYS_OWN.search(sentence))


def _list_glue(token) -> bool:
    """Words that may stand between the items of a listed denial ("fever, chills,
    redness at the needle spot: none of those"): separators, symptoms, body parts."""
    if token.lower_ in LIST_GLUE or token.ent_type_ in (SYMPTOM, SYMPTOM_DENIED, BODY_PART):
        return True
    return any(p.start <= token.i < p.end for p in token.doc.spans.get(BODY_PART_SPANS, ()))


# A list (a form's, a leaflet's) denied in a later sentence: "numbness, tingling,
# weakness, bladder problems - tick whichever apply. I don't have any of those";
# not "none of those except the tingling"
THOSE_DENIED = re.compile(
    r"(\b(don'?t|do not|haven'?t|have not|never|didn'?t|did not) (have|had|get|got|experience\w*|suffer\w*|notice\w*)"
    r"( from)? (any|either) (of )?|\bnone of |\b(neither|not one) of )(those|them|these|the above)\b"
    r"(?!\s+(other|else|extra|things))"
)
EXCEPT = re.compile(r"^\W*(\w+\W+){0,3}?(except|apart from|other than|besides|bar|but|only|save)\b")
LIST_DENIAL_SENTENCES = 2  # "... tick whichever apply. I don't have any of those"


def _in_a_list(mention: Span) -> bool:
    """Next to another symptom with only list words between ("numbness, tingling")."""
    doc = mention.doc
    for step, edge in ((-1, mention.start - 1), (1, mention.end)):
        i, other_words = edge, 0  # "weakness, bladder or bowel problems": one word of its own
        while 0 <= i < len(doc) and doc[i].ent_type_ not in (SYMPTOM, SYMPTOM_DENIED) and other_words <= 1:
            other_words += not _list_glue(doc[i])
            i += step
        if 0 <= i < len(doc) and i != edge and doc[i].ent_type_ in (SYMPTOM, SYMPTOM_DENIED):
            return True
    return False


def _list_denied_later(mention: Span) -> bool:
    """A list quoted, then denied: not one the writer reports ("I have numbness and
    tingling since Monday ... none of those other things")."""
    if not _in_a_list(mention) or REPORT.search(mention.sent.text.lower()):
        return False
    text = _said_after(mention, LIST_DENIAL_SENTENCES)
    return any(not EXCEPT.match(text[m.end():]) for m in THOSE_DENIED.finditer(text))


def _denied_in_list(mention: Span) -> bool:
    """The mention is one of a bare list that a denial follows."""
    doc = mention.doc
    if _answered_no(mention) or _list_denied_later(mention):
        return True
    i = mention.start - 1
    # an earlier item may carry its own answer: "chest pain, yes, breathlessness, no"
    while i >= 0 and (_list_glue(doc[i]) or doc[i].lower_ in ("yes", "no", "yeah", "yep")) \
            and doc[i].lower_ not in ("about", "for"):
        i -= 1
    if i >= 0 and doc[i].lower_ not in LIST_LEADS and doc[i].lower_ not in (".", "!", "\n"):
        return False
    j = mention.end
    while j < len(doc) and _list_glue(doc[j]):
        j += 1
    if j >= len(doc) or j == mention.end:
        return False
    return bool(LIST_DENIAL.search(doc.text[doc[j].idx:].lower()))


QUESTION_MARKS = {"?", "-", ":", "–", "—", "=", "->"}
ANSWER_DISTANCE = 5  # "redness at the needle holes - no": words of where before the mark


def _answered_no(mention: Span) -> bool:
    """A checklist item answered no: "fever? no.", "redness at the needle holes - no",
    wherever the list starts."""
    doc = mention.doc
    j = mention.end
    while j < min(mention.end + ANSWER_DISTANCE, len(doc)) and doc[j].lower_ not in QUESTION_MARKS \
            and not doc[j].is_sent_start and doc[j].ent_type_ not in (SYMPTOM, SYMPTOM_DENIED) and doc[j].lower_ not in ".!,;":
        j += 1
    if j >= len(doc) or doc[j].lower_ not in QUESTION_MARKS:
        return False
    j += 1
    return j < len(doc) and bool(LIST_DENIAL.search(doc.text[doc[j].idx:].lower()))


def _negation_counts(mention: Span, modifiers) -> int:
    """How many denials stand in front of the sign: an even number reports it."""
    doc = mention.doc
    negations = []
    for m in modifiers:
        if m.category.upper() != NEGATED:
            continue
        if doc[m.modifier_span[0]].lower_ == "never" and NEW_SINCE.search(doc[mention.end:mention.sent.end].text.lower()):
            continue  # "never had numbness before": it is new
        negations.append(m)
    # "No new pains": medspaCy drops a modifier that overlaps its target (its "no new"
    # rule and our "new pains" pattern), so a bare "no" right before the mention counts
    denied_right_before = mention.start > 0 and doc[mention.start - 1].lower_ in BARE_DENIALS
    count = int(bool(negations) or denied_right_before) + int(any(m.category.upper() == DOUBLE_NEGATION for m in modifiers))
    return count + int(mention.label_ == SYMPTOM_DENIED)


BARE_DENIALS = {"no", "without", "nor"}
SINCE_WORDS = {"after", "once", "since", "until", "till"}
QUESTION_OPENERS = {"does", "do", "did", "will", "would", "can", "could", "should", "how", "when", "is", "are", "has",
                    "have", "why", "what"}


def _asked(doc: Doc, modifier) -> bool:
    """The cue is asked about: "does the tingling go away on its own?"."""
    sentence = doc[modifier.modifier_span[0]].sent
    words = [t for t in sentence if not t.is_space]
    return bool(words) and words[-1].text == "?" and words[0].lower_ in QUESTION_OPENERS


def _historical_asked(mention: Span, modifiers) -> bool:
    """"does the tingling go away on its own?": a question about the sign, which reports
    it only when the writer says it is happening ("mine started yesterday")."""
    doc = mention.doc
    return any(m.category.upper() == HISTORICAL and _asked(doc, m) for m in modifiers) and not _answered_now(mention) \
        and not SAYS_OWN.search(mention.sent.text.lower())


def _historical(mention: Span, modifiers) -> bool:
    doc = mention.doc
    says_cannot = any(t.lower_ in NEGATION_WORDS for t in mention)
    cues = [
        m for m in modifiers if m.category.upper() == HISTORICAL
        # "I can't hold my wee anymore": a loss that is new, not a thing of the past
        and not (says_cannot and "anymore" in doc[m.modifier_span[0]:m.modifier_span[1]].text.lower())
        # "it was almost gone for a month": not gone
        and not (m.modifier_span[0] > 0 and doc[m.modifier_span[0] - 1].lower_ in NOT_QUITE)
        # "worse than before the procedure", "more hunched than I was before the op": a
        # comparison, said of now
        and not {t.lower_ for t in doc[max(m.modifier_span[0] - 3, mention.sent.start):m.modifier_span[0]]} & COMPARED_WITH
        # "flared up again after it had settled": when it came back, not that it went
        and not {t.lower_ for t in doc[max(m.modifier_span[0] - 3, mention.sent.start):m.modifier_span[0]]} & SINCE_WORDS
        and not _asked(doc, m)
    ]
    after = doc.text[mention.end_char:_resolution_window_end(mention)].lower()
    if _before_the_procedure(mention) or _chronic_baseline(mention, after):
        return not _ongoing(doc.text[mention.start_char:].lower(), len(mention.text))
    if not cues and not _resolved_later(mention, after) and not RESOLVED_AFTER.search(after):
        return False
    if _ongoing(doc.text[mention.start_char:].lower(), len(mention.text)):
        return False
    if not cues:
        return not RECURS.search(after)
    first_cue = min(m.modifier_span[0] for m in cues)
    before_cue = doc[mention.sent.start:max(first_cue, mention.end)].text.lower()
    return not RECURS.search(before_cue)


# A sentence that opens in the time before the procedure: "Before my kyphoplasty I
# honestly couldn't stand up, my legs would give out" (ConText's scope ends at the comma).
PRE_OP_OPENER = re.compile(
    r"^\W*(before|prior to|until|till) (my|the|her|his|their|they did|i had|she had|he had|we had)\b[^,.;!?]{0,30}?"
    r"\b(kypho\w*|op|operation|procedure|surgery|back|cement|vertebroplasty)\b"
)
SAID_OF_NOW = re.compile(r"\b(now|since|still|today|again|these days|at the moment|currently|anymore|any more)\b")
# A long-standing sign, said to be unchanged: "chemo feet, same as always, no change in
# 2 years", "they have done since my second cycle two years ago, no change". Not new,
# and not the article's sign of something changing; "worse" or "back" is (ONGOING).
UNCHANGED = re.compile(r"\b(same as (always|ever|usual)|as (always|usual)|no change|unchanged|(has|have)(n'?t| not) changed"
                       r"|nothing new|no different|no worse|nothing('?s| has)( really)? changed)\b")
LONG_STANDING = re.compile(r"\b(years?|yrs|decades?|for (many|several) months|since (my|her|his) (chemo|diabetes|stroke|ms"
                           r"|neuropathy|\w+ cycle|treatment))\b")


# Better now, said after a sign from before the procedure: "Before her kyphoplasty she was
# wetting herself, since the procedure she's continent again"
BETTER_NOW = re.compile(r"\b(better|fine|gone|continent|normal|straight|straighter|tall|taller|upright|no longer"
                        r"|not any ?more|resolved|cleared|improved|much less|relief|walking|none( at all)? since|nothing since)\b")


def _before_the_procedure(mention: Span) -> bool:
    sentence = mention.sent.text.lower()
    opener = PRE_OP_OPENER.match(sentence)
    if not opener:
        return False
    # the mention's own clause says nothing of now; a later clause may say it is better now
    mention_end = mention.end_char - mention.sent.start_char
    clause_end = min([i for i in (sentence.find(",", mention_end), sentence.find(";", mention_end)) if i >= 0]
                     or [len(sentence)])
    own, rest = sentence[opener.end():clause_end], sentence[clause_end:]
    return not SAID_OF_NOW.search(own) and not (SAID_OF_NOW.search(rest) and not BETTER_NOW.search(rest))


def _chronic_baseline(mention: Span, after: str) -> bool:
    """Long-standing and unchanged, said of this mention: "no change" after it, not
    before ("for years, nothing's changed, except now I have a fever")."""
    here = mention.sent.text.lower() + " " + after
    from_mention = mention.doc.text[mention.start_char:mention.sent.end_char].lower() + " " + after
    return bool(UNCHANGED.search(from_mention) and LONG_STANDING.search(here))


def _resolved_later(mention: Span, after: str) -> bool:
    """Said to be gone after the mention. In a later sentence, not when that sentence
    first names another thing of the past that "it" may mean."""
    sentence_end = mention.sent.end_char - mention.end_char
    for pattern in (RESOLVED_LATER, RESOLVED_OTHERWISE):
        for match in pattern.finditer(after):
            if match.start() < sentence_end:
                return True
            start = max(after.rfind(stop, 0, match.start()) for stop in (".", "!", "?", "\n"))
            if not OTHER_EVENT.search(after[start + 1:match.start()]):
                return True
    return False


RESOLUTION_SENTENCES = 2  # "... pins and needles in my foot. I'd been sitting on it. It went in a minute."
SAME_DESCRIPTION = 1  # tokens between a mention and the next that still describe one feeling


def _resolution_window_end(mention: Span) -> int:
    """Where "it went away" may still point back at the mention: the next two
    sentences, up to where another sign is named (then "it" may be that one)."""
    doc, end = mention.doc, mention.sent.end_char
    sentences = [s for s in doc.sents if s.start >= mention.sent.end][:RESOLUTION_SENTENCES]
    if sentences:
        end = sentences[-1].end_char
    # "... said it was a pulled muscle. Been fine since.": the muscle explains the sign;
    # "tingling down my leg ... it went by teatime": a mention right after it says where
    # the same feeling was, and "it" may still mean the first
    later = [e.start_char for e in doc.ents if e.label_ in (SYMPTOM, SYMPTOM_DENIED)
             and e.start - mention.end > SAME_DESCRIPTION and e.ent_id_ not in (mention.ent_id_, "muscle_ache")]
    return min([end] + later)


CARER_SELF_BEFORE = {"my", "i", "i've", "ive", "i'm", "im", "me"}
# "my hands have gone numb", "I've got carpal tunnel in both hands and they go numb":
# words back to the owner, within the clause (not past a comma)
CARER_SELF_DISTANCE = 12


def _animals() -> Set[str]:
    """The animals of the "my dog has" rule (nlp/context_rules.json), read once."""
    global _ANIMALS
    if _ANIMALS is None:
        rules = json.loads((Path(__file__).parent / "context_rules.json").read_text(encoding="utf-8"))
        rule = next(r for r in rules["context_rules"] if r["literal"] == "my dog has")
        _ANIMALS = set(rule["pattern"][2]["LOWER"]["IN"])
    return _ANIMALS


_ANIMALS: Optional[Set[str]] = None


PERSON_WORDS = FIRST_PERSON | THIRD_SUBJECTS | {"my", "im", "i'm", "mum", "dad", "we", "us", "our", "you", "your", "they"}


def _animal_subject(mention: Span) -> bool:
    """"our old dog can't hold his bladder", "our dog Bolinha fell off the sofa and now
    cannot stand": an animal named earlier in the sentence, no person between it and the
    sign (the animal rule needs a verb right after the animal and may not overlap its
    target)."""
    doc, animals = mention.doc, _animals()
    for i in range(mention.start - 1, mention.sent.start - 1, -1):
        word = doc[i].lower_
        if word in animals:
            return _opens_clause(doc, i)
        if word in PERSON_WORDS or RELATIVE_WORDS.match(word):
            return False
    return False


ANIMAL_DETERMINERS = {"my", "our", "the", "a", "her", "his", "their", "your", "poor", "old", "little", "young", "new"}
CLAUSE_OPENERS = {"and", "but", "so", "because", "cos", "now", "then", "also", "sorry", "ok", "well"}


def _opens_clause(doc: Doc, i: int) -> bool:
    """The word at i is the subject of its clause ("our dog Bolinha fell"), not an
    object ("lifting the dog into the car")."""
    while i > 0 and doc[i - 1].lower_ in ANIMAL_DETERMINERS:
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_punct or doc[i - 1].lower_ in CLAUSE_OPENERS


# The procedure said to be someone else's: "her kyphoplasty", "Dad's op", "since his op".
RELATIVES_PROCEDURE = re.compile(
    rf"\b(his|her|their|({RELATIVE_NAMES})'?s)( recent| last| own)? (kypho\w*|procedure|operation|op|surgery|vertebroplasty)\b"
)


# A carer or a care worker who says the procedure is not theirs: "I haven't had any
# procedure or anything", "I've never had the op myself"
WRITER_HAD_NO_PROCEDURE = re.compile(
    r"\bi(?:'ve| have|ve)? (?:haven'?t|havent|have not|not|never|hadn'?t|had not) (?:ever )?had (any|a|an|the|one)? ?"
    r"(back |spine |spinal )?(procedure|operation|op|surgery|kypho\w*|vertebroplasty)\b(?! (yet|done yet))"
)


def _carer_stated(doc: Doc) -> bool:
    """The message itself says the writer cares for the patient: a carer's words, or
    the procedure is someone else's. Only then is "my hands tingle" the carer's own:
    a patient who names a relative ("my son got me back onto the bed", "wife's making
    me ask") is still the patient, and their "I can't stand" is theirs."""
    text = doc.text.lower()
    if _says_carer(text) or WRITER_HAD_NO_PROCEDURE.search(text):
        return True
    third = THIRD_PERSON_PROCEDURE.search(text)
    if third and not NEGATION_IN.search(third.group(0)):
        return True
    return bool(RELATIVES_PROCEDURE.search(text)) and not _own_procedure(doc)


PERSON_AFTER_MY = re.compile(RELATIVE_WORDS.pattern + "|" + r"^(friends?|besties?|bffs?|neighbou?rs?|cousins?|colleagues?|pal|mate"
                             r"|buddy|lady|man|bloke|guy|dog|cat|vet|gp|doctor|nurse|surgeon|physio"
                             r"|manager|boss|supervisor|workmate|teammate|housemate|flatmate|landlord|landlady|teacher|coach)\b")
WRITER_OWN_DISTANCE = 8  # "I seem to have developed a hump": words back to the writer


def _writers_own(mention: Span) -> bool:
    """"I seem to have developed a hump, like my mother had": the sign is the writer's
    own (I, my + a body part), whoever else the sentence names."""
    doc = mention.doc
    words = [t.lower_ for t in doc[max(mention.start - WRITER_OWN_DISTANCE, mention.sent.start):mention.start]]
    words += [t.lower_ for t in mention]
    for i, word in enumerate(words):
        if word in ("i", "i've", "ive", "i'm", "im") or (word == "my" and not PERSON_AFTER_MY.search(" ".join(words[i + 1:]))):
            return not THIRD_PARTY & set(words[i + 1:])
    return False


def _clause_start(mention: Span, end: int) -> int:
    """Where the clause ending at token `end` starts: after the last punctuation, at
    most CARER_SELF_DISTANCE tokens back, never before the mention's sentence."""
    start = max(end - CARER_SELF_DISTANCE, mention.sent.start)
    return max([start] + [t.i + 1 for t in mention.doc[start:end] if t.is_punct])


def _carers_own(mention: Span) -> bool:
    """In a carer's message, "my hands tingle" and "I've been getting chest tightness
    myself" are the carer's own body, not the patient's ("my mum's legs" is hers)."""
    doc = mention.doc
    start = _clause_start(mention, mention.start)
    # "I've been laid up with a chest infection, short of breath on the stairs": a
    # clause that opens with the sign goes on with the clause before the comma
    if start == mention.start and start > mention.sent.start and doc[start - 1].text == ",":
        start = _clause_start(mention, start - 1)
    before = [t.lower_ for t in doc[start:mention.start]] + [t.lower_ for t in mention]
    after = doc[mention.end:min(mention.end + 2, mention.sent.end)].text.lower()
    if "myself" in after.split():
        return True
    for i, word in enumerate(before):
        if word in CARER_SELF_BEFORE:
            following = " ".join(before[i + 1:]) + " " + mention.text.lower()
            # "he told me his chest feels tight": "me" was told, the chest is his;
            # "I think mum's legs are numb": the legs are mum's
            if not RELATIVE.search(following.strip()) and not (THIRD_PARTY | THIRD_SUBJECTS) & set(following.split()):
                return True
    return False


def _third_person_owner(mention: Span) -> bool:
    """"her legs", "his two legs gave way", "not able to hold his water", "he ended up
    not able to walk": the sign is said of a third person."""
    doc = mention.doc
    owner = {t.lower_ for t in doc[max(mention.start - OWNER_DISTANCE, mention.sent.start):mention.start]}
    owner |= {t.lower_ for t in mention}
    subject = {t.lower_ for t in doc[max(mention.start - SUBJECT_DISTANCE, mention.sent.start):mention.start]}
    return bool(owner & THIRD_PARTY or subject & THIRD_SUBJECTS)


def _someone_elses(mention: Span) -> bool:
    """"my friend said her legs went to jelly": her legs, in a message that names
    someone else (a friend who "said" it is not caught by the other-person rules)."""
    doc = mention.doc
    if not _third_person_owner(mention):
        return False
    graph = getattr(doc._, "context_graph", None)
    return graph is not None and any(
        m.category.upper() in OTHER_PEOPLE or m.rule.literal == "relative says" or _not_the_patient(m, doc)
        for m in graph.modifiers
    )


# A care home's handover, one resident after another: "Rm 1 Mr JJ - c/o chest pain ...
# Rm 3 Mrs AB (our kyphoplasty lady) - walked to lounge".
RESIDENT_MARKER = re.compile(r"\b(rm|room|bed|bay|flat)\s?#?\d+\b")
KYPHOPLASTY_NAMED = re.compile(r"\b(kypho\w*|vertebroplasty|cement)\b")


def _another_residents(mention: Span) -> bool:
    """In a handover that lists several residents, and says which one had the
    kyphoplasty, a sign in another resident's part is someone else's."""
    text = mention.doc.text.lower()
    starts = [m.start() for m in RESIDENT_MARKER.finditer(text)]
    if len(starts) < 2:
        return False
    bounds = list(zip(starts, starts[1:] + [len(text)], strict=True))
    patients = [b for b in bounds if KYPHOPLASTY_NAMED.search(text[b[0]:b[1]])]
    own = next((b for b in bounds if b[0] <= mention.start_char < b[1]), None)
    return bool(patients) and own is not None and own not in patients


def _child_named_before(mention: Span) -> bool:
    """"Can I bring my 6-year-old? She's had a fever since yesterday": "she" is the
    child (or animal) the sentence before named, never the patient, when no one else
    was named since."""
    doc, sentence = mention.doc, mention.sent
    graph = getattr(doc._, "context_graph", None)
    if _third_person_had_it(doc.text.lower()):
        return False  # "me and our kid live together, he had the kyphoplasty": he is the patient
    # said of her or him in this sentence, up to the mention, and of no one else
    words = {t.lower_ for t in doc[sentence.start:mention.start]}
    if graph is None or not words & (THIRD_SUBJECTS | THIRD_PARTY) or words & (FIRST_PERSON | {"my"}) \
            or sentence.start == 0:
        return False
    previous = doc[sentence.start - 1].sent
    people = [m for m in graph.modifiers if m.category.upper() in OTHER_PEOPLE | {NOT_PATIENT}
              and previous.start <= m.modifier_span[0] < sentence.start]
    if not people:
        return False
    last = max(people, key=lambda m: m.modifier_span[0])
    between = doc[last.modifier_span[1]:mention.start].text.lower()
    return last.category.upper() == NOT_PATIENT and not RELATIVE.search(between)


MEDICINE_WORDS = re.compile(r"\b(painkillers?|pain killers?|tablets?|pills?|meds|medication|medicine|dose\w*|morphine"
                            r"|patch\w*|oxy\w*|tramadol|codeine|pregabalin|gabapentin)\b")


def _dose_raised_pain_the_same(mention: Span) -> bool:
    """"Doctor keeps upping her painkillers ... Pain's about the same": a raised dose
    reads as the pain getting worse only when nothing says the pain is unchanged."""
    return mention.ent_id_ == "pain_worse" and bool(MEDICINE_WORDS.search(mention.text.lower())) \
        and says_no_worse(mention.doc.text)


# The NOT_PATIENT rules of nlp/context_rules.json that name a child ("kid" included)
CHILD_RULES = {"my little one has", "my wee one has", "my 6-year-old (a child named by age)"}


def _not_the_patient(modifier, doc: Doc) -> bool:
    """A NOT_PATIENT modifier (an animal, a child, someone on the screen). Not a child
    rule's "kid" when someone is said to have had the procedure: "Me and our kid live
    together, he had the kyphoplasty" is a brother (Northern English), the patient;
    no child has a kyphoplasty."""
    return modifier.category.upper() == NOT_PATIENT and not (
        modifier.rule.literal in CHILD_RULES and _third_person_had_it(doc.text.lower()))


KID_HAD_PROCEDURE = re.compile(r"\b(kid|bairn)('s| has)? (had|got|underwent|went in for) (the |his |her |a |their )?"
                               r"(back |spine |spinal )?(kypho\w*|procedure|operation|op|surgery)\b")


def _third_person_had_it(text: str) -> bool:
    return bool(THIRD_PERSON_PROCEDURE.search(text) or KID_HAD_PROCEDURE.search(text))


def mention_role(mention: Span, caregiver: bool) -> str:
    modifiers = mention._.modifiers
    categories = {m.category.upper() for m in modifiers}
    doc = mention.doc
    # Never the patient, whoever is writing (a carer's other_person is the patient):
    if any(_not_the_patient(m, doc) for m in modifiers) or _animal_subject(mention) or _child_named_before(mention):
        return "not_patient"
    if _another_residents(mention):
        return "other_person"
    if WRITER_SELF in categories and _carer_context(doc, caregiver):
        return "not_patient"
    if ABOUT_THE_WRITER.search(doc.text.lower()) and _writers_own(mention) and _carer_context(doc, caregiver):
        return "not_patient"
    # A friend, a neighbour, someone online: someone else even when a carer writes
    # (the carer's relative is the patient; their friend is not known to be).
    if ("OTHER_PERSON" in categories or (categories & OTHER_PEOPLE and not caregiver)) and not _writers_own(mention):
        # the writer says they are the patient: someone else's sign is not the patient's
        return "not_patient" if WRITER_IS_PATIENT.search(doc.text.lower()) else "other_person"
    if caregiver and _carer_stated(doc) and _carers_own(mention):
        return "not_patient"
    if not caregiver and _someone_elses(mention):
        return "other_person"
    if _hypothetical(mention, modifiers) or _historical_asked(mention, modifiers):
        return "hypothetical"
    if _denied_in_list(mention) or _dose_raised_pain_the_same(mention):
        return "negated"
    denials = _negation_counts(mention, modifiers)
    if denials % 2:
        return "negated"
    if denials:
        # A denial denied ("i don't think my bladder is working normally", "I can't say I
        # don't have a temperature") reports it.
        return "affirmed"
    if _historical(mention, modifiers):
        return "historical"
    return "affirmed"


POINTS_BACK = {"that", "those", "this"}  # "is that tingling something to mention?"
NOT_ITS_OWN = {"historical", "hypothetical", "negated", "other_person", "not_patient"}


def _names_body_part(span: Span) -> bool:
    return any(p.start < span.end and span.start < p.end for p in span.doc.spans.get(BODY_PART_SPANS, ()))


def mention_roles(resolved: List[Tuple[Span, str]], caregiver: bool) -> List[str]:
    """The role of each mention, in order. A mention that points back at an earlier
    one of the same sign ("I had tingling the night after, it was gone by morning.
    Is that tingling worth mentioning?") is that mention again, and takes its role,
    unless it says the sign is back ("that tingling has come back")."""
    roles: List[str] = []
    for index, (span, sign) in enumerate(resolved):
        role = mention_role(span, caregiver)
        previous = span.doc[span.start - 1].lower_ if span.start else ""
        # "that tingling" points back; "that foot feels weak" names a body part, not the mention
        if role == "affirmed" and previous in POINTS_BACK and not _names_body_part(span) \
                and not _ongoing(span.doc.text[span.start_char:].lower(), len(span.text)):
            earlier = [roles[i] for i in range(index) if resolved[i][1] == sign and roles[i] in NOT_ITS_OWN]
            role = earlier[-1] if earlier else role
        roles.append(role)
    return roles
