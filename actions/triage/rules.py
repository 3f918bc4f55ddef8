"""Triage rules for persistent pain after kyphoplasty: the table a clinician reviews.

Pure Python, no Rasa imports: the action server and the Rasa server (the red-flag
policy) both import it, so every decision about a warning sign comes from here.

Source: the clinic article "Managing Persistent Back Pain After Kyphoplasty: When
to Seek a Second Opinion or Revision" (shared/seeds/000_da28210e9fdb6259.txt).
Every row quotes the sentence it comes from. Rows marked BEYOND THE ARTICLE are the
emergency tier the product adds: the article does not cover them, but a patient
who describes them must be sent to emergency care, not to a routine appointment.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple


class TriageLevel(IntEnum):
    """Ordered: a higher value is more serious. A conversation never goes down."""

    ROUTINE = 1  # expected course: keep going, and when to come back
    SECOND_OPINION = 2  # re-evaluation and a second opinion are reasonable
    URGENT = 3  # contact your doctor promptly, today
    EMERGENCY = 4  # call the emergency number now

    @property
    def slot_value(self) -> str:
        return self.name.lower()

    @classmethod
    def from_slot(cls, value: Optional[str]) -> Optional["TriageLevel"]:
        if not value:
            return None
        return cls[value.upper()]


ARTICLE_WHEN_TO_WORRY = (
    "Mild, improving discomfort after kyphoplasty is expected. However, you should "
    "return to your doctor promptly if: ..."
)


@dataclass(frozen=True)
class WarningSign:
    key: str  # canonical name: slot values, entity values and tests use it
    level: TriageLevel
    label: str  # how the bot names the sign back to the patient
    source: str  # the article's sentence, or why the product adds it
    beyond_article: bool = False


# fmt: off
WARNING_SIGNS: Tuple[WarningSign, ...] = (
    # --- The article's five warning signs ("When to Worry — and When to Wait") ---
    WarningSign("pain_worse", TriageLevel.URGENT,
                "pain that came back suddenly or got stronger after it had eased",
                "Pain returns suddenly or intensifies after initial relief."),
    WarningSign("pain_spreading", TriageLevel.URGENT,
                "pain spreading to other parts of your back or into your legs",
                "Pain spreads to other areas of your back or legs."),
    WarningSign("nerve_symptoms", TriageLevel.URGENT,
                "numbness, tingling or weakness",
                "You experience numbness, tingling, or weakness."),
    WarningSign("posture_change", TriageLevel.URGENT,
                "a change in posture or a new hunch",
                "Your posture worsens or you notice a new \u201chunch.\u201d"),
    WarningSign("infection_signs", TriageLevel.URGENT,
                "fever, chills or redness near the procedure site",
                "You develop fever, chills, or redness near the procedure site."),
    # --- BEYOND THE ARTICLE: emergency tier added by the product ---
    # Signs of spinal cord or cauda equina compression, cement embolism, or a heart
    # or lung emergency. The article does not list them; they need emergency care
    # within hours, so waiting for a clinic call-back would be unsafe.
    WarningSign("bladder_bowel_control", TriageLevel.EMERGENCY,
                "loss of bladder or bowel control",
                "Cauda equina / cord compression sign.", beyond_article=True),
    WarningSign("saddle_numbness", TriageLevel.EMERGENCY,
                "numbness in the groin or saddle area",
                "Cauda equina sign.", beyond_article=True),
    WarningSign("sudden_weakness", TriageLevel.EMERGENCY,
                "sudden weakness or not being able to move or stand",
                "Acute cord compression sign.", beyond_article=True),
    WarningSign("chest_pain", TriageLevel.EMERGENCY,
                "chest pain",
                "Possible cement embolism or heart emergency.", beyond_article=True),
    WarningSign("shortness_of_breath", TriageLevel.EMERGENCY,
                "shortness of breath",
                "Possible cement (pulmonary) embolism.", beyond_article=True),
    WarningSign("coughing_blood", TriageLevel.EMERGENCY,
                "coughing up blood",
                "Possible pulmonary embolism.", beyond_article=True),
)
# fmt: on

SIGNS_BY_KEY: Dict[str, WarningSign] = {sign.key: sign for sign in WARNING_SIGNS}
EMERGENCY_SIGN_KEYS: FrozenSet[str] = frozenset(
    s.key for s in WARNING_SIGNS if s.level is TriageLevel.EMERGENCY
)
# Used when the patient confirms "one of the emergency signs" as a group (the
# symptom check asks them in one question) or NLU recognises an emergency report
# without naming which sign.
EMERGENCY_GROUP_KEY = "emergency_sign"
EMERGENCY_GROUP = WarningSign(
    EMERGENCY_GROUP_KEY, TriageLevel.EMERGENCY,
    "one of the emergency signs (loss of bladder or bowel control, numbness in the "
    "groin, sudden weakness, chest pain, trouble breathing or coughing blood)",
    "Any sign of the emergency tier.", beyond_article=True,
)
SIGNS_BY_KEY[EMERGENCY_GROUP_KEY] = EMERGENCY_GROUP


# --- Second opinion ("When to Seek a Second Opinion") ---
# The article says "several weeks" without a number. Six weeks is used because
# healing pain and muscle weakness normally ease over "the first few weeks"
# (article, "Healing Pain and Muscle Weakness") and six weeks is the usual point
# for re-checking a healing vertebral fracture. A clinic may change it.
SECOND_OPINION_AFTER_WEEKS = 6


@dataclass(frozen=True)
class SecondOpinionReason:
    key: str
    label: str
    source: str


# fmt: off
SECOND_OPINION_REASONS: Tuple[SecondOpinionReason, ...] = (
    SecondOpinionReason("not_improved", "your pain has not improved after several weeks",
                        "Your pain hasn\u2019t improved after several weeks of recovery."),
    SecondOpinionReason("unheard", "you feel unsure or unheard about your treatment plan",
                        "You feel unsure or unheard about your current treatment plan."),
    SecondOpinionReason("imaging_unclear", "your imaging results are unclear or conflicting",
                        "Your imaging results are unclear or conflicting."),
    SecondOpinionReason("advised_another_procedure",
                        "you have been advised to have another procedure and want confirmation",
                        "You\u2019ve been advised to undergo another procedure but want confirmation."),
)
# fmt: on
REASONS_BY_KEY: Dict[str, SecondOpinionReason] = {r.key: r for r in SECOND_OPINION_REASONS}

ROUTINE_SOURCE = (
    "Mild, improving discomfort after kyphoplasty is expected. [...] If your pain is "
    "simply lingering but slowly improving, your doctor may suggest continuing physical "
    "therapy, adjusting medications, or adding a spine-strengthening program."
)

PAIN_TRENDS = ("better", "same", "worse")


@dataclass(frozen=True)
class PatientReport:
    """What the conversation has established about the patient so far."""

    affirmed_signs: FrozenSet[str] = frozenset()
    denied_signs: FrozenSet[str] = frozenset()
    weeks_since_procedure: Optional[float] = None
    pain_trend: Optional[str] = None  # one of PAIN_TRENDS
    second_opinion_reasons: FrozenSet[str] = frozenset()


@dataclass(frozen=True)
class TriageOutcome:
    level: TriageLevel
    red_flags: Tuple[str, ...]  # canonical sign keys, most serious first
    reasons: Tuple[str, ...]  # one plain sentence each, for the patient and the summary
    second_opinion_reasons: Tuple[str, ...] = field(default=())


def signs_implied_by_trend(pain_trend: Optional[str]) -> FrozenSet[str]:
    """Pain "getting worse" weeks after the procedure is the article's first sign:
    "Pain returns suddenly or intensifies after initial relief."""
    return frozenset({"pain_worse"}) if pain_trend == "worse" else frozenset()


