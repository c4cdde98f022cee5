"""The word knowledge the mirror check leans on: feeling families and their strength, idioms
in running text, degree and frequency words, and opposites.

Each group pairs what must be found with near misses that must not be: the same words in an
everyday sense ("the door is closed", "please"), a feeling word's other family, a negation.
"""

from __future__ import annotations

import tomllib

import pytest

from facilitator.understanding import lexicon
from facilitator.understanding.lexicon import (
    Feeling,
    are_antonyms,
    degree,
    feeling,
    feelings_in,
    frequency,
    quantity,
    related,
)


@pytest.fixture(autouse=True)
def words_read_afresh():
    """Each test reads its words afresh, not from what an earlier test left in the caches.
    The three files are read once per process and kept; ``fresh_files`` reads them again."""
    for value in vars(lexicon).values():
        info = getattr(value, "cache_parameters", None)
        if info is not None and (info()["maxsize"] or 0) > 1:
            value.cache_clear()
    yield


@pytest.fixture()
def fresh_files():
    """The lexicon's files read again for this test (and kept for the next ones)."""
    for table in (lexicon._lexicon, lexicon._scales, lexicon._antonyms):
        table.cache_clear()
    yield


# --- families and intensities -------------------------------------------------------------

FAMILY_WORDS = [
    ("fear", ["scared", "frightened", "afraid", "terrified", "petrified", "freaked out",
              "on edge", "my heart was pounding"]),
    ("worry", ["worried", "anxious", "worried sick", "a nervous wreck"]),
    ("sadness", ["sad", "devastated", "heartbroken", "feeling a bit down", "felt so low"]),
    ("anger", ["angry", "furious", "livid", "pissed off", "lost my temper"]),
    ("irritation", ["annoyed", "irritated", "it bugs me", "gets on my nerves"]),
    ("disappointment", ["disappointed", "gutted", "let down", "my heart sank",
                        "it knocked the stuffing out of me"]),
    ("hurt", ["hurt", "wounded", "it stings", "a kick in the teeth"]),
    ("frustration", ["frustrated", "fed up", "at the end of my rope", "at my wits' end"]),
    ("excluded", ["left out", "like a third wheel", "out of the loop"]),
    ("relief", ["relieved", "a weight off my shoulders", "phew"]),
    ("happiness", ["happy", "over the moon", "on cloud nine", "chuffed"]),
    ("unappreciated", ["taken for granted", "you take me for granted", "unappreciated"]),
    ("unseen", ["ignored", "invisible", "like talking to a brick wall", "unheard"]),
    ("shock", ["shocked", "blindsided", "you pulled the rug out from under me"]),
    ("love", ["cherished", "head over heels", "I feel so close to you"]),
    ("regret", ["regretful", "kicking myself"]),
]


@pytest.mark.parametrize("family,words", FAMILY_WORDS, ids=[f for f, _ in FAMILY_WORDS])
def test_words_of_one_family_name_that_family(family, words):
    for word in words:
        found = feeling(word)
        assert found is not None and found.family == family, (word, found)


@pytest.mark.parametrize("word,intensity", [
    ("uneasy", 1), ("bothered", 1), ("a bit down", 1), ("nervous", 2), ("scared", 3),
    ("terrified", 4), ("petrified", 4), ("devastated", 4), ("furious", 4), ("ecstatic", 4),
    ("annoyed", 2), ("angry", 3), ("over the moon", 4), ("glad", 2),
])
def test_intensity_runs_from_mild_to_extreme(word, intensity):
    assert feeling(word).intensity == intensity


def test_stronger_words_of_a_family_rank_higher():
    assert feeling("uneasy").intensity < feeling("scared").intensity < feeling(
        "terrified").intensity
    assert feeling("annoyed").intensity < feeling("angry").intensity < feeling(
        "livid").intensity


def test_valence_is_painful_or_pleasant():
    assert feeling("lonely").valence == -1
    assert feeling("grateful").valence == 1
    assert feeling("relieved").valence == 1 and feeling("regretful").valence == -1


