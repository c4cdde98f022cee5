"""How the mirror check judges each try at a mirror, which change it names and whose feeling
or deed it is, how often and how strongly something was said, and when a reply is the
receiver's own side rather than a mirror.

Each test pins a behaviour a couple would notice (a verdict, a point's status, what is named
missed or changed and the mirror's words quoted for it, a score to a few places), or, where
a rule is only visible inside, the private helper called on sentences analysed as the check
analyses them, each beside a near miss. Written for mutation testing (tracker issue 19,
point 1).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from facilitator.understanding import mirror as mr
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.mirror import MirrorChecker
from facilitator.understanding.model import MeaningModel
from facilitator.understanding.points import analyse

CHECK = MirrorChecker(MeaningModel())


def check(sender: str, mirror: str, earlier=()):
    return CHECK.mirror(sender, mirror, earlier)


def turn(text: str):
    """A turn analysed as the check analyses it (stock phrases dropped)."""
    return analyse(text, strip=wm.strip_stock)


def statuses(c) -> list[tuple[str, str]]:
    return [(p.text, p.status) for p in c.points]


# --- a sender's turn with nothing in it to mirror ------------------------------------------


def test_a_turn_with_no_points_is_mirrored_by_any_word_and_missed_by_none():
    """"Um." has no point: anything of weight said back completes it, even one plain word
    ("Dinner.", a single word of weight 1), and a reply of fillers or nothing misses it."""
    c = check("Um.", "Dinner.")
    assert (c.score, c.verdict, c.key_phrases, c.matched, c.missed) == (
        1.0, "complete", [], [], [])
    assert c.as_dict()["changed"] == [] and c.confident is True
    for reply in ("Um, okay.", ""):
        c = check("Um.", reply)
        assert (c.score, c.verdict) == (0.0, "missed")
        assert c.as_dict() == {"score": 0.0, "verdict": "missed", "key_phrases": [],
                               "matched": [], "missed": [], "changed": [], "confident": True,
                               "points": []}


# --- a mirror of no weight, and one of a single word ---------------------------------------


def test_a_mirror_of_one_plain_word_can_carry_a_point():
    """"Hug." (one word, weight 1) is a mirror of "I need a hug": most of the point's weight
    came back (0.769), it is not dismissed as no mirror at all; only a mirror of no weight
    ("It was that.") is."""
    c = check("I need a hug.", "Hug.")
    assert c.verdict != "missed"
    assert c.score == pytest.approx(0.769, abs=0.002)
    c = check("I need a hug.", "It was that.")
    assert (c.verdict, c.score, c.missed) == ("missed", 0.0, ["I need a hug"])


def test_a_list_summed_up_by_words_of_no_weight_is_still_missed():
    """"All that." says "all" (a word that sums a list up) but carries no weight: nothing was
    mirrored, the list is missed, not carried by the summing-up rule."""
    sender = "I do the dishes, the laundry, the shopping and the school run."
    c = check(sender, "All that.")
    assert (c.verdict, c.score) == ("missed", 0.0)
    assert statuses(c) == [(sender[:-1], "missed")]


# --- stock phrases are no part of what was said --------------------------------------------


def test_the_senders_stock_lead_in_is_not_part_of_the_point():
    """"The reason I appreciate this is that ..." is a lead-in: the point is what follows it,
    and the mirror that says it back carries all of it."""
    c = check("The reason I appreciate this is that it makes me feel cared for.",
              "The reason you appreciate this is that it makes you feel cared for. "
              "Did I get that?")
    assert c.key_phrases == ["it makes me feel cared for"]
    assert (c.verdict, c.score) == ("complete", 1.0)


def test_the_mirrors_stock_opening_is_not_quoted_as_what_it_says():
    """A lost "not" is named with the mirror's own words for the point, without its "If I
    got that," opening."""
    c = check("I don't feel heard when we argue about your mother.",
              "If I got that, you feel heard when we argue about my mother. Did I get that?")
    assert c.as_dict()["changed"] == [{"point": "I don't feel heard", "change": "polarity",
                                       "mirror_says": "you feel heard"}]


