"""Bytes to text, one policy for text files, stdin and web pages.

The order: a byte-order mark, then any declared encoding (an HTTP header, a page's
<meta charset>), then UTF-8, then Windows-1252, then Latin-1. Windows-1252 comes
before Latin-1 because files and pages called "Latin-1" are nearly always
Windows-1252 in practice: decoded as Latin-1, its curly quotes and dashes (bytes
0x80-0x9F) would become invisible control characters. Latin-1 decodes any bytes,
so it is the last resort, for the five bytes Windows-1252 leaves undefined.

Whether the bytes are text at all is the caller's question (``looks_binary``):
a file and a page refuse binary input with different messages. A file in a known
binary format is named by its signature (``file_kind``): a PDF saved beside the
articles says it is a PDF rather than decoding as a page of symbols, since a PDF
without compressed streams has no NUL bytes and reads as text.
"""

from __future__ import annotations

from collections.abc import Iterable

FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")
_BYTE_ORDER_MARKS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Share of control characters (C0 other than whitespace, and C1) above which
# decoded "text" is really a binary file.
MAX_CONTROL_SHARE = 0.01
_SAMPLE = 8192

# The first bytes of file formats that are not articles in text or HTML form, and
# what to call them. PDF leads: it is the one a user is likely to try.
FILE_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)


def decode_bytes(raw: bytes, declared: Iterable[str | None] = ()) -> str:
    """Decode ``raw`` by the policy of the module docstring (never raises)."""
    candidates = [encoding for mark, encoding in _BYTE_ORDER_MARKS if raw.startswith(mark)]
    candidates += [encoding for encoding in declared if encoding]
    for encoding in [*candidates, *FALLBACK_ENCODINGS]:
        try:
            return raw.decode(encoding).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError("unreachable: Latin-1 decodes any bytes")  # pragma: no cover


def file_kind(raw: bytes) -> str | None:
    """What a known binary format is ("a PDF document"), from its first bytes, or None.
    Leading whitespace is skipped: PDFs written by some tools start with a newline."""
    head = raw[:64].lstrip(b" \t\r\n")
    return next((kind for signature, kind in FILE_SIGNATURES if head.startswith(signature)), None)


def not_an_article(raw: bytes) -> str | None:
    """Why ``raw`` cannot be an article when it is a known binary format, in words
    for a one-line error after the input's name; None otherwise."""
    kind = file_kind(raw)
    if kind == "a PDF document":
        return "this is a PDF document; PDFs are not supported (save the article as text or HTML)"
    if kind is not None:
        return f"this is a binary file ({kind}), not an article in text or HTML form"
    return None


def is_wide(encoding: str | None) -> bool:
    """Whether ``encoding`` is UTF-16 or UTF-32, whose text is full of NUL bytes."""
    return encoding is not None and encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32"))


def looks_binary(raw: bytes, text: str, encoding: str | None = None) -> bool:
    """Whether ``raw`` (decoded as ``text``) is a binary file rather than text:
    NUL bytes in a narrow encoding, or control characters in the decoded text."""
    wide = is_wide(encoding) or any(raw.startswith(mark) and is_wide(bom) for mark, bom in _BYTE_ORDER_MARKS)
    if b"\x00" in raw[:_SAMPLE] and not wide:
        return True
    sample = text[:_SAMPLE]
    control = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return control > len(sample) * MAX_CONTROL_SHARE
