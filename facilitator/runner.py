"""Assembling a session from command-line options: which input, which voice, which record.

``session.py`` holds the loop; this module picks its parts (typed or spoken turns,
microphone or replayed fixtures, speaker or WAV file or nothing) and makes sure that,
however the session ends, the record is closed and the person is told where it went.
"""

from __future__ import annotations

import contextlib
import sys
import threading

from facilitator.dialogue import DIALOGUES, Dialogue
from facilitator.display import make_display
from facilitator.errors import FacilitatorError, SessionInterrupted
from facilitator.prompts import load_prompts
from facilitator.session import (
    Clock,
    EventLogFile,
    MixedTurns,
    NoSpeech,
    SpokenOutput,
    TypedTurns,
    VoiceTurns,
    run_dialogue,
)
from facilitator.setup import PLACEHOLDERS, Begin, Known, Setup, Usual


def make_dialogue(args, names) -> Dialogue:
    """The engine, with its prompts file loaded and checked: a broken option or prompts file
    is refused here, before any device opens or any session folder is made.

    Options were checked when parsed (settings_schema.py); names from a replay manifest
    were not, hence the check here.
    """
    clean = [n.strip() for n in names]
    if not all(clean) or clean[0].casefold() == clean[1].casefold():
        raise FacilitatorError(
            f"--names {' '.join(repr(n) for n in names)}: give the two partners' names, "
            "not empty and not the same, e.g. --names Ana Ben"
        )
    return Dialogue(
        names,
        dialogue=args.dialogue,
        prompts=load_prompts(args.prompts),
        silence_timeout=None if args.no_timeouts else args.silence_timeout,
        max_mirror_tries=args.mirror_tries,
    )


def _event_log(args) -> EventLogFile | None:
    # Made before the session folder, so a bad option leaves no empty session behind.
    return EventLogFile(args.events) if args.events else None


class LiveStart:
    """What a live session starts with: the setup (names, sound check, choices), and how its
    Begin becomes the dialogue. The prompts and the understanding layer are loaded here,
    before any device opens: a broken prompts file or model is said before anything."""

    def __init__(self, args, names: list[str] | None):
        self.args = args
        self.names = names
        self.prompts = load_prompts(args.prompts)
        self.understanding = _understanding_soon()
        self.turns = None  # MixedTurns learns who types once the names are known

    def setup(self, *, microphone: bool, speaks: bool) -> Setup:
        args = self.args
        origins = getattr(args, "origins", {})
        remembered = getattr(args, "remembered", {})
        usual = None
        if remembered.get("usual_dialogue") and remembered.get("usual_first"):
            usual = Usual(remembered["usual_dialogue"], remembered["usual_first"])
        known = Known(
            names=tuple(self.names) if self.names else None,
            names_from=origins.get("names") if self.names else None,
            dialogue=args.dialogue if "dialogue" in origins else None,
            usual=usual,
            sound_check=not args.no_sound_check,
            microphone=microphone,
            speaks=speaks,
            typed=tuple(args.typed),
        )
        if known.returning():
            known = _with_days(known, args)
        return Setup(known, prompts=self.prompts, understanding=self.understanding,
                     silence_timeout=None if args.no_timeouts else args.silence_timeout)

    def begin(self, begin: Begin) -> Dialogue:
        args = self.args
        if not args.no_save:
            # Kept for next time: the names asked for, and what "the usual" means.
            if begin.learned_names and not set(begin.names) & set(PLACEHOLDERS):
                _remember_setting("names", list(begin.names))
            _remember_setting("usual_dialogue", begin.dialogue)
            _remember_setting("usual_first", begin.names[0])
        if isinstance(self.turns, MixedTurns):
            typed = {n.casefold() for n in args.typed}
            if not typed & {n.casefold() for n in begin.names}:
                typed = set(begin.typed)  # the one who typed their name at the setup types
            self.turns.set_names(begin.names, typed)
        return Dialogue(
            begin.names,
            dialogue=begin.dialogue,
            prompts=self.prompts,
            silence_timeout=None if args.no_timeouts else args.silence_timeout,
            max_mirror_tries=args.mirror_tries,
            understanding=self.understanding,
        )


class _Soon:
    """A value made in a background thread; the first use waits for it (or raises its
    error there)."""

    def __init__(self, make):
        self._done = threading.Event()
        self._value = self._error = None
        threading.Thread(target=self._make, args=(make,), daemon=True).start()

    def _make(self, make) -> None:
        try:
            self._value = make()
        except BaseException as exc:  # raised where the value is first used
            self._error = exc
        finally:
            self._done.set()

    def __getattr__(self, name: str):
        self._done.wait()
        if self._error is not None:
            raise self._error
        return getattr(self._value, name)


def _understanding_soon():
    """The understanding layer for a live session. Its meaning model is opened now, so a
    missing or broken one is said before anything; its readers, which take several seconds
    to learn from the labelled examples, are made while the facilitator already greets the
    couple (the first answer waits for them if it must)."""
    from facilitator.understanding import Understanding
    from facilitator.understanding.model import MeaningModel
    from facilitator.understanding.turns import TurnReader

    model = MeaningModel()
    return Understanding(model, _Soon(lambda: TurnReader(model)))