# --- earlier tries ---------------------------------------------------------------------------


def test_every_earlier_try_counts_not_only_the_first():
    """A point carried by the second of two earlier tries stays carried; the first try and
    the last one never said it."""
    sender = "I feel lonely when you work late."
    c = check(sender, "You feel lonely.", ["You feel lonely.", "When I work late."])
    assert (c.verdict, c.score) == ("complete", 1.0)
    assert statuses(c) == [("I feel lonely", "carried"), ("when you work late", "carried")]
    # near miss: the point said in no try is missed
    c = check(sender, "You feel lonely.", ["You feel lonely.", "You feel lonely."])
    assert c.verdict == "partial" and c.missed == ["when you work late"]
    assert c.score == pytest.approx(0.581, abs=0.002)


@pytest.mark.parametrize("earlier", [[""], ["Um, okay."], ["It was that."]])
def test_an_empty_or_weightless_earlier_try_leaves_the_last_try_as_judged(earlier):
    """An earlier try that said nothing (empty, fillers, words of no weight) adds nothing:
    the point the last try left out is missed, in the sender's words, with nothing of it
    carried (score 0.581 is the feeling's share alone)."""
    c = check("I feel lonely when you work late.", "You feel lonely.", earlier)
    assert c.as_dict() == {
        "score": 0.581, "verdict": "partial",
        "key_phrases": ["I feel lonely", "when you work late"],
        "matched": ["I feel lonely"], "missed": ["when you work late"], "changed": [],
        "confident": True,
        "points": [{"text": "I feel lonely", "kind": "feeling", "status": "carried"},
                   {"text": "when you work late", "kind": "situation", "status": "missed"}]}
    missed = c.points[1]
    assert (missed.coverage, missed.similarity, missed.chunk) == (0.0, 0.0, 0)


def test_a_summary_keeps_each_points_chunk_after_an_empty_earlier_try():
    """In a summary the point of the second chunk that was left out is still named as the
    second chunk's."""
    c = CHECK.summary(["I feel lonely.", "I miss our Friday movie nights."],
                      "You feel lonely.", [""])
    assert c.missed == ["I miss our Friday movie nights"]
    assert [(p.text, p.kind, p.status, p.chunk) for p in c.points] == [
        ("I feel lonely", "feeling", "carried", 0),
        ("I miss our Friday movie nights", "statement", "missed", 1)]
    assert c.score == pytest.approx(0.31, abs=0.002)


def test_an_earlier_tries_stock_opening_carries_nothing():
    """"What I hear you saying is ..." opens a try; its "hear" and "saying" are not the
    sender's "hear what I'm saying" said back. Neither try carried the wish: missed."""
    sender = "I just want you to hear what I'm saying."
    c = check(sender, "You're tired.", ["What I hear you saying is you're tired. Is that right?"])
    assert (c.verdict, c.score, c.matched) == ("missed", 0.0, [])
    assert c.missed == ["I just want you to hear what"]


# --- how each try is read --------------------------------------------------------------------


def test_only_words_of_weight_come_back_by_meaning():
    """Light words ("so", "you", "the") of the mirror are not matched by meaning: the mirror
    of "I'm a wreck the next day ..." gets 0.613 of the sender's weight, not more."""
    c = check("I need to be in bed by ten or I'm a wreck the next day, so I'd like you to not "
              "start a film at half nine.",
              "You've got to be in bed by ten otherwise you're useless the next day, so you'd "
              "rather I didn't put a movie on at nine thirty.")
    assert c.score == pytest.approx(0.613, abs=0.002)


def test_a_clause_that_carries_a_point_is_no_addition_and_the_rest_is_no_own_story():
    """Each mirror clause is backed by the point nearest it in meaning. The mirror below says
    all three points back (complete, 0.841) before its own "which I could do if ...": its
    clauses are backed by the sender's points, so it is a mirror, not the receiver's own
    side (which would miss every point, score 0)."""
    c = check("I feel like whenever I bring up your mum you get defensive and shut down, and "
              "then we never actually sort anything out, and I'd like us to be able to talk "
              "about her calmly.",
              "So when you mention my mum you feel I get defensive and shut down and we never "
              "sort anything out, and you'd like us to talk about her calmly, which I could do "
              "if you didn't always start by criticising her.")
    assert (c.verdict, c.missed) == ("complete", [])
    assert c.score == pytest.approx(0.841, abs=0.002)


