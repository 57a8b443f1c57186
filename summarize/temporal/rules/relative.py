"""Relative and anaphoric expressions: "last week", "this year", "two years ago", "a week
from now", "a day earlier", "later in the day", "the following month", "that year",
"now", "recently", "at the time", "the coming weeks".

Deictic ones count from the DCT; anaphoric ones ("the following day", "two days
later") from the last mentioned time (``Context.anchor_day``, ``anchor_date``).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import datemath, vocabulary as V
from .base import (
    Context,
    Resolution,
    Rule,
    duration_value,
    is_compound,
    normalized,
    number_of,
    text_of,
    unit_of,
    unknown_value,
    words_before,
)
from .durations import resolve_vague_duration
from .names import in_a_name
from .periods import base_quarter

# Nouns before "of the day/week/year" that make it a title or a generic phrase:
# "player of the year", "videos of the week", "day of the week", "hours of the day".
_GENERIC_OF = re.compile(
    r"\b(?:player|team|goal|man|woman|person|coach|manager|rookie|fan|athlete|driver|"
    r"sportsman|sportswoman|trainer|horse|jockey|hero|pick|picture|photo|image|video|clip|"
    r"quote|word|question|story|tip|deal|dish|recipe|song|album|book|film|movie|car|game|"
    r"match|save|try|moment|frame|event|show|day|time|hour)s?"
    r"\s+of\s+$",
    re.IGNORECASE,
)


def _generic_unit(m: re.Match, ctx: Context) -> bool:
    """ "player of the year", "the Week" in a title, "back in the day": no particular time."""
    start = m.start()
    if normalized(m.group(0)) in ("the day", "the week", "the month", "the year") and _GENERIC_OF.search(
        words_before(ctx.text, start, 2)
    ):
        return True
    group = "unit" if text_of(m, "unit") else "unit2"  # the_unit's "the weekend" is unit2
    if text_of(m, group) and in_a_name(m.start(group), ctx):
        return True  # "Player of the Year", ABC's "This Week", "the Weekend section"
    # "back in the day", "during the day", "start the day": any day, or days long gone
    return normalized(m.group(0)) == "the day" and bool(_GENERIC_DAY_BEFORE.search(words_before(ctx.text, start, 2)))


_GENERIC_DAY_BEFORE = re.compile(r"\b(?:back\s+in|during|start|started|starts)\s+$", re.IGNORECASE)


# What ties "the week" to the day it ends on (not "the year to date", nor "to\n    date": the
# lookahead also refuses a space, or \s+ would give one back to it).
_PERIOD_ENDING = re.compile(r"\s+(?:ended|ending|(?:up\s+to|to|through|thru|until|till)\s+(?!\s|date\b))")


def resolve_rel_unit(m: re.Match, ctx: Context) -> Resolution | None:
    """ "last week", "this year", "next month", "the weekend" against the DCT."""
    unit_text = text_of(m, "unit") or text_of(m, "unit2") or text_of(m, "unit3")
    if unit_text is None or _generic_unit(m, ctx):
        return None
    unit = normalized(unit_text)
    rel = normalized(text_of(m, "rel") or "this")
    offset = V.RELATIVE_DETERMINERS.get(rel, 0)
    if rel == "latest" and unit != "fiscal year":
        return None
    if unit == "weekend":
        if ctx.dct is None:
            return Resolution("DATE", "XXXX-WXX-WE")
        if offset < 0 or (offset == 0 and ctx.tense != "FUTURE"):
            saturday = datemath.weekday_before(ctx.dct, 6, inclusive=True)
            if offset < 0 and ctx.dct.isoweekday() >= 6:
                saturday -= dt.timedelta(weeks=1)
        else:
            saturday = datemath.weekday_after(ctx.dct, 6, inclusive=offset == 0)
        return Resolution("DATE", datemath.week(saturday) + "-WE")
    # read where the match ends: a window of 16 characters cut "to\n          date" before "date"
    if normalized(m.group(0)).startswith("the ") and _PERIOD_ENDING.match(m.string, m.end()):
        # "the year ended June 30", "the week up to September 27": TimeML has no "week
        # ending X", so, as TimeBank does, the unit is a duration and the day a date
        return Resolution("DURATION", "P1Y" if "year" in unit else duration_value(1, unit))
    if ctx.dct is None:
        return Resolution("DATE", unknown_value(unit))
    if unit == "week" and normalized(m.group(0)) == "the week":
        return Resolution("DATE", f"{ctx.dct.year:04d}-WXX")  # "for the week": some week of the story
    base = datemath.shift(ctx.dct, offset, unit)
    return Resolution("DATE", datemath.granular(base, unit))


def resolve_year_end(m: re.Match, ctx: Context) -> Resolution:
    return Resolution("DATE", f"{ctx.dct.year:04d}" if ctx.dct else "XXXX", "END")


def resolve_ago(m: re.Match, ctx: Context) -> Resolution | None:
    unit = unit_of(text_of(m, "anyunit") or text_of(m, "bareunits") or "")
    n = number_of(m)
    if n is None or ctx.dct is None or unit not in V.UNITS:
        return Resolution("DATE", "PAST_REF")
    if unit == "year" and n == 1 and ctx.last_period:
        # Earnings news: "net rose 5% from a year ago" compares the quarter (half) reported.
        return Resolution("DATE", f"{int(ctx.last_period[:4]) - 1:04d}{ctx.last_period[4:]}")
    granularity = "day" if unit in ("week", "weekend", "fortnight", "night", "hour", "minute", "second") else unit
    return Resolution("DATE", datemath.granular(datemath.shift(ctx.dct, -n, unit), granularity))


def resolve_from_now(m: re.Match, ctx: Context) -> Resolution:
    """ "two years from now", "a week from today": that far after the DCT."""
    unit = unit_of(text_of(m, "anyunit") or "")
    n = number_of(m)
    if n is None or ctx.dct is None or unit not in V.UNITS:
        return Resolution("DATE", "FUTURE_REF")
    granularity = "day" if unit in ("week", "weekend", "fortnight", "night", "hour", "minute", "second") else unit
    return Resolution("DATE", datemath.granular(datemath.shift(ctx.dct, n, unit), granularity))


def resolve_earlier_later(m: re.Match, ctx: Context) -> Resolution | None:
    """ "a day earlier", "two years later": counted from the last mentioned time."""
    unit = unit_of(m.group("unit"))
    n = number_of(m)
    if n is None or unit not in V.UNITS or unit in ("second", "minute", "hour"):
        return None
    sign = -1 if normalized(m.group("dir")) == "earlier" else 1
    if unit == "year" and n == 1 and sign < 0 and ctx.last_period:
        return Resolution("DATE", f"{int(ctx.last_period[:4]) - 1:04d}{ctx.last_period[4:]}")
    if unit in ("day", "night", "week"):
        anchor = ctx.anchor_day()
        if anchor is None:
            return Resolution("DATE", "XXXX-XX-XX")
        days = int(n) * (7 if unit == "week" else 1)
        value = datemath.shift_day(anchor, sign * days)
        return Resolution("DATE", value) if value else None
    base = ctx.anchor_date()
    if base is None:
        return Resolution("DATE", unknown_value(unit))
    return Resolution("DATE", datemath.granular(datemath.shift(base, sign * n, unit), unit))


def resolve_in_the_unit(m: re.Match, ctx: Context) -> Resolution:
    """ "earlier in the day", "later this year": the unit of the last mentioned time."""
    unit = normalized(m.group("unit"))
    deictic = "this" in m.group(0).lower().split()
    # "earlier in the day" refers to a day named in the same sentence, else the DCT's
    if unit in ("morning", "afternoon", "evening"):
        day = datemath.day(ctx.dct) if deictic and ctx.dct else datemath.day_part(ctx.anchor_day(0) or "XXXX-XX-XX")
        return Resolution("TIME", f"{day}T{V.PARTS_OF_DAY[unit]}")
    if unit == "day":
        return Resolution("DATE", datemath.day_part(ctx.anchor_day(0) or "XXXX-XX-XX") or "XXXX-XX-XX")
    base = ctx.dct if deictic else ctx.anchor_date(0)
    if base is None:
        return Resolution("DATE", unknown_value(unit))
    return Resolution("DATE", datemath.granular(base, unit))


def resolve_anaphoric_unit(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the following day", "the year before", "that day": relative to the last mention."""
    unit = normalized(m.group("unit"))
    if is_compound(m):
        return None  # "the quarter-to-quarter comparison", "the year-ago results"
    if _generic_unit(m, ctx):
        return None  # "player of the year", "the day of the week", "back in the day"
    ana = normalized(text_of(m, "ana") or "")
    direction = normalized(text_of(m, "dir") or "")
    step = V.ANAPHORIC_DETERMINERS.get(ana, 0) + {"before": -1, "earlier": -1, "after": 1, "later": 1}.get(direction, 0)
    if unit == "day":
        anchor = ctx.anchor_day()
        if anchor is None:
            return Resolution("DATE", "XXXX-XX-XX")
        value = datemath.shift_day(datemath.day_part(anchor) or anchor, step)
        return Resolution("DATE", value or "XXXX-XX-XX")
    if unit == "quarter":
        quarter = ctx.last_quarter or base_quarter(ctx)
        if quarter is None:
            return Resolution("DATE", "XXXX-QX")
        index = int(quarter[:4]) * 4 + int(quarter[-1]) - 1 + step
        return Resolution("DATE", f"{index // 4:04d}-Q{index % 4 + 1}")
    # "the century" of a news story is the DCT's; "the following decade" counts on
    base = ctx.dct if unit in ("decade", "century") and step == 0 else ctx.anchor_date()
    if base is None:
        return Resolution("DATE", unknown_value(unit))
    if step == 0 and unit in ("week", "month") and ctx.anchor_is_a_year():
        # "Sales rose in 2020 ... in the week" is some week of 2020, not its first
        # (ISO 2020-W01 began on 30 December 2019)
        return Resolution("DATE", f"{base.year:04d}-{'WXX' if unit == 'week' else 'XX'}")
    return Resolution("DATE", datemath.granular(datemath.shift(base, step, unit), unit))


