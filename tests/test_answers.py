"""How a partner's short answer is read (``understanding/answers.py``): the rules that settle
a step's answer before the classifier is asked. Each case is what a partner says at that
step and what the facilitator must take it as; ``None`` leaves it to the classifier.
"""

from __future__ import annotations

import pytest

from facilitator import textnorm as tn
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


# ------------------------------------------------------------ more answers, as people say them


@pytest.mark.parametrize("text, outcome", [
    ("no, that covers it, thanks for listening", "done"),
    ("no, I'm done, thanks", "done"),
    ("no that's pretty much everything, really", "done"),
    ("no, I don't want to add anything else", "done"),
    ("you never listen to me, that's all", "done"),
    ("that's it for today, I'll bring the rest later", "done"),
    ("I have something", "yes"),
    ("got another one", "yes"),
    ("yes, let me slow down", "yes"),
    ("yes. I'll speak slower", "yes"),
    ("um, no, yes", "yes"),
    ("no. maybe yes", "yes"),
    ("yes, the kids and the garden", "chunk"),
    ("yes, I'm tired", "chunk"),
    ("I want to add that I feel lonely", "chunk"),
    # a short answer that names one thing, or a late no, is left to the classifier
    ("yes, my mum", None),
    ("no, the car", None),
    ("uh well um yes", None),
    ("well um no", None),
])
def test_read_more_as_people_say_it(text, outcome):
    reading = read_more(text)
    assert (reading[0] if reading else None) == outcome


@pytest.mark.parametrize("text, outcome", [
    ("yes thanks, that felt good, the kids", "yes"),
    ("yes, you even remembered the dog", "yes"),
    ("no, say that back to me again, I also said I miss my mum", "addition"),
    ("sort of, I also said I miss my mum, repeat that", "addition"),
    ("yeah, but can you repeat the part about the kids", "partly"),
    ("no, that's your version", "no"),
    ("no, you said it like a robot", "partly"),
    ("no, it was too fast", "partly"),
    ("you said it too quickly", "partly"),
    ("the words were fine", "partly"),
    ("the words were right but it sounded flat", "partly"),
    ("you were too fast, my mum and the garden and the kids", "addition"),
    ("kind of, the kids", "addition"),
    ("no, the garden", "addition"),
    ("it was more that I feel lonely", "addition"),
    ("the part about my mum", "addition"),
    ("and the garden", "addition"),
    ("plus the garden", "addition"),
    ("also that I miss my mum", "addition"),
    ("lonely, not angry", "addition"),
    ("not angry but lonely", "addition"),
    ("no, not what I meant by that", "no"),
    ("something is missing", "partly"),
    ("you left something out", "partly"),
    ("you skipped some", "partly"),
    ("yes, my mum", None),
    ("hmm, um, well, yes", None),
    ("hmm, um, well, no", None),
])
def test_read_confirmation_as_people_say_it(text, outcome):
    reading = read_confirmation(text)
    assert (reading[0] if reading else None) == outcome


@pytest.mark.parametrize("text, outcome", [
    ("no, I feel kind of sad", "no"),
    ("not really, no", "no"),
    ("well, nah", "no"),
    ("not at all", "no"),
    ("no, sort of, not at all", "no"),
    ("not even close, no", "no"),
    ("lonely", "yes"),
    ("so very lonely, yes", "yes"),
    ("I feel really lonely", "yes"),
    ("hmm, well, um, no", None),
    ("hmm, well, um, yes", None),
])
def test_read_empathy_confirm_as_people_say_it(text, outcome):
    reading = read_empathy_confirm(text)
    assert (reading[0] if reading else None) == outcome


@pytest.mark.parametrize("text, outcome", [
    ("I'd rather not, but I'll listen", "yes"),
    ("I'd rather not, but I'm ready", "yes"),
    ("I'd rather not, but alright", "yes"),
    ("I'm not up to it", "no"),
    ("I'm not in a good place", "no"),
    ("I'm not able to right now", "no"),
    ("nope", "no"),
    ("nah", "no"),
    ("about what", "unclear"),
    ("why", "unclear"),
    ("is it going to be long", "unclear"),
    ("perhaps", "unclear"),
    ("possibly", "unclear"),
    ("I guess maybe", "unclear"),
    ("a good time for what exactly", None),
    ("okay, about what", None),
    ("my work can wait, yes", None),
    ("hmm, um, well, okay, yes", None),
])
def test_read_consent_as_people_say_it(text, outcome):
    reading = read_consent(text)
    assert (reading[0] if reading else None) == outcome


@pytest.mark.parametrize("text, reading", [
    ("you never make me feel silly", ("shared", None)),
    ("you made me feel safe", ("shared", None)),
    ("you make me so happy", ("shared", None)),
    ("you never help, but I'm grateful", ("blame", "absolute")),
    ('I feel like I\'m your "maid"', ("shared", None)),
    ('I\'m "fine"', ("shared", None)),
    ("you are not a bad father", ("shared", None)),
    ("you're not lazy", ("shared", None)),
    ("if you weren't so lazy", ("blame", "insult")),
    ("you are acting like a child", ("blame", "insult")),
    ("stop being a baby", ("blame", "insult")),
    ("you are the worst", ("blame", "insult")),
    ("you were really mean", ("blame", "insult")),
    ("you ruined it", ("blame", "fault")),
])
def test_read_sharing_as_people_say_it(text, reading):
    assert read_sharing(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("you feel like nobody cares", ("retry", "thought")),
    ("I think you feel like I should have asked first", ("retry", "thought")),
    ("you feel that it's unfair", ("retry", "thought")),
    ("you think I'm lazy, and you feel lonely", ("feeling", None)),
    ("you feel lonely because you think I don't care", ("feeling", None)),
    ("you think it's unfair and you feel hurt", ("feeling", None)),
    ("you think I'm cold, you feel hurt", ("feeling", None)),
    ("you feel like I will leave and you are scared", ("feeling", None)),
])
def test_read_empathy_as_people_say_it(text, reading):
    assert read_empathy(text) == reading


