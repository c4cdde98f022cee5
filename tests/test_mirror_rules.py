"""The mirror check's rules one by one, each beside its near miss: which change is named
(polarity, person, intensity, interpretation), whose feeling it is, what is quoted back,
when a point counts as carried, and when the check says it is unsure.

Written for mutation testing (tracker issue 19, point 1): each test pins a behaviour a
couple would notice, a good mirror reproached or a flawed one passed, not a line of code.
"""

from __future__ import annotations

from facilitator.understanding import default

UNDERSTAND = default()


def check(sender: str, mirror: str, earlier=()):
    return UNDERSTAND.mirror(sender, mirror, earlier=earlier)
