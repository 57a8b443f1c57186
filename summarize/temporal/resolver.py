"""Turn a pattern match into a TIMEX3 type, value and modifier.

Each resolver named in ``patterns.RULES`` is a function ``(match, context)`` that
returns ``(type, value, mod)``, a list of ``(start, end, type, value, mod)`` when a
match holds several expressions (ranges), or None to reject the match (a shorter
match inside it may then be tried). Resolvers only read the context, except that
a named quarter becomes ``last_quarter``; the tagger records the other anchors. The
:class:`Context` carries the document creation time (DCT), the tense of the
clause around the match, and the last mentioned times that anaphoric expressions
("the following day", "that quarter") refer to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Union

from . import datemath as C
from . import vocabulary as V
from .tense import clause_tense, future_in_the_past

Resolved = Union[tuple[str, str, "str | None"], list[tuple[int, int, str, str, "str | None"]], None]


@dataclass
class Context:
    """What a resolver may look at besides the match itself."""

    dct: dt.date | None
    text: str = ""  # the original text (matches are made on its lower-cased copy)
    cased: bool = True  # whether the text uses capitals (so "May" and "may" differ)
    span: tuple[int, int] = (0, 0)  # where the expression being resolved is
    last_day: str | None = None  # last mentioned day-level value (2014-06-21, XXXX-WXX-6)
    last_value: str | None = None  # last mentioned DATE/TIME value of any granularity
    last_end: int = 0  # where the last mentioned time ends in the text
    last_quarter: str | None = None  # last mentioned quarter (1989-Q3); kept for the whole text
    last_period: str | None = None  # last mentioned quarter or half (1998-H1): "the same period"
    names: frozenset[str] = frozenset()  # month words the text uses as a person's name ("june")

    @property
    def tense(self) -> str | None:
        """ "PAST", "FUTURE" or None for the clause around the current expression.

        Computed on demand: most resolvers never ask.
        """
        return clause_tense(self.text, *self.span)

    @property
    def future_in_the_past(self) -> bool:
        """Whether the clause's future hangs on a past verb ("asked for messages to be
        handed over in September"): see ``tense.future_in_the_past``."""
        return future_in_the_past(self.text, *self.span)

    def _anchor_is_near(self, max_sentences: int | None) -> bool:
        """Whether the last mentioned time is at most ``max_sentences`` sentences back.

        "The following month" may refer to a date paragraphs back, but a time
        named in another sentence ("the cuts take effect Jan. 1, 2000") is not what
        "earlier in the week" or a bare "6:45 p.m." counts from; the DCT is.
        """
        if max_sentences is None:
            return True
        gap = self.text[self.last_end:self.span[0] + 1]  # + 1: the break looks at the next capital
        return len(_SENTENCE_BREAK.findall(gap)) <= max_sentences

    def anchor_day(self, max_sentences: int | None = None) -> str | None:
        """The day "the following day" counts from: last mentioned if near, else the DCT."""
        if self.last_day and (self.dct is None or self._anchor_is_near(max_sentences)):
            return self.last_day
        return C.day(self.dct) if self.dct else None

    def anchor_date(self, max_sentences: int | None = None) -> dt.date | None:
        """A real date near the last mentioned time, for year/month arithmetic."""
        return self._anchor(max_sentences)[0]

    def anchor_is_a_year(self, max_sentences: int | None = None) -> bool:
        """Whether ``anchor_date`` stands for a whole year ("in 2020", "last year"):
        its January 1 is no week or month of its own."""
        value = self._anchor(max_sentences)[1]
        return value is not None and re.fullmatch(r"\d{4}", value) is not None

    def _anchor(self, max_sentences: int | None) -> tuple[dt.date | None, str | None]:
        """``anchor_date`` and the value it was read from (None: the DCT)."""
        if self.dct is None or self._anchor_is_near(max_sentences):
            # the latest mention first: "in 1997, up 12% over the previous year"
            for value in (self.last_value, self.last_day):
                d = C.parse_day(value)
                if d:
                    return d, value
                week = _YEAR_WEEK.match(value or "")
                if week:  # "next week ... the week": that week's Monday, not January 1
                    return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1), value
                m = _YEAR_MONTH.match(value or "")
                if m:
                    return dt.date(int(m.group(1)), int(m.group(2) or 1), 1), value
        return self.dct, None


_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z\"'`(])|\n\s*\n")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d\d))?")
_YEAR_WEEK = re.compile(r"^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])")


# ---------------------------------------------------------------- small helpers