def _with_days(known: Known, args) -> Known:
    import dataclasses

    from facilitator.history import days_since_last_dialogue
    from facilitator.records import resolve_data_dir

    try:
        days = days_since_last_dialogue(resolve_data_dir(args.data_dir))
    except FacilitatorError:
        days = None  # an unreadable sessions folder must not spoil a welcome
    return dataclasses.replace(known, days_since_last=days)


def make_voice(args):
    from facilitator.speech import Voice

    return Voice(engine=args.voice_engine, voice=args.voice, rate=args.rate, volume=args.volume)


def _remember_setting(name: str, value) -> None:
    # A partner said "slower" or "louder": keep it for next time, as a person would expect.
    try:
        from facilitator.config import save_setting

        save_setting(name, value)
    except FacilitatorError:
        pass  # an unwritable config folder must never interrupt a conversation


def _recorder(args, names):
    from facilitator.records import SessionRecorder, data_dir

    # A live session's names and dialogue may still change in the setup: the recorder takes
    # them from its `begin` event.
    names = names or list(PLACEHOLDERS)
    dialogue = args.dialogue or "intentional"
    if args.no_save:
        return SessionRecorder(None, names=names, dialogue=dialogue, save=False)
    return SessionRecorder(
        data_dir(args.data_dir),
        names=names,
        dialogue=dialogue,
        save=True,
        record_audio=getattr(args, "record_audio", False),
    )


def _listen_options(args) -> dict:
    from facilitator.endpoint import Waits

    return {"waits": Waits().scaled(args.turn_patience)}


def _load_transcriber(args):
    from facilitator.transcribe import Transcriber

    return Transcriber(args.model, allow_download=args.allow_download)


def _run(args, recorder, turns, speech, clock, *, event_log, dialogue=None, start=None,
         microphone=False, closers=(), echoed=False) -> int:
    """Run the session: the dialogue itself (replay), or a live ``start`` (its setup first)."""
    display = make_display(captions=args.captions, plain=args.plain, echoed_input=echoed)
    consumers = [recorder.on_event, display]
    if event_log:
        consumers.insert(0, event_log)
    setup = begin = None
    if start is not None:
        start.turns = turns
        setup = start.setup(microphone=microphone, speaks=getattr(speech, "speaks", True))
        begin = start.begin
    try:
        outcome = run_dialogue(dialogue, turns, speech, consumers, clock, setup=setup,
                               begin=begin)
    except FacilitatorError as exc:  # a lost device, a file or the speech engine failing
        recorder.close(f"interrupted: {exc}")
        where = f" The session so far is saved in {recorder.folder}." if recorder.folder else ""
        raise SessionInterrupted(f"{exc}.{where}") from None
    except Exception as exc:
        # Even a bug must not cost a couple their conversation: keep it, then fail loudly.
        recorder.close(f"interrupted: {type(exc).__name__}: {exc}")
        raise
    finally:
        if event_log:
            event_log.close()
        for close in closers:
            close()
    recorder.close(outcome.reason)
    if recorder.folder:
        print(
            f"\nSession saved in {recorder.folder}", file=sys.stderr if args.plain else sys.stdout
        )
    else:
        print("\nNothing was saved (--no-save).", file=sys.stderr if args.plain else sys.stdout)
    return 130 if outcome.reason == "interrupted" else 0


def _read_line_plain(prompt: str) -> str:
    # --plain already said "Listening to Maya."; a "Maya> " prompt has no line end, so with
    # piped input it would run into the next event's line.
    return input()


def _readable(text: str) -> str:
    # Bytes that are not UTF-8 (a terminal set to Latin-1, say) arrive as surrogates, which
    # no file can hold: they become U+FFFD instead of crashing the session when it is saved.
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def run_live_session(args) -> int:
    names = [_readable(n) for n in args.names] if args.names else None
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # typed bytes that are not UTF-8, likewise
    read_line = _read_line_plain if args.plain else input
    # At a terminal a typed line is already on the screen: the display does not repeat it.
    echoed = (args.text or bool(args.typed)) and _is_terminal(sys.stdin)
    start = LiveStart(args, names)  # a broken prompts file is said before anything
    if args.text:
        event_log = _event_log(args)
        turns = TypedTurns(read_line)
        speech = NoSpeech() if args.mute else _speaker_or_mute(args)
        return _run(args, _recorder(args, names), turns, speech, Clock(), event_log=event_log,
                    start=start, echoed=echoed)

    from facilitator.devices import MicrophoneSource, SpeakerSink

    listen_options = _listen_options(args)
    typed = set(args.typed)  # each one a partner's name: checked with the options
    # Devices first: a missing microphone is said at once, before the model loads, and no
    # empty session is left behind.
    with contextlib.ExitStack() as undo:
        mic = MicrophoneSource(args.input_device)
        undo.callback(mic.close)
        sink = voice = None
        if not args.mute:
            sink = SpeakerSink(args.output_device)
            undo.callback(sink.close)
            voice = make_voice(args)
            undo.callback(voice.close)
        transcriber = _load_transcriber(args)
        event_log = _event_log(args)
        undo.pop_all()
    recorder = _recorder(args, names)
    source = recorder.wrap_source(mic)
    voice_turns = VoiceTurns(source, transcriber, listen_options=listen_options)
    if typed:
        turns = MixedTurns(typed, TypedTurns(read_line), voice_turns, names=names or ())
    else:
        turns = voice_turns
    if sink is None:
        speech = NoSpeech()
    else:
        speech = SpokenOutput(
            voice, sink, source=source, cues=not args.no_cues, on_setting=_remember_setting
        )
    closers = [source.close] + ([sink.close, voice.close] if sink else [])
    return _run(args, recorder, turns, speech, Clock(source), event_log=event_log, start=start,
                microphone=True, closers=closers, echoed=echoed)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