# --- whose feeling it is -----------------------------------------------------------------------


def at(a, word: str, nth: int = 0) -> int:
    """The position of the nth ``word`` (by its normal form) in an analysed turn."""
    return [k for k, w in enumerate(a.words) if w.norm == word][nth]


@pytest.mark.parametrize("text, word, who", [
    # the one it is done to, just after: "it scares me", "scary to me", "overwhelming for you"
    ("It's scary to me.", "scary", "I"),
    ("So mornings are overwhelming for you.", "overwhelming", "you"),
    ("I feel embarrassed for them.", "embarrassed", "other"),
    # near miss: a pronoun three words on is not the one who feels it
    ("It felt frightening to see you cry.", "frightening", None),
    # a preposition is nobody's object-taker: "take it out on you" is said of the one who does
    ("My job is stressing me out and I take it out on you.", "on", "I"),
    ("I don't roll my eyes at you.", "at", "I"),
    ("I'm sad that the cat's getting old and I want to spend more time with her.", "with", "I"),
    ("I really appreciate that you made coffee for me this morning.", "for", "you"),
    # the subject before it, over degree words and the verb: "I feel so very lonely"
    ("I feel proud of you for finishing your degree.", "proud", "I"),
    ("I feel so very lonely.", "lonely", "I"),
    ("You're constantly worried about money.", "worried", "you"),
    # "makes us feel judged": the object before "feel"
    ("It makes us feel judged.", "judged", "we"),
    # a feeling used as a noun is nobody's in particular; a verb just before it is no article
    ("I still carry that guilt.", "guilt", None),
    # "it's scary" does not hide the "I" who knows it ("it" is not a person)
    ("I know it's scary, but I think we'd be good at it.", "scary", "I"),
    # a new clause without a break: the subject of the clause before does not reach over
    ("I get anxious when upset.", "upset", None),
    # the verb itself is no copula after its noun
    ("I'm scared that we're drifting apart since the baby was born.", "was", None),
])
def test_who_has_the_feeling(text, word, who):
    a = turn(text)
    assert mr._experiencer(a, at(a, word)) == who


# --- what a "not" reaches --------------------------------------------------------------------


@pytest.mark.parametrize("text, word, negated", [
    # two words back at most: "don't feel heard"; a third word between and it no longer
    # reaches ("don't really feel heard" is read with the "not" on "really feel")
    ("I don't feel heard.", "heard", True),
    ("I don't really feel heard.", "heard", False),
    # "not to", "never to": the wish is a "not" ("I'd like us not to shout")
    ("I'd like us not to shout.", "shout", True),
    ("I'd like us never to shout.", "shout", True),
    ("Never to shout again, please.", "shout", True),
    # ... but not across a sentence: "not. To shout", "not to. Shouting"
    ("I'd rather not. To shout is pointless.", "shout", False),
    ("We agreed not to. Shouting never helps.", "shouting", False),
    # a sentence or comma between ends the "not"'s reach
    ("That's not fair. Happy now?", "happy", False),
    # a preposition or article between ends it too: "we don't argue at the store"
    ("We don't argue at the store.", "store", False),
    ("I don't like them.", "them", False),
    # "without" is no "not" of its own ("without asking me") and does not stop one before it
    ("You made plans without asking me.", "asking", False),
    ("It was not without love.", "love", True),
    # "no" before a word negates it, even at the end of a sentence
    ("No friends. I moved here alone.", "friends", True),
    ("I have no friends.", "friends", True),
])
def test_what_a_not_reaches(text, word, negated):
    a = turn(text)
    assert mr._negated_in_clause(a, at(a, word)) is negated


# --- how strongly a feeling is said ---------------------------------------------------------


