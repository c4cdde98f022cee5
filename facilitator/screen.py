"""The big-screen companion: the session as a local web page, with controls.

``--screen`` serves one page on 127.0.0.1 only, at a free port, under an unguessable token
(``http://127.0.0.1:PORT/TOKEN/``), and opens it in the default browser. The page is three
static files shipped in ``data/screen/`` (no external fonts, scripts or CDNs; its Content
Security Policy refuses anything from elsewhere).

One source of truth: a ``Screen`` is one more consumer of the session's events, exactly the
dicts the event log gets, sent to every open page as server-sent events. Every event is kept
(a partial transcript only until the next one replaces it), so a reload or a second screen
catches up on the whole session, and a page that goes away costs nothing: the session never
waits for a page. The page's buttons and typing box come back as ``Command`` and
``Utterance`` events through ``session.Controls``, taken where the facilitator listens, as if
they had been said there.

Standard library only: ``http.server`` with a thread per connection is plenty for a few
pages on one machine, and server-sent events need no protocol beyond HTTP.
"""

from __future__ import annotations

import bisect
import hmac
import json
import os
import secrets
import sys
import threading
import time
import unicodedata
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

from facilitator.dialogue import COMMANDS, Command, Utterance
from facilitator.display import STAGE_LABELS
from facilitator.errors import FacilitatorError
from facilitator.settings_schema import SCREEN_THEMES, SETTINGS

#: The page's files, served under the token.
PAGE = {
    "": ("index.html", "text/html; charset=utf-8"),
    "screen.css": ("screen.css", "text/css; charset=utf-8"),
    "screen.js": ("screen.js", "text/javascript; charset=utf-8"),
}
#: Nothing from anywhere else: not a font, a script, a style nor a connection.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
#: A typed turn longer than this is refused (a few minutes of speech).
MAX_TYPED = 5000
#: Seconds between keep-alive comments: a page whose connection is gone is noticed then.
KEEP_ALIVE = 15.0
#: Settings a page may change (and have remembered for next time).
PAGE_SETTINGS = ("screen_text_size", "screen_theme")


