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
from facilitator.understanding import lexicon
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
# Whole-point meaning this far off: whatever words matched, the point is not there.
SPAN_NOTHING = 0.25
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
    change: str | None = None  # polarity, person, intensity, feeling, interpretation
    mirror_says: str = ""  # the mirror's words for it
    chunk: int = 0
    aligned: tuple[int, ...] = field(default=(), compare=False)  # mirror word positions
    signals: dict = field(default_factory=dict, compare=False, repr=False)


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
                "confident": self.confident,
                "points": [{"text": p.text, "kind": p.kind, "status": p.status,
                            **({"change": p.change} if p.change else {})}
                           for p in self.points]}


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
        before = [analyse(t, strip=wm.strip_stock) for t in tries[:-1]]
        per_try = [self._judge(senders, t)[0] for t in before]
        last, support = self._judge(senders, m)
        # A reply that says something of the sender ("you'd like me to cheer you on") is a
        # mirror, however freely it sums things up; only one that says nothing of them can
        # be the receiver's own reply.
        if _arguing(senders, m, last) or _own_side(senders, m) or _own_tail(
                senders, m, last, support) or (
                _own_reply(points, m, last) and not _speaks_of_sender(m)):
            return _all_missed(points)
        last = _pair_leftovers(last, m)
        results = _merge([*per_try, last])
        added = _added(senders, m, last, support)
        if _SUMS_UP.search(_line(m)):
            # "the whole evening routine", "all these big bills": a list summed up in a word
            # carries its items
            runs = _list_runs(points, senders)
            in_list = [_is_list(p) or k in runs or k > 0 and _ends_list(points[k - 1], p, senders)
                       for k, p in enumerate(points)]
            results = [_with(r, "carried") if r.status in ("missed", "unsure") and listed
                       else r for listed, r in zip(in_list, results, strict=True)]
        if not any(_asks(t) for t in [*before, m]):
            # a wish said back in no words of wishing at all may not be heard, however many of
            # its words the mirror uses to say something else ("you end up going to bed alone"
            # for "I'd like us to go to bed at the same time"); a request can be summed up
            # without them ("so a text if I'm late"), so the sender's own "did I get that?"
            # decides
            results = [_with(r, "unsure") if p.kind == "wish" and r.status == "carried" else r
                       for p, r in zip(points, results, strict=True)]
        return _verdict(points, results, added, summary=summary)

    def _judge(self, senders: list[Analysis],
               m: Analysis) -> tuple[list[PointCheck], dict[int, float]]:
        """Each point of the sender's against the mirror, and how well each mirror clause
        is backed by some point (its best similarity, by clause number: for additions)."""
        points = [(a, p) for a in senders for p in a.points]
        if not m.words:
            return [PointCheck(p.text, p.kind, "missed", 0.0, 0.0, chunk=p.chunk)
                    for _, p in points], {}
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
        point_vectors = np.stack([e.sentence for e in point_enc]) if point_enc else None
        support = {}
        for c, enc in zip(clauses, clause_enc, strict=True):
            best = float((point_vectors @ enc.sentence).max()) if point_vectors is not None else 0
            support[m.clause_of[c[0]]] = best
        index = wm.index(wm.Text(m.source, m.words, m.weights))
        found_by = {id(a): _lexical(wm.Text(a.source, a.words, a.weights), index)
                    for a in senders}
        feelings_by = {id(a): _feelings(a) for a in senders}
        self._sender_feelings = [f for a in senders for f in feelings_by[id(a)]]
        m_feelings = _feelings(m)
        return [self._point(p, a, enc, found_by[id(a)], m, m_positions, M, windows,
                            feelings_by[id(a)], m_feelings)
                for (a, p), enc in zip(points, point_enc, strict=True)], support

    def _point(self, p: Point, a: Analysis, enc, found, m: Analysis,
               m_positions: list[int], M: np.ndarray, windows, s_feelings,
               m_feelings) -> PointCheck:
        total = sum(a.weights[k] for k in p.content) or 1.0
        # Where each word of the point could have come back: {mirror position: strength}.
        candidates: dict[int, dict[int, float]] = {}
        unmatched: list[tuple[int, int, float]] = []  # (sender pos, nearest mirror pos, cos)
        signals_feel: list[float] = []
        # A feeling comes back as any word or idiom of its family ("gutted" as "knocked the
        # stuffing out of you").
        inside = set(p.positions)
        mine = [(pos, f) for pos, f in s_feelings if set(pos) & inside]
        pairs = []  # (sender feeling, mirror feeling): the same feeling said back
        for pos, f in mine:
            for partner in _partners(f, m_feelings):
                pairs.append(((pos, f), partner))
                for k in pos:
                    for q in partner[0]:
                        candidates.setdefault(k, {})[q] = 1.0
        for k in p.content:
            hit = found.get(k)
            if hit:
                for q in hit.positions:
                    here = candidates.setdefault(k, {})
                    here[q] = max(here.get(q, 0.0), hit.strength)
            v = enc.span(a.words[k].start - p.start, a.words[k].end - p.start)
            if not len(m_positions) or v is None:
                continue
            sims = M @ v
            for j in np.nonzero(sims >= WORD_MEANS)[0]:
                q, sem = m_positions[int(j)], float(sims[j])
                here = candidates.setdefault(k, {})
                here[q] = max(here.get(q, 0.0), 1.0 if sem >= WORD_MEANS + 0.1 else 0.8)
            if any(k in pos for pos, _ in mine):
                m_feel = [j for j, q in enumerate(m_positions)
                          if any(q in mp for mp, _ in m_feelings)]
                if m_feel:
                    signals_feel.append(max(float(sims[j]) for j in m_feel))
            if not hit:
                j = int(np.argmax(sims))
                unmatched.append((k, m_positions[j], float(sims[j])))
        # The part of the mirror that carries the point: the clause (or two) where most of
        # its words came back. Words found elsewhere belong to other points.
        best = (-1.0, 0.0, 0.0, [])
        for vec, window in windows:
            span = set(window)
            got = sum(a.weights[k] * max((v for q, v in candidates.get(k, {}).items()
                                          if q in span), default=0.0) for k in p.content)
            sim = float(vec @ enc.sentence)
            score = got / total + 0.5 * sim
            if score > best[0]:
                best = (score, got / total, sim, window)
        _, coverage, similarity, window = best
        span = set(window)
        anywhere = sum(a.weights[k] * max(candidates.get(k, {}).values(), default=0.0)
                       for k in p.content) / total
        lexical = sum(a.weights[k] * found[k].strength for k in p.content if k in found) / total
        signals = {"coverage": coverage, "similarity": similarity, "anywhere": anywhere,
                   "lexical": lexical, "global_sim": max((float(v @ enc.sentence)
                                                          for v, _ in windows), default=0.0),
                   "weight": p.weight, "words": len(p.content), "feeling": bool(mine),
                   "felt_back": bool(pairs), "kind": p.kind,
                   "feeling_sim": max(signals_feel, default=0.0)}
        aligned = sorted({q for k in p.content for q in candidates.get(k, {}) if q in span})
        change = _change(p, a, found, unmatched, aligned, m) or _feeling_changed(
            a, mine, [(s_f, m_f) for s_f, m_f in pairs if set(m_f[0]) & span],
            # a feeling none of whose words came back is looked for where the point's meaning
            # is nearest ("kind of relieved" -> "kind of disappointed")
            aligned or (list(window) if mine and similarity >= SPAN_CARRIED else []), m,
            m_feelings, found, [x for x in self._sender_feelings if x not in mine],
            signals["feeling_sim"]) or _frequency_changed(p, a, aligned, m) or _amount_changed(
            p, a, aligned, m) or _quantity_changed(p, a, aligned, m) or _hedge_hardened(
            p, a, aligned or list(window), m)
        if change is not None:
            kind, says = change
            return PointCheck(p.text, p.kind, "changed", coverage, similarity, kind, says,
                              p.chunk, tuple(aligned or window), signals)
        # A named feeling that came back in no form (no word of it, no word of its family,
        # nothing near it in meaning) leaves the point unheard however much else came back:
        # "you sit at home" for "I sit at home and feel invisible".
        feeling_dropped = p.kind == "feeling" and bool(mine) and not pairs and not any(
            candidates.get(k) for pos, _ in mine for k in pos if k in p.content) and (
            signals["feeling_sim"] < FEELING_NEAR)
        signals["feeling_dropped"] = feeling_dropped
        if feeling_dropped:
            # however close the rest came ("how you handled Jake's tantrum"), the feeling
            # was the message ("I'm so proud of how you handled it")
            status = "missed"
        elif coverage >= CARRIED or similarity >= SPAN_CARRIED:
            status = "carried"
        elif coverage < LOW and similarity < SPAN_MISSED or (
                similarity < SPAN_NOTHING and coverage < CARRIED - 0.1):
            status = "missed"  # a light word matched and nothing else: not a paraphrase
        else:
            status = "unsure"
        says = _span_text(m, aligned) if aligned else ""
        return PointCheck(p.text, p.kind, status, coverage, similarity, None, says, p.chunk,
                          tuple(aligned or (window if status != "missed" else ())), signals)

