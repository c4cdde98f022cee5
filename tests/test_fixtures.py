"""The bundled audio fixtures agree with themselves and with their scripts.

Every manifest path exists, each truth file describes its manifest turn by turn, every WAV
has the format its truth declares, the timings in the truth are where the audio says they
are, each continuous recording holds exactly its turn WAVs, and the set covers what the
voice-loop, hands-free and reliability tests need. No speech engine is needed: this reads
the committed files (and the dialogue scripts, to check the truth follows them).
"""

from __future__ import annotations

import functools
import importlib.util
import struct
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from facilitator import dialogue
from facilitator.dialogue import STEPS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
SESSIONS = sorted(p.parent.name for p in FIXTURES.glob("*/manifest.toml"))
SIZE_BUDGET_BYTES = 63_000_000  # all committed WAVs together (setup/ added 0.7 MB)

QUIET_DBFS = -50.0  # the truth's definition of quiet (10 ms frames)
FRAME = 0.01
# The recorded commands session gives every voice command but the volume and voice ones,
# which tests/test_hands_free.py exercises at every step instead.
COMMANDS = set(dialogue.COMMANDS) - {"louder", "quieter", "voice"}
STAGES = {step.stage for step in STEPS.values()}  # where the engine listens


@functools.cache
def load_generator():
    """scripts/make_fixtures.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location(
        "make_fixtures", ROOT / "scripts" / "make_fixtures.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def load_toml(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def truth_of(session: str) -> dict:
    return load_toml(FIXTURES / session / "truth.toml")


def manifest_of(session: str) -> dict:
    return load_toml(FIXTURES / session / "manifest.toml")


# --- a small WAV reader, independent of the facilitator's own ------------------------------


@dataclass
class Wav:
    sample_format: str  # pcm16, pcm24, float32, mulaw
    channels: int
    rate: int
    samples: np.ndarray | None  # float, shape (frames, channels); None for mulaw
    declared_data_bytes: int
    data_bytes: int


PCM_GUID = bytes.fromhex("0100000000001000800000aa00389b71")


def read_wav(path: Path) -> Wav:
    raw = path.read_bytes()
    assert raw[:4] == b"RIFF" and raw[8:12] == b"WAVE", f"{path}: not RIFF/WAVE"
    position, fmt, data, declared = 12, None, None, None
    while position + 8 <= len(raw):
        kind = raw[position : position + 4]
        size = struct.unpack("<I", raw[position + 4 : position + 8])[0]
        body = raw[position + 8 : position + 8 + size]
        if kind == b"fmt ":
            fmt = body
        elif kind == b"data":
            data, declared = body, size
        position += 8 + size + size % 2
    assert fmt is not None and data is not None, f"{path}: fmt or data chunk missing"
    tag, channels, rate, byte_rate, block_align, bits = struct.unpack("<HHIIHH", fmt[:16])
    assert block_align == channels * bits // 8 and byte_rate == rate * block_align
    data_bytes = len(data)
    data = data[: len(data) - len(data) % block_align]  # a truncated file ends mid-frame
    if tag == 0xFFFE:
        assert fmt[24:40] == PCM_GUID, f"{path}: extensible but not PCM"
        tag = 1
    if tag == 1 and bits == 16:
        name, samples = "pcm16", np.frombuffer(data, "<i2") / 32768.0
    elif tag == 1 and bits == 24:
        padded = np.zeros((len(data) // 3, 4), np.uint8)
        padded[:, 1:] = np.frombuffer(data, np.uint8).reshape(-1, 3)
        name, samples = "pcm24", padded.view("<i4").reshape(-1) / 2147483648.0
    elif tag == 3 and bits == 32:
        name, samples = "float32", np.frombuffer(data, "<f4").astype(np.float64)
    elif tag == 7 and bits == 8:
        name, samples = "mulaw", None
    else:
        raise AssertionError(f"{path}: unexpected format tag {tag}, {bits} bits")
    if samples is not None:
        samples = samples.reshape(-1, channels)
    return Wav(name, channels, rate, samples, declared, data_bytes)


def mono(wav: Wav) -> np.ndarray:
    return wav.samples.mean(axis=1)


def frame_dbfs(audio: np.ndarray, rate: int) -> np.ndarray:
    size = round(FRAME * rate)
    count = len(audio) // size
    rms = np.sqrt(np.mean(audio[: count * size].reshape(count, size) ** 2, axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-10))


def quiet_runs(quiet: np.ndarray, first: int, last: int) -> list[tuple[int, int]]:
    runs, position = [], first
    while position < last:
        if not quiet[position]:
            position += 1
            continue
        end = position
        while end < last and quiet[end]:
            end += 1
        runs.append((position, end))
        position = end
    return runs


def audio_turns(truth: dict) -> list[dict]:
    return [t for t in truth["turn"] if "audio" in t]


# --- what the set must cover ---------------------------------------------------------------


def test_the_set_covers_what_the_issues_ask_for():
    truths = {name: truth_of(name) for name in SESSIONS}
    whole = [
        t
        for t in truths.values()
        if t["dialogue"] == "intentional"
        and t["whole_session"]
        and "variant_of" not in t
        and not any("command" in turn for turn in t["turn"])
    ]
    assert len(whole) >= 2, "two whole intentional sessions without commands"
    for truth in whole:
        turns = truth["turn"]
        stages = {t["stage"] for t in turns}
        assert stages == STAGES, truth["session"]
        verdicts = [t["verdict"] for t in turns if t["stage"] == "mirror"]
        assert verdicts[:2] == ["partial", "complete"], truth["session"]
        senders = {t["partner"] for t in turns if t["stage"] == "send"}
        assert senders == set(truth["names"]), "both partners send: both roles"
        assert sum(t["stage"] == "more" for t in turns) >= 3, "a second chunk and 'no more'"
        assert sum(t["stage"] == "close" for t in turns) == 2
        assert len(set(truth["voices"].values())) == 2, "two different voices"
    assert any(t.get("coach") == "blame" for w in whole for t in w["turn"]), "a blame rephrase"

    assert any(t["dialogue"] == "appreciation" and t["whole_session"] for t in truths.values())
    commands = {turn.get("command") for t in truths.values() for turn in t["turn"]}
    assert COMMANDS <= commands, f"missing commands: {COMMANDS - commands}"
    assert any("content_command_word" in turn for t in truths.values() for turn in t["turn"])
    resumes = [
        turn for t in truths.values() for turn in t["turn"] if turn.get("command") == "resume"
    ]
    assert resumes and all(turn.get("paused") for turn in resumes), "heard while paused"
    assert any(t.get("snr_db") for t in truths.values()), "a noisy variant"
    formats = {(t["rate"], t["channels"], t["sample_format"]) for t in truths.values()}
    assert (44100, 2, "pcm24") in formats and (48000, 2, "float32") in formats
    assert any(t.get("typed") for t in truths.values()), "a session with typed turns"


def test_all_wavs_fit_the_size_budget():
    total = sum(p.stat().st_size for p in FIXTURES.rglob("*.wav"))
    assert total < SIZE_BUDGET_BYTES, f"{total / 1e6:.1f} MB of WAVs; keep variants short"


def test_readme_names_every_session():
    readme = (FIXTURES / "README.md").read_text()
    for session in SESSIONS:
        assert f"`{session}`" in readme


# --- each session --------------------------------------------------------------------------


@pytest.mark.parametrize("session", SESSIONS)
def test_manifest_is_what_replay_reads(session):
    manifest = manifest_of(session)
    assert set(manifest) <= {"names", "turn", "dialogue"}, "replay rejects unknown keys"
    truth = truth_of(session)
    # A manifest scripted for the appreciation dialogue says so, or replay runs it wrongly.
    assert manifest.get("dialogue", "intentional") == truth["dialogue"]
    assert len(manifest["names"]) == 2 and all(isinstance(n, str) for n in manifest["names"])
    assert manifest["turn"], "at least one turn"
    for number, turn in enumerate(manifest["turn"], 1):
        assert len(turn) == 1 and set(turn) <= {"audio", "text"}, f"turn {number}: {turn}"
        if "audio" in turn:
            path = Path(turn["audio"])
            assert not path.is_absolute() and path.suffix == ".wav"
            assert (FIXTURES / session / path).is_file(), f"turn {number}: {path} missing"
        else:
            assert turn["text"].strip()


@pytest.mark.parametrize("session", SESSIONS)
def test_truth_describes_the_manifest_turn_by_turn(session):
    manifest, truth = manifest_of(session), truth_of(session)
    assert truth["session"] == session
    assert truth["names"] == manifest["names"]
    assert len(truth["turn"]) == len(manifest["turn"])
    for number, (listed, described) in enumerate(zip(manifest["turn"], truth["turn"]), 1):
        assert described["index"] == number
        assert described["partner"] in truth["names"]
        assert described["stage"] in STAGES
        if "text" in listed:
            assert described.get("typed") is True and described["text"] == listed["text"]
            assert described["partner"] == truth["typed"]
        else:
            assert described["audio"] == listed["audio"]
            assert "[pause" not in described["text"]


@pytest.mark.parametrize("session", SESSIONS)
def test_truth_follows_the_dialogue_script(session):
    generator = load_generator()
    truth = truth_of(session)
    scripts = generator.load_scripts()
    script = scripts[truth.get("variant_of", session)]
    planned = generator.plan_session(script)
    assert truth["whole_session"] == (len(truth["turn"]) == len(planned))
    for described, plan in zip(truth["turn"], planned):
        assert described["text"] == plan.text
        assert (described["stage"], described["partner"]) == (plan.stage, plan.partner)
        assert described.get("role") == plan.role and described["expect"] == plan.expect
        assert described.get("closer") == generator.closer_of(plan.text)
        if "audio" not in described:
            continue
        # Each scripted thinking pause is in the truth at (about) its scripted length.
        pauses = [end - start for start, end in described["pauses"]]
        for sentence in plan.sentences:
            if sentence.thinking:
                assert any(abs(p - sentence.pause_after) < 0.05 for p in pauses), (
                    f"turn {plan.index}: no pause of about {sentence.pause_after} s in {pauses}"
                )


@pytest.mark.parametrize("session", SESSIONS)
def test_wavs_have_the_declared_format_and_length(session):
    truth = truth_of(session)
    for turn in audio_turns(truth):
        path = FIXTURES / session / turn["audio"]
        wav = read_wav(path)
        declared = (wav.rate, wav.channels, wav.sample_format)
        expected = (truth["rate"], truth["channels"], truth["sample_format"])
        if turn["audio"].startswith("../"):  # reused from the session it is a variant of
            expected = (16000, 1, "pcm16")
        assert declared == expected, f"{path.name}: {declared} != {expected}"
        assert wav.declared_data_bytes == wav.data_bytes
        assert abs(len(wav.samples) / wav.rate - turn["duration"]) < 0.001
        assert np.all(np.abs(wav.samples) < 1.0), f"{path.name} clips"
        assert 0 < turn["speech_start"] < turn["speech_end"] < turn["duration"]


@pytest.mark.parametrize("session", SESSIONS)
def test_speech_and_pauses_are_where_the_truth_says(session):
    truth = truth_of(session)
    noisy = truth.get("snr_db") is not None
    for turn in audio_turns(truth):
        wav = read_wav(FIXTURES / session / turn["audio"])
        level = frame_dbfs(mono(wav), wav.rate)
        if noisy:
            # Under noise nothing is quiet; the pauses must still be well below the speech.
            speech = level[round(turn["speech_start"] / FRAME) : round(turn["speech_end"] / FRAME)]
            for start, end in turn["pauses"]:
                pause = level[round(start / FRAME) + 2 : round(end / FRAME) - 2]
                assert np.percentile(speech, 90) - np.median(pause) > 15, turn["audio"]
            continue
        quiet = level < QUIET_DBFS
        loud = np.flatnonzero(~quiet)
        assert abs(loud[0] * FRAME - turn["speech_start"]) <= 0.03, turn["audio"]
        assert abs((loud[-1] + 1) * FRAME - turn["speech_end"]) <= 0.03, turn["audio"]
        for start, end in turn["pauses"]:
            inside = quiet[round(start / FRAME) + 1 : round(end / FRAME) - 1]
            assert inside.mean() > 0.9, f"{turn['audio']}: pause {start}-{end} is not quiet"
        # Every quiet stretch longer than a short gap is one the truth lists.
        for first, last in quiet_runs(quiet, loud[0], loud[-1]):
            if (last - first) * FRAME < 0.35:
                continue
            assert any(
                start - 0.05 <= first * FRAME and last * FRAME <= end + 0.05
                for start, end in turn["pauses"]
            ), f"{turn['audio']}: unlisted pause {first * FRAME:.2f}-{last * FRAME:.2f}"


@pytest.mark.parametrize("session", SESSIONS)
def test_pauses_stay_inside_the_turn_and_within_limits(session):
    for turn in audio_turns(truth_of(session)):
        previous_end = turn["speech_start"]
        for start, end in turn["pauses"]:
            assert previous_end < start < end < turn["speech_end"], turn["audio"]
            assert 0.3 - 1e-9 <= end - start <= 1.2 + 1e-9, f"{turn['audio']}: {end - start:.2f} s"
            previous_end = end


def test_whole_sessions_have_long_thinking_pauses():
    # The endpointer target: no pause of 1.2 s or less inside a turn ends it. Make sure the
    # fixtures contain pauses near that limit, after complete and after unfinished clauses.
    for session in SESSIONS:
        truth = truth_of(session)
        if not truth["whole_session"] or truth["dialogue"] != "intentional":
            continue
        lengths = [end - start for t in truth["turn"] for start, end in t.get("pauses", [])]
        assert sum(0.6 <= p for p in lengths) >= 5, session
        assert max(lengths) >= 1.1, session


@pytest.mark.parametrize("session", [s for s in SESSIONS if "recording" in truth_of(s)])
def test_recording_holds_exactly_the_turns(session):
    truth = truth_of(session)
    recording = read_wav(FIXTURES / session / truth["recording"])
    assert (recording.rate, recording.channels, recording.sample_format) == (16000, 1, "pcm16")
    samples = recording.samples[:, 0]
    assert abs(len(samples) / recording.rate - truth["recording_duration"]) < 0.001
    previous_end = 0
    for turn in truth["turn"]:
        turn_samples = read_wav(FIXTURES / session / turn["audio"]).samples[:, 0]
        offset = round(turn["offset"] * recording.rate)
        assert offset >= previous_end, f"turn {turn['index']} overlaps the one before"
        assert np.array_equal(samples[offset : offset + len(turn_samples)], turn_samples), (
            f"turn {turn['index']} is not at its offset in {truth['recording']}"
        )
        assert abs(turn["start"] - (turn["offset"] + turn["speech_start"])) < 0.002
        assert abs(turn["end"] - (turn["offset"] + turn["speech_end"])) < 0.002
        if truth.get("snr_db") is None:
            # Between the turns the room is quiet: that is where the facilitator speaks.
            between = samples[previous_end:offset]
            assert frame_dbfs(between, recording.rate).max(initial=-100) < QUIET_DBFS
        previous_end = offset + len(turn_samples)
    gaps = [b["start"] - a["end"] for a, b in zip(truth["turn"], truth["turn"][1:])]
    assert min(gaps) >= 3.5, "room for the facilitator to speak between turns"


@pytest.mark.parametrize("session", SESSIONS)
def test_mirror_turns_say_what_they_mirror(session):
    turns = truth_of(session)["turn"]
    by_index = {t["index"]: t for t in turns}
    for turn in turns:
        is_mirror = turn["stage"] in ("mirror", "summary") and "command" not in turn
        assert ("verdict" in turn) == is_mirror, f"turn {turn['index']}"
        if not is_mirror:
            continue
        assert turn["verdict"] in ("complete", "partial")
        assert turn["role"] == "receiver"
        assert turn["mirrors"] and all(i < turn["index"] for i in turn["mirrors"])
        for index in turn["mirrors"]:
            mirrored = by_index[index]
            assert mirrored["role"] == "sender" and mirrored["stage"] in ("send", "more")
            assert mirrored["partner"] != turn["partner"]
        if turn["stage"] == "summary":
            assert len(turn["mirrors"]) >= 2
        if turn["verdict"] == "partial":
            sender_words = " ".join(by_index[i]["text"] for i in turn["mirrors"]).lower()
            for phrase in turn["missed"]:
                assert phrase.lower() in sender_words, phrase
                assert phrase.lower() not in turn["text"].lower(), phrase
        else:
            assert "missed" not in turn


def test_noisy_variant_is_the_clean_session_plus_noise_at_its_snr():
    noisy_sessions = [s for s in SESSIONS if truth_of(s).get("snr_db") is not None]
    assert noisy_sessions
    for session in noisy_sessions:
        truth = truth_of(session)
        base = truth_of(truth["variant_of"])
        speech, noise = [], []
        for ours, theirs in zip(truth["turn"], base["turn"]):
            assert ours["pauses"] == theirs["pauses"] and ours["duration"] == theirs["duration"]
            noisy = mono(read_wav(FIXTURES / session / ours["audio"]))
            clean = mono(read_wav(FIXTURES / base["session"] / theirs["audio"]))
            level = frame_dbfs(clean, 16000)
            speech.append(10 ** (level[level >= QUIET_DBFS] / 20))
            noise.append(noisy - clean)  # the noise, less the clean file's faint room tone
        speech_rms = np.sqrt(np.mean(np.concatenate(speech) ** 2))
        noise_rms = np.sqrt(np.mean(np.concatenate(noise) ** 2))
        snr = 20 * np.log10(speech_rms / noise_rms)
        assert abs(snr - truth["snr_db"]) < 1.0, f"{session}: {snr:.1f} dB"


# --- edge files ----------------------------------------------------------------------------


def edge_files() -> dict[str, dict]:
    return {f["path"]: f for f in load_toml(FIXTURES / "edge" / "truth.toml")["file"]}


def test_edge_files_are_what_their_truth_says():
    files = edge_files()
    assert set(files) == {p.name for p in (FIXTURES / "edge").glob("*.wav")}
    for name, facts in files.items():
        assert (FIXTURES / "edge" / name).stat().st_size == facts["bytes"], name
        assert facts["expect"] in ("error", "no speech", "speech")

    assert (FIXTURES / "edge" / "empty.wav").read_bytes() == b""
    assert not (FIXTURES / "edge" / "not_a_wav.wav").read_bytes().startswith(b"RIFF")

    truncated = read_wav(FIXTURES / "edge" / "truncated.wav")
    assert truncated.declared_data_bytes == files["truncated.wav"]["declared_data_bytes"]
    assert truncated.data_bytes == files["truncated.wav"]["data_bytes"]
    assert truncated.data_bytes < truncated.declared_data_bytes

    mulaw = read_wav(FIXTURES / "edge" / "mulaw_8k.wav")
    assert (mulaw.sample_format, mulaw.rate) == ("mulaw", 8000)

    silence = read_wav(FIXTURES / "edge" / "silence_10s.wav")
    assert len(silence.samples) == 160000 and not silence.samples.any()

    noise = mono(read_wav(FIXTURES / "edge" / "noise_10s.wav"))
    assert abs(20 * np.log10(np.sqrt(np.mean(noise**2))) + 25) < 1.0
    assert frame_dbfs(noise, 16000).min() > QUIET_DBFS, "steady noise, no quiet gaps"

    clipped = mono(read_wav(FIXTURES / "edge" / "clipped.wav"))
    assert np.mean(np.abs(clipped) >= 32767 / 32768) > 0.03, "clipped at full scale"

    quiet = mono(read_wav(FIXTURES / "edge" / "quiet.wav"))
    assert 20 * np.log10(np.abs(quiet).max()) < -30, "very quiet"
    assert frame_dbfs(quiet, 16000).max() > -65, "but not silent"

    for name, facts in files.items():
        if "duration" in facts:
            wav = read_wav(FIXTURES / "edge" / name)
            if wav.samples is not None and facts["expect"] != "error":
                assert abs(len(wav.samples) / wav.rate - facts["duration"]) < 0.001, name


# --- other formats -------------------------------------------------------------------------


def test_format_files_are_what_their_truth_says():
    folder = FIXTURES / "formats"
    files = {f["path"]: f for f in load_toml(folder / "truth.toml")["file"]}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(files) == on_disk - {"truth.toml", "appreciation.toml"}
    problems = set()
    for path, facts in files.items():
        assert (folder / path).stat().st_size == facts["bytes"], path
        if facts["expect"] == "speech":
            assert (folder / facts["source"]).is_file(), path
        else:
            problems.add(facts["problem"])
    # Issue 20, point 3: each way a recording comes broken, with a real file.
    assert problems == {"empty", "truncated", "not audio", "no audio track", "unsupported codec"}
    truncated = {p.rsplit(".", 1)[1] for p, f in files.items() if f.get("problem") == "truncated"}
    assert truncated == {"flac", "ogg", "opus", "mp3", "m4a"}
    manifest = load_toml(folder / "appreciation.toml")
    # The same turns in the same order: 06_mirror_a_mulaw.wav is 06_mirror_a.wav.
    assert [Path(t["audio"]).stem.split("_")[:3] for t in manifest["turn"]] == [
        Path(t["audio"]).stem.split("_") for t in manifest_of("appreciation")["turn"]]
