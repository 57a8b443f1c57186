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
