"""The ``facilitator`` command: every subcommand, its options, and one-line errors.

Options can also be set in the configuration file (``facilitator config --path``); the
command line wins over the file, the file over the built-in defaults.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from facilitator import __version__
from facilitator.errors import FacilitatorError
from facilitator.settings_schema import (
    DEFAULT_RATE,
    DIALOGUE_KINDS,
    EXPECTS,
    MAX_RATE,
    MAX_TEXT_SIZE,
    MIN_RATE,
    MIN_TEXT_SIZE,
    SCREEN_THEMES,
    VOICE_ENGINES,
    option_action,
)

DEFAULT_NAMES = ["Partner A", "Partner B"]


# ------------------------------------------------------------------ the parser


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line like every other error (exit 2)."""

    def error(self, message: str):
        raise FacilitatorError(f"{message}; see `{self.prog} --help`")


def _checked(name: str) -> dict:
    """add_argument keywords that check the value against settings_schema.SETTINGS[name]."""
    return {"action": option_action(name), "dest": name}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description="A calm, hands-free, offline facilitator for the Imago Dialogue.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    session = sub.add_parser(
        "session", help="run a dialogue live (microphone and speaker), or typed with --text"
    )
    _dialogue_options(session, names_default=None)
    _screen_options(session)
    _voice_options(session)
    _audio_options(session)
    _record_options(session)
    session.add_argument("--text", action="store_true", help="type the turns instead of speaking")
    session.add_argument(
        "--typed",
        metavar="NAME",
        default=[],
        help="this partner types their turns while the other speaks (repeatable)",
        **_checked("typed"),
    )
    session.add_argument(
        "--mute", action="store_true", help="show the prompts without speaking them"
    )
    session.add_argument(
        "--no-sound-check", action="store_true",
        help="do not check the sound before the first prompt (saying \"check the sound\" "
        "still does)",
    )

    replay = sub.add_parser(
        "replay", help="run a whole session with recorded turns as the microphone"
    )
    replay.add_argument(
        "manifest", metavar="PATH",
        help="the session script (MANIFEST.toml) to replay; with --check, manifests or "
        "folders of fixtures",
    )
    replay.add_argument("more", nargs="*", metavar="PATH", help="more of them, with --check")
    replay.add_argument("--fast", action="store_true", help="run as fast as the machine can go")
    replay.add_argument(
        "--check", action="store_true",
        help="replay every manifest found (fast, nothing saved) and compare each with the "
        "truth.toml beside it; exit 0 only when all pass",
    )
    replay.add_argument(
        "--jobs", metavar="N",
        help="with --check: replay in N worker processes (default: one per core)",
        **_checked("jobs"),
    )
    replay.add_argument(
        "--report", metavar="FILE",
        help="with --check: also write the results as JUnit XML (FILE.xml) or JSON "
        "(FILE.json); repeatable",
        **_checked("report"),
    )
    replay.add_argument(
        "--recording",
        metavar="FILE",
        help="replay one continuous recording (WAV, FLAC, Ogg, MP3, M4A...) instead of "
        "the manifest's turns",
        **_checked("recording"),
    )
    replay.add_argument(
        "--record-facilitator",
        metavar="OUT.wav",
        help="write what the facilitator says to a WAV, aligned with the session",
        **_checked("record_facilitator"),
    )
    replay.add_argument(
        "--play", action="store_true", help="also play the facilitator's voice on the speaker"
    )
    _dialogue_options(replay, names_default=None)
    _screen_options(replay)
    _voice_options(replay)
    _record_options(replay)
    _model_options(replay)
    _patience_option(replay)

    turns = sub.add_parser("turns", help="find the turns in a recording and transcribe them")
    turns.add_argument("wav", metavar="FILE", help="a recording: WAV, FLAC, Ogg, MP3, M4A...")
    turns.add_argument("--json", action="store_true", help="print a JSON list of turns")
    _model_options(turns)
    turns.add_argument(
        "--expect",
        default="share",
        metavar="|".join(EXPECTS),
        help="what kind of turns to expect (tunes how long a pause may be)",
        **_checked("expect"),
    )

    check = sub.add_parser("check-mirror", help="check how well a mirror echoes what was said")
    check.add_argument("--sender", required=True, metavar="TEXT", help="what the sender said",
                       **_checked("sender"))
    check.add_argument("--mirror", required=True, metavar="TEXT", help="the receiver's mirror",
                       **_checked("mirror"))
    check.add_argument("--earlier", metavar="TEXT", default=[],
                       help="an earlier try at the same mirror (repeatable): what it carried "
                       "still counts", **_checked("earlier"))
    check.add_argument("--json", action="store_true", help="print the check as one JSON object")

    turn = sub.add_parser("check-turn", help="show how a line is understood at a dialogue step")
    turn.add_argument("--step", required=True, metavar="STEP",
                      help="the dialogue step it is said at, e.g. appointment_consent, send, "
                      "mirror, confirm, more, validate, empathize, empathy_confirm",
                      **_checked("step"))
    turn.add_argument("--text", required=True, metavar="TEXT", help="what the partner said",
                      **_checked("utterance"))
    turn.add_argument("--sender", metavar="TEXT", default=None,
                      help="at a mirror or summary step: what the sender said",
                      **_checked("sender"))
    turn.add_argument("--json", action="store_true", help="print the reading as one JSON object")

    sub.add_parser("devices", help="list microphones and speakers")

    history = sub.add_parser("history", help="list past sessions, newest first")
    history.add_argument("--json", action="store_true")
    _data_dir_option(history)

    reflect = sub.add_parser("reflect", help="look back across sessions")
    reflect.add_argument("--since", metavar="YYYY-MM-DD", help="only sessions from this date on",
                         **_checked("since"))
    reflect.add_argument("--json", action="store_true",
                         help="print the reflection as JSON (its fields are in the README)")
    reflect.add_argument("--plot", metavar="FILE.png",
                         help="draw your dialogues over the weeks and their themes (a PNG)",
                         **_checked("plot"))
    reflect.add_argument("--say", action="store_true",
                         help="also say a few warm sentences aloud (at most four)")
    reflect.add_argument("--details", action="store_true",
                         help="add the counts behind each part, also by person (for testers)")
    _data_dir_option(reflect)
    _voice_options(reflect)

    forget = sub.add_parser("forget", help="delete saved sessions")
    forget.add_argument("session_id", nargs="?", metavar="SESSION_ID")
    forget.add_argument("--all", action="store_true", help="delete every saved session")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _data_dir_option(forget)
    forget.add_argument(
        "--by-voice", action="store_true",
        help="ask aloud and take a spoken yes or no (hands-free)",
    )
    forget.add_argument("--input-device", metavar="DEVICE", help="microphone for --by-voice",
                        **_checked("input_device"))
    forget.add_argument("--output-device", metavar="DEVICE", help="speaker for --by-voice",
                        **_checked("output_device"))
    _model_options(forget)
    _voice_options(forget)

    remind = sub.add_parser(
        "remind", help="a gentle daily or weekly check-in: a calendar file and a user timer")
    remind.add_argument("every", nargs="?", choices=("daily", "weekly"), metavar="daily|weekly",
                        help="how often; without it, show the reminder that is set")
    remind.add_argument("--day", default="sunday", metavar="DAY",
                        help="the day of a weekly check-in (default sunday)", **_checked("day"))
    remind.add_argument("--at", default="19:30", metavar="HH:MM",
                        help="the time of day, 24-hour (default 19:30)", **_checked("at"))
    remind.add_argument("--say", action="store_true", help="the timer also says it aloud")
    remind.add_argument("--ics", metavar="FILE.ics",
                        help="where to write the calendar file (default: in the data folder)",
                        **_checked("ics"))
    remind.add_argument("--no-timer", action="store_true",
                        help="only the calendar file, no user timer")
    remind.add_argument("--off", action="store_true", help="remove the reminder")
    remind.add_argument("--now", action="store_true",
                        help="show (and with --say, say) the reminder now: what the timer runs")
    _data_dir_option(remind)
    _voice_options(remind)

    config = sub.add_parser("config", help="show the configuration file")
    config.add_argument("--path", action="store_true", help="print only the file's path")
    return parser


