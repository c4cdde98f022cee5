"""--model resolution: folders, names in models/, the bundled tiny.en, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator import models
from facilitator.errors import FacilitatorError
from facilitator.models import DEFAULT_MODEL, bundled_model, is_model_dir, resolve_model


def fake_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("model.bin", "config.json", "vocabulary.txt"):
        (folder / name).write_text("x")
    return folder


@pytest.fixture
def models_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setattr(models, "models_dirs", lambda: [folder])
    return folder


def test_default_is_the_bundled_tiny_en(models_dir):
    name, folder = bundled_model()
    assert name == DEFAULT_MODEL
    assert resolve_model() == folder
    assert resolve_model("tiny.en") == folder
    assert is_model_dir(folder)


def test_a_name_in_models_dir_wins_over_the_bundled_one(models_dir):
    mine = fake_model(models_dir / "tiny.en")
    fake_model(models_dir / "small.en")
    assert resolve_model("tiny.en") == mine.resolve()
    assert resolve_model("small.en") == (models_dir / "small.en").resolve()


def test_a_folder_path_is_used_as_it_is(tmp_path, models_dir):
    folder = fake_model(tmp_path / "elsewhere" / "base-ct2")
    assert resolve_model(str(folder)) == folder.resolve()
    assert resolve_model(folder) == folder.resolve()


def test_unknown_name_lists_what_exists_and_how_to_add_one(models_dir):
    fake_model(models_dir / "base.en")
    with pytest.raises(FacilitatorError) as info:
        resolve_model("medium.en")
    message = str(info.value)
    assert "base.en" in message and "tiny.en" in message and "models/README.md" in message
    assert "\n" not in message


def test_download_only_when_allowed(models_dir):
    assert resolve_model("small.en", allow_download=True) == "small.en"


def test_broken_folders_are_reported(tmp_path, models_dir):
    with pytest.raises(FacilitatorError, match="no such folder"):
        resolve_model(str(tmp_path / "nowhere"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(FacilitatorError, match="model.bin, config.json"):
        resolve_model(str(tmp_path / "empty"))
    (models_dir / "base.en").mkdir()
    with pytest.raises(FacilitatorError, match="not a CTranslate2 Whisper model folder"):
        resolve_model("base.en")


def test_a_corrupt_model_file_is_a_one_line_error(tmp_path):
    from facilitator.transcribe import Transcriber

    _, folder = bundled_model()
    broken = tmp_path / "broken"
    broken.mkdir()
    for part in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (broken / part).write_bytes((folder / part).read_bytes())
    (broken / "model.bin").write_bytes(b"\0" * 1000)
    with pytest.raises(FacilitatorError) as info:
        Transcriber(broken)
    assert "could not be loaded" in str(info.value) and "\n" not in str(info.value)
