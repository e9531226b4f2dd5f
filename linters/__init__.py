"""Diemen web checks: plain language, accessibility and ownership, independent of MkDocs."""
