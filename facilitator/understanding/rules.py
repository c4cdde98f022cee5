"""Small word-level readers the understanding layer builds on: the feeling words a turn
names, whether an empathy guess names a feeling or a thought, blame and its kinds, and what a
reply adds once its answer words ("yes", "almost", "you missed ...") are taken away.

They are pure functions of a transcript over normalised words (see ``textnorm``:
contractions expanded, so "don't" is "do not"), and they look at negation before deciding:
"I don't feel heard" names a feeling; "you never listen" is blame, "you never fail to make
me laugh" is not.
"""

from __future__ import annotations

import re

from facilitator import textnorm as tn


def _norms(text: str) -> list[str]:
    return [w.norm for w in tn.words(text)]


def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_norms(item)) for item in items)


def _find(words: list[str], seq: tuple[str, ...], start: int = 0) -> int:
    """Where ``seq`` first occurs in ``words`` from ``start``, or -1."""
    n = len(seq)
    k = start
    while True:
        try:
            k = words.index(seq[0], k)
        except ValueError:
            return -1
        if tuple(words[k:k + n]) == seq:
            return k
        k += 1


def _negated_before(words: list[str], k: int, window: int = 3) -> bool:
    return any(w in tn.NEGATORS for w in words[max(0, k - window):k])


# --- feelings and empathy -----------------------------------------------------------------------

_MULTIWORD_FEELINGS = tuple(sorted((tuple(f.split()) for f in tn.FEELINGS_LEXICON if " " in f),
                                   key=len, reverse=True))
# An everyday word doubles as a feeling ("small", "used", "lost") only after these, with
# degree words in between: "I felt so small", "you must be kind of lost".
_FEELING_VERBS = frozenset({"feel", "feels", "felt", "feeling", "am", "is", "are", "was", "were",
                            "be", "been", "being", "get", "gets", "got", "getting", "become",
                            "became", "seem", "seems", "seemed", "look", "looks", "looked",
                            "left", "stay", "stayed"})
_DEGREE = frozenset({"so", "very", "really", "quite", "pretty", "too", "little", "bit",
                     "kind", "sort", "of", "somewhat", "just", "also", "still", "terribly",
                     "deeply", "completely", "totally", "utterly", "incredibly", "more", "less",
                     "most", "not", "never", "always", "sometimes", "often", "a lot"})


def _in_feeling_place(words: list[str], k: int, found: list[tuple[int, int, str]]) -> bool:
    j = k - 1
    while j >= 0 and (words[j] in _DEGREE or words[j] == "a" and words[j + 1] in {
            "bit", "little", "lot"}):
        j -= 1
    if j < 0:
        return False
    if words[j] in _FEELING_VERBS:
        return True
    # "sad and small": joined to a feeling just named
    return words[j] in {"and", "or", "but"} and bool(found) and found[-1][1] == j