class Screen:
    """Serve the page for one session. Call it with each event; ``close()`` at the end.

    ``controls`` receives what the page sends (a ``session.Controls``); ``on_setting(name,
    value)`` is called when a page changes its text size or theme, to remember it.
    """

    def __init__(self, *, names, controls, text_size: int = 100, theme: str = "auto",
                 on_setting: Callable[[str, object], None] | None = None,
                 host: str = "127.0.0.1", port: int = 0):
        self.controls = controls
        self.on_setting = on_setting
        self.settings = {"screen_text_size": text_size, "screen_theme": theme}
        self.names = list(names)
        self.token = secrets.token_urlsafe(24)
        self._files = {path: (_page_file(name), kind) for path, (name, kind) in PAGE.items()}
        self._cond = threading.Condition()
        self._seqs: list[int] = []  # kept events, oldest first, and their messages
        self._messages: list[bytes] = []
        self._seq = 0
        self._partial: int | None = None  # the kept partial transcript that a new one replaces
        self._ended = False
        self._closed = False
        self._streams = 0
        try:
            self._server = ThreadingHTTPServer((host, port), _handler(self))
        except OSError as exc:
            raise FacilitatorError(
                f"--screen: cannot serve the page on {host} ({exc.strerror or exc}); "
                "run without --screen") from None
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/{self.token}/"
        self._hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.2}, name="screen",
                                        daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ events in

    def __call__(self, event: dict) -> None:
        at = time.time() * 1000  # wall clock, for measuring how soon a page shows it
        with self._cond:
            self._seq += 1
            seq = self._seq
            payload = {"seq": seq, "at": round(at, 1), **event}
            data = json.dumps(payload, ensure_ascii=False, default=_plain)
            message = f"id: {seq}\ndata: {data}\n\n".encode()
            kind = event.get("event")
            if kind == "setup" and event.get("step") == "begin" and event.get("names"):
                self.names = list(event["names"])  # a page opened later greets them by name
            if kind == "partial" and self._partial is not None:
                self._forget(self._partial)  # a page catching up needs only the latest
            self._partial = seq if kind == "partial" else (
                None if kind in ("heard", "listen") else self._partial)
            self._seqs.append(seq)
            self._messages.append(message)
            if kind == "end":
                self._ended = True
            self._cond.notify_all()

    def _forget(self, seq: int) -> None:
        k = bisect.bisect_left(self._seqs, seq)
        if k < len(self._seqs) and self._seqs[k] == seq:
            del self._seqs[k], self._messages[k]

    def _since(self, seq: int) -> list[bytes]:
        return self._messages[bisect.bisect_right(self._seqs, seq):]

    # ------------------------------------------------------------------ the browser

    def open(self) -> None:
        """Open the page in the default browser, in the background; always say where it is."""
        def opening() -> None:
            opened = open_in_browser(self.url)
            if opened:
                note = f"The screen is open in your browser: {self.url}"
            else:
                note = f"Open the screen in a browser on this computer: {self.url}"
            print(f"{note}\n(Another window can show it too; closing it never ends the "
                  "session.)", file=sys.stderr, flush=True)

        threading.Thread(target=opening, name="open-screen", daemon=True).start()

    def close(self, *, linger: float = 1.0) -> None:
        """Stop serving, once each open page has had the last events (``linger`` s at most)."""
        deadline = time.monotonic() + linger
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            while self._streams and time.monotonic() < deadline:
                self._cond.wait(timeout=max(0.0, deadline - time.monotonic()))
        self._server.shutdown()
        self._server.server_close()

    # ------------------------------------------------------------------ what pages send

    def command(self, name: object) -> tuple[int, str]:
        if not isinstance(name, str) or name not in COMMANDS:
            return 400, f"unknown command; use one of {', '.join(COMMANDS)}"
        if self._ended:
            return 409, "the session has ended"
        self.controls.put(Command(name))
        return 202, "taken at the next point where the facilitator listens"

    def typed(self, text: object) -> tuple[int, str]:
        if not isinstance(text, str) or not text.strip():
            return 400, "type something first"
        if len(text) > MAX_TYPED:
            return 400, f"at most {MAX_TYPED} characters at a time"
        if self._ended:
            return 409, "the session has ended"
        clean = " ".join("".join(ch if unicodedata.category(ch)[0] != "C" else " "
                                 for ch in text).split())
        self.controls.put(Utterance(clean))
        return 202, "taken as the turn of whoever the facilitator listens to"

    def setting(self, name: object, value: object) -> tuple[int, str]:
        if name not in PAGE_SETTINGS:
            return 400, f"unknown setting; use one of {', '.join(PAGE_SETTINGS)}"
        try:
            value = SETTINGS[name].check(value)
        except Exception:  # the schema's refusal: not allowed
            return 400, f"{name} must be {SETTINGS[name].allowed()}"
        with self._cond:
            self.settings[name] = value
        if self.on_setting is not None:
            self.on_setting(name, value)
        return 200, "remembered for next time"

    def hello(self) -> dict:
        """What a page needs before any event: names, labels, its starting look."""
        return {"names": self.names, "stages": STAGE_LABELS, "commands": list(COMMANDS),
                "themes": list(SCREEN_THEMES), **self.settings,
                "text_sizes": [SETTINGS["screen_text_size"].low,
                               SETTINGS["screen_text_size"].high]}


def _plain(value):
    # numpy numbers in a mirror check and the like
    return value.item() if hasattr(value, "item") else str(value)


def _page_file(name: str) -> bytes:
    return resources.files("facilitator").joinpath("data", "screen", name).read_bytes()


def open_in_browser(url: str) -> bool:
    """Open ``url`` in a graphical browser; False where none can be opened.

    A text browser (lynx, w3m) would take over the terminal the session runs in and cannot
    run the page, so it is used only when the person chose it in $BROWSER.
    """
    chosen = bool(os.environ.get("BROWSER"))
    if not chosen and sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if not chosen and type(browser) is webbrowser.GenericBrowser:
        return False
    try:
        return bool(browser.open(url, new=2))
    except OSError:
        return False


