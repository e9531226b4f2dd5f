"""The checks of `linters/` while building and previewing the site."""
