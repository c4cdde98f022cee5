"""Finding a sender's word in a mirror (``understanding/wordmatch.py``): the stock phrases
every mirror is wrapped in, and the markers of a reply that argues, advises or speaks of the
receiver's own feelings. Each case pairs what must be found with a near miss.
"""

from __future__ import annotations

import pytest

from facilitator import textnorm as tn
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.points import analyse


def seq(phrase: str) -> tuple[str, ...]:
    return tuple(tn.neutral(w.norm) for w in tn.words(phrase))


def norms(text: str) -> list[str]:
    return [w.norm for w in tn.words(tn.clean(text))]


def kept(text: str) -> str:
    return " ".join(w.norm for w in wm.strip_stock(tn.words(tn.clean(text))))


# ------------------------------------------------------------------------ stock phrases


def test_the_stock_phrases_are_compared_person_neutrally_longest_first():
    table = wm._stock_table()
    assert [len(s) for s in table] == sorted((len(s) for s in table), reverse=True)
    assert seq("if I got that right") in table and seq("did I get it") in table
    assert seq("if you got that") == seq("if I got that")
    # near miss: a phrase is kept once, and no word of a sharing is a stock phrase
    assert len(table) == len(set(table)) == len({seq(p) for p in wm.STOCK_PHRASES})
    assert seq("lonely") not in table


def test_the_longest_stock_phrase_is_dropped_whole():
    assert kept("If I got that right, you feel alone.") == "you feel alone"
    # near miss: the same words without the stock phrase stay
    assert kept("You got that right, you feel alone.") != "you feel alone"


@pytest.mark.parametrize("text, left", [
    ("You said you feel alone.", "you feel alone"),  # a short phrase starting a sentence
    ("Right, you said you feel alone.", "right you feel alone"),  # or a clause
    ("So you said you feel alone.", "so you feel alone"),  # or after "so", "and", "okay"
    ("I feel you said nothing.", "i feel you said nothing"),  # near miss: mid-sentence
    ("You feel alone did I get it", "you feel alone"),  # four words or more: anywhere
    ("You feel alone is that right", "you feel alone is that right"),  # near miss: three
    ("I hear. You feel alone.", "i hear you feel alone"),  # near miss: across a full stop
    # a closer the recogniser mangled: its head and one or two short words, then an end
    ("You feel alone, did I get mad?", "you feel alone"),
    ("You feel alone, did I get to that?", "you feel alone"),
    ("If I got met, you feel alone.", "you feel alone"),
    ("You feel alone, did I get mad, or not?", "you feel alone or not"),
    ("did I get mad. You feel alone", "you feel alone"),
    ("If I got met you feel alone.", "you feel alone"),  # or before a person word
    ("You feel alone, did I get better?", "you feel alone"),  # six letters at most
    ("You feel exhausted, did I get mad?", "you feel exhausted"),
    # near misses: three words, a long word, a comma inside, no end after it
    ("You feel alone, did I get to the shop?", "you feel alone did i get to the shop"),
    ("You feel alone, did I get married?", "you feel alone did i get married"),
    ("You feel alone, did I, get mad?", "you feel alone did i get mad"),
    ("You feel alone, did, I get it?", "you feel alone did i get it"),
    ("You feel alone, did I get mad and sad?", "you feel alone did i get mad and sad"),
])
def test_stock_phrases_are_dropped_where_they_stand_as_stock(text, left):
    assert kept(text) == left


def breaks(text: str) -> list[tuple[str, int]]:
    return [(w.norm, w.brk) for w in wm.strip_stock(tn.words(tn.clean(text)))]


def test_the_word_after_a_dropped_phrase_starts_a_clause_as_strong_as_the_phrase():
    assert breaks("You said you feel alone.")[0] == ("you", 2)
    assert breaks("Right, you said you feel alone.")[1] == ("you", 1)
    assert breaks("You feel alone did I get it and you are tired.")[3] == ("and", 1)
    assert breaks("In other words what I hear you saying is you feel alone.")[0] == ("you", 2)
    # near miss: a word after a kept word keeps its own break
    assert breaks("You feel alone and you are tired.")[3] == ("and", 0)


