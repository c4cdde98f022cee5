"""A calm, hands-free, offline facilitator for the Imago Dialogue."""

__version__ = "0.1.0"
