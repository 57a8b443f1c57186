"""Reading TIMEX3 values: what date a value denotes, how precise it is, how to say it.

The tagger (``tagger.py`` and its ``rules/``) writes values; this module reads them
for the later stages: the timeline orders by ``TimexValue.sort_date``, the renderers show
``describe``. Values the timeline cannot place (durations, sets, PAST_REF...) parse
to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

# The four TIMEX3 types: a calendar date or period ("June 9", "last week"), a clock
# time or part of a day ("10 p.m.", "Saturday evening"), an amount of time ("two
# days"), a recurrence ("every Monday").
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# How a happening stands to its time (``describe``; ``Event.extent``): at it ("point"),
# from it on ("onward": "since June 9"), up to it ("until"), or from it to a second
# time of its sentence ("range": "from 1991 until 1998").
Extent = Literal["point", "onward", "until", "range"]

# Part-of-day codes in TIMEX3 and where in the day they fall (hour), so that
# "Saturday morning" sorts before "Saturday evening".
PARTS_OF_DAY = {
    "MO": ("morning", 9),
    "MI": ("midday", 12),
    "AF": ("afternoon", 15),
    "EV": ("evening", 19),
    "NI": ("night", 22),
    "DT": ("daytime", 12),
}

# TIMEX3 season codes: name, and first month (meteorological; winter starts in the
# December of the year before).
SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9), "WI": ("winter", 12)}

# How a modifier shifts the point a period is sorted at, and how it is said.
MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "from",
}

_DATE = re.compile(
    r"^(?P<year>\d{4}|XXXX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?"
    r"|-W(?P<week>\d{2}|XX)(?:-(?P<weekday>\d))?"
    r"|-Q(?P<quarter>[1-4])"
    r"|-(?P<season>SP|SU|FA|WI))?"
    r"(?:T(?P<time>\d{2}(?::\d{2})?|MO|MI|AF|EV|NI|DT))?$"
)


@dataclass(frozen=True)
class TimexValue:
    """A parsed DATE/TIME value.

    ``year`` is None when the value leaves it unspecified (``XXXX-06-09``);
    ``weekday`` (1 = Monday) is set for values that name only a day of the week
    (``XXXX-WXX-6``), which the timeline places relative to the article date.
    ``granularity`` is one of year, season, quarter, month, week, day, time.
    """

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    granularity: str
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    quarter: int | None = None
    season: str | None = None
    week: int | None = None

    @property
    def is_day(self) -> bool:
        return self.granularity in ("day", "time")


def parse_value(value: str) -> TimexValue | None:
    """Parse a DATE/TIME TIMEX3 value; None for anything the timeline cannot place."""
    match = _DATE.match(value)
    if not match:
        return None
    parts = match.groupdict()
    year = None if parts["year"] == "XXXX" else int(parts["year"])
    time = parts["time"]
    part_of_day = time if time in PARTS_OF_DAY else None
    hour = minute = None
    if time and not part_of_day:
        hour = int(time[:2])
        minute = int(time[3:5]) if len(time) > 2 else 0

    if parts["weekday"]:
        if parts["week"] == "XX" and year is None:
            granularity = "time" if time else "day"
            return TimexValue(None, None, None, int(parts["weekday"]), granularity, part_of_day, hour, minute)
        if parts["week"] != "XX" and year is not None:
            # An ISO week day with a known year is an ordinary date.
            date = dt.date.fromisocalendar(year, int(parts["week"]), int(parts["weekday"]))
            return TimexValue(
                date.year, date.month, date.day, None, "time" if time else "day", part_of_day, hour, minute
            )
        return None
    if parts["week"]:
        if parts["week"] == "XX" or year is None:
            return None
        return TimexValue(year, None, None, None, "week", week=int(parts["week"]))
    if parts["quarter"]:
        return TimexValue(year, None, None, None, "quarter", quarter=int(parts["quarter"]))
    if parts["season"]:
        return TimexValue(year, None, None, None, "season", season=parts["season"])
    month = None if parts["month"] in (None, "XX") else int(parts["month"])
    day = None if parts["day"] in (None, "XX") else int(parts["day"])
    if parts["month"] == "XX" or (parts["day"] == "XX"):
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None:  # (a day comes with its month: the pattern)
        if year is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
        elif not 1 <= day <= 31:
            return None
        return TimexValue(year, month, day, None, "time" if time else "day", part_of_day, hour, minute)
    if month is not None:
        return TimexValue(year, month, None, None, "month")
    if year is None:
        return None
    return TimexValue(year, None, None, None, "year")


def calendar_span(value: TimexValue, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day ``value`` covers ("2014-06" is June 1..30), with ``year``
    standing in when the value has none."""
    y = value.year if value.year is not None else year
    if value.day is not None and value.month is not None:
        day = dt.date(y, value.month, min(value.day, calendar.monthrange(y, value.month)[1]))
        return day, day
    if value.week is not None:
        monday = dt.date.fromisocalendar(y, value.week, 1)
        return monday, monday + dt.timedelta(days=6)
    if value.month is not None:
        return dt.date(y, value.month, 1), dt.date(y, value.month, calendar.monthrange(y, value.month)[1])
    if value.quarter is not None:
        first = 3 * (value.quarter - 1) + 1
        return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
    if value.season is not None:
        start_month = SEASONS[value.season][1]
        start = dt.date(y - 1 if start_month == 12 else y, start_month, 1)
        end_month = (start_month + 1) % 12 + 1
        return start, dt.date(y, end_month, calendar.monthrange(y, end_month)[1])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def sort_point(value: TimexValue, mod: str | None, year: int) -> tuple[dt.date, float]:
    """The date (and hour) a value is ordered at, with ``year`` standing in when unknown.

    A period sorts at its beginning, shifted by its modifier: "late 1997" sorts after
    "mid-1997", which sorts after "early 1997" and "1997".
    """
    first, last = calendar_span(value, year)
    span = (last - first).days + 1
    offset = {"MID": span // 2, "END": (2 * span) // 3}.get(mod or "", 0)
    date = first + dt.timedelta(days=offset)
    hour = float(value.hour) + (value.minute or 0) / 60 if value.hour is not None else None
    if hour is None:
        hour = (
            float(PARTS_OF_DAY[value.part_of_day][1])
            if value.part_of_day
            # "late on June 21", "late Saturday": the evening of one day (a weekday of
            # unknown date spans the stand-in year, but names one day).
            else (21.0 if mod == "END" and (span == 1 or value.weekday is not None) else 0.0)
        )
    return date, hour


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def describe(value: str, mod: str | None = None, extent: Extent = "point") -> str:
    """A readable label for a TIMEX3 value: "Sat 21 Jun 2014", "Early January 2014",
    "Late Mon 9 Jun 2014 onward", "Saturday (date unknown)"."""
    parsed = parse_value(value)
    if parsed is None:
        return value
    text = _point_text(parsed, mod)
    if extent == "onward":
        if mod == "ON_OR_AFTER":
            text = _point_text(parsed, None)
        text += " onward"
    elif extent == "until":
        text = "until " + text
    return _capitalized(text)


def describe_range(start_value: str, start_mod: str | None, end_value: str, end_mod: str | None) -> str:
    """A readable label for a range of two TIMEX3 values, in the style of ``describe``:
    "1991 to 1998", "February 2004 to September 2013", "Sat 26 Aug to Fri 20 Oct 1989",
    "Mon 5 to Wed 7 May 2014", "5 to 7 May (year unknown)", "Mid 2014 to March 2015".

    What both ends share is said once, at the end: the year (or "year unknown"), and
    the month of two days of one month. A start without a year is in the end's year
    ("between January and September 2013": "January to September 2013").
    """
    start, end = parse_value(start_value), parse_value(end_value)
    if start is None or end is None:
        return f"{describe(start_value, start_mod)} to {describe(end_value, end_mod)}"
    # "between January and September 2013": a start without a year has the end's.
    shared_year = start.year in (end.year, None) and start.weekday is None and end.weekday is None
    plain_days = start.granularity == end.granularity == "day" and start_mod is None
    if shared_year and plain_days and start.month == end.month and start.month is not None and start.day is not None:
        # "Mon 5 to Wed 7 May 2014", "5 to 7 May (year unknown)"
        first = dt.date(end.year, start.month, start.day).strftime("%a %-d") if end.year else str(start.day)
    elif (shared_year and start.granularity in ("day", "month", "quarter", "season")) or (
        start.weekday is not None and end.weekday is not None
    ):
        first = _point_text(start, start_mod, with_year=False)
    else:
        first = _point_text(start, start_mod)
    return _capitalized(f"{first} to {_point_text(end, end_mod)}")


def _point_text(parsed: TimexValue, mod: str | None, with_year: bool = True) -> str:
    """The label of one value, not capitalized; ``with_year`` False leaves out the year
    (or "year unknown", "date unknown") of a day, month, quarter, season or weekday."""
    if parsed.weekday is not None:
        text = _with_time(WEEKDAY_NAMES[parsed.weekday - 1], parsed) + (" (date unknown)" if with_year else "")
    elif parsed.day is not None and parsed.month is not None:
        if parsed.year is not None:
            text = dt.date(parsed.year, parsed.month, parsed.day).strftime("%a %-d %b" + (" %Y" if with_year else ""))
        else:
            text = f"{parsed.day} {MONTH_NAMES[parsed.month - 1]}" + (" (year unknown)" if with_year else "")
        text = _with_time(text, parsed)
    elif parsed.month is not None:
        text = MONTH_NAMES[parsed.month - 1] + (_year(parsed) if with_year else "")
    elif parsed.quarter is not None:
        text = f"Q{parsed.quarter}" + (_year(parsed) if with_year else "")
    elif parsed.season is not None:
        text = SEASONS[parsed.season][0] + (_year(parsed) if with_year else "")
    elif parsed.week is not None and parsed.year is not None:  # (a week has its year: parse_value)
        text = "week of " + dt.date.fromisocalendar(parsed.year, parsed.week, 1).strftime("%a %-d %b %Y")
    else:
        text = str(parsed.year)
    if mod in MOD_WORDS:
        text = f"{MOD_WORDS[mod]} {text}"
    return text


def _capitalized(text: str) -> str:
    return text[0].upper() + text[1:]


def _year(parsed: TimexValue) -> str:
    return f" {parsed.year}" if parsed.year is not None else " (year unknown)"


def _with_time(text: str, parsed: TimexValue) -> str:
    if parsed.part_of_day:
        return f"{text}, {PARTS_OF_DAY[parsed.part_of_day][0]}"
    if parsed.hour is not None:
        return f"{text}, {parsed.hour:02d}:{parsed.minute or 0:02d}"
    return text


def is_exact(value: str, mod: str | None) -> bool:
    """True for a known calendar day with no fuzziness ("Sat 21 Jun 2014")."""
    parsed = parse_value(value)
    return parsed is not None and parsed.is_day and parsed.year is not None and mod in (None, "ON_OR_AFTER")