def _speaker_or_mute(args):
    """Text mode speaks if it can; without a speaker or speech engine it says why, once."""
    try:
        from facilitator.devices import SpeakerSink

        sink = SpeakerSink(args.output_device)
        return SpokenOutput(make_voice(args), sink, cues=False, on_setting=_remember_setting)
    except FacilitatorError as exc:
        print(f"(Speaking is off: {exc}. Prompts are shown as text.)", file=sys.stderr)
        return NoSpeech()


def run_replay(args) -> int:
    from facilitator.audio import (
        RecordingSource,
        ScriptedSource,
        SilentSink,
        WavFileSink,
        load_manifest,
    )

    manifest = load_manifest(args.manifest)
    listen_options = _listen_options(args)
    names = [_readable(n) for n in (args.names or manifest.names)]
    if manifest.dialogue:
        # The turns are scripted for that dialogue; replayed as another they make no sense.
        if manifest.dialogue not in DIALOGUES:
            raise FacilitatorError(
                f"{args.manifest}: dialogue {manifest.dialogue!r} is unknown; "
                f"use one of {', '.join(DIALOGUES)}"
            )
        args.dialogue = manifest.dialogue
    dialogue = make_dialogue(args, names)
    with contextlib.ExitStack() as undo:
        if args.recording:
            source = RecordingSource(args.recording, realtime=not args.fast)
        else:
            source = ScriptedSource(manifest, realtime=not args.fast)
        undo.callback(source.close)
        transcriber = _load_transcriber(args)
        voice = make_voice(args)
        undo.callback(voice.close)
        if args.record_facilitator:
            sink = WavFileSink(args.record_facilitator, clock=lambda: source.position)
        elif args.play:
            from facilitator.devices import SpeakerSink

            sink = SpeakerSink(None)
        else:
            sink = SilentSink()
        undo.callback(sink.close)
        event_log = _event_log(args)
        undo.pop_all()
    recorder = _recorder(args, names)
    source = recorder.wrap_source(source)
    # "slower" is remembered as in a live session, so a replay shows what a couple would get.
    speech = SpokenOutput(
        voice, sink, source=source, cues=not args.no_cues, on_setting=_remember_setting
    )
    turns = VoiceTurns(source, transcriber, listen_options=listen_options)
    closers = [sink.close, source.close, voice.close]
    return _run(args, recorder, turns, speech, Clock(source), event_log=event_log,
                dialogue=dialogue, closers=closers)


def speak_lines(lines: list[str], args) -> None:
    """Say a few sentences aloud (``reflect --say``)."""
    from facilitator.devices import SpeakerSink

    voice = make_voice(args)
    sink = SpeakerSink(None)
    try:
        for line in lines:
            samples, rate = voice.synthesize(line)
            sink.play(samples, rate)
    finally:
        sink.close()


def ask_aloud(question: str, args, *, wait: float = 20.0) -> bool:
    """Say a yes-or-no question and listen for the answer (``forget --by-voice``).

    Only a clear yes counts; silence, "no" or anything unclear keeps everything as it is.
    """
    from facilitator.devices import MicrophoneSource, SpeakerSink
    from facilitator.listener import listen_for_turn
    from facilitator.understanding.rules import read_confirmation

    with contextlib.ExitStack() as stack:
        mic = MicrophoneSource(args.input_device)
        stack.callback(mic.close)
        sink = SpeakerSink(args.output_device)
        stack.callback(sink.close)
        voice = make_voice(args)
        stack.callback(voice.close)
        transcriber = _load_transcriber(args)
        speech = SpokenOutput(voice, sink, source=mic, cues=not args.no_cues)
        speech.say(question)
        speech.cue("listening")
        mic.begin_turn()  # a no-op for a microphone; a replayed answer starts here
        heard = listen_for_turn(mic, transcriber=transcriber, expect="answer", silence_timeout=wait)
        text = heard.text if heard else ""
        print(f"Heard: {text or '(nothing)'}")
        return read_confirmation(text).kind == "yes"
