"""How a partner's short answer is read (``understanding/answers.py``): the rules that settle
a step's answer before the classifier is asked. Each case is what a partner says at that
step and what the facilitator must take it as; ``None`` leaves it to the classifier.
"""

from __future__ import annotations

import pytest

from facilitator.understanding.answers import (
    READERS,
    names_time,
    read_confirmation,
    read_consent,
    read_empathy,
    read_empathy_confirm,
    read_more,
    read_sharing,
    read_validation,
)


def test_every_step_has_its_reader_and_an_empty_answer_settles_nothing():
    assert set(READERS) == {"appointment_consent", "send", "confirm", "more", "validate",
                            "empathize", "empathy_confirm"}
    for reader in READERS.values():
        assert reader("") is None
        assert reader(" ... ") is None


# ------------------------------------------------------------- "did <receiver> get that?"


@pytest.mark.parametrize("text, outcome", [
    ("yes", "yes"),
    ("yes exactly", "yes"),
    ("no", "no"),
    ("nope", "no"),
    ("no, try again", "no"),
    ("sort of, say it again", "partly"),
    ("not quite", "partly"),
    ("almost", "partly"),
    ("you missed something", "partly"),
    ("it sounded like a robot", "partly"),
    ("you said it too fast", "partly"),
    ("no, that's your version, not mine", "no"),
    ("no, I also said I miss my mum", "addition"),
    ("yes, and I also miss the garden", "addition"),
    ("yeah and the dog", "addition"),
    ("no, I said I feel lonely on weekends when you work late and leave me", "addition"),
    ("no, not what I meant by lonely", "addition"),
    ("yes, thanks, that felt really good to hear you say the kids matter", "yes"),
    ("yes, though you said it kind of fast", "yes"),
    ("yes you even got the part about the kids", "yes"),
    ("not even close", "no"),
    ("hmm", None),
])
def test_read_confirmation(text, outcome):
    reading = read_confirmation(text)
    assert (reading[0] if reading else None) == outcome


# ------------------------------------------------------------- "is that how you feel?"


@pytest.mark.parametrize("text, outcome", [
    ("yes", "yes"),
    ("no", "no"),
    ("nope, some help would be nice", "no"),
    ("no, not at all", "no"),
    ("no yes", "no"),
    ("no, kind of", "partly"),
    ("kind of", "partly"),
    ("yeah sort of", "partly"),
    ("yes but also scared", "partly"),
    ("yes, there is also shame", "partly"),
    ("yes, it's a relief to hear you say that", "yes"),
    ("lonely, exactly", "yes"),
    ("the car", None),
])
def test_read_empathy_confirm(text, outcome):
    reading = read_empathy_confirm(text)
    assert (reading[0] if reading else None) == outcome


# ----------------------------------------------------------------------- "is there more?"


@pytest.mark.parametrize("text, outcome", [
    ("no", "done"),
    ("that's all", "done"),
    ("that's it; next time I'll bring up the money thing", "done"),
    ("that is the lot", "done"),
    ("yes", "yes"),
    ("one more thing", "yes"),
    ("yeah I have more", "yes"),
    ("that is the lot, but also the car", "yes"),
    ("yes, let me think", "yes"),
    ("there is, I need to find the words", "yes"),
    ("no... well, actually, yes", "yes"),
    ("also I feel lonely when you work late every night", "chunk"),
    ("I will try to go slower", None),
    ("hmm", None),
])
def test_read_more(text, outcome):
    reading = read_more(text)
    assert (reading[0] if reading else None) == outcome


def test_blame_said_as_more_is_blame():
    assert read_more("you always ignore me") == ("blame", "absolute")


# ------------------------------------------------------------ "is now a good time to listen?"


