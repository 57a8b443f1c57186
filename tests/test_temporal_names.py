"""Month words used as people's names are no dates (temporal/rules/names.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from summarize.temporal import find_time_expressions
from summarize.temporal.rules.base import Context
from summarize.temporal.rules.names import _context_before, in_a_name, names_among_months

DCT = dt.date(2015, 4, 10)


def test_one_sense_per_text_a_name_found_once_is_the_name_everywhere() -> None:
    text = (
        "Reality star Mama June Shannon filed a report. Billy then told June the news, "
        "and June's daughter agreed. The wedding was held in June."
    )
    assert names_among_months(text) == {"june"}
    # Only the "June" with a date word before it is a date.
    assert [(e.text, e.value) for e in find_time_expressions(text, DCT)] == [("June", "2014-06")]


def test_a_text_without_such_a_name_keeps_its_bare_months() -> None:
    text = "June was the wettest month. Sales rose in May, and in June they fell."
    assert names_among_months(text) == frozenset()
    assert [e.text for e in find_time_expressions(text, DCT)] == ["June", "May", "June"]


@pytest.mark.parametrize(
    ("before", "is_context"),
    [
        ("rose in ", True),  # "rose in June"
        ("Rose In ", True),  # any case: a headline's "In June"
        ("fell by  ", True),
        ("since the mid-", True),  # "mid-June"
        ("the margin ", False),  # "in" inside a word is no "in"
        ("told ", False),  # "told June": no date word
        ("in", False),  # the month follows the word after a space
        ("in June and ", False),  # "and" is no word of this list
    ],
)
def test_words_before_a_month_that_make_it_a_date(before: str, is_context: bool) -> None:
    """``_context_before`` builds the patterns of the words just before a bare month
    (``MONTH_CONTEXT``): a listed word and a space, or "mid-", at the end of the text."""
    pattern = _context_before(("in", "by"))
    assert (pattern.search(before) is not None) is is_context


# --- mutation tests 3: place
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name's word and the weekday on two lines of a hard-wrapped, indented text.
        ("He told the Sunday\n        Telegraph he would quit.", []),
        ("Marchers remembered Bloody\n          Sunday.", []),
        ("He wrote in the Mail on\n          Sunday that he would quit.", []),  # two words back
        ("He wrote in the Mail on Sunday that he would quit.", []),
        # "on" before an abbreviation alone, on the line before
        ("The rally, held on\n    Sat., drew thousands.", [("Sat.", "2014-02-08")]),
        # a word that makes a month a date, on the line before: no name after all
        ("The heat lasted throughout\n    June Britain sweltered.", [("June", "2013-06")]),
        ("The heat lasted throughout June Britain sweltered.", [("June", "2013-06")]),
    ],
)
def test_a_name_across_a_wrapped_line_place(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_time_expressions(text, dt.date(2014, 2, 12))
    assert [(e.text, e.value) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A given name on the line before: the month is her surname.
        ("Talks with Prime Minister Theresa\n                May ended in Paris.", {"may"}),
        ("Talks with Prime Minister Theresa May ended in Paris.", {"may"}),
        # A word that makes the month a date, on the line before: no name.
        ("The heat lasted throughout\n                June Britain sweltered.", set()),
        ("The heat lasted throughout June Britain sweltered.", set()),
    ],
)
def test_the_word_before_a_month_across_a_wrapped_line_place(text: str, names: set[str]) -> None:
    assert names_among_months(text) == names


@pytest.mark.parametrize(
    ("text", "start", "cased"),
    [
        # An uncased context says nothing, even of a capital in its text ("USA Today").
        ("USA Today", 4, False),
        # No word at ``start`` (a digit): nothing to be capitalized.
        ("USA 9 Today", 4, True),
    ],
)
def test_no_capitalized_word_in_a_cased_text_is_no_name_last(text: str, start: int, cased: bool) -> None:
    assert in_a_name(start, Context(dct=None, text=text, cased=cased)) is False
