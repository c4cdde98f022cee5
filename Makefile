# Every target installs what is missing first, so any of them works as the first command
# typed on a fresh machine.  ARGS passes options through: make run ARGS="--text --names Ana Ben"

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# PortAudio for sounddevice, espeak-ng for pyttsx3, PulseAudio for the virtual sound room
# the tests use, sox and ffmpeg for the recordings in other formats (make fixtures, make bench)
# and for inspecting audio by hand. Reading recordings needs neither: PyAV brings FFmpeg.
SYSTEM_PACKAGES := libportaudio2 espeak-ng libespeak-ng1 pulseaudio pulseaudio-utils \
                   libasound2-plugins sox ffmpeg

.PHONY: install run demo test bench fixtures lint clean

install: $(STAMP)

$(STAMP): pyproject.toml scripts/install_system_packages.sh
	@sh scripts/install_system_packages.sh $(SYSTEM_PACKAGES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,natural-voice]'
	@touch $(STAMP)

run: install
	$(BIN)/facilitator session $(ARGS)

demo: install
	$(BIN)/python scripts/demo.py $(ARGS)

test: install
	$(BIN)/python -m pytest -q $(ARGS)

bench: install
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python scripts/get_turn_model.py
	$(BIN)/python -m bench $(ARGS)

fixtures: install
	$(BIN)/python scripts/make_fixtures.py $(ARGS)

lint: install
	$(BIN)/ruff check facilitator tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache out
