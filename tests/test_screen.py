"""The big-screen companion's server and the loop's side of it (issue 15, points 1, 4 and 6).

The page itself, in a real browser, is tested in test_screen_browser.py. Here: the server
answers on 127.0.0.1 only and only under its token, sends nothing from elsewhere, feeds every
page the session's events with the history first, and hands buttons and typed turns to the
loop, which takes them where it listens, whatever it was waiting for (a keyboard, a
microphone, a replayed recording). A page going away never holds the session up.
"""

from __future__ import annotations

import http.client
import json
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest

from facilitator.audio import RATE, ScriptedSource, Turn, write_wav
from facilitator.dialogue import COMMANDS, Command, Dialogue, Listen, Utterance
from facilitator.screen import CSP, Screen
from facilitator.session import (
    Clock,
    ControlledTurns,
    Controls,
    Interrupted,
    MixedTurns,
    NoSpeech,
    TypedTurns,
    VoiceTurns,
    run_dialogue,
)
from tests.helpers import FAKE_SOUNDDEVICE, ROOT, WEEKEND, cli_env, read_events, wait_for_events

PAGE_FILES = sorted((ROOT / "facilitator" / "data" / "screen").iterdir())
LISTEN = Listen("Maya", "sender", "send", "share", None)


# ------------------------------------------------------------------ helpers


@pytest.fixture
def screen():
    controls = Controls()
    saved: list[tuple[str, object]] = []
    s = Screen(names=["Maya", "Leo"], controls=controls, on_setting=lambda *kv: saved.append(kv))
    s.saved = saved
    yield s
    s.close(linger=0)


def request(url: str, method: str = "GET", path: str = "", body: dict | None = None,
            headers: dict | None = None) -> tuple[int, dict, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    data = json.dumps(body).encode() if body is not None else None
    sent = {"Content-Type": "application/json"} if data is not None else {}
    sent.update(headers or {})
    conn.request(method, parts.path + path if not path.startswith("/") else path, data, sent)
    reply = conn.getresponse()
    result = reply.status, dict(reply.getheaders()), reply.read()
    conn.close()
    return result


class Stream:
    """A page's event stream, read in the background: (kind, id, data) tuples."""

    def __init__(self, url: str, last_id: int | None = None):
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = {"Last-Event-ID": str(last_id)} if last_id is not None else {}
        self.conn.request("GET", parts.path + "events", headers=headers)
        self.sock = self.conn.sock  # the response takes it over (the stream ends with it)
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.items: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        kind, ident, data = "message", None, []
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line == "":
                    if data:
                        self.items.put((kind, ident, json.loads("\n".join(data))))
                    kind, ident, data = "message", None, []
                elif line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("id: "):
                    ident = int(line[4:])
                elif line.startswith("data: "):
                    data.append(line[6:])
        except (OSError, ValueError):
            pass
        self.items.put(None)

    def take(self, n: int, timeout: float = 10) -> list[tuple]:
        got = []
        deadline = time.monotonic() + timeout
        while len(got) < n:
            item = self.items.get(timeout=max(0.01, deadline - time.monotonic()))
            assert item is not None, f"stream ended after {got}"
            got.append(item)
        return got

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the server closed it already
        self.sock.close()


def event(kind: str, t: float = 0.0, **fields) -> dict:
    return {"t": t, "event": kind, **fields}


# ------------------------------------------------------------------ point 1: where it is


def test_the_page_is_on_loopback_under_an_unguessable_token(screen):
    parts = urlsplit(screen.url)
    assert parts.hostname == "127.0.0.1" and parts.port == screen.port
    assert screen._server.server_address[0] == "127.0.0.1"
    token = parts.path.strip("/")
    assert len(token) >= 32 and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    other = Screen(names=["A", "B"], controls=Controls())
    try:
        assert other.token != screen.token and other.port != screen.port
    finally:
        other.close(linger=0)

    status, headers, body = request(screen.url)
    assert status == 200 and b"<title>" in body
    assert headers["Content-Security-Policy"] == CSP
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"
    for wrong in ("/", "/events", f"/{token[:-1]}/", f"/{token}x/", f"/{token}/../",
                  f"/{token}/nothing.js", f"/{token.upper()}/events"):
        assert request(screen.url, path=wrong)[0] == 404, wrong
    # Another name for this address (DNS rebinding) or a page elsewhere posting: refused.
    assert request(screen.url, headers={"Host": f"attacker.example:{screen.port}"})[0] == 404
    assert request(screen.url, "POST", "command", {"name": "stop"},
                   headers={"Origin": "http://attacker.example"})[0] == 404
    assert screen.controls.take() is None


def test_the_page_loads_nothing_from_anywhere_else():
    assert {p.name for p in PAGE_FILES} == {"index.html", "screen.css", "screen.js"}
    for path in PAGE_FILES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}|@import|url\(", text,
                             re.IGNORECASE), path.name
    html = (ROOT / "facilitator" / "data" / "screen" / "index.html").read_text()
    assert re.findall(r'(?:src|href)="([^"#]+)"', html) == ["data:,", "screen.css", "screen.js"]
    assert "default-src 'none'" in CSP and "'unsafe-inline'" not in CSP


