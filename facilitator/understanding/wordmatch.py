"""Finding a sender's word in a mirror, as speech recognition delivers both.

From strict to lenient: the same concept (stem or small synonym class), the same word
with "un-"/"dis-" or its opposite (a *flipped* hit: "didn't come" came back as "missed"), a
near spelling, a sound-alike, two words heard as one ("dryer"/"dry air"), and a sound-alike
in the very slot the word alignment of the two transcripts puts it ("unheard" heard as
"empowered" between words that did match). Also: the stock phrases every mirror is
wrapped in ("if I got that", "did I get that?", mangled or not), which carry nothing, and
the markers of a reply that argues, advises or talks of the receiver's own feelings.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from facilitator import textnorm as tn
from facilitator.textnorm import Word
from facilitator.understanding import lexicon

# Said by every receiver (or sender) whatever the content; they earn nothing. Person words
# are compared person-neutrally, so "if I got that" also strips "if you got that".
STOCK_PHRASES = (
    # openers
    "if I got that", "if I got it", "if I got this", "if I got that right", "if I got it right",
    "if I heard you right", "if I heard that right", "if I heard you correctly",
    "if I understand you", "if I understood you", "if I understand correctly",
    "if I understood", "let me see if I got that", "let me see if I got it",
    "let me see if I got it all", "let me see if I've got it", "let me see if I've got it all",
    "let me see if I got all that", "let me see if I got all of that",
    "let me make sure I got that", "let me make sure I got it", "let me mirror that",
    "let me mirror", "what I hear you saying is", "what I hear you say is",
    "what I heard you say is", "what I heard you saying is", "what I hear is", "what I heard is",
    "what I'm hearing is", "what I'm hearing you say is", "I hear you saying",
    "I heard you saying", "I heard you say", "I hear you say", "I hear you", "you said",
    "you're saying", "you are saying", "what you're saying is", "what you said is",
    "in other words", "so in all", "to sum up", "in summary", "all in all", "so basically",
    "I think I heard", "it sounds like",
    # closers
    "did I get that", "did I get that right", "did I get it", "did I get it right",
    "did I get it all", "did I get all of that", "did I get all that", "did I get everything",
    "is that right", "isn't that right", "is that correct", "is that it", "is that true",
    "am I getting it", "am I getting that", "am I getting it right", "have I got that",
    "have I got it", "have I got it all", "did I miss anything", "did I miss something",
    "is there more", "is there more about that", "is there anything more",
    "is there anything else", "is there something else", "is that what you said",
    "is that what you meant", "is that how you feel", "does that sound right",
    "did I hear that right", "did I hear you right", "did I hear you correctly",
    "am I right", "close enough",
    # the sender's preambles
    "what I'm trying to say is", "I guess what I'm trying to say is", "what I'm saying is",
    "I guess what I'm saying is", "the thing is", "I just wanted to say", "I wanted to say",
    "I just want to say", "I want to say", "I just wanted to tell you", "can I say something",
    "I want to talk about", "I wanted to talk about", "I've been meaning to say",
    # the sender's side of the protocol
    "is now a good time", "is this a good time", "is now an okay time", "is now ok",
    "that's all", "that is all", "that's it", "thank you for listening",
    "thanks for listening", "I'd like to talk about", "I would like to talk about",
    "I'd like to have a dialogue about", "I'd like a dialogue about",
    "one thing I appreciate about you is", "something I appreciate about you is",
    "what I appreciate about you is", "the reason I appreciate this is",
    "the reason I appreciate that is", "the reason I appreciate it is",
    "the reason this is important to me is",
)

# Closers the recogniser mangles: "did I get mad?", "If I got met,", "did I get to that?".
_CLOSER_HEADS = (("did", "P", "get"), ("if", "P", "got"), ("if", "P", "get"),
                 ("then", "P", "get"), ("do", "P", "get"), ("did", "P", "got"))

# What a receiver says when arguing, advising or sharing instead of mirroring. A marker only
# counts when the sender did not say it (from their side): "you always" mirrors "I always".
# The plainest advice counts even in a clause that also carries the sender's words ("you
# should just call me when you get lonely").
PLAIN_ADVICE = ("you should", "you could just", "why don't you", "have you tried",
                "maybe you should", "you ought to", "if I were you", "my advice")
_NON_MIRROR = (
    # rebuttal
    "not fair", "not true", "that's ridiculous", "that's not what happened", "I disagree",
    "I don't agree", "you're wrong", "you are wrong", "you're exaggerating", "what about you",
    "you're the one", "at least I", "but I did", "but I do", "but I was", "but I have",
    "but I always", "but I never", "but I only", "I only", "you just forgot", "come on",
    "give me a break", "whatever", "big deal", "oh please", "not my fault",
    "your fault", "you're always", "you always", "you never", "you do it too", "you do too",
    "I did ask", "I do help", "I was just",
    # advice
    "you should", "you could just", "why don't you", "have you tried", "maybe you should",
    "you ought to", "if I were you", "my advice", "what you need to do", "you need to just",
    "just tell", "you have to", "you could try", "you could always", "how about you",
    "what if you", "you might want to", "it might help if you", "you would feel better if",
    # the receiver's own feelings
    "me too", "so do I", "same here", "I feel the same", "I feel that way too",
)
_OWN_FEELING_TAILS = frozenset({"too", "also"})



# --- stock phrases ---------------------------------------------------------------------------


def _stock_table() -> list[tuple[str, ...]]:
    seqs = {tuple(tn.neutral(w.norm) for w in tn.words(s)) for s in STOCK_PHRASES}
    return sorted(seqs, key=len, reverse=True)


_STOCK = _stock_table()
_STOCK_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _seq in _STOCK:
    _STOCK_FIRST.setdefault(_seq[0], []).append(_seq)
_LEAD_OK = tn.FILLERS | {"and", "but", "so", "then", "okay", "ok", "well"}


def strip_stock(ws: list[Word]) -> list[Word]:
    """Drop stock phrases; the word after a dropped phrase starts a new clause."""
    neutral = [tn.neutral(w.norm) for w in ws]
    keep: list[Word] = []
    pending_break = 0
    i = 0
    while i < len(ws):
        j = _stock_at(ws, neutral, i)
        if j > i:
            pending_break = max(pending_break, max(w.brk for w in ws[i:j]), 1)
            i = j
            continue
        w = ws[i]
        if pending_break:
            w = Word(w.norm, w.start, w.end, max(w.brk, pending_break))
        pending_break = 0
        keep.append(w)
        i += 1
    return keep


def _stock_at(ws: list[Word], neutral: list[str], i: int) -> int:
    at_start = ws[i].brk > 0 or (i > 0 and ws[i - 1].norm in _LEAD_OK)
    for seq in _STOCK_FIRST.get(neutral[i], ()):
        n = len(seq)
        if tuple(neutral[i:i + n]) == seq and (n >= 4 or at_start) and all(
                not ws[k].brk for k in range(i + 1, i + n)):
            return i + n
    # A mangled closer: "did I get mad", "if I got met,", "did I get to that" - a stock head
    # plus at most two short words, then the end of a sentence or a comma.
    for head in _CLOSER_HEADS:
        if tuple(neutral[i:i + 3]) == head and at_start:
            for tail in (1, 2):
                end = i + 3 + tail
                if end > len(ws) or any(ws[k].brk for k in range(i + 1, end)):
                    break
                if (end == len(ws) or ws[end].brk or neutral[end] == "P") and all(
                        len(w.norm) <= 6 for w in ws[i + 3:end]):
                    return end
    return i




# --- looking for a sender word in the mirror -------------------------------------------------


@dataclass
class Text:
    """A transcript as the matcher sees it: its words and their content weights."""

    source: str
    ws: list[Word]
    weight: list[float]

    @property
    def neutral(self) -> list[str]:
        return [tn.neutral(w.norm) for w in self.ws]


@dataclass
class Index:
    t: Text
    by_concept: dict[str, list[int]]
    by_unprefixed: dict[str, list[int]]
    by_sound: dict[str, list[int]]
    content_norms: list[str]
    content_pos: list[int]
    pairs: list[tuple[str, int]]
    by_pair_concept: dict[str, tuple[int, int]] = None  # "shrug_off" -> its two positions


def _unprefixed(word: str) -> str | None:
    for prefix in ("un", "dis"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix):]
    return None


def index(t: Text) -> Index:
    by_concept: dict[str, list[int]] = {}
    by_unprefixed: dict[str, list[int]] = {}
    by_sound: dict[str, list[int]] = {}
    content_norms, content_pos = [], []
    for p, w in enumerate(t.ws):
        by_concept.setdefault(w.concept, []).append(p)
        if t.weight[p] <= 0:
            continue
        content_norms.append(w.norm)
        content_pos.append(p)
        bare = _unprefixed(w.norm)
        if bare:
            by_unprefixed.setdefault(tn.concept(bare), []).append(p)
        if len(w.norm) >= 4:
            by_sound.setdefault(tn.sound(w.norm), []).append(p)
    pairs = [(t.ws[p].norm + t.ws[p + 1].norm, p) for p in range(len(t.ws) - 1)
             if not t.ws[p + 1].brk and t.ws[p].norm.isalpha() and t.ws[p + 1].norm.isalpha()]
    by_pair_concept = {f"{t.ws[p].concept}_{t.ws[p + 1].concept}": (p, p + 1)
                       for p in range(len(t.ws) - 1) if not t.ws[p + 1].brk}
    return Index(t, by_concept, by_unprefixed, by_sound, content_norms, content_pos, pairs,
                 by_pair_concept)


@dataclass
class Hit:
    strength: float
    positions: tuple[int, ...]
    flip: bool = False  # matched as its opposite ("unheard", "missed"): polarity inverted


def find(word: str, nxt: str | None, m: Index) -> Hit | None:
    c = tn.concept(word)
    if c in m.by_concept:
        return Hit(1.0, tuple(m.by_concept[c]))
    if c in m.by_unprefixed:
        return Hit(1.0, tuple(m.by_unprefixed[c]), flip=True)
    bare = _unprefixed(word)
    if bare and tn.concept(bare) in m.by_concept:
        return Hit(1.0, tuple(m.by_concept[tn.concept(bare)]), flip=True)
    opposite = tn.opposite(c)
    if opposite in m.by_concept:
        return Hit(1.0, tuple(m.by_concept[opposite]), flip=True)
    # in other words: a synonym of one of its everyday senses ("awkward" / "uncomfortable"),
    # or of the phrase it starts ("bring up" / "raise", "brush off" / "shrug off")
    phrases = [f"{c}_{tn.concept(nxt)}", c] if nxt else [c]
    for key in phrases:
        for other in sorted(lexicon.synonym_concepts(key)):  # the same answer every run
            if other in m.by_concept:
                return Hit(0.9, tuple(m.by_concept[other]))
            if other in m.by_pair_concept:
                return Hit(0.9, m.by_pair_concept[other])
    if len(word) >= 4 and m.content_norms:
        best = process.extractOne(word, m.content_norms, scorer=fuzz.ratio, score_cutoff=80)
        if best:
            return Hit(0.9, (m.content_pos[best[2]],))
    if len(word) >= 4 and word.isalpha():
        code = tn.sound(word)
        for p in m.by_sound.get(code, ()):
            if len(code) >= 2 and fuzz.ratio(word, m.t.ws[p].norm) >= 50:
                return Hit(0.85, (p,))
        # heard as two words: "dryer" -> "dry air"
        for joined, p in m.pairs:
            if abs(len(joined) - len(word)) <= 3 and (
                    fuzz.ratio(word, joined) >= 85 or tn.sound(joined) == code and len(code) >= 3):
                return Hit(0.85, (p, p + 1))
        # said as one word, heard here as two (or the other way round): "dry air" -> "dryer"
        if nxt and nxt.isalpha():
            joined = word + nxt
            hit = process.extractOne(joined, m.content_norms, scorer=fuzz.ratio, score_cutoff=85)
            if hit:
                return Hit(0.85, (m.content_pos[hit[2]],))
    return None


def _surface(t: Text, p: int) -> str:
    """The word as transcribed ("third", not the normalised "3rd"), for sound comparisons."""
    return t.source[t.ws[p].start:t.ws[p].end].casefold().replace("'", "")


#: How alike (0-100, sound code or spelling) a word heard in a feeling's slot must be to be
#: taken as that feeling misheard.
FEELING_SOUND = 75


def slot_hits(s: Text, m: Index, found: dict[int, Hit]) -> None:
    """Sound-alikes in the slot the alignment puts them: "feel [unheard] when" against
    "feel [empowered] when". Only small substitutions between matching words count; a
    one-for-one swap between matching neighbours may sound less alike ("home"/"from")."""
    if all(i in found for i in range(len(s.ws)) if s.weight[i] > 0):
        return
    # Long turns: let difflib skip very frequent words, or aligning them grows quadratic.
    long_turn = len(s.neutral) + len(m.t.neutral) > 400
    ops = difflib.SequenceMatcher(None, s.neutral, m.t.neutral, autojunk=long_turn).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace" or i2 - i1 > 3 or j2 - j1 > 4:
            continue
        one_for_one = i2 - i1 == 1 and j2 - j1 == 1 and 0 < n < len(ops) - 1
        slot = list(range(j1, j2))
        heard = [_surface(m.t, p) for p in slot]
        # each candidate as written for the sound comparison and as said for the lexicon
        cands = [(w, w) for w in heard] + [("".join(heard), " ".join(heard))]
        for i in range(i1, i2):
            if s.weight[i] <= 0 or i in found:
                continue
            word = _surface(s, i)
            if not word.isalpha():
                continue
            code = tn.sound(word)
            feeling = lexicon.feeling(word)
            best = 0.0
            for cand, said in cands:
                if not cand.isalpha() or tn.antonyms(word, cand):
                    continue
                other = lexicon.feeling(said) if feeling else None
                if other and not lexicon.related(feeling.family, other.family):
                    continue  # another feeling said outright ("annoyed" for "unheard")
                best = max(best, fuzz.ratio(code, tn.sound(cand)), fuzz.ratio(word, cand))
            # A feeling the sender named needs a closer sound ("a third" for "unheard", not
            # "in charge"): a mirror that hears it wrong leaves the sender unheard.
            if best >= (FEELING_SOUND if feeling else 60) or (
                    one_for_one and best >= 50 and not tn.is_feeling(word)):
                found[i] = Hit(0.7, tuple(slot))


_SWAP = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
         "you": "i", "your": "my", "yours": "mine", "yourself": "myself", "am": "are",
         "are": "am", "was": "were", "were": "was"}


def _marker_table() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    table = []
    for m in _NON_MIRROR:
        seq = tuple(w.norm for w in tn.words(m))
        swapped = tuple(_SWAP.get(w, w) for w in seq)
        table.append((seq, swapped))
    return table


_MARKERS = _marker_table()
_PLAIN = [pair for pair in _MARKERS if " ".join(pair[0]) in {
    " ".join(w.norm for w in tn.words(m)) for m in PLAIN_ADVICE}]


def _contains(hay: list[str], seq: tuple[str, ...]) -> bool:
    n = len(seq)
    return any(tuple(hay[k:k + n]) == seq for k in range(len(hay) - n + 1))


def plain_advice(sender: list[str], mirror: list[str]) -> bool:
    """"You should ...", "have you tried ...": advice, wherever it stands."""
    for seq, swapped in _PLAIN:
        if _contains(mirror, seq) and not _contains(sender, swapped) and not _contains(
                sender, seq):
            return True
    return False


def not_a_mirror(sender: list[str], mirror: list[str], clause_of: list[int]) -> bool:
    """An argument, advice or the receiver's own feelings, rather than the sender's words.
    ``sender`` and ``mirror`` are normalised words; ``clause_of`` the mirror's clauses."""
    for seq, swapped in _MARKERS:
        if _contains(mirror, seq) and not _contains(sender, swapped) and not _contains(
                sender, seq):
            return True
    # "I feel lonely too": a feeling of the receiver's own, said as "I ... too/also" (unless
    # the sender said "too" as well: "you're tired too" is mirrored "I'm tired too")
    if _OWN_FEELING_TAILS & set(sender):
        return False
    for k, w in enumerate(mirror):
        if w == "i":
            words = [mirror[x] for x in range(k, len(mirror)) if clause_of[x] == clause_of[k]]
            if any(tn.is_feeling(x) for x in words) and _OWN_FEELING_TAILS & set(words):
                return True
    return False