@pytest.mark.parametrize("text, reading", [
    # sarcasm with a put-down in it is contempt
    ("oh great, that makes sense, you're always so dramatic", ("retry", "contempt")),
    ("riiight, that makes sense, you're so sensitive", ("retry", "contempt")),
    ("wow, I see why, you are such a baby", ("retry", "contempt")),
    # a shouted word or a stretched one is heard as sarcasm, "I" is not shouting
    ("That MAKES SENSE", ("retry", "sarcasm")),
    ("I can SEE why", ("retry", "sarcasm")),
    ("I get it, SURE", ("retry", "sarcasm")),
    ("sooooo that makes sense", ("retry", "sarcasm")),
    # a "but" with nothing defensive after it, or a word alone, argues nothing back
    ("I can see why, but the kids", ("valid", None)),
    ("I understand why, but I", ("valid", None)),
])
def test_read_validation_as_people_say_it(text, reading):
    assert read_validation(text) == reading


@pytest.mark.parametrize("text, outcome", [
    ("I'd rather not, but fine, I'll do it", "yes"),
    ("I'd rather not, but alright, let's do it", "yes"),
    ("not now, but okay, let's do it", "yes"),
    ("I'm not ready, but okay, let's start", "yes"),
    # the yes-word after "but" is further on than the first three words
    ("I'd rather not, but okay, I'll do it", "yes"),
    ("I'd rather not, but yes, I'll do it", "yes"),
    ("I'd rather not, but sure, I'll do it", "yes"),
    ("I'd rather not, but I'm not sure", "no"),
    ("I can't, but okay, no", "no"),
])
def test_a_decline_that_lands_on_yes_is_yes(text, outcome):
    assert read_consent(text)[0] == outcome


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


