"""Edge readings of the answer rules in ``facilitator.understanding.answers``.

Each case is a realistic answer with the reading the rules should give it, chosen where a
small change in a rule (a threshold, a word list, one alternative of a pattern) would change
the reading.
"""

from __future__ import annotations

import pytest

from facilitator.understanding import answers as a
from facilitator.understanding.answers import (
    read_confirmation,
    read_empathy,
    read_empathy_confirm,
    read_more,
    read_validation,
)

DONE = ("done", None)
YES = ("yes", None)
CHUNK = ("chunk", None)

# --- read_more ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # a close with a hand-over or a pause, even with some words after it
    ("that is all, let us leave it there, I am exhausted", DONE),
    ("that's all, you can move on to Sam now", DONE),
    ("that's it, it's your turn to talk now", DONE),
    ("naw that is me finished", DONE),
    ("I think I have covered the lot", DONE),
    # more said right after the close reopens it
    ("that's it, oh and one more thing", YES),
    # more to come, once the words are found
    ("yes, it's hard to put into words for this", YES),
    ("yes, let me pick the right words", YES),
    ("yes, give me a minute, it's about money", YES),
    ("yes, I need help saying it", YES),
    ("yes, I'm scared to say it", YES),
    ("yes, it's hard to explain", YES),
    ("yes, I just need to get it out, it's been eating at me", YES),
    # ... but a wait with as much said as this is itself a chunk
    ("yes, hang on, I'm scared", CHUNK),
    ("yes, hang on, it's about the money and the kids", CHUNK),
    # a late "sure" in "not sure" is no yes to more
    ("I need to think, I'm not sure", None),
    ("not entirely sure, let me think", None),
    # asking to go on
    ("can I carry on please", YES),
    ("can I carry on for a minute", YES),
    ("can I go on, I'm lonely", CHUNK),
    # words about how much more, or about saying it, are not what is more
    ("yes, there's loads more about work", YES),
    ("yes, there's heaps more about work", YES),
    ("yes, there's tons more about work", YES),
    ("yes, there's plenty more about work", YES),
    ("to be honest there's a bit more about work", YES),
    ("yes, there's more I want to say about work today", YES),
    ("yes, there's more, I think, about work today", YES),
    ("no, I've said everything about work today", DONE),
    ("that's all about work today, thanks for listening", DONE),
    ("no, I'm done with the work stuff today", DONE),
    ("no, I'm good, that's all about work for today", DONE),
    ("that covers it for tonight", DONE),
    # "sure" answers the question: what follows it is read for blame, not the "sure ... you"
    ("sure, there's more, you forgot my birthday", CHUNK),
])
def test_read_more_edges(text, expected):
    assert read_more(text) == expected


# --- read_validation: a reason that runs the partner down --------------------------------

CONTEMPT = ("retry", "contempt")
VALID = ("valid", None)


@pytest.mark.parametrize("text, expected", [
    ("you always blow things up, so it makes sense", CONTEMPT),
    ("it makes sense, you always make a fuss", CONTEMPT),
    ("it makes sense, you always make such a fuss", CONTEMPT),
    ("it makes sense, you constantly complain", CONTEMPT),
    # the fault put on the partner, in words no put-down pattern has
    ("it makes sense you're upset, it's on you to sort it out", CONTEMPT),
    ("I can see why you are upset, but it is on you to fix it", CONTEMPT),
    ("I get why you'd think that, what's wrong with you", CONTEMPT),
    # an "always" that is no charge, and the partner as a reason that is no fault
    ("makes sense, you always have a reason to be cross", VALID),
    ("makes sense, you never listen because I always nag", VALID),
    ("it makes sense, the reason is you felt ignored", VALID),
])
def test_read_validation_runs_down(text, expected):
    assert read_validation(text) == expected


@pytest.mark.parametrize("text", ["that's on you", "your fault"])
def test_runs_down_fault_put_on_the_partner(text):
    # a put-down pattern catches these first in read_validation; the rule here holds as well
    assert a._runs_down(text, a._norms(text))


# --- a belittling word said of a thing, not of the partner --------------------------------


