"""``make demo``: replay a bundled recorded session, no microphone and no manual step.

The partners' voices come from audio_fixtures/ and go through the real pipeline (voice
activity detection, the endpointer, on-device transcription, the dialogue engine and the
mirror check); the facilitator's words are synthesized into a WAV instead of a speaker.
Everything is written under out/demo/, away from the couple's own saved sessions.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.cli import main  # noqa: E402

FIXTURE = ROOT / "audio_fixtures" / "weekend-phones" / "manifest.toml"
OUT = ROOT / "out" / "demo"


def run(argv: list[str]) -> int:
    fixture = Path(argv[0]) if argv else FIXTURE
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    print(f"Replaying {fixture.relative_to(ROOT) if fixture.is_relative_to(ROOT) else fixture}")
    print("(recorded partners' voices stand in for the microphone; fast clock)\n")
    started = time.monotonic()
    code = main([
        "replay", str(fixture), "--fast",
        "--data-dir", str(OUT / "data"),
        "--events", str(OUT / "events.jsonl"),
        "--record-facilitator", str(OUT / "facilitator.wav"),
    ])
    if code:
        return code
    print(f"\nReplayed in {time.monotonic() - started:.0f} s. Files written:")
    for path in sorted(OUT.rglob("*")):
        if path.is_file():
            print(f"  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