def _g(m: re.Match, name: str) -> str | None:
    """A named group's text, or None when the pattern has no such group or it is unset."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _word(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def _capitalized(m: re.Match, group: str, ctx: Context) -> bool:
    """Whether a group starts with a capital in the original text.

    Rules match the lower-cased text (faster), so case is read from ``ctx.text``.
    """
    if not ctx.cased:
        return True  # an all lower-case text gives no clue: "on monday" is still a day
    start = m.start(group)
    return start >= 0 and ctx.text[start:start + 1].isupper()


def _compound(m: re.Match) -> bool:
    """Whether the match is the first part of a hyphenated word ("quarter-to-quarter")."""
    return m.string[m.end():m.end() + 1] == "-" and m.string[m.end() + 1:m.end() + 2].isalpha()


_SENTENCE_START = re.compile(
    r"(?:^|[.!?:;\n]|``|[\"'\u201c\u2018\u201d\u2019(\[_-])[\"'\u201c\u2018\u201d\u2019)\]]*\s*$")


def _in_a_name(start: int, ctx: Context) -> bool:
    """Whether the word at ``start`` is capitalized in the middle of a sentence.

    "USA Today", "People's Daily", "ABC's This Week", "Player of the Year": a time
    word written with a capital where no sentence starts is part of a name.
    All-capital words ("SATURDAY:") and all lower-case texts say nothing.
    """
    word = re.match(r"[A-Za-z]+", ctx.text[start:start + 12])
    if not ctx.cased or not word or not (word.group(0)[0].isupper() and word.group(0)[1:].islower()):
        return False
    return not _SENTENCE_START.search(ctx.text[max(0, start - 12):start])


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
    if _word(m.group(0)) in ("the day", "the week", "the month", "the year") and \
            _GENERIC_OF.search(ctx.text[max(0, start - 24):start]):
        return True
    unit = _g(m, "unit") or _g(m, "unit2") or ""
    if unit and _in_a_name(m.start("unit"), ctx):
        return True  # "Player of the Year", ABC's "This Week"
    # "back in the day", "during the day", "start the day": any day, or days long gone
    return _word(m.group(0)) == "the day" and bool(_GENERIC_DAY_BEFORE.search(ctx.text[max(0, start - 10):start]))


_GENERIC_DAY_BEFORE = re.compile(r"\b(?:back\s+in|during|start|started|starts)\s+$", re.IGNORECASE)


def _month_number(text: str) -> int:
    return V.MONTHS[_word(text)]


def _day_number(text: str) -> int | None:
    t = _word(text)
    if t in V.ORDINALS:
        return V.ORDINALS[t]
    digits = re.match(r"\d+", t)
    return int(digits.group(0)) if digits else None


def _year_number(text: str) -> int | None:
    t = _word(text)
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    t = t.replace("-", " ")
    m = re.fullmatch(r"(nineteen|eighteen) (.+)", t)
    if m:
        rest = V.number_value(m.group(2)) if m.group(2) != "hundred" else 0
        return None if rest is None else (1900 if m.group(1) == "nineteen" else 1800) + int(rest)
    m = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", t)
    if m:
        rest = V.number_value(m.group(1)) if m.group(1) else 0
        return None if rest is None else 2000 + int(rest)
    return None


def _unit(text: str) -> str:
    t = _word(text).replace("-", " ")
    return V.UNIT_PLURALS.get(t, t)


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
_PLANNING = V.alternation(V.PLANNING_PARTICIPLES | {"scheduled", "rescheduled", "expected", "postponed", "delayed",
                                                     "moved", "extended"})
# A participle after "be" or "to" is no past tense ("will be released on May 5").
_PAST_VERB_CUE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bget )(?<!\bgets )"
    r"\b(?:(?!" + _PLANNING + r"\b)[a-z]{2,}ed|" + "|".join(sorted(V.PAST_MARKERS - _NOT_HAPPENED)) + r")"
    r"\s+(?:on|between|from)\s+$")


def _cue_tense(ctx: Context) -> str | None:
    """The tense a cue word just before the expression forces, else the clause tense.

    "NEAR" is a future seen from a past moment, which may lie on either side of the
    DCT: a future cue in a past clause ("the inquiry asked for the messages by
    September", "extended the offer until December") or a future marker that a past
    verb governs ("asked for messages to be handed over in September", "said it
    would open the plant in March"). Written in November 2020, the first two are
    September 2020 and December 2020: the nearest.
    """
    before = ctx.text[max(0, ctx.span[0] - 20):ctx.span[0]].lower()
    if _PAST_CUE.search(before):
        return "PAST!"
    tense = ctx.tense
    if _PAST_VERB_CUE.search(ctx.text[max(0, ctx.span[0] - 40):ctx.span[0]].lower()) and tense != "FUTURE":
        return "PAST!"
    if _FUTURE_CUE.search(before):
        return "NEAR" if tense == "PAST" and _DEADLINE_CUE.search(before) else "FUTURE"
    if tense == "FUTURE" and ctx.future_in_the_past:
        return "NEAR"
    return tense


def _year_for(month_number: int, day_number: int | None, ctx: Context) -> int:
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
    tense = _cue_tense(ctx)
    if day_number is None:
        if tense == "NEAR":  # the month nearest the DCT, the later one on a tie
            return min((dct.year - 1, dct.year, dct.year + 1),
                       key=lambda year: (abs((year - dct.year) * 12 + month_number - dct.month), -year))
        if tense == "FUTURE" and month_number < dct.month:
            return dct.year + 1
        if tense in ("PAST", "PAST!") and month_number > dct.month:
            return dct.year - 1
        return dct.year
    return _nearest_year(lambda year: C.safe_date(year, month_number, day_number), dct, tense)


# What joins a date to the one just before it in a list or a range.
_COORDINATION = re.compile(r"\s*,?\s*(?:and|or|to|until|till|through|thru|-|\u2013|\u2014)\s*", re.IGNORECASE)


def _coordinated_year(month_number: int, day_number: int | None, ctx: Context) -> int | None:
    """The year of a month (and day) joined to the date just before it ("between May 5
    and May 7", "June 9 to June 12"): that date's year, or the next when the month
    comes round again ("Dec. 28 to Jan. 3"). None when nothing is joined to it."""
    if not ctx.last_value or not _COORDINATION.fullmatch(ctx.text[ctx.last_end:ctx.span[0]]):
        return None
    previous = _YEAR_MONTH.match(ctx.last_value)
    if previous is None or previous.group(2) is None:
        return None
    year, previous_month = int(previous.group(1)), int(previous.group(2))
    previous_day = C.parse_day(ctx.last_value)
    if (previous_day is None) != (day_number is None) or (day_number is None and previous.end() != len(ctx.last_value)):
        return None  # a day joined to a month or the like: "a revision Friday to December's figures"
    if (month_number, day_number or 1) < (previous_month, previous_day.day if previous_day else 1):
        # A range that comes round to an earlier month ends in the next year; a list
        # ("March 3 and Feb. 2") is not ordered, so its year is not told.
        return None if re.search(r"\b(?:and|or)\b", ctx.text[ctx.last_end:ctx.span[0]], re.IGNORECASE) else year + 1
    return year


def _nearest_year(date_in: Callable[[int], dt.date | None], dct: dt.date, tense: str | None) -> int:
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
        elif tense == "PAST" and d > dct or tense == "FUTURE" and d < dct:
            score += 120
        elif tense is None and d > dct:
            score += 10  # news reports the past more than it announces
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


# Determiners that place a weekday relative to the last mentioned day, not the DCT.
_ANAPHORIC_WEEKDAY = frozenset({"following", "subsequent", "previous", "preceding", "prior"})


def _weekday_value(iso_weekday: int, ctx: Context, determiner: str | None) -> str:
    """A weekday resolved against the DCT (or the last mentioned day for "the following")."""
    det = _word(determiner) if determiner else None
    if det in _ANAPHORIC_WEEKDAY:
        base = C.parse_day(ctx.anchor_day())
        if base is None:
            return f"XXXX-WXX-{iso_weekday}"
        if V.ANAPHORIC_DETERMINERS[det] < 0:
            return C.day(C.weekday_before(base, iso_weekday, inclusive=False))
        return C.day(C.weekday_after(base, iso_weekday, inclusive=False))
    if ctx.dct is None:
        return f"XXXX-WXX-{iso_weekday}"
    dct = ctx.dct
    if det in ("last", "past", "this past", "previous"):
        return C.day(C.weekday_before(dct, iso_weekday, inclusive=False))
    if det in ("next", "coming", "this coming", "upcoming"):
        return C.day(C.weekday_after(dct, iso_weekday, inclusive=False))
    if det == "this":
        return C.day(dct + dt.timedelta(days=iso_weekday - dct.isoweekday()))
    # A bare weekday: the past one in news unless the clause is about the future.
    # News names the day it is written on by its weekday too ("will vote Friday" in
    # a Friday story is that day), so both directions include the DCT's own day.
    before = ctx.text[max(0, ctx.span[0] - 20):ctx.span[0]].lower()
    if _WEEKDAY_FUTURE_CUE.search(before) or not _PAST_CUE.search(before) and ctx.tense == "FUTURE":
        return C.day(C.weekday_after(dct, iso_weekday, inclusive=True))
    return C.day(C.weekday_before(dct, iso_weekday, inclusive=True))


def _unknown(unit: str) -> str:
    """The underspecified value of a calendar unit when nothing anchors it."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
            "decade": "XXX", "century": "XX"}.get(unit, "XXXX")


def _number(m: re.Match, name: str = "num") -> float | None:
    text = _g(m, name)
    return V.number_value(text) if text else None


def _duration_value(n: float | None, unit: str) -> str:
    """``P3D``, ``PT24H``, ``PXY``; fractions go to the next smaller unit (P2Y6M)."""
    letter, is_time = V.UNITS.get(unit, ("X", False))
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if letter in ("E", "C"):
        # Counted decades and centuries are written in years ("two decades" = P20Y);
        # only vague ones keep the TimeML letter (PXE).
        n, letter = n * (10 if letter == "E" else 100), "Y"
    if n != int(n):
        # (letter, is_time) -> how many of the next smaller unit make one, and that unit
        smaller = {("Y", False): (12, "M", False), ("M", False): (30, "D", False),
                   ("D", False): (24, "H", True), ("H", True): (60, "M", True),
                   ("M", True): (60, "S", True), ("W", False): (7, "D", False),
                   ("E", False): (10, "Y", False)}
        if (letter, is_time) in smaller:
            factor, small, small_time = smaller[(letter, is_time)]
            whole, part = int(n), round((n - int(n)) * factor)
            if whole == 0:
                return f"{'PT' if small_time else 'P'}{part}{small}"
            if is_time or not small_time:
                return f"{prefix}{whole}{letter}{part}{small}"
            return f"P{whole}{letter}T{part}{small}"
        return f"{prefix}{round(n, 3):g}{letter}"  # "9.84 seconds": PT9.84S
    return f"{prefix}{int(n)}{letter}"


# ---------------------------------------------------------------- resolvers

def resolve_numeric_date(m: re.Match, ctx: Context) -> Resolved:
    year_text = _g(m, "year") or _g(m, "ynum")
    year = int(year_text)
    if year < 100:
        year += 2000 if year < 50 else 1900
    d = C.safe_date(year, int(m.group("mnum")), int(m.group("dnum")))
    return ("DATE", C.day(d), None) if d else None


def resolve_month_day(m: re.Match, ctx: Context) -> Resolved:
    month_text = m.group("month")
    day_number = _day_number(_g(m, "day") or _g(m, "daynum") or "")
    if not _capitalized(m, "month", ctx) or day_number is None or not 1 <= day_number <= 31:
        return None
    month_number = _month_number(month_text)
    if _g(m, "year"):
        year = int(m.group("year"))
    elif _g(m, "drel") and ctx.dct is not None:
        year = ctx.dct.year + V.RELATIVE_DETERMINERS[_word(m.group("drel"))]  # "Feb. 16 next year"
    elif ctx.dct is None:
        return ("DATE", f"XXXX-{month_number:02d}-{day_number:02d}", None)
    else:
        year = _year_for(month_number, day_number, ctx)
        if _g(m, "weekday"):
            year = _year_of_weekday(year, month_number, day_number, V.WEEKDAYS[_word(m.group("weekday"))], ctx.dct)
    d = C.safe_date(year, month_number, day_number)
    return ("DATE", C.day(d), None) if d else None


def _year_of_weekday(year: int, month_number: int, day_number: int, iso_weekday: int, dct: dt.date) -> int:
    """The year, near the guessed one, in which "Tuesday, Feb. 3" falls on a Tuesday."""
    fits = [y for y in (year, year - 1, year + 1)
            if (d := C.safe_date(y, month_number, day_number)) and d.isoweekday() == iso_weekday]
    if not fits or fits[0] == year:
        return year
    return min(fits, key=lambda y: abs((C.safe_date(y, month_number, day_number) - dct).days))


def resolve_week_of_date(m: re.Match, ctx: Context) -> Resolved:
    """ "the week of April 5": the (ISO) week that holds the day."""
    day = resolve_month_day(m, ctx)
    if day is None:
        return None
    d = C.parse_day(day[1])
    return ("DATE", C.week(d) if d else "XXXX-WXX", None)


def resolve_month_day_range(m: re.Match, ctx: Context) -> Resolved:
    """"June 9 to 12": two dates, the second borrowing the month (and year)."""
    first = resolve_month_day(m, ctx)
    if first is None:
        return None
    value = first[1]
    second_day = _day_number(m.group("day2"))
    if second_day is None or second_day <= _day_number(m.group("day")):
        return None
    second = value[:8] + f"{second_day:02d}"
    end_first = m.end("day")
    return [
        (m.start(), end_first, "DATE", value, None),
        (m.start("day2"), m.end("day2") if not _g(m, "year") else m.end(), "DATE", second, None),
    ]


# Words before a bare month that make it a month ("in May", "early June"), not the
# verb or the name; the weaker ones ("and", "to") are no proof where the text uses
# the month word as a name ("told June and Billy").
STRONG_MONTH_CONTEXT = ("in", "since", "by", "until", "till", "of", "from", "through", "during", "before",
                        "after", "early", "late", "mid", "last", "next", "this", "between", "throughout",
                        "each", "every", "the", "around")
WEAK_MONTH_CONTEXT = ("and", "or", "to", "that", "for")


def _context_before(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?:\b(?:" + "|".join(words) + r")\s+|mid-)$", re.IGNORECASE)


_MONTH_CONTEXT = _context_before(STRONG_MONTH_CONTEXT + WEAK_MONTH_CONTEXT)
_MONTH_CONTEXT_FOR_A_NAME = _context_before(STRONG_MONTH_CONTEXT)


# A verb of saying or a relative pronoun right after a month makes it a person's name
# ("and May said", "Flay and March, who separated"); "in March, said Smith" is a date.
_NAME_AFTER = re.compile(
    r"\s+(?:said|says|told|asked|added|wrote|explained|argued|insisted|claimed|denied|replied|"
    r"who|whose|herself|himself)\b|,\s+(?:who|whose)\b")


# A month name inside a person's name: after a capitalized word that is no date word
# ("Mama June", "Theresa May", "Stephanie March"), or, with nothing that makes it a
# date before it, before a capitalized surname ("Mad Men star January Jones").
_NAME_BEFORE = re.compile(r"\b(?!(?:" + "|".join(V.DATE_CONTEXT_WORDS) + r")\b)[A-Z][a-z]+\s+$")
_SURNAME_AFTER = re.compile(r"\s+(?!(?:" + "|".join(V.DATE_CONTEXT_WORDS) + r")\b)[A-Z][a-z]+\b")


_BARE_MONTH = re.compile(r"\b(?:" + "|".join(name.capitalize() for name in V.MONTH_NAMES) + r")\b")


def _is_a_name(text: str, start: int, end: int) -> bool:
    """Whether the month word at ``text[start:end]`` is (part of) a person's name there."""
    if _NAME_BEFORE.search(text[max(0, start - 20):start]) or _NAME_AFTER.match(text, end):
        return True  # "Mama June", "Theresa May", "June said", "Flay and March, who"
    return not _MONTH_CONTEXT.search(text[max(0, start - 12):start]) and bool(_SURNAME_AFTER.match(text, end))


def names_among_months(text: str) -> frozenset[str]:
    """The month words ``text`` uses as a person's name somewhere ("Mama June Shannon"):
    one sense per text, so its other bare "June"s without a date word before them
    ("told June", "June's daughter") are that person too."""
    return frozenset(m.group(0).lower() for m in _BARE_MONTH.finditer(text) if _is_a_name(text, m.start(), m.end()))


def resolve_month(m: re.Match, ctx: Context) -> Resolved:
    text = m.group("month")
    word = _word(text)
    if not _capitalized(m, "month", ctx):
        return None
    before = m.string[max(0, m.start() - 12):m.start()]
    if _is_a_name(ctx.text, m.start(), m.end()) if ctx.cased else _NAME_AFTER.match(m.string, m.end()):
        return None  # a person: "Mama June Shannon", "January Jones", "and May said"
    if word in ctx.names and not _MONTH_CONTEXT_FOR_A_NAME.search(before):
        return None  # the text's "June" is a person: "told June", "and June's daughter"
    if word in V.AMBIGUOUS_MONTHS or len(word) <= 4 and not text.endswith(".") and word not in ("june", "july"):
        if not _MONTH_CONTEXT.search(before):
            return None
    month_number = _month_number(text)
    if ctx.dct is None:
        return ("DATE", f"XXXX-{month_number:02d}", None)
    return ("DATE", C.month(_year_for(month_number, None, ctx), month_number), None)


def resolve_rel_month(m: re.Match, ctx: Context) -> Resolved:
    if not _capitalized(m, "month", ctx):
        return None
    month_number = _month_number(m.group("month"))
    if ctx.dct is None:
        return ("DATE", f"XXXX-{month_number:02d}", None)
    offset = V.RELATIVE_DETERMINERS[_word(m.group("rel"))]
    year = ctx.dct.year
    if offset < 0 and month_number >= ctx.dct.month:
        year -= 1
    elif offset > 0 and month_number <= ctx.dct.month:
        year += 1
    return ("DATE", C.month(year, month_number), None)


def resolve_month_year(m: re.Match, ctx: Context) -> Resolved:
    month_number = _month_number(m.group("month"))
    if not _capitalized(m, "month", ctx):
        return None
    year = _year_number(_g(m, "year") or _g(m, "spokenyear") or "") if not _g(m, "rel") else None
    if _g(m, "rel"):
        if ctx.dct is None:
            return ("DATE", f"XXXX-{month_number:02d}", None)
        base = ctx.anchor_date() if _word(m.group("rel")) == "that" else ctx.dct
        year = base.year + {"this": 0, "last": -1, "next": 1, "that": 0}[_word(m.group("rel"))]
    return ("DATE", C.month(year, month_number), None) if year else None


# Words after a number that show it counts things rather than naming a year.
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:people|persons|shares|troops|soldiers|men|women|workers|members|jobs|units|"
    r"cars|tons|tonnes|barrels|miles|feet|meters|metres|kilometers|points|yen|dollars|euros|francs|"
    r"marks|pounds|employees|votes|seats|children|residents|refugees|acres|guests|hours|pages|ft)\b",
    re.IGNORECASE,
)


# A lower-case plural right after a number: "1500 officers" (but not "1998's").
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+-)?[a-z]{3,}s\b(?!')(?<!ss)")
# Words before a year that make it one even before a plural: "the 1998 elections", "in 1998 prices rose".
_YEAR_LEAD = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|your|this|that|these|those|in|of|since|by|from|until|till|to|"
    r"before|after|during|between|and|or|through|early|late|mid|fiscal|calendar|year|for|at|on|than\s+in|"
    r"first|last|two|three|four|five|six|seven|eight|nine|ten|both|all|several|many|below|above|over|under|"
    r"with|versus|vs\.?|compared)|'s|\u2019s)"
    r"[\s-]+$",
    re.IGNORECASE,
)
# A capitalized word right before a bare year, mid-sentence: "Flight 1998", "Windows 2000".
_NAME_BEFORE_YEAR = re.compile(r"\b([A-Z][A-Za-z]*)\s+$")
# A work's title that is a year: after a work noun ("the film 1917"), or alone in
# quotation marks (Sam Mendes's "1917", 'the album "1989"').
_WORK_BEFORE_YEAR = re.compile(r"\b(?:" + "|".join(sorted(V.WORK_NOUNS)) + r")\s+$", re.IGNORECASE)
_QUOTE_BEFORE = re.compile(r"(?:^|[\s(\[])(?:[\"\u201c\u2018']|``)$")
_QUOTE_AFTER = re.compile(r"[,.!?]?(?:[\"\u201d\u2019']|'')(?!\w)")
# Capitalized words that may stand before a year: months, seasons, and the
# function words that start a sentence ("Since 1995", "Until 1998, ...").
_YEAR_NAME_OK = frozenset(
    [*V.MONTHS, *V.WEEKDAYS, *V.SEASONS, "year", "fiscal", "fy", "calendar", "christmas", "easter", "ad", "bc",
     "in", "since", "by", "from", "until", "till", "before", "after", "during", "between", "through", "throughout",
     "early", "late", "mid", "unlike", "around", "circa", "about", "as", "like", "for", "at", "on", "to", "with",
     "within", "into", "over", "under", "beyond", "past", "the", "of", "and", "or", "nor", "but", "not", "only",
     "even", "also", "then", "than", "versus", "vs", "a", "an", "this", "that", "its", "his", "her", "their", "our",
     "each", "every", "both", "either", "neither", "all", "whole", "entire", "later", "earlier", "new", "when",
     "where", "while", "if", "so", "yet"])


