"""Every setting and command-line option, described once: its kind and what is allowed.

The parser in ``cli.py`` checks each option's value with the entry here, and ``config.py``
checks every key of the settings file against the same entries, so ``--rate 9999`` and
``rate = 9999`` are refused with the same words. Only where the value came from differs,
the option itself or the file and line::

    facilitator: --rate 9999: must be a whole number from 120 to 240 (words per minute; ...
    facilitator: /home/ana/.config/imago-facilitator/config.toml, line 3: rate = 9999: ...

Each message names the option or key, the value and what is allowed; the command exits 2.
This module stays free of heavy imports: every command reads it before anything else.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import math
import shlex
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import tomli_w

from facilitator.errors import FacilitatorError

#: Speech rate bounds in words per minute. Below 120 words fall apart into syllables; above
#: 240 a tired partner at the end of a hard conversation cannot follow.
MIN_RATE = 120
MAX_RATE = 240
DEFAULT_RATE = 165
#: Softer than this is easily lost under a fan or a kettle ("quieter" stops here too).
MIN_VOLUME = 0.2
#: Seconds of silence before a prompt is offered again, at the least: shorter, the
#: facilitator re-offers each prompt before anyone can begin to answer.
MIN_SILENCE_TIMEOUT = 5.0
MAX_SILENCE_TIMEOUT = 3600.0
DIALOGUE_KINDS = ("intentional", "appreciation")
VOICE_ENGINES = ("pyttsx3", "piper")
#: The kinds of turn the endpointer knows (``turns --expect``).
EXPECTS = ("topic", "answer", "share", "mirror", "reflect", "appreciate")
#: The screen's looks (``--screen-theme``): "auto" follows the system's light or dark choice.
SCREEN_THEMES = ("auto", "light", "dark", "contrast")
#: The screen's text size in percent: at least 300 % for someone with low vision.
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 100, 400
#: Bytes in one file or folder name on Linux and macOS; longer fails in the system call.
NAME_MAX = 255


class _Invalid(Exception):
    """A value the setting refuses; the message says what is allowed, when not the default."""


@dataclass(frozen=True)
class Setting:
    """One option (``--silence-timeout``) that is also a settings-file key."""

    name: str  # argparse dest: "silence_timeout"
    kind: str  # a key of _KINDS
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    default: object = None
    unit: str = ""  # "seconds", "words per minute"
    hint: str = ""  # what is allowed, for kinds that need words (text, paths)
    example: object = None  # a good value, shown in the message
    also: tuple[str, ...] = ()  # other words people use for it, for "did you mean"
    # Kept in the settings file by the program itself (last time's choices), never an option.
    file_only: bool = False

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def key(self) -> str:
        return self.name.replace("_", "-")

    def allowed(self) -> str:
        """What is allowed, in words: "a whole number from 120 to 240 (words per minute; …)"."""
        if self.kind in ("whole", "number"):
            what = "a whole number" if self.kind == "whole" else "a number"
            words = f"{what} from {_num(self.low)} to {_num(self.high)}"
            extra = [part for part in (self.unit, _default(self)) if part]
            return words + (f" ({'; '.join(extra)})" if extra else "")
        if self.kind == "choice":
            return _one_of(self.choices) + (f" ({_default(self)})" if _default(self) else "")
        return self.hint or _KIND_HINTS[self.kind]

    def check(self, value: object) -> object:
        """``value`` as the program uses it; raises _Invalid when it is not allowed."""
        return _KINDS[self.kind](self, value)

    def parse(self, text: str | list[str]) -> object:
        """A command-line value (text) checked; one-line FacilitatorError naming the option."""
        try:
            return self.check(_from_text(self, text))
        except _Invalid as exc:
            raise refusal(self, text, None, str(exc) or None) from None

    def check_file_value(self, value: object, where: str) -> object:
        """A settings-file value checked; the error names ``where`` (file and line)."""
        try:
            return self.check(value)
        except _Invalid as exc:
            raise refusal(self, value, where, str(exc) or None) from None


def refusal(setting: Setting, value: object, where: str | None, problem: str | None = None
            ) -> FacilitatorError:
    """The one-line error: where, the option or key with the value, and what is allowed.

    ``where`` is None for the command line, else "FILE, line N" (or just FILE).
    """
    if where is None:
        label = f"{setting.option} {shell_words(value)}"
    else:
        label = f"{where}: {setting.key} = {toml_value(value)}"
    message = f"{label}: {problem or 'must be ' + setting.allowed()}"
    if setting.example is not None and problem is None:
        message += ", e.g. " + _example(setting, where is None)
    return FacilitatorError(message)


# --------------------------------------------------------------------- the settings


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    # the dialogue
    Setting("names", "names", example=["Ana", "Ben"], also=("name", "partners", "couple")),
    Setting("dialogue", "choice", choices=DIALOGUE_KINDS, default="intentional",
            also=("mode", "exercise", "kind")),
    Setting("prompts", "path", hint="the path of a prompts file (TOML)",
            example="my-prompts.toml", also=("sentences", "wording")),
    Setting("silence_timeout", "number", low=MIN_SILENCE_TIMEOUT, high=MAX_SILENCE_TIMEOUT,
            default=45, unit="seconds",
            also=("timeout", "silence", "wait")),
    Setting("no_timeouts", "flag", also=("timeouts_off",)),
    Setting("mirror_tries", "whole", low=1, high=10, default=3,
            also=("tries", "attempts", "retries", "mirror_attempts")),
    Setting("events", "path", hint="the path of a file for the event log",
            example="events.jsonl", also=("log", "event_log")),
    Setting("captions", "flag", also=("subtitles", "caption")),
    Setting("plain", "flag", also=("screen_reader", "braille")),
    Setting("text", "flag", also=("typed_only", "keyboard")),
    Setting("typed", "partners", example=["Ben"], also=("type", "typing", "keyboard_partner")),
    Setting("mute", "flag", also=("silent", "quiet", "no_speech")),
    Setting("no_sound_check", "flag", also=("skip_sound_check", "sound_check_off",
                                             "no_check")),
    # Remembered after each setup (setup.py): what "the usual" means next time.
    Setting("usual_dialogue", "choice", choices=DIALOGUE_KINDS, file_only=True,
            also=("last_dialogue", "usual")),
    Setting("usual_first", "text", hint="the name of the partner who shared first last time",
            example="Ana", file_only=True, also=("last_first", "first", "first_sender")),
    # the screen
    Setting("screen", "flag", also=("web", "browser", "page", "big_screen", "companion")),
    Setting("screen_text_size", "whole", low=MIN_TEXT_SIZE, high=MAX_TEXT_SIZE, default=100,
            unit="percent of the usual size", also=("text_size", "font_size", "zoom")),
    Setting("screen_theme", "choice", choices=SCREEN_THEMES, default="auto",
            also=("theme", "colours", "colors", "contrast")),
    # the voice
    Setting("voice_engine", "choice", choices=VOICE_ENGINES, default="pyttsx3",
            also=("engine", "tts", "synthesizer")),
    Setting("voice", "text", hint="a voice id or part of its name (leave it out for the "
            "default voice)", example="en-gb", also=("speaker_voice", "accent")),
    Setting("rate", "whole", low=MIN_RATE, high=MAX_RATE, default=DEFAULT_RATE,
            unit="words per minute", also=("speed", "wpm", "tempo", "pace", "words_per_minute")),
    Setting("volume", "number", low=MIN_VOLUME, high=1, default=1,
            unit="1 is full volume", also=("loudness", "loud", "gain")),
    Setting("no_cues", "flag", also=("beeps", "sounds", "no_sounds", "no_beeps")),
    # audio and speech recognition
    Setting("turn_patience", "number", low=0.5, high=5, default=1,
            unit="a factor: 2 waits twice as long", also=("patience", "pause", "endpoint")),
    Setting("input_device", "device", example=2, also=("microphone", "mic", "input")),
    Setting("output_device", "device", example=2, also=("speaker", "speakers", "output")),
    Setting("model", "text", hint="a speech model name or folder (leave it out for tiny.en)",
            example="tiny.en", also=("whisper", "asr")),
    Setting("allow_download", "flag", also=("download", "online")),
    # where things go
    Setting("data_dir", "path", hint="a folder path", example="~/imago-sessions",
            also=("data", "folder", "dir", "directory", "sessions")),
    Setting("no_save", "flag", also=("save", "nosave", "private")),
    Setting("record_audio", "flag", also=("record", "audio", "keep_audio")),
    # replay and turns
    Setting("fast", "flag", also=("quick",)),
    Setting("recording", "path", hint="the path of a recording (WAV, FLAC, Ogg, MP3, M4A...)",
            example="session.wav"),
    Setting("record_facilitator", "path", hint="the path of a WAV file to write",
            example="facilitator.wav"),
    Setting("play", "flag"),
    Setting("check", "flag", also=("verify", "compare")),
    Setting("jobs", "whole", low=1, high=256, unit="worker processes",
            also=("workers", "processes", "parallel")),
    Setting("report", "reports", example="out.xml", also=("reports", "junit", "results")),
    Setting("expect", "choice", choices=EXPECTS, default="share", also=("kind_of_turn",)),
    # check-mirror, history, reflect, forget, config
    Setting("sender", "words", also=("said",)),
    Setting("mirror", "words"),
    Setting("earlier", "phrases", also=("tries", "before")),
    # check-turn
    Setting("step", "text", hint="a step of the dialogue, e.g. confirm", example="confirm",
            also=("stage",)),
    Setting("utterance", "words", also=("line", "reply")),
    Setting("json", "flag", also=("machine", "as_json")),
    Setting("since", "date", also=("from", "after", "start")),
    Setting("plot", "image", also=("chart", "graph", "png")),
    Setting("say", "flag", also=("speak", "aloud")),
    Setting("details", "flag", also=("counts", "verbose", "scores")),
    Setting("all", "flag", also=("everything",)),
    Setting("yes", "flag", also=("confirm", "force")),
    Setting("by_voice", "flag", also=("voice_confirm",)),
    Setting("path", "flag"),
    # remind
    Setting("day", "weekday", default="sunday", also=("weekday", "on")),
    Setting("at", "clock", default="19:30", also=("time", "hour", "when")),
    Setting("ics", "path", hint="the path of the calendar file to write (.ics)",
            example="checkin.ics", also=("calendar", "ical")),
    Setting("no_timer", "flag", also=("calendar_only",)),
    Setting("off", "flag", also=("remove", "stop")),
    Setting("now", "flag"),
)}


#: Settings the program keeps in the file for itself; every other setting is also an option.
FILE_ONLY = frozenset(name for name, s in SETTINGS.items() if s.file_only)


def suggestion(name: str, known: set[str] | None = None) -> str | None:
    """The setting a mistyped or other word most likely means: "speed" -> "rate"."""
    known = set(SETTINGS) if known is None else known
    for setting in SETTINGS.values():
        if setting.name in known and name in setting.also:
            return setting.name
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    return close[0] if close else None


def option_action(name: str) -> type[argparse.Action]:
    """An argparse action storing the option's value checked against ``SETTINGS[name]``.

    An action rather than ``type=``: ``--names`` is checked as a pair, and a ``--typed``
    given on the command line replaces the file's list instead of adding to it.
    """
    setting = SETTINGS[name]

    class Checked(argparse.Action):
        def __call__(self, parser, namespace, values, option_string=None):
            value = setting.parse(values)
            # Noted so the program can tell "--dialogue intentional" from the default.
            namespace.__dict__.setdefault("_given_options", set()).add(self.dest)
            if setting.kind in ("partners", "reports", "phrases"):
                current = getattr(namespace, self.dest, None)
                if current is self.default:  # the first --typed: the command line wins
                    current = []
                value = [*current, *value]
            setattr(namespace, self.dest, value)

    return Checked


def check_together(args: argparse.Namespace, where: Callable[[str], str | None]) -> None:
    """What no single option can check: each ``--typed`` name is one of the partners.

    ``where(name)`` says where a value came from: None for the command line, else the file
    and line.
    """
    typed = getattr(args, "typed", None)
    names = getattr(args, "names", None)
    if not typed or not names:
        return
    partners = {n.casefold() for n in names}
    strangers = [n for n in typed if n.casefold() not in partners]
    if strangers:
        raise refusal(
            SETTINGS["typed"], strangers, where("typed"),
            f"not one of the partners ({' and '.join(names)}); name the partner who types",
        )


# ------------------------------------------------------------------------------- kinds


def _flag(s: Setting, value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid()
    return value


def _whole(s: Setting, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid()
    if not s.low <= value <= s.high:
        raise _Invalid()
    return value


def _number(s: Setting, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid()
    if not math.isfinite(value) or not s.low <= value <= s.high:
        raise _Invalid()
    return float(value)


def _choice(s: Setting, value: object) -> str:
    if not isinstance(value, str) or value not in s.choices:
        raise _Invalid()
    return value


def _text(s: Setting, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or _has_control(value):
        raise _Invalid()
    return value


def _words(s: Setting, value: object) -> str:
    if not isinstance(value, str) or "\0" in value:
        raise _Invalid()
    return value


def _path(s: Setting, value: object) -> str:
    # Control characters are legal in Linux file names, but no person means one, and a
    # line break would split every message that names the file.
    if not isinstance(value, str) or not value.strip() or _has_control(value):
        raise _Invalid()
    longest = max(len(part.encode("utf-8", "surrogateescape" if _fs_safe(part) else
                                  "surrogatepass")) for part in value.split("/"))
    if longest > NAME_MAX:
        raise _Invalid(f"a file or folder name in it is longer than {NAME_MAX} bytes; "
                       "use a shorter one")
    return value


def _fs_safe(text: str) -> bool:
    # Names from argv that are not UTF-8 arrive as \udc80-\udcff (surrogateescape).
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in text)


def _image(s: Setting, value: object) -> str:
    path = _path(s, value)
    if not path.casefold().endswith(".png") or path.endswith("/"):
        raise _Invalid()
    return path


def _date(s: Setting, value: object) -> str:
    # TOML has dates of its own (since = 2026-01-31): welcome, but not with a time of day.
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if not isinstance(value, str):
        raise _Invalid()
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise _Invalid() from None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(s: Setting, value: object) -> str:
    # "Sunday", "sun" and "sunday" all mean the same day.
    if isinstance(value, str):
        word = value.strip().casefold()
        for day in WEEKDAYS:
            if word == day or len(word) >= 3 and day.startswith(word):
                return day
    raise _Invalid()


def _clock(s: Setting, value: object) -> str:
    # TOML has times of its own (at = 19:30:00): welcome, to the minute.
    if isinstance(value, datetime.time):
        if value.second or value.microsecond or value.tzinfo:
            raise _Invalid()
        return f"{value.hour:02d}:{value.minute:02d}"
    if not isinstance(value, str):
        raise _Invalid()
    hour, colon, minute = value.strip().partition(":")
    if not colon or not hour.isdigit() or not minute.isdigit() or len(minute) != 2 or \
            len(hour) > 2 or int(hour) > 23 or int(minute) > 59:
        raise _Invalid()
    return f"{int(hour):02d}:{minute}"


def _device(s: Setting, value: object) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip() and not _has_control(value):
        return value
    raise _Invalid()


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or _has_control(value):
        raise _Invalid()
    return value


def _names(s: Setting, value: object) -> list[str]:
    if not isinstance(value, list) or len(value) != 2:
        raise _Invalid()
    first, second = (_name(v) for v in value)
    if first.strip().casefold() == second.strip().casefold():
        raise _Invalid()
    return [first, second]


def _partners(s: Setting, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]  # typed = "Ben" means the same as typed = ["Ben"]
    if not isinstance(value, list):
        raise _Invalid()
    return [_name(v) for v in value]


def _reports(s: Setting, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]  # report = "out.xml" means the same as report = ["out.xml"]
    if not isinstance(value, list):
        raise _Invalid()
    for path in value:
        if not _path(s, path).casefold().endswith((".xml", ".json")):
            raise _Invalid()
    return list(value)


def _phrases(s: Setting, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _Invalid()
    return [_words(s, v) for v in value]


_KINDS: dict[str, Callable[[Setting, object], object]] = {
    "flag": _flag,
    "whole": _whole,
    "number": _number,
    "choice": _choice,
    "text": _text,
    "words": _words,
    "path": _path,
    "image": _image,
    "date": _date,
    "weekday": _weekday,
    "clock": _clock,
    "device": _device,
    "names": _names,
    "partners": _partners,
    "reports": _reports,
    "phrases": _phrases,
}

_KIND_HINTS = {
    "flag": "true or false",
    "words": "text",
    "text": "text",
    "path": "a file or folder path",  # each setting names which
    "image": "a file name ending in .png (the plot is a PNG image)",
    "date": "a date written YYYY-MM-DD, e.g. 2026-01-31",
    "weekday": "a day of the week, e.g. sunday or sun",
    "clock": "a time of day written HH:MM (24-hour), e.g. 19:30",
    "device": "a device number (0 or more) or part of its name; `facilitator devices` "
              "lists them",
    "names": "two different names, the first sender first",
    "partners": "the name of a partner who types",
    "reports": "a file name ending in .xml (JUnit XML) or .json (JSON)",
    "phrases": "text, or a list of texts",
}


def _from_text(s: Setting, text: str | list[str]) -> object:
    """Command-line text as the value the file would give (a number, a list, ...)."""
    if s.kind == "names":
        return list(text)
    if s.kind in ("partners", "reports"):
        return [text]
    if s.kind in ("whole", "number", "device"):
        try:
            number = int(text.strip())
        except ValueError:
            if s.kind == "device":
                return text
            if s.kind == "whole":
                raise _Invalid() from None
            try:
                return float(text.strip())
            except ValueError:
                raise _Invalid() from None
        return number
    return text


# ---------------------------------------------------------------------------- wording


def shell_words(value: object) -> str:
    """A value as it is typed on the command line: --names Ana 'Ben Lee'."""
    if isinstance(value, (list, tuple)):
        return " ".join(shell_words(v) for v in value)
    if isinstance(value, str):
        if _has_control(value):  # shown escaped, so the message stays one line
            return "$'" + value.encode("unicode_escape").decode("ascii") + "'"
        return shlex.quote(value) if value else "''"
    return str(value)


def toml_value(value: object, limit: int = 60) -> str:
    """A value as it is written in the settings file: "romantic", ["Maya"], 9999."""
    text = _escaped(_toml(value))  # TOML strings may hold U+0085 and the like: keep one line
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _toml(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(key)} = {_toml(item)}"
                               for key, item in value.items()) + "}"
    try:
        return tomli_w.dumps({"k": value}).partition("=")[2].strip()
    except (TypeError, ValueError):
        return repr(value)


def _toml_key(key: object) -> str:
    text = str(key)
    return text if text and all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in text) \
        else _toml(text)


def _example(s: Setting, on_command_line: bool) -> str:
    if on_command_line:
        return f"{s.option} {shell_words(s.example)}"
    return f"{s.key} = {toml_value(s.example)}"


def _num(value: float | None) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _default(s: Setting) -> str:
    return "" if s.default is None else f"default {s.default}"


def _one_of(choices: tuple[str, ...]) -> str:
    if len(choices) == 2:
        return f"{choices[0]} or {choices[1]}"
    return "one of " + ", ".join(choices[:-1]) + " or " + choices[-1]


def _has_control(text: str) -> bool:
    # Names and voices end up in every prompt, the transcript and the captions; a line
    # break or an escape code there would break each of them.
    return any(unicodedata.category(ch) in _BREAKING for ch in text)


_BREAKING = ("Cc", "Zl", "Zp")  # control characters, line and paragraph separators


def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(ch):04X}" if unicodedata.category(ch) in _BREAKING else ch
                   for ch in text)
