"""Running a dialogue against the world: turns in, speech out, everything logged.

The dialogue engine decides; this module carries its actions out. Where turns come from
(typed lines, a microphone, a replayed manifest) and where speech goes (a speaker, a WAV
file, nowhere) are swappable parts, so the same loop runs live, in text mode and in tests.
Every event is stamped with the session clock and handed to each consumer (the event
log file, the session record, the display) as it happens.
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import select
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from facilitator.audio import ECHO_TAIL, RATE, SourceExhausted
from facilitator.dialogue import (
    AdjustVoice,
    Coach,
    Command,
    CommandDone,
    Dialogue,
    End,
    Listen,
    MirrorChecked,
    Say,
    Silence,
    Stage,
    Utterance,
)
from facilitator.errors import FacilitatorError
from facilitator.settings_schema import MIN_VOLUME
from facilitator.setup import Begin, Levels, Note, Resume, Setup

EventConsumer = Callable[[dict], None]


class InputClosed(SourceExhausted):
    """The keyboard was closed (Ctrl-D): the partners are done, as if they said "stop"."""


class Interrupted(Exception):
    """A control from outside the turn (a button or the typing box on the screen) came
    first: the turn being waited for is given up and the control is taken instead."""


@dataclass(frozen=True)
class Heard(Utterance):
    """A spoken turn with how it sounded, or a turn from a known partner when the engine
    listened to either of them."""

    partner: str | None = None
    levels: Levels | None = None  # measured by the listener (the sound check reads them)


class TurnInput(Protocol):
    def next_turn(self, listen: Listen) -> Utterance | Silence:
        """Wait for the partner ``listen`` names; raise SourceExhausted when input is over."""


class SpeechOutput(Protocol):
    speaks: bool  # False when nothing is said aloud (--mute): no voice to adjust

    def say(self, text: str) -> None: ...
    def cue(self, name: str) -> None: ...
    def adjust_rate(self, step: int) -> None: ...
    def adjust_volume(self, step: int) -> None: ...
    def next_voice(self) -> None: ...


# ---------------------------------------------------------------------- event log


class EventLogFile:
    """``--events FILE``: JSON Lines, one object per event, flushed as it happens."""

    def __init__(self, path: str | os.PathLike):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise FacilitatorError(
                f"{path}: cannot write the event log ({exc.strerror}); choose another --events path"
            ) from None
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def __call__(self, event: dict) -> None:
        self._file.write(json.dumps(event, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class Clock:
    """Seconds since the session started: the audio source's position, or the wall clock."""

    def __init__(self, source=None):
        self._source = source
        self._start = time.monotonic()

    def __call__(self) -> float:
        if self._source is not None:
            return self._source.position / RATE
        return time.monotonic() - self._start


# ----------------------------------------------------------------- turn inputs


#: Put among typed lines by TypedTurns.interrupt(): stop waiting for the keyboard.
_WAKE = object()


