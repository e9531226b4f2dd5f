"""Reports from Jinja2 templates shipped inside the package: one environment for every family.

A template is named by its package and file, `linters.wcag:onderzoek.html`,
and lives in that package's `templates/` folder. So a family keeps its
templates beside its code, core knows no family, and `pip install .` ships
them as package data.

Every value a template prints is escaped for what the template writes:

- HTML (`.html`): autoescaped, so a page title with `<script>` in it stays
  text. Escaped as Python's `html.escape` does (`&#x27;` where markupsafe
  writes `&#39;`): the reports escaped that way before they were templates,
  and the golden files stay the same byte for byte. The `join` filter
  escapes the same way; `~` does not (it uses markupsafe), so HTML templates
  print values one by one instead of concatenating them.
- Markdown (`.md`): `<` becomes `&lt;`, so a value cannot open raw HTML in
  a page MkDocs builds; the rest stays readable in the source.
- Text (`.txt`): nothing, since a plain-text e-mail would show `&amp;`.

StrictUndefined makes a misspelt name stop the render instead of printing
nothing.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateNotFound,
    pass_context,
    pass_eval_context,
    select_autoescape,
)
from jinja2.nodes import EvalContext
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


def _escape(value: object) -> Markup:
    if hasattr(value, "__html__"):
        return Markup(value)
    return Markup(html.escape(str(value), quote=True))


@pass_context
def _finalize(context: Context, value: object) -> object:
    if context.eval_ctx.autoescape:
        return _escape(value)
    if context.name is not None and context.name.endswith(".md"):
        return str(value).replace("<", "&lt;")
    return value


@pass_eval_context
def _join(context: EvalContext, items: Iterable[object], separator: str = "") -> str:
    """Jinja's `join` without its `attribute`, escaping as `_finalize` does."""
    if context.autoescape:
        return _escape(separator).join(_escape(item) for item in items)
    return separator.join(str(item) for item in items)


@functools.cache
def environment() -> Environment:
    """The one environment: autoescape for HTML, strict names, whitespace as the template writes it."""
    env = Environment(
        loader=_PackageLoader(),
        autoescape=select_autoescape(enabled_extensions=("html", "svg", "xml"), default_for_string=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["join"] = _join
    return env


def render(package: str, name: str, /, **data: Any) -> str:
    """Render `name` from `package`'s templates with `data`."""
    return environment().get_template(f"{package}:{name}").render(**data)
