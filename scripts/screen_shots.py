"""Screenshots of the --screen page for the README, at 100 % and 300 % text size.

    .venv/bin/python scripts/screen_shots.py [--out docs]

Runs a typed session (``facilitator session --text --mute --screen``) with a few turns, opens
its page in headless Chromium at 1280 x 800 and writes ``screen-100.png`` and
``screen-300.png`` (with a 256-colour palette, to keep the repository small). Nothing is
saved of the session itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.browser import Browser  # noqa: E402
from tests.test_screen_browser import SCRIPT, Session, wait_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs"), help="folder for the PNGs")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, Browser(width=1280, height=800) as browser:
        session = Session(Path(work), "session", "--text", "--mute", "--names", "Maya", "Leo")
        for line in SCRIPT:
            session.type(line)
        page = browser.new_page(session.url)
        try:
            wait_text(page, "prompt", "Did you also hear")
            page.media(prefers_reduced_motion="reduce")  # the listening dot at rest
            page.screenshot(out / "screen-100.png")
            for _ in range(8):
                page.eval("document.getElementById('larger').click()")
            page.screenshot(out / "screen-300.png")
        finally:
            session.type("stop")
            page.close()
            session.finish()
    for name in ("screen-100.png", "screen-300.png"):
        small(out / name)
        print(out / name)
    return 0


def small(path: Path) -> None:
    """The PNG with a 256-colour palette: a fraction of the size, no difference to the eye."""
    from PIL import Image  # installed with matplotlib

    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        palette.save(path, optimize=True)


if __name__ == "__main__":
    raise SystemExit(main())
