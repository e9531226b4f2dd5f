"""The editorial statute (`redactiestatuut.yml`) as typed, validated objects.

The statute is the single source of truth for who owns which part of the
site. It is loaded once per run; every mistake is collected with its line and
reported together (exit code 2), because a maintainer fixing one error at a
time through CI would lose a morning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from linters.core.config import ConfigCode, ConfigError, Problems, display_path
from linters.core.finding import LEVELS
from linters.core.yamlread import MapReader, make_yaml, yaml_error_position

ADDRESS_FORMS = ("u", "je")
LANGUAGES = ("nl", "en")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_SECTION_PATH = re.compile(r"^([a-z0-9][a-z0-9._-]*/)*([a-z0-9][a-z0-9._-]*(/|\.md))$")
# Code review handles as GitHub and GitLab accept them in CODEOWNERS: a user,
# an organisation's team, or an e-mail address.
_REVIEWER = re.compile(r"^(@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*|[^@\s]+@[^@\s]+\.[a-z]{2,})$")


@dataclass(frozen=True)
class PolicyKey:
    """One threshold a family reads from the statute: its default and the range it may take."""

    default: float
    low: float
    high: float
    meaning: str


@dataclass(frozen=True)
class PolicyList:
    """A list of reviewed entries in a policy section (a host with its reason), each a mapping of texts.

    `key` is the field that names an entry: it must be unique in the list.
    `check` returns a Dutch reason when an entry's key is not allowed.
    """

    key: str
    fields: Mapping[str, str]
    meaning: str
    check: Callable[[str], str | None] | None = None


@dataclass(frozen=True)
class PolicySection:
    """A top-level part of the statute that a family declares and reads (`taalbeleid`, `toegankelijkheid`).

    The statute is the whole project's configuration, but what a threshold
    means belongs to the family that uses it: the family declares its keys and
    defaults here, and the loader validates what the families declare, so a
    new threshold is one line in its family.
    """

    key: str
    example: str
    # Thresholds per language: `taalbeleid: {nl: {max_woorden_per_zin: 25}}`.
    per_language: Mapping[str, Mapping[str, PolicyKey]] = field(default_factory=dict)
    # Plain text settings with an example each: `toegankelijkheid: {norm: WCAG 2.2 AA}`.
    texts: Mapping[str, str] = field(default_factory=dict)
    # Lists of reviewed entries: `inhoud_van_derden: {toegestaan: [{host: ..., reden: ...}]}`.
    lists: Mapping[str, PolicyList] = field(default_factory=dict)
    # Whole numbers that hold for the whole site: `feedback: {bewaartermijn_maanden: 12}`.
    numbers: Mapping[str, PolicyKey] = field(default_factory=dict)
    # A word out of a fixed list; the first is the default: `feedback: {bezorging: dagelijks}`.
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def threshold(self, statute: Statute, lang: str, key: str) -> float:
        """The statute's value for a threshold, or the declared default when the statute is silent."""
        values = statute.policies.get(self.key, {}).get(lang, {})
        value = values.get(key) if isinstance(values, Mapping) else None
        return float(value) if value is not None else self.per_language[lang][key].default

    def text(self, statute: Statute, key: str) -> str | None:
        """A text setting of this part, None when the statute does not give it."""
        value = statute.policies.get(self.key, {}).get(key)
        return value if isinstance(value, str) else None

    def entries(self, statute: Statute, key: str) -> list[Mapping[str, str]]:
        """The validated entries of one list of this part (empty when the statute has none)."""
        value = statute.policies.get(self.key, {}).get(key)
        return list(value) if isinstance(value, list) else []

    def number(self, statute: Statute, key: str) -> int:
        """A whole-number setting of this part, or its declared default."""
        value = statute.policies.get(self.key, {}).get(key)
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else int(self.numbers[key].default)

    def choice(self, statute: Statute, key: str) -> str:
        """A choice of this part, or the first (default) choice."""
        value = statute.policies.get(self.key, {}).get(key)
        return value if isinstance(value, str) and value in self.choices[key] else self.choices[key][0]


