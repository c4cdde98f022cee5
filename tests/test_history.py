"""history, reflect and forget, against sessions whose figures are known."""

from __future__ import annotations

import json
import pathlib
import re
import stat
from datetime import date, datetime

import pytest

from facilitator.errors import FacilitatorError
from facilitator.history import (
    describe_forget,
    forget,
    format_history,
    format_reflect,
    history,
    is_feeling,
    plot_reflect,
    reflect,
    reflect_sentences,
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
    assert [r["status"] for r in rows] == ["ended early", "interrupted", "complete", "complete",
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


# ------------------------------------------------------------------ reflect


def test_reflect_on_nothing(tmp_path):
    r = reflect(tmp_path, today=TODAY)
    assert (r["sessions"], r["dialogues"], r["streak_weeks"], r["days_since_last"]) == (0, 0, 0,
                                                                                        None)
    assert r["trend"]["points"] == [] and r["trend"]["direction"] is None
    assert format_reflect(r) == "No saved sessions to reflect on yet."
    assert reflect_sentences(r)[0] == "There are no saved dialogues to look back on yet."


def test_reflect_finds_the_habit(data):
    r = reflect(data, today=TODAY)
    assert (r["sessions"], r["dialogues"]) == (5, 4)  # "not now" is not a dialogue
    assert (r["first_date"], r["last_date"]) == ("2026-11-02", "2026-11-25")
    assert r["last_dialogue"] == "2026-11-24" and r["days_since_last"] == 2
    assert r["streak_weeks"] == 4
    assert r["appreciations"] == 6


def test_reflect_finds_what_keeps_coming_back(data):
    r = reflect(data, today=TODAY)
    assert r["topics"] == [{"topic": "the dishes", "sessions": 2, "last": "2026-11-18"}]
    words = {t["word"]: t["sessions"] for t in r["themes"]}
    assert words["dishes"] == 2 and words["weekend"] == 2 and words["tired"] == 2
    assert "the" not in words and "money" not in words
    assert r["key_phrases"] == [{"phrase": "tired", "sessions": 2}]


def test_reflect_finds_what_mirrors_miss(data):
    missed = reflect(data, today=TODAY)["missed"]
    # Feelings: tired alone stressed worried lonely tired hurt; missed alone worried hurt.
    assert missed["feelings"] == {"total": 7, "missed": 3}
    # Facts: come home late, the bills, the budget, dishes, weekend, the plans.
    assert missed["facts"] == {"total": 6, "missed": 1}
    assert missed["leans"] == "feelings"
    assert missed["by_receiver"] == {"Ben": {"total": 9, "missed": 3},
                                     "Ana": {"total": 4, "missed": 1}}
    assert missed["often_missed"] == []


def test_reflect_follows_first_try_mirrors_over_time(data):
    trend = reflect(data, today=TODAY)["trend"]
    assert [(p["first_try_complete"], p["total"]) for p in trend["points"]] == [
        (0, 2), (1, 2), (2, 2), (0, 1)]
    assert trend["earlier_rate"] == 0.25 and trend["recent_rate"] == pytest.approx(0.667)
    assert trend["direction"] == "improving"


def test_reflect_weighs_the_balance_between_partners(data):
    balance = reflect(data, today=TODAY)["balance"]
    assert balance["Ana"]["started"] == 4 and balance["Ben"]["started"] == 0
    assert balance["Ana"]["pieces_shared"] == 4 and balance["Ben"]["pieces_shared"] == 3
    assert balance["Ana"]["sending_seconds"] > balance["Ben"]["sending_seconds"] > 0
    assert balance["Ana"]["speech_seconds"] > 0 and balance["Ben"]["speech_seconds"] > 0


def test_reflect_since_a_date(data):
    r = reflect(data, since=date(2026, 11, 10), today=TODAY)
    assert (r["sessions"], r["dialogues"], r["since"]) == (4, 3, "2026-11-10")
    assert r["topics"] == []
    assert len(r["trend"]["points"]) == 3
    # The habit is about now, whatever period is asked about.
    assert r["streak_weeks"] == 4 and r["days_since_last"] == 2


def test_reflect_as_text(data):
    text = format_reflect(reflect(data, today=TODAY))
    assert text.startswith("Looking back over 5 session(s), 4 of them dialogues, "
                           "from 2026-11-02 to 2026-11-25.")
    assert "  Last dialogue: 2026-11-24 (2 days ago)" in text
    assert "  Weeks in a row with a dialogue: 4" in text
    assert "  topic: the dishes (2 sessions, last 2026-11-18)" in text
    assert "  2026-11-02 20:00  0 of 2" in text
    assert "  Trend: improving" in text
    assert "feeling phrases 3 of 7, other phrases 1 of 6" in text
    assert "  Ben, mirroring, missed 3 of 9 phrases on the first try" in text
    assert "  Ana: went first 4 time(s), shared 4 piece(s)" in text


def test_spoken_reflection_is_warm_and_never_a_score(data):
    sentences = reflect_sentences(reflect(data, today=TODAY))
    spoken = " ".join(sentences)
    assert "You have had four dialogues together." in sentences
    assert "four weeks in a row" in spoken
    assert "the dishes" in spoken
    assert "catching more of each other's words" in spoken
    assert "feeling words" in spoken
    assert "Ben, perhaps you'd like to bring the next topic." in spoken
    assert not re.search(r"\d|%|percent|score|grade", spoken)
    assert 3 <= len(sentences) <= 9


def test_spoken_reflection_after_a_long_gap(data):
    r = reflect(data, since=date(2026, 11, 18), today=date(2026, 12, 20))
    spoken = " ".join(reflect_sentences(r))
    assert "since November 18" in spoken
    assert "It has been 26 days since your last dialogue." in spoken
    assert "weeks in a row" not in spoken


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


@pytest.mark.parametrize("phrase, feeling", [
    ("alone", True), ("felt so overwhelmed", True), ("loneliness", True), ("unheard", True),
    ("the dishes", False), ("come home late", False), ("I heard you", False),
])
def test_feelings_are_told_from_facts(phrase, feeling):
    assert is_feeling(phrase) is feeling


def test_the_plot_is_a_private_png(data, tmp_path):
    target = plot_reflect(reflect(data, today=TODAY), tmp_path / "trend.png")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    empty = plot_reflect(reflect(tmp_path / "none", today=TODAY), tmp_path / "empty.png")
    assert empty.read_bytes()[:4] == b"\x89PNG"


def test_a_plot_that_cannot_be_written_is_a_clear_error(data, tmp_path):
    with pytest.raises(FacilitatorError, match="choose another --plot path"):
        plot_reflect(reflect(data, today=TODAY), tmp_path / "no-such-folder" / "trend.png")


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