def resolve_year(m: re.Match, ctx: Context) -> Resolved:
    year = _year_number(_g(m, "year") or _g(m, "spokenyear") or "")
    if year is None:
        return None
    if _NOT_A_YEAR_AFTER.match(m.string, m.end()) or re.search(r"(?:no\.|#|\$|number)\s*$", m.string[max(0, m.start() - 8):m.start()]):
        return None
    if _g(m, "year") and m.group(0) == m.group("year"):  # a bare "1998": is it a count or a name?
        before = ctx.text[max(0, m.start() - 24):m.start()]
        # AP style spells out a number that starts a sentence: "1998 marks ..." is a year
        if _PLURAL_AFTER.match(ctx.text, m.end()) and not _YEAR_LEAD.search(before) and \
                not _SENTENCE_START.search(before):
            return None  # a count: "police sent 1500 officers", "more than 2000 troops"
        name = _NAME_BEFORE_YEAR.search(before)
        if name and name.group(1).lower() not in _YEAR_NAME_OK:
            return None  # a name: "Flight 1998", "Windows 2000", "Model 2000"
        if _WORK_BEFORE_YEAR.search(before) or _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(ctx.text, m.end()):
            return None  # a title: "the film 1917", "the novel 1984", Mendes's "1917"
    text = m.group(0).lower()
    mod = ("ON_OR_AFTER" if re.search(r"or later|and beyond|or after", text)
           else "ON_OR_BEFORE" if re.search(r"or earlier|or before", text)
           else "END" if _g(m, "yend") else None)  # "end-1998", "year-end 1998"
    return ("DATE", f"{year:04d}", mod)