def _dialogue_options(p: argparse.ArgumentParser, names_default=DEFAULT_NAMES) -> None:
    p.add_argument(
        "--names",
        nargs=2,
        metavar=("NAME_A", "NAME_B"),
        default=names_default,
        help="the two partners, the first sender first (a live session asks when not given)",
        **_checked("names"),
    )
    p.add_argument(
        "--dialogue",
        default="intentional",
        metavar="|".join(DIALOGUE_KINDS),
        help="intentional (default) or the short daily appreciation dialogue",
        **_checked("dialogue"),
    )
    p.add_argument(
        "--prompts", metavar="FILE", help="a prompts file to use instead of the bundled one",
        **_checked("prompts"),
    )
    p.add_argument(
        "--silence-timeout",
        default=45.0,
        metavar="SECONDS",
        help="offer the prompt again after this much silence, 5-3600 (default 45)",
        **_checked("silence_timeout"),
    )
    p.add_argument("--no-timeouts", action="store_true", help="never re-offer prompts on silence")
    p.add_argument(
        "--mirror-tries",
        default=3,
        metavar="N",
        help="mirror attempts per chunk before moving on kindly, 1-10 (default 3)",
        **_checked("mirror_tries"),
    )
    p.add_argument("--events", metavar="FILE", help="write the event log as JSON Lines",
                   **_checked("events"))
    p.add_argument("--captions", action="store_true", help="large live captions of all speech")
    p.add_argument("--plain", action="store_true", help="one plain line per event (screen readers)")


