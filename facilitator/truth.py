"""A fixture's truth file, and how a replay's event log is held against it.

``truth.toml`` says what each scripted turn is meant to be (audio_fixtures/README.md has the
schema). ``compare`` reads a replay's events turn by turn and names every way the replay
went elsewhere: who was listened to at which stage, the mirror verdicts, the coaching and
commands, where each turn was decided to be over, how well its words were heard, the stages
in order and how the session ended. ``facilitator replay --check`` and the tests use it alike.

Once a replay leaves its script (a misheard word changed a verdict, say) the later turns are
heard at other points; comparing them would only repeat the one difference that says why,
so the turn-by-turn checks stop at the first turn heard somewhere else.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from facilitator import textnorm
from facilitator.errors import FacilitatorError

#: The truth schema this facilitator reads. Keys may be added within a version (older
#: readers ignore them); a key whose meaning changes, or one removed, means a new version.
SCHEMA = 1

#: The fair verdict in a truth file -> the mirror-check verdicts that agree with it.
#: "partial" is fair on the scripted words; when the model drops one of the few words the
#: receiver did catch, the check says "missed". Both get the same kind feedback and another
#: try, so either keeps the session on its course. A new truth verdict is one more line here.
ACCEPTED_VERDICTS: dict[str, tuple[str, ...]] = {
    "complete": ("complete",),
    "partial": ("partial", "missed"),
}

#: The order differences are listed in within one turn, then for the session as a whole.
TURN_KINDS = ("listening", "cut-in", "turn end", "words", "verdict", "coach", "command")
SESSION_KINDS = ("truth", "dialogue", "stages", "end")


class TruthError(FacilitatorError):
    """A truth file that cannot be read or does not follow the schema."""


@dataclass(frozen=True)
class Tolerances:
    """How far a replay may stray and still pass. A truth file may set any of them in a
    top-level ``tolerance`` table, e.g. ``tolerance = { wer = 0.6 }``."""

    cut_in: float = 0.05  # a decision this long before the true end of speech is a cut-in
    turn_end: float = 2.5  # the latest a decision may come after the true end, in seconds
    # A turn may have this share of its scripted words wrong, or this many words, whichever
    # is more: one misheard word in "Yes, I'm ready" is a quarter of it.
    wer: float = 0.4
    wrong_words: float = 2

    @classmethod
    def of(cls, truth: dict, *, patience: float = 1.0) -> Tolerances:
        """The defaults, overridden by the truth's own, with the turn-end allowance
        stretched by ``--turn-patience`` (the endpointer waits that much longer)."""
        given = truth.get("tolerance", {})
        known = {f.name for f in fields(cls)}
        own = {k: float(v) for k, v in given.items() if k in known}
        tolerances = replace(cls(), **own)
        return replace(tolerances, turn_end=tolerances.turn_end * patience)


@dataclass(frozen=True)
class Difference:
    kind: str  # one of TURN_KINDS or SESSION_KINDS
    message: str
    turn: int | None = None  # the truth's turn index; None for the session as a whole

    def __str__(self) -> str:
        return f"turn {self.turn}: {self.message}" if self.turn is not None else self.message


@dataclass
class TurnDetail:
    """One scripted turn beside what the replay made of it (times on the session clock)."""

    index: int
    partner: str | None
    role: str | None
    stage: str | None
    text: str
    listened: dict | None = None  # the replay's listen: partner, role, stage
    heard: str | None = None
    wer: float | None = None
    true_start: float | None = None  # where the scripted speech starts and ends
    true_end: float | None = None
    speech_start: float | None = None  # where the replay heard it
    speech_end: float | None = None
    decided_at: float | None = None
    latency: float | None = None  # decided_at - true_end
    verdict: str | None = None  # the truth's fair verdict
    verdicts: list[str] = field(default_factory=list)  # the replay's mirror checks
    compared: bool = False  # False once the replay has left its script
    ok: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Check:
    differences: list[Difference]
    turns: list[TurnDetail]
    ended: str | None
    expected_end: str

    @property
    def passed(self) -> bool:
        return not self.differences

    @property
    def first(self) -> Difference | None:
        return self.differences[0] if self.differences else None

    def of(self, *kinds: str) -> list[Difference]:
        return [d for d in self.differences if d.kind in kinds]


# ------------------------------------------------------------------ reading truth files


def read_truth(path: str | Path) -> dict:
    """A truth file, checked for what ``compare`` needs; a TruthError names what is wrong."""
    path = Path(path)
    try:
        truth = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TruthError(f"{path}: TOML syntax error: {exc}; fix that line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TruthError(f"{path}: cannot read the truth file ({exc})") from None
    problem = schema_problem(truth)
    if problem:
        raise TruthError(f"{path}: {problem}")
    return truth


def schema_problem(truth: dict) -> str | None:
    """What keeps ``truth`` from being compared with a replay, or None."""
    schema = truth.get("schema", SCHEMA)
    if not isinstance(schema, int) or schema < 1:
        return f"schema {schema!r}: must be a whole number, {SCHEMA} for this facilitator"
    if schema > SCHEMA:
        return (f"schema {schema} is newer than this facilitator reads ({SCHEMA}); "
                "update the facilitator")
    names = truth.get("names")
    if not (isinstance(names, list) and len(names) == 2 and all(isinstance(n, str) for n in names)):
        return '`names` must list the two partners, e.g. names = ["Ana", "Ben"]'
    turns = truth.get("turn")
    if not isinstance(turns, list) or not turns:
        return "no [[turn]] tables; add one per manifest turn"
    tolerance = truth.get("tolerance", {})
    if not isinstance(tolerance, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in tolerance.values()):
        return "`tolerance` must be a table of numbers, e.g. tolerance = { wer = 0.6 }"
    for number, turn in enumerate(turns, start=1):
        missing = [k for k in ("partner", "role", "stage", "text") if k not in turn]
        if missing:
            return f"turn {number}: no `{missing[0]}`"
        if "verdict" in turn and turn["verdict"] not in ACCEPTED_VERDICTS:
            return (f"turn {number}: verdict {turn['verdict']!r} is not one this facilitator "
                    f"knows ({', '.join(ACCEPTED_VERDICTS)})")
    return None


# ------------------------------------------------------------------ the event log


@dataclass(frozen=True)
class HeardTurn:
    listen: dict
    heard: dict
    after: list[dict]  # what followed, up to the next listen


def heard_turns(events: list[dict]) -> list[HeardTurn]:
    """Each heard turn with the listen it answered and the events that followed it."""
    result, listen = [], None
    for k, e in enumerate(events):
        if e["event"] == "listen":
            listen = e
        elif e["event"] == "heard":
            after = []
            for later in events[k + 1:]:
                if later["event"] == "listen":
                    break
                after.append(later)
            result.append(HeardTurn(listen, e, after))
    return result


def listening_point(listen: dict) -> tuple:
    return listen["partner"], listen["role"], listen["stage"]


def expected_point(turn: dict) -> tuple:
    if turn.get("paused"):  # while paused the facilitator listens to either partner
        return None, "either", turn["stage"]
    return turn["partner"], turn["role"], turn["stage"]


def expected_end(truth: dict) -> str:
    if "end" in truth:
        return truth["end"]
    if truth["turn"][-1].get("command") == "stop":
        return "stopped"
    return "complete" if truth.get("whole_session", True) else "script exhausted"


def expected_stages(truth: dict) -> list[str]:
    """The stage of every turn in order, with the role switch where the sender changes."""
    names = truth["names"]
    stages: list[str] = []
    sender = names[0]
    for turn in truth["turn"]:
        if turn["role"] in ("sender", "receiver"):
            other = next(n for n in names if n != turn["partner"])
            turn_sender = turn["partner"] if turn["role"] == "sender" else other
            if turn_sender != sender:
                stages.append("switch")
                sender = turn_sender
        stages.append(turn["stage"])
    return collapse(stages)


def collapse(items: list[str]) -> list[str]:
    """Repeats in a row are one: a stage is announced again after "resume" or "back"."""
    return [x for k, x in enumerate(items) if k == 0 or items[k - 1] != x]


def expected_coaching(turn: dict) -> list[str]:
    if turn.get("coach"):
        return [turn["coach"]]
    if turn.get("verdict") == "partial":
        return ["summary" if turn["stage"] == "summary" else "mirror"]
    return []


def words(text: str) -> list[str]:
    """Words as scored: lower case, contractions expanded and numbers as digits, so that
    "I'm ready" heard as "I am ready" is no error."""
    return [w.norm for w in textnorm.words(text)]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate: word edits from the script to what was heard, per scripted word."""
    ref = words(reference)
    return Levenshtein.distance(ref, words(hypothesis)) / max(1, len(ref))