# ----------------------------------------------------------------------- not a mirror


def test_each_marker_is_kept_with_its_form_from_the_other_side():
    table = wm._marker_table()
    assert len(table) == len(wm._NON_MIRROR)
    assert (("you", "always"), ("i", "always")) in table
    assert (("me", "too"), ("you", "too")) in table
    assert (("you", "are", "wrong"), ("i", "am", "wrong")) in table
    # near miss: a marker without a person word is its own other side
    assert (("come", "on"), ("come", "on")) in table


def test_a_marker_the_sender_said_from_their_side_is_a_mirror():
    mirror = norms("You always come home late and you feel alone.")
    assert not wm.not_a_mirror(norms("I always come home late."), mirror, [0] * len(mirror))
    # near miss: the sender said nothing of the kind
    assert wm.not_a_mirror(norms("You come home late."), mirror, [0] * len(mirror))


def own_feeling(sender: str, mirror: str) -> bool:
    a = analyse(mirror)
    return wm.not_a_mirror(norms(sender), [w.norm for w in a.words], a.clause_of)


def test_a_feeling_of_the_receivers_own_is_not_a_mirror():
    assert own_feeling("I feel lonely.", "You feel lonely and I feel sad too.")
    assert own_feeling("I feel lonely.", "You feel lonely. Me too.")
    # near misses: the sender said "too" as well, the receiver's clause names no feeling,
    # a plain mirror
    assert not own_feeling("You're tired too.", "I'm tired too.")
    assert not own_feeling("I feel lonely.", "You feel lonely and I work late too.")
    assert not own_feeling("I feel lonely.", "You feel lonely.")


# ------------------------------------------------------------ a sender's word in the mirror


def find(word: str, nxt: str | None, mirror: str) -> wm.Hit | None:
    a = analyse(mirror, strip=wm.strip_stock)
    return wm.find(word, nxt, wm.index(wm.Text(a.source, a.words, a.weights)))


@pytest.mark.parametrize("word, nxt, mirror, hit", [
    ("scared", None, "you were scared", wm.Hit(1.0, (2,))),  # the same word
    ("heard", None, "you felt unheard", wm.Hit(1.0, (2,), flip=True)),  # its "un-" form
    ("unheard", None, "you felt heard", wm.Hit(1.0, (2,), flip=True)),
    ("respected", None, "you felt disrespected", wm.Hit(1.0, (2,), flip=True)),
    ("disrespected", None, "you felt respected", wm.Hit(1.0, (2,), flip=True)),
    ("remembered", None, "I forgot", wm.Hit(1.0, (1,), flip=True)),  # its opposite
    ("awkward", None, "you felt clumsy", wm.Hit(0.9, (2,))),  # a synonym
    ("bring", "up", "when I raise it", wm.Hit(0.9, (2,))),  # of the phrase it starts
    ("raise", None, "when I bring up money", wm.Hit(0.9, (2, 3))),  # said as a phrase
    ("lonely", None, "you were lonley", wm.Hit(0.9, (2,))),  # a near spelling
    ("wait", None, "the weight", wm.Hit(0.85, (1,))),  # a sound-alike
    ("dryer", None, "the dry air", wm.Hit(0.85, (1, 2))),  # heard as two words
    ("week", "end", "the weekend", wm.Hit(0.85, (1,))),  # or two heard as one
    ("weight", None, "the wait", wm.Hit(0.85, (1,))),  # a four-letter sound-alike
    # near misses: another feeling, a word too short to be taken apart or misspelt
    ("scared", None, "you were happy", None),
    ("fit", None, "you felt unfit", None),
    ("sad", None, "you were mad", None),
])
def test_a_sender_word_is_found_in_each_way_it_comes_back(word, nxt, mirror, hit):
    assert find(word, nxt, mirror) == hit