@pytest.mark.parametrize("text, outcome", [
    ("yes", "yes"),
    ("sure, go ahead", "yes"),
    ("now works", "yes"),
    ("okay fine", "yes"),
    ("I'd rather get it over with, so yes", "yes"),
    ("I'd rather not, but okay, I'll listen", "yes"),
    ("not ready, but okay", "yes"),
    ("later, now is good", "yes"),
    ("not now", "no"),
    ("not ready", "no"),
    ("I don't think I can listen right now", "no"),
    ("later", "later"),
    ("after the kids are asleep", "later"),
    ("maybe", "unclear"),
    ("um yes no", "unclear"),
    ("is it long?", "unclear"),
    ("the dishes can wait", None),
    ("no problem", None),
    ("hmm", None),
])
def test_read_consent(text, outcome):
    reading = read_consent(text)
    assert (reading[0] if reading else None) == outcome


@pytest.mark.parametrize("text, named", [
    ("tomorrow", True), ("after the kids are asleep", True), ("Saturday", True),
    ("later", False), ("can it wait", False), ("in a bit", False), ("not now", False),
    ("can we wait", False), ("can this wait", False), ("could it wait", False),
    ("another time", False), ("some other time", False), ("another day", False),
    ("another night", False), ("rain check", False), ("in a while", False),
    ("after work", True), ("in an hour", True), ("this weekend", True), ("tonight", True),
    ("on monday", True), ("in the morning", True), ("sunday", True), ("friday", True),
    ("can it wait till tomorrow", True), ("another day, maybe thursday", True),
    ("can it wait, maybe tuesday", True), ("later, on wednesday", True),
])
def test_names_time(text, named):
    assert names_time(text) is named


# ---------------------------------------------------------------------------- validation


@pytest.mark.parametrize("text, reading", [
    ("That makes sense", ("valid", None)),
    ("I can see why, but that makes sense", ("valid", None)),
    ("That doesn't make sense", ("retry", "none")),
    ("what I hear you saying is you were tired", ("retry", "none")),
    ("why?", ("retry", "none")),
    ("whatever", ("retry", "dismissal")),
    ("fine, whatever, it makes sense", ("retry", "dismissal")),
    ("makes sense, if you are a child", ("retry", "contempt")),
    ("I understand why you were upset, you're so sensitive", ("retry", "contempt")),
    ("oh sure, that makes SO much sense", ("retry", "sarcasm")),
    ("riiight, I understand", ("retry", "sarcasm")),
    ("I can see why, but I was tired too", ("retry", "rebuttal")),
    ("the car", None),
])
def test_read_validation(text, reading):
    assert read_validation(text) == reading


# ------------------------------------------------------------------------------- empathy


@pytest.mark.parametrize("text, reading", [
    ("I imagine you feel lonely", ("feeling", None)),
    ("I guess you feel, I dunno, heartbroken", ("feeling", None)),
    ("you seem gutted", ("feeling", None)),
    ("you feel that I don't care", ("retry", "thought")),
    ("you think I'm lazy", ("retry", "thought")),
    ("you feel lonely, you're so dramatic", ("retry", "contempt")),
    ("the car", ("retry", "none")),
])
def test_read_empathy(text, reading):
    assert read_empathy(text) == reading


# ------------------------------------------------------------------------------- sharing


@pytest.mark.parametrize("text, reading", [
    ("I feel lonely", ("shared", None)),
    ("I'm grateful that you always cook", ("shared", None)),
    ("you make me laugh", ("shared", None)),
    ("you're a slob", ("blame", "insult")),
    ("it's all your fault", ("blame", "fault")),
    ("thanks to you we're late", ("blame", "fault")),
    ("you make me feel like an idiot", ("blame", "fault")),
    ("you always ignore me", ("blame", "absolute")),
    ("your always on your phone", ("blame", "absolute")),
    ("you skip everything", ("blame", "absolute")),
    ("oh great, another late night", ("blame", "contempt")),
])
def test_read_sharing(text, reading):
    assert read_sharing(text) == reading


@pytest.mark.parametrize("text, reading", [
    # a verdict on the listener's hearing, or a name said to them, is nothing more to mirror
    ("Um, no, sorry, I don't think you heard me.", ("no", None)),
    ("Not even close, Ben.", ("no", None)),
    ("close but not really the main thing", ("partly", None)),
    # near misses: the correction itself is new content, mirrored next
    ("No. I don't think you heard the part about my mum being ill.", ("addition", None)),
    ("not quite, the main thing is I felt alone at the party", ("addition", None)),
    ("kind of, but the main thing was that I miss you", ("addition", None)),
])
def test_a_comment_on_the_hearing_is_not_an_addition(text, reading):
    assert read_confirmation(text) == reading


