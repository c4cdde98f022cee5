"""Edges of the validation cue (``cues._validation_at``) and of how a sender's turn is cut
into points (``points._weight``, ``points._point``, ``points._is_preamble``): where a "makes
sense" is looked for, which negations count, and the smallest points a turn can carry.
"""

from __future__ import annotations

import pytest

from facilitator import textnorm as tn
from facilitator.understanding import cues
from facilitator.understanding.points import _is_preamble, analyse


def norms(text: str) -> list[str]:
    return [w.norm for w in tn.words(tn.clean(text))]


def at(text: str) -> int | None:
    return cues._validation_at(norms(text))


# ------------------------------------------------------------------- "makes sense" window


@pytest.mark.parametrize("text", [
    "Since making dinner is my job, I do it",  # "since" before "make" is no "sense"
    "Since you asked, it makes me sad",
    # "sense" five words after "makes" is too far to be "makes ... sense"
    "It makes me think that your sense of humour is cruel",
])
def test_a_sense_before_or_far_after_make_is_no_validation(text):
    assert at(text) is None


def test_a_no_just_before_makes_sense_reassures():
    assert norms("Yeah no, makes sense") == ["yeah", "no", "makes", "sense"]
    assert at("Yeah no, makes sense") == 2


def test_a_no_right_after_make_denies_it():
    assert at("That makes no sense") == -1


def test_a_negation_four_words_back_does_not_deny_makes_sense():
    assert at("It did not, but now it makes sense") == 6


# ------------------------------------------------------------------------ stock phrases


def test_a_not_before_no_wonder_does_not_negate_it():
    assert at("I am not surprised, no wonder you were upset") == 4


def test_a_negated_phrase_does_not_hide_a_later_validation():
    assert at("I would not say I understand, but you have a point") == 7


# ---------------------------------------------------------- negation inside "I ... why"


@pytest.mark.parametrize("text", [
    "I don't get it",
    "I don't get how you could say that",
    "I can't imagine why you would do that",
    "Never understand why you do that",
])
def test_a_validation_said_with_the_negation_inside_is_negated(text):
    assert at(text) == -1


@pytest.mark.parametrize("text", [
    "I don't know how",
    "Do you get why I am upset?",
    "Not that they are right to yell at you",
    "No one could ever understand why you did that",
])
def test_words_like_a_validation_without_one_are_none(text):
    assert at(text) is None


# ----------------------------------------------------------------------------- points


def test_well_after_a_being_word_weighs_one():
    a = analyse("My nan is not well")
    assert a.weights == [0.0, 1.0, 0.0, 0.0, 1.0]
    assert [(p.text, p.weight) for p in a.points] == [("My nan is not well", 2.0)]


def test_a_clause_of_only_so_well_is_quoted_from_well():
    assert [(p.kind, p.text) for p in analyse("You handled it. So well.").points] == [
        ("statement", "You handled it"), ("statement", "well")]


def test_a_you_know_inside_a_preamble_is_skipped():
    assert _is_preamble(["you", "know", "this", "sounds", "silly"]) is True
    assert _is_preamble(["i", "know", "you", "know", "this", "sounds", "silly"]) is True
    assert _is_preamble(["you", "know", "this", "job", "offer"]) is False
