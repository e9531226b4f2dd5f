"""Publish only what is safe: no file from outside the repository, no script or markup from a page."""
