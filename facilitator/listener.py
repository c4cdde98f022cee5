"""Listening for one partner's turn: source -> VAD -> endpointer, with streaming transcription.

The transcript is built while the partner speaks, so it is ready when the turn ends:

- at every pause (0.15 s without speech) the speech not yet transcribed is handed to a
  background worker; its text goes to the endpointer, which uses how the words end to decide
  how long to wait (see endpoint.py);
- once more than 6 s of a turn is waiting, the next pause of 0.3 s or more (a sentence gap,
  never a stop inside a word) *commits* it: that transcript is final and later pauses only
  transcribe what came after, so a 60-second turn costs no more at its end than a 5-second
  one. Speech that runs 20 s without such a pause is cut in its longest shorter pause.

Clocks: every time here is on the session clock, ``source.position / 16000``. With a live
(real-time) source the worker is a thread. With a fast file source the worker runs each job
inline, but stamps its result with the session time a background thread would have delivered
it (queued behind earlier jobs, measured compute time), and the endpointer only sees it from
then on, so ``--fast`` replays and the benchmark make the same decisions a live session would.

Half-duplex: each call starts afresh (new VAD, endpointer and transcript), so nothing heard
earlier, the facilitator's own voice included, leaks into the next turn. The session plays a
prompt, calls ``source.skip(d + tail)``, then calls ``listen_for_turn`` again.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from facilitator.audio import RATE, AudioSource, RecordingSource, SourceExhausted
from facilitator.endpoint import Endpointer, TurnEnd, Waits
from facilitator.transcribe import Transcriber, best_cut, compact_speech, join_texts
from facilitator.vad import Vad


@dataclass(frozen=True)
class Heard:
    text: str
    speech_start: float  # session seconds
    speech_end: float
    decided_at: float  # when the endpointer decided the turn was over
    text_ready_at: float  # when the final transcript was ready (>= decided_at)
    reason: str = ""  # what ended the turn: closer, answer, complete, open, trailing, ...
    # How it sounded (the sound check reads these): the speech level, the noise floor around
    # it (None when nothing around it was measurable) and the share of clipped samples.
    speech_db: float | None = None
    noise_db: float | None = None
    clipped: float = 0.0


@dataclass(frozen=True)
class StreamOptions:
    pause_trigger: float = 0.15  # silence that makes the speech so far worth transcribing
    commit_pause: float = 0.3  # silence long enough to cut the turn's audio in
    commit_after: float = 6.0  # uncommitted speech that gets committed at the next such pause
    max_chunk: float = 20.0  # speech without any pause is cut after this long
    pre_roll: float = 0.3  # audio kept from before the detected start of speech
    tail: float = 0.1  # audio kept after the last speech frame in each job


# --------------------------------------------------------------------------- workers


@dataclass
class _Job:
    kind: str  # "commit" or "partial"
    start: float  # session seconds covered
    end: float
    audio: np.ndarray
    speech_seconds: float
    submitted: float
    text: str | None = None
    ready_at: float | None = None  # session time the result is (or would be) available
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


class _InlineWorker:
    """Runs jobs in the caller's thread, on a simulated timeline of one background worker."""

    def __init__(self, transcriber: Transcriber):
        self.transcriber = transcriber
        self._queue: list[_Job] = []
        self._busy_until = 0.0

    def submit(self, job: _Job) -> None:
        self._queue.append(job)

    def _run_next(self) -> None:
        job = self._queue.pop(0)
        start = max(job.submitted, self._busy_until)
        began = time.perf_counter()
        job.text = self.transcriber.transcribe_chunk(
            job.audio, speech_seconds=job.speech_seconds).text
        job.ready_at = start + time.perf_counter() - began
        self._busy_until = job.ready_at
        job.done.set()

    def poll(self, now: float) -> None:
        while self._queue and max(self._queue[0].submitted, self._busy_until) <= now:
            self._run_next()

    def is_ready(self, job: _Job, now: float) -> bool:
        return job.done.is_set() and job.ready_at <= now

    def wait(self, jobs: list[_Job], now: float) -> float:
        while any(not j.done.is_set() for j in jobs):
            self._run_next()
        return max([now] + [j.ready_at for j in jobs if j.ready_at is not None])

    def close(self) -> None:
        self._queue.clear()


