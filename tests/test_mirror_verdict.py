"""How the mirror check weighs what came back, point by point, before it speaks.

Two small judgements sit between the points found and the verdict a couple hears: which of the
sender's points are the message (a feeling, a wish, a reason, a situation that carries
weight) and which are details a mirror may leave out ("the dentist, the car insurance"); and
whether a reply is the receiver's own story rather than a mirror at all. They are tested here
on points built by hand, with literal weights at the very edges, so that a changed threshold
or a flipped test is caught (tracker issue 19, point 1).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator.understanding.mirror import PointCheck, _is_core, _own_reply, _verdict
from facilitator.understanding.points import Point


def point(text: str, kind: str, weight: float) -> Point:
    return Point(text=text, kind=kind, positions=[], content=[], weight=weight, negated=False,
                 start=0, end=len(text))


def came_back(status: str, aligned=()) -> PointCheck:
    return PointCheck(text="", kind="statement", status=status, coverage=0.0, similarity=0.0,
                      aligned=tuple(aligned))


def reply(*weights: float) -> SimpleNamespace:
    """A mirror's words, known only by their weights (what _own_reply reads)."""
    return SimpleNamespace(weights=list(weights))


FEELING = point("I feel lonely", "feeling", 1.0)
WHEN = point("when you work late", "situation", 1.0)


# --- the message and its details -----------------------------------------------------------


@pytest.mark.parametrize("text, kind, weight, core", [
    # a feeling, a wish or a reason is the message however light its words
    ("I feel scared", "feeling", 0.1, True),
    ("I'd like us to take turns", "wish", 0.1, True),
    ("because my dad never came", "reason", 0.1, True),
    # a situation is, once it carries a word's weight
    ("at the weekend", "situation", 1.0, True),
    ("at the weekend", "situation", 0.99, False),
    # anything else is a detail unless it is about the two of them and weighs enough
    ("your cousin asked", "statement", 1.3, True),
    ("your cousin asked", "statement", 1.29, False),
    ("your cousin asked", "statement", 0.5, False),
    ("your cousin asked", "statement", 1.1, False),
    ("the dentist, the car insurance", "statement", 5.0, False),
    # the person is found through punctuation and contractions: "me." and "you'd"
    ("it was all down to me.", "statement", 2.0, True),
    ("which you'd said", "statement", 2.0, True),
])
def test_which_points_are_the_message_and_which_are_details(text, kind, weight, core):
    assert _is_core(point(text, kind, weight), None) is core


# --- a reply that is the receiver's own story ------------------------------------------------


def test_a_reply_that_carries_little_and_says_mostly_its_own_is_no_mirror():
    points = [FEELING, WHEN]
    results = [came_back("missed"), came_back("missed")]
    assert _own_reply(points, reply(1.0, 1.0, 1.0, 1.0), results) is True


def test_a_point_said_back_changed_still_counts_as_carried():
    points = [FEELING, WHEN]
    results = [came_back("changed", aligned=[0]), came_back("missed")]
    assert _own_reply(points, reply(1.0, 1.0, 1.0, 1.0), results) is False


@pytest.mark.parametrize("carried_weight, rest_weight, own", [
    (0.35, 0.65, False),  # just enough of the sender's came back: a mirror, however loose
    (0.5, 1.5, True),  # a quarter came back
])
def test_how_much_of_the_senders_weight_must_come_back(carried_weight, rest_weight, own):
    points = [point("I feel lonely", "feeling", carried_weight),
              point("when you work late", "situation", rest_weight)]
    results = [came_back("carried"), came_back("missed")]
    assert _own_reply(points, reply(1.0, 1.0, 1.0, 1.0), results) is own


def test_words_of_a_missed_point_are_the_receivers_own():
    # the alignment of a point judged missed does not make those mirror words the sender's
    points = [point("I feel lonely", "feeling", 1.0)]
    results = [came_back("missed", aligned=[0, 1, 2])]
    assert _own_reply(points, reply(1.0, 1.0, 1.0, 1.0), results) is True


@pytest.mark.parametrize("weights, aligned, own", [
    ((1.0, 1.0, 1.0, 1.0), [0, 1, 2], False),  # a quarter of the reply is its own
    ((1.0, 1.0), [0], True),  # half of it: enough to be the receiver's own
    ((0.4, 0.4), [], True),  # a short reply of light words
    ((0.0, 0.0), [], False),  # nothing weighed: nothing to call a reply of its own
])
def test_how_much_of_the_reply_must_be_its_own(weights, aligned, own):
    points = [point("I feel lonely", "feeling", 1.0), point("when you work late", "situation",
                                                            3.0)]
    results = [came_back("unsure", aligned=aligned), came_back("missed")]
    assert _own_reply(points, reply(*weights), results) is own


