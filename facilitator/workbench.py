"""``facilitator replay PATH... --check``: replay a folder of fixtures and say what passed.

Every manifest found under the paths is replayed through the real pipeline, as
``facilitator replay --fast`` replays it, in worker processes that each load the speech
model and the voice once and then take one fixture at a time. Each replay is held against
the ``truth.toml`` beside its manifest (facilitator/truth.py); one line per fixture, in the
order they were found, then a summary line, and reports for CI (facilitator/reports.py).

Workers are started with ``spawn``: a fresh interpreter holds one model and nothing of the
parent, so a worker's memory is that of one replay however many fixtures it goes through.
A replay that crashes its worker outright is named as crashed and a new worker carries on.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import multiprocessing
import os
import resource
import shutil
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.truth import Check, Difference, Tolerances, TruthError, compare, read_truth

TRUTH_FILE = "truth.toml"
MANIFEST_FILE = "manifest.toml"
LEAD_IN = 0.5  # quiet the scripted source puts before each turn

# Replay options that make no sense for a whole folder, and what to do instead.
NOT_WITH_CHECK = {
    "recording": "--recording: not with --check, which replays each manifest's own turns",
    "record_facilitator": "--record-facilitator: not with --check; replay one manifest for that",
    "play": "--play: not with --check; replay one manifest to hear it",
    "events": "--events: not with --check; the JSON report (--report out.json) holds every "
              "fixture's event log",
}


@dataclass(frozen=True)
class Fixture:
    name: str  # as shown: the manifest's folder, relative to the current one where possible
    manifest: Path
    truth: Path | None  # truth.toml beside the manifest, if there is one
    audio_bytes: int = 0  # how much audio it replays: the longest go first


@dataclass
class FixtureResult:
    name: str
    manifest: str
    truth: str | None
    status: str  # "passed", "failed", "crashed", or "replayed" (no truth to compare with)
    seconds: float  # wall time of the replay
    cpu_seconds: float | None = None  # processor time it took, every thread of the worker
    session_seconds: float | None = None  # the session clock at its end
    ended: str | None = None
    expected_end: str | None = None
    differences: list[Difference] = field(default_factory=list)
    turns: list = field(default_factory=list)  # truth.TurnDetail, one per scripted turn
    events: list[dict] = field(default_factory=list)
    crash: str | None = None
    worker: int | None = None  # the worker's process id
    worker_peak_mb: float | None = None  # its peak memory so far
    worker_rss_mb: float | None = None  # its memory once this fixture was done
    worker_fixtures: int | None = None  # how many fixtures it has replayed, this one included

    @property
    def ok(self) -> bool:
        return self.status in ("passed", "replayed")


# ------------------------------------------------------------------ finding fixtures


def find_fixtures(paths: list[str]) -> list[Fixture]:
    """Manifests named on the command line, and every manifest.toml under each folder."""
    manifests: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(path.rglob(MANIFEST_FILE))
            if not found:
                raise FacilitatorError(
                    f"{given}: no {MANIFEST_FILE} in this folder or below; give a manifest "
                    "or a folder of fixtures")
            manifests += found
        elif path.is_file():
            manifests.append(path)
        else:
            raise FacilitatorError(f"{given}: no such manifest or folder; check the path")
    seen: set[Path] = set()
    fixtures = []
    for manifest in manifests:
        key = manifest.resolve()
        if key in seen:
            continue
        seen.add(key)
        truth = manifest.parent / TRUTH_FILE
        fixtures.append(Fixture(_display_name(manifest), manifest,
                                truth if truth.is_file() else None, _audio_bytes(manifest)))
    return fixtures


def _display_name(manifest: Path) -> str:
    shown = manifest.parent if manifest.name == MANIFEST_FILE else manifest
    try:
        return str(shown.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(shown)


def _audio_bytes(manifest: Path) -> int:
    """How much audio a manifest replays, in bytes: the order to start fixtures in, longest
    first, without decoding anything (its replay will name a file that cannot be read)."""
    import tomllib

    try:
        turns = tomllib.loads(manifest.read_text(encoding="utf-8")).get("turn", [])
        return sum((manifest.parent / t["audio"]).stat().st_size
                   for t in turns if isinstance(t, dict) and isinstance(t.get("audio"), str))
    except (OSError, ValueError, TypeError, tomllib.TOMLDecodeError):
        return 0


# ------------------------------------------------------------------ one replay


def turn_offset(*, cues: bool, lead_in: float = LEAD_IN) -> float:
    """Seconds from a ``listen`` event to the first sample of the turn's WAV: the listening
    cue and its echo tail (when cues are on), then the scripted source's lead-in."""
    from facilitator.audio import ECHO_TAIL
    from facilitator.speech import cue_sound

    if not cues:
        return lead_in
    samples, rate = cue_sound("listening")
    return len(samples) / rate + ECHO_TAIL + lead_in


