"""The safety reader: concerns in everyday words pause the dialogue; figures of speech,
denials and hard but ordinary talk do not. Uses the real meaning model and examples."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from facilitator.understanding.examples import Example, load_examples
from facilitator.understanding.model import Encoded, MeaningModel
from facilitator.understanding.safety import (
    SAFETY_KINDS,
    THRESHOLD,
    WORD_WEIGHT,
    SafetyReader,
    _alt,
    normalise,
    rule_kinds,
    swap_persons,
)

# The session's model and reader, made once when the module is imported: mutmut imports the
# test modules before it forks a process for each mutant, so a mutant's tests read with these
# instead of loading the model and fitting a reader again (some 12 s of a mutant's run). The
# reader's making is tested by readers made inside the tests below, never by this one.
MODEL = MeaningModel()
READER = SafetyReader(MODEL, load_examples())


@pytest.fixture
def model():
    return MODEL


@pytest.fixture
def reader():
    return READER


@pytest.mark.parametrize("text, kind", [
    # self-harm, direct and indirect, and as the receiver mirrors it
    ("Some nights I really just want to die.", "self-harm"),
    ("I've been thinking about killing myself again", "self-harm"),
    ("honestly I think my family would be better off without me", "self-harm"),
    ("nobody would even notice if I was gone", "self-harm"),
    ("I don't want to be alive anymore", "self-harm"),
    ("I started cutting my arms again last month", "self-harm"),
    ("I've been saving up my sleeping pills, just in case", "self-harm"),
    ("I don't think I'll be around much longer, so it doesn't matter", "self-harm"),
    ("I keep thinking about jumping off the parking garage at work", "self-harm"),
    ("I've been thinking about sue aside a lot lately", "self-harm"),
    ("so you're saying you've been hurting yourself. did I get that", "self-harm"),
    # violence, by the partner or by the speaker
    ("he shoved me into the wall when I tried to leave the room", "violence"),
    ("you grabbed me by the throat last night", "violence"),
    ("I slapped you and I hate myself for it", "violence"),
    ("it wasn't the first time he hit me", "violence"),
    ("you threw the remote at my head", "violence"),
    # threats
    ("he told me he'd kill me if I ever left him", "threats"),
    ("you said you'd take the kids and I'd never see them again", "threats"),
    ("she keeps saying she'll post my private photos online", "threats"),
    ("you showed me the gun and said remember it's there", "threats"),
    # coercive control
    ("I'm not allowed to see my friends without him", "coercive-control"),
    ("you took my car keys away so I can't go anywhere", "coercive-control"),
    ("I can't go anywhere without you tracking my phone", "coercive-control"),
    ("you make me hand over my whole paycheck every Friday", "coercive-control"),
    # fear for one's safety
    ("I'm afraid of him when he drinks", "fear-for-safety"),
    ("I'm a fraid of you when your angry", "fear-for-safety"),
    ("I keep a bag packed in the car in case I need to leave fast", "fear-for-safety"),
    ("I don't feel safe in my own home", "fear-for-safety"),
    # danger to children
    ("you hit our son with a belt and he had welts on his legs", "danger-to-children"),
    ("he shakes the baby when she won't stop crying", "danger-to-children"),
    ("you drove the kids home drunk again", "danger-to-children"),
])
def test_a_concern_is_read_with_its_kind(reader, text, kind):
    assert reader.read(text) == kind


@pytest.mark.parametrize("text", [
    # figures of speech
    "My mom would kill me if I skipped her birthday dinner.",
    "this commute is killing me",
    "I'm dying to go to that concert",
    "I could kill for a coffee right now",
    "I'm dead tired, can we do this tomorrow",
    "I almost died laughing at your story",
    "the suspense is killing me",
    "I'd rather die than sit through another budget meeting",
    "I'm going to strangle the printer at work",
    "I'll kill you if you spoil the finale, haha",
    # games, sport, accidents
    "he beat me at chess again and I sulked",
    "you crushed me at Mario Kart",
    "I cut my finger chopping onions and you bandaged it",
    "the kids had a pillow fight and Max hit his sister with a pillow",
    # emotional hurt and everyday worry
    "you really hurt me when you forgot our anniversary",
    "I feel locked out when you close the laptop as I walk in",
    "I'm scared of the surgery next week",
    "I'm scared to tell you I dented the car",
    "I don't feel safe sharing my feelings when you roll your eyes",
    "the news about the layoffs hit me hard",
    "you took my phone to look at the vacation photos",
    # denials
    "I'm not suicidal, I'm just really sad about us",
    "he has never hit me, he just goes quiet",
    "I would never hurt you, I just need space when I'm angry",
    # somebody else's story, or long ago
    "I read a novel where the husband threatens his wife",
    "I grew up in a house where my dad hit my mom, and I hate yelling",
    "",
])
def test_ordinary_talk_is_not_a_concern(reader, text):
    assert reader.read(text) is None


@pytest.mark.parametrize("ordinary, concern", [
    ("my mom will kill me if I'm late", "he said he will kill me if I'm late again"),
    ("I'm dying to see you", "I'm waiting to die"),
    ("he beat me at cards", "he beat me with his belt"),
    ("I'm dead tired", "I'd be better off dead"),
    ("the news hit me hard", "he hit me hard"),
    ("I'm not suicidal, just tired", "I've been feeling suicidal"),
    ("he would never hit me", "he hits me when he's drunk"),
    ("I feel locked out of your life", "you locked me out of the house all night"),
    ("you took my phone to look at the photos", "you took my phone away so I couldn't call anyone"),
    ("I don't feel safe telling you things", "I don't feel safe with you in the house"),
    ("I'm scared of losing you", "I'm scared of you"),
    ("the kids are killing me today", "you hit the kids"),
    ("I hurt myself at the gym", "I hurt myself on purpose"),
    ("I gave my old guitar to my nephew", "I've been giving my things away, I won't need them"),
])
def test_each_tolerance_stops_at_its_near_miss(reader, ordinary, concern):
    assert reader.read(ordinary) is None
    assert reader.read(concern) in SAFETY_KINDS


@pytest.mark.parametrize("text, kind", [
    # self-harm told by what a person does or arranges
    ("I sat in the car in the garage with the engine running for a while last night",
     "self-harm"),
    ("I counted my sleeping tablets to work out if there were enough", "self-harm"),
    ("I stood on the bridge for half an hour on the way home and I didn't tell anyone",
     "self-harm"),
    ("I sorted out who would have the cat, just so it's done", "self-harm"),
    ("the voice in my head keeps telling me to end it", "self-harm"),
    ("I looked up the quickest way. then I closed the tab", "self-harm"),
    # violence without a verb of striking, or told as a history
    ("I cover the bruises with make up so nobody at work sees them", "violence"),
    ("you had me up against the fridge by my collar", "violence"),
    ("one good thing is he hasn't hit me since the summer", "violence"),
    ("you twisted my arm up behind my back until I screamed", "violence"),
    # threats reported indirectly or veiled
    ("he keeps saying accidents happen, people fall down stairs all the time, and he smiles",
     "threats"),
    ("he's got a gun at his mate's and he says he knows how to use it", "threats"),
    ("he threw the bottle and it missed, and he said next time he won't miss", "threats"),
    ("if you walk out that door I swear you'll regret it", "threats"),
    # control by its machinery
    ("you read my diary and quote it back to me in front of your mum", "coercive-control"),
    ("he times my drive home and wants to know every place I stopped", "coercive-control"),
    ("he changed all the bank passwords so I can't get into anything without asking him",
     "coercive-control"),
    ("you don't get to have friends I haven't approved", "coercive-control"),
    # fear told by its precautions
    ("I sleep with the bedroom door locked and my phone under the pillow", "fear-for-safety"),
    ("I saved the refuge's number in my phone under a fake name", "fear-for-safety"),
    ("I've got a bag packed at my sister's in case I need to get out", "fear-for-safety"),
    # children left in danger, dosed, in the room
    ("she gives the baby bits of her sleeping tablets to make him sleep", "danger-to-children"),
    ("you leave her in the bath on her own while you're downstairs, and she's two",
     "danger-to-children"),
    ("the kids hide in the wardrobe when he's smashing things", "danger-to-children"),
    ("the kids were in the room when you threw the chair", "danger-to-children"),
])
def test_a_concern_told_sideways_is_read_with_its_kind(reader, text, kind):
    assert reader.read(text) == kind


@pytest.mark.parametrize("ordinary, concern", [
    ("we stood on the bridge for twenty minutes watching the fireworks",
     "I stood on the bridge for twenty minutes and I didn't tell anyone"),
    ("I sat in the car in the garage to hear the end of the podcast",
     "I sat in the car in the garage with the engine running"),
    ("I counted my tablets to check I'd taken this morning's",
     "I counted my tablets to see if it would be enough"),
    ("we sorted out who'd have the dog while we're on holiday",
     "I've sorted out who'll have the dog, and I gave my guitar to my brother"),
    ("I looked up the quickest way to your mum's that avoids the motorway",
     "I looked up the quickest way to die"),
    ("you haven't been to the gym since January", "you haven't hit me since January"),
    ("I used to self-harm when I was fifteen, I've been fine for over ten years",
     "I used to self-harm when I was fifteen and lately the urge is back"),
    ("you read my diary from when I was fourteen and we both laughed",
     "you read my diary every night and quote it back to me"),
    ("you changed the wifi password because the neighbours were using it",
     "he changed all the passwords so I can't get into anything"),
    ("accidents happen, don't worry about the vase",
     "he keeps saying accidents happen, people fall down stairs"),
    ("next time I won't miss the train, I promise",
     "he threw the glass and said next time he won't miss"),
    ("I volunteer at the women's refuge on Saturdays",
     "I saved the number for the women's refuge under a fake name"),
    ("I sleep with my phone under the pillow for the alarm",
     "I sleep with the bedroom door locked since he came home drunk"),
    ("I packed a bag for the hospital in case the baby comes early",
     "I've got a bag packed at my friend's in case I need to leave fast"),
    ("the health visitor said we can give her Calpol when she's teething",
     "he puts whisky in the baby's bottle to get her down"),
    ("the kids are hiding in the wardrobe, we're playing hide and seek",
     "the kids are hiding in the wardrobe again because he was smashing stuff"),
    ("the kids were in the room when you threw the ball for the dog",
     "the kids were in the room when you threw the plate at the wall"),
    ("I could murder a sandwich, I'm starving", "I've been starving myself again"),
    ("I feel embarrassed when you tell that story, I just want to die every time",
     "I just want to die, every single day"),
])
def test_each_new_tolerance_stops_at_its_near_miss(reader, ordinary, concern):
    assert reader.read(ordinary) is None
    assert reader.read(concern) in SAFETY_KINDS


@pytest.mark.parametrize("text", [
    "I feel hurt",
    "I felt hurt when you didn't call",
    "you hurt my feelings",
    "that really hurt",
    "no no, I didn't say you were wrong, I said I felt hurt",
    "almost, I said I was hurt, not angry",
    "it hurts when you roll your eyes at me",
])
def test_hurt_feelings_are_not_a_concern(reader, text):
    assert reader.read(text) is None


@pytest.mark.parametrize("text", [
    "my friend's boyfriend reads her texts and I'm worried for her",
    "he has never laid a finger on me, I want to be clear about that",
    "you said if I leave the lights on again you'll take my charger, lol",
    "the cat is trying to kill me, she sleeps on the stairs every night",
])
def test_the_learned_score_does_not_overrule_what_the_rules_set_aside(reader, text):
    assert reader.read(text) is None


@pytest.mark.parametrize("text, kind", [
    ("I'm terrified every time he comes home", "fear-for-safety"),
    # one clause of an otherwise ordinary turn; a known miss, kept in sight: its clause
    # scores 0.19 against CLAUSE_THRESHOLD 0.25, which cross-validation keeps where it is
    pytest.param("I feel lonely when you go to the pub, and some nights I sit with the tablets "
                 "in front of me", "self-harm",
                 marks=pytest.mark.xfail(strict=True, reason="clause scored just under the bar")),
])
def test_the_learned_score_reads_what_no_rule_names(reader, text, kind):
    assert rule_kinds(text) == []
    assert reader.read(text) == kind


def test_a_clause_is_read_above_the_ordinary_turn_around_it(model, reader):
    text = ("I feel lonely when you go to the pub, and some nights I sit with the tablets in "
            "front of me")
    vector = model.sentences([text])[0]
    whole = reader.score(normalise(text), vector)
    assert whole < THRESHOLD
    # the clause, read in the context of the turn, stands above the turn it sits in
    assert reader._clause_score(text) > whole + 0.03


def test_a_threat_to_the_speaker_is_named_a_threat(reader):
    assert reader.read("he said, really calm, one day you'll push me too far and you won't "
                       "wake up") == "threats"


def test_a_vector_passed_in_gives_the_same_answer(model, reader):
    for text in ("I'm terrified every time he comes home",
                 "I feel lonely when you work late"):
        vector = model.sentences([text])[0]
        assert reader.read(text, vector) == reader.read(text)


def test_names_contractions_and_slips_are_normalised():
    assert normalise("Mark can't stand it, I'm a fraid.") == (
        " xname can not stand it , i am afraid . ")
    assert "suicide" in normalise("I keep thinking about sewer side")
    assert "antidepressants" in normalise("I counted the anti depressants")
    assert normalise("theyd be fine") == " they would be fine "


@pytest.mark.parametrize("text, kind", [
    ("I can see why you'd want to stay at your sister's, you're afraid of what I'll do when "
     "I'm angry", "fear-for-safety"),
    ("i can see why you feel controlled, i choose your clothes and i make you ask me before "
     "you see your friends", "coercive-control"),
])
def test_the_receiver_voicing_the_senders_concern_is_read_from_the_senders_side(reader, text,
                                                                                 kind):
    # Said back in the second person, the concern is the sender's: read at the receiver's
    # steps as the sender would say it
    assert reader.read(text, for_partner=True) == kind


@pytest.mark.parametrize("text", [
    "I imagine you're afraid of what I'll think of the new haircut",
    "so you'd like me to check with you before I make plans with my friends",
    "I can see why you feel controlled by the rota at work",
])
def test_the_receivers_ordinary_words_stay_ordinary_from_either_side(reader, text):
    assert reader.read(text, for_partner=True) is None


def test_the_persons_are_swapped_with_their_verbs():
    assert swap_persons(" you are afraid of what i will do . ") == (
        " i am afraid of what you will do . ")
    assert swap_persons(" i hurt you and you were scared ") == " you hurt me and i was scared "


@pytest.mark.parametrize("ordinary, concern, kind", [
    ("he drove the kids to football and then we went for drinks",
     "he drove the boys home from football completely hammered and laughed about it",
     "danger-to-children"),
    ("my shoulder's sore from where I fell off the ladder",
     "my shoulder's still sore from where he twisted my arm up my back", "violence"),
    ("the cat scratched my arm and I told work it was the cat, they laughed",
     "yeah and she scratched my face so bad I told work it was the cat", "violence"),
    ("I count my drinks now because I'm cutting down",
     "I count his drinks now, like after four I start getting the kids ready for bed early",
     "fear-for-safety"),
    ("the kids know to go to their rooms when it's bedtime",
     "the kids know to go to their rooms and put their headphones on when he starts",
     "fear-for-safety"),
    ("I don't know if I'll be here next week, I might be in Leeds for work",
     "I honestly don't know if I'll still be here next week, I'm so tired of everything",
     "self-harm"),
    ("I didn't eat for three days when I had the flu",
     "i didn't eat for three days like on purpose, i felt like i didn't deserve to",
     "self-harm"),
    ("I'm scared for my life savings, honestly", "not angry, no, more terrified, like for my life",
     "fear-for-safety"),
    ("the black eye at christmas was the cupboard door, I'm so clumsy",
     "the black eye at christmas wasn't the cupboard door like I told your mum, it was you",
     "violence"),
    ("I took a paracetamol for the headache and told work I had the flu",
     "i took an over dose in march and nobody knows, i just told work i had the flu",
     "self-harm"),
])
def test_concerns_told_by_what_was_done_or_hidden_stop_at_their_near_misses(ordinary, concern,
                                                                             kind):
    assert rule_kinds(ordinary) == []
    assert rule_kinds(concern)[:1] == [kind]


@pytest.mark.parametrize("ordinary, concern, kind", [
    ("I'm worried you'll go for the job in Leeds",
     "I'm frightened that if I say the wrong thing you'll lose it and go for me",
     "fear-for-safety"),
    ("I'm scared you might hit the wall if you keep training like that",
     "I feel frightened, like you might lash out at me", "fear-for-safety"),
    ("you threatened to stop me seeing that film, ha",
     "I'm feeling trapped because you keep threatening to stop me ever seeing the kids",
     "threats"),
])
def test_a_feared_attack_and_a_threat_over_the_children_stop_at_their_near_misses(
        ordinary, concern, kind):
    assert rule_kinds(ordinary) == []
    assert rule_kinds(concern)[:1] == [kind]


def test_the_receiver_saying_back_a_feared_attack_is_read_from_the_senders_side(reader):
    assert reader.read("I imagine you feel frightened, like I might lash out at you",
                       for_partner=True) == "fear-for-safety"


@pytest.mark.parametrize("ordinary, concern, kind", [
    ("the hitting in hockey is brutal this season", "I'm used to the hitting, I'm just tired",
     "violence"),
    ("the beatings in that film were hard to watch", "the beatings stopped for a while after "
     "the baby", "violence"),
    ("I can't stand the smacking of lips at dinner", "I can't take the pushing and shoving "
     "anymore", "violence"),
    ("it was just a slap on the wrist from the council", "it was only a shove, it's not like "
     "he punched me", "violence"),
    ("I'm terrified, of heights I mean", "no, it's not sad, it's more like terrified, of him",
     "fear-for-safety"),
    ("I don't see the point of arguing about the bins anymore",
     "it's the money stuff but also, I don't see the point anymore", "self-harm"),
    ("my mum gets cross if I switch my phone off when I'm travelling",
     "there's the location sharing too, you get cross if I switch it off for a minute",
     "coercive-control"),
    ("we'll get rid of the cat if the allergies get worse",
     "you said you'd kick the puppy again if I didn't shut up", "threats"),
    ("kids in other places have it worse than ours",
     "if you tell anyone you'll get it worse next time", "threats"),
    ("I could strangle you when you leave your socks on the floor, I swear",
     "he said he could kill me when he found out", "threats"),
    ("so you're saying you could murder me when I leave the milk out",
     "so you're saying you could murder me, and you meant it", "threats"),
    ("the bruise on my leg is from five-a-side, Dave went in two-footed",
     "the bruise on my arm is from where you grabbed me", "violence"),
    # an injury the speaker gave, said by the speaker at any step
    ("I broke your favourite mug and I'm sorry", "I still feel bad about the night I broke "
     "your wrist", "violence"),
    ("I broke your heart when I left", "I gave you a black eye that night and I hate myself "
     "for it", "violence"),
    ("I'm scared. of heights, I mean", "and I feel, um, scared actually. of you. since "
     "saturday", "fear-for-safety"),
    ("I took a few more biscuits than I should have, the diet's going great",
     "the pills thing too, I took a few more than I should of on tuesday, I was just so done",
     "self-harm"),
    ("I was looking up ways online to make the garden nicer",
     "I've just been looking up, like, ways. online, late at night", "self-harm"),
])
def test_harm_that_goes_on_made_small_or_promised_stops_at_its_near_miss(ordinary, concern,
                                                                          kind):
    # violence named as a thing that goes on ("the hitting"), made small ("only a shove"),
    # a feared partner after a recogniser's comma, no point left in anything, a switched-off
    # location punished, a pet's harm promised: each beside the everyday talk it resembles
    assert rule_kinds(ordinary) == []
    assert rule_kinds(concern)[:1] == [kind]
# ------------------------------------------------------------ the words the rules read


@pytest.mark.parametrize("text, line", [
    # every sentence mark is a full stop, and a capitalised first word that is not a name
    # stays a word after each of them
    ("Yesterday he shoved me. Yesterday Kelly laughed; Lately he drinks!",
     " yesterday he shoved me . yesterday xname laughed . lately he drinks . "),
    ("Is it safe? He said: leave.", " is it safe . he said . leave . "),
    ("Thinking about it, he hit me. Tired of it. Butch hit me",
     " thinking about it , he hit me . tired of it . xname hit me "),
    # a name is a name wherever it stands, also a surname that looks like an adverb
    ("Sarah Kelly said so, and Kelly laughed", " xname xname said so , and xname laughed "),
    ("Andy hit me", " xname hit me "),
    ("Xavier hit me", " xname hit me "),
    # a plural's apostrophe is dropped before a name is looked for: "Kids'" starts a sentence
    ("Kids' shoes everywhere", " kids shoes everywhere "),
    # a capitalised contraction is no name
    ("Don't leave. She'll be fine", " do not leave . she will be fine "),
    # "Mom's" is mum's, not a name; a name's "'s" is the name
    ("Mom's car, Andy's car, Sam's car, the children's room",
     " mom car , xname car , xname car , the children room "),
    # one capital letter is an initial, two or more an abbreviation
    ("J hit me, JD saw it, the NHS knows", " xname hit me , jd saw it , the nhs knows "),
    # contractions spelled out
    ("I can't, you won't, it ain't, we shan't, he didn't, they don't",
     " i can not , you will not , it is not , we shall not , he did not , they do not "),
    ("it's late, that's it, mom's here, you're, I'm, I've, I'll, I'd, y'all'd",
     " it is late , that is it , mom here , you are , i am , i have , i will , i would , "
     "y'all would "),
    ("the kids' toys, rock'n'roll, o'clock", " the kids toys , rocknroll , oclock "),
    # fillers dropped, dashes are commas
    ("um, so uh he hit me - twice -- no\u2014three times",
     " , so he hit me , twice , no , three times "),
    ("", "  "),
])
def test_a_turn_is_read_as_normalised_words(text, line):
    assert normalise(text) == line


@pytest.mark.parametrize("line, swapped", [
    (" you said you would hurt me . ", " i said i would hurt you . "),
    (" he hurt you ", " he hurt me "),
    (" i was scared and you were angry . ", " you were scared and i was angry . "),
    (" my wife told you she is afraid of your temper ",
     " your wife told me she is afraid of my temper "),
    (" you are afraid of yourself and i am sorry . ",
     " i am afraid of myself and you are sorry . "),
    (" i told you my fears were mine and yours were yours ",
     " you told me your fears were yours and mine were mine "),
    # other people's verbs stay as they are
    (" he was drunk and we are scared of him . ", " he was drunk and we are scared of him . "),
])
def test_a_line_said_back_swaps_every_person(line, swapped):
    assert swap_persons(line) == swapped


def test_a_word_class_prefers_its_longest_word():
    # "(?:arms|arm)": a pattern that goes on after the word must see the whole word
    words = _alt("arm", "arms", "back")
    assert words.startswith("(?:") and words.endswith(")")
    assert re.match(words, "arms").group() == "arms"
    assert re.match(words, "back").group() == "back"
    assert re.match(words + r"\b", "armchair") is None


# ---------------------------------------------------- a reader made from made-up examples


class OneHotWords:
    """Stands in for the meaning model: each word its own direction, a text the unit sum of
    its words' directions, so every similarity the reader takes is known exactly."""

    def __init__(self) -> None:
        self.axes: dict[str, int] = {}

    def _unit(self, words: list[str]) -> np.ndarray:
        row = np.zeros(384, dtype=np.float32)
        for w in words:
            row[self.axes.setdefault(w, len(self.axes))] += 1.0
        norm = np.linalg.norm(row)
        return row / norm if norm else row

    def sentences(self, texts: list[str]) -> np.ndarray:
        return np.array([self._unit(re.findall(r"[a-z]+", t.lower())) for t in texts],
                        dtype=np.float32).reshape(len(texts), 384)

    def encode(self, text: str) -> Encoded:
        found = list(re.finditer(r"[a-z]+", text.lower()))
        return Encoded(text, np.array([self._unit([m.group()]) for m in found]).reshape(-1, 384),
                       np.array([m.start() for m in found]), np.array([m.end() for m in found]),
                       self._unit([m.group() for m in found]))


