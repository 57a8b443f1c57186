"""Web articles: fetch a URL, extract the main text, title and publication date.

Fetching is urllib through ``netguard``'s opener (public addresses only, checked
redirects, one deadline for the whole fetch) with a size limit, http and https only.
Extraction is trafilatura (main text, title) and ``pagedates`` (publication date,
with htmldate for the <head>), both given an already parsed tree (``pagetree``):
handed a string that looks like a URL, htmldate would download it itself, and
nothing here may reach the network except ``fetch_url``.
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..errors import InputError
from . import netguard
from .decoding import decode_bytes, looks_binary, not_an_article
from .pagecleaning import clean_paragraphs, prepare
from .pagedates import page_date
from .pagetree import MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS, cut_page, parse_page

DEFAULT_TIMEOUT = 20.0  # seconds, for the whole fetch: connect, redirects, headers and body
MAX_PAGE_BYTES = 10_000_000  # news pages are well under 10 MB; more is not an article
USER_AGENT = "summarize/0.1 (+news briefing; offline summarizer)"
FOLLOWED_REDIRECTS = (301, 302, 303, 307, 308)  # netguard's redirect handler follows these

# Content types that can hold an article; anything else (images, PDFs) is refused
# before its body is read.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the URL after redirects, and its content type."""

    body: bytes
    url: str
    content_type: str
    charset: str | None = None


@dataclass(frozen=True)
class WebArticle:
    """What extraction found in a page. ``date_source`` is "metadata" or "url";
    ``notes`` say what the reader should know about the date (``pagedates``)."""

    text: str
    title: str | None
    date: dt.date | None
    date_source: str | None
    notes: tuple[str, ...] = ()


def is_url(source: str) -> bool:
    """True for an http(s) URL, a malformed one included ("http://[bad/", which
    ``fetch_url`` refuses with one line); other schemes are refused by ``fetch_url``."""
    try:
        scheme = urllib.parse.urlsplit(source).scheme
    except ValueError:  # "Invalid IPv6 URL": the brackets of an address do not match
        scheme = source.partition(":")[0]
    return scheme.lower() in ("http", "https") and "://" in source


def fetch_url(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES, allow_private: bool = False
) -> Page:
    """Download ``url`` within ``timeout`` seconds in all (connect, redirects, headers,
    body), from public addresses only unless ``allow_private`` (``netguard``); every
    failure is a one-line ``InputError`` naming the URL and why."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as error:
        raise InputError(f"{url}: not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{url}: only http and https URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    policy = netguard.FetchPolicy(timeout=timeout, allow_private=allow_private)
    timed_out = f"{url}: could not fetch (timeout after {timeout:g} s)"
    try:
        with netguard.opener(policy).open(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            if content_type not in TEXT_TYPES:
                raise InputError(f"{url}: could not fetch (the page is {content_type}, not an article)")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: could not fetch (larger than {_megabytes(max_bytes)})")
            body = _read_body(response, url, policy, max_bytes)
            charset = response.headers.get_content_charset()
    except netguard.Refused as error:
        raise InputError(f"{url}: could not fetch ({error})") from None
    except urllib.error.HTTPError as error:
        # urllib gives up on a loop or too many hops with the last redirect's status;
        # another 3xx (300 Multiple Choices, 304 Not Modified) is an answer it does not follow.
        if error.code in FOLLOWED_REDIRECTS:
            raise InputError(
                f"{url}: could not fetch (a redirect loop, or more than {netguard.MAX_REDIRECTS} redirects)"
            ) from None
        raise InputError(f"{url}: could not fetch (HTTP {error.code} {_reason(error.reason)})") from None
    except urllib.error.URLError as error:
        if policy.expired or isinstance(error.reason, (socket.timeout, TimeoutError)):
            raise InputError(timed_out) from None
        raise InputError(f"{url}: could not fetch ({_reason(error.reason)})") from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        # a timeout, a connection reset or shut at the deadline mid-body, a malformed URL
        if policy.expired or isinstance(error, (socket.timeout, TimeoutError)):
            raise InputError(timed_out) from None
        raise InputError(f"{url}: could not fetch ({_reason(error)})") from None
    finally:
        policy.close()
    return Page(body=body, url=final_url, content_type=content_type, charset=charset)


def _read_body(response, url: str, policy: netguard.FetchPolicy, max_bytes: int) -> bytes:  # noqa: ANN001
    """Read at most ``max_bytes`` before the policy's deadline. ``read1`` returns what
    each network read brings, so a server dripping a byte a second is seen dripping;
    the deadline's timer shuts the socket if a read still blocks."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read1(64 * 1024)
        if policy.expired or time.monotonic() > policy.deadline:
            raise InputError(f"{url}: could not fetch (timeout after {policy.timeout:g} s)")
        if not chunk:
            # http.client counts down what Content-Length announced: bytes still due
            # when the connection closes mean a page cut off, not a whole one.
            missing = getattr(response, "length", None)
            if missing:
                raise InputError(
                    f"{url}: could not fetch (the connection closed after {size:,} of {size + missing:,} bytes)"
                )
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: could not fetch (larger than {_megabytes(max_bytes)})")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# The XML declaration that opens an XHTML page: <?xml version="1.0" encoding="iso-8859-1"?>.
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def decode_page(body: bytes, charset: str | None = None, *, source: str = "page") -> str:
    """Decode HTML bytes (``decoding.decode_bytes``): a byte-order mark, else the HTTP
    charset, else an XHTML page's XML declaration, else the page's <meta charset>,
    else UTF-8, Windows-1252, Latin-1.

    NUL bytes or control characters mean a binary file (an image saved as .html), not a page.
    """
    reason = not_an_article(body)  # a PDF served as text/html, say
    if reason:
        raise InputError(f"{source}: {reason}")
    head = body[:4096]
    declared = [
        match.group(1).decode("ascii") if match else None
        for match in (_XML_ENCODING.match(head), _META_CHARSET.search(head))
    ]
    text = decode_bytes(body, (charset, *declared))
    if looks_binary(body, text, charset or next(filter(None, declared), None)):
        raise InputError(f"{source}: this is a binary file, not a web page")
    return text


