"""Getting ready, hands-free: names, a sound check and the choices, before the dialogue.

A pure state machine, like the dialogue (dialogue.py): events go in (what a partner said,
with the sound levels the listener measured, a silence, a command), actions come out (say
this, listen to this partner, change the voice, begin the dialogue). The session loop runs
it before the Dialogue starts, and again when a partner says "check the sound".

Every listening point is a step in ``STEPS`` (who answers, what it reads, its prompt); every
move is one row of ``TRANSITIONS``, keyed by (step, outcome). Rows may lead to a *pass-through*
step (in capitals) that listens to nobody and resolves at once to the next step that has a
question to ask, or to the dialogue itself: a couple whose names, check and choices are all
settled hears no question at all.

What the setup asks, and only when it is not settled already:

- names: the one who will share first, first; each spoken name read back ("Did I get your
  name right: Maya?") because speech recognition mishears names; "skip" gives Partner A/B;
- the sound check: each partner says a sentence; the speech level against the room's noise
  says whether to move the laptop closer or quieten the room; then whether the facilitator's
  own voice is comfortable (louder, quieter, slower);
- which dialogue and who shares first; "the usual" repeats last time's choices.

A returning couple (names known, last time's choices remembered) is greeted by name with one
line about the habit and goes straight to the appointment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from facilitator.dialogue import (
    DIALOGUES,
    AdjustVoice,
    Coach,
    Command,
    CommandDone,
    End,
    Listen,
    Say,
    Silence,
    Utterance,
)
from facilitator.history import LONG_GAP_DAYS
from facilitator.prompts import Prompts, load_prompts
from facilitator.understanding import Understanding, setup_answers
from facilitator.understanding import default as default_understanding

# A word against the name read back: "no, Maya", "not Mia", "wrong", "nope".
_NAY = re.compile(r"\b(?:no|nope|nah|not|wrong|never|isn't|it's not)\b", re.IGNORECASE)

#: What a partner is called when they would rather not say (or "skip").
PLACEHOLDERS = ("Partner A", "Partner B")

#: Speech quieter than this (dBFS, RMS of the speech) is barely heard: the recogniser starts to
#: lose words well before the voice activity detector's gain (24 dB towards -30) runs out.
QUIET_DB = -45.0
#: Speech less than this far above the room's noise floor (dB) is hard to tell from the room.
NOISY_SNR_DB = 15.0
#: A voice with more than this share of its samples at full scale is clipped: too close.
CLIPPED_SHARE = 0.005
#: One more try for a partner the check found hard to hear; then the couple goes on anyway.
SOUND_RETRIES = 1
#: Seconds to wait for an answer about the voice before taking silence as "it's fine".
VOICE_WAIT = 10.0


# --------------------------------------------------------------------------- events in


@dataclass(frozen=True)
class Levels:
    """How one turn sounded, measured by the listener on the audio it heard."""

    speech_db: float  # RMS of the speech, dBFS
    noise_db: float | None  # the noise floor around it, dBFS (None: nothing to measure)
    clipped: float = 0.0  # share of the speech samples at full scale

    @property
    def snr_db(self) -> float | None:
        return None if self.noise_db is None else self.speech_db - self.noise_db

    def verdict(self) -> str:
        """"loud", "quiet", "noisy" or "clear"."""
        if self.clipped > CLIPPED_SHARE:
            return "loud"
        if self.speech_db < QUIET_DB:
            return "quiet"
        if self.snr_db is not None and self.snr_db < NOISY_SNR_DB:
            return "noisy"
        return "clear"


def levels_of(event) -> Levels | None:
    """The levels an utterance carries (spoken turns do; typed ones do not)."""
    return getattr(event, "levels", None)


# ------------------------------------------------------------------------ actions out


@dataclass(frozen=True)
class Note:
    """What the setup found or decided, for the event log (a ``setup`` event)."""

    step: str
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Begin:
    """The setup is done: start the dialogue with these."""

    names: tuple[str, str]  # the one who shares first, first
    dialogue: str
    welcome: bool  # nothing was said yet: the dialogue opens with its own welcome
    learned_names: bool  # the names were asked: keep them for next time
    typed: tuple[str, ...] = ()  # partners who typed their names (--typed)
    returning: bool = False
    days_since_last: int | None = None
    gap_offered: bool = False  # the short dialogue was offered already, with the question

    def as_event(self) -> dict:
        return {"names": list(self.names), "dialogue": self.dialogue, "first": self.names[0],
                "returning": self.returning, "days_since_last": self.days_since_last}


@dataclass(frozen=True)
class Resume:
    """A sound check asked for during the dialogue is over: the dialogue goes on."""


# ----------------------------------------------------------------- what is settled


@dataclass(frozen=True)
class Usual:
    """Last time's choices, remembered in the settings file."""

    dialogue: str
    first: str


