"""Does the receiver's mirror carry what the sender said? Point by point, by meaning.

The sender's turn is cut into points (``points.py``). For each point the check asks three
things of the mirror, in any words:

- *is it there?* Each content word of the point is looked for in the mirror by its form
  (``wordmatch.py``: stems, small synonym classes, sound-alikes and split words that
  speech recognition makes) and by its meaning in context (``model.py``: the word's vector
  in the sender's sentence against every word's vector in the mirror). A point is carried
  when most of its weight came back, or when the best part of the mirror says the same
  thing as a whole (an idiom for an idiom, a list summed up).
- *is it the same?* A point that came back changed is named: a flipped polarity (a lost
  or added "not", a word swapped for its opposite), a feeling given to the wrong person,
  an intensity softened or exaggerated.
- *was something added?* A judgement or a motive the sender did not say ("you think I'm
  lazy") is an interpretation.

Where the signals disagree the check says so (``confident`` is False, verdict "unsure")
and the dialogue hands over to the sender's own "did I get that?" instead of correcting
anyone. Earlier tries at the same mirror count: what they carried stays carried.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from facilitator import textnorm as tn
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.points import Analysis, Point, analyse

# A word came back by meaning when its vector in context is this close to a mirror word's.
WORD_MEANS = 0.62
# A point is carried at this share of its weight, missed below LOW; between, unsure unless
# the whole point's meaning decides it.
CARRIED = 0.5
LOW = 0.3
# Whole-point meaning: the point's vector against the best stretch of the mirror.
SPAN_CARRIED = 0.47
SPAN_MISSED = 0.38
# Below this overall share nothing was really mirrored.
MISSED_BELOW = 0.2


@dataclass(frozen=True)
class PointCheck:
    """How one point of the sender's came back."""

    text: str  # the sender's words
    kind: str  # feeling, situation, wish, reason, statement
    status: str  # carried, missed, changed, unsure
    coverage: float
    similarity: float
    change: str | None = None  # polarity, person, intensity, interpretation
    mirror_says: str = ""  # the mirror's words for it
    chunk: int = 0
    aligned: tuple[int, ...] = field(default=(), compare=False)  # mirror word positions


@dataclass(frozen=True)
class MirrorCheck:
    score: float  # 0..1, the share of the sender's weight that came back
    verdict: str  # complete, partial, missed, unsure
    key_phrases: list[str]  # the sender's points, in the sender's own words
    matched: list[str]
    missed: list[str]
    changed: list[dict] = field(default_factory=list)  # {point, change, mirror_says}
    confident: bool = True
    # Per point detail, for the spoken feedback; not part of the check's data (as_dict).
    points: tuple[PointCheck, ...] = field(default=(), compare=False, repr=False)

    def as_dict(self) -> dict:
        return {"score": self.score, "verdict": self.verdict,
                "key_phrases": list(self.key_phrases), "matched": list(self.matched),
                "missed": list(self.missed), "changed": [dict(c) for c in self.changed],
                "confident": self.confident}


# ----------------------------------------------------------------------------- the check


