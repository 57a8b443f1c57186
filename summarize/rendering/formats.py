"""The formats and how each is made: ``render`` (text) and ``render_bytes`` (any).

``html``, ``email``, ``text`` and ``markdown`` are Jinja2 templates (``templates/``,
or a user's own with ``--template``) rendered in the sandbox of ``sandbox.py``;
``json`` and ``timelinejs`` are documents serialized from the context directly
(``documents.py``); ``pdf`` is the web page printed by headless Chromium (``pdf.py``).
The email's CSS is moved onto its elements here, after its template has rendered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import TemplateError
from ..models import Briefing
from .context import briefing_context
from .documents import _script_safe, json_document, timelinejs_document
from .sandbox import _environment, _guard, _render_template, template_dir

# The text formats (``render``), and the binary ones (``render_bytes`` makes every format).
FORMATS = ("html", "email", "text", "markdown", "json", "timelinejs")
BINARY_FORMATS = ("pdf",)
ALL_FORMATS = FORMATS + BINARY_FORMATS


@dataclass(frozen=True)
class TemplateFormat:
    """A format made from a Jinja2 template, and how values are escaped in it."""

    template: str
    escaping: str  # "html", "markdown" or "none"


TEMPLATE_FORMATS = {
    "html": TemplateFormat("page.html.j2", "html"),
    "email": TemplateFormat("email.html.j2", "html"),
    "text": TemplateFormat("email.txt.j2", "none"),
    "markdown": TemplateFormat("briefing.md.j2", "markdown"),
}

# The file each format writes when several are written into one directory: the
# email fragment gets its own name so that html and email can be written together.
FILE_EXTENSIONS = {
    "html": "html",
    "email": "email.html",
    "text": "txt",
    "markdown": "md",
    "json": "json",
    "timelinejs": "timeline.json",
    "pdf": "pdf",
}

# How a user's template (--template) is escaped when no --format says so: by the
# file name, HTML unless it is clearly Markdown or text (escaping too much is safer).
_TEMPLATE_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}


def render(
    briefing: Briefing,
    format: str = "html",
    *,
    quotes: bool = False,
    front_matter: bool = False,
    template: str | Path | None = None,
) -> str:
    """Render ``briefing`` in ``format`` (one of ``FORMATS``).

    ``quotes`` adds each event's source sentence; ``front_matter`` adds YAML front
    matter to Markdown; ``template`` is the path of a user's Jinja2 template that
    replaces the built-in one of ``format`` (and gets the same context).
    Raises ``TemplateError`` for an unknown format or a broken template.
    """
    if format in BINARY_FORMATS:
        raise TemplateError(f"the {format} format is binary: make it with render_bytes")
    if format not in FORMATS:
        raise TemplateError(f"unknown format {format!r}; choose from {', '.join(ALL_FORMATS)}")
    context = briefing_context(briefing, quotes=quotes, front_matter=front_matter)
    if format in ("json", "timelinejs") and template is None:
        document = json_document(context) if format == "json" else timelinejs_document(context)
        return _script_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    escaping = TEMPLATE_FORMATS[format].escaping if format in TEMPLATE_FORMATS else "html"
    if template is None:
        text = _render_template(_environment(template_dir(), escaping), TEMPLATE_FORMATS[format].template, context)
    else:
        check_template(template, [format])
        path = Path(template)
        text = _render_template(_environment(path.parent, escaping), path.name, context, shown_name=str(template))
    if format == "email":
        text = _inline_css(text)
    return text


def render_bytes(
    briefing: Briefing,
    format: str = "html",
    *,
    quotes: bool = False,
    front_matter: bool = False,
    template: str | Path | None = None,
) -> bytes:
    """``briefing`` in any of ``ALL_FORMATS`` as bytes: a text format in UTF-8, and
    "pdf", the web page (``template`` or the built-in one) printed by headless
    Chromium (``pdf.py``; ``BrowserError`` without it)."""
    if format != "pdf":
        return render(briefing, format, quotes=quotes, front_matter=front_matter, template=template).encode("utf-8")
    from .pdf import html_to_pdf

    return html_to_pdf(render(briefing, "html", quotes=quotes, template=template))


def check_template(template: str | Path, formats: list[str]) -> None:
    """Raise ``TemplateError`` unless ``template`` can render ``formats``: one format that
    is made from a template, and a file that exists and parses."""
    if len(formats) != 1:
        raise TemplateError("--template renders one format: give --format once, not a list")
    if formats[0] not in TEMPLATE_FORMATS:
        raise TemplateError(
            f"--template cannot be used with --format {formats[0]}: "
            f"it replaces the template of {', '.join(TEMPLATE_FORMATS)}"
        )
    path = Path(template)
    if not path.is_file():
        raise TemplateError(f"{template}: no such template file")
    environment = _environment(path.parent, TEMPLATE_FORMATS[formats[0]].escaping)
    _guard(lambda: environment.get_template(path.name), environment, path.name, str(template))


def format_for_template(path: str | Path) -> str:
    """The format a user's template is rendered as when --format is not given."""
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() not in (".j2", ".jinja", ".jinja2")]
    return _TEMPLATE_SUFFIX_FORMATS.get(suffixes[-1] if suffixes else "", "html")


def _inline_css(html: str) -> str:
    """Move the email.css rules onto the elements, as many email clients drop <style>.

    The fragment's own <style> (the dark-mode media query, which cannot be inlined)
    is kept for the clients that honour it.
    """
    import css_inline

    css = (template_dir() / "email.css").read_text(encoding="utf-8")
    inlined = css_inline.inline_fragment(html, css, keep_style_tags=True, load_remote_stylesheets=False)
    # css-inline serializes the tree anew, which turns our brace references back into
    # braces; escape them again everywhere but in the CSS of <style> blocks.
    parts = _STYLE_BLOCK.split(inlined)
    return "".join(
        part if _STYLE_BLOCK.fullmatch(part) else part.replace("{", "&#123;").replace("}", "&#125;") for part in parts
    )


_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>.*?</style>)", re.DOTALL | re.IGNORECASE)