class _ThreadWorker:
    """One background thread, for live sources."""

    def __init__(self, transcriber: Transcriber):
        self.transcriber = transcriber
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="transcriber", daemon=True)
        self._thread.start()

    def submit(self, job: _Job) -> None:
        self._jobs.put(job)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            if not self._closed:  # after close() what is still queued is no longer wanted
                try:
                    job.text = self.transcriber.transcribe_chunk(
                        job.audio, speech_seconds=job.speech_seconds).text
                except Exception as e:  # noqa: BLE001 (re-raised in the listening thread)
                    job.error = e
            job.done.set()

    def poll(self, now: float) -> None:
        pass

    def is_ready(self, job: _Job, now: float) -> bool:
        if job.done.is_set() and job.ready_at is None:
            job.ready_at = now
        return job.done.is_set()

    def wait(self, jobs: list[_Job], now: float) -> float:
        began = time.monotonic()
        for job in jobs:
            job.done.wait()
        return now + time.monotonic() - began

    def close(self) -> None:
        self._closed = True
        self._jobs.put(None)


# --------------------------------------------------------------------------- one turn's audio


class _TurnStream:
    """The audio of the turn so far and the transcription jobs over it."""

    def __init__(self, worker, options: StreamOptions, frame_samples: int):
        self.worker = worker
        self.opt = options
        self.frame_samples = frame_samples
        self.frame_seconds = frame_samples / RATE
        self._frames: list[np.ndarray] = []
        self._flags: list[bool] = []
        self._first_t = 0.0  # session time at the start of self._frames[0]
        self.commit_t = 0.0  # audio before this time is committed (or not part of the turn)
        self.commits: list[_Job] = []
        self.partial: _Job | None = None
        self.last_job_end = -1.0
        self._shown = ("", -1.0)

    def add(self, frame: np.ndarray, speech: bool, t: float, in_turn: bool) -> None:
        if not self._frames:
            self._first_t = t - self.frame_seconds
        self._frames.append(frame)
        self._flags.append(speech)
        if not in_turn:  # before the turn starts only the endpointer's look-back is kept
            keep = round((self.opt.pre_roll + 1.6) / self.frame_seconds)
            self._drop_before(len(self._frames) - keep)
            self.commit_t = self._first_t

    def start_turn(self, speech_start: float) -> None:
        self.commit_t = max(self._first_t, speech_start - self.opt.pre_roll)
        self._drop_before(self._index(self.commit_t))

    def _index(self, t: float) -> int:
        return min(len(self._frames), max(0, round((t - self._first_t) / self.frame_seconds)))

    def _drop_before(self, index: int) -> None:
        if index > 0:
            del self._frames[:index], self._flags[:index]
            self._first_t += index * self.frame_seconds

    def _submit(self, kind: str, start: float, end: float, now: float) -> _Job:
        a, b = self._index(start), self._index(end)
        audio, voiced = compact_speech(np.concatenate(self._frames[a:b]) if b > a else
                                       np.zeros(0, np.float32), np.array(self._flags[a:b]),
                                       frame_samples=self.frame_samples)
        job = _Job(kind, start, end, audio, voiced, submitted=now)
        self.worker.submit(job)
        self.last_job_end = end
        if kind == "commit":
            self._commit(job)
        else:
            self.partial = job
        return job

    def _commit(self, job: _Job) -> None:
        self.commits.append(job)
        self.commit_t = job.end
        self.partial = None
        # Committed audio is never needed again: an hour-long session keeps little.
        self._drop_before(self._index(job.end) - 1)

    def after_frame(self, ep: Endpointer, speech: bool, now: float) -> None:
        """Hand speech to the worker at pauses; commit long stretches."""
        if not ep.in_turn:
            return
        if speech:
            if now - self.commit_t >= self.opt.max_chunk:  # no pause for a long time
                window = self._flags[self._index(self.commit_t + self.opt.max_chunk / 2):
                                     self._index(now - 0.3)]
                cut = self.commit_t + self.opt.max_chunk / 2 + best_cut(
                    np.array(window, bool)) * self.frame_seconds if window else now - 0.3
                self._submit("commit", self.commit_t, cut, now)
            return
        silence = now - ep.speech_end
        if silence >= self.opt.pause_trigger and self.last_job_end < ep.speech_end:
            self._submit("partial", self.commit_t, min(now, ep.speech_end + self.opt.tail), now)
        elif (silence >= self.opt.commit_pause and self.partial is not None
              and self.partial.end >= ep.speech_end
              and ep.speech_end - self.commit_t >= self.opt.commit_after):
            # The partial already covers exactly this stretch: it becomes the commit.
            self._commit(self.partial)

    def text_so_far(self, now: float) -> tuple[str, float] | None:
        """(text, covered-until) from the results available now, or None if nothing new."""
        self.worker.poll(now)
        texts, upto = [], -1.0
        for job in self.commits:
            if not self.worker.is_ready(job, now):
                break
            self._raise_error(job)
            texts.append(job.text)
            upto = job.end
        else:
            partial = self.partial
            if partial is not None and self.worker.is_ready(partial, now):
                self._raise_error(partial)
                texts.append(partial.text)
                upto = partial.end
        shown = (join_texts(texts), upto)
        if upto < 0 or shown == self._shown:
            return None
        self._shown = shown
        return shown

    def final_text(self, end: TurnEnd) -> tuple[str, float]:
        """The whole turn's transcript and the session time it is ready."""
        if self.last_job_end < end.speech_end:
            until = min(end.decided_at, end.speech_end + self.opt.tail)
            self._submit("partial", self.commit_t, until, end.decided_at)
        jobs = self.commits + ([self.partial] if self.partial is not None else [])
        ready_at = self.worker.wait(jobs, end.decided_at)
        for job in jobs:
            self._raise_error(job)
        return join_texts(j.text for j in jobs), ready_at

    @staticmethod
    def _raise_error(job: _Job) -> None:
        if job.error is not None:
            raise job.error


