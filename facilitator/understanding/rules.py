"""What a partner's short turn means: validation, empathy, blame, a confirmation, consent,
"that's all", a safety concern, or a voice command.

All readers are pure functions of a transcript. They work on normalised words (see
``textnorm``: contractions expanded, so "don't" is "do not"), compare key words by sound
where speech recognition tends to slip ("makes sense" heard as "makes since"), and look at
negation before deciding: "that doesn't make sense" is not validation, "he would never hit
me" is not a safety concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from facilitator import textnorm as tn


def _norms(text: str) -> list[str]:
    return [w.norm for w in tn.words(text)]


def _line(text: str) -> str:
    """Normalised words joined by single spaces, padded so patterns can use word edges."""
    return " " + " ".join(_norms(text)) + " "


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


# --- validation ---------------------------------------------------------------------------------

_VALIDATION = _phrases(
    "i can see why", "i can see how", "i can see that", "i see why", "i see how",
    "i get why", "i get how", "i can get why", "i can understand why", "i can understand how",
    "i can understand that", "i understand why", "i understand how", "i understand that",
    "i can imagine why", "i can imagine how", "that is understandable", "it is understandable",
    "that is totally understandable", "understandable", "no wonder", "of course you would",
    "of course you feel", "of course you felt", "i can see where you are coming from",
    "i get where you are coming from", "i see where you are coming from",
    "your feelings are valid", "that is valid", "it is valid", "you have a point",
    "that is fair", "i can see your point", "i see your point",
)
_MAKE = frozenset({"make", "makes", "made", "making"})


def is_validation(text: str) -> bool:
    """"You make sense", "it makes sense that ...", "I can see why ..."; not when negated
    ("that doesn't make sense") or asked ("does that make sense?")."""
    words = _norms(text)
    for k, w in enumerate(words):
        if w in _MAKE:
            for j in range(k + 1, min(k + 5, len(words))):
                if _sounds_like_sense(words[j]):
                    between = words[k + 1:j]
                    if not (_negated_before(words, k) or any(x in tn.NEGATORS for x in between)
                            or _asked(words, k)):
                        return True
                    break
    for seq in _VALIDATION:
        k = _find(words, seq)
        if k >= 0 and not (seq[0] != "no" and _negated_before(words, k + len(seq) - 1, 4)):
            return True
    return False


def _sounds_like_sense(word: str) -> bool:
    # "sense" is often heard as "since", "cents" or "sends"
    return word in {"sense", "sence", "since", "cents", "scents", "sends", "sens"}


def _asked(words: list[str], k: int) -> bool:
    """"Does that make sense?": a question about one's own words, not validation."""
    return k >= 2 and words[k - 2] in {"does", "do", "did"} and words[k - 1] in {
        "that", "it", "this", "i", "any"}


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
_FEEL = frozenset({"feel", "feels", "felt", "feeling"})
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
})
_ABSOLUTES = _phrases(
    "you never", "you always", "you do not ever", "you never ever", "you constantly",
    "you are always", "you are never", "you can never", "you will never", "you would never",
    "you could never", "you only ever", "every single time you", "every time you",
    "you keep on", "you are constantly",
)
_FAULT = _phrases(
    "it is your fault", "it is all your fault", "that is your fault", "your fault",
    "what is wrong with you", "you make me so angry", "you make me crazy", "you make me sick",
    "you drive me crazy", "you drive me nuts", "you are just like your", "you are impossible",
    "you are the problem", "you ruin", "you ruined",
)
_PRAISE = frozenset({"laugh", "smile", "love", "loved", "help", "helps", "support", "care",
                     "kind", "patient", "thoughtful", "sweet", "generous", "remember",
                     "know", "knows", "listen", "special", "safe", "good", "better",
                     "happy", "beautiful", "calm", "there", "thank", "thanks",
                     "appreciate", "warm", "welcome", "gentle", "funny", "cheer"})
_NEVER_PRAISE = frozenset({"complain", "complains", "judge", "judges", "criticize",
                           "criticise", "give", "fail", "fails", "forget", "forgets", "let"})
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
    for k, w in enumerate(words):
        if w in _INSULTS and _aimed_at_you(words, k) and not _negated_before(words, k, 2):
            found.append((k, "insult", quote(k, 1)))
    return [(kind, q) for _, kind, q in sorted(found)]


