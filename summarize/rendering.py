"""Stage 6: render a ``Briefing`` as HTML, email HTML, Markdown or JSON.

Python builds one plain context (``briefing_context``) and the Jinja2 templates in
``templates/`` only format it; the same context is documented in the README for
users' own templates. JSON is serialized from that context directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from . import __version__, timex
from .errors import TemplateError
from .models import Briefing

FORMATS = ("html", "email", "markdown", "json")

# Template file and whether its output is HTML (and so autoescaped).
TEMPLATES = {
    "html": ("page.html.j2", True),
    "email": ("email.html.j2", True),
    "markdown": ("briefing.md.j2", False),
}

# How each Article.date_source reads beside the date ("Mon 23 Jun 2014, from the page metadata").
DATE_SOURCE_LABELS = {
    "--date": "given with --date",
    "jsonl": "given in the corpus",
    "metadata": "from the page metadata",
    "url": "from the page address",
    "dateline": "from the dateline",
    None: "date unknown",
}

FILE_EXTENSIONS = {"html": "html", "email": "html", "markdown": "md", "json": "json"}


def template_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout."""
    installed = Path(__file__).resolve().parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "templates"


def render(briefing: Briefing, format: str = "html") -> str:
    """Render ``briefing`` in ``format`` (one of ``FORMATS``)."""
    context = briefing_context(briefing)
    if format == "json":
        return json.dumps(json_document(context), indent=2, ensure_ascii=False) + "\n"
    if format not in TEMPLATES:
        raise TemplateError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    name, is_html = TEMPLATES[format]
    environment = _environment(is_html)
    text = environment.get_template(name).render(**context)
    if format == "email":
        text = _inline_css(text)
    return text


def briefing_context(briefing: Briefing) -> dict[str, Any]:
    """The plain data every template receives (documented in the README)."""
    articles = [
        {
            "source": item.article.source,
            "title": item.article.title,
            "date": item.article.date.isoformat() if item.article.date else None,
            "date_label": item.article.date.strftime("%a %-d %b %Y") if item.article.date else None,
            "date_source": item.article.date_source,
            "date_source_label": DATE_SOURCE_LABELS.get(item.article.date_source, item.article.date_source),
            "summary": item.summary.text,
            "summary_method": item.summary.method,
        }
        for item in briefing.articles
    ]
    events = [
        {
            "value": event.value,
            "mod": event.mod,
            "extent": event.extent,
            "exact": event.exact,
            "label": event.label,
            "headline": event.headline,
            "sentence": event.sentence,
            "start": event.start,
            "end": event.end,
            "time_text": event.time.text,
            "source": event.sources[0],
            "sources": list(event.sources),
            # Other dates given for the same happening by other articles (merging.py).
            "conflicts": [{"value": value, "label": timex.describe(value)} for value in event.conflicts],
        }
        for event in briefing.timeline.events
    ]
    titles = [a["title"] for a in articles if a["title"]]
    return {
        "title": titles[0] if len(articles) == 1 and titles else "Briefing",
        "articles": articles,
        "events": events,
        "anchored": briefing.timeline.anchored,
        "notes": list(briefing.notes),
        "generator": f"summarize {__version__}",
    }


def json_document(context: dict[str, Any]) -> dict[str, Any]:
    """The documented JSON schema: articles and events in timeline order."""
    return {
        "articles": context["articles"],
        "events": context["events"],
        "anchored": context["anchored"],
        "notes": context["notes"],
    }


def _environment(autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir()),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _inline_css(html: str) -> str:
    """Move the <style> rules onto the elements, as email clients drop <style>."""
    import css_inline

    return css_inline.inline_fragment(html, (template_dir() / "email.css").read_text(encoding="utf-8"))
