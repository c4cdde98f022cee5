"""How a sender's turn is cut into points (``understanding/points.py``): which points a turn
splits into, in the sender's own words, and what kind each one is. The mirror check compares
a mirror with these points, so a point split wrongly or quoted with a filler is what a
couple would hear as a wrong "you missed ..." from the facilitator.
"""

from __future__ import annotations

import pytest

from facilitator.understanding.points import analyse


def points(text: str, **kw) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in analyse(text, **kw).points]


def texts(text: str) -> list[str]:
    return [p.text for p in analyse(text).points]


# ------------------------------------------------------------------------------ analyse


def test_a_turn_splits_into_its_situation_feeling_and_reason():
    assert points("When you let Rocco off the lead I get anxious because he runs to the "
                  "road.") == [("situation", "When you let Rocco off the lead"),
                               ("feeling", "I get anxious"),
                               ("reason", "because he runs to the road")]


def test_each_point_knows_its_words_and_its_place_in_the_text():
    a = analyse("I feel hurt. You forgot my birthday.")
    hurt, forgot = a.points
    assert a.source[hurt.start:hurt.end] == "I feel hurt"
    assert a.source[forgot.start:forgot.end] == "You forgot my birthday"
    assert [a.words[k].norm for k in hurt.positions] == ["i", "feel", "hurt"]
    assert [a.words[k].norm for k in hurt.content] == ["feel", "hurt"]
    assert [a.words[k].norm for k in forgot.content] == ["forgot", "birthday"]
    assert hurt.feelings == ["hurt"] and forgot.feelings == []
    assert hurt.weight == sum(a.weights[k] for k in hurt.content) > 0
    assert a.clause_of == [0, 0, 0, 1, 1, 1, 1]


def test_a_filler_clause_is_no_point_and_belongs_to_no_clause_of_its_own():
    a = analyse("Um, I dunno, like")
    assert a.points == []
    assert points("I feel hurt, honestly") == [("feeling", "I feel hurt")]


def test_the_chunk_number_goes_to_every_point():
    a = analyse("I feel hurt. You forgot my birthday.", chunk=3)
    assert [p.chunk for p in a.points] == [3, 3]
    assert [p.chunk for p in analyse("I feel hurt.").points] == [0]


def test_strip_removes_stock_phrases_before_the_turn_is_cut():
    def drop_first_three(words):
        return words[3:]

    assert texts("I feel hurt. You forgot my birthday.") == ["I feel hurt",
                                                           "You forgot my birthday"]
    a = analyse("I feel hurt. You forgot my birthday.", strip=drop_first_three)
    assert [p.text for p in a.points] == ["You forgot my birthday"]
    assert a.clause_of == [0, 0, 0, 0]


def test_a_negated_point_is_marked():
    assert [p.negated for p in analyse("I'm not against it. I feel hurt.").points] == [
        True, False]


# ------------------------------------------------------------------------------ _weight


def test_like_as_a_verb_carries_a_wish_and_as_a_filler_carries_nothing():
    assert points("I'd like us to eat together") == [("wish", "I'd like us to eat together")]
    assert points("you don't like my cooking") == [("statement", "you don't like my cooking")]
    # "like" alone after a comma is a filler: no point of its own
    assert texts("I feel hurt, like") == ["I feel hurt"]


def test_a_preposition_that_is_the_point_counts():
    assert texts("I'm not against it") == ["I'm not against it"]
    assert texts("not without you") == ["not without you"]
    assert texts("instead") == ["instead"]


def test_kind_of_is_a_hedge_not_content():
    a = analyse("I feel kind of lonely")
    (point,) = a.points
    assert [a.words[k].norm for k in point.content] == ["feel", "lonely"]
    assert point.text == "I feel kind of lonely"


# ------------------------------------------------------------------------------ _opens


def test_and_opens_a_clause_only_before_a_subject():
    assert texts("bath and bedtime are hard") == ["bath and bedtime are hard"]
    assert points("I want more help with the kids and I feel alone") == [
        ("wish", "I want more help with the kids"), ("feeling", "I feel alone")]
    assert texts("I cook dinner and my mum calls") == ["I cook dinner", "my mum calls"]