# ----------------------------------------------------------------------------- signals


# A point the words and vectors did not find, facing a mirror clause that carries nothing
# else, in its place in the order: most likely the same thing in other words.
LEFTOVER_CARRIED = 0.3


# Any word of wanting or asking: a mirror with none of them has said back no wish.
_WISHING = frozenset({"like", "love", "want", "wants", "wanted", "wanting", "wish", "wishes",
                      "wished", "need", "needs", "needed", "hope", "hoped", "hoping", "prefer",
                      "rather", "ask", "asks", "asked", "asking", "keen", "request", "please",
                      "would", "could", "should", "let", "longing", "help", "mind", "suggest",
                      "suggesting", "instead", "happier", "better", "wouldlike", "wouldlove",
                      "longfor", "appreciate"})


def _asks(m: Analysis) -> bool:
    return any(w.norm in _WISHING for w in m.words)


def _pair_leftovers(results: list[PointCheck], m: Analysis) -> list[PointCheck]:
    """Mirrors follow the sender's order. A point that seems missing, where the mirror has
    a clause in that place which no other point claims, was probably said in other words
    ("I feel awkward bringing this up" / "it feels a bit uncomfortable to raise"); a point
    with nothing left in its place was left out."""
    clauses = [c for c in _clauses_of(m) if sum(m.weights[k] for k in c) >= 0.8]
    used = {k for r in results if r.status in ("carried", "changed") for k in r.aligned}
    free = [c for c in clauses if sum(m.weights[k] for k in c if k in used) < 0.5 * sum(
        m.weights[k] for k in c)]
    if not free:
        return [r if r.status != "unsure" or r.coverage >= LOW else
                _with(r, "missed") for r in results]
    out = list(results)
    for n, r in enumerate(results):
        if r.status not in ("missed", "unsure"):
            continue
        before = [k for q in results[:n] if q.status in ("carried", "changed") for k in q.aligned]
        after = [k for q in results[n + 1:] if q.status in ("carried", "changed")
                 for k in q.aligned]
        lo = max(before, default=-1)
        hi = min(after, default=len(m.words))
        if lo >= hi:  # the mirror reordered things: any free clause may be the one
            lo, hi = -1, len(m.words)
        place = [c for c in free if lo < c[0] and c[-1] < hi]
        if place:
            clause = place[0]
            free.remove(clause)
            # A named feeling that never came back needs a clause close in meaning: "you
            # feel in charge" in its place is another feeling, not "unheard" in other words.
            if r.signals.get("feeling_dropped") or r.kind == "feeling" and not (
                    r.signals.get("felt_back") or r.coverage >= LOW
                    or r.signals.get("feeling_sim", 0.0) >= FEELING_NEAR):
                status = "carried" if r.similarity >= SPAN_MISSED else "unsure"
            else:
                status = "carried" if r.similarity >= LEFTOVER_CARRIED or r.coverage >= LOW \
                    else "unsure"
            out[n] = _with(r, status, clause)
        elif r.status == "unsure" and r.coverage < LOW:
            out[n] = _with(r, "missed")
    return out


def _with(r: PointCheck, status: str, aligned: list[int] | None = None) -> PointCheck:
    return PointCheck(r.text, r.kind, status, r.coverage, r.similarity, r.change, r.mirror_says,
                      r.chunk, tuple(aligned) if aligned is not None else r.aligned,
                      {**r.signals, "leftover": aligned is not None})


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
    sender = [w.norm for a in senders for w in a.words]
    if wm.plain_advice(sender, [w.norm for w in m.words]):
        return True
    mirror = [m.words[k].norm if k in set(free) else "|" for k in range(len(m.words))]
    return wm.not_a_mirror(sender, mirror, m.clause_of)


# What "I" may say in a mirror without speaking for themself: checking, hearing, seeing why.
_ACKNOWLEDGE = frozenset({
    "hear", "heard", "hearing", "see", "seeing", "saw", "get", "getting", "got", "understand",
    "understood", "imagine", "guess", "think", "know", "want", "hope", "need", "gather",
    "take", "follow", "caught", "catch", "believe", "reckon", "mean", "said", "say", "missed",
    "miss", "left", "forgot", "sorry", "wonder", "wondering", "check", "checking", "like",
    "wouldlike", "appreciate"})
_OWN_LEADS = frozenset({"but", "which", "though", "although", "fair", "honest", "honestly",
                        "actually", "defence", "defense", "still", "anyway", "except"})
# What may stand between "I" and what they say they do or feel ("I've really been", "I'm").
_LEAD_IN = tn.AUXILIARIES | tn.NEGATORS | {"really", "just", "also", "totally", "completely"}


def _own_tail(senders: list[Analysis], m: Analysis, results: list[PointCheck],
              support: dict[int, float]) -> bool:
    """Every point said back, then the receiver's own side in a clause of its own: "which
    to be fair I do most of the time", "but you know I've been working every weekend", "I
    really liked him too". A clause carrying none of the sender's points, far from all of
    them in meaning, whose subject is the speaker doing or feeling something, is the
    receiver talking for themself (while a point is still unfound, such a clause may be
    that point in other words: "and I stayed silent" for "you didn't say anything")."""
    if any(r.status not in ("carried", "changed") for r in results):
        return False
    aligned = {k for r in results for k in r.aligned}
    sender_line = _line(*senders)
    for clause in _clauses_of(m):
        if any(k in aligned for k in clause):
            continue
        if support.get(m.clause_of[clause[0]], 0.0) >= ADDED_BELOW:
            continue
        norms = [m.words[k].norm for k in clause]
        if "i" not in norms[:-1]:
            continue
        j = norms.index("i")
        lead = set(norms[:j]) - {"you", "know", "to", "be", "and", "so", "well", "i", "mean"}
        rest = [w for w in norms[j + 1:] if w not in _LEAD_IN]
        if not rest or rest[0] in _ACKNOWLEDGE or _said_by_sender(" ".join(norms[j:j + 3]),
                                                                  sender_line):
            continue
        # the receiver's side, said as such ("but", "which to be fair", "honestly"), or a
        # feeling of their own ("and to be honest I'm gutted about it too")
        if lead & _OWN_LEADS or (not lead and tn.is_feeling(rest[0]) and (
                rest[1:2] != ["you"])):  # not "I'll embarrass you": a deed, not a feeling
            return True
    return False


# Below this share of the sender's weight carried, a reply that mostly says other things is
# not a mirror at all ("The market was moving so fast, if I'd waited we'd have lost it").
OWN_REPLY_CARRIED = 0.35
OWN_REPLY_FREE = 0.5


def _own_reply(points: list[Point], m: Analysis, results: list[PointCheck]) -> bool:
    """Little of the sender's came back, and most of the reply is the receiver's own."""
    total = sum(p.weight for p in points)
    carried = sum(p.weight for p, r in zip(points, results, strict=True)
                  if r.status in ("carried", "changed"))
    if total and carried / total >= OWN_REPLY_CARRIED:
        return False
    aligned = {k for r in results if r.status != "missed" for k in r.aligned}
    weight = sum(m.weights)
    free = sum(w for k, w in enumerate(m.weights) if k not in aligned)
    return weight > 0 and free / weight >= OWN_REPLY_FREE


# How a mirror speaks of the sender: "you feel", "you'd like", "it makes you", "for you".
_SENDER_FRAME = re.compile(
    r" you (?:are |were |have been |had |get |got |must |might |also |really |just |still |"
    r"kind of |sort of |do |did |are starting to |have started to |are beginning to |"
    r"are trying to |keep trying to |seem to |tend to )*"
    r"(?:feel|feeling|felt|like|love|want|wanted|wish|need|needed|hope|mean|said|say|saying|"
    r"think|thought|worry|worried|miss|hate|would|end up|keep|find|notice|noticed|"
    r"appreciate|wouldlike|wouldlove)\b"
    r"| (?:makes|made|leaves|left|gets|got|takes|took|brings|sends) you | (?:for|to) you\b|"
    r" your (?:feeling|wish|need)")


def _speaks_of_sender(m: Analysis) -> bool:
    """Does the mirror say anything of the sender: a wish or a thought of theirs, or a
    feeling given to "you" ("you're really hurt", "it made you anxious")?"""
    line = _line(m)
    if _SENDER_FRAME.search(line):
        return True
    return any(_experiencer(m, pos[0]) == "you" for pos, _ in _feelings(m))