# ------------------------------------------------------------------ the comparison


def compare(truth: dict, events: list[dict], *, turn_offset: float,
            tolerances: Tolerances | None = None) -> Check:
    """Hold a replay's event log against its truth.

    ``turn_offset``: seconds from a ``listen`` event to the first sample of the turn WAV
    (the listening cue, its echo tail and the source's lead-in), so that a truth time t in
    the WAV is ``listen.t + turn_offset + t`` on the session clock.
    """
    tolerances = tolerances or Tolerances.of(truth)
    heard = heard_turns(events)
    ends = [e for e in events if e["event"] == "end"]
    ended = ends[-1]["reason"] if ends else None
    differences: list[Difference] = []
    details: list[TurnDetail] = []
    on_course = True
    for k, turn in enumerate(truth["turn"]):
        index = turn.get("index", k + 1)
        detail = TurnDetail(index, turn.get("partner"), turn.get("role"), turn.get("stage"),
                            turn.get("text", ""), verdict=turn.get("verdict"))
        details.append(detail)
        if k >= len(heard):
            if on_course:
                differences.append(Difference(
                    "listening", f"never heard: the session ended ({ended}) after "
                    f"{len(heard)} of {len(truth['turn'])} turns", index))
                on_course = False
            detail.ok = False
            continue
        _fill(detail, turn, heard[k], turn_offset)
        if not on_course:
            continue
        own = _turn_differences(turn, heard[k], detail, tolerances, index)
        detail.compared = True
        detail.ok = not own
        differences += own
        if own and own[0].kind == "listening":
            on_course = False
    if on_course and len(heard) > len(truth["turn"]):
        differences.append(Difference(
            "listening", f"{len(heard)} turns heard; the truth lists {len(truth['turn'])}"))
    differences += _session_differences(truth, events, heard, ended)
    return Check(differences, details, ended, expected_end(truth))