def test_so_and_then_open_a_clause_before_a_subject_and_are_not_quoted():
    assert points("so I feel tired after work") == [("feeling", "I feel tired after work")]
    assert texts("Then I cry") == ["I cry"]
    assert texts("I work late so the dishes pile up") == ["I work late", "the dishes pile up"]


def test_because_and_since_open_a_reason():
    assert points("I'm scared, since you left") == [("feeling", "I'm scared"),
                                                      ("reason", "since you left")]
    assert points("I'm scared because you left") == [("feeling", "I'm scared"),
                                                      ("reason", "because you left")]


# ------------------------------------------------------------------------------ _clauses


def test_a_clause_of_only_an_opener_leans_on_the_next_one():
    assert points("because of the kids, I don't sleep") == [
        ("reason", "because of the kids"), ("statement", "I don't sleep")]


def test_a_clause_that_only_says_when_goes_with_the_next_one():
    assert texts("Sometimes, like once or twice a week, you're on your phone at dinner") == [
        "Sometimes, like once or twice a week, you're on your phone at dinner"]


def test_a_list_after_commas_is_one_point():
    assert texts("Dinner, bath time and bedtime all fall on me") == [
        "Dinner, bath time and bedtime all fall on me"]
    assert texts("the bills, the car and the school run") == [
        "the bills, the car and the school run"]


# --------------------------------------------------------------------------- _mid_subject


def test_a_new_subject_mid_sentence_starts_a_new_point():
    assert texts("When you let Rocco off the lead I get anxious") == [
        "When you let Rocco off the lead", "I get anxious"]


def test_a_subject_after_a_verb_that_takes_it_stays_in_the_clause():
    assert texts("I really want you to get help") == ["I really want you to get help"]


# ---------------------------------------------------------------------------- _completes


def test_a_clause_that_only_finishes_the_last_one_is_joined_to_it():
    assert points("I get, like, proper heart-pounding anxious") == [
        ("feeling", "I get, like, proper heart-pounding anxious")]
    assert points("I feel, like, tired, you know") == [("feeling", "I feel, like, tired")]


# ---------------------------------------------------------------------------- _continues


def test_an_aside_after_a_comma_joins_the_clause_before_it():
    assert texts("bring them dinner, just drop it off, no pressure") == [
        "bring them dinner, just drop it off", "no pressure"]


def test_a_new_statement_after_a_comma_is_its_own_point():
    assert points("I'm worried about the money, I feel scared") == [
        ("feeling", "I'm worried about the money"), ("feeling", "I feel scared")]


# -------------------------------------------------------------------------------- _point


def test_a_name_said_to_the_partner_is_no_point():
    assert points("Nico, I'm worried about the money, and I'd like us to talk on Sundays.") == [
        ("feeling", "I'm worried about the money"), ("wish", "I'd like us to talk on Sundays")]
    assert texts("Babe, I miss you") == ["I miss you"]


def test_leading_fillers_and_trailing_hedges_are_not_quoted():
    assert texts("Like, honestly, I feel ignored, you know") == ["I feel ignored"]
    assert texts("I feel ignored so") == ["I feel ignored"]
    assert texts("I feel tired, you know what I mean") == ["I feel tired"]


def test_a_point_keeps_its_linking_word_when_it_leads():
    assert texts("when the kids are in bed, I get lonely") == ["when the kids are in bed",
                                                              "I get lonely"]


# --------------------------------------------------------------------------------- _kind


def test_the_kind_of_each_point():
    assert points("I'd love a hug") == [("wish", "I'd love a hug")]
    assert points("We should talk more") == [("wish", "We should talk more")]
    assert points("It would help if you texted") == [("wish", "It would help"),
                                                     ("situation", "if you texted")]
    assert points("Every night you are late") == [("situation", "Every night you are late")]
    assert points("you are late every night") == [("statement", "you are late every night")]
    assert points("I was upset that you forgot my birthday") == [
        ("feeling", "I was upset that you forgot my birthday")]


