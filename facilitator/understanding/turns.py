"""Every turn read right: (step, text) -> the step's outcome, a command, a safety concern.

Three readers share one meaning vector of the turn (``model.py``) and the precise cues of
``cues.py``, and each is learned from labelled examples (``examples.py``, ``classify.py``):

- the *safety* reader, at every step and for either partner: self-harm, violence, threats,
  coercive control, fear for one's safety, danger to children; idioms ("this commute is
  killing me") are not alarms. It is tuned for recall: a missed concern costs more than a
  gentle pause that was not needed.
- the *command* reader: "stop", "pause", "say that again"... said to the facilitator, in
  natural words, but not the same words inside sharing ("I need you to stop checking your
  phone").
- one *step* reader per kind of answer (consent, confirmation, "is there more?",
  validation, empathy, ...): the outcomes are rows of ``dialogue.TRANSITIONS``.

``confident`` is False when the best outcome won by a small margin: the dialogue then asks
rather than guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from facilitator import textnorm as tn
from facilitator.understanding import answers, rules
from facilitator.understanding.classify import Ridge, balanced_weights
from facilitator.understanding.commands import CommandReader
from facilitator.understanding.cues import cues
from facilitator.understanding.examples import Example, example_vectors, load_examples
from facilitator.understanding.safety import SafetyReader

# The steps whose answers are read by a classifier, with their outcomes.
STEP_OUTCOMES: dict[str, tuple[str, ...]] = {
    "appointment_consent": ("yes", "later", "no", "unclear"),
    "send": ("shared", "blame"),
    "confirm": ("yes", "partly", "addition", "no"),
    "more": ("done", "yes", "chunk", "blame"),
    "validate": ("valid", "retry"),
    "empathize": ("feeling", "retry"),
    "empathy_confirm": ("yes", "partly", "no"),
}
# Steps that take whatever is said (the outcome is fixed), and steps judged by the mirror
# check instead (outcome None here).
SAID_STEPS = ("appointment_topic", "correct", "restate", "reschedule", "close_first",
              "close_second", "appreciate", "reason", "close")
MIRROR_STEPS = ("mirror", "summary", "appreciate_mirror", "reason_mirror")
# Where the receiver speaks, saying back what the sender lives through: a concern may be
# voiced there in the second person ("I imagine you're frightened of what I'll do").
RECEIVER_STEPS = frozenset(MIRROR_STEPS) | {"validate", "empathize"}
# "I'll pass", "I'm gonna pass", "pass on that": at the appointment, a decline.
_PASS = re.compile(r"\b(?:i'?ll|i will|gonna|going to|think i'?ll|i'?d rather|i)\s+pass\b"
                   r"(?!\s+(?:the|it|that to|on to))")
# The steps that ask a question, where "a little bit", "no more" or "keep going" answer it.
QUESTION_STEPS = frozenset({"appointment_consent", "reschedule", "confirm", "more",
                            "empathy_confirm"})
_HOW_MUCH = re.compile(r"^(?:(?:um|mm|uh|hmm|well|erm)[,.]? )*(?:just )?(?:a little bit|a little|"
                       r"a bit|a tad|a touch|slightly|somewhat)(?:[,.]? (?:yeah|yes|yep|yeah "
                       r"actually|i guess|i think|maybe|actually))*[.!?]*$")
_NO_MORE = re.compile(r"^(?:(?:um|mm|uh|well|erm)[,.]? )*(?:no|nope|nah|nothing)[,.]? "
                      r"(?:no |nothing )?more(?: than that| to (?:say|add))?[.!]*$")
# Which outcomes come with a reason ("why") worth coaching on.
WHY_OUTCOMES = {("send", "blame"), ("more", "blame"), ("validate", "retry"),
                ("empathize", "retry")}


# How the meaning vector and the cues are weighed against each other, and how strongly the
# classifiers are pulled towards simple answers; chosen by cross-validation on the dev split.
VECTOR_WEIGHT = 2.0
CUE_WEIGHT = 1.0
ALPHA = 1.0
# A step outcome that wins by less than this (in ridge score units) is not confident.
CONFIDENT_MARGIN = 0.15
# Blame the precise rules did not see ("oh here we go, the great provider wants a thank
# you") is still named when the learned reader is this sure of it (ridge score units,
# chosen by cross-validation on the dev split): coaching an honest sharing as blame would
# hurt more than letting a blame pass once.
BLAME_MARGIN = 0.6


@dataclass(frozen=True)
class Turn:
    step: str
    outcome: str | None
    command: str | None = None
    safety: str | None = None
    why: str | None = None  # blame: absolute/insult/fault/contempt; retry: its reason
    addition: str = ""  # new content said with a confirmation, in the speaker's words
    when: str = ""  # a postponement that names a time ("after the kids are asleep")
    confident: bool = True

    def as_dict(self) -> dict:
        return {"step": self.step, "outcome": self.outcome, "command": self.command,
                "safety": self.safety, "why": self.why, "addition": self.addition,
                "when": self.when, "confident": self.confident}


def features(vector: np.ndarray, text: str) -> np.ndarray:
    return np.concatenate([vector * VECTOR_WEIGHT, np.array(cues(text)) * CUE_WEIGHT])


class TurnReader:
    """The three readers, fitted once from the examples."""

    def __init__(self, model, examples: list[Example] | None = None) -> None:
        self.model = model
        examples = load_examples() if examples is None else examples
        vectors = example_vectors(model, [e.text for e in examples])
        self._fit(examples, vectors)

    def _fit(self, examples: list[Example], vectors: np.ndarray) -> None:
        self.step_readers: dict[str, Ridge] = {}
        self.why_readers: dict[str, Ridge] = {}
        for step, outcomes in STEP_OUTCOMES.items():
            rows = [k for k, e in enumerate(examples) if e.step == step and e.outcome in outcomes
                    and not e.command and not e.safety]
            X = np.stack([features(vectors[k], examples[k].text) for k in rows])
            y = [examples[k].outcome for k in rows]
            self.step_readers[step] = Ridge.fit(X, y, alpha=ALPHA,
                                                sample_weight=balanced_weights(y))
            why_rows = [k for k in rows if (step, examples[k].outcome) in WHY_OUTCOMES
                        and examples[k].why]
            if len({examples[k].why for k in why_rows}) > 1:
                Xw = np.stack([features(vectors[k], examples[k].text) for k in why_rows])
                self.why_readers[step] = Ridge.fit(Xw, [examples[k].why for k in why_rows],
                                                   alpha=ALPHA)
        self.safety_reader = SafetyReader(self.model, examples)
        self.command_reader = CommandReader(self.model, examples)

    # ------------------------------------------------------------------ reading

    def read(self, step: str, text: str, *, commands: bool = True) -> Turn:
        text = text.strip()
        if not text:
            return Turn(step, None, confident=False)
        vector = self.model.sentences([text])[0]
        safety = self.safety(text, vector, for_partner=step in RECEIVER_STEPS)
        command = self.command(text, vector, step) if commands else None
        if command == "resume" and step in QUESTION_STEPS:
            # Nothing is paused at a step that asks a question ("paused" is its own step):
            # "yes, please continue" to "did Leo get that?" answers it, and "can I keep
            # going?" to "is there more?" says there is.
            command = None
        if command == "stop" and step in QUESTION_STEPS and _NO_MORE.match(
                tn.clean(text).lower()):
            # "no more" to "is there more?" answers it; it ends the sharing, not the session
            command = None
        if command == "pause" and step in QUESTION_STEPS and _HOW_MUCH.match(
                tn.clean(text).lower()):
            # "a little bit, yeah" to "is there more?" or "is that how you feel?" says how
            # much; asking for a little time needs a verb ("wait a bit", "give me a bit")
            command = None
        if command == "skip" and step == "appointment_consent" and _PASS.search(
                tn.clean(text).lower()):
            # "I'm gonna pass" to "is now a good time?" declines; it skips nothing
            return Turn(step, "no", None, safety)
        if safety or command:
            return Turn(step, "skip" if command == "skip" else None, command, safety)
        return self.outcome(step, text, vector)

    def safety(self, text: str, vector: np.ndarray | None = None, *,
               for_partner: bool = False) -> str | None:
        return self.safety_reader.read(text, vector, for_partner=for_partner)

    def command(self, text: str, vector: np.ndarray | None = None, step: str = "") -> str | None:
        return self.command_reader.read(step, text, vector)

    def _why(self, step: str, outcome: str, x: np.ndarray) -> str | None:
        """The learned reason for a blame or a retry (None where none is learned)."""
        if (step, outcome) in WHY_OUTCOMES and step in self.why_readers:
            return self.why_readers[step].predict(x)[0]
        return None

    def outcome(self, step: str, text: str, vector: np.ndarray | None = None) -> Turn:
        if step in SAID_STEPS:
            return Turn(step, "said")
        reader = self.step_readers.get(step)
        if reader is None:
            return Turn(step, None)
        ruled = answers.READERS[step](text) if step in answers.READERS else None
        if ruled is not None:
            outcome, why = ruled
            margin = CONFIDENT_MARGIN
            if step in ("send", "more") and outcome in ("shared", "chunk"):
                vector = self.model.sentences([text])[0] if vector is None else vector
                x = features(vector, text)
                scores = dict(zip(reader.labels, reader.scores(x)[0], strict=True))
                if scores["blame"] - scores[outcome] >= BLAME_MARGIN:
                    outcome = "blame"
                    why = self._why(step, outcome, x)
        else:
            vector = self.model.sentences([text])[0] if vector is None else vector
            x = features(vector, text)
            outcome, margin = reader.predict(x)
            why = self._why(step, outcome, x)
        addition = when = ""
        if step == "confirm" and outcome == "addition":
            addition = rules.addition_after_answer(text)
        if step == "appointment_consent" and outcome == "later" and answers.names_time(text):
            when = text
        return Turn(step, outcome, why=why, addition=addition, when=when,
                    confident=margin >= CONFIDENT_MARGIN)

