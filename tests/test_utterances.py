"""Reading a partner's short turns: validation, empathy, blame, replies, safety, commands.

Replies, safety and commands are read the way the session reads them, through the
understanding layer's ``turn`` at the step where they are said.
"""

from __future__ import annotations

import pytest

from facilitator.understanding.rules import empathy_kind, feeling_words, find_blame


@pytest.fixture(scope="module")
def understand():
    from facilitator.understanding import default

    return default()


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "You make sense, and what makes sense is that you were tired.",
    "It makes sense that you felt hurt.",
    "That makes a lot of sense.",
    "I can see why you would feel that way.",
    "I understand why you were upset.",
    "No wonder you felt alone.",
    "I get where you're coming from.",
    "You make since.",  # "sense" as the recogniser heard it
])
def test_validation_is_recognised(understand, text):
    assert understand.turn("validate", text).outcome == "valid"


@pytest.mark.parametrize("text", [
    "That doesn't make sense to me.",
    "It makes no sense.",
    "Does that make sense?",
    "I don't understand why you were upset.",
    "I can't see why you would say that.",
    "I hear you.",
    "You're overreacting.",
])
def test_not_validation(understand, text):
    assert understand.turn("validate", text).outcome != "valid"


# --- empathy -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, kind", [
    ("I imagine you might be feeling lonely and hurt.", "feeling"),
    ("I imagine you feel taken for granted.", "feeling"),
    ("You must be exhausted.", "feeling"),
    ("I imagine you feel like you're invisible.", "feeling"),
    ("I imagine you feel like I don't care, and that makes you sad.", "feeling"),
    ("I imagine you feel that I don't care about you.", "thought"),
    ("I imagine you feel like I'm never home.", "thought"),
    ("I imagine you feel I never listen.", "thought"),
    ("I think you believe I'm selfish.", "thought"),
    ("I imagine you might be feeling...", "none"),
    ("Is that how you feel?", "none"),
    ("", "none"),
])
def test_empathy_tells_a_feeling_from_a_thought(text, kind):
    assert empathy_kind(text) == kind


def test_feeling_words_come_from_the_lexicon_in_order_once():
    assert feeling_words("I feel left out and sad, so sad, and worn out.") == [
        "left out", "sad", "worn out"]
    assert feeling_words("You seemed frustrated and anxious.") == ["frustrated", "anxious"]
    # everyday words that double as feelings count only in a feeling's place
    assert feeling_words("It was a small thing, we used the car.") == []
    assert feeling_words("I felt small.") == ["small"]
    assert feeling_words("") == []


# --- blame ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, found", [
    ("You never listen to me.", ["you never"]),
    ("You always leave your socks on the floor.", ["you always"]),
    ("You're so lazy.", ["lazy"]),
    ("It's your fault we're late.", ["it's your fault"]),
    ("You idiot.", ["idiot"]),
    ("You always forget to call and you never say sorry.", ["you always", "you never"]),
    ("Every time you come home late I worry.", ["every time you"]),
    # "never" with something good withheld: the near misses of the praise below
    ("You never make me feel special anymore.", ["you never"]),
    ("You never make time for me.", ["you never"]),
    # "never once" is still never; "you never let me ..." without "down" takes away
    ("Well you've never once asked how my day was.", ["you've never"]),
    ("You never let me finish a sentence.", ["you never"]),
])
def test_blame_language_is_found(text, found):
    assert find_blame(text) == found


@pytest.mark.parametrize("text", [
    "I feel lonely when you work late.",
    "You always make me laugh.",
    "You never fail to make me smile.",
    "You never let me down, and I feel so lucky.",
    "You've never once let me down.",
    # no harm done to the speaker, ever, is praise
    "You never make me feel silly for asking, and I love that.",
    "You never yell at me, even when I mess up.",
    "I feel stupid when I forget things.",
    "I always feel tired on Mondays.",
    # the near misses of the blame above, negated
    "It's not your fault.",
    "It's not your fault we're late.",
    "That isn't your fault.",
    "You're not lazy.",
    "You're not stupid, I am just tired.",
    "",
])
def test_no_blame(text):
    assert find_blame(text) == []


# --- confirmation --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, outcome, addition", [
    ("Yes.", "yes", ""),
    ("Yeah, you got it.", "yes", ""),
    ("Yes, that's right, thank you.", "yes", ""),
    ("Exactly!", "yes", ""),
    ("Almost. I also said that I miss our walks.", "addition", "I miss our walks"),
    # which part, not what it was: the sender is asked to say that part
    ("Yes, but you missed the part about my mother.", "partly", ""),
    ("Not quite, I also said I was scared.", "addition", "I was scared"),
    ("Mostly, except I said Tuesdays, not Thursdays.", "addition", "Tuesdays, not Thursdays"),
    ("Yes, and I also feel tired.", "addition", "I also feel tired"),
    ("All most, I also said the kids.", "addition", "the kids"),  # "almost" misheard
    ("No, I said I feel lonely, not angry.", "addition", "I feel lonely, not angry"),
    ("No.", "no", ""),
    ("That's not what I said.", "no", ""),
])
def test_confirmation(understand, text, outcome, addition):
    turn = understand.turn("confirm", text)
    assert (turn.outcome, turn.addition) == (outcome, addition)


def test_a_murmur_is_not_taken_for_a_yes(understand):
    assert understand.turn("confirm", "Hmm.").outcome != "yes"


