"""The JSON formats: the documented JSON schema (offsets into the article, ranges'
ends, key dates and references) and Knight Lab TimelineJS3 JSON (its date objects,
the events it cannot place for want of a year)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from briefings import FOLLOWUP_DATELINE_SOURCE, FOLLOWUP_PAGE_SOURCE, SAMPLE_SOURCE
from rendered import (
    AL_WALID,
    HEADLINES,
    KEYDATE_LABELS,
    OVERVIEW_START,
    TITLE,
    parse_html,
    readme_section,
    visible_text,
)
from summarize.errors import SummarizeError
from summarize.rendering import render
from summarize.rendering.documents import timelinejs_date, timelinejs_end_date

# --- JSON -------------------------------------------------------------------------


def test_json_keeps_the_documented_schema(dated):
    document = json.loads(render(dated, "json"))
    assert set(document) == {"articles", "events", "anchored", "notes", "key_dates", "overview", "references"}
    assert set(document["articles"][0]) >= {
        "source",
        "title",
        "date",
        "date_label",
        "date_source",
        "summary",
        "summary_method",
    }
    documented = {
        "value",
        "mod",
        "extent",
        "exact",
        "label",
        "headline",
        "sentence",
        "start",
        "end",
        "time_text",
        "source",
        "sources",
    }
    assert all(set(event) >= documented for event in document["events"])
    assert [e["value"] for e in document["events"]] == [
        "2014-01",
        "2014-06-09",
        "2014-06-21",
        "2014-06-21TEV",
        "2014-06-22",
        "2014-06-22",
    ]


def test_json_offsets_point_at_the_sentence(dated):
    text = dated.articles[0].article.text
    for event in json.loads(render(dated, "json"))["events"]:
        assert text[event["start"] : event["end"]] == event["sentence"]


def test_readme_json_example_has_the_fields_of_the_output(dated):
    example = json.loads(re.search(r"```json\n(.*?)```", readme_section("JSON output"), re.DOTALL).group(1))
    document = json.loads(render(dated, "json"))
    assert set(example) == set(document)
    assert set(example["articles"][0]) == set(document["articles"][0])
    assert set(example["events"][0]) == set(document["events"][0])
    elided = {"headline": "...", "sentence": "..."}  # shortened in the README
    assert example["events"][0] == document["events"][0] | elided


def test_json_gives_a_range_its_end(ranged):
    events = json.loads(render(ranged, "json"))["events"]
    assert [(e["value"], e["end_value"], e["extent"], e["datetime"], e["end_datetime"]) for e in events[:3]] == [
        ("2014-01", None, "onward", "2014-01", None),
        ("2014-06-09", "2014-06-22", "range", "2014-06-09", "2014-06-22"),
        ("2014-06-21", None, "point", "2014-06-21", None),
    ]
    assert events[1]["label"] == "Mon 9 to Sun 22 Jun 2014" and events[1]["precision"] == "approximate"


# --- TimelineJS -------------------------------------------------------------------


def test_timelinejs_slides(dated):
    document = json.loads(render(dated, "timelinejs"))
    assert document["title"]["text"]["headline"] == TITLE
    assert "Militants killed 21 leaders" in document["title"]["text"]["text"]
    dates = [event["start_date"] for event in document["events"]]
    assert dates[0] == {"year": 2014, "month": 1, "display_date": "Early January 2014 onward"}
    assert dates[3] == {"year": 2014, "month": 6, "day": 21, "hour": 19, "display_date": "Sat 21 Jun 2014, evening"}
    assert [event["text"]["headline"] for event in document["events"]] == HEADLINES
    assert len({event["unique_id"] for event in document["events"]}) == 6
    for event in document["events"]:  # what TimelineJS requires
        assert isinstance(event["start_date"]["year"], int)


def test_timelinejs_leaves_out_unknown_years_and_says_so(dated):
    events = list(dated.timeline.events)
    events[2] = replace(
        events[2], time=replace(events[2].time, value="XXXX-WXX-6"), label="Saturday (date unknown)", exact=False
    )
    briefing = replace(dated, timeline=replace(dated.timeline, events=tuple(events)))
    document = json.loads(render(briefing, "timelinejs"))
    assert [e["text"]["headline"] for e in document["events"]] == HEADLINES[:2] + HEADLINES[3:]
    note = document["title"]["text"]["text"]
    assert "year is unknown (1): Saturday (date unknown): Some of those killed" in note


def test_timelinejs_without_any_year_asks_for_the_date(undated):
    with pytest.raises(SummarizeError, match=r"^timelinejs: no event has a known year.*--date"):
        render(undated, "timelinejs")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2014-Q3", {"year": 2014, "month": 7}),
        ("2014-W25", {"year": 2014, "month": 6, "day": 16}),
        ("2014", {"year": 2014}),
        ("2014-06-21T08:05", {"year": 2014, "month": 6, "day": 21, "hour": 8, "minute": 5}),
        ("XXXX-06-09", None),
        ("P2D", None),
    ],
)
def test_timelinejs_dates(value, expected):
    assert timelinejs_date(value) == expected


def test_timelinejs_gives_a_range_an_end_date(ranged):
    slides = json.loads(render(ranged, "timelinejs"))["events"]
    assert slides[1]["start_date"] == {"year": 2014, "month": 6, "day": 9, "display_date": "Mon 9 to Sun 22 Jun 2014"}
    assert slides[1]["end_date"] == {"year": 2014, "month": 6, "day": 22}
    assert slides[1]["display_date"] == "Mon 9 to Sun 22 Jun 2014"
    assert all("end_date" not in slide and "display_date" not in slide for i, slide in enumerate(slides) if i != 1)


@pytest.mark.parametrize(
    ("value", "end_value", "expected"),
    [
        ("1991", "1998", {"year": 1998, "month": 12, "day": 31}),
        ("2004-02", "2013-09", {"year": 2013, "month": 9, "day": 30}),
        ("2014-05-05", "XXXX-05-07", {"year": 2014, "month": 5, "day": 7}),
        ("2014-06-21TMO", "2014-06-21TEV", {"year": 2014, "month": 6, "day": 21, "hour": 19}),
        ("XXXX-05-05", "XXXX-05-07", None),
    ],
)
def test_timelinejs_end_dates(value, end_value, expected):
    assert timelinejs_end_date(value, end_value) == expected


# --- Key-date briefings ----------------------------------------------------------------


def test_keydate_json_schema(keydates):
    document = json.loads(render(keydates, "json"))
    assert list(document) == ["articles", "events", "anchored", "notes", "key_dates", "overview", "references"]
    assert document["events"] == []
    assert all(article["summary"] is None and article["summary_method"] is None for article in document["articles"])
    assert all(set(k) == {"value", "label", "datetime", "mentions", "sentences"} for k in document["key_dates"])
    sentences = document["overview"] + [s for k in document["key_dates"] for s in k["sentences"]]
    assert len(sentences) == 7
    assert all(set(s) == {"text", "sources", "references", "start", "end"} for s in sentences)
    assert all(set(r) == {"number", "source", "title", "date", "date_label", "url"} for r in document["references"])
    # Every sentence is at its offsets in the first article it cites; every source is a reference.
    texts = {item.article.source: item.article.text for item in keydates.articles}
    numbers = {r["source"]: r["number"] for r in document["references"]}
    for sentence in sentences:
        assert texts[sentence["sources"][0]][sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["references"] == sorted(numbers[source] for source in sentence["sources"])


def test_ordinary_json_only_gains_the_empty_key_date_fields(dated):
    document = json.loads(render(dated, "json"))
    assert list(document)[-3:] == ["key_dates", "overview", "references"]
    assert (document["key_dates"], document["overview"], document["references"]) == (None, [], [])


def test_keydate_timelinejs_slides(keydates):
    document = json.loads(render(keydates, "timelinejs"))
    slides = document["events"]
    assert len(slides) == 3
    assert [slide["start_date"] for slide in slides] == [
        {"year": 2014, "month": 6, "day": day, "display_date": label} for day, label in zip((9, 22, 23), KEYDATE_LABELS)
    ]
    assert slides[1]["text"]["headline"] == AL_WALID
    body = parse_html(slides[1]["text"]["text"], fragment=True)
    paragraphs = [visible_text(p) for p in body.iter("p")]
    assert paragraphs[0] == AL_WALID + " [1][2][3]"
    assert paragraphs[1].endswith("pulled out. [3]")
    assert paragraphs[2] == (f"Source: [1] {SAMPLE_SOURCE}; [2] {FOLLOWUP_DATELINE_SOURCE}; [3] {FOLLOWUP_PAGE_SOURCE}")
    title = parse_html(document["title"]["text"]["text"], fragment=True)
    assert visible_text(title).startswith(OVERVIEW_START)
    assert "Baghdad. [2]" in visible_text(title) and "The timeline shows at most 3 key dates" in visible_text(title)
    assert len({slide["unique_id"] for slide in slides}) == 3


def test_keydate_timelinejs_leaves_out_unknown_years_and_says_so(keydates):
    undated = replace(keydates.key_dates[0], value="XXXX-06-09", label="9 June (year unknown)")
    briefing = replace(keydates, key_dates=(undated, *keydates.key_dates[1:]))
    document = json.loads(render(briefing, "timelinejs"))
    assert [slide["start_date"]["display_date"] for slide in document["events"]] == KEYDATE_LABELS[1:]
    assert "year is unknown (1): 9 June (year unknown): Beginning late on June 9" in document["title"]["text"]["text"]
    nothing = replace(keydates, key_dates=(undated,))
    with pytest.raises(SummarizeError, match=r"^timelinejs: no key date has a known year"):
        render(nothing, "timelinejs")