@pytest.mark.parametrize("text, reading", [
    ("that makes sense because you always overreact", ("retry", "contempt")),
    ("it makes sense you want me home by seven because you always put the kids to bed with me",
     ("valid", None)),
    ("it makes sense, you never get a minute to yourself", ("valid", None)),
    ("it makes sense from where you're standing, which is nonsense", ("retry", "contempt")),
    ("it makes sense from where you're standing, and I can see it", ("valid", None)),
    ("I don't get how any of it makes sense", ("retry", "none")),
    ("it makes sense that I'd be fed up, you leave it all to me", ("retry", "rebuttal")),
    ("that makes sense because I was shattered and I needed some space", ("retry", "rebuttal")),
    ("it makes sense you felt alone because I was late again", ("valid", None)),
    ("it makes sense, clearly I'm always the bad guy", ("retry", "sarcasm")),
])
def test_a_validation_that_runs_the_partner_down_or_sees_only_its_own_side(text, reading):
    # the reason given says who the sense is for: "because you always overreact" runs the
    # sender down, "because I was shattered" is the receiver's side; the sender's life ("you
    # never get a minute") and the receiver's own deed ("I was late again") are validation
    assert read_validation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("no he totally twisted what I said", ("no", None)),
    ("nope, she just gave her own version of it", ("no", None)),
    ("no, I never said I was jealous", ("no", None)),
    ("nearly, but she changed it a bit", ("partly", None)),
    # which part, not what it was: the sender is asked to say it (below, more such)
    ("nearly, but she forgot the bit about my dad", ("partly", None)),
    ("no, I didn't say you were lazy, I said I was tired", ("addition", None)),
    ("nah, you missed it completely", ("no", None)),
    ("yes, and one more thing actually", ("addition", None)),
    ("yes, he got it, nothing missing", ("yes", None)),
])
def test_a_verdict_on_the_mirror_names_whoever_made_it(text, reading):
    # "he twisted it", "she changed it a bit": what the sender says of the mirror decides,
    # whichever partner it names; a part named ("the bit about my dad") is there to mirror
    assert read_confirmation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("I feel pretty irritated, to be honest", ("retry", "own")),
    ("I imagine I'd be exhausted after hearing all that", ("feeling", None)),
    ("I imagine I'd feel drained if I'd had to sit through that", ("retry", "own")),
    ("I imagine you feel drained", ("feeling", None)),
    ("I feel hurt too", ("retry", "own")),
    ("I imagine you're hurt, and I feel sad about it", ("feeling", None)),
])
def test_the_receivers_own_feeling_is_not_the_empathy_asked_for(text, reading):
    assert read_empathy(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("not right now, I've got to pick up the kids, maybe this evening?", ("later", None)),
    ("no, not tonight", ("no", None)),
    ("yes, and maybe tonight we can talk about the holiday too", ("yes", None)),
])
def test_a_time_later_today_offered_instead_of_now_is_later(text, reading):
    assert read_consent(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("I felt so looked after because you remembered my mum's operation", ("shared", None)),
    ("I'm on edge all the time because of you", ("blame", "fault")),
    ("it's not because of you, it's work", ("shared", None)),
])
def test_because_you_is_a_reason_and_because_of_you_puts_the_cause_on_the_partner(text,
                                                                                  reading):
    assert read_sharing(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("okay. it makes sense. next", ("retry", "dismissal")),
    ("makes sense, I suppose", ("retry", "dismissal")),
    ("it makes sense", ("valid", None)),
    ("I suppose it makes sense that you felt left out", ("valid", None)),
])
def test_the_stem_alone_waved_on_is_a_dismissal(text, reading):
    # a bare "it makes sense" is the method's minimum and is thanked; waved on ("next", "I
    # suppose") it is not; given a reason, the "I suppose" is only a hedge
    assert read_validation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("yeah, there's more, just give me a sec", ("yes", None)),
    ("mm, yes, bear with me", ("yes", None)),
    ("I'm not finished, no", ("yes", None)),
    ("yes, hold on, it's that I feel alone on Sundays when you're at football", ("chunk", None)),
    ("no, I'm finished", ("done", None)),
])
def test_more_to_come_once_there_is_a_moment_is_a_yes(text, reading):
    assert read_more(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("i imagine you might feel be trayed", ("feeling", None)),
    ("I imagine you feel over whelmed", ("feeling", None)),
    ("I imagine you feel that I went over the budget", ("retry", "thought")),
])
def test_a_feeling_the_recogniser_split_at_its_prefix_is_still_a_feeling(text, reading):
    # "be trayed", "over whelmed": joined again only where the whole is a feeling word
    assert read_empathy(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_empathy_confirm, "absolutely not", ("no", None)),
    (read_empathy_confirm, "way off, honestly", ("no", None)),
    (read_empathy_confirm, "absolutely, yes", ("yes", None)),
    (read_confirmation, "no Sam, that isn't what I said", ("no", None)),
    (read_confirmation, "sorry but that's the opposite of what I meant", ("no", None)),
    (read_confirmation, "no, that isn't what I said, I said I was lonely", ("addition", None)),
    (read_consent, "absolutely not, not after today", ("no", None)),
    (read_consent, "absolutely, let's go", ("yes", None)),
])
def test_a_no_made_strong_is_a_no(read, text, reading):
    # "definitely", "absolutely" alone are yes; with "not" after them, a no
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_confirmation, "yeah no, that's not it", ("no", None)),
    (read_confirmation, "yeah no that's right", ("yes", None)),
    (read_confirmation, "yeah nah", ("no", None)),
    (read_confirmation, "yeah", ("yes", None)),
    (read_validation, "yeah no that makes total sense, you've been carrying the dog stuff for "
                      "months", ("valid", None)),
    (read_validation, "no, that doesn't make sense to me", ("retry", "none")),
    (read_empathy_confirm, "yeah no, that's exactly it", ("yes", None)),
    (read_empathy_confirm, "yeah nah not really", ("no", None)),
])
def test_yeah_no_opens_an_answer_and_the_words_after_it_answer(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_validation, "it makes sense that you felt silly when I laughed at your idea",
     ("valid", None)),
    (read_validation, "makes sense cos you've been carrying all the mental load", ("valid", None)),
    (read_validation, "makes sense, money is a sensitive topic for you", ("valid", None)),
    (read_validation, "it makes sense, the drama at your work has been nonstop", ("valid", None)),
    (read_empathy, "I imagine you feel silly and small when I laugh", ("feeling", None)),
    # the same words as a label on the partner
    (read_validation, "makes sense, you're really sensitive", ("retry", "contempt")),
    (read_validation, "makes sense, you're being dramatic though", ("retry", "contempt")),
    (read_validation, "it makes sense, I feel like you're being dramatic", ("retry", "contempt")),
    (read_validation, "makes sense, you're mental", ("retry", "contempt")),
    (read_empathy, "I imagine you feel hurt, you're so sensitive", ("retry", "contempt")),
])
def test_a_belittling_word_for_what_the_partner_felt_is_no_label(read, text, reading):
    # "you felt silly" is the sender's own feeling said back; "you're silly" is a label
    assert read(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("mostly, but you missed the part about my mum", ("partly", None)),
    ("he got the money part but not the scared part", ("partly", None)),
    ("the first bit yeah, the second bit not really", ("partly", None)),
    ("mostly yeah apart from the bit about the dog", ("partly", None)),
    ("nearly, you left out the part about my mum", ("partly", None)),
    ("you got the dishes part but not the part about me feeling alone with it", None),
    ("yeah, and the part you left out was that I miss you", ("addition", None)),
    # the part said again is what the receiver mirrors next
    ("close, but the part about my mom, I said I feel stuck in the middle", ("addition", None)),
    ("mostly, but the part you missed is that I'm scared, not just annoyed", ("addition", None)),
    ("yes, you even got the bit about my mum", ("yes", None)),
])
def test_a_part_pointed_at_but_not_said_again_is_partly(text, reading):
    # the sender is then asked what was missed, instead of the receiver mirroring "you
    # missed the part about my mum"; a feeling said is left to the classifier (None)
    assert read_confirmation(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_more, "gosh no, that's it", ("done", None)),
    (read_confirmation, "oh my god yes exactly", ("yes", None)),
    (read_confirmation, "jeez, no, not even close", ("no", None)),
    # near misses: the same words where they say something
    (read_more, "my god the mess, it's everywhere", ("chunk", None)),
    (read_sharing, "God, you never listen to me", ("blame", "absolute")),
    (read_validation, "Wow. Yeah. That makes perfect sense. Really.", ("retry", "sarcasm")),
])
def test_an_exclamation_before_an_answer_is_not_the_answer(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_more, "and honestly your mother is a nightmare and you just sit there",
     ("blame", "insult")),
    (read_sharing, "I feel anxious because the way you drive is a joke", ("blame", "insult")),
    (read_validation, "it makes sense, your whole family is a nightmare", ("retry", "contempt")),
    # near misses: a verdict on someone else, or on a thing of the partner's people
    (read_sharing, "my mum is a nightmare at the moment and I feel stretched",
     ("shared", None)),
    (read_more, "your mum's hip is a nightmare at the moment and I'm worried about her",
     ("chunk", None)),
    (read_sharing, "the traffic is a joke round here and I get so stressed", ("shared", None)),
])
def test_a_verdict_on_the_partners_doing_or_people_is_blame(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_empathy, "oh yeah, heartbroken i'm sure, tragic", ("retry", "sarcasm")),
    (read_empathy, "probably feel like a martyr, which you love", ("retry", "sarcasm")),
    (read_empathy, "dunno, upset or whatever", ("retry", "dismissal")),
    (read_validation, "that makes sense because you're just like your mother",
     ("retry", "contempt")),
    (read_validation, "that makes sense because you're your mother's daughter",
     ("retry", "contempt")),
    (read_validation, "it makes sense cos you're a bloody lunatic", ("retry", "contempt")),
    (read_consent, "after tea? i'm starving and i'll just be grumpy", ("later", None)),
    # near misses: a sure feeling imagined, "I bet you" imagining it, a parent named as the
    # reason's history or said without the dig, a meal that is now
    (read_empathy, "I'm sure you felt really alone", ("feeling", None)),
    (read_empathy, "i imagine you feel hurt, and i bet you felt alone too", ("feeling", None)),
    (read_validation, "it makes sense, you're like your dad, you need things planned",
     ("valid", None)),
    (read_validation, "it makes sense, your dad was never around when you were little",
     ("valid", None)),
    (read_validation, "it makes sense, you feel like your work doesn't count", ("valid", None)),
    (read_consent, "yes, now's good, we've had tea", ("yes", None)),
])
def test_a_feeling_mocked_or_waved_away_and_a_reason_that_is_who_they_take_after(read, text,
                                                                                  reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_validation, "well it makes sense because you've never been any good with money",
     ("retry", "contempt")),
    (read_validation, "it makes sense because you've never really coped with anything",
     ("retry", "contempt")),
    (read_validation, "makes sense to me cause you're not great with numbers, bless you",
     ("retry", "contempt")),
    (read_validation, "sure, makes sense, I'll just quit my job and stay home then shall I",
     ("retry", "sarcasm")),
    (read_empathy, "I imagine you feel fine, you're making a big thing out of nothing",
     ("retry", "contempt")),
    (read_empathy, "oh I'm sure you're just heartbroken about it", ("retry", "sarcasm")),
    (read_empathy, "I imagine you feel super thrilled, living with a monster like me",
     ("retry", "contempt")),
    # near misses: a hardship the partner never had to face, a difficulty said with care, a
    # sure feeling imagined, a question asked before the feeling
    (read_validation, "it makes sense, you've never had to deal with this before",
     ("valid", None)),
    (read_validation, "it makes sense, you've never been good at saying no to your mum and "
                      "that's hard", ("valid", None)),
    (read_empathy, "I'm sure you're just exhausted after that week", ("feeling", None)),
    (read_empathy, "shall I guess? I imagine you feel lonely", ("feeling", None)),
])
def test_a_reason_that_says_what_the_partner_cannot_do_and_a_feeling_mocked(read, text,
                                                                             reading):
    assert read(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("of course it makes sense, everything you say makes sense, you're never wrong are you",
     ("retry", "sarcasm")),
    ("yeah sure, makes loads of sense, you're the only person who's ever been tired",
     ("retry", "sarcasm")),
    ("yeah, because leaving one mug in the sink is basically a crime, right? makes sense",
     ("retry", "sarcasm")),
    ("yeah no it makes sense, clearly I'm just the worst husband ever, right?",
     ("retry", "sarcasm")),
    ("makes sense, your whole family gets worked up over nothing", ("retry", "contempt")),
    ("it makes sense cos you get jealous of literally everyone", ("retry", "contempt")),
    ("right, makes sense because you never let anything go", ("retry", "contempt")),
    # near misses: the partner alone in a kindness, a hardship that never lets up
    ("it makes sense, you were the only one who ever visited your nan and now she's gone",
     ("valid", None)),
    ("it makes sense, you never get a minute to yourself", ("valid", None)),
    ("it makes sense, your mum gets upset about the move and you're in the middle",
     ("valid", None)),
])
def test_a_validation_that_makes_the_partner_always_right_or_their_people_overwrought(text,
                                                                                     reading):
    assert read_validation(text) == reading


