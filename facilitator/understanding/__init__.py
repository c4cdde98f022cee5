"""Understanding what partners say: one on-device layer, one small interface.

The dialogue engine asks two questions, both as plain strings in, frozen dataclasses out:

    understand = Understanding.load()               # once per session
    understand.turn(step, text)                     # -> Turn(outcome, command, safety, ...)
    understand.mirror(sender, mirror, earlier=[])   # -> MirrorCheck(verdict, matched, ...)
    understand.summary(chunks, summary, earlier=[]) # -> MirrorCheck

Everything here runs on the CPU from files on disk: the meaning model (``model.py``), the
labelled examples the readers learn from (``examples.py``), precise rules where words
settle the answer (``answers.py``, ``cues.py``, ``rules.py``). Loading takes about a
second; a missing or broken model is a one-line error, never a silent fall-back.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from facilitator.understanding import lexicon
from facilitator.understanding.mirror import MirrorCheck, MirrorChecker
from facilitator.understanding.model import MeaningModel, ModelError
from facilitator.understanding.turns import Turn, TurnReader

__all__ = ["Understanding", "Turn", "MirrorCheck", "ModelError", "default", "forget_texts"]


class Understanding:
    def __init__(self, model: MeaningModel, turns: TurnReader) -> None:
        self.model = model
        self._turns = turns
        self._mirrors = MirrorChecker(model)

    def __deepcopy__(self, memo) -> Understanding:
        # A shared, stateless service: a copied dialogue reads with the same layer.
        return self

    @classmethod
    def load(cls) -> Understanding:
        model = MeaningModel()
        return cls(model, TurnReader(model))

    def turn(self, step: str | None, text: str, *, commands: bool = True) -> Turn:
        """How ``text`` is read at ``step`` (None: the exercise is paused; only a command or
        a safety concern matters then). ``commands=False`` reads it as an answer only."""
        return self._turns.read(step or "paused", text, commands=commands)

    def mirror(self, sender: str, mirror: str, earlier: Sequence[str] = ()) -> MirrorCheck:
        """Does ``mirror`` carry what ``sender`` said? ``earlier``: this chunk's earlier tries,
        whose carried points still count."""
        return self._mirrors.mirror(sender, mirror, earlier)

    def summary(self, chunks: Sequence[str], summary: str,
                earlier: Sequence[str] = ()) -> MirrorCheck:
        """Does ``summary`` represent every chunk the sender shared?"""
        return self._mirrors.summary(chunks, summary, earlier)


_DEFAULT: Understanding | None = None


def default(*, background: bool = False) -> Understanding:
    """The layer loaded once per process and shared (it holds no per-session state).

    ``background``: the meaning model is opened now, so a missing or broken one is still a
    one-line error here, but the readers, which take several seconds to learn from the
    labelled examples, are made in a thread while the session already speaks; the first
    answer read waits for them if it must.
    """
    global _DEFAULT
    if _DEFAULT is None:
        if background:
            model = MeaningModel()
            _DEFAULT = Understanding(model, _Soon(lambda: _readers(model)))
        else:
            _DEFAULT = Understanding.load()
    return _DEFAULT


def forget_texts() -> None:
    """Drop what was remembered about particular texts: the meaning model's passes and the
    readers' memo tables (word stems, clauses, cues), keeping everything learnt and loaded.

    For a process that replays one session after another: each then starts as a fresh one
    would, and its memory is that of one session, not of every session so far. A live
    session never needs it."""
    import sys

    if _DEFAULT is not None:
        _DEFAULT.model.forget()
    for name, module in list(sys.modules.items()):
        if name != "facilitator.textnorm" and not name.startswith("facilitator.understanding."):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)  # an lru_cache
            # maxsize 1: a table loaded from disk once (the lexicon, the vocabulary): kept
            if parameters is not None and (parameters()["maxsize"] or 0) > 1:
                value.cache_clear()


def _readers(model: MeaningModel) -> TurnReader:
    # The mirror check's word tables first: a session's first mirror comes after a turn has
    # been read, which waits for this, so that check no longer stalls a second loading them.
    lexicon.load_tables()
    return TurnReader(model)


class _Soon:
    """A value made in a background thread; the first use waits for it (or raises its
    error there)."""

    def __init__(self, make):
        self._done = threading.Event()
        self._value = self._error = None
        threading.Thread(target=self._make, args=(make,), daemon=True).start()

    def _make(self, make) -> None:
        try:
            self._value = make()
        except BaseException as exc:  # raised where the value is first used
            self._error = exc
        finally:
            self._done.set()

    def __getattr__(self, name: str):
        self._done.wait()
        if self._error is not None:
            raise self._error
        return getattr(self._value, name)
