"""Placing a day, month or weekday given without its year or week: which side of the DCT.

News reports the past more than it announces: a bare "June 9" or "Friday" is the
nearest one, on or before the DCT unless the clause is about the future ("will meet
Friday") or a cue word just before it says which side (``ended March 31`` is past,
``by January`` ahead). A future seen from a past moment ("said it would open the plant
in January") takes the nearest on either side. Dates, holidays, clock times and
weekdays of every rule family ask here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .. import datemath, vocabulary as V
from .base import YEAR_MONTH, Context, normalized, words_before

# A word right before a date that fixes which side of the DCT it is on.
_PAST_CUE = re.compile(r"\b(?:ended|since|last|ending\s+on|as\s+of)\s+(?:on\s+|in\s+)?$")


# For weekdays "by"/"before" are left out: "By Monday, the troops had left".
_WEEKDAY_FUTURE_CUE = re.compile(r"\b(?:due|until|till|starting|effective|expires|payable)\s+(?:on\s+)?$")

_FUTURE_CUE = re.compile(r"\b(?:by|due|until|till|starting|effective|expires?|payable)\s+(?:on\s+|in\s+)?$")


# Of those, the ones that mark a deadline of the clause's own verb, which a past verb
# places in the past's future ("asked for the messages by September"); "effective",
# "starting" and "payable" name a date of their own ("a labor pact effective June 1").
_DEADLINE_CUE = re.compile(r"\b(?:by|until|till)\s+(?:on\s+|in\s+)?$")


# A past-tense verb whose happening the date places: "talks ran on May 5", "met
# between May 5 and May 7". Unlike a past verb farther off ("extended to Nov. 20",
# "said it will redeem on Oct. 31"), which may govern a date still to come, this
# happening is over. Verbs of planning date what is planned, not the planning.
_NOT_HAPPENED = frozenset({"has", "have", "had", "did", "ago", "yesterday", "earlier", "since", "been", "says"})

_PLANNING = V.alternation(
    V.PLANNING_PARTICIPLES | {"scheduled", "rescheduled", "expected", "postponed", "delayed", "moved", "extended"}
)


# A participle after "be" or "to" is no past tense ("will be released on May 5").
_PAST_VERB_CUE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bget )(?<!\bgets )"
    r"\b(?:(?!" + _PLANNING + r"\b)[a-z]{2,}ed|" + "|".join(sorted(V.PAST_MARKERS - _NOT_HAPPENED)) + r")"
    r"\s+(?:on|between|from)\s+$"
)


# The words before a date that its cues are read in: three, the longest cue ("ending on
# on") or a verb and its preposition with the word that makes it no past tense ("to be
# released on"), also across a wrapped line or a run of spaces ("as of       March 31").
_CUE_WORDS = 3


def cue_tense(ctx: Context) -> str | None:
    """The tense a cue word just before the expression forces, else the clause tense.

    "NEAR" is a future seen from a past moment, which may lie on either side of the
    DCT: a future cue in a past clause ("the inquiry asked for the messages by
    September", "extended the offer until December") or a future marker that a past
    verb governs ("asked for messages to be handed over in September", "said it
    would open the plant in March"). Written in November 2020, the first two are
    September 2020 and December 2020: the nearest.
    """
    before = words_before(ctx.text, ctx.span[0], _CUE_WORDS).lower()
    if _PAST_CUE.search(before):
        return "PAST!"
    tense = ctx.tense
    if _PAST_VERB_CUE.search(before) and tense != "FUTURE":
        return "PAST!"
    if _FUTURE_CUE.search(before):
        return "NEAR" if tense == "PAST" and _DEADLINE_CUE.search(before) else "FUTURE"
    if tense == "FUTURE" and ctx.future_in_the_past:
        return "NEAR"
    return tense


def year_for(month_number: int, day_number: int | None, ctx: Context) -> int:
    """The year of a month (and day) given without one, from the DCT and the tense.

    A bare month keeps the DCT's year unless the tense says it lies on the other
    side of the DCT; a month and day takes the nearest occurrence, preferring the
    past in a past clause and the future in a future one.
    """
    dct = ctx.dct
    assert dct is not None
    coordinated = _coordinated_year(month_number, day_number, ctx)
    if coordinated is not None:
        return coordinated
    tense = cue_tense(ctx)
    if day_number is None:
        if tense == "NEAR":  # the month nearest the DCT, the later one on a tie
            return min(
                (dct.year - 1, dct.year, dct.year + 1),
                key=lambda year: (abs((year - dct.year) * 12 + month_number - dct.month), -year),
            )
        if tense == "FUTURE" and month_number < dct.month:
            return dct.year + 1
        if tense in ("PAST", "PAST!") and month_number > dct.month:
            return dct.year - 1
        return dct.year
    return nearest_year(lambda year: datemath.safe_date(year, month_number, day_number), dct, tense)


# What joins a date to the one just before it in a list or a range.
_COORDINATION = re.compile(r"\s*,?\s*(?:and|or|to|until|till|through|thru|-|\u2013|\u2014)\s*", re.IGNORECASE)


def _coordinated_year(month_number: int, day_number: int | None, ctx: Context) -> int | None:
    """The year of a month (and day) joined to the date just before it ("between May 5
    and May 7", "June 9 to June 12"): that date's year, or the next when the month
    comes round again ("Dec. 28 to Jan. 3"). None when nothing is joined to it."""
    if not ctx.last_value or not _COORDINATION.fullmatch(ctx.text[ctx.last_end : ctx.span[0]]):
        return None
    previous = YEAR_MONTH.match(ctx.last_value)
    if previous is None or previous.group(2) is None:
        return None
    year, previous_month = int(previous.group(1)), int(previous.group(2))
    previous_day = datemath.parse_day(ctx.last_value)
    if day_number is None and previous.end() != len(ctx.last_value):
        return None  # a month after a day or the like: "a revision Friday to December's figures"
    # A range that comes round to an earlier month ends in the next year ("from December
    # to Jan. 15"), and so does one that comes round to its own month ("prices rose from
    # May 2013 to May"): a month alone counts as before its first day. A day is not before
    # itself ("from 9 a.m. June 9 to 5 p.m. June 9").
    if (month_number, day_number or 0) < (previous_month, previous_day.day if previous_day else 1):
        # A list ("March 3 and Feb. 2") is not ordered, so its year is not told.
        return None if re.search(r"\b(?:and|or)\b", ctx.text[ctx.last_end : ctx.span[0]], re.IGNORECASE) else year + 1
    return year


def nearest_year(date_in: Callable[[int], dt.date | None], dct: dt.date, tense: str | None) -> int:
    """The year (DCT's, one before or after) whose ``date_in(year)`` is nearest the DCT,
    with dates on the wrong side of the DCT for the tense made farther ("NEAR": on
    neither side)."""
    best, best_score = dct.year, None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        d = date_in(year)
        if d is None:
            continue
        score = abs((d - dct).days)
        if tense == "PAST!" and d > dct:
            score += 400  # "the year ended March 31": certainly past
        elif (tense == "PAST" and d > dct) or (tense == "FUTURE" and d < dct):
            score += 120
        elif tense is None and d > dct:
            score += 10  # news reports the past more than it announces
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


# Determiners that place a weekday relative to the last mentioned day, not the DCT.
_ANAPHORIC_WEEKDAY = frozenset({"following", "subsequent", "previous", "preceding", "prior"})


def weekday_value(iso_weekday: int, ctx: Context, determiner: str | None) -> str:
    """A weekday resolved against the DCT (or the last mentioned day for "the following")."""
    det = normalized(determiner) if determiner else None
    if det in _ANAPHORIC_WEEKDAY:
        base = datemath.parse_day(ctx.anchor_day())
        if base is None:
            return f"XXXX-WXX-{iso_weekday}"
        if V.ANAPHORIC_DETERMINERS[det] < 0:
            return datemath.day(datemath.weekday_before(base, iso_weekday, inclusive=False))
        return datemath.day(datemath.weekday_after(base, iso_weekday, inclusive=False))
    if ctx.dct is None:
        return f"XXXX-WXX-{iso_weekday}"
    dct = ctx.dct
    if det in ("last", "past", "this past", "previous"):
        return datemath.day(datemath.weekday_before(dct, iso_weekday, inclusive=False))
    if det in ("next", "coming", "this coming", "upcoming"):
        return datemath.day(datemath.weekday_after(dct, iso_weekday, inclusive=False))
    if det == "this":
        return datemath.day(dct + dt.timedelta(days=iso_weekday - dct.isoweekday()))
    # A bare weekday: the past one in news unless the clause is about the future.
    # News names the day it is written on by its weekday too ("will vote Friday" in
    # a Friday story is that day), so both directions include the DCT's own day.
    before = words_before(ctx.text, ctx.span[0], _CUE_WORDS).lower()
    if _WEEKDAY_FUTURE_CUE.search(before) or (not _PAST_CUE.search(before) and ctx.tense == "FUTURE"):
        return datemath.day(datemath.weekday_after(dct, iso_weekday, inclusive=True))
    return datemath.day(datemath.weekday_before(dct, iso_weekday, inclusive=True))
