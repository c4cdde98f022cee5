"""Mutation scores per module from the results `mutmut run` left in mutants/.

    python scripts/mutation_scores.py [--only PATTERN ...] [--equivalent FILE]

A mutant is *killed* when a test failed (or timed out) with it in place, *survived* when
every test that reaches it passed, *no tests* when no fast test reaches the function at all.
The score is killed / (killed + survived + no tests): code no test reaches counts against
it. Mutants listed in the equivalent file (one name a line, then ``#`` and why) change no
behaviour a person could notice and are left out of the score, with their reason kept.
Not-yet-run mutants are counted apart, so a partial run says how partial it is.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {1, 3, 36, 24, -24, 152, 255, -11, -9}  # failures, timeouts and crashes
SURVIVED = {0}
NO_TESTS = {5, 33}
EQUIVALENT = ROOT / "bench" / "mutation_equivalent.txt"


def equivalent_names(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            out[name.strip()] = why.strip()
    return out


def results(mutants: Path) -> dict[str, int | None]:
    codes: dict[str, int | None] = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text())["exit_code_by_key"])
    return codes


def module_of(name: str) -> str:
    return name.split(".x_")[0].split(".xǁ")[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[],
                        help="mutant name patterns (fnmatch), such as "
                             "'facilitator.records.x_make_private_dir*'")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    args = parser.parse_args(argv)
    equivalent = equivalent_names(EQUIVALENT)
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    survivors = []
    for name, code in results(args.mutants).items():
        if args.only and not any(fnmatch.fnmatchcase(name, p) for p in args.only):
            continue
        row = table[module_of(name)]
        if name in equivalent:
            row["equivalent"] += 1
        elif code is None:
            row["not run"] += 1
        elif code in KILLED:
            row["killed"] += 1
        elif code in SURVIVED:
            row["survived"] += 1
            survivors.append(name)
        elif code in NO_TESTS:
            row["no tests"] += 1
            survivors.append(name)
        else:
            row["other"] += 1
    print("| module | killed | survived | no tests | equivalent | not run | score |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for module, row in sorted(table.items()):
        judged = row["killed"] + row["survived"] + row["no tests"]
        score = f"{100 * row['killed'] / judged:.1f} %" if judged else "-"
        print(f"| {module} | {row['killed']} | {row['survived']} | {row['no tests']} | "
              f"{row['equivalent']} | {row['not run']} | {score} |")
    if args.survivors:
        print("\n".join(sorted(survivors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
