"""What a session leaves on disk, and reading it back.

Layout, private to the user (folders 0700, files 0600)::

    <data>/sessions/2026-11-26T21-40-05/
        events.jsonl    the event log, one JSON object per line, written as it happens
        session.json    the summary (written at the start with who and when, completed at close)
        transcript.md   who said what, each mirror check, the coaching given
        captions.vtt    WebVTT captions of everything said, by the facilitator and the partners
        audio.wav       the microphone, only with --record-audio

The event log is the record; the other files are views of it. ``rebuild(folder)`` makes them
again from the log alone, which is how a session killed mid-way still gets its transcript.
Each event line is written with one ``write`` and ``fsync``-ed, so a crash loses at most the
line being written, and readers skip a cut-off last line.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np
import platformdirs

from facilitator.errors import FacilitatorError

APP_NAME = "imago-facilitator"
DATA_ENV = "FACILITATOR_DATA_DIR"
SESSIONS = "sessions"
EVENTS_FILE = "events.jsonl"
SUMMARY_FILE = "session.json"
TRANSCRIPT_FILE = "transcript.md"
CAPTIONS_FILE = "captions.vtt"
AUDIO_FILE = "audio.wav"
# 2: mirror tries keep their points (kind and status) and coaching its "why"; a format-1
# summary is worked out again from the event log when it is read.
SUMMARY_FORMAT = 2

# Sortable and safe as a folder name on every system (no colons). A second session started
# in the same second gets "-2".
SESSION_ID_FORMAT = "%Y-%m-%dT%H-%M-%S"
SESSION_ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d+)?$")

COMPLETE_VERDICT = "complete"
# The engine's end reason for a dialogue that ran to its close. A session that reached the
# close stage with an appreciation from each partner counts as complete whatever the reason.
COMPLETE_REASONS = frozenset({"complete", "completed", "done", "finished"})
#: The engine's end reason when the receiver said now is not a good time.
NOT_NOW = "not now"
#: How a session can end: ran to its close, "not now" (the appointment kept for later),
#: stopped on purpose before the close, or cut off (a crash, Ctrl-C, a lost device).
FINAL_STATUSES = ("complete", "not now", "ended early")
SHARING_STAGES = ("send", "more", "confirm")
MIRROR_STAGES = ("mirror", "summary")

# Captions for text the facilitator says (and for typed turns) need a duration; a calm
# speaking pace is about 150 words a minute.
WORDS_PER_SECOND = 2.5
MIN_CUE_SECONDS = 1.0
FACILITATOR = "Facilitator"
#: Who answered when either partner could (a pause) and nobody knows which.
EITHER = "One of you"


# ---------------------------------------------------------------------------------------
# The data folder


def resolve_data_dir(cli_value: str | Path | None = None, *, config_value: str | Path | None = None
                     ) -> Path:
    """--data-dir, then FACILITATOR_DATA_DIR, then the config file, then the platform default."""
    for candidate in (cli_value, os.environ.get(DATA_ENV), config_value):
        if candidate:
            return Path(candidate).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME))


def data_dir(cli_value: str | Path | None = None, *, config_value: str | Path | None = None,
             create: bool = True) -> Path:
    """The data folder, created readable by the user alone (0700) and checked writable.

    With ``create=False`` (history, reflect, forget) nothing is made: a missing folder just
    means no sessions yet.
    """
    folder = resolve_data_dir(cli_value, config_value=config_value)
    if create:
        make_private_dir(folder)
        _check_writable(folder)
    return folder


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) as 0700; an existing folder keeps its permissions."""
    try:
        if folder.is_dir():
            return
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    except FileExistsError:
        if not folder.is_dir():
            raise _unwritable(folder, "a file is in the way") from None
    except OSError as exc:
        raise _unwritable(folder, exc.strerror or str(exc)) from None


def _check_writable(folder: Path) -> None:
    # os.access lies for root and on some network folders; creating a file is the real test.
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise _unwritable(folder, exc.strerror or str(exc)) from None


def _unwritable(folder: Path, reason: str) -> FacilitatorError:
    return FacilitatorError(
        f"{folder}: cannot write the data folder ({reason}); choose another with --data-dir DIR "
        f"or {DATA_ENV}, fix its permissions, or use --no-save to keep nothing"
    )


