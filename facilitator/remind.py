"""A gentle daily or weekly check-in, set up on this machine the way Linux users expect.

``facilitator remind weekly --day sunday --at 19:30`` writes an iCalendar file with a
recurring event (and an alarm) to import into any calendar app, and, where systemd runs
for the user, a user timer that shows the reminder as a desktop notification
(``notify-send``) and, with ``--say``, speaks it. ``facilitator remind --off`` removes
all of it. Nothing leaves the machine: the calendar file is written locally and imported
by hand, the timer runs this program, which only reads the saved sessions.

The reminder itself (``remind --now``, what the timer runs) is short and kind: how long
since the last dialogue, the command to start one, and after a long gap the short
appreciation dialogue. When the couple already talked today (daily) or this past week
(weekly), it stays quiet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.history import (
    LONG_GAP_DAYS,
    days_since_last_dialogue,
    gap_words,
)
from facilitator.records import write_private_file

UNIT = "imago-facilitator-checkin"
STATE_FILE = "reminder.json"
ICS_FILE = "checkin.ics"
EVERY = ("daily", "weekly")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DAY = "sunday"
DEFAULT_AT = "19:30"
# How long the calendar event lasts: a whole intentional dialogue, or the short one.
_MINUTES = {"weekly": 45, "daily": 10}
_SYSTEMCTL_TIMEOUT = 15


@dataclass
class Reminder:
    every: str  # daily or weekly
    day: str | None  # weekly: monday ... sunday
    at: str  # HH:MM, local time
    say: bool  # the timer also speaks it
    ics: str  # the calendar file written
    timer: bool  # a user timer was set up
    uid: str  # the calendar event's id: importing again updates the same event

    def describe(self) -> str:
        when = "every day" if self.every == "daily" else f"every {self.day.capitalize()}"
        return f"a {self.every} check-in, {when} at {self.at}"


# ----------------------------------------------------------------------------- setting up


def set_reminder(every: str, data_dir: Path, *, day: str = DEFAULT_DAY, at: str = DEFAULT_AT,
                 say: bool = False, ics: str | Path | None = None, timer: bool = True,
                 now: datetime | None = None) -> tuple[Reminder, list[str]]:
    """Write the calendar file and (where possible) the user timer; returns the reminder and
    what to tell the person, line by line. A reminder set before is replaced."""
    if every not in EVERY or day not in DAYS:
        raise ValueError(f"every must be one of {EVERY}, day one of {DAYS}")
    old = current(data_dir)
    if old is not None:
        remove_reminder(data_dir)
    now = now or datetime.now()
    target = Path(ics).expanduser() if ics else data_dir / ICS_FILE
    reminder = Reminder(every, day if every == "weekly" else None, at, say, str(target),
                        False, old.uid if old else f"{uuid.uuid4()}@imago-facilitator")
    try:
        write_private_file(target, calendar_text(reminder, now))
    except OSError as exc:
        raise FacilitatorError(f"{target}: cannot write the calendar file "
                               f"({exc.strerror or exc}); choose another with --ics FILE"
                               ) from None
    notes = [f"Set {reminder.describe()}.",
             f"Calendar file: {target} (import it into your calendar app; it repeats "
             f"{'daily' if every == 'daily' else 'weekly'} with an alert)."]
    if timer:
        ok, why = _install_timer(reminder, data_dir)
        reminder.timer = ok
        if ok and shutil.which("notify-send") is None:
            # The timer would run and nothing would be seen: say so, and how to fix it.
            notes.append(f"A user timer ({UNIT}.timer) is set, but notify-send is not "
                         "installed, so it cannot show the reminder"
                         + ("; it will say it aloud." if say else
                            "; install it (apt install libnotify-bin), or set the reminder "
                            "again with --say to hear it."))
        elif ok:
            notes.append(f"A user timer ({UNIT}.timer) will show the reminder"
                         + (" and say it aloud" if say else "") + " on this computer.")
        else:
            notes.append(f"No user timer here ({why}): the calendar file is your reminder.")
    _save(data_dir, reminder)
    notes.append("Remove it any time with: facilitator remind --off")
    return reminder, notes


def remove_reminder(data_dir: Path) -> list[str]:
    """Undo ``set_reminder``: the timer, its unit files, the calendar file, the record."""
    reminder = current(data_dir)
    removed = []
    units = _units_dir()
    unit_files = [units / f"{UNIT}.timer", units / f"{UNIT}.service"]
    if any(p.exists() for p in unit_files):
        _systemctl("disable", "--now", f"{UNIT}.timer")
        for path in unit_files:
            path.unlink(missing_ok=True)
        _systemctl("daemon-reload")
        removed.append(f"the user timer {UNIT}.timer")
    if reminder is not None:
        ics = Path(reminder.ics)
        if ics.exists():
            ics.unlink()
            removed.append(f"the calendar file {ics} (delete the event in your calendar app "
                           "too, if you imported it)")
        (data_dir / STATE_FILE).unlink(missing_ok=True)
    return removed


def current(data_dir: Path) -> Reminder | None:
    """The reminder set up from this data folder, or None."""
    try:
        raw = json.loads((Path(data_dir) / STATE_FILE).read_text(encoding="utf-8"))
        return Reminder(**raw)
    except (OSError, ValueError, TypeError):
        return None


def _save(data_dir: Path, reminder: Reminder) -> None:
    write_private_file(Path(data_dir) / STATE_FILE,
                       json.dumps(asdict(reminder), indent=2) + "\n")


# ----------------------------------------------------------------------------- iCalendar


def calendar_text(reminder: Reminder, now: datetime) -> str:
    """An RFC 5545 calendar with one recurring event and a display alarm at its start.

    The start is a floating local time (no time zone): the check-in is at 19:30 wherever
    the couple are, which is what a calendar app does with it.
    """
    start = next_time(reminder, now)
    rule = "FREQ=DAILY" if reminder.every == "daily" else \
        f"FREQ=WEEKLY;BYDAY={reminder.day[:2].upper()}"
    title, body = _event_words(reminder)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//imago-facilitator//check-in reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{reminder.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"DURATION:PT{_MINUTES[reminder.every]}M",
        f"RRULE:{rule}",
        f"SUMMARY:{_ics_text(title)}",
        f"DESCRIPTION:{_ics_text(body)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        f"DESCRIPTION:{_ics_text(title)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def next_time(reminder: Reminder, now: datetime) -> datetime:
    """The first check-in at or after ``now`` (local time, no zone)."""
    hour, minute = (int(part) for part in reminder.at.split(":"))
    start = datetime.combine(now.date(), time(hour, minute))
    if reminder.every == "weekly":
        start += timedelta(days=(DAYS.index(reminder.day) - start.weekday()) % 7)
    if start < now.replace(tzinfo=None):
        start += timedelta(days=1 if reminder.every == "daily" else 7)
    return start


def _event_words(reminder: Reminder) -> tuple[str, str]:
    if reminder.every == "daily":
        return ("Appreciation check-in",
                "A few minutes for each other: one appreciation each. Start it with: "
                "facilitator session --dialogue appreciation")
    return ("Dialogue check-in",
            "Time for your weekly dialogue. Phones away, face each other, and start it "
            "with: facilitator session")


def _ics_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for ch in line:
        piece = ch.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


# ----------------------------------------------------------------------------- the timer


def on_calendar(reminder: Reminder) -> str:
    """The timer's OnCalendar= expression: "*-*-* 19:30:00" or "Sun *-*-* 19:30:00"."""
    clock = f"*-*-* {reminder.at}:00"
    return clock if reminder.every == "daily" else f"{reminder.day[:3].capitalize()} {clock}"


