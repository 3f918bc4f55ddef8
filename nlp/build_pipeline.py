"""Build the project's spaCy pipeline from the sources in nlp/ and save it.

    python -m nlp.build_pipeline --output models/spacy/kyphoplasty_en

No model is downloaded: a blank English tokenizer, a sentencizer, the lookup
lemmatizer (tables from spacy-lookups-data, saved into the pipeline), an EntityRuler
with our patterns (nlp/patterns/*.jsonl), a SpanRuler that marks every body part
again in `doc.spans["body_parts"]` (an entity cannot overlap another, so "my bum
has gone numb" is one symptom entity; the span group still sees "bum" inside it),
medspaCy ConText with our rules, and our assertion component. Body parts are only
spans, never entities: a long one ("the inside of my thighs") would displace the
symptom it overlaps.

Pattern files are JSON lines. Two additions keep them readable:
- a line starting with `#` is a comment (why a pattern is there);
- inside a token's `IN` list, an item `$NAME` stands for the word list WORDS[NAME]
  below, so a pattern can read "a verb x a body part x a filler".
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List

import spacy

from nlp.assertion import BODY_PART_SPANS
from nlp.components import read_rules
from nlp.other_languages import WORDS as OTHER_LANGUAGE_WORDS

HERE = Path(__file__).resolve().parent
VERSION = "1.1.0"

# Word lists shared by the patterns ($NAME inside an IN list).
WORDS: Dict[str, List[str]] = {
    # a determiner or possessive before a body part: "my leg", "both legs", "the leg"
    "DET": ["my", "the", "her", "his", "both", "their", "our", "a", "some", "this", "that", "one",
            "either", "each", "me", "mine", "your"],
    "LEG": ["leg", "legs", "thigh", "thighs", "calf", "calves", "shin", "shins", "knee", "knees",
            "foot", "feet", "toes", "toe", "ankle", "ankles", "heel", "heels", "limb", "limbs"],
    "SIDE": ["left", "right", "other", "both", "lower", "upper", "bad", "good", "front", "outside",
             "inside", "whole"],
    # words people put between a verb and what it says: "is really very tight"
    "FILLER": ["really", "very", "so", "much", "way", "a", "lot", "bit", "little", "kind", "kinda",
               "sort", "of", "suddenly", "all", "more", "even", "just", "now", "still", "also",
               "quite", "getting", "gone", "become", "feeling", "completely", "totally", "too",
               "properly", "badly", "awfully", "terribly", "super", "that", "proper", "right"],
    # "can't" is split by the tokenizer: ca + n't (cant -> ca + nt, cannot -> can + not)
    "CAN": ["ca", "can", "could", "cannot", "cant", "can't", "couldnt", "couldn't"],
    "WONT": ["wo", "would", "will", "did", "do", "does", "wont", "won't", "wouldnt", "wouldn't",
             "didnt", "didn't", "dont", "don't", "doesnt", "doesn't"],
    "HAVENT": ["have", "has", "had", "havent", "haven't", "hasnt", "hasn't", "hadnt", "hadn't", "ve",
               "'ve"],
    "NOT": ["nt", "n't", "not", "t"],
    "BE": ["is", "'s", "s", "are", "'re", "re", "was", "were", "am", "'m", "m", "be", "been", "being",
           "its", "it's", "feels", "feel", "felt", "seems", "seem", "looks", "gets", "get", "got",
           "has", "have", "had"],
    "PAIN": ["pain", "pains", "painful", "ache", "aching", "aches", "hurt", "hurts", "hurting",
             "soreness", "sore", "discomfort", "pian", "pain's", "agony", "it", "it's", "its", "back",
             "backache", "sciatica"],
    # urinating, in plain and in lay words
    "PEE": ["pee", "wee", "urine", "urinate", "piss", "leak", "piddle", "tinkle", "wee-wee",
            "widdle", "slash", "pee.", "wee.", "peeing", "weeing", "urinating", "water"],
    "STOOL": ["stool", "stools", "motion", "motions", "poo", "poop", "bowels", "bowel", "number two",
              "faeces", "feces", "poos", "bm"],
    "TOILET": ["toilet", "loo", "bathroom", "lav", "lavatory", "restroom", "washroom", "wc",
               "commode", "potty", "john", "toilet.", "loo."],
    "SELF": ["myself", "himself", "herself", "themselves", "yourself", "meself", "miself", "mysel", "hisself", "imself"],
    "GARMENT": ["pants", "trousers", "bed", "underwear", "knickers", "nappy", "pad", "clothes",
                "sheets", "pyjamas", "pajamas", "chair", "jeans", "briefs", "boxers", "pull-ups"],
    "CHEST": ["chest", "breastbone", "sternum", "chest."],
    # a pain word without "it" or "back" (which say nothing alone)
    "PAINWORD": ["pain", "pains", "painful", "ache", "aching", "aches", "hurt", "hurts", "hurting",
                 "soreness", "sore", "discomfort", "pian", "pain's", "agony", "backache", "sciatica"],
    # verbs that move a pain from one place to another
    "SPREAD": ["spreading", "spreads", "spread", "spred", "radiating", "radiates", "radiated",
               "shooting", "shoots", "shot", "travelling", "traveling", "travels", "travelled",
               "moving", "moves", "moved", "going", "goes", "gone", "went", "gos", "running", "runs",
               "ran", "pulls", "pulling", "pulled", "creeps", "creeping", "crept", "extends",
               "extending", "extended", "reaches", "reaching", "reached", "comes", "coming",
               "wraps", "wrapping", "zings", "zinging", "zaps", "darts", "darting", "stretches",
               "stretching", "drags", "dragging"],
    # where a spreading pain goes (the article: "other areas of your back or legs")
    "PLACE": ["leg", "legs", "thigh", "thighs", "calf", "calves", "shin", "shins", "knee", "knees",
              "foot", "feet", "toes", "toe", "ankle", "ankles", "heel", "heels", "buttock",
              "buttocks", "bum", "butt", "bottom", "hip", "hips", "groin", "ribs", "rib", "ribcage",
              "side", "sides", "flank", "tummy", "stomach", "belly"],
    # the procedure site and what covers it
    "SITE": ["site", "incision", "incisions", "wound", "wounds", "puncture", "cut", "hole", "holes",
             "scar", "scars", "dressing", "dressings", "plaster", "bandage", "stitches", "stitch",
             "needle", "injection", "entry"],
    # medicines for pain
    "PAINMEDS": ["painkillers", "painkiller", "pain", "killers", "relief", "meds", "medication",
                 "medicine", "tablets", "pills", "morphine", "tramadol", "oxycodone", "oxycontin",
                 "oxy", "codeine", "oramorph", "co-codamol", "cocodamol", "fentanyl", "opioids",
                 "opiates", "patches", "patch", "naproxen", "diclofenac"],
    "STRONG": ["strong", "stronger", "strongest", "heavy", "heavier", "big", "hard", "proper",
               "prescription", "serious", "heavy-duty", "morphine", "opioid", "opiate", "extra"],
    "FEVERWORD": ["fever", "feaver", "fevers", "feverish", "temperature", "temp", "hot", "sweats",
                  "sweating", "shivers", "shaking", "shivering", "aches", "sweaty"],
    # the signs' words in other languages (nlp/patterns/other_languages.jsonl)
    **OTHER_LANGUAGE_WORDS,
}


def expand(value: Any) -> Any:
    """Replace `$NAME` items of every IN list with WORDS[NAME]."""
    if isinstance(value, dict):
        return {key: expand(item) for key, item in value.items()}
    if isinstance(value, list):
        out: List[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("$"):
                out.extend(WORDS[item[1:]])
            else:
                out.append(expand(item))
        return out
    return value


def read_patterns(path: Path) -> Iterator[Dict]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield expand(json.loads(line))
        except (ValueError, KeyError) as error:
            raise ValueError(f"{path.name}:{number}: {error}") from error


def all_patterns() -> List[Dict]:
    return [p for path in sorted((HERE / "patterns").glob("*.jsonl")) for p in read_patterns(path)]


TITLES = ("mrs.", "mr.", "ms.", "dr.", "drs.", "prof.", "rev.", "fr.", "sr.")


def build() -> spacy.language.Language:
    nlp = spacy.blank("en")
    # Rasa's SpacyNLP lowercases the text, and spaCy's exceptions for titles are
    # capitalised ("Mrs."): without these, "mrs. ln was wetting herself" ends a
    # sentence at "mrs." and cuts the sign off from what came before it.
    for title in TITLES:
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    nlp.meta.update(name="kyphoplasty_en", version=VERSION,
                    description="Symptoms and their assertion status in patient chat messages")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    parts = nlp.add_pipe("span_ruler", name="body_part_spans",
                         config={"spans_key": BODY_PART_SPANS, "phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("kyphoplasty_context")
    nlp.add_pipe("kyphoplasty_assertion")
    # Loads the lemmatizer's lookup tables. It also empties the rulers, so the
    # patterns are added afterwards.
    nlp.initialize()
    patterns = all_patterns()
    # Body parts only as spans: as entities, a longer one ("the inside of my thighs")
    # would displace the symptom it overlaps ("thighs feel dead").
    ruler.add_patterns([p for p in patterns if p["label"] != "BODY_PART"])
    parts.add_patterns([p for p in patterns if p["label"] == "BODY_PART"])
    nlp.get_pipe("kyphoplasty_context").set_rules(read_rules(HERE / "context_rules.json"))
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True, type=Path)
    output = parser.parse_args().output
    started = time.monotonic()
    nlp = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    print(f"Built spaCy pipeline {nlp.pipe_names} in {time.monotonic() - started:.1f}s -> {output}")


if __name__ == "__main__":
    main()
