"""What a sender said, as *points*: a feeling, the situation, a wish or request, a reason.

A turn is cut into clauses (at sentence ends, commas, "when", "because", "but", "and I ...",
a new subject in mid-sentence), clauses without content are dropped or joined to their
neighbour ("I get, like, proper heart-pounding anxious" stays one), and each clause that
carries something becomes a point, kept in the sender's own words. Fillers and hedges
("like", "you know", "kind of", "honestly") are never points.

The mirror is cut the same way, so that a point can be compared with the part of the
mirror that carries it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator import textnorm as tn
from facilitator.textnorm import Word

# Words that open a new clause when they stand at the start of one.
_OPENERS = frozenset({"when", "whenever", "because", "cause", "cos", "cuz", "if", "but",
                      "although", "though", "while", "until", "unless", "which", "whereas",
                      "especially", "except", "otherwise", "before", "after", "since", "so",
                      "and", "or", "then", "plus", "also"})
# "and", "so", "since", "after", "before", "or", "then" only open a clause when a subject
# follows ("and I'd like ...", "so I feel ..."); else they join words ("bath and bedtime").
_NEED_SUBJECT = frozenset({"and", "so", "since", "after", "before", "or", "then", "plus",
                           "also"})
_SUBJECTS = frozenset({"i", "you", "we", "he", "she", "they", "it", "that", "this", "there",
                       "nobody", "everyone", "everybody", "someone", "my", "your", "our",
                       "his", "her", "their", "the", "people", "everything", "nothing"})
_WISH = re.compile(r" (?:i|we) (?:(?:would|really|just|also|still|do|kind of|sort of|so|honestly|"
                   r"actually|only) )*"
                   r"(?:like|love|want|wish|need|hope|prefer|ask|am asking|wouldlike|wouldlove|"
                   r"longfor)"
                   r" | (?:could|can|would|will) (?:we|you) | let us | please | i am asking | "
                   r"it would (?:be|mean|help) | (?:i|we) (?:should|could|have to|must|need to) |"
                   r" (?:more|less) (?:time|help|often) ")
_PERSONAL = frozenset({"i", "you", "we", "he", "she", "they", "it", "me", "us", "him",
                       "them", "that", "this", "there"})
_REASON = frozenset({"because", "cause", "cos", "cuz", "since"})
_SITUATION = frozenset({"when", "whenever", "if", "every", "after", "before", "while",
                        "until", "since", "each"})
# A clause that only completes the last one: "I get, | like, proper heart-pounding anxious".
_HANGING = frozenset({"get", "got", "feel", "felt", "feeling", "am", "is", "are", "was", "were",
                      "be", "been", "become", "became", "just", "so", "really", "the", "a",
                      "an", "my", "your", "our", "to", "of", "and", "but", "because", "like",
                      "with", "about", "for", "that", "it", "very", "kind", "sort", "bit"})


@dataclass
class Point:
    """One point of a turn, in the speaker's words."""

    text: str  # the sender's words, trimmed of fillers and leading conjunctions
    kind: str  # feeling, situation, wish, reason, statement
    positions: list[int]  # indices into the turn's words (all words of the clause)
    content: list[int]  # the content words among them
    weight: float  # how much it carries (sum of content weights)
    negated: bool
    start: int  # character span in the cleaned text
    end: int
    chunk: int = 0
    feelings: list[str] = field(default_factory=list)

    def __repr__(self) -> str:  # short, for debugging and reports
        return f"<{self.kind}: {self.text!r}>"


@dataclass
class Analysis:
    """One turn: its words, their weights, and its clauses as points."""

    source: str
    words: list[Word]
    weights: list[float]
    points: list[Point]
    clause_of: list[int]  # clause number of each word (-1: dropped, a filler clause)


