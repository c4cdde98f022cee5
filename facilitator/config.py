"""The settings file: every command-line option can also live in a TOML file.

The file sits in the user's config folder (``facilitator config --path`` shows it;
``FACILITATOR_CONFIG`` points elsewhere). Keys are the long option names, with dashes or
underscores, at the top level::

    rate = 160
    voice = "en-us"
    names = ["Ana", "Ben"]
    no-timeouts = true

The command line wins over the file; the file wins over the built-in defaults. Settings
changed by voice ("slower") are written back with ``save_setting`` so they last.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import tomllib
from pathlib import Path

import platformdirs
import tomli_w

from facilitator.errors import FacilitatorError

APP_NAME = "imago-facilitator"
CONFIG_ENV = "FACILITATOR_CONFIG"
CONFIG_FILE_NAME = "config.toml"


def config_path() -> Path:
    """Where the settings file is (it need not exist yet)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME


def normalize_key(key: str) -> str:
    """``no-timeouts`` and ``no_timeouts`` name the same setting; argparse uses underscores."""
    return key.strip().replace("-", "_")


def load_config(path: str | Path | None = None) -> dict:
    """The settings in the file, keys normalised to underscores; ``{}`` when there is none."""
    source = Path(path) if path is not None else config_path()
    try:
        with open(source, "rb") as f:
            table = tomllib.load(f)
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise FacilitatorError(
            f"{source}: is a folder, not a settings file; remove it or set {CONFIG_ENV} "
            "to a file"
        ) from None
    except PermissionError:
        raise FacilitatorError(
            f"{source}: cannot read the settings file (permission denied); fix its "
            "permissions or set " + CONFIG_ENV + " to another file"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise FacilitatorError(
            f"{source}: not valid TOML ({exc}); fix the file or delete it to start afresh"
        ) from None
    except UnicodeDecodeError:
        raise FacilitatorError(
            f"{source}: not UTF-8 text; save the settings file as UTF-8"
        ) from None

    settings: dict = {}
    for key, value in table.items():
        if isinstance(value, dict):
            raise FacilitatorError(
                f"{source}: section [{key}] is not supported; write settings at the top "
                "level, e.g. rate = 160"
            )
        name = normalize_key(key)
        if name in settings:
            raise FacilitatorError(
                f"{source}: setting '{name}' is given twice (with a dash and an underscore); "
                "keep one"
            )
        settings[name] = value
    return settings


def config_defaults(
    known_options: set[str], *, config: dict | None = None, path: str | Path | None = None
) -> dict:
    """The file's settings checked against the options the program knows.

    ``known_options`` are argparse ``dest`` names (``no_timeouts``). A setting written the
    other way round from its flag is accepted too: ``cues = false`` for a ``no_cues`` flag,
    or ``no-cues = true`` for a ``cues`` option. An unknown key is a one-line error naming
    the file and the key, with the closest known option.
    """
    source = Path(path) if path is not None else config_path()
    settings = load_config(source) if config is None else config
    known = {normalize_key(option) for option in known_options}
    defaults: dict = {}
    for key, value in settings.items():
        name = normalize_key(key)
        if name in known:
            defaults[name] = value
            continue
        flipped = _flipped_name(name, known)
        if flipped is not None:
            if not isinstance(value, bool):
                raise FacilitatorError(
                    f"{source}: setting '{name}' should be true or false, not {_show(value)}"
                )
            defaults[flipped] = not value
            continue
        hint = difflib.get_close_matches(name, sorted(known), n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise FacilitatorError(
            f"{source}: unknown setting '{name}'{suggestion}; settings are the long "
            "command-line options, e.g. rate = 160"
        )
    return defaults


def apply_config(parser_defaults: dict, config: dict, *, path: str | Path | None = None) -> dict:
    """``parser_defaults`` updated with ``config``, each value checked against its default's type.

    ``parser_defaults`` maps dest -> built-in default (see ``parser_defaults``). A default of
    ``None`` accepts any value; otherwise booleans need true/false, numbers need numbers, text
    needs text and lists need lists, so a typo in the file fails here with the key named
    rather than deep inside a session.
    """
    source = Path(path) if path is not None else config_path()
    merged = dict(parser_defaults)
    for key, value in config.items():
        name = normalize_key(key)
        if name not in parser_defaults:
            raise FacilitatorError(
                f"{source}: unknown setting '{name}'; settings are the long command-line options"
            )
        _check_type(source, name, value, parser_defaults[name])
        merged[name] = value
    return merged


# Settings an environment variable overrides: command line, then environment, then the file.
ENV_OVERRIDES = {"data_dir": "FACILITATOR_DATA_DIR"}


def config_for_command(parser: argparse.ArgumentParser, command: str | None, *,
                       path: str | Path | None = None) -> dict:
    """The defaults the file gives ``command``'s subparser, ready for ``set_defaults``.

    One file serves every subcommand, so keys are checked against the options of all of
    them (``plot`` in the file must not break ``facilitator session``), and only the ones
    ``command`` has are returned, each type-checked against its built-in default.
    """
    source = Path(path) if path is not None else config_path()
    everything = parser_defaults(parser)
    settings = config_defaults(set(everything), path=source)
    sub = _subparser(parser, command)
    if sub is None:
        return {}
    own = parser_defaults(sub)
    wanted = {
        key: value for key, value in settings.items()
        if key in own and not os.environ.get(ENV_OVERRIDES.get(key, ""))
    }
    merged = apply_config(own, wanted, path=source)
    return {key: merged[key] for key in wanted}


def _subparser(parser: argparse.ArgumentParser, command: str | None
               ) -> argparse.ArgumentParser | None:
    for action in parser._actions:  # argparse has no public way to list its actions
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return None


def parser_defaults(parser: argparse.ArgumentParser) -> dict:
    """dest -> default for every long option of ``parser`` and its subcommands.

    Positional arguments, --help and --version are left out: they make no sense in a file.
    """
    found: dict = {}
    for action in parser._actions:  # argparse has no public way to list its actions
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for dest, default in parser_defaults(sub).items():
                    found.setdefault(dest, default)
            continue
        if not action.option_strings or action.dest in ("help", "version"):
            continue
        if action.default is argparse.SUPPRESS:
            continue
        found.setdefault(action.dest, action.default)
    return found


def save_setting(key: str, value: object, *, path: str | Path | None = None) -> Path:
    """Set one setting in the file, keeping the rest of it (comments included). Written 0600.

    Used when a partner changes something by voice ("slower"), so it lasts to next time.
    """
    target = Path(path) if path is not None else config_path()
    name = normalize_key(key)
    try:
        new_line = tomli_w.dumps({name: value}).strip()
    except TypeError:
        raise FacilitatorError(
            f"{target}: cannot store {_show(value)} for setting '{name}' in TOML"
        ) from None

    try:
        old_text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        old_text = ""
    except OSError as exc:
        raise FacilitatorError(
            f"{target}: cannot read the settings file ({exc.strerror}); fix its permissions "
            f"or set {CONFIG_ENV} to another file"
        ) from None

    current = load_config(target) if old_text else {}
    current[name] = value
    text = _replace_line(old_text, name, new_line)
    # A multi-line value for this key, or anything the line edit could get wrong, is caught
    # by parsing the result; then the file is rewritten whole (losing comments, not settings).
    if text is None or _parses_to(text) != current:
        text = tomli_w.dumps(current)

    _write_private(target, text)
    return target


def _replace_line(text: str, name: str, new_line: str) -> str | None:
    lines = text.splitlines()
    spellings = {name, name.replace("_", "-")}
    pattern = re.compile(r"^\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*=")
    hits = []
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            break  # sections are not supported; stay in the top-level table
        match = pattern.match(line)
        if match and match.group(1) in spellings:
            hits.append(index)
    if len(hits) > 1:
        return None
    if hits:
        lines[hits[0]] = new_line
    else:
        lines.append(new_line)
    return "\n".join(lines) + "\n"


def _parses_to(text: str) -> dict | None:
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return {normalize_key(key): value for key, value in table.items()}


def _write_private(target: Path, text: str) -> None:
    # Imported here: every command reads the settings, few write them, and records pulls
    # in numpy.
    from facilitator.records import write_private_file

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(target, text)
    except OSError as exc:
        raise FacilitatorError(
            f"{target}: cannot save the setting ({exc.strerror}); check the folder's "
            f"permissions or set {CONFIG_ENV} to another file"
        ) from None


def _flipped_name(name: str, known: set[str]) -> str | None:
    if name.startswith("no_") and name[3:] in known:
        return name[3:]
    if "no_" + name in known:
        return "no_" + name
    return None


def _check_type(source: Path, name: str, value: object, default: object) -> None:
    if default is None:
        return
    if isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        wanted = "a number"
    elif isinstance(default, str):
        ok, wanted = isinstance(value, str), "text in quotes"
    elif isinstance(default, (list, tuple)):
        ok, wanted = isinstance(value, list), "a list, e.g. [\"Ana\", \"Ben\"]"
    else:
        return
    if not ok:
        raise FacilitatorError(f"{source}: setting '{name}' should be {wanted}, not {_show(value)}")


def _show(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
