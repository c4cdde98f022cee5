"""Shared pytest fixtures. The sound room's workings live in tests/room.py."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def room():
    """A private PulseAudio server whose null sink is the room and whose monitor is the
    default microphone (tests/room.py). In CI (CI=true) a room that cannot start fails the
    run; elsewhere the tests that need it are skipped with the reason."""
    from tests.helpers import unavailable
    from tests.room import RoomUnavailable, start_room

    try:
        the_room = start_room()
    except RoomUnavailable as exc:
        unavailable(f"the sound room (PulseAudio) cannot run here: {exc}")
    try:
        yield the_room
    finally:
        the_room.stop()