class Replayer:
    """The speech model and voice for a run of replays, loaded once."""

    def __init__(self, args, *, cpu_threads: int = 2):
        from facilitator.runner import make_voice
        from facilitator.transcribe import Transcriber

        self.args = args
        self.transcriber = Transcriber(
            args.model, allow_download=args.allow_download, cpu_threads=cpu_threads)
        self.voice = make_voice(args)
        self._voice_id = self.voice.voice

    def replay(self, manifest_path: Path) -> tuple[list[dict], str]:
        """``facilitator replay MANIFEST --fast`` without saving anything: (events, dialogue).

        Raises FacilitatorError as the replay would; the events so far are then lost, as
        a crash is reported by its message."""
        from facilitator.audio import ScriptedSource, SilentSink, load_manifest
        from facilitator.runner import _listen_options, make_dialogue, replay_names
        from facilitator.session import Clock, SpokenOutput, VoiceTurns, run_dialogue

        args = argparse.Namespace(**vars(self.args))  # replay_names sets the dialogue
        manifest = load_manifest(manifest_path)
        names = replay_names(args, manifest)
        dialogue = make_dialogue(args, names)
        dialogue.load_understanding()  # once per worker; not counted in the first turn's time
        # "slower" in one fixture must not slow the next, nor the tester's own settings; and
        # each replay starts with no sentences cached, as a replay on its own does, so a
        # worker holds one replay's worth of speech, not the last 64 sentences of any.
        self.voice.set_rate(args.rate)
        self.voice.set_volume(args.volume)
        self.voice.voice = self._voice_id
        self.voice.clear_cache()
        source = ScriptedSource(manifest, realtime=False, lead_in=LEAD_IN)
        speech = SpokenOutput(self.voice, SilentSink(), source=source, cues=not args.no_cues)
        turns = VoiceTurns(source, self.transcriber, listen_options=_listen_options(args))
        events: list[dict] = []
        try:
            run_dialogue(dialogue, turns, speech, [events.append], Clock(source))
        finally:
            source.close()
        return events, args.dialogue

    def check(self, fixture: Fixture) -> FixtureResult:
        """Replay one fixture and compare it with its truth; never raises."""
        result = FixtureResult(fixture.name, str(fixture.manifest),
                               str(fixture.truth) if fixture.truth else None, "crashed", 0.0)
        truth, truth_problem = None, None
        if fixture.truth:
            try:
                truth = read_truth(fixture.truth)
            except TruthError as exc:
                truth_problem = str(exc)
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            events, dialogue = self.replay(fixture.manifest)
        except FacilitatorError as exc:
            result.crash = str(exc)
        except Exception as exc:  # a bug: name it and where, and carry on with the others
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result.crash = (f"{type(exc).__name__}: {exc} "
                            f"({Path(where.filename).name}:{where.lineno})")
        result.seconds = round(time.perf_counter() - started, 3)
        result.cpu_seconds = round(time.process_time() - cpu_started, 3)
        if result.crash is not None:
            return result
        result.events = events
        result.session_seconds = events[-1]["t"] if events else 0.0
        result.ended = events[-1]["reason"] if events and events[-1]["event"] == "end" else None
        if truth_problem:
            result.status = "failed"
            result.differences = [Difference("truth", truth_problem)]
            return result
        if truth is None:
            result.status = "replayed"
            return result
        check = self.compare(truth, events)
        if truth.get("dialogue", dialogue) != dialogue:
            check.differences.insert(0, Difference(
                "dialogue", f"replayed as the {dialogue} dialogue, truth {truth['dialogue']}; "
                f"add dialogue = \"{truth['dialogue']}\" to the manifest"))
        result.status = "passed" if check.passed else "failed"
        result.differences, result.turns = check.differences, check.turns
        result.expected_end = check.expected_end
        return result

    def compare(self, truth: dict, events: list[dict]) -> Check:
        tolerances = Tolerances.of(truth, patience=self.args.turn_patience)
        return compare(truth, events, turn_offset=turn_offset(cues=not self.args.no_cues),
                       tolerances=tolerances)

    def close(self) -> None:
        self.voice.close()