_DEFENCE = re.compile(r"^ (?:but|well|look|i|it was|that was|he|she|you know|come on|to be fair)\b|"
                      r" (?:but|only|just|actually|to be fair|you know that|anyway|either|the one "
                      r"who|not like|exactly|the wrong way|which is different|i did not say|"
                      r"i never said|that is not what i|everyone does|everybody does)\b")


def _own_side(senders: list[Analysis], m: Analysis) -> bool:
    """The receiver speaking for themself: no sentence about the sender at all ("you feel",
    "you'd like") and mostly "I" doing the talking ("I do help, I did the dishes on
    Monday"), or the receiver's own feeling ("I'm still really angry at him", "it breaks
    my heart too") where the sender spoke of none of theirs."""
    line = _line(m)
    sender_line = _line(*senders)
    if any(line == _line(a) for a in senders):
        return False  # the sender's turn said back word for word, "I" and all: a parrot
    clauses = [c for c in _clauses_of(m) if sum(m.weights[k] for k in c) > 0]
    if not clauses:
        return False
    subjects = [next((m.words[k].norm for k in c if m.words[k].norm in _SUBJECTS), "")
                for c in clauses]
    mine = sum(s in ("i", "my") for s in subjects)
    about_sender = _speaks_of_sender(m)
    if not about_sender and mine >= max(1, len(clauses) / 2) and _DEFENCE.search(line):
        return True
    # a feeling the sender caused the receiver ("I didn't mean to hurt you") comes back with
    # the sender still the one causing it ("you didn't mean to hurt me"): a faithful mirror,
    # not a feeling of the receiver's own ("it really hurt me when you laughed")
    given = set() if _DEFENCE.search(line) else {
        f.family for a in senders for pos, f in _feelings(a) if _experiencer(a, pos[0]) == "you"}
    own_feeling = any(
        (m.words[pos[0] - 1].norm if pos[0] > 0 else "") not in _NOUN_BEFORE and _experiencer(
            m, pos[0]) == "I" and not (g.family in given and _actor(m, pos[0]) == "you")
        for pos, g in _feelings(m))
    return own_feeling and not re.search(r" you (?:feel|felt|are|were|get|got) ", sender_line) and (
        not about_sender)


def _line(*turns: Analysis) -> str:
    """The normalised words of one or more turns, with a space at each end, for the
    phrase patterns (" you feel ", "^ but ")."""
    return " " + " ".join(w.norm for a in turns for w in a.words) + " "


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


# ----------------------------------------------------------------------------- feelings


def _feelings(a: Analysis) -> list[tuple[tuple[int, ...], lexicon.Feeling]]:
    """Feeling words and idioms of the lexicon in a turn, as (word positions, feeling)."""
    out = []
    for start, end, feeling in lexicon.feelings_in(a.source):
        pos = tuple(k for k, w in enumerate(a.words) if w.start >= start and w.end <= end)
        if pos:
            out.append((pos, feeling))
    return out


def _partners(f: lexicon.Feeling, m_feelings):
    """The mirror's feelings that say the same (same family, or a near one)."""
    same = [(pos, g) for pos, g in m_feelings if g.family == f.family]
    near = [(pos, g) for pos, g in m_feelings if g.valence == f.valence and
            lexicon.related(f.family, g.family) and g.family != f.family]
    return same + near


def _level(a: Analysis, pos: tuple[int, ...], f: lexicon.Feeling) -> int:
    """How strong a feeling is said: its own intensity, moved by a degree word just
    before or after it ("really scared", "bothered you a little"), within the scale's
    ends ("absolutely crushed" is no stronger than "gutted")."""
    return max(0, min(4, f.intensity + _degree_near(a, pos)))


def _degree_near(a: Analysis, pos: tuple[int, ...]) -> int:
    lo, hi = min(pos), max(pos)
    clause = a.clause_of[lo]
    best = 0
    for start in range(max(0, lo - 4), min(len(a.words), hi + 4)):
        if lo <= start <= hi or a.clause_of[start] != clause:
            continue
        if start > hi and any(a.words[j].norm not in _DEGREE_BETWEEN for j in range(hi + 1, start)):
            # after the feeling, only across its object ("bothered you a little"): in "worried
            # Sophie's spending too much time" the "too much" is the time's
            break
        for n in (3, 2, 1):
            words = [w.norm for w in a.words[start:start + n]]
            if len(words) < n or any(lo <= start + j <= hi for j in range(n)):
                continue
            level = None if " ".join(words) in _HEDGES else lexicon.degree(" ".join(words))
            if level is not None:
                shift = level - 2
                if abs(shift) > abs(best):
                    best = shift
                break
    return best


# What may stand between a feeling and a degree word after it that is still the feeling's.
_DEGREE_BETWEEN = frozenset({"me", "you", "him", "her", "us", "them", "it", "that", "this", "of",
                             "about", "by", "out", "up"})
# An entry that starts with its own degree ("a bit down") says its strength outright.
_DEGREE_LEADS = ("a bit ", "a little ", "a tad ", "bit ", "slightly ", "so ", "really ",
                 "very ", "totally ", "completely ", "utterly ", "absolutely ")
# Softeners people say out of habit, not to make a feeling weaker ("it kind of deflates me").
_HEDGES = frozenset({"kind of", "sort of", "kinda", "sorta", "kind", "sort", "a bit of",
                     "i guess", "like", "just", "honestly", "actually", "pretty"})
# Below this difference in strength a feeling said back is the same feeling.
INTENSITY_SHIFT = 3
# Two feelings of different families this close in meaning, word in context (cosine), say
# much the same ("awkward" / "uncomfortable"); further apart ("unheard" / "annoyed", 0.06)
# one came back in place of the other.
FEELING_NEAR = 0.3


def _hedged(a: Analysis, pos: tuple[int, ...]) -> bool:
    """A feeling said with a softener ("I kind of feel left out", "sort of hurt")."""
    before = " " + " ".join(a.words[j].norm for j in range(max(0, pos[0] - 4), pos[0])) + " "
    return bool(re.search(r" (?:kind of|sort of|kinda|sorta|a bit|a little|slightly|somewhat) ",
                          before))


def _feeling_changed(a: Analysis, mine, pairs, aligned: list[int], m: Analysis,
                     m_feelings, found, others=(), near: float = 0.0) -> tuple[str, str] | None:
    """A feeling said back flipped ("relieved" -> "regretting"), much stronger or weaker
    ("deeply hurt" -> "bothered you a little"), or another one in its place ("unheard" ->
    "annoyed")."""
    clauses = {m.clause_of[k] for k in aligned}
    loose = []
    if not pairs and mine and aligned:
        # no feeling of the same family came back, but one of the same kind did, much
        # weaker or stronger ("deeply hurt" -> "bothered you a little")
        loose = [(s, (m_pos, g)) for s in mine for m_pos, g in m_feelings
                 if g.valence == s[1].valence and m.clause_of[m_pos[0]] in clauses]
    for (s_pos, f), (m_pos, g) in pairs + loose:
        shift = abs(_level(a, s_pos, f) - _level(m, m_pos, g))
        # a shift of two counts where a degree word says it ("really scared" / "a little
        # anxious"), between words of one family of feeling
        said_so = (s_pos, f) in [x for x, _ in pairs] and (
            _degree_near(a, s_pos) or _degree_near(m, m_pos))
        # idioms' strengths are rough ("gutted" / "knocked the stuffing out of you"): between
        # them only a degree word said outright tells a feeling softened or blown up
        idiom = any(" " in e and not e.startswith(_DEGREE_LEADS) for e in (f.entry, g.entry))
        if _hedged(a, s_pos) and _level(m, m_pos, g) < _level(a, s_pos, f):
            continue  # "I kind of feel left out" -> "you feel a bit on the outside"
        if (shift >= INTENSITY_SHIFT and not idiom) or shift >= INTENSITY_SHIFT - 1 and said_so:
            return "intensity", _clause_text(m, m_pos[0])
    for (s_pos, f), (m_pos, g) in ([] if pairs else loose):
        if any(k in found for k in s_pos) or lexicon.related(f.family, g.family) or any(
                lexicon.related(g.family, o.family) for _, o in others):
            continue  # heard (misheard or split), near, or the mirror of another feeling
        if near < FEELING_NEAR:
            # another feeling of the same kind in its place ("annoyed" for "unheard"), far
            # from it in meaning: the sender is not heard
            return "feeling", _clause_text(m, m_pos[0])
    pairs = pairs + loose
    if pairs or not mine or not aligned:
        return None
    clauses = {m.clause_of[k] for k in aligned}
    for s_pos, f in mine:
        said = f.valence * (-1 if _negated_in_clause(a, s_pos[0]) else 1)
        here = [(g.valence * (-1 if _negated_in_clause(m, m_pos[0]) else 1), m_pos)
                for m_pos, g in m_feelings if m.clause_of[m_pos[0]] in clauses]
        if any(back == said for back, _ in here) or _partners(f, m_feelings):
            # a feeling of the sender's kind is there too, or the very feeling came back in
            # another clause ("keen to save ... and you're fed up of it" for "I want to save,
            # I'm sick of renting"): no sign of a flip
            continue
        if here:
            return "polarity", _clause_text(m, here[0][1][0])
    return None