@pytest.mark.parametrize("text, reading", [
    ("no worries, happy to", ("yes", None)),
    ("not now, I have to collect Maya from swimming. Tonight maybe?", ("later", None)),
    ("I'd rather not. Not today, not next week, I just don't see the point of it.",
     ("no", None)),
    ("not today, not tomorrow, not ever", ("no", None)),
    # near misses: a time offered after the refused ones
    ("not now, not tonight, tomorrow after work", ("later", None)),
    ("not today and not tomorrow, maybe at the weekend", ("later", None)),
])
def test_every_time_refused_in_turn_is_a_no_and_a_time_after_them_is_later(text, reading):
    assert read_consent(text) == reading


@pytest.mark.parametrize("text, outcome", [
    ("wow yeah actually, better than I said it", "yes"),
    ("yeah, you put it better than I did, thanks", "yes"),
    ("Some of it. The middle bit got a bit lost.", "partly"),
    ("I mean, yes, but not the end.", "partly"),
    ("mostly but the thing with my sister, you kinda glossed over that", "partly"),
    ("partly, I guess? something's missing but I can't put my finger on it", "partly"),
    # near misses: the end or the important thing said, not pointed at
    ("almost, the end was that I want you home by six", "addition"),
    ("yes, and the important thing is I want us to try", "addition"),
    ("yes but not the end bit where I said I'm scared", "addition"),
])
def test_praise_of_the_mirror_is_a_yes_and_a_place_in_the_turn_pointed_at_is_partly(text,
                                                                                   outcome):
    assert read_confirmation(text) == (outcome, None)


