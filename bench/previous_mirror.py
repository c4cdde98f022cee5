"""The mirror check of the previous release (key phrases and word matching, no meaning model),
kept only so the benchmark can compare the understanding layer with it on the same cases.

The sender's turn is cut into *key phrases*: the content of each clause (feelings, events,
people, things, times, wishes), without pronouns, fillers or the protocol's stock phrases.
Each content word of a phrase is looked for in the mirror, from strict to lenient: same
concept (stem or small synonym class), the same word with "un-"/"dis-" and the opposite
negation, a near spelling, a sound-alike, two words heard as one ("dryer"/"dry air"), and
finally a sound-alike in the very slot where the word alignment of the two transcripts puts
it (speech recognition turns "unheard" into "empowered" between words that did match). A
phrase counts as mirrored when most of its weight came back *with the same polarity*:
negation is content, so "you feel heard" does not mirror "I don't feel heard".

A mirror that argues, advises or talks about the receiver's own feelings is not a mirror,
whatever words it shares with the sender.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from facilitator import textnorm as tn
from facilitator.prompts import Prompts, load_prompts
from facilitator.textnorm import Word
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.wordmatch import Hit as _Hit
from facilitator.understanding.wordmatch import find as _find
from facilitator.understanding.wordmatch import index as _index_words
from facilitator.understanding.wordmatch import strip_stock as _strip_stock

# A phrase is mirrored when this share of its weight came back.
PHRASE_THRESHOLD = 0.5
# Above this share a phrase counts even without its last content word.
HEAD_OPTIONAL = 0.67
# Below this overall score nothing was really mirrored.
MISSED_BELOW = 0.2

@dataclass(frozen=True)
class MirrorCheck:
    score: float  # 0..1
    verdict: str  # "complete" | "partial" | "missed"
    key_phrases: list[str]  # the sender's key phrases, in the sender's own words
    matched: list[str]
    missed: list[str]
    # For speaking the feedback, per key phrase: (phrase, kind, words to say back). kind is
    # "feeling", "thing" (a noun phrase), "action" (a verb phrase) or "other"; the words to
    # say back are the sender's clause around a missed phrase. Not part of the check's data
    # (as_dict): a check rebuilt from a log compares equal and still gets feedback, plainer.
    spoken: tuple[tuple[str, str, str], ...] = field(default=(), compare=False, repr=False)

    def as_dict(self) -> dict:
        return {"score": self.score, "verdict": self.verdict,
                "key_phrases": list(self.key_phrases), "matched": list(self.matched),
                "missed": list(self.missed)}


# --- analysis of one transcript ----------------------------------------------------------------


@dataclass
class _Text:
    source: str
    ws: list[Word]
    clause: list[int]
    sentence: list[int]
    neg: list[bool]  # governed by a negation ("not", "never", "no", "without" ...)
    weight: list[float]
    neutral: list[str]
    groups: list[tuple[list[int], bool]]  # content groups: word positions, negated


def _starts_clause(ws: list[Word], i: int) -> bool:
    w = ws[i].norm
    if ws[i].brk:
        return True
    nxt = ws[i + 1].norm if i + 1 < len(ws) else ""
    prev = ws[i - 1].norm if i > 0 else ""
    if w in {"that", "so", "as", "than"}:
        return nxt in tn.PRONOUNS or nxt in tn.SUBJECT_PRONOUNS or nxt in {
            "the", "a", "my", "your", "our", "nobody"}
    if w == "like":
        if prev in _BEFORE_VERB_LIKE:
            return False  # the verb: "you don't like them"
        return prev in {"feel", "feels", "felt", "feeling", "look", "looks", "seem", "seems"} or (
            nxt in tn.PRONOUNS)
    return w in tn.CLAUSE_WORDS or w == "without"


# "a new city | was harder", "the dishes | are not done": subject and predicate apart
_COPULAS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would"})
_BEFORE_VERB_LIKE = tn.PRONOUNS | tn.NEGATORS | tn.AUXILIARIES | {"to", "really", "just",
                                                                  "also", "always", "never"}
_MID_SUBJECTS = frozenset({"i", "you", "we", "he", "she", "they"})


def _mid_subject(t: _Text, k: int) -> bool:
    """A pronoun that starts a new statement inside a clause ("the money | I care about"),
    told from an object ("need you to") by what follows it: a verb or an auxiliary."""
    if t.ws[k].norm not in _MID_SUBJECTS or k + 1 >= len(t.ws):
        return False
    nxt = t.ws[k + 1].norm
    return nxt in tn.AUXILIARIES or nxt in tn.NEGATORS or t.weight[k + 1] > 0


def _analyse(text: str) -> _Text:
    source = tn.clean(text)
    ws = _strip_stock(tn.words(source))
    clause, sentence, weight = [], [], []
    c = s = -1
    for i, w in enumerate(ws):
        if w.brk == 2 or s < 0:
            s += 1
        if _starts_clause(ws, i) or c < 0:
            c += 1
        clause.append(c)
        sentence.append(s)
        weight.append(tn.content_weight(w.norm))
        if w.norm == "like" and i > 0 and ws[i - 1].norm in _BEFORE_VERB_LIKE:
            weight[-1] = 1.0  # "you don't like them": the verb, not the filler "like"
    t = _Text(source, ws, clause, sentence, [False] * len(ws), weight,
              [tn.neutral(w.norm) for w in ws], [])
    i = 0
    while i < len(ws):
        j = i + 1
        while j < len(ws) and clause[j] == clause[i]:
            j += 1
        _clause_groups(t, i, j)
        i = j
    return t


def _clause_groups(t: _Text, lo: int, hi: int) -> None:
    """Cut a clause into content groups at prepositions, mid-clause subjects and copulas
    ("work late | on weekends", "the money | I care about", "a new city | was harder"). A
    negation governs the group it stands before or in, not the whole clause: "don't want
    to go | to your office party"."""
    content = [k for k in range(lo, hi) if t.weight[k] > 0]
    if not content:
        return
    groups: list[list[int]] = [[]]
    for k in range(content[0], content[-1] + 1):
        word = t.ws[k].norm
        after_content = k > 0 and t.weight[k - 1] > 0
        if (word in tn.PREPOSITIONS or _mid_subject(t, k) or (
                word in _COPULAS and after_content)) and any(t.weight[x] > 0 for x in groups[-1]):
            groups.append([])
        groups[-1].append(k)
    groups = [g for g in groups if any(t.weight[x] > 0 for x in g)]
    # a group of light words only ("need you") leans on the next one
    merged: list[list[int]] = []
    carry: list[int] = []
    for n, g in enumerate(groups):
        g = carry + g
        carry = []
        if sum(t.weight[x] for x in g) < 0.59 and n < len(groups) - 1:
            carry = g
            continue
        merged.append(g)
    back = lo
    for g in merged:
        negated = any(_negates(t, k) for k in range(back, g[-1] + 1))
        for k in range(back, g[-1] + 1):
            t.neg[k] = negated
        t.groups.append((g, negated))
        back = g[-1] + 1
    for k in range(back, hi):  # trailing function words follow the last group
        t.neg[k] = t.groups[-1][1]


