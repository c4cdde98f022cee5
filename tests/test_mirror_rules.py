"""The mirror check's rules one by one, each beside its near miss: which change is named
(polarity, person, intensity, interpretation), whose feeling it is, what is quoted back,
when a point counts as carried, and when the check says it is unsure.

Written for mutation testing (tracker issue 19, point 1): each test pins a behaviour a
couple would notice, a good mirror reproached or a flawed one passed, not a line of code.
"""

from __future__ import annotations

import pytest

from facilitator.understanding import default

UNDERSTAND = default()


def check(sender: str, mirror: str, earlier=()):
    return UNDERSTAND.mirror(sender, mirror, earlier=earlier)


def changes(c) -> list[str]:
    return [x["change"] for x in c.changed]


# --- what a check that finds no mirror says ------------------------------------------------


def test_a_defence_names_every_point_missed_in_the_senders_words():
    c = check("I feel lonely when you work late.",
              "That's not fair, I only work late because we need the money.")
    assert c.as_dict() == {
        "score": 0.0, "verdict": "missed", "key_phrases": ["I feel lonely", "when you work late"],
        "matched": [], "missed": ["I feel lonely", "when you work late"], "changed": [],
        "confident": True,
        "points": [{"text": "I feel lonely", "kind": "feeling", "status": "missed"},
                   {"text": "when you work late", "kind": "situation", "status": "missed"}]}
    # the same words said back are heard, point by point
    c = check("I feel lonely when you work late.", "You feel lonely when I work late.")
    assert c.as_dict() == {
        "score": 1.0, "verdict": "complete", "key_phrases": ["I feel lonely", "when you work late"],
        "matched": ["I feel lonely", "when you work late"], "missed": [], "changed": [],
        "confident": True,
        "points": [{"text": "I feel lonely", "kind": "feeling", "status": "carried"},
                   {"text": "when you work late", "kind": "situation", "status": "carried"}]}


def test_the_record_of_a_changed_point_names_the_change_and_the_mirrors_words():
    c = check("I get scared when you drive fast in the rain.",
              "You get frightened when I drive slowly in the rain.")
    data = c.as_dict()
    assert data["verdict"] == "partial" and data["confident"] is True
    assert data["matched"] == ["I get scared"] and data["missed"] == []
    assert data["changed"] == [{"point": "when you drive fast in the rain", "change": "polarity",
                                "mirror_says": "when I drive slowly in the rain"}]
    assert data["points"] == [
        {"text": "I get scared", "kind": "feeling", "status": "carried"},
        {"text": "when you drive fast in the rain", "kind": "situation", "status": "changed",
         "change": "polarity"}]
    assert 0.9 < data["score"] < 1.0


# --- lists summed up -----------------------------------------------------------------------

BILLS = ("It's the car insurance, the boiler repair, Mia's braces {} your sister's wedding, and "
         "I feel overwhelmed by the money.")
SUMMED = "So with all these big bills you feel overwhelmed by the money."


@pytest.mark.parametrize("joined", ["and", "or", "plus", ", and"])
def test_the_last_item_of_a_list_split_off_at_its_and_is_summed_up_with_it(joined):
    c = check(BILLS.format(joined), SUMMED)
    assert c.verdict == "complete" and not c.missed, c
    # not summed up, the list is missed, its last item with it
    c = check(BILLS.format(joined), "So you feel overwhelmed by the money.")
    assert c.verdict == "partial" and "your sister's wedding" in c.missed, c


def test_an_item_of_five_words_is_still_an_item_of_six_no_longer():
    five = BILLS.replace("your sister's wedding", "your sister's big wedding abroad")
    assert check(five.format("and"), SUMMED).verdict == "complete"
    six = BILLS.replace("your sister's wedding", "your sister's big wedding in Spain")
    c = check(six.format("and"), SUMMED)
    assert c.verdict == "partial" and c.missed == ["your sister's big wedding in Spain"], c


