"""Read a briefing back from its JSON format (``render(briefing, "json")``).

The JSON is the briefing's record outside the process: the briefing desk stores
it, and re-renders it in every format (with an editor's changes) from the
``Briefing`` read back here. The round trip is exact for everything the renderers
show: ``render(briefing_from_json(json.loads(render(b, "json"))), f) == render(b, f)``
for every format ``f`` (tests/test_briefing_json.py).

What the JSON does not hold is left empty rather than guessed: an article's text
(``Article.text`` is ""), the sentences an extractive summary was made of
(``Summary.sentences`` is ()), a dateline, and where in its sentence a time
expression was (``TimeExpression.start``/``end`` are the sentence's offsets).
Derived fields (``precision``, ``datetime``, ``date_label``, ``references``...) are
recomputed by the renderers, not read.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..models import (
    Article,
    ArticleBriefing,
    Briefing,
    CitedSentence,
    Event,
    KeyDate,
    Summary,
    TimeExpression,
    Timeline,
)

if TYPE_CHECKING:
    from ..temporal.timex import TimexType


def briefing_from_json(document: dict[str, Any]) -> Briefing:
    """The ``Briefing`` a JSON document (parsed) describes; ``InputError`` when it
    is not one."""
    try:
        articles = tuple(_article(item) for item in document["articles"])
        events = tuple(_event(item) for item in document["events"])
        key_dates = (
            None
            if document.get("key_dates") is None
            else tuple(
                KeyDate(
                    value=item["value"],
                    label=item["label"],
                    mentions=item.get("mentions", 0),
                    sentences=tuple(_cited(sentence) for sentence in item["sentences"]),
                )
                for item in document["key_dates"]
            )
        )
        return Briefing(
            articles=articles,
            timeline=Timeline(events=events, anchored=bool(document["anchored"])),
            notes=tuple(str(note) for note in document.get("notes", ())),
            key_dates=key_dates,
            overview=tuple(_cited(sentence) for sentence in document.get("overview", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"not a briefing in summarize's JSON format ({type(error).__name__}: {error})") from None


def _article(item: dict[str, Any]) -> ArticleBriefing:
    article = Article(
        text="",
        source=item["source"],
        title=item.get("title"),
        date=dt.date.fromisoformat(item["date"]) if item.get("date") else None,
        date_source=item.get("date_source"),
    )
    summary = (
        None if item.get("summary") is None else Summary(text=item["summary"], method=item.get("summary_method") or "")
    )
    return ArticleBriefing(article=article, summary=summary)


def _event(item: dict[str, Any]) -> Event:
    start, end = int(item["start"]), int(item["end"])
    # The expression's type is not in the JSON; a value with a time of day is a TIME.
    kind: TimexType = "TIME" if "T" in item["value"][4:] else "DATE"
    time = TimeExpression(
        start=start, end=end, text=item["time_text"], type=kind, value=item["value"], mod=item.get("mod")
    )
    end_time = None
    if item.get("end_value") is not None:
        end_time = TimeExpression(start=start, end=end, text=item["time_text"], type=kind, value=item["end_value"])
    return Event(
        label=item["label"],
        headline=item["headline"],
        sentence=item["sentence"],
        start=start,
        end=end,
        time=time,
        sources=tuple(item["sources"]),
        extent=item.get("extent", "point"),
        exact=bool(item.get("exact", True)),
        conflicts=tuple(conflict["value"] for conflict in item.get("conflicts", ())),
        end_time=end_time,
    )


def _cited(item: dict[str, Any]) -> CitedSentence:
    return CitedSentence(
        text=item["text"], sources=tuple(item["sources"]), start=int(item["start"]), end=int(item["end"])
    )