class TypedTurns:
    """Text mode: each partner types at a prompt showing their name."""

    def __init__(self, read_line: Callable[[str], str] = input):
        self._read_line = read_line
        self._lines: queue.Queue | None = None  # set once lines are read in the background
        self._stop_when: Callable[[], bool] | None = None
        self._fd: int | None = None
        self._stop = threading.Event()

    def next_turn(self, listen: Listen) -> Utterance | Silence:
        prompt = f"{listen.partner or 'Either of you'}> "
        if self._lines is None:
            try:
                line = self._read_line(prompt)
            except EOFError:
                print()  # Ctrl-D leaves the cursor after the prompt
                raise InputClosed("no more typed input") from None
        else:
            print(prompt, end="", flush=True)
            line = self._lines.get()
            while line is _WAKE:
                if self._stop_when is None or self._stop_when():
                    print()  # the prompt line is left unanswered
                    raise Interrupted("a control came from the screen")
                line = self._lines.get()  # that control was taken already: keep waiting
        if line is None:
            print()
            raise InputClosed("no more typed input")
        return Utterance(line) if line.strip() else Silence()

    def read_in_background(self, *, fd: int | None = None,
                           interrupt_when: Callable[[], bool] | None = None) -> None:
        """Read the keyboard in a thread from now on, so that waiting can be interrupted.

        ``fd``: the descriptor ``read_line`` reads (the terminal's), read directly instead.
        A thread waiting in ``input()`` holds the lock of ``sys.stdin``, and Python aborts
        at exit when a thread still holds it ("could not acquire lock ... at interpreter
        shutdown"); waiting on the descriptor holds nothing. Give it before anything was read
        through ``sys.stdin``, whose buffer would keep what it read ahead.

        ``interrupt_when()`` says whether an ``interrupt()`` still counts when the wait sees
        it (a control may have been taken meanwhile); without it every interrupt counts.
        """
        if interrupt_when is not None:
            self._stop_when = interrupt_when
        if self._lines is None:
            self._lines = queue.Queue()
            self._fd = fd
            reader = self._read_fd_forever if fd is not None else self._read_forever
            threading.Thread(target=reader, name="keyboard", daemon=True).start()

    def stop_reading(self) -> None:
        """No more reading in the background (at the end of the session)."""
        self._stop.set()

    def interrupt(self) -> None:
        """Stop a wait for the keyboard now (reading in the background only)."""
        if self._lines is not None:
            self._lines.put(_WAKE)

    def poll(self) -> Utterance | None:
        """A line typed meanwhile, if any, without waiting (starts reading in the background)."""
        self.read_in_background()
        while True:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                return None
            if line is not _WAKE:
                break
        if line is None:
            self._lines.put(None)  # keep the end of input visible to the next reader
            return None
        return Utterance(line) if line.strip() else None

    def _read_forever(self) -> None:
        while True:
            try:
                self._lines.put(self._read_line(""))
            except (EOFError, OSError, ValueError):
                self._lines.put(None)
                return

    def _read_fd_forever(self) -> None:
        pending = b""
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._fd], [], [], 0.2)
                if not ready:
                    continue
                chunk = os.read(self._fd, 4096)
            except (OSError, ValueError):  # closed under us: no more typed input
                chunk = b""
            if not chunk:  # Ctrl-D, or the end of piped input
                if pending:
                    self._lines.put(pending.decode("utf-8", "replace"))
                self._lines.put(None)
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                self._lines.put(raw.decode("utf-8", "replace"))


class VoiceTurns:
    """Voice mode: listen on an audio source until the endpointer says the turn is over."""

    def __init__(self, source, transcriber, *, listen_options: dict | None = None):
        from facilitator.listener import listen_for_turn

        self._listen_for_turn = listen_for_turn
        self.source = source
        self.transcriber = transcriber
        self.listen_options = listen_options or {}
        self._emit: Callable[..., None] | None = None

    def watch(self, emit: Callable[..., None]) -> None:
        """Report what happens while listening: speech starting, the transcript so far, the
        turn being decided (``state`` and ``partial`` events)."""
        self._emit = emit

    def next_turn(self, listen: Listen) -> Utterance | Silence:
        typed = self.source.begin_turn()
        if typed is not None:
            return Utterance(typed)
        watching = {}
        if self._emit is not None:
            emit, partner = self._emit, listen.partner
            shown = [""]

            def partial(text: str) -> None:
                if text != shown[0]:  # the same words covering a little more audio: no news
                    shown[0] = text
                    emit("partial", partner=partner, text=text)

            def state(name: str) -> None:
                if name == "listening":
                    shown[0] = ""
                emit("state", state=name, partner=partner)

            watching = {"on_partial": partial, "on_state": state}
        heard = self._listen_for_turn(
            self.source,
            transcriber=self.transcriber,
            expect=listen.expect,
            silence_timeout=listen.timeout,
            **self.listen_options,
            **watching,
        )
        if heard is None:
            return Silence()
        levels = None if heard.speech_db is None else Levels(heard.speech_db, heard.noise_db,
                                                              heard.clipped)
        return Heard(heard.text, heard.speech_start, heard.speech_end, heard.decided_at,
                     levels=levels)


