"""Errors a person can act on.

Anything raised as ``FacilitatorError`` is shown as one line (no traceback) and the
command exits non-zero. The message names the file, device or option at fault and
says what to try, e.g. ``memo.m4a: truncated MP4/M4A (its index, the moov box, is missing:
the recording was cut short or never finished); export it again``.
"""


class FacilitatorError(Exception):
    """A problem with the user's input, files, devices or options."""

    exit_code = 2


class SessionInterrupted(FacilitatorError):
    """The session stopped early (device lost, signal); what was said so far is saved."""

    exit_code = 3
