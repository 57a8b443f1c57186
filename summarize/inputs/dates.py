"""Dates the user types: ``--date``, ``--since`` and ``--until``.

ISO dates ("2014-06-22") are read directly; anything else goes to dateparser
("22 June 2014", "yesterday", "last Monday", "2 weeks ago", "June 2014"), relative
to ``base`` (today for ``--date``; the article date ``--date`` for the window, when
given). A month or a year is a period: as the start of a window it means its
first day, as the end its last ("--since 'June 2014' --until 'June 2014'" is all
of June). What dateparser cannot read is a ``SummarizeError``, one line.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..errors import SummarizeError


def parse_date(text: str, *, base: dt.date | None = None, end: bool = False, option: str = "--date") -> dt.date:
    """The day ``text`` means; with ``end``, the last day of a month or year."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    import dateparser  # imported only for dates that are not ISO: it takes a moment to load

    base = base or dt.date.today()
    parser = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    data = parser.get_date_data(text) if text else None
    if data is None or data.date_obj is None:
        raise SummarizeError(
            f"{option}: cannot read {text!r} as a date; write YYYY-MM-DD (2014-06-22), '22 June 2014' or 'last Monday'"
        )
    day = data.date_obj.date()
    if end and data.period == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if end and data.period == "year":
        return dt.date(day.year, 12, 31)
    if not end and data.period == "year":
        return dt.date(day.year, 1, 1)
    return day
