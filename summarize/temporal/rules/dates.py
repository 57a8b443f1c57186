"""Calendar dates: "June 9", "Tuesday, Feb. 3, 1998", "the 9th of June", "6/9/98", "the
week of April 5", "June 9 to 12", "March 1998", "next March", a bare "June".

A date without a year takes the DCT's, moved by tense and cue words (``placing.py``);
a weekday given with a date picks the year in which they agree. A bare month word may
be a verb ("may") or a person ("Theresa May", ``names.py``).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import datemath, vocabulary as V
from .base import (
    DIGIT,
    Context,
    Resolution,
    Rule,
    capitalized,
    day_number_of,
    month_number_of,
    normalized,
    text_of,
    words_before,
    year_number_of,
)
from .names import MONTH_CONTEXT, MONTH_CONTEXT_FOR_A_NAME, NAME_AFTER, is_a_name
from .placing import year_for


def resolve_numeric_date(m: re.Match, ctx: Context) -> Resolution | None:
    year_text = text_of(m, "year") or text_of(m, "ynum")
    if year_text is None:
        return None  # each of the rule's alternatives has its year
    year = int(year_text)
    if year < 100:
        year += 2000 if year < 50 else 1900
    d = datemath.safe_date(year, int(m.group("mnum")), int(m.group("dnum")))
    return Resolution("DATE", datemath.day(d)) if d else None


def resolve_month_day(m: re.Match, ctx: Context) -> Resolution | None:
    month_text = m.group("month")
    day_number = day_number_of(text_of(m, "day") or text_of(m, "daynum") or "")
    if not capitalized(m, "month", ctx) or day_number is None or not 1 <= day_number <= 31:
        return None
    month_number = month_number_of(month_text)
    if text_of(m, "year"):
        year = int(m.group("year"))
    elif text_of(m, "drel") and ctx.dct is not None:
        year = ctx.dct.year + V.RELATIVE_DETERMINERS[normalized(m.group("drel"))]  # "Feb. 16 next year"
    elif ctx.dct is None:
        return Resolution("DATE", f"XXXX-{month_number:02d}-{day_number:02d}")
    else:
        year = year_for(month_number, day_number, ctx)
        if text_of(m, "weekday"):
            year = _year_of_weekday(year, month_number, day_number, V.WEEKDAYS[normalized(m.group("weekday"))], ctx.dct)
    d = datemath.safe_date(year, month_number, day_number)
    return Resolution("DATE", datemath.day(d)) if d else None


def _year_of_weekday(year: int, month_number: int, day_number: int, iso_weekday: int, dct: dt.date) -> int:
    """The year, near the guessed one, in which "Tuesday, Feb. 3" falls on a Tuesday."""
    fits = {
        y: d
        for y in (year, year - 1, year + 1)
        if (d := datemath.safe_date(y, month_number, day_number)) and d.isoweekday() == iso_weekday
    }
    if not fits or next(iter(fits)) == year:
        return year
    return min(fits, key=lambda y: abs((fits[y] - dct).days))


def resolve_week_of_date(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the week of April 5": the (ISO) week that holds the day."""
    day = resolve_month_day(m, ctx)
    if day is None:
        return None
    d = datemath.parse_day(day.value)
    return Resolution("DATE", datemath.week(d) if d else "XXXX-WXX")


def resolve_month_day_range(m: re.Match, ctx: Context) -> Resolution | None:
    """ "June 9 to 12": two dates, the second borrowing the month (and year)."""
    first = resolve_month_day(m, ctx)
    if first is None:
        return None
    value = first.value
    first_day, second_day = day_number_of(m.group("day")), day_number_of(m.group("day2"))
    if first_day is None or second_day is None or second_day <= first_day:
        return None
    second = value[:8] + f"{second_day:02d}"
    end_first = m.end("day")
    second_end = m.end("day2") if not text_of(m, "year") else m.end()
    return Resolution(
        "DATE",
        value,
        span=(m.start(), end_first),
        also=(Resolution("DATE", second, span=(m.start("day2"), second_end)),),
    )


# The word a month is hyphenated to, if any ("Sept-Iles", "May-June").
_HYPHENATED_WORD = re.compile(r"-([^\W\d_]+)")


def resolve_month(m: re.Match, ctx: Context) -> Resolution | None:
    text = m.group("month")
    word = normalized(text)
    if not capitalized(m, "month", ctx):
        return None
    before = words_before(m.string, m.start(), 1)  # "in May", "throughout\n    March"
    if is_a_name(ctx.text, m.start(), m.end()) if ctx.cased else NAME_AFTER.match(m.string, m.end()):
        return None  # a person: "Mama June Shannon", "January Jones", "and May said"
    if word in ctx.names and not MONTH_CONTEXT_FOR_A_NAME.search(before):
        return None  # the text's "June" is a person: "told June", "and June's daughter"
    joined = _HYPHENATED_WORD.match(ctx.text, m.end())  # ctx.text: m.string is lower-cased
    if joined and joined.group(1)[0].isupper() and normalized(joined.group(1)) not in V.MONTHS:
        return None  # a place or a person: "shipped from Sept-Iles", "May-Britt"; but "May-June"
    ambiguous = word in V.AMBIGUOUS_MONTHS or (
        len(word) <= 4 and not text.endswith(".") and word not in ("june", "july")
    )
    if ambiguous and not MONTH_CONTEXT.search(before):
        return None
    month_number = month_number_of(text)
    if ctx.dct is None:
        return Resolution("DATE", f"XXXX-{month_number:02d}")
    return Resolution("DATE", datemath.month(year_for(month_number, None, ctx), month_number))