# --- from the points to the verdict ----------------------------------------------------------


def result(text: str, kind: str, status: str, coverage: float, **kw) -> PointCheck:
    return PointCheck(text=text, kind=kind, status=status, coverage=coverage, similarity=0.0,
                      **kw)


def test_a_reply_that_carries_nothing_is_missed_and_names_every_point():
    results = [result("I feel lonely", "feeling", "missed", 0.12345),
               result("when you work late", "situation", "missed", 0.1)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert check.as_dict() == {
        "score": 0.112, "verdict": "missed",
        "key_phrases": ["I feel lonely", "when you work late"], "matched": [],
        "missed": ["I feel lonely", "when you work late"], "changed": [], "confident": True,
        "points": [{"text": "I feel lonely", "kind": "feeling", "status": "missed"},
                   {"text": "when you work late", "kind": "situation", "status": "missed"}]}
    assert check.points == tuple(results)


def test_a_reply_that_carries_a_fifth_is_partial_not_missed():
    results = [result("I feel lonely", "feeling", "missed", 0.2),
               result("when you work late", "situation", "missed", 0.2)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert (check.verdict, check.score, check.missed) == (
        "partial", 0.2, ["I feel lonely", "when you work late"])


def test_one_point_carried_is_never_missed_however_low_the_score():
    results = [result("I feel lonely", "feeling", "carried", 0.3),
               result("when you work late", "situation", "missed", 0.0)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert (check.verdict, check.score, check.matched, check.missed) == (
        "partial", 0.15, ["I feel lonely"], ["when you work late"])


def test_a_point_said_back_changed_is_never_missed():
    results = [result("I feel lonely", "feeling", "changed", 0.1, change="polarity",
                      mirror_says="happy"),
               result("when you work late", "situation", "missed", 0.0)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert check.verdict == "partial"
    assert check.changed == [{"point": "I feel lonely", "change": "polarity",
                              "mirror_says": "happy"}]


def test_more_than_all_of_a_point_counts_as_all_of_it():
    results = [result("I feel lonely", "feeling", "carried", 1.6),
               result("when you work late", "situation", "carried", 0.5)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert (check.verdict, check.score) == ("complete", 0.75)


@pytest.mark.parametrize("details, verdict", [
    # one detail may be left out when the whole message came back
    ([("the dentist, the car insurance", "missed")], "complete"),
    # not two of them, nor one missed beside one the check is unsure of
    ([("the dentist", "missed"), ("the car insurance", "missed")], "partial"),
    ([("the dentist", "missed"), ("the car insurance", "unsure")], "partial"),
])
def test_a_detail_may_be_left_out_when_the_message_came_back(details, verdict):
    points = [FEELING, WHEN] + [point(text, "statement", 1.0) for text, _ in details]
    results = [result("I feel lonely", "feeling", "carried", 1.0),
               result("when you work late", "situation", "carried", 1.0)] + [
        result(text, "statement", status, 0.0) for text, status in details]
    assert _verdict(points, results, [], summary=False).verdict == verdict


def test_a_light_message_carried_whole_lets_a_detail_go():
    points = [point("I feel lonely", "feeling", 0.5), point("the dentist", "statement", 1.0)]
    results = [result("I feel lonely", "feeling", "carried", 1.0),
               result("the dentist", "statement", "missed", 0.0)]
    assert _verdict(points, results, [], summary=False).verdict == "complete"


def test_a_reply_of_details_alone_has_no_message_to_carry():
    # however much of the details came back (here three quarters of their weight)
    points = [point("the dentist", "statement", 3.0), point("the car insurance", "statement",
                                                            1.0)]
    results = [result("the dentist", "statement", "carried", 1.0),
               result("the car insurance", "statement", "missed", 0.0)]
    assert _verdict(points, results, [], summary=False).verdict == "partial"


def test_the_score_is_given_to_three_places():
    results = [result("I feel lonely", "feeling", "carried", 1.0),
               result("when you work late", "situation", "missed", 0.3337)]
    check = _verdict([FEELING, WHEN], results, [], summary=False)
    assert (check.verdict, check.score) == ("partial", 0.667)