def session_folders(root: str | Path) -> list[Path]:
    """Session folders under ``<root>/sessions``, oldest first (by id)."""
    parent = Path(root) / SESSIONS
    try:
        found = [p for p in parent.iterdir() if p.is_dir() and SESSION_ID_RE.match(p.name)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except PermissionError:
        raise FacilitatorError(
            f"{parent}: cannot read the sessions folder (permission denied); fix its "
            "permissions or choose another --data-dir"
        ) from None
    return sorted(found, key=_id_sort_key)


def _id_sort_key(folder: Path) -> tuple[str, int]:
    # "...T21-40-05" sorts before "...T21-40-05-2", and "-2" before "-10".
    suffix = folder.name[20:]
    return folder.name[:19], int(suffix) if suffix.isdigit() else 1


def new_session_id(started: datetime) -> str:
    return started.strftime(SESSION_ID_FORMAT)


def started_from_id(session_id: str) -> str | None:
    """The start time an id encodes (local time), as ISO text; None if it is not an id."""
    try:
        moment = datetime.strptime(session_id[:19], SESSION_ID_FORMAT)
    except ValueError:
        return None
    return moment.astimezone().isoformat(timespec="seconds")


# ---------------------------------------------------------------------------------------
# Recording a session


class SessionRecorder:
    """Receives the loop's events and keeps them, event by event, in a session folder.

    ``save=False`` (--no-save) keeps everything in memory only: not even the folder is made,
    yet ``close()`` still returns the summary. ``record_audio=True`` (--record-audio) keeps
    what ``add_audio`` is given as ``audio.wav``.
    """

    def __init__(self, data_dir: str | Path | None, *, names: list[str] | tuple[str, ...],
                 dialogue: str, save: bool = True, record_audio: bool = False,
                 started: datetime | None = None) -> None:
        self.names = list(names)
        self.dialogue = dialogue
        self.save = save
        self.started = (started or datetime.now()).astimezone()
        self.events: list[dict] = []
        self.write_error: str | None = None
        self._folder: Path | None = None
        self._events_fd: int | None = None
        self._audio: _WavAppender | None = None
        self._summary: dict | None = None
        self.id = new_session_id(self.started)
        if not save:
            return
        if data_dir is None:
            raise ValueError("data_dir is required when save=True")
        sessions = Path(data_dir) / SESSIONS
        make_private_dir(Path(data_dir))
        make_private_dir(sessions)
        _keep_private(sessions)
        finish_interrupted(data_dir)
        self._folder = _new_session_folder(sessions, self.id)
        self.id = self._folder.name
        try:
            write_private_file(self._folder / SUMMARY_FILE, _to_json(self._meta(), indent=2))
            self._events_fd = os.open(
                self._folder / EVENTS_FILE,
                os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC,
                0o600,
            )
            if record_audio:
                self._audio = _WavAppender(self._folder / AUDIO_FILE)
        except OSError as exc:
            raise _unwritable(self._folder, exc.strerror or str(exc)) from None

    @property
    def folder(self) -> Path | None:
        """Where the files go; None with --no-save."""
        return self._folder

    @property
    def audio_path(self) -> Path | None:
        return self._audio.path if self._audio else None

    def _meta(self) -> dict:
        return {
            "format": SUMMARY_FORMAT,
            "id": self.id,
            "partners": self.names,
            "dialogue": self.dialogue,
            "started": self.started.isoformat(timespec="seconds"),
            "status": "in progress",
        }

    def on_event(self, event: dict) -> None:
        """Keep one event; on disk it is complete and synced before this returns."""
        clean = json.loads(_to_json(event))  # numpy numbers and the like become plain JSON
        self.events.append(clean)
        names = _setup_names(clean)
        if names:
            # The setup has learned who is talking, and which dialogue: the record says so.
            self.names, self.dialogue = names, clean.get("dialogue") or self.dialogue
            if self._folder is not None and not self.write_error:
                try:
                    write_private_file(self._folder / SUMMARY_FILE,
                                       _to_json(self._meta(), indent=2))
                except OSError as exc:
                    self.write_error = exc.strerror or str(exc)
        if self._events_fd is None or self.write_error:
            return
        line = (_to_json(clean) + "\n").encode("utf-8")
        try:
            _write_all(self._events_fd, line)
            os.fsync(self._events_fd)
        except OSError as exc:
            # Never stop a couple mid-conversation over a full disk: keep going in memory and
            # let close() try again and report.
            self.write_error = exc.strerror or str(exc)

    def add_audio(self, samples: np.ndarray, rate: int, *, at: float | None = None) -> None:
        """Append microphone samples (float mono in [-1, 1]) when recording audio.

        ``at`` is the session-clock time of the first sample: the gap up to it (while the
        facilitator spoke and the microphone was skipped) is filled with silence, so the
        recording lines up with the event times and the captions.
        """
        if self._audio is None or self.write_error:
            return
        try:
            self._audio.add(samples, rate, at=at)
        except OSError as exc:
            self.write_error = exc.strerror or str(exc)

    def wrap_source(self, source):
        """``source`` itself, or with --record-audio a RecordingSource that keeps what it reads."""
        return RecordingSource(source, self) if self._audio is not None else source

    def close(self, reason: str | None = None) -> dict:
        """Finish the session: log ``end`` if the loop did not, write the readable files.

        Returns the summary (also with --no-save). Calling it again returns the same summary.
        """
        if self._summary is not None:
            return self._summary
        if reason is not None and not any(e.get("event") == "end" for e in self.events):
            self.on_event({"t": _last_time(self.events), "event": "end", "reason": reason})
        meta = self._meta()
        summary = summarize(
            self.events,
            session_id=self.id,
            partners=self.names,
            dialogue=self.dialogue,
            started=meta["started"],
        )
        self._summary = summary
        if self._folder is None:
            return summary
        try:
            if self.write_error:
                # The log fell behind; the events in memory are the whole truth, so rewrite it.
                write_private_file(self._folder / EVENTS_FILE,
                                    "".join(_to_json(e) + "\n" for e in self.events))
            _write_views(self._folder, self.events, summary)
            if self._audio is not None:
                self._audio.close()
        except OSError as exc:
            raise FacilitatorError(
                f"{self._folder}: could not finish saving the session "
                f"({exc.strerror or exc}); free some space, then run "
                f"`facilitator history` to see what was kept"
            ) from None
        finally:
            if self._events_fd is not None:
                os.close(self._events_fd)
                self._events_fd = None
        return summary


class RecordingSource:
    """An AudioSource that also hands what it reads to ``recorder.add_audio`` (--record-audio).

    Each read is stamped with the source's position, so the samples skipped while the
    facilitator spoke become silence and audio.wav lines up with the session clock.
    """

    def __init__(self, source, recorder: SessionRecorder) -> None:
        self.source = source
        self.recorder = recorder

    @property
    def rate(self) -> int:
        return self.source.rate

    @property
    def position(self) -> int:
        return self.source.position

    @property
    def realtime(self) -> bool:
        # The listener paces itself by this: a replay read as fast as it goes is not live.
        return getattr(self.source, "realtime", True)

    def begin_turn(self) -> str | None:
        return self.source.begin_turn()

    def read(self, n: int) -> np.ndarray:
        at = self.source.position / self.source.rate
        samples = self.source.read(n)
        self.recorder.add_audio(samples, self.source.rate, at=at)
        return samples

    def skip(self, n: int) -> None:
        self.source.skip(n)

    def close(self) -> None:
        self.source.close()


def _keep_private(folder: Path) -> None:
    # The sessions folder is ours alone, whoever made it looser; the data folder above it may
    # be one the user chose, so it is left as it is.
    try:
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            os.chmod(folder, 0o700)
    except OSError:
        pass


def finish_interrupted(root: str | Path) -> list[str]:
    """Rebuild the readable files of sessions that never closed (killed, power lost).

    Called as a new session starts, so a transcript is never missing for long. Best effort:
    a folder that cannot be written is left for ``history`` to report as interrupted.
    """
    finished = []
    for folder in session_folders(root):
        if read_meta(folder).get("status") not in (None, "in progress"):
            continue
        if not (folder / EVENTS_FILE).exists():
            continue
        try:
            rebuild(folder)
        except (FacilitatorError, OSError):
            continue
        finished.append(folder.name)
    return finished


def _new_session_folder(sessions: Path, session_id: str) -> Path:
    for attempt in range(1, 1000):
        name = session_id if attempt == 1 else f"{session_id}-{attempt}"
        folder = sessions / name
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _unwritable(sessions, exc.strerror or str(exc)) from None
        os.chmod(folder, 0o700)
        return folder
    raise FacilitatorError(f"{sessions}: too many sessions started in one second; try again")


def _write_all(fd: int, data: bytes) -> None:
    while data:
        written = os.write(fd, data)
        data = data[written:]


def write_private_file(path: Path, text: str) -> None:
    """Write ``path`` as 0600 by renaming a finished temporary file over it.

    A crash never leaves half a file, and nobody else can read it at any moment.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_views(folder: Path, events: list[dict], summary: dict) -> None:
    write_private_file(folder / TRANSCRIPT_FILE, render_transcript(events, summary))
    write_private_file(folder / CAPTIONS_FILE, render_captions(events))
    write_private_file(folder / SUMMARY_FILE, _to_json(summary, indent=2) + "\n")


def _to_json(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=_json_default)


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    return str(value)


class _WavAppender:
    """A 16-bit mono WAV that grows as audio arrives; readable even if the process dies.

    The header's sizes are patched at close; ``repair_wav_header`` fixes them for a session
    that never closed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rate: int | None = None
        self.frames = 0
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)

    def add(self, samples: np.ndarray, rate: int, *, at: float | None) -> None:
        if self.rate is None:
            self.rate = int(rate)
            _write_all(self._fd, _wav_header(self.rate, 0))
        elif int(rate) != self.rate:
            raise ValueError(f"audio rate changed from {self.rate} to {rate} mid-recording")
        if at is not None:
            gap = round(at * self.rate) - self.frames
            if gap > 0:
                _write_all(self._fd, bytes(2 * gap))
                self.frames += gap
        pcm = np.clip(np.asarray(samples, dtype=np.float32).reshape(-1), -1.0, 1.0)
        data = (pcm * 32767.0).astype("<i2").tobytes()
        _write_all(self._fd, data)
        self.frames += len(data) // 2

    def close(self) -> None:
        if self._fd is None:
            return
        if self.rate is None:  # nothing was recorded: leave a valid, empty file
            _write_all(self._fd, _wav_header(16000, 0))
        os.pwrite(self._fd, _wav_header(self.rate or 16000, self.frames * 2), 0)
        os.fsync(self._fd)
        os.close(self._fd)
        self._fd = None


