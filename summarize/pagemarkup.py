"""The vocabulary of news-page markup, as data: which elements are blocks, which are
page furniture rather than the story, and which markup dates the page.

The code that uses it is elsewhere (``pagetree.py`` parses, ``pagecleaning.py``
removes furniture, ``pagedates.py`` dates the page); a site that names its
furniture differently is one more token here, not a change there.
"""

from __future__ import annotations

# Elements a browser lays out as blocks: text on either side of one is not one line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})

# Elements that have no end tag.
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})
