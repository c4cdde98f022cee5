"""Give each labelled case a frozen "split": "dev" (rules and examples may be tuned on it) or
"test" (never tuned on; the bench reports it).

Run once when a labelled file is added, before any tuning; the split is then part of the
file and never recomputed. Cases are ordered within each label by a hash of their id, so
the choice does not depend on the order or wording of the file, and 40 % of each label goes
to test.

    python scripts/freeze_split.py FILE.jsonl --label safety [--label2 step]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict

TEST_SHARE = 0.4
SALT = "imago-split-v1"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--label", action="append", required=True,
                        help="field(s) whose values define the strata")
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    if any("split" in r for r in rows):
        print(f"{args.file}: already split; the split is frozen", file=sys.stderr)
        return 2
    strata: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        strata[tuple(str(r.get(k)) for k in args.label)].append(r)
    for group in strata.values():
        group.sort(key=lambda r: hashlib.sha1(f"{SALT}:{r['id']}".encode()).hexdigest())
        n_test = round(len(group) * TEST_SHARE)
        for k, r in enumerate(group):
            r["split"] = "test" if k < n_test else "dev"
    with open(args.file, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = defaultdict(int)
    for r in rows:
        counts[r["split"]] += 1
    print(f"{args.file}: {dict(counts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
