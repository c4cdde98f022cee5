"""What a couple keeps coming back to, found by meaning and named in their own words.

Each dialogue is read as one vector: the topic named at the appointment (counted twice: it
is what the couple chose to talk about) and what each sender shared, its feelings left out
(a feeling says how it is, not what it is about; "I feel lonely" would pull every dialogue
together), from the on-device meaning model (``understanding/model.py``). Dialogues are
grouped by average linkage: two groups join while their dialogues are, on average, at least
``THEME_LINK`` alike. A group of two or more dialogues is a theme, named by the phrase the
couple said that is closest to the group's centre, preferring a topic they named.

``THEME_LINK`` was chosen on a separate set of 26 made-up dialogues across nine themes
(``tests/test_themes.py``): at 0.45 every theme is found and no group mixes two; at 0.40
work and friends ran together, at 0.50 the in-laws were no longer found.

Appreciations are grouped on their own (each one a unit, not the whole dialogue): "how you
make me laugh" said in three dialogues is something the couple keeps appreciating.
"""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np

from facilitator.understanding import rules
from facilitator.understanding import wordmatch as wm
from facilitator.understanding.points import analyse

THEME_LINK = 0.45
#: Appreciations are short and alike in form ("your courage", "your loyalty"): they must be
#: closer. At 0.55 such pairs ran together in the generated histories; at 0.6 only the same
#: thing said again ("you kept your phone away", "you left your phone in the hall") did.
APPRECIATION_LINK = 0.6
MAX_THEMES = 6
# A topic the couple named is preferred as a theme's name when it is nearly as central as
# the best phrase: it is their own name for it.
_TOPIC_BONUS = 0.05
# Long phrases make poor names; past this many words each word costs a little.
_NAME_WORDS = 7


def find_themes(dialogues: list[tuple[datetime, dict]], model) -> list[dict]:
    """Themes across ``dialogues`` ((when, summary) of the dialogues held), most frequent
    first: name, other ways it was said, how many dialogues, the last date, the feelings
    named with it and the session ids."""
    items = []
    for moment, summary in dialogues:
        if summary.get("dialogue") == "appreciation":
            continue
        texts, phrases = _session_texts(summary)
        if texts:
            items.append((moment, summary, texts, phrases))
    if len(items) < 2:
        return []
    vectors = model.sentences([t for _, _, texts, _ in items for t in texts])
    rows, start = [], 0
    for _, _, texts, _ in items:
        rows.append(_unit(vectors[start:start + len(texts)].mean(axis=0)))
        start += len(texts)
    session_vectors = np.stack(rows)
    themes = []
    for group in _groups(session_vectors, THEME_LINK):
        if len(group) < 2:
            continue
        members = [items[k] for k in group]
        centre = _unit(session_vectors[group].mean(axis=0))
        candidates = _dedupe([(text, is_topic) for _, _, _, phrases in members
                              for text, is_topic in phrases])
        name = _name(candidates, centre, model)
        topics = _dedupe([(s.get("topic"), True) for _, s, _, _ in members if s.get("topic")])
        said = [t for t, _ in topics if _key(t) != _key(name)][:3]
        last = max(m for m, _, _, _ in members)
        themes.append({
            "name": name,
            "said": said,
            "dialogues": len(members),
            "last": last.date().isoformat(),
            "feelings": _feelings([s for _, s, _, _ in members]),
            "sessions": [s.get("id") for _, s, _, _ in sorted(members, key=lambda m: m[0])],
        })
    themes.sort(key=lambda t: (t["dialogues"], t["last"]), reverse=True)
    return themes[:MAX_THEMES]


def find_appreciated(dialogues: list[tuple[datetime, dict]], model) -> list[dict]:
    """What the couple keeps appreciating in each other: appreciations alike in meaning,
    said in two or more dialogues."""
    units = []  # (when, session id, what is appreciated, as said)
    for moment, summary in dialogues:
        for item in summary.get("appreciations") or []:
            text = str(item.get("text") or "")
            core = _appreciation_core(text)
            if core:
                units.append((moment, summary.get("id"), core, _appreciation_said(text)))
    if len(units) < 2:
        return []
    vectors = model.sentences([core for _, _, core, _ in units])
    found = []
    for group in _groups(vectors, APPRECIATION_LINK):
        sessions = {units[k][1] for k in group}
        if len(sessions) < 2:
            continue
        centre = _unit(vectors[group].mean(axis=0))
        best = max(group, key=lambda k: float(vectors[k] @ centre))
        found.append({
            "name": units[best][3],
            "dialogues": len(sessions),
            "last": max(units[k][0] for k in group).date().isoformat(),
        })
    found.sort(key=lambda t: (t["dialogues"], t["last"]), reverse=True)
    return found[:3]