def _wav_header(rate: int, data_bytes: int) -> bytes:
    return b"".join([
        b"RIFF", (36 + data_bytes).to_bytes(4, "little"), b"WAVE",
        b"fmt ", (16).to_bytes(4, "little"), (1).to_bytes(2, "little"), (1).to_bytes(2, "little"),
        rate.to_bytes(4, "little"), (rate * 2).to_bytes(4, "little"),
        (2).to_bytes(2, "little"), (16).to_bytes(2, "little"),
        b"data", data_bytes.to_bytes(4, "little"),
    ])


def repair_wav_header(path: Path) -> bool:
    """Fix the sizes in a WAV this module started but never closed. True if it changed."""
    try:
        with open(path, "r+b") as f:
            header = f.read(44)
            size = os.fstat(f.fileno()).st_size
            if len(header) < 44 or header[:4] != b"RIFF" or header[36:40] != b"data":
                return False
            data_bytes = size - 44
            data_bytes -= data_bytes % 2  # a sample cut in half by the crash
            if int.from_bytes(header[40:44], "little") == data_bytes:
                return False
            rate = int.from_bytes(header[24:28], "little")
            f.seek(0)
            f.write(_wav_header(rate, data_bytes))
            f.truncate(44 + data_bytes)
            return True
    except OSError:
        return False


