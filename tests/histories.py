"""Generated histories: a couple's sessions over weeks, written as real session folders.

Each session is the sequence of events the session loop emits (``session.py``: stage, say,
listen, heard, mirror_check with its points, coach with its "why", end), handed event by
event to the real ``SessionRecorder``, so ``events.jsonl``, ``session.json`` and the
transcript are what a real session leaves. What each mirror check found is written down
here rather than computed, so the tests know exactly what the couple's patterns are.

``ten_weeks(root)`` is the main history: 23 sessions from 14 September to 21 November 2026,
16 intentional dialogues and 5 appreciation dialogues, two "not now", one session cut off by
Ctrl-C and one killed mid-line, around themes said in varied words (phones at meals five
times, the housework four, the in-laws), with the patterns the tests look for: feelings
left out of first mirrors, mirrors that became a defence, validations with a "but" or a
"whatever", empathy guesses corrected, blame put another way. Its first mirrors complete
as often in the later weeks as in the earlier ones, within the noise: no trend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from facilitator.records import SessionRecorder

NAMES = ("Maya", "Leo")


@dataclass
class Try:
    """One mirror: its words, and which of the sender's points it missed or changed."""

    text: str
    missed: tuple[str, ...] = ()  # kinds of points missed ("feeling", "wish", ...)
    changed: dict = field(default_factory=dict)  # kind -> change ("intensity", ...)
    defence: bool = False  # a reply of its own: nothing of the sender's came back


@dataclass
class Piece:
    """What a sender shared in one go, the points in it, and the mirrors it took."""

    text: str
    points: list[tuple[str, str]]  # (the sender's words, kind)
    tries: list[Try] = field(default_factory=list)


@dataclass
class Round:
    sender: str
    pieces: list[Piece]
    blame: tuple[str, str] | None = None  # (words, why) said before the first piece
    validation: str = "You make sense, and what makes sense is that it matters to you."
    validation_why: str | None = None  # rebuttal, dismissal, sarcasm ... on the first try
    empathy: str = "I imagine you might be feeling sad. Is that how you feel?"
    empathy_corrected: str | None = None  # the sender's "not quite ..." and a second guess


@dataclass
class Intentional:
    topic: str
    rounds: list[Round] = field(default_factory=list)
    end: str = "complete"  # complete, not now, interrupted (Ctrl-C), killed (no end)
    cut_after: int | None = None  # interrupted/killed: pieces heard before it stopped


@dataclass
class Appreciation:
    rounds: list[tuple[str, str, str]]  # (sender, appreciation, reason)


class _Log:
    """Events with the session clock running, as the loop stamps them."""

    def __init__(self) -> None:
        self.events: list[dict] = []
        self.t = 0.0

    def add(self, event: str, seconds: float = 2.0, **fields) -> None:
        self.t += seconds
        self.events.append({"t": round(self.t, 3), "event": event, **fields})

    def stage(self, name: str, sender: str, receiver: str) -> None:
        self.add("stage", 0.1, name=name, sender=sender, receiver=receiver)

    def prompt(self, text: str, partner: str | None, role: str, stage: str) -> None:
        self.add("say", 0.1, text=text)
        self.add("listen", 3.0, partner=partner, role=role, stage=stage)

    def heard(self, partner: str, text: str) -> None:
        self.add("heard", 2.0 + len(text.split()) / 2.5, partner=partner, text=text)


def _other(name: str) -> str:
    return NAMES[1] if name == NAMES[0] else NAMES[0]


def _check(log: _Log, points: list[tuple[str, str]], attempt: Try) -> str:
    """The mirror_check event for ``attempt``; returns its verdict."""
    rows = []
    for text, kind in points:
        if attempt.defence or kind in attempt.missed:
            status = "missed"
        elif kind in attempt.changed:
            status = "changed"
        else:
            status = "carried"
        row = {"text": text, "kind": kind, "status": status}
        if status == "changed":
            row["change"] = attempt.changed[kind]
        rows.append(row)
    carried = [r["text"] for r in rows if r["status"] == "carried"]
    missed = [r["text"] for r in rows if r["status"] == "missed"]
    changed = [{"point": r["text"], "change": r["change"], "mirror_says": ""}
               for r in rows if r["status"] == "changed"]
    if not missed and not changed:
        verdict = "complete"
    elif carried or changed:
        verdict = "partial"
    else:
        verdict = "missed"
    log.add("mirror_check", 0.2, score=round(len(carried) / len(rows), 3), verdict=verdict,
            key_phrases=[text for text, _ in points], matched=carried, missed=missed,
            changed=changed, confident=True, points=rows)
    return verdict