@dataclass(frozen=True)
class Known:
    """What is settled before the setup starts, and what this session can do."""

    names: tuple[str, str] | None = None
    names_from: str | None = None  # "command line" (its order says who shares first) or "file"
    dialogue: str | None = None  # set on the command line or in the settings file
    usual: Usual | None = None
    days_since_last: int | None = None  # since the last dialogue on record
    sound_check: bool = True  # check the sound before the first prompt
    microphone: bool = True  # partners are heard as audio (False in text mode)
    speaks: bool = True  # the facilitator speaks aloud (False with --mute)
    typed: tuple[str, ...] = ()  # partners who type (--typed)

    def returning(self) -> bool:
        """Names known and last time's choices were theirs: no question needed."""
        if self.names is None or self.usual is None:
            return False
        return any(n.casefold() == self.usual.first.casefold() for n in self.names)


# -------------------------------------------------------------------- the step table


@dataclass(frozen=True)
class Step:
    who: str  # "either", or "checked": the partner whose sound is being checked
    reads: str  # how its answer is read: name, confirm, level, voice, dialogue, first
    prompt: str  # key in the prompts file
    help: str


STEPS: dict[str, Step] = {
    "name_first": Step("either", "name", "setup.name_first", "setup.help_name"),
    "confirm_first": Step("either", "confirm", "setup.confirm_name", "setup.help_confirm"),
    "name_second": Step("either", "name", "setup.name_second", "setup.help_name"),
    "confirm_second": Step("either", "confirm", "setup.confirm_name", "setup.help_confirm"),
    "level": Step("checked", "level", "setup.level", "setup.help_level"),
    "voice": Step("either", "voice", "setup.voice", "setup.help_voice"),
    "dialogue": Step("either", "dialogue", "setup.dialogue", "setup.help_dialogue"),
    "first": Step("either", "first", "setup.first", "setup.help_first"),
}

# Pass-through steps: nobody is listened to; each resolves to a listening step (or BEGIN).
# BEGIN hands over to the dialogue; RESUME back to it after a check asked for mid-dialogue.
NAMES, SOUND, NEXT_LEVEL, ASSESS, VOICE, CHOICES, WHO_FIRST, BEGIN, RESUME = (
    "NAMES", "SOUND", "NEXT_LEVEL", "ASSESS", "VOICE", "CHOICES", "WHO_FIRST", "BEGIN", "RESUME")

TRANSITIONS: dict[tuple[str, str], str] = {
    ("name_first", "said"): "confirm_first",  # spoken: read it back
    ("name_first", "typed"): "name_second",  # typed: nothing was misheard
    ("name_first", "skip"): "name_second",
    ("confirm_first", "yes"): "name_second",
    ("confirm_first", "corrected"): "confirm_first",
    ("confirm_first", "no"): "name_first",
    ("confirm_first", "skip"): "name_second",
    ("name_second", "said"): "confirm_second",
    ("name_second", "typed"): SOUND,
    ("name_second", "skip"): SOUND,
    ("confirm_second", "yes"): SOUND,
    ("confirm_second", "corrected"): "confirm_second",
    ("confirm_second", "no"): "name_second",
    ("confirm_second", "skip"): SOUND,
    ("level", "heard"): NEXT_LEVEL,
    ("level", "skip"): CHOICES,  # "skip" skips the rest of the check, the voice question too
    ("voice", "fine"): CHOICES,
    ("voice", "skip"): CHOICES,
    ("dialogue", "chosen"): WHO_FIRST,
    ("dialogue", "usual"): BEGIN,  # both of last time's choices
    ("dialogue", "skip"): WHO_FIRST,
    ("first", "chosen"): BEGIN,
    ("first", "skip"): BEGIN,
}

