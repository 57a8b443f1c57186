"""Stage 8: render a ``Briefing`` as a web page, an email, text, Markdown, JSON or PDF.

Python builds one plain context (``briefing_context``) and the Jinja2 templates in
``templates/`` only format it; the same context is documented in the README for
users' own templates (``--template``). JSON and TimelineJS JSON are serialized from
that context directly.

Escaping is the environment's job, never the template author's: HTML formats are
autoescaped, and Markdown output escapes every value it prints (``_markdown_escape``),
so article text that looks like markup or template code always comes out as text.

The files, in the order a briefing goes through them:

- ``formats.py``: the formats and their file names, ``render`` and ``render_bytes``,
  users' templates (``check_template``, ``format_for_template``), the email's CSS
  moved onto its elements;
- ``context.py``: ``briefing_context``, the plain data every template receives, with
  each date's precision and ``<time datetime>`` form;
- ``sandbox.py``: the sandboxed Jinja2 environment, HTML and Markdown escaping, the
  ``yaml`` filter, and template errors as one line;
- ``documents.py``: the JSON and TimelineJS documents, and TimelineJS dates;
- ``pdf.py``: the web page printed to PDF by headless Chromium, which ``chromium.py``
  drives over its DevTools pipe;
- ``briefing_json.py``: a briefing read back from its JSON format (the desk stores it).
"""

from .context import briefing_context
from .formats import (
    ALL_FORMATS,
    BINARY_FORMATS,
    FILE_EXTENSIONS,
    FORMATS,
    check_template,
    format_for_template,
    render,
    render_bytes,
)
from .sandbox import template_dir

__all__ = [
    "ALL_FORMATS",
    "BINARY_FORMATS",
    "FILE_EXTENSIONS",
    "FORMATS",
    "briefing_context",
    "check_template",
    "format_for_template",
    "render",
    "render_bytes",
    "template_dir",
]
