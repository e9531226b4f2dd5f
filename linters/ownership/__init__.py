"""Ownership: the editorial statute, front-matter, owners and review dates."""
