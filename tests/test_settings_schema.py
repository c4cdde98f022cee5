"""Every setting and option checked against one schema (issue 16, points 1 and 3).

A value that is not allowed, in the settings file or on the command line, is one line
naming the key or option, the value, what is allowed and where it came from (the file and
its line, or the option), exit 2; never a traceback and never silently accepted.
"""

from __future__ import annotations

import contextlib
import io
import signal
import sys
import tempfile
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator import cli, endpoint, speech
from facilitator.cli import build_parser, parse_args
from facilitator.config import parser_defaults
from facilitator.dialogue import DIALOGUES
from facilitator.errors import FacilitatorError
from facilitator.settings_schema import FILE_ONLY, SETTINGS, suggestion
from tests.helpers import one_line_error, run_cli, session_folders


def run_main(argv: list[str], *, stdin: str = "") -> tuple[int, str, str]:
    """The real ``facilitator`` entry point in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin, old_term = sys.stdin, signal.getsignal(signal.SIGTERM)
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    finally:
        sys.stdin = old_stdin
        signal.signal(signal.SIGTERM, old_term)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    """Write the settings file the next command reads."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("FACILITATOR_CONFIG", str(path))
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "data"))

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        return path

    return write


def error_line(code: int, out: str, err: str) -> str:
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("facilitator: "), err
    return lines[0].removeprefix("facilitator: ")


# ------------------------------------------------------------- one schema, both ways in


def test_every_option_of_every_command_is_in_the_schema_and_its_default_allowed():
    defaults = parser_defaults(build_parser())
    # Every option is in the schema; the schema also holds what the program remembers.
    assert set(defaults) == set(SETTINGS) - FILE_ONLY
    for name, default in defaults.items():
        if default is not None:
            assert SETTINGS[name].check(default) == default, name


def test_the_schema_and_the_code_agree_on_choices_and_bounds():
    assert SETTINGS["dialogue"].choices == tuple(DIALOGUES)
    assert SETTINGS["voice_engine"].choices == speech.ENGINES
    assert SETTINGS["expect"].choices == endpoint.EXPECTS
    assert (SETTINGS["rate"].low, SETTINGS["rate"].high) == (speech.MIN_RATE, speech.MAX_RATE)


@pytest.mark.parametrize("option, text, value", [
    ("rate", "9999", 9999),
    ("volume", "2", 2),
    ("mirror_tries", "0", 0),
    ("turn_patience", "-1", -1),
    ("silence_timeout", "2", 2),
    ("dialogue", "romantic", "romantic"),
    ("expect", "banana", "banana"),
    ("since", "2026-02-30", "2026-02-30"),
    ("plot", "x.txt", "x.txt"),
    ("input_device", "-1", -1),
])
def test_the_file_and_the_command_line_are_refused_in_the_same_words(
        option, text, value, config_file):
    setting = SETTINGS[option]
    with pytest.raises(FacilitatorError) as on_line:
        setting.parse(text)
    path = config_file(f"# settings\n{setting.key} = {tomli_w.dumps({'v': value})[4:]}")
    with pytest.raises(FacilitatorError) as in_file:
        parse_args(["history"])
    line, filed = str(on_line.value), str(in_file.value)
    assert line.startswith(f"{setting.option} {text}: must be ")
    assert filed.startswith(f"{path}, line 2: {setting.key} = ")
    # The same words; only an example is written the way its place needs it.
    allowed = [m.partition(": must be ")[2].partition(", e.g. ")[0] for m in (line, filed)]
    assert allowed[0] == allowed[1]


def test_a_suggestion_is_close_in_meaning_or_in_spelling():
    assert suggestion("speed") == "rate"
    assert suggestion("voise") == "voice"
    assert suggestion("microphone") == "input_device"
    assert suggestion("colour") is None


# -------------------------------------------------------------- the cases of issue 16


