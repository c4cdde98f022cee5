"""Looking back: the list of past sessions, reflection across them, and forgetting them.

Everything here reads the session folders that ``records`` writes and never changes them,
except ``forget``, which deletes what the couple asks it to.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import snowballstemmer

from facilitator.errors import FacilitatorError
from facilitator.records import (
    AUDIO_FILE,
    SESSION_ID_RE,
    SESSIONS,
    human_duration,
    parse_started,
    read_session,
    session_folders,
)

ALL = "all"

# A trend needs a real change before it is called one: a tenth of all phrases.
TREND_THRESHOLD = 0.1

# Words that make a key phrase a feeling rather than a fact. Stemmed before matching, so
# "lonely"/"loneliness" and "overwhelm"/"overwhelmed" meet. Ambiguous words ("close",
# "seen", "heard") are left out on purpose: "I heard you" is not a feeling.
FEELING_WORDS = (
    "feel", "feeling", "feelings", "felt", "hurt", "sad", "sadness", "lonely", "loneliness",
    "alone", "angry", "anger", "mad", "upset", "scared", "afraid", "fear", "frightened",
    "anxious", "anxiety", "worried", "worry", "nervous", "tired", "exhausted", "drained",
    "overwhelmed", "frustrated", "frustration", "disappointed", "disappointment", "ashamed",
    "shame", "embarrassed", "guilty", "jealous", "hopeless", "helpless", "unheard",
    "unseen", "unimportant", "invisible", "ignored", "rejected", "abandoned", "insecure",
    "confused", "stressed", "resentful", "annoyed", "irritated", "tense", "uneasy",
    "neglected", "unloved", "unappreciated", "unsupported", "happy", "glad", "grateful",
    "thankful", "loved", "safe", "calm", "relieved", "proud", "excited", "joy", "joyful",
    "content", "peaceful", "hopeful", "connected", "appreciated", "valued", "respected",
    "supported", "cherished", "delighted"
)

_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did",
    "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "how",
    "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its",
    "just", "me", "more", "my", "no", "not", "now", "of", "on", "or", "our", "really", "so",
    "some", "than", "that", "that's", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what",
    "when", "where", "which", "who", "why", "will", "with", "would", "you", "you're",
    "your", "about", "talk", "like", "want", "time", "good", "feel", "feeling", "get",
    "got", "make", "made", "always", "never"
})

_stemmer = snowballstemmer.stemmer("english")
_FEELING_STEMS = set(_stemmer.stemWords(FEELING_WORDS))
_WORD = re.compile(r"[a-z']+")

_NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty"
)


# ---------------------------------------------------------------------------------------
# history


def history(data_dir: str | Path) -> list[dict]:
    """One row per saved session, newest first."""
    rows = [_row(read_session(folder), folder) for folder in session_folders(data_dir)]
    rows.sort(key=lambda r: (_sort_time(r["date"]), r["id"]), reverse=True)
    return rows


def _row(summary: dict, folder: Path) -> dict:
    mirrors = summary.get("mirrors") or {}
    return {
        "id": folder.name,
        "date": summary.get("started"),
        "partners": summary.get("partners") or [],
        "dialogue": summary.get("dialogue"),
        "topic": summary.get("topic"),
        "duration_seconds": summary.get("duration_seconds") or 0,
        "mirrors_first_try": mirrors.get("first_try_complete", 0),
        "mirrors_total": mirrors.get("total", 0),
        "missed": summary.get("missed") or [],
        "status": summary.get("status") or "interrupted",
        "end_reason": summary.get("end_reason"),
        "folder": str(folder),
    }


def _sort_time(started: str | None) -> float:
    moment = parse_started(started)
    if moment is None:
        return 0.0
    return moment.timestamp()


def format_history(rows: list[dict], *, data_dir: str | Path | None = None) -> str:
    """The rows as short blocks a person (or a screen reader) can follow."""
    if not rows:
        where = f" in {data_dir}" if data_dir else ""
        return f"No saved sessions yet{where}."
    blocks = []
    for row in rows:
        moment = parse_started(row.get("date"))
        when = moment.strftime("%a %d %b %Y %H:%M") if moment else "date unknown"
        partners = " & ".join(row.get("partners") or []) or "partners unknown"
        head = (f"{row['id']}  {when} · {partners} · {row.get('dialogue') or 'dialogue'} · "
                f"{human_duration(row.get('duration_seconds') or 0)}")
        if row.get("status") != "complete":
            head += f" · {row.get('status')}"
        lines = [head]
        if row.get("topic"):
            lines.append(f"    topic: {row['topic']}")
        if row.get("mirrors_total"):
            mirror_line = (f"    mirrors complete on the first try: {row['mirrors_first_try']} "
                           f"of {row['mirrors_total']}")
            if row.get("missed"):
                mirror_line += "; missed: " + ", ".join(f'"{p}"' for p in row["missed"])
            lines.append(mirror_line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# ---------------------------------------------------------------------------------------
# reflect


def reflect(data_dir: str | Path, since: date | None = None, *, today: date | None = None
            ) -> dict:
    """Patterns across sessions (from ``since`` on, if given).

    Days since the last dialogue and the weekly streak always look at every session: they are
    about now, not about the period asked for. A session counts as a dialogue if the couple
    actually talked (a mirror or an appreciation), so "not now" does not make a streak.
    """
    today = today or date.today()
    everything = []
    for folder in session_folders(data_dir):
        summary = read_session(folder)
        moment = parse_started(summary.get("started"))
        if moment is None:
            continue
        everything.append((moment, summary))
    everything.sort(key=lambda item: item[0].timestamp())
    chosen = [(m, s) for m, s in everything if since is None or m.date() >= since]
    dialogues = [(m, s) for m, s in chosen if _held(s)]

    held_days = [m.date() for m, s in everything if _held(s)]
    last = max(held_days, default=None)
    return {
        "since": since.isoformat() if since else None,
        "today": today.isoformat(),
        "sessions": len(chosen),
        "dialogues": len(dialogues),
        "first_date": chosen[0][0].date().isoformat() if chosen else None,
        "last_date": chosen[-1][0].date().isoformat() if chosen else None,
        "topics": _recurring_topics(dialogues),
        "themes": _themes(dialogues),
        "key_phrases": _recurring_phrases(dialogues),
        "missed": _missed(dialogues),
        "trend": _trend(dialogues),
        "balance": _balance(dialogues),
        "appreciations": sum(len(s.get("appreciations") or []) for _, s in dialogues),
        "last_dialogue": last.isoformat() if last else None,
        "days_since_last": (today - last).days if last else None,
        "streak_weeks": weekly_streak(held_days, today),
    }


def _held(summary: dict) -> bool:
    return (summary.get("status") == "complete"
            or bool((summary.get("mirrors") or {}).get("total"))
            or bool(summary.get("appreciations")))


def days_since_last_dialogue(data_dir: str | Path, *, today: date | None = None) -> int | None:
    """Days since the last session in which the couple really talked (as ``reflect`` counts
    them), or None when there is none: the greeting of a returning couple.

    Newest first, so only the sessions since the last dialogue are read.
    """
    today = today or date.today()
    for folder in reversed(session_folders(data_dir)):
        summary = read_session(folder)
        moment = parse_started(summary.get("started"))
        if moment is not None and _held(summary):
            return max(0, (today - moment.date()).days)
    return None


def weekly_streak(days: list[date], today: date) -> int:
    """Consecutive weeks (Monday to Sunday) with a dialogue, up to this week.

    A week without one yet does not break the streak until it is over: on a Tuesday, last
    week's dialogue still counts.
    """
    weeks = {d - timedelta(days=d.weekday()) for d in days if d <= today}
    week = today - timedelta(days=today.weekday())
    if week not in weeks:
        week -= timedelta(weeks=1)
    streak = 0
    while week in weeks:
        streak += 1
        week -= timedelta(weeks=1)
    return streak


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.replace("\u2019", "'").lower()))


def _recurring_topics(sessions: list) -> list[dict]:
    seen: dict[str, dict] = {}
    for moment, summary in sessions:
        topic = summary.get("topic")
        if not topic:
            continue
        key = _normal(topic)
        entry = seen.setdefault(key, {"topic": topic, "sessions": 0, "last": None})
        entry["sessions"] += 1
        entry["last"] = moment.date().isoformat()
    found = [e for e in seen.values() if e["sessions"] >= 2]
    return sorted(found, key=lambda e: (-e["sessions"], e["topic"]))


def _themes(sessions: list) -> list[dict]:
    """Words (grouped by stem) that come back in the topics and shared key phrases of two or
    more sessions: "dishes" and "dish", "lonely" and "loneliness"."""
    sessions_with: dict[str, set] = defaultdict(set)
    spellings: dict[str, Counter] = defaultdict(Counter)
    for _, summary in sessions:
        texts = [summary.get("topic") or ""]
        texts += [p for e in summary.get("exchanges") or [] for p in e.get("key_phrases") or []]
        for text in texts:
            for word in _WORD.findall(text.replace("\u2019", "'").lower()):
                if word in _STOPWORDS or len(word) < 3:
                    continue
                stem = _stemmer.stemWord(word)
                sessions_with[stem].add(summary.get("id"))
                spellings[stem][word] += 1
    found = [{"word": spellings[stem].most_common(1)[0][0], "sessions": len(ids)}
             for stem, ids in sessions_with.items() if len(ids) >= 2]
    return sorted(found, key=lambda e: (-e["sessions"], e["word"]))[:10]


def _recurring_phrases(sessions: list) -> list[dict]:
    phrase_sessions: dict[str, set] = defaultdict(set)
    shown: dict[str, str] = {}
    for _, summary in sessions:
        for exchange in summary.get("exchanges") or []:
            for phrase in exchange.get("key_phrases") or []:
                key = _normal(phrase)
                if key:
                    phrase_sessions[key].add(summary.get("id"))
                    shown.setdefault(key, phrase)
    found = [{"phrase": shown[k], "sessions": len(ids)}
             for k, ids in phrase_sessions.items() if len(ids) >= 2]
    return sorted(found, key=lambda e: (-e["sessions"], e["phrase"]))[:10]


def is_feeling(phrase: str) -> bool:
    """Does a key phrase name a feeling ("felt so alone") rather than a fact ("the dishes")?"""
    words = _WORD.findall(phrase.replace("\u2019", "'").lower())
    return any(stem in _FEELING_STEMS for stem in _stemmer.stemWords(words))


def _missed(sessions: list) -> dict:
    """What first tries at mirroring tend to leave out: feelings or facts, and by whom."""
    kinds = {"feelings": {"total": 0, "missed": 0}, "facts": {"total": 0, "missed": 0}}
    by_receiver: dict[str, dict] = {}
    often: Counter = Counter()
    shown: dict[str, str] = {}
    for _, summary in sessions:
        for exchange in summary.get("exchanges") or []:
            attempts = exchange.get("attempts") or []
            if not attempts:
                continue
            missed = {_normal(p) for p in attempts[0].get("missed") or []}
            receiver = exchange.get("receiver") or "unknown"
            person = by_receiver.setdefault(receiver, {"total": 0, "missed": 0})
            for phrase in exchange.get("key_phrases") or []:
                key = _normal(phrase)
                kind = kinds["feelings" if is_feeling(phrase) else "facts"]
                was_missed = key in missed
                kind["total"] += 1
                kind["missed"] += was_missed
                person["total"] += 1
                person["missed"] += was_missed
                if was_missed:
                    often[key] += 1
                    shown.setdefault(key, phrase)
    return {
        **kinds,
        "by_receiver": by_receiver,
        "often_missed": [{"phrase": shown[k], "times": n} for k, n in often.most_common(10)
                         if n >= 2],
        "leans": _leans(kinds["feelings"], kinds["facts"]),
    }


def _leans(feelings: dict, facts: dict) -> str | None:
    if not feelings["total"] or not facts["total"]:
        return None
    difference = feelings["missed"] / feelings["total"] - facts["missed"] / facts["total"]
    if difference > TREND_THRESHOLD:
        return "feelings"
    if difference < -TREND_THRESHOLD:
        return "facts"
    return "even"


def _trend(sessions: list) -> dict:
    points = []
    for moment, summary in sessions:
        mirrors = summary.get("mirrors") or {}
        total = mirrors.get("total") or 0
        if not total:
            continue
        first = mirrors.get("first_try_complete") or 0
        points.append({"id": summary.get("id"), "date": moment.isoformat(timespec="seconds"),
                       "first_try_complete": first, "total": total,
                       "rate": round(first / total, 3)})
    direction = earlier = recent = None
    if len(points) >= 2:
        half = len(points) // 2
        earlier = _pooled(points[:half])
        recent = _pooled(points[half:])
        if recent - earlier > TREND_THRESHOLD:
            direction = "improving"
        elif earlier - recent > TREND_THRESHOLD:
            direction = "dipping"
        else:
            direction = "steady"
    return {"points": points, "direction": direction,
            "earlier_rate": None if earlier is None else round(earlier, 3),
            "recent_rate": None if recent is None else round(recent, 3)}


def _pooled(points: list[dict]) -> float:
    # Pooled rather than averaged: a session with one mirror should not weigh like one with six.
    return sum(p["first_try_complete"] for p in points) / sum(p["total"] for p in points)


def _balance(sessions: list) -> dict:
    people: dict[str, dict] = {}

    def person(name: str) -> dict:
        return people.setdefault(name, {"started": 0, "pieces_shared": 0,
                                        "sending_seconds": 0.0, "speech_seconds": 0.0})

    for _, summary in sessions:
        for name in summary.get("partners") or []:
            person(name)
        if summary.get("first_sender"):
            person(summary["first_sender"])["started"] += 1
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


def format_reflect(r: dict) -> str:
    if not r["sessions"]:
        period = f" since {r['since']}" if r.get("since") else ""
        return f"No saved sessions{period} to reflect on yet."
    opening = (f"Looking back over {r['sessions']} session(s), {r['dialogues']} of them "
               f"dialogues, from {r['first_date']} to {r['last_date']}.")
    out = [opening, ""]

    out.append("Habit")
    if r["last_dialogue"]:
        out.append(f"  Last dialogue: {r['last_dialogue']} ({_days_ago(r['days_since_last'])})")
    out.append(f"  Weeks in a row with a dialogue: {r['streak_weeks']}")
    out.append(f"  Appreciations shared: {r['appreciations']}")

    if r["topics"] or r["themes"] or r["key_phrases"]:
        out += ["", "What keeps coming back"]
        for t in r["topics"]:
            out.append(f"  topic: {t['topic']} ({t['sessions']} sessions, last {t['last']})")
        if r["themes"]:
            out.append("  words: " + ", ".join(f"{t['word']} ({t['sessions']})"
                                              for t in r["themes"]))
        for p in r["key_phrases"]:
            out.append(f"  phrase: \"{p['phrase']}\" ({p['sessions']} sessions)")

    trend = r["trend"]
    if trend["points"]:
        out += ["", "Mirrors complete on the first try"]
        for p in trend["points"]:
            out.append(f"  {p['date'][:16].replace('T', ' ')}  {p['first_try_complete']} "
                       f"of {p['total']}")
        if trend["direction"]:
            out.append(f"  Trend: {trend['direction']}")
        missed = r["missed"]
        feelings, facts = missed["feelings"], missed["facts"]
        out.append(f"  Missed on the first try: feeling phrases {feelings['missed']} of "
                   f"{feelings['total']}, other phrases {facts['missed']} of {facts['total']}")
        for name, counts in missed["by_receiver"].items():
            out.append(f"  {name}, mirroring, missed {counts['missed']} of {counts['total']} "
                       "phrases on the first try")
        if missed["often_missed"]:
            out.append("  Often missed: " + ", ".join(f"\"{m['phrase']}\" ({m['times']} times)"
                                                       for m in missed["often_missed"]))

    if r["balance"]:
        out += ["", "Balance"]
        for name, b in r["balance"].items():
            out.append(f"  {name}: went first {b['started']} time(s), shared "
                       f"{b['pieces_shared']} piece(s), {human_duration(b['sending_seconds'])} "
                       f"sharing, {human_duration(b['speech_seconds'])} speaking in all")
    return "\n".join(out)


def _days_ago(days: int | None) -> str:
    if days is None:
        return "never"
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def reflect_sentences(r: dict) -> list[str]:
    """A few warm sentences to say aloud. No scores, grades or percentages: only what helps."""
    if not r["dialogues"]:
        return ["There are no saved dialogues to look back on yet.",
                "Whenever you're ready, a short appreciation dialogue is a lovely place to start."]
    said = []
    n = r["dialogues"]
    when = ""
    if r.get("since"):
        since = date.fromisoformat(r["since"])
        when = f" since {since:%B} {since.day}"
    said.append(f"You have had {_count(n)} dialogue{'s' if n != 1 else ''} together{when}.")

    days = r["days_since_last"]
    if r["streak_weeks"] >= 2:
        said.append(f"You've made time for each other {_count(r['streak_weeks'])} weeks in a "
                    "row. That's a real habit.")
    elif days is not None and days > 7:
        said.append(f"It has been {_count(days)} days since your last dialogue. A short "
                    "appreciation dialogue could be a gentle way back in.")
    elif days is not None:
        said.append(f"Your last dialogue was {_days_ago(days)}.")

    if r["topics"]:
        said.append(f"A topic that keeps coming back is {r['topics'][0]['topic']}. "
                    "It may be worth a dialogue of its own.")
    elif len(r["themes"]) >= 2:
        said.append(f"Words that keep coming up are {r['themes'][0]['word']} and "
                    f"{r['themes'][1]['word']}.")

    direction = r["trend"]["direction"]
    if direction == "improving":
        said.append("Your mirrors have been catching more of each other's words lately.")
    elif direction == "steady":
        said.append("Your mirroring has stayed steady.")
    elif direction == "dipping":
        said.append("Mirroring has felt a little harder lately. Shorter pieces and a slower "
                    "pace can help.")

    leans = r["missed"]["leans"]
    if leans == "feelings":
        said.append("Feelings slip by in mirrors more often than facts, so it may help to "
                    "listen especially for the feeling words.")
    elif leans == "facts":
        said.append("You catch each other's feelings well. Details sometimes slip by, and it's "
                    "fine to ask for them again.")

    starters = {name: b["started"] for name, b in r["balance"].items()}
    if len(starters) == 2 and sum(starters.values()) >= 3:
        (lead, lead_count), (other, _) = sorted(starters.items(), key=lambda kv: -kv[1])
        if lead_count * 3 >= sum(starters.values()) * 2:  # two dialogues in three, or more
            said.append(f"{lead} has gone first in most of your dialogues. {other}, perhaps "
                        "you'd like to bring the next topic.")

    said.append("Thank you for making time for each other.")
    return said


def plot_reflect(r: dict, path: str | Path) -> Path:
    """A PNG of first-try mirror completeness over time (one point per session)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise FacilitatorError(
            "--plot needs matplotlib; install it with `.venv/bin/pip install matplotlib`"
        ) from None
    target = Path(path)
    # The figure is built without pyplot, so no display or global backend is involved.
    fig = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    points = r["trend"]["points"]
    if points:
        when = [datetime.fromisoformat(p["date"]) for p in points]
        share = [100 * p["rate"] for p in points]
        ax.plot(when, share, marker="o", color="#2a7f62", linewidth=2)
        for moment, value, p in zip(when, share, points, strict=True):
            ax.annotate(f"{p['first_try_complete']}/{p['total']}", (moment, value),
                        textcoords="offset points", xytext=(0, 8), ha="center", fontsize=9)
        fig.autofmt_xdate()
    else:
        ax.text(0.5, 0.5, "No mirrors saved yet", ha="center", va="center",
                transform=ax.transAxes, fontsize=14)
        ax.set_xticks([])
    ax.set_ylim(-5, 110)
    ax.set_ylabel("mirrors complete on the first try (%)")
    ax.set_title("Mirroring over time")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    try:
        fig.savefig(target, format="png")
        os.chmod(target, 0o600)  # it describes the couple's sessions: keep it private too
    except OSError as exc:
        raise FacilitatorError(
            f"{target}: cannot write the plot ({exc.strerror or exc}); choose another --plot path"
        ) from None
    return target


