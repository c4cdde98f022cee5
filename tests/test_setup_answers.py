"""The setup's answers read from what a partner says: names, the dialogue chosen, who
shares first, and a request to check the sound."""

from __future__ import annotations

import pytest

from facilitator.understanding.setup_answers import (
    MAX_NAME,
    asks_for_sound_check,
    read_dialogue_choice,
    read_first,
    read_name,
    same_name,
)


def name_of(text: str) -> str | None:
    reading = read_name(text)
    return reading.name if reading else None


# (said, name found) beside a near miss that gives none.
NAMES = [
    # a strong lead: the words after it are the name, however long the answer
    (("my name is tom and i am ready to go now thanks", "Tom"),
     ("my name is, um, I don't know", None)),
    (("The name's Maya.", "Maya"), ("The name of the game.", None)),
    # a weak lead: only a word written as a name, in a short answer
    (("It's Maya and I'm ready", "Maya"), ("it's maya and i'm ready", None)),
    (("I'm Leo, hi", "Leo"), ("Hi there, so it's Maya and I'm ready to begin now", None)),
    (("It's Maya.", "Maya"), ("It's going to be hard.", None)),
    (("Hi, it's Maya and I'm ready now", "Maya"),  # seven words: still short
     ("Hi there, it's Maya and I'm ready now", None)),
    (("Well, my name is Tom and I'm ready", "Tom"), ("Well, I'm ready", None)),
    (("i am maya", "Maya"), ("i am not sure", None)),
    # the name put right after "not" is not the name
    (("Not Dan, Daniel.", "Daniel"), ("Not Dan.", None)),
    (("not really, Maya", "Maya"), ("Dan, not Daniel, Dan.", "Dan")),
    (("No, not Dan, Daniel.", "Daniel"), ("Maya, not", "Maya")),
    # said twice is one name; two words make a name, three a sentence
    (("Maya. Maya.", "Maya"), ("Maya, Leo, Tom.", None)),
    (("mary ann", "Mary Ann"), ("Mary Ann Smith", None)),
    (("Leo Leo Leo", "Leo"), ("Leo Maya", "Leo Maya")),
    (("my name is Mary Ann", "Mary Ann"), ("my name is Mary Ann Smith", "Mary Ann")),
    (("my name is Tom Tom", "Tom"), ("my name is Tom I'm ready", "Tom")),
    # words that are never a name alone
    (("Will.", "Will"), ("I think so.", None)),
    (("Yes, Maya.", "Maya"), ("Yes.", None)),
]


@pytest.mark.parametrize("found, near_miss", NAMES, ids=[p[0][0][:30] for p in NAMES])
def test_a_name_is_found_where_the_words_give_one(found, near_miss):
    assert name_of(found[0]) == found[1], found
    assert name_of(near_miss[0]) == near_miss[1], near_miss


@pytest.mark.parametrize("text, name", [
    ("M A Y A", "Maya"), ("m-a-y-a", "Maya"), ("M. A. Y. A.", "Maya"),
    ("Maya, M A Y A.", "Maya"), ("it's L-E-O", "Leo"),
    # the longest run of letters is the name; the first of two as long
    ("T O M, no, M A Y A", "Maya"), ("M A Y A, no sorry, T O M", "Maya"),
    ("a b", "Ab"),
])
def test_a_name_spelled_out_is_taken_as_spelled(text, name):
    reading = read_name(text)
    assert reading is not None and reading.name == name and reading.spelled


@pytest.mark.parametrize("text", [
    "I, I, I don't know.", "I a", "a", "I", "Maya", "",
])
def test_letters_that_are_words_are_not_a_name_spelled_out(text):
    reading = read_name(text)
    assert reading is None or not reading.spelled


@pytest.mark.parametrize("text, name", [
    ("maya", "Maya"), ("o'brien", "O'Brien"), ("anne-marie", "Anne-Marie"),
    ("McKenzie", "McKenzie"), ("mcKenzie", "McKenzie"), ("DeShawn", "DeShawn"), ("TJ", "TJ"),
    ("O\u2019Brien", "O'Brien"),
])
def test_a_name_is_written_as_a_name_is_written(text, name):
    assert name_of(text) == name