@pytest.mark.parametrize("text", [
    "it makes sense you're tired, work has been crazy",
    "it makes sense you're tired, work has been so crazy",
    "it makes sense you're tired, things have been crazy",
    "it makes sense you're tired, work had been mental for weeks",
    "it makes sense you're tired, the job is getting ridiculous",
    "it makes sense you're tired, work was getting ridiculous",
    "it makes sense you're tired, the kids were getting crazy",
    "it makes sense you're tired, the kids are getting crazy",
    "it makes sense you're tired, work will be getting crazy",
    "it makes sense you're tired, work has been getting crazy",
    "it makes sense you're tired, work will be crazy",
    "it makes sense you're tired, work would be mental for anyone",
    "it makes sense you're tired, work has just been crazy",
    "it makes sense you're tired, it has been crazy",
    "it makes sense you're tired, it been crazy at work",
    "it's been crazy lately, so it makes sense you're tired",
    "work is mental, so it makes sense you're tired",
    # the speaker's own word for themselves
    "makes sense, sorry, am being silly",
])
def test_read_validation_belittling_word_of_a_thing(text):
    assert read_validation(text) == VALID


@pytest.mark.parametrize("text", [
    "it makes sense, you have always been so dramatic",
    "makes sense, such a silly thing to get upset about",
])
def test_read_validation_belittling_word_of_the_partner(text):
    assert read_validation(text) == CONTEMPT


def test_said_of_a_thing_needs_a_thing_before_the_verb():
    # "always been so dramatic": nothing but the verb before the word, so it is no thing's
    words = ["always", "been", "so", "dramatic"]
    assert not a._said_of_a_thing(words, 3)


# --- read_confirmation ----------------------------------------------------------------------

NO = ("no", None)
PARTLY = ("partly", None)


@pytest.mark.parametrize("text, expected", [
    # a "no" that waves the doubt away
    ("nah, you nailed it", YES),
    ("nah, you nailed it, almost word for word", YES),
    ("no, you heard me", YES),
    ("no, you got everything", YES),
    ("no, you got it, that's exactly what I meant", YES),
    ("nah, you're good, that was exactly what I was saying", YES),
    ("nah you got it, that's just what I meant to say", YES),
    ("no, you got it, also that's exactly what I meant", YES),
    # ... not when what follows says it came back wrong, or only in part
    ("no, you got it backwards", NO),
    ("nah, you got it, nearly word for word, sort of", PARTLY),
    # asked to say it again
    ("not even close, try again", NO),
    ("sort of, can you try again, like I said earlier", PARTLY),
    ("yeah, but once more please", PARTLY),
    # how it was said, or a part pointed at, with a comment on the mirror in between
    ("it was your own version", PARTLY),
    ("he got it, which really impressed me, not the money bit though", PARTLY),
    # near enough all of it, and something new said besides
    ("almost exactly, but I'm also scared", ("addition", None)),
    ("pretty much spot on, and I'm lonely too", ("addition", None)),
    # a manner, and something new said besides
    ("it was a bit robotic, and I'm lonely", ("addition", None)),
])
def test_read_confirmation_edges(text, expected):
    assert read_confirmation(text) == expected


@pytest.mark.parametrize("text", [
    # something came back wrong: whatever else it is, it is no yes
    "no, you got it turned around",
    "no, you got it all muddled",
    "nearly word for word, apart from the money",
    "almost exactly, there's also the money",
])
def test_read_confirmation_not_a_yes(text):
    assert read_confirmation(text) != YES


# --- read_empathy_confirm -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("you didn't get it", NO),
    ("you didn't, not really", NO),
    # a "no" that answers, with a yes after it in other words
    ("nah, I'm not sad, but I'm angry", NO),
    ("nope, I'm not sad, but I'm angry", NO),
    # relief at being heard is a yes, whatever else is in it
    ("yes, it's kind of a relief to hear you say it", YES),
    ("yeah, it feels good not to be blamed", YES),
    ("yeah, means a lot, not gonna lie", YES),
    ("yeah, not used to hearing you say that", YES),
    # a feeling word asked back is no agreement
    ("what do you mean, lonely?", None),
])
def test_read_empathy_confirm_edges(text, expected):
    assert read_empathy_confirm(text) == expected


