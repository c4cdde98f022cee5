"""The cues the turn readers use (``understanding/cues.py``): what a short turn says that a
sentence vector cannot see. Each test names the turn a partner would say and the cues it
must (and must not) carry; a cue that fires on the wrong turn moves the step classifier.
"""

from __future__ import annotations

import pytest

from facilitator import textnorm as tn
from facilitator.understanding.cues import CUE_NAMES, _validation_at, cues


@pytest.fixture(autouse=True)
def fresh_cues():
    """Each test reads its turns afresh, not from the cache an earlier test filled."""
    cues.cache_clear()
    yield


def cue(text: str) -> dict[str, float]:
    return dict(zip(CUE_NAMES, cues(text)))


def on(text: str) -> set[str]:
    return {name for name, value in cue(text).items() if value}


def norms(text: str) -> list[str]:
    return [w.norm for w in tn.words(tn.clean(text))]


# --------------------------------------------------------------------------------- cues


def test_every_cue_comes_in_the_order_of_its_names():
    values = cues("No, you missed the part about my mum, I feel sad")
    assert len(values) == len(CUE_NAMES)
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in values)
    assert values[CUE_NAMES.index("no_lead")] == 1.0
    assert values[CUE_NAMES.index("yes_lead")] == 0.0


def test_an_empty_turn_is_only_short():
    assert cue("") == {name: 1.0 if name == "short" else 0.0 for name in CUE_NAMES}
    assert cue("  ") == cue("")


# ----------------------------------------------------------------------------- answers


def test_a_plain_yes_and_a_plain_no():
    assert on("yes") == {"yes_lead", "yes_any", "short", "long", "only_answer"}
    assert on("no") == {"no_lead", "no_any", "short", "long", "negations", "only_answer"}


def test_the_answer_said_first_leads():
    assert {"yes_lead", "no_any"} <= on("yes, no") and "no_lead" not in on("yes, no")
    assert {"yes_lead", "no_lead"} <= on("no, yes")  # both heard early; "no" first
    # an answer only leads in the first three words
    assert "yes_lead" not in on("well I mean maybe yes") and "yes_any" in on(
        "well I mean maybe yes")
    assert "no_lead" not in on("well I mean maybe no") and "no_any" in on(
        "well I mean maybe no")
    assert "no_lead" in on("well no actually yes") and "yes_lead" not in on(
        "well no actually yes")
    assert "no_lead" not in on("well I mean no")  # the fourth word leads nothing
    # "you did not" holds "you did" (a yes) at the same place: the longer no wins
    assert "no_lead" in on("you did not")


def test_strong_no_partly_and_a_correction():
    assert "strong_no" in on("not at all") and "strong_no" not in on("no")
    assert "partly" in on("almost") and "partly" not in on("yes")
    assert on("not quite, I also said the kids") >= {"partly", "correction"}
    assert "correction" not in on("yes, exactly")


def test_content_after_the_answer_is_what_is_left_to_mirror():
    assert cue("yes")["content_after"] == 0.0
    assert cue("no, I also said I miss my mum and the garden and the dog")[
        "content_after"] == 1.0  # capped
    assert 0.0 < cue("maybe tomorrow after dinner")["content_after"] < 1.0


def test_feelings_count_up_to_three():
    assert cue("I feel sad")["feelings"] == pytest.approx(1 / 3)
    assert cue("sad, lonely, angry and scared")["feelings"] == 1.0
    assert cue("the car")["feelings"] == 0.0


def test_a_question_by_its_mark_or_its_first_word():
    assert "question" in on("Is now a good time")
    assert "question" in on("now a good time?")
    assert "question" not in on("now is a good time")


# ---------------------------------------------------------------------------- consent


def test_a_time_proposed_a_decline_and_ready():
    assert on("maybe tomorrow after dinner") >= {"time", "time_words"}
    assert cue("tomorrow after dinner")["time_words"] == 1.0
    assert cue("later")["time_words"] == 0.5
    assert "time" not in on("yes")
    assert "decline" in on("not now") and "decline" not in on("now")
    assert "ready" in on("I'm ready") and "ready" not in on("I'm tired")


def test_done_and_more():
    assert "done" in on("that's all") and "more" not in on("that's all")
    assert "more" in on("one more thing") and "done" not in on("one more thing")


# ------------------------------------------------------------------------- validation


def test_a_validation_and_a_negated_one():
    assert "validate" in on("That makes sense") and "validate_negated" not in on(
        "That makes sense")
    assert "validate_negated" in on("That doesn't make sense")
    assert "validate" not in on("That doesn't make sense")
    assert "validate_negated" in on("Does that make sense")
    assert not {"validate", "validate_negated"} & on("the car is red")