def _mirror(log: _Log, sender: str, receiver: str, piece: Piece, stage: str = "mirror") -> None:
    log.stage(stage, sender, receiver)
    log.prompt(f"{receiver}, please mirror what you heard.", receiver, "receiver", stage)
    tries = piece.tries or [Try("If I got that, " + piece.text.lower())]
    for n, attempt in enumerate(tries):
        log.heard(receiver, attempt.text)
        verdict = _check(log, piece.points, attempt)
        if verdict != "complete" and n + 1 < len(tries):
            line = f"{receiver}, could you mirror that part again?"
            log.add("coach", 0.1, kind="mirror", text=line)
            log.add("say", 0.1, text=line)
            log.add("listen", 3.0, partner=receiver, role="receiver", stage=stage)


def _intentional_events(session: Intentional, first: str, index: int) -> list[dict]:
    log = _Log()
    second = _other(first)
    log.stage("appointment", first, second)
    log.add("say", 0.1, text=f"Welcome, {first} and {second}. Let's set the stage.")
    log.prompt(f"{first}, please name what you'd like to talk about.", first, "sender",
               "appointment")
    log.heard(first, f"I'd like to talk about {session.topic}. Is now a good time?")
    log.prompt(f"{second}, is now a good time to listen?", second, "receiver", "appointment")
    if session.end == "not now":
        log.heard(second, "Not now, I'm really tired tonight.")
        log.add("say", 0.1, text="That's completely fine. Thank you for being honest.")
        log.add("end", 0.5, reason="not now")
        return log.events
    log.heard(second, "Yes, I'm ready.")
    heard_pieces = 0
    for number, round_ in enumerate(session.rounds):
        sender, receiver = round_.sender, _other(round_.sender)
        if number:
            log.stage("switch", sender, receiver)
            log.add("say", 0.1, text=f"Thank you both. Now let's switch. {sender}, you will share.")
        log.stage("send", sender, receiver)
        log.prompt(f"{sender}, please share what's on your mind.", sender, "sender", "send")
        if round_.blame:
            words, why = round_.blame
            log.heard(sender, words)
            line = (f"{sender}, I can hear this matters a lot. Could you try it again, "
                    "starting with: I feel, when?")
            log.add("coach", 0.1, kind="blame", text=line, why=why)
            log.add("say", 0.1, text=line)
            log.add("listen", 3.0, partner=sender, role="sender", stage="send")
        for k, piece in enumerate(round_.pieces):
            if k:
                log.stage("more", sender, receiver)
                log.prompt(f"{receiver}, please ask {sender}: Is there more?", sender,
                           "sender", "more")
            log.heard(sender, piece.text)
            heard_pieces += 1
            _mirror(log, sender, receiver, piece)
            if session.cut_after is not None and heard_pieces >= session.cut_after:
                if session.end == "interrupted":
                    log.add("end", 0.5, reason="interrupted")
                return log.events
            log.stage("confirm", sender, receiver)
            log.prompt(f"{sender}, did {receiver} get that?", sender, "sender", "confirm")
            log.heard(sender, "Yes.")
        log.stage("more", sender, receiver)
        log.prompt(f"{receiver}, please ask {sender}: Is there more?", sender, "sender", "more")
        log.heard(sender, "No, that's all.")
        if len(round_.pieces) > 1:
            whole = Piece(" ".join(p.text for p in round_.pieces),
                          [pt for p in round_.pieces for pt in p.points],
                          [Try("Let me see if I got it all. " + " ".join(
                              p.text for p in round_.pieces))])
            _mirror(log, sender, receiver, whole, stage="summary")
        log.stage("validate", sender, receiver)
        log.prompt(f"{receiver}, please let {sender} know how this makes sense.", receiver,
                   "receiver", "validate")
        if round_.validation_why:
            first_try = {"rebuttal": "You make sense, but I was tired too.",
                         "dismissal": "Whatever, I guess.",
                         "sarcasm": "Oh sure, that makes so much sense."}[round_.validation_why]
            log.heard(receiver, first_try)
            line = f"{receiver}, let's try that once more: You make sense, and what makes sense is."
            log.add("coach", 0.1, kind="validation", text=line, why=round_.validation_why)
            log.add("say", 0.1, text=line)
            log.add("listen", 3.0, partner=receiver, role="receiver", stage="validate")
        log.heard(receiver, round_.validation)
        log.add("say", 0.1, text=f"Thank you, {receiver}.")
        log.stage("empathize", sender, receiver)
        log.prompt(f"{receiver}, now imagine how {sender} feels.", receiver, "receiver",
                   "empathize")
        log.heard(receiver, round_.empathy)
        log.prompt(f"{sender}, is that how you feel?", sender, "sender", "empathize")
        if round_.empathy_corrected:
            log.heard(sender, round_.empathy_corrected)
            line = f"Thank you, {sender}. {receiver}, let's try once more."
            log.add("coach", 0.1, kind="empathy", text=line, why="corrected")
            log.add("say", 0.1, text=line)
            log.add("listen", 3.0, partner=receiver, role="receiver", stage="empathize")
            log.heard(receiver, "I imagine you might be feeling scared. Is that how you feel?")
            log.add("listen", 3.0, partner=sender, role="sender", stage="empathize")
        log.heard(sender, "Yes, that's how I feel.")
    log.stage("close", first, second)
    log.prompt(f"To close, {first}, please tell {second} one thing you appreciate.", first,
               "partner", "close")
    mine, yours = _closing(index)
    log.heard(first, f"One thing I appreciate about you is {mine}.")
    log.prompt(f"{second}, please tell {first} one thing you appreciate.", second,
               "partner", "close")
    log.heard(second, f"One thing I appreciate about you is {yours}.")
    log.add("say", 0.1, text="Thank you both for this dialogue.")
    log.add("end", 0.5, reason="complete")
    return log.events