def _region(m: Analysis, aligned: list[int]) -> list[int]:
    """The mirror's words in the clauses where a point came back (``aligned``)."""
    clause_ids = {m.clause_of[k] for k in aligned if m.clause_of[k] >= 0}
    return [k for k, c in enumerate(m.clause_of) if c in clause_ids]


def _frequencies(a: Analysis, positions) -> list[int]:
    """How-often levels said within ``positions`` ("sometimes" 2, "all the time" 4)."""
    inside = set(positions)
    out = []
    seen: set[int] = set()
    for k in sorted(inside):
        if k in seen:
            continue
        for n in (4, 3, 2, 1):
            if all(k + j in inside for j in range(n)):
                # the words as said: textnorm joins "all the time" into one token
                said = " ".join(a.source[w.start:w.end] for w in a.words[k:k + n]).lower()
                level = lexicon.frequency(said)
                if level is None:
                    level = lexicon.frequency(" ".join(w.norm for w in a.words[k:k + n]))
                if level is not None:
                    out.append(level)
                    seen.update(range(k, k + n))
                    break
        else:
            # "every party", "each Sunday": as often as "every night" is, whatever is counted
            if a.words[k].norm in ("every", "each") and k + 1 in inside and a.weights[k + 1] > 0:
                out.append(lexicon.frequency("every night"))
                seen.update((k, k + 1))
    return out


def _frequency_changed(p: Point, a: Analysis, aligned: list[int],
                       m: Analysis) -> tuple[str, str] | None:
    """How often, changed: "sometimes" -> "always", "a couple of times" -> "all the time"."""
    if not aligned:
        return None
    region = _region(m, aligned)
    said = _frequencies(a, p.positions) or _frequencies(a, range(len(a.words)))
    back = _frequencies(m, region)
    if not back:
        return None
    if said:
        if min(abs(x - y) for x in said for y in back) >= 2:
            return "intensity", _span_text(m, region)
    elif any(level in (0, 4) for level in back) and not any(
            a.words[k].norm in tn.NEGATORS for k in p.positions):
        return "intensity", _span_text(m, region)  # "always" where the sender said no such
    return None


# A wish held loosely ("I'd kind of like us to think about another baby at some point") said
# back as pressing ("you really want another baby soon"): the strength is the sender's to set.
_TENTATIVE = re.compile(r" (?:kind of|sort of|kinda|sorta|maybe|perhaps|at some point|some day|"
                        r"someday|one day|eventually|think about|thinking about|a bit|a little|"
                        r"might|possibly|wondering|wonder if|toying with)\b")
_PRESSING = re.compile(r" (?:really|definitely|desperately|urgently|soon|right away|right now|"
                       r"immediately|asap|badly|absolutely|totally|as soon as|straight away|"
                       r"have to|must|insist)\b")


def _hedge_hardened(p: Point, a: Analysis, aligned: list[int],
                    m: Analysis) -> tuple[str, str] | None:
    if p.kind != "wish" or not aligned:
        return None
    said = " " + " ".join(a.words[k].norm for k in p.positions) + " "
    region = _region(m, aligned)
    back = " " + " ".join(m.words[k].norm for k in region) + " "
    if not _TENTATIVE.search(said) or _TENTATIVE.search(back):
        return None
    hit = _PRESSING.search(back)
    if hit and hit.group(0).strip() not in _line(a):
        return "intensity", _span_text(m, region)
    return None


def _amounts(a: Analysis, positions) -> list[tuple[str, str]]:
    """(number, stem of the word it counts) within ``positions``: "15 minutes", "13 times"."""
    inside = sorted(positions)
    return [(a.words[k].norm, tn.stem(a.words[k + 1].norm)) for k in inside
            if a.words[k].norm.isdigit() and k + 1 < len(a.words) and k + 1 in inside]


def _amount_changed(p: Point, a: Analysis, aligned: list[int],
                    m: Analysis) -> tuple[str, str] | None:
    """How much, changed: "fifteen minutes late" -> "fifty minutes late", "like thirteen
    times" -> "like thirty times" (the recogniser's teens and tens, or an exaggeration). The
    same thing must be counted on both sides, and the sender's number nowhere in the mirror."""
    if not aligned:
        return None
    region = _region(m, aligned)
    said_back = {w.norm for w in m.words}
    for number, unit in _amounts(a, p.positions):
        if number in said_back:
            continue
        if any(u == unit and n != number for n, u in _amounts(m, region)):
            return "intensity", _span_text(m, region)
    return None


def _quantities(a: Analysis, positions) -> list[tuple[int, str]]:
    """(how much, the word it is said of) within ``positions``: "a bit more affection" ->
    (1, "more"), "loads of help" -> (3, "of")."""
    inside = sorted(positions)
    here = set(inside)
    out = []
    for k in inside:
        for n in (3, 2, 1):
            if not all(k + j in here for j in range(n + 1)):
                continue
            level = lexicon.quantity(" ".join(w.norm for w in a.words[k:k + n]))
            if level is not None:
                out.append((level, a.words[k + n].norm))
                break
    return out


def _quantity_changed(p: Point, a: Analysis, aligned: list[int],
                      m: Analysis) -> tuple[str, str] | None:
    """How much, changed, said of the same thing: "a bit more affection" -> "loads more
    affection", "some of the chores" -> "all of the chores"."""
    if not aligned:
        return None
    region = _region(m, aligned)
    said = _quantities(a, p.positions)
    for level, word in _quantities(m, region):
        if any(w == word and abs(level - x) >= 2 for x, w in said):
            return "intensity", _span_text(m, region)
    return None


def _clause_text(m: Analysis, k: int) -> str:
    return _span_text(m, [j for j, c in enumerate(m.clause_of) if c == m.clause_of[k]] or [k])


# ----------------------------------------------------------------------------- changes

# Negations a paraphrase often moves or rewords ("without the TV" / "with the TV off").
_FLIP_GUARD = frozenset({"no", "nothing", "nobody", "none", "without"})


# A "not" said back in other words: "no screens" -> "a screen-free evening", "we didn't
# book it" -> "we held off booking it", "don't shout" -> "avoid shouting".
_NEGATIVE_LEADS = frozenset({"avoid", "avoids", "avoided", "avoiding", "skip", "skipping",
                             "skipped", "stop", "stopping", "stopped", "quit", "quitting",
                             "refrain", "refraining", "postpone", "postponing", "postponed",
                             "delay", "delaying", "instead", "than",
                             # "not sleeping" -> "barely sleeping", "trouble sleeping", "wrecking
                             # her sleep", "lack of sleep": the want of it said in a word
                             "barely", "hardly", "scarcely", "lack", "lacking", "trouble",
                             "struggling", "struggle", "struggles", "poor", "wrecking", "wrecked",
                             "ruining", "ruined", "losing", "short"})
_OFF_VERBS = frozenset({"hold", "held", "holding", "put", "putting", "lay", "laying", "leave",
                        "leaving", "give", "giving", "cut", "cutting", "go", "going"})


def _negative_in_other_words(m: Analysis, q: int) -> bool:
    """Is the mirror's word q negated by what the words around it mean rather than by a
    "not": "screen-free", "held off booking", "avoid shouting", "instead of going"?"""
    nxt = m.words[q + 1] if q + 1 < len(m.words) else None
    if nxt is not None and nxt.norm == "free" and not nxt.brk:
        return True
    for j in range(max(0, q - 3), q):
        if m.clause_of[j] != m.clause_of[q]:
            continue
        w = m.words[j].norm
        if w in _NEGATIVE_LEADS or w == "off" and j > 0 and m.words[j - 1].norm in _OFF_VERBS:
            return True
    return False


_SCOPE_ENDS = frozenset({"but", "so", "because", "when", "if", "while", "though",
                         "although", "then", "since", "which", "that"})


_COMPARATIVES = {"more": {"less", "fewer"}, "less": {"more"}, "fewer": {"more"},
                 "earlier": {"later"}, "later": {"earlier", "sooner"}, "sooner": {"later"},
                 "better": {"worse"}, "worse": {"better"}, "faster": {"slower"},
                 "slower": {"faster"}, "longer": {"shorter"}, "shorter": {"longer"}}


def _opposites(a: str, b: str) -> bool:
    """"fast"/"slowly", "early"/"late", "want"/"refuse"."""
    if tn.antonyms(a, b) or lexicon.are_antonyms(a, b):
        return True
    bare = [w[:-2] if w.endswith("ly") and len(w) > 4 else w for w in (a, b)]
    return bare != [a, b] and lexicon.are_antonyms(*bare)