_NOT_AFTER = tn.AUXILIARIES | tn.PRONOUNS | tn.CLAUSE_WORDS | {"feel", "feels", "felt",
                                                                "feeling", "or", "to", "why"}


def _negates(t: _Text, k: int) -> bool:
    """Is word k a negation? A "not" that follows no auxiliary, pronoun or clause start
    ("I like wearing not something") is what the recogniser made of other words."""
    if t.ws[k].norm not in tn.NEGATORS:
        return False
    if t.ws[k].norm != "not":
        return True
    j = k - 1
    while j >= 0 and not t.ws[j + 1].brk and t.ws[j].norm in tn.FILLERS - tn.CLAUSE_WORDS:
        j -= 1
    return j < 0 or t.ws[j + 1].brk > 0 or t.ws[j].norm in _NOT_AFTER


# --- the sender's key phrases ------------------------------------------------------------------


@dataclass
class _Phrase:
    text: str
    idx: list[int]  # content word positions in the sender's analysis
    negated: bool
    sentence: int
    weight: float
    feeling: bool
    strong_words: int  # content words that are not light ("city" in "a new city")
    chunk: int = 0


@dataclass
class _Result:
    phrase: _Phrase
    coverage: float
    ok: bool
    negation_lost: bool = False


_BARE_VERBS = frozenset({"feel", "feeling", "felt", "think", "guess", "mean"})
_BACK_OVER = tn.NEGATORS | tn.AUXILIARIES | tn.DETERMINERS | {"to"}


def _in_contraction(t: _Text, k: int) -> bool:
    """Does word k start inside a pronoun's contraction ("I'd like", "we'll")?"""
    head = t.source[t.ws[k].start:t.ws[k].end].split("'")[0].lower()
    return "'" in t.source[t.ws[k].start:t.ws[k].end] and head in tn.PRONOUNS