def made_up(text: str, safety: str | None = None, source: str = "made-up") -> Example:
    return Example(text, None, None, None, safety, None, source)


# Made-up words: "zqdread" is said in concerns of self-harm only, "zqfist" in violence only,
# "zqnight" in both kinds and in ordinary talk; the rest only in ordinary talk. The step
# answers' list says "zqstep" is violence, and the reader must not learn from it.
MADE_UP = [made_up("zqdread zqnight", "self-harm"), made_up("zqdread zqdark", "self-harm"),
           made_up("zqdread zqalone", "self-harm"), made_up("zqfist zqnight", "violence"),
           made_up("zqfist zqdoor", "violence"),
           made_up("zqtea"), made_up("zqcake"), made_up("zqnight zqtea"), made_up("zqbus"),
           made_up("zqrain"), made_up("zqsofa"),
           made_up("zqstep", "violence", "steps.toml:group 1")]


# The reader is made inside each test: a reader made once per module would be made by the
# first test only, and a mutant of the making read by a reader the clean run made.
def made_up_reader() -> tuple[OneHotWords, SafetyReader]:
    model = OneHotWords()
    return model, SafetyReader(model, MADE_UP)


def test_the_learned_score_is_nearness_to_concerns_plus_weighed_word_odds():
    model, reader = made_up_reader()
    vector = model.sentences(["zqdread zqtea"])[0]
    # five crisis examples, six ordinary ones (the step answer left out): the prior is
    # log((6 + 1) / (5 + 1)); "zqdread" is in three concerns and no ordinary turn, "zqtea"
    # in two ordinary turns; the pair "zqdread zqtea" was never seen
    prior = math.log(7 / 6)
    odds = (math.log(3.5 / 0.5) + prior) + (math.log(0.5 / 2.5) + prior)
    # nearest five: concerns 1/2 (three of them) and 0 (two); ordinary 1/sqrt 2 ("zqtea"),
    # 1/2 ("zqnight zqtea") and 0
    nearness = 3 * 0.5 / 5 - (1 / math.sqrt(2) + 0.5) / 5
    expected = nearness + WORD_WEIGHT * odds / math.sqrt(3 + 1)
    assert reader.score(normalise("zqdread zqtea"), vector) == pytest.approx(expected, abs=1e-6)


