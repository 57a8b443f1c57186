"""The JSON form of an ``ArticleAnalysis``: one line of ``summarize analyze``'s output.

    {"analysis": 1, "line": 7, "source": "corpus.jsonl:7",
     "article": {"text", "source", "title", "date", "date_source", "dateline", "notes"},
     "summary": {"text", "method", "sentences": [{"text", "start", "end", "cut"}]} | null,
     "events": [{"value", "label", "headline", "sentence", "start", "end", "time": {...},
                 "sources", "mod", "extent", "exact", "conflicts", "end_value", "end_time"}],
     "mentions": {"date", "mentioned", "candidates": [{"position", "sentence", "days"}],
                  "sentence_count", "term_sentences"},
     "reading_notes": [...]}

or, for an input line that could not be analyzed, ``{"analysis": 1, "line": 7,
"source": ..., "error": "one line"}``. ``line`` is the input line (1-based), so that a
resumed run knows where to go on. Dates are ISO days; every field of the dataclasses
is written, so reading a line gives back an equal ``ArticleAnalysis`` (the tests
hold it to that), and a briefing made from the file is the briefing made from the
articles. The same function writes the line in every engine (one process, workers,
Ray), so their outputs are equal byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..keydates.mentions import ArticleMentions, DatedSentence
from ..models import Article, ArticleAnalysis, Event, Sentence, Summary, TimeExpression

# Bumped when a field changes meaning; a file of another version is refused.
VERSION = 1


@dataclass(frozen=True)
class AnalysisLine:
    """One line of an analysis file: the input line it stands for, its source, and
    either the analysis or why there is none."""

    line: int
    source: str
    analysis: ArticleAnalysis | None = None
    error: str | None = None


def _plain(value: Any) -> Any:
    """Dataclasses, tuples, dates and mappings as JSON values, field by field."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _dumps(record: dict) -> str:
    # Compact, UTF-8 as is: a line is mostly article text.
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def analysis_line(line: int, analysis: ArticleAnalysis) -> str:
    """The JSON line (without its newline) of the analysis of input line ``line``."""
    mentions = _plain(analysis.mentions)
    del mentions["index"]  # its place in a collection, given when one is made
    for candidate in mentions["candidates"]:
        del candidate["article"]
    # Sorted: its order comes from iterating sets of words, which differs from one
    # process to the next (string hashing), and the engines' lines must be equal.
    mentions["term_sentences"] = dict(sorted(mentions["term_sentences"].items()))
    return _dumps(
        {
            "analysis": VERSION,
            "line": line,
            "source": analysis.article.source,
            "article": _plain(analysis.article),
            "summary": _plain(analysis.summary),
            "events": [_event_record(event) for event in analysis.events],
            "mentions": mentions,
            "reading_notes": list(analysis.reading_notes),
        }
    )


# An event's keys, in the order the lines have always had them. ``value``, ``mod`` and
# ``end_value`` are its time expressions' (``Event`` reads them from ``time`` and
# ``end_time``); the lines keep them, and reading checks that they agree.
EVENT_KEYS = (
    "value",
    "label",
    "headline",
    "sentence",
    "start",
    "end",
    "time",
    "sources",
    "mod",
    "extent",
    "exact",
    "conflicts",
    "end_value",
    "end_time",
)


def _event_record(event: Event) -> dict[str, Any]:
    fields = {**_plain(event), "value": event.value, "mod": event.mod, "end_value": event.end_value}
    return {key: fields.pop(key) for key in EVENT_KEYS} | fields


def failure_line(line: int, source: str, message: str) -> str:
    """The JSON line of an input line that could not be analyzed."""
    return _dumps({"analysis": VERSION, "line": line, "source": source, "error": message})


def read_analysis_line(text: str, where: str) -> AnalysisLine:
    """A line of an analysis file; ``InputError`` naming ``where`` when it is not one."""
    try:
        record = json.loads(text)
        if not isinstance(record, dict) or record.get("analysis") != VERSION:
            raise InputError(f"{where}: not a line of summarize analyze (version {VERSION})")
        line, source = int(record["line"]), str(record["source"])
        if "error" in record:
            return AnalysisLine(line=line, source=source, error=str(record["error"]))
        return AnalysisLine(line=line, source=source, analysis=_analysis(record))
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from None
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"{where}: not a line of summarize analyze ({type(error).__name__}: {error})") from None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _sentence(record: dict) -> Sentence:
    return Sentence(text=record["text"], start=record["start"], end=record["end"], cut=record["cut"])


def _time(record: dict | None) -> TimeExpression | None:
    return TimeExpression(**record) if record is not None else None


def _event(record: dict) -> Event:
    fields = dict(record)
    said = (fields.pop("value"), fields.pop("mod", None), fields.pop("end_value", None))
    fields["time"] = _time(record["time"])
    fields["end_time"] = _time(record["end_time"])
    fields["sources"] = tuple(record["sources"])
    fields["conflicts"] = tuple(record["conflicts"])
    event = Event(**fields)
    if said != (event.value, event.mod, event.end_value):
        raise ValueError(
            f"an event's value, mod and end_value {said} are not its time expressions' "
            f"{(event.value, event.mod, event.end_value)}"
        )
    return event


def _analysis(record: dict) -> ArticleAnalysis:
    article = dict(record["article"])
    article["date"] = _date(article["date"])
    article["notes"] = tuple(article["notes"])
    summary = record["summary"]
    mentions = record["mentions"]
    candidates = tuple(
        DatedSentence(
            article=0,
            position=c["position"],
            sentence=_sentence(c["sentence"]),
            days=tuple(dt.date.fromisoformat(d) for d in c["days"]),
        )
        for c in mentions["candidates"]
    )
    return ArticleAnalysis(
        article=Article(**article),
        summary=None
        if summary is None
        else Summary(
            text=summary["text"], method=summary["method"], sentences=tuple(_sentence(s) for s in summary["sentences"])
        ),
        events=tuple(_event(e) for e in record["events"]),
        mentions=ArticleMentions(
            index=0,
            date=_date(mentions["date"]),
            mentioned=tuple(dt.date.fromisoformat(d) for d in mentions["mentioned"]),
            candidates=candidates,
            sentence_count=mentions["sentence_count"],
            term_sentences=dict(mentions["term_sentences"]),
        ),
        reading_notes=tuple(record["reading_notes"]),
    )