# ---------------------------------------------------------------------------------------
# Reading a session back


def read_events(path: str | Path) -> list[dict]:
    """The events in a log, skipping lines a crash cut off or that are not events."""
    return _load_events(Path(path))[0]


def _load_events(path: Path) -> tuple[list[dict], int]:
    events: list[dict] = []
    damaged = 0
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], 0
    except OSError as exc:
        raise FacilitatorError(
            f"{path}: cannot read the event log ({exc.strerror}); check its permissions"
        ) from None
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            event = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            damaged += 1
            continue
        if isinstance(event, dict) and isinstance(event.get("event"), str):
            events.append(event)
        else:
            damaged += 1
    return events, damaged


def read_meta(folder: Path) -> dict:
    """session.json as a dict, or ``{}`` if it is missing or damaged."""
    try:
        meta = json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def read_session(folder: str | Path) -> dict:
    """A session's summary without writing anything.

    A session that closed normally has it in session.json. Any other is summarised from its
    event log: a rebuilt "interrupted" summary may predate lines a still-running session
    appended afterwards.
    """
    folder = Path(folder)
    meta = read_meta(folder)
    finished = meta.get("status") in FINAL_STATUSES and isinstance(meta.get("exchanges"), list)
    if finished and meta.get("format") == SUMMARY_FORMAT:
        return meta
    if finished and not (folder / EVENTS_FILE).exists():
        return meta  # an older summary whose log is gone: what it holds is all there is
    return _summarize_folder(folder, meta)[1]


def rebuild(folder: str | Path) -> dict:
    """Write transcript.md, captions.vtt and session.json again from events.jsonl alone.

    For a session that was killed (no ``end`` event) this records it as interrupted. Returns
    the summary.
    """
    folder = Path(folder)
    if not (folder / EVENTS_FILE).exists():
        raise FacilitatorError(f"{folder}: no {EVENTS_FILE} here; is this a session folder?")
    events, summary = _summarize_folder(folder, read_meta(folder))
    try:
        _write_views(folder, events, summary)
    except OSError as exc:
        raise FacilitatorError(
            f"{folder}: cannot write the session files ({exc.strerror}); check permissions"
        ) from None
    repair_wav_header(folder / AUDIO_FILE)
    return summary


