"""Arithmetic on TIMEX3 values: build them from dates and move them by units.

Values stay strings (``2014-06-21``, ``1998-W02``, ``XXXX-WXX-6``) because that is
what the tagger returns and because underspecified values (no DCT) have no
``datetime.date`` equivalent; these helpers do the little calendar maths needed.
"""

from __future__ import annotations

import datetime as dt
import re

_DAY_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PARTIAL_DAY_RE = re.compile(r"^XXXX-(\d\d)-(\d\d)")
_WEEKDAY_RE = re.compile(r"^XXXX-WXX-([1-7])")
_LEAP_YEAR = 2000  # stand-in year for day arithmetic on XXXX-MM-DD values


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    """ISO week value of the week containing ``d`` (``1998-W02``)."""
    year, number, _ = d.isocalendar()
    return f"{year:04d}-W{number:02d}"


def month(year: int, month_number: int) -> str:
    return f"{year:04d}-{month_number:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    year, month0 = divmod(index, 12)
    last = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0]
    return dt.date(year, month0 + 1, min(d.day, last))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def safe_date(year: int, month_number: int, day_number: int) -> dt.date | None:
    try:
        return dt.date(year, month_number, day_number)
    except ValueError:
        return None


def parse_day(value: str | None) -> dt.date | None:
    """The date of a value with day granularity (``2014-06-21`` or ``2014-06-21TEV``)."""
    m = _DAY_RE.match(value or "")
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def shift_day(value: str, n: int) -> str | None:
    """Move a day-level value by ``n`` days, keeping what is unknown unknown.

    ``XXXX-WXX-6`` + 1 is ``XXXX-WXX-7``: "Saturday ... the following day" is a
    Sunday even when the article date is not known.
    """
    d = parse_day(value)
    if d:
        return day(d + dt.timedelta(days=n))
    m = _WEEKDAY_RE.match(value)
    if m:
        return f"XXXX-WXX-{(int(m.group(1)) - 1 + n) % 7 + 1}"
    m = _PARTIAL_DAY_RE.match(value)
    if m:
        d = safe_date(_LEAP_YEAR, int(m.group(1)), int(m.group(2)))
        if d:
            return "XXXX" + day(d + dt.timedelta(days=n))[4:]
    return None


def day_part(value: str) -> str | None:
    """The day-level prefix of a value (``2014-06-21TEV`` -> ``2014-06-21``)."""
    for regex in (_DAY_RE, _PARTIAL_DAY_RE, _WEEKDAY_RE):
        m = regex.match(value)
        if m:
            return m.group(0)
    if re.match(r"^XXXX-XX-XX", value):
        return "XXXX-XX-XX"
    return None


def weekday_before(anchor: dt.date, iso_weekday: int, inclusive: bool) -> dt.date:
    """The last ``iso_weekday`` on or before (``inclusive``) / before ``anchor``."""
    back = (anchor.isoweekday() - iso_weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_after(anchor: dt.date, iso_weekday: int, inclusive: bool) -> dt.date:
    ahead = (iso_weekday - anchor.isoweekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def nth_weekday(year: int, month_number: int, iso_weekday: int, n: int) -> dt.date:
    """The ``n``-th (``-1`` = last) ``iso_weekday`` of a month (Thanksgiving etc.)."""
    if n > 0:
        first = dt.date(year, month_number, 1)
        return weekday_after(first, iso_weekday, inclusive=True) + dt.timedelta(weeks=n - 1)
    last = add_months(dt.date(year, month_number, 1), 1) - dt.timedelta(days=1)
    return weekday_before(last, iso_weekday, inclusive=True)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the published algorithm's letters, a to m
    m = (a + 11 * h + 22 * l) // 451
    month_number, day_number = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month_number, day_number + 1)


def granular(d: dt.date, unit: str) -> str:
    """``d`` written at the granularity of a calendar unit ("year" -> ``1998``)."""
    if unit in ("year", "fiscal year"):
        return f"{d.year:04d}"
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "week":
        return week(d)
    return day(d)


def shift(d: dt.date, n: float, unit: str) -> dt.date:
    """``d`` moved by ``n`` calendar units (negative = back)."""
    if unit in ("second", "minute", "hour"):
        return d
    if unit in ("day", "night", "trading day", "business day"):
        return d + dt.timedelta(days=round(n))
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    months = {"month": 1, "quarter": 3, "year": 12, "fiscal year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, round(n * months))