def _phrases(t: _Text, chunk: int = 0) -> list[_Phrase]:
    out = []
    for g, negated in t.groups:
        idx = [x for x in g if t.weight[x] > 0]
        last = idx[-1]
        if (len(idx) == 1 and t.ws[last].norm in _BARE_VERBS and not negated
                and (last + 1 >= len(t.ws) or t.ws[last + 1].brk
                     or t.clause[last + 1] != t.clause[last])):
            continue  # "I just feel, like, really unheard", "I feel like you ...": what is felt
            # comes after
        first = idx[0]
        # quote from a negation or determiner right before the first content word
        b = first
        while b - 1 >= 0 and t.clause[b - 1] == t.clause[first] and (
                t.ws[b - 1].norm in _BACK_OVER):
            b -= 1
        start = first
        for k in range(b, first):
            if t.ws[k].norm in tn.NEGATORS or t.ws[k].norm in tn.DETERMINERS:
                start = k
                break
        # "I'd like us to bring them back": quote the wish, not the "I'd" it is spoken in
        while start < idx[-1] and _in_contraction(t, start):
            start = next((k for k in range(start + 1, idx[-1] + 1) if t.weight[k] > 0),
                         idx[-1])
        text = t.source[t.ws[start].start:t.ws[idx[-1]].end]
        out.append(_Phrase(text, idx, negated, t.sentence[first],
                           weight=sum(t.weight[x] for x in idx),
                           feeling=any(t.weight[x] > 1.0 for x in idx),
                           strong_words=sum(t.weight[x] >= 1.0 for x in idx), chunk=chunk))
    return out


# --- looking for a sender word in the mirror -------------------------------------------------


# --- non-mirrors ------------------------------------------------------------------------------

# --- the check ----------------------------------------------------------------------------------


def key_phrases(text: str) -> list[str]:
    """The sender's key phrases, in the sender's own words."""
    return _unique(p.text for p in _phrases(_analyse(text)))


def check_mirror(sender: str, mirror: str) -> MirrorCheck:
    s = _analyse(sender)
    return _check([(s, _phrases(s))], mirror, summary=False)


def check_summary(chunks: Sequence[str], summary: str) -> MirrorCheck:
    """A summary against all chunks of a turn: each chunk must be represented."""
    parts = []
    for k, chunk in enumerate(chunks):
        s = _analyse(chunk)
        parts.append((s, _phrases(s, chunk=k)))
    return _check(parts, summary, summary=True)


def _check(parts: list[tuple[_Text, list[_Phrase]]], mirror: str, *, summary: bool) -> MirrorCheck:
    m = _analyse(mirror)
    phrases = [p for _, ps in parts for p in ps]
    texts = _unique(p.text for p in phrases)
    mirror_content = sum(m.weight)
    if not phrases:
        # nothing to mirror: any real reply will do
        ok = mirror_content > 0
        return MirrorCheck(1.0 if ok else 0.0, "complete" if ok else "missed", [], [], [])
    idx = _index_words(m)
    results: list[_Result] = []
    for s, ps in parts:
        found = _find_words(s, idx)
        results.extend(_judge(p, s, idx, found) for p in ps)
    total = sum(r.phrase.weight for r in results)
    score = sum(r.phrase.weight * r.coverage for r in results) / total
    matched = _unique(r.phrase.text for r in results if r.ok)
    missed = _unique(r.phrase.text for r in results if not r.ok and r.phrase.text not in matched)
    mirror_words = [w.norm for w in m.ws]
    if mirror_content <= 0 or any(wm.not_a_mirror([w.norm for w in s.ws], mirror_words, m.clause)
                                  for s, _ in parts):
        verdict = "missed"
        score = min(score, MISSED_BELOW) if mirror_content > 0 else 0.0
    elif not missed or _only_a_detail(results, score):
        verdict = "complete"
    elif not matched or score < MISSED_BELOW:
        verdict = "missed"
    elif summary and _summary_enough(results, score):
        verdict = "complete"
    else:
        verdict = "partial"
    if verdict == "missed":
        matched, missed = [], texts
    lost = {r.phrase.text for r in results if r.phrase.text in missed}
    spoken = _spoken(parts, [r.phrase for r in results], lost)
    return MirrorCheck(round(min(max(score, 0.0), 1.0), 3), verdict, texts, matched, missed,
                       spoken)


def _only_a_detail(results: list[_Result], score: float) -> bool:
    """One plain detail word lost ("on Tuesday") in a mirror that is otherwise there is not
    worth another try: the sender can still add it ("almost, I also said ..."). A feeling or
    a lost negation is never a detail."""
    lost = [r for r in results if not r.ok]
    if len(lost) != 1 or score < 0.8:
        return False
    r = lost[0]
    return not r.negation_lost and r.phrase.strong_words <= 1 and not r.phrase.feeling