# "as soon as", "shortly after the blast", across a line break or a run of spaces too. No \b on
# purpose: "was soon", "has soon", "soon asked" are mostly told of the past, not FUTURE_REF.
_AS_BEFORE = re.compile(r"as\s+$")
_EVENT_AFTER = re.compile(r"\s+(?:after|as|before)")


def resolve_reference(m: re.Match, ctx: Context) -> Resolution | None:
    word = normalized(m.group("ref"))
    if is_compound(m):
        return None  # "the now-defunct company", "the current-account deficit"
    if word in ("soon", "shortly") and (
        _AS_BEFORE.search(words_before(m.string, m.start(), 1)) or _EVENT_AFTER.match(m.string, m.end())
    ):
        return None  # "as soon as the threats end", "shortly after the blast": relative to an event
    return Resolution("DATE", V.REFERENCE_WORDS[word])


def resolve_at_the_time(m: re.Match, ctx: Context) -> Resolution:
    """ "at the time": the time of the events told, in the past (TimeBank's PAST_REF)."""
    return Resolution("DATE", "PAST_REF")


RULES: tuple[Rule, ...] = (
    Rule(
        "rel_unit",
        r"(?:the\s+(?=past|last|current|latest|present))?{rel}\s+(?P<unit>week|weekend|month|year|decade|century|fiscal\s+year)(?:\s+or\s+so)?",
        resolver=resolve_rel_unit,
        triggers=("unit",),
        reach=(28, 10),
        prefixes=("position",),
    ),
    Rule(
        "the_unit",
        r"(?:the|this)\s+(?:(?P<unit>week|month|year|decade|fiscal\s+year)(?=\s*(?:'s|,|\.|;|\)|\s+(?:before|ended|ending|to\s+date|so\s+far|as\s+a\s+whole)\b"
        r"|\s+(?:up\s+to|to|through|thru|until|till)\s+(?:{month:_}|{weekday:_}|\d)))|full\s+(?P<unit3>year|month|week|fiscal\s+year)|(?P<unit2>weekend))",
        resolver=resolve_rel_unit,
        triggers=("unit",),
        reach=(12, 22),
        prefixes=("position",),
    ),
    Rule(
        "year_end",
        r"(?:year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year)",
        resolver=resolve_year_end,
        triggers=("unit",),
        requires=("end",),
        reach=(16, 6),
        prefixes=("quantity",),
    ),
    Rule(
        "ago",
        r"(?:(?:{num}|{vague})\s+{anyunit}|(?P<bareunits>years|months|weeks|days|decades))(?:\s+or\s+so)?\s+ago",
        resolver=resolve_ago,
        triggers=("unit",),
        requires=("ago",),
        reach=(40, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "from_now",
        r"(?:{num}|{vague})\s+{anyunit}\s+from\s+(?:now|today)",
        resolver=resolve_from_now,
        triggers=("unit",),
        requires=(" from ",),
        reach=(40, 16),
        prefixes=("quantity",),
    ),
    Rule(
        "earlier_later",
        r"{num}\s+{anyunit:unit}\s+(?:or\s+so\s+)?(?P<dir>earlier|later)",
        resolver=resolve_earlier_later,
        triggers=("unit",),
        requires=("earlier", "later"),
        reach=(30, 20),
    ),
    Rule(
        "in_the_unit",
        r"(?P<dir>earlier|later)\s+(?:in\s+the|that|this)\s+(?P<unit>day|week|month|year|decade|morning|afternoon|evening)",
        resolver=resolve_in_the_unit,
        triggers=("unit", "pod"),
        requires=("earlier", "later"),
        reach=(20, 2),
    ),
    Rule(
        "ana_unit",
        r"(?:the|that)\s+(?:{ana}\s+)?(?P<unit>day|week|month|year|quarter|decade|century)(?:\s+(?P<dir>before|after|earlier|later))?(?:\s+or\s+so)?",
        resolver=resolve_anaphoric_unit,
        triggers=("unit",),
        reach=(18, 18),
        prefixes=("position",),
    ),
    Rule(
        "that_unit",
        r"(?:that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)",
        resolver=resolve_anaphoric_unit,
        triggers=("unit",),
        requires=("that", "same"),
        reach=(10, 2),
    ),
    Rule(
        "ref",
        r"{ref}",
        resolver=resolve_reference,
        triggers=("ref",),
        reach=(14, 16),
    ),
    Rule(
        "rel_plural",
        r"(?:the\s+)?(?:(?P<rel>recent|coming|past|last|next|previous|following|ensuing)\s+{units}(?:\s+and\s+{units:units2})?|(?P<units3>weeks|months|years|days)\s+ahead)",
        resolver=resolve_vague_duration,
        triggers=("unit",),
        requires=("recent", "coming", "past", "last", "next", "previous", "following", "ensuing", "ahead"),
        reach=(25, 30),
        prefixes=("quantity",),
    ),
    Rule(
        "at_the_time",
        r"(?<=at\s)the\s+time",
        resolver=resolve_at_the_time,
        triggers=("ref",),
        reach=(4, 1),
    ),
)
