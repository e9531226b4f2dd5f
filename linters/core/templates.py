"""Reports from Jinja2 templates shipped inside the package: one environment for every family.

A template is named by its package and file, `linters.wcag:onderzoek.html`,
and lives in that package's `templates/` folder. So a family keeps its
templates beside its code, core knows no family, and `pip install .` ships
them as package data.

Every value a template prints is escaped for what the template writes:

- HTML (`.html`): autoescaped, so a page title with `<script>` in it stays
  text. The output spells escaped quotes as Python's `html.escape` does
  (`&#x27;` where markupsafe writes `&#39;`): the reports escaped that way
  before they were templates, so the golden files stay the same. Only
  `render` does that: markup that a template gets from elsewhere (a
  rendered piece, an SVG drawing) is the caller's to write that way.
- Markdown (`.md`): `<` becomes `&lt;`, so a value cannot open raw HTML in
  a page MkDocs builds; the rest stays readable in the source.
- Text (`.txt`): nothing, since a plain-text e-mail would show `&amp;`.

StrictUndefined makes a misspelt name stop the render instead of printing
nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    Template,
    TemplateNotFound,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

__all__ = ["Markup", "render", "resource_text"]

_FOLDER = "templates"


def resource_text(package: str, name: str) -> str:
    """A file from a package's `templates/` folder, such as a style sheet to inline."""
    return (resources.files(package) / _FOLDER / name).read_text(encoding="utf-8")


class _PackageLoader(BaseLoader):
    """Finds `package:file` in the package's `templates/` folder, wherever the package is installed."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        package, sep, name = template.partition(":")
        if not sep or not package or not name:
            raise TemplateNotFound(template)
        try:
            source = resource_text(package, name)
        except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as err:
            raise TemplateNotFound(template) from err
        # Shipped templates do not change while the program runs.
        return source, f"{package.replace('.', '/')}/{_FOLDER}/{name}", lambda: True


@pass_context
def _finalize(context: Context, value: object) -> object:
    if context.name is not None and context.name.endswith(".md"):
        return str(value).replace("<", "&lt;")
    return value


def _as_html_escape(text: str) -> str:
    """Spell the character references markupsafe writes as Python's `html.escape` does."""
    # A literal "&#39;" in a value was escaped to "&amp;#39;", so only escaped quotes match.
    return text.replace("&#39;", "&#x27;").replace("&#34;", "&quot;")


_AUTOESCAPE = select_autoescape(enabled_extensions=("html", "svg", "xml"), default_for_string=True)


@functools.cache
def environment() -> Environment:
    """The one environment: autoescape for HTML, strict names, whitespace as the template writes it."""
    return Environment(
        loader=_PackageLoader(),
        autoescape=_AUTOESCAPE,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def _render(template: Template, data: dict[str, Any]) -> str:
    text = template.render(**data)
    return _as_html_escape(text) if _AUTOESCAPE(template.name) else text


def render(package: str, name: str, /, **data: Any) -> str:
    """Render `name` from `package`'s templates with `data`."""
    return _render(environment().get_template(f"{package}:{name}"), data)


def render_source(source: str, name: str, /, **data: Any) -> str:
    """Render template text as if it were the shipped template `name`: its extension decides the escaping."""
    env = environment()
    code = env.compile(source, name=name, filename=name)
    return _render(env.template_class.from_code(env, code, env.make_globals(None)), data)