@pytest.mark.parametrize("text, outcome", [
    ("can I keep going?", "yes"),
    ("could I just carry on?", "yes"),
    ("let me go on", "yes"),
    # near miss: going on with what is said there and then is the more itself
    ("can I go on about the money, I'm worried we can't make rent", "chunk"),
])
def test_asking_to_go_on_says_there_is_more(text, outcome):
    assert read_more(text) == (outcome, None)


@pytest.mark.parametrize("text, reading", [
    # genuine validations the rules coached: the partner's burden with "always", "still" after
    # its verb, the receiver in the sender's place, two yeahs apart, "it does" before the stem
    ("Mm, it does make sense. You're always the one holding the family together and that's "
     "exhausting.", ("valid", None)),
    ("makes sense, because you lost your job in the spring and you're still finding your feet",
     ("valid", None)),
    ("It makes sense, I'd probably feel the same if you went quiet on me for three days.",
     ("valid", None)),
    ("yeah. yeah it makes sense, because the phone's always in my hand at dinner",
     ("valid", None)),
    ("It does. It makes sense.", ("valid", None)),
    # near misses: "always" that runs them down, "still" that argues back, the receiver's own
    # side, "yeah yeah" waved on, the sense asked about
    ("it makes sense, you're always the one who starts it", ("retry", "contempt")),
    ("it makes sense, still, I was tired too", ("retry", "rebuttal")),
    ("it makes sense that I would be annoyed", ("retry", "rebuttal")),
    ("yeah yeah it makes sense, whatever you say", ("retry", "dismissal")),
    ("does it make sense? I guess", ("retry", "none")),
])
def test_a_genuine_validation_is_not_coached_for_words_that_only_look_like_a_jibe(text,
                                                                                  reading):
    assert read_validation(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    (read_sharing, "you always bring me coffee in the morning and I don't think I've ever told "
                   "you how much that means to me", ("shared", None)),
    (read_more, "and I want to say you always make the kids' lunches without being asked and "
                "I love that", ("chunk", None)),
    (read_sharing, "you always used to hold my hand and I miss it", ("shared", None)),
    # near misses: thanks turned round, a habit hated, a "miss that" that blames
    (read_sharing, "you always work late and I miss it, but I get it", ("blame", "absolute")),
    (read_sharing, "you always leave your socks out and I hate it", ("blame", "absolute")),
    (read_sharing, "you always forget my birthday and I miss that you used to care",
     ("blame", "absolute")),
])
def test_praise_with_always_thanked_after_it_is_not_blame(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("text, reading", [
    # genuine validations the rules coached: a "no yeah" before the stem, a fault owned, a
    # reason given with "because for you", a likeness to the partner's own, a day called mad
    ("no yeah it makes sense you'd want them in bed by eight, you're up at five",
     ("valid", None)),
    ("ok it makes sense, I wasn't there for your promotion dinner and that mattered to you",
     ("valid", None)),
    ("it makes sense because for you being close comes first and we haven't had much of that",
     ("valid", None)),
    ("yeah it makes sense, the dog's like your baby, of course you were worried sick",
     ("valid", None)),
    ("okay yeah it makes sense, your job's been mental and then you come home to more chaos",
     ("valid", None)),
    # near misses: "no way" denies, the receiver's own side, "for someone like you", the
    # partner called a baby, the word said of the partner or of their reaction
    ("no way it makes sense", ("retry", "none")),
    ("it makes sense that I was annoyed", ("retry", "rebuttal")),
    ("it makes sense for someone like you", ("retry", "contempt")),
    ("it makes sense, you're acting like a baby", ("retry", "contempt")),
    ("it makes sense, you've been mental about it all week", ("retry", "contempt")),
    ("it makes sense, even if it's a bit dramatic", ("retry", "contempt")),
    # sense granted with a scoff, drawn out, waved away, or everything made a drama
    ("pfft, makes sense, you've never had to manage a budget", ("retry", "sarcasm")),
    ("yeah sure it makes loads of sense, you're just sooo hard done by", ("retry", "sarcasm")),
    ("suppose it makes sense, doesn't really matter though does it", ("retry", "dismissal")),
    ("makes sense, because everything's a crisis with you isn't it", ("retry", "sarcasm")),
])
def test_batch_14_validations_read_as_a_fair_judge_reads_them(text, reading):
    assert read_validation(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # "I think you feel lonely" imagines the partner's feeling: the hedge is no thought
    (read_empathy, "I think you feel lonely", ("feeling", None)),
    (read_empathy, "I reckon you must feel unappreciated", ("feeling", None)),
    (read_empathy, "honestly I think she felt abandoned", ("feeling", None)),
    # near misses: a thought inside the hedge, a thought with no feeling, a clause felt
    (read_empathy, "I think you feel that I am lazy", ("retry", "thought")),
    (read_empathy, "I think you are wrong", ("retry", "thought")),
    (read_empathy, "I guess you feel it's my fault we never go out", ("retry", "thought")),
    (read_empathy, "oh devastated I'm sure, because I forgot to buy milk", ("retry", "sarcasm")),
    (read_empathy, "I'm sure you feel devastated", ("feeling", None)),
    # the whole point missed is a no; a point named is a part
    (read_confirmation, "naw, you've missed the whole point of it", ("no", None)),
    (read_confirmation, "you missed the point about my mum", None),
    (read_confirmation, "she got the first half, not the second half", ("partly", None)),
    (read_confirmation, "yeah exactly what I was saying", ("yes", None)),
    (read_more, "naw that's me", ("done", None)),
    (read_more, "that's me, and another thing, the car's still not fixed", ("chunk", None)),
    (read_more, "there's loads more to be honest", ("yes", None)),
    (read_consent, "not now na, maybe when we're back from church", ("later", None)),
    (read_consent, "I'm flat out this morning mate, this arvo maybe?", ("later", None)),
])
def test_batch_14_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # empathy: a hedge before a feeling; a feeling given with "I'm sure", "clearly", or for
    # having run the speaker down; a self- label; a complaint made the partner's hobby
    (read_empathy, "I reckon maybe a bit hurt?", ("feeling", None)),
    (read_empathy, "I think probably lonely", ("feeling", None)),
    (read_empathy, "oh absolutely devastated I'm sure, because I forgot to buy milk",
     ("retry", "sarcasm")),
    (read_empathy, "oh, heartbroken, clearly, over a text message", ("retry", "sarcasm")),
    (read_empathy, "heartbroken, clearly you were", ("feeling", None)),
    (read_empathy, "I'm sure you feel just wonderful about spending my money",
     ("retry", "sarcasm")),
    (read_empathy, "I'm sure you feel hurt about the money", ("feeling", None)),
    (read_empathy, "yeah I imagine you feel amazing now you've told everyone how awful I am",
     ("retry", "sarcasm")),
    (read_empathy, "I imagine you feel amazing now the exams are over", ("feeling", None)),
    (read_empathy, "the same way he feels about everything, self-pitying", ("retry", "contempt")),
    (read_empathy, "probably thrilled, it's his favourite thing, complaining about me",
     ("retry", "contempt")),
    # validation: a name for slow wits, what they cannot handle, a small thing made a disaster
    (read_validation, "it makes sense because you're thick as mince", ("retry", "contempt")),
    (read_validation, "it makes sense, we've been through thick and thin", ("valid", None)),
    (read_validation, "makes sense, you've never been able to handle anything",
     ("retry", "contempt")),
    (read_validation, "yeah sure, it totally makes sense that a bit of washing up is a national "
                      "emergency", ("retry", "sarcasm")),
    (read_validation, "it makes sense, the flood was a national emergency and you were stuck",
     ("valid", None)),
    (read_validation, "Sure, it totally makes sense that loading the dishwasher is a human rights "
                      "issue.", ("retry", "sarcasm")),
    # praise of the mirror, a few minutes asked for, a list of charges opened
    (read_confirmation, "honestly that was better than how I said it", ("yes", None)),
    (read_confirmation, "most of it, there was a thing about the dog you skipped",
     ("partly", None)),
    (read_confirmation, "most of it, and there's a thing I didn't say, I'm scared of losing you",
     ("addition", None)),
    (read_consent, "give me like twenty minutes to finish this email and then yeah",
     ("later", None)),
    (read_more, "and don't get me started on how you flirt with every waitress we meet",
     ("blame", "contempt")),
    (read_sharing, "don't get me started on the traffic this morning, I feel wrecked",
     ("shared", None)),
])
def test_batch_15_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # validation: the receiver in the sender's place, a "but yeah" that agrees, a "no
    # actually" that argues, the speaker made the villain, the cause made small
    (read_validation, "yeah. yeah it makes sense. I'd be raging too", ("valid", None)),
    (read_validation, "it makes sense, I mean I'm not sure I'd have put it that way, but yeah, "
                      "you were on your own with it", ("valid", None)),
    (read_validation, "it makes sense, but I was on my own with it too", ("retry", "rebuttal")),
    (read_validation, "it makes sense because, well, no actually, I did ask you first",
     ("retry", "rebuttal")),
    (read_validation, "yeah course it makes sense, cos your mum's a saint and I'm the devil",
     ("retry", "sarcasm")),
    (read_validation, "makes perfect sense. because everything's always my fault isn't it",
     ("retry", "sarcasm")),
    (read_validation, "yeah fine it makes sense, it's just a bit of dust though",
     ("retry", "dismissal")),
    (read_validation, "it makes sense, it was just a bit much after the week you had",
     ("valid", None)),
    # empathy: alone with it is a feeling; a thought, a feeling denied or waved off, a jibe
    (read_empathy, "maybe you feel like nobody's got your back", ("feeling", None)),
    (read_empathy, "you feel like nobody in this family respects you", ("retry", "thought")),
    (read_empathy, "I think you're thinking it's unfair", ("retry", "thought")),
    (read_empathy, "he doesn't feel anything, he's just tired", ("retry", "dismissal")),
    (read_empathy, "you're fine, you'll be fine by tomorrow", ("retry", "dismissal")),
    (read_empathy, "I imagine you don't feel fine at all, more lonely", ("feeling", None)),
    (read_empathy, "I don't know, whatever grown adults who sulk feel", ("retry", "contempt")),
    # praise that names a part, and a part named as missed
    (read_confirmation, "ah ah, he got it o, even the bit about my mother", ("yes", None)),
    (read_confirmation, "you got it, even the bit about my mum, but not the bit about work",
     ("partly", None)),
    # a time of day, a later time asked for
    (read_consent, "not right now abeg, by evening when I don close", ("later", None)),
    (read_consent, "can we leave it till the kids are in bed", ("later", None)),
])
def test_batch_16_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # more to come, once the words are found; words found and said are a chunk
    (read_more, "there is, its just hard to find the words for it", ("yes", None)),
    (read_more, "yes, it was hard to find the words when my dad died and I still feel it",
     ("chunk", None)),
    # "close enough" is a verdict, not content
    (read_confirmation, "close enough but not all of it", ("partly", None)),
    (read_confirmation, "that's... no. I didn't say I was jealous.", ("no", None)),
    # what the partner cannot cope with, a name for them, a feeling given "like always" or
    # denied; the same words about circumstances are kind
    (read_validation, "that makes sense because honestly you can't cope with anything can you",
     ("retry", "contempt")),
    (read_validation, "it makes sense, you couldn't cope with the move on top of your mum",
     ("valid", None)),
    (read_validation, "that makes sense because you're a moody cow in the mornings",
     ("retry", "contempt")),
    (read_empathy, "you feel hard done by, like always, it's tiring honestly",
     ("retry", "contempt")),
    (read_empathy, "you feel hard done by, and tired", ("feeling", None)),
    (read_empathy, "I imagine she feels nothing much, she's cold like that",
     ("retry", "dismissal")),
    # a time given with "give us till"
    (read_consent, "no not right now I'm on the phone to me mam, give us till the weekend",
     ("later", None)),
])
def test_batch_17_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # a part pointed at, by a piece missing or by what was said about it; the same part
    # said again is an addition
    (read_confirmation, "kind of, yeah, but there's a piece missing, the middle bit",
     ("partly", None)),
    (read_confirmation, "close, but he left out what I said about my sister", ("partly", None)),
    (read_confirmation, "close, but I also said my sister hasn't called me in weeks",
     ("addition", None)),
    # "id say" is "I'd say" before a verb; "ID" before no verb is the card
    (read_confirmation, "most of it id say", ("partly", None)),
    # not understood, said of the partner by name or pronoun
    (read_confirmation, "no, I don't think she understood me", ("no", None)),
    # near enough all of it; "almost all of it" is still part
    (read_confirmation, "he did, nearly word for word", ("yes", None)),
    (read_confirmation, "he got almost all of it", ("partly", None)),
    # more to come once the words are found; "covered it" is done, unless more follows
    (read_more, "I think so, I'm just trying to find the words", ("yes", None)),
    (read_more, "I think I've covered it", ("done", None)),
    (read_more, "I think I've covered it, but there's one more thing about your mum",
     ("chunk", None)),
    # "give us an hour" is a time
    (read_consent, "not right now, he's only just in the door, give us an hour or so",
     ("later", None)),
    # a name, faint praise, the partner's view found endearing, sense granted to a lesser sort
    # of person, a tag question after "always", sarcasm that writes it down; their near misses
    (read_validation, "that makes sense, you're just a spoilt brat", ("retry", "contempt")),
    (read_validation, "you make sense, which isn't saying much", ("retry", "contempt")),
    (read_validation, "it's sweet that you think that makes sense", ("retry", "contempt")),
    (read_validation, "it's sweet that you remembered, and it makes sense you were hurt because "
     "I forgot", ("valid", None)),
    (read_validation, "it makes sense to someone who's never had to pay a bill",
     ("retry", "contempt")),
    (read_validation, "it makes sense to anyone who has been through what you have, because you "
     "were let down", ("valid", None)),
    (read_validation, "course you make sense, you always do, don't you", ("retry", "sarcasm")),
    (read_validation, "oh brilliant, makes sense, let me just write that down",
     ("retry", "sarcasm")),
    (read_validation, "makes sense, i should write that down so i remember to text you when im "
     "late", ("valid", None)),
    # an empathy waved away (no big deal, doesn't matter, can't be bothered) or run down; a
    # "no big deal" owned and a "you don't matter" imagined are feelings
    (read_empathy, "I imagine you feel fine, it's no big deal", ("retry", "dismissal")),
    (read_empathy, "I imagine you feel hurt that I acted like it was no big deal",
     ("feeling", None)),
    (read_empathy, "probably annoyed, doesn't matter though", ("retry", "dismissal")),
    (read_empathy, "I imagine you feel like you don't matter to me", ("feeling", None)),
    (read_empathy, "dunno, you tell me, I can't be bothered guessing", ("retry", "dismissal")),
    (read_empathy, "I imagine you feel anxious, the way you do about everything",
     ("retry", "contempt")),
    (read_empathy, "I imagine you feel thrilled, my mum here every weekend, what a treat",
     ("retry", "sarcasm")),
    (read_empathy, "I imagine you're gutted, what a nightmare", ("feeling", None)),
])
def test_batch_18_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # one thing said that did not come back points at a part; said again, it is an addition
    (read_confirmation, "hmm nearly theres one thing i said about the phone that didnt come "
     "back", ("partly", None)),
    (read_confirmation, "nearly, there's one thing I said about the phone, that I feel ignored "
     "when you scroll at dinner", ("addition", None)),
    # how the mirror struck the sender is no "kind of", and no more to mirror; a "kind of"
    # said of the mirror still is
    (read_confirmation, "yeah he got all of it actually which kind of surprised me",
     ("yes", None)),
    (read_confirmation, "yeah he kind of got it", ("partly", None)),
    # something to finish first, then ready; a shower first and an hour named
    (read_consent, "hold on let me finish the dishes and then ill be ready", ("later", None)),
    (read_consent, "not now the babys just gone down and i need a shower first, say an hour",
     ("later", None)),
    (read_consent, "not now, not ever, I'm done with this", ("no", None)),
    # the baby is the baby, not a name for the partner; "such a baby" is
    (read_validation, "you make sense, uh, because of how tired you are and the baby not "
     "sleeping", ("valid", None)),
    (read_validation, "you make sense, because you're such a baby about this", ("retry",
                                                                            "contempt")),
    # the same complaint heard before, and a hardship made of being looked after; a sincere
    # "every time" and a real hardship are not sarcasm
    (read_validation, "sure, you make perfect sense, just like you did last time and the time "
     "before", ("retry", "sarcasm")),
    (read_validation, "you make sense, because every time I'm late you end up waiting alone",
     ("valid", None)),
    (read_empathy, "yeah i imagine you feel terrible, must be so hard having someone cook for "
     "you every night", ("retry", "sarcasm")),
    (read_empathy, "I imagine you feel helpless, it must be so hard having someone do "
     "everything for you since the operation", ("feeling", None)),
    (read_empathy, "I imagine you feel so hard done by, with your two holidays a year",
     ("retry", "sarcasm")),
])
def test_batch_19_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