def test_inflected_forms_match_their_entry():
    assert feeling("it scares me").family == "fear"
    assert feeling("worrying").family == "worry"
    assert feeling("felt let down").family == "disappointment"
    assert feeling("he takes us for granted").family == "unappreciated"


def test_the_entry_said_is_the_one_reported():
    # "regret" and "regretful" share a stem; the words said are the entry reported.
    assert feeling("regretful").entry == "regretful"
    assert feeling("regret").entry == "regret"


@pytest.mark.parametrize("phrase", [
    "please", "the door is closed", "the dishes", "we moved house", "a blue car",
    "in spite of that", "the basement flooded", "my phone is dead", "she is a keen cook",
    "thank you", "a panic button",
])
def test_everyday_words_are_not_feelings(phrase):
    assert feeling(phrase) is None


def test_a_phrase_saying_two_feelings_is_not_one_feeling():
    assert feeling("scared and angry") is None


# --- feelings in running text ---------------------------------------------------------------


def spans(text: str) -> list[tuple[str, str, int]]:
    return [(text[a:b], f.family, f.intensity) for a, b, f in feelings_in(text)]


def test_idioms_are_found_in_running_text_with_their_spans():
    text = ("When you came home late my heart was pounding, and honestly I felt gutted. "
            "I've been walking on eggshells and I'm at the end of my rope.")
    assert spans(text) == [
        ("heart was pounding", "fear", 3),
        ("gutted", "disappointment", 4),
        ("walking on eggshells", "fear", 3),
        ("at the end of my rope", "frustration", 4),
    ]


def test_multiword_entries_come_before_the_words_inside_them():
    assert spans("I was scared stiff") == [("scared stiff", "fear", 4)]
    assert spans("you let me down") == [("let me down", "disappointment", 3)]
    assert spans("I let you down") == [("I let you down", "guilt", 3)]


def test_case_contractions_and_curly_apostrophes():
    assert spans("I’m OVER THE MOON") == [("OVER THE MOON", "happiness", 4)]
    assert spans("I can’t cope") == [("can’t cope", "overwhelm", 4)]
    assert spans("it's a weight off my shoulders") == [
        ("a weight off my shoulders", "relief", 4)]


def test_pronouns_stand_for_one_another_and_star_for_a_few_words():
    assert spans("it pulled the rug out from under us")[0][1] == "shock"
    assert spans("you take everything I do for granted") == [
        ("take everything I do for granted", "unappreciated", 3)]


def test_a_phrase_does_not_run_across_punctuation():
    assert ("scared stiff", "fear", 4) not in spans("I was scared. Stiff legs, too.")


def test_feelings_in_everyday_sentences_are_not_invented():
    for text in ["Please call your mother, she left a message.",
                 "I closed the door because the dog was barking.",
                 "The meeting was moved to Thursday, so I'll be home late.",
                 "I'd love to go on holiday with you in the summer.",
                 "Can we talk about the dishes?",
                 "We settled the bill and the sofa is comfortable.",
                 "Check the tyre pressure and make sure the door is secure.",
                 "We need to trust the plan.", "We live a long distance away."]:
        assert feelings_in(text) == [], text


def test_negation_is_left_to_the_caller():
    # The lexicon names the feeling; whether it is denied is the reader's business.
    assert [f.family for _, _, f in feelings_in("I'm not scared")] == ["fear"]
    assert feeling("not low") is None  # but "not" never bridges an entry's words


def meet(said: str, heard: str) -> bool:
    """Does ``heard`` name a feeling of ``said`` - the same family or a near one, of the same
    valence - as the mirror check counts a feeling said back?"""
    return any(f.valence == g.valence and related(f.family, g.family)
               for _, _, f in feelings_in(said) for _, _, g in feelings_in(heard))


