"""Names are not times: a time word that is part of a name, and month words that are people.

A time word capitalized mid-sentence is part of a name ("USA Today", "People's Daily",
ABC's "This Week"); weekdays name papers and days of history ("the Sunday Times",
"the Mail on Sunday", "Bloody Sunday"). Month words are also given names ("Theresa
May", "Mama June", "January Jones"): one sense per text, so once a text uses "June"
as a person, its other bare "June"s without a date word before them are that person
too (``names_among_months``, read once per text into ``Context.names``).
"""

from __future__ import annotations

import re

from .. import vocabulary as V
from .base import SENTENCE_START, Context, normalized, text_of, words_before

# A capitalized word next, across any run of spaces: the time word before it is a
# name's ("the Summer Olympics", "Daily  Mail" with two spaces, "the Millennium Dome").
CAPITAL_AFTER = re.compile(r"\s+[A-Z]")

_WORD = re.compile(r"[A-Za-z]+")


def in_a_name(start: int, ctx: Context) -> bool:
    """Whether the word at ``start`` is capitalized in the middle of a sentence.

    "USA Today", "People's Daily", "ABC's This Week", "Player of the Year": a time
    word written with a capital where no sentence starts is part of a name.
    All-capital words ("SATURDAY:") and all lower-case texts say nothing.
    """
    word = _WORD.match(ctx.text, start)
    if not ctx.cased or not word or not (word.group(0)[0].isupper() and word.group(0)[1:].islower()):
        return False
    # The mark that starts a sentence ends the word before ("said. Today", "USA\nToday"):
    # a run of spaces in an aligned table ("USA          Today") is no sentence start.
    return not SENTENCE_START.search(words_before(ctx.text, start, 1))


# Words before a bare month that make it a month ("in May", "early June"), not the
# verb or the name; the weaker ones ("and", "to") are no proof where the text uses
# the month word as a name ("told June and Billy").
STRONG_MONTH_CONTEXT = (
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "between",
    "throughout",
    "each",
    "every",
    "the",
    "around",
)

WEAK_MONTH_CONTEXT = ("and", "or", "to", "that", "for")


def _context_before(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?:\b(?:" + "|".join(words) + r")\s+|mid-)$", re.IGNORECASE)


MONTH_CONTEXT = _context_before(STRONG_MONTH_CONTEXT + WEAK_MONTH_CONTEXT)

MONTH_CONTEXT_FOR_A_NAME = _context_before(STRONG_MONTH_CONTEXT)


# A verb of saying or a relative pronoun right after a month makes it a person's name
# ("and May said", "Flay and March, who separated"); "in March, said Smith" is a date.
NAME_AFTER = re.compile(
    r"\s+(?:said|says|told|asked|added|wrote|explained|argued|insisted|claimed|denied|replied|"
    r"who|whose|herself|himself)\b|,\s+(?:who|whose)\b"
)


# A month name inside a person's name: after a capitalized word that is no date word
# ("Mama June", "Theresa May", "Stephanie March"), or, with nothing that makes it a
# date before it, before a capitalized surname ("Mad Men star January Jones").
_NAME_BEFORE = re.compile(r"\b(?!(?:" + "|".join(V.DATE_CONTEXT_WORDS) + r")\b)[A-Z][a-z]+\s+$")

_SURNAME_AFTER = re.compile(r"\s+(?!(?:" + "|".join(V.DATE_CONTEXT_WORDS) + r")\b)[A-Z][a-z]+\b")

_BARE_MONTH = re.compile(r"\b(?:" + "|".join(name.capitalize() for name in V.MONTH_NAMES) + r")\b")


def is_a_name(text: str, start: int, end: int) -> bool:
    """Whether the month word at ``text[start:end]`` is (part of) a person's name there."""
    before = words_before(text, start, 1)  # one word: "Theresa ", "in ", "mid-", also across a wrapped line
    if _NAME_BEFORE.search(before) or NAME_AFTER.match(text, end):
        return True  # "Mama June", "Theresa May", "June said", "Flay and March, who"
    return not MONTH_CONTEXT.search(before) and bool(_SURNAME_AFTER.match(text, end))


def names_among_months(text: str) -> frozenset[str]:
    """The month words ``text`` uses as a person's name somewhere ("Mama June Shannon"):
    one sense per text, so its other bare "June"s without a date word before them
    ("told June", "June's daughter") are that person too."""
    return frozenset(m.group(0).lower() for m in _BARE_MONTH.finditer(text) if is_a_name(text, m.start(), m.end()))


# The name's word before a weekday, at most two words back ("Bloody Sunday", "the Mail on
# Sunday"), and after it ("the Sunday Times"), also across a wrapped line or a run of spaces.
_NAME_BEFORE_WEEKDAY = re.compile(r"([A-Z][a-z]+)\s+(?:on\s+)?$")

_NAME_AFTER_WEEKDAY = re.compile(r"\s+([A-Z][a-z]+)")


def weekday_in_a_name(m: re.Match, ctx: Context) -> bool:
    """ "Bloody Sunday", "the Mail on Sunday", "the Sunday Times", "told The Sun."."""
    start, end = m.span("weekday")
    before = _NAME_BEFORE_WEEKDAY.search(words_before(ctx.text, start, 2))
    if before and before.group(1).lower() in V.WEEKDAY_NAME_BEFORE:
        return True
    after = _NAME_AFTER_WEEKDAY.match(ctx.text, end)
    if after and after.group(1).lower() in V.WEEKDAY_NAME_AFTER:
        if after.group(1) != "Night":
            return True
        if ctx.text.startswith(" Live", end + len(after.group(0))):
            return True  # "Saturday Night Live"; a plain "Saturday Night" is a time
    # a three-letter abbreviation alone needs "on" or a determiner before it: "The Sun.",
    # "Sat.", "Wed." are also other words; "Tues." and "Thurs." are weekdays only
    return (
        len(normalized(m.group("weekday"))) <= 3
        and not (text_of(m, "rel") or text_of(m, "ana"))
        and not re.search(r"\bon\s+$", words_before(ctx.text, start, 1), re.IGNORECASE)
    )
