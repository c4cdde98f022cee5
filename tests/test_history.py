"""history, the habit and forget, against sessions whose figures are known (reflect:
test_reflect.py)."""

from __future__ import annotations

import json
import pathlib
from datetime import date, datetime

import pytest

from facilitator.errors import FacilitatorError
from facilitator.history import (
    count_words,
    days_since_last_dialogue,
    describe_forget,
    forget,
    format_history,
    gap_words,
    history,
    weekly_streak,
)
from facilitator.records import SessionRecorder, read_session

TODAY = date(2026, 11, 26)  # a Thursday


def session_events(*, topic, exchanges, end="complete"):
    """An intentional dialogue: an appointment, then one sent piece per exchange (sender,
    receiver, key phrases, phrases missed on the first try), then the appreciations."""
    events, t = [], 0.0

    def add(kind, **fields):
        nonlocal t
        t += 2.0
        events.append({"t": t, "event": kind, **fields})

    first, second = exchanges[0][0], exchanges[0][1]
    add("stage", name="appointment", sender=first, receiver=second)
    add("heard", partner=first, text=f"I'd like to talk about {topic}. Is now a good time?")
    add("heard", partner=second, text="Yes, I'm ready.")
    if end == "not now":
        add("end", reason="not now")
        return events
    for sender, receiver, phrases, missed in exchanges:
        add("stage", name="send", sender=sender, receiver=receiver)
        add("heard", partner=sender, text="I feel " + " and ".join(phrases) + ".")
        add("stage", name="mirror", sender=sender, receiver=receiver)
        add("heard", partner=receiver, text="You said " + ", ".join(phrases) + ".")
        add("mirror_check", score=0.5, verdict="partial" if missed else "complete",
            key_phrases=phrases, matched=[p for p in phrases if p not in missed], missed=missed)
        if missed:
            add("heard", partner=receiver, text="And " + ", ".join(missed) + ".")
            add("mirror_check", score=1.0, verdict="complete", key_phrases=phrases,
                matched=phrases, missed=[])
        add("stage", name="confirm", sender=sender, receiver=receiver)
        add("heard", partner=sender, text="Yes.")
    if end is None:
        return events
    add("stage", name="close", sender=second, receiver=first)
    add("heard", partner=first, text="One thing I appreciate about you is your humour.")
    add("heard", partner=second, text="One thing I appreciate about you is your kindness.")
    add("end", reason=end)
    return events


def save_session(data, started, **kwargs):
    recorder = SessionRecorder(data, names=["Ana", "Ben"], dialogue="intentional",
                               started=started.astimezone())
    for event in session_events(**kwargs):
        recorder.on_event(event)
    if kwargs.get("end", "complete") is None:
        with open(recorder.folder / "events.jsonl", "ab") as f:
            f.write(b'{"t": 99.0, "event": "heard", "partner": "Be')  # killed mid-line
    else:
        recorder.close()
    return recorder.folder


@pytest.fixture
def data(tmp_path):
    """Five sessions across four weeks; the figures below are worked out by hand."""
    root = tmp_path / "data"
    save_session(root, datetime(2026, 11, 2, 20, 0), topic="the dishes", exchanges=[
        ("Ana", "Ben", ["tired", "alone"], ["alone"]),
        ("Ben", "Ana", ["stressed", "come home late"], ["come home late"]),
    ])
    save_session(root, datetime(2026, 11, 10, 20, 0), topic="money", exchanges=[
        ("Ana", "Ben", ["worried", "the bills"], ["worried"]),
        ("Ben", "Ana", ["the budget"], []),
    ])
    save_session(root, datetime(2026, 11, 18, 21, 0), topic="The dishes", exchanges=[
        ("Ana", "Ben", ["lonely", "dishes", "tired"], []),
        ("Ben", "Ana", ["weekend"], []),
    ])
    save_session(root, datetime(2026, 11, 25, 22, 0), topic="bedtime", end="not now",
                 exchanges=[("Ana", "Ben", [], [])])
    # Saved last: a session that starts afterwards would finish its files.
    save_session(root, datetime(2026, 11, 24, 19, 30), topic="the weekend", end=None, exchanges=[
        ("Ana", "Ben", ["hurt", "the plans"], ["hurt"]),
    ])
    return root


