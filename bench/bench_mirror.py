"""Mirror-fidelity benchmark: verdict agreement on the labelled set, against a plain baseline.

Run from the repository root: ``python -m bench.bench_mirror``. Prints a table and records
it in bench/RESULTS.md (section "mirror").

The baseline is what a simple check would do: recall of the sender's stemmed content words
in the mirror, with its two thresholds (partial / complete) tuned on this same set, so it is
shown at its best. It names as missed every content word of the sender it did not find.
"""

from __future__ import annotations

import statistics
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

from facilitator import textnorm as tn
from facilitator.mirror import check_mirror, check_summary

CASES = Path(__file__).resolve().parent.parent / "tests" / "mirror_cases.toml"
KIND_ORDER = ("verbatim", "paraphrase", "perspective", "negation", "partial", "missed", "long",
              "asr", "summary")


def load_cases(path: Path = CASES) -> list[dict]:
    with open(path, "rb") as f:
        return tomllib.load(f)["case"]


def sender_text(case: dict) -> str:
    return " ".join(case["chunks"]) if "chunks" in case else case["sender"]


def run_check(case: dict):
    if "chunks" in case:
        return check_summary(case["chunks"], case["mirror"])
    return check_mirror(case["sender"], case["mirror"])


def content_concepts(text: str) -> set[str]:
    """Content words of a phrase as the check compares them (light words left out, unless
    the phrase has nothing else: "don't want to go")."""
    ws = tn.words(text)
    strong = {w.concept for w in ws if tn.content_weight(w.norm) >= 1.0}
    return strong or {w.concept for w in ws if tn.content_weight(w.norm) > 0}


def names_missing(case: dict, missed: list[str]) -> bool:
    """Is the labelled missing part among what the check says was missed?"""
    want = content_concepts(case["missing"])
    have = {w.concept for phrase in missed for w in tn.words(phrase)
            if tn.content_weight(w.norm) > 0}
    return bool(want) and want <= have


# --- the baseline -------------------------------------------------------------------------------


def _stems(text: str) -> list[str]:
    return [tn.stem(w.norm) for w in tn.words(text) if w.norm not in tn.STOPWORDS
            and w.norm not in tn.NEGATORS]


def baseline_recall(case: dict) -> tuple[float, list[str]]:
    sender = _stems(sender_text(case))
    mirror = set(_stems(case["mirror"]))
    if not sender:
        return 1.0, []
    missed = [s for s in sender if s not in mirror]
    return 1 - len(missed) / len(sender), missed


def baseline_verdict(recall: float, low: float, high: float) -> str:
    if recall >= high:
        return "complete"
    return "partial" if recall >= low else "missed"


def tune_baseline(cases: list[dict]) -> tuple[float, float, list[str]]:
    recalls = [baseline_recall(c)[0] for c in cases]
    grid = [k / 100 for k in range(0, 101, 2)]
    best = (-1, 0.0, 0.0)
    for low in grid:
        for high in grid:
            if high < low:
                continue
            agree = sum(baseline_verdict(r, low, high) == c["verdict"]
                        for r, c in zip(recalls, cases, strict=True))
            if agree > best[0]:
                best = (agree, low, high)
    _, low, high = best
    return low, high, [baseline_verdict(r, low, high) for r in recalls]


def baseline_names_missing(case: dict) -> bool:
    missed = set(baseline_recall(case)[1])
    ws = tn.words(case["missing"])
    want = {tn.stem(w.norm) for w in ws if tn.content_weight(w.norm) >= 1.0} or {
        tn.stem(w.norm) for w in ws if tn.content_weight(w.norm) > 0}
    return bool(want) and want <= missed


# --- run ----------------------------------------------------------------------------------------