def test_a_name_longer_than_any_name_is_no_name():
    longest = "A" + "b" * (MAX_NAME - 1)
    assert name_of(longest) == longest
    assert name_of(longest + "b") is None
    assert name_of("Bartholomew-Maximilian Fitzgerald-Worthington") is None


@pytest.mark.parametrize("a, b", [
    ("Maya", "maya"), ("Maya", "Maia"), ("Jon", "John"), ("Kate", "Cate"), ("Ann", "Anne"),
    ("Caren", "Karin"),  # spelled alike by 60 %, just enough
])
def test_two_readings_of_one_spoken_name_are_one_name(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize("a, b", [
    ("Dan", "Daniel"), ("Maya", "Tom"), ("Sean", "Shawn"), ("Mark", "Mike"), ("", "Al"),
])
def test_names_that_only_sound_alike_in_part_are_two_names(a, b):
    assert not same_name(a, b)


# --- which dialogue ------------------------------------------------------------------------

@pytest.mark.parametrize("text, choice", [
    ("the usual", "usual"), ("same as last time", "usual"), ("The same again, please", "usual"),
    ("the short one", "appreciation"), ("Appreciations.", "appreciation"),
    ("the full one", "intentional"), ("the long one", "intentional"),
    # a "not" just before a word takes it back
    ("not the short one", None), ("the full one, not the short one", "intentional"),
    ("not the usual, the full one", "intentional"),
    ("rather than the long one, the short one", "appreciation"),
    ("never the short one, the full one", "intentional"),
    # both, or neither
    ("the full one or the short one, I don't know", None), ("Hmm.", None), ("", None),
])
def test_which_dialogue_is_chosen(text, choice):
    assert read_dialogue_choice(text) == choice


# --- who shares first ----------------------------------------------------------------------

@pytest.mark.parametrize("text, first", [
    ("Maya", 0), ("Tom", 1), ("Maia", 0), ("Tom will.", 1), ("Not Maya, Tom.", 1),
    ("not Maya", None), ("Tom and Maya.", None),
    ("me", "me"), ("I'll go", "me"), ("I\u2019ll go", "me"), ("let me", "me"), ("not me", None),
    ("either", "anyone"), ("you decide", "anyone"), ("I don't mind", "anyone"),
    ("The usual.", "usual"), ("the usual, Tom", "usual"), ("hmm", None), ("", None),
])
def test_who_shares_first(text, first):
    assert read_first(text, ("Maya", "Tom")) == first


@pytest.mark.parametrize("text, first", [
    ("Mary Ann goes first", 0), ("mary ann", 0), ("Mary", None), ("Tom", 1),
    ("not Mary Ann, Tom", 1), ("Ann", None),
])
def test_a_name_of_two_words_is_said_whole(text, first):
    assert read_first(text, ("Mary Ann", "Tom")) == first


# --- check the sound -----------------------------------------------------------------------

@pytest.mark.parametrize("text, asks", [
    ("check the sound", True), ("could you check the sound please", True),
    ("Can you hear us?", True), ("we check the sound", True), ("sound check", True),
    # misheard by a letter
    ("chek the sound", True), ("check the sond", True), ("sound chek", True),
    # a word that only starts like the request, words around it that are not polite
    ("check the soundtrack", False), ("the kids check the sound", False),
    ("check", False), ("", False), ("sound", False),
    # the request whole, with at most a few words around it
    ("please please please please please please please check the sound", True),
    ("please please please please please please please please check the sound", False),
    # a request made of polite words is found as said, before or after them
    ("please, can you hear us?", True), ("can you hear us please", True),
    ("sound chk", True),
    ("one two three four five six seven eight nine check the sound", False),
    ("The sound of the kids upstairs keeps me up.", False),
])
def test_check_the_sound_is_a_whole_request(text, asks):
    assert asks_for_sound_check(text) is asks