# ------------------------------------------------------------------ history


def test_history_of_an_empty_or_missing_folder(tmp_path):
    assert history(tmp_path / "nothing-here") == []
    (tmp_path / "data" / "sessions").mkdir(parents=True)
    assert history(tmp_path / "data") == []
    assert format_history([], data_dir=tmp_path / "data") == \
        f"No saved sessions yet in {tmp_path / 'data'}."


def test_history_lists_sessions_newest_first(data):
    rows = history(data)
    assert [r["id"] for r in rows] == ["2026-11-25T22-00-00", "2026-11-24T19-30-00",
                                       "2026-11-18T21-00-00", "2026-11-10T20-00-00",
                                       "2026-11-02T20-00-00"]
    assert [r["status"] for r in rows] == ["not now", "interrupted", "complete", "complete",
                                           "complete"]
    oldest = rows[-1]
    assert oldest["partners"] == ["Ana", "Ben"] and oldest["dialogue"] == "intentional"
    assert oldest["topic"] == "the dishes"
    assert (oldest["mirrors_first_try"], oldest["mirrors_total"]) == (0, 2)
    assert oldest["missed"] == ["alone", "come home late"]
    assert oldest["duration_seconds"] > 0
    assert datetime.fromisoformat(oldest["date"]) == datetime(2026, 11, 2, 20, 0).astimezone()
    json.dumps(rows)  # --json prints them as they are


def test_history_lists_a_session_cut_off_mid_way_and_writes_nothing(data):
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    folder = data / "sessions" / "2026-11-24T19-30-00"
    assert not (folder / "transcript.md").exists()
    assert (folder / "events.jsonl").read_bytes().endswith(b'"partner": "Be')
    cut = next(r for r in history(data) if r["id"] == "2026-11-24T19-30-00")
    assert cut["status"] == "interrupted" and cut["topic"] == "the weekend"
    assert (cut["mirrors_first_try"], cut["mirrors_total"]) == (0, 1)
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_history_for_people(data):
    text = format_history(history(data))
    blocks = text.split("\n\n")
    assert len(blocks) == 5
    assert blocks[1].startswith("2026-11-24T19-30-00  Tue 24 Nov 2026 19:30 · Ana & Ben · "
                                "intentional · ")
    assert blocks[1].splitlines()[0].endswith(" · interrupted")
    assert "    topic: the weekend" in blocks[1]
    assert blocks[4].splitlines()[2] == (
        '    mirrors complete on the first try: 0 of 2; missed: "alone", "come home late"')
    assert "complete" not in blocks[2].splitlines()[0]  # only unusual endings are pointed out


# ------------------------------------------------------------------ the habit


def test_days_since_the_last_dialogue(data, tmp_path):
    # "not now" on the 25th is no dialogue; the session cut off on the 24th had a mirror.
    assert days_since_last_dialogue(data, TODAY) == 2
    assert days_since_last_dialogue(data, date(2026, 12, 20)) == 26
    assert days_since_last_dialogue(tmp_path / "nothing-here", TODAY) is None


@pytest.mark.parametrize("days, words", [
    (14, "fourteen days"), (20, "twenty days"), (21, "three weeks"), (45, "six weeks"),
    (61, "two months"), (400, "thirteen months"), (3000, "a long time"),
])
def test_a_gap_in_words(days, words):
    assert gap_words(days) == words


@pytest.mark.parametrize("n, words", [(0, "no"), (7, "seven"), (21, "twenty-one"),
                                      (40, "forty"), (99, "ninety-nine"), (120, "120")])
def test_counts_in_words(n, words):
    assert count_words(n) == words


@pytest.mark.parametrize("days, today, streak", [
    ([], date(2026, 11, 26), 0),
    ([date(2026, 11, 26)], date(2026, 11, 26), 1),
    ([date(2026, 11, 18)], date(2026, 11, 24), 1),  # last week still counts on a Tuesday
    ([date(2026, 11, 10)], date(2026, 11, 24), 0),  # a whole week without one ends it
    ([date(2026, 11, 2), date(2026, 11, 8), date(2026, 11, 9)], date(2026, 11, 10), 2),
    ([date(2026, 11, 2), date(2026, 11, 16)], date(2026, 11, 17), 1),
    ([date(2026, 12, 1)], date(2026, 11, 26), 0),  # a clock in the future does not count
])
def test_weekly_streak(days, today, streak):
    assert weekly_streak(days, today) == streak


