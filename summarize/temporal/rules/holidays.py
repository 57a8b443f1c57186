"""Holidays: "Christmas", "Thanksgiving", "Easter Monday", "Black Friday", "the Lunar New Year".

A holiday without a year is the nearest one to the DCT that the tense allows ("at
Christmas", said in January, is the last one). A holiday naming an agreement ("the
Good Friday agreement") is no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .. import datemath, vocabulary as V
from .base import Context, Resolution, Rule, capitalized, normalized, text_of
from .placing import cue_tense, nearest_year

_EVENT_NAME_AFTER = re.compile(r"\s+(?:agreement|accord|accords|peace\s+(?:accord|agreement|deal|pact)|pact)\b")


def resolve_holiday(m: re.Match, ctx: Context) -> Resolution | None:
    name = normalized(m.group("holiday"))
    if not (capitalized(m, "holiday", ctx) or ctx.text[m.start("holiday") + 4 :][:1].isupper()):
        return None
    if _EVENT_NAME_AFTER.match(m.string, m.end()):
        return None  # "the Good Friday agreement": the name of an accord, not a day
    if name in V.FIXED_HOLIDAYS:
        month_number, day_number = V.FIXED_HOLIDAYS[name]
        date_in: Callable[[int], dt.date | None] = lambda year: datemath.safe_date(year, month_number, day_number)  # noqa: E731 - a date rule per branch
    elif name in V.WEEKDAY_HOLIDAYS:
        date_in = lambda year: datemath.nth_weekday(year, *V.WEEKDAY_HOLIDAYS[name])  # noqa: E731
    elif name in V.HOLIDAY_OFFSETS:  # "Black Friday", the day after Thanksgiving
        base, days = V.HOLIDAY_OFFSETS[name]
        date_in = lambda year: datemath.nth_weekday(year, *V.WEEKDAY_HOLIDAYS[base]) + dt.timedelta(days=days)  # noqa: E731
    elif name in V.LUNAR_HOLIDAYS:
        date_in = lambda year: datemath.safe_date(year, *V.LUNAR_NEW_YEAR[year]) if year in V.LUNAR_NEW_YEAR else None  # noqa: E731
    else:
        date_in = lambda year: datemath.easter(year) + dt.timedelta(days=V.EASTER_HOLIDAYS[name])  # noqa: E731
    if text_of(m, "year"):
        year = int(m.group("year"))
    elif ctx.dct is not None:
        year = nearest_year(date_in, ctx.dct, cue_tense(ctx))  # "at Christmas" said in January: the last one
    elif name in V.FIXED_HOLIDAYS:
        return Resolution("DATE", f"XXXX-{month_number:02d}-{day_number:02d}")
    else:
        return Resolution("DATE", "XXXX-XX-XX")
    d = date_in(year)
    return Resolution("DATE", datemath.day(d)) if d else None


RULES: tuple[Rule, ...] = (
    Rule(
        "holiday",
        r"{holiday}(?:\s+{year})?",
        resolver=resolve_holiday,
        triggers=("holiday", "unit"),
        reach=(20, 20),
        prefixes=("position",),
    ),
)
