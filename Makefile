# Every target installs what is missing first, so any of them works as the first command
# typed on a fresh machine.  ARGS passes options through: make run ARGS="--text --names Ana Ben"

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Test workers: one per core, at most four (each loads its own speech and meaning models).
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print(max(1, min(4, len(os.sched_getaffinity(0)))))")
# PortAudio for sounddevice, espeak-ng for pyttsx3, PulseAudio for the virtual sound room
# the tests use, sox and ffmpeg for the recordings in other formats (make fixtures, make bench)
# and for inspecting audio by hand. Reading recordings needs neither: PyAV brings FFmpeg.
# Chromium for the test that drives the --screen page in a real (headless) browser;
# systemd for systemd-analyze, which checks the reminder's timer files in the tests.
SYSTEM_PACKAGES := libportaudio2 espeak-ng libespeak-ng1 pulseaudio pulseaudio-utils \
                   libasound2-plugins sox ffmpeg chromium systemd
# axe-core, the accessibility audit the browser test runs on the page, from npm (pinned with
# its checksum in tests/browser/package-lock.json; nothing is fetched when the tests run).
# npm comes with the machine's Node.js; where there is none, Debian's npm is installed.
# Without npm the test says so and skips (in CI it fails).
AXE    := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: install run demo test bench mutation fixtures lint clean

install: $(STAMP) $(AXE)

$(STAMP): pyproject.toml scripts/install_system_packages.sh Makefile
	@sh scripts/install_system_packages.sh $(SYSTEM_PACKAGES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,natural-voice]'
	@touch $(STAMP)

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null 2>&1 || sh scripts/install_system_packages.sh npm
	@if command -v npm >/dev/null 2>&1; then \
	    cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/axe-core/axe.min.js; \
	else \
	    echo "note: npm not found; the browser test's accessibility audit cannot run" >&2; \
	fi

run: install
	$(BIN)/facilitator session $(ARGS)

demo: install
	$(BIN)/python scripts/demo.py $(ARGS)

# The suite runs in two parts: everything but the sound room spread over the cores (each test
# file on one worker), then the room tests alone, because they play and record in real time and
# a busy second core would make their timing the machine's, not the code's. Exit code 5 ("no
# tests collected") is what the second part gives when ARGS or MARK selects no room test.
# MARK narrows both parts by marker: make test MARK="not slow".
test: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup \
		-m "not room$(if $(MARK), and ($(MARK)))" --durations=25 $(ARGS)
	$(BIN)/python -m pytest -q -m "room$(if $(MARK), and ($(MARK)))" --durations=5 $(ARGS) \
		|| [ $$? -eq 5 ]

bench: install
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python scripts/get_turn_model.py
	$(BIN)/python -m bench $(ARGS)

# Mutation testing of the core (see the README, Development): hours over all of it, so never
# part of `make test` or CI. ARGS picks mutants: make mutation ARGS="'facilitator.endpoint*'"
mutation: install
	$(BIN)/python -m pip install -q -e '.[mutation]'
	nice $(BIN)/mutmut run --max-children 2 $(ARGS)
	$(BIN)/python scripts/mutation_scores.py

fixtures: install
	$(BIN)/python scripts/make_fixtures.py $(ARGS)

lint: install
	$(BIN)/ruff check facilitator tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache out tests/browser/node_modules mutants