def _summary_enough(results: list[_Result], score: float) -> bool:
    # A summary may shorten: complete when every chunk came back and the overall score is high.
    for chunk in {r.phrase.chunk for r in results}:
        if not any(r.ok for r in results if r.phrase.chunk == chunk):
            return False
    return score >= 0.8 and not any(r.negation_lost for r in results)


def _find_words(s: _Text, m: wm.Index) -> dict[int, _Hit]:
    found: dict[int, _Hit] = {}
    for i, w in enumerate(s.ws):
        if s.weight[i] <= 0:
            continue
        nxt = s.ws[i + 1].norm if i + 1 < len(s.ws) and not s.ws[i + 1].brk else None
        hit = _find(w.norm, nxt, m)
        if hit:
            found[i] = hit
    wm.slot_hits(s, m, found)
    return found


def _judge(p: _Phrase, s: _Text, m: wm.Index, found: dict[int, _Hit]) -> _Result:
    weights = [s.weight[x] for x in p.idx]
    got = sum(w * found[x].strength for x, w in zip(p.idx, weights, strict=True) if x in found)
    coverage = got / p.weight if p.weight else 0.0
    if coverage < PHRASE_THRESHOLD:
        return _Result(p, coverage, False)
    # Half a phrase is enough only with its head, the last content word: "my dad's health"
    # heard as "my nazis health" came back, "hate the dryer" as "hate the fridge" did not.
    head = max((x for x in p.idx if s.weight[x] >= 1.0), default=p.idx[-1])
    if coverage < HEAD_OPTIONAL and head not in found:
        return _Result(p, coverage, False)
    # a word swapped for its opposite changes the message: "work late" is not "work early"
    for x in p.idx:
        if x not in found and any(tn.antonyms(s.ws[x].norm, n) for n in m.content_norms):
            return _Result(p, coverage * 0.25, False, negation_lost=True)
    # Negation is content: compare the polarity of what came back. A word that came back as
    # its opposite ("didn't come" -> "missed") is where the mirror put the negation.
    flipped = [x for x in p.idx if x in found and found[x].flip]
    neg_w = pos_w = 0.0
    for x, w in zip(p.idx, weights, strict=True):
        hit = found.get(x)
        if not hit or (flipped and x not in flipped):
            continue
        polarities = {m.t.neg[q] != hit.flip for q in hit.positions}
        if p.negated in polarities:  # the word came back at least once with its polarity
            polarities = {p.negated}
        if True in polarities:
            neg_w += w
        else:
            pos_w += w
    if (neg_w > pos_w) != p.negated:
        return _Result(p, coverage * 0.25, False, negation_lost=True)
    return _Result(p, coverage, True)


_COORDINATORS = frozenset({"and", "but", "or", "so", "then", "plus", "also"})


def _spoken(parts: list[tuple[_Text, list[_Phrase]]], phrases: list[_Phrase],
            lost: set[str]) -> tuple[tuple[str, str, str], ...]:
    out = []
    for p in phrases:
        t = parts[p.chunk][0]
        span = _say_back_span(t, p, [q for q in phrases if q.chunk == p.chunk
                                     and q.text in lost]) if p.text in lost else ""
        out.append((p.text, _kind(t, p), span))
    return tuple(out)


def _kind(t: _Text, p: _Phrase) -> str:
    """"feeling", "thing" (a noun phrase: "the move", "dinner"), "action" (a present-tense
    verb phrase after its subject: "check your phone") or "other"."""
    if p.feeling:
        return "feeling"
    if not p.strong_words:
        return "other"  # "tell me": too little to name as what was caught
    first = p.idx[0]
    same_clause = first > 0 and t.clause[first - 1] == t.clause[first]
    before = t.ws[first - 1].norm if same_clause else ""
    starts_with = tn.words(p.text)[0].norm if p.text else ""
    if starts_with != t.ws[first].norm:  # "I'd love", "don't feel": not a plain phrase
        return "other"
    if before in tn.SUBJECT_PRONOUNS - {"that", "this", "there"} and tn.gerund(p.text.split()[0]):
        return "action"
    if before in tn.PREPOSITIONS - {"to"}:
        return "thing"
    after = p.idx[-1] + 1
    ends_clause = after >= len(t.ws) or t.ws[after].brk or t.clause[after] != t.clause[first] or (
        t.ws[after].norm in tn.PREPOSITIONS)
    if starts_with in tn.DETERMINERS and ends_clause and before not in tn.PRONOUNS:
        return "thing"
    return "other"


