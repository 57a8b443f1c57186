"""Wire-story datelines: "BAGHDAD, June 24, 2014 (Reuters) - Militants ...".

A dateline opens the body of most agency copy. It names the place, often the date
and the agency, and ends with a dash; the AP's plain-text copy ends it with an
underscore ("MOSCOW_ "), and CNN and magazines give a credit in parentheses, alone
or after a place in any case ("(CNN) -- ", "Kathmandu, Nepal (CNN)", "(The Hollywood
Reporter)"). ``FORMS`` is the one table of these forms, each with examples. It
serves three places: loading cuts the dateline off the body (``find_dateline``: it
is furniture, and left in, the tagger would date the first sentence by it), the
extractive summarizer off a summary sentence, and headlines off a timeline
headline (both by ``dateline_end``). When it carries a full date, that date is the
article date.

A dateline without a year ("BAGHDAD, June 22 (Reuters) -") does not give an article
date on its own: guessing the year (this year? the file's mtime?) would anchor every
relative date to a possibly wrong year and nothing in the output would show it.
In a briefing of several articles, the other articles' dates give the year
(``year_from_briefing``), and the briefing notes say so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# The pieces of a dateline.
# The place is in capitals ("BAGHDAD", "NEW YORK", "ST. LOUIS"; its first word has at
# least two capitals, so that "A - the first letter" is no dateline), optionally
# followed by a region in ordinary case ("KIRKUK, Iraq", "AUSTIN, Texas", "PALO ALTO,
# Calif."). Spaces only, not newlines: a dateline is on the first line.
_PLACE = r"(?P<place>[A-Z][.'\u2019-]?[A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3})"
_REGION = r"(?:, (?!" + _WEEKDAY + r")(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?))?"
_DATE = (
    r"(?:, (?:" + _WEEKDAY + r",? )?"
    r"(?:(?P<month>" + _MONTH + r") (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>" + _MONTH + r"))"
    r"(?:,? (?P<year>(?:19|20)\d{2}))?)?"
)
_AGENCY = r"(?: ?\((?P<agency>[A-Za-z][\w .&'-]{0,40})\))?"
# A hyphen needs a space after it, so that "US-led forces" is no dateline.
_DASH = r" ?(?:--|-(?=\s|$)|\u2013|\u2014)[ \t]*"
# The AP's old plain-text dash: "MOSCOW_ Russia said".
_UNDERSCORE = r" ?_[ \t]*"
# A credit: a news organisation in parentheses. Only these count, so that an
# ordinary parenthesis ("Police (officers) said", "Barack Obama (D) - ") is not one.
_CREDIT = r"\((?P<agency>CNN|CNN Money|Reuters|AP|AFP|Mashable|EW\.com|The [A-Z][\w&.' ]{1,30})\)"
# A place in any case before a credit: "Kathmandu, Nepal", "LONDON, England", "Washington".
_CREDIT_PLACE = r"(?P<place>[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,3})"
# After a credit the dash is optional and the text may follow at once: "(CNN)Think".
_CREDIT_END = r"\s*(?:--|\u2014|\u2013|-)?\s*"


@dataclass(frozen=True)
class DatelineForm:
    """One form of dateline: its name, its pattern (matched at the start of a text,
    with the groups ``place``, ``region``, ``month``/``day``/``year`` or
    ``day2``/``month2`` and ``agency`` that the form has) and examples, each written
    "dateline|article text" ("|" marks where the article text begins)."""

    name: str
    pattern: re.Pattern
    examples: tuple[str, ...]


def _form(name: str, pattern: str, *examples: str) -> DatelineForm:
    return DatelineForm(name, re.compile(r"^\s*" + pattern), examples)


# The forms, tried in this order: the first that matches is the dateline. Only the
# wire forms can carry a date.
FORMS = (
    # Place in capitals, region, date, agency, dash: the usual wire dateline.
    _form(
        "wire",
        _PLACE + _REGION + _DATE + _AGENCY + _DASH,
        "KIRKUK, Iraq, Sept. 3, 2014 (Reuters) -- |Kurdish forces took the town.",
        "BAGHDAD \u2014 |Militants took the town.",
    ),
    # The same with the AP's underscore for a dash.
    _form(
        "wire underscore",
        _PLACE + _REGION + _DATE + _AGENCY + _UNDERSCORE,
        "MOSCOW_ |Russia said on Monday ...",
        "CANBERRA, Australia_ |Australia said ...",
    ),
    # A credit alone, with or without a dash; the text may follow at once.
    _form(
        "credit",
        _CREDIT + _CREDIT_END,
        "(CNN) -- |Rescuers pulled a man from the rubble.",
        "(CNN)|Think it's hard?",
        "(The Hollywood Reporter) |Stan Freberg has died.",
    ),
    # A place in any case before a credit: the credit is what makes it a dateline,
    # and no lower-case word follows it ("John Smith (CNN) said" is a sentence).
    _form(
        "placed credit",
        _CREDIT_PLACE + r"\s*" + _CREDIT + r"(?!\s*[a-z])" + _CREDIT_END,
        "Kathmandu, Nepal (CNN) -- |Rescuers pulled a man from the rubble.",
        "Washington (CNN)|This week is the week.",
    ),
)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a text; ``end`` is where the article text begins.
    ``form`` names its form in ``FORMS``; a credit alone has no ``place``."""

    form: str
    place: str | None
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    end: int

    def date(self, year: int | None = None) -> dt.date | None:
        """The date the dateline gives: its own year, else ``year``, else None."""
        year = self.year if self.year is not None else year
        if year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:  # "February 30": not a date, so no date
            return None