_VOICE_CHANGES = {"louder": AdjustVoice(volume_step=1), "quieter": AdjustVoice(volume_step=-1),
                  "slower": AdjustVoice(rate_step=-1), "faster": AdjustVoice(rate_step=1),
                  "voice": AdjustVoice(next_voice=True)}


class Setup:
    """The setup of one session. Call ``start()`` once, then ``receive(event)``; both return
    the actions to carry out. After ``Begin``, ``check_sound()`` runs the sound check again
    (a partner said "check the sound" during the dialogue); it ends with ``Resume``.
    """

    def __init__(self, known: Known, *, prompts: Prompts | None = None,
                 understanding: Understanding | None = None,
                 silence_timeout: float | None = 45.0) -> None:
        self.known = known
        self.prompts = prompts or load_prompts()
        self.understand = understanding or default_understanding()
        self.silence_timeout = silence_timeout
        self.names: list[str | None] = list(known.names) if known.names else [None, None]
        # Who shares first is settled by names asked in order, or given in order on the
        # command line; names from the settings file are just the pair.
        self.first_settled = known.names is None or known.names_from == "command line"
        self.dialogue = known.dialogue
        self.typed = {n.casefold() for n in known.typed}
        self.typed_at_setup: set[int] = set()  # partners whose names came typed
        self.learned_names = False
        self.gap_offered = False  # the dialogue question offered the short one after a gap
        self.step: str | None = None
        self.paused = False
        self.done = False
        self.ended = False
        self._candidate = ""  # the name being read back
        self._retries = 0  # unclear answers at this step
        self._levels: dict[int, Levels] = {}
        self._queue: list[int] = []  # partners still to be checked
        self._checked: int | None = None  # the partner being checked now
        self._sound_tries = 0
        self._check_asked = known.sound_check  # check before the first prompt
        self._checking = False
        self._return_to: str | None = None  # a step to go back to after a check asked for
        self._resume_dialogue = False
        self._said = False
        self._last_spoken: list[str] = []
        self._listened = True
        self._history: list[str] = []
        self._variant = 0

    # ------------------------------------------------------------------ public API

    def start(self) -> list:
        if self.known.returning():
            return self._welcome_back()
        actions = self._enter(NAMES)
        if self.step is None:  # everything was settled: straight to the dialogue
            return actions
        hello = self._text("setup.hello")
        self._last_spoken.insert(0, hello)  # said before the question that follows
        return [Say(hello)] + actions

    def receive(self, event) -> list:
        if self.ended or self.step is None:
            return []
        if isinstance(event, Silence):
            return self._on_silence()
        if isinstance(event, Command):
            return self._on_command(event.name)
        if not isinstance(event, Utterance):
            raise TypeError(f"unknown event {event!r}")
        text = event.text.strip()
        if not text:
            return self._on_silence()
        if setup_answers.asks_for_sound_check(text) and not self._checking:
            return self._sound_check_asked()
        spec = STEPS[self.step]
        # Yes and no are read as the dialogue reads "did Tom get that?"; other steps have
        # answers of their own, and only a command or a safety concern is read for them.
        # About the voice, a wish is the voice command it names ("no, a bit louder" is
        # "louder"), so that step is read first as one that asks no yes-or-no question.
        reading_step = {"confirm": "confirm", "voice": "voice"}.get(spec.reads)
        turn = self.understand.turn(reading_step, text)
        if turn.safety:
            return self._safety_pause(turn.safety)
        if turn.command == "resume" and not self.paused:
            # "Yes, carry on" to "is my voice comfortable?" is an answer, not a command.
            turn = self.understand.turn(reading_step, text, commands=False)
        if turn.command:
            return self._on_command(turn.command)
        if self.paused:
            return self._say_and_listen(self._text("command.still_paused"), paused=True)
        return getattr(self, f"_turn_{spec.reads}")(text, turn, event)

    def wants_sound_check(self, event) -> bool:
        """Is this turn, said during the dialogue, a request to check the sound?"""
        return isinstance(event, Utterance) and setup_answers.asks_for_sound_check(event.text)

    def check_sound(self) -> list:
        """The sound check again, asked for during the dialogue; it ends with Resume."""
        self._resume_dialogue = True
        self.done = False
        return [CommandDone("check the sound")] + self._start_check(asked=True)

    # ------------------------------------------------------------------- moving on

    def _go(self, outcome: str) -> list:
        assert self.step is not None
        return self._enter(TRANSITIONS[(self.step, outcome)])

    def _enter(self, step: str, *, announce: bool = True, prompt: str | None = None) -> list:
        actions: list = []
        while step not in STEPS:
            if step == BEGIN:
                return actions + self._begin()
            if step == RESUME:
                return actions + [Resume()]
            step, said = getattr(self, f"_resolve_{step.lower()}")()
            actions += said
        if self.step is not None and self.step != step:
            self._history.append(self.step)
        if self.step != step:
            self._retries = 0
        self.step = step
        if announce:
            actions.append(self._say(self._text(prompt or self._prompt_key(step))))
        actions.append(self._listen())
        return actions

    def _prompt_key(self, step: str) -> str:
        if step == "dialogue" and self._long_gap():
            # The way back in is offered with the question, so the dialogue need not offer it.
            self.gap_offered = True
            return ("setup.dialogue_usual_after_gap" if self.known.usual is not None
                    else "setup.dialogue_after_gap")
        if step == "dialogue" and self.known.usual is not None:
            return "setup.dialogue_usual"
        if step == "level" and self._sound_tries:
            return "setup.level_again"
        return STEPS[step].prompt

    def _resolve_names(self) -> tuple[str, list]:
        if self.names[0] is None:
            return "name_first", []
        if self.names[1] is None:
            return "name_second", []
        return SOUND, []

    def _resolve_sound(self) -> tuple[str, list]:
        if not self._check_asked:
            return CHOICES, []
        return self._check_steps(asked=False)

    def _check_steps(self, *, asked: bool) -> tuple[str, list]:
        """The first step of a sound check; ``asked``: a partner said "check the sound"."""
        self._checking = True
        self._sound_tries = 0
        self._levels = {}
        self._queue = [k for k in (0, 1) if self.known.microphone and not self._types(k)]
        if self._queue:
            return NEXT_LEVEL, [self._say(self._text("setup.sound_intro"))]
        if self.known.speaks:  # nothing to measure, but the voice can still be asked about
            return VOICE, []
        said = [self._say(self._text("setup.no_microphone"))] if asked else []
        return self._after_check(said)

    def _resolve_next_level(self) -> tuple[str, list]:
        if self._queue:
            self._checked = self._queue.pop(0)
            return "level", []
        return ASSESS, []

    def _resolve_assess(self) -> tuple[str, list]:
        verdicts = {k: levels.verdict() for k, levels in self._levels.items()}
        problems = [k for k, v in verdicts.items() if v != "clear"]
        if not problems:
            key = "setup.sound_better" if self._sound_tries else (
                "setup.sound_clear" if len(verdicts) != 1 else "setup.sound_clear_one")
            only = next(iter(verdicts), 0)
            return VOICE, [self._say(self._text(key, name=self._name(only)))] if verdicts else []
        if self._sound_tries >= SOUND_RETRIES:
            return VOICE, [self._say(self._text("setup.sound_go_on"))]
        self._sound_tries += 1
        said = [self._say(line) for line in self._advice(verdicts)]
        said.append(self._say(self._text("setup.sound_retry")))
        self._queue = problems
        return NEXT_LEVEL, said

    def _advice(self, verdicts: dict[int, str]) -> list[str]:
        quiet = [k for k, v in verdicts.items() if v == "quiet"]
        lines = []
        if len(quiet) == 2:
            lines.append(self._text("setup.sound_quiet_both"))
        elif quiet:
            lines.append(self._text("setup.sound_quiet", name=self._name(quiet[0])))
        lines += [self._text("setup.sound_loud", name=self._name(k))
                  for k, v in verdicts.items() if v == "loud"]
        if "noisy" in verdicts.values():
            lines.append(self._text("setup.sound_noisy"))
        return lines

    def _resolve_voice(self) -> tuple[str, list]:
        if self._checking and self.known.speaks:
            return "voice", []
        return self._after_check([])

    def _after_check(self, said: list) -> tuple[str, list]:
        """Where a finished (or skipped) sound check leads."""
        self._checking = False
        self._check_asked = False
        if self._resume_dialogue:
            self._resume_dialogue = False
            self.step = None
            self.done = True
            return RESUME, said
        if self._return_to is not None:
            back, self._return_to = self._return_to, None
            return back, said
        return CHOICES, said

    def _resolve_choices(self) -> tuple[str, list]:
        if self._checking:  # "skip" during the check: past the voice question too
            return self._after_check([])
        if self.dialogue is None:
            return "dialogue", []
        return WHO_FIRST, []

    def _resolve_who_first(self) -> tuple[str, list]:
        return (BEGIN if self.first_settled else "first"), []

    def _begin(self) -> list:
        actions: list = []
        if self._said:
            actions.append(self._say(self._text("setup.ready")))
        return actions + [self._finish(returning=False)]

    def _finish(self, *, returning: bool) -> Begin:
        self.step = None
        self.done = True
        first, second = (n or p for n, p in zip(self.names, PLACEHOLDERS))
        return Begin(
            names=(first, second),
            dialogue=self.dialogue or (self.known.usual.dialogue if self.known.usual else
                                       "intentional"),
            welcome=not self._said,
            learned_names=self.learned_names,
            typed=tuple(self.names[k] for k in sorted(self.typed_at_setup)),
            returning=returning,
            days_since_last=self.known.days_since_last,
            gap_offered=self.gap_offered,
        )

    def _long_gap(self) -> bool:
        days = self.known.days_since_last
        return days is not None and days >= LONG_GAP_DAYS

    def _welcome_back(self) -> list:
        usual = self.known.usual
        if not self.first_settled:
            self._set_first(self._position(usual.first))
        if self.dialogue is None:
            self.dialogue = usual.dialogue
        days = self.known.days_since_last
        if days is None or (self._long_gap() and self.dialogue == "intentional"):
            # After a long gap the dialogue's opening says how long and offers the short
            # dialogue (dialogue.py): the greeting here just welcomes them, once.
            key = "setup.welcome_back"
        elif days <= 0:
            key = "setup.welcome_back_today"
        elif days == 1:
            key = "setup.welcome_back_yesterday"
        elif days <= 7:
            key = "setup.welcome_back_days"
        else:
            key = "setup.welcome_back_while"
        greeting = self._say(self._text(key, days=days or 0))
        return [greeting, self._finish(returning=True)]

    # ------------------------------------------------------------------- answers

    def _turn_name(self, text: str, turn, event) -> list:
        position = 0 if self.step == "name_first" else 1
        reading = setup_answers.read_name(text)
        if reading is None:
            return self._unclear("setup.name_unclear")
        name = reading.name
        other = self.names[1 - position]
        if other is not None and name.casefold() == other.casefold():
            return self._say_and_listen(self._text("setup.same_name", name=name))
        typed = getattr(event, "decided_at", None) is None
        if typed:
            self._set_name(position, name, typed=True)
            return [Note("name", {"partner": position + 1, "name": name, "typed": True})] + (
                self._go("typed"))
        self._candidate = name
        return [Note("name", {"partner": position + 1, "heard": text, "read": name})] + (
            self._go("said"))

    def _turn_confirm(self, text: str, turn, event) -> list:
        position = 0 if self.step == "confirm_first" else 1
        reading = setup_answers.read_name(text)
        if reading is not None and not reading.spelled and not _NAY.search(text) and (
                setup_answers.same_name(reading.name, self._candidate)):
            # The same name said again, and nothing against it: repeating it is agreeing,
            # whatever the confirmation reader makes of a bare name
            turn = replace(turn, outcome="yes", confident=True)
        refused = turn.outcome in ("no", "partly", "addition")
        if reading is not None and reading.name != self._candidate and (
                reading.spelled or refused
                or not setup_answers.same_name(reading.name, self._candidate)):
            # Said again differently, spelled out, or "no, Lena" to "Lina" (a sound-alike
            # written otherwise): that is the name to read back now.
            self._candidate = reading.name
            note = Note("name", {"partner": position + 1, "heard": text, "read": reading.name,
                                 "correction": True})
            return [note] + self._enter(self.step, prompt="setup.confirm_again")
        if reading is None and not turn.confident:
            return self._unclear("setup.confirm_unclear")
        if turn.outcome in ("no", "partly", "addition") and not (
                turn.outcome == "addition" and reading is not None):
            # "No" and nothing else, or the same name again: it may be the voice that said
            # it wrong; spelling it settles what the recogniser cannot.
            return [self._say(self._text("setup.name_again"))] + self._go_quiet("no")
        if turn.outcome == "yes" or reading is not None:
            name = self._candidate
            self._set_name(position, name, typed=False)
            self.learned_names = True
            note = Note("name", {"partner": position + 1, "name": name, "confirmed": True})
            return [note] + self._go("yes")
        return self._unclear("setup.confirm_unclear")

    def _turn_level(self, text: str, turn, event) -> list:
        levels = levels_of(event)
        partner = self._checked
        if levels is None:  # typed, or no audio: nothing to measure
            note = Note("sound", {"partner": self._name(partner), "measured": False})
        else:
            self._levels[partner] = levels
            note = Note("sound", {
                "partner": self._name(partner), "speech_db": round(levels.speech_db, 1),
                "noise_db": None if levels.noise_db is None else round(levels.noise_db, 1),
                "snr_db": None if levels.snr_db is None else round(levels.snr_db, 1),
                "clipped": round(levels.clipped, 4), "verdict": levels.verdict(),
                "try": self._sound_tries + 1})
        return [note] + self._go("heard")

    def _turn_voice(self, text: str, turn, event) -> list:
        # No voice command in it (those were read already): is it yes, or no?
        turn = self.understand.turn("confirm", text, commands=False)
        if turn.outcome == "yes":
            return [Note("voice", {"comfortable": True}),
                    self._say(self._text("setup.voice_fine"))] + self._go("fine")
        if turn.outcome in ("no", "partly") and self._retries < 1:
            self._retries += 1
            return self._say_and_listen(self._text("setup.voice_which"))
        # Not a change anyone asked for: never hold the couple on it.
        return [Note("voice", {"comfortable": None})] + self._go("fine")

    def _change_voice(self, wish: str) -> list:
        note = Note("voice", {"change": wish})
        return [note, _VOICE_CHANGES[wish], Say(self._text("setup.voice_again")),
                self._listen()]

    def _turn_dialogue(self, text: str, turn, event) -> list:
        choice = setup_answers.read_dialogue_choice(text)
        usual = self.known.usual
        if choice == "usual":
            if usual is None:
                return self._say_and_listen(self._text("setup.no_usual") + " " + self._text(
                    "setup.dialogue"))
            self.dialogue = usual.dialogue
            position = self._position(usual.first)
            if position is not None and not self.first_settled:
                self._set_first(position)
            note = Note("choice", {"dialogue": self.dialogue, "first": self._name(0),
                                   "by": "usual"})
            said = self._say(self._text(f"setup.usual_{self.dialogue}"))
            # Last time's first sharer is not one of these two: who goes first is still asked.
            return [note, said] + self._go("usual" if self.first_settled else "chosen")
        if choice in DIALOGUES:
            self.dialogue = choice
            note = Note("choice", {"dialogue": choice, "by": "voice"})
            return [note, self._say(self._text(f"setup.chose_{choice}"))] + self._go("chosen")
        if self._retries >= 1:
            self.dialogue = "intentional"
            note = Note("choice", {"dialogue": "intentional", "by": "default"})
            return [note, self._say(self._text("setup.default_intentional"))] + (
                self._go("chosen"))
        return self._unclear("setup.dialogue_unclear")

    def _turn_first(self, text: str, turn, event) -> list:
        names = (self._name(0), self._name(1))
        choice = setup_answers.read_first(text, names)
        speaker = getattr(event, "partner", None)
        if choice == "me" and speaker is not None:
            choice = self._position(speaker)
        if choice == "usual" and self.known.usual is not None:
            choice = self._position(self.known.usual.first)
        if choice == "anyone" or (choice == "usual" and self.known.usual is None):
            choice = 0
        if isinstance(choice, int):
            self._set_first(choice)
            note = Note("choice", {"first": self._name(0), "by": "voice"})
            return [note, self._say(self._text("setup.first_chosen"))] + self._go("chosen")
        if self._retries >= 1:
            self._set_first(0)
            return [Note("choice", {"first": self._name(0), "by": "default"}),
                    self._say(self._text("setup.first_chosen"))] + self._go("chosen")
        return self._unclear("setup.first_unclear")

    def _unclear(self, key: str) -> list:
        self._retries += 1
        return self._say_and_listen(self._text(key))

    # --------------------------------------------------------- silence and commands

    def _on_silence(self) -> list:
        if self.paused:
            return [self._listen(paused=True)]
        if self.step == "voice":  # nobody minded the voice
            return [Note("voice", {"comfortable": None})] + self._go("fine")
        line = self._text("silence.reoffer", variant=self._next_variant())
        # {name} is the name being confirmed, or else the partner whose sound is checked
        return [self._say(line + " " + self._text(self._prompt_key(self.step))),
                self._listen()]

    def _on_command(self, name: str) -> list:
        note = CommandDone(name)
        if name == "stop":
            self.ended = True
            return [note, self._say(self._text("command.stop")), End("stopped")]
        if name == "pause":
            self.paused = True
            return [note] + self._say_and_listen(self._text("command.pause"), paused=True)
        if name == "resume":
            was_paused, self.paused = self.paused, False
            key = "command.resume" if was_paused else "command.not_paused"
            return [note, self._say(self._text(key))] + self._enter(self.step)
        if self.paused:
            return [note] + self._say_and_listen(self._text("command.still_paused"),
                                                 paused=True)
        if name == "repeat":
            again = " ".join(self._last_spoken) or self._text(self._prompt_key(self.step))
            return [note, Say(again), self._listen()]
        if name in ("slower", "faster", "louder", "quieter", "voice"):
            if self.step == "voice":
                return self._change_voice(name)
            return [note, _VOICE_CHANGES[name], Say(self._text(f"command.{name}")),
                    self._listen()]
        if name == "help":
            return [note, self._say(self._text(STEPS[self.step].help)), self._listen()]
        if name == "skip":
            return [note] + self._skip()
        if name == "back":
            return [note] + self._back()
        raise ValueError(f"unknown command {name!r}")

    def _skip(self) -> list:
        if self.step in ("name_first", "confirm_first", "name_second", "confirm_second"):
            position = 0 if self.step.endswith("first") else 1
            self._set_name(position, PLACEHOLDERS[position], typed=False)
            said = self._say(self._text("setup.name_skipped", name=PLACEHOLDERS[position]))
            return [said] + self._go("skip")
        if self.step == "dialogue":
            self.dialogue = self.known.usual.dialogue if self.known.usual else "intentional"
        if self.step == "first":
            self._set_first(0)
        return [self._say(self._text("command.skip"))] + self._go("skip")

    def _back(self) -> list:
        while self._history:
            step = self._history.pop()
            if step in STEPS and STEPS[step].reads in ("name", "confirm"):
                position = 0 if step.endswith("first") else 1
                self._candidate = self.names[position] or "" if step.startswith(
                    "confirm") else ""
                self.names[position] = None
            if step != "level":  # a sound check is started afresh, never half-way
                self.step = None
                return [self._say(self._text("command.back"))] + self._enter(step)
        return [self._say(self._text("command.back_none")), self._listen()]

    def _sound_check_asked(self) -> list:
        note = CommandDone("check the sound")
        if None in self.names:
            # The check names each partner: it comes right after the names.
            self._check_asked = True
            return [note] + self._say_and_listen(self._text("setup.check_later"))
        self._return_to = self.step
        return [note] + self._start_check(asked=True)

    def _start_check(self, *, asked: bool) -> list:
        self.step = None
        step, said = self._check_steps(asked=asked)
        return said + self._enter(step)

    def _safety_pause(self, concern: str) -> list:
        # As the dialogue does: the record lists it with the coaching, whenever it was said.
        self.paused = True
        line = self._text("safety.pause")
        return [Coach("safety", line, concern)] + self._say_and_listen(line, paused=True)

    # ------------------------------------------------------------------- helpers

    def _go_quiet(self, outcome: str) -> list:
        assert self.step is not None
        return self._enter(TRANSITIONS[(self.step, outcome)], announce=False)

    def _set_name(self, position: int, name: str, *, typed: bool) -> None:
        self.names[position] = name
        self._candidate = ""
        if typed:
            self.typed_at_setup.add(position)
            self.learned_names = True

    def _set_first(self, position: int | None) -> None:
        if position == 1:
            self.names.reverse()
            self.typed_at_setup = {1 - k for k in self.typed_at_setup}
            self._levels = {1 - k: v for k, v in self._levels.items()}
        self.first_settled = True

    def _position(self, name: str | None) -> int | None:
        for k, known in enumerate(self.names):
            if name and known and known.casefold() == name.casefold():
                return k
        return None

    def _types(self, position: int) -> bool:
        name = self.names[position]
        return position in self.typed_at_setup or bool(name and name.casefold() in self.typed)

    def _name(self, position: int | None) -> str:
        if position is None:
            return ""
        return self.names[position] or PLACEHOLDERS[position]

    def _say_and_listen(self, text: str, *, paused: bool = False) -> list:
        return [self._say(text), self._listen(paused=paused)]

    def _say(self, text: str) -> Say:
        if self._listened:
            self._last_spoken = []
            self._listened = False
        self._last_spoken.append(text)
        self._said = True
        return Say(text)

    def _listen(self, *, paused: bool = False) -> Listen:
        self._listened = True
        if paused or self.step is None:
            return Listen(None, "either", "setup", "answer", None)
        if STEPS[self.step].who == "checked":
            return Listen(self._name(self._checked), "partner", "setup", "answer",
                          self.silence_timeout)
        timeout = self.silence_timeout
        if self.step == "voice" and timeout is not None:
            timeout = min(timeout, VOICE_WAIT)
        return Listen(None, "either", "setup", "answer", timeout)

    def _text(self, key: str, variant: int = 0, **extra: object) -> str:
        fields = {"first": self._name(0), "second": self._name(1),
                  "name": self._candidate or self._name(self._checked),
                  "days": self.known.days_since_last or 0,
                  # the dialogue's own sentences ("command.pause") name the partners so
                  "sender": self._name(0), "receiver": self._name(1), "topic": ""}
        fields.update(extra)
        return self.prompts.text(key, variant=variant, **fields)

    def _next_variant(self) -> int:
        self._variant += 1
        return self._variant - 1
