"""What the facilitator says after a mirror check: short, warm, specific, and true.

It names what the receiver caught, then one part that may have been missed or came back
changed, in the sender's own words, and invites a mirror of just that part. Never a
score, never blame.

The sender's words are said back from the listener's side only where that is safe: one
mention of the sender ("I feel exhausted" -> "that Maya feels exhausted", never "they",
which could mean the couple), no "our" (as "your" it could mean the receiver's alone; "we"
becomes "you two"), no reported speech (a sender's "when you
said I was a bad mother" must never become "that Maya was a bad mother"), a whole clause.
Otherwise the sender is quoted: Maya also said: "I'm scared we're turning into my parents."
"""

from __future__ import annotations

import re

from facilitator import textnorm as tn
from facilitator.prompts import Prompts, load_prompts

# A point that opens with one of these is half a sentence ("when you called at midnight").
_SUBORDINATE = frozenset({"when", "whenever", "if", "because", "cause", "since", "before",
                          "after", "while", "until", "unless", "though", "although", "every",
                          "especially"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# "our" said back as "your" could mean the receiver's alone; "we" and "us" become "you two".
_OURS = frozenset({"our", "ours", "ourselves"})
# Words that report what someone said: what follows is a quote, not a fact.
_REPORTED = re.compile(r"\b(?:said|say|says|saying|told|tell|tells|called|call|calls|calling|"
                       r"asked|accused|yelled|shouted|texted|wrote|mentioned|joked|implied|"
                       r"suggested|claimed|swore|threatened)\b", re.IGNORECASE)
# In the order the caught parts are named.
_KIND_ORDER = ("feeling", "wish", "situation", "reason", "statement")


def mirror_feedback(check, *, sender: str, receiver: str, prompts: Prompts | None = None,
                    attempt: int = 0) -> str:
    """The spoken feedback for ``check`` (an ``understanding.mirror.MirrorCheck``)."""
    prompts = prompts or load_prompts()
    fields = {"sender": sender, "receiver": receiver, "Sender": _capital(sender)}
    if check.verdict == "complete":
        return prompts.text("feedback.complete", variant=attempt, **fields)
    if check.verdict == "unsure":
        return prompts.text("feedback.unsure", variant=attempt, **fields)
    points = list(getattr(check, "points", ()) or ())
    caught = _caught([p for p in points if p.status == "carried"], sender)
    if check.verdict == "missed" or not check.matched and not check.changed:
        first = _first_core([p for p in points if p.status == "missed"]) or (
            check.missed[0] if check.missed else "")
        if not first:
            return prompts.text("feedback.missed_empty", variant=attempt, **fields)
        return prompts.text("feedback.missed", variant=attempt, quote=_quote(first), **fields)
    changed = [c for c in check.changed if c.get("point")]
    if changed:
        return prompts.text("feedback.changed", variant=attempt, caught=caught,
                            quote=_quote(changed[0]["point"]), **fields)
    if check.changed:  # only something added: a judgement or a motive
        return prompts.text("feedback.added", variant=attempt, caught=caught, **fields)
    first = _first_core([p for p in points if p.status == "missed"]) or (
        check.missed[0] if check.missed else "")
    if not first:
        return prompts.text("feedback.missed_empty", variant=attempt, **fields)
    said = say_back(first, sender)
    if said is None:
        return prompts.text("feedback.partial_quote", variant=attempt, caught=caught,
                            quote=_quote(first), **fields)
    return prompts.text("feedback.partial", variant=attempt, caught=caught, missed=said,
                        **fields)


def say_back(text: str, sender: str) -> str | None:
    """The sender's words from the listener's side ("that Maya feels exhausted", "the part
    about when you get home late"), or None where only a quote is safe."""
    text = tn.clean(text).strip(" .,!?;:")
    words = [w.norm for w in tn.words(text)]
    if not words or _REPORTED.search(text) or _OURS & set(words):
        return None
    if sum(w in _FIRST_PERSON for w in words) > 1:
        return None  # a second mention would come out as "they"
    spoken = tn.for_listener(text, sender)
    if words[0] in _SUBORDINATE:
        return "the part about " + _lower_first(spoken, sender)
    subject = words[0] if words[0] not in tn.FILLERS else next(
        (w for w in words if w not in tn.FILLERS), "")
    if subject in tn.SUBJECT_PRONOUNS or subject in _FIRST_PERSON or words[0] == sender.lower():
        return "that " + _lower_first(spoken, sender)
    return "the part about " + _lower_first(spoken, sender)


def _quote(text: str) -> str:
    text = tn.clean(text).strip(" ,;:-.!?")
    return text[:1].upper() + text[1:]


def _first_core(points) -> str:
    for kind in _KIND_ORDER:
        for p in points:
            if p.kind == kind:
                return p.text
    return ""


def _caught(points, sender: str) -> str:
    """Up to two parts the receiver caught, named by what they are."""
    names = {"feeling": f"how {sender} feels", "wish": f"what {sender} would like",
             "situation": "when it happens", "reason": "why it matters"}
    items: list[str] = []
    for kind in _KIND_ORDER[:4]:
        if any(p.kind == kind for p in points) and len(items) < 2:
            items.append(names[kind])
    if not items:
        return "part of it"
    return " and ".join(items)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str, sender: str) -> str:
    if text.startswith((sender, "I ")):
        return text
    return text[:1].lower() + text[1:]
