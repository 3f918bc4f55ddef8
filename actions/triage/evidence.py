"""How much evidence it takes to act on a warning sign. Pure Python, no Rasa.

Three independent readings of each message report signs, each with its own blind
spots (ablation figures: docs/safety.md):

1. the patterns with their ConText assertion (nlp/): a word for the sign, affirmed
   for the patient. Precise; knows only the words someone wrote down.
2. the intent classifier (addons/intent_classifier.py): one label for the whole
   message, with a confidence.
3. the sign detector (addons/sign_detector.py): a calibrated probability per sign,
   for the whole message and for each of its sentences.

The table below says what each combination means. It reports signs only; which
level a reported sign gets is decided by rules.py, nowhere else.

  evidence for a sign (not contradicted by the patterns)        decision
  ------------------------------------------------------------  ----------------
  the patterns found it affirmed for the patient                 REPORTED
  a button the patient pressed reports it                        REPORTED
  the classifier chose it (>= CHOSEN) and the detector agrees    REPORTED
    (>= SUPPORTED)
  the detector alone is sure (>= DETECTOR_SURE)                  REPORTED
  the classifier finds it plausible (>= PLAUSIBLE) and the       CONFIRM (ask once)
    detector sees a hint of it (>= HINT)
  the detector alone finds it likely (>= DETECTOR_LIKELY)        CONFIRM (ask once)
  anything less: a guess with nothing in the words behind it     nothing

"Contradicted by the patterns": the patterns found the same sign negated,
hypothetical, resolved, an idiom or someone else's. ConText reads the scope of a
denial; a bag of n-grams cannot, so the assertion wins over both learned readings.
The detector's score is read sentence by sentence: a sentence where the patterns
found such a mention of the sign or of a neighbour (numbness and sudden weakness,
detection.NEIGHBOURS) does not count for it; another sentence still does. A plain
"no" to the confirming question outweighs a learned reading of that sign.

Thresholds: chosen on the project's own held-out NLU split and vignettes, never on a
blind red-team set before it was scored (tests/vignettes/README.md).
"""
from __future__ import annotations

from enum import Enum

# The intent classifier's confidence in a sign's intent.
CHOSEN = 0.3  # the classifier's pick (the FallbackClassifier's threshold, config.yml)
PLAUSIBLE = 0.2  # a reading worth asking about (also: actions/clarify.py)
# The sign detector's calibrated probability.
SUPPORTED = 0.3  # the words back the classifier's pick
HINT = 0.1  # the words hint at it
DETECTOR_LIKELY = 0.5
DETECTOR_SURE = 0.9


class Decision(Enum):
    NOTHING = 0
    CONFIRM = 1
    REPORTED = 2


def learned_decision(intent_confidence: float, detector: float) -> Decision:
    """The two learned readings of one sign, combined (rows 3 to 7 of the table)."""
    if intent_confidence >= CHOSEN and detector >= SUPPORTED:
        return Decision.REPORTED
    if detector >= DETECTOR_SURE:
        return Decision.REPORTED
    if intent_confidence >= PLAUSIBLE and detector >= HINT:
        return Decision.CONFIRM
    if detector >= DETECTOR_LIKELY:
        return Decision.CONFIRM
    return Decision.NOTHING
