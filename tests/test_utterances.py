"""Reading a partner's short turns: validation, empathy, blame, replies, safety, commands."""

from __future__ import annotations

import pytest

from facilitator.understanding.rules import (
    Confirmation,
    empathy_kind,
    feeling_words,
    find_blame,
    is_done,
    is_validation,
    read_command,
    read_confirmation,
    read_consent,
    safety_concern,
)

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
def test_validation_is_recognised(text):
    assert is_validation(text)


@pytest.mark.parametrize("text", [
    "That doesn't make sense to me.",
    "It makes no sense.",
    "Does that make sense?",
    "I don't understand why you were upset.",
    "I can't see why you would say that.",
    "I hear you.",
    "You're overreacting.",
    "",
])
def test_not_validation(text):
    assert not is_validation(text)


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
])
def test_blame_language_is_found(text, found):
    assert find_blame(text) == found


@pytest.mark.parametrize("text", [
    "I feel lonely when you work late.",
    "You always make me laugh.",
    "You never fail to make me smile.",
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


@pytest.mark.parametrize("text, kind, addition", [
    ("Yes.", "yes", ""),
    ("Yeah, you got it.", "yes", ""),
    ("Yes, that's right, thank you.", "yes", ""),
    ("Exactly!", "yes", ""),
    ("Almost. I also said that I miss our walks.", "almost", "I miss our walks"),
    ("Yes, but you missed the part about my mother.", "almost", "my mother"),
    ("Not quite, I also said I was scared.", "almost", "I was scared"),
    ("Mostly, except I said Tuesdays, not Thursdays.", "almost", "Tuesdays, not Thursdays"),
    ("Yes, and I also feel tired.", "almost", "I also feel tired"),
    ("All most, I also said the kids.", "almost", "the kids"),  # "almost" misheard
    ("No, I said I feel lonely, not angry.", "no", "I feel lonely, not angry"),
    ("No.", "no", ""),
    ("That's not what I said.", "no", ""),
    ("Hmm.", "unclear", ""),
    ("", "unclear", ""),
])
def test_confirmation(text, kind, addition):
    assert read_confirmation(text) == Confirmation(kind, addition)


# --- consent -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, answer", [
    ("Yes, I'm ready.", "yes"),
    ("Sure.", "yes"),
    ("Now is a good time.", "yes"),
    ("No problem, go ahead.", "yes"),
    ("Not now.", "no"),
    ("Later, please.", "no"),
    ("Not right now, maybe tonight.", "no"),
    ("Yes, but not now.", "no"),
    ("I'm not ready.", "no"),
    ("Now is not a good time.", "no"),
    ("Can we do this tomorrow?", "no"),
    ("Is now a good time?", "unclear"),
    ("What?", "unclear"),
    ("", "unclear"),
])
def test_consent(text, answer):
    assert read_consent(text) == answer


# --- that's all ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "No, that's all.", "That's it.", "Nothing more.", "No.", "Nope, that's everything. Thank you.",
    "I think that's it.", "No there isn't.", "Not really.",
])
def test_done(text):
    assert is_done(text)


@pytest.mark.parametrize("text", [
    "Yes, there's more.", "No, wait, one more thing.", "Yes.",
    "That's all, but I also want to say I love you.", "I also feel tired when you're away.", "",
])
def test_not_done(text):
    assert not is_done(text)


# --- safety --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, concern", [
    ("He hits me.", "violence"),
    ("Sometimes when he drinks he hits me and I'm scared.", "violence"),
    ("My husband slapped me in front of the kids.", "violence"),
    ("Mark pushed me down the stairs.", "violence"),
    ("He threatened to kill me.", "violence"),
    ("I'm afraid he will hurt me.", "violence"),
    ("I want to hurt myself.", "self-harm"),
    ("I want to kill myself.", "self-harm"),
    ("I don't want to be alive anymore.", "self-harm"),
    ("Sometimes I think everyone would be better off without me.", "self-harm"),
    ("I've been thinking about suicide.", "self-harm"),
    ("He won't let me see my friends.", "abuse"),
    ("My ex was abusive.", "abuse"),
    ("He forced me to have sex.", "abuse"),
])
def test_safety_concerns_are_recognised(text, concern):
    assert safety_concern(text) == concern


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
    "",
])
def test_figures_of_speech_and_emotional_hurt_are_not_concerns(text):
    assert safety_concern(text) is None


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
    ("stop the sessions", "stop"),  # bent a little by the recogniser
    ("slow dawn", "slower"),
])
def test_short_commands_are_recognised(text, command):
    assert read_command(text) == command


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
    "Go ahead.",  # consent, not "resume"
    "I'm ready.",
    "Thank you.",
    "",
])
def test_sharing_is_not_a_command(text):
    assert read_command(text) is None
