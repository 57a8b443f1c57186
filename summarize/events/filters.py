"""Which dates place a happening, and which headlines tell one.

The dates that place none are listed in the package's docstring (reporting dates,
quotations, generic days, comparison bases, birth dates, names and idioms, years
that name a thing, captions and bylines, the article's own year and week); each is
a pattern below, and ``places_a_happening`` asks them all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..headlines import (
    ADDRESSEE,
    SETTING,
    aside_kind,
    attributive_year,
    clause_of,
    is_bare_name,
    names_a_work,
    premodified_noun_phrase,
)
from ..lexicon import DETERMINERS, REPORTING_VERBS, looks_like_verb
from ..models import Sentence, TimeExpression
from ..temporal import timex
from ..temporal.tense import clause_tense

# Values that do not place a happening on a timeline.
UNPLACEABLE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
# Verbs of saying (``lexicon.REPORTING_VERBS``): a date right after one of them (and its
# addressee and setting) dates the statement.
_REPORTING_DATE = re.compile(
    r"\b(?i:"
    + "|".join(REPORTING_VERBS)
    + r")(?:\s+\w+ly)?"
    + ADDRESSEE
    + SETTING
    + r"(?:\s+\w+ly)?\s+(?i:(?:on|late|early|late on|early on|last|this|earlier|later)\s+)?$"
)
# Birth dates: "born in 1983", "born March 1990".
_BORN = re.compile(r"\bborn\b[^,.;:]{0,40}$", re.IGNORECASE)
# Photo dates: "Michael Schumacher pictured during testing in Spain in December 2007".
_PICTURED = re.compile(r"\bpictured\b[^,.;:]*$", re.IGNORECASE)
# Names and idioms holding date words: an expression inside a match is no date.
NOT_DATES = re.compile(
    r"\b(?:Mail|Independent|Observer) on Sunday\b"
    r"|\bSunday (?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Sport|Star|Mercury)\b"
    r"|\bSaturday Night Live\b|\bFriday Night Lights\b|\bGood Morning (?:America|Britain)\b"
    r"|\b(?:happen|happens|happened|happening|change|changes|changed|success|sensation|star)\s+overnight\b"
)
# Bylines and page furniture.
BYLINES = re.compile(
    r"\b(?:PUBLISHED|UPDATED|Last updated)\b|^By\s+[A-Z][\w.\-]+\s+[A-Z]|\u00a9|\(c\)\s*\d{4}|\bAll rights reserved\b|^Copyright\b"
)
# A date that is the subject of a copula describes the date, it dates no happening:
# "suggesting late April is more likely", "2015 will be a big year".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|in|at|by|since|until|from|during|as of|beginning|starting)\s+$", re.IGNORECASE
)
_DATE_AS_SUBJECT = re.compile(
    r"\s+(?:is|was|are|were|will be|would be|could be|has been|had been|looks|seems)\b", re.IGNORECASE
)
# The base of a comparison: "... up 8.9% from $387.8 million a year earlier".
# ("... net of $13.5 million, or 34 cents a share, a year earlier": an amount right
# before the date is one too.)
_AMOUNT = (
    r"[$#\u00a3\u20ac]?\s*\d[\d.,]*\s*(?:%|percent|per cent|million|billion|cents?|pence)?(?:\s+(?:a|per)\s+share)?"
)
# And the base named after "compared with": "... a net loss, compared with year-earlier
# profit of $3.8 million", "compared with the 1988 period".
_COMPARISON_BASE = re.compile(
    r"(?:\bfrom\s+(?:a\s+|an\s+)?(?:fully\s+diluted\s+)?"
    + _AMOUNT
    + r",?\s+(?:in\s+|on\s+|for\s+|during\s+)?(?:the\s+)?"
    r"|(?:million|billion|cents?|pence|%|percent|share),?\s+"
    r"|\b(?:compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|a\s+|an\s+)?)$",
    re.IGNORECASE,
)
# A day that "falls on" a weekday is calendar talk, alone or in a list: "when
# Christmas Day, Boxing Day and New Year's Day fell on a weekend".
_FALLS_ON = re.compile(
    r"^(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,3})*"
    r"\s+(?i:falls|fell|fall|falling)\s+(?i:on)\b"
)
# Generic days: "when Anzac Day falls on a Saturday", "every Monday".
# ("a Christmas party", "a 1971 convention" are no such thing: a noun follows.)
_GENERIC_BEFORE = re.compile(r"\b(?:a|an|every|each|any)\s+$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(
    r"\s*(?:$|[,;:.!?)\u2013\u2014]|(?:as|when|and|or|but|in|this|that|which|the|it|so|because|if|every|each|is|was|were|are|will|would|has|had)\b)",
    re.IGNORECASE,
)
# A sentence ends like one: its last character, after closing quotes and brackets.
_SENTENCE_END = re.compile(r"""[.!?\u2026]['"\u2019\u201d)\]]*$|[.!?,]\s*(?:''|'|\u2019|\u201d|")$""")
# A headline of this many words or more tells a happening (see tells_a_happening).
MIN_HAPPENING_WORDS = 3
# Direct speech: this many words or more in quotation marks.
MIN_QUOTE_WORDS = 4


