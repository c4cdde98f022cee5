"""The habit (issue 13, point 4): after a long gap a session begins by welcoming the couple
back and offering the short appreciation dialogue."""

from __future__ import annotations

from argparse import Namespace
from datetime import datetime, timedelta

from facilitator.dialogue import Dialogue, Listen, Say, Stage
from facilitator.prompts import load_prompts
from facilitator.runner import long_gap
from tests.histories import Appreciation, write_session
from tests.test_text_mode import read_events, run_text_session

NAMES = ("Maya", "Leo")
AN_APPRECIATION = Appreciation([("Maya", "your laugh", "it lifts my day"),
                                ("Leo", "the tea you made", "I felt looked after")])


def test_after_a_long_gap_the_welcome_offers_the_short_dialogue():
    actions = Dialogue(NAMES, gap="three weeks").start()
    said = [a.text for a in actions if isinstance(a, Say)]
    assert said[0] == load_prompts().text("intentional.welcome", first="Maya", second="Leo")
    assert said[1] == (
        "It has been three weeks since your last dialogue, so welcome back. If you'd like a "
        "gentler start tonight, the short appreciation dialogue is a lovely way back in: say "
        "stop, and start that one instead.")
    assert said[2].startswith("Maya, please name what you'd like to talk about")
    assert isinstance(actions[-1], Listen) and any(isinstance(a, Stage) for a in actions)


def test_without_a_gap_or_in_the_appreciation_dialogue_the_welcome_is_as_ever():
    plain = [a for a in Dialogue(NAMES).start() if isinstance(a, Say)]
    assert len(plain) == 2
    short = [a for a in Dialogue(NAMES, dialogue="appreciation", gap="three weeks").start()
             if isinstance(a, Say)]
    assert not any("since your last dialogue" in a.text for a in short)


def _args(data, dialogue="intentional"):
    return Namespace(data_dir=str(data), dialogue=dialogue)


def test_the_gap_is_measured_from_the_last_dialogue_held(tmp_path):
    data = tmp_path / "data"
    assert long_gap(_args(data)) is None  # a first session: nothing to come back from
    write_session(data, datetime.now() - timedelta(days=22), AN_APPRECIATION)
    assert long_gap(_args(data)) == "three weeks"
    assert long_gap(_args(data, "appreciation")) is None  # already the short one
    write_session(data, datetime.now() - timedelta(days=3), AN_APPRECIATION)
    assert long_gap(_args(data)) is None


def test_a_live_session_after_three_weeks_says_so(tmp_path):
    write_session(tmp_path / "data", datetime.now() - timedelta(days=22), AN_APPRECIATION)
    proc = run_text_session(tmp_path, ["stop"])
    assert proc.returncode == 0, proc.stderr
    said = [e["text"] for e in read_events(tmp_path) if e["event"] == "say"]
    assert said[1].startswith("It has been three weeks since your last dialogue")
    assert "It has been three weeks" in proc.stdout
