"""Session records: the folder a session leaves, its files, permissions, and reading it back."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
import wave
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from facilitator import records
from facilitator.errors import FacilitatorError
from facilitator.records import (
    SESSION_ID_RE,
    SessionRecorder,
    clean_topic,
    data_dir,
    read_events,
    read_session,
    rebuild,
    render_captions,
    resolve_data_dir,
)

STARTED = datetime(2026, 11, 26, 21, 40, 5).astimezone()
FILES = ("events.jsonl", "session.json", "transcript.md", "captions.vtt")


def stage(t, name, sender, receiver):
    return {"t": t, "event": "stage", "name": name, "sender": sender, "receiver": receiver}


def say(t, text):
    return {"t": t, "event": "say", "text": text}


def heard(t, partner, text, *, audio=None):
    event = {"t": t, "event": "heard", "partner": partner, "text": text}
    if audio:
        start, end = audio
        event.update(speech_start=start, speech_end=end, decided_at=t)
    return event


def check(t, verdict, key_phrases, missed, score=0.5):
    matched = [p for p in key_phrases if p not in missed]
    return {"t": t, "event": "mirror_check", "score": score, "verdict": verdict,
            "key_phrases": key_phrases, "matched": matched, "missed": missed}


def session_events(a="Ana", b="Ben", *, audio=False, end="complete") -> list[dict]:
    """A whole intentional dialogue: A's mirror needs a second try, B's is complete at once,
    and B says the command "slower" right after sharing."""

    def h(t, partner, text):
        return heard(t, partner, text, audio=(t - 3.0, t - 0.7) if audio else None)

    ana_phrases = ["tired", "alone", "dishes left in the sink"]
    ben_phrases = ["stressed", "come home late", "kitchen is a mess"]
    events = [
        stage(0.0, "appointment", a, b),
        say(0.1, f"Welcome, {a} and {b}. Let's set the stage."),
        {"t": 6.0, "event": "listen", "partner": a, "role": "sender", "stage": "appointment"},
        h(10.0, a, "I'd like to talk about the dishes after dinner. Is now a good time?"),
        h(13.0, b, "Yes, I'm ready."),
        stage(13.1, "send", a, b),
        say(13.2, f"{a}, please share what's on your mind."),
        h(24.0, a, "I feel tired and alone when the dishes are left in the sink overnight."),
        stage(24.1, "mirror", a, b),
        say(24.2, f"{b}, please mirror what you heard."),
        h(33.0, b, "If I got that, you feel tired when the dishes are left. Did I get that?"),
        check(33.1, "partial", ana_phrases, ["alone"], score=0.6),
        {"t": 33.2, "event": "coach", "kind": "mirror",
         "text": "You caught tired. You may have missed: alone."},
        say(33.3, "You caught tired. You may have missed: alone."),
        h(40.0, b, "You also feel alone. Did I get that?"),
        check(40.1, "complete", ana_phrases, [], score=0.9),
        stage(40.2, "confirm", a, b),
        h(43.0, a, "Yes."),
        stage(43.1, "more", a, b),
        h(47.0, a, "No, that's all."),
        stage(47.1, "validate", a, b),
        h(53.0, b, "You make sense, and what makes sense is you're worn out after work."),
        stage(53.1, "empathize", a, b),
        h(58.0, b, "I imagine you might be feeling lonely. Is that how you feel?"),
        h(61.0, a, "Yes, that's how I feel."),
        stage(61.1, "switch", b, a),
        say(61.2, "Thank you both. Now let's switch."),
        stage(61.3, "send", b, a),
        h(70.0, b, "I feel stressed when I come home late and the kitchen is a mess."),
        h(73.0, b, "slower"),
        {"t": 73.1, "event": "command", "name": "slower"},
        say(73.2, "Of course. I'll speak more slowly."),
        stage(73.3, "mirror", b, a),
        h(82.0, a, "You feel stressed when you come home late and the kitchen is a mess."),
        check(82.1, "complete", ben_phrases, [], score=1.0),
        stage(82.2, "confirm", b, a),
        h(85.0, b, "Yes."),
        stage(85.1, "more", b, a),
        h(88.0, b, "No, that's all."),
        stage(88.1, "validate", b, a),
        h(93.0, a, "You make sense, and what makes sense is that the evenings are hard."),
        stage(93.1, "empathize", b, a),
        h(97.0, a, "I imagine you might be feeling overwhelmed. Is that how you feel?"),
        h(99.0, b, "Yes, that's how I feel."),
        stage(99.1, "close", b, a),
        h(105.0, a, "One thing I appreciate about you is how you cook for us."),
        h(110.0, b, "One thing I appreciate about you is your patience <3 & care."),
        say(110.5, "Thank you both for this dialogue."),
    ]
    if end:
        events.append({"t": 114.0, "event": "end", "reason": end})
    return events


def record(data: Path, events: list[dict], *, close=True, **options) -> SessionRecorder:
    recorder = SessionRecorder(data, names=["Ana", "Ben"], dialogue="intentional",
                               started=options.pop("started", STARTED), **options)
    for event in events:
        recorder.on_event(event)
    if close:
        recorder.close()
    return recorder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------------ files and permissions


def test_a_session_leaves_every_file_private(tmp_path):
    data = tmp_path / "data"
    recorder = record(data, session_events())
    folder = recorder.folder
    assert folder.parent == data / "sessions"
    assert folder.name == "2026-11-26T21-40-05" and SESSION_ID_RE.match(folder.name)
    for path in (data, data / "sessions", folder):
        assert mode(path) == 0o700, path
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    for name in FILES:
        assert mode(folder / name) == 0o600, name


def test_folders_are_private_even_with_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        recorder = record(tmp_path / "data", session_events())
    finally:
        os.umask(old)
    assert mode(recorder.folder) == 0o700
    assert all(mode(recorder.folder / name) == 0o600 for name in FILES)


def test_the_event_log_holds_every_event_as_one_json_line(tmp_path):
    events = session_events()
    recorder = record(tmp_path, events)
    lines = (recorder.folder / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == events


def test_each_event_is_on_disk_as_soon_as_it_is_received(tmp_path):
    recorder = record(tmp_path, [], close=False)
    log = recorder.folder / "events.jsonl"
    for count, event in enumerate(session_events()[:5], start=1):
        recorder.on_event(event)
        assert len(read_events(log)) == count
    assert json.loads((recorder.folder / "session.json").read_text())["status"] == "in progress"


def test_numpy_values_in_events_are_written_as_plain_json(tmp_path):
    recorder = record(tmp_path, [], close=False)
    recorder.on_event({"t": np.float32(1.5), "event": "mirror_check", "score": np.float64(0.25),
                       "verdict": "partial", "key_phrases": ("a",), "matched": [], "missed": ["a"]})
    line = json.loads((recorder.folder / "events.jsonl").read_text())
    assert line["t"] == 1.5 and line["score"] == 0.25 and line["key_phrases"] == ["a"]


def test_two_sessions_in_the_same_second_get_their_own_folders(tmp_path):
    first = record(tmp_path, session_events())
    second = record(tmp_path, session_events())
    assert first.folder != second.folder
    assert second.folder.name == first.folder.name + "-2"
    assert [f.name for f in records.session_folders(tmp_path)] == [first.folder.name,
                                                                   second.folder.name]


def test_no_save_writes_nothing_at_all(tmp_path):
    data = tmp_path / "data"
    recorder = record(data, session_events(), save=False, record_audio=True)
    recorder.add_audio(np.zeros(1600, dtype=np.float32), 16000)
    summary = recorder.close()
    assert recorder.folder is None
    assert not data.exists()
    assert list(tmp_path.iterdir()) == []
    assert summary["status"] == "complete" and summary["mirrors"]["total"] == 2


# ------------------------------------------------------------------ session.json


def test_session_json_summarises_the_dialogue(tmp_path):
    recorder = record(tmp_path, session_events())
    summary = json.loads((recorder.folder / "session.json").read_text(encoding="utf-8"))
    assert summary["id"] == recorder.folder.name
    assert summary["partners"] == ["Ana", "Ben"]
    assert summary["dialogue"] == "intentional"
    assert summary["topic"] == "the dishes after dinner"
    assert datetime.fromisoformat(summary["started"]) == STARTED
    assert summary["duration_seconds"] == 114.0
    assert summary["status"] == "complete" and summary["end_reason"] == "complete"
    assert summary["first_sender"] == "Ana"

    first, second = summary["exchanges"]
    assert (first["sender"], first["receiver"]) == ("Ana", "Ben")
    assert first["key_phrases"] == ["tired", "alone", "dishes left in the sink"]
    assert first["verdicts"] == ["partial", "complete"]
    assert first["first_try_complete"] is False and first["complete"] is True
    assert first["missed"] == ["alone"] and first["still_missed"] == []
    assert first["sender_text"].startswith("I feel tired and alone")
    assert [a["text"] for a in first["attempts"]] == [
        "If I got that, you feel tired when the dishes are left. Did I get that?",
        "You also feel alone. Did I get that?",
    ]
    assert (second["sender"], second["receiver"]) == ("Ben", "Ana")
    assert second["verdicts"] == ["complete"] and second["first_try_complete"] is True
    # "slower" was a command, not part of what Ben shared.
    assert second["sender_text"].startswith("I feel stressed")

    assert summary["mirrors"] == {"first_try_complete": 1, "total": 2}
    assert summary["missed"] == ["alone"]
    assert [a["partner"] for a in summary["appreciations"]] == ["Ana", "Ben"]
    assert summary["appreciations"][0]["text"].endswith("how you cook for us.")
    assert [c["kind"] for c in summary["coaching"]] == ["mirror"]
    assert summary["commands"][0]["name"] == "slower"
    assert summary["commands"][0]["partner"] == "Ben"
    assert set(summary["speech_seconds"]) == {"Ana", "Ben"}
    assert summary["sending_seconds"]["Ana"] > 0


def test_measured_speech_time_is_used_in_audio_sessions(tmp_path):
    events = session_events(audio=True)
    summary = record(tmp_path, events).close()
    # Every audio turn in the fixture lasts 2.3 s, however many words it has.
    for name in ("Ana", "Ben"):
        turns = sum(1 for e in events if e["event"] == "heard" and e["partner"] == name)
        assert summary["speech_seconds"][name] == pytest.approx(2.3 * turns)


def test_a_second_chunk_and_a_summary_are_separate_exchanges(tmp_path):
    phrases_1, phrases_2 = ["left out"], ["weekend plans"]
    events = [
        stage(0, "send", "Ana", "Ben"),
        heard(1, "Ana", "I feel left out."),
        stage(2, "mirror", "Ana", "Ben"),
        heard(3, "Ben", "You feel left out."),
        check(4, "complete", phrases_1, []),
        stage(5, "confirm", "Ana", "Ben"),
        heard(6, "Ana", "Yes."),
        stage(7, "more", "Ana", "Ben"),
        heard(8, "Ana", "And the weekend plans get made without me."),
        stage(9, "mirror", "Ana", "Ben"),
        heard(10, "Ben", "Plans are made without you."),
        check(11, "partial", phrases_2, ["weekend plans"]),
        heard(12, "Ben", "The weekend plans."),
        check(13, "complete", phrases_2, []),
        stage(14, "summary", "Ana", "Ben"),
        heard(15, "Ben", "Let me see if I got it all."),
        check(16, "partial", phrases_1 + phrases_2, ["left out"]),
    ]
    summary = record(tmp_path, events, close=False).close("stopped")
    assert [(e["stage"], e["verdicts"]) for e in summary["exchanges"]] == [
        ("mirror", ["complete"]),
        ("mirror", ["partial", "complete"]),
        ("summary", ["partial"]),
    ]
    assert summary["exchanges"][1]["sender_text"] == "And the weekend plans get made without me."
    assert summary["exchanges"][2]["sender_text"] is None
    assert summary["mirrors"] == {"first_try_complete": 1, "total": 3}
    assert summary["status"] == "ended early" and summary["end_reason"] == "stopped"


def test_an_appreciation_dialogue_keeps_its_appreciations(tmp_path):
    events = [
        stage(0, "send", "Ana", "Ben"),
        heard(1, "Ana", "One thing I appreciate about you is your laugh."),
        stage(2, "mirror", "Ana", "Ben"),
        heard(3, "Ben", "You appreciate my laugh."),
        check(4, "complete", ["laugh"], []),
        {"t": 5, "event": "end", "reason": "complete"},
    ]
    recorder = SessionRecorder(tmp_path, names=["Ana", "Ben"], dialogue="appreciation")
    for event in events:
        recorder.on_event(event)
    summary = recorder.close()
    assert summary["topic"] is None
    assert summary["appreciations"] == [
        {"partner": "Ana", "text": "One thing I appreciate about you is your laugh."}]
    assert summary["status"] == "complete"


def test_the_appreciation_dialogue_keeps_each_reason_with_its_appreciation(tmp_path):
    events = [
        stage(0, "send", "Ana", "Ben"),
        heard(1, "Ana", "One thing I appreciate about you is your laugh."),
        stage(2, "mirror", "Ana", "Ben"),
        heard(3, "Ben", "You appreciate my laugh."),
        check(4, "complete", ["your laugh"], []),
        stage(5, "send", "Ana", "Ben"),
        heard(6, "Ana", "The reason I appreciate this is it lifts my day."),
        stage(7, "mirror", "Ana", "Ben"),
        heard(8, "Ben", "It lifts your day."),
        check(9, "complete", ["it lifts my day"], []),
        stage(10, "switch", "Ben", "Ana"),
        stage(11, "send", "Ben", "Ana"),
        heard(12, "Ben", "One thing I appreciate about you is the tea this morning."),
        {"t": 13, "event": "end", "reason": "interrupted"},
    ]
    recorder = SessionRecorder(tmp_path, names=["Ana", "Ben"], dialogue="appreciation")
    for event in events:
        recorder.on_event(event)
    assert recorder.close()["appreciations"] == [
        {"partner": "Ana", "text": "One thing I appreciate about you is your laugh.",
         "reason": "The reason I appreciate this is it lifts my day."},
        {"partner": "Ben", "text": "One thing I appreciate about you is the tea this morning."}]


def test_the_summary_keeps_the_points_of_each_mirror_and_why_coaching_was_given(tmp_path):
    points = [{"text": "I feel lonely", "kind": "feeling", "status": "missed"},
              {"text": "when you scroll at dinner", "kind": "situation", "status": "changed",
               "change": "frequency"}]
    events = [
        stage(0, "send", "Ana", "Ben"),
        heard(1, "Ana", "You're always on your phone."),
        {"t": 2, "event": "coach", "kind": "blame", "text": "Could you try: I feel, when?",
         "why": "absolute"},
        heard(3, "Ana", "I feel lonely when you scroll at dinner."),
        stage(4, "mirror", "Ana", "Ben"),
        heard(5, "Ben", "Sometimes I scroll at dinner."),
        {**check(6, "partial", ["I feel lonely", "when you scroll at dinner"],
                 ["I feel lonely"]), "points": points,
         "changed": [{"point": "when you scroll at dinner", "change": "frequency",
                      "mirror_says": "sometimes I scroll"}]},
        stage(7, "validate", "Ana", "Ben"),
        heard(8, "Ben", "You make sense, but I was tired."),
        {"t": 9, "event": "coach", "kind": "validation", "text": "Once more?",
         "why": "rebuttal"},
    ]
    summary = record(tmp_path, events, close=False).close("stopped")
    exchange = summary["exchanges"][0]
    assert exchange["points"] == [{"text": "I feel lonely", "kind": "feeling"},
                                  {"text": "when you scroll at dinner", "kind": "situation"}]
    assert exchange["attempts"][0]["points"] == points
    assert exchange["attempts"][0]["changed"][0]["change"] == "frequency"
    blame, validation = summary["coaching"]
    assert (blame["kind"], blame["why"], blame["sender"]) == ("blame", "absolute", "Ana")
    assert blame["said_next"] == "I feel lonely when you scroll at dinner."
    assert (validation["why"], validation["receiver"]) == ("rebuttal", "Ben")
    assert "said_next" not in validation


def test_not_now_is_its_own_ending_and_an_older_summary_is_read_again_from_its_log(tmp_path):
    events = [stage(0, "appointment", "Ana", "Ben"),
              heard(1, "Ana", "I'd like to talk about money. Is now a good time?"),
              heard(2, "Ben", "Not now."), {"t": 3, "event": "end", "reason": "not now"}]
    recorder = record(tmp_path, events)
    assert read_session(recorder.folder)["status"] == "not now"
    done = record(tmp_path, session_events(), started=datetime(2026, 11, 27, 20, 0).astimezone())
    path = done.folder / "session.json"
    old = json.loads(path.read_text(encoding="utf-8"))
    old["format"] = 1
    for exchange in old["exchanges"]:
        del exchange["points"]
    path.write_text(json.dumps(old), encoding="utf-8")
    assert "points" in read_session(done.folder)["exchanges"][0]  # worked out again
    (done.folder / "events.jsonl").unlink()
    assert read_session(done.folder)["format"] == 1  # no log: the summary is all there is


def test_close_logs_the_end_once_and_can_be_called_again(tmp_path):
    recorder = record(tmp_path, session_events(end=""), close=False)
    summary = recorder.close("stopped")
    assert recorder.close("something else") is summary
    ends = [e for e in read_events(recorder.folder / "events.jsonl") if e["event"] == "end"]
    assert ends == [{"t": 110.5, "event": "end", "reason": "stopped"}]


def test_an_interrupt_end_reason_marks_the_session_interrupted(tmp_path):
    summary = record(tmp_path, session_events(end="interrupted: microphone lost")).close()
    assert summary["status"] == "interrupted"


def test_a_failing_disk_does_not_stop_the_session_and_close_saves_it_all(tmp_path, monkeypatch):
    recorder = record(tmp_path, [], close=False)
    real_write = records._write_all

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(records, "_write_all", full_disk)
    events = session_events()
    for event in events:
        recorder.on_event(event)  # must not raise mid-conversation
    assert recorder.write_error == "No space left on device"
    monkeypatch.setattr(records, "_write_all", real_write)
    recorder.close()
    assert read_events(recorder.folder / "events.jsonl") == events


@pytest.mark.parametrize("said, topic", [
    ("I'd like to talk about the dishes after dinner. Is now a good time?",
     "the dishes after dinner"),
    ("I would like to talk about money, is now a good time", "money"),
    ("So, I want to talk about my mother\u2019s visit. Is this a good time for you?",
     "my mother's visit"),
    ("Can we talk about the holidays? Are you ready?", "the holidays"),
    ("Bedtime.", "Bedtime"),
])
def test_the_topic_is_what_the_sender_named(said, topic):
    assert clean_topic(said) == topic


# ------------------------------------------------------------------ transcript.md


def test_the_transcript_tells_who_said_what_and_each_mirror_check(tmp_path):
    recorder = record(tmp_path, session_events())
    text = (recorder.folder / "transcript.md").read_text(encoding="utf-8")
    assert text.startswith("# Imago dialogue: Ana and Ben\n")
    assert "- **Topic:** the dishes after dinner" in text
    assert "- **How it ended:** complete" in text
    assert "## Ana shares" in text and "## Ben mirrors" in text and "## Appreciations" in text
    assert "**Ana** [00:24]: I feel tired and alone when the dishes are left" in text
    assert "*Facilitator* [00:00]: Welcome, Ana and Ben." in text
    assert ("> **Mirror check: partial.** Caught: \u201ctired\u201d, \u201cdishes left in the "
            "sink\u201d. Missed: \u201calone\u201d.") in text
    assert "*Facilitator, coaching (mirror)* [00:33]: You caught tired." in text
    assert text.count("You may have missed: alone.") == 1  # said once, shown once
    assert "*(voice command: slower)*" in text
    assert "- Mirrors complete on the first try: 1 of 2" in text
    assert "- Ana appreciated: One thing I appreciate about you is how you cook for us." in text
    # Markdown in what people say is shown as typed, not interpreted.
    assert r"your patience \<3 & care." in text


# ------------------------------------------------------------------ captions.vtt

CUE_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def parse_vtt(text: str) -> list[tuple[float, float, str, str]]:
    """A strict reading of the WebVTT we write: header, then numbered cues with a voice."""
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = []
    for number, block in enumerate(blocks[1:], start=1):
        ident, timing, payload = block.split("\n")
        assert ident == str(number)
        match = CUE_TIME.match(timing)
        assert match, timing
        g = [int(x) for x in match.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        voice = re.match(r"^<v ([^>]+)>(.*)$", payload)
        assert voice, payload
        assert "-->" not in payload
        cues.append((start, end, voice.group(1), voice.group(2)))
    return cues


def test_captions_cover_all_speech_in_order(tmp_path):
    events = session_events()
    recorder = record(tmp_path, events)
    cues = parse_vtt((recorder.folder / "captions.vtt").read_text(encoding="utf-8"))
    spoken = [e for e in events if e["event"] in ("say", "heard")]
    assert len(cues) == len(spoken)
    assert [c[2] for c in cues] == ["Facilitator" if e["event"] == "say" else e["partner"]
                                    for e in spoken]
    starts = [c[0] for c in cues]
    assert starts == sorted(starts)
    for (start, end, _, _), following in zip(cues, [*starts[1:], float("inf")], strict=True):
        assert start < end <= following
    assert cues[-2][3] == "One thing I appreciate about you is your patience &lt;3 &amp; care."


def test_said_text_lasts_about_as_long_as_it_takes_to_say(tmp_path):
    events = [say(0.0, "one two three four five six seven eight nine ten"),
              say(60.0, "Thank you.")]
    cues = parse_vtt(render_captions(events))
    assert cues[0][:2] == (0.0, 4.0)  # ten words at a calm 2.5 words a second
    assert cues[1][:2] == (60.0, 61.0)  # never shorter than a second


def test_spoken_turns_use_their_measured_times(tmp_path):
    events = session_events(audio=True)
    cues = parse_vtt(render_captions(events))
    first_heard = next(c for c in cues if c[2] == "Ana")
    assert first_heard[:2] == (7.0, 9.3)


# ------------------------------------------------------------------ audio


def test_record_audio_keeps_the_microphone_lined_up_with_the_session(tmp_path):
    recorder = record(tmp_path, session_events()[:3], close=False, record_audio=True)
    tone = np.full(16000, 0.5, dtype=np.float32)
    recorder.add_audio(tone, 16000, at=0.0)
    recorder.add_audio(tone, 16000, at=3.0)  # two seconds skipped while the facilitator spoke
    recorder.close("stopped")
    path = recorder.folder / "audio.wav"
    assert mode(path) == 0o600
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    assert len(samples) == 4 * 16000
    assert samples[100] > 16000 and samples[2 * 16000] == 0 and samples[3 * 16000 + 5] > 16000


def test_without_record_audio_no_audio_is_kept(tmp_path):
    recorder = record(tmp_path, session_events(), close=False)
    recorder.add_audio(np.ones(160, dtype=np.float32), 16000)
    recorder.close()
    assert not (recorder.folder / "audio.wav").exists()


# ------------------------------------------------------------------ interrupted sessions


def cut_off(recorder: SessionRecorder, partial: bytes = b'{"t": 115.2, "event": "hea') -> Path:
    """What a SIGKILL in the middle of writing a line would leave."""
    with open(recorder.folder / "events.jsonl", "ab") as f:
        f.write(partial)
    return recorder.folder


def test_a_cut_off_session_is_read_back_as_interrupted(tmp_path):
    events = session_events(end="")[:20]
    folder = cut_off(record(tmp_path, events, close=False))
    assert read_events(folder / "events.jsonl") == events
    summary = read_session(folder)
    assert summary["status"] == "interrupted"
    assert summary["damaged_lines"] == 1
    assert summary["partners"] == ["Ana", "Ben"] and summary["topic"] == "the dishes after dinner"
    assert summary["mirrors"] == {"first_try_complete": 0, "total": 1}
    # Reading never writes.
    assert not (folder / "transcript.md").exists()


def test_rebuild_makes_the_files_from_the_event_log_alone(tmp_path):
    events = session_events(end="")[:20]
    recorder = record(tmp_path, events, close=False, record_audio=True)
    recorder.add_audio(np.zeros(8000, dtype=np.float32), 16000)
    folder = cut_off(recorder)
    (folder / "session.json").unlink()  # even without the summary written at the start

    summary = rebuild(folder)
    assert summary["status"] == "interrupted"
    assert datetime.fromisoformat(summary["started"]) == STARTED.replace(tzinfo=None).astimezone()
    for name in FILES:
        assert mode(folder / name) == 0o600
    transcript = (folder / "transcript.md").read_text(encoding="utf-8")
    assert "stopped unexpectedly" in transcript and "1 line(s) of the event log" in transcript
    spoken = [e for e in events if e["event"] in ("say", "heard")]
    assert len(parse_vtt((folder / "captions.vtt").read_text(encoding="utf-8"))) == len(spoken)
    assert json.loads((folder / "session.json").read_text())["status"] == "interrupted"
    with wave.open(str(folder / "audio.wav")) as wav:  # the header was patched
        assert wav.getnframes() == 8000


def test_rebuild_of_a_closed_session_gives_the_same_files(tmp_path):
    folder = record(tmp_path, session_events()).folder
    before = {name: (folder / name).read_text(encoding="utf-8") for name in FILES}
    rebuild(folder)
    assert {name: (folder / name).read_text(encoding="utf-8") for name in FILES} == before


def test_rebuild_of_a_folder_without_a_log_is_a_clear_error(tmp_path):
    with pytest.raises(FacilitatorError, match=r"no events\.jsonl"):
        rebuild(tmp_path)


KILLED_WRITER = textwrap.dedent("""
    import sys
    from facilitator.records import SessionRecorder
    recorder = SessionRecorder(sys.argv[1], names=["Ana", "Ben"], dialogue="intentional")
    recorder.on_event({"t": 0.0, "event": "stage", "name": "appointment",
                       "sender": "Ana", "receiver": "Ben"})
    print(recorder.folder, flush=True)
    n = 0
    while True:
        n += 1
        recorder.on_event({"t": float(n), "event": "say", "text": "Take your time. " * 50})