def _screen_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--screen", action="store_true",
                   help="show the session on a local web page (captions, whose turn, "
                   "controls) and open it in the browser")
    p.add_argument("--screen-text-size", default=100, metavar="PERCENT",
                   help=f"the page's text size, {MIN_TEXT_SIZE}-{MAX_TEXT_SIZE} (default 100)",
                   **_checked("screen_text_size"))
    p.add_argument("--screen-theme", default="auto", metavar="|".join(SCREEN_THEMES),
                   help="the page's colours: auto (the system's light or dark), light, dark "
                   "or contrast", **_checked("screen_theme"))


def _voice_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--voice-engine",
        default="pyttsx3",
        metavar="|".join(VOICE_ENGINES),
        help="pyttsx3 (espeak-ng, default) or piper (natural voice, optional extra)",
        **_checked("voice_engine"),
    )
    p.add_argument("--voice", metavar="NAME", help="voice id or part of its name",
                   **_checked("voice"))
    p.add_argument(
        "--rate",
        default=DEFAULT_RATE,
        metavar="WPM",
        help=f"speech rate in words per minute, {MIN_RATE}-{MAX_RATE} (default {DEFAULT_RATE})",
        **_checked("rate"),
    )
    p.add_argument("--volume", default=1.0, metavar="0.2-1", help="speech volume (default 1)",
                   **_checked("volume"))
    p.add_argument("--no-cues", action="store_true", help="no listening cue sounds")


def _patience_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--turn-patience", default=1.0, metavar="FACTOR",
        help="wait this many times longer before deciding a partner has finished, 0.5-5 "
        "(e.g. 2 for someone who pauses long mid-sentence; default 1)",
        **_checked("turn_patience"),
    )


def _audio_options(p: argparse.ArgumentParser) -> None:
    _patience_option(p)
    p.add_argument("--input-device", metavar="DEVICE", help="microphone: index or part of its name",
                   **_checked("input_device"))
    p.add_argument("--output-device", metavar="DEVICE", help="speaker: index or part of its name",
                   **_checked("output_device"))
    _model_options(p)


def _model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model", default="tiny.en", help="speech model name or folder (default tiny.en)",
        **_checked("model"),
    )
    p.add_argument(
        "--allow-download",
        action="store_true",
        help="allow fetching a model by name from a model hub (off: nothing leaves the machine)",
    )


def _data_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR", help="where sessions are kept",
                   **_checked("data_dir"))


def _record_options(p: argparse.ArgumentParser) -> None:
    _data_dir_option(p)
    p.add_argument("--no-save", action="store_true", help="keep nothing on disk at all")
    p.add_argument("--record-audio", action="store_true", help="also keep the microphone audio")


