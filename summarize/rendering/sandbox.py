"""The Jinja2 environment every template renders in, and what a template error reads like.

Escaping is the environment's job, never the template author's: HTML formats are
autoescaped (``_html_finalize`` also escapes template braces and drops control
characters), and Markdown output escapes every value it prints (``_markdown_escape``),
so article text that looks like markup or template code always comes out as text.
A template is data: it renders in Jinja2's immutable sandbox, and any problem with
it is one ``TemplateError`` line naming the template and the line (``_guard``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
import markupsafe

from ..errors import TemplateError


def template_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout."""
    package = Path(__file__).resolve().parent.parent  # summarize/
    installed = package / "templates"
    if installed.is_dir():
        return installed
    return package.parent / "templates"


def _environment(directory: Path, escaping: str) -> jinja2.Environment:
    # A user's template directory comes first; the built-in templates stay reachable,
    # so a user's template can {% extends "page.html.j2" %} or include "page.css".
    loaders = [jinja2.FileSystemLoader(directory)]
    if directory != template_dir():
        loaders.append(jinja2.FileSystemLoader(template_dir()))
    # Every template renders in Jinja2's immutable sandbox, the built-in ones too, so
    # one rendering path serves both: a template is data, and
    # {{ cycler.__init__.__globals__.os.popen("id").read() }} must not run a command
    # (it is a SecurityError, reported as a one-line template error), nor may a
    # template change the briefing it formats.
    environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=escaping == "html",
        finalize={"html": _html_finalize, "markdown": _markdown_escape}.get(escaping),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = yaml_scalar
    return environment


# Control characters are invalid in HTML and invisible anyway (a stray one in wire
# copy should not make the output invalid).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _html_finalize(value: Any) -> Any:
    """Escape for HTML, and also the braces of template syntax.

    The output is pasted into newsletter tools and static-site generators that run
    their own template languages ({{ }}, {% %}); braces as character references
    look the same to a reader but are never template code downstream.
    """
    if value is None or isinstance(value, markupsafe.Markup):
        return "" if value is None else value
    escaped = str(markupsafe.escape(_CONTROL_CHARACTERS.sub("", str(value))))
    return markupsafe.Markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


# Characters that mean something to CommonMark/GFM (GitHub also reads $...$ as math)
# or to Liquid and Jinja downstream, anywhere in a line: backslash-escaped, they are
# shown as themselves.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}!$])")
# What only means something at the start of a line: headings, quotes, lists, rules.
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-])")
_MARKDOWN_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])")


def _markdown_escape(value: Any) -> str:
    """A value as Markdown text: one line, every markup character escaped.

    Raw HTML ("<script>") would pass straight through a CommonMark renderer, and
    "*", "_", "[" would turn article text into emphasis and links, so they are
    backslash-escaped; a line break inside a value would let it start a block of
    its own, so whitespace runs become one space.
    """
    if value is None:
        return ""
    if isinstance(value, markupsafe.Markup):  # trusted markup from the template itself
        return str(value)
    text = " ".join(_CONTROL_CHARACTERS.sub("", str(value)).split())
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    # Liquid and Jinja see "{%" and "{#" even after a backslash: split those pairs too.
    text = text.replace("\\{%", "\\{\\%").replace("\\{#", "\\{\\#")
    text = _MARKDOWN_LINE_START.sub(r"\1\\\2", text)
    return _MARKDOWN_ORDERED_ITEM.sub(r"\1\\\2", text)


def yaml_scalar(value: Any) -> str:
    """A value as a YAML scalar: JSON strings, numbers, booleans and null are YAML."""
    return markupsafe.Markup(json.dumps(value, ensure_ascii=False))


def _render_template(
    environment: jinja2.Environment, name: str, context: dict[str, Any], shown_name: str | None = None
) -> str:
    return _guard(lambda: environment.get_template(name).render(**context), environment, name, shown_name or name)


def _guard(action: Callable[[], Any], environment: jinja2.Environment, name: str, shown_name: str) -> Any:
    """Run a template action, turning any problem into one line naming template and line."""
    try:
        return action()
    except jinja2.TemplateSyntaxError as error:
        # error.name is the template the syntax error is in (maybe an included one).
        where = shown_name if error.name in (None, name) else error.name
        raise TemplateError(f"{where}, line {error.lineno}: {_one_line(error.message or str(error))}") from None
    except jinja2.TemplateNotFound as error:  # an {% include %} or {% extends %} of a missing file
        raise TemplateError(
            f"{_where(error, environment, name, shown_name)}: template {error.name!r} not found"
        ) from None
    except jinja2.TemplateError as error:  # undefined variables, errors raised in the template
        raise TemplateError(
            f"{_where(error, environment, name, shown_name)}: {_one_line(error.message or str(error))}"
        ) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, LookupError, OSError) as error:
        # Errors of the template's own expressions ({{ 1 / 0 }}, {{ title + 1 }}) or
        # of reading it (not UTF-8, unreadable).
        raise TemplateError(
            f"{_where(error, environment, name, shown_name)}: {type(error).__name__}: {_one_line(str(error))}"
        ) from None


def _where(error: BaseException, environment: jinja2.Environment, name: str, shown_name: str) -> str:
    line = _template_line(error.__traceback__, environment, name)
    return f"{shown_name}, line {line}" if line else shown_name


def _template_line(traceback: Any, environment: jinja2.Environment, name: str) -> int | None:
    """The template line an error was raised at: Jinja2 rewrites tracebacks so that
    template frames carry the template's file name and line number."""
    loaders = getattr(environment.loader, "loaders", [environment.loader])
    paths = {str(Path(p, name)) for loader in loaders for p in getattr(loader, "searchpath", [])}
    line = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename in paths or filename.endswith(("/" + name, "<template>")):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
