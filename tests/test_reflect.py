"""Looking back together (issue 13): themes by meaning, the couple's patterns, the trend only
when it is real, warm words aloud, a picture of the weeks, and a documented JSON.

The histories are generated (tests/histories.py) and written as real session folders: 23
sessions over ten weeks, both dialogues, "not now", a session cut off and one killed.
"""

from __future__ import annotations

import json
import re
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from facilitator.reflect import (
    SCHEMA,
    TREND_MIN_DIALOGUES,
    format_reflect,
    newcombe_interval,
    plot_reflect,
    plot_rows,
    reflect,
    reflect_sentences,
    wilson_interval,
)
from facilitator.understanding.model import MeaningModel
from tests import histories
from tests.helpers import unavailable
from tests.histories import LAST_DAY, first_tries, ten_weeks

TODAY = date(2026, 11, 24)  # a Tuesday, three days after the last dialogue
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(scope="module")
def model():
    return MeaningModel()


@pytest.fixture(scope="module")
def couple(tmp_path_factory):
    root = tmp_path_factory.mktemp("ten-weeks")
    ten_weeks(root)
    return root


@pytest.fixture(scope="module")
def looked(couple, model):
    return reflect(couple, today=TODAY, model=model)


@pytest.fixture(scope="module")
def detailed(couple, model):
    return reflect(couple, today=TODAY, model=model, details=True)


def sessions_about(couple: Path, *topics: str) -> set[str]:
    """The ids of the generated sessions with these topics."""
    return {p.parent.name for p in couple.glob("sessions/*/session.json")
            if json.loads(p.read_text(encoding="utf-8")).get("topic") in topics}


PHONES = ("phones at dinner", "our phones at the table", "screens during meals",
          "phones at breakfast", "the phones at mealtimes")
HOUSEWORK = ("the dishes", "sharing the housework", "the chores at the weekend",
             "who cleans the kitchen")


# ------------------------------------------------------------------ the habit


def test_the_history_is_what_the_issue_asks_for(couple, looked):
    assert looked["sessions"] == 23 and looked["dialogues"] == 21
    first, last = date.fromisoformat(looked["first_date"]), date.fromisoformat(
        looked["last_date"])
    assert (last - first).days >= 63  # ten weeks
    kinds = {json.loads(p.read_text())["dialogue"] for p in couple.glob("sessions/*/session.json")}
    assert kinds == {"intentional", "appreciation"}
    assert looked["outcomes"] == {"complete": 19, "not now": 2, "ended early": 0,
                                  "interrupted": 2}


def test_the_habit_days_since_the_last_dialogue_and_the_streak(looked):
    habit = looked["habit"]
    assert habit["last_dialogue"] == LAST_DAY.date().isoformat()
    assert habit["days_since_last"] == 3 and habit["long_gap"] is False
    assert habit["streak_weeks"] == 10
    assert habit["appreciations"] > 20


def test_not_now_is_not_called_ended_early(looked):
    text = format_reflect(looked)
    assert "ended early" not in text
    assert "2 times it was \u201cnot now\u201d, and that is fine" in text


# ------------------------------------------------------------------ themes


def test_themes_are_found_by_meaning_across_different_words(couple, looked):
    themes = looked["themes"]
    phones = [t for t in themes if set(t["sessions"]) & sessions_about(couple, *PHONES)]
    assert len(phones) == 1, themes
    phones = phones[0]
    assert set(phones["sessions"]) == sessions_about(couple, *PHONES)  # five ways of saying it
    assert phones["dialogues"] == 5 and phones["last"] == "2026-11-21"
    housework = [t for t in themes if set(t["sessions"]) & sessions_about(couple, *HOUSEWORK)]
    assert len(housework) == 1 and housework[0]["dialogues"] >= 3
    assert not set(housework[0]["sessions"]) & sessions_about(couple, *PHONES)
    assert themes[0] is phones  # the most frequent first
    assert any(t["dialogues"] >= 2 and "mum" in " ".join([t["name"], *t["said"]])
               for t in themes)  # the in-laws: "your mother's visits", "when your mum ..."


def test_each_theme_is_named_in_the_couples_own_words(couple, looked):
    said = set()
    for path in couple.glob("sessions/*/session.json"):
        summary = json.loads(path.read_text(encoding="utf-8"))
        said.add(summary.get("topic"))
        said |= {p["text"] for e in summary["exchanges"] for p in e.get("points") or []}
    for theme in looked["themes"]:
        assert theme["name"] in said
        assert len(theme["name"].split()) >= 2  # a phrase, never a word count
        assert set(theme["said"]) <= said and theme["name"] not in theme["said"]
        assert theme["dialogues"] >= 2 and theme["dialogues"] == len(theme["sessions"])
    phones = looked["themes"][0]
    assert "phone" in phones["name"] and len(phones["said"]) == 3
    assert "lonely" in phones["feelings"]