""")


def test_after_sigkill_the_log_holds_only_complete_lines(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        folder = Path(proc.stdout.readline().strip())
        log = folder / "events.jsonl"
        deadline = time.monotonic() + 60
        while log.stat().st_size < 20_000:
            assert proc.poll() is None, "the writer died before it was killed"
            assert time.monotonic() < deadline, "the writer wrote nothing"
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    raw = log.read_bytes()
    lines = raw.split(b"\n")
    # Each event is one write, so every line before the last newline is whole. The kernel
    # may stop a write that is under way at a page boundary when SIGKILL lands, so only the
    # very end can be cut, and the reader leaves that piece out.
    whole = lines[:-1]
    assert len(whole) >= 2
    assert all(json.loads(line)["event"] in ("stage", "say") for line in whole)
    assert len(read_events(log)) == len(whole)
    assert read_session(folder)["status"] == "interrupted"


# ------------------------------------------------------------------ the data folder


def test_the_data_folder_comes_from_the_option_then_the_environment_then_the_platform(
        tmp_path, monkeypatch):
    monkeypatch.setattr(records.platformdirs, "user_data_dir", lambda app: str(tmp_path / app))
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    assert resolve_data_dir() == tmp_path / "imago-facilitator"
    assert resolve_data_dir(config_value=tmp_path / "c") == tmp_path / "c"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(config_value=tmp_path / "c") == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "cli") == tmp_path / "cli"


def test_the_data_folder_is_created_private(tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    folder = data_dir(tmp_path / "a" / "b")
    assert folder.is_dir() and mode(folder) == 0o700
    assert list(folder.iterdir()) == []  # the write test leaves nothing behind
    assert not data_dir(tmp_path / "x", create=False).exists()


def test_an_unwritable_data_folder_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(FacilitatorError) as caught:
        data_dir(blocker / "data")
    message = str(caught.value)
    assert "\n" not in message
    assert str(blocker / "data") in message and "--data-dir" in message
    with pytest.raises(FacilitatorError, match="--data-dir"):
        SessionRecorder(blocker, names=["Ana", "Ben"], dialogue="intentional")


def test_a_folder_nobody_can_write_is_refused_even_as_root(monkeypatch):
    # /proc takes no new files, whoever asks: the write test itself must fail here
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    with pytest.raises(FacilitatorError) as caught:
        data_dir(Path("/proc"))
    assert str(caught.value).startswith(
        "/proc: cannot write the data folder (No such file or directory); ")


def test_the_configured_data_folder_is_used_when_no_option_names_one(tmp_path, monkeypatch):
    monkeypatch.delenv("FACILITATOR_DATA_DIR", raising=False)
    assert data_dir(None, config_value=tmp_path / "from-config") == tmp_path / "from-config"
    assert mode(tmp_path / "from-config") == 0o700


def test_a_sessions_folder_made_stricter_by_the_user_is_left_as_it_is(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    for strict in (0o500, 0o700, 0o300):
        folder.chmod(strict)
        records._keep_private(folder)
        assert mode(folder) == strict
    folder.chmod(0o701)
    records._keep_private(folder)
    assert mode(folder) == 0o700


def test_a_session_folder_that_cannot_be_made_is_a_one_line_error():
    with pytest.raises(FacilitatorError) as caught:
        records._new_session_folder(Path("/proc"), "2026-11-26T21-40-05")
    assert str(caught.value).startswith("/proc: cannot write the data folder (No such file")


def test_a_thousand_sessions_in_one_second_is_a_clear_error(tmp_path, monkeypatch):
    def taken(self, *args, **kwargs):
        raise FileExistsError(self)

    monkeypatch.setattr(Path, "mkdir", taken)
    with pytest.raises(FacilitatorError,
                       match=r": too many sessions started in one second; try again$"):
        records._new_session_folder(tmp_path, "2026-11-26T21-40-05")


def test_a_private_file_is_written_through_a_temporary_file_beside_it(tmp_path, monkeypatch):
    # beside it: the rename that makes it appear whole never crosses filesystems
    import tempfile

    made = []
    real = tempfile.mkstemp

    def spy(*args, **kwargs):
        made.append(kwargs.get("dir"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    records.write_private_file(tmp_path / "summary.json", "{}")
    assert made == [tmp_path]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.json"]


def test_power_lost_before_the_rename_keeps_the_summary_whole_and_hides_the_new_one(tmp_path):
    # Power lost between writing the new summary and renaming it into place: the summary
    # read back is the old one, whole, and what is left of the new one is a hidden file
    # that says which file it was for and that it is temporary.
    target = tmp_path / "session.json"
    records.write_private_file(target, '{"status": "in progress"}')
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(r)
            os.replace = lambda *args: os._exit(0)  # the machine stops here
            records.write_private_file(target, '{"status": "complete"}')
        finally:
            os._exit(1)
    os.close(w)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert target.read_text() == '{"status": "in progress"}'
    left = [p.name for p in tmp_path.iterdir() if p != target]
    assert len(left) == 1
    assert left[0].startswith(".session.json-") and left[0].endswith(".tmp")
    assert (tmp_path / left[0]).read_text() == '{"status": "complete"}'
    assert mode(tmp_path / left[0]) == 0o600


def test_what_is_written_is_on_disk_before_it_is_renamed_into_place(tmp_path, monkeypatch):
    # fsync of the temporary file must see every byte: data still in Python's buffer
    # would be lost by a crash after the rename, leaving an empty or cut summary.
    text = '{"partners": ["Ana", "Ben"]}\n' * 50
    synced = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        synced.append(os.fstat(fd).st_size)
        real_fsync(fd)

    def replace(src, dst):
        synced.append("renamed")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    records.write_private_file(tmp_path / "session.json", text)
    assert synced == [len(text.encode()), "renamed"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "session.json"
    target.write_text("old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left on device"):
        records.write_private_file(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]
    assert target.read_text() == "old"


def test_ctrl_c_just_after_the_rename_is_still_ctrl_c(tmp_path, monkeypatch):
    # The interrupt lands once the file is in place: the session must stop as asked (the
    # loop ends on KeyboardInterrupt), not on an error about the vanished temporary file.
    real_replace = os.replace

    def replace_then_interrupted(src, dst):
        real_replace(src, dst)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        records.write_private_file(tmp_path / "session.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["session.json"]
    assert (tmp_path / "session.json").read_text() == "{}"


def test_session_files_are_utf8_whatever_the_locale_says(tmp_path):
    # Partners' names and their words are not all ASCII; the files must read back the same
    # on any machine, so the locale's encoding (here plain ASCII) is not used.
    import locale

    text = '{"partners": ["Zoë", "Jürgen"], "said": "I feel — unseen"}'
    old = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        records.write_private_file(tmp_path / "session.json", text)
    finally:
        locale.setlocale(locale.LC_CTYPE, old)
    assert (tmp_path / "session.json").read_bytes() == text.encode("utf-8")


def _chmod_spy(monkeypatch) -> list:
    """Each folder's mode at the moment os.chmod is about to set it."""
    seen = []
    real = os.chmod

    def spy(path, new_mode, *args, **kwargs):
        if Path(path).is_dir():
            seen.append((Path(path).name, mode(Path(path))))
        return real(path, new_mode, *args, **kwargs)

    monkeypatch.setattr(os, "chmod", spy)
    return seen


