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
    ControlledTurns,
    Controls,
    EventLogFile,
    MixedTurns,
    NoSpeech,
    SpokenOutput,
    TypedTurns,
    VoiceTurns,
    run_dialogue,
)
from facilitator.setup import PLACEHOLDERS, Begin, Known, Setup, Usual


def make_dialogue(args, names, *, gap: str | None = None) -> Dialogue:
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
        gap=gap,
    )


def long_gap(args, *, dialogue: str | None = None, days: int | None = -1) -> str | None:
    """How long since the couple's last dialogue, in words, when it has been long enough to
    offer the short appreciation dialogue (only before an intentional one). ``dialogue``
    defaults to ``args.dialogue``; ``days``, when already read, saves reading the history."""
    from facilitator.history import LONG_GAP_DAYS, gap_words

    if (dialogue or args.dialogue) != "intentional":
        return None
    if days == -1:
        days = _days_since_last(args)
    return gap_words(days) if days is not None and days >= LONG_GAP_DAYS else None


def _days_since_last(args) -> int | None:
    from facilitator.history import days_since_last_dialogue
    from facilitator.records import resolve_data_dir

    try:
        return days_since_last_dialogue(resolve_data_dir(args.data_dir))
    except FacilitatorError:
        return None  # an unreadable data folder must not spoil a welcome


def _event_log(args) -> EventLogFile | None:
    # Made before the session folder, so a bad option leaves no empty session behind.
    return EventLogFile(args.events) if args.events else None


class LiveStart:
    """What a live session starts with: the setup (names, sound check, choices), and how its
    Begin becomes the dialogue. The prompts are loaded here, before any device opens: a
    broken prompts file is said before anything. The understanding layer is loaded once the
    devices are known good (``load_understanding``)."""

    def __init__(self, args, names: list[str] | None):
        self.args = args
        self.names = names
        self.prompts = load_prompts(args.prompts)
        self.understanding = None
        self.days_since_last: int | None = None
        self.turns = None  # MixedTurns learns who types once the names are known

    def load_understanding(self) -> None:
        """The meaning model opens now, so a missing or broken one is said before the first
        prompt; the readers learn in the background while the couple is greeted."""
        from facilitator.understanding import default as default_understanding

        self.understanding = default_understanding(background=True)

    def setup(self, *, microphone: bool, speaks: bool) -> Setup:
        args = self.args
        origins = getattr(args, "origins", {})
        remembered = getattr(args, "remembered", {})
        usual = None
        if remembered.get("usual_dialogue") and remembered.get("usual_first"):
            usual = Usual(remembered["usual_dialogue"], remembered["usual_first"])
        # Read once: the returning couple's greeting and the long-gap offer both use it.
        self.days_since_last = _days_since_last(args)
        known = Known(
            names=tuple(self.names) if self.names else None,
            names_from=origins.get("names") if self.names else None,
            dialogue=args.dialogue if "dialogue" in origins else None,
            usual=usual,
            days_since_last=self.days_since_last,
            sound_check=not args.no_sound_check,
            microphone=microphone,
            speaks=speaks,
            typed=tuple(args.typed),
        )
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
            # Offered by the setup's question already, or (below) by the dialogue's opening.
            gap=None if begin.gap_offered else long_gap(args, dialogue=begin.dialogue,
                                                         days=self.days_since_last),
        )


def make_voice(args):
    from facilitator.speech import Voice

    return Voice(engine=args.voice_engine, voice=args.voice, rate=args.rate, volume=args.volume)


_SETTINGS_LOCK = threading.Lock()  # the loop ("slower") and the screen (text size) both save


def _remember_setting(name: str, value) -> None:
    # A partner said "slower" or "louder", or made the screen's text larger: keep it for
    # next time, as a person would expect.
    try:
        from facilitator.config import save_setting

        with _SETTINGS_LOCK:
            save_setting(name, value)
    except FacilitatorError:
        pass  # an unwritable config folder must never interrupt a conversation


def _screen(args, names):
    """With --screen: the page's server (started, not yet opened) and its Controls."""
    if not getattr(args, "screen", False):
        return None
    from facilitator.screen import Screen

    # Names asked by voice are not known yet: the page learns them from the setup's end.
    return Screen(names=names or PLACEHOLDERS, controls=Controls(), text_size=args.screen_text_size,
                  theme=args.screen_theme, on_setting=_remember_setting)


def _keyboard(read_line, screen, *, background: bool = False) -> TypedTurns:
    """Typed turns. With a screen (whose buttons must be able to interrupt waiting for the
    keyboard) or ``background`` (a partner types while the other speaks), read in a thread
    from the start."""
    typed = TypedTurns(read_line)
    if screen is None and not background:
        return typed
    typed.read_in_background(
        fd=_fileno(sys.stdin),
        interrupt_when=(lambda: screen.controls.pending) if screen is not None else None)
    if screen is not None:
        screen.controls.wake_with(typed.interrupt)
    return typed


def _fileno(stream) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):  # replaced or closed
        return None