class MixedTurns:
    """``--typed NAME``: that partner types while the other speaks.

    When either partner may answer (the exercise is paused), both the keyboard and the
    microphone are open, so the partner who types can say "resume" or "stop" too.
    """

    #: While waiting for either partner, the keyboard is checked this often (seconds).
    EITHER_POLL = 1.0

    def __init__(self, typed_names: set[str], typed: TypedTurns, voice: TurnInput, *,
                 names: list[str] | tuple[str, ...] = ()):
        self.typed, self.voice = typed, voice
        # Who answers when either may: the one who types, or the one who speaks, when each
        # of those is a single partner (unknown until the setup has the names).
        self.set_names(names, typed_names)

    def set_names(self, names, typed: set[str]) -> None:
        """The partners once the setup knows them, and which of them types."""
        self.typed_names = {n.casefold() for n in typed}
        typists = [n for n in names if n.casefold() in self.typed_names]
        speakers = [n for n in names if n.casefold() not in self.typed_names]
        self._typist = typists[0] if len(typists) == 1 else None
        self._speaker = speakers[0] if len(speakers) == 1 else None

    def watch(self, emit: Callable[..., None]) -> None:
        if hasattr(self.voice, "watch"):
            self.voice.watch(emit)

    def next_turn(self, listen: Listen) -> Utterance | Silence:
        if listen.partner is None:
            return self._either(listen)
        if listen.partner.casefold() in self.typed_names:
            return self.typed.next_turn(listen)
        return self.voice.next_turn(listen)

    def _either(self, listen: Listen) -> Utterance | Silence:
        short = dataclasses.replace(listen, timeout=self.EITHER_POLL)
        while True:
            typed = self.typed.poll()
            if typed is not None:
                return Heard(typed.text, partner=self._typist)
            heard = self.voice.next_turn(short)
            if isinstance(heard, Utterance):
                return Heard(heard.text, heard.speech_start, heard.speech_end, heard.decided_at,
                             partner=self._speaker, levels=getattr(heard, "levels", None))


class Controls:
    """Commands and typed turns from outside the loop (the screen's buttons and typing box),
    taken at the next point where the facilitator listens, as if said there.

    ``put`` may be called from any thread. Whatever waits for a partner is woken: a source
    wrapped by ``interruptible`` stops at its next read, and each ``wake_with`` callback
    is called (a keyboard read in the background, say).
    """

    def __init__(self):
        self._items: queue.SimpleQueue = queue.SimpleQueue()
        self._pending = threading.Event()
        self._lock = threading.Lock()
        self._wakers: list[Callable[[], None]] = []

    def put(self, event: Command | Utterance) -> None:
        with self._lock:
            self._items.put(event)
            self._pending.set()
        for wake in list(self._wakers):
            wake()

    def take(self) -> Command | Utterance | None:
        with self._lock:
            try:
                event = self._items.get_nowait()
            except queue.Empty:
                return None
            if self._items.empty():
                self._pending.clear()
            return event

    @property
    def pending(self) -> bool:
        return self._pending.is_set()

    def wake_with(self, callback: Callable[[], None]) -> None:
        self._wakers.append(callback)

    def interruptible(self, source):
        """``source``, stopping at its next read (every 10-30 ms) once a control is waiting."""
        return _InterruptibleSource(source, self)


class _InterruptibleSource:
    def __init__(self, source, controls: Controls):
        self._source, self._controls = source, controls

    def read(self, n: int) -> np.ndarray:
        if self._controls.pending:
            raise Interrupted("a control came from the screen")
        return self._source.read(n)

    def __getattr__(self, name):  # position, realtime, skip, begin_turn, close, ...
        return getattr(self._source, name)