class MirrorChecker:
    """Checks mirrors with one meaning model (``model.MeaningModel``), shared."""

    def __init__(self, model) -> None:
        self.model = model

    def mirror(self, sender: str, mirror: str, earlier: Sequence[str] = ()) -> MirrorCheck:
        return self._check([sender], mirror, earlier, summary=False)

    def summary(self, chunks: Sequence[str], summary: str,
                earlier: Sequence[str] = ()) -> MirrorCheck:
        return self._check(list(chunks), summary, earlier, summary=True)

    # ------------------------------------------------------------------ inside

    def _check(self, chunks: list[str], mirror: str, earlier: Sequence[str], *,
               summary: bool) -> MirrorCheck:
        senders = [analyse(c, strip=wm.strip_stock, chunk=k) for k, c in enumerate(chunks)]
        points = [p for a in senders for p in a.points]
        tries = [*earlier, mirror]
        m = analyse(mirror, strip=wm.strip_stock)
        mirror_weight = sum(m.weights)
        if not points:
            ok = mirror_weight > 0
            return MirrorCheck(1.0 if ok else 0.0, "complete" if ok else "missed", [], [], [])
        if mirror_weight <= 0:
            return _all_missed(points)
        # judge every try; a point carried by an earlier try stays carried
        per_try = [self._judge(senders, analyse(t, strip=wm.strip_stock)) for t in tries[:-1]]
        last = self._judge(senders, m)
        if _arguing(senders, m, last):
            return _all_missed(points)
        results = _merge([*per_try, last])
        added = _added(senders, m, last, self._support)
        return _verdict(points, results, added, summary=summary)

    def _judge(self, senders: list[Analysis], m: Analysis) -> list[PointCheck]:
        points = [(a, p) for a in senders for p in a.points]
        if not m.words:
            return [PointCheck(p.text, p.kind, "missed", 0.0, 0.0, chunk=p.chunk)
                    for _, p in points]
        clauses = [c for c in _clauses_of(m) if any(m.weights[k] > 0 for k in c)]
        # Each point and each clause of the mirror is read on its own: in one sentence the
        # model's vectors of a word or a clause lean towards the whole turn's topic.
        texts = [a.source[p.start:p.end] for a, p in points] + [
            m.source[m.words[c[0]].start:m.words[c[-1]].end] for c in clauses]
        encoded = self.model.encode_many(texts)
        point_enc, clause_enc = encoded[:len(points)], encoded[len(points):]
        m_positions, m_vectors = [], []
        for c, enc in zip(clauses, clause_enc, strict=True):
            base = m.words[c[0]].start
            for k in c:
                if m.weights[k] > 0:
                    v = enc.span(m.words[k].start - base, m.words[k].end - base)
                    if v is not None:
                        m_positions.append(k)
                        m_vectors.append(v)
        M = np.stack(m_vectors) if m_vectors else np.zeros((0, 384), dtype=np.float32)
        windows = _windows(clauses, clause_enc)
        # how well each mirror clause is backed by some point of the sender's (for additions)
        point_vectors = np.stack([e.sentence for e in point_enc]) if point_enc else None
        self._support = {}
        for c, enc in zip(clauses, clause_enc, strict=True):
            best = float((point_vectors @ enc.sentence).max()) if point_vectors is not None else 0
            self._support[m.clause_of[c[0]]] = best
        index = wm.index(wm.Text(m.source, m.words, m.weights))
        found_by = {id(a): _lexical(wm.Text(a.source, a.words, a.weights), index)
                    for a in senders}
        return [self._point(p, a, enc, found_by[id(a)], m, m_positions, M, windows)
                for (a, p), enc in zip(points, point_enc, strict=True)]

    def _point(self, p: Point, a: Analysis, enc, found, m: Analysis,
               m_positions: list[int], M: np.ndarray, windows) -> PointCheck:
        total = sum(a.weights[k] for k in p.content)
        got = 0.0
        aligned: list[int] = []  # mirror positions that carry this point
        unmatched: list[tuple[int, int, float]] = []  # (sender pos, best mirror pos, cosine)
        for k in p.content:
            hit = found.get(k)
            lex = hit.strength if hit else 0.0
            sem, best = 0.0, -1
            v = enc.span(a.words[k].start - p.start, a.words[k].end - p.start)
            if len(m_positions) and v is not None:
                sims = M @ v
                j = int(np.argmax(sims))
                sem, best = float(sims[j]), m_positions[j]
            means = 1.0 if sem >= WORD_MEANS + 0.1 else 0.8 if sem >= WORD_MEANS else 0.0
            strength = max(lex, means)
            got += a.weights[k] * strength
            if hit:
                aligned.extend(hit.positions)
            elif means:
                aligned.append(best)
            else:
                unmatched.append((k, best, sem))
        coverage = got / total if total else 0.0
        similarity, _ = max(((float(v @ enc.sentence), w) for v, w in windows),
                            key=lambda x: x[0], default=(0.0, None))
        change = _change(p, a, found, unmatched, aligned, m)
        if change is not None:
            kind, says = change
            return PointCheck(p.text, p.kind, "changed", coverage, similarity, kind, says,
                              p.chunk, tuple(aligned))
        if coverage >= CARRIED or similarity >= SPAN_CARRIED:
            status = "carried"
        elif coverage < LOW and similarity < SPAN_MISSED:
            status = "missed"
        else:
            status = "unsure"
        says = _span_text(m, aligned) if aligned else ""
        return PointCheck(p.text, p.kind, status, coverage, similarity, None, says, p.chunk,
                          tuple(aligned))

