"""``facilitator replay PATH... --check``: the testers' workbench, as they and CI run it.

The bundled fixtures are checked once by the real command in its own process
(tests/conftest.py, ``bundled_check``). A small folder built here, with a failure, a crash
and a fixture without truth, is checked once more with stderr on a terminal, where the
progress bar shows. Typed fixtures cover a worker that dies and one fixture's voice
settings; options that make no sense stop before anything is replayed.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import threading
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import tomli_w

from facilitator import speech
from facilitator.cli import build_parser, main
from facilitator.workbench import (
    FixtureResult,
    Progress,
    Replayer,
    _give_memory_back,
    find_fixtures,
    result_line,
    run_fixtures,
    wants_progress,
    worker_environment,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"
BUNDLED = sorted(p.parent.name for p in FIXTURES.glob("*/manifest.toml"))
SUMMARY = re.compile(
    r"^(\d+) fixtures?: (\d+) passed(?:, (\d+) failed)?(?:, (\d+) crashed)?"
    r"(?: \((\d+) without truth, replayed only\))? in [\d.]+ s with (\d+) workers?; "
    r"slowest \S+ \([\d.]+ s\)$")


def load_toml(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def copy_fixture(session: str, folder: Path, *, truth: dict | None = None) -> Path:
    """A bundled fixture in another folder: its manifest (audio paths made absolute) and
    its truth, or ``truth`` instead."""
    folder.mkdir(parents=True)
    manifest = load_toml(FIXTURES / session / "manifest.toml")
    for turn in manifest["turn"]:
        if "audio" in turn:
            turn["audio"] = str((FIXTURES / session / turn["audio"]).resolve())
    (folder / "manifest.toml").write_text(tomli_w.dumps(manifest))
    truth = truth if truth is not None else load_toml(FIXTURES / session / "truth.toml")
    (folder / "truth.toml").write_text(tomli_w.dumps(truth))
    return folder / "manifest.toml"


def typed_fixture(folder: Path, *, with_truth: bool, extra: list[str] = ()) -> Path:
    """The appreciation dialogue with every turn typed: replayed in a second or two."""
    truth = load_toml(FIXTURES / "appreciation" / "truth.toml")
    folder.mkdir(parents=True)
    turns = [{"text": line} for line in extra] + [{"text": t["text"]} for t in truth["turn"]]
    (folder / "manifest.toml").write_text(tomli_w.dumps(
        {"names": truth["names"], "dialogue": "appreciation", "turn": turns}))
    if with_truth:
        for turn in truth["turn"]:
            turn.pop("audio", None)
            turn["typed"] = True
        (folder / "truth.toml").write_text(tomli_w.dumps(truth))
    return folder / "manifest.toml"


def run_on_a_terminal(args: list[str], config: Path, *, tmpdir: Path | None = None
                      ) -> tuple[int, str, str]:
    """The command with stderr on a pseudo-terminal and stdout on a pipe."""
    leader, follower = pty.openpty()
    env = {**os.environ, "FACILITATOR_CONFIG": str(config), "COLUMNS": "100"}
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    proc = subprocess.Popen([sys.executable, "-m", "facilitator", *args],
                            stdout=subprocess.PIPE, stderr=follower, cwd=ROOT, env=env)
    os.close(follower)
    seen = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=600)
    reader.join(5)
    os.close(leader)
    return proc.returncode, out.decode(), seen.decode(errors="replace")


# ------------------------------------------------------------ the bundled fixtures, as CI


@pytest.mark.audio
def test_the_check_passes_every_bundled_fixture_one_line_each(bundled_check):
    assert bundled_check.code == 0, bundled_check.stdout + bundled_check.stderr
    lines = bundled_check.stdout.splitlines()
    assert len(lines) == len(BUNDLED) + 1
    for line, session in zip(lines, BUNDLED, strict=False):
        assert re.match(rf"PASS +audio_fixtures/{re.escape(session)} +\d+ turns, ended ", line)
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert summary.group(1) == summary.group(2) == str(len(BUNDLED))
    # Not a terminal: no progress bar, nothing at all on stderr.
    assert bundled_check.stderr == ""


@pytest.mark.audio
def test_the_check_leaves_the_testers_own_settings_alone(bundled_check):
    # The commands fixture says "slower" and "faster"; a live session would remember that.
    commands = bundled_check.fixture("commands")
    assert [e["name"] for e in commands["events"] if e["event"] == "command"][:4] != []
    assert not bundled_check.config.exists()


@pytest.mark.audio
def test_the_json_report_has_every_turn_with_its_times(bundled_check):
    report = bundled_check.report
    assert report["summary"] == {"fixtures": len(BUNDLED), "passed": len(BUNDLED),
                                 "failed": 0, "crashed": 0, "replayed": 0, "ok": True}
    assert [Path(f["name"]).name for f in report["fixtures"]] == BUNDLED
    for fixture in report["fixtures"]:
        truth = load_toml(ROOT / fixture["truth"])
        assert fixture["status"] == "passed" and fixture["differences"] == []
        assert fixture["ended"] == fixture["expected_end"]
        timings = fixture["timings"]
        # How fast a replay runs is the benchmark's to say (bench/bench_check.py), not a test's.
        assert timings["replay_seconds"] > 0
        assert timings["session_seconds"] == fixture["events"][-1]["t"]
        assert 0 < timings["cpu_seconds"]
        assert fixture["worker"]["pid"] and fixture["worker"]["peak_mb"] > 50
        assert [t["index"] for t in fixture["turns"]] == [t["index"] for t in truth["turn"]]
        for turn, scripted in zip(fixture["turns"], truth["turn"], strict=True):
            assert turn["compared"] and turn["ok"] and turn["text"] == scripted["text"]
            assert turn["heard"] and 0 <= turn["wer"] <= 1
            if scripted.get("typed"):
                assert turn["decided_at"] is None
            else:
                assert turn["latency"] == pytest.approx(
                    turn["decided_at"] - turn["true_end"], abs=0.002)
        assert fixture["events"][-1]["event"] == "end"


@pytest.mark.audio
def test_the_junit_report_is_what_ci_reads(bundled_check):
    suites = ET.parse(bundled_check.junit).getroot()
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == (
        str(len(BUNDLED)), "0", "0")
    cases = suites.findall("./testsuite/testcase")
    assert [Path(c.get("name")).name for c in cases] == BUNDLED
    for case in cases:
        assert float(case.get("time")) > 0
        assert case.find("failure") is None and case.find("error") is None
        fixture = bundled_check.fixture(Path(case.get("name")).name)
        out = case.find("system-out").text.splitlines()
        assert len(out) == len(fixture["turns"])
        assert all(line.startswith("ok ") for line in out)


# ------------------------------------------------------------ what a failure looks like


@pytest.fixture(scope="module")
def mixed_check(tmp_path_factory) -> dict:
    """A folder holding a fixture that passes, one whose truth says otherwise, one without
    truth and one that cannot be replayed, checked once by the command in its own process
    with stderr on a terminal, as a tester watching it would run it."""
    work = tmp_path_factory.mktemp("mixed")
    fixtures = work / "fixtures"
    copy_fixture("appreciation-48k-stereo", fixtures / "good")
    wrong = load_toml(FIXTURES / "appreciation-48k-stereo" / "truth.toml")
    wrong["turn"][1].update(verdict="partial", missed=["laugh"])
    copy_fixture("appreciation-48k-stereo", fixtures / "wrong", truth=wrong)
    typed_fixture(fixtures / "untold", with_truth=False)
    (fixtures / "broken").mkdir()
    (fixtures / "broken" / "manifest.toml").write_text(tomli_w.dumps({
        "names": ["Ana", "Ben"],
        "turn": [{"audio": str(FIXTURES / "edge" / "not_a_wav.wav")}]}))
    scratch = work / "tmp"
    scratch.mkdir()
    code, out, terminal = run_on_a_terminal(
        ["replay", str(fixtures), "--check", "--jobs", "1", "--report",
         str(work / "report.json"), "--report", str(work / "report.xml")],
        work / "config.toml", tmpdir=scratch)
    return {"code": code, "out": out, "terminal": terminal, "fixtures": fixtures,
            "report": work / "report.json", "junit": work / "report.xml", "scratch": scratch}


@pytest.mark.audio
def test_a_failure_a_crash_and_a_fixture_without_truth(mixed_check):
    fixtures = mixed_check["fixtures"]
    assert mixed_check["code"] == 1, mixed_check["terminal"]
    lines = mixed_check["out"].splitlines()
    # In the order found, each named by its folder; the first difference is named.
    assert [line.split()[:2] for line in lines[:4]] == [
        ["CRASH", f"{fixtures}/broken"], ["PASS", f"{fixtures}/good"],
        ["RAN", f"{fixtures}/untold"], ["FAIL", f"{fixtures}/wrong"]]
    assert "not_a_wav.wav" in lines[0]
    assert "Traceback" not in mixed_check["out"] + mixed_check["terminal"]
    assert "no truth.toml: replayed only, ended complete" in lines[2]
    assert "turn 2: verdict complete, truth partial (heard " in lines[3]
    assert "(+1 more)" in lines[3]  # the coaching a partial mirror would have had
    summary = SUMMARY.match(lines[4])
    assert summary and summary.groups() == ("4", "2", "1", "1", "1", "1"), lines[4]
    assert len(lines) == 5

    report = mixed_check["report"]
    data = json.loads(report.read_text())
    status = {Path(f["name"]).name: f["status"] for f in data["fixtures"]}
    assert status == {"broken": "crashed", "good": "passed", "untold": "replayed",
                      "wrong": "failed"}
    wrong_entry = next(f for f in data["fixtures"] if f["status"] == "failed")
    assert [(d["kind"], d["turn"]) for d in wrong_entry["differences"]] == [
        ("verdict", 2), ("coach", 2)]
    assert [t["ok"] for t in wrong_entry["turns"]] == [True, False]
    assert data["summary"]["ok"] is False

    cases = {Path(c.get("name")).name: c
             for c in ET.parse(mixed_check["junit"]).getroot().iter("testcase")}
    assert cases["wrong"].find("failure").get("type") == "verdict"
    assert "turn 2: verdict complete" in cases["wrong"].find("failure").get("message")
    assert "not_a_wav.wav" in cases["broken"].find("error").get("message")
    assert cases["good"].find("failure") is None and cases["untold"].find("failure") is None
    assert oct(report.stat().st_mode & 0o777) == oct(0o600)  # transcripts: the user's alone
    # The worker closed its voice on the way out: no speech engine's scratch folder is left.
    assert list(mixed_check["scratch"].glob("facilitator-speech-*")) == []


def test_a_worker_that_dies_is_named_and_the_others_carry_on(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    for name in ("a", "b"):
        typed_fixture(tmp_path / name, with_truth=True)
    fixtures = find_fixtures([str(tmp_path)])
    args = build_parser().parse_args(["replay", str(tmp_path), "--check"])
    killed = []

    def kill_the_first_replay(running: dict) -> None:
        if running and not killed:
            [worker] = multiprocessing.active_children()
            os.kill(worker.pid, signal.SIGKILL)
            killed.append(next(iter(running)))

    results = run_fixtures(fixtures, args, jobs=1, on_tick=kill_the_first_replay)
    by_name = {r.name: r for r in results}
    assert by_name[killed[0]].status == "crashed"
    assert by_name[killed[0]].crash == "the replay's worker process died (killed by SIGKILL)"
    assert "the replay's worker process died" in result_line(by_name[killed[0]], 10)
    others = [r for r in results if r.name != killed[0]]
    assert [r.status for r in others] == ["passed"]
    assert others[0].worker != by_name[killed[0]].worker  # a new worker took over
    assert not multiprocessing.active_children()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads Linux's /proc")
def test_workers_share_the_cores_numpy_threads_included(tmp_path, monkeypatch):
    # numpy's OpenBLAS would start a thread per core in every worker, each spinning after
    # its products (which are small): two workers on two cores would keep four threads
    # busy. And one malloc heap: the speech model's thread would keep one of its own at its
    # largest clip.
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    for name in ("a", "b"):
        typed_fixture(tmp_path / name, with_truth=False)
    args = build_parser().parse_args(["replay", str(tmp_path), "--check"])
    seen = {}

    def look_at_the_workers(running: dict) -> None:
        for worker in multiprocessing.active_children():
            try:
                # between fork and exec the child still shows the parent's first environment:
                # only the started worker (spawn_main) says what it runs with
                if b"spawn_main" not in Path(f"/proc/{worker.pid}/cmdline").read_bytes():
                    continue
                environ = Path(f"/proc/{worker.pid}/environ").read_bytes().split(b"\0")
            except OSError:  # it has just ended
                continue
            seen[worker.pid] = sorted(v for v in environ if v.startswith(
                (b"OPENBLAS_NUM_THREADS=", b"MALLOC_ARENA_MAX=")))

    results = run_fixtures(find_fixtures([str(tmp_path)]), args, jobs=2,
                           on_tick=look_at_the_workers)
    assert [r.status for r in results] == ["replayed", "replayed"]
    assert len(seen) == 2
    assert all(v == [b"MALLOC_ARENA_MAX=1", b"OPENBLAS_NUM_THREADS=1"] for v in seen.values())
    # the tester's own shell is left as it was, and a value they set is theirs
    assert "OPENBLAS_NUM_THREADS" not in os.environ and "MALLOC_ARENA_MAX" not in os.environ
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    assert worker_environment() == {"MALLOC_ARENA_MAX": "1"}


def test_one_fixture_saying_slower_does_not_slow_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    slower = typed_fixture(tmp_path / "slower", with_truth=False, extra=["slower"])
    plain = typed_fixture(tmp_path / "plain", with_truth=False)
    args = build_parser().parse_args(["replay", str(tmp_path), "--check"])
    spoken_at = []
    synthesize = speech.Voice.synthesize

    def spy(self, text):
        spoken_at.append(self.rate)
        return synthesize(self, text)

    monkeypatch.setattr(speech.Voice, "synthesize", spy)
    replayer = Replayer(args)
    try:
        events, _ = replayer.replay(slower)
        assert [e["name"] for e in events if e["event"] == "command"] == ["slower"]
        assert spoken_at[-1] == args.rate - speech.RATE_STEP
        spoken_at.clear()
        replayer.replay(plain)
        assert set(spoken_at) == {args.rate}
    finally:
        replayer.close()
    assert not (tmp_path / "config.toml").exists()  # nor is it remembered for the tester


def test_a_worker_forgets_each_sessions_texts_and_replays_the_next_as_if_alone(tmp_path,
                                                                            monkeypatch):
    # A worker going through a hundred fixtures must hold one session's texts, not every
    # session's: the caches that remember texts are emptied between fixtures, the tables
    # loaded once are kept, and a replay after it is the same as one in a fresh worker.
    from facilitator.understanding import commands, default, lexicon

    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    first = typed_fixture(tmp_path / "first", with_truth=False)
    args = build_parser().parse_args(["replay", str(tmp_path), "--check"])
    replayer = Replayer(args)
    try:
        events, _ = replayer.replay(first)
        model = default().model
        assert len(model._cache) > 0 and commands.units.cache_info().currsize > 0
        assert lexicon._lexicon.cache_info().currsize == 1
        _give_memory_back()
        assert len(model._cache) == 0
        assert commands.units.cache_info().currsize == 0
        assert commands._read.cache_info().currsize == 0
        assert lexicon._lexicon.cache_info().currsize == 1  # loaded once, kept
        again, _ = replayer.replay(first)
    finally:
        replayer.close()
    assert [(e["event"], e.get("text")) for e in again] == [
        (e["event"], e.get("text")) for e in events]


# ------------------------------------------------------------ the progress bar


@pytest.mark.audio
def test_the_progress_bar_shows_on_a_terminal_and_is_wiped_before_the_summary(mixed_check):
    terminal, out = mixed_check["terminal"], mixed_check["out"]
    assert "\r[" in terminal and "4/4, 2 not passed" in terminal and "slowest: " in terminal
    assert re.search(r"\d+:\d\d", terminal)  # the elapsed time
    assert terminal.endswith("\r\x1b[K")  # wiped before the summary
    assert "\r" not in out and "\x1b" not in out  # results stay plain text


def test_no_bar_in_a_log_or_with_plain():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    args = build_parser().parse_args(["replay", "audio_fixtures", "--check"])
    assert wants_progress(args, Terminal())
    assert not wants_progress(args, io.StringIO())  # a pipe or a file, as CI has
    # --plain (screen readers, braille displays): no redrawn line even on a terminal.
    plain = build_parser().parse_args(["replay", "audio_fixtures", "--check", "--plain"])
    assert not wants_progress(plain, Terminal())


def test_the_bar_names_the_elapsed_time_and_the_slowest_fixture():
    progress = Progress(100, stream=io.StringIO())
    progress.started -= 83
    progress.finished(FixtureResult("audio_fixtures/dishes", "m", None, "passed", 14.2))
    progress.finished(FixtureResult("audio_fixtures/edge-case", "m", None, "failed", 2.0))
    text = progress.text(100)
    assert re.fullmatch(r"\[#{1,2}\.+\] 2/100, 1 not passed  1:23  slowest: "
                        r"audio_fixtures/dishes 14 s", text), text
    # A fixture still running past the slowest one is the slowest so far.
    progress.tick({"audio_fixtures/long": 20.4})
    assert progress.text(100).endswith("slowest: audio_fixtures/long 20 s")
    assert len(progress.text(40)) < 40


# ------------------------------------------------------------ finding fixtures, options


def test_fixtures_are_found_under_folders_once_each(tmp_path, monkeypatch):
    typed_fixture(tmp_path / "set" / "b", with_truth=True)
    typed_fixture(tmp_path / "set" / "a" / "deeper", with_truth=False)
    single = typed_fixture(tmp_path / "other", with_truth=False)
    shutil.copy(single, tmp_path / "other" / "extra.toml")
    monkeypatch.chdir(tmp_path)
    found = find_fixtures(["set", str(single), "set/b", "other/extra.toml"])
    assert [f.name for f in found] == ["set/a/deeper", "set/b", "other", "other/extra.toml"]
    assert [f.truth is not None for f in found] == [False, True, False, False]


@pytest.mark.parametrize(("argv", "message"), [
    (["nowhere", "--check"], "nowhere: no such manifest or folder"),
    (["tests", "--check"], "tests: no manifest.toml in this folder or below"),
    (["audio_fixtures", "--check", "--report", "out.txt"],
     "--report out.txt: must be a file name ending in .xml (JUnit XML) or .json"),
    (["audio_fixtures", "--check", "--report", "no/such/out.xml"], "folder no/such does not"),
    (["audio_fixtures", "--check", "--jobs", "0"], "--jobs 0: must be a whole number from 1"),
    (["audio_fixtures", "--check", "--events", "x.jsonl"], "--events: not with --check"),
    (["audio_fixtures", "--check", "--recording", "x.wav"], "--recording: not with --check"),
    (["audio_fixtures", "--check", "--silence-timeout", "1"], "--silence-timeout 1: must be"),
    (["audio_fixtures", "--check", "--rate", "999"], "--rate 999: must be"),
    (["a/manifest.toml", "b/manifest.toml"], "give one manifest, or add --check"),
    (["audio_fixtures/dishes/manifest.toml", "--report", "x.xml"], "--report: only with"),
])
def test_options_that_make_no_sense_are_one_line_errors(argv, message, capsys, monkeypatch,
                                                        tmp_path):
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.chdir(ROOT)
    assert main(["replay", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