def _praise(seq: tuple[str, ...], rest: list[str]) -> bool:
    if "never" in seq:
        # "you never fail to make me smile", "you never complain"
        return bool(rest) and rest[0] in _NEVER_PRAISE and not (
            rest[0] == "let" and rest[1:3] != ["me", "down"])
    return bool(_PRAISE & set(rest)) and not (_NEGATIVE & set(rest))


def _aimed_at_you(words: list[str], k: int) -> bool:
    """"you're so lazy", "you idiot", "such a jerk": said of the listener, not of oneself."""
    before = words[max(0, k - 4):k]
    if "i" in before or "me" in before or "myself" in before:
        return False
    return "you" in before or (k > 0 and words[k - 1] in {"such", "a", "an"} and "you" in
                               words[max(0, k - 6):k])


# --- the sender's replies ------------------------------------------------------------------------


@dataclass(frozen=True)
class Confirmation:
    kind: str  # "yes" | "no" | "almost" | "unclear"
    addition: str  # extra content the sender added ("I also said ..."), in their words


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


def read_confirmation(text: str) -> Confirmation:
    """The sender's answer to "did I get that?": yes, no, almost (with what was added), or
    unclear."""
    source = tn.clean(text)
    ws = tn.words(source)
    words = [w.norm for w in ws]
    if not words:
        return Confirmation("unclear", "")
    almost = _first(words, _ALMOST)
    yes = _first(words, _YES, within=3)
    no = _first(words, _NO, within=3)
    if almost is not None and not (almost[0] == 0 and words[:2] == ["not", "really"]):
        k, end = almost
        if words[k] == "also" and k > 0 and words[k - 1] in tn.SUBJECT_PRONOUNS:
            # "yes, and I also feel tired": the addition is the whole "I also feel tired"
            return Confirmation("almost", source[ws[k - 1].start:ws[-1].end].strip(" .,!?;:"))
        return Confirmation("almost", _addition(source, ws, end))
    if no is not None and (yes is None or no[0] <= yes[0]):
        return Confirmation("no", _addition(source, ws, no[1]))
    if yes is not None:
        rest = _addition(source, ws, yes[1])
        # "yes, and I also feel ..." adds something: that is "almost"
        return Confirmation("almost", rest) if _has_content(rest) and any(
            w in {"but", "and", "except", "also"} for w in words[yes[1]:yes[1] + 2]) else (
            Confirmation("yes", ""))
    return Confirmation("unclear", "")


def _first(words: list[str], table: tuple[tuple[str, ...], ...],
           within: int | None = None) -> tuple[int, int] | None:
    """(start, end) of the earliest (then longest) phrase of ``table`` in ``words``."""
    best: tuple[int, int] | None = None
    for seq in table:
        k = _find(words, seq)
        if k < 0 or (within is not None and k >= within):
            continue
        if best is None or k < best[0] or (k == best[0] and k + len(seq) > best[1]):
            best = (k, k + len(seq))
    return best


def _addition(source: str, ws: list[tn.Word], k: int) -> str:
    words = [w.norm for w in ws]
    while k < len(words):
        lead = _first(words[k:], _ADDITION_LEADS, within=1)
        if lead is None:
            break
        k += lead[1]
    if k >= len(ws):
        return ""
    return source[ws[k].start:ws[-1].end].strip(" .,!?;:")


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


def _has_content(text: str) -> bool:
    return sum(tn.content_weight(w) for w in _norms(text)) >= 1.0


_CONSENT_NO = _phrases(
    "not now", "not right now", "not a good time", "not really", "later", "maybe later",
    "another time", "not today", "tomorrow", "can we do this later", "can it wait",
    "give me a minute", "give me some time", "not yet", "no", "nope", "nah",
    "i would rather not", "not in the mood", "i am busy", "bad time", "now is not",
    "i need a break", "can we wait", "not tonight", "some other time", "i can not",
    "i do not want to", "i am not ready", "i am too tired", "i am not up for it",
)
_CONSENT_YES = _phrases(
    "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "alright", "all right", "i am ready",
    "ready", "now is good", "now is fine", "now works", "go ahead", "let us do it",
    "let us go", "i am listening", "of course", "absolutely", "i can listen", "good time",
    "fine", "definitely", "let us talk", "i am here", "i am open", "no problem",
)