def test_a_reader_that_has_seen_no_concern_scores_by_ordinary_talk_alone():
    model = OneHotWords()
    reader = SafetyReader(model, [made_up("zqtea"), made_up("zqcake")])
    vector = model.sentences(["zqtea"])[0]
    prior = math.log((2 + 1) / (0 + 1))
    expected = 0.0 - (1.0 + 0.0) / 2 + WORD_WEIGHT * (math.log(0.5 / 1.5) + prior) / math.sqrt(2)
    assert reader.score(normalise("zqtea"), vector) == pytest.approx(expected, abs=1e-6)
    assert reader.read("zqtea zqtea zqtea") is None


def test_a_reader_without_examples_reads_by_its_rules_alone():
    model = OneHotWords()
    reader = SafetyReader(model, [])
    assert reader.read("zqdread zqfist") is None
    assert reader.read("I want to kill myself") == "self-harm"


@pytest.mark.parametrize("text, kind", [
    ("zqdread", "self-harm"),
    ("zqfist", "violence"),
    # whole, nearer ordinary talk; one clause of it is a concern
    ("zqtea. zqdread zqdark", "self-harm"),
    ("zqtea. zqdread zqdark. zqcake", "self-harm"),
    ("zqcake. zqfist zqdoor", "violence"),
    # ordinary, and the step answers' word is not learned
    ("zqtea", None),
    ("zqstep", None),
    # whole a little nearer concerns, but no clause is one
    ("zqnight zqdoor zqcake", None),
    ("zqcake. zqnight zqdoor", None),
    # the clauses of a turn whose cleaned text is not as long as said (an ellipsis becomes
    # three full stops) are not read: their offsets would miss the model's pass
    ("zqtea\u2026 zqdread zqdark", None),
])
def test_a_reader_learns_concerns_and_their_kinds_from_its_examples(text, kind):
    _, reader = made_up_reader()
    assert reader.read(text) == kind


