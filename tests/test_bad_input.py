"""Bad input gets one line naming what is wrong and what to do (issue 8, point 1).

Every case runs the real command line in a subprocess and checks what a person sees: a
non-zero exit, exactly one line on stderr that starts "facilitator: ", names the file,
device, folder or option at fault and says what to try, and no traceback. Where the problem
is found before the session starts, nothing is left in the data folder either.

When something breaks half-way (a microphone unplugged, a speaker gone, a file overwritten),
the session so far must be saved and the line must say where; exit status 3.

Audio devices are played by tests/helpers/fake_sounddevice (first on PYTHONPATH), so the
product's own device code meets a machine with no microphone, no speaker, or a microphone
that is unplugged half-way through a session.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from facilitator.records import read_session
from tests.helpers import (
    EDGE,
    FAKE_SOUNDDEVICE,
    FIXTURES,
    ROOT,
    WEEKEND,
    cli_env,
    one_line_error,
    read_events,
    run_cli,
    session_folders,
    start_cli,
    wait_for_events,
)

MANIFEST = WEEKEND / "manifest.toml"
FORMATS = FIXTURES / "formats"
SPEECH = WEEKEND / "turns" / "01_appointment_a.wav"  # "I'd like to talk about ..."


def wav_bytes(*, tag: int = 1, channels: int = 1, rate: int = 16000, bits: int = 16,
              data: bytes = b"\0" * 3200, block_align: int | None = None) -> bytes:
    """A WAV file with whatever header a test needs, however wrong."""
    if block_align is None:
        block_align = channels * bits // 8
    fmt = struct.pack("<HHIIHH", tag, channels, rate, rate * block_align, block_align, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def no_data_left(tmp_path: Path) -> None:
    assert session_folders(tmp_path / "data") == [], "a failed start left a session behind"


# --------------------------------------------------------------------- audio files

# (file, what the message must say besides the file's name)
BROKEN_FILES = [
    ("missing.wav", "no such file"),
    ("empty.wav", "empty"),
    ("truncated.wav", "truncated WAV"),
    ("not_a_wav.wav", "not an audio file"),
]
# Made here: formats nobody should have to meet, but testers will.
MADE_FILES = {
    "float16.wav": (dict(tag=3, bits=16), "unsupported audio codec"),
    "unknown_codec.wav": (dict(tag=0x1234, bits=8), "unsupported audio codec"),
    "rate4k.wav": (dict(rate=4000), "sample rate 4000"),
    "no_channels.wav": (dict(channels=0, block_align=0), "0 channels"),
}


def broken_file(name: str, tmp_path: Path) -> tuple[Path, str]:
    if name in MADE_FILES:
        header, says = MADE_FILES[name]
        path = tmp_path / name
        path.write_bytes(wav_bytes(**header))
        return path, says
    says = dict(BROKEN_FILES)[name]
    return (tmp_path / name if name == "missing.wav" else EDGE / name), says


ALL_BROKEN = [name for name, _ in BROKEN_FILES] + list(MADE_FILES)


@pytest.mark.parametrize("name", ALL_BROKEN)
def test_turns_on_a_broken_wav_says_which_file_and_what_is_wrong(tmp_path, name):
    path, says = broken_file(name, tmp_path)
    line = one_line_error(run_cli(tmp_path, "turns", path))
    assert str(path) in line and says in line


def test_turns_on_a_folder_says_it_is_a_folder(tmp_path):
    line = one_line_error(run_cli(tmp_path, "turns", tmp_path))
    assert str(tmp_path) in line and "folder" in line


@pytest.mark.parametrize("name", ["missing.wav", "truncated.wav", "not_a_wav.wav",
                                  "float16.wav"])
def test_replay_of_a_broken_recording_fails_before_the_session(tmp_path, name):
    path, says = broken_file(name, tmp_path)
    line = one_line_error(run_cli(tmp_path, "replay", MANIFEST, "--fast", "--recording", path))
    assert str(path) in line and says in line
    no_data_left(tmp_path)


@pytest.mark.parametrize("name", ["missing.wav", "empty.wav", "truncated.wav",
                                  "not_a_wav.wav", "float16.wav"])
def test_a_manifest_turn_with_a_broken_wav_fails_before_the_session(tmp_path, name):
    path, says = broken_file(name, tmp_path)
    manifest = tmp_path / "m.toml"
    manifest.write_text(f'names = ["Ana", "Ben"]\n[[turn]]\naudio = "{SPEECH}"\n'
                        f'[[turn]]\naudio = "{path}"\n')
    line = one_line_error(run_cli(tmp_path, "replay", manifest, "--fast"))
    assert path.name in line
    if name == "missing.wav":  # the manifest's own problem: its name and the turn are given
        assert str(manifest) in line and "turn 2" in line and "relative to the manifest" in line
    else:
        assert says in line
    no_data_left(tmp_path)


# Recordings in other formats (audio_fixtures/formats): each way one comes broken, made with
# sox or ffmpeg, is named as clearly as a broken WAV (issue 20, point 3).
FORMAT_FILES = tomllib.loads((FORMATS / "truth.toml").read_text())["file"]
BROKEN_FORMATS = {f["path"]: f["says"] for f in FORMAT_FILES if f["expect"] == "error"}


@pytest.mark.parametrize("name", list(BROKEN_FORMATS))
def test_turns_on_a_broken_recording_of_any_format_says_what_is_wrong(tmp_path, name):
    path = FORMATS / name
    line = one_line_error(run_cli(tmp_path, "turns", path))
    assert str(path) in line and BROKEN_FORMATS[name] in line


@pytest.mark.parametrize("name", ["truncated.m4a", "video_only.mp4", "codec2.c2",
                                  "truncated.ogg"])
def test_replay_of_a_broken_recording_of_any_format_fails_before_the_session(tmp_path, name):
    path = FORMATS / name
    line = one_line_error(run_cli(tmp_path, "replay", MANIFEST, "--fast", "--recording", path))
    assert str(path) in line and BROKEN_FORMATS[name] in line
    no_data_left(tmp_path)


@pytest.mark.parametrize("name", ["empty.mp3", "truncated.flac", "photo.m4a",
                                  "not_audio.flac", "truncated.opus"])
def test_a_manifest_turn_in_a_broken_format_fails_before_the_session(tmp_path, name):
    path = FORMATS / name
    manifest = tmp_path / "m.toml"
    manifest.write_text(f'names = ["Ana", "Ben"]\n[[turn]]\naudio = "{SPEECH}"\n'
                        f'[[turn]]\naudio = "{path}"\n')
    line = one_line_error(run_cli(tmp_path, "replay", manifest, "--fast"))
    assert str(path) in line and BROKEN_FORMATS[name] in line
    no_data_left(tmp_path)


# ---------------------------------------------------------------------- manifests

MANIFESTS = {
    "syntax": ('names = ["Ana", "Ben"\n[[turn]]\ntext = "hi"\n', ["TOML syntax error", "line"]),
    "unknown key": ('names = ["Ana", "Ben"]\ncolour = "blue"\n[[turn]]\ntext = "hi"\n',
                    ["unknown key 'colour'", "allowed:"]),
    "unknown turn key": ('names = ["Ana", "Ben"]\n[[turn]]\ntext = "hi"\nspeed = 2\n',
                         ["turn 1", "unknown key 'speed'"]),
    "missing audio": ('names = ["Ana", "Ben"]\n[[turn]]\naudio = "turns/nowhere.wav"\n',
                      ["turn 1", "'turns/nowhere.wav' not found", "relative to the manifest"]),
    "one name": ('names = ["Ana"]\n[[turn]]\ntext = "hi"\n', ["`names` must list two"]),
    "no turns": ('names = ["Ana", "Ben"]\n', ["no [[turn]]"]),
    "audio and text": ('names = ["Ana", "Ben"]\n[[turn]]\ntext = "hi"\naudio = "a.wav"\n',
                       ["turn 1", "exactly one of `audio` or `text`"]),
}


@pytest.mark.parametrize("case", list(MANIFESTS))
def test_a_broken_manifest_is_named_with_its_problem(tmp_path, case):
    text, fragments = MANIFESTS[case]
    manifest = tmp_path / "session.toml"
    manifest.write_text(text)
    line = one_line_error(run_cli(tmp_path, "replay", manifest, "--fast"))
    assert str(manifest) in line
    for fragment in fragments:
        assert fragment in line


def test_a_manifest_that_is_not_text_or_not_there(tmp_path):
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00names")
    line = one_line_error(run_cli(tmp_path, "replay", binary, "--fast"))
    assert str(binary) in line and "cannot read the manifest" in line
    line = one_line_error(run_cli(tmp_path, "replay", tmp_path / "nowhere.toml", "--fast"))
    assert "nowhere.toml" in line and "no such manifest" in line


def test_a_wav_given_to_replay_or_a_manifest_given_to_turns_says_which_command_takes_it(
        tmp_path):
    # replay session.wav used to say "cannot read the manifest ('utf-8' codec can't decode...".
    wav = WEEKEND / "session.wav"
    line = one_line_error(run_cli(tmp_path, "replay", wav, "--fast"))
    assert line == (f"facilitator: {wav}: this is a recording (WAV), not a manifest; replay "
                    f"takes a manifest (TOML) and turns takes a recording: facilitator turns "
                    f"{wav}")
    line = one_line_error(run_cli(tmp_path, "replay", FORMATS / "session.m4a", "--fast"))
    assert line.startswith(f"facilitator: {FORMATS / 'session.m4a'}: this is a recording "
                           "(MP4/M4A), not a manifest")
    line = one_line_error(run_cli(tmp_path, "turns", MANIFEST))
    assert line == (f"facilitator: {MANIFEST}: this is a replay manifest, not a recording; turns "
                    f"takes a recording and replay takes a manifest: facilitator replay "
                    f"{MANIFEST}")
    no_data_left(tmp_path)


# -------------------------------------------------------------------------- models


def bundled_model() -> Path:
    from facilitator.models import bundled_model

    return bundled_model()[1]


def test_a_missing_model_folder_is_named(tmp_path):
    line = one_line_error(run_cli(tmp_path, "turns", EDGE / "silence_10s.wav",
                                  "--model", tmp_path / "nowhere"))
    assert "--model" in line and "nowhere" in line and "models/README.md" in line
    line = one_line_error(run_cli(tmp_path, "turns", EDGE / "silence_10s.wav",
                                  "--model", "huge.en"))
    assert "--model huge.en" in line and "tiny.en" in line  # lists what there is


def test_an_empty_model_folder_says_what_is_missing(tmp_path):
    (tmp_path / "empty-model").mkdir()
    line = one_line_error(run_cli(tmp_path, "replay", MANIFEST, "--fast",
                                  "--model", tmp_path / "empty-model"))
    assert "empty-model" in line and "model.bin" in line and "models/README.md" in line
    no_data_left(tmp_path)


@pytest.mark.parametrize("damage", ["cut short", "garbage", "bad config"])
def test_a_corrupt_model_is_a_one_line_error(tmp_path, damage):
    source, broken = bundled_model(), tmp_path / "broken-model"
    broken.mkdir()
    for part in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(source / part, broken / part)
    if damage == "cut short":
        with open(source / "model.bin", "rb") as f:
            (broken / "model.bin").write_bytes(f.read(200_000))
    else:
        (broken / "model.bin").symlink_to(source / "model.bin")
        if damage == "garbage":
            (broken / "model.bin").unlink()
            (broken / "model.bin").write_bytes(bytes(range(256)) * 40)
        else:
            (broken / "config.json").write_text("{not json")
    line = one_line_error(run_cli(tmp_path, "turns", EDGE / "silence_10s.wav",
                                  "--model", broken))
    assert str(broken) in line and "could not be loaded" in line and "--model tiny.en" in line


# ------------------------------------------------------------------------- devices


def with_devices(tmp_path: Path, *args: str, timeout: float = 120, **fake: str):
    """``facilitator ARGS`` on a machine whose audio devices fake_sounddevice plays."""
    return run_cli(tmp_path, *args, timeout=timeout, pythonpath=(FAKE_SOUNDDEVICE,), **fake)


def test_no_microphone_says_what_to_use_instead(tmp_path):
    line = one_line_error(with_devices(tmp_path, "session", "--names", "Ana", "Ben",
                                       FAKE_SD_INPUTS="0"))
    assert "no microphone found" in line and "--text" in line
    no_data_left(tmp_path)


def test_no_speaker_says_to_run_muted(tmp_path):
    line = one_line_error(with_devices(tmp_path, "session", "--names", "Ana", "Ben",
                                       FAKE_SD_OUTPUTS="0"))
    assert "no speaker found" in line and "--mute" in line
    no_data_left(tmp_path)


def test_no_devices_at_all_is_listed_plainly(tmp_path):
    result = with_devices(tmp_path, "devices", FAKE_SD_INPUTS="0", FAKE_SD_OUTPUTS="0")
    assert result.returncode == 0 and "no audio devices found" in result.stdout


@pytest.mark.parametrize("option, value, says", [
    ("--input-device", "7", "no device 7; microphones: 0 'Fake Microphone 0'"),
    ("--output-device", "Bluetooth", "no speaker has that name; speakers: 1 'Fake Speaker 0'"),
    ("--input-device", "1", "has no input channels"),
])
def test_a_device_that_is_not_there_names_the_option_and_the_choices(tmp_path, option, value,
                                                                    says):
    line = one_line_error(with_devices(tmp_path, "session", "--names", "Ana", "Ben",
                                       option, value))
    assert f"{option} {value}" in line and says in line
    no_data_left(tmp_path)


def assert_saved_after_device_loss(tmp_path: Path, result, device: str) -> Path:
    """Exit 3, one line naming the device and where the session so far was saved."""
    line = one_line_error(result, code=3)
    assert device in line
    [folder] = session_folders(tmp_path / "data")
    assert f"saved in {folder}" in line
    for name in ("events.jsonl", "session.json", "transcript.md", "captions.vtt"):
        assert (folder / name).is_file(), name
    events = read_events(folder / "events.jsonl")
    assert events[-1]["event"] == "end" and events[-1]["reason"].startswith("interrupted: ")
    assert device in events[-1]["reason"]
    assert read_session(folder)["status"] == "interrupted"
    return folder


@pytest.mark.audio
def test_a_microphone_unplugged_mid_session_saves_what_was_said(tmp_path):
    # The microphone hears Tom name the topic, then is unplugged while Maya is asked.
    # Names and dialogue given, no sound check: the dialogue itself begins (setup.py).
    result = with_devices(tmp_path, "session", "--mute", "--names", "Tom", "Maya",
                          "--dialogue", "intentional", "--no-sound-check",
                          FAKE_SD_MIC_WAV=str(SPEECH), FAKE_SD_MIC_STOP_AFTER="8")
    folder = assert_saved_after_device_loss(tmp_path, result, "microphone device 0")
    assert "unplugged" in result.stderr
    heard = [e for e in read_events(folder / "events.jsonl") if e["event"] == "heard"]
    assert [e["partner"] for e in heard] == ["Tom"]
    assert "weekend" in heard[0]["text"]
    assert "weekend" in (folder / "transcript.md").read_text()


def test_a_speaker_that_goes_away_mid_session_saves_what_was_said(tmp_path):
    # The welcome plays; the speaker is gone for the next prompt.
    result = with_devices(tmp_path, "session", "--names", "Tom", "Maya",
                          "--dialogue", "intentional", "--no-sound-check",
                          FAKE_SD_SPEAKER_FAIL_AFTER="1")
    folder = assert_saved_after_device_loss(tmp_path, result, "speaker device 1")
    said = [e["text"] for e in read_events(folder / "events.jsonl") if e["event"] == "say"]
    assert said and said[0].startswith("Welcome, Tom and Maya")



@pytest.mark.audio
def test_a_turn_file_broken_mid_session_saves_the_session_and_says_so(tmp_path):
    # Checked when the manifest loads, then overwritten while the session runs (a tester
    # re-exporting a fixture): the session must end saved, not crash unsaved.
    names = ["01_appointment_a.wav", "02_appointment_b.wav"]
    for name in names:
        shutil.copy(WEEKEND / "turns" / name, tmp_path / name)
    manifest = tmp_path / "m.toml"
    manifest.write_text('names = ["Tom", "Maya"]\n'
                        + "".join(f'[[turn]]\naudio = "{name}"\n' for name in names))
    events = tmp_path / "events.jsonl"
    process = start_cli(tmp_path, "replay", manifest, "--events", events)  # in real time
    wait_for_events(process, events, "listen")  # Tom is speaking; Maya's file is next
    (tmp_path / names[1]).write_text("re-exporting, please wait")
    out, err = process.communicate(timeout=120)
    line = one_line_error(subprocess.CompletedProcess([], process.returncode, out, err),
                          code=3)
    [folder] = session_folders(tmp_path / "data")
    assert str(tmp_path / names[1]) in line and "not an audio file" in line
    assert line.endswith(f"The session so far is saved in {folder}.")
    for log in (events, folder / "events.jsonl"):
        last = read_events(log)[-1]
        assert last["event"] == "end" and last["reason"].startswith("interrupted: "), last
    assert read_session(folder)["status"] == "interrupted"
    assert "weekend plans" in (folder / "transcript.md").read_text()


# --------------------------------------------------------------------- data folder


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_an_unwritable_data_folder_is_refused_before_the_session(tmp_path, where):
    # We may run as root, who ignores permissions: a file in the way cannot be written past.
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    folder = blocker if where == "a file" else blocker / "sessions-here"
    line = one_line_error(run_cli(tmp_path, "session", "--text", "--mute", "--names", "A", "B",
                                  "--data-dir", folder, stdin="I'd like to talk.\n"))
    assert str(folder) in line and "cannot write the data folder" in line
    assert "--data-dir" in line and "--no-save" in line
    assert blocker.read_text() == "not a folder"


def test_an_unwritable_data_folder_from_the_environment_stops_a_replay(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = run_cli(tmp_path, "replay", MANIFEST, "--fast", FACILITATOR_DATA_DIR=str(blocker))
    line = one_line_error(result)
    assert str(blocker) in line and "FACILITATOR_DATA_DIR" in line


def test_outputs_that_cannot_be_written_name_their_option(tmp_path):
    line = one_line_error(run_cli(tmp_path, "session", "--text", "--mute", "--names", "A", "B",
                                  "--events", tmp_path, stdin=""))
    assert str(tmp_path) in line and "event log" in line and "--events" in line
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    line = one_line_error(run_cli(tmp_path, "replay", MANIFEST, "--fast",
                                  "--record-facilitator", blocker / "out.wav"))
    assert str(blocker / "out.wav") in line and "cannot write the recording" in line
    no_data_left(tmp_path)


# ------------------------------------------------------------------------ options


@pytest.mark.parametrize("options, says", [
    (["--names", "", "Ben"], "--names '' Ben: must be two different names"),
    (["--names", "Ana", "ana"], "--names Ana ana: must be two different names"),
    (["--silence-timeout", "0"], "--silence-timeout 0: must be a number from 5 to 3600"),
    (["--prompts", "/nowhere/prompts.toml"], "check --prompts"),
])
def test_a_bad_option_is_named_and_no_empty_session_is_left(tmp_path, options, says):
    # Before these were checked, "--names '' Ben" ended in a traceback, and a zero timeout
    # re-offered every prompt at once, for ever, without hearing a word.
    args = ["--names", "Ana", "Ben", *options]
    line = one_line_error(run_cli(tmp_path, "session", "--text", "--mute", *args, stdin=""))
    assert says in line
    no_data_left(tmp_path)


def test_text_that_is_not_utf8_is_kept_not_fatal(tmp_path):
    # A terminal set to Latin-1 sends bytes that are not UTF-8. They used to end the session
    # with a traceback the moment it was saved; now they show as U+FFFD.
    name = os.fsdecode(b"Jos\xe9")  # as the name arrives in argv
    events = tmp_path / "events.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "session", "--text", "--mute",
         "--names", name, "Ben", "--dialogue", "intentional", "--events", str(events)],
        input=b"I'd like to talk about the caf\xe9. Is now a good time?\n",
        cwd=ROOT, env=cli_env(tmp_path), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    heard = [e for e in read_events(events) if e["event"] == "heard"]
    assert heard[0]["partner"] == "Jos\ufffd"
    assert heard[0]["text"].startswith("I'd like to talk about the caf\ufffd.")
    [folder] = session_folders(tmp_path / "data")
    assert "Jos\ufffd" in (folder / "transcript.md").read_text(encoding="utf-8")


def test_turn_patience_out_of_range_is_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "replay",
         str(ROOT / "audio_fixtures" / "appreciation" / "manifest.toml"), "--fast", "--no-save",
         "--turn-patience", "0"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == (
        "facilitator: --turn-patience 0: must be a number from 0.5 to 5 "
        "(a factor: 2 waits twice as long; default 1)"
    )
