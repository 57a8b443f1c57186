"""Periods of a year: seasons ("last summer", "spring 1998"), quarters ("the third quarter",
"the year-ago quarter", "the same period last year") and halves ("the first half").

Financial text: "the third quarter" is the latest such quarter begun; "the quarter"
is the last one named (else the last completed); a named quarter or half becomes
"the period" of later sentences (``Context.last_quarter``, ``last_period``).
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import functools
import re
from dataclasses import replace

from .. import datemath, vocabulary as V
from .base import DIGIT, SENTENCE_BREAK, Context, Resolution, Rule, is_compound, normalized, text_of, year_number_of
from .names import CAPITAL_AFTER, in_a_name
from .years import resolve_decade


def resolve_season(m: re.Match, ctx: Context) -> Resolution | None:
    code = V.SEASONS[normalized(m.group("season"))]
    if in_a_name(m.start("season"), ctx) and CAPITAL_AFTER.match(ctx.text, m.end("season")):
        return None  # "the Spring Festival", "the Summer Olympics": names
    text = m.group(0).lower()
    # "the latest fall in prices": "fall" after a word other than these is the noun
    if normalized(m.group("season")) == "fall" and not re.search(
        r"\b(the|this|last|next|of|\d{4})\b|past|coming", text
    ):
        return None
    year = year_number_of(text_of(m, "year") or text_of(m, "spokenyear") or "")
    if year is None:
        if ctx.dct is None:
            return Resolution("DATE", f"XXXX-{code}")
        year, month = ctx.dct.year, ctx.dct.month
        rel = text_of(m, "rel")
        offset = V.RELATIVE_DETERMINERS[normalized(rel)] if rel else 0
        if code == "WI" and (month <= 2 or (month <= 5 and offset == 0 and ctx.tense == "PAST")):
            # January 2014 is the 13th month of the winter begun in December 2013 (2013-WI).
            # In spring that winter has ended, but it is still the one "this winter" and
            # "the winter" mean in the past tense ("Snow has closed schools twice this
            # winter", written on April 2). Not later: from June the talk turns to the
            # coming one, often in a past tense the tagger reads as past ("Officials said
            # they had stockpiled salt for this winter", "Forecasters said this winter
            # will be the coldest"); "Schools will close this winter" is always the coming one.
            year, month = year - 1, month + 12
        # The season's last month (winter ends in February of the next year).
        ends = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}[code]
        if offset < 0 and ends >= month:
            year -= 1  # "last summer" said in July means the previous year's
        elif offset > 0 and {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] <= month:
            year += 1  # "next spring" said in August; but "next fall" said in April is this year's
    return Resolution("DATE", f"{year:04d}-{code}")


def _quarter_year(q: int, dct: dt.date, tense: str | None) -> int:
    """The year of "the third quarter": the latest one begun, or the next if future."""
    if q <= datemath.quarter_of(dct) or tense == "FUTURE":
        return dct.year
    return dct.year - 1


def resolve_quarter(m: re.Match, ctx: Context) -> Resolution | None:
    q = V.ORDINALS.get(normalized(m.group("ordinal")))
    if q == -1:
        if m.group(0).lower().startswith("last") and not (text_of(m, "qyear2") or text_of(m, "qrel2")):
            return None  # "profit rose last quarter": the one before the DCT's (quarter_ref), not the fourth
        q = 4
    if not q or not 1 <= q <= 4:
        return None
    text = m.group(0).lower()
    if re.search(r"quarters\b", text) and not re.search(r"\b(?:the|its|this|that)\b", text[:6]):
        return Resolution("SET", f"XXXX-Q{q}")
    rel = text_of(m, "qrel") or text_of(m, "qrel2")
    year = year_number_of(text_of(m, "qyear") or text_of(m, "qyear2") or "")
    if year is None and rel and ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[normalized(rel)]
    if year is None and text_of(m, "qtheyear") and ctx.dct:
        # "the year's first quarter": the year told about, as in "Sales rose in 2012. The year's first quarter ..."
        year = (ctx.anchor_date() or ctx.dct).year
    if year is None:
        if ctx.dct is None:
            return Resolution("DATE", f"XXXX-Q{q}")
        year = ctx.dct.year if "fiscal" in text else _quarter_year(q, ctx.dct, ctx.tense)
        if (ago := text_of(m, "qago")) and re.search(r"year-ago|year-earlier|comparable", ago.lower()):
            year -= 1
    value = f"{year:04d}-Q{q}"
    if not text_of(m, "qago"):
        # A quarter named outright becomes "the quarter" of later sentences; the
        # year-ago quarter it is compared with does not.
        ctx.last_quarter = ctx.last_period = value
    return Resolution("DATE", value)


def base_quarter(ctx: Context) -> str | None:
    """The quarter a bare "the quarter" means: the last mentioned, else the last completed."""
    if ctx.last_quarter:
        return ctx.last_quarter
    if ctx.dct is None:
        return None
    q, year = datemath.quarter_of(ctx.dct) - 1, ctx.dct.year
    if q == 0:
        q, year = 4, year - 1
    return f"{year:04d}-Q{q}"


def resolve_quarter_ref(m: re.Match, ctx: Context) -> Resolution | None:
    text = normalized(m.group(0))
    word = normalized(text_of(m, "qword") or "")
    if is_compound(m):
        return None  # "its quarter-century low", "quarter-to-quarter"
    ago = text_of(m, "qago") or ""
    is_period = text.endswith("period") or "period " in text
    if is_period and not (word or text_of(m, "qyear") or ago):
        return None
    if ctx.dct is None:
        return Resolution("DATE", "XXXX-QX")
    year_back = bool(
        re.search(
            r"year-ago|year-earlier|comparable|a year ago|a year earlier|last year|previous year", ago + " " + word
        )
    )
    if is_period and ctx.last_period and "H" in ctx.last_period:
        # "the first half ... the same period last year", "... from the 1998 period": that half of another year
        year = int(m.group("qyear")) if text_of(m, "qyear") else int(ctx.last_period[:4]) - (1 if year_back else 0)
        return Resolution("DATE", f"{year:04d}{ctx.last_period[4:]}")
    if is_period and year_back and not ctx.last_period:
        # "exports rose 5% over the same period last year", no quarter named: the year
        # ("from the 2011 period a year earlier": the year named)
        return Resolution("DATE", f"{int(m.group('qyear')) if text_of(m, 'qyear') else ctx.dct.year - 1:04d}")
    base = base_quarter(ctx)
    if word == "latest":
        # "the latest quarter": the last one completed, whatever was named before
        base = base_quarter(Context(dct=ctx.dct))
    if base is None:
        return None  # (not reached: with a DCT there is always a last completed quarter)
    year, q = int(base[:4]), int(base[-1])
    if word == "current":
        year, q = ctx.dct.year, datemath.quarter_of(ctx.dct)
    elif word == "previous" and ctx.last_quarter:
        # "second-quarter profit rose from the previous quarter": the one before the quarter named
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    elif text.startswith(("last quarter", "next quarter")) or word in ("previous", "past"):
        step = 1 if text.startswith("next") else -1
        q0 = datemath.quarter_of(ctx.dct) + step
        year, q = ctx.dct.year + (q0 - 1) // 4, (q0 - 1) % 4 + 1
    if text_of(m, "qyear"):
        year = int(m.group("qyear"))  # "the 2012 quarter a year earlier" is of 2012
    elif year_back:
        if not ctx.last_quarter and text in ("year-ago", "year-earlier"):
            return Resolution("DATE", f"{ctx.dct.year - 1:04d}")
        year -= 1
    return Resolution("DATE", f"{year:04d}-Q{q}")


# Words of business news: there "the first half" is of the year, not of a game.
_BUSINESS_WORDS = re.compile(
    r"\b(?:profits?|sales|revenues?|earnings|net|income|loss|losses|percent|growth|economy|economic|"
    r"gdp|exports?|imports?|output|investment|inflation|deficit|surplus|prices|shares|dividend|"
    r"fiscal|quarter|billion|million)\b|%",
    re.IGNORECASE,
)


# One text at a time: the tagger reads a text whole before the next, and a long-running
# desk would otherwise keep the marks of its last texts (tens of MB for a 20 MB one).
@functools.lru_cache(maxsize=1)
def _marks(text: str) -> tuple[array.array, array.array, array.array]:
    """Where the sentence breaks of ``text`` start and end, and where its business words
    start: found once per text, so that a text of one long sentence holding "the second
    half" thousands of times is still read in linear time. Arrays of machine integers:
    a 5 MB text of short sentences has a million break offsets."""
    starts, ends = array.array("q"), array.array("q")
    for found in SENTENCE_BREAK.finditer(text):
        starts.append(found.start())
        ends.append(found.end())
    business = array.array("q", (word.start() for word in _BUSINESS_WORDS.finditer(text)))
    return starts, ends, business


def _in_business_news(ctx: Context) -> bool:
    """Whether the sentence around the expression, however long, holds a business word:
    "Profit rose 12% at the group, which ... [200 characters] ... through the second half".

    An expression starting a sentence takes the sentence before too (as when this was a
    window of 200 characters, where a break was only known by the capital after it):
    "Profit fell 5%. The second half will be better" is of the year.
    """
    start, end = ctx.span
    starts, ends, business = _marks(ctx.text)
    before = bisect.bisect_left(ends, start)  # the breaks ending before the expression
    after = bisect.bisect_left(starts, end)  # the first break from its end on
    first = ends[before - 1] if before else 0
    last = starts[after] if after < len(starts) else len(ctx.text)
    word = bisect.bisect_left(business, first)  # the first business word from the sentence's start on
    return word < len(business) and business[word] < last


def resolve_half(m: re.Match, ctx: Context) -> Resolution | None:
    half = 1 if normalized(m.group("half")) == "first" else 2
    if text_of(m, "decade"):
        decade = resolve_decade(m, ctx)  # "the last half of the '80s": that part of the decade
        return replace(decade, mod="START" if half == 1 else "END") if decade else None
    bare = not (text_of(m, "year") or text_of(m, "qrel2") or "of the year" in m.group(0).lower())
    if bare and not (_in_business_news(ctx) and m.group(0).lower().startswith("the")):
        return None  # "the second half" alone is too often a game's or a book's
    year = int(m.group("year")) if text_of(m, "year") else None
    if year is None:
        if ctx.dct is None:
            return Resolution("DATE", f"XXXX-H{half}")
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get(normalized(text_of(m, "qrel2") or "this"), 0)
        if bare and half == 2 and ctx.dct.month <= 6 and ctx.tense != "FUTURE":
            year -= 1  # "profit fell in the second half", said in March: last year's
    ctx.last_period = f"{year:04d}-H{half}"  # "the same period last year" is this half a year back
    return Resolution("DATE", ctx.last_period)


RULES: tuple[Rule, ...] = (
    # --- seasons, quarters and halves
    Rule(
        "season_year",
        r"(?:the\s+)?{season}\s+(?:of\s+)?(?:{year}|{spokenyear})",
        resolver=resolve_season,
        triggers=("season",),
        requires=(DIGIT, "nineteen", "eighteen", "thousand"),
        prefixes=("position",),
    ),
    Rule(
        "year_season",
        r"(?:the\s+)?{year}\s+{season}",
        resolver=resolve_season,
        triggers=("season",),
        requires=(DIGIT,),
        prefixes=("position",),
    ),
    Rule(
        "rel_season",
        r"{rel}\s+{season}",
        resolver=resolve_season,
        triggers=("season",),
        prefixes=("position",),
    ),
    Rule(
        "the_season",
        r"(?:the|this)\s+(?:early\s+|late\s+)?{season}",
        resolver=resolve_season,
        triggers=("season",),
        prefixes=("position",),
    ),
    Rule(
        "quarter",
        r"(?:the\s+(?![\w]+-quarter))?(?:{year:qyear}(?:'s)?\s+|(?P<qrel>this|last|next)\s+year's\s+|(?P<qtheyear>year's)\s+|(?:(?P<qago>year-ago|year-earlier|comparable(?:\s+year-ago)?|corresponding)|{qadj:_})[\s-]+)*{ordinal}[\s-]+(?:fiscal\s+)?quarters?(?:\s+(?:of|in)\s+(?:(?:fiscal\s+)?{year:qyear2}|(?P<qrel2>this|last|next)\s+year))?(?!-)",
        resolver=resolve_quarter,
        triggers=("unit",),
        requires=("quarter",),
        reach=(40, 30),
        prefixes=("position",),
    ),
    Rule(
        "quarter_ref",
        r"(?:the|this|that|last|next|its)\s+(?:{year:qyear}\s+|(?P<qword>latest|current|previous|past|year-ago|year-earlier|comparable|comparable\s+year-ago|same|corresponding|year-ago)\s+)?(?:quarter|period)(?:\s+(?P<qago>a\s+year\s+(?:ago|earlier)|(?:(?:of|in)\s+)?(?:last\s+year|the\s+previous\s+year)))?",
        resolver=resolve_quarter_ref,
        triggers=("unit", "quarter"),
        requires=("quarter", "period"),
        reach=(40, 22),
        prefixes=("position",),
    ),
    Rule(
        "year_ago_adj",
        r"(?P<qago>year-ago|year-earlier)",
        resolver=resolve_quarter_ref,
        triggers=("quarter",),
        reach=(8, 1),
    ),
    Rule(
        "half",
        r"(?:the\s+)?(?P<half>first|second|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+(?:{year}|(?P<qrel2>this|last|next)\s+year|the\s+year|(?:the\s+)?{decade}))?",
        resolver=resolve_half,
        triggers=("quarter",),
        requires=("half",),
        reach=(20, 30),
        prefixes=("position",),
    ),
)
