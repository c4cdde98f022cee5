"""Reading the answers of the setup: a first name, which dialogue, who shares first, and
"check the sound".

Plain strings in, small answers out, like the rest of the layer. Yes and no, commands and
safety are read by ``Understanding.turn`` as at any other step (a wish about the voice, "it's
a bit fast", is the voice command it names); these readers cover what only the setup asks.

Names come through speech recognition, which mishears them more than any other word: a
name is never taken silently. ``read_name`` only finds what the words say ("Maya", "I'm
Maya", "no, it's Maya", "M A Y A" spelled out); the setup reads it back and asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from metaphone import doublemetaphone
from rapidfuzz import fuzz

# Letters with joining marks, apostrophes and hyphens inside a word: "Anne-Marie", "O'Brien".
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", re.UNICODE)
_SPELLED_WORD = re.compile(r"^[^\W\d_](?:-[^\W\d_])+$", re.UNICODE)  # "M-A-Y-A"
MAX_NAME = 40

# Words around a name that are not part of it: answers, fillers, greetings, politeness.
_AROUND = frozenset({
    "um", "uh", "er", "erm", "hmm", "mm", "oh", "ah", "well", "so", "okay", "ok", "alright",
    "yes", "yeah", "yep", "yup", "no", "nope", "nah", "sorry", "actually", "hi", "hello", "hey",
    "right", "sure", "please", "thanks", "thank", "you", "just", "quite", "almost", "close",
    "wrong", "correct", "exactly", "that's", "thats", "that", "is", "it's", "its", "it", "here",
    "speaking", "and", "but", "though", "then", "again", "only", "also", "not",
})
# Phrases that lead into a name ("my name is Maya"); the longest is taken away first. After
# a strong one the next words are the name; after a weak one ("it's", "I'm") only a word the
# recogniser wrote as a name (capitalised), in a short answer: "it's going to be..." is not.
_STRONG_LEADS = ("my name is", "my name's", "name's", "the name is", "the name's", "call me",
                 "you can call me", "just call me", "they call me", "people call me", "i go by",
                 "i'm called", "i am called", "my first name is", "first name",
                 "his name is", "her name is", "their name is", "my partner's name is")
_WEAK_LEADS = ("i am", "i'm", "im", "it is", "it's", "its", "this is", "it should be",
               "should be", "i said", "i meant", "it was", "he is", "he's", "she is", "she's",
               "they are", "they're", "my partner is", "my wife is", "my husband is",
               "this one is", "and i'm", "and i am", "and this is")
_LEADS = tuple(sorted((tuple(p.split()) for p in _STRONG_LEADS + _WEAK_LEADS), key=len,
                      reverse=True))
_STRONG = frozenset(tuple(p.split()) for p in _STRONG_LEADS)
#: A weak lead is trusted only in an answer this short.
_SHORT_ANSWER = 7
# Words that are never a first name said alone in answer to "what's your name?".
_NOT_NAMES = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "my", "your", "our", "his", "her",
    "their", "we", "i", "me", "he", "she", "they", "them", "us", "name", "names", "first",
    "second", "partner", "what", "who", "why", "how", "when", "where", "was", "were", "be",
    "been", "have", "has", "had", "do", "does", "did", "not", "don't", "can't", "won't",
    "know", "think", "want", "would", "could", "should", "say", "said", "tell", "told", "rather",
    "prefer", "skip", "pass", "nothing", "none", "anything", "something", "nobody", "anyone",
    "dialogue", "appreciation", "sound", "voice", "louder", "quieter", "slower", "faster",
    "good", "fine", "great", "ready", "time", "today", "now", "there", "this", "these", "those",
    "am", "are", "if", "or", "as", "at", "by", "from", "like", "about", "really", "very",
    "thing", "things", "mine", "yours", "ours",
})


@dataclass(frozen=True)
class NameReading:
    name: str
    spelled: bool = False  # spelled out letter by letter: taken as written, not by sound


def read_name(text: str) -> NameReading | None:
    """The first name an answer gives, or None when it gives none.

    "Maya." / "I'm Maya." / "My name is Maya." / "No, it's Maya, M A Y A." / "Anne-Marie".
    At most two words make a name ("Mary Ann"); a longer answer is a sentence, not a name.
    """
    tokens = _TOKEN.findall(text.replace("\u2019", "'"))
    spelled = _spelled(tokens)
    if spelled:
        return NameReading(spelled, spelled=True)
    words = list(tokens)
    lowered = [w.lower() for w in words]
    # "not Dan, Daniel": the name after "not" is the one being put right, not the name.
    keep = [True] * len(words)
    for k, w in enumerate(lowered):
        if w == "not" and k + 1 < len(words) and lowered[k + 1] not in _AROUND:
            keep[k] = keep[k + 1] = False
    words = [w for w, kept in zip(words, keep) if kept]
    lowered = [w.lower() for w in words]
    # "My name is Tom, and I'm ready": the words right after a lead are the name.
    for k in range(len(words)):
        lead = _lead_at(lowered, k)
        if not lead:
            continue
        after = _name_words(words, lowered, k + lead)
        strong = tuple(lowered[k:k + lead]) in _STRONG
        if after and (strong or (len(words) <= _SHORT_ANSWER and after[0][:1].isupper())):
            return _reading(after)
    found: list[str] = []
    position = 0
    while position < len(words):
        lead = _lead_at(lowered, position)
        if lead:
            position += lead
            continue
        if lowered[position] not in _AROUND and (
                not found or found[-1].lower() != lowered[position]):  # "Maya. Maya."
            found.append(words[position])
        position += 1
    if not found or len(found) > 2 or any(w.lower() in _NOT_NAMES for w in found):
        return None
    return _reading(found)


def _lead_at(lowered: list[str], k: int) -> int:
    """How many words a lead phrase ("my name is") takes at ``k``; 0 when none starts there."""
    for phrase in _LEADS:
        if tuple(lowered[k:k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _name_words(words: list[str], lowered: list[str], k: int) -> list[str]:
    out: list[str] = []
    while k < len(words) and len(out) < 2:
        if lowered[k] in _AROUND or lowered[k] in _NOT_NAMES or _lead_at(lowered, k):
            break
        if not out or out[-1].lower() != lowered[k]:
            out.append(words[k])
        k += 1
    return out


def _reading(words: list[str]) -> NameReading | None:
    name = " ".join(_capitalised(w) for w in words)
    return NameReading(name) if len(name) <= MAX_NAME else None


def _spelled(tokens: list[str]) -> str | None:
    """"M A Y A", "M-A-Y-A", "M. A. Y. A." as the recogniser writes a name spelled out."""
    best: list[str] = []
    run: list[str] = []
    for token in tokens + [""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if _SPELLED_WORD.match(token):
            run.extend(token.split("-"))
            continue
        # "I, I, I don't know" and "a" are words, not a name spelled out
        if len(run) >= 2 and len(run) > len(best) and {c.lower() for c in run} - {"i", "a"}:
            best = run
        run = []
    return "".join(best).capitalize() if best else None


def _capitalised(word: str) -> str:
    if any(ch.isupper() for ch in word[1:]):  # "McKenzie", "DeShawn": as heard
        return word[0].upper() + word[1:]
    return re.sub(r"(^|['\-])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(),
                  word.lower())


def same_name(a: str, b: str) -> bool:
    """Two readings of one spoken name: "Maya" and "Maia", "Jon" and "John"."""
    if a.casefold() == b.casefold():
        return True
    sa, sb = doublemetaphone(a)[0], doublemetaphone(b)[0]
    return bool(sa) and sa == sb and fuzz.ratio(a.casefold(), b.casefold()) >= 60


# --------------------------------------------------------------------------- choices


_USUAL = ("usual", "same as last time", "like last time", "same again", "as before",
          "as always", "the same", "same as always", "what we always do", "our usual")
_APPRECIATION = ("appreciation", "appreciations", "appreciate", "short", "shorter", "shortest",
                 "daily", "quick", "quicker", "brief", "little")
_INTENTIONAL = ("full", "intentional", "whole", "long", "longer", "complete", "regular",
                "normal", "proper", "big", "real", "imago")
_NEGATIONS = frozenset({"not", "no", "don't", "dont", "never", "without", "rather", "than"})


def _words(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text.replace("\u2019", "'"))]


def _said(words: list[str], phrase: str, *, window: int = 2) -> list[int]:
    """Where ``phrase`` starts in ``words``, not counting where a "not" comes just before."""
    parts = phrase.split()
    hits = []
    for k in range(len(words) - len(parts) + 1):
        if words[k:k + len(parts)] == parts and not _NEGATIONS & set(
                words[max(0, k - window):k]):
            hits.append(k)
    return hits


def read_dialogue_choice(text: str) -> str | None:
    """"usual", "appreciation" or "intentional"; None when the words do not settle it."""
    words = _words(text)
    if any(_said(words, p) for p in _USUAL):
        return "usual"
    short = any(_said(words, p) for p in _APPRECIATION)
    full = any(_said(words, p) for p in _INTENTIONAL)
    if short != full:
        return "appreciation" if short else "intentional"
    return None


_ANYONE = ("either", "anyone", "anybody", "whoever", "you choose", "you pick", "you decide",
           "does not matter", "doesn't matter", "don't mind", "do not mind", "no preference",
           "either one", "up to you", "whichever")
_SELF = ("me", "i will", "i'll", "i can", "i'd like to", "i would like to", "i want to",
         "let me", "i go", "i'll go", "i will go", "myself", "i do", "i'd like", "mine")


def read_first(text: str, names: tuple[str, str] | list[str]) -> str | int | None:
    """Who shares first: 0 or 1 (a name said), "usual", "anyone", "me" (the speaker), or None."""
    words = _words(text)
    if any(_said(words, p) for p in _USUAL):
        return "usual"
    named = {k for k, name in enumerate(names) if _names_in(words, name)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    if any(_said(words, p) for p in _ANYONE):
        return "anyone"
    if any(_said(words, p) for p in _SELF):
        return "me"
    return None


def _names_in(words: list[str], name: str) -> bool:
    """Is ``name`` said (and not after "not")? By sound, for the recogniser's spellings."""
    target = name.lower().split()
    for k in range(len(words) - len(target) + 1):
        heard = " ".join(words[k:k + len(target)])
        if (heard == " ".join(target) or same_name(heard, name)) and not (
                k and words[k - 1] in _NEGATIONS):
            return True
    return False


