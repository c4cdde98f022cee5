"""The ridge reader the understanding layer learns its readings with, and its weights."""