class ControlledTurns:
    """Turns from ``inner`` unless a control from the screen comes first (see Controls).

    A turn cut short by a control is given up (a replayed one too): the control counts, as a
    spoken command would, and the facilitator listens afresh after answering it.
    """

    def __init__(self, inner: TurnInput, controls: Controls):
        self.inner, self.controls = inner, controls

    def watch(self, emit: Callable[..., None]) -> None:
        if hasattr(self.inner, "watch"):
            self.inner.watch(emit)

    def next_turn(self, listen: Listen) -> Utterance | Silence | Command:
        while True:
            event = self.controls.take()
            if event is not None:
                return event
            try:
                return self.inner.next_turn(listen)
            except Interrupted:
                continue  # the control is taken above (or it was already, and we wait again)


# ---------------------------------------------------------------- speech outputs


class NoSpeech:
    """``--mute``: the words are shown and logged, not spoken."""

    speaks = False

    def say(self, text: str) -> None:
        pass

    def cue(self, name: str) -> None:
        pass

    def adjust_rate(self, step: int) -> None:
        pass

    def adjust_volume(self, step: int) -> None:
        pass

    def next_voice(self) -> None:
        pass


#: One "louder" / "quieter" changes the volume by this much (of 0-1): clearly audible.
VOLUME_STEP = 0.2


class SpokenOutput:
    """Speak through a sink; with a microphone open, stay deaf while speaking (half-duplex).

    ``source`` is the audio source the partners are heard on, if any: it is advanced by
    the length of each utterance plus a short tail, so the facilitator never hears itself.
    """

    speaks = True

    def __init__(self, voice, sink, *, source=None, cues: bool = True, on_setting=None):
        self.voice, self.sink, self.source = voice, sink, source
        self.cues = cues
        self._on_setting = on_setting  # called (name, value) so a change made by voice lasts

    def say(self, text: str) -> None:
        samples, rate = self.voice.synthesize(text)
        self._play(samples, rate)

    def cue(self, name: str) -> None:
        if not self.cues:
            return
        from facilitator.speech import cue_sound

        samples, rate = cue_sound(name, volume=getattr(self.voice, "volume", 1.0))
        self._play(samples, rate)

    def adjust_rate(self, step: int) -> None:
        rate = self.voice.step_rate(step)
        if self._on_setting:
            self._on_setting("rate", rate)

    def adjust_volume(self, step: int) -> None:
        volume = min(1.0, max(MIN_VOLUME, round(self.voice.volume + VOLUME_STEP * step, 2)))
        self.voice.set_volume(volume)
        if self._on_setting:
            self._on_setting("volume", volume)

    def next_voice(self) -> None:
        voice = self.voice.next_voice()
        if voice and self._on_setting:
            self._on_setting("voice", voice)

    def _play(self, samples: np.ndarray, rate: int) -> None:
        if self.source is not None and hasattr(self.sink, "set_position"):
            # A WAV recording of the facilitator lines up with the session clock.
            self.sink.set_position(self.source.position)
        self.sink.play(samples, rate)
        if self.source is not None:
            self.source.skip(round((len(samples) / rate + ECHO_TAIL) * RATE))


# -------------------------------------------------------------------- the loop


@dataclass
class Outcome:
    reason: str


