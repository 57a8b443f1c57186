"""Stage 1: read an article into an ``Article``.

One entry point, ``load_article``, for every kind of input: a text file, an HTML
file, an http(s) URL, or standard input ("-"). ``read_jsonl`` turns a JSON Lines
corpus into ``ArticleInput``s that ``load_input`` reads one at a time, so a batch can
report a bad line and go on.

Text: the first line is the title when it is one; the page furniture wire copy
carries ("W460", trailing "Comments 0", "Share this article") is dropped; a dateline
("BAGHDAD, June 24, 2014 (Reuters) -") is cut off the body and dates the article.
HTML (``web.py``): trafilatura's main text and title, the publication date of the
page's markup (``pagedates.py``).

The article date, in order of precedence (``Article.date_source`` says which won):
"--date" (given by the caller), "jsonl" (a corpus line's "date"), "metadata" (the
page's markup), "url" (a date in the page's URL), "dateline", or None: unknown.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InputError
from ..models import Article
from . import web
from .datelines import find_dateline
from .decoding import decode_bytes, looks_binary, not_an_article

# Lines that are page furniture, not article text, when they stand alone at the top
# or bottom of an article.
BOILERPLATE_LINES = [
    r"comments?\s*\(?\d*\)?",
    r"\d+\s+comments?",
    r"share( this( article| story)?)?",
    r"advertisement",
    r"read more.*",
    r"related( articles| stories)?:?",
    r"click here.*",
    r"all rights reserved\.?",
    r"(copyright|\u00a9).{0,80}",
    r"follow us on .*",
    r"sign up for .*newsletter.*",
    r"w\d{2,5}",  # wire word-count slugs ("W460")
]
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_LINES) + r")\s*$", re.IGNORECASE)

MAX_TITLE_CHARS = 200
MAX_ARTICLE_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class ArticleInput:
    """An article still to be read: what ``load_input`` needs, nothing loaded yet.

    ``kind`` is "path" (a file, or "-" for stdin), "url", "text" or "html";
    ``value`` the path, URL or content; ``source`` the name shown in the briefing;
    ``url`` the page address of an "html" input (it may date the page);
    ``date``/``date_source`` a date given for this article and where it came from.
    """

    kind: str
    value: str
    source: str
    date: dt.date | None = None
    date_source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class InputFailure:
    """An input of a batch that could not be read or briefed, and why (one line)."""

    source: str
    message: str


def load_article(
    source: str,
    *,
    date: dt.date | None = None,
    stdin: BinaryIO | None = None,
    timeout: float = web.DEFAULT_TIMEOUT,
    allow_private_urls: bool = False,
) -> Article:
    """Read the article at ``source``: a text or HTML file, an http(s) URL, or "-".

    ``date`` is the article date given by the user; it wins over anything found in
    the article (metadata, URL, dateline). A URL is fetched within ``timeout`` from
    a public address only, unless ``allow_private_urls`` (``web.fetch_url``).
    """
    if web.is_url(source):
        page = web.fetch_url(source, timeout=timeout, allow_private=allow_private_urls)
        html = web.decode_page(page.body, page.charset, source=source)
        return article_from_html(html, source=source, url=page.url, date=date)
    raw = _read_bytes(source, stdin)
    name = _name(source)
    if source.lower().endswith(HTML_SUFFIXES) or web.looks_like_html(raw):
        if not raw.strip():
            raise InputError(f"{name}: the file is empty")
        return article_from_html(web.decode_page(raw, source=name), source=name, date=date)
    text = decode_text(raw, source)
    return article_from_text(text, source=name, date=date)


def article_from_html(
    html: str | bytes,
    *,
    source: str,
    url: str | None = None,
    date: dt.date | None = None,
    date_source: str | None = None,
) -> Article:
    """Build an ``Article`` from an HTML page (``url``, when known, may date it)."""
    page = web.extract_html(html, source=source, url=url)
    notes: tuple[str, ...] = ()
    if date is None and page.date is not None:
        date, date_source, notes = page.date, page.date_source, page.notes
    return article_from_text(
        page.text, source=source, date=date, title=page.title, date_source=date_source, notes=notes
    )


def article_from_text(
    text: str,
    *,
    source: str,
    date: dt.date | None = None,
    title: str | None = None,
    date_source: str | None = None,
    notes: tuple[str, ...] = (),
) -> Article:
    """Build an ``Article`` from plain text: split off the title, strip furniture and
    the dateline; the dateline dates the article when ``date`` is None. ``notes`` go
    with the article into the briefing (how its date was read)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    lines = _strip_edges(lines)
    if title is None and lines:
        title, lines = _split_title(lines)
        lines = _strip_edges(lines)
    body = "\n".join(lines).strip()
    dateline = find_dateline(body)
    dateline_text = None
    if dateline is not None:
        # Cut it off: it is furniture, and left in, its date would date the first
        # sentence. Offsets (Event.start/end) refer to the body without it.
        dateline_text = body[: dateline.end].strip()
        body = body[dateline.end :].strip()
        if date is None and dateline.date() is not None:
            date, date_source = dateline.date(), "dateline"
    if not body.strip():
        raise InputError(f"{source}: the article has no text")
    if date is not None and date_source is None:
        date_source = "--date"
    if date is None:
        date_source = None
    return Article(
        text=body, source=source, title=title, date=date, date_source=date_source, dateline=dateline_text, notes=notes
    )