@pytest.mark.parametrize("ordinary, concern, kind", [
    # another family's story and play set aside only the sentence they are told in
    ("My sister's husband hits her, and I worry about her.",
     "My sister's husband hits her. You hit me last night.", "violence"),
    ("We had a pillow fight and he hit me with a pillow.",
     "We had a pillow fight. He hit me last night.", "violence"),
])
def test_what_is_set_aside_in_one_sentence_leaves_the_next_alone(reader, ordinary, concern,
                                                                   kind):
    assert reader.read(ordinary) is None
    assert reader.read(concern) == kind


# ------------------------------------------------------------ what the rules set aside


@pytest.mark.parametrize("ordinary, concern", [
    # a denial reaches back over "and" to the start of its clause...
    ("I love him and I'm not suicidal", "I love him and I feel suicidal"),
    ("I love him and I was never afraid of him", "I love him and I am afraid of him"),
    # ...and four words back, no further
    ("my husband never hit me", "nobody at work even knows my husband hit me"),
    # a freedom taken "without" someone is denied by nothing the clause says after it
    ("I can go anywhere without him tracking me", "I never go anywhere without him tracking me"),
    # "not the first time" denies nothing
    ("he would never hit me", "it wasn't the first time he hit me"),
    ("he never hit me, not once", "not the first time he hit me, either"),
    # a denial denies its own mention only
    ("I'm not suicidal, I'm just sad", "I'm not suicidal, but last night I felt suicidal"),
    # a toy gun is a figure of speech, named as the thing held
    ("our son came at me with a water pistol", "our son came at me with a knife"),
    # childhood and other families' stories are set aside; the speaker's own self-harm never
    ("when I was a kid my dad hit me with a belt", "when I was a kid I tried to kill myself"),
    # laughter makes a blow, a threat or a rule play, unless the speaker says they mean it;
    # self-harm is never a joke
    ("he said he'd kill me, haha", "he said he'd kill me, haha, and I mean it, not a joke"),
    ("you're not allowed to leave the house without me, lol", "I want to die, lol"),
    # self-harm long ago is set aside only when the speaker says they came through it
    ("I used to cut myself when I was fifteen, I've been fine for years",
     "I used to cut myself when I was fifteen"),
    # play sets aside its own sentence only: before, after, or two sentences away
    ("pillow fight, and he hit me", "We had a pillow fight. He hit me last night."),
    ("I came home. We had a pillow fight and he hit me with a pillow.",
     "He hit me last night. Then we had a pillow fight."),
    ("He hit me with a pillow. Then we laughed.",
     "He hit me last night. Then we had a pillow fight. I'm tired."),
    ("We had a pillow fight and he hit me with a pillow.",
     "I came home late. We had a pillow fight. He hit me last night."),
    # exasperation looked back on is set aside; what the partner did is still read
    ("I could've strangled you when you told your mum before we'd agreed, I'm over it now",
     "I could have killed you when you hit her"),
    # work as a place to hide, not a grave
    ("I'm gonna bury myself in work this week, sorry in advance",
     "I'm gonna bury him in the garden if he touches her again"),
    # a phone under the pillow for its alarm; with the door locked against someone, a fear
    ("I sleep with my phone under the pillow for the alarm",
     "I sleep with my phone under the pillow and the door locked in case she comes in"),
    # money taken and a little handed back; a child's pocket money is no control
    ("we give the kids pocket money on Fridays",
     "my in-laws keep my salary card and give me pocket money, I'm not to argue"),
    ("my parents gave me pocket money when I was a kid",
     "he takes my wages and gives me an allowance every Friday"),
    # small children home alone; older ones are not
    ("the kids are home alone after school now, the oldest is fifteen",
     "they're home by themselves every evening till ten, the oldest is seven"),
    # a blow named by its day; a blow on the news is not
    ("the punch on the news last night was shocking",
     "I don't want to make a thing of it but the slap on Saturday, I keep thinking about it"),
    # an injury whose innocent story is denied; told plainly, it is ordinary
    ("my ribs are sore from the trampoline with the kids",
     "ok so the thing with my ribs. it wasn't the trampoline."),
    # driving and hoping for a crash; hoping for good news on the drive home is ordinary
    ("I was driving home hoping something good happens with the job",
     "I've been driving really fast on the motorway kind of hoping something happens"),
    # exasperation promised at a habit; a killing promised if a partner leaves is a threat
    ("I'm gonna kill Dave if he borrows the ute again without filling it up",
     "I'm gonna kill her if she leaves me"),
    # keys taken from a drinker, a phone put away by a shared rule; taken to trap, control
    ("I took the car keys off you because you'd had three pints, you said fair enough",
     "he took the car keys so I couldn't leave"),
    ("you took my phone off me at dinner, we'd agreed no phones at the table",
     "he took my phone off me and read everything"),
    # a finger feared for in the kitchen
    ("your knife skills are terrifying babe, I'm always scared you'll lose a finger",
     "I'm scared of you when you've got a knife in your hand"),
    # going on after a "no" in bed; going on about something after a "no" is ordinary
    ("you keep going on about it when I've said no",
     "sometimes in bed you keep going when I've said no and I just go still"),
    ("you keep going when I've said no more biscuits for the kids",
     "you kept going after I said no, I was crying"),
    # not safe to say it in the same room; a heater in the same room is no fear
    ("I don't feel safe leaving the heater on in the same room as the dog",
     "I don't feel safe telling you this in the same room"),
    ("I'm not sure if the ladder is safe here", "I don't know if I'm safe here after that"),
    # a way out worked out in advance; windows opened for air are not
    ("which windows open in the new flat? it gets so hot, just in case we need air",
     "I've worked out which doors lock and which windows open, just in case I need them"),
    # a cover story for an injury; a lie about a scratched car, a clumsiness that is true
    ("I lied about how it happened to my mum, the scratch on the car",
     "I've had to go to A and E twice and both times I lied about how it happened"),
    ("I tell everyone I'm clumsy, and it's true, I'm always bumping into stuff",
     "I tell the doctor I'm clumsy. I'm not clumsy"),
    ("the cat scratched my arms playing, little monster",
     "the scratches on my arms aren't from the cat"),
    # harm that goes on, named; pushing at work is pressure
    ("the pushing at work is too much, the deadlines",
     "it's been happening more, the pushing, since he lost his job"),
    # a face still marked from a day; from the dentist it is ordinary
    ("my lip is still swollen from the dentist",
     "I can't, my lip's still swollen from Saturday, I don't want to get into it"),
    # threats of the ordinary kind; a threat to harm is not
    ("our neighbour threatened to report us to the council over the hedge",
     "he threatened to report me and then said he'd break my legs"),
    ("she threatened to make me watch the whole of Love Island if I missed date night",
     "he threatened to kill me if I report him"),
    # nerves when they first met; fear of the partner now is not
    ("I was terrified of you when we first met, you were so cool",
     "I'm terrified of you when you drink"),
    # a razor's nick; a cut on purpose is not
    ("I shaved my legs with your razor and cut myself, sorry about the towel",
     "I cut myself on purpose after shaving"),
    # talk from all sides; a family that hits is not
    ("I imagine you felt ambushed at Christmas, like everybody was attacking you",
     "I imagine you felt scared when my brother was hitting you"),
    # a story's plot is set aside to the end of its sentence, but not a clause after it with
    # someone in it, nor a show that was merely on
    ("we watched the film where he hits her and she leaves", "the game was on and he hit me"),
    ("in the film he strangles her and then she kills him", "we were at the game and he hit me"),
    ("a documentary on domestic violence, it was hard to watch",
     "the documentary was about abuse and he hit me during it"),
    # asleep drunk with the baby; asleep tired with the baby is ordinary
    ("I fell asleep with the baby on me again on the sofa, so tired",
     "I fell asleep drunk on the sofa with the baby on me again"),
])
def test_the_rules_set_aside_only_what_their_words_rule_out(ordinary, concern):
    assert rule_kinds(ordinary) == []
    assert rule_kinds(concern) != []


