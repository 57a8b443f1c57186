"""Ranges: two dates of one sentence joined as a span ("from 1991 until 1998", "between
May 5 and May 7", "1800-2000": ``lexicon.RANGE_CONNECTIVES``) date one event that runs
from the first to the second, when the second does not lie before the first; "on
Saturday and Sunday" is two events, and "postponed from May 2 to May 9" no span.
"""

from __future__ import annotations

import itertools
import re

from ..lexicon import RANGE_CONNECTIVES
from ..models import Sentence, TimeExpression
from ..sentences import sentence_at
from ..temporal import timex
from .filters import is_placeable


def _joining(words: tuple[str, ...]) -> re.Pattern:
    """What stands between the dates: a word with spaces around it, or a dash with
    or without ("1800-2000", "1800 - 2000")."""
    if all(w.isalpha() for w in words):
        return re.compile(r"\s+(?:" + "|".join(words) + r")\s+", re.IGNORECASE)
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")\s*")


_RANGE_RULES = tuple(
    (re.compile(rf"\b{opening}\s+$", re.IGNORECASE) if opening else None, _joining(joining))
    for opening, joining in RANGE_CONNECTIVES
)
# A year standing in when neither end of a range has one (a leap year: 29 February).
_STAND_IN_YEAR = 2000
# A date that is the plan, not the happening: "first set for May 2", "postponed from
# May 2", "extend its bid, due to expire last Thursday, to Nov. 6".
PLAN_BEFORE = re.compile(
    r"\b(?:first|originally|initially|previously|once)\s+(?:set|scheduled|planned|slated|due|expected)\s+(?:for\s+|on\s+)?$"
    r"|\b(?:due|set|scheduled|slated)\s+to\s+(?:expire|end|close)\s+(?:on\s+)?$"
    r"|\b(?:postponed|moved|delayed|pushed\s+back|brought\s+forward|rescheduled|put\s+off|shifted|changed)\s+from\s+$",
    re.IGNORECASE,
)


# The ranges of an article: for the index of each range's first expression among the
# article's expressions in text order (``in_order``), the index of its last one.
Ranges = dict[int, int]


def find_ranges(text: str, in_order: list[TimeExpression], sentences: list[Sentence]) -> Ranges:
    """The ranges among ``in_order`` (the article's time expressions sorted by start),
    by their indexes in it. Two placeable expressions next to each other in one
    sentence make a range when a row of ``RANGE_CONNECTIVES`` joins them and the
    second does not lie before the first."""
    placeable = [index for index, expression in enumerate(in_order) if is_placeable(expression)]
    ranges: Ranges = {}
    ends: set[int] = set()
    for index, next_index in itertools.pairwise(placeable):
        first, second = in_order[index], in_order[next_index]
        if index in ends or first.end > second.start:
            continue
        sentence = sentence_at(sentences, first.start)
        if sentence is None or sentence is not sentence_at(sentences, second.start):
            continue
        between = text[first.end : second.start]
        if not any(
            joining.fullmatch(between) and (opening is None or opening.search(text[sentence.start : first.start]))
            for opening, joining in _RANGE_RULES
        ):
            continue
        if PLAN_BEFORE.search(text[sentence.start : first.start]):
            continue  # "postponed from May 2 to May 9": the old date and the new, no span
        if _in_order(first, second):
            ranges[index] = next_index
            ends.add(next_index)
    return ranges


def _in_order(first: TimeExpression, second: TimeExpression) -> bool:
    """Whether ``second`` ends a range begun by ``first``: it starts later and does not
    end before it. A missing year is taken from the other end (or a stand-in year for
    both); a weekday of unknown date only orders with another ("Monday to Friday")."""
    start, end = timex.parse_value(first.value), timex.parse_value(second.value)
    if start is None or end is None:
        return False  # (not reached: both are placeable, so parsed)
    if (start.weekday is None) != (end.weekday is None):
        return False
    if start.weekday is not None:
        # By the hour, or the part of the day: "from Saturday morning until Saturday evening".
        start_hour = timex.sort_point(start, first.mod, _STAND_IN_YEAR)[1]
        return (end.weekday, timex.sort_point(end, second.mod, _STAND_IN_YEAR)[1]) > (start.weekday, start_hour)
    start_year = start.year or end.year or _STAND_IN_YEAR
    end_year = end.year or start_year
    if timex.sort_point(end, second.mod, end_year) <= timex.sort_point(start, first.mod, start_year):
        return False
    return timex.calendar_span(end, end_year)[1] >= timex.calendar_span(start, start_year)[1]