def read_consent(text: str) -> str:
    """The receiver's answer to "is now a good time?": "yes", "no" ("not now", "later") or
    "unclear"."""
    words = _norms(text)
    if not words:
        return "unclear"
    if _find(words, ("no", "problem")) >= 0 and _first(words, _CONSENT_NO[:-1]) in (None, (0, 1)):
        return "yes"
    if _first(words, _CONSENT_NO) is not None:
        return "no"
    yes = _first(words, _CONSENT_YES)
    if yes is None or _negated_before(words, yes[0], 2):
        return "unclear"
    if words[0] in {"is", "are", "can", "could", "do", "does", "would", "will"} and yes[0] > 0:
        return "unclear"  # the question said back ("is now a good time?"), not an answer
    return "yes"


_DONE = _phrases(
    "that is all", "that is it", "that is everything", "nothing more", "nothing else",
    "no more", "i am done", "i am finished", "i have finished", "no", "nope", "no there is not",
    "there is not", "there is nothing more", "there is nothing else", "not really",
    "that covers it", "i said it all", "i have said it all", "i said everything",
    "i have said everything", "that is about it", "that is pretty much it", "all done",
    "i think that is it", "i think that is all", "done", "nothing",
)
_MORE = _phrases(
    "there is more", "one more thing", "yes", "yeah", "i also", "and another thing",
    "wait", "actually", "there is something else", "there is one more", "also",
)


def is_done(text: str) -> bool:
    """"No, that's all", "that's it", "nothing more", "no": the sender has no more to add."""
    words = _norms(text)
    if not words or _first(words, _MORE) is not None:
        return False
    marker = _first(words, _DONE)
    if marker is None:
        return False
    rest = words[:marker[0]] + words[marker[1]:]
    # anything said beyond the closer is a new chunk, not an ending
    return sum(tn.content_weight(w) for w in rest if w not in {"thank", "thanks"}) < 1.0


# --- safety ---------------------------------------------------------------------------------------

# Who does it: a pronoun, a relation, or a name (a capitalised word, checked after matching),
# so that "the news hit me hard" is not read as a blow.
_PEOPLE_WHO = frozenset({"he", "she", "they", "you"})
_RELATIONS = (r"(?:husband|wife|partner|boyfriend|girlfriend|ex|spouse|fiance|fiancee|dad|"
              r"father|mom|mother|stepfather|stepdad|brother|sister|son|daughter)")
_PARTNER = rf"(?P<who>my {_RELATIONS}|[a-z]+)"
_VICTIM = (r"(?:me|us|the kids|the children|my (?:son|daughter|kids|children|baby|arm|neck|"
           r"throat|hair|wrist|face|head)|him|her)")
_BLOW = (r"(?:hit|hits|hitting|punched|punches|punch|punching|slapped|slaps|slap|slapping|"
         r"kicked|kicks|kick|kicking|choked|chokes|choke|choking|strangled|strangles|strangle|"
         r"shoved|shoves|shove|beat|beats|beating|beaten|smacked|smacks|bit|bites|burned|"
         r"burns|pushed|pushes|grabbed|grabs|shook|shakes|shoves)")
# "it hit me", "beat me at chess", "pushed me to be better": not violence
_NOT_BLOW_AFTER = (r"(?! (?:up|with the|at|to|into (?:shape|action)|home|there|by|"
                   r"away|over the edge|hard that|that|when|like|in the (?:feels|heart)))")
_NEG = r"(?:not|never|no|nobody)"