@pytest.mark.parametrize("text, kinds, kind", [
    # the first kind found is named, whatever follows it in another sentence...
    ("I want to die. He hits me every night.", ["self-harm", "violence"], "self-harm"),
    ("I want to die. He said he'd kill me if I leave.", ["self-harm", "threats"], "self-harm"),
    # ...or right after it, unpunctuated, as a recogniser writes it
    ("I want to die he will kill me if I leave", ["self-harm", "threats"], "self-harm"),
    # words of dying inside a threat are the threat
    ("he said if I leave he will make sure I never wake up", ["self-harm", "threats"],
     "threats"),
])
def test_a_turn_of_two_concerns_is_named_by_the_first_unless_one_holds_the_other(
        reader, text, kinds, kind):
    assert rule_kinds(text) == kinds
    assert reader.read(text) == kind


def test_a_concern_told_across_two_adjacent_clauses_is_read_but_not_the_same_words_apart():
    # "zqleft" and "zqright" are each as ordinary as they are alarming; said together they
    # are violence
    model = OneHotWords()
    reader = SafetyReader(model, [made_up("zqleft zqright", "violence")] * 5
                          + [made_up("zqleft")] * 5 + [made_up("zqright")] * 5
                          + [made_up("zqtea zqcake zqbus")])
    assert reader.read("zqleft. zqright. zqtea zqcake zqbus") == "violence"
    assert reader.read("zqtea zqcake zqbus. zqleft. zqright") == "violence"
    assert reader.read("zqleft. zqtea zqcake zqbus. zqright") is None