def _summarize_folder(folder: Path, meta: dict) -> tuple[list[dict], dict]:
    events, damaged = _load_events(folder / EVENTS_FILE)
    summary = summarize(
        events,
        session_id=folder.name,
        partners=meta.get("partners") or [],
        dialogue=meta.get("dialogue"),
        started=meta.get("started") or started_from_id(folder.name),
    )
    summary["damaged_lines"] = damaged
    return events, summary


# ---------------------------------------------------------------------------------------
# The summary


def summarize(events: list[dict], *, session_id: str, partners: list[str],
              dialogue: str | None, started: str | None) -> dict:
    """Everything session.json holds, worked out from the events alone."""
    partners = list(partners)
    stage: str | None = None
    sender = receiver = None
    last_stage_name = None
    topic_text: str | None = None
    exchanges: list[dict] = []
    current: dict | None = None
    shared_since_check = False
    last_share: str | None = None
    last_receiver_text: str | None = None
    appreciations: list[dict] = []
    coaching: list[dict] = []
    commands: list[dict] = []
    speech: dict[str, float] = defaultdict(float)
    sending: dict[str, float] = defaultdict(float)
    words: dict[str, int] = defaultdict(int)
    end_reason: str | None = None
    ended = False
    last_speaker: str | None = None
    first_sender: str | None = None
    setting_up = True  # until the dialogue's first stage

    def note_partner(name: object) -> None:
        if isinstance(name, str) and name and name not in partners:
            partners.append(name)

    for index, event in enumerate(events):
        kind = event.get("event")
        if _setup_names(event):
            names = _setup_names(event)
            partners = names + [p for p in partners if p not in names]
            dialogue = event.get("dialogue") or dialogue
        elif kind == "setup" and event.get("step") == "resume":
            setting_up = False
        elif kind == "stage":
            setting_up = False
            stage = event.get("name")
            last_stage_name = stage
            sender, receiver = event.get("sender"), event.get("receiver")
            if first_sender is None and isinstance(sender, str):
                first_sender = sender
            note_partner(sender)
            note_partner(receiver)
        elif kind == "heard" and setting_up:
            continue  # the setup's answers (names, a sound check) are not the dialogue
        elif kind == "heard":
            partner = event.get("partner")
            text = _text(event.get("text"))
            note_partner(partner)
            last_speaker = partner if isinstance(partner, str) else None
            seconds = speech_seconds(event)
            if isinstance(partner, str):
                speech[partner] += seconds
                words[partner] += len(text.split())
            if _is_command(events, index):
                continue
            if stage == "appointment" and topic_text is None and partner == sender:
                topic_text = text
            if stage in SHARING_STAGES and partner == sender:
                # A new chunk, or "almost, I also said ..."; either way the next mirror
                # check starts a new exchange.
                shared_since_check = True
                last_share = text
                for coached in coaching:
                    if coached["kind"] == "blame" and coached.get("said_next") is None \
                            and coached["sender"] == partner:
                        coached["said_next"] = text  # how it was put after the coaching
                if isinstance(partner, str):
                    sending[partner] += seconds
            if stage in MIRROR_STAGES and partner == receiver:
                last_receiver_text = text
            if stage == "close" or (dialogue == "appreciation" and stage == "send"
                                    and partner == sender):
                last = appreciations[-1] if appreciations else None
                if (stage == "send" and last is not None and last["partner"] == partner
                        and last.get("mirrored") and "reason" not in last):
                    # The appreciation dialogue's second share is why it matters: the same
                    # appreciation, not another one.
                    last["reason"] = text
                else:
                    appreciations.append({"partner": partner, "text": text})
        elif kind == "mirror_check":
            if dialogue == "appreciation" and appreciations and stage in MIRROR_STAGES:
                appreciations[-1]["mirrored"] = True
            new_exchange = (
                current is None
                or shared_since_check
                or current["stage"] != stage
                or current["sender"] != sender
                or current["receiver"] != receiver
            )
            if new_exchange:
                current = {
                    "stage": stage if stage in MIRROR_STAGES else "mirror",
                    "sender": sender,
                    "receiver": receiver,
                    "sender_text": last_share if stage != "summary" else None,
                    "key_phrases": [],
                    "points": [],
                    "attempts": [],
                }
                exchanges.append(current)
            for phrase in _phrases(event.get("key_phrases")):
                if phrase not in current["key_phrases"]:
                    current["key_phrases"].append(phrase)
            points = _point_list(event.get("points"))
            if not current.get("points") and points:
                # The sender's points in their own words, with their kind, from the first
                # check that named them (every try is checked against the same points).
                current["points"] = [{"text": p["text"], "kind": p["kind"]} for p in points]
            current["attempts"].append({
                "text": last_receiver_text,
                "verdict": event.get("verdict"),
                "score": event.get("score"),
                "matched": _phrases(event.get("matched")),
                "missed": _phrases(event.get("missed")),
                "points": points,
                "changed": [dict(c) for c in event.get("changed") or [] if isinstance(c, dict)],
            })
            shared_since_check = False
            last_receiver_text = None
        elif kind == "coach":
            coaching.append({"t": event.get("t"), "stage": stage, "kind": event.get("kind"),
                             "why": event.get("why") if isinstance(event.get("why"), str)
                             else None,
                             "sender": sender, "receiver": receiver,
                             "text": _text(event.get("text")),
                             **({"said_next": None} if event.get("kind") == "blame" else {})})
        elif kind == "command":
            commands.append({"t": event.get("t"), "stage": stage, "name": event.get("name"),
                             "partner": last_speaker})
            if event.get("name") == "check the sound" and stage is not None:
                setting_up = True  # a sound check mid-dialogue, up to the setup's "resume"
        elif kind == "end":
            ended = True
            end_reason = event.get("reason")

    for exchange in exchanges:
        attempts = exchange["attempts"]
        exchange["verdicts"] = [a["verdict"] for a in attempts]
        exchange["first_try_complete"] = attempts[0]["verdict"] == COMPLETE_VERDICT
        exchange["complete"] = attempts[-1]["verdict"] == COMPLETE_VERDICT
        exchange["missed"] = attempts[0]["missed"]
        exchange["still_missed"] = attempts[-1]["missed"]

    missed: list[str] = []
    for exchange in exchanges:
        missed.extend(p for p in exchange["missed"] if p not in missed)

    for item in appreciations:
        item.pop("mirrored", None)
    appreciated_by = {a["partner"] for a in appreciations}
    # Ctrl-C, SIGTERM or a lost device end with reason "interrupted[: why]"; SIGKILL leaves
    # no end at all. Both are interruptions, not a couple choosing to stop.
    if not ended or str(end_reason).startswith("interrupted"):
        status = "interrupted"
    elif end_reason == NOT_NOW:
        status = NOT_NOW
    elif end_reason in COMPLETE_REASONS or (
        last_stage_name == "close" and partners and all(p in appreciated_by for p in partners)
    ):
        status = "complete"
    else:
        status = "ended early"

    return {
        "format": SUMMARY_FORMAT,
        "id": session_id,
        "partners": partners,
        "dialogue": dialogue,
        "topic": clean_topic(topic_text) if topic_text else None,
        "topic_text": topic_text,
        "started": started,
        "duration_seconds": round(_last_time(events), 2),
        "status": status,
        "end_reason": end_reason,
        "first_sender": first_sender,
        "exchanges": exchanges,
        "mirrors": {
            "first_try_complete": sum(e["first_try_complete"] for e in exchanges),
            "total": len(exchanges),
        },
        "missed": missed,
        "appreciations": appreciations,
        "coaching": coaching,
        "commands": commands,
        "speech_seconds": {p: round(s, 2) for p, s in speech.items()},
        "sending_seconds": {p: round(s, 2) for p, s in sending.items()},
        "words": dict(words),
        "damaged_lines": 0,  # lines of the log a crash cut off; set when read back from disk
    }


