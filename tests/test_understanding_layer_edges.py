"""The understanding layer's edges, pinned for mutation testing.

What the dialogue engine, a replaying process or a person editing the example files would
notice if ``facilitator.understanding`` or ``facilitator.understanding.examples`` changed:
which reader and which checker a question is passed to and with what, the layer shared by a
process (loaded now, or its readers made in a background thread that the first answer waits
for, whose error is raised there), what ``forget_texts`` drops and what it keeps, and how
the labelled sets and the hand-kept lists are read (the dev split only, every field, the
source of each example, their order, and the one-line errors word for word).

No real meaning model is loaded here: the wiring is seen through small stand-ins, and the
example files are small ones of each test's own under tmp_path.
"""

from __future__ import annotations

import copy
import functools
import json
import locale
import sys
import threading
import types

import pytest

import facilitator.understanding as layer
from facilitator import textnorm
from facilitator.errors import FacilitatorError
from facilitator.understanding import Understanding, examples
from facilitator.understanding.examples import Example
from facilitator.understanding.model import ModelError

WAIT = 5.0  # seconds a first use may take before it counts as stuck


# --- stand-ins --------------------------------------------------------------------------------

class Model:
    """A meaning model that only counts how often its passes were forgotten."""

    def __init__(self):
        self.forgotten = 0

    def forget(self):
        self.forgotten += 1


class Parts:
    """What the layer made and was asked, in order: models, readers, checkers, calls."""

    def __init__(self):
        self.models: list[Model] = []
        self.readers: list[Reader] = []
        self.checkers: list[Checker] = []
        self.calls: list[tuple] = []
        self.reader_gate = threading.Event()
        self.reader_gate.set()
        self.reader_error: BaseException | None = None
        self.model_error: BaseException | None = None


class Reader:
    parts: Parts

    def __init__(self, model):
        if not self.parts.reader_gate.wait(WAIT):
            raise AssertionError("the reader was never let through")
        if self.parts.reader_error is not None:
            raise self.parts.reader_error
        self.model = model
        self.thread = threading.get_ident()
        self.parts.calls.append(("reader made",))
        self.parts.readers.append(self)

    def read(self, step, text, *, commands):
        self.parts.calls.append(("read", step, text, commands))
        return f"turn read at {step}"


class Checker:
    parts: Parts

    def __init__(self, model):
        self.model = model
        self.parts.checkers.append(self)

    def mirror(self, sender, mirror, earlier):
        self.parts.calls.append(("mirror", sender, mirror, earlier))
        return "mirror checked"

    def summary(self, chunks, summary, earlier):
        self.parts.calls.append(("summary", chunks, summary, earlier))
        return "summary checked"


@pytest.fixture
def parts(monkeypatch):
    """The layer with stand-ins for the meaning model, the readers, the mirror checker and
    the word tables, and no shared layer loaded yet."""
    made = Parts()

    def new_model():
        if made.model_error is not None:
            raise made.model_error
        model = Model()
        made.models.append(model)
        return model

    reader = type("Reader", (Reader,), {"parts": made})
    checker = type("Checker", (Checker,), {"parts": made})
    monkeypatch.setattr(layer, "MeaningModel", new_model)
    monkeypatch.setattr(layer, "TurnReader", reader)
    monkeypatch.setattr(layer, "MirrorChecker", checker)
    monkeypatch.setattr(layer.lexicon, "load_tables",
                        lambda: made.calls.append(("word tables loaded",)))
    monkeypatch.setattr(layer, "_DEFAULT", None)
    return made


