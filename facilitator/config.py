"""The settings file: every command-line option can also live in a TOML file.

The file sits in the user's config folder (``facilitator config --path`` shows it;
``FACILITATOR_CONFIG`` points elsewhere). Keys are the long option names, with dashes or
underscores, at the top level::

    rate = 160
    voice = "en-us"
    names = ["Ana", "Ben"]
    no-timeouts = true

The command line wins over the file; the file wins over the built-in defaults. Every
value is checked against ``settings_schema.py`` (the same rules as the options) when the
file is read, and a mistake is named with the file and its line. Settings changed by voice
("slower") are written back with ``save_setting`` so they last.
"""

from __future__ import annotations

import argparse
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import tomli_w

from facilitator.errors import FacilitatorError
from facilitator.settings_schema import FILE_ONLY, SETTINGS, suggestion, toml_value
from facilitator.toml_lines import key_lines

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


@dataclass(frozen=True)
class SettingsFile:
    """The settings in a file, keys normalised to underscores, and the line of each."""

    path: Path
    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)

    def where(self, key: str) -> str:
        """"FILE, line N" for messages about ``key`` (just FILE when the line is unknown)."""
        line = self.lines.get(normalize_key(key))
        return f"{self.path}, line {line}" if line else str(self.path)


def read_settings(path: str | Path | None = None) -> SettingsFile:
    """The settings file read and its shape checked (values are checked by ``check_settings``)."""
    source = Path(path) if path is not None else config_path()
    try:
        with open(source, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return SettingsFile(source)
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
    except OSError as exc:
        raise FacilitatorError(
            f"{source}: cannot read the settings file ({exc.strerror or exc}); set "
            f"{CONFIG_ENV} to another file"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FacilitatorError(
            f"{source}: not UTF-8 text; save the settings file as UTF-8"
        ) from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FacilitatorError(
            f"{source}: not valid TOML ({exc}); fix the file or delete it to start afresh"
        ) from None

    lines = {normalize_key(key): line for key, line in key_lines(text).items() if "." not in key}
    settings = SettingsFile(source, lines=lines)
    for key, value in table.items():
        name = normalize_key(key)
        if isinstance(value, dict):
            raise FacilitatorError(
                f"{settings.where(name)}: section [{key}] is not supported; write settings at "
                "the top level, e.g. rate = 160"
            )
        if name in settings.values:
            raise FacilitatorError(
                f"{settings.where(name)}: setting '{name}' is given twice (with a dash and an "
                "underscore); keep one"
            )
        settings.values[name] = value
    return settings


def load_config(path: str | Path | None = None) -> dict:
    """The settings in the file, keys normalised to underscores; ``{}`` when there is none."""
    return read_settings(path).values


def check_settings(settings: SettingsFile, known_options: set[str] | None = None) -> dict:
    """The file's settings checked against the schema, as option defaults (``dest -> value``).

    ``known_options`` are the argparse ``dest`` names the program has (all of
    ``settings_schema.SETTINGS`` by default). A setting written the other way round from its
    flag is accepted too: ``cues = false`` for ``--no-cues``. An unknown key or a value that
    is not allowed is a one-line error naming the file, the line, the key and the value.
    """
    known = set(SETTINGS) if known_options is None else {
        normalize_key(option) for option in known_options} | FILE_ONLY
    defaults: dict = {}
    for key, value in settings.values.items():
        name = normalize_key(key)
        where = settings.where(name)
        if name in known:
            defaults[name] = SETTINGS[name].check_file_value(value, where)
            continue
        flipped = _flipped_name(name, known)
        if flipped is not None:
            if not isinstance(value, bool):
                raise FacilitatorError(
                    f"{where}: {name.replace('_', '-')} = {toml_value(value)}: must be true "
                    "or false"
                )
            defaults[flipped] = not value
            continue
        hint = suggestion(name, known)
        suggest = f" (did you mean '{hint.replace('_', '-')}'?)" if hint else ""
        raise FacilitatorError(
            f"{where}: unknown setting '{key}'{suggest}; settings are the long "
            "command-line options, e.g. rate = 160"
        )
    return defaults


def config_defaults(
    known_options: set[str] | None = None, *, path: str | Path | None = None
) -> dict:
    """The checked settings of the file at ``path`` (the usual one by default)."""
    return check_settings(read_settings(path), known_options)


# Settings an environment variable overrides: command line, then environment, then the file.
ENV_OVERRIDES = {"data_dir": "FACILITATOR_DATA_DIR"}


def config_for_command(parser: argparse.ArgumentParser, command: str | None, *,
                       path: str | Path | None = None,
                       settings: SettingsFile | None = None) -> dict:
    """The defaults the file gives ``command``'s subparser, ready for ``set_defaults``.

    One file serves every subcommand, so every key is checked (``plot`` in the file must
    not break ``facilitator session``, but a ``plot`` that is not a PNG path is reported
    whatever the command), and only the ones ``command`` has are returned.
    """
    settings = settings if settings is not None else read_settings(path)
    checked = check_settings(settings, set(parser_defaults(parser)))
    sub = _subparser(parser, command)
    if sub is None:
        return {}
    own = parser_defaults(sub)
    return {
        key: value for key, value in checked.items()
        if key in own and not os.environ.get(ENV_OVERRIDES.get(key, ""))
    }


def remembered(parser: argparse.ArgumentParser, settings: SettingsFile) -> dict:
    """What the program keeps in the file for itself (``usual_dialogue``...), checked."""
    checked = check_settings(settings, set(parser_defaults(parser)))
    return {key: value for key, value in checked.items() if key in FILE_ONLY}


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
            f"{target}: cannot store {value!r} for setting '{name}' in TOML"
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