def _fill(detail: TurnDetail, turn: dict, heard: HeardTurn, turn_offset: float) -> None:
    h = heard.heard
    detail.listened = {"partner": heard.listen["partner"], "role": heard.listen["role"],
                       "stage": heard.listen["stage"]}
    detail.heard = h["text"]
    detail.wer = round(wer(turn.get("text", ""), h["text"]), 3)
    detail.verdicts = [e["verdict"] for e in heard.after if e["event"] == "mirror_check"]
    if "decided_at" in h:
        detail.speech_start, detail.speech_end = h["speech_start"], h["speech_end"]
        detail.decided_at = h["decided_at"]
    if "speech_end" in turn and not turn.get("typed"):
        start = heard.listen["t"] + turn_offset
        detail.true_start = round(start + turn["speech_start"], 3)
        detail.true_end = round(start + turn["speech_end"], 3)
        if detail.decided_at is not None:
            detail.latency = round(detail.decided_at - detail.true_end, 3)


def _turn_differences(turn: dict, heard: HeardTurn, detail: TurnDetail,
                      tolerances: Tolerances, index: int) -> list[Difference]:
    def differ(kind: str, message: str) -> None:
        found.append(Difference(kind, message, index))

    found: list[Difference] = []
    listen = heard.listen
    if listening_point(listen) != expected_point(turn):
        partner, role, stage = expected_point(turn)
        differ("listening", f"listened to {_who(listen['partner'], listen['role'])} at "
               f"{listen['stage']}; truth: {_who(partner, role)} at {stage}")
        return found  # what follows was judged at another point: nothing more to compare
    if detail.latency is not None:
        if detail.latency < -tolerances.cut_in:
            differ("cut-in", f"decided the turn was over {-detail.latency:.2f} s before its "
                   f"speech ended (heard {detail.heard!r})")
        elif detail.latency > tolerances.turn_end:
            differ("turn end", f"decided {detail.latency:.2f} s after the speech ended "
                   f"(tolerance {tolerances.turn_end:g} s)")
    elif "speech_end" in turn and not turn.get("typed"):
        differ("turn end", "heard without speech times (was it taken as typed?)")
    scripted = len(words(detail.text))
    wrong = round((detail.wer or 0.0) * max(1, scripted))
    if wrong > max(tolerances.wrong_words, tolerances.wer * scripted):
        differ("words", f"{wrong} of {scripted} words wrong (WER {detail.wer:.0%}; tolerance "
               f"{tolerances.wer:.0%} or {tolerances.wrong_words:g} words): heard "
               f"{detail.heard!r}, truth {detail.text!r}")
    fair = turn.get("verdict")
    accepted = ACCEPTED_VERDICTS.get(fair, ()) if fair else ()
    if fair is None and detail.verdicts:
        differ("verdict", f"mirror checked ({', '.join(detail.verdicts)}), truth: not a mirror")
    elif fair is not None and (len(detail.verdicts) != 1 or detail.verdicts[0] not in accepted):
        got = ", ".join(detail.verdicts) or "no mirror check"
        differ("verdict", f"verdict {got}, truth {fair} (heard {detail.heard!r})")
    coached = [e["kind"] for e in heard.after if e["event"] == "coach"]
    want = expected_coaching(turn)
    if coached != want:
        differ("coach", f"coaching {', '.join(coached) or 'none'}, truth "
               f"{', '.join(want) or 'none'} (heard {detail.heard!r})")
    commands = [e["name"] for e in heard.after if e["event"] == "command"]
    want = [turn["command"]] if turn.get("command") else []
    if commands != want:
        differ("command", f"command {', '.join(commands) or 'none'}, truth "
               f"{', '.join(want) or 'none'} (heard {detail.heard!r})")
    return found


