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


# Hard-wrapped, indented lines (plain-text news) and runs of spaces: the tagger's reach,
# the modifier before a match and the cues before it are counted in words, or with a run
# of whitespace as one character, so the wrapped sentence gets what the one-line one does.
_WRAP = "\n" + " " * 40


@pytest.mark.parametrize(
    ("text", "timex", "kind", "value", "mod"),
    [
        (f"The deal is due by the end of the{_WRAP}year.", f"the end of the{_WRAP}year", "DATE", "2014", "END"),
        (
            "The deal is due by the end of the" + " " * 40 + "year.",
            "the end of the" + " " * 40 + "year",
            "DATE",
            "2014",
            "END",
        ),
        (f"Crews rotate every other{_WRAP}Wednesday.", f"every other{_WRAP}Wednesday", "SET", "XXXX-WXX-3", None),
        (f"The shop opened in early{_WRAP}June.", f"early{_WRAP}June", "DATE", "2014-06", "START"),
        (f"The project took more than{_WRAP}two years.", f"more than{_WRAP}two years", "DURATION", "P2Y", "MORE_THAN"),
        # the modifier's four words, "the very end of", at the limit
        ("The deal is due by the very end of June.", "the very end of June", "DATE", "2014-06", "END"),
        ("The deal is due by the very end of\n    June.", "the very end of\n    June", "DATE", "2014-06", "END"),
        ("The talks lasted for\n        another month.", "another month", "DURATION", "P1M", None),
        ("The talks lasted for        another month.", "another month", "DURATION", "P1M", None),
        ("Hold on\n    a minute, the chairman said.", "a minute", None, None, None),
        ("Hold on a minute, the chairman said.", "a minute", None, None, None),
        # an age: "aged between 32 and" is four words before "36 years"
        ("The trial is open to people aged between 32 and 36 years.", "36 years", None, None, None),
        (f"The trial is open to people aged between{_WRAP}32 and 36 years.", "36 years", None, None, None),
        # the verb "last" is not part of the amount
        ("The talks will\n        last two days.", "two days", "DURATION", "P2D", None),
        ("The talks will        last two days.", "two days", "DURATION", "P2D", None),
        ("Members pay $5\n     a year.", "a year", "SET", "P1Y", None),
        ("Members pay 5" + " " * 20 + "a year.", "a year", "SET", "P1Y", None),
        (f"The firm pays its{_WRAP}quarterly dividend.", "quarterly", None, None, None),
        ("The firm pays its" + " " * 20 + "quarterly dividend.", "quarterly", None, None, None),
    ],
)
def test_wrapped_lines_and_runs_of_spaces_win(
    text: str, timex: str, kind: str | None, value: str | None, mod: str | None
):
    found = find_time_expressions(text, dt.date(2014, 6, 22))
    start = text.index(timex)
    end = start + len(timex)
    overlapping = [(t.start, t.end, t.type, t.value, t.mod) for t in found if t.start < end and start < t.end]
    expected = [] if kind is None else [(start, end, kind, value, mod)]
    assert overlapping == expected
