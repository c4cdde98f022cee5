"""Headless Chromium, driven over the DevTools protocol on a pipe: no packages beyond Python's.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands (JSON, each ending
in a NUL byte) on its fd 3 and writes replies and events on its fd 4. ``Browser`` starts it
with a fresh profile and everything that would reach the network turned off; ``Page`` is one
tab: navigate, evaluate JavaScript, press keys and type as a person would, take screenshots.

    with Browser() as browser:
        page = browser.new_page("http://127.0.0.1:8000/")
        page.wait_for("document.title")
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Everything a fresh Chromium would fetch on its own (updates, sync, field trials) is off,
#: as is the sandbox, which cannot start as root.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--no-default-browser-check", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
    "--disable-extensions", "--mute-audio", "--hide-scrollbars",
)

#: Key name -> (code, Windows virtual key code, text typed) for Input.dispatchKeyEvent.
KEYS = {
    "Tab": ("Tab", 9, None),
    "Enter": ("Enter", 13, "\r"),
    " ": ("Space", 32, " "),
    "Escape": ("Escape", 27, None),
}


class BrowserError(Exception):
    pass


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, executable: str | None = None, *, width: int = 1280, height: int = 800):
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("Chromium is not installed (make install adds Debian's chromium)")
        self.width, self.height = width, height
        self._profile = tempfile.mkdtemp(prefix="facilitator-chromium-")
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()
        # fds 3 and 4 in the child: moved out of the way first, so no pipe already sits there.
        high_r = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(replies_w, fcntl.F_DUPFD, 10)
        os.close(commands_r)
        os.close(replies_w)
        self._log = open(Path(self._profile) / "chromium.log", "wb")
        argv = [executable, *FLAGS, f"--user-data-dir={self._profile}",
                "--remote-debugging-pipe", f"--window-size={width},{height}", "about:blank"]
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{high_r} 4>&{high_w} {high_r}<&- {high_w}>&-',
             *argv],
            pass_fds=(high_r, high_w), stdin=subprocess.DEVNULL, stdout=self._log,
            stderr=self._log,
        )
        os.close(high_r)
        os.close(high_w)
        self._out = os.fdopen(commands_w, "wb", buffering=0)
        self._in = os.fdopen(replies_r, "rb", buffering=0)
        self._lock = threading.Lock()
        self._next_id = 0
        self._waiting: dict[int, list] = {}
        self._events: list[dict] = []
        self._events_changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="cdp", daemon=True)
        self._reader.start()
        self.version = self.call("Browser.getVersion", timeout=60)["product"]

    # ------------------------------------------------------------------ protocol

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = self._in.read(65536)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    slot = self._waiting.get(message["id"])
                    if slot is not None:
                        slot[1] = message
                        slot[0].set()
                else:
                    with self._events_changed:
                        self._events.append(message)
                        self._events_changed.notify_all()
        for slot in list(self._waiting.values()):  # Chromium went away: nobody waits forever
            slot[0].set()

    def call(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float = 30) -> dict:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            slot = [threading.Event(), None]
            self._waiting[ident] = slot
            message = {"id": ident, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            self._out.write(json.dumps(message).encode() + b"\0")
        if not slot[0].wait(timeout):
            raise BrowserError(f"{method}: no answer from Chromium within {timeout} s")
        del self._waiting[ident]
        reply = slot[1]
        if reply is None:
            raise BrowserError(f"{method}: Chromium exited ({self.log_tail()})")
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_event(self, method: str, *, session: str | None = None, timeout: float = 30,
                   after: int = 0) -> dict:
        """The first event ``method`` (of ``session``) at index ``after`` or later."""
        deadline = time.monotonic() + timeout
        with self._events_changed:
            while True:
                for event in self._events[after:]:
                    if event.get("method") == method and (
                            session is None or event.get("sessionId") == session):
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no {method} event within {timeout} s")
                self._events_changed.wait(left)

    @property
    def event_count(self) -> int:
        return len(self._events)

    # ------------------------------------------------------------------ pages

    def new_page(self, url: str = "about:blank", *, before_load: str | None = None) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1,
                   "mobile": False})
        if before_load:
            page.call("Page.addScriptToEvaluateOnNewDocument", {"source": before_load})
        if url != "about:blank":
            page.goto(url)
        return page

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = (Path(self._profile) / "chromium.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except BrowserError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()
        self._log.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    def __init__(self, browser: Browser, target: str, session: str):
        self.browser, self.target, self.session = browser, target, session

    def call(self, method: str, params: dict | None = None, *, timeout: float = 30) -> dict:
        return self.browser.call(method, params, session=self.session, timeout=timeout)

    def goto(self, url: str, *, timeout: float = 30) -> None:
        mark = self.browser.event_count
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", session=self.session, timeout=timeout,
                                after=mark)

    def reload(self, *, timeout: float = 30) -> None:
        mark = self.browser.event_count
        self.call("Page.reload", {"ignoreCache": True})
        self.browser.wait_event("Page.loadEventFired", session=self.session, timeout=timeout,
                                after=mark)

    def eval(self, expression: str, *, timeout: float = 30):
        """The value of a JavaScript expression (a promise is awaited)."""
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True,
            "userGesture": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"JavaScript error: {text}")
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 30, every: float = 0.05):
        """Poll until ``expression`` is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"not true within {timeout} s: {expression}")
            time.sleep(every)

    def press(self, key: str, *, shift: bool = False) -> None:
        code, vk, text = KEYS[key]
        base = {"key": key, "code": code, "windowsVirtualKeyCode": vk,
                "nativeVirtualKeyCode": vk, "modifiers": 8 if shift else 0}
        self.call("Input.dispatchKeyEvent",
                  {"type": "keyDown", **base, **({"text": text} if text else {})})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", **base})

    def type(self, text: str) -> None:
        self.call("Input.insertText", {"text": text})

    def media(self, **features: str) -> None:
        """Emulate CSS media features: media(prefers_color_scheme="dark")."""
        self.call("Emulation.setEmulatedMedia", {"features": [
            {"name": name.replace("_", "-"), "value": value} for name, value in features.items()
        ]})

    def screenshot(self, path: str | os.PathLike) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})