_CLOSINGS = [
    "that you stayed with it tonight", "your honesty", "how calm you were",
    "that you made time for this", "your warm hands", "that you didn't give up on me",
    "the way you looked at me while I talked", "that you said sorry", "your courage",
    "how hard you work for us", "your sense of fairness", "that you're trying",
    "the coffee you made before we sat down", "that you asked how my day was",
    "how gentle your voice was", "your smile at the end", "that you kept your phone away",
    "how you held my hand", "that you heard me out", "your kindness to my family",
    "that you cooked tonight", "your patience", "how much you care about us",
    "that you turned off the TV", "your curiosity about me", "how you noticed I was tired",
    "that you stayed", "your open heart", "that you let me finish", "your good humour",
    "the walk we took first", "that you thanked me", "your steady voice",
    "that you sat close to me", "how you remembered what I said last week", "your tenderness",
    "that you were brave tonight", "how you waited for me to finish", "your warmth",
    "that you asked me what I need", "how you kept your promise", "your gentleness",
    "that you came home early for this", "how you made the room cosy", "your loyalty",
    "that you told me how you feel",
]


def _closing(number: int) -> tuple[str, str]:
    """The two closing appreciations of the ``number``-th intentional dialogue: none said in
    another (a couple does repeat themselves, but then the tests could not tell which repeats
    were meant)."""
    k = 2 * number % len(_CLOSINGS)
    return _CLOSINGS[k], _CLOSINGS[k + 1]


def _appreciation_events(session: Appreciation) -> list[dict]:
    log = _Log()
    first = session.rounds[0][0]
    for number, (sender, appreciation, reason) in enumerate(session.rounds):
        receiver = _other(sender)
        if number:
            log.stage("switch", sender, receiver)
            log.add("say", 0.1, text=f"Thank you. Now let's switch. {sender}, it's your turn.")
        else:
            log.add("say", 0.1, text=f"Welcome, {first} and {_other(first)}.")
        log.stage("send", sender, receiver)
        log.prompt(f"{sender}, please tell {receiver} one thing you appreciate.", sender,
                   "sender", "send")
        said = f"One thing I appreciate about you is {appreciation}."
        log.heard(sender, said)
        _mirror(log, sender, receiver, Piece(said, [(appreciation, "statement")]))
        log.stage("send", sender, receiver)
        log.prompt(f"Lovely. {sender}, now tell {receiver} why it matters to you.", sender,
                   "sender", "send")
        because = f"The reason I appreciate this is {reason}."
        log.heard(sender, because)
        _mirror(log, sender, receiver, Piece(because, [(reason, "reason")]))
    log.add("say", 0.1, text="Thank you both. A small appreciation each day makes a real "
                             "difference.")
    log.add("end", 0.5, reason="complete")
    return log.events


