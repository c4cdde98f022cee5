"""Holding a replay against its truth: every kind of difference is found and named first.

The event logs are real: the bundled weekend-phones and commands replays from the one
``replay audio_fixtures --check`` run (tests/conftest.py). Each test changes one thing in a
copy of a log, the way a regression would, and the comparison must name exactly that.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
import tomli_w

from facilitator import truth as truth_module
from facilitator.truth import (
    SCHEMA,
    Tolerances,
    TruthError,
    compare,
    expected_end,
    heard_turns,
    read_truth,
    schema_problem,
    wer,
)
from facilitator.workbench import turn_offset

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"

SESSION = "weekend-phones"


def load_truth(session: str = SESSION) -> dict:
    return read_truth(FIXTURES / session / "truth.toml")


@pytest.fixture
def events(bundled_check):
    """A fresh copy of the bundled replay's event log, free to change."""
    return copy.deepcopy(bundled_check.fixture(SESSION)["events"])


def check(events, truth=None, **kw):
    return compare(truth or load_truth(), events, turn_offset=turn_offset(cues=True), **kw)


def turn_events(events, number: int):
    """The (listen, heard, after) of the number-th heard turn (1-based), as live dicts."""
    return heard_turns(events)[number - 1]


def truth_turn(number: int, session: str = SESSION) -> dict:
    return load_truth(session)["turn"][number - 1]


pytestmark = pytest.mark.audio


def test_the_replay_as_it_came_passes(events):
    result = check(events)
    assert result.passed and result.first is None
    assert result.ended == result.expected_end == "complete"
    assert all(d.compared and d.ok for d in result.turns)


def test_a_changed_verdict_is_named_at_its_turn(events):
    mirror = next(k for k, t in enumerate(load_truth()["turn"], 1) if t.get("verdict"))
    mirror_check = next(e for e in turn_events(events, mirror).after
                        if e["event"] == "mirror_check")
    fair = truth_turn(mirror)["verdict"]
    mirror_check["verdict"] = "complete" if fair == "partial" else "partial"
    result = check(events)
    assert result.first.kind == "verdict" and result.first.turn == mirror
    assert f"verdict {mirror_check['verdict']}, truth {fair}" in str(result.first)
    assert not result.turns[mirror - 1].ok


def test_missed_is_as_good_as_partial_where_the_truth_says_partial(events):
    partial = next(k for k, t in enumerate(load_truth()["turn"], 1)
                   if t.get("verdict") == "partial")
    for e in turn_events(events, partial).after:
        if e["event"] == "mirror_check":
            e["verdict"] = "missed"
    assert check(events).passed


def test_a_new_truth_verdict_is_one_more_entry_in_the_table(events, monkeypatch):
    truth = load_truth()
    mirror = next(k for k, t in enumerate(truth["turn"], 1) if t.get("verdict") == "complete")
    truth["turn"][mirror - 1]["verdict"] = "unsure"
    assert "verdict 'unsure' is not one this facilitator knows" in schema_problem(truth)
    monkeypatch.setitem(truth_module.ACCEPTED_VERDICTS, "unsure", ("complete", "partial"))
    assert schema_problem(truth) is None
    assert check(events, truth).passed


def test_a_decision_inside_the_speech_is_a_cut_in_and_a_late_one_is_named(events):
    heard = turn_events(events, 3).heard
    true_end = check(events).turns[2].true_end
    heard["decided_at"] = round(true_end - 0.4, 3)
    result = check(events)
    assert (result.first.kind, result.first.turn) == ("cut-in", 3)
    assert "0.40 s before its speech ended" in result.first.message
    heard["decided_at"] = round(true_end + 3.0, 3)
    result = check(events)
    assert (result.first.kind, result.first.turn) == ("turn end", 3)
    assert "3.00 s after the speech ended (tolerance 2.5 s)" in result.first.message
    # Someone who pauses long gets --turn-patience 2, and twice the allowance.
    assert check(events, tolerances=Tolerances.of(load_truth(), patience=2)).passed


def test_words_heard_wrong_are_named_with_both_texts(events):
    heard = turn_events(events, 1).heard
    heard["text"] = "I like to walk about the weather and the phone."
    result = check(events)
    assert (result.first.kind, result.first.turn) == ("words", 1)
    assert "heard 'I like to walk" in result.first.message
    assert "truth \"I'd like to talk about our weekend plans" in result.first.message