def _session_differences(truth: dict, events: list[dict], heard: list[HeardTurn],
                         ended: str | None) -> list[Difference]:
    found = []
    stages = [e["name"] for e in events if e["event"] == "stage"]
    if heard:
        last_heard = max(k for k, e in enumerate(events) if e["event"] == "heard")
        reached = collapse([e["name"] for e in events[:last_heard] if e["event"] == "stage"])
        after = [e["name"] for e in events[last_heard:] if e["event"] == "stage"]
    else:
        reached, after = collapse(stages), []
    want = expected_stages(truth)
    if reached != want:
        at = next((k for k, (a, b) in enumerate(zip(reached, want)) if a != b),
                  min(len(reached), len(want)))
        got_there = reached[at] if at < len(reached) else "nothing more"
        want_there = want[at] if at < len(want) else "nothing more"
        found.append(Difference("stages", f"stage {at + 1} was {got_there}, truth "
                                f"{want_there} (reached: {', '.join(reached)})"))
    elif truth.get("whole_session", True) and after:
        found.append(Difference("stages", f"stages after the last turn: {', '.join(after)}"))
    end = expected_end(truth)
    if ended != end:
        found.append(Difference("end", f"ended {ended or 'without an end event'}, truth {end}"))
    return found


def _who(partner: str | None, role: str) -> str:
    return f"{partner} ({role})" if partner else f"either partner ({role})"