@pytest.mark.parametrize("line, says", [
    ('dialogue = "romantic"',
     'dialogue = "romantic": must be intentional or appreciation (default intentional)'),
    ('names = ["Maya"]', 'names = ["Maya"]: must be two different names, the first sender '
                         'first, e.g. names = ["Ana", "Ben"]'),
    ("names = [1, 2]", "names = [1, 2]: must be two different names"),
    ('names = ["Maya", " maya "]', "must be two different names"),
    ("data-dir = 5", 'data-dir = 5: must be a folder path, e.g. data-dir = "~/imago-sessions"'),
    ('expect = "banana"', 'expect = "banana": must be one of topic, answer, share, mirror, '
                          "reflect or appreciate (default share)"),
    ("rate = 9999", "rate = 9999: must be a whole number from 120 to 240 (words per minute"),
    ("volume = nan", "volume = nan: must be a number from 0.2 to 1"),
    ("speed = 150", "unknown setting 'speed' (did you mean 'rate'?)"),
])
def test_each_bad_setting_is_one_line_naming_file_line_key_value_and_what_is_allowed(
        config_file, line, says):
    path = config_file(f'# ours\nvoice = "en-us"\n{line}\n')
    message = error_line(*run_main(["session", "--text", "--mute", "--no-save"]))
    assert message.startswith(f"{path}, line 3: ") and says in message, message


@pytest.mark.parametrize("options, says", [
    (["--rate", "9999"], "--rate 9999: must be a whole number from 120 to 240"),
    (["--volume", "2"], "--volume 2: must be a number from 0.2 to 1"),
    (["--mirror-tries", "0"], "--mirror-tries 0: must be a whole number from 1 to 10"),
    (["--turn-patience", "-1"], "--turn-patience -1: must be a number from 0.5 to 5"),
    (["--typed", "Zed"], "--typed Zed: not one of the partners (Ana and Ben)"),
    (["--silence-timeout", "inf"], "--silence-timeout inf: must be a number from 5 to 3600"),
    (["--rate", "fast"], "--rate fast: must be a whole number"),
    (["--rate"], "argument --rate: expected one argument; see `facilitator session --help`"),
])
def test_each_bad_option_is_one_line_even_where_the_session_would_not_use_it(
        config_file, options, says):
    # Text mode with --mute uses neither the voice nor the endpointer: these were accepted.
    message = error_line(*run_main(["session", "--text", "--mute", "--no-save",
                                    "--names", "Ana", "Ben", *options]))
    assert message.startswith(says), message


def test_a_typed_partner_from_the_file_is_checked_against_the_names_in_the_file(config_file):
    path = config_file('names = ["Ana", "Ben"]\ntyped = ["Zed"]\n')
    message = error_line(*run_main(["session", "--text", "--mute", "--no-save"]))
    assert message == (f'{path}, line 2: typed = ["Zed"]: not one of the partners (Ana and '
                       "Ben); name the partner who types")
    # Without names the setup asks for them, and the one who types their name types.
    config_file('typed = ["Zed"]\n')
    code, _, err = run_main(["session", "--text", "--mute", "--no-save"])
    assert code == 0, err


def test_a_typed_partner_from_the_file_is_checked_against_the_names_given(config_file):
    path = config_file('typed = ["Ben"]\n')
    message = error_line(*run_main(["session", "--text", "--names", "Ana", "Maya"]))
    assert message.startswith(f"{path}, line 1: typed = [\"Ben\"]: not one of the partners")
    code, _, err = run_main(["session", "--text", "--mute", "--no-save", "--names", "Ana", "Ben"])
    assert code == 0, err


def test_a_bad_setting_stops_the_real_command_before_anything_is_made(tmp_path):
    (tmp_path / "config.toml").write_text('names = ["Maya"]\n')
    line = one_line_error(run_cli(tmp_path, "session", "--text", "--mute", stdin="Hello\n"))
    assert line == (f"facilitator: {tmp_path / 'config.toml'}, line 1: names = [\"Maya\"]: must "
                    'be two different names, the first sender first, e.g. names = ["Ana", "Ben"]')
    assert session_folders(tmp_path / "data") == []