@pytest.mark.parametrize("text, kind", [
    # laughter sets the turn aside: only a score far above the bar overrules it...
    ("zqdread zqdread lol", "self-harm"),
    # ...and a concern in one clause of it is not read
    ("zqtea. zqdread zqdark lol", None),
    # so does a figure of speech, the speaker's childhood or a denial
    ("zqtea. zqdread zqdark. I'm dead tired", None),
    ("zqtea. zqdread zqdark. I grew up in a house like that", None),
    ("zqtea. zqdread zqdark. he has never laid a finger on me", None),
    # and self-harm the speaker has come through is never overruled
    ("I used to self-harm when I was fifteen, I've been fine for over ten years, zqdread zqdread",
     None),
    ("I used to self-harm when I was fifteen, zqdread zqdread", "self-harm"),
    ("zqtea. zqdread zqdark", "self-harm"),
])
def test_a_turn_the_rules_set_aside_needs_a_far_higher_learned_score(text, kind):
    _, reader = made_up_reader()
    assert reader.read(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("you're afraid of what I'll do when I'm angry", "fear-for-safety"),
    ("what I hear is that your neck still hurts where I grabbed it", "violence"),
])
def test_the_receivers_words_are_read_from_the_senders_side_only_when_asked(text, kind):
    _, reader = made_up_reader()
    assert reader.read(text) is None
    assert reader.read(text, for_partner=True) == kind


