"""Every sentence the facilitator says, loaded from a TOML data file.

The wording lives in ``facilitator/data/prompts.en.toml`` rather than in code so that a
therapist can edit or translate it without touching Python. ``--prompts FILE`` points at
another copy. A key may hold one sentence or a list of variants; callers pass a counter
so that a prompt offered again does not sound word-for-word repeated.

A custom file is checked whole when it is loaded, before the session starts: every key
must be one the bundled file has, and every ``{field}`` one the program fills in for that
sentence (``FIELDS``). A mistake is one line naming the file, the line and the key; a key
the file leaves out keeps the bundled sentence.
"""

from __future__ import annotations

import difflib
import functools
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.toml_lines import key_lines

DEFAULT_PROMPTS = Path(__file__).parent / "data" / "prompts.en.toml"

# The fields each sentence can use: what the code has in hand when it says it. Every prompt
# of the dialogue gets the partners and the topic (dialogue.py); a few get more.
_PARTNERS = ("sender", "receiver", "first", "second", "topic")
_FEEDBACK = ("sender", "Sender", "receiver")  # feedback.py, after a mirror check
# setup.py, before the dialogue: the partners as far as known, the one asked or checked now,
# and the days since the last dialogue.
_SETUP = ("first", "second", "name", "days")
FIELDS: dict[str, tuple[str, ...]] = {
    "coach.blame": _PARTNERS + ("phrase",),
    "intentional.welcome_back": _PARTNERS + ("gap",),
    "intentional.gap_offer": _PARTNERS + ("gap",),
    **{f"coach.validation{why}": _PARTNERS + ("feeling",) for why in (
        "", "_contempt", "_sarcasm", "_rebuttal", "_dismissal")},
    **{f"coach.empathy{why}": _PARTNERS + ("feeling",) for why in (
        "", "_thought", "_contempt", "_own")},
    "coach.default_feeling": (),
    "command.muted": (),
    "feedback.complete": _FEEDBACK,
    "feedback.unsure": _FEEDBACK,
    "feedback.missed_empty": _FEEDBACK,
    "feedback.missed": _FEEDBACK + ("quote",),
    "feedback.partial": _FEEDBACK + ("caught", "missed"),
    "feedback.partial_quote": _FEEDBACK + ("caught", "quote"),
    "feedback.changed": _FEEDBACK + ("caught", "quote"),
    "feedback.added": _FEEDBACK + ("caught",),
}


def fields_for(key: str) -> tuple[str, ...]:
    """The ``{fields}`` the sentence ``key`` ("section.name") may use."""
    if key.startswith("setup."):
        return _SETUP
    return FIELDS.get(key, _PARTNERS)


@dataclass(frozen=True)
class Prompts:
    table: dict
    source: Path

    def text(self, key: str, variant: int = 0, **fields: object) -> str:
        """The sentence for ``key`` ("section.name"), with ``{fields}`` filled in."""
        node: object = self.table
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise FacilitatorError(
                    f"{self.source}: no prompt '{key}'; add it to the file or use the bundled "
                    f"one ({DEFAULT_PROMPTS})"
                )
            node = node[part]
        if isinstance(node, list):
            node = node[variant % len(node)]
        if not isinstance(node, str):
            raise FacilitatorError(f"{self.source}: prompt '{key}' must be text or a list of text")
        return _fill(node, fields, key, self.source)

    def has(self, key: str) -> bool:
        node: object = self.table
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True


def _fill(template: str, fields: dict, key: str, source: Path) -> str:
    # A translator may drop a field ("{receiver}") on purpose; a field the file asks for
    # that the code does not provide is a mistake in the file, reported by name.
    wanted = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    missing = wanted - set(fields)
    if missing:
        raise FacilitatorError(
            f"{source}: prompt '{key}' uses unknown field(s) {', '.join(sorted(missing))}; "
            f"available: {', '.join(sorted(fields)) or 'none'}"
        )
    return template.format(**fields)