def test_themes_read_as_the_issue_shows_them(looked):
    text = format_reflect(looked)
    name = looked["themes"][0]["name"]
    assert f"  \u201c{name}\u201d: 5 dialogues, most recently on 21 Nov 2026" in text
    assert not re.search(r"\b\w+ \(\d+\)", text)  # no "come (3)... stop (3)"


def test_what_the_couple_keeps_appreciating(looked):
    laugh = [a for a in looked["appreciated"] if "laugh" in a["name"]]
    assert len(laugh) == 1 and laugh[0]["dialogues"] >= 2
    assert all(a["dialogues"] >= 2 for a in looked["appreciated"])


# ------------------------------------------------------------------ patterns


def test_patterns_are_the_couples_and_each_has_one_gentle_suggestion(looked):
    kinds = [p["kind"] for p in looked["patterns"]]
    assert set(kinds) == {"missed_feeling", "defended", "validation_but",
                          "validation_dismissive", "empathy_corrected", "blame_rephrased"}
    assert kinds[0] == "missed_feeling"  # the most frequent first
    for p in looked["patterns"]:
        assert p["text"].endswith(".") and p["suggestion"].endswith((".", "\u201d."))
        assert p["suggestion"].count(". ") == 0  # one suggestion
        words = p["text"] + p["suggestion"] + p["spoken"]
        assert "Maya" not in words and "Leo" not in words
        assert not re.search(r"\d|%|percent|score", words)


def test_the_pattern_names_the_kind_of_point_left_out_with_an_example(looked):
    missed = looked["patterns"][0]
    assert missed["text"].startswith("In your mirrors, the feeling is the part most often "
                                     "left out, like \u201cI feel")
    assert "mirror it first" in missed["suggestion"]


def test_a_mirror_that_became_a_defence_is_named_kindly(looked):
    defended = next(p for p in looked["patterns"] if p["kind"] == "defended")
    assert "explaining or defending" in defended["text"]
    assert defended["example"] in ("That's not fair, I only check it for work",
                                   "My mum just wants to help, you know that",
                                   "Hold on, I only redo it when it's still dirty")


def test_something_that_happened_in_one_dialogue_only_is_no_pattern(looked, detailed):
    # A strong feeling came back softer once ("a bit annoyed" for "furious").
    assert detailed["details"]["times"]["changed_intensity"] == 1
    assert "changed_intensity" not in [p["kind"] for p in looked["patterns"]]


def test_no_per_person_scores_or_percentages_by_default(looked):
    assert "details" not in looked
    text = format_reflect(looked)
    assert "%" not in text and "Details" not in text
    assert not re.search(r"(Maya|Leo)\b.*\b(missed|of \d+)", text)
    assert not re.search(r"\d+ of \d+", text)


def test_details_show_the_counts_for_testers(detailed):
    d = detailed["details"]
    assert d["points_first_try"]["feeling"]["missed"] >= 8
    assert d["points_first_try"]["situation"]["missed"] <= 1
    assert d["dialogues"]["defended"] == 3 and d["dialogues"]["blame_rephrased"] == 3
    assert d["dialogues"]["empathy_corrected"] == 3 and d["dialogues"]["validation_but"] == 3
    assert set(d["by_receiver"]) == {"Maya", "Leo"}
    assert d["balance"]["Maya"]["began"] + d["balance"]["Leo"]["began"] == 16
    text = format_reflect(detailed)
    assert "Details (counts, for testers)" in text and "Leo mirroring: " in text


def test_patterns_come_from_what_real_sessions_record(tmp_path, monkeypatch, model):
    # Two typed sessions through the real command and understanding layer, not generated
    # records: in both, the first mirror of the first piece defends, a later one leaves the
    # feeling out, and the validation comes with a "but".
    from tests.test_dialogue import TOPIC, VALIDATION
    from tests.test_settings_schema import run_main
    from tests.test_text_mode import ROUND, SCRIPT

    defence = "That's not fair, I only check my phone for work."
    first = list(ROUND)
    first.insert(1, defence)
    first.insert(first.index(VALIDATION), "You make sense, but I was tired.")
    lines = [TOPIC, "Yes, I'm ready.", *first, *ROUND, *SCRIPT[-2:]]
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    data = tmp_path / "data"
    for _ in range(2):
        # The dialogue given, so the setup asks nothing and the first line is the topic.
        code, _, err = run_main(["session", "--text", "--mute", "--names", "Maya", "Leo",
                                 "--dialogue", "intentional", "--data-dir", str(data)],
                                stdin="\n".join(lines) + "\n")
        assert code == 0, err
    r = reflect(data, model=model)
    patterns = {p["kind"]: p for p in r["patterns"]}
    assert {"defended", "missed_feeling", "validation_but"} <= set(patterns), r["patterns"]
    assert patterns["defended"]["example"] == defence.rstrip(".")
    assert patterns["missed_feeling"]["example"] == "I feel lonely on Saturday mornings"
    words = " ".join(p["text"] + p["suggestion"] for p in r["patterns"])
    assert "Maya" not in words and "Leo" not in words
    assert [t["dialogues"] for t in r["themes"]] == [2]