# ----------------------------------------------------------------------------- inside


def _session_texts(summary: dict) -> tuple[list[str], list[tuple[str, bool]]]:
    """What a dialogue was about, as texts to read (the topic twice) and as candidate names
    (each with whether it is a topic the couple named)."""
    texts: list[str] = []
    phrases: list[tuple[str, bool]] = []
    topic = (summary.get("topic") or "").strip()
    if topic:
        texts += [topic, topic]
        phrases.append((topic, True))
    for exchange in summary.get("exchanges") or []:
        if exchange.get("stage") != "mirror":
            continue  # a summary repeats the pieces already read
        about = [p["text"] for p in _points(exchange) if p["kind"] != "feeling"]
        if about:
            texts.append(". ".join(about))
            phrases += [(p, False) for p in about]
    return texts, phrases


def _points(exchange: dict) -> list[dict]:
    points = exchange.get("points")
    if points:
        return [p for p in points if isinstance(p, dict) and p.get("text")]
    # A summary from before points were kept: its key phrases, feelings told by their words.
    return [{"text": phrase, "kind": "feeling" if rules.feeling_words(phrase) else "statement"}
            for phrase in exchange.get("key_phrases") or []]


def _feelings(summaries: list[dict]) -> list[str]:
    """Feeling words the senders used in these dialogues, most said first (at most three)."""
    counts: dict[str, int] = {}
    for summary in summaries:
        for exchange in summary.get("exchanges") or []:
            if exchange.get("stage") != "mirror":
                continue
            for point in _points(exchange):
                if point["kind"] != "feeling":
                    continue
                for word in rules.feeling_words(point["text"]):
                    counts[word] = counts.get(word, 0) + 1
    return [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:3]


def _appreciation_core(text: str) -> str:
    """What is appreciated, its first point only: "One thing I appreciate about you is how
    you make me laugh when I'm low" -> "you make me laugh". The rest (when, why) differs
    from one evening to the next and would hide that it is the same thing."""
    points = analyse(text, strip=wm.strip_stock).points
    return points[0].text.strip() if points else ""


_APPRECIATION_LEAD = re.compile(
    r"^\s*(?:one thing|something|what|a thing)\s+i\s+(?:really\s+)?appreciate"
    r"(?:\s+about\s+you)?\s+(?:is|are|was)\s+", re.IGNORECASE)


def _appreciation_said(text: str) -> str:
    """The appreciation as said, without its stock opening: "how calm you were"."""
    return _APPRECIATION_LEAD.sub("", text.strip()).strip(" .!") or text.strip()


def _name(candidates: list[tuple[str, bool]], centre: np.ndarray, model) -> str:
    vectors = model.sentences([text for text, _ in candidates])
    best, best_score = candidates[0][0], -2.0
    for (text, is_topic), vector in zip(candidates, vectors, strict=True):
        score = float(vector @ centre) + (_TOPIC_BONUS if is_topic else 0.0)
        score -= 0.01 * max(0, len(text.split()) - _NAME_WORDS)
        if score > best_score:
            best, best_score = text, score
    return best


def _groups(vectors: np.ndarray, link: float) -> list[list[int]]:
    """Average-linkage groups of unit ``vectors``: merge the two closest groups while their
    mean pairwise similarity is at least ``link``. A couple's history is tens of dialogues,
    so the plain O(n^3) way is quick enough."""
    similarity = vectors @ vectors.T
    groups = [[k] for k in range(len(vectors))]
    while len(groups) > 1:
        best, pair = -2.0, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                value = float(similarity[np.ix_(groups[a], groups[b])].mean())
                if value > best:
                    best, pair = value, (a, b)
        if pair is None or best < link:
            break
        a, b = pair
        groups[a] = groups[a] + groups[b]
        del groups[b]
    return groups


def _dedupe(items: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    seen: dict[str, tuple[str, bool]] = {}
    for text, is_topic in items:
        key = _key(text)
        if key and (key not in seen or is_topic and not seen[key][1]):
            seen[key] = (text, is_topic)
    return list(seen.values())


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split()).strip(" .,!?")


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v
