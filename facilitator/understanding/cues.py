"""Cues in a short turn that a sentence vector cannot see: a leading "no", a "not quite", a
time proposed, a "but" after a validation, a put-down, a thought where a feeling belongs.

Each cue is a small, precise rule over normalised words (``textnorm``: contractions
expanded, so "don't" is "do not"; sound-alikes the recogniser makes, such as "since" for
"sense" or "know" for "no", are listed where they matter). ``cues(text)`` returns them all
as numbers; the turn classifiers (``turns.py``) learn from labelled examples how much each
one counts at each step, beside the meaning vector of the whole turn.
"""

from __future__ import annotations

import re
from functools import lru_cache

from facilitator import textnorm as tn
from facilitator.understanding import rules


def _seqs(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.norm for w in tn.words(i)) for i in items)


_find = rules._find
_first = rules._first


def _any(words: list[str], table) -> bool:
    return _first(words, table) is not None


# --- answers ---------------------------------------------------------------------------------

YES = _seqs(
    "yes", "yeah", "yep", "yup", "yea", "yeh", "yah", "sure", "ok", "okay", "right",
    "exactly", "correct", "absolutely", "totally", "definitely", "uh huh", "mm hmm", "mhm",
    "mm hm", "of course", "you got it", "you got it all", "that is it", "that is right",
    "spot on", "precisely", "perfect", "true", "that is true", "you nailed it", "you did",
    "that is exactly it", "that is exactly right", "bingo", "100 percent", "pretty much",
    "i think so", "that is what i said", "that is what i meant", "yes you did", "that is me",
)
NO = _seqs(
    "no", "nope", "nah", "know", "not really", "not at all", "wrong", "that is wrong",
    "that is not it", "that is not right", "that is not what i said", "not what i said",
    "not what i meant", "that is not what i meant", "i did not say that", "you did not",
    "not even close", "not even a little", "no way", "not one bit", "incorrect",
    "that is not how i feel", "not how i feel", "not really how i feel", "nuh uh", "uh uh",
    "not what i feel", "that is not it at all", "not quite how i feel",
)
STRONG_NO = _seqs(
    "not at all", "not even close", "not even a little", "not really", "nope",
    "that is not what i said", "that is not what i meant", "completely wrong", "totally wrong",
    "not one bit", "no way", "nowhere near", "way off", "not even",
)
PARTLY = _seqs(
    "almost", "all most", "mostly", "nearly", "close", "clothes", "partly", "partially",
    "not quite", "kind of", "sort of", "kinda", "sorta", "some of it", "most of it",
    "a little", "a bit", "half", "half of it", "not exactly", "more or less", "somewhat",
    "in part", "the first part", "part of it", "most of that", "you got most",
    "you got some", "you left something out", "you left something", "something is missing",
    "you missed something", "missed something", "missing something", "not all of it",
    "not everything", "not the whole", "getting there", "closer", "on the right track",
    "yes and no", "yes but", "yeah but", "ish",
)
CORRECTION = _seqs(
    "i also said", "i said", "what i said was", "what i meant was", "i meant", "you missed",
    "you forgot", "you left out", "the part about", "it was more", "it is more", "more like",
    "more that", "it was not", "it is not that", "it was that", "there was also",
    "i also mentioned", "i mentioned", "and also", "also that", "plus the", "you skipped",
    "it is not", "not angry", "rather", "actually it", "the thing is", "what i really",
    "i was saying", "the main thing", "the bigger thing", "especially", "instead",
)

# --- consent -------------------------------------------------------------------------------