@pytest.mark.parametrize("sender", [
    # "but" does not go on with the list
    BILLS.format(", but"),
    # a long clause after the "and" is a point of its own, not one more item
    BILLS.replace("your sister's wedding", "your sister's big wedding in Spain next June").format(
        "and"),
])
def test_what_follows_a_list_but_is_no_item_of_it_is_not_summed_up(sender):
    c = check(sender, SUMMED)
    assert c.verdict == "partial" and len(c.missed) == 1 and "wedding" in c.missed[0], c


# --- whose feeling it is -------------------------------------------------------------------


@pytest.mark.parametrize("whom", ["all of us", "everything about me", "both of them"])
def test_a_feeling_of_being_judged_turned_into_judging_is_someone_elses(whom):
    sender = "I feel judged at family dinners."
    c = check(sender, f"You feel like you're judging {whom} at family dinners.")
    assert c.verdict == "partial" and changes(c) == ["person"], c
    c = check(sender, "You feel judged by all of us at family dinners.")
    assert c.verdict == "complete" and not c.changed, c


def test_a_feeling_given_to_someone_the_sender_named_is_theirs_not_the_senders():
    sender = "I felt left out when Jo went to the concert without me."
    c = check(sender, "Jo felt left out when you went to the concert without her.")
    assert c.verdict == "partial" and c.changed[0] == {
        "point": "I felt left out", "change": "person", "mirror_says": "Jo felt left out"}, c
    c = check(sender, "So Jo felt left out when you went to the concert without her.")
    assert c.verdict == "partial" and c.changed[0]["change"] == "person", c
    c = check(sender, "You felt left out when Jo went to the concert without you.")
    assert c.verdict == "complete" and not c.changed, c


def test_feeling_like_the_bad_guy_said_back_with_the_receiver_as_the_bad_guy():
    sender = "I feel like the bad guy when I have to tell the kids no."
    c = check(sender, "You feel like I'm the bad guy when you have to tell the kids no.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "I feel like the bad guy", "change": "person",
        "mirror_says": "You feel like I'm the bad guy"}], c
    c = check(sender, "You feel like the bad guy when you have to tell the kids no.")
    assert c.verdict == "complete" and not c.changed, c


# --- how strong ----------------------------------------------------------------------------


def test_a_feeling_said_a_degree_stronger_or_weaker_is_named_only_where_a_word_says_so():
    c = check("I'm really scared about the surgery.", "You're a little anxious about the surgery.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "I'm really scared about the surgery", "change": "intensity",
        "mirror_says": "You're a little anxious about the surgery"}], c
    c = check("I'm scared about the surgery.", "You're anxious about the surgery.")
    assert c.verdict == "complete" and not c.changed, c


@pytest.mark.parametrize("softened, plain", [
    ("I'm kind of devastated that the trip fell through.",
     "I'm devastated that the trip fell through."),
    # the softener first thing said
    ("Kind of devastated the trip fell through, to be honest.",
     "Devastated the trip fell through, to be honest."),
])
def test_a_strong_feeling_said_with_a_softener_may_come_back_softer(softened, plain):
    # "kind of devastated": the sender softened it first
    c = check(softened, "You're a bit sad that the trip fell through.")
    assert c.verdict == "complete" and not c.changed, c
    c = check(plain, "You're a bit sad that the trip fell through.")
    assert c.verdict == "partial" and changes(c) == ["intensity"], c


# --- the opposite said back ----------------------------------------------------------------


@pytest.mark.parametrize("sender, same, opposite", [
    ("I want you to keep going to the gym with me.",
     "You want me to keep going to the gym with you.",
     "You want me to stop going to the gym with you."),
    ("I'd like us to start walking the dog together.",
     "You'd like us to begin walking the dog together.",
     "You'd like us to stop walking the dog together."),
])
def test_a_light_verb_turned_into_its_opposite_in_the_same_place_is_a_flip(sender, same,
                                                                           opposite):
    c = check(sender, same)
    assert c.verdict == "complete" and not c.changed, c
    c = check(sender, opposite)
    assert c.verdict == "partial" and c.changed == [{
        "point": sender.rstrip("."), "change": "polarity",
        "mirror_says": opposite.rstrip(".")}], c