def resolve_decade(m: re.Match, ctx: Context) -> Resolved:
    t = _word(m.group("decade")).replace("'", "")
    if t in V.DECADE_WORDS:
        return ("DATE", f"19{V.DECADE_WORDS[t]}", None)
    digits = re.match(r"(\d+)0s", t).group(1)
    if len(digits) == 3 and digits.endswith("0") and digits < "200":
        return ("DATE", digits[:2], None)  # "the early 1900s": the century, not its first decade
    return ("DATE", digits if len(digits) == 3 else f"19{digits}", None)


def resolve_century(m: re.Match, ctx: Context) -> Resolved:
    n = int(m.group("nth")) if _g(m, "nth") else V.ORDINALS.get(_word(m.group("ordinal")))
    if not n or n < 1:
        return None
    return ("DATE", f"{n - 1:02d}", None)


_EVENT_NAME_AFTER = re.compile(r"\s+(?:agreement|accord|accords|peace\s+(?:accord|agreement|deal|pact)|pact)\b")


def resolve_millennium(m: re.Match, ctx: Context) -> Resolved:
    """ "the new millennium" (said in 1999: the years 2000-2999, value "2"), "the third millennium"."""
    if _g(m, "ordinal"):
        n = V.ORDINALS.get(_word(m.group("ordinal")))
        return ("DATE", str(n - 1), None) if n and 1 <= n <= 10 else None
    if not m.group(0).lower().startswith("the") or ctx.dct is None:
        return None  # "a millennium", "millennium celebrations": no particular one
    rel = _word(_g(m, "mrel") or "")
    current = ctx.dct.year // 1000
    if rel in ("last", "past", "previous"):
        return ("DATE", str(current - 1), None)
    if rel in ("new", "next", "coming", "") and ctx.dct.year % 1000 >= 990:
        current += 1  # news of the late 1990s: "the new millennium" begins in 2000
    return ("DATE", str(current), None)


def resolve_holiday(m: re.Match, ctx: Context) -> Resolved:
    name = _word(m.group("holiday"))
    if not (_capitalized(m, "holiday", ctx) or ctx.text[m.start("holiday") + 4:][:1].isupper()):
        return None
    if _EVENT_NAME_AFTER.match(m.string, m.end()):
        return None  # "the Good Friday agreement": the name of an accord, not a day
    if name in V.FIXED_HOLIDAYS:
        month_number, day_number = V.FIXED_HOLIDAYS[name]
        date_in: Callable[[int], dt.date | None] = lambda year: C.safe_date(year, month_number, day_number)
    elif name in V.WEEKDAY_HOLIDAYS:
        date_in = lambda year: C.nth_weekday(year, *V.WEEKDAY_HOLIDAYS[name])  # noqa: E731
    elif name in V.HOLIDAY_OFFSETS:  # "Black Friday", the day after Thanksgiving
        base, days = V.HOLIDAY_OFFSETS[name]
        date_in = lambda year: C.nth_weekday(year, *V.WEEKDAY_HOLIDAYS[base]) + dt.timedelta(days=days)  # noqa: E731
    elif name in V.LUNAR_HOLIDAYS:
        date_in = lambda year: (C.safe_date(year, *V.LUNAR_NEW_YEAR[year])  # noqa: E731
                                if year in V.LUNAR_NEW_YEAR else None)
    else:
        date_in = lambda year: C.easter(year) + dt.timedelta(days=V.EASTER_HOLIDAYS[name])  # noqa: E731
    if _g(m, "year"):
        year = int(m.group("year"))
    elif ctx.dct is not None:
        year = _nearest_year(date_in, ctx.dct, _cue_tense(ctx))  # "at Christmas" said in January: the last one
    elif name in V.FIXED_HOLIDAYS:
        return ("DATE", f"XXXX-{month_number:02d}-{day_number:02d}", None)
    else:
        return ("DATE", "XXXX-XX-XX", None)
    d = date_in(year)
    return ("DATE", C.day(d), None) if d else None


