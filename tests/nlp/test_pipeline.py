"""The spaCy pipeline built from nlp/: which symptoms a message mentions, and whether
each is the patient's (affirmed) or negated, hypothetical, resolved, someone else's.

Rasa's SpacyNLP lowercases text before the pipeline sees it, so every case runs
lowercased, and in its original case too.
"""
import subprocess
import sys

import pytest

from tests.support.servers import ROOT, project_env

WARNING_SIGNS = {
    "pain_worse", "pain_spreading", "nerve_symptoms", "posture_change", "infection_signs",
    "bladder_bowel_control", "saddle_numbness", "sudden_weakness", "chest_pain",
    "shortness_of_breath", "coughing_blood",
}

# text -> the warning signs it mentions, each with its role; nothing else may be flagged
CASES = [
    # affirmed, each sign, plain and typo'd
    ("my legs feel numb and tingly since yesterday", {"nerve_symptoms": "affirmed"}),
    ("pins & needles in both feet", {"nerve_symptoms": "affirmed"}),
    ("my legs feel funny", {"nerve_symptoms": "affirmed"}),
    ("my legs keep giving way", {"nerve_symptoms": "affirmed"}),
    ("theres this numbnes in my left foot", {"nerve_symptoms": "affirmed"}),
    ("the pain is spreading down into my left leg now", {"pain_spreading": "affirmed"}),
    ("the pain now shoots down the back of my thigh", {"pain_spreading": "affirmed"}),
    ("it was so much better after the kyphoplasty but now the pain came back suddenly", {"pain_worse": "affirmed"}),
    ("new sharp pain when i twist", {"pain_worse": "affirmed"}),
    ("im more stooped than before", {"posture_change": "affirmed"}),
    # height loss said as shrinking; clothes shrink too
    ("ive been shrinking since the operation", {"posture_change": "affirmed"}),
    ("i have shrunk about an inch this year", {"posture_change": "affirmed"}),
    ("my new jumper shrank in the wash", {}),
    ("my posture is getting worse", {"posture_change": "affirmed"}),
    ("i feel feverish and shivery", {"infection_signs": "affirmed"}),
    ("the incision is red and oozing", {"infection_signs": "affirmed"}),
    ("i have a feaver", {"infection_signs": "affirmed"}),
    # emergency tier, including composition
    ("my groin feels numb", {"saddle_numbness": "affirmed"}),
    ("numbness between my legs", {"saddle_numbness": "affirmed"}),
    ("i have no feeling in my bum when i wipe", {"saddle_numbness": "affirmed"}),
    ("i suddenly cant stand up", {"sudden_weakness": "affirmed"}),
    ("my legs just gave out and i cant get up", {"sudden_weakness": "affirmed"}),
    ("my legs simply wont support me this morning", {"sudden_weakness": "affirmed"}),
    ("i wet myself and cant feel it", {"bladder_bowel_control": "affirmed"}),
    ("i have chest pain", {"chest_pain": "affirmed"}),
    ("i cant breathe properly", {"shortness_of_breath": "affirmed"}),
    ("i am coughing up blood", {"coughing_blood": "affirmed"}),
    # negated, including "dont" without an apostrophe
    ("no numbness", {"nerve_symptoms": "negated"}),
    ("i dont have a fever", {"infection_signs": "negated"}),
    ("i don't have a fever", {"infection_signs": "negated"}),
    ("no fever, no numbness", {"infection_signs": "negated", "nerve_symptoms": "negated"}),
    ("without any tingling", {"nerve_symptoms": "negated"}),
    ("never had chills", {"infection_signs": "negated"}),
    ("i dont have any tingling or weakness", {"nerve_symptoms": "negated"}),
    # hypothetical
    ("what if my legs go numb?", {"nerve_symptoms": "hypothetical"}),
    ("should i worry about fever?", {"infection_signs": "hypothetical"}),
    ("should i worry if i get a fever", {"infection_signs": "hypothetical"}),
    ("what are the signs of infection", {"infection_signs": "hypothetical"}),
    ("if i get chills should i call", {"infection_signs": "hypothetical"}),
    ("is numbness normal after kyphoplasty?", {"nerve_symptoms": "hypothetical"}),
    # historical and resolved
    ("had a fever last week but it's gone now", {"infection_signs": "historical"}),
    ("the tingling went away", {"nerve_symptoms": "historical"}),
    # someone else's
    ("my friend had numbness after her surgery", {"nerve_symptoms": "other_person"}),
    ("my neighbour has a fever", {"infection_signs": "other_person"}),
    # mixed: a denial ends at "but" / a comma / a new clause
    ("no fever, but pins and needles in my shin", {"infection_signs": "negated", "nerve_symptoms": "affirmed"}),
    ("i dont have a fever and my legs are numb", {"infection_signs": "negated", "nerve_symptoms": "affirmed"}),
    ("my legs are numb, is that normal?", {"nerve_symptoms": "affirmed"}),
    # the patient's symptom reported by someone else, or noticed by them
    ("my husband says im more hunched over than last month", {"posture_change": "affirmed"}),
    ("she has a fever", {"infection_signs": "affirmed"}),
    # how patients describe a sign without the textbook word
    ("my back pain is back with a vengeance after a good couple of weeks", {"pain_worse": "affirmed"}),
    ("the ache has been getting steadily worse since the weekend", {"pain_worse": "affirmed"}),
    ("the side of my calf feels dead", {"nerve_symptoms": "affirmed"}),
    ("there is no feeling around my back passage", {"saddle_numbness": "affirmed"}),
    ("wiping after the loo feels strange, like i cant feel it", {"saddle_numbness": "affirmed"}),
    ("my legs folded under me and now i cant walk at all", {"sudden_weakness": "affirmed"}),
    ("i coughed this morning and there was blood on the tissue", {"coughing_blood": "affirmed"}),
    ("pink frothy spit when i cough", {"coughing_blood": "affirmed"}),
    ("the needle site is hot and puffy", {"infection_signs": "affirmed"}),
    ("is it normal to be getting more stooped every week?", {"posture_change": "affirmed"}),
    # denied in the patient's own words
    ("the scar isnt red or swollen", {"infection_signs": "negated"}),
    ("the pain hasnt spread to my legs", {"pain_spreading": "negated"}),
    ("my posture looks the same as before", {}),
    # education and "what could happen": not a report
    ("can the cement leak and cause numbness?", {"nerve_symptoms": "hypothetical"}),
    ("the consent form says breathing problems can happen, how rare is that", {"shortness_of_breath": "hypothetical"}),
    ("the nurse listed chest pain as a possible complication", {"chest_pain": "hypothetical"}),
    ("what does it mean when pain goes down the leg", {"pain_spreading": "hypothetical"}),
    ("when do bladder problems count as an emergency", {"bladder_bowel_control": "hypothetical"}),
    # from before the procedure, or long-standing and unchanged
    ("before the op i had pain going down my legs but it has gone since", {"pain_spreading": "historical"}),
    ("i had numbness years ago from a disc problem", {"nerve_symptoms": "historical"}),
    ("ive had a stoop for years, nothing new", {"posture_change": "historical"}),
    ("the tingling i had before the procedure has gone", {"nerve_symptoms": "historical"}),
    # other people's stories
    ("the man in the next bed had a fever after his", {"infection_signs": "other_person"}),
    ("a woman online said she couldnt breathe after the cement", {"shortness_of_breath": "other_person"}),
    ("not sure if im imagining it but my toes have gone numb", {"nerve_symptoms": "affirmed"}),
    ("when i walk to the shops my legs go numb", {"nerve_symptoms": "affirmed"}),
    ("before the op i was fine but now my legs are numb", {"nerve_symptoms": "affirmed"}),
    ("my wife had a fever last year and now i have a fever", {"infection_signs": "affirmed"}),
    ("the pain hasnt spread anywhere", {"pain_spreading": "negated"}),
    ("my back pain has not got any worse", {"pain_worse": "negated"}),
    ("my posture is getting worse", {"posture_change": "affirmed"}),
    ("the pain in my back is definitely worse this week", {"pain_worse": "affirmed"}),
    ("the scar was a bit red at first but it settled weeks ago", {"infection_signs": "historical"}),
    ("a lady on the ward told me the cement went to her lungs and she couldnt breathe for days",
     {"shortness_of_breath": "other_person"}),
    # everyday words that only look like signs
    ("the dentist numbed my mouth this morning", {}),
    ("i cant stand the waiting", {}),
    ("my test results came back normal", {}),
    ("chilling on the sofa with a hot water bottle", {}),
    # nothing to flag
    ("just a dull ache and stiffness in the mornings", {}),
    ("i cant walk far because of the pain", {}),
    ("i cant get out of bed because of the pain", {}),
    ("i can move my leg now", {}),
    ("what is kyphoplasty", {}),
    ("a funny feeling in my tummy", {}),
    # a sign stated absent in one phrase, and a denial that is itself denied
    ("mum is doing well, no temperature, bladder and bowels normal, just tired", {"bladder_bowel_control": "negated"}),
    ("normal bladder and bowel function", {"bladder_bowel_control": "negated"}),
    ("i don't think my bladder is working normally", {"bladder_bowel_control": "affirmed"}),
    ("my bladder is fine but i cant feel it when i wipe",
     {"bladder_bowel_control": "negated", "saddle_numbness": "affirmed"}),
    # "but" ends a question's scope even when "my" follows it
    ("my sleep is normal but my legs are weak", {"nerve_symptoms": "affirmed"}),
    ("a dead feeling down my thigh", {"nerve_symptoms": "affirmed"}),
    ("im folding over more every week", {"posture_change": "affirmed"}),
    # "what is X" asks about a word; "what is this X" and "what's causing X" report it
    ("what is kyphosis", {"posture_change": "hypothetical"}),
    ("what is this numbness in my legs", {"nerve_symptoms": "affirmed"}),
    ("whats causing the tingling in my feet", {"nerve_symptoms": "affirmed"}),
    ("what symptoms mean an infection", {"infection_signs": "hypothetical"}),
    # "aching back" is the body part; "the ache has come back" is the pain returning
    ("tired aching back by the evening", {}),
    ("my back pain came back", {"pain_worse": "affirmed"}),
    # a question about the patient's own symptom still reports it
    ("does sitting make the numbness worse", {"nerve_symptoms": "affirmed"}),
    ("i feel like i'm burning up", {"infection_signs": "affirmed"}),
    # a warming cream on the skin, unless a limb is named with the feeling
    ("the deep heat cream makes my skin tingle where i rub it on", {}),
    ("i put deep heat cream on my back and now my legs are tingling", {"nerve_symptoms": "affirmed"}),
    # pain that has reached another area of the back, said as new and added
    ("my lower back is hurting now too, before it was only the middle bit where they did the op",
     {"pain_spreading": "affirmed"}),
    ("now my upper back aches as well", {"pain_spreading": "affirmed"}),
    ("the pain is now in my lower back as well as the middle", {"pain_spreading": "affirmed"}),
    ("my back hurts now and my legs too", {"pain_spreading": "affirmed"}),
    # ... but not "too much", nor where the pain used to be
    ("my lower back hurts too much to sit", {}),
    ("my lower back has been hurting too long now", {}),
    ("the pain is only in the middle now, it used to be in my lower back too", {}),
    # a limb that "went to sleep": numbness, unless it passed at once and never recurs
    ("my foot went to sleep after sitting cross legged, was fine after a minute of shaking it", {}),
    ("my foot went to sleep this morning", {"nerve_symptoms": "affirmed"}),
    ("my feet keep falling asleep, it went away after a minute", {"nerve_symptoms": "affirmed"}),
    ("my leg went to sleep again and its still numb", {"nerve_symptoms": "affirmed"}),
]

