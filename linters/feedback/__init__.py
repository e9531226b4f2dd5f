"""Feedback from visitors and KCC staff: the service the site's forms post to, its store and its mail.

Domain code only: it stands on `linters/core/` and the statute, and never on
the command line (`command.py` is the thin glue) or the rule registry.
"""
