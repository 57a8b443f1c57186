"""The JSON formats, serialized from the template context (``context.py``).

``json_document`` is the documented JSON schema (``briefing_json.py`` reads it back);
``timelinejs_document`` is Knight Lab TimelineJS3 JSON, whose dates are made by
``timelinejs_date`` and ``timelinejs_end_date``. Its text fields are HTML to
TimelineJS, so every value in them is escaped.
"""

from __future__ import annotations

from typing import Any

import markupsafe

from ..errors import SummarizeError
from ..temporal import timex


def json_document(context: dict[str, Any]) -> dict[str, Any]:
    """The documented JSON schema: articles and events in timeline order, and for a
    key-date briefing its key dates, overview and references (null, [] and [] for
    any other briefing)."""
    return {
        "articles": context["articles"],
        "events": context["events"],
        "anchored": context["anchored"],
        "notes": context["notes"],
        "key_dates": context["key_dates"],
        "overview": context["overview"],
        "references": context["references"],
    }


def timelinejs_document(context: dict[str, Any]) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON: a title slide from the article(s), one slide per event.

    TimelineJS needs a year for every slide (it would place a missing one at year 0),
    so events whose year is unknown are left out and the title slide says so; when
    that leaves no event at all, ``SummarizeError`` says to give the article date. The
    ``text`` fields and ``display_date`` are HTML to TimelineJS, so every value is
    escaped; ``display_date`` carries our label, so fuzzy dates read "Early January
    2014 onward" rather than "January 2014".

    A key-date briefing has one slide per key date instead (see ``_timelinejs_key_dates``).
    """
    if context["key_dates"] is not None:
        return _timelinejs_key_dates(context)
    slides = []
    left_out = []
    for number, event in enumerate(context["events"], start=1):
        start_date = _slide_start(event["value"], event["label"])
        if start_date is None:
            left_out.append(event)
            continue
        end_date = timelinejs_end_date(event["value"], event["end_value"]) if event["end_value"] else None
        text = _html_paragraph(event["sentence"]) if context["quotes"] else ""
        text += _html_paragraph(f"Source: {', '.join(event['sources'])}", css_class="source")
        if event["conflicts"]:
            labels = "; ".join(conflict["label"] for conflict in event["conflicts"])
            text += _html_paragraph(f"Conflicting date: other reports date this {labels}.", css_class="conflict")
        slide = {"unique_id": f"event-{number}", "start_date": start_date}
        if end_date is not None:
            # The slide's own display_date replaces TimelineJS's "start — end".
            slide.update(end_date=end_date, display_date=start_date["display_date"])
        slide["text"] = {"headline": str(markupsafe.escape(event["headline"])), "text": text}
        slides.append(slide)
    if not slides and context["events"]:
        # TimelineJS refuses a timeline without events ("no events"): say why instead.
        raise SummarizeError(
            "timelinejs: no event has a known year, and TimelineJS cannot place an event "
            "without one; give the article date (--date YYYY-MM-DD)"
        )
    several = len(context["articles"]) > 1
    title_text = "".join(
        _html_paragraph(
            " · ".join(
                ([a["title"]] if several and a["title"] else [])
                + [a["source"], f"{a['date_label']}, {a['date_source_label']}" if a["date"] else "date unknown"]
            ),
            css_class="meta",
        )
        + (_html_paragraph(a["summary"]) if a["summary"] is not None else "")
        for a in context["articles"]
    )
    return _timelinejs_timeline(context, title_text, slides, [f"{e['label']}: {e['headline']}" for e in left_out])


def _timelinejs_key_dates(context: dict[str, Any]) -> dict[str, Any]:
    """TimelineJS3 JSON of a key-date briefing: the title slide holds the overview,
    each key date is a slide whose headline is its first sentence and whose text is
    all its sentences with their reference markers and the sources those stand for.
    Key dates without a year are left out, and listed on the title slide, as events are."""
    sources = {reference["number"]: reference["source"] for reference in context["references"]}

    def source_line(sentences: list[dict[str, Any]]) -> str:
        numbers = sorted({number for sentence in sentences for number in sentence["references"]})
        if not numbers:
            return ""
        return _html_paragraph("Source: " + "; ".join(f"[{n}] {sources[n]}" for n in numbers), css_class="source")

    slides = []
    left_out = []
    for number, key_date in enumerate(context["key_dates"], start=1):
        start_date = _slide_start(key_date["value"], key_date["label"])
        if start_date is None:
            left_out.append(key_date)
            continue
        sentences = key_date["sentences"]
        headline = sentences[0]["text"] if sentences else key_date["label"]
        text = "".join(_html_paragraph(_with_markers(sentence)) for sentence in sentences) + source_line(sentences)
        slides.append(
            {
                "unique_id": f"key-date-{number}",
                "start_date": start_date,
                "text": {"headline": str(markupsafe.escape(headline)), "text": text},
            }
        )
    if not slides and context["key_dates"]:
        raise SummarizeError(
            "timelinejs: no key date has a known year, and TimelineJS cannot place a date "
            "without one; give the article dates (--date YYYY-MM-DD)"
        )
    overview = context["overview"]
    title_text = _html_paragraph(" ".join(_with_markers(sentence) for sentence in overview)) if overview else ""
    title_text += source_line(overview)
    return _timelinejs_timeline(
        context,
        title_text,
        slides,
        [f"{k['label']}: {k['sentences'][0]['text']}" if k["sentences"] else k["label"] for k in left_out],
    )


def _slide_start(value: str, label: str) -> dict[str, Any] | None:
    """A slide's TimelineJS start date showing our label, or None without a year.

    TimelineJS inserts display_date as HTML (3.9.11 strips markup from it only
    after turning the date into an object, i.e. never), so it is escaped too.
    """
    start_date = timelinejs_date(value)
    if start_date is None:
        return None
    return {**start_date, "display_date": str(markupsafe.escape(label))}


def _timelinejs_timeline(
    context: dict[str, Any], title_text: str, slides: list[dict[str, Any]], left_out: list[str]
) -> dict[str, Any]:
    """The TimelineJS document: the title slide (``title_text``, then the notes and
    what was ``left_out`` for want of a year) and the slides."""
    title_text += "".join(_html_paragraph(note, css_class="note") for note in context["notes"])
    if left_out:
        title_text += _html_paragraph(
            f"Not on this timeline because their year is unknown ({len(left_out)}): {'; '.join(left_out)}",
            css_class="note",
        )
    return {
        "title": {
            "unique_id": "title",
            "text": {"headline": str(markupsafe.escape(context["title"])), "text": title_text},
        },
        "events": slides,
    }


def _with_markers(sentence: dict[str, Any]) -> str:
    """A sentence followed by its reference markers, "... on Sunday. [1][3]" (plain text)."""
    markers = "".join(f"[{number}]" for number in sentence["references"])
    return f"{sentence['text']} {markers}" if markers else sentence["text"]


def _script_safe(text: str) -> str:
    """JSON that can be pasted into an HTML <script> (as TimelineJS embeds often are):
    "</script>" or "<!--" inside a string would end or break the script element, so the
    slash and the bang are written as JSON escapes, which decode to the same data."""
    return text.replace("</", "<\\/").replace("<!", "<\\u0021")


def timelinejs_date(value: str) -> dict[str, int] | None:
    """A TIMEX3 value as a TimelineJS date object, or None when its year is unknown.

    Parts of the day become an hour ("2014-06-21TEV" -> 19:00), so Saturday evening
    sorts after Saturday on the TimelineJS axis as it does in our timeline.
    """
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    date: dict[str, int] = {"year": parsed.year}
    if parsed.day is not None and parsed.month is not None:
        date.update(month=parsed.month, day=parsed.day)
        if parsed.hour is not None:
            date.update(hour=parsed.hour, minute=parsed.minute or 0)
        elif parsed.part_of_day:
            date["hour"] = timex.PARTS_OF_DAY[parsed.part_of_day][1]
    elif parsed.week is not None:
        monday, _ = timex.calendar_span(parsed, parsed.year)
        date.update(year=monday.year, month=monday.month, day=monday.day)
    elif parsed.granularity != "year":
        # A month, quarter or season starts at its first month.
        first, _ = timex.calendar_span(parsed, parsed.year)
        date.update(year=first.year, month=first.month)
    return date


def timelinejs_end_date(value: str, end_value: str) -> dict[str, int] | None:
    """Where a range ends, as a TimelineJS date: the last day of ``end_value``'s calendar
    span ("1998" ends on 31 December 1998), or its hour for a time of day; the year
    of ``value`` stands in when ``end_value`` has none. None when neither has a year."""
    parsed, start = timex.parse_value(end_value), timex.parse_value(value)
    if parsed is None or parsed.weekday is not None or start is None:
        return None
    year = parsed.year if parsed.year is not None else start.year
    if year is None:
        return None
    if parsed.day is not None and (parsed.hour is not None or parsed.part_of_day):
        return timelinejs_date(end_value if parsed.year is not None else f"{year:04d}{end_value[4:]}")
    _, last = timex.calendar_span(parsed, year)
    return {"year": last.year, "month": last.month, "day": last.day}


def _html_paragraph(text: str, css_class: str | None = None) -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{markupsafe.escape(text)}</p>"