# ------------------------------------------------------------------ the trend


def test_no_trend_when_the_change_is_within_the_noise(looked, detailed):
    trend = looked["trend"]
    assert trend["dialogues"] >= TREND_MIN_DIALOGUES
    assert trend["direction"] is None and trend["why_none"] == "within the noise"
    low, high = detailed["trend"]["interval"]
    assert low < 0 < high
    assert not re.search(r"trend|improv|dipping|catching (more|less)", format_reflect(looked),
                         re.IGNORECASE)


def test_no_trend_with_fewer_than_six_dialogues_however_large_the_change(tmp_path, model):
    first_tries(tmp_path, [(0, 4), (0, 4), (4, 4), (4, 4), (4, 4)])
    r = reflect(tmp_path, today=TODAY, model=model)
    assert r["trend"] == {"direction": None, "dialogues": 5, "needed": 6,
                          "why_none": "too few dialogues"}
    assert "catching more" not in format_reflect(r) + " ".join(reflect_sentences(r))


def test_the_issues_example_is_no_trend(tmp_path, model):
    first_tries(tmp_path, [(1, 5), (2, 4), (3, 4), (1, 3), (2, 4)])  # "Trend: improving"
    assert reflect(tmp_path, today=TODAY, model=model)["trend"]["direction"] is None
    first_tries(tmp_path, [(2, 4)], start=histories.FIRST_DAY + timedelta(days=30))
    six = reflect(tmp_path, today=TODAY, model=model)["trend"]
    assert six["dialogues"] == 6 and six["direction"] is None


def test_a_real_change_over_enough_dialogues_is_said(tmp_path, model):
    first_tries(tmp_path, [(0, 3), (1, 3), (0, 3), (3, 3), (3, 3), (3, 3)])
    r = reflect(tmp_path, today=TODAY, model=model, details=True)
    assert r["trend"]["direction"] == "improving" and r["trend"]["interval"][0] > 0
    assert "catching more of each other" in format_reflect(r)
    assert "Your mirrors have been catching more of each other lately." in \
        reflect_sentences(r)


def test_the_interval_is_newcombes():
    # Newcombe (1998), table II, example (a): 56/70 against 48/80, difference 0.1833,
    # interval 0.0524 to 0.3339 (method 10).
    low, high = newcombe_interval(48, 80, 56, 70)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    assert [round(v, 4) for v in wilson_interval(81, 263)] == [0.2553, 0.3662]


# ------------------------------------------------------------------ aloud


def test_at_most_four_warm_sentences_aloud(looked):
    sentences = reflect_sentences(looked)
    assert 2 <= len(sentences) <= 4
    spoken = " ".join(sentences)
    assert sentences[0] == ("You have had twenty-one dialogues together, and you've made "
                            "time for each other ten weeks in a row.")
    assert looked["themes"][0]["name"] in spoken
    assert looked["patterns"][0]["spoken"] in sentences
    assert sentences[-1] == "Thank you for making time for each other."
    assert not re.search(r"\d|%|percent|score|grade|Maya|Leo", spoken)


def test_after_a_long_gap_the_short_dialogue_is_offered(couple, model):
    r = reflect(couple, today=date(2026, 12, 14), model=model)
    assert r["habit"]["long_gap"] is True
    spoken = " ".join(reflect_sentences(r))
    assert "it has been three weeks since the last one; a short appreciation dialogue is a " \
        "gentle way back in." in spoken
    assert "appreciation dialogue is a gentle way back in" in format_reflect(r)
    assert len(reflect_sentences(r)) <= 4


def test_nothing_to_look_back_on(tmp_path):
    r = reflect(tmp_path / "none", today=TODAY)
    assert (r["sessions"], r["dialogues"], r["themes"], r["patterns"]) == (0, 0, [], [])
    assert format_reflect(r) == "No saved sessions to look back on yet."
    assert reflect_sentences(r)[0] == "There are no saved dialogues to look back on yet."


# ------------------------------------------------------------------ the picture