def test_a_new_folder_is_never_open_to_others_even_before_its_mode_is_set(tmp_path, monkeypatch):
    # Between mkdir and chmod another user could open the folder and keep the handle:
    # the folder must be private from the moment it exists, whatever the umask.
    seen = _chmod_spy(monkeypatch)
    old = os.umask(0)
    try:
        records.make_private_dir(tmp_path / "data")
        folder = records._new_session_folder(tmp_path / "data", "2026-11-26T21-40-05")
    finally:
        os.umask(old)
    assert [name for name, _ in seen] == ["data", folder.name]
    assert all(at_creation & 0o077 == 0 for _, at_creation in seen), seen


def test_a_file_where_the_data_folder_should_be_is_a_one_line_error(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(FacilitatorError) as caught:
        records.make_private_dir(tmp_path / "data")
    assert str(caught.value).startswith(
        f"{tmp_path / 'data'}: cannot write the data folder (a file is in the way); ")


def test_a_data_folder_under_a_file_says_why_it_cannot_be_made(tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(FacilitatorError) as caught:
        records.make_private_dir(tmp_path / "a-file" / "data")
    assert str(caught.value).startswith(
        f"{tmp_path / 'a-file' / 'data'}: cannot write the data folder (Not a directory); ")


def test_a_data_folder_made_at_the_same_moment_by_another_session_is_fine(tmp_path, monkeypatch):
    # Two sessions starting together: the other one makes the folder between our check
    # and our mkdir. That is no error, and its folder is used as it is.
    folder = tmp_path / "data"
    real_mkdir = Path.mkdir

    def made_by_the_other_session(self, *args, **kwargs):
        real_mkdir(self, mode=0o700)
        raise FileExistsError(17, "File exists", str(self))

    monkeypatch.setattr(Path, "mkdir", made_by_the_other_session)
    records.make_private_dir(folder)
    assert folder.is_dir() and mode(folder) == 0o700


class CountingSource:
    """A stand-in microphone: a rising ramp, so each sample says where it came from."""

    rate = 16000

    def __init__(self):
        self.position = 0
        self.closed = False

    def begin_turn(self):
        return None

    def read(self, n):
        samples = (np.arange(self.position, self.position + n) % 100 + 1) / 200.0
        self.position += n
        return samples.astype(np.float32)

    def skip(self, n):
        self.position += n

    def close(self):
        self.closed = True


def test_a_wrapped_source_keeps_what_the_microphone_heard_in_place(tmp_path):
    recorder = record(tmp_path, [], close=False, record_audio=True)
    source = recorder.wrap_source(CountingSource())
    first = source.read(8000)
    source.skip(16000)  # the facilitator speaks; the microphone is not listened to
    second = source.read(8000)
    assert source.position == 32000 and source.rate == 16000 and source.begin_turn() is None
    source.close()
    recorder.close("stopped")
    with wave.open(str(recorder.folder / "audio.wav")) as wav:
        kept = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2") / 32767.0
    assert len(kept) == 32000
    assert np.allclose(kept[:8000], first, atol=1e-4)
    assert not kept[8000:24000].any()
    assert np.allclose(kept[24000:], second, atol=1e-4)


def test_without_record_audio_the_source_is_left_alone(tmp_path):
    source = CountingSource()
    assert record(tmp_path, [], close=False).wrap_source(source) is source


def test_a_new_session_finishes_the_files_of_one_that_was_cut_off(tmp_path):
    cut = cut_off(record(tmp_path, session_events(end="")[:20], close=False)).name
    later = record(tmp_path, session_events(), started=datetime(2026, 11, 27, 9, 0))
    folder = later.folder.parent / cut
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert json.loads((folder / "session.json").read_text())["status"] == "interrupted"
    assert records.finish_interrupted(tmp_path) == []  # once is enough


@pytest.mark.parametrize("loose", [0o755, 0o750, 0o705, 0o770, 0o740, 0o704, 0o710, 0o701])
def test_a_loose_sessions_folder_is_made_private_again(tmp_path, loose):
    # any access for the group or for others, even one bit of it, is taken away
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions").chmod(loose)
    record(tmp_path, session_events())
    assert mode(tmp_path / "sessions") == 0o700


def test_a_private_sessions_folder_and_a_chosen_data_folder_are_left_as_they_are(tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions").chmod(0o500 | 0o200)  # the user's own choice within 0700
    tmp_path.chmod(0o750)  # the data folder the user picked may be shared
    record(tmp_path, session_events())
    assert mode(tmp_path / "sessions") == 0o700
    assert mode(tmp_path) == 0o750


def test_a_group_readable_data_folder_that_exists_keeps_sessions_private(tmp_path):
    data = tmp_path / "shared"
    data.mkdir()
    data.chmod(0o770)
    recorder = record(data, session_events())
    assert mode(data / "sessions") == 0o700 and mode(recorder.folder) == 0o700
    assert all(mode(recorder.folder / name) == 0o600 for name in FILES)


# Run as an ordinary user: root reads and writes whatever the modes say, so only a user
# without that power shows that the modes keep a stranger out. A forked child drops to
# "nobody" (no new interpreter: the one installed may sit in root's home).
NOBODY = 65534


def as_a_stranger(check) -> dict:
    """``check()`` run in a child process as the user nobody (when the tests run as root)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(r)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.write(w, json.dumps(check()).encode())
            code = 0
        except BaseException as exc:  # noqa: BLE001  (reported to the parent)
            os.write(w, json.dumps({"error": repr(exc)}).encode())
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    result = json.loads(data)
    assert os.waitstatus_to_exitcode(status) == 0, result
    return result


def test_the_modes_keep_an_ordinary_user_out():
    import shutil
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="facilitator-perm-"))
    try:
        home.chmod(0o755)
        theirs = record(home / "theirs", session_events()).folder  # another user's sessions
        (home / "read-only").mkdir()
        if os.geteuid() == 0:
            os.chown(home / "read-only", NOBODY, NOBODY)
        (home / "read-only").chmod(0o500)

        def check() -> dict:
            result = {"euid": os.geteuid()}
            try:
                data_dir(home / "read-only")
                result["read-only"] = "accepted"
            except FacilitatorError as exc:
                result["read-only"] = str(exc)
            for name, path in (("sessions", home / "theirs" / "sessions"), ("session", theirs),
                               ("transcript", theirs / records.TRANSCRIPT_FILE)):
                try:
                    os.listdir(path) if path.is_dir() else path.read_bytes()
                    result[name] = "read"
                except PermissionError:
                    result[name] = "refused"
            return result

        result = as_a_stranger(check)
        assert "cannot write the data folder" in result["read-only"]
        if os.geteuid() == 0:  # as the owner the modes would not stop us: nothing to see
            assert result["euid"] == NOBODY
            assert result["sessions"] == result["session"] == result["transcript"] == "refused"
    finally:
        (home / "read-only").chmod(0o700)
        shutil.rmtree(home, ignore_errors=True)