@pytest.mark.parametrize("sender, other_words, flipped", [
    ("I don't want to visit your parents this Christmas.",
     "You'd like to put off visiting my parents this Christmas.",
     "You want to visit my parents this Christmas."),
    ("I don't want to go to the wedding.",
     "You'd rather stay home instead of going to the wedding.",
     "You want to go to the wedding."),
])
def test_a_no_said_as_putting_off_or_instead_is_kept(sender, other_words, flipped):
    c = check(sender, other_words)
    assert c.verdict == "complete" and not c.changed, c
    c = check(sender, flipped)
    assert c.verdict == "partial" and changes(c) == ["polarity"], c


# --- summaries -----------------------------------------------------------------------------

CHUNKS = ["I feel lonely when you work late.",
          "I'd like us to have dinner together on Fridays, and I'd like you to text me when "
          "you're running late."]


def test_a_summary_may_shorten_where_a_mirror_may_not():
    said = "You feel lonely when I work late. You'd like us to have dinner together on Fridays."
    c = UNDERSTAND.summary(CHUNKS, said)
    assert c.verdict == "complete" and c.missed == ["I'd like you to text me"], c
    c = check(" ".join(CHUNKS), said)  # the same words as one mirror: a wish left out
    assert c.verdict == "partial" and c.missed == ["I'd like you to text me"], c


def test_a_summary_that_leaves_out_most_of_a_part_is_not_enough():
    c = UNDERSTAND.summary(CHUNKS, "You feel lonely when I work late. You'd like a text when "
                                   "I'm running late.")
    assert c.verdict == "partial" and "I'd like us to have dinner together on Fridays" in (
        c.missed), c


# --- how much, how often, can and can't ----------------------------------------------------


def test_a_number_said_back_as_another_of_the_same_thing_is_an_exaggeration():
    sender = "I felt embarrassed when you turned up 15 minutes late to my mum's birthday."
    c = check(sender, "You felt embarrassed when I turned up 50 minutes late to your mum's "
                      "birthday.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "when you turned up 15 minutes late to my mum's birthday",
        "change": "intensity",
        "mirror_says": "when I turned up 50 minutes late to your mum's birthday"}], c
    # the same thing counted, in other words around it
    c = check(sender, "You felt embarrassed when I arrived 50 minutes late to your mum's "
                      "birthday.")
    assert c.verdict == "partial" and changes(c) == ["intensity"], c
    c = check(sender, "You felt embarrassed when I turned up 15 minutes late to your mum's "
                      "birthday.")
    assert c.verdict == "complete" and not c.changed, c


def test_never_able_said_back_as_able_is_a_flip():
    sender = "I can never do the school run on Thursdays."
    c = check(sender, "You can do the school run on Thursdays.")
    assert c.verdict == "partial" and changes(c) == ["polarity"], c
    c = check(sender, "You can't do the school run on Thursdays.")
    assert c.verdict == "complete" and not c.changed, c


def test_a_judgement_the_sender_quoted_is_no_interpretation_when_said_back():
    # "you're too sensitive" is the mum's word, quoted by the sender: said back, it is hers
    sender = "My mum says I'm too sensitive and it hurts."
    c = check(sender, "It hurts you when your mum says you're too sensitive.")
    assert c.verdict == "complete" and not c.changed, c
    c = check("It hurts when my mum rings during dinner.",
              "It hurts you when your mum rings during dinner, you're too sensitive.")
    assert c.verdict == "partial" and changes(c) == ["interpretation"], c


def test_an_adverb_in_other_words_is_no_opposite():
    c = check("I feel hurt when you speak harshly to me.", "You feel hurt when I talk roughly "
                                                           "to you.")
    assert c.verdict == "complete" and not c.changed, c