def is_placeable(expression: TimeExpression) -> bool:
    return (
        expression.type in ("DATE", "TIME")
        and expression.value not in UNPLACEABLE_VALUES
        and timex.parse_value(expression.value) is not None
    )


def indexes_in(in_order: list[TimeExpression], sentence: Sentence) -> range:
    """The indexes in ``in_order`` (the article's expressions sorted by start) of the
    expressions that start in ``sentence``, found by binary search: looking through
    the article's for each event made a text of 100,000 dates quadratic."""
    first = bisect.bisect_left(in_order, sentence.start, key=lambda e: e.start)
    last = bisect.bisect_left(in_order, sentence.end, key=lambda e: e.start)
    return range(first, last)


def is_own_period(parsed: timex.TimexValue, dct: dt.date) -> bool:
    """ "this year", "earlier in the year", "this week": the article's own year or
    week places nothing."""
    if parsed.granularity == "year":
        return parsed.year == dct.year
    if parsed.granularity == "week":
        return (parsed.year, parsed.week) == dct.isocalendar()[:2]
    return False


def places_a_happening(sentence: Sentence, expression: TimeExpression, parsed: timex.TimexValue) -> bool:
    text = sentence.text
    start, end = expression.start - sentence.start, expression.end - sentence.start
    if BYLINES.search(text) or not _SENTENCE_END.search(text.rstrip()) or _is_heading(text):
        return False
    if _REPORTING_DATE.search(text[:start]) or aside_kind(text, (start, end)) in ("attribution", "caption"):
        return False
    if not parsed.is_day and _BORN.search(text[:start]):
        return False
    if _PICTURED.search(text[:start]):
        return False
    if _DATE_AS_SUBJECT.match(text[end:]) and not _PREPOSITION_BEFORE.search(text[:start]):
        return False
    if (_GENERIC_BEFORE.search(text[:start]) and _GENERIC_AFTER.match(text[end:])) or _FALLS_ON.match(text[end:]):
        return False
    if re.search(r"\bthan\s+$", text[:start]) or _COMPARISON_BASE.search(text[:start]):
        return False  # "more likely than mid-April", "down from $21.4 million last year": comparisons
    if names_a_work(text, start, end):
        return False  # "his 1999 album", "Caillebotte's 1877 A Boating Party": no happening
    if any(m.start() <= start and end <= m.end() for m in NOT_DATES.finditer(text)):
        return False
    return not any(a <= start and end <= b for a, b in quoted_spans(text))


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of ``sentence`` in quotation marks: direct speech or titles. A
    quotation left open runs to the end of the sentence, and a closing mark with no
    opening one closes a quotation begun in an earlier sentence; those two are only
    trusted when ``MIN_QUOTE_WORDS`` long or more."""
    spans = []
    unpaired = []
    opening = None
    for match in _QUOTE_MARK.finditer(sentence):
        mark, at = match.group(0), match.start()
        before = sentence[at - 1] if at else " "
        after = sentence[match.end()] if match.end() < len(sentence) else " "
        if mark in ("'", "\u2019") and ((before.isalnum() and after.isalnum()) or after.isdigit()):
            continue  # an apostrophe: "it's", "the '90s"
        is_open = mark in ("\u201c", "\u2018", "``") or (
            mark in ('"', "'") and (before.isspace() or before in "([:") and not after.isspace()
        )
        if mark == '"' and opening is not None:
            is_open = False
        if is_open and opening is None:
            opening = at
        elif not is_open and opening is not None:
            spans.append((opening, match.end()))
            opening = None
        elif not is_open and opening is None and not _plural_possessive(sentence, mark, before, after, match.end()):
            spans.append((0, match.end()))
            unpaired.append(spans[-1])
    if opening is not None:
        spans.append((opening, len(sentence)))
        unpaired.append(spans[-1])
    # A quotation left open or closed without an opening is only trusted when long;
    # a paired one is speech or a title ("White Christmas") whatever its length.
    return [(a, b) for a, b in spans if (a, b) not in unpaired or len(sentence[a:b].split()) >= MIN_QUOTE_WORDS]


def _plural_possessive(sentence: str, mark: str, before: str, after: str, end: int) -> bool:
    """ "the players' union": an apostrophe, not a closing quotation mark."""
    return mark in ("'", "\u2019") and before in "sS" and after.isspace() and end < len(sentence.rstrip())


_QUOTE_MARK = re.compile(r"``|''|[\u201c\u201d\u2018\u2019\"']")


def _is_heading(text: str) -> bool:
    """A heading or fixture line in capitals: "GLOUCESTER v NEWCASTLE (SATURDAY)"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def names_its_noun(dct: dt.date | None, sentence: Sentence, index: int, in_order: list[TimeExpression]) -> bool:
    """Whether a year that premodifies a noun ("the 2024 race", "her 2008 campaign")
    only says which race or campaign, and so dates no happening of the sentence
    (the year is ``in_order[index]``, among the article's expressions sorted by start):

    - when it lies after the article's year in a clause not about the future ("Trump
      is the early frontrunner in the 2024 GOP nomination race", written in 2022): the
      race is named by the year it ends in, the sentence tells what happens now;
    - when it would date the whole clause (its noun phrase is too short to be the
      event: "the 2024 race", "her 2013 arrest") and the clause has a date of its own,
      which dates the happening ("He entered the 2024 race on Tuesday": Tuesday, one
      event). A longer noun phrase is an event of its own ("On Monday he called the
      2003 invasion of Iraq a mistake": 2003, "Invasion of Iraq").

    ("Clinton did not support gay marriage in her 2008 campaign" and "He will stand
    in the 2016 election" are dated by the year.)"""
    expression = in_order[index]
    start, end = expression.start - sentence.start, expression.end - sentence.start
    if not attributive_year(sentence.text, start, end):
        return False
    year = int(sentence.text[start:end])
    if dct is not None and year > dct.year and clause_tense(sentence.text, start, end) != "FUTURE":
        return True
    if premodified_noun_phrase(sentence.text, start, end) is not None:
        return False
    others = [
        (in_order[i].start - sentence.start, in_order[i].end - sentence.start)
        for i in indexes_in(in_order, sentence)
        if i != index and is_placeable(in_order[i])
    ]
    clause_start, clause_end = clause_of(sentence.text, start, end, others)
    return any(clause_start <= a < clause_end and not attributive_year(sentence.text, a, b) for a, b in others)


def tells_a_happening(headline: str, sentence: str) -> bool:
    """Three words or more; two if they are not just a determiner and a noun ("The
    company"), as a verb ("Talks collapsed") or a name ("Barcelona final") tells.
    An attribution alone ("He said so") and a name alone ("Walter Mondale") tell
    nothing."""
    if _ATTRIBUTION_ONLY.match(headline) or is_bare_name(headline, sentence):
        return False  # "He said so"; "Walter Mondale": a name is no happening
    words = headline.split()
    if len(words) >= MIN_HAPPENING_WORDS:
        return True
    return len(words) == 2 and (any(looks_like_verb(w) for w in words) or words[0].lower() not in DETERMINERS)


_ATTRIBUTION_ONLY = re.compile(
    r"^(?:\S+\s+){0,4}(?:" + "|".join(REPORTING_VERBS) + r")(?:\s+\S+)?(?:\s+(?:so|this|that|it|them|as much))?$",
    re.IGNORECASE,
)