# What one partner says and how the other might say it back, in everyday idioms on both sides.
IDIOM_PAIRS = [
    ("It really gets to me when you check your phone at dinner.",
     "It gets to you when I'm on my phone while we eat."),
    ("After work I tiptoe around you.", "You feel you're walking on eggshells around me."),
    ("Honestly, by Friday I'm fried.", "By the end of the week you're completely burnt out."),
    ("I'm running on empty.", "You're running on fumes."),
    ("I was wiped after the party.", "You were totally done in."),
    ("I'm spent, there's nothing left.", "You've got nothing left in the tank."),
    ("When you undercut me in front of your mum it felt like a slap in the face.",
     "When I undercut you in front of my mum it was a kick in the teeth."),
    ("I need you to cheer me on.", "You'd like me to be your biggest cheerleader."),
    ("I was thrilled to bits when you booked the trip.", "You were over the moon."),
    ("It felt like the ground was going out from under me.",
     "It was like I pulled the rug out from under you."),
    ("That knocked the wind out of me.", "It took the wind out of your sails."),
    ("I was gutted.", "Your heart sank."),
    ("I was floored when you told me.", "It was a real shock to you."),
    ("It stings when you forget my birthday.", "It hurts when I forget."),
    ("It eats at me.", "It weighs on you."),
    ("I'm at the end of my tether.", "You're at your wits' end."),
    ("It makes my blood boil.", "It drives you up the wall."),
    ("The way you chew gets on my nerves.", "It really bugs you."),
    ("I was on cloud nine.", "You were chuffed to bits."),
    ("It made my day.", "It warmed your heart."),
    ("I feel like a spare part at your family's.", "You feel like a third wheel."),
    ("I feel like a doormat.", "You feel taken for a mug, walked all over."),
    ("You brushed me off.", "You felt fobbed off."),
    ("I was left hanging all evening.", "You felt ignored."),
    ("I'm always out of the loop.", "You feel left out."),
    ("I'm on the back burner.", "You feel like an afterthought."),
    ("I play second fiddle to your job.", "You come second to my job."),
    ("My stomach dropped when I saw the message.", "You were scared."),
    ("I get a knot in my stomach before we talk about money.",
     "You get anxious before we talk about money."),
    ("My chest gets tight when you raise your voice.", "Your chest tightens and you're nervous."),
    ("I'm dreading Christmas.", "You're worried about Christmas."),
    ("I felt let down.", "You were sad."),
    ("I'm livid.", "You're fed up."),
    ("I'm at breaking point.", "You're at the end of your tether."),
    ("I was knocked for six.", "You were gutted."),
    ("I feel invisible.", "You feel unimportant."),
    ("I feel left out.", "You feel like an afterthought."),
    ("I was blindsided.", "The ground fell away and you felt unsafe."),
    ("It does my head in.", "It drives you round the bend."),
    ("I'm knackered.", "You're shattered."),
    ("I'm stoked.", "You're buzzing."),
]


@pytest.mark.parametrize("said,heard", IDIOM_PAIRS, ids=[s for s, _ in IDIOM_PAIRS])
def test_an_idiom_and_its_paraphrase_meet(said, heard):
    assert meet(said, heard), (spans(said), spans(heard))


@pytest.mark.parametrize("said,heard", [
    ("I was gutted.", "You were over the moon."),
    ("I feel left out.", "You feel part of things and included."),
    ("I'm fried.", "You're buzzing."),
    ("I'm scared.", "You feel safe with me."),
])
def test_a_paraphrase_of_the_opposite_feeling_does_not_meet(said, heard):
    assert not meet(said, heard)