def feeling_at(a, word: str) -> tuple[int, ...]:
    return next(pos for pos, _ in mr._feelings(a) if at(a, word) in pos)


@pytest.mark.parametrize("text, word, shift", [
    # a degree word before or after moves the feeling's strength: "really" +1, "a bit" -1
    ("Really scared of the dark.", "scared", 1),
    ("I was really worried.", "worried", 1),
    ("I was a tiny bit worried.", "worried", -1),
    ("It bothered me quite a bit.", "bothered", 1),
    # three words on, in the same clause, still counts ("scared of it a lot"); four is too far
    ("I get scared of it a lot.", "scared", 1),
    ("I get scared of the dark a lot.", "scared", 0),
    # a degree word in another clause does not: "really late, I was worried"
    ("It was really late, I was worried.", "worried", 0),
    # ... but one in its own clause does, whatever stands before it in another
    ("It was late, I was really worried.", "worried", 1),
    # between two of equal pull the first said decides ("a bit" -1 before "really" +1)
    ("I was a bit annoyed really.", "annoyed", -1),
    # a degree phrase just after a feeling of two words: "love you to bits"
    ("I love you to bits.", "love", 2),
    # no degree word: no shift
    ("I was worried.", "worried", 0),
])
def test_how_far_a_degree_word_moves_a_feeling(text, word, shift):
    a = turn(text)
    assert mr._degree_near(a, feeling_at(a, word)) == shift


@pytest.mark.parametrize("text, who", [
    # "That's how you make me feel": the "me" just before "feel" is the one who feels
    ("That's how you make me feel.", "I"),
    ("Jo felt left out.", "other"),
])
def test_who_feel_is_said_of(text, who):
    a = turn(text)
    assert mr._feeler(a, max(k for k, w in enumerate(a.words) if w.norm in mr._FEEL)) == who


def test_a_feeling_said_in_a_run_on_keeps_its_speaker():
    """Speech comes without commas: "i was gutted felt so hurt" is all the speaker's own,
    the feeling word "gutted" on the way back to the "i" is passed over."""
    a = turn("i was gutted felt so hurt")
    assert mr._experiencer(a, at(a, "hurt")) == "I"


# --- how often --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, levels", [
    # the longest phrase said is read once: "all day every day" is one "all the time"
    ("You work all day every day.", [4]),
    ("You call your mum every single day.", [4]),
    ("You work 24/7.", [4]),
    ("It happens every once in a while.", [2]),
    # two phrases, two levels, in order
    ("You're late most of the time, and you never call.", [3, 0]),
    ("You go out each Friday, always.", [3, 4]),
    # "every"/"each" + anything counted: as often as "every night"
    ("You go out every Sunday.", [3]),
    ("You go out each Sunday.", [3]),
    ("Every Sunday you go out.", [3]),
    ("You go out.", []),
])
def test_how_often_something_was_said_to_happen(text, levels):
    a = turn(text)
    assert mr._frequencies(a, range(len(a.words))) == levels


# --- the receiver's own side ------------------------------------------------------------------


def test_the_receivers_own_loneliness_is_no_mirror_of_the_senders():
    """"Well I feel lonely too when you fall asleep on the couch" answers with the receiver's
    own feeling: every point missed, nothing named changed."""
    c = check("I feel lonely when you're on your phone in bed.",
              "Well I feel lonely too when you fall asleep on the couch.")
    assert (c.verdict, c.score, c.as_dict()["changed"]) == ("missed", 0.0, [])
    assert c.missed == ["I feel lonely", "when you're on your phone in bed"]


def test_the_senders_turn_said_back_word_for_word_is_a_mirror():
    """A parrot keeps the sender's "I": it is still a mirror, complete."""
    c = check("You've been really distant since your promotion and I feel lonely.",
              "You've been really distant since your promotion and I feel lonely, is that it?")
    assert (c.verdict, c.score, c.missed) == ("complete", 1.0, [])