# --- whose feeling: "makes me so angry", "your mum is worried" ------------------------------


@pytest.mark.parametrize("degree", ["so", "really", "very", "feel"])
def test_a_feeling_something_makes_the_sender_have_is_the_senders(degree):
    # "it makes me so angry": the sender's anger, said back as the kids' it is moved
    sender = f"It makes me {degree} angry when your brother cancels on us."
    verb = "feel" if degree == "feel" else f"get {degree}"
    c = check(sender, f"The kids {verb} angry when my brother cancels on you.")
    assert c.verdict == "partial" and c.changed == [{
        "point": f"It makes me {degree} angry", "change": "person",
        "mirror_says": f"The kids {verb} angry"}], c
    c = check(sender, f"You {verb} angry when my brother cancels on you.")
    assert c.verdict == "complete" and not c.changed, c


@pytest.mark.parametrize("moved", [
    "My comments about your cooking make my mum feel judged.",
    "My comments about your cooking make your mum feel judged.",
])
def test_a_feeling_made_someone_elses_by_a_name_before_feel_is_moved(moved):
    sender = "Your comments about my cooking make me feel judged."
    c = check(sender, moved)
    assert c.verdict == "partial" and changes(c) == ["person"], c
    c = check(sender, "My comments about your cooking make you feel judged.")
    assert c.verdict == "complete" and not c.changed, c


def test_a_worry_given_to_a_relative_is_moved():
    sender = "I'm worried about the money since I lost my job."
    c = check(sender, "Your mum is worried about the money since you lost your job.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "I'm worried about the money", "change": "person",
        "mirror_says": "Your mum is worried about the money"}], c
    c = check(sender, "You're worried about the money since you lost your job.")
    assert c.verdict == "complete" and not c.changed, c


def test_a_not_the_recogniser_made_of_another_word_negates_nothing():
    # "not" after a name is "nut" misheard, not a negation of the allergy
    sender = "I worry about Sam's nut allergy at the party."
    c = check(sender, "you worry about sams not allergy at the party")
    assert c.verdict == "complete" and not c.changed, c
    c = check(sender, "you don't worry about sams allergy at the party")
    assert c.verdict == "partial" and changes(c) == ["polarity"], c


def test_can_never_relax_said_back_as_can_relax_is_a_flip():
    sender = "I can never relax at your parents' house."
    c = check(sender, "You can relax at my parents' house.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "I can never relax at your parents' house", "change": "polarity",
        "mirror_says": "You can relax at my parents' house"}], c
    c = check(sender, "You can't ever relax at my parents' house.")
    assert c.verdict == "complete" and not c.changed, c


def test_all_the_time_said_back_as_once_in_a_while_is_softened():
    sender = "You work late all the time and I miss you."
    c = check(sender, "Once in a while I work late and you miss me.")
    assert c.verdict == "partial" and c.changed == [{
        "point": "You work late all the time", "change": "intensity",
        "mirror_says": "Once in a while I work late"}], c
    c = check(sender, "I work late constantly and you miss me.")
    assert c.verdict == "complete" and not c.changed, c


@pytest.mark.parametrize("sender, mirror, flipped", [
    ("I'm happy about the move to Leeds.", "You're sad about the move to Leeds.", True),
    ("I'm not happy about the move to Leeds.", "You're sad about the move to Leeds.", False),
    ("I'm happy about the move to Leeds.", "You're not sad about the move to Leeds.", False),
    ("I'm not happy about the move to Leeds.", "You're not sad about the move to Leeds.", True),
])
def test_a_feeling_said_back_by_its_opposite_counts_every_not(sender, mirror, flipped):
    # "not happy" is "sad" said back; "happy" said back as "sad" is turned round
    c = check(sender, mirror)
    if flipped:
        assert c.verdict == "partial" and c.changed == [{
            "point": sender.rstrip("."), "change": "polarity",
            "mirror_says": mirror.rstrip(".")}], c
    else:
        assert c.verdict == "complete" and not c.changed, c