def _say_back_span(t: _Text, p: _Phrase, lost: list[_Phrase]) -> str:
    """The sender's words around a missed phrase, as a statement to say back: from the start
    of its clause (or of the main clause it depends on: "I feel lonely | when you work late")
    to the end of the clause of the last missed phrase in the same sentence."""
    first = p.idx[0]
    sentence_start = min(k for k in range(len(t.ws)) if t.sentence[k] == p.sentence)
    start = first
    while True:
        cs = start
        while cs > sentence_start and t.clause[cs - 1] == t.clause[start]:
            cs -= 1
        lead = cs + 1 if t.ws[cs].norm in _COORDINATORS and cs + 1 < len(t.ws) else cs
        if t.ws[lead].norm in tn.SUBJECT_PRONOUNS - {"that", "this", "there"} or (
                cs == sentence_start):
            start = lead if cs > sentence_start else cs
            break
        start = cs - 1
    end = max(q.idx[-1] for q in lost if q.sentence == p.sentence)
    while end + 1 < len(t.ws) and t.clause[end + 1] == t.clause[end]:
        end += 1  # to the end of the clause: "feel silly for feeling that way"
    return t.source[t.ws[start].start:t.ws[end].end]


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


# --- what the facilitator says ------------------------------------------------------------------


def mirror_feedback(check: MirrorCheck, *, sender: str, receiver: str,
                    prompts: Prompts | None = None, attempt: int = 0) -> str:
    """The spoken feedback: what was caught, then the missed part in the sender's words."""
    prompts = prompts or load_prompts()
    fields = {"sender": sender, "receiver": receiver, "Sender": _capital(sender)}
    if check.verdict == "complete":
        return prompts.text("feedback.complete", variant=attempt, **fields)
    info = {phrase: (kind, span) for phrase, kind, span in check.spoken}
    if not check.missed:
        return prompts.text("feedback.missed_empty", variant=attempt, **fields)
    first = check.missed[0]
    span = info.get(first, ("other", ""))[1]
    if check.verdict == "missed" or not check.matched:
        # the name opens the sentence ("Sam said ..."), so the quote goes on with "they"
        said = _say_back(first, span, sender, mentioned=True)
        return prompts.text("feedback.missed", variant=attempt, missed=said, **fields)
    caught = _caught(check.matched, info, sender)
    missed = _say_back(first, span, sender, mentioned=False)
    return prompts.text("feedback.partial", variant=attempt, caught=caught, missed=missed,
                        **fields)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _say_back(phrase: str, span: str, sender: str, *, mentioned: bool) -> str:
    """"that Sam feels unheard" from the sender's "I feel unheard", else "the part about ..."."""
    if span and any(w.norm in tn.SUBJECT_PRONOUNS - {"that", "this", "there"}
                    for w in tn.words(span)):
        spoken = tn.for_listener(span, sender, mentioned=mentioned).rstrip(".!?,;: ")
        return "that " + _lower_first(spoken, sender)
    return "the part about " + tn.for_listener(span or phrase, sender, mentioned=mentioned)


def _lower_first(text: str, sender: str) -> str:
    if text.startswith((sender, "I ")):
        return text
    return text[:1].lower() + text[1:]


def _caught(matched: list[str], info: dict[str, tuple[str, str]], sender: str) -> str:
    """Up to two things the receiver caught: the feeling first, then things by name."""
    items: list[str] = []
    kinds = [info.get(p, ("other", ""))[0] for p in matched]
    if "feeling" in kinds:
        items.append(f"how {sender} feels")
    for phrase, kind in zip(matched, kinds, strict=True):
        if len(items) == 2:
            break
        if kind == "thing":
            items.append("the part about " + tn.for_listener(phrase, sender))
        elif kind == "action":
            verb, _, rest = phrase.partition(" ")
            doing = " ".join(x for x in (tn.gerund(verb), rest) if x)
            items.append("the part about " + tn.for_listener(doing, sender))
    if not items:
        return "part of it"
    return " and ".join(items)


def main_check_mirror(sender: str, mirror: str, as_json: bool) -> str:
    """What `facilitator check-mirror` prints: the JSON object, or the spoken sentence."""
    check = check_mirror(sender, mirror)
    if as_json:
        return json.dumps(check.as_dict(), ensure_ascii=False)
    return mirror_feedback(check, sender="your partner", receiver="you")
