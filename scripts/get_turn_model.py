"""Copy Smart Turn v3.2 (the CPU ONNX file) out of the pipecat-ai wheel into models/smart-turn/.

    .venv/bin/python scripts/get_turn_model.py

Only the 8.7 MB model file is kept (BSD-2-Clause, as pipecat-ai); the wheel is fetched with
pip into a temporary folder and the file is checked against its SHA-256.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "pipecat-ai==1.14.0"
INNER = "pipecat/audio/turn/smart_turn/data/smart-turn-v3.2-cpu.onnx"
SHA256 = "2bb026316b14a660486a75b1733cd3fbab8c2fd0314dc9af7be49f8cca967e4f"
TARGET = ROOT / "models" / "smart-turn" / "smart-turn-v3.2-cpu.onnx"
LICENCE = """Smart Turn v3.2 (smart-turn-v3.2-cpu.onnx), copied from the pipecat-ai 1.14.0 wheel
(pipecat/audio/turn/smart_turn/data/). Licence: BSD-2-Clause, as pipecat-ai.
sha256 {sha}
"""


def main() -> int:
    if TARGET.is_file() and hashlib.sha256(TARGET.read_bytes()).hexdigest() == SHA256:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "--only-binary", ":all:", "-d", tmp, PACKAGE], check=True)
        wheel = next(Path(tmp).glob("pipecat_ai-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read(INNER)
    if hashlib.sha256(data).hexdigest() != SHA256:
        print(f"get_turn_model: {PACKAGE} holds a different {Path(INNER).name}; not installed")
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    (TARGET.parent / "SOURCE").write_text(LICENCE.format(sha=SHA256))
    print(f"end-of-turn model in {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