def run_dialogue(
    dialogue: Dialogue | None,
    turns: TurnInput,
    speech: SpeechOutput,
    consumers: list[EventConsumer],
    clock: Callable[[], float],
    *,
    setup: Setup | None = None,
    begin: Callable[[Begin], Dialogue] | None = None,
) -> Outcome:
    """Carry out the engines' actions until the dialogue ends or the input runs out.

    With ``setup`` the session starts there (setup.py: names, sound check, choices) and
    ``begin`` makes the dialogue from its Begin; ``dialogue`` is then None. The setup also
    answers "check the sound" during the dialogue, which then goes on where it was.
    """

    def emit(event: str, **fields) -> None:
        record = {"t": round(clock(), 3), "event": event, **fields}
        for consume in consumers:
            consume(record)

    if hasattr(turns, "watch"):
        turns.watch(emit)
    try:
        return _loop(dialogue, setup, begin, turns, speech, emit)
    except KeyboardInterrupt:
        # Ctrl-C or SIGTERM: end kindly, and the record closes with what was said so far.
        emit("end", reason="interrupted")
        return Outcome("interrupted")
    except FacilitatorError as exc:
        # A lost device, or a file or the speech engine failing mid-way (SessionInterrupted
        # or not): the log ends saying why, and the caller saves what was said.
        emit("end", reason=f"interrupted: {exc}")
        raise


def _loop(dialogue, setup, begin, turns, speech, emit) -> Outcome:
    engine = setup or dialogue  # the machine the partners are answering now
    actions = deque(engine.start())
    while True:
        listen: Listen | None = None
        voiceless = False  # "slower" with nothing spoken: say so, not "I'll speak more slowly"
        while actions:
            action = actions.popleft()
            if isinstance(action, Stage):
                emit("stage", name=action.name, sender=action.sender, receiver=action.receiver)
            elif isinstance(action, Say):
                text = action.text
                if voiceless:
                    text, voiceless = engine.prompts.text("command.muted"), False
                emit("say", text=text)
                speech.say(text)
            elif isinstance(action, Listen):
                listen = action
            elif isinstance(action, MirrorChecked):
                emit("mirror_check", **action.check.as_dict())
            elif isinstance(action, Coach):
                emit("coach", kind=action.kind, text=action.text,
                     **({"why": action.why} if action.why else {}))
            elif isinstance(action, CommandDone):
                emit("command", name=action.name)
            elif isinstance(action, AdjustVoice):
                if not getattr(speech, "speaks", True):
                    voiceless = True
                    continue
                if action.rate_step:
                    speech.adjust_rate(action.rate_step)
                if action.volume_step:
                    speech.adjust_volume(action.volume_step)
                if action.next_voice:
                    speech.next_voice()
            elif isinstance(action, Note):
                emit("setup", step=action.step, **action.fields)
            elif isinstance(action, Begin):
                emit("setup", step="begin", **action.as_event())
                engine = dialogue = begin(action)
                actions.extend(dialogue.start(welcome=action.welcome))
            elif isinstance(action, Resume):
                # Back from a sound check: say again what was said before it, and listen.
                emit("setup", step="resume")
                engine = dialogue
                actions.extend(a for a in dialogue.receive(Command("repeat"))
                               if not isinstance(a, CommandDone))
            elif isinstance(action, End):
                emit("end", reason=action.reason)
                return Outcome(action.reason)
        if listen is None:  # the engine always listens or ends; anything else is a bug
            raise AssertionError(f"engine neither listened nor ended: {actions}")
        emit("listen", partner=listen.partner, role=listen.role, stage=listen.stage)
        if engine.paused:
            emit("state", state="paused")
        speech.cue("listening")
        try:
            event = turns.next_turn(listen)
        except InputClosed:
            # Ctrl-D: the partners are done typing; end as "stop" does, kindly and saved.
            event = Command("stop")
        except SourceExhausted:
            emit("end", reason="script exhausted")
            return Outcome("script exhausted")
        if isinstance(event, Utterance):
            partner = listen.partner or getattr(event, "partner", None)
            heard = {"partner": partner, "text": event.text}
            if event.decided_at is not None:
                heard.update(
                    speech_start=round(event.speech_start, 3),
                    speech_end=round(event.speech_end, 3),
                    decided_at=round(event.decided_at, 3),
                )
            emit("heard", **heard)
            speech.cue("got_it")
        if engine is dialogue and setup is not None and setup.wants_sound_check(event):
            engine = setup
            actions.extend(setup.check_sound())
            continue
        actions.extend(engine.receive(event))