# --- who did it ----------------------------------------------------------------------------


@pytest.mark.parametrize("sender, swapped, kept", [
    # a name mid-sentence
    ("It hurt when Claire ignored me at the party.",
     "It hurt you when I ignored you at the party.",
     "It hurt you when Claire ignored you at the party."),
    # a word between the person and the deed
    ("My manager really thinks I should take the job.",
     "You really think I should take the job.",
     "Your manager really thinks you should take the job."),
    # the person first thing said
    ("Your mum didn't say hello to me at the party.",
     "I didn't say hello to you at the party.",
     "My mum didn't say hello to you at the party."),
])
def test_a_deed_said_back_as_done_by_someone_else_is_a_person_change(sender, swapped, kept):
    c = check(sender, swapped)
    assert c.verdict == "partial" and changes(c) == ["person"], c
    assert c.changed[0]["mirror_says"] == swapped.rstrip(".").removeprefix("It hurt you "), c
    c = check(sender, kept)
    assert c.verdict == "complete" and not c.changed, c


@pytest.mark.parametrize("sender, flipped, kept", [
    ("No phones at dinner, that's what I'd like.", "You'd like phones at dinner.",
     "You'd like no phones at dinner."),
    ("No sugar for the kids after six, please.",
     "You'd like the kids to have sugar after six.",
     "You'd like no sugar for the kids after six."),
])
def test_a_no_that_opens_the_turn_negates_what_follows(sender, flipped, kept):
    # no comma after it: not an answer "No, ..." but the "no" of "no phones"
    c = check(sender, flipped)
    assert c.verdict == "partial" and changes(c) == ["polarity"], c
    c = check(sender, kept)
    assert c.verdict == "complete" and not c.changed, c


def test_a_light_verb_before_the_deed_is_no_negation_in_other_words():
    # "go and visit": "go" before "off" would hold a thing off; before "and" it goes
    c = check("I don't want to visit your parents this Christmas.",
              "You want to go and visit my parents this Christmas.")
    assert c.verdict == "partial" and changes(c) == ["polarity"], c


def test_wanting_to_go_said_back_as_refusing_to_go_is_a_flip():
    sender = "I want to go to your work party on Friday."
    c = check(sender, "You refuse to go to my work party on Friday.")
    assert c.verdict == "partial" and changes(c) == ["polarity"], c
    c = check(sender, "You'd like to go to my work party on Friday.")
    assert c.verdict == "complete" and not c.changed, c


def test_screen_free_at_the_very_end_is_still_no_screens():
    c = check("I'd love one evening a week that's just us, no screens.",
              "You'd love one evening a week for just the two of us that's screen-free.")
    assert c.verdict in ("complete", "unsure") and not c.changed, c


def test_a_list_of_two_summed_up_is_carried_left_out_is_missed():
    sender = "It's the car insurance, the boiler repair. I feel overwhelmed by the money."
    c = check(sender, "So with all these bills you feel overwhelmed by the money.")
    assert c.verdict == "complete" and c.missed == [], c
    assert c.matched == ["It's the car insurance, the boiler repair",
                         "I feel overwhelmed by the money"], c
    # not summed up: a detail left out, named, though the feeling carries the mirror
    c = check(sender, "So you feel overwhelmed by the money.")
    assert c.missed == ["It's the car insurance, the boiler repair"], c


def test_a_feeling_said_in_its_place_in_other_words_is_left_to_the_sender():
    # "uncomfortable to raise" where "awkward bringing this up" was: not found by its words,
    # in the place it was said, so the sender's own "did I get that?" decides
    c = check("I feel awkward bringing this up, but I'd like us to talk about money.",
              "It feels a bit uncomfortable to raise, but you'd like us to talk about money.")
    assert c.as_dict()["verdict"] == "unsure" and c.as_dict()["confident"] is False
    assert c.as_dict()["points"] == [
        {"text": "I feel awkward bringing this up", "kind": "feeling", "status": "unsure"},
        {"text": "I'd like us to talk about money", "kind": "wish", "status": "carried"}]