def write_session(root, started: datetime, session, *, first: str = NAMES[0], number: int = 0):
    """One session folder under ``root``, written the way a real session writes it
    (``number`` picks the closing appreciations of an intentional dialogue)."""
    if isinstance(session, Appreciation):
        dialogue, events = "appreciation", _appreciation_events(session)
        first = session.rounds[0][0]
    else:
        dialogue, events = "intentional", _intentional_events(session, first, number)
    names = [first, _other(first)]
    recorder = SessionRecorder(root, names=names, dialogue=dialogue,
                               started=started.astimezone())
    for event in events:
        recorder.on_event(event)
    if isinstance(session, Intentional) and session.end == "killed":
        with open(recorder.folder / "events.jsonl", "ab") as f:
            f.write(b'{"t": 999.0, "event": "heard", "partner": "Le')  # killed mid-line
    elif isinstance(session, Intentional) and session.end == "interrupted":
        recorder.close("interrupted")
    else:
        recorder.close()
    return recorder.folder


# ------------------------------------------------------------------ the couple's ten weeks

def _fine(text: str) -> list[Try]:
    return [Try(text)]


def _feeling_first(text_missing: str, text_full: str) -> list[Try]:
    """A first mirror that leaves out the feeling, then one that carries it."""
    return [Try(text_missing, missed=("feeling",)), Try(text_full)]


PHONES = [
    Intentional("phones at dinner", [
        Round("Maya", [Piece(
            "I feel lonely when you scroll your phone while we eat. I'd like dinner to be "
            "our time.",
            [("I feel lonely", "feeling"), ("when you scroll your phone while we eat",
                                            "situation"),
             ("I'd like dinner to be our time", "wish")],
            _feeling_first("You'd like dinner to be our time, when I scroll my phone.",
                           "You feel lonely when I scroll my phone while we eat, and you'd "
                           "like dinner to be our time."))],
            validation_why="rebuttal"),
        Round("Leo", [Piece(
            "I feel cornered when my phone comes up at dinner, because work messages keep "
            "coming in the evening.",
            [("I feel cornered", "feeling"), ("when my phone comes up at dinner", "situation"),
             ("because work messages keep coming in the evening", "reason")],
            _fine("You feel cornered when your phone comes up at dinner, because work "
                  "messages keep coming."))]),
    ]),
    Intentional("our phones at the table", [
        Round("Maya", [Piece(
            "When you check your messages at the table I feel invisible. I want us to talk "
            "while we eat.",
            [("When you check your messages at the table", "situation"),
             ("I feel invisible", "feeling"), ("I want us to talk while we eat", "wish")],
            [Try("That's not fair, I only check it for work.", defence=True),
             Try("When I check my messages at the table you feel invisible, and you want us "
                 "to talk while we eat.")])],
            blame=("You're always on your phone at dinner.", "absolute")),
        Round("Leo", [Piece(
            "I'd like us to agree on a phone basket for meals, because then I won't feel "
            "judged.",
            [("I'd like us to agree on a phone basket for meals", "wish"),
             ("because then I won't feel judged", "reason")],
            [Try("You want a phone basket.", missed=("reason",)),
             Try("You'd like a phone basket for meals, so you won't feel judged.")])]),
    ]),
    Intentional("screens during meals", [
        Round("Maya", [Piece(
            "I feel sad when the television and our phones are on during supper.",
            [("I feel sad", "feeling"),
             ("when the television and our phones are on during supper", "situation")],
            _feeling_first("The television and the phones are on during supper.",
                           "You feel sad when the television and our phones are on during "
                           "supper."))],
            validation_why="dismissal",
            empathy_corrected="Not quite. I'm more scared that we're drifting apart."),
        Round("Leo", [Piece(
            "I feel relieved when we eat without screens. I'd like that most evenings.",
            [("I feel relieved", "feeling"), ("when we eat without screens", "situation"),
             ("I'd like that most evenings", "wish")],
            _fine("You feel relieved when we eat without screens and you'd like that most "
                  "evenings."))]),
    ]),
    Intentional("phones at breakfast", [
        Round("Leo", [Piece(
            "I feel shut out when you read the news on your phone over breakfast.",
            [("I feel shut out", "feeling"),
             ("when you read the news on your phone over breakfast", "situation")],
            _feeling_first("I read the news on my phone over breakfast.",
                           "You feel shut out when I read the news on my phone over "
                           "breakfast."))]),
        Round("Maya", [Piece(
            "I'd like us to keep the phones in the hall until we've eaten.",
            [("I'd like us to keep the phones in the hall until we've eaten", "wish")],
            _fine("You'd like us to keep the phones in the hall until we've eaten."))]),
    ]),
    Intentional("the phones at mealtimes", [
        Round("Maya", [Piece(
            "I feel hopeful when we leave our phones in the other room during dinner.",
            [("I feel hopeful", "feeling"),
             ("when we leave our phones in the other room during dinner", "situation")],
            _feeling_first("We leave our phones in the other room during dinner.",
                           "You feel hopeful when we leave our phones in the other room "
                           "during dinner."))],
            validation_why="rebuttal"),
        Round("Leo", [Piece(
            "I feel proud that we ate without our phones all week.",
            [("I feel proud that we ate without our phones all week", "feeling")],
            _fine("You feel proud that we ate without our phones all week."))]),
    ]),
]