# ----------------------------------------------------------------------------- signals


def _all_missed(points: list[Point]) -> MirrorCheck:
    texts = _unique(p.text for p in points)
    results = tuple(PointCheck(p.text, p.kind, "missed", 0.0, 0.0, chunk=p.chunk)
                    for p in points)
    return MirrorCheck(0.0, "missed", texts, [], texts, [], True, results)


def _arguing(senders: list[Analysis], m: Analysis, results: list[PointCheck]) -> bool:
    """A reply that argues, advises or talks of the receiver's own feelings, in a part of
    it that carries nothing the sender said ("you have to back out of plans" can be a
    mirror; "you should just relax" after nothing of the sender's is advice)."""
    aligned = {k for r in results if r.status in ("carried", "unsure", "changed")
               for k in r.aligned}
    carried_clauses = {m.clause_of[k] for k in aligned if 0 <= k < len(m.clause_of)}
    free = [k for k, c in enumerate(m.clause_of) if c not in carried_clauses]
    if not free:
        return False
    sender = [w.norm for a in senders for w in a.words]
    mirror = [m.words[k].norm if k in set(free) else "|" for k in range(len(m.words))]
    return wm.not_a_mirror(sender, mirror, m.clause_of)


def _lexical(s: wm.Text, m: wm.Index) -> dict[int, wm.Hit]:
    found: dict[int, wm.Hit] = {}
    for i, w in enumerate(s.ws):
        if s.weight[i] <= 0:
            continue
        nxt = s.ws[i + 1].norm if i + 1 < len(s.ws) and not s.ws[i + 1].brk else None
        hit = wm.find(w.norm, nxt, m)
        if hit:
            found[i] = hit
    wm.slot_hits(s, m, found)
    return found


def _windows(clauses: list[list[int]], encoded) -> list[tuple[np.ndarray, list[int]]]:
    """The mirror's clauses, alone and two by two, as (unit vector, positions)."""
    out = []
    for n, (clause, enc) in enumerate(zip(clauses, encoded, strict=True)):
        out.append((enc.sentence, clause))
        if n + 1 < len(clauses):
            v = enc.sentence + encoded[n + 1].sentence
            out.append((v / np.linalg.norm(v), clause + clauses[n + 1]))
    return out


def _clauses_of(a: Analysis) -> list[list[int]]:
    clauses: dict[int, list[int]] = {}
    for k, c in enumerate(a.clause_of):
        if c >= 0:
            clauses.setdefault(c, []).append(k)
    return list(clauses.values())


def _span_text(a: Analysis, positions: list[int]) -> str:
    lo, hi = min(positions), max(positions)
    return a.source[a.words[lo].start:a.words[hi].end]


# ----------------------------------------------------------------------------- changes

_FLIP_GUARD = frozenset({"no", "nothing", "nobody", "none", "without"})


_SCOPE_ENDS = frozenset({"and", "but", "or", "so", "because", "when", "if", "while", "though",
                         "although", "then", "since", "which", "that"})