def resolve_season(m: re.Match, ctx: Context) -> Resolved:
    code = V.SEASONS[_word(m.group("season"))]
    if _in_a_name(m.start("season"), ctx) and re.match(r"\s+[A-Z]", ctx.text[m.end("season"):m.end("season") + 2]):
        return None  # "the Spring Festival", "the Summer Olympics": names
    text = m.group(0).lower()
    if _word(m.group("season")) in ("fall", "spring") and not re.search(r"\b(the|this|last|next|of|\d{4})\b|past|coming", text):
        return None
    year = _year_number(_g(m, "year") or _g(m, "spokenyear") or "")
    if year is None:
        if ctx.dct is None:
            return ("DATE", f"XXXX-{code}", None)
        year = ctx.dct.year
        rel = _g(m, "rel")
        offset = V.RELATIVE_DETERMINERS[_word(rel)] if rel else 0
        # The season's last month (winter ends in February of the next year).
        ends = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}[code]
        if offset < 0 and ends >= ctx.dct.month + (12 if code == "WI" and ctx.dct.month <= 2 else 0):
            year -= 1  # "last summer" said in July means the previous year's
        elif offset > 0 and {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] <= ctx.dct.month:
            year += 1  # "next spring" said in August; but "next fall" said in April is this year's
    return ("DATE", f"{year:04d}-{code}", None)


def _quarter_year(q: int, ctx: Context) -> int | None:
    """The year of "the third quarter": the latest one begun, or the next if future."""
    if ctx.dct is None:
        return None
    if q <= C.quarter_of(ctx.dct) or ctx.tense == "FUTURE":
        return ctx.dct.year
    return ctx.dct.year - 1


def resolve_quarter(m: re.Match, ctx: Context) -> Resolved:
    q = V.ORDINALS.get(_word(m.group("ordinal")))
    if q == -1:
        q = 4
    if not q or not 1 <= q <= 4:
        return None
    text = m.group(0).lower()
    if re.search(r"quarters\b", text) and not re.search(r"\b(?:the|its|this|that)\b", text[:6]):
        return ("SET", f"XXXX-Q{q}", None)
    rel = _g(m, "qrel") or _g(m, "qrel2")
    year = _year_number(_g(m, "qyear") or _g(m, "qyear2") or "")
    if year is None and rel and ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[_word(rel)]
    if year is None and _g(m, "qtheyear") and ctx.dct:
        year = ctx.anchor_date(0).year  # "the year's first quarter": the year told about
    if year is None:
        if ctx.dct is None:
            return ("DATE", f"XXXX-Q{q}", None)
        if "fiscal" in text:
            year = ctx.dct.year
        else:
            year = _quarter_year(q, ctx)
        if _g(m, "qago") and re.search(r"year-ago|year-earlier|comparable", _g(m, "qago").lower()):
            year -= 1
    value = f"{year:04d}-Q{q}"
    if not _g(m, "qago"):
        # A quarter named outright becomes "the quarter" of later sentences; the
        # year-ago quarter it is compared with does not.
        ctx.last_quarter = ctx.last_period = value
    return ("DATE", value, None)


def _base_quarter(ctx: Context) -> str | None:
    """The quarter a bare "the quarter" means: the last mentioned, else the last completed."""
    if ctx.last_quarter:
        return ctx.last_quarter
    if ctx.dct is None:
        return None
    q, year = C.quarter_of(ctx.dct) - 1, ctx.dct.year
    if q == 0:
        q, year = 4, year - 1
    return f"{year:04d}-Q{q}"


def resolve_quarter_ref(m: re.Match, ctx: Context) -> Resolved:
    text = _word(m.group(0))
    word = _word(_g(m, "qword") or "")
    if _compound(m):
        return None  # "its quarter-century low", "quarter-to-quarter"
    ago = _g(m, "qago") or ""
    is_period = text.endswith("period") or "period " in text
    if is_period and not (word or _g(m, "qyear") or ago):
        return None
    if ctx.dct is None:
        return ("DATE", "XXXX-QX", None)
    year_back = bool(re.search(r"year-ago|year-earlier|comparable|a year ago|a year earlier|last year|previous year",
                               ago + " " + word))
    if is_period and ctx.last_period and "H" in ctx.last_period and not _g(m, "qyear"):
        # "the first half ... the same period last year": the half a year back
        year = int(ctx.last_period[:4]) - (1 if year_back else 0)
        return ("DATE", f"{year:04d}{ctx.last_period[4:]}", None)
    if is_period and year_back and not ctx.last_period and not _g(m, "qyear"):
        # "exports rose 5% over the same period last year", no quarter named: the year
        return ("DATE", f"{ctx.dct.year - 1:04d}", None)
    base = _base_quarter(ctx)
    if word == "latest":
        # "the latest quarter": the last one completed, whatever was named before
        base = _base_quarter(Context(dct=ctx.dct))
    year, q = int(base[:4]), int(base[-1])
    if word == "current":
        year, q = ctx.dct.year, C.quarter_of(ctx.dct)
    elif text.startswith(("last quarter", "next quarter")) or word in ("previous", "past"):
        step = 1 if text.startswith("next") else -1
        q0 = C.quarter_of(ctx.dct) + step
        year, q = ctx.dct.year + (q0 - 1) // 4, (q0 - 1) % 4 + 1
    if _g(m, "qyear"):
        year = int(m.group("qyear"))
    if year_back:
        if not ctx.last_quarter and text in ("year-ago", "year-earlier"):
            return ("DATE", f"{ctx.dct.year - 1:04d}", None)
        year -= 1
    return ("DATE", f"{year:04d}-Q{q}", None)


# Words of business news: there "the first half" is of the year, not of a game.
_BUSINESS_WORDS = re.compile(
    r"\b(?:profits?|sales|revenues?|earnings|net|income|loss|losses|percent|growth|economy|economic|"
    r"gdp|exports?|imports?|output|investment|inflation|deficit|surplus|prices|shares|dividend|"
    r"fiscal|quarter|billion|million)\b|%",
    re.IGNORECASE,
)


