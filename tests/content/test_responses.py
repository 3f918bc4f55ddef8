"""What the assistant says: plain language, short messages, a next step after every
answer, clinic details only from clinic.yml, and never a diagnosis."""
import re

import pytest
import yaml

from tests.support.readability import grade_level
from harness.processes import ROOT

RESPONSES = {
    name: variations
    for path in sorted((ROOT / "data" / "responses").glob("*.yml"))
    for name, variations in yaml.safe_load(path.read_text())["responses"].items()
}
TEXTS = [(name, v["text"]) for name, variations in RESPONSES.items() for v in variations if v.get("text")]
FAQ_KEYS = [
    "what_is_kyphoplasty", "recovery_expectations", "why_pain_persists", "healing_and_muscles",
    "adjacent_fractures", "incomplete_relief", "degenerative_changes", "cement_leakage", "osteoporosis",
    "warning_signs", "how_evaluated", "which_specialist", "revision", "pain_management", "lifestyle",
]
MAX_GRADE = 9.0  # any single message
MAX_MEAN_GRADE = 7.0  # the aim is grade 6-8; most messages should sit below it
MAX_CHARACTERS = 700  # one chat bubble on a phone
CLINIC = yaml.safe_load((ROOT / "clinic.yml").read_text())
# Naming a condition as the patient's is a diagnosis; explaining what a sign "could
# mean" is education.
DIAGNOSIS = re.compile(
    r"\byou (have|’ve got|'ve got|are having) (a |an )?(new )?(fracture|infection|cauda equina|embolism|"
    r"nerve damage|stenosis|cement leak)|\bthis is (a|an) (fracture|infection|emergency caused)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("name, text", TEXTS)
def test_reads_at_a_plain_language_level(name, text):
    assert grade_level(text) <= MAX_GRADE, f"{name}: grade {grade_level(text):.1f}"


def test_reading_level_on_average():
    mean = sum(grade_level(t) for _, t in TEXTS) / len(TEXTS)
    assert mean <= MAX_MEAN_GRADE, mean


@pytest.mark.parametrize("name, text", TEXTS)
def test_fits_a_chat_bubble(name, text):
    assert len(text) <= MAX_CHARACTERS, f"{name}: {len(text)} characters"


@pytest.mark.parametrize("key", FAQ_KEYS)
def test_every_faq_answer_exists_and_offers_a_next_step(key):
    variations = RESPONSES[f"utter_faq/{key}"]
    assert all(len(v.get("buttons", [])) >= 2 for v in variations)


@pytest.mark.parametrize("name, text", TEXTS)
def test_clinic_details_come_from_the_clinic_config(name, text):
    for value in (CLINIC["name"], CLINIC["phone"], CLINIC["booking_url"]):
        assert value not in text, f"{name} hard-codes {value!r}; use the slot placeholder"
    assert not re.search(r"\b9-?1-?1\b|\(\d{3}\)|\b\d{3}-\d{4}\b", text), name


@pytest.mark.parametrize("name, text", TEXTS)
def test_never_diagnoses(name, text):
    assert not DIAGNOSIS.search(text), name


@pytest.mark.parametrize("name", [n for n, vs in RESPONSES.items() if any(v.get("custom") for v in vs)])
def test_every_alarm_banner_also_says_it_in_text(name):
    # Text-only channels (SMS) show no banner: the text must carry the phone number.
    for variation in RESPONSES[name]:
        if variation.get("custom", {}).get("type") == "triage_banner":
            assert variation["custom"]["phone"] in variation["text"]


def test_readability_measure_tells_plain_from_dense():
    # guards the measure itself: a test that cannot fail is a defect
    plain = "Your back muscles got weak. They need time to get strong again."
    dense = ("Persistent postprocedural discomfort necessitates comprehensive multidisciplinary "
             "reevaluation incorporating radiological investigation.")
    assert grade_level(plain) < 6 < MAX_GRADE < grade_level(dense)