def _setup_names(event: dict) -> list[str] | None:
    """The partners a setup ``begin`` event names (setup.py), or None."""
    names = event.get("names")
    if event.get("event") == "setup" and event.get("step") == "begin" and isinstance(
            names, list) and len(names) == 2 and all(isinstance(n, str) and n for n in names):
        return list(names)
    return None


def speech_seconds(event: dict) -> float:
    """How long a ``heard`` turn lasted: measured in audio sessions, estimated from words when
    typed."""
    start, end = event.get("speech_start"), event.get("speech_end")
    if _is_number(start) and _is_number(end) and end >= start:
        return float(end) - float(start)
    return len(_text(event.get("text")).split()) / WORDS_PER_SECOND


def _is_command(events: list[dict], index: int) -> bool:
    """A ``heard`` turn that the loop took as a voice command ("slower") is not content."""
    for later in events[index + 1:]:
        kind = later.get("event")
        if kind == "command":
            return True
        if kind in ("heard", "stage", "mirror_check", "listen", "end"):
            return False
    return False


_TOPIC_LEAD = re.compile(
    r"^(?:(?:so|well|okay|ok|um+|uh+)[,\s]+)*"
    r"(?:i'd|i would|i want to|i wanted to|i need to|can we|could we|let's|let us|i'd really)\s+"
    r"(?:(?:really|like to|love to)\s+)*"
    r"(?:talk|speak|have a (?:dialogue|conversation|talk)|make an appointment to talk)\s+"
    r"(?:about|regarding|on)\s+",
    re.IGNORECASE,
)
_TOPIC_TAIL = re.compile(
    r"[\s.,;:!?-]*(?:is|would)\s+(?:now|this|it|that|tonight)\s+(?:be\s+)?"
    r"(?:a\s+)?(?:good|ok|okay|alright|fine)\b.*$"
    r"|[\s.,;:!?-]*(?:are you (?:ready|free|available)|do you have (?:time|a (?:minute|moment))"
    r"|can we talk now)\b.*$",
    re.IGNORECASE,
)


