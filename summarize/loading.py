"""Stage 1: read an article into an ``Article``.

Reads a text file or standard input, rejects what is not text, takes the first line
as the title when it is one, and strips the page furniture wire copy carries (word
counts such as "W460", trailing "Comments 0", "Share this article").
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .models import Article

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


def load_article(source: str, *, date: dt.date | None = None, stdin: BinaryIO | None = None) -> Article:
    """Read the article at ``source`` (a path, or "-" for standard input).

    ``date`` is the article date given by the user; it wins over anything found in
    the text.
    """
    raw = _read_bytes(source, stdin)
    text = decode_text(raw, source)
    return article_from_text(text, source="stdin" if source == "-" else source, date=date)


def article_from_text(text: str, *, source: str, date: dt.date | None = None, title: str | None = None,
                      date_source: str | None = None) -> Article:
    """Build an ``Article`` from plain text: split off the title, strip furniture."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    lines = _strip_edges(lines)
    if title is None and lines:
        title, lines = _split_title(lines)
        lines = _strip_edges(lines)
    body = "\n".join(lines).strip()
    if not body.strip():
        raise InputError(f"{source}: the article has no text")
    if date is not None and date_source is None:
        date_source = "--date"
    return Article(text=body, source=source, title=title, date=date, date_source=date_source)


def decode_text(raw: bytes, source: str) -> str:
    """Decode article bytes as text, refusing binary files with a clear message."""
    if not raw.strip():
        raise InputError(f"{_name(source)}: the file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{_name(source)}: this is a binary file, not an article in text form")
    text = None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    if text is None:
        # Latin-1 decodes anything, so only accept it when the bytes look like text.
        printable = sum(32 <= b < 127 or b in (9, 10, 13) or b >= 160 for b in raw[:8192])
        if printable / min(len(raw), 8192) < 0.95:
            raise InputError(f"{_name(source)}: this is a binary file, not an article in text form")
        text = raw.decode("latin-1")
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:8192]) * 0.01:
        raise InputError(f"{_name(source)}: this is a binary file, not an article in text form")
    return text


def _read_bytes(source: str, stdin: BinaryIO | None) -> bytes:
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(MAX_ARTICLE_BYTES + 1)
    path = Path(source)
    try:
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
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
        len(first) <= MAX_TITLE_CHARS
        and not first.endswith((".", ",", ";", ":"))
        and len(first.split()) >= 2
    )
    if stands_alone and looks_like_title:
        return first, lines[1:]
    return None, lines