@pytest.mark.parametrize("text", [
    # "no, that's right" waves the doubt away only when nothing is added or held back
    "no, that's right, kind of",
    "no, it's right, just lonely as well",
    "no, that's right, though lonely too",
])
def test_read_empathy_confirm_no_yes_with_a_reservation(text):
    assert read_empathy_confirm(text) != YES


# --- a part of the turn pointed at, not said again ------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("the money bit you missed", PARTLY),
    ("you missed the bit on money", PARTLY),
    ("you missed the bit where mum rang", PARTLY),
    ("you missed the bit when Dad left", PARTLY),
    ("he skipped the part of the story with my dad", PARTLY),
    # a feeling named is said, not pointed at
    ("you forgot the part about loneliness", ("addition", None)),
])
def test_read_confirmation_part_pointed_at(text, expected):
    assert read_confirmation(text) == expected


# --- read_empathy: a belittling word that is a feeling had, or a label --------------------

FEELING = ("feeling", None)


@pytest.mark.parametrize("text, expected", [
    ("I imagine you feel so silly", FEELING),
    ("I imagine you feel lonely and silly", FEELING),
    ("I bet you felt gutted", FEELING),
    ("I imagine you feel hurt, but I feel you are being dramatic", CONTEMPT),
    ("silly, that's what you are", CONTEMPT),
    ("typical, you feel gutted", CONTEMPT),
])
def test_read_empathy_edges(text, expected):
    assert read_empathy(text) == expected


# --- the rest: sarcasm, a "but" that argues back, thoughts, own state, names ---------------


@pytest.mark.parametrize("text, expected", [
    # typed in capitals, "I" and all: shouted
    ("I GET IT, THAT MAKES SENSE", ("retry", "sarcasm")),
    # a "still" after its verb is no "still, ..."; a "but" after it still argues back
    ("it makes sense that it still hurts you", VALID),
    ("makes sense, you're still upset, but I was tired too", ("retry", "rebuttal")),
    ("that makes sense, but you started", ("retry", "rebuttal")),
    # a "but" before the validation turns toward it
    ("I was tired, but I get why you're upset, it makes sense", VALID),
    # taken back after the first "sense"
    ("that makes sense, well no actually, I'm not sure it makes sense", ("retry", "rebuttal")),
    ("it makes sense, because I was exhausted", ("retry", "rebuttal")),
    # a word of a plain compound ("sensitive topic") does not excuse a label after it
    ("makes sense, a sensitive topic for you, you can be a bit hysterical", CONTEMPT),
])
def test_read_validation_more_edges(text, expected):
    assert read_validation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("you think I work too much and you feel like I'm distant", ("retry", "thought")),
    ("I think you feel that I'm angry with you", ("retry", "thought")),
    # the feeling after the clause ends is the partner's, not part of the thought
    ("you think it all falls on you so much pressure", FEELING),
])
def test_read_empathy_thoughts(text, expected):
    assert read_empathy(text) == expected


def test_read_confirmation_name_at_the_end_is_no_content():
    assert read_confirmation("he got most of it, Ben.") == PARTLY


# --- found by the mutation run, mended ------------------------------------------------------------

@pytest.mark.parametrize("read, text, reading", [
    # running down said as it goes on ("you keep nagging"); keeping going is no running down
    (read_validation, "it makes sense, you keep nagging me about it", ("retry", "contempt")),
    (read_validation, "makes sense, you keep starting arguments", ("retry", "contempt")),
    (read_validation, "it makes sense, you keep going even when you are tired",
     ("valid", None)),
    # the mirror got mixed up or turned round: a no; a part of it mixed up names that part
    (read_confirmation, "no, you got it mixed up", ("no", None)),
    (read_confirmation, "no, you got it turned around", ("no", None)),
    (read_confirmation, "you got it mixed up a bit, the money part", ("addition", None)),
    # "okay, no, that's not how I feel": its "okay" is no yes
    (read_empathy_confirm, "okay, no, that's not how I feel", ("no", None)),
    (read_empathy_confirm, "okay yes that's how I feel", ("yes", None)),
])
def test_mended_readings(read, text, reading):
    assert read(text) == reading
