"""The one list of every rule, in code order: every code the tool can print. Codes are never reused.

A new rule is added here and nowhere else; the README rule table, the
`webredactie rules` command, the rule documentation and the statute's
`regels:` all read this list. axe-core's rules come from its own metadata.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from linters.b1.policy import LANGUAGE_POLICY
from linters.b1.rules import B1_RULES
from linters.core import input_rules
from linters.core import statute as core_statute
from linters.core.rules import Rule
from linters.core.statute import PolicySection, Statute
from linters.feedback.policy import FEEDBACK_POLICY
from linters.ownership import codeowners, contact, duplicates, frontmatter, links, reviews, translations
from linters.wcag.audit_rules import AUDIT_RULES
from linters.wcag.axe_rules import axe_rules
from linters.wcag.behaviour_rules import BEHAVIOUR_RULES
from linters.wcag.policy import ACCESSIBILITY_POLICY, THIRD_PARTY_POLICY
from linters.wcag.source import SOURCE_RULES

ALL_RULES: tuple[Rule, ...] = (
    input_rules.page_not_readable,
    input_rules.empty_page,
    input_rules.byte_order_mark,
    input_rules.windows_line_endings,
    input_rules.unused_suppression,
    input_rules.suppression_without_reason,
    input_rules.invalid_suppression,
    input_rules.unsafe_symlink,
    input_rules.check_crashed,
    frontmatter.missing_front_matter,
    frontmatter.broken_front_matter,
    frontmatter.missing_title,
    frontmatter.missing_description,
    frontmatter.unknown_front_matter_field,
    frontmatter.invalid_front_matter_value,
    duplicates.duplicate_title,
    duplicates.duplicate_description,
    frontmatter.markup_in_front_matter,
    frontmatter.page_without_owner,
    frontmatter.unknown_owner,
    frontmatter.missing_review_date,
    frontmatter.invalid_review_date,
    frontmatter.review_date_in_future,
    reviews.owner_not_section_owner,
    reviews.page_outside_sections,
    reviews.review_overdue,
    reviews.review_long_overdue,
    codeowners.codeowners_out_of_date,
    translations.missing_translation,
    translations.translation_without_original,
    translations.stale_translation,
    translations.translation_history_incomplete,
    links.missing_link_target,
    links.link_to_other_language,
    links.missing_image,
    contact.owner_without_contact,
    contact.owner_without_feedback_address,
    *B1_RULES,
    *SOURCE_RULES,
    *AUDIT_RULES,
    *BEHAVIOUR_RULES,
    # axe-core's own rules, generated from its metadata (linters/wcag/axe_rules.py).
    *axe_rules(),
)

# Codes that once existed and must never be given to a new rule.
RETIRED_CODES: frozenset[str] = frozenset()


def rules_by_code() -> Mapping[str, Rule]:
    """Every rule by its code."""
    return {r.code: r for r in ALL_RULES}


def rule_names() -> frozenset[str]:
    """Every code and every name, for validating configuration and suppressions."""
    return frozenset({r.code for r in ALL_RULES} | {r.name for r in ALL_RULES})


def find_rule(key: str) -> Rule | None:
    """Look a rule up by code or by name."""
    for candidate in ALL_RULES:
        if key in (candidate.code, candidate.name):
            return candidate
    return None


# The parts of the statute the families declare; the loader accepts these and no others.
POLICIES: tuple[PolicySection, ...] = (LANGUAGE_POLICY, ACCESSIBILITY_POLICY, THIRD_PARTY_POLICY, FEEDBACK_POLICY)


def load_statute(path: Path, known_rules: Collection[str] | None = None, content_root: Path | None = None) -> Statute:
    """Load the statute with every family's policy section (see `linters.core.statute.load_statute`)."""
    return core_statute.load_statute(path, known_rules=known_rules, content_root=content_root, policies=POLICIES)