_SELF_HARM = [
    re.compile(r" (?:kill|hurt|harm|cut|injure|cutting|hurting|harming|killing) myself"
               r"(?! laughing| with laughter)"),
    re.compile(r" end (?:my life|it all|my own life|things)"),
    re.compile(r" take my (?:own )?life"),
    re.compile(r" suicid"),
    re.compile(r" (?:want|wanted|going|wish|wishing) to die(?! laughing| of| for| to| from)"),
    re.compile(r" wish i (?:was|were) (?:dead|not alive|never born)"),
    re.compile(r" better off (?:dead|without me)"),
    re.compile(r" (?:do|does|did) not want to (?:live|be alive|be here|wake up)"),
    re.compile(r" no reason to live"),
    re.compile(r" can not go on living"),
]
_VIOLENCE = [
    re.compile(rf" {_PARTNER} (?:\w+ )?{_BLOW} {_VICTIM}\b{_NOT_BLOW_AFTER}"),
    re.compile(r" (?:hurt|hurts|hurting|injured) (?:me|us|the kids|the children|him|her) "
               r"physically"),
    re.compile(r" physically (?:hurt|hurts|hurting|harmed|attacked|abused)"),
    re.compile(r" threat\w* (?:to|that (?:he|she|they) would) (?:kill|hurt|hit|harm|shoot|stab)"),
    re.compile(r" threat\w* (?:me|us) with a (?:gun|knife|weapon)"),
    re.compile(r" (?:afraid|scared|terrified) (?:he|she|they|you) (?:will|would|is going to|"
               r"are going to|might) (?:hurt|hit|kill|harm)"),
    re.compile(r" (?:pulled|pointed|held|waved) a (?:gun|knife|weapon)"),
    re.compile(r" (?:going to|will|want to|wanted to|gonna|could|would like to) "
               r"(?:kill|stab|shoot|strangle) (?:you|him|her)\b(?! (?:if|when|for))"),
    re.compile(r" tried to (?:kill|strangle|choke|stab|shoot) (?:me|us|him|her)"),
    re.compile(r" afraid for my (?:life|safety)"),
    re.compile(r" throws? (?:things|stuff|\w+) at (?:me|us|the kids)"),
    re.compile(r" threw (?:things|stuff|\w+|a \w+) at (?:me|us|the kids)"),
]
_ABUSE = [
    re.compile(r" (?<!substance )(?<!drug )(?<!alcohol )abus(?:e|ed|es|ive|ing)\b"),
    re.compile(r" rape|raped"),
    re.compile(r" sexually (?:assaulted|abused|forced)"),
    re.compile(r" (?:forced|forces|made|makes) me (?:to )?have sex"),
    re.compile(r" (?:will not|does not|did not|would not) let me "
               r"(?:leave|see my (?:friends|family)|have (?:any )?money|go out|work)"),
    re.compile(r" not allowed to (?:leave|see my (?:friends|family)|go out|have money)"),
    re.compile(r" (?:takes|took) my (?:phone|money|keys|passport)(?: away)?"),
    re.compile(r" locks? me (?:in|out)"),
    re.compile(r" locked me (?:in|out)"),
    re.compile(r" (?:afraid|scared|terrified) of (?:him|her|you) ?$"),
    re.compile(r" controls (?:everything i do|where i go|who i see)"),
    re.compile(r" threat\w* to take (?:the kids|the children)"),
]


_RULE_KINDS = {"self-harm": "self-harm", "violence": "violence", "abuse": "coercive-control"}


def safety_kinds(text: str) -> set[str]:
    """Every kind of concern the precise patterns find (a cue for the safety reader)."""
    found = set()
    for sentence in re.split(r"[.!?;\n]+", tn.clean(text)):
        kind = safety_concern(sentence)
        if kind:
            found.add(_RULE_KINDS[kind])
    return found


def safety_concern(text: str) -> str | None:
    """"self-harm", "violence" or "abuse" when someone speaks of it; None otherwise.

    Figures of speech are not concerns ("I could kill for a coffee", "my feet are killing
    me", "it hit me that ..."), nor is emotional hurt ("you hurt me when you left"), nor a
    denial ("he has never hit me")."""
    for sentence in re.split(r"[.!?;\n]+", tn.clean(text)):
        line = _line(sentence)
        names = _names(sentence)
        for kind, patterns in (("self-harm", _SELF_HARM), ("violence", _VIOLENCE),
                               ("abuse", _ABUSE)):
            for pattern in patterns:
                for m in _overlapping(pattern, line):
                    who = m.groupdict().get("who")
                    if who and not (who in _PEOPLE_WHO or who.startswith("my ") or who in names):
                        continue
                    if not _denied(line, m):
                        return kind
    return None