def used_within(wait, use):
    """``use()`` run in a thread of its own: (finished, its value or the error it raised)."""
    got = {}

    def run():
        try:
            got["value"] = use()
        except BaseException as exc:  # handed back to the test
            got["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)
    return not thread.is_alive(), got


# --- one layer: each question goes to its reader or checker, with what was asked ----------

def test_a_turn_is_read_at_its_step_and_a_paused_exercise_reads_as_paused(parts):
    model = Model()
    turns = layer.TurnReader(model)
    understand = Understanding(model, turns)
    assert understand.model is model
    assert understand.turn("listening", "we never talk anymore") == "turn read at listening"
    assert understand.turn(None, "stop for a moment") == "turn read at paused"
    assert understand.turn("", "hold on") == "turn read at paused"
    assert understand.turn("confirm", "yes", commands=False) == "turn read at confirm"
    assert parts.calls[1:] == [
        ("read", "listening", "we never talk anymore", True),
        ("read", "paused", "stop for a moment", True),
        ("read", "paused", "hold on", True),
        ("read", "confirm", "yes", False),
    ]


def test_mirrors_and_summaries_go_to_a_checker_of_the_same_model(parts):
    model = Model()
    understand = Understanding(model, layer.TurnReader(model))
    assert [c.model for c in parts.checkers] == [model]
    assert understand.mirror("I feel alone", "you feel alone") == "mirror checked"
    assert understand.mirror("I feel alone", "you're lonely", ["you feel sad"]) == (
        "mirror checked")
    assert understand.summary(["I feel alone", "at night"], "alone at night") == (
        "summary checked")
    assert understand.summary(["I feel alone"], "alone", ["sad"]) == "summary checked"
    assert parts.calls[1:] == [
        ("mirror", "I feel alone", "you feel alone", ()),
        ("mirror", "I feel alone", "you're lonely", ["you feel sad"]),
        ("summary", ["I feel alone", "at night"], "alone at night", ()),
        ("summary", ["I feel alone"], "alone", ["sad"]),
    ]


def test_a_copied_dialogue_reads_with_the_same_layer(parts):
    model = Model()
    understand = Understanding(model, layer.TurnReader(model))
    assert copy.deepcopy(understand) is understand
    assert copy.deepcopy({"layer": understand})["layer"] is understand


def test_load_opens_one_model_for_the_readers_and_the_checker(parts):
    understand = Understanding.load()
    assert len(parts.models) == 1
    model = parts.models[0]
    assert understand.model is model
    assert [r.model for r in parts.readers] == [model]
    assert [c.model for c in parts.checkers] == [model]
    assert understand.turn("send", "that's all") == "turn read at send"
    assert parts.calls == [("reader made",), ("read", "send", "that's all", True)]


# --- the layer shared by a process --------------------------------------------------------

def test_the_shared_layer_is_loaded_once_and_by_default_in_the_callers_thread(parts):
    understand = layer.default()
    assert [r.thread for r in parts.readers] == [threading.get_ident()]
    assert understand.model is parts.models[0]
    assert [r.model for r in parts.readers] == parts.models
    assert layer.default() is understand
    assert layer.default(background=True) is understand
    assert len(parts.models) == 1 and len(parts.readers) == 1
    assert ("word tables loaded",) not in parts.calls
    assert understand.turn("listening", "I'm tired") == "turn read at listening"


def test_in_the_background_the_model_opens_now_and_the_first_turn_waits_for_the_readers(
        parts):
    parts.reader_gate.clear()  # the readers are still learning
    understand = layer.default(background=True)
    assert len(parts.models) == 1
    model = parts.models[0]
    assert understand.model is model
    assert [c.model for c in parts.checkers] == [model]
    assert layer.default() is understand
    finished, _ = used_within(0.2, lambda: understand.turn("listening", "I'm tired"))
    assert not finished  # the first answer waits for the readers
    parts.reader_gate.set()
    finished, got = used_within(WAIT, lambda: understand.turn("listening", "I'm tired"))
    assert finished and got == {"value": "turn read at listening"}
    assert [r.model for r in parts.readers] == [model]
    assert parts.readers[0].thread != threading.get_ident()
    # the word tables are loaded before the readers are made, in the same thread
    assert parts.calls[:2] == [("word tables loaded",), ("reader made",)]
    assert ("read", "listening", "I'm tired", True) in parts.calls


def test_in_the_background_a_broken_model_is_still_an_error_at_once(parts):
    parts.model_error = ModelError("meaning model: the file is damaged; reinstall it")
    with pytest.raises(ModelError, match="^meaning model: the file is damaged; reinstall it$"):
        layer.default(background=True)
    assert layer._DEFAULT is None
    assert parts.readers == []


def test_in_the_background_the_readers_error_is_raised_where_a_turn_is_first_read(parts):
    parts.reader_error = FacilitatorError("turn_cases.jsonl: cannot read; restore it")
    understand = layer.default(background=True)
    for _ in range(2):
        finished, got = used_within(WAIT, lambda: understand.turn("listening", "hi"))
        assert finished
        assert got["error"] is parts.reader_error


# --- a value made in a background thread ----------------------------------------------------

def test_a_value_made_in_the_background_is_waited_for_at_its_first_use():
    gate = threading.Event()
    seen = []

    def make():
        seen.append((threading.get_ident(), threading.current_thread().daemon))
        gate.wait(WAIT)
        return types.SimpleNamespace(name="readers", size=3)

    soon = layer._Soon(make)
    finished, _ = used_within(0.2, lambda: soon.name)
    assert not finished
    gate.set()
    finished, got = used_within(WAIT, lambda: soon.name)
    assert finished and got == {"value": "readers"}
    assert soon.size == 3
    assert len(seen) == 1  # made once, whatever the number of uses
    assert seen[0][0] != threading.get_ident()
    # a daemon thread: a session that ends while the readers learn is not held open
    assert seen[0][1] is True
    with pytest.raises(AttributeError):
        _ = soon.no_such_thing  # the value's own missing attribute


def test_a_value_that_fails_raises_its_own_error_at_every_use():
    error = FacilitatorError("safety_cases.jsonl: cannot read the labelled examples")

    def make():
        raise error

    soon = layer._Soon(make)
    for _ in range(2):
        finished, got = used_within(WAIT, lambda: soon.read)
        assert finished
        assert got["error"] is error


# --- forget_texts: the memo tables go, the tables loaded from disk stay -----------------------

def probe_module(monkeypatch, name: str) -> types.SimpleNamespace:
    """A module in sys.modules under ``name`` with a memo of two entries, a memo of many,
    a table of one (loaded from disk once) and a plain function; each cache filled."""
    module = types.ModuleType(name)

    @functools.lru_cache(maxsize=2)
    def pair(x):
        return x

    @functools.lru_cache(maxsize=4096)
    def memo(x):
        return x

    @functools.lru_cache(maxsize=1)
    def table():
        return {"loaded": True}

    def plain(x):
        return x

    module.pair, module.memo, module.table, module.plain = pair, memo, table, plain
    module.WORDS = ("a", "b")
    pair("one")
    memo("one")
    memo("two")
    table()
    monkeypatch.setitem(sys.modules, name, module)
    return module


def sizes(module) -> tuple[int, int, int]:
    return (module.pair.cache_info().currsize, module.memo.cache_info().currsize,
            module.table.cache_info().currsize)


def test_forget_texts_clears_the_memos_of_the_understanding_modules_and_textnorm(
        parts, monkeypatch):
    inside = probe_module(monkeypatch, "facilitator.understanding.edge_probe")
    elsewhere = probe_module(monkeypatch, "facilitator.edge_probe")
    outside = probe_module(monkeypatch, "edge_probe")
    # textnorm's memos, the ones no understanding module holds under a name of its own too
    textnorm.sound("running")
    textnorm.words("we never talk")
    assert textnorm.sound.cache_info().currsize >= 1
    assert textnorm._words.cache_info().currsize >= 1
    assert sizes(inside) == sizes(elsewhere) == sizes(outside) == (1, 2, 1)
    layer.forget_texts()  # no shared layer loaded: nothing to tell a model
    assert sizes(inside) == (0, 0, 1)
    assert textnorm.sound.cache_info().currsize == 0
    assert textnorm._words.cache_info().currsize == 0
    assert sizes(elsewhere) == (1, 2, 1)
    assert sizes(outside) == (1, 2, 1)
    assert inside.plain("x") == "x" and inside.table() == {"loaded": True}


def test_forget_texts_tells_the_shared_layers_model_to_forget_its_passes(parts, monkeypatch):
    understand = layer.default()
    inside = probe_module(monkeypatch, "facilitator.understanding.edge_probe")
    assert parts.models[0].forgotten == 0
    layer.forget_texts()
    assert parts.models[0].forgotten == 1
    assert sizes(inside) == (0, 0, 1)
    assert layer.default() is understand  # the layer itself is kept
    layer.forget_texts()
    assert parts.models[0].forgotten == 2


# --- the labelled sets and the hand-kept lists -------------------------------------------------

ROWS = {
    "turn_cases.jsonl": [
        {"id": "t-1", "step": "confirm", "text": "yes, that's it", "outcome": "yes",
         "command": "more", "safety": "none", "why": "agrees", "split": "dev"},
        {"id": "t-2", "step": "confirm", "text": "held out", "outcome": "no", "split": "test"},
        {"id": "t-3", "step": "confirm", "text": "no split given", "outcome": "no"},
        {"id": "t-4", "text": "I’m not sure — maybe", "split": "dev"},
    ],
    "command_cases.jsonl": [
        {"id": "c-9", "step": "send", "text": "stop", "command": "stop", "split": "dev"},
        {"id": "c-1", "step": "send", "text": "wait", "command": "pause", "split": "dev"},
    ],
    "safety_cases.jsonl": [
        {"id": "s-1", "text": "he hit me", "safety": "violence", "why": "hit",
         "split": "dev"},
    ],
}


@pytest.fixture
def data(tmp_path, monkeypatch):
    """Labelled files (a blank and a whitespace line in each) and hand-kept lists of one's
    own; the folder is the examples module's data folder while the test runs."""
    for name, rows in ROWS.items():
        lines = [json.dumps(r, ensure_ascii=False) for r in rows]
        (tmp_path / name).write_text("\n".join(lines[:1] + ["", "   "] + lines[1:]) + "\n",
                                     encoding="utf-8")
    hand = tmp_path / "examples"
    hand.mkdir()
    (hand / "steps.toml").write_text(
        '[[group]]\nstep = "more"\noutcome = "done"\ncommand = "send"\nsafety = "none"\n'
        'why = "finished"\ntexts = ["that\'s all", "nothing more"]\n\n'
        '[[group]]\ntexts = ["hmm"]\n\n'
        '[[group]]\nstep = "listening"\n\n'
        '[[group]]\nsafety = "self_harm"\nwhy = "end it"\ntexts = ["I want to end it"]\n',
        encoding="utf-8")
    (hand / "commands.toml").write_text('[[group]]\ncommand = "pause"\ntexts = ["hang on"]\n',
                                        encoding="utf-8")
    (hand / "notes.toml.txt").write_text('[[group]]\ntexts = ["not a list"]\n',
                                         encoding="utf-8")
    (hand / "empty.toml").write_text('title = "none yet"\n', encoding="utf-8")
    monkeypatch.setattr(examples, "DATA", tmp_path)
    monkeypatch.setattr(examples, "VECTORS", tmp_path / "vectors.npz")
    return tmp_path


def test_the_labelled_rows_are_read_whole_or_one_split(data):
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl")] == [
        "t-1", "t-2", "t-3", "t-4"]
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl", "dev")] == ["t-1", "t-4"]
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl", "test")] == ["t-2"]
    assert examples.labelled("command_cases.jsonl", "test") == []
    assert examples.labelled("turn_cases.jsonl")[0] == ROWS["turn_cases.jsonl"][0]


