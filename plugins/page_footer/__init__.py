"""Owner, review date, contact and feedback at the bottom of every page."""