def analyse(text: str, *, strip=None, chunk: int = 0) -> Analysis:
    """Cut ``text`` into points. ``strip`` removes stock phrases first (the mirror's "if I
    got that", "did I get that?"); it takes and returns a word list."""
    source = tn.clean(text)
    words = tn.words(source)
    if strip is not None:
        words = strip(words)
    weights = [_weight(words, k) for k in range(len(words))]
    clauses = _clauses(words, weights)
    clause_of = [-1] * len(words)
    points = []
    for n, clause in enumerate(clauses):
        for k in clause:
            clause_of[k] = n
        point = _point(source, words, weights, clause, chunk)
        if point is not None:
            points.append(point)
    return Analysis(source, words, weights, points, clause_of)


def _weight(words: list[Word], k: int) -> float:
    w = words[k].norm
    weight = tn.content_weight(w)
    prev = words[k - 1].norm if k > 0 else ""
    if w == "like" and prev in tn.PRONOUNS | tn.AUXILIARIES | tn.NEGATORS | {
            "really", "just", "also", "to"}:
        return 0.3  # "I'd like", "you don't like": the verb, not the filler
    if w in {"kind", "sort"} and k + 1 < len(words) and words[k + 1].norm == "of":
        return 0.0  # a hedge
    if w in {"against", "without", "instead"}:
        return 1.0  # "I'm not against it": the preposition is the point
    if w == "well" and prev in _BEING:
        return 1.0  # "my nan's not well", "you're not feeling well": health, not a filler
    return weight


_BEING = frozenset({"not", "feel", "feels", "felt", "feeling", "am", "is", "are", "was", "were",
                    "be", "been", "being", "get", "gets", "getting", "doing", "so", "too"})


# Words that only say when or how often: a clause of nothing else qualifies the next one
# ("Sometimes, like once or twice a week, | you're on your phone").
_WHEN_WORDS = frozenset({
    "sometimes", "once", "twice", "week", "weeks", "night", "nights", "day", "days", "always",
    "never", "often", "usually", "lately", "recently", "weekend", "weekends", "morning",
    "mornings", "evening", "evenings", "tonight", "today", "yesterday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "every", "time", "times", "month",
    "year", "2", "3", "1", "occasionally", "constantly", "a", "or", "like", "last", "then",
})


def _opens(words: list[Word], k: int) -> bool:
    w = words[k].norm
    if w not in _OPENERS:
        return False
    nxt = words[k + 1].norm if k + 1 < len(words) else ""
    if w in _NEED_SUBJECT:
        return nxt in (_PERSONAL | {"my", "your", "our", "his", "her", "their", "nobody",
                                    "everyone", "everybody", "someone", "people"}
                       if w == "and" else _SUBJECTS)
    return True


def _clauses(words: list[Word], weights: list[float]) -> list[list[int]]:
    raw: list[list[int]] = []
    for k, w in enumerate(words):
        new = not raw or w.brk > 0 or _opens(words, k) or _mid_subject(words, weights, k, raw)
        if new:
            raw.append([k])
        else:
            raw[-1].append(k)
    merged: list[list[int]] = []
    for clause in raw:
        if merged and (_completes(words, weights, merged[-1], clause) or _continues(
                words, weights, merged[-1], clause)):
            merged[-1].extend(clause)
        else:
            merged.append(clause)
    # a clause that is only an opener or fillers leans on the next one ("because | of ..."),
    # and so does one that only says when ("sometimes, | you're on your phone")
    out: list[list[int]] = []
    carry: list[int] = []
    for clause in merged:
        clause = carry + clause
        carry = []
        if sum(weights[k] for k in clause) == 0 and any(
                words[k].norm in _OPENERS for k in clause) or all(
                words[k].norm in _WHEN_WORDS or words[k].norm in tn.FILLERS for k in clause) and (
                any(words[k].norm in _WHEN_WORDS - {"a", "or", "like", "1", "then"}
                    for k in clause)):
            carry = clause
            continue
        out.append(clause)
    if carry:
        out.append(carry)
    return out