def test_the_labelled_files_are_read_as_utf8_whatever_the_locale(data):
    old = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")  # an ASCII locale, as a bare system may have
    try:
        rows = examples.labelled("turn_cases.jsonl", "dev")
    finally:
        locale.setlocale(locale.LC_CTYPE, old)
    assert [r["text"] for r in rows] == ["yes, that's it", "I’m not sure — maybe"]


def test_every_field_of_a_labelled_row_is_kept_with_its_file_and_id(data):
    got = examples.load_examples()
    assert got[:5] == [
        Example("yes, that's it", "confirm", "yes", "more", "none", "agrees",
                "turn_cases.jsonl:t-1"),
        Example("I’m not sure — maybe", None, None, None, None, None, "turn_cases.jsonl:t-4"),
        Example("stop", "send", None, "stop", None, None, "command_cases.jsonl:c-9"),
        Example("wait", "send", None, "pause", None, None, "command_cases.jsonl:c-1"),
        Example("he hit me", None, None, None, "violence", "hit", "safety_cases.jsonl:s-1"),
    ]


def test_every_field_of_a_hand_kept_group_is_kept_with_its_file_and_group_number(data):
    got = examples.load_examples()
    assert got[5:] == [
        Example("hang on", None, None, "pause", None, None, "commands.toml:group 1"),
        Example("that's all", "more", "done", "send", "none", "finished",
                "steps.toml:group 1"),
        Example("nothing more", "more", "done", "send", "none", "finished",
                "steps.toml:group 1"),
        Example("hmm", None, None, None, None, None, "steps.toml:group 2"),
        Example("I want to end it", None, None, None, "self_harm", "end it",
                "steps.toml:group 4"),
    ]