# ---------------------------------------------------------------------- HTTP


def _handler(screen: Screen) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "facilitator-screen"
        sys_version = ""

        def log_message(self, format, *args):  # noqa: A002 (the base class's name)
            pass  # the terminal belongs to the conversation

        def _path(self) -> str | None:
            """The path under the token, or None for a wrong token, host or origin."""
            if self.headers.get("Host") not in screen._hosts:
                return None  # another name for this address: a DNS-rebinding page
            origin = self.headers.get("Origin")
            if origin is not None and origin.removeprefix("http://") not in screen._hosts:
                return None
            _, _, rest = self.path.partition("/")
            token, slash, under = rest.partition("/")
            if not slash or not hmac.compare_digest(token.encode(), screen.token.encode()):
                return None
            return under.split("?", 1)[0]

        def _reply(self, code: int, body: bytes, kind: str = "text/plain; charset=utf-8"):
            self.send_response(code)
            self._common_headers(kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _common_headers(self, kind: str) -> None:
            self.send_header("Content-Type", kind)
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("Referrer-Policy", "no-referrer")  # the token stays here
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")

        def do_GET(self):
            path = self._path()
            if path is None:
                return self._reply(404, b"not found")
            if path == "events" and self.command == "GET":
                return self._events()
            if path in screen._files:
                body, kind = screen._files[path]
                return self._reply(200, body, kind)
            if path == "events":  # HEAD: the stream's headers only
                return self._reply(200, b"", "text/event-stream; charset=utf-8")
            return self._reply(404, b"not found")

        do_HEAD = do_GET

        def do_POST(self):
            path = self._path()
            if path is None:
                return self._reply(404, b"not found")
            if path not in ("command", "turn", "setting"):
                return self._reply(404, b"not found")
            if self.headers.get_content_type() != "application/json":
                return self._reply(415, b"send JSON")
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                length = -1
            if not 0 < length <= 4 * MAX_TYPED + 1024:
                self.close_connection = True
                return self._reply(413, b"too long")
            try:
                body = json.loads(self.rfile.read(length))
            except (UnicodeDecodeError, json.JSONDecodeError):
                return self._reply(400, b"not JSON")
            if not isinstance(body, dict):
                return self._reply(400, b"not a JSON object")
            if path == "command":
                code, words = screen.command(body.get("name"))
            elif path == "turn":
                code, words = screen.typed(body.get("text"))
            else:
                code, words = screen.setting(body.get("name"), body.get("value"))
            reply = json.dumps({"ok": code < 300, "message": words}).encode()
            return self._reply(code, reply, "application/json")

        def _events(self):
            try:
                sent = int(self.headers.get("Last-Event-ID", "0"))
            except ValueError:
                sent = 0
            self.send_response(200)
            self._common_headers("text/event-stream; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            hello = json.dumps(screen.hello(), ensure_ascii=False)
            with screen._cond:
                screen._streams += 1
                backlog = screen._since(sent)
                sent = screen._seq
            try:
                # After the hello and the history comes "ready": from then on what arrives
                # is live, and a screen reader hears it.
                self.wfile.write(f"retry: 1000\nevent: hello\ndata: {hello}\n\n".encode()
                                 + b"".join(backlog) + b"event: ready\ndata: {}\n\n")
                self.wfile.flush()
                while True:
                    with screen._cond:
                        screen._cond.wait_for(lambda: screen._seq > sent or screen._closed,
                                              timeout=KEEP_ALIVE)
                        news = screen._since(sent)
                        sent = screen._seq
                        closing = screen._closed
                    if news:
                        self.wfile.write(b"".join(news))
                    elif not closing:
                        self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                    if closing:
                        break
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                pass  # the page went away; the session goes on
            finally:
                with screen._cond:
                    screen._streams -= 1
                    screen._cond.notify_all()

    return Handler