READY = _seqs(
    "i am ready", "ready", "reddy", "now is good", "now is fine", "now works", "now is okay",
    "go ahead", "let us do it", "let us go", "i am listening", "i can listen", "i am here",
    "i am open", "let us talk", "good time", "fine", "sure thing", "i am all ears",
    "i have time", "i have got time", "this is a good time", "now is a good time",
    "as good a time as any", "as i will ever be", "let us get it over with", "i will listen",
    "i am all yours", "fire away", "go for it", "shoot", "i am good to go", "good to go",
    "happy to", "more than happy to",
)
DECLINE = _seqs(
    "not now", "not right now", "not a good time", "bad time", "can not", "i do not want",
    "i would rather not", "not in the mood", "not up for", "not ready", "i am not ready",
    "i do not think i can", "i am busy", "not tonight", "not today", "i can not do this",
    "i need a break", "no thanks", "i pass", "i will pass", "not really", "not feeling it",
)
_TIME_WORDS = frozenset({
    "later", "tomorrow", "tonight", "weekend", "morning", "afternoon", "evening", "minutes",
    "minute", "hour", "hours", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "week", "soon", "asleep", "bedtime", "lunch", "breakfast",
    "dinner", "sec", "o'clock", "oclock",
})
# A time proposed for later (not a time named to decline: "not tonight" is a no).
TIME = _seqs(
    "later", "later on", "tomorrow", "another time", "another day", "some other time",
    "can it wait", "can we wait", "can this wait", "could it wait", "how about", "what about",
    "when the kids", "once the kids", "in an hour", "in a bit", "in a while", "in a few",
    "in half an hour", "maybe after", "this weekend", "next week", "rain check",
    "another night", "when i get", "once i", "let us do it after", "after dinner",
    "after work", "after the", "after i", "after we", "after lunch", "after bedtime",
    "in the morning", "tomorrow morning", "tomorrow night", "on the weekend", "at the weekend",
    "on saturday", "on sunday", "on friday", "on monday", "on tuesday", "on wednesday",
    "on thursday", "saturday", "sunday", "before bed", "after tea", "after supper",
    "after breakfast", "after my", "after our", "after this", "this evening",
)

# --- endings and more -------------------------------------------------------------------------

DONE = _seqs(
    "that is all", "that is it", "that is everything", "that was it", "that was all",
    "nothing more", "nothing else", "no more", "i am done", "i am finished", "i am good",
    "that covers it", "covers it", "i said it all", "i have said it all", "said everything",
    "got it all out", "that is about it", "pretty much it", "that is pretty much it",
    "all done", "i think that is it", "i think that is all", "that is all i have",
    "that is all i had", "all i had", "all i have", "that is enough", "nothing", "done",
    "i am all done", "that sums it up", "that is the gist", "i think i am good",
    "i do not think so", "not right now", "i will leave it there", "leave it there",
    "no that is it", "that is really it", "that was everything", "i have nothing",
    "think that is everything", "that is what i wanted to say",
)
MORE = _seqs(
    "there is more", "one more thing", "one more", "another thing", "and another", "also",
    "oh and", "plus", "and also", "there is something else", "something else",
    "actually yes", "actually there is", "i have more", "a bit more", "a little more",
    "one other thing", "well actually", "wait", "there is one more",
)

# --- validation -------------------------------------------------------------------------------

_SENSE = frozenset({"sense", "sence", "since", "cents", "scents", "sends", "sens", "cense"})
_MAKE = frozenset({"make", "makes", "made", "making"})
VALIDATE = _seqs(
    "i can see why", "i can see how", "i can see that", "i see why", "i see how",
    "i get why", "i get how", "i can get why", "i can understand why", "i can understand how",
    "i can understand that", "i understand why", "i understand how", "i understand that",
    "i understand", "i can imagine why", "i can imagine how", "that is understandable",
    "it is understandable", "understandable", "no wonder", "of course you would",
    "of course you feel", "of course you felt", "i can see where you are coming from",
    "i get where you are coming from", "i see where you are coming from", "your feelings are valid",
    "that is valid", "it is valid", "you have a point", "that is fair", "i can see your point",
    "i see your point", "i get it", "i totally get it", "it would make anyone",
    "anyone would feel", "i would feel", "i would be", "i would probably feel",
    "i see that", "i can see it", "i hear why", "you are right to",
)
BUT = _seqs("but", "though", "however", "although", "except", "what about", "yet",
            "on the other hand", "then again", "still")