def test_no_browser_to_open_means_the_url_is_printed(monkeypatch, capsys, screen):
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    screen.open()
    deadline = time.monotonic() + 5
    while screen.url not in capsys.readouterr().err:
        assert time.monotonic() < deadline, "the URL was never printed"
        time.sleep(0.05)


# ------------------------------------------------------------------ point 4: one stream


def test_a_page_gets_the_history_then_live_events_and_a_reload_catches_up(screen):
    screen(event("say", 0.1, text="Welcome."))
    screen(event("listen", 0.2, partner="Maya", role="sender", stage="send"))
    first = Stream(screen.url)
    hello, *history, ready = first.take(4)
    assert hello[0] == "hello" and hello[2]["names"] == ["Maya", "Leo"]
    assert hello[2]["commands"] == list(COMMANDS)
    assert [h[2]["event"] for h in history] == ["say", "listen"]
    assert [h[1] for h in history] == [1, 2] and ready[0] == "ready"
    # The page gets the event log's dicts as they are, numbered, with the time they were sent.
    assert history[0][2] == {"seq": 1, "at": history[0][2]["at"], "t": 0.1, "event": "say",
                             "text": "Welcome."}
    assert abs(history[0][2]["at"] / 1000 - time.time()) < 60

    screen(event("heard", 1.0, partner="Maya", text="I feel lonely."))
    (kind, ident, data), = first.take(1)
    assert (kind, ident, data["event"], data["text"]) == ("message", 3, "heard", "I feel lonely.")

    # A second screen, or the same one reloaded, sees the whole session so far.
    second = Stream(screen.url)
    _, *history, _ = second.take(5)
    assert [h[2]["event"] for h in history] == ["say", "listen", "heard"]
    # A reconnect says what it has; only what is newer comes.
    again = Stream(screen.url, last_id=2)
    _, only, _ = again.take(3)
    assert only[1] == 3
    for s in (first, second, again):
        s.close()


def test_only_the_latest_partial_transcript_is_kept_for_pages_that_catch_up(screen):
    screen(event("listen", partner="Maya", role="sender", stage="send"))
    screen(event("state", state="hearing", partner="Maya"))
    for words in ("I feel", "I feel lonely", "I feel lonely when"):
        screen(event("partial", partner="Maya", text=words))
    live = Stream(screen.url)
    _, *history, _ = live.take(5)
    assert [(h[2]["event"], h[2].get("text")) for h in history] == [
        ("listen", None), ("state", None), ("partial", "I feel lonely when")]
    screen(event("state", state="deciding", partner="Maya"))
    screen(event("heard", partner="Maya", text="I feel lonely when we eat in silence."))
    screen(event("partial", partner="Leo", text="If I"))
    live.take(3)
    late = Stream(screen.url)
    _, *history, _ = late.take(8)
    assert [(h[2]["event"], h[2].get("text")) for h in history][-3:] == [
        ("state", None), ("heard", "I feel lonely when we eat in silence."), ("partial", "If I")]
    live.close()
    late.close()


