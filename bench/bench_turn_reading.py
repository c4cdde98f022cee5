"""Every turn read right: the turn readers on the labelled sets' frozen test split.

    python -m bench.bench_turn_reading          # fit on dev + examples, report the test split
    python -m bench.bench_turn_reading --dev    # 5-fold cross-validation inside dev (tuning)

The test split is never used to fit or tune anything; ``--dev`` never reads it.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from collections import defaultdict

from facilitator.understanding.examples import labelled, load_examples
from facilitator.understanding.model import MeaningModel
from facilitator.understanding.turns import STEP_OUTCOMES, TurnReader

FILES = ("turn_cases.jsonl", "command_cases.jsonl", "safety_cases.jsonl")
FOLDS = 5


def rows(split: str) -> list[dict]:
    out = []
    for name in FILES:
        for r in labelled(name, split):
            out.append({**r, "file": name})
    return out


def _fold(row_id: str) -> int:
    return int(hashlib.sha1(row_id.encode()).hexdigest(), 16) % FOLDS


def evaluate(reader: TurnReader, cases: list[dict]) -> dict:
    """Per-case readings and the figures the issue asks for."""
    per_step: dict[str, list[bool]] = defaultdict(list)
    per_command: dict[str, list[bool]] = defaultdict(list)
    false_commands, non_command = [], 0
    crisis, crisis_hit, ordinary, alarms, other_alarms, other = [], 0, 0, [], [], 0
    kind_right = 0
    wrong_steps = []
    times = []
    for c in cases:
        t0 = time.perf_counter()
        # "we're back, carry on" is only listened for while the session is paused (at a
        # question, "yes, please continue" answers it): a resume is read where it is heard.
        step = "paused" if c.get("command") == "resume" else c["step"]
        turn = reader.read(step, c["text"])
        times.append(time.perf_counter() - t0)
        if c.get("safety"):
            crisis.append(c)
            if turn.safety:
                crisis_hit += 1
                kind_right += turn.safety == c["safety"]
            continue
        if c["file"] == "safety_cases.jsonl":
            ordinary += 1
            if turn.safety:
                alarms.append((c, turn))
            continue
        other += 1
        if turn.safety:
            other_alarms.append((c, turn))
        if c.get("command"):
            per_command[c["command"]].append(turn.command == c["command"] and not turn.safety)
            continue
        non_command += 1
        if turn.command:
            false_commands.append((c, turn))
        if c["step"] in STEP_OUTCOMES and c.get("outcome"):
            ok = not turn.command and not turn.safety and turn.outcome == c["outcome"]
            per_step[c["step"]].append(ok)
            if not ok:
                wrong_steps.append((c, turn))
    return {
        "per_step": per_step, "per_command": per_command, "false_commands": false_commands,
        "non_command": non_command, "crisis": len(crisis), "crisis_hit": crisis_hit,
        "kind_right": kind_right, "ordinary": ordinary, "alarms": alarms,
        "other": other, "other_alarms": other_alarms, "wrong_steps": wrong_steps,
        "missed_crisis": [c for c in crisis if not reader.read(c["step"], c["text"]).safety],
        "times": times,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "-"


def report(ev: dict, title: str, *, show_errors: bool) -> list[str]:
    lines = [f"## Reading every turn (`python -m bench.bench_turn_reading`): {title}", "",
             "Labelled set: `facilitator/data/understanding/*_cases.jsonl`, written apart from "
             "the code in everyday speech; the split was frozen before any tuning.", ""]
    lines += ["| step | cases | read right |", "|---|---|---|"]
    for step in STEP_OUTCOMES:
        oks = ev["per_step"].get(step, [])
        lines.append(f"| {step} | {len(oks)} | {_pct(sum(oks), len(oks))} |")
    lines += ["", "| command | cases | read right |", "|---|---|---|"]
    for name, oks in sorted(ev["per_command"].items()):
        lines.append(f"| {name} | {len(oks)} | {_pct(sum(oks), len(oks))} |")
    fc = len(ev["false_commands"])
    lines += ["", "- A resume is read in the paused state, the only one that listens for it "
              "(at a question, \"yes, please continue\" answers the question).",
              f"- Sentences that only mention a command's words (or none), read as a "
              f"command: {fc} of {ev['non_command']} ({_pct(fc, ev['non_command'])}).",
              f"- Safety: recall {_pct(ev['crisis_hit'], ev['crisis'])} "
              f"({ev['crisis_hit']}/{ev['crisis']}); "
              f"kind right {_pct(ev['kind_right'], ev['crisis_hit'])}; "
              f"false alarms on hard-but-ordinary statements "
              f"{_pct(len(ev['alarms']), ev['ordinary'])} "
              f"({len(ev['alarms'])}/{ev['ordinary']}); on all other turns "
              f"{_pct(len(ev['other_alarms']), ev['other'])} "
              f"({len(ev['other_alarms'])}/{ev['other']}).",
              f"- Cost: p50 {1000 * statistics.median(ev['times']):.1f} ms, "
              f"p95 {1000 * sorted(ev['times'])[int(0.95 * len(ev['times']))]:.1f} ms "
              f"an utterance."]
    if show_errors:
        lines += ["", "Errors:"]
        for c, t in ev["wrong_steps"]:
            lines.append(f"  step {c['step']} {c['id']}: {c['outcome']} read {t.outcome}"
                         f" (cmd {t.command}, safety {t.safety}) | {c['text']}")
        for c, t in ev["false_commands"]:
            lines.append(f"  false command {c['id']} {t.command} | {c['text']}")
        for name, oks in ev["per_command"].items():
            pass
        for c in ev["missed_crisis"]:
            lines.append(f"  missed crisis {c['id']} {c['safety']} | {c['text']}")
        for c, t in ev["alarms"] + ev["other_alarms"]:
            lines.append(f"  false alarm {c['id']} {t.safety} | {c['text']}")
    return lines


def cross_validate(model) -> dict:
    examples = load_examples()
    dev = rows("dev")
    merged: dict = defaultdict(list)
    totals: dict = defaultdict(int)
    for fold in range(FOLDS):
        held = {f"{r['file']}:{r['id']}" for r in dev if _fold(r["id"]) == fold}
        train = [e for e in examples if e.source not in held]
        reader = TurnReader(model, train)
        ev = evaluate(reader, [r for r in dev if _fold(r["id"]) == fold])
        for key in ("per_step", "per_command"):
            for k, v in ev[key].items():
                merged.setdefault(key, defaultdict(list))[k].extend(v)
        for key in ("false_commands", "alarms", "other_alarms", "wrong_steps", "missed_crisis",
                    "times"):
            merged[key].extend(ev[key])
        for key in ("non_command", "crisis", "crisis_hit", "kind_right", "ordinary", "other"):
            totals[key] += ev[key]
    return {**merged, **totals}


def _command_errors(reader: TurnReader, cases: list[dict]) -> list[str]:
    out = []
    for c in cases:
        if c.get("command"):
            t = reader.read(c["step"], c["text"])
            if t.command != c["command"]:
                out.append(f"  command {c['id']} {c['command']} read {t.command} | {c['text']}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", action="store_true", help="cross-validate inside dev (tuning)")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--no-record", action="store_true", help="print, do not write RESULTS.md")
    args = parser.parse_args(argv)
    model = MeaningModel()
    if args.dev:
        ev = cross_validate(model)
        print("\n".join(report(ev, "dev, 5-fold cross-validation", show_errors=args.errors)))
        return 0
    t0 = time.perf_counter()
    reader = TurnReader(model)
    fit_s = time.perf_counter() - t0
    test = rows("test")
    ev = evaluate(reader, test)
    lines = report(ev, "test split", show_errors=args.errors)
    lines.append(f"- Fitting the readers on the examples when the layer loads: {fit_s:.2f} s.")
    md = "\n".join(lines) + "\n"
    print(md)
    if not args.no_record:
        from bench._results import record_section

        record_section("reading", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
