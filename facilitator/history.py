"""Looking back: the list of past sessions, the habit, and forgetting sessions.

Everything here reads the session folders that ``records`` writes and never changes them,
except ``forget``, which deletes what the couple asks it to. The reflection across sessions
(themes, patterns) is ``reflect.py``.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

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
#: Days without a dialogue after which the short appreciation dialogue is suggested: two
#: weeks is long enough for the habit to have slipped, short enough to come back easily.
LONG_GAP_DAYS = 14

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
# the habit


def load_sessions(data_dir: str | Path) -> list[tuple[datetime, dict]]:
    """Every saved session with a start time, as (when, summary), oldest first."""
    found = []
    for folder in session_folders(data_dir):
        summary = read_session(folder)
        moment = parse_started(summary.get("started"))
        if moment is not None:
            found.append((moment, summary))
    found.sort(key=lambda item: item[0].timestamp())
    return found


def held(summary: dict) -> bool:
    """Did the couple actually talk (a mirror or an appreciation)? "not now" is no dialogue,
    and neither is a session that stopped before anything was said."""
    return (summary.get("status") == "complete"
            or bool((summary.get("mirrors") or {}).get("total"))
            or bool(summary.get("appreciations")))


def days_since_last_dialogue(data_dir: str | Path, today: date | None = None) -> int | None:
    """Days since the couple last held a dialogue (as ``reflect`` counts them); None if they
    never have, or the data folder cannot be read: a missing history must never stop a
    session. The returning couple's greeting, the long-gap offer and ``remind`` all ask this.

    Newest first (a folder's id is its start time), so only the sessions since the last
    dialogue are read.
    """
    today = today or date.today()
    try:
        for folder in reversed(session_folders(data_dir)):
            summary = read_session(folder)
            moment = parse_started(summary.get("started"))
            if moment is not None and moment.date() <= today and held(summary):
                return (today - moment.date()).days
    except FacilitatorError:
        return None
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


def gap_words(days: int) -> str:
    """A gap in days as said aloud: "sixteen days", "three weeks", "two months"."""
    if days < 21:
        return f"{count_words(days)} days"
    if days < 60:
        return f"{count_words(days // 7)} weeks"
    months = days // 30
    return f"{count_words(months)} months" if months < len(_NUMBER_WORDS) else "a long time"


_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def count_words(n: int) -> str:
    """A number in words (up to ninety-nine), for sentences said aloud."""
    if 0 <= n < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[n]
    if 0 <= n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_NUMBER_WORDS[ones]}" if ones else "")
    return str(n)


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