HOUSEWORK = [
    Intentional("the dishes", [
        Round("Maya", [Piece(
            "When the dishes pile up in the sink I feel exhausted. I'd like us to take "
            "turns washing up.",
            [("When the dishes pile up in the sink", "situation"), ("I feel exhausted",
                                                                     "feeling"),
             ("I'd like us to take turns washing up", "wish")],
            [Try("The dishes pile up and you'd like us to take turns.", missed=("feeling",)),
             Try("When the dishes pile up you feel exhausted and want us to take turns "
                 "washing up.")])],
            blame=("You never do the dishes.", "absolute")),
        Round("Leo", [Piece(
            "I feel overwhelmed on weekdays, because I get home so late.",
            [("I feel overwhelmed on weekdays", "feeling"),
             ("because I get home so late", "reason")],
            _fine("You feel overwhelmed on weekdays because you get home so late."))],
            validation_why="rebuttal"),
    ]),
    Intentional("sharing the housework", [
        Round("Leo", [Piece(
            "I feel unappreciated when I clean the bathroom and nobody notices. I want us "
            "to split the cleaning fairly.",
            [("I feel unappreciated", "feeling"),
             ("when I clean the bathroom and nobody notices", "situation"),
             ("I want us to split the cleaning fairly", "wish")],
            [Try("You clean the bathroom and you want to split the cleaning.",
                 missed=("feeling",)),
             Try("You feel unappreciated when you clean the bathroom and nobody notices, and "
                 "you want us to split the cleaning fairly.")])]),
        Round("Maya", [Piece(
            "I feel furious when the laundry sits in the machine for days.",
            [("I feel furious", "feeling"),
             ("when the laundry sits in the machine for days", "situation")],
            [Try("You're a bit annoyed when the laundry sits in the machine.",
                 changed={"feeling": "intensity"}),
             Try("You feel furious when the laundry sits in the machine for days.")])]),
    ]),
    Intentional("the chores at the weekend", [
        Round("Maya", [Piece(
            "I feel tired when Saturday turns into a day of chores. I'd like us to finish "
            "the cleaning on Friday evening.",
            [("I feel tired", "feeling"), ("when Saturday turns into a day of chores",
                                           "situation"),
             ("I'd like us to finish the cleaning on Friday evening", "wish")],
            _fine("You feel tired when Saturday turns into chores, and you'd like us to "
                  "finish the cleaning on Friday evening."))]),
        Round("Leo", [Piece(
            "When I do the hoovering and you redo it, I feel small.",
            [("When I do the hoovering and you redo it", "situation"), ("I feel small",
                                                                      "feeling")],
            [Try("Hold on, I only redo it when it's still dirty.", defence=True),
             Try("When you do the hoovering and I redo it, you feel small.")])],
            empathy_corrected="Not really, it's more that I feel embarrassed."),
    ]),
    Intentional("who cleans the kitchen", [
        Round("Leo", [Piece(
            "I feel grateful when you wipe the counters after cooking. I'd like to take "
            "the bins out every week in return.",
            [("I feel grateful", "feeling"), ("when you wipe the counters after cooking",
                                              "situation"),
             ("I'd like to take the bins out every week in return", "wish")],
            _feeling_first("I wipe the counters and you'll take the bins out.",
                           "You feel grateful when I wipe the counters after cooking, and "
                           "you'd like to take the bins out every week."))]),
        Round("Maya", [Piece(
            "I feel lighter since we made a list of the household jobs.",
            [("I feel lighter since we made a list of the household jobs", "feeling")],
            _fine("You feel lighter since we made a list of the household jobs."))]),
    ]),
]

