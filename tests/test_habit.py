"""The habit (issue 13, point 4): a gentle daily or weekly check-in set up on this machine
(a calendar file and a user timer, removed with --off), and after a long gap a session that
begins by welcoming the couple back and offering the short appreciation dialogue."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from argparse import Namespace
from datetime import datetime, timedelta

import pytest

from facilitator.dialogue import Dialogue, Listen, Say, Stage
from facilitator.prompts import load_prompts
from facilitator.remind import (
    Reminder,
    current,
    next_time,
    on_calendar,
    reminder_words,
    remove_reminder,
    set_reminder,
)
from facilitator.runner import long_gap
from tests.helpers import unavailable
from tests.histories import Appreciation, write_session
from tests.test_text_mode import read_events

NAMES = ("Maya", "Leo")
AN_APPRECIATION = Appreciation([("Maya", "your laugh", "it lifts my day"),
                                ("Leo", "the tea you made", "I felt looked after")])


def test_after_a_long_gap_the_welcome_offers_the_short_dialogue():
    actions = Dialogue(NAMES, gap="three weeks").start()
    said = [a.text for a in actions if isinstance(a, Say)]
    assert said[0] == load_prompts().text("intentional.welcome", first="Maya", second="Leo")
    assert said[1] == (
        "It has been three weeks since your last dialogue, so welcome back. If you'd like a "
        "gentler start tonight, the short appreciation dialogue is a lovely way back in: say "
        "stop, and start that one instead.")
    assert said[2].startswith("Maya, please name what you'd like to talk about")
    assert isinstance(actions[-1], Listen) and any(isinstance(a, Stage) for a in actions)


def test_without_a_gap_or_in_the_appreciation_dialogue_the_welcome_is_as_ever():
    plain = [a for a in Dialogue(NAMES).start() if isinstance(a, Say)]
    assert len(plain) == 2
    short = [a for a in Dialogue(NAMES, dialogue="appreciation", gap="three weeks").start()
             if isinstance(a, Say)]
    assert not any("since your last dialogue" in a.text for a in short)


def _args(data, dialogue="intentional"):
    return Namespace(data_dir=str(data), dialogue=dialogue)


def test_the_gap_is_measured_from_the_last_dialogue_held(tmp_path):
    data = tmp_path / "data"
    assert long_gap(_args(data)) is None  # a first session: nothing to come back from
    write_session(data, datetime.now() - timedelta(days=22), AN_APPRECIATION)
    assert long_gap(_args(data)) == "three weeks"
    assert long_gap(_args(data, "appreciation")) is None  # already the short one
    write_session(data, datetime.now() - timedelta(days=3), AN_APPRECIATION)
    assert long_gap(_args(data)) is None


def test_a_live_session_after_three_weeks_says_so(tmp_path, monkeypatch):
    # The real command in this process, so the understanding layer already loaded is reused.
    from tests.test_settings_schema import run_main

    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    write_session(tmp_path / "data", datetime.now() - timedelta(days=22), AN_APPRECIATION)
    # The dialogue given, so the setup asks nothing: the dialogue's own welcome says it.
    code, out, err = run_main(["session", "--text", "--mute", "--names", *NAMES,
                               "--dialogue", "intentional", "--data-dir", str(tmp_path / "data"),
                               "--events", str(tmp_path / "events.jsonl")], stdin="stop\n")
    assert code == 0, err
    said = [e["text"] for e in read_events(tmp_path) if e["event"] == "say"]
    assert said[0].startswith("Welcome, Maya and Leo.")
    assert said[1].startswith("It has been three weeks since your last dialogue, so welcome back")
    assert "It has been three weeks" in out


def test_after_a_long_gap_the_setup_offers_the_short_dialogue_with_its_question(tmp_path,
                                                                               monkeypatch):
    # The dialogue asked by voice: the question offers the way back in, and the full dialogue
    # chosen then opens without offering it again.
    from tests.test_settings_schema import run_main

    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    write_session(tmp_path / "data", datetime.now() - timedelta(days=22), AN_APPRECIATION)
    code, out, err = run_main(["session", "--text", "--mute", "--names", *NAMES,
                               "--data-dir", str(tmp_path / "data"),
                               "--events", str(tmp_path / "events.jsonl")],
                              stdin="the full dialogue\nMaya\nstop\n")
    assert code == 0, err
    said = [e["text"] for e in read_events(tmp_path) if e["event"] == "say"]
    assert said[1] == ("It's been 22 days since your last dialogue. Which would you like "
                       "today: the full dialogue, or the short daily appreciation, a gentle way "
                       "back in?")
    assert not any("since your last dialogue" in line for line in said[2:])
    assert sum("welcome" in line.casefold() for line in said) == 1


# ------------------------------------------------------------------ the check-in reminder
#
# systemctl and notify-send are stood in for by small scripts that write down how they were
# called: the tests must never install a timer in the real user session running them, and
# a test machine has no desktop to notify. Where systemd-analyze is installed, the unit
# files and calendar expressions written are checked by systemd itself.

NOW = datetime(2026, 11, 26, 12, 0)  # a Thursday


def _fake(folder, name: str, exit_code: int = 0, say: str = "") -> None:
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/{name}.log"\n'
                      f'{f"echo {say!r} >&2" if say else ""}\nexit {exit_code}\n')
    script.chmod(0o755)


@pytest.fixture
def desktop(tmp_path, monkeypatch):
    """A user session: stand-in systemctl and notify-send, a private config folder."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake(bin_dir, "systemctl")
    _fake(bin_dir, "notify-send")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    return bin_dir