# ------------------------------------------------ content words: what a mirror must carry


def content(text: str) -> list[list[str]]:
    a = analyse(text)
    return [[a.words[k].norm for k in p.content] for p in a.points]


def test_like_the_verb_is_content_and_like_the_filler_is_not():
    assert content("I'd like a hug") == [["wouldlike", "hug"]]
    assert content("you don't like my cooking") == [["like", "cooking"]]
    assert content("I really like the garden") == [["like", "garden"]]
    assert content("I just want to like it") == [["want", "like"]]
    # said as a filler it is not something the mirror has to bring back
    assert content("the kids, like, never sleep") == [["kids", "sleep"]]


def test_a_hedge_is_not_content_and_the_preposition_that_is_the_point_is():
    assert content("I sort of want a break") == [["want", "break"]]
    assert content("I kind of want a break") == [["want", "break"]]
    assert content("I'm not against it") == [["against"]]
    assert content("I went out without you") == [["went", "without"]]
    assert content("I'd rather cook instead") == [["rather", "cook", "instead"]]


@pytest.mark.parametrize("text, second", [
    ("When you let Rocco off the lead I get anxious", ("feeling", "I get anxious")),
    ("When you let Rocco off the lead you get angry", ("feeling", "you get angry")),
    ("When you let Rocco off the lead they get angry", ("feeling", "they get angry")),
    ("When you let Rocco off the lead we get angry", ("feeling", "we get angry")),
    ("When you let Rocco off the lead she can't sleep", ("statement", "she can't sleep")),
    ("When you let Rocco off the lead I felt scared", ("feeling", "I felt scared")),
    ("When you let Rocco off the lead I don't sleep", ("statement", "I don't sleep")),
    ("When the dog runs off with the lead I get anxious", ("feeling", "I get anxious")),
])
def test_whoever_is_the_new_subject_starts_a_new_point(text, second):
    assert points(text)[1:] == [second]
    assert len(points(text)) == 2


def test_a_pronoun_at_the_very_end_starts_nothing():
    assert texts("After the long drive home I") == ["After the long drive home I"]


@pytest.mark.parametrize("text, expected", [
    ("When the dog runs off and I get anxious", ["When the dog runs off", "I get anxious"]),
    ("I feel hurt and your mum calls", ["I feel hurt", "your mum calls"]),
    ("I feel hurt and nobody helps", ["I feel hurt", "nobody helps"]),
    ("I feel hurt so the kids cry", ["I feel hurt", "the kids cry"]),
    ("I feel hurt so nothing helps", ["I feel hurt", "nothing helps"]),
    ("I feel hurt since everything changed", ["I feel hurt", "since everything changed"]),
    ("I feel hurt then we argue", ["I feel hurt", "we argue"]),
    ("I feel hurt or we argue", ["I feel hurt", "we argue"]),
    # "and the kids" joins words, it opens no clause after "and"
    ("I feel hurt and the kids cry", ["I feel hurt and the kids cry"]),
    ("I feel hurt, because", ["I feel hurt"]),
])
def test_a_linking_word_opens_a_point_when_a_subject_follows(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "The long commute and the late meetings make me get, you know, anxious",
    "The long commute and the late meetings got, I think, worse",
    "The long commute and the late meetings make me feel, I think, anxious",
    "The long commute and the late meetings felt, I think, endless",
    "The long commute and the late meetings is, I think, tiring",
    "The long commute and the late meetings are, I think, tiring",
    "The long commute and the late meetings was, I think, tiring",
    "The long commute and the late meetings were, I think, tiring",
    "The long commute and the late meetings will be, I think, tiring",
    "The long commute and the late meetings become, I think, tiring",
])
def test_a_long_clause_broken_after_its_verb_by_an_aside_stays_one_point(text):
    """After a verb that needs what follows ("are, I think, tiring") the rest completes it,
    however much the clause already carried."""
    assert texts(text) == [text]


