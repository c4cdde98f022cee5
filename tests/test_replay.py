"""Whole sessions replayed through the real pipeline and held against their truth files.

Each bundled manifest runs as ``facilitator replay --fast`` runs it: real webrtcvad, the
endpointer, faster-whisper with the bundled tiny.en model, the dialogue engine, and the
facilitator's voice synthesized into a silent sink (its length still moves the session
clock). The replays run in this process, where the loaded model is shared, so the file costs
about what the transcription costs. Each session is replayed once and every test below reads
its event log.

What a replay must show, turn by turn, is in the fixture's truth.toml: who is listened to
at which stage, the mirror verdicts in order, the coaching, the end, and where in time the
speech was heard.
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

pytestmark = pytest.mark.audio

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
LEAD_IN = 0.5  # ScriptedSource's quiet before each turn

# Replayed whole: both roles, every kind of turn. weekend-phones has the blame rephrase,
# dishes a second pair of voices, appreciation the other dialogue.
WHOLE = ["weekend-phones", "dishes", "appreciation"]
# Variants keep the first turns of a session (a replay then ends with "script exhausted") or
# type one partner's turns. The noisy one is cut further, after its blame rephrase and its
# partial then complete mirror: the rest is the clean session's course again.
VARIANTS = {
    "weekend-phones-noisy": 6,
    "dishes-44k-stereo": None,
    "appreciation-48k-stereo": None,
    "appreciation-typed": None,
}
SESSIONS = WHOLE + list(VARIANTS)


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
    code: int
    out: str  # the --plain output

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["event"] == kind]

    def turns(self) -> list[tuple[dict, dict, list[dict]]]:
        """(listen, heard, what followed until the next listen) for each heard turn."""
        result = []
        listen = None
        for k, e in enumerate(self.events):
            if e["event"] == "listen":
                listen = e
            elif e["event"] == "heard":
                after = []
                for later in self.events[k + 1:]:
                    if later["event"] == "listen":
                        break
                    after.append(later)
                result.append((listen, e, after))
        return result

    def on_course(self) -> list[tuple[dict, tuple[dict, dict, list[dict]]]]:
        """(truth turn, turn) for the turns heard where the script meant them to be, up to
        the first that was not. Once a replay leaves its script, say after a misheard word
        changed a verdict, the later turns are judged at other points and checking them
        would only repeat the one failure that says why."""
        pairs = []
        for turn, heard in zip(self.truth["turn"], self.turns(), strict=False):
            if listening_point(heard[0]) != expected_point(turn):
                break
            pairs.append((turn, heard))
        return pairs

    def describe(self) -> str:
        return "\n".join(
            f"  {k}. listened to {listen['partner']} at {listen['stage']}: {heard['text']!r}"
            for k, (listen, heard, _) in enumerate(self.turns(), start=1)
        )


def run(manifest: Path, workdir: Path, *options: str, truth: dict | None = None) -> Replay:
    """``facilitator replay MANIFEST --fast --plain --no-save ...`` in this process."""
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "events.jsonl"
    argv = ["replay", str(manifest), "--fast", "--plain", "--no-save", "--events", str(log)]
    args = build_parser().parse_args([*argv, *options])
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = run_replay(args)
    events = [json.loads(line) for line in log.read_text().splitlines()]
    return Replay(truth or {}, events, code, out.getvalue())


def first_turns(session: str, count: int, folder: Path) -> tuple[Path, dict]:
    """A manifest and truth holding only the first ``count`` turns of a fixture."""
    source = FIXTURES / session
    manifest = load_toml(source / "manifest.toml")
    turns = [
        {"audio": str((source / t["audio"]).resolve())} if "audio" in t else {"text": t["text"]}
        for t in manifest["turn"][:count]
    ]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "manifest.toml"
    path.write_text(tomli_w.dumps({"names": manifest["names"], "turn": turns}))
    truth = load_toml(source / "truth.toml")
    truth = {**truth, "turn": truth["turn"][:count], "whole_session": False}
    return path, truth


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
def replayed(workdir):
    """session name -> its Replay, each run once for the whole module."""

    @functools.cache
    def get(session: str) -> Replay:
        count = VARIANTS.get(session)
        if count:
            manifest, truth = first_turns(session, count, workdir / f"{session}-cut")
        else:
            manifest = FIXTURES / session / "manifest.toml"
            truth = load_toml(FIXTURES / session / "truth.toml")
        return run(manifest, workdir / session, "--dialogue", truth["dialogue"], truth=truth)

    return get


def listening_point(listen: dict) -> tuple:
    return listen["partner"], listen["role"], listen["stage"]


def expected_point(turn: dict) -> tuple:
    if turn.get("paused"):  # while paused the facilitator listens to either partner
        return None, "either", turn["stage"]
    return turn["partner"], turn["role"], turn["stage"]


def expected_end(truth: dict) -> str:
    if truth["turn"][-1].get("command") == "stop":
        return "stopped"
    return "complete" if truth["whole_session"] else "script exhausted"


def expected_stages(truth: dict) -> list[str]:
    """The stage of every turn in order, with the role switch where the sender changes."""
    names = truth["names"]
    stages: list[str] = []
    sender = names[0]
    for turn in truth["turn"]:
        if turn["role"] in ("sender", "receiver"):
            other = next(n for n in names if n != turn["partner"])
            turn_sender = turn["partner"] if turn["role"] == "sender" else other
            if turn_sender != sender:
                stages.append("switch")
                sender = turn_sender
        stages.append(turn["stage"])
    return collapse(stages)


def collapse(items: list[str]) -> list[str]:
    """Repeats in a row are one: a stage is announced again after "resume" or "back"."""
    return [x for k, x in enumerate(items) if k == 0 or items[k - 1] != x]


# ------------------------------------------------------------------ each session vs its truth


@pytest.mark.parametrize("session", SESSIONS)
def test_every_turn_is_heard_at_its_listening_point(replayed, session):
    replay = replayed(session)
    assert len(replay.of("heard")) == len(replay.truth["turn"]), replay.describe()
    got = [listening_point(listen) for listen, _, _ in replay.turns()]
    want = [expected_point(turn) for turn in replay.truth["turn"]]
    assert got == want, f"{session} went another way:\n{replay.describe()}"
    assert replay.code == 0


@pytest.mark.parametrize("session", SESSIONS)
def test_stages_are_reached_in_order_and_the_session_ends_as_scripted(replayed, session):
    replay = replayed(session)
    last_heard = max(k for k, e in enumerate(replay.events) if e["event"] == "heard")
    stages = [e["name"] for e in replay.events[:last_heard] if e["event"] == "stage"]
    assert collapse(stages) == expected_stages(replay.truth), replay.describe()
    if replay.truth["whole_session"]:
        assert not [e for e in replay.events[last_heard:] if e["event"] == "stage"]
    end = expected_end(replay.truth)
    assert replay.events[-1] == {**replay.events[-1], "event": "end", "reason": end}
    assert len(replay.of("end")) == 1
    assert replay.out.splitlines()[-1] == f"Session ended: {end}."


@pytest.mark.parametrize("session", WHOLE)
def test_both_partners_take_both_roles(replayed, session):
    replay = replayed(session)
    switches = [e for e in replay.of("stage") if e["name"] == "switch"]
    first, second = replay.truth["names"]
    assert [(s["sender"], s["receiver"]) for s in switches] == [(second, first)]
    roles = {"sender": set(), "receiver": set()}
    for listen, _, _ in replay.turns():
        roles.get(listen["role"], set()).add(listen["partner"])
    assert roles == {"sender": {first, second}, "receiver": {first, second}}


@pytest.mark.parametrize("session", SESSIONS)
def test_mirror_verdicts_come_in_the_scripted_order(replayed, session):
    replay = replayed(session)
    # "partial" is the fair verdict on the scripted words; when the model drops one of the
    # few words the receiver did catch, the check says "missed". Both get the same kind
    # feedback and another try, so either keeps the session on its course.
    allowed = {"complete": [["complete"]], "partial": [["partial"], ["missed"]], None: [[]]}
    for k, (turn, (_, heard, after)) in enumerate(replay.on_course(), start=1):
        verdicts = [e["verdict"] for e in after if e["event"] == "mirror_check"]
        assert verdicts in allowed[turn.get("verdict")], (
            f"turn {k} ({turn['stage']}): {verdicts}, fair is {turn.get('verdict')}\n"
            f"  heard: {heard['text']!r}\n  meant: {turn['text']!r}")
    fair = [t["verdict"] for t in replay.truth["turn"] if "verdict" in t]
    assert len(replay.of("mirror_check")) == len(fair), replay.describe()


@pytest.mark.parametrize("session", SESSIONS)
def test_coaching_comes_exactly_where_the_script_asks_for_it(replayed, session):
    replay = replayed(session)
    for k, (turn, (_, heard, after)) in enumerate(replay.on_course(), start=1):
        coached = [e for e in after if e["event"] == "coach"]
        want = []
        if turn.get("coach") == "blame":
            want = ["blame"]
        elif turn.get("verdict") == "partial":
            want = ["summary" if turn["stage"] == "summary" else "mirror"]
        assert [e["kind"] for e in coached] == want, f"turn {k}: {heard['text']!r}"
        for coach in coached:
            # Coaching is spoken aloud, and never a score.
            assert coach["text"] in [e["text"] for e in after if e["event"] == "say"]
            assert not any(ch.isdigit() for ch in coach["text"]) and "%" not in coach["text"]


@pytest.mark.parametrize("session", SESSIONS)
def test_heard_turns_carry_consistent_times_on_the_session_clock(replayed, session):
    replay = replayed(session)
    times = [e["t"] for e in replay.events]
    assert times == sorted(times) and times[0] >= 0
    for turn, (listen, heard, _) in replay.on_course():
        if turn.get("typed"):
            assert heard["text"] == turn["text"]
            assert "speech_start" not in heard  # typed text has no speech times
            continue
        start, end, decided = heard["speech_start"], heard["speech_end"], heard["decided_at"]
        assert listen["t"] <= start <= end <= decided <= heard["t"], heard
        # The turn WAV starts after the listening cue, its echo tail and the lead-in, so
        # the speech the truth measured in the WAV must be found exactly there.
        wav_start = listen["t"] + listening_cue_seconds() + LEAD_IN
        slack = 0.3 if replay.truth.get("snr_db") else 0.1
        assert start == pytest.approx(wav_start + turn["speech_start"], abs=slack), heard
        assert end == pytest.approx(wav_start + turn["speech_end"], abs=slack + 0.1), heard


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
    got = [(listen["partner"], listen["stage"]) for listen, _, _ in replay.turns()]
    assert got == [(t["partner"], t["stage"]) for t in truth["turn"]], replay.describe()
    assert [e["verdict"] for e in replay.of("mirror_check")] == [
        t["verdict"] for t in truth["turn"] if "verdict" in t]
    assert replay.events[-1]["reason"] == "complete"
    for turn, (_, heard, _) in zip(truth["turn"], replay.turns(), strict=True):
        # On the recording's own clock the speech is where the truth says it is.
        assert heard["speech_start"] == pytest.approx(turn["start"], abs=0.1), heard
        assert heard["speech_end"] == pytest.approx(turn["end"], abs=0.2), heard


def test_a_session_with_each_turn_in_another_format_replays_as_scripted(workdir):
    """audio_fixtures/formats/appreciation.toml: the appreciation turns as FLAC, Ogg Vorbis,
    Opus, MP3, M4A, mu-law, A-law and 8-bit WAV. Heard where and as the WAVs are."""
    truth = load_toml(FIXTURES / "appreciation" / "truth.toml")
    replay = run(FIXTURES / "formats" / "appreciation.toml", workdir / "formats", truth=truth)
    got = [(listen["partner"], listen["stage"]) for listen, _, _ in replay.turns()]
    assert got == [(t["partner"], t["stage"]) for t in truth["turn"]], replay.describe()
    assert [e["verdict"] for e in replay.of("mirror_check")] == [
        t["verdict"] for t in truth["turn"] if "verdict" in t]
    assert replay.events[-1]["reason"] == "complete"


# ----------------------------------------------------- the command line, --record-facilitator


def test_replay_command_records_the_facilitator_in_step_with_the_session(replayed, tmp_path):
    """The real entry point in its own process: --record-facilitator writes a 16 kHz WAV as
    long as the session clock, and the replay hears what it heard in this process."""
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
    # Replays are deterministic: the same words as in the in-process replay.
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