_NOT_AFTER = tn.AUXILIARIES | tn.PRONOUNS | tn.CLAUSE_WORDS | {
    "feel", "feels", "felt", "feeling", "or", "to", "why", "just", "really", "still", "and",
    # "you'd rather not go back", "you had better not", "you'd prefer not to"
    "rather", "better", "prefer"}


def _real_not(a: Analysis, j: int) -> bool:
    """A "not" after no auxiliary, pronoun or clause start ("I like wearing not something")
    is what the recogniser made of other words, not a negation."""
    return j == 0 or a.words[j].brk > 0 or a.words[j - 1].norm in _NOT_AFTER


def _clause_negated(a: Analysis, k: int) -> bool:
    """Is there any negation in word k's clause?"""
    return any(w.norm in tn.NEGATORS - _FLIP_GUARD for j, w in enumerate(a.words)
               if a.clause_of[j] == a.clause_of[k])


def _negated_in_clause(a: Analysis, k: int) -> bool:
    """Is word k itself negated: a "not", "no", "never" just before it ("I don't feel
    heard", "no friends yet"), with no comma, new clause, preposition or article between
    ("we don't argue at the store" does not negate the store)?"""
    j = k - 1
    while j >= 0 and k - j <= 2:
        w = a.words[j].norm
        if w == "to" and j > 0 and a.words[j - 1].norm in {"not", "never"} and not (
                a.words[j].brk or a.words[j + 1].brk):
            return True  # "I'd like us not to shout"
        if a.words[j + 1].brk or w in _SCOPE_ENDS or w in tn.PREPOSITIONS - {"without"}:
            return False
        # ("No, ..." answering a question stops above: a comma ends the scope)
        if w in tn.NEGATORS - {"without"} and (w != "not" or _real_not(a, j)):
            return True
        j -= 1
    return False


def _change(p: Point, a: Analysis, found, unmatched, aligned: list[int],
            m: Analysis) -> tuple[str, str] | None:
    """How a point that came back was changed, if it was: (kind, the mirror's words)."""
    if not aligned:
        return None
    region = _region(m, aligned)
    if not region:
        return None
    # "more" said back as "less": a comparative flipped
    said = {a.words[k].norm for k in p.positions} & _COMPARATIVES.keys()
    back = {m.words[k].norm for k in region}
    for word in said:
        if _COMPARATIVES[word] & back and word not in back:
            return "polarity", _span_text(m, region)
    # both said, each of the other thing: "spend less on takeaways and put more in savings" ->
    # "spend more on takeaways and put less in savings"
    q = _comparatives_swapped(p, a, m, region)
    if q is not None:
        return "polarity", _clause_text(m, q)
    # "I'd rather do the ironing than the cooking" -> "you'd rather do the cooking than the
    # ironing": the two sides of a preference swapped, every word of it heard
    q = _sides_swapped(p, a, m)
    if q is not None:
        return "polarity", _clause_text(m, q)
    # the feeling given to someone else: "I feel judged" -> "you feel like you're judging
    # them", "the kids are worried", "I must feel judged"
    person = None
    if not _in_senders_voice(a, m):
        person = _person_changed(p, a, found, m)
        if person is None:
            person = _feeler_changed(p, a, m, region)
        if person is None:
            person = _actor_swapped(p, a, m, region)
        if person is None:
            person = _relative_kept(p, a, m, region)
    if person is not None:
        return "person", _span_text(m, [j for j in region if m.clause_of[j] == m.clause_of[
            person]] or region)
    # a word swapped for its opposite, where the point came back: "drive fast" -> "drive
    # slowly"
    sender_stems = {w.stem for w in a.words}
    for k, best, sem in unmatched:
        if a.weights[k] < 1.0:
            # "go" / "come", "get" / "give": light words swap freely in a paraphrase, unless
            # the opposite comes in the very same frame ("keep going" -> "stop going")
            q = _same_frame_opposite(a, k, m, region, sender_stems)
            if q is not None:
                return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                                  m.clause_of[q]] or region)
            continue
        if _negated_in_clause(a, k) != _negated_in_clause(m, best):
            continue  # "it wasn't easy" -> "it was hard": one "not" turns the opposite round
        if m.words[best].stem in sender_stems:
            continue  # "you do weekdays, I'll do weekends": the mirror's word is the sender's too
        if best in region and sem >= 0.35 and _opposites(a.words[k].norm, m.words[best].norm):
            return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                              m.clause_of[best]] or region)
        # the opposite may stand a word away from where the vectors put the nearest one:
        # "keep going to the gym" -> "stop going to the gym" (nearest to "keep": "going")
        for q in region:
            if (m.words[q].stem not in sender_stems and m.weights[q] >= 1.0
                    and _negated_in_clause(a, k) == _negated_in_clause(m, q)
                    and _opposites(a.words[k].norm, m.words[q].norm)):
                return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                                  m.clause_of[q]] or region)
    # the same word back with a "not" lost or added: "I don't feel heard" -> "you feel heard".
    # Only the very word (same stem) counts, said in a clause that carries the point: a
    # synonym or a word met elsewhere in the mirror may carry its negation in other words
    # ("we never talk" -> "we haven't discussed it ... to have that conversation").
    point_stems = {a.words[j].stem for j in p.content}
    for k in p.content:
        hit = found.get(k)
        if not hit or hit.strength < 1.0 or not (_negation_matters(a, k) or any(
                _negation_matters(m, q, mirror=True) for q in hit.positions)):
            continue
        if a.words[k].norm in tn.NEGATORS:
            continue
        # an opposite found for the word ("forgot" / "remember") is no flip where the sender
        # said that word too, in a point of its own ("I just wanted you to remember")
        same = [q for q in hit.positions if m.words[q].stem == a.words[k].stem or (
            hit.flip and m.words[q].stem not in sender_stems)]
        others = point_stems - {a.words[k].stem}
        same = [q for q in same if q in region and (not others or any(
            m.words[j].stem in others for j in region if m.clause_of[j] == m.clause_of[q]))]
        if not same:
            continue
        # Only a plain case counts: "not" right before the word on one side, and no
        # negation at all in the clause on the other. Negation moved around a paraphrase is
        # not a flip.
        s_neg = _negated_in_clause(a, k)
        m_negs = {_negated_in_clause(m, q) != hit.flip for q in same}
        s_clause_neg = _clause_negated(a, k)
        m_clause_neg = any(_clause_negated(m, q) != hit.flip for q in same)
        # "no reminders" said back as "without being reminded": the "no" came back as a
        # "without", a negation too
        kept_as_without = not hit.flip and any(
            m.words[j].norm in _FLIP_GUARD for q in same for j in range(max(0, q - 3), q)
            if m.clause_of[j] == m.clause_of[q]) or s_neg and any(
            _negative_in_other_words(m, q) for q in same)
        if (s_neg and not m_clause_neg and True not in m_negs and not kept_as_without) or (
                not s_clause_neg and not s_neg and False not in m_negs):
            q = same[0]
            return "polarity", _span_text(m, [j for j in region if m.clause_of[j] ==
                                              m.clause_of[q]] or region)
    return _modal_unnegated(p, a, found, region, m)


def _compared(x: Analysis, k: int) -> set[str]:
    """The content words a comparative at k is said of: the next three in its clause."""
    return {x.words[j].stem for j in range(k + 1, min(len(x.words), k + 4))
            if x.clause_of[j] == x.clause_of[k] and x.weights[j] >= 1.0}


def _comparatives_swapped(p: Point, a: Analysis, m: Analysis, region: list[int]) -> int | None:
    """Where the mirror gives the sender's "less X ... more Y" as "more X ... less Y": each
    comparative said back of the thing the other was said of (None: it is not)."""
    for k in p.positions:
        word = a.words[k].norm
        if word not in _COMPARATIVES or not (things := _compared(a, k)):
            continue
        for q in region:
            if m.words[q].norm in _COMPARATIVES[word] and _compared(m, q) & things and not any(
                    m.words[j].norm == word and _compared(m, j) & things for j in region):
                return q
    return None


# The words that make the comparison, on neither side of it.
_PREFERRING = frozenset({"rather", "prefer", "prefers", "preferred", "more", "less", "better",
                         "sooner", "much", "lot", "lots", "way", "far"})


def _sides(x: Analysis, t: int) -> tuple[set[str], set[str]]:
    """The content words on each side of "than" at word t, three at most a side, within the
    sentence: what is preferred and what it is preferred to."""
    def side(steps) -> set[str]:
        out = []
        for j in steps:
            if not 0 <= j < len(x.words) or x.words[j].brk and j > t or (
                    j < t and x.words[j + 1].brk):
                break
            if x.weights[j] >= 1.0 and x.words[j].norm not in _PREFERRING:
                out.append(x.words[j].stem)
            if len(out) == 3:
                break
        return set(out)
    return side(range(t - 1, -1, -1)), side(range(t + 1, len(x.words)))


