"""Search per language, with the page description in the results."""