def _negated_in_clause(a: Analysis, k: int) -> bool:
    """Is word k under a negation said just before it ("I don't feel heard", "not that
    happy"), within four words and without a comma or a new clause in between?"""
    j = k - 1
    while j >= 0 and k - j <= 4:
        if a.words[j + 1].brk or a.words[j].norm in _SCOPE_ENDS:
            return False
        if a.words[j].norm in tn.NEGATORS - _FLIP_GUARD:
            return True
        j -= 1
    return False


def _change(p: Point, a: Analysis, found, unmatched, aligned: list[int],
            m: Analysis) -> tuple[str, str] | None:
    """How a point that came back was changed, if it was: (kind, the mirror's words)."""
    if not aligned:
        return None
    clause_ids = {m.clause_of[k] for k in aligned if m.clause_of[k] >= 0}
    region = [k for k, c in enumerate(m.clause_of) if c in clause_ids]
    if not region:
        return None
    says = _span_text(m, region)
    # the feeling given to someone else: "I feel judged" -> "you feel like you're judging
    # them", "the kids are worried", "I must feel judged"
    person = _person_changed(p, a, found, m)
    if person is not None:
        return "person", _span_text(m, [j for j in region if m.clause_of[j] == m.clause_of[
            person]] or region)
    # a word swapped for its opposite: "drive fast" -> "drive slowly"
    for k, best, sem in unmatched:
        if best >= 0 and sem >= 0.35 and tn.antonyms(a.words[k].norm, m.words[best].norm):
            return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                              m.clause_of[best]] or region)
    # the same word back with a "not" lost or added: "I don't feel heard" -> "you feel heard"
    for k in p.content:
        hit = found.get(k)
        if not hit or hit.strength < 0.85 or a.weights[k] < 1.0:
            continue
        s_neg = _negated_in_clause(a, k)
        m_negs = {_negated_in_clause(m, q) != hit.flip for q in hit.positions}
        if s_neg not in m_negs:
            q = hit.positions[0]
            return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                              m.clause_of[q]] or region)
    return None


_OBJECTS = {"me": "I", "you": "you", "us": "we", "him": "other", "her": "other",
            "them": "other"}
_SUBJECTS = {"i": "I", "you": "you", "we": "we", "he": "other", "she": "other",
             "they": "other"}
_SKIP_LEFT = tn.AUXILIARIES | tn.NEGATORS | tn.FILLERS | {
    "feel", "feels", "felt", "feeling", "get", "gets", "got", "getting", "must", "might",
    "seem", "seems", "seemed", "become", "became", "a", "an", "the", "like", "to", "so",
    "really", "quite", "bit", "little", "kind", "sort", "of", "more", "most", "all", "pretty",
    "totally", "completely", "absolutely", "deeply", "very", "too", "also", "somewhat",
    "slightly", "extremely", "incredibly", "super", "rather", "fairly", "even", "still",
    "always", "never", "often", "sometimes", "just", "been", "being", "genuinely", "honestly",
    "actually", "properly", "truly", "terribly", "awfully", "utterly", "quite", "bit",
    "recently", "lately", "now", "starting", "beginning", "getting", "growing", "proper"}


def _experiencer(a: Analysis, k: int) -> str | None:
    """Who has the feeling said at word k: "I", "you", "we" or "other" (None: unclear).
    "it scares me" (the object), "I'm scared" (the subject), "the kids are worried"."""
    clause = a.clause_of[k]
    for j in (k + 1, k + 2):
        if j < len(a.words) and a.clause_of[j] == clause and a.words[j].norm in _OBJECTS and (
                a.words[k].norm not in {"on", "at", "with", "for"}):
            if j == k + 1 or a.words[k + 1].norm in {"feel", "so", "really"}:
                return _OBJECTS[a.words[j].norm]
    j = k - 1
    while j >= 0 and a.clause_of[j] == clause:
        w = a.words[j].norm
        if w in _SUBJECTS:
            return _SUBJECTS[w]
        if w in {"me", "us"} and j + 1 < len(a.words) and a.words[j + 1].norm in {
                "feel", "so", "really", "very"}:
            return _OBJECTS[w]  # "makes me feel judged"
        if w not in _SKIP_LEFT and a.weights[j] > 0:
            return "other"  # "the kids are worried", "my mum is upset"
        j -= 1
    return None