def _sides_swapped(p: Point, a: Analysis, m: Analysis) -> int | None:
    """Where the mirror says the sender's "A than B" as "B than A" (None: it does not)."""
    thans = [k for k in p.positions if a.words[k].norm == "than"]
    if not thans:
        return None
    before, after = _sides(a, thans[0])
    before, after = before - after, after - before
    for q, w in enumerate(m.words):
        if w.norm != "than":
            continue
        m_before, m_after = _sides(m, q)
        # what stands on the same side in both ("I love the beach more than ..." / "you
        # love the mountains more than ...") frames the comparison; the rest swapped sides
        if (before - m_before) & m_after and (after - m_after) & m_before:
            return q
    return None


_MODALS = frozenset({"can", "could", "will", "would", "should"})


def _negated_modal(a: Analysis, k: int) -> str | None:
    """The modal whose "not" governs word k: "I can't do Wednesdays" -> "can"."""
    for j in range(k - 1, max(-1, k - 5), -1):
        if a.clause_of[j] != a.clause_of[k]:
            return None
        if a.words[j].norm in ("not", "never") and j > 0 and a.words[j - 1].norm in _MODALS:
            return a.words[j - 1].norm
    return None


def _modal_unnegated(p: Point, a: Analysis, found, region: list[int],
                     m: Analysis) -> tuple[str, str] | None:
    """ "I can't do Wednesdays any more" said back "you can do Wednesdays": the thing named
    comes back word for word under the same modal, with the "not" gone from its clause."""
    for k in p.content:
        hit = found.get(k)
        modal = _negated_modal(a, k) if hit and hit.strength >= 1.0 else None
        if modal is None:
            continue
        for q in hit.positions:
            clause = [j for j in range(len(m.words)) if m.clause_of[j] == m.clause_of[q]]
            if q in region and not _clause_negated(m, q) and not _negative_in_other_words(
                    m, q) and any(m.words[j].norm == modal for j in clause if j < q):
                return "polarity", _span_text(m, clause)
    return None


# Light verbs whose negation is the point ("I don't want to go"), when they govern something.
_NEGATABLE_LIGHT = frozenset({"want", "need", "like", "love", "feel", "remember", "care",
                              # "I'd like you not to tell your parents", "I can't do pickup"
                              "tell", "do", "go", "let", "say", "ask", "call", "come", "see",
                              "take", "give", "talk"})


def _same_frame_opposite(a: Analysis, k: int, m: Analysis, region: list[int],
                         sender_stems: set[str]) -> int | None:
    """Where the mirror says the opposite of the sender's word k between the same two
    neighbours: "keep going to" / "stop going to", "want to go" / "refuse to go"."""
    def around(x: Analysis, j: int) -> tuple[str, str]:
        before = x.words[j - 1].norm if j > 0 else ""
        after = x.words[j + 1].norm if j + 1 < len(x.words) else ""
        return before, after

    b, f = around(a, k)
    for q in region:
        mb, mf = around(m, q)
        if (f and mf == f or b and mb == b and b not in tn.PRONOUNS) and (
                m.words[q].stem not in sender_stems) and (
                _negated_in_clause(a, k) == _negated_in_clause(m, q)) and _opposites(
                a.words[k].norm, m.words[q].norm):
            return q
    return None


def _negation_matters(a: Analysis, k: int, *, mirror: bool = False) -> bool:
    if a.weights[k] >= 1.0:
        return not mirror
    nxt = a.words[k + 1] if k + 1 < len(a.words) else None
    return (a.words[k].norm in _NEGATABLE_LIGHT and nxt is not None and not nxt.brk and
            nxt.norm not in tn.FILLERS - {"to"} and _negated_in_clause(a, k))


_OBJECTS = {"me": "I", "you": "you", "us": "we", "him": "other", "her": "other",
            "them": "other"}
_SUBJECTS = {"i": "I", "you": "you", "we": "we", "he": "other", "she": "other",
             "they": "other", "my": "I", "your": "you", "our": "we", "his": "other",
             "their": "other"}
_SKIP_LEFT = tn.AUXILIARIES | tn.NEGATORS | tn.FILLERS | {
    "feel", "feels", "felt", "feeling", "get", "gets", "got", "getting", "must", "might",
    "seem", "seems", "seemed", "become", "became", "a", "an", "the", "like", "to", "so",
    "really", "quite", "bit", "little", "kind", "sort", "of", "more", "most", "all", "pretty",
    "totally", "completely", "absolutely", "deeply", "very", "too", "also", "somewhat",
    "slightly", "extremely", "incredibly", "super", "rather", "fairly", "even", "still",
    "always", "never", "often", "sometimes", "just", "been", "being", "genuinely", "honestly",
    "actually", "properly", "truly", "terribly", "awfully", "utterly", "quite", "bit",
    "recently", "lately", "now", "starting", "beginning", "getting", "growing", "proper",
    "think", "thinks", "thought", "know", "knew", "guess", "suppose", "say", "said", "mean",
    "believe", "sounds", "sound", "seem", "that", "this", "is", "why"}


_NOUN_BEFORE = frozenset({"that", "this", "the", "a", "an", "with", "of", "about", "some", "any",
                          "no", "such", "much", "more", "less", "and", "or", "for", "from",
                          "into", "through", "without", "all"})
_COPULAS = frozenset({"is", "are", "was", "were", "feel", "feels", "felt", "get", "gets", "got",
                      "seem", "seems", "seemed", "be", "been", "becomes", "became"})


def _experiencer(a: Analysis, k: int) -> str | None:
    """Who has the feeling said at word k: "I", "you", "we" or "other" (None: unclear).
    "it scares me" (the object), "I'm scared" (the subject), "the kids are worried"; a
    feeling used as a noun ("with that fear", "carry guilt") is nobody's in particular."""
    clause = a.clause_of[k]
    for j in (k + 1, k + 2):
        if j < len(a.words) and a.clause_of[j] == clause and a.words[j].norm in _OBJECTS and (
                a.words[k].norm not in {"on", "at", "with", "for"}):
            if j == k + 1 or a.words[k + 1].norm in {"feel", "so", "really", "for", "to"}:
                return _OBJECTS[a.words[j].norm]  # "it scares me", "overwhelming for you"
    if k > 0 and a.words[k - 1].norm in _NOUN_BEFORE:
        return None
    j = k - 1
    while j >= 0 and a.clause_of[j] == clause:
        w = a.words[j].norm
        if a.words[j + 1].brk:
            return None  # "you loved Friday, | really loved it": the subject is further back
        if w in _SUBJECTS:
            return _SUBJECTS[w]
        if w in {"me", "us"} and j + 1 < len(a.words) and a.words[j + 1].norm in {
                "feel", "so", "really", "very"}:
            return _OBJECTS[w]  # "makes me feel judged"
        if tn.is_feeling(w) or lexicon.feeling(w) or w in _SKIP_LEFT:
            j -= 1
            continue
        if a.weights[j] > 0 and j + 1 < k and a.words[j + 1].norm in _COPULAS:
            # "the kids are worried", "my mum is upset"; "the move feels scary": no one's
            return "other" if _is_person(a, j) else None
        if a.weights[j] > 0 and j + 1 == k and _SAID_IS.search(
                a.source[a.words[j].start:a.words[j].end]) and _is_person(a, j):
            return "other"  # "Ruby's frustrated", "the baby's exhausted": the 's is an "is"
        j -= 1
    return None


_PASSIVE = re.compile(r"(?:ed|en)$")
_SAID_IS = re.compile(r"['’]s$")


def _in_senders_voice(a: Analysis, m: Analysis) -> bool:
    """A mirror said as a quote, in the sender's own "I" with no "you" anywhere, or word for
    word, "I" and all (a parrot): who feels what cannot have been swapped."""
    if not any(w.norm in tn.SECOND_PERSON for w in m.words) and any(
            w.norm in tn.FIRST_PERSON for w in m.words) and not _yours_made_mine(a, m):
        return True
    return [w.norm for w in m.words] == [w.norm for w in a.words]


def _yours_made_mine(a: Analysis, m: Analysis) -> bool:
    """The mirror turns what the sender said of the receiver ("your sister", "you're not
    taking your tablets") into "my sister", "I'm not taking my tablets": it speaks as the
    receiver, so an "I" in it is the receiver's, not a quote of the sender's."""
    def owned(x: Analysis, by) -> set[str]:
        return {x.words[j].stem for k, w in enumerate(x.words) if w.norm in by
                for j in range(k + 1, min(k + 3, len(x.words)))
                if x.weights[j] >= 1.0 and x.clause_of[j] == x.clause_of[k]}
    return bool(owned(a, tn.SECOND_PERSON) & owned(m, tn.FIRST_PERSON))


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
            if word in _DONE_TO and not _PASSIVE.search(said) and whom == "you" and (
                    tn.stem(said) == tn.stem(word) or tn.concept(said) == tn.concept(word)) and (
                    _does_it_to_someone(m, q)):
                return q
    return None


