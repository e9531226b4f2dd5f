"""Name each menu section after its index page instead of its folder."""
