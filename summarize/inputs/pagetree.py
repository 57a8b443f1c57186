"""An HTML page as an lxml tree, whatever its nesting.

libxml2, under lxml, stops building the tree at a depth of 255 elements (2047 with
``huge_tree``) and drops everything deeper, text included: a page of 10,000 nested
<div>s around its story parses to an empty body, and the story is "not there". So a
page whose parse reports that limit is parsed again from a copy flattened by the
standard library's tokenizer, which has no depth limit: elements deeper than
``MAX_DEPTH`` lose their tags and keep their text, a dropped block element leaving a
line break so that its paragraphs stay apart. Real pages nest a few dozen levels,
so only such pages pay for the second pass.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from ..errors import InputError
from .pagemarkup import BLOCK_TAGS, CODE_TAGS, VOID_TAGS

if TYPE_CHECKING:  # lxml is imported where a page is read, not with this module
    import lxml.html

# A page is read up to this much text, or this many elements: a news article is tens
# of KB of text, and the heaviest pages have some thousands of elements. Past it the
# rest of the page is cut (and the briefing says so): trafilatura's XPath queries
# ("//p//text()") grow with the square of a page's paragraphs in libxml2, and a
# 20 MB page of 130,000 paragraphs took 80 s.
MAX_PAGE_TEXT_CHARS = 2_000_000
MAX_PAGE_ELEMENTS = 50_000

# How deep the flattened copy nests: well inside libxml2's 255, and far deeper than
# any page's real structure.
MAX_DEPTH = 128

# The XML declaration that opens an XHTML page: <?xml version="1.0" encoding="utf-8"?>.
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*>")

# Elements whose start closes an open one of the same name (<li>a<li>b, <p>a<p>b):
# without this the tokenizer would count each as one level deeper.
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})


def parse_page(html: str, *, source: str) -> lxml.html.HtmlElement:
    """The lxml tree of ``html`` (text, already decoded), all of its text in it."""
    import lxml.etree
    import lxml.html

    # The text is decoded, so an XHTML page's XML declaration has said all it can;
    # left in, lxml refuses the string ("Unicode strings with encoding declaration
    # are not supported").
    html = _XML_DECLARATION.sub("", html, count=1)
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.fromstring(html, parser=parser)
        if _over_limit(parser, "buffer size"):
            # A text node over 10 MB (a page's inline script or JSON data) stops
            # libxml2 there, and the story after it is lost; its "huge" mode reads on
            # (and allows nesting to 2047, which the check below still sees).
            parser = lxml.html.HTMLParser(huge_tree=True)
            tree = lxml.html.fromstring(html, parser=parser)
        if _over_limit(parser, "depth"):
            parser = lxml.html.HTMLParser()
            tree = lxml.html.fromstring(flatten(html), parser=parser)
    except (ValueError, lxml.etree.ParserError) as error:
        raise InputError(f"{source}: not a readable HTML page ({error})") from None
    return tree


def _over_limit(parser: lxml.html.HTMLParser, limit: str) -> bool:
    # "Excessive depth in document: 256 use XML_PARSE_HUGE option", "Resource limit
    # exceeded: Buffer size limit exceeded, try XML_PARSE_HUGE"
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" and limit in entry.message.lower() for entry in parser.error_log)


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the tags of elements nested deeper than ``max_depth`` removed and
    their text kept; a removed block element leaves a <br>."""
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, kept) of every open element
        self.open_tags: Counter[str] = Counter()  # so an end tag's match is found in O(1)
        self.kept = 0

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID_TAGS:
            self.out.append(_start_tag(tag, attrs))
            return
        if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)
        keep = self.kept < self.max_depth
        self.stack.append((tag, keep))
        self.open_tags[tag] += 1
        if keep:
            self.kept += 1
            self.out.append(_start_tag(tag, attrs))
        elif tag in BLOCK_TAGS:
            self.out.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            return  # a stray end tag
        while self.stack:
            name, keep = self.stack.pop()
            self.open_tags[name] -= 1
            if keep:
                self.kept -= 1
                self.out.append(f"</{name}>")
            elif name in BLOCK_TAGS:
                self.out.append("<br>")
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        raw = self.stack and self.stack[-1][0] in ("script", "style")  # JSON-LD stays as written
        self.out.append(data if raw else htmllib.escape(data, quote=False))


def _start_tag(tag: str, attrs: list) -> str:
    written = "".join(f" {name}" if value is None else f' {name}="{htmllib.escape(value)}"' for name, value in attrs)
    return f"<{tag}{written}>"


def cut_page(
    tree: lxml.html.HtmlElement, max_chars: int = MAX_PAGE_TEXT_CHARS, max_elements: int = MAX_PAGE_ELEMENTS
) -> bool:
    """Cut ``tree`` after the element at which its text passes ``max_chars`` or its
    elements ``max_elements``, in document order: everything after that element
    goes (its following siblings and those of each of its ancestors). Whether
    anything was cut."""
    chars = 0
    for count, element in enumerate(tree.iter()):
        # A script's or a style's text is code, not reading: a page's 20 MB of inline
        # data must not cut off the story after it.
        own_text = element.text if element.tag not in CODE_TAGS else None
        chars += len(own_text or "") + len(element.tail or "")
        if chars > max_chars or count >= max_elements:
            break
    else:
        return False
    node = element
    while (parent := node.getparent()) is not None:
        for following in list(node.itersiblings()):
            parent.remove(following)
        node = parent
    return True
