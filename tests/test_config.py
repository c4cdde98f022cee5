"""The settings file: where it is, reading it, checking it against the options, saving to it."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tomllib

import pytest

from facilitator import config
from facilitator.cli import build_parser, parse_args
from facilitator.config import (
    config_defaults,
    config_for_command,
    config_path,
    load_config,
    parser_defaults,
    save_setting,
)
from facilitator.errors import FacilitatorError
from facilitator.settings_schema import FILE_ONLY, SETTINGS


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_file_is_in_the_user_config_folder_unless_the_environment_says_otherwise(
        tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_CONFIG", raising=False)
    monkeypatch.setattr(config.platformdirs, "user_config_dir",
                        lambda app: f"/home/x/.config/{app}")
    assert str(config_path()) == "/home/x/.config/imago-facilitator/config.toml"
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"


def test_no_file_means_no_settings(tmp_path):
    assert load_config(tmp_path / "missing.toml") == {}


def test_keys_may_use_dashes_or_underscores(tmp_path):
    path = write(tmp_path / "c.toml", 'rate = 150\nno-timeouts = true\nnames = ["Ana", "Ben"]\n'
                                      'silence_timeout = 20.5\n')
    assert load_config(path) == {"rate": 150, "no_timeouts": True, "names": ["Ana", "Ben"],
                                 "silence_timeout": 20.5}


def test_the_environment_variable_is_read_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(write(tmp_path / "c.toml", "rate = 120\n")))
    assert load_config() == {"rate": 120}
    assert config_defaults() == {"rate": 120}


@pytest.mark.parametrize("text, where, fragment", [
    ("rate = \n", ": ", "not valid TOML"),
    ("rate = 150\n[session]\nrate = 1\n", ", line 2: ", "section [session] is not supported"),
    ("no-cues = true\nno_cues = false\n", ", line 2: ", "given twice"),
])
def test_a_broken_file_is_a_one_line_error_naming_it(tmp_path, text, where, fragment):
    path = write(tmp_path / "c.toml", text)
    with pytest.raises(FacilitatorError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}{where}") and fragment in message and "\n" not in message


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes(b"voice = \"\xff\"\n")
    with pytest.raises(FacilitatorError, match=str(path)):
        load_config(path)


def test_an_unknown_setting_names_the_file_the_line_the_key_and_a_close_option(tmp_path):
    path = write(tmp_path / "c.toml", "rate = 150\nvoise = \"en\"\n")
    with pytest.raises(FacilitatorError) as caught:
        config_defaults(path=path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 2: unknown setting 'voise'")
    assert "did you mean 'voice'?" in message


def test_a_flag_can_be_written_either_way_round(tmp_path):
    path = write(tmp_path / "c.toml", "cues = false\ntimeouts = false\nno-save = true\n")
    assert config_defaults(path=path) == {"no_cues": True, "no_timeouts": True, "no_save": True}
    bad = write(tmp_path / "bad.toml", "\ncues = 1\n")
    with pytest.raises(FacilitatorError, match=r"bad.toml, line 2: cues = 1: must be true or"):
        config_defaults(path=bad)


def test_the_parser_lists_every_long_option_with_its_default():
    defaults = parser_defaults(build_parser())
    assert set(defaults) == set(SETTINGS) - FILE_ONLY
    # No names by default: a live session asks for them (setup.py).
    assert defaults["rate"] == 165 and defaults["names"] is None
    assert "manifest" not in defaults and "help" not in defaults  # positionals and --help


def test_settings_become_the_defaults_and_the_command_line_still_wins(tmp_path, monkeypatch):
    path = write(tmp_path / "c.toml", 'rate = 140\nno-cues = true\nvoice = "en-gb"\n'
                                      'names = ["Ana", "Ben"]\ntyped = ["Ben"]\n')
    monkeypatch.setenv("FACILITATOR_CONFIG", str(path))
    args = parse_args(["session"])
    assert (args.rate, args.no_cues, args.voice, args.names, args.typed) == (
        140, True, "en-gb", ["Ana", "Ben"], ["Ben"])
    args = parse_args(["session", "--rate", "200", "--typed", "Ana"])
    # --typed on the command line replaces the file's list rather than adding to it
    assert (args.rate, args.typed) == (200, ["Ana"])


@pytest.mark.parametrize("line, says", [
    ('rate = "fast"', 'rate = "fast": must be a whole number from 120 to 240'),
    ("volume = true", "volume = true: must be a number from 0.2 to 1"),
    ('no_timeouts = "yes"', 'no-timeouts = "yes": must be true or false'),
    ("dialogue = 3", "dialogue = 3: must be intentional or appreciation"),
    ('names = "Ana"', 'names = "Ana": must be two different names'),
])
def test_a_setting_of_the_wrong_kind_is_named_with_its_line(tmp_path, line, says):
    path = write(tmp_path / "c.toml", f"# ours\n{line}\n")
    with pytest.raises(FacilitatorError) as caught:
        config_defaults(path=path)
    assert str(caught.value).startswith(f"{path}, line 2: {says}")


def test_a_whole_number_is_welcome_where_any_number_is(tmp_path):
    path = write(tmp_path / "c.toml", 'voice = "en-us"\nvolume = 1\nsilence-timeout = 30\n')
    assert config_defaults(path=path) == {"voice": "en-us", "volume": 1.0,
                                          "silence_timeout": 30.0}


def test_a_saved_setting_is_private_and_read_back(tmp_path):
    path = tmp_path / "new" / "config.toml"
    assert save_setting("rate", 150, path=path) == path
    assert load_config(path) == {"rate": 150}
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_saving_keeps_the_rest_of_the_file_and_its_comments(tmp_path):
    path = write(tmp_path / "c.toml", '# our settings\nvoice = "en-gb"  # the calm one\n'
                                      'rate = 175\nno-timeouts = true\n')
    save_setting("rate", 150, path=path)
    text = path.read_text()
    assert text == ('# our settings\nvoice = "en-gb"  # the calm one\nrate = 150\n'
                    'no-timeouts = true\n')
    save_setting("no_timeouts", False, path=path)
    save_setting("volume", 0.8, path=path)
    assert load_config(path) == {"voice": "en-gb", "rate": 150, "no_timeouts": False,
                                 "volume": 0.8}
    assert "# our settings" in path.read_text()


def test_saving_over_a_value_spread_over_lines_rewrites_the_file_correctly(tmp_path):
    path = write(tmp_path / "c.toml", 'names = [\n  "Ana",\n  "Ben",\n]\nrate = 175\n')
    save_setting("names", ["Maya", "Leo"], path=path)
    assert tomllib.loads(path.read_text()) == {"names": ["Maya", "Leo"], "rate": 175}


def test_saving_never_overwrites_a_broken_file(tmp_path):
    path = write(tmp_path / "c.toml", "rate = = 3\n")
    with pytest.raises(FacilitatorError, match="not valid TOML"):
        save_setting("rate", 150, path=path)
    assert path.read_text() == "rate = = 3\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.toml"]


def test_saving_into_an_unwritable_place_is_a_one_line_error(tmp_path):
    blocker = write(tmp_path / "a-file", "")
    with pytest.raises(FacilitatorError) as caught:
        save_setting("rate", 150, path=blocker / "config.toml")
    assert str(blocker / "config.toml") in str(caught.value)


def test_one_file_serves_every_subcommand(tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    path = write(tmp_path / "c.toml", "rate = 140\njson = true\nno-cues = true\n")
    parser = build_parser()
    # "json" belongs to history: fine in the file, left out of the session's defaults.
    assert config_for_command(parser, "session", path=path) == {"rate": 140, "no_cues": True}
    assert config_for_command(parser, "history", path=path) == {"json": True}
    assert config_for_command(parser, None, path=path) == {}
    bad = write(tmp_path / "bad.toml", "rat = 140\n")
    with pytest.raises(FacilitatorError, match="unknown setting 'rat'"):
        config_for_command(parser, "history", path=bad)
    # A bad value is reported whatever the command: the file is broken for all of them.
    wrong = write(tmp_path / "wrong.toml", 'rate = "fast"\n')
    with pytest.raises(FacilitatorError, match="rate = \"fast\": must be a whole number"):
        config_for_command(parser, "history", path=wrong)


def test_the_environment_wins_over_the_file_for_the_data_folder(tmp_path, monkeypatch):
    parser = build_parser()
    path = write(tmp_path / "c.toml", 'data-dir = "/from/file"\n')
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    assert config_for_command(parser, "history", path=path) == {"data_dir": "/from/file"}
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path))
    assert config_for_command(parser, "history", path=path) == {}


def test_forget_options_can_live_in_the_file_and_a_named_session_wins(tmp_path):
    """Every option can be set in the file, `forget --yes` and `--all` included; with
    `all = true` there, a session named on the command line is still the only one deleted."""
    data = tmp_path / "data"
    for name in ("2026-01-05T20-00-00", "2026-01-06T20-00-00"):
        folder = data / "sessions" / name
        folder.mkdir(parents=True)
        (folder / "events.jsonl").write_text('{"t": 0.0, "event": "end", "reason": "complete"}\n')
    config = write(tmp_path / "c.toml", "yes = true\nall = true\n")
    env = dict(os.environ, FACILITATOR_CONFIG=str(config))
    named = subprocess.run(
        [sys.executable, "-m", "facilitator", "forget", "2026-01-05T20-00-00",
         "--data-dir", str(data)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )
    assert named.returncode == 0, named.stderr
    assert sorted(p.name for p in (data / "sessions").iterdir()) == ["2026-01-06T20-00-00"]
    everything = subprocess.run(
        [sys.executable, "-m", "facilitator", "forget", "--data-dir", str(data)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )
    assert everything.returncode == 0, everything.stderr
    assert not list((data / "sessions").iterdir())


def test_every_environment_variable_the_product_reads_is_in_the_readme():
    """FACILITATOR_CONFIG was missing from the README (issue 16, point 4)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "facilitator").rglob("*.py"))
    read = set(re.findall(r"environ(?:\.get)?\(\s*\"([A-Z_]+)\"", source))
    read |= set(re.findall(r"\"(FACILITATOR_[A-Z_]+)\"", source))
    assert {"FACILITATOR_CONFIG", "FACILITATOR_DATA_DIR"} <= read
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.partition("## Environment variables")[2].partition("\n## ")[0]
    for name in read:
        assert f"`{name}`" in section, name


def test_the_config_command_shows_a_broken_file_and_names_its_mistake(tmp_path, monkeypatch,
                                                                      capsys):
    from facilitator import cli

    main = cli.main
    monkeypatch.setattr(cli.signal, "signal", lambda *args: None)  # keep pytest's SIGTERM
    path = write(tmp_path / "c.toml", "# ours\nrate = 9999\n")
    monkeypatch.setenv("FACILITATOR_CONFIG", str(path))
    assert main(["config", "--path"]) == 0  # finding the file must work when it is broken
    assert capsys.readouterr().out == f"{path}\n"
    assert main(["config"]) == 2
    shown = capsys.readouterr()
    assert shown.out == f"# {path}\n# ours\nrate = 9999\n"
    assert shown.err == (f"facilitator: {path}, line 2: rate = 9999: must be a whole number "
                         "from 120 to 240 (words per minute; default 165)\n")
    write(path, "rate = 150\n")
    assert main(["config"]) == 0