def _mid_subject(words: list[Word], weights: list[float], k: int, raw: list[list[int]]) -> bool:
    """A subject pronoun that starts a new statement inside a clause: "when you let Rocco off
    the lead | I get anxious" (content before it, a verb after it)."""
    w = words[k].norm
    if w not in {"i", "you", "we", "he", "she", "they"} or not raw or k + 1 >= len(words):
        return False
    before = raw[-1]
    if sum(weights[j] for j in before) < 1.5:
        return False
    prev = words[k - 1].norm
    if prev in tn.PREPOSITIONS or prev in {"that", "than", "and", "or", "let", "make", "made",
                                           "want", "need", "help", "like", "love", "tell",
                                           "told", "ask", "asked", "see", "saw", "hear"}:
        return False
    nxt = words[k + 1].norm
    return nxt in tn.AUXILIARIES or nxt in tn.NEGATORS or nxt in {"get", "got", "feel", "felt"}


def _completes(words, weights, before: list[int], clause: list[int]) -> bool:
    """Does ``clause`` only finish ``before``? ("I get, | like, proper heart-pounding anxious",
    "I felt | so small")."""
    last = [k for k in before if words[k].norm not in tn.FILLERS or words[k].norm in _HANGING]
    if not last:
        return False
    tail = words[last[-1]].norm
    if tail not in _HANGING or sum(weights[k] for k in before) >= 1.5 and tail not in {
            "get", "got", "feel", "felt", "am", "is", "are", "was", "were", "be", "become"}:
        return False
    return words[clause[0]].brk < 2


def _continues(words, weights, before: list[int], clause: list[int]) -> bool:
    """A comma and more of the same: a list ("Dinner, | bath time and bedtime all fall on
    me"), an aside ("bring them dinner, | just drop it off, | no pressure")."""
    if words[clause[0]].brk != 1 or _opens(words, clause[0]):
        return False
    head = [k for k in clause if words[k].norm not in tn.FILLERS or words[k].norm in _SUBJECTS]
    if not head:
        return True
    norms = [words[k].norm for k in clause]
    # a list: a few words without a subject pronoun or a verb's helper ("the blood tests",
    # "your cousin asked") goes with what came before it
    if len(head) <= 5 and not set(norms) & (_PERSONAL | tn.AUXILIARIES | tn.NEGATORS):
        return True
    first = words[head[0]].norm
    if first in _SUBJECTS or first in tn.NEGATORS:
        return False
    if sum(weights[k] for k in before) == 0:
        return True
    return not any(words[k].norm in {"i", "you", "we", "he", "she", "they"} for k in before[:2])\
        or len(head) <= 3


_TRAILING = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "ah", "like", "honestly",
                       "actually", "basically", "literally", "anyway", "anyways", "yeah", "so",
                       "well", "okay", "ok", "right", "though", "whatever", "mean", "guess"})
# Words a partner calls the other by: never a point ("Nico, I'm worried ...", "babe").
_ENDEARMENTS = frozenset({"babe", "baby", "honey", "hon", "love", "darling", "sweetheart",
                          "sweetie", "dear", "mate", "dude", "man", "buddy", "hun"})


