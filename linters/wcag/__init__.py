"""Accessibility: source rules on the Markdown, and the browser audit of the built site."""