def test_word_error_forgives_spelling_not_words():
    assert wer("Yes, I'm ready.", "yes I am ready") == 0
    assert wer("It's two hundred dollars.", "It is 200 dollars") == 0
    assert wer("Yes, I'm ready.", "Yes, I married it.") == 0.5
    # A short turn may have two words wrong, a long one its share.
    tolerances = Tolerances()
    assert max(tolerances.wrong_words, tolerances.wer * 4) == 2


def test_once_the_replay_leaves_its_script_later_turns_are_not_compared(events):
    listen = turn_events(events, 7).listen
    listen["partner"] = "Tom" if listen["partner"] == "Maya" else "Maya"
    result = check(events)
    turn_kinds = [d for d in result.differences if d.turn is not None]
    assert [(d.kind, d.turn) for d in turn_kinds] == [("listening", 7)]
    assert "truth: " in result.first.message
    # Turn 7 was compared (and differs); what came after it was judged elsewhere.
    assert [d.compared for d in result.turns] == [True] * 7 + [False] * 17
    assert [d.ok for d in result.turns[:7]] == [True] * 6 + [False]


def test_a_session_that_ends_early_names_the_first_turn_never_heard(events):
    eleventh = [k for k, e in enumerate(events) if e["event"] == "listen"][10]
    cut = events[:eleventh] + [{"t": events[eleventh]["t"], "event": "end",
                                "reason": "script exhausted"}]
    result = check(cut)
    assert (result.first.kind, result.first.turn) == ("listening", 11)
    assert "never heard: the session ended (script exhausted) after 10 of 24" in str(result.first)
    assert [d.kind for d in result.of("stages", "end")] == ["stages", "end"]
    assert "ended script exhausted, truth complete" in str(result.of("end")[0])


def test_commands_and_coaching_are_compared_too(bundled_check):
    truth = load_truth("commands")
    events = copy.deepcopy(bundled_check.fixture("commands")["events"])
    assert check(events, truth).passed
    numbered = next(k for k, t in enumerate(truth["turn"], 1) if t.get("command") == "repeat")
    command = next(e for e in turn_events(events, numbered).after if e["event"] == "command")
    events.remove(command)
    [difference] = check(events, truth).differences
    assert (difference.kind, difference.turn) == ("command", numbered)
    assert "command none, truth repeat" in difference.message


def test_how_a_session_should_end():
    truth = load_truth()
    assert expected_end(truth) == "complete"
    assert expected_end({**truth, "whole_session": False}) == "script exhausted"
    assert expected_end(load_truth("commands")) == "stopped"
    assert expected_end({**truth, "end": "not now"}) == "not now"


# ------------------------------------------------------------------ the schema


def test_every_bundled_truth_follows_this_schema():
    # The session truths, beside a manifest; edge/ and formats/ describe loose files.
    paths = sorted(p.parent / "truth.toml" for p in FIXTURES.glob("*/manifest.toml"))
    assert len(paths) >= 8
    for path in paths:
        data = tomllib.loads(path.read_text())
        assert data["schema"] == SCHEMA, path
        assert schema_problem(data) is None, path


@pytest.mark.parametrize(("change", "message"), [
    ({"schema": SCHEMA + 1}, f"schema {SCHEMA + 1} is newer than this facilitator reads"),
    ({"names": ["Tom"]}, "`names` must list the two partners"),
    ({"turn": []}, "no [[turn]] tables"),
    ({"tolerance": {"wer": "high"}}, "`tolerance` must be a table of numbers"),
])
def test_a_truth_file_that_cannot_be_compared_is_one_line_naming_it(tmp_path, change, message):
    path = tmp_path / "truth.toml"
    path.write_text(tomli_w.dumps({**load_truth(), **change}))
    with pytest.raises(TruthError) as raised:
        read_truth(path)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    path.write_text("names = [\n")
    with pytest.raises(TruthError, match="TOML syntax error"):
        read_truth(path)


def test_a_truth_may_loosen_its_own_tolerances(events):
    heard = turn_events(events, 1).heard
    heard["text"] = "I like to walk about the weather and the phone."
    truth = {**load_truth(), "tolerance": {"wer": 0.9}}
    assert check(events, truth).passed
    assert Tolerances.of(truth) == Tolerances(wer=0.9)
