"""The plain context every template receives (``briefing_context``; the README documents it).

Everything a template needs to decide is decided here: how precise a date is
(``date_precision``), which ``<time datetime>`` it can have (``html_datetime``),
how an article's date source reads, which number a cited article has and whether
its source is a link. The JSON documents (``documents.py``) are made from it too.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..models import Briefing, CitedSentence, Event
from ..temporal import timex

LANGUAGE = "en"

# How each Article.date_source reads beside the date ("Mon 23 Jun 2014, from the page metadata").
DATE_SOURCE_LABELS = {
    "--date": "given with --date",
    "jsonl": "given in the corpus",
    "metadata": "from the page metadata",
    "url": "from the page address",
    "dateline": "from the dateline",
    None: "date unknown",
}


def briefing_context(briefing: Briefing, *, quotes: bool = False, front_matter: bool = False) -> dict[str, Any]:
    """The plain data every template receives (documented in the README).

    Everything a template needs to decide is decided here (how precise a date is,
    which ``datetime`` attribute it can have, which number a cited article has and
    whether its source is a link), so templates only format.
    """
    articles = [
        {
            "source": item.article.source,
            "title": item.article.title,
            "date": item.article.date.isoformat() if item.article.date else None,
            "date_label": item.article.date.strftime("%a %-d %b %Y") if item.article.date else None,
            "date_source": item.article.date_source,
            "date_source_label": DATE_SOURCE_LABELS.get(item.article.date_source, item.article.date_source),
            # None in a key-date briefing, which summarizes no article on its own.
            "summary": item.summary.text if item.summary is not None else None,
            "summary_method": item.summary.method if item.summary is not None else None,
        }
        for item in briefing.articles
    ]
    events = [_event_context(event) for event in briefing.timeline.events]
    titles = [a["title"] for a in articles if a["title"]]
    references = _references(briefing, articles)
    numbers = {reference["source"]: reference["number"] for reference in references}
    key_dates = (
        None
        if briefing.key_dates is None
        else [
            {
                "value": key_date.value,
                "label": key_date.label,
                "datetime": html_datetime(key_date.value),
                "mentions": key_date.mentions,
                "sentences": [_sentence_context(sentence, numbers) for sentence in key_date.sentences],
            }
            for key_date in briefing.key_dates
        ]
    )
    return {
        "title": titles[0] if len(articles) == 1 and titles else "Briefing",
        "lang": LANGUAGE,
        "articles": articles,
        "events": events,
        "key_dates": key_dates,
        "overview": [_sentence_context(sentence, numbers) for sentence in briefing.overview],
        "references": references,
        "anchored": briefing.timeline.anchored,
        "notes": list(briefing.notes),
        "generator": f"summarize {__version__}",
        "quotes": quotes,
        "front_matter": front_matter,
        "precisions": [p for p in ("exact", "approximate", "relative") if any(e["precision"] == p for e in events)],
    }


def _cited_sentences(briefing: Briefing) -> list[CitedSentence]:
    """Every sentence a key-date briefing shows, in reading order: the overview, then
    the key dates' sentences, date by date."""
    sentences = list(briefing.overview)
    for key_date in briefing.key_dates or ():
        sentences += key_date.sentences
    return sentences


def _references(briefing: Briefing, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cited articles, numbered in the order they are first cited.

    A source that is not one of the briefing's articles keeps its number, without
    title or date. ``url`` is the source when it is a web address (the formats link
    it), else None: a file name is no link.
    """
    by_source: dict[str, dict[str, Any]] = {}
    for article in articles:
        by_source.setdefault(article["source"], article)
    references: list[dict[str, Any]] = []
    cited: set[str] = set()
    for sentence in _cited_sentences(briefing):
        for source in sentence.sources:
            if source in cited:
                continue
            cited.add(source)
            article = by_source.get(source, {})
            references.append(
                {
                    "number": len(references) + 1,
                    "source": source,
                    "title": article.get("title"),
                    "date": article.get("date"),
                    "date_label": article.get("date_label"),
                    "url": source if source.lower().startswith(("http://", "https://")) else None,
                }
            )
    return references


def _sentence_context(sentence: CitedSentence, numbers: dict[str, int]) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "sources": list(sentence.sources),
        # The reference numbers of its sources, ascending as they are shown: "[1][3]".
        "references": sorted({numbers[source] for source in sentence.sources}),
        "start": sentence.start,
        "end": sentence.end,
    }


def _event_context(event: Event) -> dict[str, Any]:
    return {
        "value": event.value,
        # Where a range ("extent": "range") ends; None for every other event.
        "end_value": event.end_value,
        "mod": event.mod,
        "extent": event.extent,
        "exact": event.exact,
        "label": event.label,
        "headline": event.headline,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "time_text": event.time.text,
        "source": event.sources[0],
        "sources": list(event.sources),
        # Other dates given for the same happening by other articles (merging.py).
        "conflicts": [{"value": value, "label": timex.describe(value)} for value in event.conflicts],
        "precision": date_precision(event),
        "datetime": html_datetime(event.value),
        "end_datetime": html_datetime(event.end_value) if event.end_value is not None else None,
    }


def date_precision(event: Event) -> str:
    """How sure the date is, which the formats show differently.

    "exact": a known calendar day ("Sat 21 Jun 2014"); "relative": the calendar date
    is unknown ("Saturday (date unknown)", "9 June (year unknown)"); "approximate":
    anything between, a fuzzy or open-ended period ("Early January 2014 onward").
    """
    if event.exact:
        return "exact"
    parsed = timex.parse_value(event.value)
    if parsed is None or parsed.year is None:
        return "relative"
    return "approximate"


def html_datetime(value: str) -> str | None:
    """The HTML ``<time datetime>`` form of a TIMEX3 value, or None when HTML has none.

    HTML accepts a year, month, day, day and time, or week (not parts of the day or
    unknown years), so "2014-06-21TEV" becomes the day "2014-06-21" and
    "XXXX-WXX-6" has no machine-readable date at all.
    """
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    if parsed.day is not None:
        day = f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"
        if parsed.hour is not None:
            return f"{day}T{parsed.hour:02d}:{parsed.minute or 0:02d}"
        return day
    if parsed.month is not None:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if parsed.week is not None:
        return f"{parsed.year:04d}-W{parsed.week:02d}"
    if parsed.granularity == "year":
        return f"{parsed.year:04d}"
    return None  # quarters and seasons have no HTML form
