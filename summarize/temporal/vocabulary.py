"""Word lists the temporal patterns are built from: one table per concept.

Everything language-specific lives here, so a pattern in ``rules/`` reads like
``{month} {day}`` and the resolver looks words up instead of hard-coding them.
Keys are lower case; the regex alternations are derived from the keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The tables are laid out as tables, several entries a line: the formatter's one
# entry a line would double the file and spread each table over a screen.
# fmt: off
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Month names that are also common English words; they need a date-like neighbour.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "sep", "dec", "august"})

# ISO weekday numbers (Monday = 1), as TIMEX3 uses them in XXXX-WXX-N.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3,
    "wed": 3, "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

# Words that make a weekday part of a name: before it ("Bloody Sunday", "Black
# Monday", "the Mail on Sunday") or after it ("the Sunday Times", "Saturday Night Live").
WEEKDAY_NAME_BEFORE = frozenset(
    "bloody black super bowl cyber holy shrove maundy fat mail good easter palm ash".split()
)
WEEKDAY_NAME_AFTER = frozenset(
    """times telegraph mirror express people post herald independent tribune star mail
    business observer world age sport magazine review journal news night""".split()
)

# Weekday abbreviations are only accepted with a trailing period or before a date.
WEEKDAY_FULL = {k: v for k, v in WEEKDAYS.items() if len(k) > 4}

# The twelve month names in full ("january" ... "december").
MONTH_NAMES = tuple(max((name for name, number in MONTHS.items() if number == n), key=len) for n in range(1, 13))

# Capitalized words that may stand right before or after a month name in a date, so
# that a month between two of them is still a month ("Sunday June 5", "In June",
# "June Term"); any other capitalized neighbour makes it part of a name ("Mama June").
DATE_CONTEXT_WORDS = (
    *(name.capitalize() for name in WEEKDAYS), "Thur", *(name.capitalize() for name in MONTH_NAMES),
    "In", "On", "By", "Since", "Until", "Till", "From",
    "During", "Before", "After", "Last", "Next", "This", "Early", "Late", "Mid", "Each",
    "Every", "Through", "Throughout", "Between", "And", "Or", "To", "For", "Of", "The",
    "Around", "Day", "Week", "Weekend", "Term", "Quarter", "Half",
    "Sales", "Issue", "Session", "Primary", "Election", "Elections", "Budget", "Figures",
)

# Numbers in words, in the three classes a compound ("twenty-four") is built from.
ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBER_WORDS: dict[str, float] = {
    "zero": 0, **ONES, **TEENS, **TENS,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a single": 1, "a": 1, "an": 1, "another": 1, "half a": 0.5, "half an": 0.5,
}

# Decades in words ("the nineties" -> 199).
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}

# Vague quantities: a duration with one of these has an unknown number, e.g. PXD.
VAGUE_QUANTITIES = frozenset({"few", "a few", "several", "some", "many", "a number of", "the next few"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "21st": 21, "last": -1, "final": -1,
}

# Words that may stand between "the" and "third quarter" in business news.
QUARTER_ADJECTIVES = (
    "fiscal", "calendar", "flat", "strong", "weak", "disappointing", "dismal", "record",
    "solid", "slow", "sluggish", "seasonally slow", "seasonally strong", "traditionally slow",
)

# Calendar units: TIMEX3 duration letter, and whether it goes after the "T".
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "weekend": ("WE", False), "fortnight": ("2W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("E", False),
    "century": ("C", False), "trading day": ("D", False), "business day": ("D", False),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "weekends": "weekend", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade",
    "centuries": "century", "trading days": "trading day",
    "business days": "business day", "fortnights": "fortnight",
}

# One-word adjectives of length ("a yearlong inquiry"): the unit they last.
LONG_ADJECTIVES: dict[str, str] = {
    "yearlong": "year", "monthlong": "month", "weeklong": "week", "daylong": "day",
    "hourlong": "hour", "decadelong": "decade", "year-long": "year", "month-long": "month",
    "week-long": "week", "day-long": "day", "hour-long": "hour", "decade-long": "decade",
}

# Part-of-day codes of TIMEX3 (the value gets a T-suffix: 2014-06-21TEV).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "midafternoon": "AF",
    "mid afternoon": "AF", "mid-morning": "MO", "midmorning": "MO", "mid morning": "MO",
    "mid-evening": "EV", "midevening": "EV", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
    "nightfall": "EV",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# Adverbs that are time expressions in TimeBank even without a date.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF",
    "lately": "PAST_REF", "more recently": "PAST_REF",
    "past years": "PAST_REF", "recent days": "PAST_REF",
    "recent years": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
    "coming months": "FUTURE_REF", "coming years": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "future quarters": "FUTURE_REF", "coming quarters": "FUTURE_REF",
    "the days ahead": "FUTURE_REF", "someday": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}

# Stretches of time of no stated length, TIMEX3 DURATION values.
VAGUE_DURATIONS: dict[str, str] = {
    "a while": "PXX", "a long time": "PXX", "a short time": "PXX", "some time": "PXX",
    "a long while": "PXX", "a little while": "PXX",
}

# Day words relative to the DCT: offset in days.
DAY_OFFSETS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}

# "last/this/next X": offset in units of X.
RELATIVE_DETERMINERS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
    "present": 0, "next": 1, "coming": 1, "this coming": 1, "upcoming": 1,
    "this past": -1, "latest": 0,
}

# Anaphoric "the following day": offset from the last mentioned time.
ANAPHORIC_DETERMINERS: dict[str, int] = {
    "following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1,
    "prior": -1, "same": 0,
}

# Words before a date that say which part of it is meant, and the TIMEX3 mod they
# give ("early January" -> START). "the" and "very" may precede any of them.
# "earlier"/"later" join the expression ("earlier Sunday") without a mod.
POSITION_MODS: dict[str, str | None] = {
    "early": "START", "beginning of": "START", "start of": "START", "dawn of": "START",
    "turn of": "START", "late": "END", "end of": "END", "close of": "END",
    "mid": "MID", "middle of": "MID", "height of": "MID",
    "earlier": None, "later": None, "sometime": None,
}

# Approximation and comparison words before a quantity, mapped to the TIMEX3 mod.
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "close to": "APPROX", "more or less": "APPROX",
    "more than": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "shorter than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "as many as": "EQUAL_OR_LESS",
    "as long as": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
}

# A comparison before "N units ago" bounds a point in time, not an amount:
# "more than two years ago" is BEFORE the date two years back.
DATE_COMPARISON_MODS: dict[str, str] = {
    "MORE_THAN": "BEFORE", "LESS_THAN": "AFTER",
    "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER",
}
# Before any other point (ahead of the DCT, or a clock time) the comparison runs
# forward: "more than two years from now" is AFTER 2016, "at least 10 p.m." is
# ON_OR_AFTER 22:00, "up to 8 p.m." ON_OR_BEFORE it.
POINT_COMPARISON_MODS: dict[str, str] = {
    "MORE_THAN": "AFTER", "LESS_THAN": "BEFORE",
    "EQUAL_OR_MORE": "ON_OR_AFTER", "EQUAL_OR_LESS": "ON_OR_BEFORE",
}

# Adverbs of frequency: TIMEX3 SET values.
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
    "annually": "P1Y", "semiannually": "P6M",
}

# Holidays with a fixed date (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31),
    "valentine's day": (2, 14), "st. patrick's day": (3, 17),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1),
    "labour day": (5, 1),
}

# Holidays on the Nth weekday of a month: (month, ISO weekday, N; -1 = last).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1), "memorial day": (5, 1, -1),
    "martin luther king day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "mother's day": (5, 7, 2), "father's day": (6, 7, 3), "columbus day": (10, 1, 2),
}

# Holidays defined relative to Easter Sunday (days offset).
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1,
    "ash wednesday": -46, "palm sunday": -7, "pentecost": 49,
}

# Holidays a fixed number of days after another holiday.
HOLIDAY_OFFSETS: dict[str, tuple[str, int]] = {"black friday": ("thanksgiving", 1)}

# The Chinese (lunar) New Year, first day of the Spring Festival: (month, day) by year.
LUNAR_NEW_YEAR: dict[int, tuple[int, int]] = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31),
    1996: (2, 19), 1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24),
    2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18),
    2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
}
LUNAR_HOLIDAYS = ("chinese new year", "lunar new year", "spring festival")

# Time zones named after a clock time; kept in the span, not in the value.
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "ET", "PT")

# Words that make a clause refer to the future (cheap tense heuristic).
# Words that make a clause refer to the future (cheap tense heuristic, tense.py).
# Not "would" (reported speech: "said Friday it would") nor "next" (inside timexes).
FUTURE_MARKERS = frozenset(
    """will 'll shall wo going scheduled expected expects expect due slated intend
    intends tomorrow upcoming expires""".split()
)

# Nouns of works. A bare year right after one is the work's title, no date ("the
# film 1917", "the novel 1984", "her album 1989"); one right before one is the work's
# year ("his 1999 album", "the 1964 film"), a date, but of no happening of the
# article (``headlines.names_a_work``).
WORK_NOUNS = frozenset(
    """album albums film films movie movies book books novel novels memoir memoirs biography
    song songs single singles ep lp painting paintings portrait portraits sculpture sculptures
    canvas play plays musical musicals opera operas symphony poem poems documentary
    documentaries sitcom drama dramas thriller thrillers comedy comedies blockbuster
    blockbusters classic classics hit hits sequel sequels remake remakes bestseller bestsellers
    video videos photograph photographs photo photos cartoon cartoons""".split()
)  # not "game", "record", "debut", "series": "the 1998 game", "his 2004 debut" are happenings

# Present-tense verbs of schedules: in news "talks resume Thursday" is ahead, and so
# are "voters go to the polls Sunday", "the bill goes to the Senate Thursday". News
# tells past events in the past tense. Only looked for before the expression, and
# not before a possessive day ("the toll is 247 after Friday's blast").
SCHEDULE_VERBS = frozenset(
    """begin begins start starts open opens resume resumes reopen reopens meet meets
    arrive arrives visit visits convene convenes vote votes travel travels closes
    go goes return returns leave leaves face faces host hosts play plays
    end ends""".split()
)

# "The funeral is Friday": a copula right before a day makes it a schedule too.
PRESENT_COPULAS = frozenset({"is", "are"})

# Participles of planning: "a vigil is planned for Wednesday" is a schedule, and a
# date after one dates what is planned, not the planning.
PLANNING_PARTICIPLES = frozenset({"planned", "slated", "proposed", "organized", "organised", "arranged", "billed", "timed"})

# Future markers only when they precede the expression: "said he would go by
# Saturday" is about the future, "said Friday it would investigate" is not.
FUTURE_MARKERS_BEFORE = frozenset({"would"})

# "<word> to <verb>" refers to the future: "is set to resume Monday", "is to meet".
FUTURE_BEFORE_TO = frozenset("is are set due scheduled expected going plans planned hopes agreed".split())

# Words that make a clause refer to the past (with any word ending in -ed).
PAST_MARKERS = frozenset(
    """was were had has have did said says told ago yesterday earlier been reported
    announced took came went made since began won lost met saw fell rose
    bought sold paid left held kept led struck found gave got spent sent built fought
    brought thought became fled flew drew wrote spoke broke stood shot caught knew grew
    threw blew hid meant felt heard
    ran sang rang swam drank ate wore tore rode drove woke chose froze stole forgot
    dug fed slid spun stuck swore swept taught sought shook slept wept dealt lent
    sank sprang arose withdrew undertook oversaw understood upheld withheld""".split()
)
# fmt: on


def alternation(words: Iterable[str], escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first (so "sept" beats "sep").

    Spaces match any run of whitespace and periods after abbreviations are optional.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        text = re.escape(word) if escape else word
        parts.append(text.replace(r"\ ", r"\s+").replace(" ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


def number_value(text: str) -> float | None:
    """The number a numeral or number phrase stands for ("24", "twenty-four", "2 1/2")."""
    t = " ".join(text.lower().split())
    if not t:
        return None
    # A zero denominator is a typo, not a number ("3 1/0 days later" raised ZeroDivisionError).
    fraction = re.fullmatch(r"(\d+)\s+(\d)/([1-9])", t)
    if fraction:
        return int(fraction.group(1)) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"\d+(?:\.\d+)?", t.replace(",", "")):
        return float(t.replace(",", ""))
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    half = re.fullmatch(r"(.+?) and a half", t)
    if half:
        base = number_value(half.group(1))
        return None if base is None else base + 0.5
    total = 0.0
    for piece in re.split(r"[\s-]+", t):
        if piece == "and":
            continue
        if piece == "hundred":
            total = (total or 1) * 100
        elif piece == "thousand":
            total = (total or 1) * 1000
        elif piece in NUMBER_WORDS:
            total += NUMBER_WORDS[piece]
        else:
            return None
    return total