# ------------------------------------------------------------------ forget


def test_forget_one_session(data):
    describe = describe_forget(data, "2026-11-10T20-00-00")
    assert describe == ("This will permanently delete the session of Tuesday 10 November 2026 "
                        "at 20:00 (Ana and Ben, about \"money\"): its event log, transcript, "
                        "captions and summary.")
    assert forget(data, "2026-11-10T20-00-00") == ["2026-11-10T20-00-00"]
    assert not (data / "sessions" / "2026-11-10T20-00-00").exists()
    assert len(history(data)) == 4


def test_forget_everything(data):
    assert describe_forget(data, "all") == (
        "This will permanently delete all 5 saved sessions, from 2 November 2026 to "
        "25 November 2026, with their transcripts, captions and any audio.")
    removed = forget(data, "all")
    assert len(removed) == 5 and removed[0] == "2026-11-02T20-00-00"
    assert history(data) == []
    assert (data / "sessions").is_dir()  # the data folder itself stays
    assert forget(data, "all") == []
    assert describe_forget(data, "all") == f"There are no saved sessions in {data}."


@pytest.mark.parametrize("target", ["2026-01-01T00-00-00", "../../etc", "sessions", ""])
def test_forget_refuses_anything_but_a_saved_session(data, target):
    with pytest.raises(FacilitatorError, match="facilitator history"):
        describe_forget(data, target)
    with pytest.raises(FacilitatorError, match="no such session"):
        forget(data, target)
    assert len(history(data)) == 5


def test_forget_a_session_cut_off_mid_way(data):
    assert "the weekend" in describe_forget(data, "2026-11-24T19-30-00")
    assert forget(data, "2026-11-24T19-30-00") == ["2026-11-24T19-30-00"]


def test_a_closed_session_is_read_from_its_summary(data):
    folder = data / "sessions" / "2026-11-18T21-00-00"
    (folder / "events.jsonl").unlink()  # history need not replay a finished session
    assert read_session(folder)["mirrors"] == {"first_try_complete": 2, "total": 2}


# ------------------------------------------------------- forgetting by voice (hands-free)

FIXTURE_TURNS = pathlib.Path(__file__).resolve().parent.parent / "audio_fixtures" / "weekend-phones"


def _forget_by_voice(tmp_path, monkeypatch, answer_wav):
    """`forget --all --by-voice`, with a recorded answer standing in for the microphone."""
    import facilitator.devices as devices
    from facilitator.audio import ScriptedSource, SilentSink, Turn
    from facilitator.cli import main

    def microphone(device=None):
        return ScriptedSource([Turn(audio=answer_wav)])

    monkeypatch.setattr(devices, "MicrophoneSource", microphone)
    monkeypatch.setattr(devices, "SpeakerSink", lambda device=None: SilentSink())
    data = tmp_path / "data"
    folder = data / "sessions" / "2026-01-05T20-00-00"
    folder.mkdir(parents=True)
    (folder / "events.jsonl").write_text('{"t": 0.0, "event": "end", "reason": "complete"}\n')
    code = main(["forget", "--all", "--by-voice", "--data-dir", str(data), "--no-cues"])
    return code, folder


@pytest.mark.audio
def test_forget_by_voice_deletes_after_a_spoken_yes(tmp_path, monkeypatch, capsys):
    code, folder = _forget_by_voice(
        tmp_path, monkeypatch, FIXTURE_TURNS / "turns" / "07_confirm_a.wav")  # "Yes."
    assert code == 0 and not folder.exists()
    assert "Removed 1 session" in capsys.readouterr().out


@pytest.mark.audio
def test_forget_by_voice_keeps_everything_without_a_clear_yes(tmp_path, monkeypatch, capsys):
    code, folder = _forget_by_voice(
        tmp_path, monkeypatch, FIXTURE_TURNS / "turns" / "04_send_a.wav")  # sharing, not yes
    assert code == 1 and folder.exists()
    assert "Nothing was deleted." in capsys.readouterr().out