def timer_units(reminder: Reminder, data_dir: Path) -> tuple[str, str]:
    """The user service (what runs) and timer (when) for ``reminder``."""
    command = [sys.executable, "-m", "facilitator", "remind", "--now"]
    if reminder.say:
        command.append("--say")
    environment = {"FACILITATOR_DATA_DIR": str(Path(data_dir).resolve())}
    if os.environ.get("FACILITATOR_CONFIG"):
        environment["FACILITATOR_CONFIG"] = os.environ["FACILITATOR_CONFIG"]
    service = "\n".join([
        "[Unit]",
        "Description=Imago dialogue check-in reminder",
        "",
        "[Service]",
        "Type=oneshot",
        *(f"Environment={_unit_word(f'{k}={v}')}" for k, v in environment.items()),
        "ExecStart=" + " ".join(_unit_word(part) for part in command),
        "",
    ])
    timer = "\n".join([
        "[Unit]",
        f"Description=Imago dialogue check-in, {reminder.describe()}",
        "",
        "[Timer]",
        f"OnCalendar={on_calendar(reminder)}",
        # A check-in missed while the computer was off is shown when it is next on.
        "Persistent=true",
        "AccuracySec=1min",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])
    return service, timer


def _unit_word(word: str) -> str:
    """One word of a unit file line, quoted where needed; % and $ are systemd's own."""
    word = word.replace("%", "%%").replace("$", "$$")
    if any(ch in word for ch in " \t\"'\\;"):
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def _units_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "systemd" / "user"