# --- consent -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, outcome", [
    ("Yes, I'm ready.", "yes"),
    ("Sure.", "yes"),
    ("Now is a good time.", "yes"),
    ("No problem, go ahead.", "yes"),
    ("Not now.", "no"),
    ("Later, please.", "later"),
    ("Not right now, maybe tonight.", "later"),  # a time offered instead of now
    ("Yes, but not now.", "no"),
    ("I'm not ready.", "no"),
    ("Now is not a good time.", "no"),
    ("Can we do this tomorrow?", "later"),
    ("Is now a good time?", "unclear"),
    ("What?", "unclear"),
])
def test_consent(understand, text, outcome):
    assert understand.turn("appointment_consent", text).outcome == outcome


# --- that's all ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No, that's all.", "That's it.", "Nothing more.", "No.", "Nope, that's everything. Thank you.",
    "I think that's it.", "No there isn't.", "Not really.",
])
def test_done(understand, text):
    assert understand.turn("more", text).outcome == "done"


@pytest.mark.parametrize("text", [
    "Yes, there's more.", "No, wait, one more thing.", "Yes.",
    "That's all, but I also want to say I love you.", "I also feel tired when you're away.",
])
def test_not_done(understand, text):
    assert understand.turn("more", text).outcome in ("yes", "chunk")


# --- safety --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, concern", [
    ("He hits me.", "violence"),
    ("Sometimes when he drinks he hits me and I'm scared.", "violence"),
    ("My husband slapped me in front of the kids.", "violence"),
    ("Mark pushed me down the stairs.", "violence"),
    ("He threatened to kill me.", "threats"),
    ("I'm afraid he will hurt me.", "fear-for-safety"),
    ("I want to hurt myself.", "self-harm"),
    ("I want to kill myself.", "self-harm"),
    ("I don't want to be alive anymore.", "self-harm"),
    ("Sometimes I think everyone would be better off without me.", "self-harm"),
    ("I've been thinking about suicide.", "self-harm"),
    ("He won't let me see my friends.", "coercive-control"),
    ("He forced me to have sex.", "coercive-control"),
])
def test_safety_concerns_are_recognised(understand, text, concern):
    assert understand.turn("send", text).safety == concern


@pytest.mark.parametrize("text", [
    "I could kill for a coffee.",
    "My feet are killing me.",
    "I nearly killed myself laughing.",
    "It hit me that we never talk.",
    "The news hit me hard.",
    "You hurt me when you left.",
    "He has never hit me.",
    "He would never hurt me.",
    "I'm not suicidal, just tired.",
    "I'm dying to see that movie.",
    "My mom will kill me if I'm late.",
    "She beat me at chess again.",
    "You pushed me to be better.",
    "My dad struggled with substance abuse.",
    "I don't feel safe when you yell.",
    "I would die for you.",
    "We hit a rough patch.",
])
def test_figures_of_speech_and_emotional_hurt_are_not_concerns(understand, text):
    assert understand.turn("send", text).safety is None


# --- voice commands ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, command", [
    ("Repeat that.", "repeat"),
    ("Say that again, please.", "repeat"),
    ("Could you repeat that?", "repeat"),
    ("Slow down.", "slower"),
    ("Can you slow down a bit?", "slower"),
    ("Slower please.", "slower"),
    ("Faster.", "faster"),
    ("Pause.", "pause"),
    ("Hold on a second.", "pause"),
    ("Could we take a break?", "pause"),
    ("Continue.", "resume"),
    ("Let's go on.", "resume"),
    ("What do I do now?", "help"),
    ("Help.", "help"),
    ("Skip.", "skip"),
    ("Let's move on.", "skip"),
    ("Go back.", "back"),
    ("Stop.", "stop"),
    ("No, stop.", "stop"),
    ("Stop the session.", "stop"),
    ("Let's stop here.", "stop"),
    ("I want to stop.", "stop"),
    ("slow dawn", "slower"),  # bent a little by the recogniser
])
def test_short_commands_are_recognised(understand, text, command):
    assert understand.turn("send", text).command == command


@pytest.mark.parametrize("text", [
    "I wish you would repeat yourself less.",
    "I need you to stop interrupting me.",
    "Stop fighting with me.",
    "I want to help.",
    "Help me understand why you left.",
    "I want to go back to how we were.",
    "Wait, I also said I miss you.",
    "Yes.",
    "No.",
    "I'm ready.",
    "Thank you.",
])
def test_sharing_is_not_a_command(understand, text):
    assert understand.turn("send", text).command is None


@pytest.mark.parametrize("step", ["send", "validate", "confirm", "more"])
def test_silence_reads_as_nothing(understand, step):
    turn = understand.turn(step, "")
    assert (turn.outcome, turn.command, turn.safety) == (None, None, None)


@pytest.mark.parametrize("text, found", [
    ("I'm stressed all the time because of you.", ["because of you"]),
    ("I feel anxious and honestly that's down to you and your spending", ["down to you"]),
    ("I feel like I'm married to a lazy slob", ["lazy", "slob"]),
    ("honestly I live with a slob", ["slob"]),
    # near misses: the cause denied, someone else's, or a third person named
    ("it's not because of you, I'm just tired", []),
    ("plans get cancelled because of your shifts and it hurts", []),
    ("I'm stuck with a selfish boss at work", []),
    ("my sister married a liar", []),
    ("I live with a selfish flatmate", []),
])
def test_the_cause_put_on_the_partner_and_names_for_them_are_blame(text, found):
    assert find_blame(text) == found