@dataclass(frozen=True)
class Partner:
    """An external organisation that does work for a department (for example waste collection)."""

    name: str
    contact: str | None
    role: str | None


@dataclass(frozen=True)
class Department:
    """A department that owns pages: it keeps them correct and reviewed."""

    id: str
    name: str
    contact: str | None
    feedback: str | None
    reviewers: tuple[str, ...]
    head: str | None
    partner: Partner | None
    line: int
    # The name on English pages (`naam_en`); without it English pages show the Dutch name, marked as Dutch.
    name_en: str | None = None

    def name_in(self, lang: str) -> str:
        """The department's name in a language: English when the statute gives it, else Dutch."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def name_lang(self, lang: str) -> str:
        """The language the name of `name_in(lang)` is written in (for a `lang` attribute)."""
        return "en" if lang == "en" and self.name_en else "nl"

    @property
    def feedback_address(self) -> str | None:
        """Where visitor feedback goes: the feedback mailbox, else the contact mailbox."""
        return self.feedback or self.contact


@dataclass(frozen=True)
class Role:
    """A role from the statute and what it is responsible for."""

    id: str
    name: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A part of the site (a folder or one page, relative to the language folder)."""

    path: str
    owner: str
    review_cycle_months: int | None
    english_required: bool
    line: int
    # The line of `engels_verplicht`, so a missing Dutch folder points there.
    english_line: int = 0

    def contains(self, rel_path: str) -> bool:
        """Tell whether a page path (like `afval/grofvuil.md`) lies in this section."""
        if self.path.endswith("/"):
            return rel_path.startswith(self.path)
        return rel_path == self.path


@dataclass(frozen=True)
class Cycle:
    """A review cycle in months, and where it was set (for messages)."""

    months: int
    source_nl: str
    source_en: str


@dataclass(frozen=True)
class ContentType:
    """A kind of page with its own review cycle (news ages faster than a task page)."""

    id: str
    review_cycle_months: int


@dataclass(frozen=True)
class Statute:
    """The whole statute, validated."""

    file: str
    organisation: str
    website: str
    address_form: str
    default_review_cycle_months: int
    roles: tuple[Role, ...]
    departments: Mapping[str, Department]
    sections: tuple[Section, ...]
    content_types: Mapping[str, ContentType]
    # What the families' policy sections hold, by top-level key (validated at load).
    policies: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_settings: Mapping[str, Any] = field(default_factory=dict)
    # The organisation's phone number (`organisatie.telefoon`), "" when the statute has none.
    phone: str = ""

    def section_for(self, rel_path: str) -> Section | None:
        """Return the most specific section that contains a page path."""
        best: Section | None = None
        for section in self.sections:
            if section.contains(rel_path) and (best is None or len(section.path) > len(best.path)):
                best = section
        return best

    def review_cycle_months(
        self, rel_path: str, content_type: str | None = None, page_months: int | None = None
    ) -> int:
        """The review cycle for a page: content type, else the page's own, else section, else default."""
        return self.review_cycle(rel_path, content_type, page_months).months

    def review_cycle(self, rel_path: str, content_type: str | None = None, page_months: int | None = None) -> Cycle:
        """The review cycle for a page and where it comes from, so a message can say why.

        A content type wins over the page's own `review_cycle_months`: news ages
        the same way on every page, whatever an editor set once.
        """
        if content_type and content_type in self.content_types:
            months = self.content_types[content_type].review_cycle_months
            return Cycle(months, f"soort pagina '{content_type}'", f"page type '{content_type}'")
        if page_months:
            return Cycle(page_months, "'review_cycle_months' van de pagina", "the page's 'review_cycle_months'")
        section = self.section_for(rel_path)
        if section and section.review_cycle_months:
            return Cycle(section.review_cycle_months, f"sectie {section.path}", f"section {section.path}")
        return Cycle(self.default_review_cycle_months, "standaard uit het redactiestatuut", "the statute's default")


def _positive_months(value: int) -> str | None:
    if value <= 0:
        return "Een reviewcyclus is een aantal maanden groter dan 0."
    if value > 60:
        return "Een reviewcyclus is hoogstens 60 maanden (5 jaar)."
    return None