def test_a_checker_made_with_its_model_checks_mirrors():
    from facilitator.understanding.mirror import MirrorChecker

    checker = MirrorChecker(UNDERSTAND.model)
    assert checker.mirror("I feel lonely when you work late.",
                          "You feel lonely when I work late.").verdict == "complete"
    assert checker.mirror("I feel lonely when you work late.",
                          "You feel happy when I work late.").verdict == "partial"


@pytest.mark.parametrize("tail", [
    ", I'm exhausted too", ", and I'm exhausted too", ", you know I'm exhausted too",
    ", and you know I'm exhausted too", ", so I'm exhausted too", ", well I'm exhausted too",
    ", I mean I'm exhausted too",
])
def test_the_receivers_own_feeling_after_a_faithful_mirror_is_not_a_mirror_of_it(tail):
    # However the clause is led in ("and", "you know", "so", "well", "I mean"), a feeling of
    # the receiver's own said after every point is the receiver talking for themself.
    sender = "I feel lonely when you work late."
    assert check(sender, "You feel lonely when I work late.").verdict == "complete"
    assert check(sender, f"You feel lonely when I work late{tail}.").verdict == "missed"


@pytest.mark.parametrize("sender, given_away, kept", [
    # "Ruby's" is "Ruby is": the sender's frustration said back as the child's
    ("I'm frustrated that Ruby keeps ignoring bedtime.",
     "So Ruby's frustrated about bedtime and keeps ignoring it.",
     "So you're frustrated that Ruby's ignoring bedtime."),
    ("I'm exhausted because the baby's been waking up and I'm the one getting up.",
     "So the baby's exhausted from waking up, and you're the one getting up.",
     "So you're exhausted because the baby's been waking up and you're the one getting up."),
])
def test_a_feeling_said_back_as_someone_elses_with_an_s_is_named(sender, given_away, kept):
    c = check(sender, given_away)
    assert c.verdict == "partial" and changes(c) == ["person"]
    # the same 's before a verb ("Ruby's ignoring", "the baby's been waking") gives nothing away
    assert check(sender, kept).verdict == "complete"


@pytest.mark.parametrize("sender, receivers_voice, senders_voice", [
    # "your sister" came back as "my sister": the receiver speaks, so the disappointment they
    # give her is no quote of the sender's
    ("I was disappointed when your sister cancelled on us.",
     "so my sister was disappointed when she had to cancel on us",
     "I was disappointed when your sister cancelled on us."),
    # "you're not taking your tablets" came back as "I'm not taking my tablets": the "I'm
    # worried" before it is the receiver's worry
    ("I'm worried that you're not taking your blood pressure tablets.",
     "So I'm worried that I'm not taking my blood pressure tablets.",
     "I'm worried that you're not taking your blood pressure tablets."),
])
def test_a_mirror_that_makes_yours_mine_speaks_as_the_receiver(sender, receivers_voice,
                                                                senders_voice):
    c = check(sender, receivers_voice)
    assert c.verdict == "partial" and "person" in changes(c)
    # said back word for word in the sender's own voice, the "I" is the sender's
    assert check(sender, senders_voice).verdict == "complete"


@pytest.mark.parametrize("sender, swapped, kept", [
    ("I'd honestly rather do the ironing than the cooking. I find it relaxing.",
     "You'd rather do the cooking than the ironing, you find it relaxing.",
     "You'd rather do the ironing than the cooking, you find it relaxing."),
    ("I love the beach more than the mountains.",
     "You love the mountains more than the beach.",
     "You love the beach way more than the mountains."),
    ("I'd rather stay in on Friday than go out with your work lot.",
     "So you'd rather go out with my work lot than stay in on Friday.",
     "So you'd rather stay in on Friday than go out with my work lot."),
])
def test_the_two_sides_of_a_preference_swapped_is_a_flip(sender, swapped, kept):
    # every word came back, so only their order says what the sender prefers
    c = check(sender, swapped)
    assert c.verdict == "partial" and changes(c) == ["polarity"]
    assert check(sender, kept).verdict == "complete"


