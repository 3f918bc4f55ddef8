"""Between the tracker and the rules: read what the conversation established, and
write triage results back so that the level never goes down (unless the patient
takes back the message that raised it: withdraw_triage).

The only module that knows which slot holds which fact.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, Iterable, List, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.clinic import load_clinic
from actions.triage.answers import read_check_answer
from actions.triage.detection import (
    CAREGIVER,
    REPORTED_AT_TURN_SLOT,
    SIGN_QUESTION_SLOTS,
    SIGN_TO_CONFIRM_SLOT,
    MessageFacts,
    MessageReading,
    TurnContext,
    read_message,
    sign_slot_roles,
    slot_for_sign,
    turn_context,
)
from actions.triage.rules import (
    SIGNS_BY_KEY,
    PatientReport,
    TriageLevel,
    assess,
    highest,
    signs_implied_by_trend,
)

UNKNOWN = "unknown"
FORM_NAME = "symptom_check_form"
# Written only through record_triage, so the level never goes down.
TRIAGE_SLOTS = ("triage_level", "red_flags", "triage_reasons", "second_opinion_reasons")


def active_form(tracker: Tracker) -> Optional[str]:
    return (tracker.active_loop or {}).get("name")


def _user_texts(tracker: Tracker) -> List[Optional[str]]:
    """The user messages so far, newest first."""
    return [e.get("text") for e in reversed(tracker.events) if e.get("event") == "user"]


def user_turn(tracker: Tracker) -> int:
    """How many user messages the conversation has: the latest one's number."""
    return len(_user_texts(tracker))


def context_of_latest_message(tracker: Tracker) -> TurnContext:
    """The context the red-flag policy read this turn in (detection.turn_context)."""
    return turn_context(tracker.get_slot, bool(active_form(tracker)), _user_texts(tracker)[1:])


def reading_of_latest_message(tracker: Tracker) -> MessageReading:
    """Exactly what the red-flag policy computed for this turn."""
    return read_message(MessageFacts.from_parse_data(tracker.latest_message or {}),
                        context_of_latest_message(tracker))


def _known(value: Any) -> bool:
    return value is not None and value != UNKNOWN


def patient_report(tracker: Tracker) -> PatientReport:
    affirmed = set(tracker.get_slot("red_flags") or [])
    denied = set()
    for slot, sign in SIGN_QUESTION_SLOTS.items():
        value = tracker.get_slot(slot)
        if value is True:
            affirmed.add(sign)
        elif value is False:
            denied.add(sign)
    weeks = tracker.get_slot("weeks_since_procedure")
    trend = tracker.get_slot("pain_trend")
    return PatientReport(
        affirmed_signs=frozenset(affirmed),
        denied_signs=frozenset(denied - affirmed),
        weeks_since_procedure=float(weeks) if _known(weeks) else None,
        pain_trend=trend if _known(trend) else None,
        second_opinion_reasons=frozenset(tracker.get_slot("second_opinion_reasons") or []),
    )


def _merged(existing: Optional[Iterable[str]], new: Iterable[str]) -> List[str]:
    merged = list(existing or [])
    merged += [item for item in new if item not in merged]
    return merged


def current_level(tracker: Tracker) -> Optional[TriageLevel]:
    return TriageLevel.from_slot(tracker.get_slot("triage_level"))


def record_triage(
    tracker: Tracker,
    level: TriageLevel,
    red_flags: Iterable[str] = (),
    reasons: Iterable[str] = (),
    second_opinion_reasons: Iterable[str] = (),
) -> List[Dict[str, Any]]:
    """Slot events that add to what is known; the level only ever goes up."""
    red_flags = [flag for flag in red_flags if flag in SIGNS_BY_KEY]
    return [
        SlotSet("triage_level", highest([current_level(tracker), level]).slot_value),
        SlotSet("red_flags", _merged(tracker.get_slot("red_flags"), red_flags)),
        SlotSet("triage_reasons", _merged(tracker.get_slot("triage_reasons"), reasons)),
        SlotSet(
            "second_opinion_reasons",
            _merged(tracker.get_slot("second_opinion_reasons"), second_opinion_reasons),
        ),
    ]


def withdraw_triage(tracker: Tracker, withdrawn: Iterable[str]) -> List[Dict[str, Any]]:
    """The one way a level goes down: the patient took back the message that raised
    `withdrawn` ("wrong number", actions/triage/corrections.py). The level is worked
    out again by the rules from what is left; nothing left, no level."""
    withdrawn = set(withdrawn)
    report = patient_report(tracker)
    # the symptom-check questions the escalation ticked for them (an emergency sign
    # ticks the emergency signs' question)
    question_slots = sorted({slot_for_sign(sign) for sign in withdrawn} - {None})
    ticked = {SIGN_QUESTION_SLOTS[slot] for slot in question_slots if tracker.get_slot(slot) is True}
    # a "worse" trend implies the sign taken back (rules.signs_implied_by_trend)
    trend = None if signs_implied_by_trend(report.pain_trend) & withdrawn else report.pain_trend
    outcome = assess(PatientReport(
        affirmed_signs=report.affirmed_signs - withdrawn - ticked,
        denied_signs=report.denied_signs,
        weeks_since_procedure=report.weeks_since_procedure,
        pain_trend=trend,
        second_opinion_reasons=report.second_opinion_reasons,
    ))
    established = outcome.red_flags or outcome.second_opinion_reasons
    return [
        SlotSet("triage_level", outcome.level.slot_value if established else None),
        SlotSet("red_flags", list(outcome.red_flags)),
        SlotSet("triage_reasons", list(outcome.reasons) if established else []),
        SlotSet(REPORTED_AT_TURN_SLOT, None),
    ] + [SlotSet(slot, None) for slot in question_slots] + (
        [SlotSet("pain_trend", None)] if trend != report.pain_trend else [])


def sign_labels(keys: Iterable[str]) -> str:
    """"numbness, tingling or weakness and chest pain" for the patient to read."""
    labels = [SIGNS_BY_KEY[key].label for key in keys if key in SIGNS_BY_KEY]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def today_at_clinic() -> date:
    """Dates ("since March 2") are read in the clinic's time zone."""
    try:
        zone = ZoneInfo(load_clinic().time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).date()


def check_answer_values(tracker: Tracker) -> Dict[str, Any]:
    """What the latest message answers in the symptom check (see answers.py)."""
    message = tracker.latest_message or {}
    return read_check_answer(
        requested_slot=tracker.get_slot("requested_slot") if active_form(tracker) else None,
        intent=(message.get("intent") or {}).get("name"),
        text=message.get("text"),
        sign_slot_roles=sign_slot_roles(
            message.get("entities") or [], tracker.get_slot("reporter") == CAREGIVER
        ),
        today=today_at_clinic(),
    )


def form_answer_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """When another action answers a message during the symptom check, the form does
    not read it afterwards: what it answers ("worse, 8 weeks after the op") is
    recorded here. Not when it answered a confirming question instead."""
    if active_form(tracker) != FORM_NAME or tracker.get_slot(SIGN_TO_CONFIRM_SLOT):
        return []
    return [SlotSet(k, v) for k, v in check_answer_values(tracker).items()]