def load_prompts(path: str | Path | None = None) -> Prompts:
    """The bundled prompts, or ``path`` checked whole and laid over them."""
    if not path:
        return _bundled()
    source = Path(path)
    table, lines = _read(source)
    bundled = _bundled().table
    _check(table, lines, source, bundled)
    merged = {section: {**entries, **table.get(section, {})}
              for section, entries in bundled.items()}
    return Prompts(merged, source)


@functools.cache
def _bundled() -> Prompts:
    table, _ = _read(DEFAULT_PROMPTS)
    return Prompts(table, DEFAULT_PROMPTS)


def _read(source: Path) -> tuple[dict, dict[str, int]]:
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise FacilitatorError(f"{source}: prompts file not found; check --prompts") from None
    except IsADirectoryError:
        raise FacilitatorError(f"{source}: is a folder, not a prompts file; check --prompts"
                               ) from None
    except OSError as exc:
        raise FacilitatorError(
            f"{source}: cannot read the prompts file ({exc.strerror or exc}); check --prompts"
        ) from None
    try:
        text = raw.decode("utf-8")
        return tomllib.loads(text), key_lines(text)
    except UnicodeDecodeError:
        raise FacilitatorError(f"{source}: not UTF-8 text; save the prompts file as UTF-8"
                               ) from None
    except tomllib.TOMLDecodeError as exc:
        raise FacilitatorError(f"{source}: not valid TOML ({exc}); fix the file") from None


def _check(table: dict, lines: dict[str, int], source: Path, bundled: dict) -> None:
    def where(key: str) -> str:
        line = lines.get(key)
        return f"{source}, line {line}" if line else str(source)

    for section, entries in table.items():
        if section not in bundled:
            hint = _closest(section, list(bundled))
            raise FacilitatorError(
                f"{where(section)}: unknown prompts section '{section}'{hint}; the sections are "
                f"{', '.join(f'[{name}]' for name in bundled)} (see {DEFAULT_PROMPTS})"
            )
        if not isinstance(entries, dict):
            raise FacilitatorError(
                f"{where(section)}: '{section}' must be a [{section}] section of prompts")
        for name, value in entries.items():
            key = f"{section}.{name}"
            if name not in bundled[section]:
                hint = _closest(name, list(bundled[section]), prefix=f"{section}.")
                raise FacilitatorError(
                    f"{where(key)}: unknown prompt '{key}'{hint}; the bundled file "
                    f"({DEFAULT_PROMPTS}) lists every prompt"
                )
            variants = value if isinstance(value, list) else [value]
            if not variants or not all(isinstance(v, str) for v in variants):
                raise FacilitatorError(
                    f"{where(key)}: prompt '{key}' must be text in quotes or a list of texts")
            for variant in variants:
                _check_fields(variant, key, where(key))


def _check_fields(text: str, key: str, where: str) -> None:
    allowed = fields_for(key)
    can = ", ".join("{" + f + "}" for f in allowed) or "no {fields}"
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise FacilitatorError(
            f"{where}: prompt '{key}' has a {{ or }} without its pair; write {{{{ or }}}} "
            "for a brace itself"
        ) from None
    for _, field, _, _ in parsed:
        if field is not None and field not in allowed:
            hint = difflib.get_close_matches(field, allowed, n=1)
            guess = f" (did you mean {{{hint[0]}}}?)" if hint else ""
            raise FacilitatorError(
                f"{where}: prompt '{key}' uses {{{field}}}{guess}, which this sentence cannot "
                f"fill; it can use {can}"
            )
    try:
        text.format(**{f: "x" for f in allowed})
    except (ValueError, KeyError, IndexError, AttributeError) as exc:
        raise FacilitatorError(f"{where}: prompt '{key}' cannot be filled in ({exc})") from None


def _closest(name: str, known: list[str], prefix: str = "") -> str:
    hint = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean '{prefix}{hint[0]}'?)" if hint else ""