@pytest.mark.parametrize("reply, own", [
    # mostly "I" (or "my") doing the talking, with a defence ("but", "just")
    ("Okay. Um. I did the dishes, but you know.", True),
    ("My shift just ran late.", True),
    ("Well, I did the dishes on Monday.", True),
    # near miss: one "I" in three clauses is not mostly the receiver talking
    ("The car broke down, the kids were ill, and I was at work, but still.", False),
    # the receiver's own feeling, though no "I" leads the reply
    ("Scared me, all of that.", True),
    # a feeling as a noun ("the worry for me") is nobody's own feeling
    ("The worry for me, honestly.", False),
    ("It's the worry for me.", False),
    # a reply of no weight says nothing of anyone
    ("Um, okay.", False),
])
def test_when_a_reply_is_the_receivers_own_side(reply, own):
    assert mr._own_side([turn("You always leave the dishes.")], turn(reply)) is own


# --- a feeling said back stronger, weaker or as another --------------------------------------


def changes_of(c) -> list[tuple[str, str]]:
    return [(x["point"], x["change"]) for x in c.as_dict()["changed"]]


def test_a_feeling_said_back_much_weaker_is_named_unless_an_idiom_said_it():
    """"terrified" (4) said back as "uneasy" (1) is softened, three steps; "scared stiff" is
    an idiom whose strength is rough, so "uneasy" for it is let pass."""
    c = check("I'm terrified of flying.", "You're uneasy about flying.")
    assert c.verdict == "partial"
    assert c.as_dict()["changed"] == [{"point": "I'm terrified of flying", "change": "intensity",
                                       "mirror_says": "You're uneasy about flying"}]
    c = check("I'm scared stiff of the dentist.", "You're uneasy about the dentist.")
    assert (c.verdict, changes_of(c)) == ("complete", [])


@pytest.mark.parametrize("sender, mirror", [
    # "sick of being tired" said back word for word: no strength changed
    ("I'm sick of being tired all the time. I think it's the night shifts, and I'd like to "
     "ask for days even if it means less money.",
     "so you're sick of being tired all the time and you think it's the night shifts"),
    # "dreading" / "not looking forward to": no degree word says it was softened
    ("I'm dreading your parents staying for two weeks. I need some time to myself while "
     "they're here.",
     "you're not looking forward to a fortnight with my folks in the house, and you'll need "
     "space on your own during it"),
    # "small" / "belittled": near in meaning, not another feeling in its place
    ("When your dad makes jokes about my job I feel small, and I wish you'd back me up.",
     "so my dad's digs about your work leave you feeling belittled, and you want me in your "
     "corner when he does it"),
    # "miss" said back as "miss": no polarity flipped
    ("I miss you holding my hand when we walk, like we used to.",
     "You miss us holding hands on walks the way we did before."),
])
def test_a_feeling_said_back_in_other_words_is_not_named_changed(sender, mirror):
    c = check(sender, mirror)
    assert changes_of(c) == []
    assert "changed" not in [p.status for p in c.points]


def test_another_feeling_in_place_of_the_senders_is_named_unless_it_mirrors_another():
    """"annoyed" for "unheard" is another feeling in its place; but where the sender was
    also angry, "annoyed" is that feeling's mirror, not a swap, and nothing is named."""
    c = check("I feel unheard when you look at your phone.",
              "You feel annoyed when I look at my phone.")
    assert changes_of(c) == [("I feel unheard", "feeling")]
    c = check("I feel unheard when you look at your phone, and I'm angry about it.",
              "You feel annoyed when I look at my phone, and you're angry about it.")
    assert changes_of(c) == []
    c = check("I feel unheard when you look at your phone, and I'm worried about us.",
              "You feel annoyed when I look at my phone, and you're worried about us.")
    assert ("I feel unheard", "feeling") in changes_of(c)


# --- a point said back the other way round, or as someone else's -----------------------------


def test_more_said_back_as_less_is_a_flip_quoted_in_the_mirrors_words():
    """"more time" -> "less time" flips the wish; "more" simply left out is no flip."""
    c = check("I want more time with you.", "You want less time with me.")
    assert c.as_dict()["changed"] == [{"point": "I want more time with you",
                                       "change": "polarity",
                                       "mirror_says": "You want less time with me"}]
    c = check("I want more time with you.", "You want time with me.")
    assert changes_of(c) == []