def clean_topic(text: str) -> str:
    """ "I'd like to talk about the dishes. Is now a good time?" -> "the dishes"."""
    plain = text.replace("\u2019", "'").strip()
    topic = _TOPIC_TAIL.sub("", _TOPIC_LEAD.sub("", plain)).strip(" \t.,;:!?-")
    return topic or plain.strip()


def _point_list(value: object) -> list[dict]:
    """A mirror check's points as the summary keeps them: text, kind, status (and change)."""
    points = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        point = {"text": item["text"], "kind": str(item.get("kind") or "statement"),
                 "status": str(item.get("status") or "missed")}
        if item.get("change"):
            point["change"] = str(item["change"])
        points.append(point)
    return points


def _phrases(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _last_time(events: list[dict]) -> float:
    times = [float(e["t"]) for e in events if _is_number(e.get("t"))]
    return max(times, default=0.0)


# ---------------------------------------------------------------------------------------
# transcript.md

_STAGE_TITLES = {
    "appointment": "Appointment: {sender} asks {receiver}",
    "send": "{sender} shares",
    "mirror": "{receiver} mirrors",
    "confirm": "{sender} confirms",
    "more": "Is there more?",
    "summary": "{receiver} sums up",
    "validate": "{receiver} validates",
    "empathize": "{receiver} empathizes",
    "switch": "Roles switch",
    "close": "Appreciations",
}


def render_transcript(events: list[dict], summary: dict) -> str:
    partners = summary.get("partners") or []
    title = " and ".join(partners) if partners else "a couple"
    lines = [f"# Imago dialogue: {_md(title)}", ""]
    lines.append(f"- **Started:** {_human_start(summary.get('started'))}")
    lines.append(f"- **Length:** {human_duration(summary.get('duration_seconds') or 0)}")
    lines.append(f"- **Dialogue:** {summary.get('dialogue') or 'unknown'}")
    if summary.get("topic"):
        lines.append(f"- **Topic:** {_md(summary['topic'])}")
    ending = summary.get("status", "")
    if summary.get("end_reason") and summary.get("end_reason") not in COMPLETE_REASONS:
        ending += f" ({summary['end_reason']})"
    lines.append(f"- **How it ended:** {ending}")
    lines.append("")

    heading = None
    coached = None
    for event in events:
        kind = event.get("event")
        stamp = clock(event.get("t"))
        if kind == "say" and coached is not None and _text(event.get("text")) == coached:
            coached = None
            continue  # the coaching line just shown is what the facilitator said
        coached = None
        if kind == "stage":
            template = _STAGE_TITLES.get(str(event.get("name")), str(event.get("name")).title())
            text = template.format(sender=event.get("sender") or "the sender",
                                   receiver=event.get("receiver") or "the receiver")
            if text != heading:
                heading = text
                lines += [f"## {_md(text)}", ""]
        elif kind == "say":
            lines += [f"*{FACILITATOR}* [{stamp}]: {_md(_text(event.get('text')))}", ""]
        elif kind == "heard":
            who = _md(str(event.get("partner") or EITHER))
            if _is_number(event.get("speech_start")):
                stamp = clock(event["speech_start"])
            lines += [f"**{who}** [{stamp}]: {_md(_text(event.get('text')))}", ""]
        elif kind == "mirror_check":
            lines += [_mirror_line(event), ""]
        elif kind == "coach":
            what = str(event.get("kind") or "coaching")
            coached = _text(event.get("text"))
            lines += [f"*{FACILITATOR}, coaching ({_md(what)})* [{stamp}]: {_md(coached)}", ""]
        elif kind == "command":
            lines += [f"*(voice command: {_md(str(event.get('name')))})*", ""]
        elif kind == "end":
            lines += [f"*Session ended [{stamp}]: {_md(str(event.get('reason')))}*", ""]

    lines += ["## At a glance", ""]
    mirrors = summary.get("mirrors") or {}
    if mirrors.get("total"):
        lines.append(f"- Mirrors complete on the first try: {mirrors['first_try_complete']} "
                     f"of {mirrors['total']}")
    if summary.get("missed"):
        lines.append("- Missed on the first try: " + _quoted(summary["missed"]))
    still = [p for e in summary.get("exchanges", []) for p in e.get("still_missed", [])]
    if still:
        lines.append("- Still missed after the last try: " + _quoted(list(dict.fromkeys(still))))
    if summary.get("coaching"):
        kinds = [str(c.get("kind")) for c in summary["coaching"]]
        lines.append("- Coaching given: " + ", ".join(_md(k) for k in kinds))
    for item in summary.get("appreciations", []):
        line = f"- {_md(str(item.get('partner')))} appreciated: {_md(item.get('text', ''))}"
        if item.get("reason"):
            line += f" {_md(item['reason'])}"
        lines.append(line)
    if summary.get("status") == "interrupted":
        lines.append("- The session stopped unexpectedly; this is everything that was saved.")
    if summary.get("damaged_lines"):
        lines.append(f"- {summary['damaged_lines']} line(s) of the event log were cut off "
                     "and left out.")
    if lines[-1] == "":
        lines.append("- Nothing was said yet.")
    return "\n".join(lines).rstrip("\n") + "\n"


def _mirror_line(event: dict) -> str:
    verdict = _md(str(event.get("verdict") or "checked"))
    matched, missed = _phrases(event.get("matched")), _phrases(event.get("missed"))
    parts = [f"> **Mirror check: {verdict}.**"]
    parts.append("Caught: " + (_quoted(matched) if matched else "nothing yet") + ".")
    if missed:
        parts.append("Missed: " + _quoted(missed) + ".")
    return " ".join(parts)


def _quoted(phrases: list[str]) -> str:
    return ", ".join(f"\u201c{_md(p)}\u201d" for p in phrases)


_MD_SPECIAL = re.compile(r"([\\`*_<>\[\]|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _human_start(started: str | None) -> str:
    moment = parse_started(started)
    return moment.strftime("%A %d %B %Y, %H:%M") if moment else "unknown"


def parse_started(started: str | None) -> datetime | None:
    if not started:
        return None
    try:
        return datetime.fromisoformat(started)
    except (TypeError, ValueError):
        return None


def human_duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def clock(t: object) -> str:
    """Session time as mm:ss (h:mm:ss past an hour)."""
    total = int(float(t)) if _is_number(t) else 0
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


# ---------------------------------------------------------------------------------------
# captions.vtt


def render_captions(events: list[dict]) -> str:
    """WebVTT of everything said: the facilitator's ``say`` and the partners' ``heard``.

    Spoken turns use their measured speech_start..speech_end. Said or typed text starts at its
    event time and lasts as long as it takes to say at a calm pace, cut short if the next
    caption starts sooner, so captions never pile up on screen.
    """
    cues: list[tuple[float, float | None, str, str]] = []
    for event in events:
        kind = event.get("event")
        if kind not in ("say", "heard"):
            continue
        text = _text(event.get("text")).strip()
        if not text:
            continue
        speaker = FACILITATOR if kind == "say" else str(event.get("partner") or EITHER)
        start, end = event.get("speech_start"), event.get("speech_end")
        if kind == "heard" and _is_number(start) and _is_number(end) and end > start:
            cues.append((float(start), float(end), speaker, text))
            continue
        begin = float(event["t"]) if _is_number(event.get("t")) else 0.0
        cues.append((begin, None, speaker, text))
    cues.sort(key=lambda cue: cue[0])

    out = ["WEBVTT", ""]
    for number, (start, measured_end, speaker, text) in enumerate(cues, start=1):
        end = measured_end
        if end is None:  # said or typed: estimate, trimmed to the next caption
            end = start + max(MIN_CUE_SECONDS, len(text.split()) / WORDS_PER_SECOND)
            later = [c[0] for c in cues[number:] if c[0] > start]
            if later:
                end = min(end, later[0])
        out += [str(number), f"{_vtt_time(start)} --> {_vtt_time(end)}",
                f"<v {_vtt_voice(speaker)}>{_vtt_text(text)}", ""]
    return "\n".join(out)


def _vtt_time(seconds: float) -> str:
    millis = round(max(seconds, 0.0) * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _vtt_text(text: str) -> str:
    # "-->" may not appear in a cue, and a blank line would end it.
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt_voice(name: str) -> str:
    return re.sub(r"[<>&\s]+", " ", name).strip() or "Partner"