# --------------------------------------------------------------------------- levels


class _Levels:
    """Frame levels around one turn: how loud the speech was, and how loud the room.

    The speech level is the RMS over the frames the voice detector took for speech; the
    noise floor is the median level of the other frames in the second before the speech and
    after its last word (the room heard while the endpointer waited). Frames quieter than any
    microphone (digital silence from a virtual device between sounds) say nothing about a
    room and are left out. When the detector took the whole room for speech (a fan under
    the voice), no quiet frame is left: the floor is then the quietest tenth of the speech
    frames, the gaps between words. Running sums and a histogram of 1 dB bins, so a turn of
    an hour costs no more memory than one of a second.
    """

    BEFORE = 1.0  # seconds before the speech that count as "around it"
    CLIP = 0.99
    SILENT = 1e-10  # mean square under -100 dBFS: no microphone is that quiet
    GAPS = 0.1  # the share of speech frames taken for the gaps between words

    def __init__(self, frame_seconds: float):
        self._waiting: deque = deque(maxlen=max(1, round(self.BEFORE / frame_seconds)) + 100)
        self._before: list[float] = []
        self._after: list[float] = []  # quiet frames since the last speech frame
        self._power = 0.0  # speech: summed mean squares, frames, clipped and all samples
        self._histogram = np.zeros(121, np.int64)  # speech frames by level, -120..0 dBFS
        self._frames = 0
        self._clipped = 0
        self._samples = 0
        self._started = False
        self._frame_seconds = frame_seconds

    def add(self, frame: np.ndarray, t: float, speech: bool, in_turn: bool) -> None:
        power = float(np.mean(np.square(frame, dtype=np.float64)))
        clipped = int(np.count_nonzero(np.abs(frame) >= self.CLIP))
        if not in_turn:
            self._waiting.append((t, power, speech, clipped, len(frame)))
            return
        if speech:
            self._speech(power, clipped, len(frame))
            self._after = []
        elif power > self.SILENT:
            self._after.append(power)

    def start(self, speech_start: float) -> None:
        """The turn began at ``speech_start``: what was heard while waiting is sorted out."""
        for t, power, speech, clipped, samples in self._waiting:
            if t - self._frame_seconds >= speech_start - 1e-9 and speech:
                self._speech(power, clipped, samples)
                self._after = []
            elif t - self._frame_seconds >= speech_start - 1e-9:
                if power > self.SILENT:
                    self._after.append(power)
            elif not speech and power > self.SILENT and t > speech_start - self.BEFORE:
                self._before.append(power)
        self._waiting.clear()

    def _speech(self, power: float, clipped: int, samples: int) -> None:
        self._histogram[min(120, max(0, round(_db(power)) + 120))] += 1
        self._power += power
        self._frames += 1
        self._clipped += clipped
        self._samples += samples

    def measure(self) -> tuple[float | None, float | None, float]:
        if not self._frames:
            return None, None, 0.0
        quiet = self._before + self._after
        if quiet:
            noise_db = _db(float(np.median(quiet)))
        else:
            gaps = int(np.searchsorted(np.cumsum(self._histogram), self.GAPS * self._frames))
            noise_db = float(gaps - 120) if self._histogram[:gaps + 1].any() else None
        return _db(self._power / self._frames), noise_db, self._clipped / self._samples


def _db(power: float) -> float:
    return 10 * math.log10(max(power, 1e-12))


# --------------------------------------------------------------------------- the listener