def measure_latency(cases: list[dict], rounds: int = 20) -> float:
    """Median milliseconds per check, after one warm-up pass."""
    for c in cases:
        run_check(c)
    times = []
    for _ in range(rounds):
        for c in cases:
            t0 = time.perf_counter()
            run_check(c)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def evaluate(cases: list[dict]) -> dict:
    results = []
    for c in cases:
        check = run_check(c)
        results.append((c, check))
    low, high, base_verdicts = tune_baseline(cases)
    per_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for (c, check), base in zip(results, base_verdicts, strict=True):
        per_kind[c["kind"]].append((check.verdict == c["verdict"], base == c["verdict"]))
    partial = [(c, check) for c, check in results if c["verdict"] == "partial"]
    named = sum(names_missing(c, check.missed) for c, check in partial)
    base_named = sum(baseline_names_missing(c) for c, _ in partial)
    wrong = [(c, check) for c, check in results if check.verdict != c["verdict"]]
    unnamed = [(c, check) for c, check in partial if not names_missing(c, check.missed)]
    return {"results": results, "per_kind": per_kind, "partial": len(partial), "named": named,
            "base_named": base_named, "thresholds": (low, high), "wrong": wrong,
            "unnamed": unnamed}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "n/a"


def report(ev: dict, latency_ms: float) -> str:
    low, high = ev["thresholds"]
    intro = (f"Labelled set: `tests/mirror_cases.toml`, {len(ev['results'])} cases. Baseline: "
             f"recall of the sender's stemmed content words, thresholds tuned on the same set "
             f"(partial >= {low:.2f}, complete >= {high:.2f}).")
    lines = ["## Mirror fidelity (`python -m bench.bench_mirror`)", "", intro, "",
             "| kind | cases | check agrees | baseline agrees |", "|---|---|---|---|"]
    kinds = [k for k in KIND_ORDER if k in ev["per_kind"]] + sorted(
        k for k in ev["per_kind"] if k not in KIND_ORDER)
    total = ok = base_ok = 0
    for kind in kinds:
        rows = ev["per_kind"][kind]
        a = sum(r[0] for r in rows)
        b = sum(r[1] for r in rows)
        total, ok, base_ok = total + len(rows), ok + a, base_ok + b
        lines.append(f"| {kind} | {len(rows)} | {_pct(a, len(rows))} | {_pct(b, len(rows))} |")
    lines.append(f"| **overall** | {total} | **{_pct(ok, total)}** | {_pct(base_ok, total)} |")
    ratio = (ok / base_ok) if base_ok else float("inf")
    fewer = (total - base_ok) / max(total - ok, 1)
    agreement = (f"- Verdict agreement: {_pct(ok, total)} vs baseline {_pct(base_ok, total)} "
                 f"(x{ratio:.2f}); errors {total - ok} vs {total - base_ok} ({fewer:.1f}x fewer).")
    named = (f"- Partial mirrors whose labelled missing part is named in `missed`: "
             f"{_pct(ev['named'], ev['partial'])} ({ev['named']}/{ev['partial']}); "
             f"baseline {_pct(ev['base_named'], ev['partial'])}.")
    lines += ["", agreement, named,
              f"- Median check latency: {latency_ms:.2f} ms (target < 5 ms)."]
    blind = [(c, check) for c, check in ev["results"] if c.get("batch") == "blind"]
    if blind:
        right = sum(check.verdict == c["verdict"] for c, check in blind)
        lines.append(f"- Cases written blind after the rules were built (`batch = \"blind\"`): "
                     f"{_pct(right, len(blind))} ({right}/{len(blind)}).")
    if ev["wrong"]:
        lines += ["", "Disagreements:", ""]
        for c, check in ev["wrong"]:
            lines.append(f"- `{c['id']}`: labelled {c['verdict']}, check says {check.verdict} "
                         f"(score {check.score:.2f}; missed: {', '.join(check.missed) or '-'})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cases = load_cases()
    ev = evaluate(cases)
    latency = measure_latency(cases)
    md = report(ev, latency)
    print(md)
    if "--verbose" in argv:
        for c, check in ev["unnamed"]:
            print(f"missing part not named: {c['id']}: want {c['missing']!r}, "
                  f"missed {check.missed}")
    if "--no-record" not in argv:
        from bench._results import record_section

        record_section("mirror", md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
