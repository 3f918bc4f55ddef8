"""Second-opinion reasons stated in the words (actions/triage/opinion_reasons.py):
each needs both its parts, so an ordinary question does not give a reason."""
from datetime import date

import pytest

from actions.triage.opinion_reasons import stated_reasons, states_not_improved


@pytest.mark.parametrize("text, reasons", [
    ("can i get a second opinion? my consultant wants to operate again and i want to be sure its the right thing",
     {"advised_another_procedure"}),
    ("my surgeon wants to do another kyphoplasty on the level above but im not sure", {"advised_another_procedure"}),
    ("theyve suggested a revision procedure to put more cement in", {"advised_another_procedure"}),
    ("weve been told my dad needs a vertebroplasty now at a different level", {"advised_another_procedure"}),
    ("the mri report says the fracture has healed but the ct report says something different",
     {"imaging_unclear"}),
    ("two doctors looked at the same xray and told me different things", {"imaging_unclear"}),
    ("the radiologists report says the findings are indeterminate", {"imaging_unclear"}),
    ("he just says give it time and doesnt really listen. i feel fobbed off", {"unheard"}),
    ("i dont feel like anyone is taking my pain seriously", {"unheard"}),
    ("should i get a second opinion? my doctor doesnt listen and wants to operate again",
     {"unheard", "advised_another_procedure"}),
    # the doctor's manner and the patient's doubt about the plan, in other words
    ("the consultant brushed me off in five minutes flat", {"unheard"}),
    ("the ct report said it had healed but the mri report shows a new crack, which is right?", {"imaging_unclear"}),
    ("honestly i'm not sure about the plan they've given her", {"unheard"}),
    # after kyphoplasty, any procedure advised now is another one
    ("the surgeon told me to have a fusion, is that right?", {"advised_another_procedure"}),
    ("they've booked him for surgery next month and we want to be sure", {"advised_another_procedure"}),
    ("the consultant now wants to do a vertebroplasty on my mother", {"advised_another_procedure"}),
    # a report no one can read, a plan no one owns
    ("his mri results came back and the physio couldn't make sense of them either", {"imaging_unclear"}),
    ("the x-ray report uses words nobody's explained what it means", {"imaging_unclear", "unheard"}),
    ("three doctors, and honestly i don't know if anyone has a plan for her", {"unheard"}),
    ("the pain team and the surgeon have two plans and we don't know whose plan to follow", {"unheard"}),
    ("the specialist never explained anything, nobody's explained a thing to us", {"unheard"}),
])
def test_reasons_said_in_the_words(text, reasons):
    assert stated_reasons(text) == reasons


@pytest.mark.parametrize("text", [
    "should i get a second opinion?",
    "who can give me a second opinion",
    "do i need another procedure?",  # a question, not an advice received
    "my doctor wants me to do more physio",
    "the scan was clear and my doctor explained it well",
    "i had my kyphoplasty again last year",  # no advice
    "my results came back normal",
    "the scan showed the cement in place and the doctor said it had healed",
    "i was told to have physio twice a week",  # not a procedure
    "i'm not sure about the parking at the hospital",
])
def test_no_reason_without_both_parts(text):
    assert stated_reasons(text) == frozenset()


@pytest.mark.parametrize("text, states", [
    ("10 wks. no better. same as day one", True),
    ("I had kyphoplasty 9 weeks ago and the pain hasn't changed at all since", True),
    ("3 weeks and the same", False),  # too early: expected healing
    ("8 weeks, it is the same in the day but much worse at night", False),  # worse: the first sign
    ("8 weeks, pain is a lot better", False),
    # a change denied is no change: the word "worse" in it is not the first sign
    ("kyphoplasty 11 weeks back, it hasn't really got better or worse, a 4 most days", True),
    ("about 3 months on now. no better no worse, same dull ache", True),
    ("been 7 weeks and it isn't any better, I'm fed up", True),
    ("2 months since the op, the ache has been stuck on a 6 the whole time", True),
    ("pt 8/52 post kypho, pain static, obs stable", True),  # care-note shorthand for weeks
    ("10 weeks, not worse in the day but it's getting worse at night", False),
])
def test_several_weeks_and_no_better_said_in_one_message(text, states):
    assert states_not_improved(text, date(2026, 12, 2)) is states