def _sentence_of(ctx: Context) -> str:
    """The sentence around the expression being resolved."""
    start, end = ctx.span
    left = ctx.text[max(0, start - 200):start]
    cut = list(_SENTENCE_BREAK.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    right = ctx.text[end:end + 200]
    stop = _SENTENCE_BREAK.search(right)
    return left + ctx.text[start:end] + (right[:stop.start()] if stop else right)


def resolve_half(m: re.Match, ctx: Context) -> Resolved:
    half = 1 if _word(m.group("half")) == "first" else 2
    if _g(m, "decade"):
        decade = resolve_decade(m, ctx)  # "the last half of the '80s": that part of the decade
        return (decade[0], decade[1], "START" if half == 1 else "END") if decade else None
    bare = not (_g(m, "year") or _g(m, "qrel2") or "of the year" in m.group(0).lower())
    if bare and not (_BUSINESS_WORDS.search(_sentence_of(ctx)) and m.group(0).lower().startswith("the")):
        return None  # "the second half" alone is too often a game's or a book's
    year = int(m.group("year")) if _g(m, "year") else None
    if year is None:
        if ctx.dct is None:
            return ("DATE", f"XXXX-H{half}", None)
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get(_word(_g(m, "qrel2") or "this"), 0)
        if bare and half == 2 and ctx.dct.month <= 6 and ctx.tense != "FUTURE":
            year -= 1  # "profit fell in the second half", said in March: last year's
    ctx.last_period = f"{year:04d}-H{half}"  # "the same period last year" is this half a year back
    return ("DATE", ctx.last_period, None)


def resolve_pod(m: re.Match, ctx: Context) -> Resolved:
    """Parts of day: "Saturday evening", "last night", "this morning", "overnight"."""
    pod_text = _g(m, "pod") or _g(m, "bare") or _g(m, "bare2") or ""
    if _compound(m):
        return None  # "this night-time image", "the morning-after pill"
    code = V.PARTS_OF_DAY.get(_word(pod_text)) or V.PARTS_OF_DAY.get(_word(pod_text).replace("-", " "))
    if code is None:
        return None
    day_value: str | None
    this = _word(_g(m, "this") or "")
    if _g(m, "month"):
        resolved = resolve_month_day(m, ctx)
        if resolved is None:
            return None
        day_value = resolved[1]
    elif _g(m, "weekday"):
        if not _capitalized(m, "weekday", ctx) or _weekday_in_a_name(m, ctx):
            return None  # "Saturday Night Live"
        day_value = _weekday_value(V.WEEKDAYS[_word(m.group("weekday"))], ctx, None)
    elif _g(m, "offset") or this in ("last", "tomorrow"):
        offset = V.DAY_OFFSETS.get(_word(_g(m, "offset") or ""), {"last": -1, "tomorrow": 1}.get(this, 0))
        if this == "last" and code != "NI":
            return None  # "last morning" is not idiomatic; "last evening" is rare
        day_value = C.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    elif _g(m, "bare2"):  # "at dawn": the day told about
        day_value = C.day_part(ctx.anchor_day(0) or "XXXX-XX-XX") or "XXXX-XX-XX"
    elif _g(m, "bare"):
        lead = m.group(0).lower()
        if not re.search(r"\b(the|this|that|early|late)\b|overnight|mid", lead):
            return None
        if "this" in lead.split():
            day_value = C.day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
        else:
            day_value = C.day_part(ctx.anchor_day() or "XXXX-XX-XX") or "XXXX-XX-XX"
        if code == "NI" and "overnight" in lead:
            # "overnight" losses reported on a day happened in the night before it
            day_value = C.shift_day(day_value, -1) or day_value
    else:
        day_value = C.day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    # "the early afternoon", "late this evening"
    mod = {"early": "START", "late": "END"}.get(_word(_g(m, "podpos") or ""))
    return ("TIME", f"{day_value}T{code}", mod)


def resolve_anaphoric_pod(m: re.Match, ctx: Context) -> Resolved:
    """ "the next morning", "the night before": a part of the day after or before the day told about."""
    if _g(m, "anapod2") and re.search(r"\bof\s+$", m.string[max(0, m.start() - 4):m.start()]):
        return None  # "his second goal of the evening after the break"
    code = V.PARTS_OF_DAY[_word(_g(m, "anapod") or m.group("anapod2"))]
    step = -1 if _word(_g(m, "podana") or _g(m, "poddir") or "") in ("previous", "preceding", "before") else 1
    anchor = C.day_part(ctx.anchor_day() or "XXXX-XX-XX") or "XXXX-XX-XX"
    day_value = C.shift_day(anchor, step) or "XXXX-XX-XX"
    return ("TIME", f"{day_value}T{code}", None)


def resolve_day_offset(m: re.Match, ctx: Context) -> Resolved:
    word = _word(m.group("offset"))
    if word in ("today", "tonight") and _in_a_name(m.start("offset"), ctx):
        return None  # "USA Today", "VOA Today", NBC's "Tonight Show"
    offset = V.DAY_OFFSETS[word]
    kind, suffix = ("TIME", "TNI") if word == "tonight" else ("DATE", "")
    if ctx.dct is None:
        return (kind, ("PRESENT_REF" if offset == 0 and not suffix else "XXXX-XX-XX" + suffix), None)
    return (kind, C.day(ctx.dct + dt.timedelta(days=offset)) + suffix, None)


def _weekday_in_a_name(m: re.Match, ctx: Context) -> bool:
    """ "Bloody Sunday", "the Mail on Sunday", "the Sunday Times", "told The Sun."."""
    start, end = m.span("weekday")
    before = re.search(r"([A-Z][a-z]+)\s+(?:on\s+)?$", ctx.text[max(0, start - 16):start])
    if before and before.group(1).lower() in V.WEEKDAY_NAME_BEFORE:
        return True
    after = re.match(r"\s+([A-Z][a-z]+)", ctx.text[end:end + 16])
    if after and after.group(1).lower() in V.WEEKDAY_NAME_AFTER:
        if after.group(1) != "Night":
            return True
        if ctx.text.startswith(" Live", end + len(after.group(0))):
            return True  # "Saturday Night Live"; a plain "Saturday Night" is a time
    # an abbreviation alone ("The Sun.", "Sat.") needs "on" or a determiner before it
    return len(_word(m.group("weekday"))) <= 4 and not (_g(m, "rel") or _g(m, "ana")) and \
        not re.search(r"\bon\s+$", ctx.text[max(0, start - 4):start], re.IGNORECASE)


def resolve_weekday(m: re.Match, ctx: Context) -> Resolved:
    text = m.group("weekday")
    if not _capitalized(m, "weekday", ctx) or _weekday_in_a_name(m, ctx):
        return None
    determiner = _g(m, "rel") or _g(m, "ana")
    return ("DATE", _weekday_value(V.WEEKDAYS[_word(text)], ctx, determiner), None)


def resolve_weekday_set(m: re.Match, ctx: Context) -> Resolved:
    text = _g(m, "weekdays") or _g(m, "weekday")
    if not _capitalized(m, "weekdays" if _g(m, "weekdays") else "weekday", ctx):
        return None
    iso = V.WEEKDAYS[_word(text).rstrip("s")]
    pods = _g(m, "pods")
    suffix = "T" + V.PARTS_OF_DAY[_word(pods)[:-1]] if pods else ""
    if _g(m, "first"):
        # "Monday and Tuesday nights": the plural part of day applies to both days
        first = V.WEEKDAYS[_word(m.group("first"))]
        return [(m.start("first"), m.end("first"), "SET", f"XXXX-WXX-{first}{suffix}", None),
                (m.start("weekday"), m.end(), "SET", f"XXXX-WXX-{iso}{suffix}", None)]
    return ("SET", f"XXXX-WXX-{iso}{suffix}", None)


# What ties "the week" to the day it ends on (not "the year to date").
_PERIOD_ENDING = re.compile(r"\s+(?:ended|ending|(?:up\s+to|to|through|thru|until|till)\s+(?!date\b))")


def resolve_rel_unit(m: re.Match, ctx: Context) -> Resolved:
    """ "last week", "this year", "next month", "the weekend" against the DCT."""
    unit = _word(_g(m, "unit") or _g(m, "unit2") or _g(m, "unit3"))
    if _generic_unit(m, ctx):
        return None
    rel = _word(_g(m, "rel") or "this")
    offset = V.RELATIVE_DETERMINERS.get(rel, 0)
    if rel == "latest" and unit != "fiscal year":
        return None
    if unit == "weekend":
        if ctx.dct is None:
            return ("DATE", "XXXX-WXX-WE", None)
        if offset < 0 or offset == 0 and ctx.tense != "FUTURE":
            saturday = C.weekday_before(ctx.dct, 6, inclusive=True)
            if offset < 0 and ctx.dct.isoweekday() >= 6:
                saturday -= dt.timedelta(weeks=1)
        else:
            saturday = C.weekday_after(ctx.dct, 6, inclusive=offset == 0)
        return ("DATE", C.week(saturday) + "-WE", None)
    after = ctx.text[m.end():m.end() + 16].lower()
    if _word(m.group(0)).startswith("the ") and _PERIOD_ENDING.match(after):
        # "the year ended June 30", "the week up to September 27": TimeML has no "week
        # ending X", so, as TimeBank does, the unit is a duration and the day a date
        return ("DURATION", "P1Y" if "year" in unit else _duration_value(1, unit), None)
    if ctx.dct is None:
        return ("DATE", _unknown(unit), None)
    if unit == "week" and _word(m.group(0)) == "the week":
        return ("DATE", f"{ctx.dct.year:04d}-WXX", None)  # "for the week": some week of the story
    base = C.shift(ctx.dct, offset, unit)
    return ("DATE", C.granular(base, unit), None)


def resolve_year_end(m: re.Match, ctx: Context) -> Resolved:
    return ("DATE", f"{ctx.dct.year:04d}" if ctx.dct else "XXXX", "END")


def resolve_ago(m: re.Match, ctx: Context) -> Resolved:
    unit = _unit(_g(m, "anyunit") or _g(m, "bareunits") or "")
    n = _number(m)
    if n is None or ctx.dct is None or unit not in V.UNITS:
        return ("DATE", "PAST_REF", None)
    if unit == "second" and _word(_g(m, "num") or "") in ("a", "an"):
        return None
    if unit == "year" and n == 1 and ctx.last_period:
        # Earnings news: "net rose 5% from a year ago" compares the quarter (half) reported.
        return ("DATE", f"{int(ctx.last_period[:4]) - 1:04d}{ctx.last_period[4:]}", None)
    granularity = "day" if unit in ("week", "weekend", "fortnight", "night", "hour", "minute", "second") else unit
    return ("DATE", C.granular(C.shift(ctx.dct, -n, unit), granularity), None)


def resolve_from_now(m: re.Match, ctx: Context) -> Resolved:
    """ "two years from now", "a week from today": that far after the DCT."""
    unit = _unit(_g(m, "anyunit") or "")
    n = _number(m)
    if n is None or ctx.dct is None or unit not in V.UNITS:
        return ("DATE", "FUTURE_REF", None)
    granularity = "day" if unit in ("week", "weekend", "fortnight", "night", "hour", "minute", "second") else unit
    return ("DATE", C.granular(C.shift(ctx.dct, n, unit), granularity), None)


def resolve_earlier_later(m: re.Match, ctx: Context) -> Resolved:
    """ "a day earlier", "two years later": counted from the last mentioned time."""
    unit = _unit(m.group("unit"))
    n = _number(m)
    if n is None or unit not in V.UNITS or unit in ("second", "minute", "hour"):
        return None
    sign = -1 if _word(m.group("dir")) == "earlier" else 1
    if unit == "year" and n == 1 and sign < 0 and ctx.last_period:
        return ("DATE", f"{int(ctx.last_period[:4]) - 1:04d}{ctx.last_period[4:]}", None)
    if unit in ("day", "night", "week"):
        anchor = ctx.anchor_day()
        if anchor is None:
            return ("DATE", "XXXX-XX-XX", None)
        days = int(n) * (7 if unit == "week" else 1)
        value = C.shift_day(anchor, sign * days)
        return ("DATE", value, None) if value else None
    base = ctx.anchor_date()
    if base is None:
        return ("DATE", _unknown(unit), None)
    return ("DATE", C.granular(C.shift(base, sign * n, unit), unit), None)


def resolve_in_the_unit(m: re.Match, ctx: Context) -> Resolved:
    """ "earlier in the day", "later this year": the unit of the last mentioned time."""
    unit = _word(m.group("unit"))
    deictic = "this" in m.group(0).lower().split()
    # "earlier in the day" refers to a day named in the same sentence, else the DCT's
    if unit in ("morning", "afternoon", "evening"):
        base = C.day(ctx.dct) if deictic and ctx.dct else C.day_part(ctx.anchor_day(0) or "XXXX-XX-XX")
        return ("TIME", f"{base}T{V.PARTS_OF_DAY[unit]}", None)
    if unit == "day":
        return ("DATE", C.day_part(ctx.anchor_day(0) or "XXXX-XX-XX") or "XXXX-XX-XX", None)
    base = ctx.dct if deictic else ctx.anchor_date(0)
    if base is None:
        return ("DATE", _unknown(unit), None)
    return ("DATE", C.granular(base, unit), None)


def resolve_anaphoric_unit(m: re.Match, ctx: Context) -> Resolved:
    """ "the following day", "the year before", "that day": relative to the last mention."""
    unit = _word(m.group("unit"))
    if _compound(m):
        return None  # "the quarter-to-quarter comparison", "the year-ago results"
    if _generic_unit(m, ctx):
        return None  # "player of the year", "the day of the week", "back in the day"
    ana = _word(_g(m, "ana") or "")
    direction = _word(_g(m, "dir") or "")
    step = V.ANAPHORIC_DETERMINERS.get(ana, 0) + {"before": -1, "earlier": -1, "after": 1, "later": 1}.get(direction, 0)
    if unit == "day":
        anchor = ctx.anchor_day()
        if anchor is None:
            return ("DATE", "XXXX-XX-XX", None)
        value = C.shift_day(C.day_part(anchor) or anchor, step)
        return ("DATE", value or "XXXX-XX-XX", None)
    if unit == "quarter":
        base = ctx.last_quarter or _base_quarter(ctx)
        if base is None:
            return ("DATE", "XXXX-QX", None)
        index = int(base[:4]) * 4 + int(base[-1]) - 1 + step
        return ("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", None)
    # "the century" of a news story is the DCT's; "the following decade" counts on
    base = ctx.dct if unit in ("decade", "century") and step == 0 else ctx.anchor_date()
    if base is None:
        return ("DATE", _unknown(unit), None)
    if step == 0 and unit in ("week", "month") and ctx.anchor_is_a_year():
        # "Sales rose in 2020 ... in the week" is some week of 2020, not its first
        # (ISO 2020-W01 began on 30 December 2019)
        return ("DATE", f"{base.year:04d}-{'WXX' if unit == 'week' else 'XX'}", None)
    return ("DATE", C.granular(C.shift(base, step, unit), unit), None)


def resolve_reference(m: re.Match, ctx: Context) -> Resolved:
    word = _word(m.group("ref"))
    if _compound(m):
        return None  # "the now-defunct company", "the current-account deficit"
    before = m.string[max(0, m.start() - 4):m.start()]
    after = m.string[m.end():m.end() + 7]
    if word in ("soon", "shortly") and (before.endswith("as ") or after.startswith((" after", " as", " before"))):
        return None  # "as soon as the threats end", "shortly after the blast": relative to an event
    return ("DATE", V.REFERENCE_WORDS[word], None)


def resolve_vague_span(m: re.Match, ctx: Context) -> Resolved:
    return ("DURATION", V.VAGUE_DURATIONS[_word(m.group("vaguespan"))], None)


def resolve_at_the_time(m: re.Match, ctx: Context) -> Resolved:
    """ "at the time": the time of the events told, in the past (TimeBank's PAST_REF)."""
    return ("DATE", "PAST_REF", None)


def resolve_vague_duration(m: re.Match, ctx: Context) -> Resolved:
    unit = _unit(_g(m, "units") or _g(m, "units3") or _g(m, "units2") or _g(m, "units4"))
    return ("DURATION", _duration_value(None, unit), None)


_AGE_AFTER = re.compile(r"(?:\s+|-)(?:old|olds|older|younger|of\s+age)\b")
# "aged 32 to 36 years", "ages 18 to 25 years": ages, not times
_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?(?:\w+\s+(?:to|and|or)\s+)?$", re.IGNORECASE)
# "will last two days": the verb "last", not "the last two days"
_VERB_LAST_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|can|may|might|should|must|to|not|did|does|do|shall)|n't)\s+$", re.IGNORECASE)
# The age of a state of affairs is how long it has lasted: "the IRA's 8-month-old truce".
_THING_AFTER = re.compile(
    r"\s+(?:truce|cease-?fire|war|conflict|dispute|strike|standoff|stand-off|crisis|insurgency|rebellion|"
    r"uprising|campaign|government|coalition|regime|law|ban|embargo|blockade|siege|occupation|agreement|"
    r"accord|treaty|deal|moratorium|boycott|investigation|probe|feud|impasse|deadlock|stalemate|recession|"
    r"slump|boom|rally|offensive|revolt|violence|fighting|policy|program|programme|peace|alliance)\b",
    re.IGNORECASE,
)
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|a|an|all|them|those|these)\b")