# How far from the other articles' dates a dateline's month and day may lie and still
# take their year: a briefing covers one story, reported over days or weeks.
MAX_DAYS_FROM_BRIEFING = 120


def year_from_briefing(dateline: Dateline, dates: list[dt.date]) -> dt.date | None:
    """Complete a dateline without a year from the dates of the other articles of a
    briefing: the year that puts its month and day nearest to one of them ("June 22"
    beside a page of 23 June 2014 is 22 June 2014; "December 31" beside 2 January 2015
    is 31 December 2014), if that is within ``MAX_DAYS_FROM_BRIEFING`` days."""
    if dateline.year is not None or dateline.month is None or dateline.day is None or not dates:
        return None
    best: tuple[int, dt.date] | None = None
    for reference in dates:
        for year in (reference.year - 1, reference.year, reference.year + 1):
            candidate = dateline.date(year)
            if candidate is not None:
                distance = abs((candidate - reference).days)
                if best is None or distance < best[0]:
                    best = (distance, candidate)
    if best is None or best[0] > MAX_DAYS_FROM_BRIEFING:
        return None
    return best[1]


def match_dateline(text: str) -> tuple[DatelineForm, re.Match] | None:
    """The form and match of the dateline that opens ``text``, or None."""
    for form in FORMS:
        match = form.pattern.match(text)
        if match:
            return form, match
    return None


def dateline_end(text: str) -> int:
    """Where the article text begins after the dateline that opens ``text``: 0 when
    there is none ("(CNN) -- Rescuers pulled" -> 9)."""
    found = match_dateline(text)
    return found[1].end() if found else 0


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (one of ``FORMS``), or None."""
    found = match_dateline(text)
    if found is None:
        return None
    form, match = found
    groups = {name: match.group(name) for name in form.pattern.groupindex}
    month_text = groups.get("month") or groups.get("month2")
    day_text = groups.get("day") or groups.get("day2")
    month = MONTHS[month_text.rstrip(".").lower()[:3]] if month_text else None
    place = groups.get("place") or None
    if place and groups.get("region"):
        place += f", {groups['region']}"
    return Dateline(
        form=form.name,
        place=place,
        month=month,
        day=int(day_text) if day_text else None,
        year=int(groups["year"]) if groups.get("year") else None,
        agency=groups.get("agency"),
        end=match.end(),
    )