def _controlled(turns, screen):
    return turns if screen is None else ControlledTurns(turns, screen.controls)


def _controlled_source(source, screen):
    return source if screen is None else screen.controls.interruptible(source)


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
         microphone=False, closers=(), echoed=False, screen=None) -> int:
    """Run the session: the dialogue itself (replay), or a live ``start`` (its setup first)."""
    display = make_display(captions=args.captions, plain=args.plain, echoed_input=echoed)
    consumers = [recorder.on_event, display]
    if event_log:
        consumers.insert(0, event_log)
    setup = begin = None
    if start is not None:
        setup = start.setup(microphone=microphone, speaks=getattr(speech, "speaks", True))
        begin = start.begin
    if screen is not None:
        consumers.append(screen)
        closers = [*closers, screen.close]
        screen.open()
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
        start.load_understanding()
        event_log = _event_log(args)
        screen = _screen(args, names)
        keyboard = _keyboard(read_line, screen)
        speech = NoSpeech() if args.mute else _speaker_or_mute(args)
        return _run(args, _recorder(args, names), _controlled(keyboard, screen), speech,
                    Clock(), event_log=event_log, start=start, echoed=echoed, screen=screen,
                    closers=[keyboard.stop_reading])

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
        # Once the devices are known good; its readers learn while the couple is greeted.
        start.load_understanding()
        event_log = _event_log(args)
        screen = _screen(args, names)
        undo.pop_all()
    recorder = _recorder(args, names)
    source = _controlled_source(recorder.wrap_source(mic), screen)
    voice_turns = VoiceTurns(source, transcriber, listen_options=listen_options)
    closers = [source.close]
    if typed:
        keyboard = _keyboard(read_line, screen, background=True)
        closers.append(keyboard.stop_reading)
        turns = MixedTurns(typed, keyboard, voice_turns, names=names or ())
        start.turns = turns  # told who types once the setup settles the names
    else:
        turns = voice_turns
    turns = _controlled(turns, screen)
    if sink is None:
        speech = NoSpeech()
    else:
        speech = SpokenOutput(
            voice, sink, source=source, cues=not args.no_cues, on_setting=_remember_setting
        )
    closers += [sink.close, voice.close] if sink else []
    return _run(args, recorder, turns, speech, Clock(source), event_log=event_log, start=start,
                microphone=True, closers=closers, echoed=echoed, screen=screen)


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


def replay_names(args, manifest) -> list[str]:
    """The partners a manifest is replayed with; ``args.dialogue`` becomes the manifest's own."""
    names = [_readable(n) for n in (args.names or manifest.names)]
    if manifest.dialogue:
        # The turns are scripted for that dialogue; replayed as another they make no sense.
        if manifest.dialogue not in DIALOGUES:
            raise FacilitatorError(
                f"{manifest.path}: dialogue {manifest.dialogue!r} is unknown; "
                f"use one of {', '.join(DIALOGUES)}"
            )
        args.dialogue = manifest.dialogue
    return names


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
    names = replay_names(args, manifest)
    dialogue = make_dialogue(args, names)
    with contextlib.ExitStack() as undo:
        if args.recording:
            source = RecordingSource(args.recording, realtime=not args.fast)
        else:
            source = ScriptedSource(manifest, realtime=not args.fast)
        undo.callback(source.close)
        transcriber = _load_transcriber(args)
        # Once the recording is known good; its readers learn while the first prompt is said.
        dialogue.load_understanding(background=True)
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
        screen = _screen(args, names)
        undo.pop_all()
    recorder = _recorder(args, names)
    source = _controlled_source(recorder.wrap_source(source), screen)
    # "slower" is remembered as in a live session, so a replay shows what a couple would get.
    speech = SpokenOutput(
        voice, sink, source=source, cues=not args.no_cues, on_setting=_remember_setting
    )
    turns = _controlled(VoiceTurns(source, transcriber, listen_options=listen_options), screen)
    closers = [sink.close, source.close, voice.close]
    return _run(args, recorder, turns, speech, Clock(source), event_log=event_log,
                dialogue=dialogue, closers=closers, screen=screen)


def speak_lines(lines: list[str], args) -> None:
    """Say a few sentences aloud (``reflect --say``, ``remind --now --say``)."""
    from facilitator.devices import SpeakerSink

    with contextlib.ExitStack() as stack:
        voice = make_voice(args)
        stack.callback(voice.close)  # the speech engine's worker goes with it
        sink = SpeakerSink(None)
        stack.callback(sink.close)
        for line in lines:
            samples, rate = voice.synthesize(line)
            sink.play(samples, rate)


def ask_aloud(question: str, args, *, wait: float = 20.0) -> bool:
    """Say a yes-or-no question and listen for the answer (``forget --by-voice``).

    Only a clear yes counts; silence, "no" or anything unclear keeps everything as it is.
    """
    from facilitator.devices import MicrophoneSource, SpeakerSink
    from facilitator.listener import listen_for_turn
    from facilitator.understanding.answers import read_confirmation

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
        reading = read_confirmation(text)
        return reading is not None and reading[0] == "yes"