SARCASM = _seqs(
    "riiight", "riight", "rightt", "oh sure", "oh yeah sure", "yeah right", "sure sure",
    "oh of course", "oh totally", "oh absolutely", "oh great", "wow", "congratulations",
    "how convenient", "poor you", "boo hoo", "oh please", "sure jan", "oh definitely",
    "of course it does", "perfect sense", "total sense", "makes total sense", "oh right",
    "sure thing", "lol", "haha", "ha ha", "oh wow",
)
CONTEMPT = _seqs(
    "if you are a child", "like a child", "a child", "a baby", "like a baby", "so sensitive",
    "that sensitive", "too sensitive", "oversensitive", "so fragile", "fragile", "so dramatic",
    "dramatic", "as usual", "your problem", "your own problem", "on you", "grow up",
    "own little world", "for someone who", "for somebody who", "can not handle", "typical",
    "get over it", "get a grip", "i guess if you", "if you are that", "like always",
    "as always", "whiny", "whining", "crazy", "hysterical", "paranoid", "ridiculous",
    "pathetic", "silly", "stupid", "overreacting", "over reacting", "blowing it out of",
    "making a big deal", "your fault", "deal with it", "not my problem", "nobody else would",
    "only you would", "of all people", "spoiled", "needy", "lazy", "selfish", "again",
    "you always do", "you always", "you never",
)
DISMISS = _seqs(
    "whatever", "if you say so", "fine", "i guess", "sure", "ok fine", "okay fine",
    "i do not know", "i do not care", "who cares", "if that is what you think",
    "whatever you say", "fair enough i guess", "i suppose", "meh", "ok whatever",
    "sure whatever", "if you want", "all right then", "yeah yeah", "moving on",
)

# --- empathy ----------------------------------------------------------------------------------

IMAGINE = _seqs(
    "i imagine", "i can imagine", "you might be feeling", "you might feel", "you must be",
    "you must feel", "i bet you feel", "i bet you are", "you probably feel", "i guess you feel",
    "i guess you are", "maybe you feel", "you may be feeling", "i would guess you",
    "i picture you", "i sense you", "you seem", "i think you feel", "i think you might",
)
THINK = frozenset({"think", "thinks", "thought", "believe", "believes", "assume", "figure",
                   "figured", "decided", "consider", "reckon"})
QUESTION_LEADS = frozenset({"is", "are", "can", "could", "do", "does", "did", "would", "will",
                            "what", "why", "how", "where", "when", "who", "should", "have",
                            "has", "was", "were", "which", "wait"})
_PRAISE = frozenset({"laugh", "smile", "love", "loved", "help", "helps", "support", "care",
                     "kind", "patient", "thoughtful", "sweet", "generous", "remember", "grateful",
                     "appreciate", "thank", "thanks", "beautiful", "calm", "safe", "happy",
                     "warm", "funny", "good", "great", "proud", "lucky", "there", "listen"})

_ELONGATED = re.compile(r"([a-z])\1{2,}")
_ANSWER_WORDS = frozenset({w for seq in YES + NO + PARTLY + DONE for w in seq} | tn.FILLERS)

CUE_NAMES = (
    "yes_lead", "no_lead", "yes_any", "no_any", "strong_no", "partly", "correction",
    "content_after", "feelings", "question", "time", "time_words", "decline", "ready",
    "done", "more", "validate", "validate_negated", "but_after", "sarcasm", "contempt",
    "dismiss", "imagine", "thought", "feeling_kind", "blame_absolute", "blame_insult",
    "blame_fault", "praise", "i_feel", "short", "long", "negations", "first_person",
    "second_person", "only_answer", "elongated",
)


@lru_cache(maxsize=4096)
def cues(text: str) -> tuple[float, ...]:
    """Every cue of ``text``, in the order of ``CUE_NAMES``."""
    found = _cue_dict(text)
    return tuple(float(found.get(name, 0.0)) for name in CUE_NAMES)