def _point(source: str, words: list[Word], weights: list[float], clause: list[int],
           chunk: int) -> Point | None:
    content = [k for k in clause if weights[k] > 0 and words[k].norm not in _ENDEARMENTS]
    if len(content) == 1 and clause[0] == 0 and len(clause) == 1 and source[
            words[0].start:words[0].end][:1].isupper() and len(source) > words[0].end and source[
            words[0].end] == ",":
        return None  # a name said to the partner: "Nico, I'm worried about ..."
    weight = sum(weights[k] for k in content)
    if weight < 0.5:
        return None
    norms = [words[k].norm for k in clause]
    if _is_preamble(norms):
        return None
    line = " " + " ".join(norms) + " "
    # quote from the first word that is not a filler or a linking word
    lead = 0
    while lead < len(clause) - 1 and norms[lead] in tn.FILLERS and norms[lead] not in {
            "when", "if", "because", "whenever", "before", "after", "while", "until", "since",
            "not"} | tn.NEGATORS:
        lead += 1
    first = clause[lead]
    # to the end of the clause, without trailing fillers ("slow down", "ease off", "on me")
    if not content:
        return None
    # to the end of the clause, without hedges trailing after it ("slow down", "on me", "the
    # baby" stay; "..., honestly", "..., like" go)
    last = clause[-1]
    while last > content[-1] and (words[last].norm in _TRAILING or words[last].norm == "know" and
                                  words[last - 1].norm == "you"):
        last -= 1 + (words[last].norm == "know")
    text = source[words[first].start:words[last].end].strip(" ,;:-")
    feelings = [words[k].norm for k in content if tn.is_feeling(words[k].norm) and
                words[k].norm not in tn.AMBIGUOUS_FEELINGS]
    kind = _kind(norms, line, feelings)
    negated = any(n in tn.NEGATORS for n in norms)
    return Point(text, kind, list(clause), content, weight, negated, words[first].start,
                 words[last].end, chunk, feelings)


# What a sender says about the telling rather than the matter: "I know this sounds silly",
# "it's not a huge deal or whatever", "I've been thinking about this a lot", "I don't know how
# to say this". A fair listener leaves it out of a mirror, so it is never a point. Only
# "this" or "it" standing for the message counts: "I've been thinking about this job offer"
# is a point, and so is "it's not a big deal to you".
_PREAMBLE_SKIP = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "ah", "oh", "hmm", "like",
                            "so", "and", "but", "okay", "ok", "well", "look", "honestly", "just",
                            "really", "actually", "basically", "yeah"})
_THIS = r"(?:this|it|that)"
_PREAMBLE = re.compile(
    r" (?:i )*(?:"
    rf"(?:i )?(?:do )?(?:know|realise|realize|get|understand) (?:that )?{_THIS} "
    r"(?:probably |might |may |will |could |is going to |can )?(?:sounds?|seems?|is|be|come) "
    r"(?:silly|stupid|petty|dumb|daft|weird|small|trivial|minor|ridiculous|crazy|childish|"
    r"picky|a bit much|like nothing|like a small thing|out wrong)"
    rf"|{_THIS} (?:probably |might |may |will |could |is going to )?(?:sounds?|seems?) "
    r"(?:silly|stupid|petty|dumb|daft|weird|small|trivial|minor|ridiculous|crazy|childish|"
    r"picky)"
    rf"|(?:{_THIS} is )?(?:not|no) (?:a )?(?:huge |big |massive |major )?(?:deal|thing)"
    r"(?! to (?:you|me))(?! for (?:you|me))"
    rf"|(?:have |had )?(?:been )?thinking about {_THIS} (?:$|a lot |lots |for a while |"
    r"lately |all (?:day|week) |for (?:ages|days|weeks) )"
    rf"|do not (?:really )?know how to (?:say|put) {_THIS}"
    rf"|{_THIS} is (?:hard|difficult|awkward|not easy|scary) (?:for me )?to (?:say|talk about)"
    r"(?: (?:this|it))? $"
    r"|bear with me|here goes|where do i (?:start|begin)|do not know where to (?:start|begin)"
    r")")


def _is_preamble(norms: list[str]) -> bool:
    line = " " + " ".join(n for n in norms if n not in _PREAMBLE_SKIP) + " "
    return bool(_PREAMBLE.match(line.replace(" you know ", " ").replace(" i mean ", " ")))


def _kind(norms: list[str], line: str, feelings: list[str]) -> str:
    head = [n for n in norms if n not in tn.FILLERS or n in _SITUATION | _REASON]
    opener = head[0] if head else ""
    if opener in _REASON:
        return "reason"
    if _WISH.search(line):
        return "wish"
    if opener in _SITUATION:
        return "situation"
    if feelings:
        return "feeling"
    return "statement"