def calls(bin_dir, name: str) -> list[str]:
    log = bin_dir / f"{name}.log"
    return log.read_text().splitlines() if log.exists() else []


def unfolded(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    out: list[str] = []
    for line in lines:
        if line.startswith(" "):
            out[-1] += line[1:]
        else:
            out.append(line)
    return out


def event_fields(lines: list[str]) -> dict[str, str]:
    """The event's own fields (not its alarm's), and its alarm's trigger."""
    event = lines[lines.index("BEGIN:VEVENT") + 1:lines.index("BEGIN:VALARM")]
    alarm = lines[lines.index("BEGIN:VALARM") + 1:lines.index("END:VALARM")]
    fields = dict(line.split(":", 1) for line in event)
    fields["TRIGGER"] = dict(line.split(":", 1) for line in alarm)["TRIGGER"]
    return fields


def test_a_weekly_check_in_is_a_calendar_event_to_import(tmp_path):
    reminder, _ = set_reminder("weekly", tmp_path, day="sunday", at="19:30", timer=False,
                               now=NOW)
    path = tmp_path / "checkin.ics"
    assert reminder.ics == str(path) and stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = unfolded(path.read_bytes().decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert [x for x in lines if x.startswith(("BEGIN:", "END:"))] == [
        "BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VALARM", "END:VALARM", "END:VEVENT",
        "END:VCALENDAR"]
    fields = event_fields(lines)
    assert fields["DTSTART"] == "20261129T193000"  # the next Sunday, local time
    assert fields["RRULE"] == "FREQ=WEEKLY;BYDAY=SU"
    assert fields["DURATION"] == "PT45M" and fields["TRIGGER"] == "PT0M"
    assert fields["SUMMARY"] == "Dialogue check-in"
    assert "Phones away\\, face each other\\, and start it with: facilitator session" in \
        fields["DESCRIPTION"]
    assert re.fullmatch(r"\d{8}T\d{6}Z", fields["DTSTAMP"])
    again, _ = set_reminder("weekly", tmp_path, day="monday", timer=False, now=NOW)
    assert again.uid == reminder.uid  # importing again updates the same event


def test_a_daily_check_in_is_the_short_dialogue(tmp_path):
    set_reminder("daily", tmp_path, at="08:00", timer=False, now=NOW)
    fields = event_fields(unfolded((tmp_path / "checkin.ics").read_bytes().decode("utf-8")))
    assert fields["RRULE"] == "FREQ=DAILY" and fields["DTSTART"] == "20261127T080000"
    assert fields["SUMMARY"] == "Appreciation check-in" and fields["DURATION"] == "PT10M"
    assert "--dialogue appreciation" in fields["DESCRIPTION"]


@pytest.mark.parametrize("every, day, at, first", [
    ("weekly", "thursday", "12:30", datetime(2026, 11, 26, 12, 30)),  # later today
    ("weekly", "thursday", "11:00", datetime(2026, 12, 3, 11, 0)),  # gone: next week
    ("weekly", "monday", "09:00", datetime(2026, 11, 30, 9, 0)),
    ("daily", None, "12:00", datetime(2026, 11, 26, 12, 0)),  # now is in time
    ("daily", None, "07:15", datetime(2026, 11, 27, 7, 15)),
])
def test_the_first_check_in(every, day, at, first):
    assert next_time(Reminder(every, day, at, False, "", False, "u"), NOW) == first


def test_a_user_timer_shows_the_reminder(tmp_path, desktop):
    data = tmp_path / "data"
    data.mkdir()
    reminder, notes = set_reminder("weekly", data, day="sunday", at="19:30", say=True, now=NOW)
    assert reminder.timer and "will show the reminder and say it aloud" in " ".join(notes)
    assert calls(desktop, "systemctl") == [
        "--user daemon-reload", "--user daemon-reload",
        "--user enable --now imago-facilitator-checkin.timer"]
    units = tmp_path / "config" / "systemd" / "user"
    timer = (units / "imago-facilitator-checkin.timer").read_text()
    service = (units / "imago-facilitator-checkin.service").read_text()
    assert "OnCalendar=Sun *-*-* 19:30:00" in timer and "Persistent=true" in timer
    assert stat.S_IMODE((units / "imago-facilitator-checkin.timer").stat().st_mode) == 0o600
    assert "WantedBy=timers.target" in timer
    assert f"ExecStart={sys.executable} -m facilitator remind --now --say" in service
    assert f"Environment=FACILITATOR_DATA_DIR={data.resolve()}" in service
    analyze = shutil.which("systemd-analyze")
    if analyze:  # systemd itself reads what was written
        check = subprocess.run([analyze, "verify", str(units / "imago-facilitator-checkin"
                                                            ".service"),
                                str(units / "imago-facilitator-checkin.timer")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    assert current(data) == reminder


def test_remind_off_removes_the_timer_and_the_calendar_file(tmp_path, desktop):
    data = tmp_path / "data"
    data.mkdir()
    set_reminder("daily", data, now=NOW)
    removed = remove_reminder(data)
    assert "the user timer imago-facilitator-checkin.timer" in removed[0]
    assert calls(desktop, "systemctl")[-2:] == [
        "--user disable --now imago-facilitator-checkin.timer", "--user daemon-reload"]
    units = tmp_path / "config" / "systemd" / "user"
    assert not list(units.iterdir()) and not (data / "checkin.ics").exists()
    assert current(data) is None and list(data.iterdir()) == []
    assert remove_reminder(data) == []


def test_without_a_user_session_the_calendar_file_is_the_reminder(tmp_path, desktop):
    _fake(desktop, "systemctl", exit_code=1, say="Failed to connect to bus: No medium found")
    reminder, notes = set_reminder("weekly", tmp_path, now=NOW)
    assert not reminder.timer and (tmp_path / "checkin.ics").exists()
    assert ("No user timer here (systemctl --user is not available: Failed to connect to bus: "
            "No medium found): the calendar file is your reminder.") in notes
    assert not (tmp_path / "config" / "systemd" / "user" / "imago-facilitator-checkin"
                                                          ".timer").exists()


def test_without_notify_send_the_timer_says_it_cannot_show_the_reminder(tmp_path, desktop,
                                                                        monkeypatch):
    (desktop / "notify-send").unlink()
    monkeypatch.setenv("PATH", str(desktop))  # systemctl stood in for, and nothing else
    reminder, notes = set_reminder("weekly", tmp_path, now=NOW)
    assert reminder.timer
    assert ("A user timer (imago-facilitator-checkin.timer) is set, but notify-send is not "
            "installed, so it cannot show the reminder; install it (apt install "
            "libnotify-bin), or set the reminder again with --say to hear it.") in notes
    _, notes = set_reminder("weekly", tmp_path, say=True, now=NOW)
    assert any(note.endswith("cannot show the reminder; it will say it aloud.")
               for note in notes)


def test_no_timer_means_no_timer(tmp_path, desktop):
    set_reminder("weekly", tmp_path, timer=False, now=NOW)
    assert calls(desktop, "systemctl") == []


@pytest.mark.parametrize("expression", ["*-*-* 19:30:00", "Sun *-*-* 19:30:00",
                                        "Wed *-*-* 07:05:00"])
def test_systemd_reads_the_calendar_expressions(expression):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        unavailable("systemd-analyze is not installed here (Debian package systemd)")
    every, day, at = ("daily", None, "19:30") if expression.startswith("*") else (
        "weekly", {"Sun": "sunday", "Wed": "wednesday"}[expression[:3]], expression[-8:-3])
    assert on_calendar(Reminder(every, day, at, False, "", False, "u")) == expression
    check = subprocess.run([analyze, "calendar", expression], capture_output=True, text=True)
    assert check.returncode == 0 and f"Normalized form: {expression}" in check.stdout


def test_the_reminder_is_warm_and_quiet_when_you_already_talked(tmp_path):
    data = tmp_path / "data"
    today = datetime.now().date()
    weekly = Reminder("weekly", "sunday", "19:30", False, "", False, "u")
    daily = Reminder("daily", None, "19:30", False, "", False, "u")
    first = reminder_words(weekly, data, today)
    assert first.title == "Dialogue check-in" and first.body.endswith("facilitator session")
    write_session(data, datetime.now() - timedelta(days=10), AN_APPRECIATION)
    words = reminder_words(weekly, data, today)
    assert "Your last one was ten days ago." in words.body and "facilitator" not in \
        words.spoken
    assert reminder_words(daily, data, today).title == "Appreciation check-in"
    write_session(data, datetime.now() - timedelta(days=2), AN_APPRECIATION)
    assert reminder_words(weekly, data, today) is None  # talked this week: no nagging
    assert reminder_words(daily, data, today) is not None
    assert reminder_words(daily, data, today + timedelta(days=16)).body.startswith(
        "It has been eighteen days since your last dialogue. A short appreciation dialogue is "
        "a gentle way back in")


def test_remind_on_the_command_line(tmp_path, desktop, capsys):
    from facilitator.cli import main

    data = str(tmp_path / "data")
    assert main(["remind", "--data-dir", data]) == 0
    assert capsys.readouterr().out.startswith("No reminder is set.")
    assert main(["remind", "weekly", "--day", "Sat", "--at", "7:05", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Set a weekly check-in, every Saturday at 07:05.")
    assert "Remove it any time with: facilitator remind --off" in out
    assert main(["remind", "--data-dir", data]) == 0
    assert capsys.readouterr().out.startswith("A weekly check-in, every Saturday at 07:05: "
                                              "calendar file ")
    assert main(["remind", "--now", "--data-dir", data]) == 0
    assert calls(desktop, "notify-send") == [
        "--app-name=Imago facilitator Dialogue check-in Time for your weekly dialogue. "
        "Phones away, face each other, and when you're both ready: facilitator session"]
    assert main(["remind", "--off", "--data-dir", data]) == 0
    assert capsys.readouterr().out.startswith("Removed the user timer")
    assert main(["remind", "--off", "--data-dir", data]) == 0
    assert capsys.readouterr().out == "No reminder is set.\n"


def test_looking_back_names_the_check_in_or_suggests_one(tmp_path, desktop):
    from facilitator.reflect import format_reflect, reflect

    data = tmp_path / "data"
    write_session(data, datetime.now() - timedelta(days=1), AN_APPRECIATION)
    assert "`facilitator remind weekly` sets one up" in format_reflect(reflect(data))
    set_reminder("weekly", data, day="saturday", at="07:05", timer=False)
    looked = reflect(data)
    assert looked["habit"]["reminder"] == "a weekly check-in, every Saturday at 07:05"
    assert "  Check-in reminder: a weekly check-in, every Saturday at 07:05." in \
        format_reflect(looked)


@pytest.mark.parametrize("args, says", [
    (["--at", "25:00"], "--at 25:00: must be a time of day written HH:MM (24-hour)"),
    (["--day", "someday"], "--day someday: must be a day of the week"),
    (["monthly"], "argument daily|weekly: invalid choice: 'monthly'"),
    (["weekly", "--off"], "remind: choose one of daily|weekly, --off or --now"),
])
def test_a_mistake_is_one_line(tmp_path, desktop, capsys, args, says):
    from facilitator.cli import main

    assert main(["remind", *args, "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0], err
    assert calls(desktop, "systemctl") == []


def test_nothing_leaves_the_machine(tmp_path):
    from tests.test_no_network import offline

    result, python, native = offline(tmp_path, "remind", "weekly", "--no-timer", "--data-dir",
                                     tmp_path / "data")
    assert result.returncode == 0, result.stderr
    result, more, more_native = offline(tmp_path, "remind", "--now", "--data-dir",
                                        tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert python + more == [] and native + more_native == []


def test_the_check_in_can_live_in_the_settings_file(tmp_path, monkeypatch):
    from facilitator.cli import parse_args
    from facilitator.errors import FacilitatorError

    config = tmp_path / "config.toml"
    monkeypatch.setenv("FACILITATOR_CONFIG", str(config))
    config.write_text('day = "Sun"\nat = 19:30:00\nsay = true\n')
    args = parse_args(["remind", "weekly"])
    assert (args.day, args.at, args.say) == ("sunday", "19:30", True)
    assert parse_args(["remind", "weekly", "--at", "8:15"]).at == "08:15"  # the option wins
    config.write_text('at = "7pm"\n')
    with pytest.raises(FacilitatorError, match=r"config.toml, line 1: at = \"7pm\": must be a "
                                               r"time of day written HH:MM \(24-hour\)"):
        parse_args(["remind", "weekly"])
