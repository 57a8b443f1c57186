"""Wire-story datelines: "BAGHDAD, June 24, 2014 (Reuters) - Militants ...".

A dateline opens the body of most agency copy. It names the place, often the date
and the agency, and ends with a dash. It is furniture, not article text: it is cut
off the body (so that the tagger does not date the first sentence by it) and, when
it carries a full date, that date is the article date.

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
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# The place is in capitals ("BAGHDAD", "NEW YORK", "ST. LOUIS"), optionally followed
# by a region in ordinary case ("KIRKUK, Iraq", "AUSTIN, Texas", "PALO ALTO, Calif.").
# Spaces only, not newlines: a dateline is on the first line.
_PLACE = r"(?P<place>[A-Z][A-Z.'\u2019-]*(?: [A-Z][A-Z.'\u2019-]*){0,3})"
_REGION = r"(?:, (?!" + _WEEKDAY + r")(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?))?"
_DATE = (
    r"(?:, (?:" + _WEEKDAY + r",? )?"
    r"(?:(?P<month>" + _MONTH + r") (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>" + _MONTH + r"))"
    r"(?:,? (?P<year>(?:19|20)\d{2}))?)?"
)
_AGENCY = r"(?: ?\((?P<agency>[A-Za-z][\w .&'-]{0,40})\))?"
_DASH = r" ?(?:--?|\u2013|\u2014)[ \t]*"
DATELINE = re.compile(r"^\s*" + _PLACE + _REGION + _DATE + _AGENCY + _DASH)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a text; ``end`` is where the article text begins."""

    place: str
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


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, or None.

    Only a capitalised place followed by a date, an agency or a dash counts, and the
    place must have at least two capital letters, so that an ordinary first sentence
    ("A man - a farmer - said ...") is not taken for one.
    """
    match = DATELINE.match(text)
    if not match:
        return None
    place = match.group("place")
    if sum(ch.isupper() for ch in place) < 2 or any(ch.islower() for ch in place):
        return None
    month_text = match.group("month") or match.group("month2")
    day_text = match.group("day") or match.group("day2")
    month = MONTHS[month_text.rstrip(".").lower()[:3]] if month_text else None
    return Dateline(
        place=place + (f", {match.group('region')}" if match.group("region") else ""),
        month=month,
        day=int(day_text) if day_text else None,
        year=int(match.group("year")) if match.group("year") else None,
        agency=match.group("agency"),
        end=match.end(),
    )