def _identifier(value: str) -> str | None:
    if not _ID.match(value):
        return "Een id bestaat uit kleine letters, cijfers en streepjes, en begint met een letter."
    return None


def _email(value: str) -> str | None:
    if not _EMAIL.match(value):
        return "Dit is geen geldig e-mailadres."
    return None


def _reviewers(value: list[Any]) -> str | None:
    bad = [str(v) for v in value if not isinstance(v, str) or not _REVIEWER.match(v)]
    if bad:
        return (
            f"Een reviewer is een GitHub- of GitLab-naam met @ ervoor (@gemeente-diemen/afval) "
            f"of een e-mailadres; dit klopt niet: {', '.join(bad)}."
        )
    return None


def _section_path(value: str) -> str | None:
    if not _SECTION_PATH.match(value):
        return (
            "Een sectie is een map die eindigt op '/' (afval/) of één pagina die eindigt "
            "op '.md' (index.md), zonder 'content/nl/' ervoor."
        )
    return None


def _read_departments(top: MapReader, problems: Problems) -> dict[str, Department]:
    departments: dict[str, Department] = {}
    for index, line, node in top.items("afdelingen", required=True):
        reader = MapReader(node, f"afdelingen[{index}]", problems, line)
        dep_id = reader.get("id", str, required=True, example="afval", check=_identifier)
        name = reader.get("naam", str, required=True, example="Afval en reiniging")
        name_en = reader.get("naam_en", str, example="Waste and cleaning")
        contact = reader.get("contact", str, example="afval@diemen.nl", check=_email)
        feedback = reader.get("feedback", str, example="afval@diemen.nl", check=_email)
        reviewers = reader.get("reviewers", list, default=[], example='["@diemen/afval"]', check=_reviewers) or []
        head = reader.get("hoofd", str, example="Hoofd Afval")
        partner: Partner | None = None
        partner_node = reader.get("partner", dict, example="{naam: ..., contact: ...}")
        if partner_node is not None:
            p = MapReader(partner_node, reader.sub("partner"), problems, reader.line_of("partner"))
            p_name = p.get("naam", str, required=True, example="Afvalinzamelaar")
            p_contact = p.get("contact", str, check=_email, example="info@example.nl")
            p_role = p.get("rol", str, example="haalt grofvuil op")
            p.finish()
            if p_name:
                partner = Partner(p_name, p_contact, p_role)
        reader.finish()
        if not dep_id or not name:
            continue
        if dep_id in departments:
            problems.add(
                ConfigCode.DUPLICATE_ID,
                reader.line_of("id"),
                reader.sub("id"),
                f"De afdeling '{dep_id}' staat er al (regel {departments[dep_id].line}).",
                f"Department '{dep_id}' is already defined (line {departments[dep_id].line}).",
                "een id die nog niet gebruikt is",
            )
            continue
        departments[dep_id] = Department(
            dep_id,
            name,
            contact,
            feedback,
            tuple(str(r) for r in reviewers),
            head,
            partner,
            reader.line_of("id"),
            name_en or None,
        )
    return departments


def _read_sections(top: MapReader, problems: Problems, departments: Mapping[str, Department]) -> list[Section]:
    sections: list[Section] = []
    for index, line, node in top.items("secties", required=True):
        reader = MapReader(node, f"secties[{index}]", problems, line)
        path = reader.get("pad", str, required=True, example="afval/", check=_section_path)
        owner = reader.get("eigenaar", str, required=True, example="afval")
        cycle = reader.get("reviewcyclus_maanden", int, example="12", check=_positive_months)
        english = reader.get("engels_verplicht", bool, default=False, example="true")
        reader.finish()
        if owner is not None and owner not in departments:
            problems.add(
                ConfigCode.UNDEFINED_REFERENCE,
                reader.line_of("eigenaar"),
                reader.sub("eigenaar"),
                f"De afdeling '{owner}' staat niet bij 'afdelingen'.",
                f"Department '{owner}' is not defined under 'afdelingen'.",
                "een id uit 'afdelingen': " + ", ".join(sorted(departments)),
            )
            continue
        if path and owner:
            english_line = reader.line_of("engels_verplicht") if english else line
            sections.append(Section(path, owner, cycle, bool(english), line, english_line))
    _check_section_overlap(sections, problems)
    return sections


