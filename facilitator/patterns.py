"""Patterns of miscommunication across a couple's dialogues, told as theirs and kindly.

Read from what the session records keep of each dialogue (``records.summarize``): the
points of every mirror check with their kind and whether they came back (carried, missed,
changed), and the readings behind each piece of coaching (a validation with a "but", a
dismissive one, an empathy guess the sender corrected, blame put another way).

A pattern is something that happened in at least ``MIN_DIALOGUES`` different dialogues:
once is an evening, twice starts to be a habit. Each comes with one gentle suggestion for
next time. Nothing here says who did it: the text is about the couple ("in your mirrors"),
and the counts (also by person) are kept for ``reflect --details`` only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from facilitator.understanding import rules
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.points import analyse

MIN_DIALOGUES = 2
# A kind of point is "often missed" when a first mirror left out at least this share of
# the points of that kind (and that share is the highest of all kinds).
MISSED_SHARE = 0.25
# Who brings the topic: one partner in at least this share of at least MIN_STARTS dialogues.
LEAD_SHARE = 2 / 3
MIN_STARTS = 4

# Openings of a reply that explains or defends instead of mirroring ("hold on, I only ...").
# The understanding layer's own markers (``wordmatch.not_a_mirror``) are checked as well.
_DEFENSIVE_OPENINGS = ("but ", "that's not", "that is not", "hold on", "hang on", "well, i",
                       "i only", "i just", "i was just", "it's not like", "it is not like",
                       "to be fair", "actually", "come on", "no, ", "you know that",
                       "it wasn't", "it was not")

_KIND_WORDS = {"feeling": "feelings", "situation": "situations", "wish": "wishes",
               "reason": "reasons"}

# kind -> (what happens, as the couple's; one suggestion; one sentence to say aloud)
WORDING = {
    "missed_feeling": (
        "In your mirrors, the feeling is the part most often left out{example}.",
        "Listen for the \u201cI feel \u2026\u201d and mirror it first.",
        "Feelings are the part most easily left out of your mirrors, so you might mirror "
        "the feeling first next time."),
    "missed_situation": (
        "The moment it happens, the \u201cwhen \u2026\u201d, tends to slip out of your "
        "mirrors{example}.",
        "Try to mirror the \u201cwhen\u201d as well: it tells where the feeling comes from.",
        "The when of things tends to slip out of your mirrors, and it helps to keep it in."),
    "missed_wish": (
        "What the other would like, the \u201cI'd like \u2026\u201d, is often left out of "
        "a mirror{example}.",
        "Listen for the wish at the end and mirror it too: it is the way forward.",
        "What the other would like is often left out of a mirror, so listen for the wish "
        "at the end."),
    "missed_reason": (
        "The \u201cbecause \u2026\u201d often slips out of your mirrors{example}.",
        "Mirror the reason too: it is what makes the rest make sense.",
        "The reasons often slip out of your mirrors, and they are what makes the rest make "
        "sense."),
    "changed_intensity": (
        "Strong feelings sometimes came back softer, or stronger, in a mirror{example}.",
        "Use each other's own words for a feeling, even the strong ones.",
        "Strong feelings sometimes came back softer in a mirror, so keep each other's own "
        "words."),
    "changed_polarity": (
        "Now and then a mirror turned something around, a \u201cnot\u201d lost or "
        "added{example}.",
        "Slow down on the small words, like \u201cnot\u201d and \u201cnever\u201d.",
        "Now and then a mirror turned something around, so slow down on the small words."),
    "changed_person": (
        "Sometimes a feeling came back as the listener's own{example}.",
        "Keep the mirror about the one who shared: \u201cyou feel \u2026\u201d.",
        "Sometimes a feeling came back as the listener's own, so keep it about the one who "
        "shared."),
    "changed_interpretation": (
        "Mirrors sometimes added a guess about why.",
        "Mirror only what was said; guesses can wait for the empathy step.",
        "Mirrors sometimes added a guess about why, and guesses can wait for empathy."),
    "defended": (
        "Now and then a mirror turned into an answer of its own, explaining or "
        "defending{example}.",
        "When the urge to explain comes, take a breath and mirror first: your turn to share "
        "comes next.",
        "Now and then a mirror turned into a defence, so when the urge to explain comes, "
        "breathe and mirror first."),
    "validation_but": (
        "Some validations came with a \u201cbut\u201d.",
        "Let \u201cyou make sense\u201d stand on its own; your side can wait for your turn.",
        "Some validations came with a but, and you make sense can stand on its own."),
    "validation_dismissive": (
        "Some validations sounded more like \u201cwhatever\u201d than \u201cyou make "
        "sense\u201d.",
        "Name one thing that makes sense, even a small one: \u201cIt makes sense that "
        "\u2026\u201d.",
        "Some validations sounded more like whatever, so try naming one thing that makes "
        "sense."),
    "empathy_corrected": (
        "Empathy guesses were sometimes corrected by the one who shared.",
        "That is part of it: keep guessing aloud, and borrow the feeling words you heard.",
        "Your empathy guesses were sometimes corrected, and that is fine: keep guessing "
        "aloud."),
    "empathy_thought": (
        "Empathy sometimes named a thought (\u201cyou feel that I \u2026\u201d) rather "
        "than a feeling.",
        "Try one feeling word: \u201cyou might be feeling lonely\u201d.",
        "Empathy sometimes named a thought rather than a feeling, so try one feeling word."),
    "blame_rephrased": (
        "When a \u201cyou always\u201d or \u201cyou never\u201d slipped in, you turned it "
        "into an \u201cI feel\u201d.",
        "Starting with \u201cI feel \u2026 when \u2026\u201d from the first sentence saves "
        "the detour.",
        "When blame slipped in, you turned it into an I feel, which is the heart of it."),
    "blame": (
        "Sharing sometimes began with a \u201cyou always\u201d or \u201cyou never\u201d.",
        "Try starting with \u201cI feel \u2026 when \u2026\u201d: it is easier to hear.",
        "Sharing sometimes began with blame, and I feel, when is easier to hear."),
}


@dataclass
class _Tally:
    """What happened, by dialogue (so a pattern needs two evenings, not two moments)."""

    times: Counter = field(default_factory=Counter)
    dialogues: dict = field(default_factory=lambda: defaultdict(set))
    examples: dict = field(default_factory=dict)
    by_person: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, kind: str, session: str, *, person: str | None = None,
            example: str | None = None) -> None:
        self.times[kind] += 1
        self.dialogues[kind].add(session)
        if example and kind not in self.examples:
            self.examples[kind] = example
        if person:
            self.by_person[kind][person] += 1


def find_patterns(summaries: list[dict], *, details: bool = False) -> tuple[list[dict], dict]:
    """The couple's patterns, most frequent first, and (for ``--details``) the counts."""
    tally = _Tally()
    kinds_total: Counter = Counter()
    kinds_missed: Counter = Counter()
    for summary in summaries:
        session = str(summary.get("id"))
        for exchange in summary.get("exchanges") or []:
            _read_exchange(exchange, session, tally, kinds_total, kinds_missed)
        for coached in summary.get("coaching") or []:
            _read_coaching(coached, session, tally)

    missed_kind = _most_missed(kinds_total, kinds_missed)
    found = []
    for kind in sorted(tally.times, key=lambda k: (-len(tally.dialogues[k]), -tally.times[k], k)):
        if kind.startswith("missed_") and kind != missed_kind:
            continue  # one kind of point is named: the one left out most
        if len(tally.dialogues[kind]) >= MIN_DIALOGUES and kind in WORDING:
            found.append(_pattern(kind, tally))
    lead = _lead(summaries)
    if lead:
        found.append(lead)
    counts = {}
    if details:
        counts = {
            "points_first_try": {k: {"total": kinds_total[k], "missed": kinds_missed[k]}
                                 for k in sorted(kinds_total)},
            "times": dict(sorted(tally.times.items())),
            "dialogues": {k: len(v) for k, v in sorted(tally.dialogues.items())},
            "by_person": {k: dict(v) for k, v in sorted(tally.by_person.items())},
        }
    return found, counts


