"""Showing a session as text: the normal view, large captions, and a plain line mode.

A display is just another consumer of the event log's dicts, so what a person reads on
the screen is exactly what was recorded. ``--plain`` prints one line per event with no
colour, animation or redraw, for screen readers and braille displays; ``--captions``
shows everything said, by the facilitator and by each partner, as large, spaced,
high-contrast text that marks who speaks and when the facilitator is listening.
"""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
COLOURS = ("\033[96m", "\033[93m")  # cyan and yellow: readable on dark and light themes
FACILITATOR = "Facilitator"
#: Who answered when either partner could (the exercise was paused) and nobody knows which.
EITHER = "One of you"


class Display:
    """The default view: who is speaking, what was heard, each mirror check.

    ``echoed_input``: turns are typed at a terminal, which already shows each typed line;
    a typed turn (one without audio timing) is then not printed a second time.
    """

    def __init__(self, out: TextIO | None = None, *, colour: bool | None = None, width: int = 78,
                 echoed_input: bool = False):
        self.out = out or sys.stdout
        self.colour = self.out.isatty() if colour is None else colour
        self.width = width
        self.echoed_input = echoed_input
        self.partners: list[str] = []

    def __call__(self, event: dict) -> None:
        kind = event["event"]
        handler = getattr(self, f"_{kind}", None)
        if handler:
            handler(event)
            self.out.flush()

    # Each handler prints one event; subclasses change the look, not the content.
    def _stage(self, e: dict) -> None:
        for name in (e["sender"], e["receiver"]):
            if name not in self.partners:
                self.partners.append(name)
        label = STAGE_LABELS.get(e["name"], e["name"])
        self._line(f"\n── {label} ──", style=DIM)

    def _say(self, e: dict) -> None:
        self._speech(FACILITATOR, e["text"])

    def _heard(self, e: dict) -> None:
        if self.echoed_input and "decided_at" not in e:
            return
        self._speech(e.get("partner") or EITHER, e["text"])

    def _mirror_check(self, e: dict) -> None:
        caught = ", ".join(e["matched"]) or "nothing yet"
        self._line(f"   mirror check: {e['verdict']} · caught: {caught}", style=DIM)
        if e["missed"]:
            self._line(f"   may have missed: {', '.join(e['missed'])}", style=DIM)

    def _coach(self, e: dict) -> None:
        pass  # the coaching sentence is also a `say`, shown there

    def _command(self, e: dict) -> None:
        self._line(f"   (command: {e['name']})", style=DIM)

    def _end(self, e: dict) -> None:
        self._line(f"\nSession ended: {e['reason']}.", style=BOLD)

    def _speech(self, who: str, text: str) -> None:
        prefix = f"{who}: "
        body = textwrap.fill(
            text, self.width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
        )
        self._line(body, style=self._style_for(who))

    def _style_for(self, who: str) -> str:
        if who == FACILITATOR:
            return BOLD
        if who in self.partners:
            return COLOURS[self.partners.index(who) % 2]
        return ""

    def _line(self, text: str, style: str = "") -> None:
        if self.colour and style:
            text = f"{style}{text}{RESET}"
        print(text, file=self.out)


class Captions(Display):
    """Large, spaced captions of all speech, with a clear 'listening' marker."""

    def __init__(self, out: TextIO | None = None, *, colour: bool | None = None, width: int = 60):
        super().__init__(out, colour=colour, width=width)

    def _heard(self, e: dict) -> None:
        # All speech in large type, typed turns too (the terminal's echo is small): that is
        # what captions are for.
        self._speech(e.get("partner") or EITHER, e["text"])

    def _speech(self, who: str, text: str) -> None:
        self._line("")
        self._line(f"▶ {who.upper()}", style=BOLD + self._style_for(who))
        for row in textwrap.wrap(text, self.width):
            self._line(f"  {row}", style=BOLD)

    def _listen(self, e: dict) -> None:
        who = e.get("partner") or "either of you"
        self._line("")
        self._line(f"🎤 LISTENING TO {who.upper()}…", style=BOLD)

    def _mirror_check(self, e: dict) -> None:
        self._line("")
        super()._mirror_check(e)