def test_a_worry_about_the_receiver_said_back_about_the_boss_is_given_to_someone_else():
    """"your boss is taking advantage of you" -> "I'm taking advantage of my boss": the one
    who does it changed, and only that clause of the mirror is quoted."""
    c = check("I'm worried that your boss is taking advantage of you.",
              "so you're worried I'm taking advantage of my boss")
    assert c.as_dict()["changed"] == [{
        "point": "I'm worried that your boss is taking advantage of you", "change": "person",
        "mirror_says": "I'm taking advantage of my boss"}]


def test_the_same_way_said_of_the_receiver_gives_the_feeling_to_them():
    """"I feel the same way" answers "I feel like a single parent" with the receiver's own
    feeling: the point is named as given to another person."""
    c = check("I feel like a single parent on weekends.",
              "Honestly I feel the same way when you're at your mom's.")
    assert c.verdict == "partial"
    assert changes_of(c) == [("I feel like a single parent on weekends", "person")]


@pytest.mark.parametrize("sender, mirror", [
    # "don't feel supported" -> "feel unsupported": the "not" came back inside the word
    ("I don't feel supported when I bring up my job.",
     "You feel unsupported when you bring up your job. Did I get that?"),
    # "can't run" -> "not being able to go running": the negation moved, not lost
    ("I'm frustrated I can't run since the knee op, and I'm taking it out on you.",
     "so not being able to go running since your knee surgery is getting to you, and you "
     "know I'm getting the brunt of it"),
])
def test_a_not_said_back_in_other_words_is_no_flip(sender, mirror):
    c = check(sender, mirror)
    assert (c.verdict, changes_of(c)) == ("complete", [])


def test_an_added_motive_is_an_interpretation_not_a_flip_of_the_point():
    """"don't feel like going out" said back with "don't feel like going out" and a reason
    the sender never gave: the reason is an interpretation, the point no flip."""
    c = check("I'm feeling really tired in the evenings lately and I just don't feel like "
              "going out.",
              "You're really tired in the evenings lately and don't feel like going out, I "
              "guess because you're depressed about work.")
    assert c.as_dict()["changed"] == [{"point": "", "change": "interpretation",
                                       "mirror_says": "because you're depressed about work"}]


def test_never_relaxing_said_back_as_never_getting_to_relax_is_no_flip():
    """The "never" came back with the word it negates: the tiredness point is not flipped."""
    c = check("I'd like us to spend Christmas Day at home this year. I'm tired of driving "
              "between both families and never relaxing.",
              "so you're tired of driving between both families at christmas and never "
              "getting to relax")
    assert changes_of(c) == []


@pytest.mark.parametrize("sender, mirror, opposite", [
    # the opposite between the same neighbours: after the same word ("to come" / "to go"),
    # or before it ("keep going" / "stop going")
    ("I asked you to come.", "You asked me to go.", "go"),
    ("Please come.", "Please go.", "go"),
    ("Keep going.", "Stop going.", "stop"),
    # near misses: different neighbours on both sides, or only a pronoun in common
    ("Come here now.", "Go away now.", None),
    ("Please come.", "Just go.", None),
    ("Please come here.", "Just go away.", None),
    ("You come here.", "You go away.", None),
])
def test_a_light_word_swapped_for_its_opposite_in_the_same_frame(sender, mirror, opposite):
    a, m = turn(sender), turn(mirror)
    k = next(k for k, w in enumerate(a.words) if w.norm in ("come", "keep"))
    q = mr._same_frame_opposite(a, k, m, list(range(len(m.words))), {w.stem for w in a.words})
    assert (m.words[q].norm if q is not None else None) == opposite


# --- "I feel ..." said back as someone else's "feel" -------------------------------------------


def feeler_changed(sender: str, mirror: str):
    """The rule on the sender's whole turn as one point, the whole mirror as its region."""
    a, m = turn(sender), turn(mirror)
    point = SimpleNamespace(positions=list(range(len(a.words))))
    q = mr._feeler_changed(point, a, m, list(range(len(m.words))))
    return m.words[q].norm if q is not None else None