def _read_exchange(exchange: dict, session: str, tally: _Tally, kinds_total: Counter,
                   kinds_missed: Counter) -> None:
    attempts = exchange.get("attempts") or []
    receiver = exchange.get("receiver")
    for n, attempt in enumerate(attempts):
        if _defended(exchange, attempt):
            tally.add("defended", session, person=receiver, example=_short(attempt.get("text")))
            continue
        points = attempt.get("points") or []
        if n == 0 and exchange.get("stage") == "mirror":
            for point in points:
                kind = point.get("kind")
                if kind not in _KIND_WORDS:
                    continue  # a plain statement is neither a feeling nor a wish
                kinds_total[kind] += 1
                if point.get("status") == "missed":
                    kinds_missed[kind] += 1
                    tally.add(f"missed_{kind}", session, person=receiver,
                              example=point.get("text"))
        for point in points:
            if point.get("status") == "changed" and point.get("change"):
                tally.add(f"changed_{point['change']}", session, person=receiver,
                          example=point.get("text"))
        for change in attempt.get("changed") or []:
            if change.get("change") == "interpretation" and not change.get("point"):
                tally.add("changed_interpretation", session, person=receiver)


def _read_coaching(coached: dict, session: str, tally: _Tally) -> None:
    kind, why = coached.get("kind"), coached.get("why")
    if kind == "validation" and why == "rebuttal":
        tally.add("validation_but", session, person=coached.get("receiver"))
    elif kind == "validation" and why in ("dismissal", "sarcasm", "contempt"):
        tally.add("validation_dismissive", session, person=coached.get("receiver"))
    elif kind == "empathy" and why == "corrected":
        tally.add("empathy_corrected", session, person=coached.get("receiver"))
    elif kind == "empathy" and why == "thought":
        tally.add("empathy_thought", session, person=coached.get("receiver"))
    elif kind == "blame":
        after = coached.get("said_next")
        rephrased = isinstance(after, str) and after.strip() and not rules.find_blame(after)
        tally.add("blame_rephrased" if rephrased else "blame", session,
                  person=coached.get("sender"))


