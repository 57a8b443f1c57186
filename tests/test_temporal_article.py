"""The sample article (a wire story of Sunday, June 22, 2014) tagged exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarize.temporal import find_time_expressions

# The project's own copy, so that the test runs in every clone (../shared is not there).
ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "iraq-rawa-ana.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


WITH_DCT = [
    ("two days", "DURATION", "P2D", None),
    ("Sunday", "DATE", "2014-06-22", None),
    ("Saturday", "DATE", "2014-06-21", None),
    ("the following day", "DATE", "2014-06-22", None),
    ("Saturday evening", "TIME", "2014-06-21TEV", None),
    ("earlier in the day", "DATE", "2014-06-21", None),
    ("early January", "DATE", "2014-01", "START"),
    ("Sunday", "DATE", "2014-06-22", None),
    ("earlier in the year", "DATE", "2014", None),
    ("late on June 9", "DATE", "2014-06-09", "END"),
    ("the past few days", "DURATION", "PXD", None),
]

WITHOUT_DCT = {
    "Saturday": "XXXX-WXX-6",
    "the following day": "XXXX-WXX-7",
    "Sunday": "XXXX-WXX-7",
    "late on June 9": "XXXX-06-09",
    "early January": "XXXX-01",
    "Saturday evening": "XXXX-WXX-6TEV",
}


def test_sample_article_with_dct(text: str) -> None:
    got = [(t.text, t.type, t.value, t.mod) for t in find_time_expressions(text, dt.date(2014, 6, 22))]
    assert got == WITH_DCT


def test_sample_article_without_dct(text: str) -> None:
    got = find_time_expressions(text, None)
    assert [t.text for t in got] == [row[0] for row in WITH_DCT]
    for t in got:
        if t.text in WITHOUT_DCT:
            assert t.value == WITHOUT_DCT[t.text], t
    assert next(t for t in got if t.text == "early January").mod == "START"


def test_sample_article_spans_are_exact(text: str) -> None:
    for t in find_time_expressions(text, dt.date(2014, 6, 22)):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("bait", ["21 in Two", "a second", "W460"])
def test_sample_article_non_dates(text: str, bait: str) -> None:
    for t in find_time_expressions(text, dt.date(2014, 6, 22)):
        assert bait.lower() not in t.text.lower()