def test_a_not_said_back_as_a_want_of_it_is_no_flip_and_a_degree_word_is_its_own_words():
    sender = "I'm worried Sophie's spending too much time on her tablet and she's not sleeping."
    # "not sleeping" said as "wrecking her sleep"; "too much" is the time's, not the worry's,
    # so "concerned" for "worried" is the same feeling
    assert check(sender, "you're concerned the iPad's taking over Sophie's evenings and it's "
                         "wrecking her sleep").verdict == "complete"
    # near misses: the sleep said to be fine is a flip; a worry said to be small, then
    # terror, is stronger
    c = check(sender, "you're concerned the iPad's taking over Sophie's evenings and she's "
                      "sleeping fine")
    assert c.verdict == "partial" and changes(c) == ["polarity"]
    c = check("I'm a bit worried Sophie's on her tablet too much.",
              "you're terrified Sophie's on her tablet too much")
    assert c.verdict == "partial" and changes(c) == ["intensity"]


def test_a_feeling_that_came_back_in_another_clause_is_no_flip_of_a_glad_one_beside_it():
    sender = "I want us to save for a house, I'm sick of throwing money away on rent."
    # "keen" stands by the saving; the sender's "sick of" came back as "fed up of it"
    assert check(sender, "you're keen for us to put money aside for our own place cos paying a "
                         "landlord every month feels like a waste and you're fed up of it"
                 ).verdict == "complete"
    c = check(sender, "you're keen for us to put money aside for our own place cos you're happy "
                      "throwing money away on rent")
    assert c.verdict == "partial" and changes(c) == ["polarity"]


def test_a_wish_said_back_in_no_words_of_wishing_goes_to_the_sender():
    sender = ("When you fall asleep on the couch watching the game and I go to bed by myself, "
              "I feel lonely. I'd like us to go to bed at the same time on weeknights.")
    # the wish's words came back ("going to bed") to say something else: the sender decides
    c = check(sender, "So you feel lonely at night when I doze off on the sofa watching the game "
                      "and you end up going to bed alone.")
    assert c.verdict == "unsure" and c.confident is False
    assert [p["status"] for p in c.as_dict()["points"]] == ["carried", "carried", "carried",
                                                            "unsure"]
    # near miss: the wish said back as a wish is heard
    assert check(sender, "So you feel lonely when I doze off on the sofa watching the game and "
                         "you go to bed alone, and you'd like us to go up together on weeknights."
                 ).verdict == "complete"


@pytest.mark.parametrize("sender, faithful, own_side", [
    ("I didn't mean to hurt you when I laughed at your idea.",
     "So you didn't mean to hurt me when you laughed at my idea. Is that right?",
     "I know, but it really hurt me when you laughed at my idea."),
    ("I'm sorry I upset you at the party.",
     "So you're sorry you upset me at the party.",
     "Well, you did upset me at the party, a lot."),
])
def test_a_hurt_the_sender_caused_said_back_is_no_feeling_of_the_receivers_own(
        sender, faithful, own_side):
    # "hurt me" with the sender still the one who hurt: the sender's words, persons swapped
    assert check(sender, faithful).verdict == "complete"
    # the receiver's own hurt, said in defence, is no mirror
    assert check(sender, own_side).verdict == "missed"


def test_two_comparatives_each_said_of_the_other_thing_is_a_flip():
    sender = "I'd like us to spend less on takeaways and put more into savings."
    # both words came back, each of the other thing
    c = check(sender, "So you'd like us to spend more on takeaways and put less into savings.")
    assert c.verdict == "partial" and changes(c) == ["polarity"]
    assert check(sender, "So you'd like us to spend less on takeaways and put more into savings."
                 ).verdict == "complete"
