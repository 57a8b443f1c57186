"""Property tests: any text, any DCT (or none) -> valid, sorted, non-overlapping spans."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings, strategies as st

from summarize.temporal import find_time_expressions
from summarize.temporal.tagger import _reach_back, _reach_forward

# Fragments that trigger the rules, mixed with noise, so the rules really run.
FRAGMENTS = [
    "June",
    "9",
    "9,",
    "2014",
    "Sunday",
    "Saturday",
    "evening",
    "the",
    "following",
    "day",
    "early",
    "late",
    "on",
    "January",
    "last",
    "next",
    "this",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "ago",
    "a",
    "two",
    "twenty",
    "four",
    "hours",
    "few",
    "past",
    "third",
    "quarter",
    "third-quarter",
    "year-ago",
    "earlier",
    "later",
    "in",
    "of",
    "every",
    "daily",
    "10",
    "p.m.",
    "noon",
    "EST",
    "Nov.",
    "Sept.",
    "mid-",
    "1990s",
    "'80s",
    "nineteen",
    "ninety-six",
    "Christmas",
    "Easter",
    "summer",
    "fall",
    "now",
    "recently",
    "-",
    "to",
    "12",
    "31",
    "0",
    "99",
    "1/2",
    "and",
    "half",
    "more",
    "than",
    "about",
    "nearly",
    "the end of",
    "May",
    "March",
    "Feb.",
    "29",
    "century",
    "21st",
    "fiscal",
    "tonight",
    "yesterday",
    ".",
    ",",
    "'s",
    "\n\n",
    "İ",
    "ß",
    "Σ",
    "$",
    "%",
    "\u00a0",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
)
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))

TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {
    None,
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_AFTER",
    "ON_OR_BEFORE",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
}


@settings(max_examples=400, deadline=None)
@given(text=texts, dct=dcts)
def test_random_text_gives_valid_spans(text: str, dct: dt.date | None) -> None:
    found = find_time_expressions(text, dct)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end, "sorted and non-overlapping"
        previous_end = t.end
        assert t.text == text[t.start : t.end]
        assert t.type in TYPES
        assert t.value and isinstance(t.value, str)
        assert t.mod in MODS


@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_no_dct_never_invents_a_year_for_relative_words(text: str) -> None:
    """Without a DCT, a value from a relative word must not name a year (it would be a guess)."""
    for t in find_time_expressions(text, None):
        if not any(ch.isdigit() for ch in t.text) and t.type in ("DATE", "TIME"):
            # a year may come from a date named elsewhere in the text ("Jul 1 2000 ... noon")
            # or be counted from one ("2014 ... two years later")
            named = re.search(r"\d{4}", text) or any(w in text.lower() for w in ("nineteen", "eighteen", "thousand"))
            # "02" (the third century), "199" (the nineties): named by the words, not a year
            names_a_year = len(t.value) >= 4 and t.value[:4].isdigit()
            assert not names_a_year or named, t


@settings(max_examples=100, deadline=None)
@given(
    text=st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join),
    dct=st.sampled_from([dt.date(1, 1, 1), dt.date(1, 1, 7), dt.date(9999, 12, 31), dt.date(9999, 12, 25)]),
)
def test_dct_at_the_edge_of_the_calendar_never_raises(text: str, dct: dt.date) -> None:
    for t in find_time_expressions(text, dct):
        assert t.text == text[t.start : t.end]


def _reach_back_by_hand(text: str, start: int, count: int) -> int:
    # The definition: one character a step, a run of whitespace being one.
    i = start
    for _ in range(count):
        if i == 0:
            break
        i -= 1
        while i > 0 and text[i].isspace() and text[i - 1].isspace():
            i -= 1
    return i


def _reach_forward_by_hand(text: str, end: int, count: int) -> int:
    i = end
    for _ in range(count):
        if i == len(text):
            break
        i += 1
        while i < len(text) and text[i].isspace() and text[i - 1].isspace():
            i += 1
    return i


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="ab \n\t", max_size=30), st.integers(0, 30), st.integers(0, 12))
def test_the_triggers_reach_counts_a_run_of_whitespace_as_one_character(text: str, position: int, count: int):
    # The tagger's windows (tagger._reach_back, _reach_forward) take a shortcut where
    # no two whitespace characters are together, and cross a run in one step: both
    # must give what the definition gives.
    position = min(position, len(text))
    assert _reach_back(text, position, count) == _reach_back_by_hand(text, position, count)
    assert _reach_forward(text, position, count) == _reach_forward_by_hand(text, position, count)
