"""The tagger and the events together on a table of sentences: tests/data/events/tagged_events.tsv.

Each row is an article date, a text and the events expected from it, in order, as
"value | headline"; the classes are those of issue 11 (a bare month in a past clause,
a week up to a day, years of works and editions, years that are titles, dates that
complete their verb, names alone, one happening told with two dates).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from summarize.events import extract_events
from summarize.models import Article
from summarize.temporal import find_time_expressions

CASES = Path(__file__).parent / "data" / "events" / "tagged_events.tsv"


def _rows():
    with CASES.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield pytest.param(*row, id=row[1][:50])


@pytest.mark.parametrize(("date", "text", "expected"), list(_rows()))
def test_tagged_events(date: str, text: str, expected: str) -> None:
    dct = dt.date.fromisoformat(date)
    article = Article(text=text, source="t.txt", date=dct)
    events = extract_events(article, find_time_expressions(text, dct))
    wanted = [] if expected == "-" else [tuple(part.split(" | ", 1)) for part in expected.split(" || ")]
    assert [(e.value, e.headline) for e in events] == wanted


def _in_full(event):
    return (event.label, event.value, event.mod, event.headline, event.start, event.end, event.time.text)


# Years that premodify a noun ("the 2016 race"), with the tagger: exact events.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year after the article's, in a clause about the future, dates it.
        (
            "The governor will enter the 2024 race.",
            [("2024", "2024", None, "The governor will enter the race", 0, 38, "2024")],
        ),
        # Alone in its clause, the year dates the clause.
        (
            "Clinton did not support gay marriage in her 2008 campaign.",
            [("2008", "2008", None, "Clinton did not support gay marriage in her campaign", 0, 58, "2008")],
        ),
        # Another clause's date does not take it over.
        (
            "He lost the 2016 race, and on Tuesday he quit politics.",
            [
                ("2016", "2016", None, "He lost the race", 0, 55, "2016"),
                ("Tue 15 Nov 2022", "2022-11-15", None, "He quit politics", 0, 55, "Tuesday"),
            ],
        ),
        # Two such years, neither a date of the other's clause: two events.
        (
            "She won the 2016 race and lost the 2020 race.",
            [
                ("2016", "2016", None, "She won the race", 0, 45, "2016"),
                ("2020", "2020", None, "She lost the race", 0, 45, "2020"),
            ],
        ),
        # A date of its own clause dates the happening; the year names the law.
        (
            "The 2018 law was repealed on Tuesday.",
            [("Tue 15 Nov 2022", "2022-11-15", None, "The 2018 law was repealed", 0, 37, "Tuesday")],
        ),
        (
            "No one expected that in 2020 the 2016 nominee would run again.",
            [("2020", "2020", None, "No one expected that the 2016 nominee would run again", 0, 62, "2020")],
        ),
    ],
)
def test_years_that_name_a_thing(text: str, expected: list) -> None:
    dct = dt.date(2022, 11, 16)
    events = extract_events(Article(text=text, source="t.txt", date=dct), find_time_expressions(text, dct))
    assert [_in_full(e) for e in events] == expected
