"""Edges of the word rules (understanding/rules.py), each as a couple would say it: which
feeling words a turn names and where an everyday word counts as one, whether an empathy guess
names a feeling or a thought, what is blame on the listener and what is not (praise that says
"never", a name for someone else, a fault that is denied), and what a reply adds after its
"yes". Every turn here is read in well under a second; a reader that loops fails at once."""

from __future__ import annotations

import signal
import time

import pytest

from facilitator.understanding import rules


@pytest.fixture(autouse=True)
def _read_at_once():
    """Each test below reads a handful of short turns: five seconds is far more than enough,
    and a rule caught in a loop fails here instead of hanging the run (an alarm already set
    by whoever runs the tests is put back, less the time spent)."""

    def too_slow(*_):
        raise TimeoutError("a short turn took more than five seconds to read")

    previous = signal.signal(signal.SIGALRM, too_slow)
    pending = signal.alarm(5)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        if pending:
            signal.alarm(max(1, pending - int(time.monotonic() - started)))


# --- feeling words --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "feelings"), [
    # two-word feelings the normaliser leaves as two words, named as said
    ("I am so stressed out", ["stressed out"]),
    ("I feel on edge", ["on edge"]),
    ("Honestly I am burnt out and I feel put down", ["burnt out", "put down"]),
    # an everyday word joined to a feeling just named counts as one too
    ("I feel stressed out and small", ["stressed out", "small"]),
    ("I felt left out and small", ["left out", "small"]),
    ("I feel sad and small", ["sad", "small"]),
    ("Did you feel hurt or lost?", ["hurt", "lost"]),
    ("I felt angry, but also small", ["angry", "small"]),
    # ... but not when nothing was felt before the "and"
    ("The flat is tidy and small", []),
    # degree words between the verb and the everyday word
    ("I feel so small", ["small"]),
    ("Honestly, I feel so small", ["small"]),
    ("Feeling so small right now", ["small"]),
    ("I feel a bit small", ["small"]),
    ("I feel a little lost", ["lost"]),
    # a form of a light word ("hope") is a feeling only where one is felt
    ("We hoped to go out tonight", []),
])
def test_feeling_words_named_in_the_turn(text, feelings):
    assert rules.feeling_words(text) == feelings


def test_feeling_spans_are_where_the_words_stand():
    words = rules._norms("I felt left out and so stressed out")
    assert words == ["i", "felt", "leftout", "and", "so", "stressed", "out"]
    assert rules._feeling_spans(words) == [(2, 3, "left out"), (5, 7, "stressed out")]


# --- empathy: a feeling or a thought --------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    # a feeling named, whatever follows it
    ("You must feel angry I forgot your birthday", "feeling"),
    ("You must feel as lonely as I do", "feeling"),
    ("You feel it too, the loneliness", "feeling"),
    ("I think you feel lonely", "feeling"),
    # a thought about the other, said with "but" or "so" before the feeling, names the feeling
    ("You think I don't care but you are hurt", "feeling"),
    ("You think I forgot, so you are hurt", "feeling"),
    # a thought, even with a feeling word in it
    ("You feel that dinner at my mum's was awkward", "thought"),
    ("You feel like I leave you to cope alone", "thought"),
    ("You feel like you can't talk to me about being lonely", "thought"),
    ("You feel like he leaves you alone", "thought"),
    ("You feel like she leaves you alone", "thought"),
    ("You feel like they leave you alone", "thought"),
    ("You feel like we leave you alone", "thought"),
    # a thought begun and cut off is still a thought
    ("Sometimes you feel I...", "thought"),
    ("I know you feel like I...", "thought"),
    # "feel that" closing the turn names neither
    ("I can tell you feel that", "none"),
])
def test_empathy_kind(text, kind):
    assert rules.empathy_kind(text) == kind


# --- blame: insults aimed at the listener ---------------------------------------------------------

@pytest.mark.parametrize(("text", "blame"), [
    # at the listener, a few words on
    ("I think that you are lazy", ["lazy"]),
    ("You were acting like a jerk tonight", ["jerk"]),
    ("You were acting like an idiot tonight", ["idiot"]),
    ("You were acting like such a jerk", ["jerk"]),
    ("You come out with such stupid ideas", ["stupid"]),
    ("You are the baby here", ["baby"]),
    # at oneself, or at someone else
    ("I am such an idiot", []),
    ("You think I am lazy", []),
    ("You and myself are lazy", []),
    ("You said the neighbour is such a jerk", []),
    ("I had lunch with an idiot", []),
    ("I live next to an idiot", []),
    ("I think my little brother married a liar", []),
])
def test_insults_aimed_at_the_listener(text, blame):
    assert rules.find_blame(text) == blame