def inputs_from_args(sources: list[str], *, date: dt.date | None = None) -> list[ArticleInput]:
    """Command-line arguments (paths, URLs, "-") as inputs, with the --date if any."""
    return [
        ArticleInput(
            kind="url" if web.is_url(s) else "path",
            value=s,
            source=_name(s),
            date=date,
            date_source="--date" if date else None,
        )
        for s in sources
    ]


def read_jsonl(
    path: str, *, date: dt.date | None = None, stdin: BinaryIO | None = None
) -> list[ArticleInput | InputFailure]:
    """The articles of a JSON Lines corpus: one ``{"text"|"html"|"url": ..., "date"?:
    "YYYY-MM-DD", "source"?: name}`` object a line; blank lines are skipped.

    A bad line becomes an ``InputFailure`` (named ``FILE:LINE``) instead of stopping
    the batch; an unreadable file raises ``InputError``. ``date`` (--date) overrides
    the lines' own dates. ``path`` "-" reads standard input.
    """
    return [item for _, item in iter_jsonl(path, date=date, stdin=stdin)]


def iter_jsonl(
    path: str, *, date: dt.date | None = None, stdin: BinaryIO | None = None
) -> Iterator[tuple[int, ArticleInput | InputFailure]]:
    """``read_jsonl`` one line at a time, with each line's number (1-based), for
    corpora larger than memory (``summarize analyze``)."""
    name = _name(path)
    found = False
    # Line by line: a corpus may be far larger than one article (MAX_ARTICLE_BYTES
    # applies to each line), and a bad line should not hide the good ones.
    with _open_corpus(path, stdin) as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{name}:{number}"
            if number == 1 and b"\x00" in raw[:8192]:
                raise InputError(f"{name}: this is a binary file, not a JSON Lines corpus")
            item = _jsonl_item(raw, number, where, date)
            if item is not None:
                found = True
                yield number, item
    if not found:
        raise InputError(f"{name}: the file is empty: no articles in it")


def jsonl_item(raw: bytes, number: int, name: str, date: dt.date | None = None) -> ArticleInput | InputFailure | None:
    """Line ``number`` of the corpus ``name`` (its bytes) as an input, a failure, or
    None when blank; the Ray engine reads lines with this too."""
    return _jsonl_item(raw, number, f"{name}:{number}", date)


def _jsonl_item(raw: bytes, number: int, where: str, date: dt.date | None) -> ArticleInput | InputFailure | None:
    if len(raw) > MAX_ARTICLE_BYTES:
        return InputFailure(where, f"{where}: line larger than {MAX_ARTICLE_BYTES // 1_000_000} MB")
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return InputFailure(where, f"{where}: not UTF-8 text (JSON Lines are UTF-8)")
    if not line.strip():
        return None
    try:
        return _jsonl_input(line, where, date)
    except InputError as error:
        return InputFailure(where, str(error))


def _open_corpus(path: str, stdin: BinaryIO | None) -> contextlib.AbstractContextManager[BinaryIO]:
    if path == "-":
        return contextlib.nullcontext(stdin if stdin is not None else sys.stdin.buffer)
    return _open_local(path, "a JSON Lines file")


def _jsonl_input(line: str, where: str, date: dt.date | None) -> ArticleInput:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from None
    return input_from_record(record, where=where, date=date)


def input_from_record(record: object, *, where: str, date: dt.date | None = None) -> ArticleInput:
    """A corpus line's object (``{"text"|"html"|"url": ..., "date"?, "source"?}``) as
    an input named ``where`` unless it has a "source"; ``InputError`` when it is not
    one. ``date`` (--date) overrides the object's own. The desk's API takes these too."""
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with "text", "html" or "url"')
    kinds = [k for k in ("text", "html") if k in record]
    if len(kinds) > 1 or not (kinds or "url" in record):
        raise InputError(f'{where}: give exactly one of "text", "html" or "url"')
    kind = kinds[0] if kinds else "url"
    value, url = record.get(kind), record.get("url")
    for name, field_value in (
        ("text", record.get("text")),
        ("html", record.get("html")),
        ("url", url),
        ("source", record.get("source")),
        ("date", record.get("date")),
    ):
        if field_value is not None and not isinstance(field_value, str):
            raise InputError(f'{where}: "{name}" must be a string')
    if kind == "url" and not (isinstance(value, str) and web.is_url(value)):
        raise InputError(f'{where}: "url" must be an http or https URL')
    if not isinstance(value, str):
        raise InputError(f'{where}: "{kind}" must be a string')  # null
    source = record.get("source") or (url if url else where)
    date_source = "--date" if date else None
    if date is None and record.get("date"):
        try:
            date = dt.date.fromisoformat(record["date"])
        except ValueError:
            raise InputError(f"{where}: invalid date {record['date']!r}: use YYYY-MM-DD") from None
        date_source = "jsonl"
    return ArticleInput(kind=kind, value=value, source=source, date=date, date_source=date_source, url=url)