def test_a_clause_broken_by_a_full_stop_is_not_completed():
    assert texts("I get. I think anxious") == ["I think anxious"]
    assert texts("I am so, I am so tired") == ["I am so, I am so tired"]


# ------------------------------------------------------- more of how a turn is cut and quoted


@pytest.mark.parametrize("text, expected", [
    # "X of" is content unless X is "kind" or "sort": "tired of it" keeps its feeling
    ("I'm tired of it", [("feeling", "I'm tired of it")]),
    ("I'm sick of the fighting", [("statement", "I'm sick of the fighting")]),
    # "like" after "just", "also" or a pronoun is the verb: two light words make a wish
    ("I just like to go", [("wish", "I just like to go")]),
    ("I also like to go", [("wish", "I also like to go")]),
    ("I like to go", [("wish", "I like to go")]),
    # a preposition that is the point weighs as much as a content word, no more
    ("Let's go out instead", [("wish", "Let's go out instead")]),
    # a feeling said alone is a point even at the start of the turn, capitalised
    ("Hurt", [("feeling", "Hurt")]),
    ("Lonely.", [("feeling", "Lonely")]),
])
def test_what_counts_as_content(text, expected):
    assert points(text) == expected


def test_a_hedge_word_at_the_end_of_a_turn_is_read_without_failing():
    assert points("There's a lot to sort") == []
    assert points("It was, kind of.") == []
    assert points("I'm hurt, sort of") == [("feeling", "I'm hurt, sort of")]


def test_like_as_a_verb_weighs_as_a_light_word():
    assert [p.weight for p in analyse("I like to go").points] == [pytest.approx(0.6)]


def test_like_as_a_filler_at_the_start_is_not_the_verb():
    a = analyse("Like, it hurts me")
    assert [(p.kind, p.text) for p in a.points] == [("feeling", "it hurts me")]
    assert a.points[0].weight == 1.5


def test_a_preposition_that_is_the_point_weighs_one_content_word():
    assert [p.weight for p in analyse("I'm not against it").points] == [1.0]
    assert [p.weight for p in analyse("Without you I'm lonely").points] == [2.5]


@pytest.mark.parametrize("text", [
    "While you were away I cleaned the whole house",
    "So, while you were out, I cleaned the house",
])
def test_while_leads_its_point_and_is_quoted(text):
    assert points(text)[0][0] == "situation"
    assert points(text)[0][1].lower().startswith("while you were")


@pytest.mark.parametrize("second", ["our son cried", "his phone rang", "her dog barked",
                                    "their car broke", "everyone laughed", "everybody laughed",
                                    "someone laughed", "people laughed"])
def test_and_before_a_new_subject_opens_a_point(second):
    assert texts(f"My mum called and {second}") == ["My mum called", second]


def test_and_before_the_last_word_opens_a_clause():
    assert texts("I miss it, just you and me") == ["I miss it, just you"]


@pytest.mark.parametrize("text, expected", [
    # speech is often heard without commas: a pronoun after a feeling starts a new point
    ("I'm hurt you never noticed", ["I'm hurt", "you never noticed"]),
    ("The dishes piled up all week he got angry", ["The dishes piled up all week",
                                                   "he got angry"]),
    ("The dishes piled up all week I got angry", ["The dishes piled up all week",
                                                  "I got angry"]),
    ("The dishes piled up all week I feel alone", ["The dishes piled up all week",
                                                   "I feel alone"]),
])
def test_a_subject_without_a_comma_starts_a_new_point(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "You're more tired than I am",
    "I get so angry that you are never home",
    "I was too angry to let you have your say",
    "I'm sorry the dinner made you feel bad",
    "The kids and the dog make you feel tired",
    "The support and help I need you never give",
    "I try so hard to help you don't even notice",
    "Dinner together is what I love you never do anymore",
    "The one big question I asked you never answered",
    "The one question I ask you never answer",
    "When I came home I saw you were upset",
    "When I come home I see you are upset",
    "After all these long years I hear you are leaving us",
])
def test_a_pronoun_after_a_verb_that_takes_it_stays_in_one_point(text):
    assert texts(text) == [text]