CAREGIVER_CASES = [
    ("my mother had kyphoplasty and now her legs are numb", True, {"nerve_symptoms": "affirmed"}),
    ("my husband had his kyphoplasty last week and tonight he has a fever and chills", True,
     {"infection_signs": "affirmed"}),
    ("i look after my mum who had kyphoplasty, she has chills tonight", True, {"infection_signs": "affirmed"}),
    ("i had my kyphoplasty 3 weeks ago and my sister says i look hunched", False, {"posture_change": "affirmed"}),
    ("my mom's legs are numb", False, {"nerve_symptoms": "other_person"}),
    # an acquaintance's story, told by a patient comparing notes
    ("my neighbour had kyphoplasty and got more stooped afterwards, does that always happen?", False,
     {"posture_change": "other_person"}),
    ("my cousin had shooting pains down his legs after his back op, im 4 weeks out and fine", False,
     {"pain_spreading": "other_person"}),
    ("my uncle lost control of his bladder after a different spine operation, could that happen with kyphoplasty?",
     False, {"bladder_bowel_control": "other_person"}),
    # an emergency happening to a close relative now: whoever it is, call for help
    ("my dad collapsed and his legs wont hold him, he cant get up off the floor", True,
     {"sudden_weakness": "affirmed"}),
    ("i have a fever and the spot where they did the procedure is red", False, {"infection_signs": "affirmed"}),
]


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    """The pipeline built from the current sources, loaded as Rasa would load it."""
    output = tmp_path_factory.mktemp("spacy") / "kyphoplasty_en"
    subprocess.run([sys.executable, "-m", "nlp.build_pipeline", "--output", str(output)],
                   cwd=ROOT, env=project_env(), check=True, capture_output=True)
    import nlp.components  # noqa: F401  (registers the factories before spacy.load)
    import spacy

    return spacy.load(output)