def _check_section_overlap(sections: list[Section], problems: Problems) -> None:
    """Two sections may not claim the same pages for different owners."""
    for i, first in enumerate(sections):
        for second in sections[i + 1 :]:
            if first.path == second.path:
                problems.add(
                    ConfigCode.DUPLICATE_ID,
                    second.line,
                    f"secties (pad {second.path})",
                    f"De sectie '{second.path}' staat er al (regel {first.line}).",
                    f"Section '{second.path}' is already defined (line {first.line}).",
                    "elke sectie één keer",
                )
            elif first.owner != second.owner and (
                first.contains(second.path.rstrip("/") + "/x.md")
                or second.contains(first.path.rstrip("/") + "/x.md")
                or first.contains(second.path)
                or second.contains(first.path)
            ):
                outer, inner = (first, second) if len(first.path) < len(second.path) else (second, first)
                problems.add(
                    ConfigCode.CONFLICT,
                    inner.line,
                    f"secties (pad {inner.path})",
                    f"De sectie '{inner.path}' ({inner.owner}) ligt in de sectie "
                    f"'{outer.path}' ({outer.owner}, regel {outer.line}). Een pagina kan maar "
                    "één eigenaar hebben.",
                    f"Section '{inner.path}' ({inner.owner}) lies inside section "
                    f"'{outer.path}' ({outer.owner}, line {outer.line}).",
                    "secties die elkaar niet overlappen, of dezelfde eigenaar",
                )


def _read_policy(top: MapReader, problems: Problems, section: PolicySection) -> dict[str, Any]:
    values: dict[str, Any] = {}
    node = top.get(section.key, dict, example=section.example)
    if node is None:
        return values
    reader = MapReader(node, section.key, problems, top.line_of(section.key))
    for name, example in section.texts.items():
        text = reader.get(name, str, example=example)
        if text is not None:
            values[name] = text
    for name, declared in section.numbers.items():

        def whole_in_range(v: int, declared: PolicyKey = declared) -> str | None:
            if declared.low <= v <= declared.high:
                return None
            return f"De {declared.meaning} moet tussen {declared.low:g} en {declared.high:g} liggen."

        number = reader.get(name, int, example=f"{declared.default:g}", check=whole_in_range)
        if number is not None:
            values[name] = number
    for name, options in section.choices.items():

        def one_of(v: str, options: tuple[str, ...] = options) -> str | None:
            return None if v in options else f"Kies een van: {', '.join(options)}."

        chosen = reader.get(name, str, example=options[0], check=one_of)
        if chosen is not None:
            values[name] = chosen
    for lang, keys in section.per_language.items():
        first = next(iter(keys), "")
        lang_node = reader.get(lang, dict, example=f"{{{first}: {keys[first].default:g}}}" if first else "{}")
        if lang_node is None:
            continue
        lang_reader = MapReader(lang_node, reader.sub(lang), problems, reader.line_of(lang))
        thresholds: dict[str, float] = {}
        for key, declared in keys.items():

            def in_range(v: float, declared: PolicyKey = declared) -> str | None:
                if declared.low <= v <= declared.high:
                    return None
                return f"De {declared.meaning} moet tussen {declared.low:g} en {declared.high:g} liggen."

            value = lang_reader.get(key, float, example=f"{declared.default:g}", check=in_range)
            if value is not None:
                thresholds[key] = value
        lang_reader.finish()
        values[lang] = thresholds
    for name, spec in section.lists.items():
        values[name] = _read_policy_list(reader, problems, name, spec)
    reader.finish()
    return values