# The same idiom in another tense or person still names its family.
@pytest.mark.parametrize("family,texts", [
    ("irritation", ["it got to me", "it's getting to you", "that really gets to you"]),
    ("fear", ["I tiptoed around him all week", "tiptoeing around you",
              "I'm treading on eggshells", "your stomach dropped"]),
    ("exhaustion", ["I'm totally fried", "you're fried", "my brain's fried", "I'm done in",
                    "you're spent", "you were completely wiped", "I'm on fumes"]),
    ("disrespect", ["you keep undercutting me", "you took me for a mug",
                    "you walk all over him"]),
    ("supported", ["I'll cheer you on", "you cheered me on"]),
    ("shock", ["it pulls the rug out from under you", "the rug was pulled out from under me",
               "the ground went out from under me", "the ground's going out from under me"]),
    ("disappointment", ["it takes the wind out of your sails", "your heart sank",
                        "my heart sinks"]),
    ("worry", ["it's eating at you", "it weighed on me", "knots in your stomach",
               "tightness in my chest", "my chest was tight"]),
    ("unseen", ["you're fobbing me off", "you left me hanging"]),
    ("unappreciated", ["you put me on the back burner", "playing second fiddle"]),
])
def test_tense_and_person_variants_match(family, texts):
    for text in texts:
        assert family in [f.family for _, _, f in feelings_in(text)], (text, spans(text))


@pytest.mark.parametrize("text,family", [
    ("you don't love me anymore", "rejection"),
    ("I'm not looking forward to it", "apprehension"),
    ("there's no light at the end of the tunnel", "despair"),
    ("I can't be myself with you", "controlled"),
    ("I couldn't care less", "numbness"),
    ("my pride took a knock", "hurt"),
    ("you gave me grief about it", "criticised"),
])
def test_a_longer_idiom_wins_over_the_feeling_word_inside_it(text, family):
    assert [f.family for _, _, f in feelings_in(text)] == [family], spans(text)


@pytest.mark.parametrize("text", [
    "The rug in the hall needs cleaning.", "I cut my finger on the wire.",
    "I cut up the onions for the stew.", "It was done in a day.",
    "We spent the whole weekend at your mum's.", "The chips were fried in beef fat.",
    "I was frying eggs when you called.", "I wiped the table down.",
    "The kids were making up a story about dragons.", "I fired up the barbecue.",
    "The pipes froze up last winter.", "Put the pot on the back burner, it's cooler.",
    "The game kicked off at three.", "She tapped out a rhythm on the table.",
    "I pulled the rug into the living room.", "The ground was wet from the rain.",
    "We need a spare part for the dishwasher.", "The toys were all over the place.",
    "I'd like wallpaper in the hall.", "I have a cold.", "Can you grate the cheese?",
    "I was beating the eggs.", "The toothbrush bristles are worn.", "I predict rain tomorrow.",
    "We need a new chest of drawers.", "I left the keys hanging on the hook.",
    "The wind blew the bins over.", "She's in the loop on the school emails.",
    "I'm stepping up the training.", "I took the washing out of the machine.",
])
def test_everyday_literal_uses_of_idiom_words_are_not_feelings(text):
    assert feelings_in(text) == [], spans(text)


def test_feelings_in_returns_a_fresh_list():
    first = feelings_in("I feel lonely")
    first.clear()
    assert feelings_in("I feel lonely") != []


# --- families, data and the file itself -----------------------------------------------------


def test_the_lexicon_is_broad():
    data = tomllib.loads(lexicon.FEELINGS.read_text(encoding="utf-8"))
    data.pop("exact")
    assert len(data) >= 40
    entries = sum(len(t.get("words", {})) + len(t.get("idioms", {})) for t in data.values())
    assert entries >= 3000
    for family in ["fear", "worry", "sadness", "loneliness", "hurt", "anger", "irritation",
                   "frustration", "disappointment", "shame", "embarrassment", "guilt",
                   "jealousy", "resentment", "exhaustion", "overwhelm", "stress", "unseen",
                   "unappreciated", "rejection", "abandonment", "betrayal", "disrespect",
                   "controlled", "trapped", "helplessness", "confusion", "insecurity",
                   "criticised", "disconnection", "boredom", "regret", "grief", "shock",
                   "apprehension", "relief", "gratitude", "happiness", "love", "pride", "hope",
                   "excitement", "calm", "safety", "appreciated", "supported", "understood",
                   "confidence"]:
        assert family in data, family