@pytest.mark.parametrize("read, text, reading", [
    # the partner named something to the facilitator; someone else named first is not them
    (read_sharing, "shes an absolute cow to my mother and i want that on the record",
     ("blame", "insult")),
    (read_sharing, "my boss is awful to me at the moment, she is so lazy and I pick it all up",
     ("shared", None)),
    (read_more, "oh loads, like how hes basically useless with money", ("blame", "insult")),
    # the stock put-downs of a grown man; an egg boiled with pride is not one
    (read_sharing, "what do i want to share ha, that my husband cant boil an egg without "
     "phoning his mummy", ("blame", "contempt")),
    (read_sharing, "he learnt to boil an egg this week and I was so proud of him",
     ("shared", None)),
    # praise in the past tense; a charge in the past tense
    (read_sharing, "you never once complained when i was ill last winter, not once, and i "
     "wanted to say thank you for that", ("shared", None)),
    (read_sharing, "you never once asked how I was when I was ill last winter",
     ("blame", "absolute")),
    # the recogniser's "cause of you"
    (read_sharing, "im stressed all the time and honestly its cause of you", ("blame", "fault")),
    # more named beside a yes, and a relief that is only part of it; a relief to hear is a yes
    (read_empathy_confirm, "yes and also i feel guilty about it which you didnt say",
     ("partly", None)),
    (read_empathy_confirm, "yeah thats part of it but theres relief too weirdly",
     ("partly", None)),
    (read_empathy_confirm, "yes, and it's kind of a relief to hear you say it", ("yes", None)),
    # sense granted to "the kind of person who..."; moved past; "I get it" is no own sense
    (read_validation, "you make sense i suppose if youre the kind of person who cries over "
     "dishes", ("retry", "contempt")),
    (read_validation, "you make sense i guess can we move on", ("retry", "dismissal")),
    (read_validation, "it makes sense i get it, you always do the bedtimes so of course youre "
     "knackered", ("valid", None)),
    (read_validation, "it makes sense that i got angry, i had been waiting an hour",
     ("retry", "rebuttal")),
    # a "but" that owns not having seen it, or asks for a minute, argues nothing back
    (read_validation, "you make sense because the dishes are the first thing you see in the "
     "morning, but i didnt realise that till now", ("valid", None)),
    (read_validation, "you make sense, but i need a minute because its a lot, but yeah you do",
     ("valid", None)),
    (read_validation, "you make sense, but i was tired too", ("retry", "rebuttal")),
    # pleased with oneself, married to a monster, devastated with an "oh", "not that deep"; a
    # pride sincerely imagined is a feeling
    (read_empathy, "yeah i imagine you feel great about yourself right now", ("retry",
                                                                              "sarcasm")),
    (read_empathy, "I imagine you feel proud of yourself for finishing the race",
     ("feeling", None)),
    (read_empathy, "i imagine you might feel thrilled, being married to such a monster",
     ("retry", "sarcasm")),
    (read_empathy, "oh i imagine you feel absolutely devastated that i bought the wrong milk",
     ("retry", "sarcasm")),
    (read_empathy, "I imagine you feel absolutely devastated that your dad is ill",
     ("feeling", None)),
    (read_empathy, "i imagine you feel fine honestly, its not that deep", ("retry",
                                                                           "dismissal")),
])
def test_batch_20_answers_read_as_a_fair_judge_reads_them(read, text, reading):
    assert read(text) == reading


def test_id_before_a_verb_is_i_would_and_before_a_noun_the_card():
    # the recogniser writes "I'd" as "id": "most of it id say" is partly, not new content
    assert [w.norm for w in tn.words("most of it id say")] == ["most", "of", "it", "i", "would",
                                                               "say"]
    assert [w.norm for w in tn.words("my id card was in the bag")] == ["my", "id", "card", "was",
                                                                       "in", "the", "bag"]


@pytest.mark.parametrize("text, reading", [
    # envy said as a jibe is contempt, said by a rule so no new example can tip it
    ("And must be nice to have a maid.", ("blame", "contempt")),
    ("must be nice having a mum who does your washing", ("blame", "contempt")),
    # with the speaker's own lot beside it, it is that lot shared
    ("Must be nice to sleep in while I do everything.", ("shared", None)),
    ("It must be nice to see your family so often, I really miss mine", ("shared", None)),
])
def test_must_be_nice_is_a_jibe_unless_the_speakers_own_lot_is_beside_it(text, reading):
    assert read_sharing(text) == reading