def _read_policy_list(reader: MapReader, problems: Problems, name: str, spec: PolicyList) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for index, line, node in reader.items(name):
        item = MapReader(node, f"{reader.sub(name)}[{index}]", problems, line)
        values: dict[str, str] = {}
        for field_name, example in spec.fields.items():
            check = spec.check if field_name == spec.key else None
            value = item.get(field_name, str, required=True, example=example, check=check)
            if isinstance(value, str) and not value.strip():
                problems.add(
                    ConfigCode.INVALID_VALUE,
                    item.line_of(field_name),
                    item.sub(field_name),
                    f"'{field_name}' is leeg. Schrijf de {spec.meaning} erbij.",
                    f"'{field_name}' is empty.",
                    "",
                    f"{field_name}: {example}",
                )
                value = None
            if value is not None:
                values[field_name] = value.strip()
        item.finish()
        if len(values) != len(spec.fields):
            continue
        key = values[spec.key].lower()
        if key in seen:
            problems.add(
                ConfigCode.DUPLICATE_ID,
                item.line_of(spec.key),
                item.sub(spec.key),
                f"'{values[spec.key]}' staat er al (regel {seen[key]}).",
                f"'{values[spec.key]}' is already listed (line {seen[key]}).",
                "elke waarde één keer",
            )
            continue
        seen[key] = item.line_of(spec.key)
        entries.append(values)
    return entries


def _read_rule_settings(top: MapReader, problems: Problems, known_rules: Collection[str] | None) -> dict[str, Any]:
    node = top.get("regels", dict, default={}, example="{long-sentence: warning}") or {}
    settings: dict[str, Any] = {}
    for key, value in node.items():
        line = top.line_of("regels")
        try:
            line = int(node.lc.key(key)[0]) + 1  # type: ignore[attr-defined]
        except (AttributeError, KeyError, TypeError):
            pass
        if known_rules is not None and str(key) not in known_rules:
            problems.add(
                ConfigCode.UNDEFINED_REFERENCE,
                line,
                f"regels.{key}",
                f"De regel '{key}' bestaat niet.",
                f"There is no rule '{key}'.",
                "een code (B1001) of naam (long-sentence) uit 'webredactie rules'",
            )
            continue
        if value is False or value in LEVELS:
            settings[str(key)] = value
        else:
            problems.add(
                ConfigCode.INVALID_VALUE,
                line,
                f"regels.{key}",
                f"Een regel staat uit (false) of heeft een niveau; er staat {value!r}.",
                f"A rule is off (false) or has a level; found {value!r}.",
                "false, suggestion, warning of error",
                f"{key}: warning",
            )
    return settings


def _check_english_targets(sections: list[Section], content_root: Path, problems: Problems) -> None:
    """A section that must exist in English must exist in Dutch first.

    Otherwise the promise is empty: no page is ever required, and a typo in
    the folder name (`afvall/`) goes unnoticed for years.
    """
    dutch = content_root / "nl"
    if not dutch.is_dir():
        return
    for section in sections:
        if not section.english_required:
            continue
        target = dutch / section.path
        exists = target.is_dir() if section.path.endswith("/") else target.is_file()
        if exists:
            continue
        kind_nl, kind_en = ("map", "folder") if section.path.endswith("/") else ("pagina", "page")
        shown = display_path(target) + ("/" if section.path.endswith("/") else "")
        problems.add(
            ConfigCode.UNDEFINED_REFERENCE,
            section.english_line or section.line,
            f"secties (pad {section.path}).engels_verplicht",
            f"De sectie '{section.path}' moet in het Engels bestaan, maar de {kind_nl} {shown} "
            "bestaat niet. Dan is geen enkele pagina verplicht.",
            f"Section '{section.path}' must exist in English, but the {kind_en} {shown} does not exist.",
            "het pad van een map of pagina die in content/nl/ bestaat",
            "pad: afval/",
        )