def test_related_families():
    assert related("fear", "fear")
    assert related("fear", "worry") and related("worry", "fear")
    assert not related("fear", "happiness")


# Families a paraphrase moves between without losing the feeling.
CLOSE = [
    ["fear", "worry", "apprehension"],
    ["sadness", "hurt", "disappointment"],
    ["irritation", "frustration", "anger"],
    ["exhaustion", "overwhelm", "stress"],
    ["happiness", "excitement", "amazement"],
    ["unseen", "unappreciated", "excluded"],
]


@pytest.mark.parametrize("group", CLOSE, ids=["/".join(g) for g in CLOSE])
def test_close_families_are_near_one_another(group):
    for a in group:
        for b in group:
            assert related(a, b), (a, b)


def test_a_sudden_loss_of_footing_is_near_fear_hurt_and_disappointment():
    for other in ["fear", "hurt", "disappointment"]:
        assert related("shock", other), other


@pytest.mark.parametrize("a,b", [
    ("fear", "safety"), ("fear", "calm"), ("sadness", "happiness"), ("anger", "calm"),
    ("disappointment", "hope"), ("unseen", "understood"), ("unappreciated", "appreciated"),
    ("excluded", "supported"), ("rejection", "love"), ("exhaustion", "excitement"),
    ("despair", "hope"), ("shock", "relief"), ("trapped", "safety"),
])
def test_opposite_feelings_are_not_near(a, b):
    assert not related(a, b)


def test_a_painful_family_is_near_a_pleasant_one_only_for_missing_someone_loved():
    valence = lexicon.families()
    mixed = {tuple(sorted(pair)) for pair in lexicon._lexicon().near
             if len({valence[f] for f in pair}) == 2}
    assert mixed == {("longing", "love")}


def test_a_word_claimed_by_two_families_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "feelings.toml"
    bad.write_text('[fear]\nvalence = -1\n[fear.words]\nscared = 3\n'
                   '[worry]\nvalence = -1\n[worry.words]\nscares = 2\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "FEELINGS", bad)
    lexicon._lexicon.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match="keep one family"):
            lexicon._lexicon()
    finally:
        monkeypatch.undo()
        lexicon._lexicon.cache_clear()


def test_a_bad_intensity_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "feelings.toml"
    bad.write_text('[fear]\nvalence = -1\n[fear.words]\nscared = 7\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "FEELINGS", bad)
    lexicon._lexicon.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match="intensity must be"):
            lexicon._lexicon()
    finally:
        monkeypatch.undo()
        lexicon._lexicon.cache_clear()


def test_feeling_is_a_small_frozen_value():
    found = feeling("terrified")
    assert found == Feeling("fear", 4, -1, "terrified")
    with pytest.raises(AttributeError):
        found.intensity = 1


# --- degree, frequency, quantity ------------------------------------------------------------


@pytest.mark.parametrize("word,level", [
    ("a little", 1), ("a bit", 1), ("slightly", 1), ("kind of", 1), ("kinda", 1),
    ("sort of", 1), ("somewhat", 1), ("a tad", 1), ("mildly", 1), ("fairly", 2),
    ("really", 3), ("very", 3), ("so", 3), ("quite", 3), ("pretty", 3), ("extremely", 4),
    ("deeply", 4), ("incredibly", 4), ("totally", 4), ("completely", 4), ("utterly", 4),
    ("so so", 4), ("really really", 4), ("Really", 3),
])
def test_degree(word, level):
    assert degree(word) == level


@pytest.mark.parametrize("phrase,level", [
    ("never", 0), ("not once", 0), ("rarely", 1), ("hardly ever", 1), ("sometimes", 2),
    ("occasionally", 2), ("now and then", 2), ("once or twice", 2), ("often", 3),
    ("a lot", 3), ("most days", 3), ("usually", 3), ("always", 4), ("constantly", 4),
    ("all the time", 4), ("every single time", 4), ("non-stop", 4), ("nonstop", 4),
])
def test_frequency(phrase, level):
    assert frequency(phrase) == level