# ------------------------------------------------------------------ entry point


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "session")  # the main job is a live session
    try:
        args = parse_args(argv)
        # SIGTERM ends a session the same kind way Ctrl-C does: said goodbye and saved.
        signal.signal(signal.SIGTERM, _raise_interrupt)
        return COMMANDS[args.command](args) or 0
    except FacilitatorError as exc:
        print(f"facilitator: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("facilitator: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line over the settings file over the defaults, every value checked.

    Settings from the file become the defaults of the subcommand (checked when the file is
    read); options are checked as they are parsed; then what needs both (a ``--typed`` name
    must be a partner's) is checked, naming wherever the value came from.
    """
    from facilitator.config import config_for_command, read_settings, remembered
    from facilitator.settings_schema import check_together

    parser = build_parser()
    command = argv[0] if argv and argv[0] in COMMANDS else None
    from_file: dict = {}
    settings = None
    if command is not None:
        try:
            settings = read_settings()
            from_file = config_for_command(parser, command, settings=settings)
        except FacilitatorError:
            if command != "config":
                raise
            settings = None  # `facilitator config` shows a broken file, then says what is wrong
        _subparsers(parser).choices[command].set_defaults(**from_file)
    args = parser.parse_args(argv)
    # Where each setting came from: the setup (setup.py) asks only what nobody has settled.
    given = vars(args).pop(GIVEN, set())
    args.origins = {**{name: "file" for name in from_file},
                    **{name: "command line" for name in given}}
    args.remembered = remembered(parser, settings) if settings is not None else {}

    def where(name: str) -> str | None:
        if settings is not None and name in from_file and getattr(args, name) == from_file[name]:
            return settings.where(name)
        return None

    check_together(args, where)
    return args


#: The namespace attribute in which checked options note that the command line gave them.
GIVEN = "_given_options"


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(
        a for a in parser._actions  # argparse has no public way to list its actions
        if isinstance(a, argparse._SubParsersAction)
    )


# ------------------------------------------------------------------ commands


def cmd_session(args) -> int:
    from facilitator.runner import run_live_session

    return run_live_session(args)


def cmd_replay(args) -> int:
    if args.check:
        from facilitator.workbench import run_check

        return run_check(args)
    if args.more:
        raise FacilitatorError(
            "replay: give one manifest, or add --check to replay several and compare each "
            "with its truth"
        )
    for option in ("jobs", "report"):
        if getattr(args, option):
            raise FacilitatorError(f"--{option}: only with --check")
    from facilitator.runner import run_replay

    return run_replay(args)


def cmd_turns(args) -> int:
    from facilitator.decode import audio_info
    from facilitator.listener import detect_turns

    audio_info(args.wav)  # a bad file is named at once, before the model loads

    turns = detect_turns(
        args.wav, model=args.model, expect=args.expect, allow_download=args.allow_download
    )
    if args.json:
        print(json.dumps(turns, indent=2, ensure_ascii=False))
    elif not turns:
        print(f"No speech found in {args.wav}.")
    else:
        for t in turns:
            print(
                f"{t['start']:7.2f}-{t['end']:7.2f}s (decided {t['decided_at']:.2f}s)  {t['text']}"
            )
    return 0


def cmd_check_mirror(args) -> int:
    from facilitator.feedback import mirror_feedback
    from facilitator.understanding import default

    understand = default()
    check = understand.mirror(args.sender, args.mirror, earlier=args.earlier or ())
    if args.json:
        print(json.dumps(check.as_dict(), ensure_ascii=False))
    else:
        print(mirror_feedback(check, sender="your partner", receiver="you"))
    return 0


def cmd_check_turn(args) -> int:
    from facilitator.dialogue import STEPS
    from facilitator.understanding import default

    if args.step not in STEPS:
        raise FacilitatorError(
            f"--step {args.step}: not a step of the dialogue; choose one of "
            f"{', '.join(sorted(STEPS))}")
    understand = default()
    spec = STEPS[args.step]
    if spec.expect == "mirror":
        if not args.sender:
            raise FacilitatorError(
                f"--step {args.step}: a mirror is read against what was said; add "
                "--sender TEXT")
        turn = understand.turn(args.step, args.utterance)
        outcome = turn.outcome
        if not turn.command and not turn.safety:
            check = understand.mirror(args.sender, args.utterance)
            outcome = {"complete": "complete", "unsure": "unsure"}.get(check.verdict, "retry")
        reading = {"step": args.step, "outcome": outcome, "command": turn.command,
                   "safety": turn.safety}
    else:
        turn = understand.turn(args.step, args.utterance)
        reading = {"step": args.step, "outcome": turn.outcome, "command": turn.command,
                   "safety": turn.safety}
        if turn.why:
            reading["why"] = turn.why
        if turn.addition:
            reading["addition"] = turn.addition
        if turn.when:
            reading["when"] = turn.when
        reading["confident"] = turn.confident
    if args.json:
        print(json.dumps(reading, ensure_ascii=False))
    else:
        parts = [f"outcome: {reading['outcome']}"]
        for key in ("why", "command", "safety", "addition", "when"):
            if reading.get(key):
                parts.append(f"{key}: {reading[key]}")
        print(f"{args.step}: " + "; ".join(parts))
    return 0


def cmd_devices(args) -> int:
    from facilitator.devices import format_devices

    print(format_devices())
    return 0


def cmd_history(args) -> int:
    from facilitator.history import format_history, history
    from facilitator.records import data_dir

    # Looking must not create: a mistyped --data-dir is reported empty, not made.
    folder = data_dir(args.data_dir, create=False)
    rows = history(folder)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(format_history(rows, data_dir=folder))
    return 0


def cmd_reflect(args) -> int:
    import datetime

    from facilitator.records import data_dir
    from facilitator.reflect import format_reflect, plot_reflect, reflect, reflect_sentences

    since = datetime.date.fromisoformat(args.since) if args.since else None  # checked already
    result = reflect(data_dir(args.data_dir, create=False), since=since, details=args.details)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else format_reflect(result))
    if args.plot:
        plot_reflect(result, args.plot)
        print(f"Plot written to {args.plot}", file=sys.stderr if args.json else sys.stdout)
    if args.say:
        from facilitator.runner import speak_lines

        speak_lines(reflect_sentences(result), args)
    return 0


def cmd_forget(args) -> int:
    from facilitator.history import describe_forget, forget
    from facilitator.records import data_dir

    if not args.all and not args.session_id:
        raise FacilitatorError("forget: name a SESSION_ID (see `facilitator history`) or use --all")
    folder = data_dir(args.data_dir, create=False)
    # A session named on the command line wins over `all = true` in the settings file.
    target = args.session_id or "all"
    from facilitator.records import session_folders

    if target == "all" and not session_folders(folder):
        print(f"There are no saved sessions in {folder}; nothing to remove.")
        return 0
    if not args.yes:
        question = describe_forget(folder, target)
        print(question)
        if args.by_voice:
            from facilitator.runner import ask_aloud

            agreed = ask_aloud(f"{question} Say yes to delete, or no to keep.", args)
        else:
            try:
                answer = input("Type yes to delete: ")
            except EOFError:
                answer = ""
            agreed = answer.strip().casefold() in ("yes", "y")
        if not agreed:
            print("Nothing was deleted.")
            return 1
    removed = forget(folder, target)
    if removed:
        print(f"Removed {len(removed)} session(s): {', '.join(removed)}")
    else:
        print("There was nothing to remove.")
    return 0


def cmd_remind(args) -> int:
    from facilitator import remind
    from facilitator.records import data_dir

    if sum(map(bool, (args.every, args.off, args.now))) > 1:
        raise FacilitatorError("remind: choose one of daily|weekly, --off or --now; see "
                               "`facilitator remind --help`")
    if args.off:
        folder = data_dir(args.data_dir, create=False)
        removed = remind.remove_reminder(folder)
        print("Removed " + "; ".join(removed) + "." if removed else "No reminder is set.")
        return 0
    if args.now:
        folder = data_dir(args.data_dir, create=False)
        words = remind.reminder_words(remind.current(folder), folder)
        if words is None:
            print("You have already had your dialogue in this check-in's time; nothing to "
                  "remind you of.")
            return 0
        if not remind.show(words.title, words.body):
            print(f"{words.title}: {words.body}")
        if args.say:
            from facilitator.runner import speak_lines

            speak_lines([words.spoken], args)
        return 0
    if args.every is None:
        reminder = remind.current(data_dir(args.data_dir, create=False))
        if reminder is None:
            print("No reminder is set. Set one with: facilitator remind weekly "
                  "[--day sunday] [--at 19:30], or: facilitator remind daily")
        else:
            timer = "a user timer shows it" + (" and says it" if reminder.say else "") \
                if reminder.timer else "no user timer"
            said = reminder.describe()
            print(f"{said[0].upper()}{said[1:]}: calendar file {reminder.ics}; {timer}.")
        return 0
    _, notes = remind.set_reminder(args.every, data_dir(args.data_dir), day=args.day,
                                   at=args.at, say=args.say, ics=args.ics,
                                   timer=not args.no_timer)
    print("\n".join(notes))
    return 0


def cmd_config(args) -> int:
    from facilitator.config import config_defaults, config_path

    path = config_path()
    if args.path:
        print(path)
        return 0
    print(f"# {path}")
    try:
        print(Path(path).read_text(encoding="utf-8", errors="replace"), end="")
    except FileNotFoundError:
        print("# (no settings saved yet)")
    except OSError:
        pass  # a folder or an unreadable file: the check below names it
    config_defaults(path=path)  # every value checked: a mistake is named with its line
    return 0


COMMANDS = {
    "session": cmd_session,
    "replay": cmd_replay,
    "turns": cmd_turns,
    "check-mirror": cmd_check_mirror,
    "check-turn": cmd_check_turn,
    "devices": cmd_devices,
    "history": cmd_history,
    "reflect": cmd_reflect,
    "forget": cmd_forget,
    "remind": cmd_remind,
    "config": cmd_config,
}
