"""Deciding when a partner's turn is over. Pure logic: no audio, no clock, no threads.

Fed one voice-activity flag per frame (with the frame's end time in session seconds) and,
whenever the transcriber has one, the partial transcript of the turn so far. Silence alone
cannot tell a sender pausing to think from a sender who is done, so the silence needed after
the last speech depends on how the words so far end:

- a protocol closer ("did I get that?", "is there more?", "that's all", "that's it") -> end
  almost at once;
- a plain short answer ("yes", "no", "yes, I'm ready") where one is expected -> end soon, but
  not at once: "Yes. That's how I feel." comes with a sentence gap after the "yes";
- a complete sentence, or no transcript yet -> wait out a thinking pause (longer than 1.2 s,
  the longest pause the project promises never to cut);
- no closing punctuation or a trailing comma -> a little longer;
- a trailing "and", "because", "the", "um" ... -> longer still (a word that only sometimes
  ends a sentence, like "when" or "while", counts as an open clause unless a full stop follows).

No audio end-of-turn model is used. Smart Turn v3.2 (the CPU ONNX model in pipecat-ai 1.14.0)
was measured on the project's fixtures (99 turns): called 0.2 s after the end of speech, it
scored 48 % of the thinking pauses (0.6-1.2 s) inside turns as "complete" but only 37 % of the
true turn ends (2 of the 35 that end on a closer question), an AUC of 0.42 between the two,
at 60-95 ms a call: ending turns on it would cut senders off mid-thought.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from facilitator.settings_schema import EXPECTS  # the kinds of turn, shared with --expect

CLOSER, ANSWER, COMPLETE = "closer", "answer", "complete"
OPEN, TRAILING, UNKNOWN = "open", "trailing", "unknown"


@dataclass(frozen=True)
class Waits:
    """Seconds of silence after the last speech before the turn counts as over."""

    closer: float = 0.3
    answer: float = 0.8
    complete: float = 1.35
    unknown: float = 1.35
    open: float = 1.6
    trailing: float = 2.4

    def scaled(self, factor: float) -> Waits:
        """Every wait times ``factor``: for a partner who pauses long mid-sentence."""
        return Waits(**{name: value * factor for name, value in vars(self).items()})

    def for_ending(self, ending: str) -> float:
        return {CLOSER: self.closer, ANSWER: self.answer, COMPLETE: self.complete,
                UNKNOWN: self.unknown, OPEN: self.open, TRAILING: self.trailing}[ending]


@dataclass(frozen=True)
class TurnEnd:
    speech_start: float
    speech_end: float
    decided_at: float
    reason: str  # the ending that set the wait, "silence" (silence-only) or "end of audio"


# Endings that close a turn in this dialogue. The last word of "did I get that" is left open
# on purpose: the small model often hears "did I get mad?" or "did I get met?".
_CLOSERS = [re.compile(p + r"$") for p in (
    r"\bdid i (get|got)( \w+){1,3}",
    r"\bdid i (miss|leave out|forget) (anything|something)( \w+)?",
    r"\b(is|was|are) there (any )?(more|anything else)( (you want|you'd like) to (say|add))?",
    r"\b(that'?s|that is|thats) (all|it)( for now| for me| i wanted to say)?",
    # "No, that's all" is the stock answer to "is there more?"; the small model often garbles
    # the middle word of a quick one ("No, next all.", "No, let's all.").
    r"^no (\w+'s|\w+) all",
    r"\b\w+'s all",
    r"\bi'?m (done|finished)",
    r"\b(is|isn't|was) that (how|what) you feel",
    r"\b(is|isn't) that (right|true)",
    r"\bdoes that (sound|seem) right",
    r"\bis (now|this) a (good|ok|okay) time( to talk)?",
)]

# A short answer that is complete on its own; only trusted when a short answer is expected.
_ANSWER_START = r"(yes|yeah|yep|yup|no|nope|not now|not right now|not yet|sure|okay|ok|exactly" \
                r"|of course|absolutely|correct|right|that'?s right|you got it|i'?m ready)"
_ANSWER = re.compile(rf"^{_ANSWER_START}( \w+('\w+)?){{0,5}}$")

# Words after which a sentence cannot be over, whatever punctuation the transcriber guessed.
_TRAILING_WORDS = frozenset({
    "and", "but", "or", "because", "cause", "cuz", "coz", "whenever", "although", "unless",
    "whether", "the", "a", "an", "my", "your", "our", "their", "um", "uh", "er", "erm", "hmm",
    "mm", "i", "we", "they", "i'm", "we're", "i've",
})
# Words that end a sentence now and then ("in a while", "that's what", "come with"): only a
# sign of more to come when the transcriber put no full stop after them.
_OPEN_WORDS = frozenset({
    "so", "when", "if", "though", "while", "since", "than", "his", "its", "like", "to", "of",
    "for", "from", "with", "into", "onto", "about", "as", "at", "by", "that", "which", "who",
    "whose", "where", "what", "he", "she",
})

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def classify_ending(text: str, expect: str | None = None) -> str:
    """How the words of a turn so far end: closer, complete, open, trailing or unknown."""
    clean = text.lower().replace("\u2019", "'").strip()
    words = _WORD.findall(clean)
    if not words:
        return UNKNOWN
    joined = " ".join(words)
    if any(p.search(joined) for p in _CLOSERS):
        return CLOSER
    last = clean.rstrip(" \"'")[-1:]
    if words[-1] in _TRAILING_WORDS:
        return TRAILING
    if words[-1] in _OPEN_WORDS and last not in ".!?":
        return OPEN
    # Only when the stage asks for one: with no hint, "Yes." may well open a longer turn
    # ("Yes. [a second's thought] When you tell me ...").
    if expect == "answer" and _ANSWER.match(joined):
        return ANSWER
    if last in ".!?":
        return COMPLETE
    return OPEN


class Endpointer:
    """Turn-end decisions for one listen. Make a new one (or call ``reset()``) per listen."""

    def __init__(self, expect: str | None = None, *, waits: Waits = Waits(),
                 silence_only: float | None = None, frame_seconds: float = 0.03,
                 min_speech: float = 0.15, onset_window: float = 0.3, resume: float = 0.06,
                 lookback: float = 1.5, onset_gap: float = 0.45):
        if expect is not None and expect not in EXPECTS:
            raise ValueError(f"expect must be one of {EXPECTS} or None, not {expect!r}")
        self.expect = expect
        self.waits = waits
        self.silence_only = silence_only
        self.frame_seconds = frame_seconds
        self._onset_frames = max(1, round(onset_window / frame_seconds))
        self._min_speech_frames = max(1, round(min_speech / frame_seconds))
        self._resume_frames = max(1, round(resume / frame_seconds))
        self._lookback_frames = max(self._onset_frames, round(lookback / frame_seconds))
        self.onset_gap = onset_gap
        self.reset()

    def reset(self) -> None:
        """Forget the turn so far (half-duplex: after the facilitator has spoken)."""
        self.speech_start: float | None = None
        self.speech_end: float | None = None
        self._history: deque[tuple[float, bool]] = deque(maxlen=self._lookback_frames)
        self._run = 0
        self._text = ""
        self._text_upto = -1.0

    @property
    def in_turn(self) -> bool:
        return self.speech_start is not None

    def update_text(self, text: str, *, upto: float) -> None:
        """The transcript of this turn's speech up to session time ``upto``."""
        if upto >= self._text_upto:
            self._text, self._text_upto = text, upto

    def ending(self) -> str:
        """How the turn ends so far, judged only on a transcript that covers all its speech."""
        if self.speech_end is None or self._text_upto < self.speech_end - 2 * self.frame_seconds:
            return UNKNOWN
        return classify_ending(self._text, self.expect)

    def wait(self) -> tuple[float, str]:
        """Silence still required after the last speech, and the reason."""
        if self.silence_only is not None:
            return self.silence_only, "silence"
        ending = self.ending()
        return self.waits.for_ending(ending), ending

    def push(self, t: float, speech: bool) -> TurnEnd | None:
        """One frame ending at session time ``t``. Returns a TurnEnd once the turn is over."""
        self._run = self._run + 1 if speech else 0
        if not self.in_turn:
            self._history.append((t, speech))
            window = list(self._history)[-self._onset_frames:]
            voiced = [ft for ft, s in window if s]
            if len(voiced) >= self._min_speech_frames:
                self.speech_start = self._first_voiced(voiced[0]) - self.frame_seconds
                self.speech_end = t if speech else voiced[-1]
            return None
        if speech and self._run >= self._resume_frames:
            self.speech_end = t
        if speech:
            return None
        needed, reason = self.wait()
        if t - self.speech_end >= needed - 1e-9:
            return TurnEnd(self.speech_start, self.speech_end, t, reason)
        return None

    def _first_voiced(self, start: float) -> float:
        # A soft start ("I feel un-" said quietly) gives scattered voiced frames before the
        # onset is certain; they belong to the turn when the gaps between them are short.
        for ft, s in reversed(self._history):
            if ft < start and s:
                if start - ft > self.onset_gap + self.frame_seconds:
                    break
                start = ft
        return start

    def finish(self, t: float) -> TurnEnd | None:
        """The audio ended: a turn in progress is over now."""
        if not self.in_turn:
            return None
        return TurnEnd(self.speech_start, self.speech_end, t, "end of audio")