def test_a_page_that_goes_away_never_holds_the_session_up(screen):
    streams = [Stream(screen.url) for _ in range(3)]
    for s in streams:
        s.take(2)
    for s in streams[:2]:
        s.close()
    started = time.perf_counter()
    for k in range(2000):
        screen(event("partial", partner="Maya", text=f"word {k} " * 20))
    assert time.perf_counter() - started < 5  # each event is handed over, never waited on
    kinds = [item[0] for item in streams[2].take(1)]
    assert kinds == ["message"]
    # Closing while a page still listens does not wait for it longer than asked.
    started = time.monotonic()
    screen.close(linger=0.5)
    assert time.monotonic() - started < 3
    streams[2].close()


# ------------------------------------------------------------------ what a page sends


def test_buttons_and_the_typing_box_reach_the_loop_as_commands_and_turns(screen):
    for name in COMMANDS:
        status, _, body = request(screen.url, "POST", "command", {"name": name})
        assert status == 202 and json.loads(body)["ok"], name
        assert screen.controls.take() == Command(name)
    status, _, body = request(screen.url, "POST", "turn",
                              {"text": "  I feel\tlonely\nwhen we\u0007 eat in silence. "})
    assert status == 202
    assert screen.controls.take() == Utterance("I feel lonely when we eat in silence.")

    for path, body in (("command", {"name": "dance"}), ("command", {}),
                       ("turn", {"text": "   "}), ("turn", {"text": 3}),
                       ("turn", {"text": "x" * 6000}), ("setting", {"name": "rate",
                                                                     "value": 300})):
        assert request(screen.url, "POST", path, body)[0] == 400, (path, body)
    assert request(screen.url, "POST", "command", headers={"Content-Type": "text/plain",
                                                           "Content-Length": "2"})[0] in (400,
                                                                                          415)
    assert screen.controls.take() is None and not screen.controls.pending

    screen(event("end", reason="stopped"))
    assert request(screen.url, "POST", "command", {"name": "pause"})[0] == 409
    assert request(screen.url, "POST", "turn", {"text": "hello"})[0] == 409


def test_text_size_and_theme_changed_on_a_page_are_remembered(screen):
    assert request(screen.url, "POST", "setting",
                   {"name": "screen_text_size", "value": 300})[0] == 200
    assert request(screen.url, "POST", "setting",
                   {"name": "screen_theme", "value": "contrast"})[0] == 200
    for wrong in (("screen_text_size", 50), ("screen_text_size", 1000),
                  ("screen_theme", "purple"), ("screen_text_size", "big")):
        assert request(screen.url, "POST", "setting",
                       {"name": wrong[0], "value": wrong[1]})[0] == 400, wrong
    assert screen.saved == [("screen_text_size", 300), ("screen_theme", "contrast")]
    hello = Stream(screen.url).take(1)[0][2]
    assert (hello["screen_text_size"], hello["screen_theme"]) == (300, "contrast")


# ------------------------------------------------------------------ the loop's side


def test_a_control_interrupts_waiting_for_the_keyboard_and_is_taken_there():
    lines: queue.Queue = queue.Queue()
    controls = Controls()
    typed = TypedTurns(lambda prompt: lines.get())
    typed.read_in_background(interrupt_when=lambda: controls.pending)
    controls.wake_with(typed.interrupt)
    turns = ControlledTurns(typed, controls)

    threading.Timer(0.2, controls.put, [Command("pause")]).start()
    started = time.monotonic()
    assert turns.next_turn(LISTEN) == Command("pause")
    assert time.monotonic() - started < 2
    # Taken already: the leftover wake-up does not cut the next wait short.
    threading.Timer(0.3, lines.put, ["I feel lonely."]).start()
    assert turns.next_turn(LISTEN) == Utterance("I feel lonely.")
    controls.put(Utterance("typed on the screen"))
    assert turns.next_turn(LISTEN) == Utterance("typed on the screen")


def silent_turn(folder: Path, seconds: float = 2.0) -> Turn:
    path = folder / "silence.wav"
    write_wav(path, np.zeros(round(seconds * RATE), np.float32))
    return Turn(audio=path)