def resolve_duration(m: re.Match, ctx: Context) -> Resolved:
    unit = _unit(_g(m, "unit") or _g(m, "anyunit") or "")
    if unit not in V.UNITS:
        return None
    num_text = _word(_g(m, "num") or "")
    text = m.group(0).lower()
    if unit == "second" and num_text in ("a", "an", "one"):
        return None  # "a second city", "one second-round vote"
    if num_text == "another" and not re.search(r"\b(?:for|in|within|over|after)\s+$",
                                               m.string[max(0, m.start() - 8):m.start()], re.I):
        return None  # "another day of violence"; but "for another month" is an amount
    if unit in ("minute", "second") and num_text in ("a", "an") and \
            re.search(r"\b(?:wait|hold\s+on|hang\s+on|just)\s+$", m.string[max(0, m.start() - 10):m.start()], re.I):
        return None  # "wait a minute", "just a minute": not an amount of time
    thing_age = _g(m, "old") == "-old" and _THING_AFTER.match(m.string, m.end())
    if not thing_age and ((_g(m, "old") or "-long") != "-long" or _AGE_AFTER.match(m.string, m.end()) or
                          _AGE_BEFORE.search(m.string[max(0, m.start() - 30):m.start()])):
        return None  # an age, not a time: "a 37-year-old man", "37 years old" (as in TempEval-3)
    if _word(_g(m, "rel") or "") == "last" and text.startswith("last") and _g(m, "num") and \
            _VERB_LAST_BEFORE.search(m.string[max(0, m.start() - 8):m.start()]):
        # "the talks will last two days": the verb, so the span is the amount alone
        resolved = _amount(m, unit, num_text)
        if isinstance(resolved, tuple):
            return [(m.start("num"), m.end(), *resolved)]
        return resolved
    return _amount(m, unit, num_text)