def _feeling_spans(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) for each feeling word. Everyday words that double as feelings
    ("small", "used", "lost") count only after "feel", "be" and the like."""
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        for seq in _MULTIWORD_FEELINGS:
            if tuple(words[k:k + len(seq)]) == seq:
                found.append((k, k + len(seq), " ".join(seq)))
                k += len(seq)
                break
        else:
            w = words[k]
            spelled = [x for x in tn.PHRASE_WORDS.get(w, ()) if x in tn.FEELINGS_LEXICON]
            if spelled:  # "leftout" is "left out"
                found.append((k, k + 1, spelled[0]))
            elif w not in tn.STOPWORDS and tn.is_feeling(w):
                ambiguous = w in tn.AMBIGUOUS_FEELINGS or w not in tn.FEELINGS_LEXICON and (
                    w not in tn.FEELING_NOUNS) and tn.stem(w) in tn.LIGHT
                if not ambiguous or _in_feeling_place(words, k, found):
                    found.append((k, k + 1, w))
            k += 1
    return found


def feeling_words(text: str) -> list[str]:
    """Feeling words from the feelings lexicon, in the order said, each once."""
    out: list[str] = []
    for _, _, word in _feeling_spans(_norms(text)):
        if word not in out:
            out.append(word)
    return out


_THOUGHT_LEADS = frozenset({"that", "like", "as"})
_THINK = frozenset({"think", "thinks", "thought", "believe", "believes", "believed", "assume",
                    "guess", "figure"})
_FEEL = tn.FEEL_FORMS
_NOT_A_THOUGHT = frozenset({"way", "much", "bad", "good", "strongly", "often", ""})
_PEOPLE = tn.PRONOUNS | {"nobody", "everybody", "everyone", "no", "the", "my", "your", "our"}


def empathy_kind(text: str) -> str:
    """"feeling" if the empathy names a feeling, "thought" if it names a thought instead
    ("I imagine you feel that I don't care"), else "none"."""
    words = _norms(text)
    thought_from: list[int] = []  # where a thought clause starts
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        after = words[k + 2] if k + 2 < len(words) else ""
        thought_lead = nxt in _THOUGHT_LEADS and (
            after in _PEOPLE or (nxt == "that" and after not in _NOT_A_THOUGHT))
        if (w in _FEEL and (thought_lead or nxt in tn.PRONOUNS - {"it"})) or w in _THINK:
            thought_from.append(k + 1)
    spans = _feeling_spans(words)
    for start, _, _ in spans:
        owner_thought = [t for t in thought_from if t <= start]
        if not owner_thought:
            return "feeling"
        # "you feel like you're invisible": a thought about oneself that names a feeling
        clause = words[owner_thought[-1]:start]
        if "you" in clause and not ({"i", "me", "he", "she", "they", "we"} & set(clause)):
            return "feeling"
        if any(w in {"and", "but", "so"} for w in clause):
            return "feeling"
    return "thought" if thought_from else "none"


# --- blame ----------------------------------------------------------------------------------------

_INSULTS = frozenset({
    "idiot", "stupid", "moron", "jerk", "lazy", "selfish", "useless", "pathetic", "crazy",
    "psycho", "loser", "liar", "bitch", "bastard", "asshole", "dumb", "worthless", "childish",
    "immature", "ridiculous", "hopeless", "incompetent", "insane", "nag", "slob", "narcissist",
    "baby", "coward", "cold", "heartless", "clueless", "spoiled", "hysterical", "dramatic",
    "irresponsible", "inconsiderate", "disgusting", "ungrateful", "cheap", "arrogant",
    "lunatic", "nutter", "nutcase", "headcase", "psychopath", "brat", "hypocrite", "snob",
    "cow",
})
# Words between "he's" and the name he is called: "he's basically useless", "she's an absolute
# cow".
_CALLED_LEADS = frozenset({"a", "an", "such", "so", "absolute", "total", "complete", "basically",
                           "just", "really", "utterly", "bloody", "totally", "completely",
                           "being", "the", "most", "right"})
# People other than the partner a "he" or "she" may be: "my boss is a nightmare, she's so
# lazy" speaks of the boss.
_OTHERS = frozenset({"mum", "mom", "mother", "dad", "father", "sister", "brother", "boss",
                     "friend", "colleague", "coworker", "teacher", "coach", "neighbour",
                     "neighbor", "son", "daughter", "uncle", "aunt", "cousin", "nan", "gran",
                     "grandad", "grandma", "grandpa", "manager", "ex", "kid", "baby", "child",
                     "mate", "landlord", "doctor", "guy", "girl", "man", "woman", "lad"})
_ABSOLUTES = _phrases(
    "you never", "you always", "you do not ever", "you never ever", "you constantly",
    "you are always", "you are never", "you can never", "you will never", "you would never",
    "you could never", "you only ever", "every single time you", "every time you",
    "you keep on", "you are constantly", "you have never", "you have not once",
    "not once in",
)
_FAULT = _phrases(
    "it is your fault", "it is all your fault", "that is your fault", "your fault",
    "what is wrong with you", "you make me so angry", "you make me crazy", "you make me sick",
    "you drive me crazy", "you drive me nuts", "you are just like your", "you are impossible",
    "you are the problem", "you ruin", "you ruined",
    # the cause put on the partner: "I'm stressed all the time because of you"
    "down to you", "that is on you", "this is on you", "it is on you",
    "is all on you", "you are the reason", "the reason is you",
)
# (and the recogniser's "cause of you", "cos of you")
_BECAUSE_OF_YOU = re.compile(r"\b(?:because|cause|cos|coz|cuz) of you\b", re.IGNORECASE)
_PRAISE = frozenset({"laugh", "smile", "love", "loved", "help", "helps", "support", "care",
                     "kind", "patient", "thoughtful", "sweet", "generous", "remember",
                     "know", "knows", "listen", "special", "safe", "good", "better",
                     "happy", "beautiful", "calm", "there", "thank", "thanks",
                     "appreciate", "warm", "welcome", "gentle", "funny", "cheer",
                     # kindnesses done: "you always hug me when I get in"
                     "hug", "hugs", "cook", "cooks", "kiss", "kisses",
                     "notice", "notices", "surprise", "surprises", "encourage", "encourages",
                     "comfort", "comforts", "means"})
_NEVER_PRAISE = frozenset({"complain", "complains", "judge", "judges", "criticize",
                           "criticise", "give", "fail", "fails", "forget", "forgets", "let",
                           "letdown"})
# "you never once complained", "never judged": the same praise in the past tense
_NEVER_PRAISE_STEMS = frozenset(tn.stem(w) for w in _NEVER_PRAISE - {"let", "letdown"})
_NEGATIVE = frozenset({"not", "forget", "forgets", "late", "ignore", "ignores", "interrupt",
                       "interrupts", "criticize", "yell", "yells", "leave", "mess", "blame",
                       "complain", "complains", "nag", "lie", "lies", "cutoff"})


def find_blame(text: str) -> list[str]:
    """Blame phrases in the order said: "you never", "you always", "it's your fault",
    name-calling. Praise is not blame: "you always make me laugh"."""
    return [quote for _, quote in _blame(text)]


def blame_kinds(text: str) -> set[str]:
    """Which kinds of blame the text holds: "absolute", "fault", "insult"."""
    return {kind for kind, _ in _blame(text)}


def _blame(text: str) -> list[tuple[str, str]]:
    source = tn.clean(text)
    ws = tn.words(source)
    words = [w.norm for w in ws]
    found: list[tuple[int, str, str]] = []

    def quote(k: int, n: int) -> str:
        return source[ws[k].start:ws[k + n - 1].end].lower()

    for seq in _ABSOLUTES:
        k = _find(words, seq)
        while k >= 0:
            rest = words[k + len(seq):k + len(seq) + 6]
            if not _praise(seq, rest) and not any(pos == k for pos, _, _ in found):
                found.append((k, "absolute", quote(k, len(seq))))
            k = _find(words, seq, k + 1)
    for seq in _FAULT:
        k = _find(words, seq)
        if k >= 0 and not _negated_before(words, k, 2) and not any(
                pos <= k < pos + 4 for pos, _, _ in found):
            found.append((k, "fault", quote(k, len(seq))))
    # "because of you": said on the words as written, since "because of" and "because" are
    # one word to the normaliser, and "because you remembered" is no blame
    # (found in the words as written, not in a lower-cased copy, whose offsets shift where a
    # letter lower-cases to two: "İlayda said it: because of you")
    for hit in _BECAUSE_OF_YOU.finditer(source):
        k = next((j for j, w in enumerate(ws) if w.start >= hit.start()), len(ws))
        # one fault said once: a fault phrase just before it is the same charge ("it's down to
        # you, because of you"), an absolute before it is another ("you always lie, because
        # of you nobody trusts us")
        if not _negated_before(words, k, 2) and not any(
                pos <= k < pos + 4 and kind == "fault" for pos, kind, _ in found):
            found.append((k, "fault", source[hit.start():hit.end()].lower()))
    for k, w in enumerate(words):
        if w in _INSULTS and _aimed_at_you(words, k) and not _negated_before(words, k, 2):
            found.append((k, "insult", quote(k, 1)))
    line = " " + " ".join(words) + " "
    for hit in _VERDICT_ON_YOURS.finditer(line):
        k = line[:hit.start() + 1].count(" ") - 1
        if not _negated_before(words, k, 2) and not any(pos == k for pos, _, _ in found):
            found.append((k, "insult", quote(k, len(hit.group().split()))))
    return [(kind, q) for _, kind, q in sorted(found)]


# A verdict on the partner's doing or their people: "the way you drive is a joke", "your
# mother is a nightmare", "your friends are a bad influence"; not "my mum is a nightmare",
# "the traffic is a joke", "your mum's hip is a nightmare" (a word of theirs, not them).
_VERDICT_ON_YOURS = re.compile(
    r" (?:your (?:whole |best |so called |precious |little |old )?\w+ |the way you "
    r"(?:\w+ ){1,3}?)(?:is|are|was|were) (?:just |such |"
    r"honestly |frankly |a bit |really |so |totally |always )?(?:a joke|a nightmare|a disaster|"
    r"a mess|pathetic|embarrassing|a bad influence|toxic|appalling|atrocious|rubbish|a "
    r"liability|a waste of space|the worst|useless|hopeless|a car crash|a train wreck|"
    r"laughable|a shambles)\b")


# Harm that "never" turns into praise when it is done to the speaker: "you never yell at
# me", "you never make me feel silly".
_NEVER_HARM = frozenset({"yell", "shout", "snap", "interrupt", "ignore", "rush", "pressure",
                         "push", "nag", "blame", "belittle", "mock", "shame", "lecture",
                         "patronise", "patronize", "guilt", "pressured"})
_NEVER_HARM_STEMS = frozenset(tn.stem(w) for w in _NEVER_HARM)
_PUT_DOWN = frozenset({"silly", "stupid", "small", "bad", "dumb", "useless", "worthless",
                       "ugly", "wrong", "unwelcome", "unimportant", "judged", "guilty",
                       "ashamed", "embarrassed", "rushed", "pressured", "unwanted", "invisible",
                       "inadequate", "awkward", "foolish", "crazy", "needy"})


def _praise(seq: tuple[str, ...], rest: list[str]) -> bool:
    if "never" in seq:
        # "you've never once let me down": the emphasis is no part of what is done
        while rest and rest[0] in ("once", "ever", "really", "actually", "even"):
            rest = rest[1:]
        # "you never fail to make me smile", "you never complain", "you never let me down"
        # (heard as one word, "letdown")
        if rest and (rest[0] in _NEVER_PRAISE or tn.stem(rest[0]) in _NEVER_PRAISE_STEMS) and not (
                rest[0] == "let" and rest[1:3] != ["me", "down"]):
            return True
        # "you never yell at me", "you never make me feel silly for asking": no harm done
        # to the speaker, ever, is praise ("you never make me feel special" is not)
        harm = bool(rest) and tn.stem(rest[0]) in _NEVER_HARM_STEMS and (
            "me" in rest[1:3])
        made_to_feel = rest[:3] in (["make", "me", "feel"], ["made", "me", "feel"]) and len(
            rest) > 3 and rest[3] in _PUT_DOWN
        return harm or made_to_feel
    return bool(_PRAISE & set(rest)) and not (_NEGATIVE & set(rest))


def praised(rest: list[str]) -> bool:
    """Do the words after a "you" praise ("you hug me", "you make me laugh")?"""
    return _praise(("you",), rest)


def _aimed_at_you(words: list[str], k: int) -> bool:
    """"you're so lazy", "you idiot", "such a jerk": said of the listener, not of oneself."""
    before = words[max(0, k - 4):k]
    # "I feel like I'm married to a lazy slob", "I live with a liar": still the partner,
    # when the name ends the phrase ("married to a selfish man's mother" is someone else)
    wider = words[max(0, k - 6):k]
    # (the speaker's own marriage: "I'm married to a liar", not "my brother married a liar")
    wed = next((j for j in range(max(0, k - 4), k) if words[j] in {"married", "marry"}), None)
    spouse = "i" in wider and (wed is not None and "i" in words[max(0, wed - 3):wed] and not (
        {"my", "his", "her", "their", "your", "our"} & set(words[max(0, wed - 3):wed]))
        or "with" in before and {"living", "live"} & set(wider))
    if spouse:
        j = k + 1
        while j < len(words) and words[j] in _INSULTS:
            j += 1
        return j == len(words) or words[j] in {"and", "but", "who", "that", "so", "because"}
    if "i" in before or "me" in before or "myself" in before:
        return False
    # the partner spoken of to the facilitator: "he's basically useless with money", "she's
    # an absolute cow to my mother" (not after another person named: "my boss, she's lazy")
    j = k - 1
    while j >= 0 and words[j] in _CALLED_LEADS:
        j -= 1
    if j >= 1 and words[j] in {"is", "was"} and words[j - 1] in {"he", "she"} and not (
            _OTHERS & set(words[:j - 1])) and "you" not in words[:j - 1]:
        return True
    # a word for someone else or a thing, not a name for the listener: "how tired you are
    # and the baby not sleeping", "you and your brother" (but "you are the baby here")
    if k > 0 and (words[k - 1] in {"my", "our", "his", "her", "their"} or words[k - 1] == "the"
                  and (k < 2 or words[k - 2] not in {"are", "were", "be", "being", "is"})):
        return False
    return "you" in before or (k > 0 and words[k - 1] in {"such", "a", "an"} and "you" in
                               words[max(0, k - 6):k])


# --- the sender's replies ------------------------------------------------------------------------


_YES = _phrases(
    "yes", "yeah", "yep", "yup", "yea", "that is right", "right", "exactly", "correct",
    "you got it", "you got it all", "you did", "perfect", "absolutely", "definitely",
    "uh huh", "mm hmm", "mhm", "sure", "totally", "spot on", "that is it", "you heard me",
    "precisely", "that is true", "true", "i think so", "pretty much", "you nailed it",
    "that is what i said", "that is exactly it", "yes you did",
)
_NO = _phrases(
    "no", "nope", "nah", "not really", "not at all", "that is not it",
    "that is not what i said", "that is not right", "you did not", "wrong",
    "not what i meant", "i did not say that", "that is not what i meant", "not exactly",
)
_ALMOST = _phrases(
    "almost", "all most", "mostly", "nearly", "close", "partly", "partially", "not quite",
    "kind of", "sort of", "some of it", "most of it", "a little", "yes but", "yeah but",
    "except", "you missed", "you left out", "you forgot", "i also said", "also",
    "one more thing", "there was one more thing", "there is one more thing", "but also",
    "you got most of it", "you got some of it", "not all of it",
)
# Words that lead into the added part and are not part of it.
_ADDITION_LEADS = _phrases(
    "i also said that", "i also said", "i said that", "i said", "i also mentioned that",
    "i also mentioned", "i mentioned", "what i said was", "the part about", "you missed that",
    "you missed the part about", "you missed", "you left out that", "you left out the part about",
    "you left out", "you forgot that", "you forgot the part about", "you forgot", "also that",
    "also", "and also", "and", "but", "that", "is that", "was that", "there was",
    "one more thing", "there is one more thing", "there was one more thing", "except that",
    "except",
)


def _first(words: list[str], table: tuple[tuple[str, ...], ...],
           within: int | None = None) -> tuple[int, int] | None:
    """(start, end) of the earliest (then longest) phrase of ``table`` in ``words``."""
    best: tuple[int, int] | None = None
    present = set(words)  # most phrases of a table do not even start in a short turn
    for seq in table:
        if seq[0] not in present:
            continue
        k = _find(words, seq)
        if k < 0 or (within is not None and k >= within):
            continue
        if best is None or k < best[0] or (k == best[0] and k + len(seq) > best[1]):
            best = (k, k + len(seq))
    return best


def addition_after_answer(text: str) -> str:
    """What is left of a reply once its answer words ("yes", "almost", "no, not quite",
    "you missed ...") are taken away: the part that is new content, in the speaker's words."""
    source = tn.clean(text)
    ws = tn.words(source)
    words = [w.norm for w in ws]
    k = 0
    while k < len(words):
        lead = _first(words[k:], _ANSWER_LEADS, within=1)
        if lead is None:
            break
        k += lead[1]
    if k >= len(ws):
        return ""
    return source[ws[k].start:ws[-1].end].strip(" .,!?;:")


_ANSWER_LEADS = _YES + _NO + _ALMOST + _ADDITION_LEADS + _phrases(
    "um", "uh", "well", "so", "oh", "hmm", "honestly", "ok", "okay", "i mean", "like", "not",
    "quite", "really", "it was", "it is", "was", "is", "more", "more like", "actually",
    "i think", "i guess", "pretty much", "though", "nuh uh", "uh uh", "nuh", "nah", "nope",
    "not really", "no way",
)
