"""The sound room: a private PulseAudio server with one null sink, for tests and benchmarks.

No machine here has a sound card, but a real audio server makes a virtual room: whatever
is played into the null sink ``room`` is heard on its monitor ``room.monitor``, which is
the default microphone. The partners' recordings (played with ``paplay``) and the
facilitator's own voice (played through sounddevice -> PortAudio -> ALSA -> the ``pulse``
plugin) meet there, just as on a laptop on a kitchen table: the facilitator hears itself.

Pieces, smallest first:
- ``start_room()`` starts the private server and waits until it answers; ``Room.stop()``
  stops it and removes its folder, leaving nothing running.
- ``RoomRecorder`` records the room (the monitor) the whole time, like a second microphone
  on the table: the driver uses it to wait for a quiet room, the benchmark to time replies.
- ``drive_session()`` runs ``facilitator session`` in the room and plays each partner's
  turn when the facilitator has finished speaking and listens (it follows the event log).
- ``find_sound()`` / ``speech_bounds()`` / ``response_times()`` locate known sounds in a
  recording and measure how long the facilitator took to answer.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import numpy as np

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "audio_fixtures"

#: Everything we analyse is recorded at the pipeline's rate (float32 mono 16 kHz).
RATE = 16000
#: A digital room is exactly silent between sounds; anything above this peak is a sound.
#: (-54 dBFS: far below the quietest cue or word, far above resampling residue.)
SOUND_LEVEL = 0.002
#: A reply starts when the room (minus the partner) passes -40 dBFS: every cue and word
#: does within milliseconds of its start; resampling residue of the partner never does.
REPLY_LEVEL = 0.01
#: The analysis frame: 10 ms.
FRAME = RATE // 100

TOOLS = ("pulseaudio", "pactl", "paplay", "parec")
#: sounddevice reaches PulseAudio only through ALSA's pulse plugin (libasound2-plugins).
ALSA_PULSE_PLUGIN = "libasound_module_pcm_pulse.so"
ALSA_PLUGIN_DIRS = (
    "/usr/lib/x86_64-linux-gnu/alsa-lib",
    "/usr/lib/aarch64-linux-gnu/alsa-lib",
    "/usr/lib64/alsa-lib",
    "/usr/lib/alsa-lib",
)
INSTALL_HINT = (
    "install them with `make install` "
    "(apt-get install pulseaudio pulseaudio-utils libasound2-plugins)"
)

# Only what the room needs: the native protocol (so clients can connect; anonymous, since
# everyone who can reach the socket in our private folder is us), one null sink standing
# for the room's air at a typical hardware rate, and its monitor as the default microphone.
# `-n` below keeps the system's default.pa (and its hardware/udev/dbus modules) out.
ROOM_CONFIG = """\
load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
load-module module-null-sink sink_name=room rate=48000 channels=2 \
sink_properties=device.description=Room
set-default-sink room
set-default-source room.monitor
"""


class RoomUnavailable(Exception):
    """The room cannot be set up here; the message says what is missing and how to get it."""


def missing_requirements() -> str | None:
    """Why the room cannot run on this machine, or None when everything is installed."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return f"{', '.join(missing)} not found on PATH; {INSTALL_HINT}"
    if not any(Path(d, ALSA_PULSE_PLUGIN).exists() for d in ALSA_PLUGIN_DIRS):
        return (
            f"ALSA's pulse plugin ({ALSA_PULSE_PLUGIN}) is missing, so sounddevice cannot "
            f"reach PulseAudio; {INSTALL_HINT}"
        )
    return None


# ------------------------------------------------------------------------ the server