_UNIT_ORDER = ("century", "decade", "year", "quarter", "month", "week", "day", "hour", "minute", "second")


def _amount(m: re.Match, unit: str, num_text: str) -> Resolved:
    """The DURATION (or rate SET) of a counted unit: "two to six days", "$5 a year"."""
    if _g(m, "old") and num_text in ("a", "an"):
        # "a week-long strike": the article is not part of the adjective
        return [(m.start("unit"), m.end(), "DURATION", _duration_value(1, unit), None)]
    if unit == "quarter" and num_text in ("a", "an", "one", "two", "three") and (
            _FRACTION_OF.match(m.string, m.end()) or num_text in ("a", "an")):
        return None  # a fraction: "a quarter of the shares", "three quarters of them"
    n = _number(m) if _g(m, "num") else None
    if _g(m, "num2") and not _g(m, "unit2"):
        n2 = V.number_value(m.group("num2"))
        if _g(m, "rel") or n is None or n2 is None:
            n = None  # "the next 12 to 18 months": an amount in between, unknown
        else:
            # "two to six days": two durations, "two" (days) and "six days", as
            # TempEval-3 annotates them
            return [(m.start("num"), m.end("num"), "DURATION", _duration_value(n, unit), None),
                    (m.start("num2"), m.end(), "DURATION", _duration_value(n2, unit), None)]
    if _g(m, "andhalf") and n is not None:
        n += 0.5  # "a minute and a half"
    if _g(m, "unit2") and _g(m, "num2") is not None:
        # "a minute and a half" is caught above; "two hours and 30 minutes" here
        n2 = V.number_value(m.group("num2"))
        unit2 = _unit(m.group("unit2"))
        n = _number(m)
        if n is None or n2 is None or unit2 not in V.UNITS:
            return None
        if unit not in _UNIT_ORDER or unit2 not in _UNIT_ORDER or _UNIT_ORDER.index(unit2) <= _UNIT_ORDER.index(unit):
            return None  # one amount goes from a larger unit to a smaller: not "two weeks 10 years"
        first = _duration_value(n, unit)
        second = _duration_value(n2, unit2)
        if first.startswith("PT"):
            return ("DURATION", first + second[2:], None)
        return ("DURATION", first + (second[1:] if not second.startswith("PT") else second[1:]), None)
    # "$5 a year", "10% a month": a rate, i.e. a SET
    if num_text in ("a", "an") and re.search(r"(?:\d|%|percent|cents?|dollars?|million|billion|times|twice|once)\s*$",
                                           m.string[max(0, m.start() - 14):m.start()].lower()):
        return ("SET", _duration_value(1, unit), None)
    return ("DURATION", _duration_value(n, unit), None)


def resolve_long_adjective(m: re.Match, ctx: Context) -> Resolved:
    """ "a yearlong inquiry", "the week-long strike": one unit long."""
    return ("DURATION", _duration_value(1, V.LONG_ADJECTIVES[_word(m.group("longadj"))]), None)


def resolve_set(m: re.Match, ctx: Context) -> Resolved:
    text = m.group(0).lower()
    n = _number(m, "n") or 1
    if "other" in text.split():
        n *= 2
    if _g(m, "weekday"):
        return ("SET", f"XXXX-WXX-{V.WEEKDAYS[_word(m.group('weekday'))]}", None)
    if _g(m, "month"):
        return ("SET", f"XXXX-{_month_number(m.group('month')):02d}", None)
    if _g(m, "season"):
        return ("SET", f"XXXX-{V.SEASONS[_word(m.group('season'))]}", None)
    if _g(m, "pod"):
        return ("SET", f"XXXX-XX-XXT{V.PARTS_OF_DAY[_word(m.group('pod'))]}", None)
    unit = _unit(_g(m, "anyunit") or _g(m, "unit") or "day")
    if unit not in V.UNITS:
        return None
    if unit == "weekend" and n == 1:
        return ("SET", "XXXX-WXX-WE", None)  # "every weekend"
    return ("SET", _duration_value(n, unit), None)


def resolve_weekends(m: re.Match, ctx: Context) -> Resolved:
    """ "on weekends", "every weekend": each weekend."""
    return ("SET", "XXXX-WXX-WE", None)


def resolve_frequency(m: re.Match, ctx: Context) -> Resolved:
    capitalized_before_a_name = ctx.text[m.start():m.start() + 1].isupper() and re.match(
        r"\s+[A-Z]", ctx.text[m.end():m.end() + 2])
    if _in_a_name(m.start(), ctx) or capitalized_before_a_name:
        return None  # "People's Daily", "Publishers Weekly", "Daily Mail Online said"
    if re.search(r"\b(?:its|the|their|a|an|his|her|our|average|first|second|third|fourth|fifth|initial|regular|"
                 r"consecutive|straight|latest|last|previous)\s+$",
                 m.string[max(0, m.start() - 10):m.start()]):
        return None  # an adjective: "its quarterly dividend", "average daily volume"
    return ("SET", V.FREQUENCY_WORDS[_word(m.group("freq"))], None)


def resolve_clock(m: re.Match, ctx: Context) -> Resolved:
    """Clock times: "10 p.m. Wednesday", "noon", "5 p.m. EST, Nov. 9"."""
    clock = _word(m.group("clock"))
    if clock == "noon":
        hour, minute = 12, 0
    elif clock == "midnight":
        hour, minute = 24, 0
    elif re.fullmatch(r"\d{4}", clock):
        hour, minute = int(clock[:2]), int(clock[2:])  # "2100 GMT"
    elif clock.endswith("o'clock"):
        hour, minute = int(clock.split()[0]), 0
    else:
        parts = re.match(r"(\d+)(?:[:.](\d\d))?\s*([ap])?", clock)  # "7:30 p.m.", "3.15pm"
        hour, minute = int(parts.group(1)), int(parts.group(2) or 0)
        if parts.group(3) == "p" and hour < 12:
            hour += 12
        elif parts.group(3) == "a" and hour == 12:
            hour = 0
        if not parts.group(3) and not parts.group(2):
            return None
    day_value: str | None = None
    if _g(m, "month2") or _g(m, "month"):
        month_text = _g(m, "month2") or _g(m, "month")
        day_text = _g(m, "day2") or _g(m, "day")
        month_number, day_number = _month_number(month_text), _day_number(day_text)
        if ctx.dct is None:
            day_value = f"XXXX-{month_number:02d}-{day_number:02d}"
        else:
            d = C.safe_date(_year_for(month_number, day_number, ctx), month_number, day_number)
            day_value = C.day(d) if d else None
    elif _g(m, "weekday"):
        if not _capitalized(m, "weekday", ctx):
            return None
        day_value = _weekday_value(V.WEEKDAYS[_word(m.group("weekday"))], ctx, None)
    elif _g(m, "offset"):
        offset = V.DAY_OFFSETS[_word(m.group("offset"))]
        day_value = C.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
    else:
        # a bare clock time is on the day named in its own sentence, else the DCT
        day_value = C.day_part(ctx.anchor_day(max_sentences=0) or "XXXX-XX-XX")
    return ("TIME", f"{day_value or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}", None)


RESOLVERS: dict[str, Callable[[re.Match, Context], Resolved]] = {
    name[len("resolve_"):]: function
    for name, function in globals().items()
    if name.startswith("resolve_") and callable(function)
}