def extract_html(html: str | bytes, *, source: str, url: str | None = None) -> WebArticle:
    """The main text, title and publication date of an HTML page.

    The text keeps one paragraph per blank-line-separated block, so the sentence
    splitter treats paragraph ends as sentence ends. The date is the page's own
    metadata (meta tags, JSON-LD, <time>) and, failing that, a date in ``url``.
    """
    import trafilatura
    from trafilatura.settings import Document

    if isinstance(html, bytes):
        html = decode_page(html, source=source)
    tree = parse_page(html, source=source)
    # Cut first: every later step (dates, furniture, trafilatura) then reads a page
    # of bounded size.
    cut = cut_page(tree)
    found = page_date(tree, url, name=source)  # before the furniture, <time>s and all, goes
    prepare(tree)
    notes: tuple[str, ...] = (found.note,) if found.note else ()
    if cut:
        notes += (
            f"{source}: the page holds more than {MAX_PAGE_TEXT_CHARS // 1_000_000} MB of text or "
            f"{MAX_PAGE_ELEMENTS:,} elements; only what comes before was read.",
        )
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, Document):
        document = None  # no text found (a dict comes only with as_dict=True)
    title = ((document.title if document is not None else None) or "").strip() or None
    text = _paragraphs((document.text if document is not None else None) or "", title)
    if not has_prose(text):
        raise InputError(f"{source}: no article text found in the page (no sentence of prose in it)")
    return WebArticle(text=text, title=title, date=found.date, date_source=found.source, notes=notes)


# What makes a sentence of prose: this many words or more, and the end of a sentence.
# A page whose extracted text has none is no article: navigation links ("Section 1",
# "Contact us"), a fragment ("x"), a list of headlines. Scripts written without
# spaces (Chinese, Japanese, Thai) count letters instead of words.
MIN_PROSE_WORDS = 4
MIN_PROSE_LETTERS_UNSPACED = 12
_SENTENCE_END = re.compile(r"""[.!?\u3002\uff01\uff1f]['"\u2019\u201d)\]\u300d\u300f]*$""")
_UNSPACED_LETTER = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def has_prose(text: str) -> bool:
    """Whether ``text`` holds at least one sentence of prose (``MIN_PROSE_WORDS``),
    looked for a paragraph at a time: the first paragraph nearly always has one."""
    from ..sentences import split_sentences

    for paragraph in text.split("\n\n"):
        for sentence in split_sentences(paragraph):
            if not _SENTENCE_END.search(sentence.text):
                continue
            words = sum(1 for word in sentence.text.split() if any(ch.isalpha() for ch in word))
            if words >= MIN_PROSE_WORDS or len(_UNSPACED_LETTER.findall(sentence.text)) >= MIN_PROSE_LETTERS_UNSPACED:
                return True
    return False


def looks_like_html(raw: bytes) -> bool:
    """True when a file's bytes are an HTML page rather than plain text."""
    head = raw[:65536].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and (b"<html" in head or b"<body" in head)


def _paragraphs(text: str, title: str | None) -> str:
    lines = [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    # trafilatura keeps the page's <h1> as the first line; it is the title, not text.
    if title and lines and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(clean_paragraphs(lines))


def _reason(error: object) -> str:
    """Why, in one line."""
    if isinstance(error, OSError) and error.strerror:
        text = (
            error.strerror.lower() if error.strerror[:1].isupper() and error.strerror[1:2].islower() else error.strerror
        )
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"