def second_opinion_reasons_for(report: PatientReport) -> Tuple[str, ...]:
    reasons = set(report.second_opinion_reasons)
    if (
        report.pain_trend in ("same", "worse")
        and report.weeks_since_procedure is not None
        and report.weeks_since_procedure >= SECOND_OPINION_AFTER_WEEKS
    ):
        reasons.add("not_improved")
    return tuple(r.key for r in SECOND_OPINION_REASONS if r.key in reasons)


def assess(report: PatientReport) -> TriageOutcome:
    """Apply the table: the most serious matching row sets the level."""
    affirmed = set(report.affirmed_signs) | signs_implied_by_trend(report.pain_trend)
    flags = sorted(
        (SIGNS_BY_KEY[key] for key in affirmed if key in SIGNS_BY_KEY),
        key=lambda s: (-s.level, s.key),
    )
    opinion = second_opinion_reasons_for(report)

    reasons: List[str] = [f"You described {sign.label}." for sign in flags]
    if flags:
        level = flags[0].level
    elif opinion:
        level = TriageLevel.SECOND_OPINION
    else:
        level = TriageLevel.ROUTINE
    reasons += [f"A second opinion is reasonable because {REASONS_BY_KEY[k].label}." for k in opinion]
    if level is TriageLevel.ROUTINE:
        reasons.append(
            "Mild discomfort that is improving, without warning signs, is expected after kyphoplasty."
        )
    return TriageOutcome(level, tuple(s.key for s in flags), tuple(reasons), opinion)


def highest(levels: Iterable[Optional[TriageLevel]]) -> Optional[TriageLevel]:
    """A level never goes down within a conversation."""
    present = [level for level in levels if level is not None]
    return max(present) if present else None