_NOT_PEOPLE = tn.STOPWORDS | {"reality", "life", "news", "truth", "realization", "thought",
                               "idea", "wave", "car", "ball", "storm", "traffic", "door", "work",
                               "time", "age", "grief", "fear", "panic", "guilt", "shame",
                               "sadness", "loneliness", "stress", "anxiety", "depression"}


def _overlapping(pattern: re.Pattern, line: str):
    """Every match, also those that start inside an earlier one: in "when he hits me" the
    match "when (he) hits me" must not hide "he hits me"."""
    pos = 0
    while (m := pattern.search(line, pos)) is not None:
        yield m
        pos = m.start() + 1


def _names(sentence: str) -> set[str]:
    """Capitalised words: probably people ("Mark hit me"), unless they are everyday words
    that only start the sentence ("Reality hit me")."""
    names = set()
    for k, raw in enumerate(sentence.split()):
        w = raw.strip(".,!?;:'\"")
        if w[:1].isupper() and w != "I" and (k > 0 or w.lower() not in _NOT_PEOPLE):
            names.add(w.lower())
    return names


def _denied(line: str, m: re.Match) -> bool:
    """A negation just before or inside: "he would never hit me", "I am not suicidal".
    Patterns that are negative themselves ("won't let me", "don't want to live") only count
    a negation before them."""
    before = line[:m.start()].split()[-3:]
    if not re.search(rf"\b{_NEG}\b", m.group()):
        before += m.group().split()[:-1]
    return any(re.fullmatch(_NEG, w) for w in before)


# --- voice commands -------------------------------------------------------------------------------

_COMMANDS: dict[str, tuple[str, ...]] = {
    "repeat": ("repeat", "repeat that", "repeat it", "repeat please", "please repeat",
               "say that again", "say it again", "again", "come again", "what did you say",
               "pardon", "pardon me", "sorry what", "what", "one more time",
               "i did not catch that", "i did not hear that", "i did not hear you",
               "repeat the question", "say again", "what was that", "repeat yourself",
               "i missed that", "once more"),
    "slower": ("slower", "slow down", "speak slower", "talk slower", "more slowly",
               "speak more slowly", "talk more slowly", "too fast", "you are going too fast",
               "you are too fast", "a bit slower", "a little slower", "slower please",
               "slow it down"),
    "faster": ("faster", "speed up", "speak faster", "talk faster", "too slow",
               "you are too slow", "go faster", "quicker", "hurry up", "a bit faster",
               "a little faster", "faster please", "speed it up"),
    "voice": ("change voice", "change your voice", "change the voice", "another voice",
              "a different voice", "different voice", "use another voice", "switch voice",
              "try another voice", "other voice", "new voice", "try a different voice"),
    "louder": ("louder", "speak up", "speak louder", "a bit louder", "a little louder",
               "louder please", "i cannot hear you", "turn it up", "volume up",
               "turn the volume up", "could you speak up"),
    "quieter": ("quieter", "softer", "speak softer", "speak more softly", "speak more quietly",
                "not so loud", "too loud", "that is too loud", "a bit too loud",
                "that is a bit too loud", "a little too loud", "that is a little too loud",
                "turn it down", "volume down",
                "turn the volume down", "a bit quieter", "a bit softer"),
    "pause": ("pause", "wait", "hold on", "hang on", "one moment", "one second",
              "just a moment", "just a second", "give us a minute", "give me a minute",
              "give me a moment", "give us a moment", "take a break", "let us take a break",
              "let us pause", "pause please", "time out", "pause the session",
              "pause for now", "let us pause for now"),
    "resume": ("resume", "continue", "go on", "let us go on", "let us continue", "carry on",
               "keep going", "we are back", "i am back", "unpause", "let us keep going",
               "let us resume", "please continue", "continue please", "resume the session",
               "we can continue"),
    "help": ("help", "help me", "help please", "what do i do", "what do i do now",
             "what do i say", "what should i say", "what should i do", "what now",
             "i am lost", "i do not know what to do", "i do not know what to say",
             "what is next", "how does this work", "i am confused", "what do we do now",
             "what am i supposed to do", "what am i supposed to say", "what do we do",
             "i need help", "what do i say now"),
    "skip": ("skip", "skip this", "skip that", "skip it", "skip this part", "skip this step",
             "next", "next step", "next part", "move on", "let us move on", "skip ahead",
             "next please"),
    "back": ("back", "go back", "let us go back", "previous", "previous step", "back up",
             "undo", "go back one step", "back please", "one step back", "the previous step",
             "step back"),
    "stop": ("stop", "stop the session", "stop session", "end the session", "end session",
             "let us stop", "let us stop here", "let us end here", "quit", "exit",
             "we are done for today", "that is enough for today", "stop please", "stop now",
             "stop here", "we are finished for today", "let us finish here",
             "let us call it a day", "stop the dialogue", "end the dialogue",
             "let us end the session", "please stop",
             # how couples end a hard talk: "let's stop here for today"
             "stop for today", "stop here for today", "let us stop for today",
             "let us stop here for today", "stop for now", "let us stop for now",
             "let us stop here for now", "let us leave it here for today",
             "let us leave it there for today", "let us end here for today"),
}
# Wishes that may lead into these commands ("I want to stop"), but not into "help" or
# "repeat": "I want to help" is sharing.
_WISH_COMMANDS = frozenset({"stop", "pause", "back", "skip", "resume"})
_WISH_LEADS = _phrases("i want to", "we want to", "i would like to", "we would like to",
                       "i need to", "we need to")
