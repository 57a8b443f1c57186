"""What every rule family shares: the rule, the context a resolver reads, the resolution it returns.

A :class:`Rule` is a readable pattern with ``{slots}`` filled from the tables of
``vocabulary.py`` (``slots.py``: ``{month}`` becomes a named group matching any month
name) and the resolver function that turns a match into TIMEX3. A resolver is a
function ``(match, context) -> Resolution | None``: None rejects the match (a shorter
match inside it may then be tried). Resolvers only read the :class:`Context`, except
that a named quarter or half becomes ``last_quarter``/``last_period``; the tagger
records the other anchors. The context carries the document creation time (DCT),
the tense of the clause around the match, and the last mentioned times that
anaphoric expressions ("the following day", "that quarter") refer to.

The small helpers below read a match's groups and the vocabulary's numbers and units.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import datemath, vocabulary as V
from ..tense import clause_tense, future_in_the_past
from ..timex import TimexType
from .slots import expand


@dataclass(frozen=True)
class Resolution:
    """What a resolver makes of a match (dateparser's ``DateData`` is the model).

    Most matches are one time expression: ``span`` None means the whole match, which
    the tagger may widen by a modifier word before it ("early June": START, "more
    than a week": MORE_THAN) when the resolver gives no ``mod`` of its own. A match
    holding several expressions gives each its own ``span`` (start, end) in the text:
    the first here, the others in ``also`` ("June 9 to 12" is "June 9" and "12";
    "two to six days" is "two" and "six days", as TempEval-3 annotates them).
    """

    type: TimexType
    value: str
    mod: str | None = None
    span: tuple[int, int] | None = None
    also: tuple[Resolution, ...] = ()

    def __post_init__(self) -> None:
        if self.also and (self.span is None or any(part.span is None for part in self.also)):
            raise ValueError("a match resolved to several expressions needs the span of each")

    def parts(self) -> tuple[Resolution, ...]:
        """Every expression of the match, in text order."""
        return (self, *self.also)


DIGIT = "<digit>"  # in Rule.requires: any digit

# What Rule.prefixes may name: see there.
PREFIX_KINDS = frozenset({"position", "quantity", "approx"})


@dataclass(frozen=True)
class Rule:
    """A named pattern and the resolver turning its matches into TIMEX3 values."""

    name: str
    pattern: str
    resolver: Resolver
    triggers: tuple[str, ...]  # trigger categories of which a match contains at least one
    requires: tuple[str, ...] = ()  # a match contains one of these strings (a quick pre-check)
    reach: tuple[int, int] = (40, 40)  # how many characters a match may span before/after a trigger
    # Which modifier words just before a match may join it: "position" ("early",
    # "late on", "the end of": dates) and/or "quantity" ("about", "more than"), or
    # "approx", the quantity words of approximation only ("around June 9", but "up
    # to June 9" is a signal like "until").
    prefixes: tuple[str, ...] = ()
    regex: re.Pattern = field(init=False, repr=False, compare=False)
    requires_regex: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One regex for the pre-check: a single C call per window instead of one find per word.
        parts = [r"\d" if word == DIGIT else re.escape(word) for word in self.requires]
        requires = re.compile("|".join(parts)) if parts else None
        object.__setattr__(self, "requires_regex", requires)
        # Compiled case-sensitive for speed: the tagger matches the lower-cased text.
        object.__setattr__(self, "regex", re.compile(expand(self.pattern)))


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
        gap = self.text[self.last_end : self.span[0] + 1]  # + 1: the break looks at the next capital
        return len(SENTENCE_BREAK.findall(gap)) <= max_sentences

    def anchor_day(self, max_sentences: int | None = None) -> str | None:
        """The day "the following day" counts from: last mentioned if near, else the DCT."""
        if self.last_day and (self.dct is None or self._anchor_is_near(max_sentences)):
            return self.last_day
        return datemath.day(self.dct) if self.dct else None

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
                d = datemath.parse_day(value)
                if d:
                    return d, value
                week = YEAR_WEEK.match(value or "")
                if week:
                    # "next week ... a year later": that week's Thursday, not January 1. The
                    # Thursday is in the month and year holding most of the week (ISO's rule):
                    # 2019-W01 runs from 31 December 2018, and a year after it is 2020.
                    return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4), value
                m = YEAR_MONTH.match(value or "")
                if m:
                    return dt.date(int(m.group(1)), int(m.group(2) or 1), 1), value
        return self.dct, None


# A resolver: a rule's match and the context -> what it means, or None to reject it.
Resolver = Callable[[re.Match, Context], "Resolution | None"]

# The end of a sentence (". He", ".\" The") or of a paragraph.
SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z\"'`(])|\n\s*\n")
# The year and month (if any) a value begins with: 1998, 1998-06, 1998-06-09.
YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d\d))?")
# The year and ISO week a week value begins with: 1998-W02.
YEAR_WEEK = re.compile(r"^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])")
# Text before a word that leaves it at the start of a sentence, a quotation or a parenthesis.
SENTENCE_START = re.compile(
    r"(?:^|[.!?:;\n]|``|[\"'\u201c\u2018\u201d\u2019(\[_-])[\"'\u201c\u2018\u201d\u2019)\]]*\s*$"
)


def text_of(m: re.Match, name: str) -> str | None:
    """A named group's text, or None when the pattern has no such group or it is unset."""
    try:
        return m.group(name)
    except IndexError:
        return None


# The longest run words_before and words_after take for a word (non-space characters)
# or for the space between two words (a line break and its indentation). A longer one
# is no prose but, say, a hostile "May-June/Friday-..." of megabytes with a date every
# few characters, or megabytes of spaces: walked whole from each date, one character
# at a time, the look would be quadratic or slow, so it stops there.
RUN_CHARS_MAX = 100


def words_before(text: str, start: int, count: int) -> str:
    """The last ``count`` words before ``text[start]``, with the whitespace after them, for
    cues written as ``r"\\bfor\\s+$"``. Counted in words, not characters, because a cue keeps
    its meaning across a hard-wrapped, indented line ("by the end of the\\n    year") or a
    run of spaces ("for   another month"), where a fixed character window sees half a word.
    A word is a run of non-space characters, so the window never starts inside one (the
    cue "for" is not found in "therefor another day"). A run of either kind longer than
    ``RUN_CHARS_MAX`` ends the window."""
    i = start
    for _ in range(count):
        for in_run in (str.isspace, _is_not_space):  # the space before a word, then the word
            run_end = i
            while i > 0 and in_run(text[i - 1]):
                i -= 1
                if run_end - i == RUN_CHARS_MAX:
                    return text[i:start]
    return text[i:start]


def words_after(text: str, end: int, count: int) -> str:
    """The rest of the word ``text[end]`` is in ("'s") and the ``count`` words after it:
    ``words_before``'s mirror."""
    i, n = end, len(text)
    runs = [_is_not_space] + [str.isspace, _is_not_space] * count  # the rest of the word, then space and word
    for in_run in runs:
        run_start = i
        while i < n and in_run(text[i]):
            i += 1
            if i - run_start == RUN_CHARS_MAX:
                return text[end:i]
    return text[end:i]


def _is_not_space(character: str) -> bool:
    return not character.isspace()


def normalized(text: str) -> str:
    """A phrase as the tables' keys are written: lower case, single spaces, no final period."""
    return " ".join(text.lower().split()).rstrip(".")


def capitalized(m: re.Match, group: str, ctx: Context) -> bool:
    """Whether a group starts with a capital in the original text.

    Rules match the lower-cased text (faster), so case is read from ``ctx.text``.
    """
    if not ctx.cased:
        return True  # an all lower-case text gives no clue: "on monday" is still a day
    start = m.start(group)
    return start >= 0 and ctx.text[start : start + 1].isupper()


def is_compound(m: re.Match) -> bool:
    """Whether the match is the first part of a hyphenated word ("quarter-to-quarter")."""
    return m.string[m.end() : m.end() + 1] == "-" and m.string[m.end() + 1 : m.end() + 2].isalpha()


def month_number_of(text: str) -> int:
    return V.MONTHS[normalized(text)]


def day_number_of(text: str) -> int | None:
    t = normalized(text)
    if t in V.ORDINALS:
        return V.ORDINALS[t]
    digits = re.match(r"\d+", t)
    return int(digits.group(0)) if digits else None


def year_number_of(text: str) -> int | None:
    t = normalized(text)
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


def unit_of(text: str) -> str:
    t = normalized(text).replace("-", " ")
    return V.UNIT_PLURALS.get(t, t)


def number_of(m: re.Match, name: str = "num") -> float | None:
    text = text_of(m, name)
    return V.number_value(text) if text else None


def unknown_value(unit: str) -> str:
    """The underspecified value of a calendar unit when nothing anchors it."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "decade": "XXX",
        "century": "XX",
    }.get(unit, "XXXX")


def duration_value(n: float | None, unit: str) -> str:
    """``P3D``, ``PT24H``, ``PXY``; fractions go to the next smaller unit (P2Y6M)."""
    letter, is_time = V.UNITS.get(unit, ("X", False))
    if letter == "2W":  # a fortnight is two weeks: "a fortnight" is P2W, not P12W
        n, letter = None if n is None else n * 2, "W"
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if letter in ("E", "C"):
        # Counted decades and centuries are written in years ("two decades" = P20Y);
        # only vague ones keep the TimeML letter (PXE).
        n, letter = n * (10 if letter == "E" else 100), "Y"
    if letter == "W" and n != int(n):
        # Weeks combine with no other unit in ISO 8601 ("P1W4D" is no value), and half a
        # week is 3.5 days: "a week and a half" is P10DT12H.
        n, letter = n * 7, "D"
    if n != int(n):
        # (letter, is_time) -> how many of the next smaller unit make one, and that unit
        smaller = {
            ("Y", False): (12, "M", False),
            ("M", False): (30, "D", False),
            ("D", False): (24, "H", True),
            ("H", True): (60, "M", True),
            ("M", True): (60, "S", True),
        }
        if (letter, is_time) in smaller:
            factor, small, small_time = smaller[(letter, is_time)]
            whole, part = int(n), round((n - int(n)) * factor)
            if whole == 0:
                return f"{'PT' if small_time else 'P'}{part}{small}"
            if is_time or not small_time:
                return f"{prefix}{whole}{letter}{part}{small}"
            return f"P{whole}{letter}T{part}{small}"
        return f"{prefix}{n:g}{letter}"  # "9.84 seconds": PT9.84S (six significant digits)
    return f"{prefix}{int(n)}{letter}"