@dataclass
class Room:
    """A running private PulseAudio server. ``env`` is for every child that should use it."""

    folder: Path
    process: subprocess.Popen
    env: dict[str, str]
    log: Path
    keepalive: subprocess.Popen | None = None

    @property
    def server(self) -> str:
        return self.env["PULSE_SERVER"]

    def pactl(self, *args: str, timeout: float = 5.0) -> str:
        done = subprocess.run(
            ["pactl", *args], check=False, env=self.env, capture_output=True, text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def play(self, wav: str | os.PathLike) -> subprocess.Popen:
        """Start playing a WAV into the room (``paplay``); returns at once.

        A 200 ms buffer: with 20 ms, a busy 2-core machine starves the stream and the room
        hears gaps of 100 ms and more inside the speech (a partner who never paused). The
        buffer does not delay the start: paplay fills it from the file at once.
        """
        return subprocess.Popen(
            ["paplay", "--device=room", "--latency-msec=200", str(wav)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    def recorder(self) -> RoomRecorder:
        return RoomRecorder(self)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server and remove its folder. Safe to call twice."""
        if self.keepalive is not None and self.keepalive.poll() is None:
            self.keepalive.terminate()
            self.keepalive.wait(timeout=5)
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: pulseaudio unloads its modules and exits
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_room(*, timeout: float = 10.0) -> Room:
    """Start a private PulseAudio server and wait until it answers.

    Raises RoomUnavailable (with the reason) if the tools are missing or it does not start.
    """
    reason = missing_requirements()
    if reason:
        raise RoomUnavailable(reason)
    # A short path of our own: the socket path must fit in 108 bytes, and nothing here is
    # shared with a desktop session's PulseAudio or another test run's room.
    folder = Path(tempfile.mkdtemp(prefix="room-"))
    run, home, state = folder / "run", folder / "home", folder / "state"
    for d in (run, home, state):
        d.mkdir(mode=0o700)
    socket = run / "native"
    (folder / "room.pa").write_text(ROOM_CONFIG.format(socket=socket))
    # Clients never start a server of their own (the default when the room is down would
    # be to autospawn one with the user's full configuration, outliving the tests).
    (folder / "client.conf").write_text("autospawn = no\n")
    log = folder / "pulseaudio.log"

    # The daemon's own environment: HOME, XDG_* and PULSE_* all point into the folder, so
    # its runtime files, cookie and saved state never touch the real user's (/root's).
    daemon_env = dict(
        os.environ,
        HOME=str(home),
        XDG_RUNTIME_DIR=str(run),
        XDG_CONFIG_HOME=str(home / ".config"),
        PULSE_RUNTIME_PATH=str(run / "pulse"),
        PULSE_STATE_PATH=str(state),
    )
    for name in ("PULSE_SERVER", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY"):
        daemon_env.pop(name, None)
    command = [
        "pulseaudio",
        # Only our config: no system default.pa, hence no hardware, udev or D-Bus modules.
        "-n", "-F", str(folder / "room.pa"),
        # A child we own, not a daemon that forks away: we know its pid, it dies with us.
        "--daemonize=no",
        # Per-user mode even though we run as root. pulseaudio only warns about root ("not
        # intended to be run as root (unless --system is specified)") and works; --system
        # would instead need the `pulse` user and group, a fixed /var/run/pulse folder
        # shared by every instance, and refuses client module loading: not private at all.
        "--system=no",
        # The room sits idle between tests; the default would exit after 20 s of no clients.
        "--exit-idle-time=-1",
        # No client (a stray `pactl exit` in a test) can take the room down under the others.
        "--disallow-exit",
        # We track the process ourselves; a pid file would only add a stale-file failure mode.
        "--use-pid-file=no",
        # The partners' 16 kHz recordings pass through the room's 48 kHz air and back; the
        # default resampler (speex-float-1) is audibly lossy, and the room should add no
        # damage that a real voice in a real room would not have.
        "--resample-method=soxr-hq",
        "--log-target=stderr",
    ]
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            _tied_to_us(command), env=daemon_env, stdin=subprocess.DEVNULL, stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    env = dict(os.environ)
    env.update(
        # Every client (paplay, pactl, the facilitator through ALSA's pulse plugin) goes to
        # this server and no other; the ALSA `default` device becomes `pulse` when a server
        # answers here (/etc/alsa/conf.d/99-pulse.conf), so default devices are the room.
        PULSE_SERVER=f"unix:{socket}",
        PULSE_RUNTIME_PATH=str(run / "pulse"),
        PULSE_COOKIE=str(home / ".config" / "pulse" / "cookie"),
        PULSE_CLIENTCONFIG=str(folder / "client.conf"),
    )
    room = Room(folder=folder, process=process, env=env, log=log)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            tail = room.log_tail()
            room.stop()
            raise RoomUnavailable(
                f"pulseaudio exited at start (code {process.returncode}):\n{tail}"
            )
        try:
            info = room.pactl("info", timeout=2)
            if "Default Sink: room" in info and "Default Source: room.monitor" in info:
                break
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        if time.monotonic() > deadline:
            tail = room.log_tail()
            room.stop()
            raise RoomUnavailable(f"pulseaudio did not answer within {timeout:.0f} s:\n{tail}")
        time.sleep(0.05)
    try:
        room.keepalive = _keep_room_awake(room, timeout=max(deadline - time.monotonic(), 5))
    except RoomUnavailable:
        room.stop()
        raise
    return room


def _keep_room_awake(room: Room, *, timeout: float) -> subprocess.Popen:
    """Hold one low-latency recording of the room open for the room's whole life.

    An idle null sink runs on 2-second blocks, so every new stream (the facilitator's
    microphone, a recorder) would first wait up to 2 s for audio; a sound card does not do
    that. One stream asking for 10 ms keeps the sink on short blocks, like hardware; the
    first block after start still takes ~2 s, so we wait for it here, once per room.
    """
    process = subprocess.Popen(
        _tied_to_us(["parec", "--device=room.monitor", "--raw", "--format=s16le",
                     "--rate=8000", "--channels=1", "--latency-msec=10"]),
        env=room.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready or not process.stdout.read1(64):
        process.kill()
        process.wait()
        raise RoomUnavailable(f"the room's monitor gave no audio within {timeout:.0f} s")
    threading.Thread(target=_drain, args=(process.stdout,), daemon=True).start()
    return process


def _drain(stream) -> None:
    while stream.read1(65536):
        pass


def _tied_to_us(command: list[str]) -> list[str]:
    """``command`` run so that the kernel stops it if this process dies (SIGKILL, a CI
    timeout): a room must never outlive the run that made it. ``setpriv`` (util-linux, on
    every Debian/Ubuntu) sets the parent-death signal and then execs the command."""
    if shutil.which("setpriv"):
        return ["setpriv", "--pdeathsig", "TERM", "--", *command]
    return command


# --------------------------------------------------------------------- the recorder


class RoomRecorder:
    """Records everything heard in the room (``parec`` on the monitor), from start to stop.

    ``mark()`` is the number of samples recorded so far: the recording's own clock, used to
    place events (a ``paplay`` starting, an event-log line appearing) in the recording.
    """

    def __init__(self, room: Room):
        self._room = room
        self._chunks: list[np.ndarray] = []
        self._count = 0
        self._last_sound = 0
        self._clock: list[tuple[float, int]] = []  # (time.monotonic(), mark) per chunk
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        # A small latency makes parec hand over audio every ~20 ms, so mark() tracks the
        # wall clock closely enough to tell "before" from "after" a paplay started.
        self._process = subprocess.Popen(
            ["parec", "--device=room.monitor", "--raw", "--format=float32le",
             f"--rate={RATE}", "--channels=1", "--latency-msec=20"],
            env=self._room.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        # The recorder is useful only once audio flows.
        deadline = time.monotonic() + 5
        while self.mark() == 0:
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.stop()
                tail = self._room.log_tail()
                raise RuntimeError(f"parec recorded nothing from the room:\n{tail}")
            time.sleep(0.01)

    def _read(self) -> None:
        pending = b""
        stream = self._process.stdout
        while True:
            data = stream.read1(8192)
            if not data:
                return
            data = pending + data
            usable = len(data) - len(data) % 4
            pending = data[usable:]
            chunk = np.frombuffer(data[:usable], dtype="<f4").copy()
            loud = np.flatnonzero(np.abs(chunk) > SOUND_LEVEL)
            with self._lock:
                if len(loud):
                    self._last_sound = self._count + int(loud[-1])
                self._chunks.append(chunk)
                self._count += len(chunk)
                self._clock.append((time.monotonic(), self._count))

    def mark(self) -> int:
        with self._lock:
            return self._count

    def mark_at(self, when: float) -> int:
        """The mark at a ``time.monotonic()`` moment (any process's: the clock is shared)."""
        with self._lock:
            times, marks = zip(*self._clock, strict=True) if self._clock else ((0.0,), (0,))
        return int(np.interp(when, times, marks))

    def last_sound(self) -> int:
        """Sample index just after the last sound heard so far (0 if none)."""
        with self._lock:
            return self._last_sound

    def wait_quiet(self, seconds: float, *, since: int | None = None, timeout: float = 60) -> int:
        """Wait until the room has been silent for ``seconds`` (counted no earlier than the
        mark ``since``); returns the mark at that moment. Raises TimeoutError."""
        need = int(seconds * RATE)
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                quiet_from = max(self._last_sound, since or 0)
                now = self._count
            if now - quiet_from >= need:
                return now
            if time.monotonic() > deadline:
                raise TimeoutError(f"the room was not quiet for {seconds} s within {timeout} s")
            time.sleep(0.01)

    def audio(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=5)
        if self._thread:
            self._thread.join(timeout=5)


# ------------------------------------------------------------------------- fixtures


@dataclass
class Turn:
    audio: Path | None
    text: str | None = None


@dataclass
class SessionFixture:
    folder: Path
    names: list[str]
    turns: list[Turn]
    truth: dict

    @property
    def spoken(self) -> bool:
        return all(t.audio is not None for t in self.turns)


def load_fixture(folder: str | os.PathLike, manifest: str = "manifest.toml") -> SessionFixture:
    """``audio_fixtures/<session>/``: manifest.toml (names, ordered [[turn]]) + truth.toml.

    ``audio_fixtures/setup/`` lists its turns in setup.toml instead (a setup, not a dialogue
    to replay)."""
    folder = Path(folder)
    manifest = tomllib.loads((folder / manifest).read_text())
    turns = [
        Turn(folder / t["audio"] if t.get("audio") else None, t.get("text"))
        for t in manifest.get("turn", [])
    ]
    truth_path = folder / "truth.toml"
    truth = tomllib.loads(truth_path.read_text()) if truth_path.exists() else {}
    return SessionFixture(folder, list(manifest["names"]), turns, truth)


def read_wav(path: str | os.PathLike) -> np.ndarray:
    """A WAV as float32 mono at 16 kHz (integer PCM; the fixtures' formats)."""
    with wave.open(str(path)) as w:
        rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        raw = w.readframes(w.getnframes())
    if width == 2:
        x = np.frombuffer(raw, "<i2").astype(np.float32) / 32768
    elif width == 4:
        x = np.frombuffer(raw, "<i4").astype(np.float32) / 2**31
    elif width == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        x = ((b[:, 0] | b[:, 1] << 8 | b[:, 2] << 16) << 8 >> 8).astype(np.float32) / 2**23
    else:
        raise ValueError(f"{path}: {8 * width}-bit samples are not supported here")
    x = x.reshape(-1, channels).mean(axis=1)
    if rate != RATE:
        import soxr

        x = soxr.resample(x, rate, RATE).astype(np.float32)
    return x


# ---------------------------------------------------------------------- the driver


@dataclass
class Play:
    """One partner turn played into the room."""

    turn: int
    wav: Path
    mark: int  # recorder mark when paplay was started
    listen: dict  # the `listen` event it answered


@dataclass
class DriveResult:
    events: list[dict]
    plays: list[Play]
    recording: np.ndarray
    returncode: int | None
    output: str
    ran_out: bool  # the facilitator listened again after the last turn was played
    seconds: float
    problems: list[str] = field(default_factory=list)

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["event"] == kind]

    def describe(self) -> str:
        """The event log in brief and the output's end, for assertion messages."""
        lines = []
        for e in self.events:
            detail = {k: v for k, v in e.items() if k not in ("t", "event")}
            lines.append(f"{e['t']:8.2f} {e['event']:12} {json.dumps(detail)[:150]}")
        tail = "\n".join(self.output.splitlines()[-15:])
        return "\n".join([*self.problems, *lines, "--- output:", tail])


#: After the facilitator starts listening it plays its "listening" cue, then ignores the
#: room for a short tail; a person starts talking about this long after the room falls quiet.
QUIET_BEFORE_TURN = 0.6


def _no_sound_check(code: Path) -> list[str]:
    # Code from before the hands-free start (bench screen --before) has no sound check to skip.
    schema = code / "facilitator" / "settings_schema.py"
    return ["--no-sound-check"] if '"no_sound_check"' in schema.read_text() else []


def drive_session(
    room: Room,
    fixture: SessionFixture,
    workdir: Path,
    *,
    extra_args: tuple[str, ...] = (),
    timeout: float = 240,
    quiet_before_turn: float = QUIET_BEFORE_TURN,
    stall_after: float = 20,
    setup: bool = False,
    cwd: Path = REPO,
    env: dict[str, str] | None = None,
) -> DriveResult:
    """Run ``facilitator session`` in the room with its default devices, and play each
    partner's turn into the room each time it listens (after its prompt and cue are over).

    A dialogue fixture gives the names and skips the sound check: its turns are the
    dialogue's. ``setup=True`` gives neither, so the facilitator asks (audio_fixtures/setup).

    When the turns run out while it still listens, the session is ended the way a person
    would end it (SIGTERM == Ctrl-C: it says goodbye and saves). A turn that is played but
    never taken (no event for ``stall_after`` s after it ends) stops the run early, with the
    reason in ``problems``, instead of waiting for ``timeout``.

    ``cwd``: where ``python -m facilitator`` runs, so another checkout's code can be
    measured; ``env``: more environment variables for the session.
    """
    events_path = workdir / "events.jsonl"
    output_path = workdir / "output.txt"
    events_path.unlink(missing_ok=True)  # a previous run's log would be followed otherwise
    names = fixture.names
    settled = [] if setup else ["--names", *names, *_no_sound_check(cwd)]
    command = [
        sys.executable, "-m", "facilitator", "session", *settled,
        "--events", str(events_path), "--data-dir", str(workdir / "data"),
        "--no-timeouts", *extra_args,
    ]
    env = dict(
        room.env,
        FACILITATOR_DATA_DIR=str(workdir / "data"),
        FACILITATOR_CONFIG=str(workdir / "config.toml"),
        PYTHONUNBUFFERED="1",
        **(env or {}),
    )
    events: list[dict] = []
    plays: list[Play] = []
    problems: list[str] = []
    ran_out = False
    start = time.monotonic()
    with room.recorder() as recorder, open(output_path, "w") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=output,
            stderr=subprocess.STDOUT,
        )
        tail = _EventTail(events_path)
        player: subprocess.Popen | None = None
        last_activity = time.monotonic()
        try:
            while True:
                new = tail.read()
                events.extend(new)
                now = time.monotonic()
                if new or (player is not None and player.poll() is None):
                    last_activity = now
                if any(e["event"] == "end" for e in new):
                    break
                if process.poll() is not None:
                    events.extend(tail.read())
                    break
                if now - start > timeout:
                    problems.append(f"the session did not finish within {timeout:.0f} s")
                    break
                if plays and now - last_activity > stall_after:
                    problems.append(
                        f"nothing happened for {stall_after:.0f} s after turn {len(plays)} "
                        f"({plays[-1].wav.name}) was played: the facilitator never took it"
                    )
                    break
                listens = [e for e in new if e["event"] == "listen"]
                if not listens:
                    time.sleep(0.02)
                    continue
                if len(plays) == len(fixture.turns):
                    ran_out = True
                    process.send_signal(signal.SIGTERM)
                    continue
                # Listening: let the cue play and the room fall quiet, then speak.
                if player is not None:
                    _check_played(player, plays[-1], problems)
                try:
                    recorder.wait_quiet(quiet_before_turn, since=recorder.mark(), timeout=60)
                except TimeoutError:
                    problems.append("the room never fell quiet after the facilitator listened")
                    break
                turn = fixture.turns[len(plays)]
                plays.append(Play(len(plays), turn.audio, recorder.mark(), listens[-1]))
                player = room.play(turn.audio)
            if process.poll() is None and not problems:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    problems.append("the session ended but its process did not exit within 30 s")
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if player is not None:
                try:
                    _check_played(player, plays[-1], problems, timeout=5)
                except subprocess.TimeoutExpired:
                    player.terminate()
                    player.wait()
        events.extend(tail.read())
        # Let the last words reach the recording before it stops.
        time.sleep(0.1)
    return DriveResult(
        events=events,
        plays=plays,
        recording=recorder.audio(),
        returncode=process.returncode,
        output=output_path.read_text(errors="replace"),
        ran_out=ran_out,
        seconds=time.monotonic() - start,
        problems=problems,
    )


def _check_played(player: subprocess.Popen, play: Play, problems: list[str], *,
                  timeout: float = 120) -> None:
    player.wait(timeout=timeout)
    if player.returncode != 0:
        error = player.stderr.read().decode(errors="replace").strip() if player.stderr else ""
        problems.append(f"paplay {play.wav.name} failed ({player.returncode}): {error}")


class _EventTail:
    """Reads whole new lines of a JSON Lines file as it grows."""

    def __init__(self, path: Path):
        self.path = path
        self._offset = 0
        self._pending = b""

    def read(self) -> list[dict]:
        try:
            with open(self.path, "rb") as f:
                f.seek(self._offset)
                data = f.read()
        except FileNotFoundError:
            return []
        self._offset += len(data)
        data = self._pending + data
        *lines, self._pending = data.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]


# ---------------------------------------------------------------------- analysis


def frame_peaks(x: np.ndarray) -> np.ndarray:
    n = len(x) // FRAME
    return np.abs(x[: n * FRAME]).reshape(n, FRAME).max(axis=1) if n else np.zeros(0)


def speech_bounds(x: np.ndarray, *, level: float = 0.02) -> tuple[float, float] | None:
    """(first, last) second where a recording is clearly sounding, or None if silent.

    ``level`` is well above a noisy fixture's floor and well below any spoken word.
    """
    loud = np.flatnonzero(frame_peaks(x) > level)
    if len(loud) == 0:
        return None
    return loud[0] * FRAME / RATE, (loud[-1] + 1) * FRAME / RATE


def find_sound(
    recording: np.ndarray, sound: np.ndarray, *, near: int, window: float = 1.5
) -> tuple[int, float]:
    """Where ``sound`` starts in ``recording``, searched within ``window`` s after ``near``
    (and a little before). Returns (start sample, normalised correlation 0..1)."""
    lo = max(0, near - RATE // 5)
    hi = min(len(recording), near + int(window * RATE) + len(sound))
    segment = recording[lo:hi]
    if len(segment) < len(sound) or not len(sound):
        return near, 0.0
    size = 1 << int(np.ceil(np.log2(len(segment) + len(sound))))
    corr = np.fft.irfft(np.fft.rfft(segment, size) * np.conj(np.fft.rfft(sound, size)), size)
    corr = corr[: len(segment) - len(sound) + 1]
    # Normalise by the energy under the sliding window so loud neighbours do not win.
    energy = np.concatenate([[0.0], np.cumsum(segment.astype(np.float64) ** 2)])
    window_energy = energy[len(sound):] - energy[: len(segment) - len(sound) + 1]
    score = corr / np.sqrt(np.maximum(window_energy, 1e-12) * float(np.sum(sound**2)))
    best = int(np.argmax(score))
    return lo + best, float(score[best])


def first_sound_after(
    recording: np.ndarray, start: int, *, level: float = SOUND_LEVEL
) -> int | None:
    after = recording[start:]
    loud = np.flatnonzero(np.abs(after) > level)
    return start + int(loud[0]) if len(loud) else None


@dataclass
class Reply:
    turn: int
    speech_end: float  # s in the recording: the partner's last word
    first_sound: float | None  # the facilitator's first sound after it (a cue or a word)
    first_word: float | None  # the first sound of its next spoken prompt
    aligned: float  # how well the played WAV was found in the recording (0..1)

    @property
    def to_first_sound(self) -> float | None:
        return None if self.first_sound is None else self.first_sound - self.speech_end

    @property
    def to_first_word(self) -> float | None:
        return None if self.first_word is None else self.first_word - self.speech_end


def response_times(
    result: DriveResult, fixture: SessionFixture | None = None, *, cue: np.ndarray | None = None
) -> list[Reply]:
    """For each played turn: when the partner stopped speaking (the played WAV located in
    the room's recording, plus where its speech ends: the fixture's truth, else measured)
    and when the facilitator answered.

    ``cue`` is the "got it" cue at 16 kHz if cues are on: a reply that starts with it has
    its spoken prompt after it, which is what ``first_word`` measures.
    """
    rec = result.recording
    truth = fixture.truth.get("turn", []) if fixture else []
    replies = []
    for i, play in enumerate(result.plays):
        wav = read_wav(play.wav)
        bounds = speech_bounds(wav)
        if play.turn < len(truth) and "speech_end" in truth[play.turn]:
            bounds = (0.0, float(truth[play.turn]["speech_end"]))
        if bounds is None:
            continue
        start, score = find_sound(rec, wav, near=play.mark)
        speech_end = start / RATE + bounds[1]
        # The facilitator's answer must begin before the next turn is played. Look for it in
        # the room minus the partner's WAV (aligned, at the room's level), so the partner's
        # fading last syllable or faint room tone is never taken for the reply.
        stop = result.plays[i + 1].mark if i + 1 < len(result.plays) else len(rec)
        residual = rec[:stop].copy()
        heard = residual[start : start + len(wav)]
        played = wav[: len(heard)]
        heard -= played * float(np.dot(heard, played) / max(np.dot(played, played), 1e-12))
        search_from = int(speech_end * RATE) + RATE // 50
        first = first_sound_after(residual, search_from, level=REPLY_LEVEL)
        word = first
        if first is not None and cue is not None:
            at, cue_score = find_sound(residual, cue, near=first, window=0.3)
            if cue_score > 0.8:
                word = first_sound_after(residual, at + len(cue), level=REPLY_LEVEL)
        replies.append(
            Reply(
                turn=play.turn,
                speech_end=speech_end,
                first_sound=None if first is None else first / RATE,
                first_word=None if word is None else word / RATE,
                aligned=score,
            )
        )
    return replies


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))