@pytest.mark.parametrize(("text", "blame"), [
    # the partner one lives with or married, when the name ends the phrase
    ("I live with a liar", ["liar"]),
    ("I am living with a liar", ["liar"]),
    ("Why did I marry such a selfish jerk?", ["selfish", "jerk"]),
    ("I am married to a liar and a cheat", ["liar"]),
    ("I am married to a slob but I still love him", ["slob"]),
    ("I am married to a narcissist who only thinks of himself", ["narcissist"]),
    ("I'm married to a liar that can't tell the truth", ["liar"]),
    ("I am married to a slob, so the house is always a mess", ["slob"]),
    ("I feel like I married a coward because you never stand up for me",
     ["coward", "you never"]),
])
def test_insults_at_the_partner_spoken_of(text, blame):
    assert rules.find_blame(text) == blame
    assert rules.blame_kinds(text) >= {"insult"}


# --- blame: faults, "because of you" ------------------------------------------------------------

@pytest.mark.parametrize(("text", "blame"), [
    # a denial three words back is about something else
    ("It wasn't my doing, it's your fault", ["it's your fault"]),
    ("You never help and it's your fault we're late", ["you never", "it's your fault"]),
    ("No, it's because of you", ["because of you"]),
    ("You never help me, because of you we're late", ["you never", "because of you"]),
    # denied
    ("Not your fault", []),
    ("It's not just because of you", []),
])
def test_fault_put_on_the_listener(text, blame):
    assert rules.find_blame(text) == blame


@pytest.mark.parametrize(("text", "blame"), [
    ("No, you are lazy", ["lazy"]),
    # a verdict on the partner's people, quoted from its first word
    ("Honestly your mother is a nightmare", ["your mother is a nightmare"]),
    ("No, I mean it, your mother is a nightmare", ["your mother is a nightmare"]),
    ("No, sorry, but your mother is a nightmare", ["your mother is a nightmare"]),
    ("You never listen and your mother is a nightmare",
     ["you never", "your mother is a nightmare"]),
    ("I never said your mother is a nightmare", []),
])
def test_blame_after_a_no_and_verdicts_on_the_partners_people(text, blame):
    assert rules.find_blame(text) == blame


def test_fault_kinds():
    assert rules.blame_kinds("You never help and it's your fault we're late") == {
        "absolute", "fault"}
    assert rules.blame_kinds("It wasn't my doing, it's your fault") == {"fault"}


# --- blame: "never" that praises -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "blame"), [
    ("You never even complain", []),
    ("You never really complain", []),
    ("You never actually complain", []),
    ("You never ever complain", []),
    ("You have never let me... down, ever.", []),
    ("You never rush me", []),
    ("You never made me feel stupid", []),
    # harm to someone else, or a feeling left unsaid, is no praise
    ("You never push yourself for me", ["you never"]),
    ("You never make me feel.", ["you never"]),
])
def test_never_as_praise(text, blame):
    assert rules.find_blame(text) == blame


# --- what a reply adds after its answer ---------------------------------------------------------

@pytest.mark.parametrize(("text", "added"), [
    ("You got it all, thanks", "thanks"),
    ("That's it, and the kids too", "the kids too"),
    ("Almost, you forgot Xavier", "Xavier"),
])
def test_addition_after_answer(text, added):
    assert rules.addition_after_answer(text) == added


def test_first_is_the_earliest_then_the_longest():
    table = rules._phrases("yes", "no", "that is it", "that")
    assert rules._first(rules._norms("no, yes"), table) == (0, 1)
    assert rules._first(rules._norms("that is it"), table) == (0, 3)
    assert rules._first(rules._norms("well, that is it"), table, within=1) is None


# --- the small helpers ----------------------------------------------------------------------------

def test_find_from_a_start():
    words = rules._norms("You, you never call, you never write")
    assert rules._find(words, ("you", "never")) == 1
    assert rules._find(words, ("you", "never"), 2) == 4
    assert rules._find(words, ("you", "never"), 5) == -1
    assert rules._find(words, ("write",)) == 6
    assert rules._find(words, ("listen",)) == -1


def test_negation_reaches_three_words_back():
    words = rules._norms("No, but I feel happy")
    assert rules._negated_before(words, 4) is False
    assert rules._negated_before(words, 3) is True
    assert rules._negated_before(rules._norms("Not happy"), 1) is True


def test_phrases_are_normalised_words():
    assert rules._phrases("you're never", "don't") == (("you", "are", "never"), ("do", "not"))


# --- found by the mutation run, mended ------------------------------------------------------------

@pytest.mark.parametrize("text, blame", [
    # a letter that lower-cases to two ("İ") no longer shifts where "because of you" is quoted
    ("İlayda said it: because of you", ["because of you"]),
    ("İ because of you never listen", ["because of you", "you never"]),
    # an absolute just before it is another charge, not the same one; a fault phrase is the same
    ("You always lie, because of you nobody trusts us", ["you always", "because of you"]),
    ("it is down to you, because of you", ["down to you"]),
    # the speaker's own marriage, not someone else's
    ("I feel like I married a liar", ["liar"]),
    ("I think my brother married a liar", []),
])
def test_mended_blame_readings(text, blame):
    assert rules.find_blame(text) == blame