def test_the_picture_shows_the_weeks_and_their_themes(looked, tmp_path):
    rows = plot_rows(looked)
    labels = [label for label, _, _ in rows]
    assert labels[:len(looked["themes"])] == [t["name"] for t in looked["themes"]]
    assert labels[-1] == "appreciation dialogues" and len(rows[-1][2]) == 5
    assert len(rows[0][2]) == 5  # a mark for each dialogue about phones
    assert sum(len(days) for _, _, days in rows) >= looked["dialogues"]
    target = plot_reflect(looked, tmp_path / "weeks.png")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    empty = plot_reflect(reflect(tmp_path / "none", today=TODAY), tmp_path / "empty.png")
    assert empty.read_bytes()[:4] == b"\x89PNG"


def test_weeks_run_from_the_first_dialogue_to_the_last(looked):
    weeks = looked["weeks"]
    assert len(weeks) == 10 and weeks[0]["week"] == "2026-09-14"
    assert all(w["dialogues"] for w in weeks)  # a dialogue every week: the streak
    assert sum(len(w["dialogues"]) for w in weeks) == looked["dialogues"]


# ------------------------------------------------------------------ the JSON, documented


def _documented_fields() -> dict[str, set[str]]:
    """The fields the README's "reflect --json" table lists, by the object they are in."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### `reflect --json`", 1)[1].split("\n## ", 1)[0]
    fields: dict[str, set[str]] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        for path in re.findall(r"`([^`]+)`", line.split(" | ")[0]):
            parent, _, name = path.rpartition(".")
            fields.setdefault(parent, set()).add(name)
    return fields


def test_the_json_is_the_documented_schema(looked, detailed):
    documented = _documented_fields()
    assert looked["schema"] == SCHEMA
    assert set(looked) == documented[""] - {"details"}
    assert set(detailed) == documented[""]
    assert set(looked["habit"]) == documented["habit"]
    assert set(looked["outcomes"]) == documented["outcomes"]
    assert set(looked["themes"][0]) == documented["themes[]"]
    assert set(looked["appreciated"][0]) == documented["appreciated[]"]
    assert set(looked["patterns"][0]) == documented["patterns[]"]
    assert set(looked["weeks"][0]) == documented["weeks[]"]
    assert set(looked["weeks"][0]["dialogues"][0]) == documented["weeks[].dialogues[]"]
    assert set(looked["trend"]) <= documented["trend"]
    assert set(detailed["trend"]) <= documented["trend"]
    assert set(detailed["details"]) == documented["details"]
    json.dumps(detailed)


def test_reflect_json_on_the_command_line(couple, tmp_path, monkeypatch, capsys):
    from facilitator.cli import main

    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    assert main(["reflect", "--json", "--data-dir", str(couple), "--since", "2026-10-01",
                 "--plot", str(tmp_path / "weeks.png")]) == 0
    out = capsys.readouterr()
    r = json.loads(out.out)
    assert r["since"] == "2026-10-01" and r["schema"] == SCHEMA
    assert r["first_date"] == "2026-10-01" and "details" not in r
    assert "Plot written to" in out.err  # stdout stays JSON
    assert (tmp_path / "weeks.png").exists()


def test_reflect_say_speaks_the_sentences_through_the_real_voice(couple, model, tmp_path,
                                                                  monkeypatch, capsys):
    import facilitator.devices as devices
    from facilitator.cli import main
    from facilitator.errors import FacilitatorError
    from facilitator.speech import Voice

    try:
        Voice("pyttsx3").close()
    except FacilitatorError as exc:
        unavailable(f"pyttsx3/espeak-ng unavailable: {exc}")
    played: list[float] = []
    closed: list[str] = []

    class Speaker:  # stands in for the speakers: what would be heard, in seconds
        def __init__(self, device=None):
            pass

        def play(self, samples, rate):
            played.append(len(samples) / rate)

        def close(self):
            closed.append("speaker")

    real_close = Voice.close
    monkeypatch.setattr(devices, "SpeakerSink", Speaker)
    monkeypatch.setattr(Voice, "close", lambda self: (closed.append("voice"),
                                                      real_close(self)))
    monkeypatch.setenv("FACILITATOR_CONFIG", str(tmp_path / "config.toml"))
    assert main(["reflect", "--say", "--data-dir", str(couple), "--rate", "200"]) == 0
    assert capsys.readouterr().out.startswith("Looking back from 14 Sep 2026")
    sentences = reflect_sentences(reflect(couple, model=model))
    assert len(played) == len(sentences) <= 4
    for seconds, sentence in zip(played, sentences, strict=True):
        words = len(sentence.split())
        assert 0.5 * words * 60 / 200 < seconds < 2.5 * words * 60 / 200, (seconds, sentence)
    assert sorted(closed) == ["speaker", "voice"]
