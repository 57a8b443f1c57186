"""The PDF format: the briefing's web page printed by headless Chromium.

The PDF is the HTML format as the browser prints it, by the page's own print
stylesheet (templates/page.css, ``@media print``), so the page and the report
people attach to an email never drift apart. Chromium is Debian's (or $CHROMIUM),
driven over its DevTools pipe (``chromium.py``); one browser per document, closed
at once, with scripts off and the page's Content-Security-Policy forbidding every
load. ``BrowserError`` when it is missing or fails.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import BrowserError
from .chromium import Chromium


def html_to_pdf(html: str, *, timeout: float = 60.0) -> bytes:
    """``html`` (a whole page, loading nothing) printed to PDF."""
    with tempfile.TemporaryDirectory(prefix="summarize-pdf-") as directory:
        page = Path(directory) / "briefing.html"
        page.write_text(html, encoding="utf-8")
        with Chromium(timeout=timeout) as browser:
            pdf = browser.print_pdf(page)
    if not pdf.startswith(b"%PDF-"):
        raise BrowserError("chromium printed something that is not a PDF")
    return pdf