@pytest.mark.parametrize("sender, mirror, at_word", [
    # "I feel like a nag" -> "you feel like I nag you": the receiver made the one who does it
    ("I feel like a nag.", "You feel like I nag you.", "i"),
    ("I feel like a nag.", "You feel like me.", "me"),
    ("I feel like a nag.", "You feel like my nagging is the problem.", "my"),
    # speech cut off after the article still says the role
    ("I feel like a", "You feel like I nag you.", "i"),
    # no role ("like" + an article) in what the sender said: nothing to turn round
    ("I feel like", "You feel like I nag you.", None),
    ("I feel left out when you go out.", "You feel like I leave you out.", None),
    # the mirror's "feel" with nothing after it
    ("I feel like a nag.", "That's how you feel.", None),
    ("I feel like a nag.", "So you feel like.", None),
    # the sender said no "I feel": "Jo feels lonely" is not this rule's to name
    ("I'm lonely.", "Jo feels lonely.", None),
    # the sender's "feel" said back as someone else's: "Jo felt left out"
    ("I felt left out when Jo went.", "Jo felt left out.", "felt"),
])
def test_whose_feel_it_became(sender, mirror, at_word):
    assert feeler_changed(sender, mirror) == at_word


@pytest.mark.parametrize("sender, mirror", [
    # two steps apart, with a degree word saying so on either side
    ("I'm really scared of the dark.", "You're nervous of the dark."),
    ("I'm scared of the dark.", "You're a little nervous of the dark."),
])
def test_a_feeling_two_steps_weaker_with_a_degree_word_is_named(sender, mirror):
    c = check(sender, mirror)
    assert changes_of(c) == [(sender[:-1], "intensity")]
    assert c.as_dict()["changed"][0]["mirror_says"] == mirror[:-1]


def test_another_feeling_after_one_that_mirrors_the_senders_other_feeling_is_named():
    """"annoyed" is the mirror of the sender's "angry"; "hurt" after it is still another
    feeling in place of "unheard"."""
    c = check("I feel unheard, and I'm angry.", "You feel annoyed and hurt.")
    assert ("I feel unheard", "feeling") in changes_of(c)


@pytest.mark.parametrize("sender, mirror", [
    ("I'd like us to get there early.", "You'd like us to get there late."),
    ("I want to stay home tonight.", "You want to go out tonight."),
    # a full-weight word flips between different neighbours too ("show up" / "turn up")
    ("I need us to show up early.", "You need us to turn up late."),
    ("I'd like us to set off early.", "You'd like us to go late."),
])
def test_a_word_said_back_as_its_opposite_is_a_flip(sender, mirror):
    c = check(sender, mirror)
    assert c.verdict == "partial"
    assert c.as_dict()["changed"] == [{"point": sender[:-1], "change": "polarity",
                                       "mirror_says": mirror[:-1]}]


@pytest.mark.parametrize("sender, mirror, says", [
    # the opposite word's own clause is quoted, not the whole stretch that carried the point
    ("I want to drive slowly in the rain with the kids.",
     "You want to drive fast, in the rain with the kids.", "You want to drive fast"),
    # the same for a "not" lost: the clause where the very word came back
    ("I don't want to go to your mum's for Christmas this year.",
     "You want to go to my mum's, for Christmas this year.", "You want to go to my mum's"),
])
def test_a_flip_quotes_the_mirrors_clause_that_flipped(sender, mirror, says):
    c = check(sender, mirror)
    assert c.as_dict()["changed"] == [{"point": sender[:-1], "change": "polarity",
                                       "mirror_says": says}]


def test_a_hedged_feeling_softened_does_not_excuse_the_next_one_softened_much_more():
    """"a bit lonely" said back "a little lonely" is the sender's own softener, let pass;
    "completely terrified" said back "slightly uneasy" in the same point is still named."""
    c = check("I feel a bit lonely and completely terrified.",
              "You feel a little lonely and slightly uneasy.")
    assert changes_of(c) == [("I feel a bit lonely and completely terrified", "intensity")]