def _cue_dict(text: str) -> dict[str, float]:
    source = tn.clean(text)
    ws = tn.words(source)
    words = [w.norm for w in ws]
    n = len(words)
    c: dict[str, float] = {}
    if not words:
        return {"short": 1.0}
    yes = _first(words, YES, within=3)
    no = _first(words, NO, within=3)
    c["yes_lead"] = 1.0 if yes else 0.0
    c["no_lead"] = 1.0 if no and not (yes and yes[0] < no[0]) else 0.0
    c["yes_any"] = 1.0 if _any(words, YES) else 0.0
    c["no_any"] = 1.0 if _any(words, NO) else 0.0
    c["strong_no"] = 1.0 if _any(words, STRONG_NO) else 0.0
    partly = _first(words, PARTLY)
    c["partly"] = 1.0 if partly and not (
        words[partly[0]:partly[0] + 3] == ["not", "even", "close"]) else 0.0
    c["correction"] = 1.0 if _any(words, CORRECTION) else 0.0
    # what is left once the answer words are taken away: new content to mirror
    rest = rules.addition_after_answer(source)
    weight = sum(tn.content_weight(w.norm) for w in tn.words(rest))
    c["content_after"] = min(weight, 4.0) / 4.0
    c["feelings"] = min(len(rules.feeling_words(text)), 3) / 3.0
    c["question"] = 1.0 if "?" in source or words[0] in QUESTION_LEADS else 0.0
    c["time"] = 1.0 if _any(words, TIME) else 0.0
    c["time_words"] = min(sum(w in _TIME_WORDS for w in words), 2) / 2.0
    c["decline"] = 1.0 if _any(words, DECLINE) else 0.0
    c["ready"] = 1.0 if _any(words, READY) else 0.0
    c["done"] = 1.0 if _any(words, DONE) else 0.0
    c["more"] = 1.0 if _any(words, MORE) else 0.0
    validate = _validation_at(words)
    c["validate"] = 1.0 if validate is not None and validate >= 0 else 0.0
    c["validate_negated"] = 1.0 if validate == -1 else 0.0
    if validate is not None and validate >= 0:
        c["but_after"] = 1.0 if _first(words[validate:], BUT) else 0.0
    else:
        c["but_after"] = 1.0 if _first(words, BUT) else 0.0
    c["sarcasm"] = 1.0 if _any(words, SARCASM) else 0.0
    c["contempt"] = 1.0 if _any(words, CONTEMPT) else 0.0
    c["dismiss"] = 1.0 if _any(words, DISMISS) else 0.0
    c["imagine"] = 1.0 if _any(words, IMAGINE) else 0.0
    kind = rules.empathy_kind(text)
    c["thought"] = 1.0 if kind == "thought" or any(w in THINK for w in words) else 0.0
    c["feeling_kind"] = 1.0 if kind == "feeling" else 0.0
    blame = rules.blame_kinds(text)
    c["blame_absolute"] = 1.0 if "absolute" in blame else 0.0
    c["blame_insult"] = 1.0 if "insult" in blame else 0.0
    c["blame_fault"] = 1.0 if "fault" in blame else 0.0
    c["praise"] = 1.0 if _PRAISE & set(words) else 0.0
    c["i_feel"] = 1.0 if _find(words, ("i", "feel")) >= 0 or _find(words, ("i", "felt")) >= 0 \
        else 0.0
    c["short"] = 1.0 if n <= 3 else 0.0
    c["long"] = min(n, 30) / 30.0
    c["negations"] = min(sum(w in tn.NEGATORS for w in words), 3) / 3.0
    c["first_person"] = 1.0 if tn.FIRST_PERSON & set(words) else 0.0
    c["second_person"] = 1.0 if tn.SECOND_PERSON & set(words) else 0.0
    c["only_answer"] = 1.0 if all(w in _ANSWER_WORDS for w in words) else 0.0
    c["elongated"] = 1.0 if _ELONGATED.search(source.lower()) else 0.0
    return c


def _validation_at(words: list[str]) -> int | None:
    """Where a validation starts; -1 when the only one is negated or asked; None if none."""
    negated = False
    for k, w in enumerate(words):
        if w in _MAKE:
            for j in range(k + 1, min(k + 5, len(words))):
                if words[j] in _SENSE:
                    between = words[k + 1:j]
                    before = words[max(0, k - 3):k]
                    # "does it make sense?" asks; "it does. it makes sense." says so
                    asked = k >= 2 and words[k - 2] in {"does", "do", "did"} and w != "makes"
                    # "no yeah, it makes sense", "no, that makes sense": a "no" before it
                    # reassures; only "no way it makes sense" denies it
                    denied = [x for i, x in enumerate(before) if x in tn.NEGATORS and (
                        x != "no" or before[i + 1:i + 2] == ["way"])]
                    if denied or any(x in tn.NEGATORS for x in between) or asked:
                        negated = True
                        break
                    return k
    for seq in VALIDATE:
        k = _find(words, seq)
        if k >= 0:
            before = words[max(0, k - 3):k + len(seq)]
            if seq[0] != "no" and any(x in tn.NEGATORS - {"no"} for x in before):
                negated = True
                continue
            return k
    # said with the negation inside: "I don't understand why", "I can't see how"
    for seq in VALIDATE:
        if seq[0] == "i" and len(seq) >= 3:
            core = seq[2:] if seq[1] == "can" else seq[1:]
            k = _find(words, core)
            if k >= 1 and any(x in tn.NEGATORS for x in words[max(0, k - 3):k]):
                negated = True
    return -1 if negated else None