# ---------------------------------------------------------------------------------------
# forget


def _targets(data_dir: str | Path, target: str) -> list[Path]:
    folders = session_folders(data_dir)
    if target == ALL:
        return folders
    match = [f for f in folders if f.name == target]
    if not SESSION_ID_RE.match(target) or not match:
        raise FacilitatorError(
            f"{target}: no such session in {Path(data_dir) / SESSIONS}; run `facilitator "
            "history` to see the session ids, or use --all"
        )
    return match


def describe_forget(data_dir: str | Path, target: str) -> str:
    """What ``forget`` would delete, in one or two sentences to show or say before asking."""
    folders = _targets(data_dir, target)
    if not folders:
        return f"There are no saved sessions in {data_dir}."
    if target != ALL:
        summary = read_session(folders[0])
        moment = parse_started(summary.get("started"))
        when = (f"{moment:%A} {_long_date(moment)} at {moment:%H:%M}" if moment
                else folders[0].name)
        about = " and ".join(summary.get("partners") or [])
        if summary.get("topic"):
            about += f", about \"{summary['topic']}\""
        audio = ", its audio" if (folders[0] / AUDIO_FILE).exists() else ""
        return (f"This will permanently delete the session of {when} ({about}): its event log, "
                f"transcript, captions{audio} and summary.")
    dates = [parse_started(read_session(f).get("started")) for f in folders]
    dates = [d for d in dates if d]
    span = ""
    if dates:
        span = f", from {_long_date(min(dates))} to {_long_date(max(dates))}"
    count = len(folders)
    return (f"This will permanently delete all {count} saved session{'s' if count != 1 else ''}"
            f"{span}, with their transcripts, captions and any audio.")


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"  # "2 November 2026": no leading zero, on every platform


def forget(data_dir: str | Path, target: str) -> list[str]:
    """Delete one session (by id) or every session (``"all"``); returns the ids removed."""
    removed = []
    for folder in _targets(data_dir, target):
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            raise FacilitatorError(
                f"{folder}: could not delete it ({exc.strerror or exc}); check its permissions"
                + (f"; already removed: {', '.join(removed)}" if removed else "")
            ) from None
        removed.append(folder.name)
    return removed
