"""``make bench``: run every benchmark in one go and record its figures in RESULTS.md.

``python -m bench mirror turns`` runs only the named ones.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ["mirror", "turn_reading", "turns", "real", "replay", "check", "decode", "room",
              "start", "screen", "soak"]


def main(argv: list[str]) -> int:
    chosen = argv or BENCHMARKS
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"bench: unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    failed = []
    for name in chosen:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.bench_{name}":
                raise
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        code = module.main([]) or 0
        print(f"({name}: {time.monotonic() - started:.0f} s)", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nbench: {', '.join(failed)} did not complete")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
