"""Shared pieces of every check: findings, rules, configuration errors and the page model."""