def _defended(exchange: dict, attempt: dict) -> bool:
    """A mirror that carried nothing of the sender's and argues, explains or advises."""
    points = attempt.get("points") or []
    carried = any(p.get("status") in ("carried", "changed", "unsure") for p in points)
    if carried or attempt.get("matched") or attempt.get("verdict") not in ("missed", None):
        return False
    text = str(attempt.get("text") or "").strip()
    if not text:
        return False
    plain = " ".join(re.sub(r"[^\w' ,]+", " ", text.replace("\u2019", "'").lower()).split())
    if plain.startswith(_DEFENSIVE_OPENINGS) or any(
            f" {marker} " in f" {plain.replace(',', ' ')} "
            for marker in ("i only", "i was just", "you know that")):
        return True
    sender = analyse(str(exchange.get("sender_text") or "")).words
    mirror = analyse(text, strip=wm.strip_stock)
    return wm.plain_advice([w.norm for w in sender], [w.norm for w in mirror.words]) or \
        wm.not_a_mirror([w.norm for w in sender], [w.norm for w in mirror.words],
                        mirror.clause_of)


def _most_missed(total: Counter, missed: Counter) -> str | None:
    """The kind of point first mirrors leave out most, if it is left out often enough."""
    best, best_share = None, 0.0
    for kind, n in total.items():
        share = missed[kind] / n if n else 0.0
        if share > best_share:
            best, best_share = kind, share
    if best is None or best_share < MISSED_SHARE:
        return None
    return f"missed_{best}"


def _lead(summaries: list[dict]) -> dict | None:
    """One partner brings the topic to most intentional dialogues: an invitation to the
    other, not a count."""
    starts = Counter(s.get("first_sender") for s in summaries
                     if s.get("dialogue") == "intentional" and s.get("first_sender"))
    total = sum(starts.values())
    if total < MIN_STARTS:
        return None
    (lead, count), = starts.most_common(1)
    partners = dict.fromkeys(p for s in summaries for p in s.get("partners") or [])
    other = next((p for p in partners if p != lead), None)
    if other is None or count < LEAD_SHARE * total:
        return None
    return {"kind": "who_begins",
            "text": f"Most of your dialogues began with {lead} bringing the topic.",
            "suggestion": f"{other} might bring the next one.",
            "spoken": f"{lead} has brought most of your topics, so {other}, perhaps you'd "
                      "like to bring the next one.",
            "example": None}


def _pattern(kind: str, tally: _Tally) -> dict:
    text, suggestion, spoken = WORDING[kind]
    example = tally.examples.get(kind) if "{example}" in text else None
    shown = f", like \u201c{example}\u201d" if example else ""
    return {"kind": kind, "text": text.format(example=shown), "suggestion": suggestion,
            "spoken": spoken, "example": example}


def _short(text: object, words: int = 12) -> str | None:
    """A reply quoted as an example: at most ``words`` words, without its last full stop."""
    if not isinstance(text, str) or not text.strip():
        return None
    parts = text.split()
    return " ".join(parts[:words]).rstrip(" .") + ("\u2026" if len(parts) > words else "")
