"""Bytes to text: one policy for files, stdin and pages (summarize/inputs/decoding.py)."""

import pytest
from hypothesis import given, strategies as st

from summarize.errors import InputError
from summarize.inputs.decoding import decode_bytes, looks_binary
from summarize.inputs.loading import decode_text
from summarize.inputs.web import decode_page

QUOTED = "The minister said \u201cnot now\u201d \u2013 and left. Caf\u00e9 \u20ac5."


def test_windows_1252_keeps_curly_quotes_dashes_and_euro():
    # Decoded as Latin-1, bytes 0x93/0x94/0x96/0x80 would be invisible C1 controls.
    raw = QUOTED.encode("cp1252")
    assert decode_bytes(raw) == QUOTED
    assert decode_text(raw, "article.txt") == QUOTED
    assert decode_page(raw) == QUOTED


def test_order_byte_order_mark_declared_utf8_cp1252_latin1():
    assert decode_bytes("Caf\u00e9".encode("utf-8")) == "Caf\u00e9"
    assert decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9") == "Caf\u00e9"  # UTF-8 with a BOM: the mark is dropped
    assert decode_bytes("Caf\u00e9".encode("utf-16")) == "Caf\u00e9"
    assert (
        decode_bytes("\u0391\u03b8\u03ae\u03bd\u03b1".encode("iso-8859-7"), ["iso-8859-7"])
        == "\u0391\u03b8\u03ae\u03bd\u03b1"
    )
    assert decode_bytes("Caf\u00e9".encode("utf-8"), [None, "no-such-codec"]) == "Caf\u00e9"
    # 0x81 is undefined in Windows-1252: only Latin-1 is left.
    assert decode_bytes(b"Caf\xe9 \x81") == "Caf\u00e9 \x81"


def test_the_same_bytes_read_the_same_from_a_file_and_a_page():
    raw = ("<p>" + QUOTED + "</p>").encode("cp1252")
    assert decode_text(raw, "a.txt") == decode_page(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"GIF89a" + bytes(200),
        bytes(range(128, 160)) * 40 + b"\x81",
    ],
)
def test_binary_is_refused_by_files_and_pages(raw):
    with pytest.raises(InputError, match="binary file"):
        decode_text(raw, "a.txt")
    with pytest.raises(InputError, match="binary file"):
        decode_page(raw)


def test_utf16_text_is_not_binary_for_its_nul_bytes():
    raw = QUOTED.encode("utf-16")
    assert not looks_binary(raw, decode_bytes(raw))
    assert decode_page(QUOTED.encode("utf-16-le"), "utf-16-le") == QUOTED


@given(st.binary(max_size=2000), st.lists(st.sampled_from([None, "utf-8", "utf-16", "koi8-r", "bogus"]), max_size=2))
def test_decode_bytes_never_raises(raw, declared):
    assert isinstance(decode_bytes(raw, declared), str)


@given(st.text(alphabet=st.characters(codec="cp1252", exclude_categories=["Cc"]), min_size=1, max_size=300))
def test_windows_1252_text_round_trips(text):
    raw = text.encode("cp1252")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_bytes(raw) == text.lstrip("\ufeff")
