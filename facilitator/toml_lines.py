"""Where each key of a TOML file is written, so an error can name the line.

``tomllib`` gives values, not positions. This reads the text once more, line by line, for
``key = value`` lines (bare or quoted keys) under their ``[section]``; lines inside
multi-line strings are skipped. It is for messages only: a key it cannot place is simply
reported without a line.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"""^\s*(?:"([^"\\]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")
_SECTION = re.compile(r"""^\s*\[\s*([A-Za-z0-9_."' -]+?)\s*\]\s*(?:#.*)?$""")


def key_lines(text: str) -> dict[str, int]:
    """``{"section.key": line}`` (1-based; top-level keys have no section, and a section
    header is listed under its own name) for ``text``."""
    found: dict[str, int] = {}
    section = ""
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        header = _SECTION.match(line)
        if header and not line.lstrip().startswith("[["):
            section = header.group(1).replace('"', "").replace("'", "").strip()
            found.setdefault(section, number)
            continue
        match = _KEY.match(line)
        if match:
            key = next(group for group in match.groups() if group is not None)
            found.setdefault(f"{section}.{key}" if section else key, number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                open_quote = quote
                break
    return found