# ------------------------------------------------------------------ worker processes


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):  # not Linux
        return None


def _give_memory_back() -> None:
    """Forget the texts a finished replay read (caches sized for a session would otherwise
    fill with every session's) and hand the heap it freed back to the system: glibc keeps
    it otherwise, and a worker's memory would creep up to the high-water mark of every
    replay so far."""
    from facilitator.understanding import forget_texts

    forget_texts()
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: its allocator decides
        pass


def _worker(conn, args, cpu_threads: int) -> None:
    """One worker process: load once, then replay whatever fixture the parent sends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        replayer = Replayer(args, cpu_threads=cpu_threads)
    except FacilitatorError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    done = 0
    try:
        while (fixture := conn.recv()) is not None:
            result = replayer.check(fixture)
            done += 1
            result.worker_fixtures = done
            _give_memory_back()
            result.worker, result.worker_peak_mb = os.getpid(), round(_peak_mb(), 1)
            rss = _rss_mb()
            result.worker_rss_mb = round(rss, 1) if rss is not None else None
            conn.send(("done", result))
    except (EOFError, BrokenPipeError):
        pass  # the parent went away
    finally:
        replayer.close()


def worker_environment() -> dict[str, str]:
    """Environment for a worker, read as it starts; a value the tester set is left alone.

    OPENBLAS_NUM_THREADS: numpy's OpenBLAS starts one thread per core on import, and after
    each product they spin waiting for the next, so two workers on two cores kept four busy.
    A worker's products are small: replaying two sessions, its second thread took 3-7 s of
    processor time (as much as the replay's main thread) and saved none; with one, the
    worker took 16-17 s instead of 19-25 s, with the speech model on one thread or two.
    The speech and meaning models are given their threads directly.

    MALLOC_ARENA_MAX: the speech model decodes on a thread of its own, and glibc gives that
    thread a heap of its own, which keeps what the longest clip so far needed: trimming
    hands back little of it. With one heap a worker's peak after 16 fixtures stayed at
    that of loading (412-421 MB against 400-456 MB), for the same processor time."""
    wanted = {"OPENBLAS_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "1"}
    return {name: value for name, value in wanted.items() if name not in os.environ}


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """``values`` in os.environ while a spawned worker starts (it inherits them)."""
    os.environ.update(values)
    try:
        yield
    finally:
        for name in values:
            os.environ.pop(name, None)


class _Worker:
    def __init__(self, context, args, cpu_threads: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, args, cpu_threads),
                                       name="facilitator-replay", daemon=True)
        with _environment(worker_environment()):
            self.process.start()
        child.close()
        self.ready = False
        self.fixture: Fixture | None = None
        self.started = 0.0

    def give(self, fixture: Fixture | None) -> None:
        self.fixture, self.started = fixture, time.monotonic()
        self.conn.send(fixture)

    def stop(self, *, wait_for: float = 0.0) -> None:
        """End the worker: told it is done, it closes its voice itself within ``wait_for``."""
        self.process.join(wait_for)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        self.conn.close()


def _died(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    else:
        how = f"exit code {code}"
    return f"the replay's worker process died ({how})"


def run_fixtures(fixtures: list[Fixture], args, *, jobs: int, on_result=None,
                 on_tick=None) -> list[FixtureResult]:
    """Replay and check every fixture in ``jobs`` worker processes; results in fixture order.

    ``on_result(result)`` is called as each one finishes, ``on_tick(running)`` every half
    second with {name: seconds so far} of the fixtures being replayed."""
    cores = usable_cores()
    cpu_threads = max(1, cores // jobs)  # never more busy threads than cores
    context = multiprocessing.get_context("spawn")
    queue = sorted(fixtures, key=lambda f: -f.audio_bytes)  # the longest first: no long tail
    results: dict[str, FixtureResult] = {}
    workers = [_Worker(context, args, cpu_threads) for _ in range(min(jobs, len(fixtures)))]
    finished = False
    try:
        while len(results) < len(fixtures):
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers],
                         timeout=0.5)
            for worker in list(workers):
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        message = worker.conn.recv() if worker.conn.poll() else None
                    except (EOFError, OSError):
                        message = None
                    if message is None:
                        if worker.process.is_alive():
                            continue
                        workers.remove(worker)
                        _handle_death(worker, results, on_result)
                        if queue:
                            workers.append(_Worker(context, args, cpu_threads))
                        continue
                    kind, payload = message
                    if kind == "failed":  # the model or the voice cannot load: stop at once
                        raise FacilitatorError(payload)
                    if kind == "done":
                        results[payload.manifest] = payload
                        if on_result:
                            on_result(payload)
                    worker.ready = True
                    worker.give(queue.pop(0) if queue else None)
            if on_tick:
                now = time.monotonic()
                on_tick({w.fixture.name: now - w.started for w in workers if w.fixture})
        finished = True
    finally:
        for worker in workers:
            # Every worker that was told there is no more work ends on its own; one still
            # loading the model, or any on Ctrl-C or an error, is ended at once.
            worker.stop(wait_for=10.0 if finished and worker.ready else 0.0)
    return [results[str(f.manifest)] for f in fixtures]


def _handle_death(worker: _Worker, results: dict, on_result) -> None:
    """A worker died: its fixture is crashed (or, before it was ready, the run cannot go on)."""
    why = _died(worker)
    worker.conn.close()
    if not worker.ready:
        raise FacilitatorError(f"{why} while loading the speech model and voice")
    fixture = worker.fixture
    if fixture is not None:
        result = FixtureResult(fixture.name, str(fixture.manifest),
                               str(fixture.truth) if fixture.truth else None, "crashed",
                               round(time.monotonic() - worker.started, 3), crash=why,
                               worker=worker.process.pid)
        results[result.manifest] = result
        if on_result:
            on_result(result)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# ------------------------------------------------------------------ what the tester sees


def result_line(result: FixtureResult, width: int) -> str:
    name = result.name.ljust(width)
    if result.status == "passed":
        return f"PASS   {name}  {len(result.turns)} turns, ended {result.ended}, " \
               f"{result.seconds:.1f} s"
    if result.status == "replayed":
        return f"RAN    {name}  no truth.toml: replayed only, ended {result.ended}, " \
               f"{result.seconds:.1f} s"
    if result.status == "crashed":
        return f"CRASH  {name}  {result.crash}"
    first, more = result.differences[0], len(result.differences) - 1
    extra = f" (+{more} more)" if more else ""
    return f"FAIL   {name}  {first}{extra}"


def summary_line(results: list[FixtureResult], elapsed: float, jobs: int) -> str:
    count = {s: sum(r.status == s for r in results) for s in
             ("passed", "failed", "crashed", "replayed")}
    parts = [f"{count['passed'] + count['replayed']} passed"]
    if count["failed"]:
        parts.append(f"{count['failed']} failed")
    if count["crashed"]:
        parts.append(f"{count['crashed']} crashed")
    without = f" ({count['replayed']} without truth, replayed only)" if count["replayed"] else ""
    slowest = max(results, key=lambda r: r.seconds)
    workers = f"{jobs} worker{'s' if jobs != 1 else ''}"
    return (f"{len(results)} fixture{'s' if len(results) != 1 else ''}: {', '.join(parts)}"
            f"{without} in {elapsed:.1f} s with {workers}; slowest {slowest.name} "
            f"({slowest.seconds:.1f} s)")


class Progress:
    """A one-line bar on stderr, redrawn in place; only on a terminal."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.failed = 0
        self.slowest: tuple[str, float] | None = None
        self.running: dict[str, float] = {}
        self.started = time.monotonic()
        self.shown = False

    def finished(self, result: FixtureResult) -> None:
        self.done += 1
        self.failed += not result.ok
        if self.slowest is None or result.seconds > self.slowest[1]:
            self.slowest = (result.name, result.seconds)
        self.running.pop(result.name, None)

    def tick(self, running: dict[str, float]) -> None:
        self.running = running
        self.draw()

    def text(self, width: int) -> str:
        elapsed = int(time.monotonic() - self.started)
        clock = f"{elapsed // 60}:{elapsed % 60:02d}"
        # The slowest so far: a finished fixture, or one still running that took longer.
        candidates = ([self.slowest] if self.slowest else []) + list(self.running.items())
        slowest = max(candidates, key=lambda c: c[1]) if candidates else None
        failed = f", {self.failed} not passed" if self.failed else ""
        tail = f" {self.done}/{self.total}{failed}  {clock}"
        if slowest:
            tail += f"  slowest: {slowest[0]} {slowest[1]:.0f} s"
        bar_width = max(10, min(30, width - len(tail) - 3))
        filled = round(bar_width * self.done / max(1, self.total))
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{tail}"
        return line[: width - 1]

    def width(self) -> int:
        """The terminal's width; stdout may be a file while stderr is the terminal."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 0
        return columns if columns > 0 else shutil.get_terminal_size((80, 20)).columns

    def draw(self) -> None:
        self.stream.write("\r" + self.text(self.width()) + "\033[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def wants_progress(args, stream=None) -> bool:
    """A bar is for someone watching a terminal: not for a log or a pipe, and not with
    --plain, where a screen reader would read the redrawn line again at every tick."""
    stream = stream or sys.stderr
    return stream.isatty() and not args.plain


def run_check(args) -> int:
    """``facilitator replay PATH... --check [--jobs N] [--report FILE]``."""
    from facilitator.reports import check_report_paths, write_reports

    for option, message in NOT_WITH_CHECK.items():
        if getattr(args, option, None):
            raise FacilitatorError(message)
    reports = check_report_paths(args.report or [])
    from facilitator.runner import _listen_options, make_dialogue

    # A bad --turn-patience, --silence-timeout or --prompts is said once, before anything
    # starts, rather than as every fixture's crash.
    _listen_options(args)
    make_dialogue(args, args.names or ["A", "B"])
    fixtures = find_fixtures([args.manifest, *getattr(args, "more", [])])
    jobs = min(args.jobs or usable_cores(), len(fixtures))

    progress = Progress(len(fixtures)) if wants_progress(args) else None
    width = max(len(f.name) for f in fixtures)
    order = [str(f.manifest) for f in fixtures]
    pending: dict[str, FixtureResult] = {}
    printed = 0

    def on_result(result: FixtureResult) -> None:
        nonlocal printed
        pending[result.manifest] = result
        if progress:
            progress.finished(result)
            progress.clear()
        # Lines come in the order the fixtures were found, each as soon as it can.
        while printed < len(order) and order[printed] in pending:
            print(result_line(pending.pop(order[printed]), width), flush=True)
            printed += 1
        if progress:
            progress.draw()

    started = time.monotonic()
    try:
        results = run_fixtures(fixtures, args, jobs=jobs, on_result=on_result,
                               on_tick=progress.tick if progress else None)
    finally:
        if progress:
            progress.clear()
    elapsed = time.monotonic() - started
    print(summary_line(results, elapsed, jobs), flush=True)
    write_reports(reports, results, elapsed=elapsed, jobs=jobs)
    return 0 if all(r.ok for r in results) else 1
