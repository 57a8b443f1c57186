"""Trigger words: where in a text each rule is worth running.

Each rule names the trigger categories of which its matches contain at least one
(``Rule.triggers``); the tagger runs it only in small windows around those words
(``Rule.reach``), which is why tagging a news text is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import vocabulary as V


# Cheap keyword classes. A rule is only run near a trigger of one of its classes,
# which keeps the tagger fast: most of a news text holds no time word at all.
# Words are looked up in TRIGGER_WORDS (lower case, a word may belong to several
# classes); digits go through DIGIT_TRIGGER_REGEX.
def _words(*tables: Iterable[str]) -> set[str]:
    return {w for table in tables for phrase in table for w in re.findall(r"[a-z]+", phrase)}


TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
for _category, _words_of in (
    ("set", _words(["every", "each", "per", "everyday", "once", "twice", "thrice", "times"], V.FREQUENCY_WORDS)),
    # Holiday names, less the common words ("day", "new") that would trigger everywhere;
    # "Good Friday" and "May Day" are reached through their weekday and month.
    (
        "holiday",
        _words(V.FIXED_HOLIDAYS, V.WEEKDAY_HOLIDAYS, V.EASTER_HOLIDAYS, V.HOLIDAY_OFFSETS, V.LUNAR_HOLIDAYS)
        - {
            "day",
            "the",
            "of",
            "s",
            "st",
            "new",
            "year",
            "good",
            "may",
            "fourth",
            "july",
            "martin",
            "king",
            "sunday",
            "monday",
            "wednesday",
            "black",
            "spring",
        },
    ),
    ("season", set(V.SEASONS)),
    (
        "ref",
        (_words(V.REFERENCE_WORDS) | {"while"})
        - {
            "the",
            "a",
            "at",
            "as",
            "in",
            "this",
            "right",
            "until",
            "more",
            "near",
            "long",
            "short",
            "later",
            "days",
            "years",
            "months",
        }
        | {"time"},
    ),
    ("offset", set(V.DAY_OFFSETS) - {"the day before yesterday", "the day after tomorrow"}),
    ("pod", _words(V.PARTS_OF_DAY) - {"mid"}),
    ("quarter", {"quarter", "quarters", "half", "period", "ago", "earlier"}),
    ("unit", _words(V.UNITS, V.UNIT_PLURALS, V.LONG_ADJECTIVES, ["millennium"]) - {"trading", "business", "long"}),
    ("year", {"nineteen", "eighteen", "thousand", *V.DECADE_WORDS}),  # spoken years: "eighteen sixty-two"
    ("weekday", set(V.WEEKDAYS) | {d + "s" for d in V.WEEKDAY_FULL}),
    ("month", set(V.MONTHS)),
    ("clock", {"noon", "midnight"}),
):
    for _word in _words_of:
        TRIGGER_WORDS[_word] = (*TRIGGER_WORDS.get(_word, ()), _category)  # "night": pod and unit


# Digit triggers in one pass; the leading (?=\d) lets the regex engine skip to digits.
DIGIT_TRIGGER_REGEX = re.compile(
    r"(?=\d)(?:(?P<numdate>\d{1,4}[/-]\d\d?[/-]\d\d)"
    r"|(?P<clock>\d(?:[:.][0-5]\d)?\s*[ap]\.?m\b|\d:[0-5]\d|\d\s+o'clock|\d{4}\s+(?:gmt|utc|local|hours))"
    r"|(?P<year>(?:1[5-9]|20)\d\d(?!\d)|\d0s\b))"
)
TOKEN_REGEX = re.compile(r"[a-z]+")
TRIGGER_SET = frozenset(TRIGGER_WORDS)