_PASSIVE = re.compile(r"(?:ed|en)$")


def _person_changed(p: Point, a: Analysis, found, m: Analysis) -> int | None:
    """A mirror position where a feeling of the sender's came back as someone else's."""
    for k in p.content:
        word = a.words[k].norm
        if not (tn.is_feeling(word) or word in _FEELING_LIKE) or k not in found:
            continue
        who = _experiencer(a, k)
        if who != "I":  # only the sender's own feelings are checked
            continue
        for q in found[k].positions:
            said = m.words[q].norm
            whom = _experiencer(m, q)
            if whom in ("I", "other"):
                return q  # "I must feel judged", "the kids are worried"
            # "I feel judged" -> "you feel like you're judging them": the same word, active,
            # with the sender as the one who does it
            if _PASSIVE.search(word) and not _PASSIVE.search(said) and whom == "you" and (
                    tn.stem(said) == tn.stem(word) or tn.concept(said) == tn.concept(word)) and (
                    _does_it_to_someone(m, q)):
                return q
    return None


def _does_it_to_someone(a: Analysis, q: int) -> bool:
    """"judging them", "nag me", "putting pressure on me": the verb has someone as object."""
    after = [a.words[j].norm for j in range(q + 1, min(q + 4, len(a.words)))
             if a.clause_of[j] == a.clause_of[q]]
    return bool({"me", "them", "him", "her", "us"} & set(after))


_FEELING_LIKE = frozenset({"pressured", "pressure", "nagged", "punished", "judged", "blamed",
                           "criticized", "criticised", "controlled", "rushed", "watched",
                           "attacked", "guilty", "jealous", "bad", "responsible"})


# Judgements and mind-reading a receiver may add ("so you think I'm lazy"). The first few
# are never a paraphrase; the rest count in a clause that carries none of the sender's points.
_EVALUATIVE = (r"(?:lazy|selfish|useless|stupid|cold|careless|irresponsible|oversensitive|"
               r"sensitive|overreacting|dramatic|jealous|paranoid|insecure|controlling|needy|"
               r"crazy|irrational|unreasonable|hysterical|petty|exaggerating|sentimental|uptight|"
               r"soft|harsh|strict|bored|addicted|against|fussy|picky|obsessed|stubborn|"
               r"difficult|negative|moody|clingy|possessive|ungrateful|spoiled|a people pleaser|"
               r"a bad|a terrible|an idiot|the problem|to blame|a control freak|a nag)")
_INTERPRETATION = [re.compile(x) for x in (
    r" you (?:think|believe|assume|reckon|feel like|feel that) i am (?:\w+ )?" + _EVALUATIVE,
    r" you (?:are|were|get|got|have been|are being|were being) (?:just |a bit |being |so |too |"
    r"really |kind of |a little )*" + _EVALUATIVE,
    r" i am (?:just |a bit |being |so |too |really |kind of |a little )*" + _EVALUATIVE,
    r" you (?:just )?want to (?:control|punish|win|prove|make me|get back at|show)",
    r" you (?:are|were) blaming me",
    r" it is (?:all )?my fault",
    r" (?:you|i) (?:do not|does not|did not|never) (?:trust|love|respect|like|care about|"
    r"find \w+ attractive|want)",
    r" you (?:think|believe|assume|reckon|feel like) (?:i|my|we)\b",
    r" (?:because|since|cause) (?:you|i) (?:are|am|were|was|do not|did not|just|want|think|"
    r"are trying|were trying|have been)",
    r" you are (?:trying|just trying) to ",
    r" you are feeling \w+ because ",
)]
_ALWAYS_ADDED = frozenset(_INTERPRETATION[:3])
# A mirror clause this close in meaning to one of the sender's points is not an addition.
ADDED_BELOW = 0.5


