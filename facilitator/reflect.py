"""Looking back together: the habit, what keeps coming back, patterns, and (rarely) a trend.

``reflect`` reads the saved sessions (``records.read_session``) and never changes them.
What it returns is the ``reflect --json`` document, whose fields are described in the
README ("reflect --json"); ``SCHEMA`` is its version, raised whenever a field changes
meaning or goes away.

No scores by default: what is said is about the couple, kindly, with no per-person counts
and no percentages. ``details=True`` (``--details``) adds the counts behind each part, for
testers.
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime, timedelta
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.history import (
    LONG_GAP_DAYS,
    count_words,
    gap_words,
    held,
    load_sessions,
    weekly_streak,
)
from facilitator.patterns import find_patterns
from facilitator.records import human_duration
from facilitator.themes import find_appreciated, find_themes

SCHEMA = 2
# A trend is only looked for with this many dialogues with mirrors...
TREND_MIN_DIALOGUES = 6
# ...and only said when the 95 % interval of the change leaves out "no change".
TREND_Z = 1.959964


def reflect(data_dir: str | Path, since: date | None = None, *, today: date | None = None,
            details: bool = False, model=None) -> dict:
    """The reflection over the sessions from ``since`` on (all of them without it).

    The habit (last dialogue, streak) always looks at every session: it is about now, not
    about the period asked for. ``model`` is the meaning model for themes (loaded when
    there is something to group and none is given).
    """
    today = today or date.today()
    everything = load_sessions(data_dir)
    chosen = [(m, s) for m, s in everything if since is None or m.date() >= since]
    dialogues = [(m, s) for m, s in chosen if held(s)]

    held_days = [m.date() for m, s in everything if held(s)]
    last = max(held_days, default=None)
    days = (today - last).days if last else None
    outcomes = {"complete": 0, "not now": 0, "ended early": 0, "interrupted": 0}
    for _, summary in chosen:
        status = summary.get("status") or "interrupted"
        outcomes[status if status in outcomes else "interrupted"] += 1

    if model is None and _worth_reading(dialogues):
        from facilitator.understanding.model import MeaningModel

        model = MeaningModel()
    themes = find_themes(dialogues, model) if model is not None else []
    appreciated = find_appreciated(dialogues, model) if model is not None else []
    patterns, counts = find_patterns([s for _, s in dialogues], details=details)
    result = {
        "schema": SCHEMA,
        "since": since.isoformat() if since else None,
        "today": today.isoformat(),
        "sessions": len(chosen),
        "dialogues": len(dialogues),
        "outcomes": outcomes,
        "first_date": chosen[0][0].date().isoformat() if chosen else None,
        "last_date": chosen[-1][0].date().isoformat() if chosen else None,
        "habit": {
            "last_dialogue": last.isoformat() if last else None,
            "days_since_last": days,
            "streak_weeks": weekly_streak(held_days, today),
            "long_gap": days is not None and days >= LONG_GAP_DAYS,
            "appreciations": sum(len(s.get("appreciations") or []) for _, s in dialogues),
            "reminder": _reminder(data_dir),
        },
        "themes": themes,
        "appreciated": appreciated,
        "patterns": patterns,
        "trend": trend([(m, s) for m, s in dialogues], details=details),
        "weeks": _weeks(dialogues, themes),
    }
    if details:
        result["details"] = {**counts, "by_receiver": _by_receiver(dialogues),
                             "balance": _balance(dialogues)}
    return result


def _reminder(data_dir: str | Path) -> str | None:
    from facilitator.remind import current

    reminder = current(Path(data_dir))
    return reminder.describe() if reminder else None


def _worth_reading(dialogues: list) -> bool:
    return sum(1 for _, s in dialogues if s.get("topic") or s.get("exchanges")
               or s.get("appreciations")) >= 2


# ----------------------------------------------------------------------------- the trend


def trend(dialogues: list, *, details: bool = False) -> dict:
    """Are first mirrors catching more (or less) of each other than before?

    Only with at least ``TREND_MIN_DIALOGUES`` dialogues with mirrors. They are split in
    time into an earlier and a later half; the share of mirrors complete on the first try
    in each half is compared, and a direction is given only when the 95 % interval of the
    difference (Newcombe's method, from the two Wilson score intervals) leaves out zero.
    Otherwise the change is within the noise and nothing is said.
    """
    points = []
    for moment, summary in dialogues:
        mirrors = summary.get("mirrors") or {}
        total = int(mirrors.get("total") or 0)
        if total:
            points.append((moment, int(mirrors.get("first_try_complete") or 0), total))
    out: dict = {"direction": None, "dialogues": len(points), "needed": TREND_MIN_DIALOGUES}
    if len(points) < TREND_MIN_DIALOGUES:
        out["why_none"] = "too few dialogues"
        return out
    half = len(points) // 2
    earlier, later = points[:half], points[half:]
    x1, n1 = sum(p[1] for p in earlier), sum(p[2] for p in earlier)
    x2, n2 = sum(p[1] for p in later), sum(p[2] for p in later)
    low, high = newcombe_interval(x1, n1, x2, n2)
    if low > 0:
        out["direction"] = "improving"
    elif high < 0:
        out["direction"] = "dipping"
    else:
        out["why_none"] = "within the noise"
    if details:
        out["earlier"] = {"first_try_complete": x1, "mirrors": n1,
                          "from": earlier[0][0].date().isoformat()}
        out["later"] = {"first_try_complete": x2, "mirrors": n2,
                        "from": later[0][0].date().isoformat()}
        out["interval"] = [round(low, 3), round(high, 3)]
    return out


def wilson_interval(x: int, n: int, z: float = TREND_Z) -> tuple[float, float]:
    """The Wilson score interval of a proportion x/n."""
    if n == 0:
        return 0.0, 1.0
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - spread), min(1.0, centre + spread)


def newcombe_interval(x1: int, n1: int, x2: int, n2: int,
                      z: float = TREND_Z) -> tuple[float, float]:
    """The interval of p2 - p1 (Newcombe 1998, method 10, from Wilson intervals)."""
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1, z)
    l2, u2 = wilson_interval(x2, n2, z)
    d = p2 - p1
    return (d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
            d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2))


# ----------------------------------------------------------------------------- weeks


def _weeks(dialogues: list, themes: list[dict]) -> list[dict]:
    """Each week (Monday to Sunday) from the first dialogue to the last, with its dialogues:
    what the plot draws."""
    if not dialogues:
        return []
    theme_of: dict[str, list[str]] = {}
    for theme in themes:
        for session in theme["sessions"]:
            theme_of.setdefault(session, []).append(theme["name"])
    first = dialogues[0][0].date()
    week = first - timedelta(days=first.weekday())
    end = dialogues[-1][0].date()
    weeks = []
    while week <= end:
        inside = [(m, s) for m, s in dialogues if week <= m.date() < week + timedelta(days=7)]
        weeks.append({
            "week": week.isoformat(),
            "dialogues": [{"id": s.get("id"), "date": m.date().isoformat(),
                           "dialogue": s.get("dialogue"),
                           "themes": theme_of.get(s.get("id"), [])} for m, s in inside],
        })
        week += timedelta(days=7)
    return weeks


# ----------------------------------------------------------------------------- details


def _by_receiver(dialogues: list) -> dict:
    """First mirrors by the one mirroring: points left out of how many (testers only)."""
    people: dict[str, dict] = {}
    for _, summary in dialogues:
        for exchange in summary.get("exchanges") or []:
            attempts = exchange.get("attempts") or []
            if exchange.get("stage") != "mirror" or not attempts:
                continue
            person = people.setdefault(exchange.get("receiver") or "unknown",
                                       {"mirrors": 0, "first_try_complete": 0, "points": 0,
                                        "missed": 0})
            person["mirrors"] += 1
            person["first_try_complete"] += bool(exchange.get("first_try_complete"))
            points = attempts[0].get("points") or [
                {"status": "missed" if p in (attempts[0].get("missed") or []) else "carried"}
                for p in exchange.get("key_phrases") or []]
            person["points"] += len(points)
            person["missed"] += sum(p.get("status") == "missed" for p in points)
    return people


def _balance(dialogues: list) -> dict:
    people: dict[str, dict] = {}

    def person(name: str) -> dict:
        return people.setdefault(name, {"began": 0, "pieces_shared": 0,
                                        "sending_seconds": 0.0, "speech_seconds": 0.0})

    for _, summary in dialogues:
        for name in summary.get("partners") or []:
            person(name)
        if summary.get("dialogue") == "intentional" and summary.get("first_sender"):
            person(summary["first_sender"])["began"] += 1
        for exchange in summary.get("exchanges") or []:
            if exchange.get("stage") == "mirror" and exchange.get("sender"):
                person(exchange["sender"])["pieces_shared"] += 1
        for name, seconds in (summary.get("sending_seconds") or {}).items():
            person(name)["sending_seconds"] += seconds
        for name, seconds in (summary.get("speech_seconds") or {}).items():
            person(name)["speech_seconds"] += seconds
    for entry in people.values():
        entry["sending_seconds"] = round(entry["sending_seconds"], 1)
        entry["speech_seconds"] = round(entry["speech_seconds"], 1)
    return people


# ----------------------------------------------------------------------------- as text


def format_reflect(r: dict) -> str:
    """The reflection for reading: the habit, themes, patterns with a suggestion each."""
    if not r["sessions"]:
        period = f" since {_day(r['since'])}" if r.get("since") else ""
        return f"No saved sessions{period} to look back on yet."
    n = r["dialogues"]
    out = [f"Looking back from {_day(r['first_date'])} to {_day(r['last_date'])}: "
           f"{n} dialogue{'s' if n != 1 else ''} together."]
    asides = []
    if r["outcomes"]["not now"]:
        k = r["outcomes"]["not now"]
        asides.append(f"{k} time{'s' if k != 1 else ''} it was \u201cnot now\u201d, and that "
                      "is fine: an appointment can wait")
    if r["outcomes"]["interrupted"]:
        k = r["outcomes"]["interrupted"]
        asides.append(f"{k} session{'s' if k != 1 else ''} stopped unexpectedly and "
                      f"{'were' if k != 1 else 'was'} kept as far as {'they' if k != 1 else 'it'}"
                      " went")
    if asides:
        out[0] += " " + "; ".join(asides).capitalize() + "."

    habit = r["habit"]
    out += ["", "The habit"]
    if habit["last_dialogue"]:
        out.append(f"  Last dialogue: {_day(habit['last_dialogue'])} "
                   f"({_days_ago(habit['days_since_last'])}).")
    if habit["streak_weeks"]:
        weeks = habit["streak_weeks"]
        out.append(f"  Weeks in a row with a dialogue: {weeks}.")
    if habit["long_gap"]:
        out.append("  It has been a while: the short appreciation dialogue is a gentle way "
                   "back in (facilitator session --dialogue appreciation).")
    if habit["appreciations"]:
        out.append(f"  Appreciations shared: {habit['appreciations']}.")
    if habit["reminder"]:
        out.append(f"  Check-in reminder: {habit['reminder']}.")
    else:
        out.append("  A regular check-in helps: `facilitator remind weekly` sets one up.")

    if r["themes"] or r["appreciated"]:
        out += ["", "What you keep coming back to"]
        for theme in r["themes"]:
            k = theme["dialogues"]
            out.append(f"  \u201c{theme['name']}\u201d: {k} dialogues, most recently on "
                       f"{_day(theme['last'])}")
            if theme["said"]:
                out.append("    also said as: " + ", ".join(f"\u201c{s}\u201d"
                                                           for s in theme["said"]))
            if theme["feelings"]:
                out.append("    feelings named: " + ", ".join(theme["feelings"]))
        for item in r["appreciated"]:
            out.append(f"  You keep appreciating \u201c{item['name']}\u201d "
                       f"({item['dialogues']} dialogues).")

    if r["patterns"]:
        out += ["", "Patterns to be gentle with"]
        for pattern in r["patterns"]:
            out.append(f"  - {pattern['text']}")
            out.append(f"    Next time: {pattern['suggestion']}")

    direction = r["trend"]["direction"]
    if direction:
        out += ["", "Over time"]
        out.append("  " + {"improving": "Your first mirrors have been catching more of each "
                                        "other than they used to.",
                           "dipping": "First mirrors have been catching a little less of each "
                                      "other lately; shorter pieces and a slower pace can "
                                      "help."}[direction])

    if "details" in r:
        out += ["", _format_details(r)]
    return "\n".join(out)


def _format_details(r: dict) -> str:
    d = r["details"]
    lines = ["Details (counts, for testers)"]
    for kind, c in d.get("points_first_try", {}).items():
        lines.append(f"  first mirrors, {kind} points: {c['missed']} of {c['total']} missed")
    for kind, times in d.get("times", {}).items():
        lines.append(f"  {kind}: {times} time(s) in {d['dialogues'][kind]} dialogue(s)")
    for name, c in d.get("by_receiver", {}).items():
        lines.append(f"  {name} mirroring: {c['first_try_complete']} of {c['mirrors']} complete "
                     f"on the first try; {c['missed']} of {c['points']} points missed")
    for name, b in d.get("balance", {}).items():
        lines.append(f"  {name}: began {b['began']} dialogue(s), shared {b['pieces_shared']} "
                     f"piece(s), {human_duration(b['sending_seconds'])} sharing")
    t = r["trend"]
    if "interval" in t:
        lines.append(f"  trend: earlier {t['earlier']['first_try_complete']}/"
                     f"{t['earlier']['mirrors']}, later {t['later']['first_try_complete']}/"
                     f"{t['later']['mirrors']} mirrors complete on the first try; 95 % "
                     f"interval of the change {t['interval'][0]:+.2f} to "
                     f"{t['interval'][1]:+.2f}")
    else:
        lines.append(f"  trend: {t['dialogues']} dialogue(s) with mirrors, "
                     f"{t['needed']} needed")
    return "\n".join(lines)


def _day(iso: str | None) -> str:
    if not iso:
        return "?"
    day = date.fromisoformat(iso[:10])
    return f"{day.day} {day:%b %Y}"


def _days_ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


# ----------------------------------------------------------------------------- aloud


def reflect_sentences(r: dict) -> list[str]:
    """At most four warm sentences to say aloud: no scores, no numbers to live up to."""
    if not r["dialogues"]:
        return ["There are no saved dialogues to look back on yet.",
                "Whenever you're ready, a short appreciation dialogue is a lovely place to "
                "start."]
    habit = r["habit"]
    n = r["dialogues"]
    when = ""
    if r.get("since"):
        since = date.fromisoformat(r["since"])
        when = f" since {since:%B} {since.day}"
    opening = f"You have had {count_words(n)} dialogue{'s' if n != 1 else ''} together{when}"
    if habit["long_gap"]:
        opening += (f", and it has been {gap_words(habit['days_since_last'])} since the "
                    "last one; a short appreciation dialogue is a gentle way back in.")
    elif habit["streak_weeks"] >= 2:
        opening += (f", and you've made time for each other {count_words(habit['streak_weeks'])} "
                    "weeks in a row.")
    else:
        opening += "."
    said = [opening]
    if r["themes"]:
        said.append(f"Something that keeps coming back is {r['themes'][0]['name']}; it may "
                    "deserve a dialogue of its own.")
    if r["trend"]["direction"] == "improving":
        said.append("Your mirrors have been catching more of each other lately.")
    elif r["patterns"]:
        said.append(r["patterns"][0]["spoken"])
    said.append("Thank you for making time for each other.")
    return said[:4]


# ----------------------------------------------------------------------------- the picture


_PALETTE = ("#2a7f62", "#c8553d", "#3d6fb6", "#b8860b", "#7b5ea7", "#d17a9b", "#5b8c85")


def plot_rows(r: dict) -> list[tuple[str, str, list[datetime]]]:
    """What the picture shows, line by line: (label, colour, the days of its dialogues).
    One line per theme, then the dialogues of no theme, then the appreciation dialogues."""
    names = [t["name"] for t in r["themes"]]
    colours = {name: _PALETTE[k % len(_PALETTE)] for k, name in enumerate(names)}
    by_row: dict[str, list[datetime]] = {name: [] for name in names}
    appreciation: list[datetime] = []
    other: list[datetime] = []
    for week in r["weeks"]:
        for d in week["dialogues"]:
            day = datetime.fromisoformat(d["date"])
            if d["dialogue"] == "appreciation":
                appreciation.append(day)
            elif d["themes"]:
                for name in d["themes"]:
                    by_row[name].append(day)
            else:
                other.append(day)
    rows = [(name, colours[name], by_row[name]) for name in names]
    if other:
        rows.append(("other talks", "#8a8a8a", other))
    if appreciation:
        rows.append(("appreciation dialogues", "#d4a017", appreciation))
    return rows


def plot_reflect(r: dict, path: str | Path) -> Path:
    """A PNG of the couple's dialogues over the weeks: one line per theme, a dot for each
    dialogue on the line of what it was about, appreciation dialogues as stars on a line of
    their own. A picture of time spent together, not a grade: no scores, no axis to climb."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise FacilitatorError(
            "--plot needs matplotlib; install it with `.venv/bin/pip install matplotlib`"
        ) from None
    target = Path(path)
    rows = plot_rows(r)
    # Drawn without pyplot, so no display or global backend is involved.
    fig = Figure(figsize=(9, 1.6 + 0.55 * max(len(rows), 1)), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if rows:
        for k, (label, colour, days) in enumerate(reversed(rows)):
            star = label == "appreciation dialogues"
            ax.scatter(days, [k] * len(days), s=320 if star else 140, color=colour,
                       alpha=0.85, marker="*" if star else "o",
                       edgecolors="white", linewidths=1.2, zorder=3)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([_wrap(label) for label, _, _ in reversed(rows)])
        weeks = [datetime.fromisoformat(w["week"]) for w in r["weeks"]]
        for k, start in enumerate(weeks):
            if k % 2 == 0:
                ax.axvspan(start, start + timedelta(days=7), color="#f1ede4", zorder=0)
        ax.set_xlim(weeks[0] - timedelta(days=1), weeks[-1] + timedelta(days=8))
        ax.set_xticks(weeks)
        ax.set_xticklabels([f"{w.day} {w:%b}" for w in weeks], fontsize=8)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_title("Your dialogues over the weeks", loc="left", fontsize=13)
        fig.text(0.01, 0.01, "Each mark is a dialogue, on the line of what it was about.",
                 fontsize=8, color="#555555")
    else:
        ax.text(0.5, 0.5, "No dialogues saved yet", ha="center", va="center",
                transform=ax.transAxes, fontsize=14)
        ax.set_xticks([])
        ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    try:
        fig.savefig(target, format="png")
        os.chmod(target, 0o600)  # it describes the couple's sessions: keep it private too
    except OSError as exc:
        raise FacilitatorError(
            f"{target}: cannot write the plot ({exc.strerror or exc}); choose another --plot path"
        ) from None
    return target


def _wrap(label: str, width: int = 28) -> str:
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width)
    return label[:cut] + "\n" + label[cut + 1:] if cut > 0 else label
