"""Month words used as people's names are no dates (temporal/rules/names.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from summarize.temporal import find_time_expressions
from summarize.temporal.rules.names import _context_before, names_among_months

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