_POLITE = frozenset({"please", "hey", "ok", "okay", "um", "uh", "er", "erm", "so", "just",
                     "now", "sorry", "thanks", "thank", "you", "maybe", "facilitator", "oh",
                     "well", "alright", "right", "no", "yes", "yeah"})
_ASK_LEADS = _phrases("can you", "could you", "would you", "will you", "can we", "could we",
                      "would you mind", "do you mind")
_COMMAND_TABLE = {" ".join(_norms(p)): name for name, ps in _COMMANDS.items() for p in ps}


def read_command(text: str) -> str | None:
    """A voice command ("repeat", "slower", "faster", "pause", "resume", "help", "skip",
    "back", "stop") when the whole utterance is essentially that command; None when the
    words are part of sharing ("I need you to stop interrupting me")."""
    words = _norms(text)
    if not words or len(words) > 9:
        return None
    # "Sorry, can you say that again?": politeness may come before the request itself.
    while len(words) > 1 and words[0] in _POLITE - {"you"}:
        words = words[1:]
    for lead in _ASK_LEADS:
        if tuple(words[:len(lead)]) == lead:
            words = words[len(lead):]
            break
    wished = False
    for lead in _WISH_LEADS:
        if tuple(words[:len(lead)]) == lead:
            words, wished = words[len(lead):], True
            break
    core = _trim_polite(words)
    if not core:
        return None
    name = _COMMAND_TABLE.get(" ".join(core))
    if name is None:
        name = _near_command(" ".join(core))
    if name is None or (wished and name not in _WISH_COMMANDS):
        return None
    return name


_TRAILING = _phrases("a second", "a moment", "a minute", "a bit", "a little", "a little bit",
                     "for a second", "for a moment", "for a minute", "for me", "for us")


def _trim_polite(words: list[str]) -> list[str]:
    """The command without "please", "okay", "can you", "... a bit" around it."""
    lo, hi = 0, len(words)
    while lo < hi and words[lo] in _POLITE:
        lo += 1
    changed = True
    while changed and hi > lo:
        changed = False
        while hi > lo and words[hi - 1] in _POLITE - {"now"}:
            hi, changed = hi - 1, True
        for tail in sorted(_TRAILING, key=len, reverse=True):
            if hi - lo > len(tail) and tuple(words[hi - len(tail):hi]) == tail:
                hi, changed = hi - len(tail), True
                break
    return words[lo:hi]


def _near_command(core: str) -> str | None:
    """A command the recogniser bent a little ("slow dawn", "stop the sessions")."""
    if len(core) < 5:
        return None
    best, name = 0.0, None
    for phrase, command in _COMMAND_TABLE.items():
        if len(phrase) < 5:
            continue
        score = fuzz.ratio(core, phrase)
        if score > best:
            best, name = score, command
    return name if best >= 88 else None