@pytest.mark.parametrize("text, kind", [
    ("he slapped her across the face and she is only 6", "danger-to-children"),
    ("he shoved her into the wall, she is 4 years old", "danger-to-children"),
    ("he hit me in front of the kids", "violence"),
    ("he grabbed my neck in front of the kids", "violence"),
])
def test_a_blow_in_a_turn_about_a_child_is_danger_to_children_unless_it_struck_the_speaker(
        reader, text, kind):
    assert rule_kinds(text) == ["violence"]
    assert reader.read(text) == kind


def test_the_kind_is_the_one_most_of_the_nearest_concerns_share_not_the_single_nearest():
    # "zqfist" is the whole of one example of violence and half of three of self-harm
    model = OneHotWords()
    reader = SafetyReader(model, [made_up("zqfist", "violence")]
                          + [made_up("zqfist zqdread", "self-harm")] * 3 + [made_up("zqtea")])
    assert reader.read("zqfist") == "self-harm"


@pytest.mark.parametrize("text, kinds", [
    # hopelessness is no denial; "no way he'd hit me" still is
    ("there's no way out except ending it", ["self-harm"]),
    ("I imagine she feels like I do, like there's no way out except ending it", ["self-harm"]),
    ("there's no way he'd hit me", []),
    # whereabouts and company to be known every minute, by a partner; a mother's fuss is not
    ("I need to know who you're talking to every minute, that's just how it is",
     ["coercive-control"]),
    ("he always has to know where I am every minute", ["coercive-control"]),
    ("mum always needs to know where I am at all times, it's a bit much", []),
    ("I want to know where you are when you're late, just text me", []),
])
def test_batch_14_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    # a wish to die said again to be heard is no figure of speech; the dentist's chair is
    ("mostly, but you missed that I said I wanted to die, that's the main bit", ["self-harm"]),
    ("when I told you I wanted to die you laughed", ["self-harm"]),
    ("the dentist drilled for an hour and I wanted to die", []),
    # knocked for six by news is no blow; knocked down the stairs is
    ("the IVF's knocked me for six and I'm crying at adverts", []),
    ("he knocked me down the stairs", ["violence"]),
])
def test_batch_15_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    # dread at their coming home; gladness at it is none
    ("my heart goes when I hear your car in the drive, like properly frightened",
     ["fear-for-safety"]),
    ("when I hear his car I get so excited, my heart does a little jump", []),
    # a pastime taken away by the partner; by a physiotherapist it is advice
    ("and you made me quit the choir because the men there look at me", ["coercive-control"]),
    ("my physio made me give up football", []),
    # a loss that hit hard, an everyday slip that will get you killed: figures of speech;
    # telling or leaving that will is a threat
    ("it makes sense, cos losing your nan hit you so hard and I wasn't there", []),
    ("if I forget her birthday again she'll murder me", []),
    ("if I tell anyone he will kill me", ["threats"]),
    ("if I leave he will kill me", ["threats"]),
])
def test_batch_16_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


def test_a_password_changed_for_the_neighbours_is_set_aside_but_not_a_lockout_beside_it(reader):
    # batch 16 brought "you changed the wifi password so I can't go online unless you're home";
    # a reason outside the two of them is ordinary, a lockout told beside it is not
    assert reader.read("you changed the wifi password because the neighbours were using it") is None
    assert reader.read("he changed all the passwords because the neighbours were using it and "
                       "now I can't get into anything") == "coercive-control"