IN_LAWS = [
    Intentional("your mother's visits", [
        Round("Maya", [Piece(
            "When your mother visits without calling first, I feel anxious. I'd like us to "
            "ask her to ring ahead.",
            [("When your mother visits without calling first", "situation"),
             ("I feel anxious", "feeling"), ("I'd like us to ask her to ring ahead", "wish")],
            [Try("My mum just wants to help, you know that.", defence=True),
             Try("When my mother visits without calling, you feel anxious, and you'd like "
                 "us to ask her to ring ahead.")]),
            Piece("And when she rearranges our kitchen, I feel like a guest in my own home.",
                  [("when she rearranges our kitchen", "situation"),
                   ("I feel like a guest in my own home", "feeling")],
                  _fine("When she rearranges our kitchen, you feel like a guest in your own "
                        "home."))],
            empathy_corrected="Not quite, I feel more overwhelmed than angry."),
        Round("Leo", [Piece(
            "I feel torn between you and my mum, because she's on her own now.",
            [("I feel torn between you and my mum", "feeling"),
             ("because she's on her own now", "reason")],
            _fine("You feel torn between me and your mum because she's on her own now."))]),
    ]),
    Intentional("Christmas with your family", [
        Round("Maya", [Piece(
            "I feel worried when we spend every Christmas with your parents. I'd like us "
            "to take turns between our families.",
            [("I feel worried", "feeling"),
             ("when we spend every Christmas with your parents", "situation"),
             ("I'd like us to take turns between our families", "wish")],
            [Try("We spend Christmas with my parents.", missed=("feeling", "wish")),
             Try("You feel worried when we spend every Christmas with my parents and you'd "
                 "like us to take turns between our families.")])]),
        Round("Leo", [Piece(
            "I feel nervous about telling my dad we won't come this year.",
            [("I feel nervous about telling my dad we won't come this year", "feeling")],
            _fine("You feel nervous about telling your dad we won't come this year."))]),
    ]),
    Intentional("when your mum drops by", [
        Round("Leo", [Piece(
            "When your mum drops in on Sunday mornings I feel invaded. I'd like Sundays "
            "to be just us.",
            [("When your mum drops in on Sunday mornings", "situation"),
             ("I feel invaded", "feeling"), ("I'd like Sundays to be just us", "wish")],
            _feeling_first("My mum drops in on Sundays and you'd like Sundays for us.",
                           "When my mum drops in on Sunday mornings you feel invaded, "
                           "and you'd like Sundays to be just us."))],
            validation_why="dismissal"),
        Round("Maya", [Piece(
            "I feel guilty saying no to her, because she helped us so much with the flat.",
            [("I feel guilty saying no to her", "feeling"),
             ("because she helped us so much with the flat", "reason")],
            _fine("You feel guilty saying no to her because she helped us with the "
                  "flat."))]),
    ]),
]

MONEY = [
    Intentional("money", [
        Round("Leo", [Piece(
            "I feel scared when I see how much we spend on takeaways. I'd like us to make "
            "a food budget.",
            [("I feel scared", "feeling"),
             ("when I see how much we spend on takeaways", "situation"),
             ("I'd like us to make a food budget", "wish")],
            _feeling_first("We spend a lot on takeaways and you'd like a budget.",
                           "You feel scared when you see how much we spend on takeaways and "
                           "you'd like a food budget."))],
            blame=("You waste all our money.", "fault")),
        Round("Maya", [Piece(
            "I feel controlled when every purchase is questioned.",
            [("I feel controlled", "feeling"), ("when every purchase is questioned",
                                                "situation")],
            _fine("You feel controlled when every purchase is questioned."))]),
    ]),
    Intentional("saving for our trip", [
        Round("Maya", [Piece(
            "I feel excited about the trip, and I'd like us to put money aside every month "
            "for it.",
            [("I feel excited about the trip", "feeling"),
             ("I'd like us to put money aside every month for it", "wish")],
            _feeling_first("You'd like us to put money aside every month for the trip.",
                           "You feel excited about the trip and you'd like us to put money "
                           "aside every month."))]),
        Round("Leo", [Piece(
            "I feel uneasy about the savings account being so low.",
            [("I feel uneasy about the savings account being so low", "feeling")],
            _fine("You feel uneasy that the savings account is so low."))]),
    ]),
]

