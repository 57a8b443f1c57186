"""Stage 7: order events into a timeline.

With an article date every event has a calendar position and is sorted by it;
equal positions keep article order (the sort is stable). A range ("from 1991 until
1998") is placed by its start, which is its ``value``.

Without one, relative dates cannot be resolved, so they are ordered by news
convention: dates with a year come first, by date; then month-day dates, which in
news lie further back than the past week, by month and day; then weekday names,
which mean the past week. The weekdays are placed by assuming the article was
written on the day that makes the mentioned weekdays the most recent stretch of
days ("Saturday" and "Sunday" in one story: written on Sunday).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .models import Event, Timeline
from .temporal import timex

# Ordering tiers of the no-date convention.
TIER_DATED, TIER_MONTH_DAY, TIER_WEEKDAY = 0, 1, 2

# A year to stand in for an unknown one, so month-day values can be put on a calendar
# (a leap year, so 29 February exists).
_STAND_IN_YEAR = 2000


def build_timeline(events: Iterable[Event], *, anchored: bool = True) -> Timeline:
    """Order ``events`` (given in article order) into a ``Timeline``."""
    events = list(events)
    article_weekday = _likely_article_weekday(events)
    ordered = sorted(events, key=lambda event: _sort_key(event, article_weekday))
    return Timeline(events=tuple(ordered), anchored=anchored)


def _sort_key(event: Event, article_weekday: int) -> tuple:
    parsed = timex.parse_value(event.value)
    if parsed is None:  # extract_events only keeps placeable values
        return (TIER_WEEKDAY + 1, dt.date.max, 0.0)
    if parsed.weekday is not None:
        days_ago = (article_weekday - parsed.weekday) % 7
        date = dt.date(_STAND_IN_YEAR, 12, 31) - dt.timedelta(days=days_ago)
        _, hour = timex.sort_point(parsed, event.mod, _STAND_IN_YEAR)
        return (TIER_WEEKDAY, date, hour)
    tier = TIER_DATED if parsed.year is not None else TIER_MONTH_DAY
    date, hour = timex.sort_point(parsed, event.mod, _STAND_IN_YEAR)
    return (tier, date, hour)


def _likely_article_weekday(events: list[Event]) -> int:
    """The weekday (1 = Monday) that makes the mentioned weekdays the shortest run of
    days up to the article date; ties go to the day closest after the last one."""
    mentioned = {
        parsed.weekday
        for parsed in (timex.parse_value(event.value) for event in events)
        if parsed is not None and parsed.weekday is not None
    }
    if not mentioned:
        return 7

    def spread(candidate: int) -> tuple[int, int]:
        gaps = [(candidate - weekday) % 7 for weekday in mentioned]
        return max(gaps), sum(gaps)

    return min(range(1, 8), key=spread)