def resolve_rel_month(m: re.Match, ctx: Context) -> Resolution | None:
    if not capitalized(m, "month", ctx):
        return None
    month_number = month_number_of(m.group("month"))
    if ctx.dct is None:
        return Resolution("DATE", f"XXXX-{month_number:02d}")
    offset = V.RELATIVE_DETERMINERS[normalized(m.group("rel"))]
    year = ctx.dct.year
    if offset < 0 and month_number >= ctx.dct.month:
        year -= 1
    elif offset > 0 and month_number <= ctx.dct.month:
        year += 1
    return Resolution("DATE", datemath.month(year, month_number))


def resolve_month_year(m: re.Match, ctx: Context) -> Resolution | None:
    month_number = month_number_of(m.group("month"))
    if not capitalized(m, "month", ctx):
        return None
    year = year_number_of(text_of(m, "year") or text_of(m, "spokenyear") or "") if not text_of(m, "rel") else None
    if text_of(m, "rel"):
        if ctx.dct is None:
            return Resolution("DATE", f"XXXX-{month_number:02d}")
        base = (ctx.anchor_date() or ctx.dct) if normalized(m.group("rel")) == "that" else ctx.dct
        year = base.year + {"this": 0, "last": -1, "next": 1, "that": 0}[normalized(m.group("rel"))]
    return Resolution("DATE", datemath.month(year, month_number)) if year else None


RULES: tuple[Rule, ...] = (
    # --- absolute calendar dates
    Rule(
        "iso_date",
        r"{year}-(?P<mnum>0[1-9]|1[0-2])-(?P<dnum>[0-2]\d|3[01])",
        resolver=resolve_numeric_date,
        triggers=("numdate",),
    ),
    Rule(
        "us_date",
        r"(?P<mnum>1[0-2]|0?[1-9])/(?P<dnum>[12]\d|3[01]|0?[1-9])/(?P<ynum>\d{4}|\d\d)",
        resolver=resolve_numeric_date,
        triggers=("numdate",),
    ),
    Rule(
        "month_day",
        r"(?:{weekday},?\s+)?{month}\s+{day}(?:(?:,\s*|\s+){year}|\s+(?:of\s+)?(?P<drel>this|last|next)\s+year)?",
        resolver=resolve_month_day,
        triggers=("month",),
        requires=(DIGIT,),
        reach=(12, 20),
        prefixes=("position", "approx"),
    ),
    Rule(
        "month_daynum",
        r"(?:{weekday},?\s+)?{month}\s+(?:the\s+)?{daynum}(?:,?\s+{year})?",
        resolver=resolve_month_day,
        triggers=("month",),
        reach=(12, 16),
        prefixes=("position",),
    ),
    Rule(
        "day_month",
        r"(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
        resolver=resolve_month_day,
        triggers=("month",),
        requires=(DIGIT,),
        reach=(18, 8),
        prefixes=("position",),
    ),
    Rule(
        "daynum_month",
        r"(?:{weekday},?\s+)?the\s+{daynum}\s+of\s+{month}(?:,?\s+{year})?",
        resolver=resolve_month_day,
        triggers=("month",),
        reach=(30, 8),
        prefixes=("position",),
    ),
    Rule(
        "week_of_date",
        r"(?:the\s+)?week\s+of\s+{month}\s+{day}(?:,?\s+{year})?",
        resolver=resolve_week_of_date,
        triggers=("month",),
        requires=("week",),
        reach=(16, 12),
        prefixes=("position",),
    ),
    Rule(
        "month_day_range",
        r"{month}\s+{day}\s*(?:-|to|through|until|and)\s*{day:day2}(?:,?\s+{year})?",
        resolver=resolve_month_day_range,
        triggers=("month",),
        requires=("-", "to", "through", "until", "and "),
        reach=(2, 22),
    ),
    Rule(
        "month_year",
        r"{month},?\s+(?:of\s+)?(?:{year}|{spokenyear})",
        resolver=resolve_month_year,
        triggers=("month",),
        requires=(DIGIT, "nineteen", "eighteen", "thousand"),
        reach=(2, 26),
        prefixes=("position",),
    ),
    Rule(
        "month_rel_year",
        r"{month}\s+(?:of\s+)?(?P<rel>this|last|next|that)\s+year",
        resolver=resolve_month_year,
        triggers=("month",),
        reach=(2, 16),
        prefixes=("position",),
    ),
    Rule(
        "rel_month",
        r"(?:{rel}\s+){month}",
        resolver=resolve_rel_month,
        triggers=("month",),
        reach=(16, 2),
        prefixes=("position",),
    ),
    Rule(
        "month",
        r"{month}",
        resolver=resolve_month,
        triggers=("month",),
        reach=(1, 2),
        prefixes=("position",),
    ),
)