@pytest.mark.parametrize("phrase,level", [
    ("none", 0), ("nothing", 0), ("a little", 1), ("some", 2), ("most", 3), ("all", 4),
    ("everything", 4),
])
def test_quantity(phrase, level):
    assert quantity(phrase) == level


def test_words_off_the_scales_have_no_level():
    assert degree("table") is None
    assert frequency("yesterday") is None
    assert quantity("dinner") is None


# --- antonyms -------------------------------------------------------------------------------

PAIRS = [
    ("fast", "slow"), ("quickly", "slowly"), ("early", "late"), ("more", "less"),
    ("relieved", "regretful"), ("want", "refuse"), ("accept", "reject"),
    ("include", "exclude"), ("remember", "forget"), ("start", "stop"), ("open", "closed"),
    ("tidy", "messy"), ("together", "apart"), ("close", "distant"), ("loud", "quiet"),
    ("always", "never"), ("everyone", "nobody"), ("happy", "sad"), ("love", "hate"),
    ("pick up", "drop off"), ("agree", "disagree"), ("better", "worse"),
]


@pytest.mark.parametrize("a,b", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_antonyms_both_ways(a, b):
    assert are_antonyms(a, b)
    assert are_antonyms(b, a)


@pytest.mark.parametrize("a,b", [
    ("remembered", "forgot"), ("started", "stopped"), ("Late", "EARLY"), ("loves", "hates"),
    ("agreed", "disagreed"), ("remember", "forgotten"), ("won", "lost"),
])
def test_antonyms_after_lowercasing_and_stemming(a, b):
    assert are_antonyms(a, b)


@pytest.mark.parametrize("a,b", [
    ("big", "large"), ("happy", "glad"), ("fast", "quick"), ("late", "late"),
    # a form whose meaning parted from its stem keeps its own opposites only
    ("closed", "distant"), ("leave", "right"), ("like", "unlikely"), ("love", "ugly"),
    # senses nobody means in a couple's talk were struck out of WordNet's list
    ("good", "rubber"), ("exhausted", "left"), ("moving", "still"), ("same", "various"),
])
def test_near_misses_are_not_antonyms(a, b):
    assert not are_antonyms(a, b)


def test_antonym_file_names_its_source_and_licence_and_stays_small():
    text = lexicon.ANTONYMS.read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(True) if line.startswith("#"))
    assert "WordNet 3.0" in header and "Princeton" in header
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert 1000 <= len(rows) <= 6000
    for row in rows:
        a, b = row.split("\t")
        assert a == a.lower() and b == b.lower() and a != b


# --- reading the files ----------------------------------------------------------------------


def test_the_feelings_file_is_read_with_every_kind_of_entry(fresh_files):
    # a word in its other forms, an idiom, pronouns standing for one another, "*" for a few
    # words, an exact entry with its subject
    assert feeling("it scares me").family == "fear"
    assert feeling("over the moon") == Feeling("happiness", 4, 1, "over the moon")
    assert feeling("she takes her for granted").family == "unappreciated"
    assert feelings_in("you scared the living daylights out of me")[0][2].intensity == 4
    assert feeling("I'm spent") is not None
    # near misses: the exact entry's other forms are everyday words, and "I" stays "I"
    assert feelings_in("I spent the money") == []
    assert feeling("I let you down").family != feeling("you let me down").family
    assert related("fear", "worry") and not related("fear", "happiness")


def test_an_unreadable_or_broken_lexicon_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "FEELINGS", tmp_path / "missing.toml")
    lexicon._lexicon.cache_clear()
    try:
        with pytest.raises(lexicon.LexiconError, match=r"missing\.toml: cannot read the "
                                                      r"lexicon \(No such file"):
            lexicon._lexicon()
        broken = tmp_path / "broken.toml"
        broken.write_text("[fear\nvalence = -1\n", encoding="utf-8")
        monkeypatch.setattr(lexicon, "FEELINGS", broken)
        with pytest.raises(lexicon.LexiconError, match=r"broken\.toml: not valid TOML"):
            lexicon._lexicon()
    finally:
        monkeypatch.undo()
        lexicon._lexicon.cache_clear()