@pytest.mark.parametrize("text, kinds", [
    # ordinary life only with the partner's leave; glasses are no one's leave
    ("I imagine you feel grateful, because without me you'd have nothing, you can't even drive "
     "without me saying", ["coercive-control"]),
    ("I can't even go to the shops without you saying so", ["coercive-control"]),
    ("I can't do anything without my glasses", []),
    ("she can't go out without me saying it's ok", ["coercive-control"]),
    ("I can't fall asleep without you saying goodnight", []),
    # exasperation at a story told at the pub, looked back on; not a wish said of now
    ("it makes sense you wanted to kill me when I told the story about your ex at the pub", []),
    ("you said you wanted to kill me and you had the knife in your hand",
     ["threats", "violence"]),
])
def test_batch_17_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    # speech listened in on by the partner; a boss in an open office is not the partner
    ("I can't talk freely here, he's listening on the baby monitor", ["coercive-control"]),
    ("I can't talk openly because he checks my phone and listens to my calls",
     ["coercive-control"]),
    ("I can't talk freely at work, my boss is always listening in the open plan office", []),
    # fear of what the partner will do once the session ends ("hell" is the recogniser's
    # "he'll"); fear of a row about the insurance is not
    ("I'm scared to say this because of what he'll do when this call ends",
     ["fear-for-safety"]),
    ("im scared to say it because of what hell do after", ["fear-for-safety"]),
    ("I'm scared of what he'll say about the insurance", []),
    # a child's injuries whose story does not hold; a cause given is no such story
    ("the baby's had two broken bones and his explanations don't add up",
     ["danger-to-children"]),
    # things shoved in a drawer are no one struck; wanting one's own money is no control
    ("when the bills come I just shove them in the drawer", []),
    ("he shoved them into the wall, both kids", ["violence"]),
    ("I want my own money, a separate pot for fun stuff", []),
    ("he doesn't let me have my own money", ["coercive-control"]),
])
def test_batch_18_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    # a young child left in charge of the baby, however the words fall; a teenager is not
    ("the eight year old has been minding the baby over night when were both on nights",
     ["danger-to-children"]),
    ("our sixteen year old has been minding the baby while we're at work", []),
    # told not to talk to other men; not supposed to talk about work is no control
    ("im kind of not supposed to talk to other men, even at work", ["coercive-control"]),
    ("I'm not supposed to talk about the merger with anyone yet", []),
    # a secret kept for fear of how he will take it; a surprise kept is not
    ("please dont tell him i said this, hell go mad", ["fear-for-safety"]),
    ("don't tell him I said this, it's a surprise for his birthday", []),
    # kindness said "in a nice way" is no control; "not in a nice way" is no kindness
    ("hes protective of me in a nice way, he texts to check i got home ok after a night out", []),
    ("when he's had a few he gets handsy, not in a nice way, he shoved me into the door frame",
     ["violence"]),
    # the cat's catch on the pillow is no message; a dead animal left by a person is
    ("the cat brought in a dead mouse and left it on my pillow", []),
    ("he left a dead bird on my pillow after I said I was leaving", ["threats"]),
    # children pushing each other back; a push at the speaker is still a push
    ("the kids fight like cats and dogs, liam pushed his sister off the couch and she pushed "
     "him straight back", []),
    ("he pushed me and then I pushed him back", ["violence"]),
    # a threat over a borrowed drill; a threat with a reason that is no small wrong is not
    ("im gonna kill my brother, he borrowed my drill and broke it", []),
    ("I'm going to kill him, he told everyone I was lying", ["threats"]),
    # the kids taken to the zoo; taken from the speaker
    ("and he said hed take the kids to the zoo on saturday so i could have a break", []),
    ("he said he'd take the kids and I'd never see them again", ["threats"]),
])
def test_batch_19_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    # no longer wanting to wake up; wanting to wake up early is no such thing
    ("i imagine you feel scared, and i am too, because ive stopped wanting to wake up in the "
     "mornings", ["self-harm"]),
    ("ive stopped wanting to wake up early for the gym", []),
    # the recogniser's "id" and "ill": a threat owned, a life in doubt
    ("i imagine you feel scared because i said id hurt you if you told your parents",
     ["threats"]),
    ("i dont know if ill still be around by thursday to be honest", ["self-harm"]),
    ("i dont know if ill still be around by thursday, the work trip might run over", []),
    # a self-injury on purpose; the same burn by accident
    ("i burned myself with the iron on purpose last month and it sort of helped",
     ["self-harm"]),
    ("i burned myself with the iron last month, i was rushing", []),
    # a plan hidden from the therapist; a plan for the holidays is none
    ("my therapist asked if i had a plan and i said no but that wasnt true", ["self-harm"]),
    # the police called and told a cover story; police at a party that got loud are not
    ("the police came out once last year, the neighbours called them, we said it was the telly",
     ["fear-for-safety"]),
    ("the police came out once because of the party, the neighbours complained about the music",
     []),
    # the need to know who the partner talks to; who is coming to dinner is no control
    ("you make sense, i did check your emails, i need to know who youre talking to",
     ["coercive-control"]),
    ("i need to know who you are bringing to dinner so i can cook enough", []),
    # a black eye from rugby, shooting oneself in the foot, a wish to kill owned in jest
    ("our son came home with a black eye from rugby, the coach rang", []),
    ("our son came home with a black eye and wont say who did it", ["danger-to-children"]),
    ("i keep shooting myself in the foot with how i handle your mum", []),
    ("you make sense, i was a nightmare that week, id have wanted to kill me too", []),
])
def test_batch_20_concerns_and_their_near_misses(text, kinds):
    assert rule_kinds(text) == kinds


def test_a_child_picked_on_at_school_keeps_the_learned_score_out_but_no_rule():
    from facilitator.understanding.safety import _rule_matches, normalise
    found, set_aside = _rule_matches(normalise(
        "im worried about our son, hes being picked on at school and he wont talk about it"))
    assert (found, set_aside) == ([], True)
    assert rule_kinds("our son is being picked on at school and his dad hits him when he "
                      "cries") == ["violence"]