def test_the_plot_must_be_a_png_and_nothing_is_written_otherwise(tmp_path, config_file,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = error_line(*run_main(["reflect", "--plot", "x.txt"]))
    assert message.startswith("--plot x.txt: must be a file name ending in .png")
    assert not (tmp_path / "x.txt").exists()
    code, _, err = run_main(["reflect", "--plot", "trend.png"])
    assert code == 0, err
    assert (tmp_path / "trend.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("command", [["history"], ["reflect"], ["forget", "--all", "--yes"]])
def test_looking_at_a_data_folder_that_does_not_exist_does_not_create_it(
        tmp_path, config_file, command):
    new = tmp_path / "NEW"
    code, out, err = run_main([*command, "--data-dir", str(new)])
    assert code == 0, err
    assert not new.exists()
    if command == ["history"]:
        assert out.strip() == f"No saved sessions yet in {new}."


def test_reflect_since_accepts_a_toml_date_in_the_file(config_file):
    config_file("since = 2026-01-31\n")
    assert parse_args(["reflect"]).since == "2026-01-31"
    config_file("since = 2026-01-31T08:00:00\n")
    with pytest.raises(FacilitatorError, match="since = 2026-01-31 08:00:00: must be a date"):
        parse_args(["reflect"])


# ------------------------------------------------------------------- no traceback, ever

# Which cheap command exercises a setting (the file is checked whole whatever the command).
_SESSION = ["session", "--text", "--mute", "--no-save"]
_COMMAND_FOR = {
    "json": ["history"], "data_dir": ["history"], "say": ["history"],
    "since": ["reflect"], "plot": ["reflect"],
    "all": ["forget"], "yes": ["forget"], "by_voice": ["forget"],
    "sender": ["check-mirror", "--sender", "I feel tired.", "--mirror", "You feel tired."],
    "mirror": ["check-mirror", "--sender", "I feel tired.", "--mirror", "You feel tired."],
    "earlier": ["check-mirror", "--sender", "I feel tired.", "--mirror", "You feel tired."],
    "step": ["check-turn", "--step", "confirm", "--text", "yes"],
    "utterance": ["check-turn", "--step", "confirm", "--text", "yes"],
    "expect": ["turns", "missing.wav"], "fast": ["replay", "missing.toml"],
    "play": ["replay", "missing.toml"], "recording": ["replay", "missing.toml"],
    "record_facilitator": ["replay", "missing.toml"], "path": ["config"],
    "details": ["reflect"],
    # `remind` alone only shows what is set; --off and --now are left to the session, so
    # this test never touches a real user timer.
    "day": ["remind"], "at": ["remind"], "ics": ["remind"],
}
# Settings naming files: kept inside the example's own folder (the tests may run as root).
_PATHS = {"data_dir", "events", "prompts", "plot", "recording", "record_facilitator"}

_leaf = st.one_of(
    st.booleans(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.dates(), st.datetimes(), st.times(),
)
_toml_values = st.recursive(
    _leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=2)),
    max_leaves=6,
)
_names = st.sampled_from(["Ana", "Ben", "ana", " ", "", "Partner A", "Zed\n"]) | st.text(max_size=8)


def _near(name: str):
    """Values close to what the setting allows, valid or just not."""
    s = SETTINGS[name]
    if s.kind in ("whole", "number"):
        return st.integers(int(s.low) - 3, int(s.high) + 3) | st.floats(s.low - 1, s.high + 1)
    if s.kind == "choice":
        return st.sampled_from([*s.choices, "", s.choices[0].upper()])
    if s.kind in ("names", "partners"):
        return st.lists(_names, max_size=3) | _names
    if s.kind == "date":
        return st.dates() | st.dates().map(str) | st.sampled_from(["2026-02-30", "today"])
    if s.kind == "image":
        return st.sampled_from(["t.png", "T.PNG", "t.txt", ".png", "d/", "d/t.png", "-"])
    if s.kind == "device":
        return st.integers(-2, 40) | st.text(max_size=6)
    if s.kind == "flag":
        return st.booleans()
    return st.text(max_size=12)


@st.composite
def _one_setting(draw):
    name = draw(st.sampled_from(sorted(SETTINGS)))
    key = draw(st.sampled_from([name, name.replace("_", "-")]))
    value = draw(_near(name) | _toml_values)
    if name in _PATHS and isinstance(value, str):
        value = value.lstrip("/~").replace("..", "__")
    return name, key, value


@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_one_setting())
def test_any_value_for_any_setting_is_used_or_refused_in_one_line_never_a_traceback(
        monkeypatch, case):
    name, key, value = case
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        config = home / "config.toml"
        config.write_text(tomli_w.dumps({key: value}), encoding="utf-8")
        monkeypatch.setenv("FACILITATOR_CONFIG", str(config))
        monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
        monkeypatch.chdir(home)
        argv = _COMMAND_FOR.get(name, _SESSION)
        if argv[0] in ("forget", "history", "reflect", "remind") and name != "data_dir":
            argv = [*argv, "--data-dir", str(home / "data")]
        code, out, err = run_main(list(argv))  # anything but FacilitatorError would raise
        assert code in (0, 2), (code, out, err)
        event("used" if code == 0 else "refused")
        if code:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("facilitator: "), err