def test_a_control_interrupts_listening_to_a_microphone_within_a_frame(tmp_path):
    controls = Controls()
    source = controls.interruptible(ScriptedSource([silent_turn(tmp_path)], realtime=True))
    turns = ControlledTurns(VoiceTurns(source, transcriber=None), controls)
    threading.Timer(0.5, controls.put, [Command("stop")]).start()
    started = time.monotonic()
    assert turns.next_turn(LISTEN) == Command("stop")
    assert 0.45 < time.monotonic() - started < 1.0
    # The source still works for the next turn (and, wrapped, still says where it is).
    assert source.position > 0 and source.realtime is True


def test_while_either_partner_may_answer_a_control_still_comes_first(tmp_path):
    controls = Controls()
    lines: queue.Queue = queue.Queue()
    typed = TypedTurns(lambda prompt: lines.get())
    typed.read_in_background(interrupt_when=lambda: controls.pending)
    controls.wake_with(typed.interrupt)
    source = controls.interruptible(ScriptedSource([silent_turn(tmp_path)] * 3, realtime=True))
    mixed = MixedTurns({"leo"}, typed, VoiceTurns(source, transcriber=None),
                       names=("Maya", "Leo"))
    turns = ControlledTurns(mixed, controls)
    either = Listen(None, "either", "send", "answer", None)
    threading.Timer(0.4, controls.put, [Command("resume")]).start()
    assert turns.next_turn(either) == Command("resume")
    # Listening to the partner who types: the screen's box can answer for them too.
    threading.Timer(0.2, controls.put, [Utterance("Yes.")]).start()
    assert turns.next_turn(Listen("Leo", "receiver", "confirm", "answer", None)) == \
        Utterance("Yes.")


def test_a_pause_pressed_on_the_screen_pauses_the_session_as_if_said():
    controls = Controls()
    lines = iter(["I'd like to talk about our evenings. Is now a good time?"])
    script: list = []

    class Keyboard:
        def next_turn(self, listen):
            script.append(listen.partner)
            if len(script) == 2:
                controls.put(Command("pause"))
                raise Interrupted("pressed while Leo was about to answer")
            if len(script) == 3:
                controls.put(Command("stop"))
                raise Interrupted("pressed")
            return Utterance(next(lines))

    events: list[dict] = []
    outcome = run_dialogue(Dialogue(["Maya", "Leo"]), ControlledTurns(Keyboard(), controls),
                           NoSpeech(), [events.append], Clock())
    assert outcome.reason == "stopped"
    kinds = [(e["event"], e.get("name") or e.get("state") or e.get("partner")) for e in events
             if e["event"] in ("listen", "command", "state", "end")]
    assert kinds == [("listen", "Maya"), ("listen", "Leo"), ("command", "pause"),
                     ("listen", None), ("state", "paused"), ("command", "stop"),
                     ("end", None)]


@pytest.mark.audio
def test_a_replay_reports_speech_starting_the_transcript_so_far_and_the_decision(tmp_path):
    from facilitator.transcribe import Transcriber

    manifest = [Turn(audio=p) for p in sorted((WEEKEND / "turns").glob("0[1-4]_*.wav"))]
    source = ScriptedSource(manifest)
    events: list[dict] = []
    run_dialogue(Dialogue(["Tom", "Maya"]), VoiceTurns(source, Transcriber()), NoSpeech(),
                 [events.append], Clock(source))
    heard = [k for k, e in enumerate(events) if e["event"] == "heard"]
    assert len(heard) == 4
    for k in heard:
        listen = max(j for j in range(k) if events[j]["event"] == "listen")
        between = events[listen + 1:k]
        kinds = [e["event"] if e["event"] != "state" else e["state"] for e in between]
        partner = events[listen]["partner"]
        assert kinds[0] == "hearing" and kinds[-1] == "deciding", kinds
        assert set(kinds[1:-1]) <= {"partial"}
        assert all(e["partner"] == partner for e in between)
        # Speech started before the turn ended, and the decision came after it.
        assert between[0]["t"] <= events[k]["speech_end"] <= between[-1]["t"]
        assert between[-1]["t"] == pytest.approx(events[k]["decided_at"], abs=0.002)
        partials = [e["text"] for e in between if e["event"] == "partial"]
        if events[k]["speech_end"] - events[k]["speech_start"] > 3:
            assert partials, events[k]  # a long turn is shown while it is spoken
        assert len(partials) == len(set(partials))  # only when the words change