def warning_signs(doc):
    found = {}
    for mention in doc._.symptom_mentions:
        if mention["sign"] in WARNING_SIGNS:
            # a message may mention a sign twice; the patient's reading wins
            if found.get(mention["sign"]) != "affirmed":
                found[mention["sign"]] = mention["role"]
    return found


@pytest.mark.parametrize("text, expected", CASES)
@pytest.mark.parametrize("case", ["lower", "original"])
def test_signs_and_roles(nlp, text, expected, case):
    doc = nlp(text.lower() if case == "lower" else text.capitalize())
    assert warning_signs(doc) == expected


@pytest.mark.parametrize("text, caregiver, expected", CAREGIVER_CASES)
def test_caregiver_voice(nlp, text, caregiver, expected):
    doc = nlp(text)
    assert doc._.caregiver_voice is caregiver
    assert warning_signs(doc) == expected


def test_mentions_carry_their_text_and_position(nlp):
    text = "no fever, but pins and needles in my shin"
    mention = next(m for m in nlp(text)._.symptom_mentions if m["sign"] == "nerve_symptoms")
    assert text[mention["start"]:mention["end"]] == mention["text"] == "pins and needles"


@pytest.mark.parametrize("text", ["it eased a little since the fracture", "a slight improvement, i think"])
def test_a_little_or_slight_alone_is_no_ache(nlp, text):
    assert [m["sign"] for m in nlp(text)._.symptom_mentions] == []


def test_a_mild_ache_is_still_an_ache(nlp):
    assert [m["sign"] for m in nlp("just a mild ache now")._.symptom_mentions] == ["muscle_ache"]


def test_built_pipeline_loads_from_another_directory(tmp_path):
    output = tmp_path / "pipeline"
    subprocess.run([sys.executable, "-m", "nlp.build_pipeline", "--output", str(output)],
                   cwd=ROOT, env=project_env(), check=True, capture_output=True)
    probe = (
        "import nlp.components, spacy; n = spacy.load(r'%s'); "
        "print(n('my legs are numb')._.symptom_mentions[0]['sign'])" % output
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env=project_env())
    assert result.stdout.strip() == "nerve_symptoms", result.stderr[-2000:]