def _added(senders: list[Analysis], m: Analysis, results: list[PointCheck],
           support: dict[int, float]) -> list[dict]:
    """Judgements and motives in the mirror that the sender did not say: a clause that
    carries none of the sender's points and reads someone's mind or judges them."""
    sender_line = " " + " ".join(w.norm for a in senders for w in a.words) + " "
    aligned = {k for r in results for k in r.aligned}
    out = []
    for clause in _clauses_of(m):
        line = " " + " ".join(m.words[k].norm for k in clause) + " "
        backed = sum(m.weights[k] for k in clause if k in aligned)
        total = sum(m.weights[k] for k in clause)
        free = support.get(m.clause_of[clause[0]], 0.0) < ADDED_BELOW and backed < 0.5 * total
        for pattern in _INTERPRETATION:
            hit = pattern.search(line)
            if hit and (free or pattern in _ALWAYS_ADDED) and not _said_by_sender(
                    hit.group(0), sender_line):
                out.append({"point": "", "change": "interpretation",
                            "mirror_says": _span_text(m, clause)})
                break
    return out


def _said_by_sender(phrase: str, sender_line: str) -> bool:
    swapped = " ".join(_SWAP.get(w, w) for w in phrase.split())
    return phrase.strip() in sender_line or swapped in sender_line


_SWAP = {"i": "you", "me": "you", "my": "your", "you": "i", "your": "my", "am": "are",
         "are": "am"}


# ----------------------------------------------------------------------------- verdict


def _merge(per_try: list[list[PointCheck]]) -> list[PointCheck]:
    """One result per point over all tries: the latest try decides what it said (carried or
    changed); what it did not say keeps the best an earlier try did."""
    rank = {"carried": 3, "changed": 2, "unsure": 1, "missed": 0}
    last = per_try[-1]
    out = []
    for n, result in enumerate(last):
        if result.status in ("carried", "changed"):
            out.append(result)
            continue
        best = max((t[n] for t in per_try), key=lambda r: (rank[r.status], r.coverage))
        out.append(best)
    return out


def _verdict(points: list[Point], results: list[PointCheck], added: list[dict], *,
             summary: bool) -> MirrorCheck:
    weights = [p.weight for p in points]
    total = sum(weights)
    score = sum(w * min(r.coverage, 1.0) for w, r in zip(weights, results, strict=True)) / total
    texts = _unique(r.text for r in results)
    matched = _unique(r.text for r in results if r.status == "carried")
    missed = _unique(r.text for r in results if r.status == "missed")
    changed = [{"point": r.text, "change": r.change, "mirror_says": r.mirror_says}
               for r in results if r.status == "changed"] + added
    unsure = [r for r in results if r.status == "unsure"]
    if not matched and not changed and score < MISSED_BELOW:
        return MirrorCheck(round(score, 3), "missed", texts, [], texts, [], True,
                           tuple(results))
    if changed or missed:
        verdict, confident = "partial", True
        if summary and not changed and _summary_enough(points, results):
            verdict = "complete"
    elif unsure:
        verdict, confident = "unsure", False
    else:
        verdict, confident = "complete", True
    return MirrorCheck(round(min(score, 1.0), 3), verdict, texts, matched, missed, changed,
                       confident, tuple(results))


def _summary_enough(points: list[Point], results: list[PointCheck]) -> bool:
    """A summary may shorten: enough when every chunk came back in its main part."""
    for chunk in {p.chunk for p in points}:
        mine = [(p, r) for p, r in zip(points, results, strict=True) if p.chunk == chunk]
        weight = sum(p.weight for p, _ in mine)
        got = sum(p.weight for p, r in mine if r.status == "carried")
        if weight and got / weight < 0.5:
            return False
    return True


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