# ------------------------------------------------------------------ a whole text session


def test_a_typed_session_with_a_screen_takes_buttons_typed_turns_and_the_keyboard(tmp_path):
    events_path = tmp_path / "events.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "session", "--text", "--mute", "--screen",
         "--names", "Maya", "Leo", "--dialogue", "intentional", "--events", str(events_path),
         "--no-save"],
        cwd=ROOT, env=cli_env(tmp_path, BROWSER="true"), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = None
        while url is None:
            line = process.stderr.readline()
            assert line, process.communicate()
            found = re.search(r"http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+/", line)
            url = found and found.group(0)
        page = Stream(url)
        seen: list[dict] = []

        def wait_for(kind: str, **fields) -> dict:
            while True:
                item = page.items.get(timeout=60)
                assert item is not None, seen
                if item[0] != "message":
                    continue
                seen.append(item[2])
                if item[2]["event"] == kind and all(item[2].get(k) == v
                                                    for k, v in fields.items()):
                    return item[2]

        wait_for("listen", partner="Maya")
        assert request(url, "POST", "command", {"name": "pause"})[0] == 202
        wait_for("state", state="paused")
        assert request(url, "POST", "turn", {"text": "resume"})[0] == 202
        wait_for("command", name="resume")
        wait_for("listen", partner="Maya")
        process.stdin.write("I'd like to talk about our evenings. Is now a good time?\n")
        process.stdin.flush()
        wait_for("listen", partner="Leo")
        page.close()  # closing the page never ends the session
        time.sleep(0.3)
        assert request(url, "POST", "turn", {"text": "Yes, I'm ready."})[0] == 202
        process.stdin.write("stop\n")
        process.stdin.flush()
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    events = read_events(events_path)
    heard = [(e["partner"], e["text"]) for e in events if e["event"] == "heard"]
    assert heard == [
        (None, "resume"),
        ("Maya", "I'd like to talk about our evenings. Is now a good time?"),
        ("Leo", "Yes, I'm ready."),
        ("Maya", "stop"),
    ]
    assert [e["name"] for e in events if e["event"] == "command"] == ["pause", "resume", "stop"]
    assert events[-1]["event"] == "end" and events[-1]["reason"] == "stopped"


@pytest.mark.audio
def test_a_partner_who_types_while_the_other_speaks_ends_cleanly(tmp_path):
    """--typed with --screen: Ben types on the keyboard while Ana's microphone listens, and
    the page's box answers for Ana as well. The keyboard is read in a thread meanwhile; a
    thread waiting in input() used to make Python abort at exit ("Fatal Python error ...
    stdin")."""
    events_path = tmp_path / "events.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "session", "--typed", "Ben", "--names", "Ben",
         "Ana", "--dialogue", "intentional", "--no-sound-check", "--mute", "--no-save",
         "--screen", "--events", str(events_path)],
        cwd=ROOT, env=cli_env(tmp_path, pythonpath=(FAKE_SOUNDDEVICE,), BROWSER="true"),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        url = None
        while url is None:
            line = process.stderr.readline()
            assert line, process.communicate()
            found = re.search(r"http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+/", line)
            url = found and found.group(0)
        process.stdin.write("I'd like to talk about our evenings. Is now a good time?\n")
        process.stdin.flush()
        wait_for_events(process, events_path, "heard", "listen")
        # Ana is listened to on the (silent) microphone: the page's box answers for her.
        assert request(url, "POST", "turn", {"text": "Yes, I'm ready."})[0] == 202
        wait_for_events(process, events_path, "heard", "listen", "heard", "listen")
        process.send_signal(signal.SIGTERM)  # Ctrl-C's kind ending, while Ben is listened to
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Fatal Python error" not in err and "Traceback" not in err, err
    assert process.returncode == 130, err
    heard = [e for e in read_events(events_path) if e["event"] == "heard"]
    assert [(h["partner"], h["text"]) for h in heard] == [
        ("Ben", "I'd like to talk about our evenings. Is now a good time?"),
        ("Ana", "Yes, I'm ready.")]
