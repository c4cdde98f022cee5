"""Whole sessions replayed through the real pipeline and held against their truth files.

Every bundled manifest is replayed once by ``facilitator replay audio_fixtures --check``, the
testers' own command, run as CI runs it (tests/conftest.py): real webrtcvad, the endpointer,
faster-whisper with the bundled tiny.en model, the dialogue engine, and the facilitator's
voice synthesized into a silent sink (its length still moves the session clock). Every test
below reads a fixture's event log from that run's JSON report and holds it against the
fixture's truth.toml with ``facilitator.truth.compare``, the comparison the command makes:
who is listened to at which stage, the mirror verdicts, the coaching, where each turn was
decided to be over, how well its words were heard, and how the session ended.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import subprocess
import sys
import tomllib
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w

from facilitator.cli import build_parser
from facilitator.runner import run_replay
from facilitator.speech import cue_sound
from facilitator.truth import (
    Check,
    HeardTurn,
    collapse,
    compare,
    expected_stages,
    heard_turns,
    read_truth,
)
from facilitator.workbench import turn_offset

pytestmark = pytest.mark.audio

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"

# Replayed whole: both roles, every kind of turn. weekend-phones has the blame rephrase,
# dishes a second pair of voices, appreciation the other dialogue.
WHOLE = ["weekend-phones", "dishes", "appreciation"]
# Variants keep the first turns of a session (a replay then ends with "script exhausted"),
# add noise, change the WAV format, or type one partner's turns.
VARIANTS = ["weekend-phones-noisy", "dishes-44k-stereo", "appreciation-48k-stereo",
            "appreciation-typed"]
SESSIONS = WHOLE + VARIANTS


def load_toml(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def listening_cue_seconds() -> float:
    """How far the session clock moves between `listen` and the first sample listened to."""
    samples, rate = cue_sound("listening")
    return len(samples) / rate + 0.3  # the echo tail: the microphone stays deaf 0.3 s


@dataclass
class Replay:
    truth: dict
    events: list[dict]
    check: Check | None  # None for a replay with no truth to hold it against

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["event"] == kind]

    def turns(self) -> list[HeardTurn]:
        return heard_turns(self.events)

    def describe(self) -> str:
        return "\n".join(
            f"  {k}. listened to {t.listen['partner']} at {t.listen['stage']}: "
            f"{t.heard['text']!r}" for k, t in enumerate(self.turns(), start=1))

    def differences(self, *kinds: str) -> str:
        """The differences of these kinds, one a line ("" when there are none)."""
        return "\n".join(f"  [{d.kind}] {d}" for d in self.check.of(*kinds))


def check_of(truth: dict, events: list[dict]) -> Check:
    return compare(truth, events, turn_offset=turn_offset(cues=True))


def run(manifest: Path, workdir: Path, *options: str, truth: dict | None = None) -> Replay:
    """``facilitator replay MANIFEST --fast --plain --no-save ...`` in this process."""
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "events.jsonl"
    argv = ["replay", str(manifest), "--fast", "--plain", "--no-save", "--events", str(log)]
    args = build_parser().parse_args([*argv, *options])
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert run_replay(args) == 0
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return Replay(truth or {}, events, None)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("replays")


@pytest.fixture(scope="module", autouse=True)
def private_config(workdir):
    # A replay remembers "slower" as a live session does: never in the tester's own settings.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACILITATOR_CONFIG", str(workdir / "config.toml"))
        yield


@pytest.fixture(scope="module")
def replayed(bundled_check):
    """session name -> its Replay, from the one run of ``replay audio_fixtures --check``."""

    @functools.cache
    def get(session: str) -> Replay:
        truth = read_truth(FIXTURES / session / "truth.toml")
        events = bundled_check.fixture(session)["events"]
        return Replay(truth, events, check_of(truth, events))

    return get


# ------------------------------------------------------------------ each session vs its truth


@pytest.mark.parametrize("session", SESSIONS)
def test_every_turn_is_heard_at_its_listening_point(replayed, session):
    replay = replayed(session)
    assert len(replay.of("heard")) == len(replay.truth["turn"]), replay.describe()
    assert not replay.check.of("listening"), (
        f"{session} went another way:\n{replay.differences('listening')}\n{replay.describe()}")


@pytest.mark.parametrize("session", SESSIONS)
def test_stages_are_reached_in_order_and_the_session_ends_as_scripted(replayed, session):
    replay = replayed(session)
    assert not replay.check.of("stages", "end"), (
        f"{replay.differences('stages', 'end')}\n{replay.describe()}")
    assert replay.check.ended == replay.check.expected_end
    assert len(replay.of("end")) == 1 and replay.events[-1]["event"] == "end"


@pytest.mark.parametrize("session", WHOLE)
def test_both_partners_take_both_roles(replayed, session):
    replay = replayed(session)
    switches = [e for e in replay.of("stage") if e["name"] == "switch"]
    first, second = replay.truth["names"]
    assert [(s["sender"], s["receiver"]) for s in switches] == [(second, first)]
    roles = {"sender": set(), "receiver": set()}
    for turn in replay.turns():
        roles.get(turn.listen["role"], set()).add(turn.listen["partner"])
    assert roles == {"sender": {first, second}, "receiver": {first, second}}


@pytest.mark.parametrize("session", SESSIONS)
def test_mirror_verdicts_come_in_the_scripted_order(replayed, session):
    replay = replayed(session)
    assert not replay.check.of("verdict"), replay.differences("verdict")
    fair = [t["verdict"] for t in replay.truth["turn"] if "verdict" in t]
    assert len(replay.of("mirror_check")) == len(fair), replay.describe()


@pytest.mark.parametrize("session", SESSIONS)
def test_coaching_comes_exactly_where_the_script_asks_for_it(replayed, session):
    replay = replayed(session)
    assert not replay.check.of("coach"), replay.differences("coach")
    for turn in replay.turns():
        for coach in [e for e in turn.after if e["event"] == "coach"]:
            # Coaching is spoken aloud, and never a score.
            assert coach["text"] in [e["text"] for e in turn.after if e["event"] == "say"]
            assert not any(ch.isdigit() for ch in coach["text"]) and "%" not in coach["text"]


@pytest.mark.parametrize("session", SESSIONS)
def test_each_turn_is_decided_over_soon_after_its_speech_and_never_inside_it(replayed, session):
    replay = replayed(session)
    assert not replay.check.of("cut-in", "turn end"), replay.differences("cut-in", "turn end")


@pytest.mark.parametrize("session", SESSIONS)
def test_each_turn_is_heard_with_few_word_errors(replayed, session):
    replay = replayed(session)
    assert not replay.check.of("words"), replay.differences("words")


@pytest.mark.parametrize("session", SESSIONS)
def test_heard_turns_carry_consistent_times_on_the_session_clock(replayed, session):
    replay = replayed(session)
    times = [e["t"] for e in replay.events]
    assert times == sorted(times) and times[0] >= 0
    compared = [d for d in replay.check.turns if d.compared]
    assert len(compared) == len(replay.truth["turn"])
    for turn, detail, heard in zip(replay.truth["turn"], compared, replay.turns(), strict=True):
        if turn.get("typed"):
            assert detail.heard == turn["text"]
            assert detail.decided_at is None  # typed text has no speech times
            continue
        assert heard.listen["t"] <= detail.speech_start <= detail.speech_end
        assert detail.speech_end <= detail.decided_at <= heard.heard["t"], heard.heard
        # The turn WAV starts after the listening cue, its echo tail and the lead-in, so
        # the speech the truth measured in the WAV must be found exactly there.
        slack = 0.3 if replay.truth.get("snr_db") else 0.1
        assert detail.speech_start == pytest.approx(detail.true_start, abs=slack), detail
        assert detail.speech_end == pytest.approx(detail.true_end, abs=slack + 0.1), detail


def test_typed_turns_are_taken_word_for_word_beside_spoken_ones(replayed):
    replay = replayed("appreciation-typed")
    pairs = list(zip(replay.truth["turn"], replay.of("heard"), strict=True))
    typed = [heard for turn, heard in pairs if turn.get("typed")]
    spoken = [heard for turn, heard in pairs if not turn.get("typed")]
    assert typed and spoken
    assert {heard["partner"] for heard in typed} == {replay.truth["typed"]}
    assert all("decided_at" in heard for heard in spoken)


# ----------------------------------------------------------------- one continuous recording


@pytest.mark.parametrize("recording", ["appreciation/session.wav", "formats/session.m4a"])
def test_the_session_recording_replays_as_scripted(workdir, recording):
    """--recording session.wav: one continuous recording of the whole session instead of a
    turn per listen. The facilitator's speech skips the recording on (half duplex), so each
    turn must still be found at its listening point. The same session as a phone's voice
    memo (48 kHz stereo AAC) must be heard the same way, at the same times."""
    session = "appreciation"
    truth = load_toml(FIXTURES / session / "truth.toml")
    replay = run(FIXTURES / session / "manifest.toml", workdir / recording.replace("/", "-"),
                 "--dialogue", truth["dialogue"], "--recording", str(FIXTURES / recording),
                 truth=truth)
    got = [(t.listen["partner"], t.listen["stage"]) for t in replay.turns()]
    assert got == [(t["partner"], t["stage"]) for t in truth["turn"]], replay.describe()
    assert [e["verdict"] for e in replay.of("mirror_check")] == [
        t["verdict"] for t in truth["turn"] if "verdict" in t]
    assert replay.events[-1]["reason"] == "complete"
    for turn, heard in zip(truth["turn"], replay.turns(), strict=True):
        # On the recording's own clock the speech is where the truth says it is.
        heard = heard.heard
        assert heard["speech_start"] == pytest.approx(turn["start"], abs=0.1), heard
        assert heard["speech_end"] == pytest.approx(turn["end"], abs=0.2), heard


def test_a_session_with_each_turn_in_another_format_replays_as_scripted(workdir):
    """audio_fixtures/formats/appreciation.toml: the appreciation turns as FLAC, Ogg Vorbis,
    Opus, MP3, M4A, mu-law, A-law and 8-bit WAV. Heard where and as the WAVs are."""
    truth = load_toml(FIXTURES / "appreciation" / "truth.toml")
    replay = run(FIXTURES / "formats" / "appreciation.toml", workdir / "formats", truth=truth)
    got = [(t.listen["partner"], t.listen["stage"]) for t in replay.turns()]
    assert got == [(t["partner"], t["stage"]) for t in truth["turn"]], replay.describe()
    assert [e["verdict"] for e in replay.of("mirror_check")] == [
        t["verdict"] for t in truth["turn"] if "verdict" in t]
    assert replay.events[-1]["reason"] == "complete"


# ----------------------------------------------------- the command line, --record-facilitator


def test_replay_command_records_the_facilitator_in_step_with_the_session(replayed, tmp_path):
    """The real entry point in its own process: --record-facilitator writes a 16 kHz WAV as
    long as the session clock, and the replay hears what --check heard in its workers."""
    session = "dishes-44k-stereo"
    wav_path = tmp_path / "facilitator.wav"
    log = tmp_path / "events.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "replay",
         str(FIXTURES / session / "manifest.toml"), "--fast", "--no-save",
         "--events", str(log), "--record-facilitator", str(wav_path)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "FACILITATOR_CONFIG": str(tmp_path / "config.toml")},
    )
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in log.read_text().splitlines()]
    with wave.open(str(wav_path), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        seconds = w.getnframes() / w.getframerate()
    assert seconds == pytest.approx(events[-1]["t"], abs=1.0)
    assert events[-1] == {**events[-1], "event": "end", "reason": "script exhausted"}
    # Replays are deterministic: the same words as in the check's worker process.
    assert [e["text"] for e in events if e["event"] == "heard"] == [
        e["text"] for e in replayed(session).of("heard")]


def test_a_manifest_that_names_its_dialogue_is_replayed_as_that_dialogue(tmp_path):
    """The appreciation turns, typed, in a manifest saying dialogue = "appreciation": no
    --dialogue needed, and no speech model work (typed turns are taken as they are)."""
    truth = load_toml(FIXTURES / "appreciation" / "truth.toml")
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(tomli_w.dumps({
        "names": truth["names"],
        "dialogue": "appreciation",
        "turn": [{"text": t["text"]} for t in truth["turn"]],
    }))
    replay = run(manifest, tmp_path)
    assert collapse([e["name"] for e in replay.of("stage")]) == expected_stages(truth)
    assert replay.events[-1]["reason"] == "complete"
    assert [e["verdict"] for e in replay.of("mirror_check")] == ["complete"] * 4


def test_a_manifest_naming_an_unknown_dialogue_is_a_one_line_error(tmp_path):
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(tomli_w.dumps({
        "names": ["Ana", "Ben"], "dialogue": "debate", "turn": [{"text": "Hello."}]}))
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "replay", str(manifest), "--fast", "--no-save"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**os.environ, "FACILITATOR_CONFIG": str(tmp_path / "config.toml")},
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "debate" in proc.stderr and "manifest.toml" in proc.stderr