_FEEL = tn.FEEL_FORMS
_ARTICLES = frozenset({"a", "an", "the", "some"})


def _feeler(a: Analysis, k: int) -> str | None:
    """Who "feel" at word k is said of: a pronoun, or a name or noun just before it ("Jo
    felt left out", "my mum feels")."""
    who = _experiencer(a, k)
    j = k - 1
    if who is None and j >= 0 and a.clause_of[j] == a.clause_of[k] and (
            a.weights[j] > 0 and a.words[j].norm not in _SKIP_LEFT):
        return "other" if _is_person(a, j) else None
    return who


def _is_person(a: Analysis, j: int) -> bool:
    """Only a person feels: "the move to Austin feels scary" is the sender's fear said of the
    move, while "Jo felt left out" and "my mum is upset" are someone else's feelings. A
    capitalised word after a preposition ("to Austin") is a place, not a person."""
    return a.words[j].norm in _FEELERS or _capitalised_not_a_place(a, j)


def _capitalised_not_a_place(a: Analysis, j: int) -> bool:
    """Word j is written with a capital, and not after a preposition ("to Austin")."""
    said = a.source[a.words[j].start:a.words[j].end]
    return said[:1].isupper() and not (j > 0 and a.words[j - 1].norm in tn.PREPOSITIONS)


def _feeler_changed(p: Point, a: Analysis, m: Analysis, region: list[int]) -> int | None:
    """The sender's own "I feel ..." came back as someone else's feeling ("I felt left out
    when Jo went" -> "Jo felt left out"), or "I feel like a nag" came back with the receiver
    as the one who does it ("you feel like I nag you")."""
    mine = [k for k in p.positions if a.words[k].norm in _FEEL and _feeler(a, k) == "I"]
    if not mine:
        return None
    theirs = [q for q in region if m.words[q].norm in _FEEL]
    if not theirs:
        return None
    if all(_feeler(m, q) in ("I", "other") for q in theirs):
        return theirs[0]
    # "feel like" + a role with no one doing it ("like the bad guy", "like a nag"): the
    # feeler is the one it describes
    role = [k for k in mine if k + 2 < len(a.words) and a.words[k + 1].norm == "like"
            and a.words[k + 2].norm in _ARTICLES]
    for q in theirs:
        if role and _feeler(m, q) == "you" and q + 2 < len(m.words) and (
                m.words[q + 1].norm == "like") and m.words[q + 2].norm in ("i", "me", "my"):
            return q + 2
    return None


_ACTOR_SKIP = tn.AUXILIARIES | tn.NEGATORS | tn.FILLERS | {
    "really", "just", "always", "never", "also", "even", "still", "actually", "honestly",
    "literally", "totally", "barely", "hardly", "only", "then", "already", "to", "who"}
# People a partner speaks of: family, work, friends.
_PEOPLE = frozenset({
    "mum", "mom", "mother", "mummy", "mommy", "dad", "father", "daddy", "parents", "stepdad",
    "stepmum", "stepmom", "brother", "sister", "son", "daughter", "uncle", "aunt", "cousin",
    "grandma", "grandmother", "grandpa", "grandad", "granddad", "grandfather", "nan", "nana",
    "boss", "manager", "colleague", "coworker", "teacher", "friend", "friends", "mate",
    "mates", "neighbour", "neighbor", "ex", "family", "sister-in-law", "brother-in-law",
    "in-laws", "inlaws", "therapist", "doctor"})
_FEELERS = _PEOPLE | {"kids", "kid", "children", "child", "baby", "boys", "girls", "twins",
                      "everyone", "everybody", "people", "partner", "husband", "wife"}
_ACTOR_PRONOUNS = {"i": "I", "you": "you", "we": "we", "he": "third", "she": "third",
                   "they": "third"}


def _actor(x: Analysis, j: int) -> str | None:
    """Who does the verb at word j: "I", "you", "we", "third" (he, she, they), "someone"
    (a person named or a noun: "your mum", "my manager", "Claire"), or None when unclear."""
    i = j - 1
    while i >= 0 and x.clause_of[i] == x.clause_of[j] and not x.words[i + 1].brk:
        w = x.words[i].norm
        if w in _ACTOR_PRONOUNS:
            who = _ACTOR_PRONOUNS[w]
        elif w in _ACTOR_SKIP:
            i -= 1
            continue
        elif w in _PEOPLE or _capitalised_not_a_place(x, i) and not x.words[i].brk and (
                x.source[x.words[i].start:x.words[i].end].lower() == w):
            # "your mum", "my manager", "Claire" (not at a sentence start, nor a place: "the
            # move to Austin feels scary")
            who = "someone"
        else:
            return None
        # "you and your brother make plans", "my brother and I": two doers, left alone
        before = [x.words[h].norm for h in range(max(0, i - 2), i)]
        return None if "and" in before or "with" in before else who
    return None


def _relative_kept(p: Point, a: Analysis, m: Analysis, region: list[int]) -> int | None:
    """"my mum" said back as "my mum" to the sender: now the receiver's mother. Only the
    same word with the same "my" or "your" counts ("my mum" -> "your mum" is right)."""
    for k in p.positions:
        if k == 0 or a.words[k].norm not in _PEOPLE:
            continue
        mine = a.words[k - 1].norm
        if mine not in ("my", "your"):
            continue
        for q in region:
            if q > 0 and m.words[q].norm == a.words[k].norm and m.words[q - 1].norm == mine:
                return q
    return None


def _actor_swapped(p: Point, a: Analysis, m: Analysis, region: list[int]) -> int | None:
    """The same deed said back as done by someone else: "your mum didn't say hello to me"
    -> "I didn't say hello to you", "my manager thinks" -> "I think", "we didn't get
    invited" -> "he didn't get invited". Only a person of the couple against someone else
    counts; two names for one person ("your mother", "my mum") are left alone."""
    for k in p.content:
        if a.weights[k] <= 0:
            continue
        who = _actor(a, k)
        if who is None:
            continue
        for q in region:
            if m.words[q].stem != a.words[k].stem:
                continue
            back = _actor(m, q)
            if back is None:
                break
            if (who == "someone") != (back == "someone") and "third" not in (who, back) or (
                    who == "we" and back == "third"):
                return q
            # the deed kept in the sender's pronoun while the mirror speaks to the sender:
            # "I shouted at the kids" -> "you feel ashamed that I shouted at the kids"
            # (not a light verb, which a paraphrase reuses in another sense: "put yours
            # away" / "the work you put in")
            if who in ("I", "you") and back == who and a.weights[k] >= 1.0:
                return q
            break
    return None


def _does_it_to_someone(a: Analysis, q: int) -> bool:
    """"judging them", "nag me", "putting pressure on me": the verb has someone as object."""
    after = [a.words[j].norm for j in range(q + 1, min(q + 4, len(a.words)))
             if a.clause_of[j] == a.clause_of[q]]
    return bool({"me", "them", "him", "her", "us"} & set(after))


# Feelings of being done to: "I feel judged" turned round is "you judge me".
_DONE_TO = frozenset({"judged", "nagged", "pressured", "punished", "criticized", "criticised",
                      "blamed", "controlled", "rushed", "watched", "attacked", "ignored",
                      "dismissed", "rejected", "pushed", "used", "manipulated", "smothered",
                      "interrupted", "lectured", "mocked", "teased", "bossed", "micromanaged",
                      "guilted", "shamed", "hurried", "questioned", "doubted", "tested"})
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
    r" (?:you|i) (?:are|am) not (?:attracted to|in love with|interested in) (?:me|you)\b",
    r" you (?:blame|resent|hate|judge) me\b",
    r" you (?:think|believe|assume|reckon|feel like) (?:i|my|we)\b",
    r" (?:because|cause) (?:you|i) (?:are|am|were|was|do not|did not|just|want|think|"
    r"are trying|were trying|have been)",
    r" you are (?:trying|just trying) to ",
    # a motive read into it: "you're just looking for an excuse", "you're basically saying
    # I'm never there"
    r" (?:looking for|making|using \w+ as|finding) (?:an |any |some )?excuses?\b",
    r" you are (?:basically |really |just |kind of )?(?:saying|calling me|accusing me)"
    r" (?:that )?(?:i|i am|my|me)\b",
    r" you are feeling \w+ because ",
    # a reason or a meaning the sender never gave, in a clause of its own that carries none
    # of their points: "because I care more about my phone than about you", "so basically
    # you're not attracted to me", "like I'm doing it on purpose"
    r"^ (?:and |so |but )?(?:because|since|cause|cos|as if|like|basically|so basically|which "
    r"means|meaning|which is why|that is why) (?:it is |that )?(?:i|you|we|my|your)\b",
)]
_ALWAYS_ADDED = frozenset(_INTERPRETATION[:3])
# A reason given where the sender gave none ("I feel lonely when you're on your phone" ->
# "... because I care more about my phone than about you") is the receiver's, however many
# of the sender's words it borrows, unless it is where one of the sender's points came back
# ("it's the one thing from my nan I've kept" -> "because it's something you've held on to").
_REASON_START = re.compile(r"^ (?:and |so |but )?(?:because|since|cause|cos) ")
_REASON_WORDS = frozenset({"because", "since", "cause", "cos", "why", "reason", "so"})
# A mirror clause this close in meaning to one of the sender's points is not an addition.
ADDED_BELOW = 0.5