@pytest.mark.parametrize("subject", ["I", "You", "He", "She", "We", "They"])
def test_a_long_new_statement_after_a_comma_is_its_own_point(subject):
    possessive = {"I": "my", "You": "your", "He": "his", "She": "her", "We": "our",
                  "They": "their"}[subject]
    text = f"{subject} cooked dinner, then went out drinking with {possessive} friends all night"
    assert texts(text) == [f"{subject} cooked dinner",
                           f"went out drinking with {possessive} friends all night"]


def test_what_follows_a_comma_after_a_subject_in_third_place_is_its_own_point():
    assert texts("I cooked dinner, then went to see them") == ["I cooked dinner",
                                                               "went to see them"]
    assert texts("Last night we had dinner, then went out drinking with our friends "
                 "till late") == ["Last night we had dinner, then went out drinking with our "
                                  "friends"]


def test_a_long_list_after_a_comma_is_still_one_point():
    text = "I do everything, cooking cleaning shopping laundry school runs homework"
    assert texts(text) == [text]
    assert texts("It was this, went out drinking with them all night again") == [
        "It was this, went out drinking with them all night again"]


def test_an_aside_after_a_comma_stays_with_its_point():
    assert texts("I feel tired, just drop it off, no pressure") == [
        "I feel tired, just drop it off", "no pressure"]


@pytest.mark.parametrize("text, expected", [
    ("You forgot my birthday you know", "You forgot my birthday"),
    ("I feel alone you know", "I feel alone"),
    ("Um so hurt", "hurt"),
    ("Like, hurt", "hurt"),
    # "too" after "you" is part of the point, not a hedge
    ("I miss you too", "I miss you too"),
    ("I'm worried about you too", "I'm worried about you too"),
    ("I'm so angry at you I", "I'm so angry at you I"),
])
def test_what_a_point_quotes(text, expected):
    assert texts(text) == [expected]


def test_every_night_before_a_comma_is_the_situation_of_what_follows():
    assert points("Every night, you're on your phone") == [
        ("situation", "Every night, you're on your phone")]


def test_a_name_at_the_start_of_a_point_is_quoted_whole():
    assert texts("Xavier never calls me") == ["Xavier never calls me"]


@pytest.mark.parametrize("text, points", [
    ("Okay, um. I know this sounds silly, and, like, it's not a huge deal or whatever, but "
     "when you booked the hotel I felt sidelined.", ["when you booked the hotel",
                                                      "I felt sidelined"]),
    ("Yeah so I, I mean, I've been thinking about this a lot, like, on the train and stuff. "
     "I felt brushed off.", ["I felt brushed off"]),
    ("This is hard to say. I feel lonely.", ["I feel lonely"]),
    ("I know it sounds petty but the dishes bother me", ["the dishes bother me"]),
    # near misses: "this" is the matter, or the size is the partner's
    ("I've been thinking about this job offer and I feel torn.",
     ["I've been thinking about this job offer", "I feel torn"]),
    ("It's not a big deal to you, but it is to me.", ["It's not a big deal to you"]),
    ("I know this house is small.", ["I know this house is small"]),
])
def test_what_is_said_about_the_telling_is_no_point(text, points):
    # "I know this sounds silly" frames the sharing; a fair listener leaves it out
    assert [p.text for p in analyse(text).points] == points


def test_well_after_a_being_word_is_health_not_a_filler():
    # "my nan's not well" is a point about her health; "well, I guess" and "as well" are not
    said = [p.text for p in analyse("We did yours last year, and my nan's not well.").points]
    assert said[-1] == "my nan's not well", said
    said = [p.text for p in analyse("Well, I'd like to see my family as well.").points]
    assert not any(t.lower().startswith("well") or t.endswith("well") for t in said), said