@pytest.mark.parametrize("text, reading", [
    # the sweep said first, the partner after it
    ("it's every single weekend, you're off golfing and I'm stuck at home with the kids",
     ("blame", "absolute")),
    ("every time we go to your mum's you disappear into the garden and leave me with everyone",
     ("blame", "absolute")),
    # mockery needs no tone of voice
    ("typical. you say you'll sort the boiler and then, surprise surprise, nothing",
     ("blame", "contempt")),
    ("well done, genius, you left the gate open and the dog got out again", ("blame", "contempt")),
    ("I feel great when you grace us with your presence at dinner, your majesty",
     ("blame", "contempt")),
    ("ugh, the great provider wants to lecture everyone about the budget", ("blame", "contempt")),
    # near misses: praise after the sweep, a sweep inside an I-statement, a plain "here we go"
    ("every time we argue you hug me after and I love that", ("shared", None)),
    ("every Sunday you cook for us and it makes me happy", ("shared", None)),
    ("I feel lonely every evening when you're on your phone", ("shared", None)),
    ("here we go, I've been wanting to say this for weeks: I feel lonely", ("shared", None)),
    ("it's typical of my family to avoid conflict, and I feel scared to bring things up",
     ("shared", None)),
])
def test_sweeps_and_mockery_in_a_sharing(text, reading):
    assert read_sharing(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("typical, yeah, it always makes sense when it's you", ("retry", "sarcasm")),
    ("yeah totally, makes loads of sense, I'm clearly the worst husband in the world",
     ("retry", "sarcasm")),
    ("it makes sense, you've been on your own with it", ("valid", None)),
])
def test_mockery_in_a_validation_is_coached(text, reading):
    assert read_validation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("nah you're good", ("yes", None)),
    ("no, you got it, that's it", ("yes", None)),
    # near misses: got it wrong, or a no that adds
    ("no, you got it wrong", ("no", None)),
    ("no you got it all wrong", ("no", None)),
    ("no, you got it, but I also said I was scared", ("addition", None)),
])
def test_a_no_that_says_you_got_it_is_a_yes(text, reading):
    assert read_confirmation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("I imagine you might be feeling, what, neglected? boo hoo", ("retry", "contempt")),
    ("I imagine you feel upset. shocker.", ("retry", "contempt")),
    ("i imagine you feel very important right now with your little speech",
     ("retry", "contempt")),
    ("lonely, I suppose, typical you, making it into a tragedy", ("retry", "contempt")),
    # near miss: the same feelings named without the jeer
    ("I imagine you might be feeling neglected, and a bit lonely", ("feeling", None)),
])
def test_a_feeling_named_with_a_jeer_is_coached(text, reading):
    assert read_empathy(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("no, that's spot on", ("yes", None)),
    ("nah, it's right", ("yes", None)),
    ("no, that's not it", ("no", None)),
    ("no it is right but more sad than angry", ("no", None)),
])
def test_a_no_that_waves_the_doubt_away_is_a_yes(text, reading):
    assert read_empathy_confirm(text) == reading


def test_whinging_is_a_put_down_in_a_validation():
    assert read_validation("it makes sense that you'd whinge about it, you whinge about "
                           "everything") == ("retry", "contempt")


@pytest.mark.parametrize("text, reading", [
    ("not right now Marcus, I'm in the middle of the tax return, maybe like eight?",
     ("later", None)),
    ("not this second, let me finish this email and then I'm all yours", ("later", None)),
    ("if it's quick, yeah, I've got the oven on", ("yes", None)),
    # near misses: a "not now" that proposes nothing is a no
    ("not right now, no, I'm not up for it", ("no", None)),
    ("not now, I'm exhausted", ("no", None)),
])
def test_a_not_now_with_a_time_or_a_task_first_is_later(text, reading):
    assert read_consent(text) == reading
