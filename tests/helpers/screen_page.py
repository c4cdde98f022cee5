"""Watching the --screen page in Chromium: what it showed, in which order, and how soon.

``WATCHER`` is run in the page before its own script. It notes when each event arrives
(the server stamps each with the wall-clock time it was sent, ``at``) and, through a
MutationObserver, every element the page updates for an event (the page marks each with
``data-seq``), with the time the next frame was painted. From that:

- ``shown(page)``: what each region showed, in order: the stage, the state, captions...;
- ``latencies(log)``: milliseconds from an event being sent to its text on screen, for the
  events that arrived live (not those replayed from the history when the page opened);
- ``expected_states(events)`` and friends: what the page must show for an event log.
"""

from __future__ import annotations

import statistics

from facilitator.display import STAGE_LABELS

WATCHER = r"""
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const log = window.__screenLog = { arrived: {}, shown: [], live: false };
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("hello", () => { log.live = false; });
      this.addEventListener("ready", () => { log.live = true; });
      this.addEventListener("message", (m) => {
        const e = JSON.parse(m.data);
        if (!(e.seq in log.arrived)) {
          log.arrived[e.seq] = { at: e.at, arrived: now(), live: log.live, event: e.event };
        }
      });
    }
  };
  const describe = (el) => {
    const region = el.id || (el.closest("[id]") || {}).id || "";
    const words = el.querySelector(":scope > .words");
    const who = el.querySelector(":scope > .who");
    return {
      seq: Number(el.dataset.seq), region,
      who: who ? who.textContent : null,
      text: (words || el).textContent.trim().replace(/\s+/g, " "),
    };
  };
  const observer = new MutationObserver((records) => {
    const batch = [];
    for (const r of records) {
      if (r.type === "attributes") {
        batch.push(describe(r.target));
      } else {
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && n.dataset && n.dataset.seq) batch.push(describe(n));
        }
      }
    }
    if (!batch.length) return;
    // Shown once the frame that holds the change is painted.
    requestAnimationFrame(() => setTimeout(() => {
      const t = now();
      for (const b of batch) { b.shown = t; log.shown.push(b); }
    }, 0));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true,
                               attributeFilter: ["data-seq"] });
})();
"""


def screen_log(page) -> dict:
    return page.eval("JSON.parse(JSON.stringify(window.__screenLog))")


def shown(log: dict, region: str) -> list[dict]:
    """What ``region`` showed, one entry per event that changed it, in the order shown."""
    return [s for s in log["shown"] if s["region"] == region]


def latencies(log: dict) -> list[float]:
    """Milliseconds from sending each live event to its first text on screen."""
    first: dict[int, float] = {}
    for s in log["shown"]:
        first.setdefault(s["seq"], s["shown"])
    out = []
    for seq, t in first.items():
        arrived = log["arrived"].get(str(seq))
        if arrived and arrived["live"]:
            out.append(t - arrived["at"])
    return out


def p50(values: list[float]) -> float:
    return statistics.median(values)


# ----------------------------------------------------------- what an event log must show


def who(partner: str | None) -> str:
    return partner or "One of you"


def expected_states(events: list[dict]) -> list[str]:
    """The state line's text after each event that sets it."""
    out = []
    for e in events:
        kind = e["event"]
        if kind == "say":
            out.append("Facilitator speaking")
        elif kind == "listen":
            out.append("Paused" if e["role"] == "either" else f"Listening to {e['partner']}")
        elif kind == "state":
            out.append({"hearing": f"Hearing {who(e.get('partner'))}…",
                        "deciding": "Deciding…",
                        "listening": f"Listening to {who(e.get('partner'))}",
                        "paused": "Paused"}[e["state"]])
        elif kind == "heard":
            out.append("Deciding…")
        elif kind == "end":
            out.append("Session ended")
    return out


COMMAND_WORDS = {
    "repeat": "say that again", "voice": "change voice", "help": "what do I do now",
    "back": "go back",
}


def expected_captions(events: list[dict]) -> list[tuple[str | None, str]]:
    """(who, words) of each caption, in order; a command is a note with no speaker."""
    out = []
    for e in events:
        if e["event"] == "say":
            out.append(("Facilitator", e["text"]))
        elif e["event"] == "heard":
            out.append((who(e.get("partner")), e["text"]))
        elif e["event"] == "command":
            out.append((None, f"Command: {COMMAND_WORDS.get(e['name'], e['name'])}"))
    return out


def expected_stages(events: list[dict]) -> list[str]:
    return [STAGE_LABELS.get(e["name"], e["name"]) for e in events if e["event"] == "stage"]