def load_input(
    item: ArticleInput,
    *,
    stdin: BinaryIO | None = None,
    timeout: float = web.DEFAULT_TIMEOUT,
    allow_private_urls: bool = False,
) -> Article:
    """Read one ``ArticleInput`` into an ``Article`` (raises ``InputError``)."""
    if item.kind == "text":
        article = article_from_text(item.value, source=item.source, date=item.date, date_source=item.date_source)
    elif item.kind == "html":
        article = article_from_html(
            item.value, source=item.source, url=item.url, date=item.date, date_source=item.date_source
        )
    elif item.kind == "url":
        page = web.fetch_url(item.value, timeout=timeout, allow_private=allow_private_urls)
        article = article_from_html(
            web.decode_page(page.body, page.charset, source=item.source),
            source=item.source,
            url=page.url,
            date=item.date,
            date_source=item.date_source,
        )
    else:
        article = load_article(
            item.value, date=item.date, stdin=stdin, timeout=timeout, allow_private_urls=allow_private_urls
        )
        if item.date is not None:  # load_article calls any given date "--date"; say where it came from
            article = dataclasses.replace(article, date_source=item.date_source)
    return article


def decode_text(raw: bytes, source: str) -> str:
    """Decode article bytes as text (``decoding.decode_bytes``), refusing empty and binary files."""
    if not raw.strip():
        raise InputError(f"{_name(source)}: the file is empty")
    reason = not_an_article(raw)
    if reason:
        raise InputError(f"{_name(source)}: {reason}")
    text = decode_bytes(raw)
    if looks_binary(raw, text):
        raise InputError(f"{_name(source)}: this is a binary file, not an article in text form")
    return text


def _read_bytes(source: str, stdin: BinaryIO | None) -> bytes:
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(MAX_ARTICLE_BYTES + 1)
    with _open_local(source, "an article file") as handle:
        try:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
        except OSError as error:
            raise InputError(f"{source}: cannot read ({error.strerror or error})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{source}: larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; is this an article?")
    return raw


def _name(source: str) -> str:
    return "stdin" if source == "-" else source


def _strip_edges(lines: list[str]) -> list[str]:
    """Drop blank and boilerplate lines at the top and the bottom."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or _BOILERPLATE.match(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or _BOILERPLATE.match(lines[end - 1])):
        end -= 1
    return lines[start:end]


def _split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the first line as the title when it stands alone and reads like one."""
    first = lines[0].strip()
    stands_alone = len(lines) > 1 and not lines[1].strip()
    looks_like_title = (
        len(first) <= MAX_TITLE_CHARS and not first.endswith((".", ",", ";", ":")) and len(first.split()) >= 2
    )
    if stands_alone and looks_like_title:
        return first, lines[1:]
    return None, lines


def _open_local(path: str, what: str) -> BinaryIO:
    """Open a local file for reading; the OS's refusals become one-line errors.

    Only a regular file (or a link to one) is read: opening a FIFO waits for a
    writer, forever if none comes, and a device or socket is no article. The kind
    is checked before opening (opening some devices has effects), and again on the
    open file, which is opened without waiting, in case the name changed between.
    """
    try:
        _refuse_special_file(path, os.stat(path).st_mode, what)
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            _refuse_special_file(path, os.fstat(descriptor).st_mode, what)
            os.set_blocking(descriptor, True)
        except BaseException:
            os.close(descriptor)
            raise
        return open(descriptor, "rb")  # the caller closes it with `with`
    except FileNotFoundError:
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", path):
            # "ftp://host/story": a URL of a scheme that is not fetched, not a file name.
            raise InputError(f"{path}: only http and https addresses can be fetched") from None
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


# What is not a regular file, as the error names it; "- for standard input" where
# that is what the user likely meant (``summarize /dev/stdin``, a named pipe).
_SPECIAL_FILES = (
    (stat.S_ISDIR, "a directory", ""),
    (stat.S_ISFIFO, "a named pipe (FIFO)", "; give - to read standard input"),
    (stat.S_ISCHR, "a character device", "; give - to read standard input"),
    (stat.S_ISBLK, "a block device", ""),
    (stat.S_ISSOCK, "a socket", ""),
)


def _refuse_special_file(path: str, mode: int, what: str) -> None:
    for test, kind, hint in _SPECIAL_FILES:
        if test(mode):
            raise InputError(f"{path}: is {kind}, not {what}{hint}")