class Plain:
    """One plain line per event: no colour, no redraw, no decoration to read aloud.

    With ``echoed_input`` a typed turn is not read out again (the terminal showed it).
    """

    def __init__(self, out: TextIO | None = None, *, echoed_input: bool = False):
        self.out = out or sys.stdout
        self.echoed_input = echoed_input

    def __call__(self, event: dict) -> None:
        if self.echoed_input and event["event"] == "heard" and "decided_at" not in event:
            return
        line = plain_line(event)
        if line:
            print(line, file=self.out)
            self.out.flush()


def plain_line(e: dict) -> str:
    kind = e["event"]
    if kind == "stage":
        label = STAGE_LABELS.get(e["name"], e["name"])
        # "Is there more?" already ends a sentence; a screen reader reads "?." aloud
        end = "" if label.endswith(("?", "!", ".")) else "."
        return f"Stage: {label}{end} Sender {e['sender']}, receiver {e['receiver']}."
    if kind == "say":
        return f"Facilitator says: {e['text']}"
    if kind == "listen":
        who = e.get("partner") or "either partner"
        return f"Listening to {who}."
    if kind == "heard":
        return f"{e.get('partner') or EITHER} said: {e['text']}"
    if kind == "mirror_check":
        caught = ", ".join(e["matched"]) or "nothing yet"
        missed = ", ".join(e["missed"]) or "nothing"
        return f"Mirror check: {e['verdict']}. Caught: {caught}. May have missed: {missed}."
    if kind == "command":
        return f"Command: {e['name']}."
    if kind == "end":
        return f"Session ended: {e['reason']}."
    if kind == "setup":
        return setup_line(e)
    return ""  # coaching is spoken, so it already appears as a `say` line


def setup_line(e: dict) -> str:
    """What the setup before the dialogue found or settled (facilitator/setup.py)."""
    step = e.get("step")
    if step == "name":
        who = f"Partner {e.get('partner')}"
        if e.get("typed"):
            return f"Setup: {who} typed the name {e.get('name')}."
        if e.get("confirmed"):
            return f"Setup: {who}'s name confirmed: {e.get('name')}."
        return f"Setup: {who}'s name heard as {e.get('read')}, to confirm."
    if step == "sound":
        if not e.get("measured", True):
            return f"Sound check: {e.get('partner')}, typed, nothing to measure."
        noise = "" if e.get("noise_db") is None else f", room noise {e['noise_db']} dBFS"
        return (f"Sound check: {e.get('partner')}, speech {e.get('speech_db')} dBFS{noise}: "
                f"{e.get('verdict')}.")
    if step == "voice":
        if e.get("change"):
            return f"Setup: voice {e['change']}."
        return "Setup: the voice is fine."
    if step == "choice":
        parts = [f"the {DIALOGUE_LABELS.get(e['dialogue'], e['dialogue'])}"
                 ] if e.get("dialogue") else []
        if e.get("first"):
            parts.append(f"{e['first']} shares first")
        return f"Setup: {', '.join(parts)} (by {e.get('by')})."
    if step == "begin":
        names = " and ".join(e.get("names") or [])
        label = DIALOGUE_LABELS.get(e.get("dialogue"), e.get("dialogue"))
        return f"Setup done: {names}, the {label}, {e.get('first')} shares first."
    if step == "resume":
        return "Sound check done: back to the dialogue."
    return ""


DIALOGUE_LABELS = {"intentional": "full dialogue", "appreciation": "appreciation dialogue"}


STAGE_LABELS = {
    "appointment": "Appointment",
    "send": "Sharing",
    "mirror": "Mirroring",
    "confirm": "Checking the mirror",
    "more": "Is there more?",
    "summary": "Summary",
    "validate": "Validation",
    "empathize": "Empathy",
    "switch": "Switching roles",
    "close": "Closing appreciations",
}


def make_display(*, captions: bool = False, plain: bool = False, out: TextIO | None = None,
                 echoed_input: bool = False):
    if plain:
        return Plain(out, echoed_input=echoed_input)
    if captions:
        return Captions(out)
    return Display(out, echoed_input=echoed_input)