def listen_for_turn(source: AudioSource, *, transcriber: Transcriber, expect: str | None = None,
                    silence_timeout: float | None = None, vad: Vad | None = None,
                    waits: Waits | None = None, silence_only: float | None = None,
                    options: StreamOptions | None = None,
                    on_partial: Callable[[str], None] | None = None,
                    on_state: Callable[[str], None] | None = None) -> Heard | None:
    """Listen until one partner's turn is over and return what was heard.

    ``on_partial(text)`` gets the transcript so far whenever it changes while the partner
    speaks; ``on_state(name)`` is told "hearing" when speech starts, "deciding" when the turn
    is judged over (the final transcript is then being made), and "listening" when what
    was heard held no words and listening goes on. Both run in the caller's thread.

    The caller calls ``source.begin_turn()`` first (a scripted turn may be typed text, which
    needs no listening). Returns None when ``silence_timeout`` seconds pass without anyone
    starting to speak. Raises SourceExhausted when the source has nothing more (a turn in
    progress when a recording ends is returned first).

    A source that reads as fast as it can must say so with ``realtime = False`` (the file
    sources here do): it then gets the inline worker with simulated timing. A source without
    the attribute is taken to be live.
    """
    vad = vad or Vad()
    vad.reset()
    waits = waits or Waits()
    options = options or StreamOptions()
    realtime = getattr(source, "realtime", True)
    worker = (_ThreadWorker if realtime else _InlineWorker)(transcriber)
    listen_start = source.position / RATE
    try:
        while True:
            heard = _one_turn(source, vad, worker, expect, waits, silence_only, options,
                              on_partial, on_state, listen_start, silence_timeout)
            if heard is None or heard.text:
                return heard
            # Only noise or a cough (no trustworthy words): keep listening.
            if on_state is not None:
                on_state("listening")
    finally:
        worker.close()


def _one_turn(source, vad, worker, expect, waits, silence_only, options, on_partial,
              on_state, listen_start, silence_timeout) -> Heard | None:
    def tell(state: str) -> None:
        if on_state is not None:
            on_state(state)

    endpointer = Endpointer(expect, waits=waits, silence_only=silence_only,
                            frame_seconds=vad.frame_seconds)
    stream = _TurnStream(worker, options, vad.frame_samples)
    levels = _Levels(vad.frame_seconds)
    pending = np.zeros(0, np.float32)
    while True:
        try:
            while len(pending) < vad.frame_samples:
                pending = np.concatenate([pending, source.read(vad.frame_samples - len(pending))])
        except SourceExhausted:
            end = endpointer.finish(source.position / RATE)
            if end is None:
                raise
            tell("deciding")
            return _heard(stream, end, levels)
        frame, pending = pending[:vad.frame_samples], pending[vad.frame_samples:]
        now = source.position / RATE - len(pending) / RATE
        speech = vad.is_speech(frame)
        was_in_turn = endpointer.in_turn
        stream.add(frame, speech, now, was_in_turn)
        levels.add(frame, now, speech, was_in_turn)
        update = stream.text_so_far(now)
        if update is not None:
            endpointer.update_text(update[0], upto=update[1])
            if on_partial is not None:
                on_partial(update[0])
        end = endpointer.push(now, speech)
        if endpointer.in_turn and not was_in_turn:
            stream.start_turn(endpointer.speech_start)
            levels.start(endpointer.speech_start)
            tell("hearing")
        if end is not None:
            tell("deciding")
            return _heard(stream, end, levels)
        stream.after_frame(endpointer, speech, now)
        if (silence_timeout is not None and not endpointer.in_turn
                and now - listen_start >= silence_timeout):
            return None


def _heard(stream: _TurnStream, end: TurnEnd, levels: _Levels) -> Heard:
    text, ready_at = stream.final_text(end)
    speech_db, noise_db, clipped = levels.measure()
    return Heard(text, end.speech_start, end.speech_end, end.decided_at, ready_at, end.reason,
                 speech_db, noise_db, clipped)


def detect_turns(path: str | Path, *, model: str | Path | None = None,
                 expect: str | None = None, allow_download: bool = False,
                 transcriber: Transcriber | None = None) -> list[dict]:
    """Run the live endpointer and transcriber over a recording (``facilitator turns``).

    One dict per detected turn, times in seconds of the recording's own clock.
    """
    transcriber = transcriber or Transcriber(model, allow_download=allow_download)
    source = RecordingSource(path, realtime=False)
    turns = []
    try:
        while True:
            try:
                heard = listen_for_turn(source, transcriber=transcriber, expect=expect)
            except SourceExhausted:
                break
            if heard is not None:
                turns.append({"start": round(heard.speech_start, 3),
                              "end": round(heard.speech_end, 3),
                              "decided_at": round(heard.decided_at, 3), "text": heard.text})
    finally:
        source.close()
    return turns