def load_statute(
    path: Path,
    known_rules: Collection[str] | None = None,
    content_root: Path | None = None,
    policies: Sequence[PolicySection] = (),
) -> Statute:
    """Load and validate the statute; raise `ConfigError` with every problem found.

    `policies` are the parts the families declare (see `linters.registry.POLICIES`);
    a top-level key that no family declares is reported as unknown.

    With `content_root`, the sections that must exist in English are also
    checked against the Dutch folders that really exist.
    """
    shown = display_path(path)
    problems = Problems(shown)
    if not path.is_file():
        problems.add(
            ConfigCode.FILE_MISSING,
            1,
            "(bestand)",
            f"Het redactiestatuut '{shown}' bestaat niet.",
            f"The statute '{shown}' does not exist.",
            "een bestand redactiestatuut.yml in de hoofdmap van het project",
        )
        problems.raise_if_any()
    try:
        data = make_yaml().load(path.read_text(encoding="utf-8-sig"))
    except MarkedYAMLError as err:
        offset, reason = yaml_error_position(err)
        problems.add(
            ConfigCode.YAML_SYNTAX,
            offset + 1,
            "(bestand)",
            f"De YAML klopt niet ({reason}).",
            f"The YAML does not parse ({reason}).",
            "geldige YAML; let op inspringen en dubbele punten",
        )
        raise ConfigError(problems.items) from None
    except (YAMLError, UnicodeDecodeError, ValueError) as err:
        problems.add(
            ConfigCode.YAML_SYNTAX,
            1,
            "(bestand)",
            f"Het bestand is niet te lezen: {err}.",
            f"The file cannot be read: {err}.",
        )
        raise ConfigError(problems.items) from None

    top = MapReader(data, "", problems)
    top.get("versie", int, required=True, example="1", check=lambda v: None if v == 1 else "Alleen versie 1 bestaat.")
    org_node = top.get("organisatie", dict, required=True, example="{naam: Gemeente Diemen}")
    organisation, website, phone = "", "", ""
    if org_node is not None:
        org = MapReader(org_node, "organisatie", problems, top.line_of("organisatie"))
        organisation = org.get("naam", str, required=True, example="Gemeente Diemen") or ""
        website = org.get("website", str, example="https://www.diemen.nl") or ""
        phone = org.get("telefoon", str, example="14 020") or ""
        org.get("adres", str, example="Wilhelminaplantsoen 1, Diemen")
        org.finish()
    address_form = (
        top.get(
            "aanspreekvorm",
            str,
            default="u",
            example="u",
            check=lambda v: None if v in ADDRESS_FORMS else "De aanspreekvorm is 'u' of 'je'.",
        )
        or "u"
    )
    default_cycle = top.get("reviewcyclus_maanden", int, default=12, example="12", check=_positive_months) or 12

    roles: list[Role] = []
    for index, line, node in top.items("rollen"):
        reader = MapReader(node, f"rollen[{index}]", problems, line)
        role_id = reader.get("id", str, required=True, example="webredactie", check=_identifier)
        role_name = reader.get("naam", str, required=True, example="Webredactie")
        tasks = reader.get("taken", list, default=[], example="[taalniveau B1]") or []
        reader.finish()
        if role_id and role_name:
            roles.append(Role(role_id, role_name, tuple(str(t) for t in tasks)))

    departments = _read_departments(top, problems)

    content_types: dict[str, ContentType] = {}
    for index, line, node in top.items("inhoudstypen"):
        reader = MapReader(node, f"inhoudstypen[{index}]", problems, line)
        type_id = reader.get("id", str, required=True, example="nieuws", check=_identifier)
        cycle = reader.get("reviewcyclus_maanden", int, required=True, example="6", check=_positive_months)
        reader.finish()
        if type_id and cycle:
            content_types[type_id] = ContentType(type_id, cycle)

    sections = _read_sections(top, problems, departments)
    if content_root is not None:
        _check_english_targets(sections, content_root, problems)
    policy_values = {section.key: _read_policy(top, problems, section) for section in policies}
    rule_settings = _read_rule_settings(top, problems, known_rules)
    top.finish()
    problems.raise_if_any()
    return Statute(
        file=shown,
        organisation=organisation,
        website=website,
        address_form=address_form,
        default_review_cycle_months=default_cycle,
        roles=tuple(roles),
        departments=departments,
        sections=tuple(sections),
        content_types=content_types,
        policies=policy_values,
        rule_settings=rule_settings,
        phone=phone,
    )