def test_a_hand_kept_list_read_alone(data):
    assert examples._from_toml(data / "examples" / "empty.toml") == []
    assert [(e.text, e.source) for e in examples._from_toml(data / "examples" / "steps.toml")] == [
        ("that's all", "steps.toml:group 1"), ("nothing more", "steps.toml:group 1"),
        ("hmm", "steps.toml:group 2"), ("I want to end it", "steps.toml:group 4")]


def test_the_held_out_split_is_never_learned_from(data):
    texts = [e.text for e in examples.load_examples()]
    assert "held out" not in texts and "no split given" not in texts
    assert "not a list" not in texts
    assert len(texts) == 10


def test_a_missing_labelled_file_is_one_line_saying_to_restore_it(data):
    (data / "safety_cases.jsonl").unlink()
    with pytest.raises(FacilitatorError) as caught:
        examples.load_examples()
    assert str(caught.value) == (
        f"{data / 'safety_cases.jsonl'}: cannot read the labelled examples (No such file or "
        "directory); restore the file from the repository")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_labelled_file_that_is_a_folder_is_named_too(data):
    (data / "odd.jsonl").mkdir()
    with pytest.raises(FacilitatorError) as caught:
        examples.labelled("odd.jsonl", "dev")
    assert str(caught.value) == (
        f"{data / 'odd.jsonl'}: cannot read the labelled examples (Is a directory); "
        "restore the file from the repository")


def test_a_broken_hand_kept_list_is_one_line_saying_to_fix_it(data):
    broken = data / "examples" / "broken.toml"
    broken.write_text("[[group]\ntexts = [", encoding="utf-8")
    with pytest.raises(FacilitatorError) as caught:
        examples.load_examples()
    assert str(caught.value) == (
        f"{broken}: cannot read the examples (Expected ']]' at the end of an array "
        "declaration (at line 1, column 8)); fix the file")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    missing = data / "examples" / "gone.toml"
    with pytest.raises(FacilitatorError) as caught:
        examples._from_toml(missing)
    assert str(caught.value) == (
        f"{missing}: cannot read the examples ([Errno 2] No such file or directory: "
        f"'{missing}'); fix the file")
