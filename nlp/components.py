"""Our spaCy components. Import this module before `spacy.load` of the built pipeline.

Importing it imports medspaCy (which registers its factories) and registers ours:
- `kyphoplasty_context`: medspaCy ConText with its default English rules plus ours
  (nlp/context_rules.json). ConText re-reads its rules at construction and does not
  serialize them, so this wrapper saves our rules inside the built pipeline: the
  pipeline then loads from any directory, without the repo.
- `kyphoplasty_assertion`: turns symptom entities and their ConText modifiers into
  `doc._.symptom_mentions` (sign, text, span, role) and `doc._.caregiver_voice`.
"""

import json
from pathlib import Path
from typing import Dict, List, Optional

import medspacy  # noqa: F401  (registers medspaCy's factories and span extensions)
import medspacy.context.context_modifier as _context_modifier
import spacy
import srsly
from medspacy.context import ConText, ConTextRule
from spacy.language import Language
from spacy.tokens import Doc

from actions.triage.detection import IDIOM, SADDLE_AREA
from nlp.assertion import caregiver_voice, mention_roles, resolve_mentions, saddle_area_named

# Upstream behaviour (medspaCy 1.3.1): medspacy.util.tuple_overlaps(a, b) is False
# when b contains a. ConTextModifier uses it (1) to let a TERMINATE or terminating
# modifier end another's scope, whose scope it always contains, so "no fever, but
# numbness" negated the numbness too; and (2) to stop a modifier from modifying a
# target that contains it, so "can't stand" was read as a denial of "can't stand".
# The module-level name is replaced by a correct overlap test, for that module only.
def _spans_overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_context_modifier.tuple_overlaps = _spans_overlap

Doc.set_extension("symptom_mentions", default=[], force=True)
Doc.set_extension("caregiver_voice", default=False, force=True)

RULES_FILE = "context_rules.json"
# medspaCy's ": no" / ": none" deny what comes before the colon, as a form is filled in
# ("Fever: no"). In chat the colon introduces the answer ("update: no fever today"),
# and the longer ": no" match displaced the forward "no", so the fever read as present.
# A listed denial after the sign is read by nlp/assertion.py (_denied_in_list).
DROPPED_DEFAULTS = {": no", ": none"}


class KyphoplastyContext:
    """ConText = medspaCy's default rules + our chat-language rules."""

    def __init__(self, nlp: Language, name: str, rules: Optional[Dict] = None):
        self.nlp = nlp
        self.name = name
        self.rules: Dict = rules or {"context_rules": [], "terminating_types": {}}
        self._context = self._build()

    def _build(self) -> ConText:
        # terminating_types applies to medspaCy's default rules too (e.g. a comma
        # ends a default "no ..." denial), so it is passed at construction.
        context = ConText(
            self.nlp,
            name=self.name,
            rules=None,
            terminating_types=self.rules.get("terminating_types") or None,
        )
        defaults = ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH)  # medspaCy's own rules, less two
        context.add([rule for rule in defaults if rule.literal not in DROPPED_DEFAULTS])
        context.add([ConTextRule.from_dict(rule) for rule in self.rules["context_rules"]])
        return context

    def set_rules(self, rules: Dict) -> None:
        self.rules = {"context_rules": rules["context_rules"],
                      "terminating_types": rules.get("terminating_types", {})}
        self._context = self._build()

    def __call__(self, doc: Doc) -> Doc:
        return self._context(doc)

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / RULES_FILE, self.rules)

    def from_disk(self, path, exclude=()) -> "KyphoplastyContext":
        self.set_rules(srsly.read_json(Path(path) / RULES_FILE))
        return self


@Language.factory("kyphoplasty_context")
def make_context(nlp: Language, name: str) -> KyphoplastyContext:
    return KyphoplastyContext(nlp, name)


@Language.component("kyphoplasty_assertion")
def assert_symptoms(doc: Doc) -> Doc:
    idioms: List = []
    resolved = resolve_mentions(doc, idioms)
    doc._.caregiver_voice = caregiver_voice(doc, {sign for _, sign in resolved}, [span for span, _ in resolved])
    roles = mention_roles(resolved, doc._.caregiver_voice)
    mentions = list(zip(resolved, roles, strict=True)) + [(mention, IDIOM) for mention in idioms]
    area = saddle_area_named(doc) if not mentions else None
    if area is not None:
        mentions.append(((area, SADDLE_AREA), "affirmed"))
    doc._.symptom_mentions = [
        {"sign": sign, "text": span.text, "start": span.start_char, "end": span.end_char, "role": role}
        for (span, sign), role in sorted(mentions, key=lambda item: item[0][0].start)
    ]
    return doc


def load_pipeline(path) -> Language:
    return spacy.load(path)


def read_rules(path) -> Dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