def _added(senders: list[Analysis], m: Analysis, results: list[PointCheck],
           support: dict[int, float]) -> list[dict]:
    """Judgements and motives in the mirror that the sender did not say: a clause that
    carries none of the sender's points and reads someone's mind or judges them."""
    sender_line = _line(*senders)
    aligned = {k for r in results for k in r.aligned}
    gave_reason = any(w.norm in _REASON_WORDS for a in senders for w in a.words)
    out = []
    for clause in _clauses_of(m):
        line = " " + " ".join(m.words[k].norm for k in clause) + " "
        backed = sum(m.weights[k] for k in clause if k in aligned)
        total = sum(m.weights[k] for k in clause)
        unsupported = support.get(m.clause_of[clause[0]], 0.0) < ADDED_BELOW
        free = unsupported and backed < 0.5 * total
        carries = any(r.status == "carried" and r.aligned and 2 * sum(
            k in clause for k in r.aligned) >= len(r.aligned) for r in results)
        if unsupported and not gave_reason and not carries and _REASON_START.search(line):
            out.append({"point": "", "change": "interpretation",
                        "mirror_says": _span_text(m, clause)})
            continue
        for pattern in _INTERPRETATION:
            hit = pattern.search(line)
            if hit and (free or pattern in _ALWAYS_ADDED) and not _said_by_sender(
                    hit.group(0), sender_line):
                out.append({"point": "", "change": "interpretation",
                            "mirror_says": _span_text(m, clause)})
                break
    # a feeling the sender never named, given to them with a reason: "you're feeling
    # neglected because I've been going to bed later"
    said = [f.family for a in senders for _, f in _feelings(a)]
    reported = {e["mirror_says"] for e in out}
    for pos, g in _feelings(m):
        clause = [k for k, c in enumerate(m.clause_of) if c == m.clause_of[pos[0]]]
        line = " " + " ".join(m.words[k].norm for k in clause) + " "
        text = _span_text(m, clause)
        if text in reported or _experiencer(m, pos[0]) != "you" or any(
                lexicon.related(g.family, f) for f in said):
            continue
        nxt = [m.words[k].norm for k in range(pos[-1] + 1, min(pos[-1] + 3, len(m.words)))]
        if "because" in nxt or " because " in line and g.valence < 0 and not said:
            out.append({"point": "", "change": "interpretation", "mirror_says": text})
            reported.add(text)
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


# A mirror that carried this share of the sender's weight may leave out one detail.
DETAIL_OK = 0.75
_PERSONAL = frozenset({"i", "me", "my", "you", "your", "we", "us", "our"})


# Words a mirror sums a list up with: "all the Christmas prep", "a whole string of
# appointments", "one app or another", "everything piling up at work".
_SUMS_UP = re.compile(r" (?:all|every|everything|whole|these|those|stuff|things|lot|lots|"
                      r"string|pile|piling|load|loads|list|bunch|another|sorts|various|each)\b")


def _is_list(p: Point) -> bool:
    """A point that is a run of short items: "the presents, the cards, the food shop",
    "Instagram, the news, the group chat"."""
    items = [x for x in re.split(r",| and | then | or ", p.text) if x.strip()]
    return len(items) >= 2 and p.text.count(",") >= 1 and all(
        len(x.split()) <= 5 for x in items)


def _ends_list(before: Point, p: Point, senders: list[Analysis]) -> bool:
    """``p`` is the last item of the list ``before``, split off at its "and": "the car
    insurance, the boiler repair, Mia's braces | and your sister's wedding"."""
    if not _is_list(before) or len(p.text.split()) > 5:
        return False
    gap = _between(before, p, senders)
    return gap is not None and gap.strip(" ,") in ("and", "or", "and then", "and also", "plus")


def _between(before: Point, p: Point, senders: list[Analysis]) -> str | None:
    """What the sender said between two points, lower-cased; None when they are not of one
    chunk."""
    if before.chunk != p.chunk or p.chunk >= len(senders):
        return None
    return senders[p.chunk].source[before.end:p.start].lower()


_RUN_SEPARATORS = (",", ", then", "then", ", and", "and", ", and then")


def _list_runs(points: list[Point], senders: list[Analysis]) -> set[int]:
    """Points that are items of a list said as short clauses of their own, three or more in
    a row: "you cancelled on Sam's birthday, then the pub quiz, then the barbecue at Lou's",
    "your mom rearranged my cupboards, she commented on my cooking, she criticised ..."."""
    def item(p: Point) -> bool:
        return p.kind in ("statement", "situation") and len(p.text.split()) <= 8

    out: set[int] = set()
    run: list[int] = []
    for k, p in enumerate(points):
        gap = _between(points[k - 1], p, senders) if run and item(p) else None
        joined = gap is not None and gap.strip() in _RUN_SEPARATORS
        if joined:
            run.append(k)
        else:
            if len(run) >= 3:
                out.update(run)
            run = [k] if item(p) else []
    if len(run) >= 3:
        out.update(run)
    return out


def _is_core(p: Point, a_words) -> bool:
    """Feelings, wishes, reasons and situations are the message; a list of things or an
    aside ("your cousin asked", "the dentist, the car insurance") is a detail."""
    if p.kind in ("feeling", "wish", "reason"):
        return True
    if p.kind == "situation":
        return p.weight >= 1.0
    norms = {w.lower().strip(".,!?'") for w in p.text.replace("'", " ").split()}
    return bool(norms & _PERSONAL) and p.weight >= 1.3


# One point missed by a narrow margin, with some of its words back in a part of the mirror
# of their own and its meaning not far off, is the sender's to judge: on the dev split such
# a miss was as often a paraphrase the words did not find as a point dropped. Words back only
# where another point came back ("phones" in "you feel unheard when I look at my phone") are
# that point's, and the missed one is missed.
NARROW_COVERAGE = 0.2
NARROW_SIMILARITY = 0.2


def _narrowly_missed(r: PointCheck, results: list[PointCheck]) -> bool:
    others = {k for o in results if o.status == "carried" for k in o.aligned}
    # a feeling is the message: its point left out is named however much came back around it
    return r.kind != "feeling" and r.coverage >= NARROW_COVERAGE and (
        r.similarity >= NARROW_SIMILARITY) and bool(set(r.aligned) - others)


def _verdict(points: list[Point], results: list[PointCheck], added: list[dict], *,
             summary: bool) -> MirrorCheck:
    weights = [p.weight for p in points]
    total = sum(weights)
    score = sum(w * min(r.coverage, 1.0) for w, r in zip(weights, results, strict=True)) / total
    texts = _unique(r.text for r in results)
    matched = _unique(r.text for r in results if r.status == "carried")
    changed = [{"point": r.text, "change": r.change, "mirror_says": r.mirror_says}
               for r in results if r.status == "changed"] + added
    core = [_is_core(p, None) for p in points]
    core_weight = sum(p.weight for p, c in zip(points, core, strict=True) if c) or total
    carried_share = sum(p.weight for p, c, r in zip(points, core, results, strict=True)
                        if c and r.status == "carried") / core_weight
    lost = [(c, r) for c, r in zip(core, results, strict=True) if r.status == "missed"]
    doubt = [(c, r) for c, r in zip(core, results, strict=True) if r.status == "unsure"]
    if not matched and not changed and score < MISSED_BELOW:
        return MirrorCheck(round(score, 3), "missed", texts, [], texts, [], True,
                           tuple(results))
    detail_only = carried_share >= DETAIL_OK and not any(c for c, _ in lost + doubt) and (
        len(lost) + len(doubt) <= 1)
    missed = _unique(r.text for _, r in lost if r.text not in matched)
    if not changed and len(lost) == 1 and not doubt and _narrowly_missed(lost[0][1], results):
        doubt, lost = lost, []
    if changed or (lost and not detail_only):
        verdict, confident = "partial", True
        if summary and not changed and _summary_enough(points, results):
            verdict = "complete"
    elif doubt and not detail_only:
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
