"""The meaning model: sentence and word-piece vectors of a text, as the readers use them."""