# ------------------------------------------------------------------- check the sound

_SOUND_CHECK = tuple(" ".join(_words(p)) for p in (
    "check the sound", "sound check", "check sound", "check the sound again",
    "check the microphone", "check the mic", "test the sound", "test the microphone",
    "test the mic", "do a sound check", "do the sound check", "mic check", "microphone check",
    "check the audio", "test the audio", "check the sound please", "can you hear us",
    "can you hear us well", "can you hear us ok", "check if you can hear us",
    "check that you can hear us", "sound check again", "another sound check",
))
_POLITE = frozenset({"please", "can", "could", "would", "you", "we", "let's", "lets", "let",
                     "us", "okay", "ok", "so", "um", "uh", "maybe", "now", "again", "hey",
                     "facilitator", "just", "quickly", "quick", "first", "once", "more"})


def asks_for_sound_check(text: str) -> bool:
    """"Check the sound", "can you do a sound check?": the whole turn is that request.

    A sentence that only mentions sound ("the sound of the kids upstairs keeps me up") is
    not: at most a few polite words may come around the request.
    """
    words = _words(text)
    if not words or len(words) > 10:
        return False
    line = " ".join(words)
    for phrase in _SOUND_CHECK:
        k = line.find(phrase)
        if k < 0 or (k and line[k - 1] != " ") or (
                k + len(phrase) < len(line) and line[k + len(phrase)] != " "):
            continue
        rest = (line[:k] + " " + line[k + len(phrase):]).split()
        if all(w in _POLITE for w in rest):
            return True
    core = " ".join(w for w in words if w not in _POLITE)
    return len(core) >= 9 and max(fuzz.ratio(core, p) for p in _SOUND_CHECK) >= 88