APPRECIATIONS = [
    Appreciation([("Maya", "how you make me laugh when I'm low",
                   "it lifts the whole evening"),
                  ("Leo", "the way you cook for us on Sundays", "it feels like home")]),
    Appreciation([("Leo", "the way you make me laugh after a long day",
                   "I forget about work"),
                  ("Maya", "that you walked the dog in the rain", "I could rest")]),
    Appreciation([("Maya", "your patience with my mum", "it means a lot to me"),
                  ("Leo", "how you made me laugh at breakfast", "it set up my day")]),
    Appreciation([("Leo", "the tea you brought me this morning", "I felt looked after"),
                  ("Maya", "your hug when I got home", "I felt welcome")]),
    Appreciation([("Maya", "that you left your phone in the hall at dinner",
                   "I felt chosen"),
                  ("Leo", "how you listened to me tonight", "I felt heard")]),
]

FIRST_DAY = datetime(2026, 9, 14, 20, 0)
LAST_DAY = datetime(2026, 11, 21, 20, 0)


def ten_weeks(root) -> list:
    """The main history (see the module's docstring); returns the session folders."""
    day = FIRST_DAY
    plan = [
        # week 1
        (0, PHONES[0]), (3, APPRECIATIONS[0]),
        # week 2
        (7, HOUSEWORK[0]), (10, Intentional("bedtime", end="not now")),
        # week 3
        (14, IN_LAWS[0]), (17, PHONES[1]),
        # week 4
        (21, MONEY[0]), (24, APPRECIATIONS[1]),
        # week 5
        (28, HOUSEWORK[1]), (31, PHONES[2]),
        # week 6
        (35, IN_LAWS[1]),
        (37, Intentional("the holidays", [Round("Leo", [Piece(
            "I feel stressed about the holidays already.",
            [("I feel stressed about the holidays already", "feeling")],
            _fine("You feel stressed about the holidays already."))])],
            end="interrupted", cut_after=1)),
        (38, APPRECIATIONS[2]),
        # week 7
        (42, HOUSEWORK[2]), (45, Intentional("phones in bed", end="not now")),
        # week 8
        (49, PHONES[3]), (51, MONEY[1]),
        # week 9
        (56, IN_LAWS[2]), (58, APPRECIATIONS[3]),
        (59, Intentional("our weekend plans", [Round("Maya", [Piece(
            "I'd like us to plan one free Saturday a month.",
            [("I'd like us to plan one free Saturday a month", "wish")],
            _fine("You'd like us to plan one free Saturday a month."))])],
            end="killed", cut_after=1)),
        # week 10
        (63, HOUSEWORK[3]), (65, APPRECIATIONS[4]), (68, PHONES[4]),
    ]
    folders = []
    for number, (offset, session) in enumerate(plan):
        first = session.rounds[0].sender if isinstance(session, Intentional) and \
            session.rounds else NAMES[0]
        folders.append(write_session(root, day + timedelta(days=offset), session, first=first,
                                     number=number))
    return folders


def first_tries(root, counts: list[tuple[int, int]], *, start: datetime = FIRST_DAY,
                every: timedelta = timedelta(days=4)) -> list:
    """A history whose dialogues have ``counts`` = (mirrors complete on the first try,
    mirrors) each, in order: for the trend. The rest of each dialogue is ordinary."""
    folders = []
    for number, (complete, total) in enumerate(counts):
        pieces = []
        for k in range(total):
            text = f"I feel tired when the week is long, number {k + 1}."
            points = [("I feel tired", "feeling"), (f"when the week is long, number {k + 1}",
                                                    "situation")]
            tries = _fine("You feel tired when the week is long.") if k < complete else \
                _feeling_first("The week is long.", "You feel tired when the week is long.")
            pieces.append(Piece(text, points, tries))
        session = Intentional(f"the long weeks {number}", [Round(NAMES[0], pieces)])
        folders.append(write_session(root, start + number * every, session, number=number))
    return folders