def _install_timer(reminder: Reminder, data_dir: Path) -> tuple[bool, str]:
    if shutil.which("systemctl") is None:
        return False, "systemctl is not installed"
    ok, why = _systemctl("daemon-reload")
    if not ok:
        return False, f"systemctl --user is not available: {why}"
    units = _units_dir()
    service, timer = timer_units(reminder, data_dir)
    try:
        units.mkdir(parents=True, exist_ok=True)
        # They name the data folder: readable by the user alone, like everything else.
        write_private_file(units / f"{UNIT}.service", service)
        write_private_file(units / f"{UNIT}.timer", timer)
    except OSError as exc:
        return False, f"cannot write to {units} ({exc.strerror or exc})"
    ok, why = _systemctl("daemon-reload")
    if ok:
        ok, why = _systemctl("enable", "--now", f"{UNIT}.timer")
    if not ok:
        for name in (f"{UNIT}.timer", f"{UNIT}.service"):
            (units / name).unlink(missing_ok=True)
        return False, f"systemctl --user could not start it: {why}"
    return True, ""


def _systemctl(*args: str) -> tuple[bool, str]:
    try:
        done = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True,
                              timeout=_SYSTEMCTL_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return False, lines[0] if lines else f"exit {done.returncode}"
    return True, ""


# ----------------------------------------------------------------------------- the reminder


@dataclass(frozen=True)
class Words:
    title: str
    body: str  # shown: may name the command to type
    spoken: str  # said aloud: no commands


def reminder_words(reminder: Reminder | None, data_dir: Path, today: date | None = None
                   ) -> Words | None:
    """What the reminder says; None when the couple have already talked in this period
    (today for a daily check-in, the past week for a weekly one): no nagging."""
    today = today or date.today()
    every = reminder.every if reminder else "weekly"
    days = days_since_last_dialogue(data_dir, today)
    if days is not None and (days == 0 if every == "daily" else days < 7):
        return None
    if days is not None and days >= LONG_GAP_DAYS:
        gap = f"It has been {gap_words(days)} since your last dialogue."
        way_in = "A short appreciation dialogue is a gentle way back in"
        return Words("Time for each other",
                     f"{gap} {way_in}: facilitator session --dialogue appreciation",
                     f"{gap} {way_in}.")
    if every == "daily":
        return Words("Appreciation check-in",
                     "A few minutes for each other, one appreciation each: "
                     "facilitator session --dialogue appreciation",
                     "It's time for your appreciation check-in: a few minutes for each other, "
                     "one appreciation each.")
    since = "" if days is None else f" Your last one was {gap_words(days)} ago."
    return Words("Dialogue check-in",
                 f"Time for your weekly dialogue.{since} Phones away, face each other, and "
                 "when you're both ready: facilitator session",
                 f"It's time for your weekly dialogue.{since} Phones away, and face each other "
                 "when you're both ready.")


def show(title: str, body: str) -> bool:
    """A desktop notification; False when there is no way to show one here."""
    if shutil.which("notify-send") is None:
        return False
    try:
        done = subprocess.run(["notify-send", "--app-name=Imago facilitator", title, body],
                              capture_output=True, timeout=_SYSTEMCTL_TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
