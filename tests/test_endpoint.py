"""The endpointer on synthetic frame sequences: pure logic, no audio."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.endpoint import (
    ANSWER,
    CLOSER,
    COMPLETE,
    OPEN,
    TRAILING,
    UNKNOWN,
    Endpointer,
    Waits,
    classify_ending,
)

FRAME = 0.03


class Feeder:
    """Feeds an endpointer frame by frame; text can be delivered at chosen times."""

    def __init__(self, endpointer: Endpointer):
        self.ep = endpointer
        self.t = 0.0
        self.text_at: list[tuple[float, str, float]] = []  # (deliver at, text, covers until)

    def run(self, seconds: float, speech: bool):
        for _ in range(round(seconds / FRAME)):
            self.t = round(self.t + FRAME, 6)
            while self.text_at and self.text_at[0][0] <= self.t:
                _, text, upto = self.text_at.pop(0)
                self.ep.update_text(text, upto=upto)
            end = self.ep.push(self.t, speech)
            if end is not None:
                return end
        return None


def test_silence_only_ends_after_the_fixed_silence():
    feed = Feeder(Endpointer(silence_only=0.6))
    assert feed.run(0.6, False) is None
    assert feed.run(1.5, True) is None
    end = feed.run(2.0, False)
    assert end.speech_start == pytest.approx(0.6, abs=1e-6)
    assert end.speech_end == pytest.approx(2.1, abs=1e-6)
    assert end.decided_at == pytest.approx(2.7, abs=1e-6)
    assert end.reason == "silence"


def test_thinking_pause_of_1_2_s_after_a_complete_sentence_does_not_end_the_turn():
    feed = Feeder(Endpointer("share"))
    feed.text_at.append((1.4, "I feel lonely.", 1.0))
    assert feed.run(1.0, True) is None
    assert feed.run(1.2, False) is None  # 1.2 s pause
    assert feed.run(1.0, True) is None
    feed.text_at.append((3.5, "I feel lonely. I miss you.", 3.2))
    end = feed.run(3.0, False)
    assert end.reason == COMPLETE
    assert end.decided_at - end.speech_end == pytest.approx(Waits().complete, abs=FRAME)


def test_closer_ends_the_turn_as_soon_as_the_transcript_shows_it():
    feed = Feeder(Endpointer("mirror"))
    feed.run(3.0, True)
    feed.text_at.append((3.45, "You feel lonely. Did I get that?", 3.1))
    end = feed.run(2.0, False)
    assert end.reason == CLOSER
    assert end.decided_at == pytest.approx(3.45, abs=1e-6)  # the wait had already passed


def test_a_stale_transcript_is_not_trusted():
    """A closer heard earlier in the turn means nothing once the partner spoke again."""
    feed = Feeder(Endpointer("mirror"))
    feed.run(1.0, True)
    feed.text_at.append((1.3, "Did I get that?", 1.0))
    assert feed.run(0.3, False) is None
    assert feed.run(1.0, True) is None  # speech went on after the transcript
    end = feed.run(3.0, False)
    assert end.reason == UNKNOWN
    assert end.decided_at - end.speech_end == pytest.approx(Waits().unknown, abs=FRAME)


def test_trailing_and_waits_longer_than_a_two_second_pause():
    feed = Feeder(Endpointer("share"))
    feed.run(2.0, True)
    feed.text_at.append((2.3, "I feel lonely when you come home late, and", 2.0))
    assert feed.run(2.0, False) is None
    end = feed.run(2.0, False)
    assert end.reason == TRAILING
    assert end.decided_at - end.speech_end == pytest.approx(Waits().trailing, abs=FRAME)


def test_plain_yes_ends_sooner_only_when_an_answer_is_expected():
    ends = {}
    for expect in ("answer", "share"):
        feed = Feeder(Endpointer(expect))
        feed.run(0.6, True)
        feed.text_at.append((0.9, "Yes.", 0.6))
        end = feed.run(3.0, False)
        ends[expect] = end.decided_at - end.speech_end
    assert ends["answer"] == pytest.approx(Waits().answer, abs=FRAME)
    assert ends["share"] == pytest.approx(Waits().complete, abs=FRAME)


def test_a_click_does_not_start_a_turn_and_a_blip_does_not_reset_the_silence():
    feed = Feeder(Endpointer(silence_only=1.0))
    assert feed.run(FRAME, True) is None
    feed.run(0.57, False)
    assert not feed.ep.in_turn
    feed.run(0.9, True)
    assert feed.ep.in_turn
    assert feed.run(0.6, False) is None
    assert feed.run(FRAME, True) is None  # one frame of noise inside the silence
    end = feed.run(1.0, False)
    assert end.speech_end == pytest.approx(1.5, abs=1e-6)
    assert end.decided_at == pytest.approx(2.5, abs=FRAME)


def test_a_soft_start_belongs_to_the_turn_but_an_earlier_click_does_not():
    feed = Feeder(Endpointer())
    feed.run(0.06, True)  # a click: too short to start a turn
    feed.run(0.9, False)
    feed.run(0.12, True)  # "I" said softly
    feed.run(0.24, False)
    feed.run(0.09, True)  # "feel", half heard
    feed.run(0.3, False)
    feed.run(1.0, True)  # the rest is clear
    assert feed.ep.speech_start == pytest.approx(0.96, abs=1e-6)


def test_finish_closes_a_turn_in_progress_only():
    ep = Endpointer()
    assert ep.finish(1.0) is None
    feed = Feeder(ep)
    feed.run(1.0, True)
    end = ep.finish(1.2)
    assert end.reason == "end of audio" and end.decided_at == 1.2


def test_reset_forgets_the_turn():
    feed = Feeder(Endpointer())
    feed.run(1.0, True)
    feed.ep.update_text("Did I get that?", upto=1.0)
    feed.ep.reset()
    assert not feed.ep.in_turn and feed.ep.ending() == UNKNOWN


def test_unknown_expect_is_rejected():
    with pytest.raises(ValueError):
        Endpointer("monologue")


@pytest.mark.parametrize("text,expect,ending", [
    ("If I got that, you feel lonely. Did I get that?", "mirror", CLOSER),
    ("If I got that, you feel lonely. Did I get mad?", "mirror", CLOSER),  # a small-model slip
    ("Let me see if I got it all. Did I get all of that?", "mirror", CLOSER),
    ("Is there more?", "share", CLOSER),
    ("No, that's all.", "share", CLOSER),
    ("It's hard, and that's it", "share", CLOSER),
    ("I imagine you feel tired. Is that how you feel?", "reflect", CLOSER),
    ("I'd like to talk about phones. Is now a good time?", "topic", CLOSER),
    ("Yes.", "answer", ANSWER),
    ("Yes, I'm ready.", "answer", ANSWER),
    ("Not now.", "answer", ANSWER),
    ("Yes.", None, COMPLETE),
    ("Yes.", "share", COMPLETE),
    ("Almost. I also said I miss you.", "answer", COMPLETE),
    ("I need to rest for a while.", "share", COMPLETE),
    ("I feel lonely when you come home late, and", "share", TRAILING),
    ("because", "share", TRAILING),
    ("I feel um", "share", TRAILING),
    ("and the reason is that", "share", OPEN),
    ("I feel lonely when", "share", OPEN),
    ("I need to check my messages once in a while", "share", OPEN),
    ("No, next all", "share", CLOSER),
    ("No, let's all.", "share", CLOSER),
    ("No, not now.", "share", COMPLETE),
    ("I feel lonely when you come home late,", "share", OPEN),
    ("slower please", "answer", OPEN),
    ("", "share", UNKNOWN),
    ("...", "share", UNKNOWN),
])
def test_classify_ending(text, expect, ending):
    assert classify_ending(text, expect) == ending


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0.2, 3.0), st.floats(0.1, 1.2)), min_size=1, max_size=6),
       st.sampled_from([None, "share", "mirror", "reflect", "appreciate", "topic"]),
       st.sampled_from(["", "I feel lonely.", "I feel lonely when you", "so,"]))
def test_no_pause_of_1_2_s_or_less_ends_a_turn(segments, expect, text):
    """Speech with pauses of at most 1.2 s is one turn whatever the (non-closer) text says."""
    feed = Feeder(Endpointer(expect))
    for speech, pause in segments:
        assert feed.run(speech, True) is None
        feed.text_at.append((feed.t + 0.3, text, feed.t))
        assert feed.run(pause, False) is None
    assert feed.run(3.0, False) is not None


def test_turn_patience_lengthens_every_wait():
    from facilitator.endpoint import Waits

    base, patient = Waits(), Waits().scaled(2.0)
    for name, value in vars(base).items():
        assert getattr(patient, name) == pytest.approx(2 * value)


# --- exact frame arithmetic (each pins a boundary a small slip would move) -----------------


@pytest.mark.parametrize("text, ending", [
    ("I feel lonely.\"", COMPLETE),  # a closing quote is not the last character that counts
    ("I feel lonely.' ", COMPLETE),
    ("\"I feel lonely", OPEN),
    ("I don\u2019t know so.", COMPLETE),  # a full stop closes even an open word
    ("I was talking to", OPEN),
    ("I was talking to.", COMPLETE),
    ("I feel lonely", OPEN),
    ("I feel lonely!", COMPLETE),
    ("Why?", COMPLETE),
])
def test_the_last_mark_decides_between_complete_and_open(text, ending):
    assert classify_ending(text) == ending


def test_an_answer_without_a_mark_is_an_answer_where_one_is_asked_for():
    assert classify_ending("Yes", "answer") == ANSWER
    assert classify_ending("Yes") == OPEN


def test_a_curly_apostrophe_reads_as_a_straight_one():
    assert classify_ending("I\u2019m done.") == classify_ending("I'm done.")
    assert classify_ending("That\u2019s all.") == classify_ending("That's all.") == CLOSER


def test_an_unknown_kind_of_turn_is_named_in_the_error():
    with pytest.raises(ValueError, match=r"expect must be one of .* or None, not 'sing'"):
        Endpointer("sing")


def test_one_voiced_frame_is_speech_when_the_windows_are_shorter_than_a_frame():
    ep = Endpointer(silence_only=0.3, min_speech=0.01, onset_window=0.01, resume=0.01)
    assert ep.push(0.03, True) is None and ep.speech_start == pytest.approx(0.0)
    assert ep.speech_end == pytest.approx(0.03)
    assert ep.push(0.06, False) is None
    ep.push(0.09, True)  # one frame resumes speech
    assert ep.speech_end == pytest.approx(0.09)
    end = None
    t = 0.09
    while end is None:
        t = round(t + 0.03, 6)
        end = ep.push(t, False)
    assert end.decided_at == pytest.approx(0.39)  # exactly 0.3 s after the last speech


def test_the_onset_needs_exactly_min_speech_and_keeps_the_last_voiced_frame():
    ep = Endpointer(silence_only=1.0)  # 5 voiced frames of 0.03 s make 0.15 s of speech
    for k in range(1, 5):
        ep.push(0.03 * k, True)
    assert not ep.in_turn
    ep.push(0.15, False)
    assert not ep.in_turn  # 4 voiced of the last 10 frames: not yet
    ep.push(0.18, True)
    assert ep.in_turn
    assert ep.speech_start == pytest.approx(0.0) and ep.speech_end == pytest.approx(0.18)


def test_speech_end_is_the_last_voiced_frame_when_the_onset_is_found_on_silence():
    ep = Endpointer(silence_only=1.0, min_speech=0.09, onset_window=0.3)
    for t, s in [(0.03, True), (0.06, True), (0.09, False), (0.12, True), (0.15, False)]:
        ep.push(t, s)
    assert ep.in_turn
    assert ep.speech_start == pytest.approx(0.0) and ep.speech_end == pytest.approx(0.12)


def test_a_soft_start_counts_from_its_first_voiced_frame_within_the_gap():
    # a voiced frame at 0.03, then the onset proper (five voiced frames) from 0.15: 0.12 s
    # apart, joined with a gap allowance of 0.1 s (plus a frame), not with 0.08 s
    pattern = [True] + [False] * 3 + [True] * 5
    for gap, start in ((0.1, 0.0), (0.08, 0.12)):
        ep = Endpointer(silence_only=1.0, onset_window=0.15, onset_gap=gap)
        for k, s in enumerate(pattern, start=1):
            ep.push(round(0.03 * k, 6), s)
        assert ep.speech_start == pytest.approx(start), gap


def test_finish_reports_the_turn_so_far_and_nothing_without_one():
    ep = Endpointer(silence_only=1.0)
    assert ep.finish(1.0) is None
    for k in range(1, 8):
        ep.push(round(0.03 * k, 6), True)
    end = ep.finish(0.5)
    assert (end.speech_start, end.speech_end, end.decided_at, end.reason) == (
        pytest.approx(0.0), pytest.approx(0.21), 0.5, "end of audio")


def test_the_ending_waits_for_a_transcript_that_covers_the_speech():
    ep = Endpointer("share")
    for k in range(1, 11):
        ep.push(round(0.03 * k, 6), True)
    assert ep.speech_end == pytest.approx(0.3)
    ep.update_text("I feel lonely.", upto=0.24)  # exactly two frames short: still counts
    assert ep.ending() == COMPLETE
    ep.update_text("I feel lonely.", upto=0.2)  # older than what we have: ignored
    assert ep.ending() == COMPLETE
    ep.reset()
    for k in range(1, 11):
        ep.push(round(0.03 * k, 6), True)
    ep.update_text("I feel lonely.", upto=0.23)  # more than two frames short: unknown
    assert ep.ending() == UNKNOWN
    ep.update_text("I feel lonely, and", upto=0.23)  # as new as the last: taken
    ep.update_text("I feel lonely.", upto=0.3)
    assert ep.ending() == COMPLETE


def test_reset_forgets_the_turn_and_its_text():
    ep = Endpointer("share")
    for k in range(1, 11):
        ep.push(round(0.03 * k, 6), True)
    ep.update_text("I feel lonely.", upto=0.3)
    ep.reset()
    assert not ep.in_turn and ep.speech_end is None and ep.ending() == UNKNOWN
    ep.update_text("", upto=-1.0)  # the very first transcript of a listen may cover nothing
    assert ep._text == ""


def test_by_default_a_voiced_frame_half_a_second_before_the_onset_is_not_the_start():
    # a click or a breath 0.51 s before the words: more than the 0.45 s gap (plus a frame)
    ep = Endpointer(silence_only=1.0)
    pattern = [True] + [False] * 17 + [True] * 5
    for k, s in enumerate(pattern, start=1):
        ep.push(round(0.03 * k, 6), s)
    assert ep.speech_start == pytest.approx(0.54)


def test_the_onset_window_counts_from_its_first_voiced_frame_whatever_the_gap():
    # a long onset window (0.6 s) and a short gap (0.1 s): the first voiced frame of the
    # window opens the turn, though the next one is 0.18 s later
    ep = Endpointer(silence_only=1.0, onset_window=0.6, onset_gap=0.1)
    pattern = [True] + [False] * 5 + [True] * 4
    for k, s in enumerate(pattern, start=1):
        ep.push(round(0.03 * k, 6), s)
    assert ep.speech_start == pytest.approx(0.0)
