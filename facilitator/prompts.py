"""Every sentence the facilitator says, loaded from a TOML data file.

The wording lives in ``facilitator/data/prompts.en.toml`` rather than in code so that a
therapist can edit or translate it without touching Python. ``--prompts FILE`` points at
another copy. A key may hold one sentence or a list of variants; callers pass a counter
so that a prompt offered again does not sound word-for-word repeated.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError

DEFAULT_PROMPTS = Path(__file__).parent / "data" / "prompts.en.toml"


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
    source = Path(path) if path else DEFAULT_PROMPTS
    try:
        with open(source, "rb") as f:
            return Prompts(tomllib.load(f), source)
    except FileNotFoundError:
        raise FacilitatorError(f"{source}: prompts file not found; check --prompts") from None
    except tomllib.TOMLDecodeError as exc:
        raise FacilitatorError(f"{source}: not valid TOML ({exc}); fix the file") from None
