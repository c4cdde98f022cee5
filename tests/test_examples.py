"""The labelled examples the understanding layer learns from, as kept on disk."""

from __future__ import annotations

import json

import numpy as np
import pytest

from facilitator.errors import FacilitatorError
from facilitator.understanding import examples
from facilitator.understanding.examples import VECTORS, Example, load_examples, text_key


def test_every_labelled_example_has_its_vector_kept_on_disk():
    # A stale vectors.npz is not wrong, only slow: every process that loads the
    # understanding layer would encode the missing examples again (seconds each).
    with np.load(VECTORS) as data:
        kept = set(data["keys"].tolist())
    missing = sorted({e.text for e in load_examples() if text_key(e.text) not in kept})
    assert not missing, (f"{len(missing)} examples have no kept vector: run "
                         "python -m facilitator.understanding.examples")


# --- how the examples are read and their vectors kept -----------------------------------------

class WordModel:
    """A stand-in for the meaning model: a text's vector says how long it is, and each call
    is counted, so a test sees which texts were encoded."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def sentences(self, texts):
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for k, text in enumerate(texts):
            out[k, 0] = len(text)
            out[k, 1] = 1.0
        return out


@pytest.fixture
def data(tmp_path, monkeypatch):
    """An examples folder of one's own: two labelled files and one hand-kept list."""
    rows = {
        "turn_cases.jsonl": [
            {"id": "t-1", "step": "confirm", "text": "yes, that's it", "outcome": "yes",
             "split": "dev"},
            {"id": "t-2", "step": "confirm", "text": "held out", "outcome": "no",
             "split": "test"},
        ],
        "command_cases.jsonl": [
            {"id": "c-1", "step": "send", "text": "stop", "command": "stop", "split": "dev"},
        ],
        "safety_cases.jsonl": [
            {"id": "s-1", "text": "he hit me", "safety": "violence", "why": "hit",
             "split": "dev"},
        ],
    }
    for name, lines in rows.items():
        (tmp_path / name).write_text(
            "\n".join(json.dumps(r) for r in lines) + "\n\n", encoding="utf-8")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "commands.toml").write_text(
        '[[group]]\ncommand = "pause"\ntexts = ["hang on", "one sec"]\n\n'
        '[[group]]\nstep = "more"\noutcome = "done"\ntexts = ["that\'s all"]\n',
        encoding="utf-8")
    (tmp_path / "examples" / "safety.toml").write_text(
        '[[group]]\nsafety = "violence"\nwhy = "pushed"\ntexts = ["he pushed me"]\n',
        encoding="utf-8")
    (tmp_path / "examples" / "notes.txt").write_text("not a list", encoding="utf-8")
    monkeypatch.setattr(examples, "DATA", tmp_path)
    monkeypatch.setattr(examples, "VECTORS", tmp_path / "vectors.npz")
    return tmp_path


def test_labelled_rows_are_read_whole_or_by_split(data):
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl")] == ["t-1", "t-2"]
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl", "dev")] == ["t-1"]
    assert [r["id"] for r in examples.labelled("turn_cases.jsonl", "test")] == ["t-2"]


def test_a_missing_labelled_file_is_named_with_what_to_do(data):
    with pytest.raises(FacilitatorError) as caught:
        examples.labelled("nowhere.jsonl")
    message = str(caught.value)
    assert str(data / "nowhere.jsonl") in message
    assert "cannot read the labelled examples" in message
    assert message.endswith("; restore the file from the repository")
    assert caught.value.__cause__ is None


def test_only_the_dev_split_and_the_hand_kept_lists_are_learned_from(data):
    got = examples.load_examples()
    assert [e.text for e in got] == ["yes, that's it", "stop", "he hit me", "hang on",
                                     "one sec", "that's all", "he pushed me"]
    assert got[0] == Example("yes, that's it", "confirm", "yes", None, None, None,
                             "turn_cases.jsonl:t-1")
    assert got[1] == Example("stop", "send", None, "stop", None, None,
                             "command_cases.jsonl:c-1")
    assert got[2] == Example("he hit me", None, None, None, "violence", "hit",
                             "safety_cases.jsonl:s-1")
    assert got[3] == Example("hang on", None, None, "pause", None, None,
                             "commands.toml:group 1")
    assert got[5] == Example("that's all", "more", "done", None, None, None,
                             "commands.toml:group 2")
    assert got[6] == Example("he pushed me", None, None, None, "violence", "pushed",
                             "safety.toml:group 1")


def test_a_broken_hand_kept_list_is_named(data):
    (data / "examples" / "steps.toml").write_text("[[group]\ntexts = [", encoding="utf-8")
    with pytest.raises(FacilitatorError) as caught:
        examples.load_examples()
    assert str(data / "examples" / "steps.toml") in str(caught.value)
    assert "fix the file" in str(caught.value)


def test_a_list_without_groups_or_texts_adds_nothing(data):
    (data / "examples" / "empty.toml").write_text('title = "none yet"\n', encoding="utf-8")
    (data / "examples" / "a.toml").write_text('[[group]]\ncommand = "stop"\n',
                                              encoding="utf-8")
    assert len(examples.load_examples()) == 7


def test_a_texts_key_is_the_start_of_its_sha1():
    assert text_key("stop") == "1b480158e1f30e0b6cee"  # sha1("stop"), as kept in vectors.npz
    assert len(text_key("")) == 20 and text_key("Stop") != text_key("stop")


def test_kept_vectors_are_used_and_only_the_missing_texts_encoded(data):
    model = WordModel()
    assert examples.rebuild_vectors(model) == 7
    with np.load(data / "vectors.npz") as kept:
        assert kept["vectors"].dtype == np.float16
        assert kept["vectors"].shape == (7, 384)
        assert sorted(kept["keys"].tolist()) == sorted(
            text_key(e.text) for e in examples.load_examples())
    assert not list(data.glob("*.partial*"))
    model = WordModel()
    got = examples.example_vectors(model, ["stop", "something new", "hang on"])
    assert model.calls == [["something new"]]
    assert got.dtype == np.float32 and got.shape == (3, 384)
    assert got[:, 0].tolist() == [4.0, 13.0, 7.0]
    assert got[:, 1].tolist() == [1.0, 1.0, 1.0]


def test_without_kept_vectors_every_text_is_encoded(data):
    model = WordModel()
    got = examples.example_vectors(model, ["stop", "hang on"])
    assert model.calls == [["stop", "hang on"]]
    assert got[:, 0].tolist() == [4.0, 7.0]
    model = WordModel()
    examples.example_vectors(model, [])
    assert model.calls == []


def test_vectors_are_rebuilt_in_batches_of_32_once_per_text(data):
    many = [f"turn {n}" for n in range(40)]
    (data / "examples" / "more.toml").write_text(
        "[[group]]\ntexts = [" + ", ".join(f'"{t}"' for t in many + many[:3]) + "]\n",
        encoding="utf-8")
    model = WordModel()
    assert examples.rebuild_vectors(model) == 47
    assert [len(c) for c in model.calls] == [32, 15]
    assert sorted(sum(model.calls, [])) == sorted({e.text for e in examples.load_examples()})
    with np.load(data / "vectors.npz") as kept:
        keys = kept["keys"].tolist()
        vectors = kept["vectors"]
    assert keys == [text_key(t) for t in sorted(set(sum(model.calls, [])))]
    assert vectors[keys.index(text_key("turn 12")), 0] == len("turn 12")
