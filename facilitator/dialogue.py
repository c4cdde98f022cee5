"""The Imago dialogue as a pure state machine.

No audio, no clock, no threads and no printing live here: events go in (what a partner
said, a silence, a command typed on a key), actions come out (say this, listen to this
partner, this mirror was checked, the session ended). The voice loop, text mode and the
tests all drive the same machine, so what is tested with plain strings is what runs.

The shape follows h11's ``_state.py``: every listening point is a *step* described once
in ``STEPS`` (its stage, who speaks, what kind of turn to expect, the prompt), and every
move between steps is one row of ``TRANSITIONS``, keyed by (step, outcome). The handlers
below only work out the outcome of an utterance and what to say about it; where the
conversation goes next is read from the table.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from facilitator.feedback import mirror_feedback
from facilitator.prompts import Prompts, load_prompts
from facilitator.understanding import MirrorCheck, Turn, Understanding, rules
from facilitator.understanding import default as default_understanding

# --------------------------------------------------------------------------- events in


@dataclass(frozen=True)
class Utterance:
    """A partner finished a turn. Timing is on the session clock, when there is audio."""

    text: str
    speech_start: float | None = None
    speech_end: float | None = None
    decided_at: float | None = None


@dataclass(frozen=True)
class Silence:
    """The facilitator listened for the whole ``Listen.timeout`` and nobody spoke."""


@dataclass(frozen=True)
class Command:
    """A control given outside speech (a key, a test). Spoken commands arrive as Utterances."""

    name: str


# ------------------------------------------------------------------------- actions out


@dataclass(frozen=True)
class Stage:
    name: str
    sender: str
    receiver: str


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Listen:
    partner: str | None  # None: either partner may speak (the exercise is paused)
    role: str  # "sender", "receiver", "partner" (closing) or "either"
    stage: str
    expect: (
        str  # the kind of turn, for the endpointer: topic/answer/share/mirror/reflect/appreciate
    )
    timeout: float | None  # seconds of silence before the prompt is offered again; None = never


@dataclass(frozen=True)
class MirrorChecked:
    check: MirrorCheck
    stage: str


@dataclass(frozen=True)
class Coach:
    kind: str  # blame, mirror, summary, validation, empathy, safety, silence
    text: str
    # what was read: a blame's kind (absolute, insult, fault, contempt), a validation's or
    # an empathy's (contempt, sarcasm, rebuttal, dismissal, thought, none, corrected), the
    # safety concern's kind
    why: str | None = None


@dataclass(frozen=True)
class CommandDone:
    name: str


@dataclass(frozen=True)
class AdjustVoice:
    rate_step: int = 0  # -1 slower, +1 faster
    volume_step: int = 0  # -1 quieter, +1 louder
    next_voice: bool = False  # "change voice": the next of a few different voices


@dataclass(frozen=True)
class End:
    reason: str  # complete, not now, stopped


# -------------------------------------------------------------------- the step table


@dataclass(frozen=True)
class Step:
    stage: str
    speaker: str  # "sender", "receiver", "first" or "second" (the partners in closing order)
    expect: str
    prompt: str  # key in the prompts file


STEPS: dict[str, Step] = {
    # Intentional dialogue
    "appointment_topic": Step("appointment", "sender", "topic", "stage.appointment_topic"),
    "appointment_consent": Step("appointment", "receiver", "answer", "stage.appointment_consent"),
    "send": Step("send", "sender", "share", "stage.send"),
    "mirror": Step("mirror", "receiver", "mirror", "stage.mirror"),
    "reschedule": Step("appointment", "receiver", "answer", "stage.reschedule"),
    "confirm": Step("confirm", "sender", "answer", "stage.confirm"),
    "correct": Step("confirm", "sender", "share", "stage.correct"),
    "restate": Step("confirm", "sender", "share", "stage.restate"),
    "more": Step("more", "sender", "share", "stage.more"),
    "summary": Step("summary", "receiver", "mirror", "stage.summary"),
    "validate": Step("validate", "receiver", "reflect", "stage.validate"),
    "empathize": Step("empathize", "receiver", "reflect", "stage.empathize"),
    "empathy_confirm": Step("empathize", "sender", "answer", "stage.empathy_confirm"),
    "close_first": Step("close", "first", "appreciate", "stage.close_first"),
    "close_second": Step("close", "second", "appreciate", "stage.close_second"),
    # Appreciation dialogue (the short daily habit)
    "appreciate": Step("send", "sender", "appreciate", "appreciation.send"),
    "appreciate_mirror": Step("mirror", "receiver", "mirror", "appreciation.mirror"),
    "reason": Step("send", "sender", "share", "appreciation.reason"),
    "reason_mirror": Step("mirror", "receiver", "mirror", "appreciation.mirror_reason"),
}

# Steps where nobody is listened to: they resolve at once to a listening step or an end.
# WRAP_UP is the end of sharing: a summary when there was more than one part, else validation.
ROUND_END, SWITCH, FINISH, NOT_NOW = "round_end", "switch", "finish", "not_now"
WRAP_UP = "wrap_up"

# (step, outcome) -> next step. "skip" rows say where the voice command "skip" leads.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("appointment_topic", "said"): "appointment_consent",
    ("appointment_topic", "skip"): "appointment_consent",
    ("appointment_consent", "yes"): "send",
    ("appointment_consent", "later"): "reschedule",  # "not now": when would suit?
    ("appointment_consent", "later_named"): NOT_NOW,  # "after the kids are asleep"
    ("appointment_consent", "no"): NOT_NOW,
    ("appointment_consent", "unclear"): "appointment_consent",
    ("appointment_consent", "skip"): "send",
    ("reschedule", "said"): NOT_NOW,
    ("reschedule", "skip"): NOT_NOW,
    ("send", "shared"): "mirror",
    ("send", "blame"): "send",
    ("send", "skip"): ROUND_END,
    ("mirror", "complete"): "confirm",
    ("mirror", "unsure"): "confirm",  # the sender's own "did I get that?" decides
    ("mirror", "retry"): "mirror",
    ("mirror", "move_on"): "confirm",
    ("mirror", "skip"): "confirm",
    ("confirm", "yes"): "more",
    ("confirm", "addition"): "mirror",
    ("confirm", "partly"): "correct",
    ("confirm", "no"): "restate",
    ("confirm", "skip"): "more",
    ("correct", "said"): "mirror",
    ("correct", "skip"): "more",
    ("restate", "said"): "mirror",
    ("restate", "skip"): "more",
    ("more", "chunk"): "mirror",
    ("more", "blame"): "send",
    ("more", "yes"): "send",
    ("more", "done"): WRAP_UP,
    ("more", "skip"): "validate",
    ("summary", "complete"): "validate",
    ("summary", "unsure"): "validate",
    ("summary", "retry"): "summary",
    ("summary", "move_on"): "validate",
    ("summary", "skip"): "validate",
    ("validate", "valid"): "empathize",
    ("validate", "retry"): "validate",
    ("validate", "move_on"): "empathize",
    ("validate", "skip"): "empathize",
    ("empathize", "feeling"): "empathy_confirm",
    ("empathize", "retry"): "empathize",
    ("empathize", "move_on"): "empathy_confirm",
    ("empathize", "skip"): "empathy_confirm",
    ("empathy_confirm", "yes"): ROUND_END,
    ("empathy_confirm", "partly"): "empathize",  # one more guess at the feeling
    ("empathy_confirm", "no"): "empathize",
    ("empathy_confirm", "move_on"): ROUND_END,
    ("empathy_confirm", "skip"): ROUND_END,
    ("close_first", "said"): "close_second",
    ("close_first", "skip"): "close_second",
    ("close_second", "said"): FINISH,
    ("close_second", "skip"): FINISH,
    ("appreciate", "said"): "appreciate_mirror",
    ("appreciate", "skip"): ROUND_END,
    ("appreciate_mirror", "complete"): "reason",
    ("appreciate_mirror", "unsure"): "reason",
    ("appreciate_mirror", "retry"): "appreciate_mirror",
    ("appreciate_mirror", "move_on"): "reason",
    ("appreciate_mirror", "skip"): "reason",
    ("reason", "said"): "reason_mirror",
    ("reason", "skip"): ROUND_END,
    ("reason_mirror", "complete"): ROUND_END,
    ("reason_mirror", "unsure"): ROUND_END,
    ("reason_mirror", "retry"): "reason_mirror",
    ("reason_mirror", "move_on"): ROUND_END,
    ("reason_mirror", "skip"): ROUND_END,
}

DIALOGUES = {
    # first listening step of a round, and where the last round leads
    "intentional": {"opening": "appointment_topic", "round": "send", "after_last": "close_first"},
    "appreciation": {"opening": "appreciate", "round": "appreciate", "after_last": FINISH},
}

COMMANDS = (
    "repeat", "slower", "faster", "louder", "quieter", "voice", "pause", "resume", "help", "skip",
    "back", "stop",
)


@dataclass
class _Round:
    """What the current sender has shared so far, for mirrors and the summary."""

    chunks: list[str] = field(default_factory=list)
    target: str = ""  # the text the next mirror is checked against
    attempts: list[str] = field(default_factory=list)  # mirrors of the current target
    blame_coached: bool = False
    retries: int = 0  # re-offers of the current summary / validation / empathy step
    empathy_tries: int = 0  # guesses at the feeling the sender said were not quite it


class Dialogue:
    """One session of an Imago dialogue between two partners.

    ``names`` gives the partners, the first sender first. Call ``start()`` once, then
    ``receive(event)`` for each thing that happens; both return the actions to carry out
    in order. The machine is deterministic: the same events give the same actions.
    """

    def __init__(
        self,
        names: tuple[str, str] | list[str],
        *,
        dialogue: str = "intentional",
        prompts: Prompts | None = None,
        silence_timeout: float | None = 45.0,
        max_mirror_tries: int = 3,
        understanding: Understanding | None = None,
        gap: str | None = None,
    ) -> None:
        if dialogue not in DIALOGUES:
            raise ValueError(f"unknown dialogue {dialogue!r}; choose {', '.join(DIALOGUES)}")
        if len(names) != 2 or not all(n.strip() for n in names):
            raise ValueError("a dialogue needs two partner names")
        self.names = (names[0].strip(), names[1].strip())
        self.dialogue = dialogue
        self.prompts = prompts or load_prompts()
        # The understanding layer is pure (strings in, readings out) and shared; loading it
        # is the one slow step, done once per process when none is given, and only when
        # first needed: a session opens its devices and files first, so a bad one is said
        # at once (the runner calls `load_understanding` before the first prompt).
        self._understanding = understanding
        self.silence_timeout = silence_timeout
        self.max_mirror_tries = max(1, max_mirror_tries)
        # How long since the couple's last dialogue ("three weeks"), when it was long: the
        # welcome then says so and offers the short appreciation dialogue as a way back in.
        self.gap = gap
        self.sender, self.receiver = self.names
        self.round_number = 1
        self.step: str | None = None
        self.stage: str | None = None
        self.round = _Round()
        self.topic = ""
        self.later = ""  # when the couple would rather talk, if they said
        self.paused = False
        self.ended = False
        self._last_spoken: list[str] = []
        self._listened = True  # whether a Listen went out since the last Say
        self._history: list[dict] = []
        self._variant = 0

    # ------------------------------------------------------------------ public API

    def start(self, *, welcome: bool = True) -> list:
        """The opening actions. ``welcome=False`` after the setup (setup.py), which has
        greeted the couple already: the dialogue then opens without a second welcome, and
        after a long gap only offers the short dialogue."""
        opening = DIALOGUES[self.dialogue]["opening"]
        actions: list = [Say(self._text(f"{self.dialogue}.{'welcome' if welcome else 'begin'}"))]
        if self.gap:
            # After the setup's own greeting the gap is offered without a second welcome.
            key = f"{self.dialogue}.{'welcome_back' if welcome else 'gap_offer'}"
            if self.prompts.has(key):
                actions.append(Say(self._text(key, gap=self.gap)))
        return actions + self._enter(opening)

    def receive(self, event) -> list:
        if self.ended:
            return []
        if isinstance(event, Silence):
            return self._on_silence()
        if isinstance(event, Command):
            return self._on_command(event.name)
        if not isinstance(event, Utterance):
            raise TypeError(f"unknown event {event!r}")
        text = event.text.strip()
        if not text:
            # Speech recognition heard nothing usable: the same as a silence, never a turn.
            return self._on_silence()
        turn = self.understand.turn(None if self.paused else self.step, text)
        if turn.safety:
            return self._safety_pause(turn.safety)
        command = turn.command
        if command:
            return self._on_command(command)
        if self.paused:
            return self._say_and_listen(self._text("command.still_paused"), paused=True)
        return self._on_turn(text, turn)

    @property
    def understand(self) -> Understanding:
        if self._understanding is None:
            self._understanding = default_understanding()
        return self._understanding

    def load_understanding(self, *, background: bool = False) -> None:
        """Load the understanding layer now (seconds), so the first turn is not kept waiting;
        ``background``: its readers learn while the first prompts are said
        (``understanding.default``)."""
        if self._understanding is None:
            self._understanding = default_understanding(background=background)

    @property
    def listening_to(self) -> str | None:
        if self.paused or self.step is None:
            return None
        return self._speaker(STEPS[self.step])

    # ------------------------------------------------------------------- moving on

    def _go(self, outcome: str) -> list:
        assert self.step is not None
        return self._enter(TRANSITIONS[(self.step, outcome)])

    def _enter(self, step: str, *, announce: bool = True) -> list:
        actions: list = []
        if step == ROUND_END:
            step = self._after_round()
            if step == SWITCH:
                return self._switch()
        if step == WRAP_UP:
            step = "summary" if len(self.round.chunks) > 1 else "validate"
        if step == FINISH:
            return self._finish("complete")
        if step == NOT_NOW:
            return self._finish("not now", key="stage.not_now_later" if self.later
                                else "stage.not_now")
        if self.step is not None and self.step != step:
            self._history.append(self._snapshot())
            self.round.retries = 0
            if step == "summary":
                # the summary's tries are its own: the last part's mirrors carried that part,
                # not the whole sharing
                self.round.attempts = []
        self.step = step
        spec = STEPS[step]
        if spec.stage != self.stage:
            self.stage = spec.stage
            actions.append(Stage(spec.stage, self.sender, self.receiver))
        if announce:
            actions.append(self._say(self._text(spec.prompt)))
        actions.append(self._listen())
        return actions

    def _after_round(self) -> str:
        if self.round_number == 1:
            return SWITCH
        return DIALOGUES[self.dialogue]["after_last"]

    def _switch(self) -> list:
        # "back" from the new round returns to the last step of this one, with this round's
        # roles: keep it now, before the swap, and let _enter keep no second, mixed copy.
        self._history.append(self._snapshot())
        self.step = None
        self.round_number = 2
        self.sender, self.receiver = self.receiver, self.sender
        self.round = _Round()
        self.stage = "switch"
        actions: list = [Stage("switch", self.sender, self.receiver)]
        actions.append(self._say(self._text(f"{self.dialogue}.switch")))
        return actions + self._enter(DIALOGUES[self.dialogue]["round"])

    def _finish(self, reason: str, key: str | None = None) -> list:
        self.ended = True
        key = key or f"{self.dialogue}.goodbye"
        return [self._say(self._text(key)), End(reason)]

    # ------------------------------------------------------------------- turns

    def _on_turn(self, text: str, turn: Turn) -> list:
        handler = getattr(self, f"_turn_{self.step}")
        return handler(text, turn)

    def _turn_appointment_topic(self, text: str, turn: Turn) -> list:
        self.topic = text
        return self._go("said")

    def _turn_appointment_consent(self, text: str, turn: Turn) -> list:
        if turn.outcome == "later":
            if turn.when:
                self.later = turn.when
                return self._go("later_named")
            return self._go("later")
        if turn.outcome in ("yes", "no"):
            return self._go(turn.outcome)
        self.round.retries += 1
        if self.round.retries > 1:
            # Asked twice already: never block the couple on a word the microphone missed.
            return self._go("yes")
        return self._say_and_listen(self._text("stage.consent_unclear"))

    def _turn_reschedule(self, text: str, turn: Turn) -> list:
        self.later = text
        return self._go("said")

    def _turn_send(self, text: str, turn: Turn) -> list:
        coaching = self._coach_blame(text, turn)
        if coaching:
            return coaching + [self._listen()]
        self._add_chunk(text)
        return self._go("shared")

    def _turn_more(self, text: str, turn: Turn) -> list:
        if turn.outcome in ("done", "yes"):
            return self._go(turn.outcome)
        coaching = self._coach_blame(text, turn)
        if coaching:
            # Straight to the send step without its usual prompt: the coaching is the prompt.
            return coaching + self._go_quiet("blame")
        self._add_chunk(text)
        return self._go("chunk")

    def _coach_blame(self, text: str, turn: Turn) -> list:
        """Coaching for blame language, once a round; [] when there is none to give."""
        if turn.outcome != "blame" or self.round.blame_coached:
            return []
        self.round.blame_coached = True
        phrases = rules.find_blame(text)
        if phrases:
            line = self._text("coach.blame", phrase=phrases[0])
        else:
            line = self._text("coach.blame_general")
        return [Coach("blame", line, turn.why), self._say(line)]

    def _turn_mirror(self, text: str, turn: Turn) -> list:
        earlier = list(self.round.attempts)
        self.round.attempts.append(text)
        check = self.understand.mirror(self.round.target, text, earlier=earlier)
        actions: list = [MirrorChecked(check, "mirror")]
        attempt = len(self.round.attempts) - 1
        line = mirror_feedback(
            check, sender=self.sender, receiver=self.receiver, prompts=self.prompts, attempt=attempt
        )
        if check.verdict in ("complete", "unsure"):
            return actions + [self._say(line)] + self._go(check.verdict)
        if len(self.round.attempts) < self.max_mirror_tries:
            return actions + [Coach("mirror", line), self._say(line), self._listen()]
        move_on = self._text("coach.mirror_move_on")
        return actions + [Coach("mirror", move_on), self._say(move_on)] + self._go("move_on")

    def _turn_confirm(self, text: str, turn: Turn) -> list:
        if turn.outcome == "addition" and turn.addition.strip():
            self._add_to_chunk(turn.addition)
            return [self._say(self._text("stage.mirror_addition"))] + self._go_quiet("addition")
        if turn.outcome in ("partly", "no", "addition"):
            return self._go("partly" if turn.outcome == "addition" else turn.outcome)
        return self._go("yes")

    def _turn_correct(self, text: str, turn: Turn) -> list:
        self._add_to_chunk(text)
        return self._go("said")

    def _turn_restate(self, text: str, turn: Turn) -> list:
        # Said again, in other words: the new words are what the receiver mirrors now.
        self._add_to_chunk(text)
        return self._go("said")

    def _turn_summary(self, text: str, turn: Turn) -> list:
        earlier = list(self.round.attempts)
        self.round.attempts.append(text)
        check = self.understand.summary(self.round.chunks, text, earlier=earlier)
        actions: list = [MirrorChecked(check, "summary")]
        line = mirror_feedback(
            check,
            sender=self.sender,
            receiver=self.receiver,
            prompts=self.prompts,
            attempt=self.round.retries,
        )
        if check.verdict in ("complete", "unsure"):
            return actions + [self._say(line)] + self._go(check.verdict)
        if self.round.retries < 1:
            self.round.retries += 1
            return actions + [Coach("summary", line), self._say(line), self._listen()]
        move_on = self._text("coach.summary_move_on")
        return actions + [Coach("summary", move_on), self._say(move_on)] + self._go("move_on")

    def _turn_validate(self, text: str, turn: Turn) -> list:
        if turn.outcome == "valid":
            return [self._say(self._text("stage.validation_heard"))] + self._go("valid")
        return self._reoffer_stem("validation", turn.why)

    def _turn_empathize(self, text: str, turn: Turn) -> list:
        if turn.outcome == "feeling":
            return self._go("feeling")
        return self._reoffer_stem("empathy", turn.why)

    def _reoffer_stem(self, kind: str, why: str | None) -> list:
        if self.round.retries >= 1:
            self.round.retries = 0
            return self._go("move_on")
        self.round.retries += 1
        key = f"coach.{kind}_{why}" if why and self.prompts.has(f"coach.{kind}_{why}") else (
            f"coach.{kind}")
        line = self._text(key, feeling=self._example_feeling())
        return [Coach(kind, line, why), self._say(line), self._listen()]

    def _turn_empathy_confirm(self, text: str, turn: Turn) -> list:
        if turn.outcome in ("partly", "no") and self.round.empathy_tries < 1:
            self.round.empathy_tries += 1
            line = self._text("stage.empathy_again")
            return [Coach("empathy", line, "corrected"), self._say(line)] + self._go_quiet(
                turn.outcome)
        thanks = [self._say(self._text("stage.round_thanks"))]
        return thanks + self._go("yes" if turn.outcome == "yes" else "move_on")

    def _turn_said(self, text: str, turn: Turn) -> list:
        """A closing appreciation: heard, and nothing to check."""
        return self._go("said")

    def _turn_shared(self, text: str, turn: Turn) -> list:
        """An appreciation or its reason: the next mirror is checked against it."""
        self._add_chunk(text)
        return self._go("said")

    # The appreciation dialogue's steps behave as these of the intentional one.
    _turn_appreciate_mirror = _turn_reason_mirror = _turn_mirror
    _turn_close_first = _turn_close_second = _turn_said
    _turn_appreciate = _turn_reason = _turn_shared

    # --------------------------------------------------------- silence and commands

    def _on_silence(self) -> list:
        if self.paused or self.step is None:
            return [self._listen(paused=self.paused)]
        # Never rush: offer the same step again, gently, and keep listening.
        line = self._text("silence.reoffer", variant=self._next_variant())
        spec = STEPS[self.step]
        return [
            Coach("silence", line),
            self._say(line + " " + self._text(spec.prompt)),
            self._listen(),
        ]

    def _on_command(self, name: str) -> list:
        if name not in COMMANDS:
            raise ValueError(f"unknown command {name!r}")
        done = CommandDone(name)
        if name == "stop":
            self.ended = True
            return [done, self._say(self._text("command.stop")), End("stopped")]
        if name == "pause":
            self.paused = True
            return [done] + self._say_and_listen(self._text("command.pause"), paused=True)
        if name == "resume":
            was_paused, self.paused = self.paused, False
            key = "command.resume" if was_paused else "command.not_paused"
            return [done, self._say(self._text(key))] + self._reannounce()
        if self.paused:
            return [done] + self._say_and_listen(self._text("command.still_paused"), paused=True)
        if name == "repeat":
            again = " ".join(self._last_spoken) or self._text(STEPS[self.step].prompt)
            return [done, Say(again), self._listen()]
        if name in ("slower", "faster"):
            step = -1 if name == "slower" else 1
            # Said without _say(): "slower" then "say that again" should repeat the prompt
            # the partner wanted slower, not this acknowledgement.
            return [done, AdjustVoice(step), Say(self._text(f"command.{name}")), self._listen()]
        if name == "voice":
            return [done, AdjustVoice(next_voice=True), Say(self._text("command.voice")),
                    self._listen()]
        if name in ("louder", "quieter"):
            change = AdjustVoice(volume_step=-1 if name == "quieter" else 1)
            return [done, change, Say(self._text(f"command.{name}")), self._listen()]
        if name == "help":
            return [done, self._say(self._text(f"help.{self.step}")), self._listen()]
        if name == "skip":
            return [done, self._say(self._text("command.skip"))] + self._go("skip")
        if name == "back":
            return [done] + self._back()
        raise AssertionError(name)

    def _back(self) -> list:
        if not self._history:
            return [self._say(self._text("command.back_none")), self._listen()]
        state = self._history.pop()
        self._restore(state)
        return [self._say(self._text("command.back"))] + self._reannounce()

    def _reannounce(self) -> list:
        assert self.step is not None
        spec = STEPS[self.step]
        return [
            Stage(spec.stage, self.sender, self.receiver),
            self._say(self._text(spec.prompt)),
            self._listen(),
        ]

    def _safety_pause(self, concern: str) -> list:
        self.paused = True
        line = self._text("safety.pause")
        return [Coach("safety", line, concern), self._say(line), self._listen(paused=True)]

    # ------------------------------------------------------------------- helpers

    def _go_quiet(self, outcome: str) -> list:
        """Move on without the next step's usual prompt (a custom line was just said)."""
        assert self.step is not None
        return self._enter(TRANSITIONS[(self.step, outcome)], announce=False)

    def _say_and_listen(self, text: str, *, paused: bool = False) -> list:
        return [self._say(text), self._listen(paused=paused)]

    def _say(self, text: str) -> Say:
        # "repeat" says again everything since the facilitator last listened.
        if self._listened:
            self._last_spoken = []
            self._listened = False
        self._last_spoken.append(text)
        return Say(text)

    def _listen(self, *, paused: bool = False) -> Listen:
        self._listened = True
        if paused or self.step is None:
            return Listen(None, "either", self.stage or "paused", "answer", None)
        spec = STEPS[self.step]
        partner = self._speaker(spec)
        role = spec.speaker if spec.speaker in ("sender", "receiver") else "partner"
        return Listen(partner, role, spec.stage, spec.expect, self.silence_timeout)

    def _speaker(self, spec: Step) -> str:
        return {
            "sender": self.sender,
            "receiver": self.receiver,
            "first": self.names[0],
            "second": self.names[1],
        }[spec.speaker]

    def _text(self, key: str, variant: int = 0, **extra: object) -> str:
        fields = {
            "sender": self.sender,
            "receiver": self.receiver,
            "first": self.names[0],
            "second": self.names[1],
            "topic": self.topic,
        }
        fields.update(extra)
        return self.prompts.text(key, variant=variant, **fields)

    def _next_variant(self) -> int:
        self._variant += 1
        return self._variant - 1

    def _add_chunk(self, text: str) -> None:
        self.round.chunks.append(text)
        self._new_target(text)

    def _new_target(self, text: str) -> None:
        self.round.target = text
        self.round.attempts = []
        self.round.retries = 0

    def _add_to_chunk(self, addition: str) -> None:
        if self.round.chunks:
            self.round.chunks[-1] = f"{self.round.chunks[-1]} {addition}"
        else:
            self.round.chunks.append(addition)
        self._new_target(addition)

    def _example_feeling(self) -> str:
        for chunk in reversed(self.round.chunks):
            words = rules.feeling_words(chunk)
            if words:
                return words[0]
        return self.prompts.text("coach.default_feeling")

    def _snapshot(self) -> dict:
        return {
            "step": self.step,
            "stage": self.stage,
            "sender": self.sender,
            "receiver": self.receiver,
            "round_number": self.round_number,
            "round": copy.deepcopy(self.round),
        }

    def _restore(self, state: dict) -> None:
        self.step = state["step"]
        self.stage = state["stage"]
        self.sender = state["sender"]
        self.receiver = state["receiver"]
        self.round_number = state["round_number"]
        self.round = state["round"]