def test_a_validation_said_first_counts():
    assert "validate" in on("I can see why you were hurt")
    assert "validate" in on("I understand")


def test_a_but_after_the_validation_and_a_but_alone():
    assert "but_after" in on("I can see why, but you were late")
    assert "but_after" in on("but I was tired")
    assert "but_after" not in on("I can see why you were hurt")
    # a "but" before the validation is not after it
    assert "but_after" not in on("but honestly I can see why you were hurt")


def test_sarcasm_contempt_dismissal():
    assert on("riiight") >= {"sarcasm", "elongated"}
    assert "elongated" not in on("right")
    assert "contempt" in on("you're so dramatic") and "contempt" not in on("you're kind")
    assert "dismiss" in on("whatever") and "dismiss" not in on("yes")


# ----------------------------------------------------------------------------- empathy


def test_imagining_thinking_and_feeling():
    assert on("I imagine you feel lonely") >= {"imagine", "feeling_kind"}
    assert "thought" in on("I think you are wrong")
    assert "thought" not in on("I feel sad") and "feeling_kind" in on("I feel sad")
    assert "imagine" not in on("you feel lonely")
    # a thought in the frame of a feeling, without a word for thinking
    assert "thought" in on("you feel like I do not care")


def test_blame_of_each_kind():
    assert "blame_absolute" in on("you always forget")
    assert "blame_insult" in on("you're so dramatic")
    assert "blame_fault" in on("it's all your fault")
    assert not {"blame_absolute", "blame_insult", "blame_fault"} & on("I feel sad")


def test_praise_i_feel_and_persons():
    assert "praise" in on("thank you for listening") and "praise" not in on("I feel sad")
    assert "i_feel" in on("I feel sad") and "i_feel" in on("I felt sad")
    assert "i_feel" not in on("you feel sad")
    assert "first_person" in on("I feel sad") and "second_person" not in on("I feel sad")
    assert "second_person" in on("you feel sad") and "first_person" not in on("you feel sad")


def test_length_negations_and_only_an_answer():
    assert "short" in on("yes it was") and "short" not in on("yes it was fine")
    assert cue("word " * 40)["long"] == 1.0
    assert cue("yes it was")["long"] == pytest.approx(3 / 30)
    assert cue("no not never no")["negations"] == 1.0
    assert cue("no")["negations"] == pytest.approx(1 / 3)
    assert "only_answer" in on("yeah, exactly") and "only_answer" not in on(
        "yeah, and the kids")


# ---------------------------------------------------------------------- _validation_at


@pytest.mark.parametrize("text, at", [
    ("That makes sense", 1),
    ("that makes a lot of sense", 1),
    ("makes since", 0),  # the recogniser's "since" for "sense"
    ("and it makes sense", 2),
    ("I can see why you were hurt", 0),
    ("sure I can see why", 1),
    ("well no wonder", 1),
    ("that does not make sense", -1),
    ("it never made any sense", -1),
    ("does that make sense", -1),
    ("I cannot see why", -1),
    ("I do not understand why", -1),
    ("I really do not get why you feel that", -1),
    ("not understandable", -1),
    ("did it make sense", -1),  # asked, not said
    ("do they make sense", -1),
    ("never makes sense", -1),
    ("no, I understand", 1),  # a "no" before it does not negate it
    ("the car is red", None),
    ("make it quick", None),
])
def test_where_a_validation_starts(text, at):
    assert _validation_at(norms(text)) == at


def test_a_negated_validation_does_not_hide_a_later_real_one():
    assert _validation_at(norms("I do not understand why, but I get it")) == 6
    assert _validation_at(norms("it does not make sense to me, but I understand why")) == 8


TURNS = [
    "yes", "no", "not at all", "almost",
    "no, I also said I miss my mum and the garden and the dog",
    "I feel sad, lonely, angry and scared", "Is now a good time?",
    "tomorrow after dinner, or tonight", "not now", "I'm ready", "that's all", "one more thing",
    "That makes sense", "That doesn't make sense", "I can see why, but you were late",
    "but I was tired", "riiight",
    "you're so dramatic", "whatever", "I imagine you feel lonely", "I think you are wrong",
    "you always forget", "it's all your fault", "thank you for listening", "word " * 40,
    "no not never no", "you me",
]


def test_every_cue_is_a_fraction_and_each_one_reaches_one():
    """The classifiers weigh each cue between 0 and 1; a cue that can reach 2 would count
    double, one that never reaches 1 would count for less than it was trained for."""
    values = [cue(text) for text in TURNS]
    for name in CUE_NAMES:
        seen = [v[name] for v in values]
        assert all(0.0 <= x <= 1.0 for x in seen), name
        assert max(seen) == 1.0, name