def test_the_scales_and_antonyms_are_read_from_their_files(fresh_files):
    assert (degree("a bit"), frequency("all the time"), quantity("most")) == (1, 4, 3)
    assert are_antonyms("remembered", "forgot") and are_antonyms("pick up", "drop off")
    # near misses
    assert degree("dinner") is None and not are_antonyms("big", "large")


def test_synonyms_are_read_as_the_matcher_compares_words():
    from facilitator import textnorm as tn

    lexicon._synonyms.cache_clear()
    awkward = lexicon.synonym_concepts(tn.concept("awkward"))
    assert tn.concept("clumsy") in awkward
    assert tn.concept("raise") in lexicon.synonym_concepts("bring_up")
    assert "dismiss" in {c[:7] for c in lexicon.synonym_concepts("brush_off")}
    # near misses: a word is not its own synonym, and a word without any has none
    assert tn.concept("awkward") not in awkward
    assert lexicon.synonym_concepts("zqblorp") == frozenset()


def test_a_two_word_synonym_is_looked_up_as_its_words_concepts():
    from facilitator import textnorm as tn

    def pair(a: str, b: str) -> str:
        return f"{tn.concept(a)}_{tn.concept(b)}"

    # "calm down" said back as "settle down": both words' concepts, joined
    assert pair("settle", "down") in lexicon.synonym_concepts(pair("calm", "down"))
    # near miss: the phrase is not its own synonym
    assert pair("calm", "down") not in lexicon.synonym_concepts(pair("calm", "down"))


# --- how an entry meets running text ---------------------------------------------------------


def families_in(text: str) -> list[tuple[str, str]]:
    return [(f.family, f.entry) for _, _, f in feelings_in(text)]


def test_up_to_three_softening_words_stand_between_an_entrys_words():
    assert families_in("I felt just a bit low") == [("sadness", "feel low")]
    assert families_in("I feel kind of low") == [("sadness", "feel low")]
    # near misses: a fourth word, and "of" that follows no "kind", "sort" or "bit"
    assert families_in("I felt just a little bit low") == []
    assert families_in("I feel of low") == []


def test_a_star_stands_for_one_to_four_words_within_a_sentence():
    assert families_in("it scared the hell out of me") == [("fear", "scare the * out of me")]
    assert families_in("you take all I do for granted") == [
        ("unappreciated", "take * for granted")]
    # near misses: five words, and words across a comma
    assert families_in("you take all the things I do for granted") == []
    assert families_in("you take me, all I do for granted") == []
    assert families_in("You take my time, my love for granted") == []


def test_a_word_with_an_apostrophe_that_is_no_contraction_is_kept_whole():
    assert families_in("I was scared at five o'clock") == [("fear", "scared")]
    assert families_in("O'Brien's dog scared me") == [("fear", "scared")]


# --- loading ------------------------------------------------------------------------------


def test_load_tables_reads_every_table_from_disk():
    tables = (lexicon._lexicon, lexicon._scales, lexicon._antonyms, lexicon._synonyms)
    for table in tables:
        table.cache_clear()
    lexicon.load_tables()
    assert [table.cache_info().currsize for table in tables] == [1, 1, 1, 1]


def test_a_session_reads_the_tables_before_its_turn_readers(monkeypatch):
    # A session's first mirror check comes after a turn read, which waits for the readers:
    # with the tables read first, that check does not stall to load them.
    import facilitator.understanding as understanding

    done = []
    monkeypatch.setattr(lexicon, "load_tables", lambda: done.append("tables"))
    monkeypatch.setattr(understanding, "TurnReader", lambda model: done.append("readers"))
    understanding._readers(object())
    assert done == ["tables", "readers"]
