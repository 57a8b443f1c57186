"""The sample article end to end: the timeline a user must be able to trust."""

import json

import pytest

from summarize.rendering import render

pytestmark = pytest.mark.slow

SATURDAY_SENTENCE = (
    "Some of those killed were shot dead on Saturday, when the militants moved into the towns, "
    "while others were slain the following day."
)


def test_sample_timeline_exact(sample_briefing):
    events = [(e.value, e.mod, e.extent, e.label, e.time.text) for e in sample_briefing.timeline.events]
    assert events == [
        ("2014-01", "START", "onward", "Early January 2014 onward", "early January"),
        ("2014-06-09", "END", "onward", "Late Mon 9 Jun 2014 onward", "late on June 9"),
        ("2014-06-21", None, "point", "Sat 21 Jun 2014", "Saturday"),
        ("2014-06-21", None, "point", "Sat 21 Jun 2014", "earlier in the day"),
        ("2014-06-21TEV", None, "point", "Sat 21 Jun 2014, evening", "Saturday evening"),
        ("2014-06-22", None, "point", "Sun 22 Jun 2014", "the following day"),
        ("2014-06-22", None, "point", "Sun 22 Jun 2014", "Sunday"),
    ]
    assert sample_briefing.timeline.anchored and sample_briefing.notes == ()


def test_sample_headlines_are_deletions_from_their_sentences(sample_briefing):
    headlines = [e.headline for e in sample_briefing.timeline.events]
    assert headlines == [
        "Anti-government fighters have held all of one city in Anbar province and areas of a second",
        "Militants led by the Islamic State of Iraq and the Levant overran most of one province",
        "Some of those killed were shot dead when the militants moved into the towns",
        "Security officers and witnesses also reported militants entering al-Qaim",
        "Insurgents moved into Rawa and Ana, in Anbar province",
        "Others were slain",
        "Militants seized control of the al-Walid border crossing with Syria",
    ]


def test_event_offsets_point_at_their_sentences(sample_briefing):
    text = sample_briefing.articles[0].article.text
    for event in sample_briefing.timeline.events:
        assert text[event.start : event.end] == event.sentence
        assert event.sentence[event.time.start - event.start : event.time.end - event.start] == event.time.text
    assert sample_briefing.timeline.events[2].sentence == SATURDAY_SENTENCE


def test_undated_sample_is_ordered_by_news_convention(undated_briefing):
    values = [e.value for e in undated_briefing.timeline.events]
    assert values == ["XXXX-01", "XXXX-06-09", "XXXX-WXX-6", "XXXX-WXX-6", "XXXX-WXX-6TEV", "XXXX-WXX-7", "XXXX-WXX-7"]
    labels = [e.label for e in undated_briefing.timeline.events]
    assert labels[2] == "Saturday (date unknown)"
    assert not undated_briefing.timeline.anchored
    assert "date is unknown" in undated_briefing.notes[0]


def test_undated_outputs_say_the_date_was_unknown(undated_briefing):
    for format in ("html", "markdown", "json"):
        assert "article date is unknown" in render(undated_briefing, format)
    assert json.loads(render(undated_briefing, "json"))["anchored"] is False


def test_json_schema_of_the_sample(sample_briefing):
    document = json.loads(render(sample_briefing, "json"))
    (article,) = document["articles"]
    assert {"source", "title", "date", "summary"} <= set(article)
    assert article["date"] == "2014-06-22"
    assert article["title"] == "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
    for event in document["events"]:
        assert {"value", "label", "headline", "sentence", "start", "end", "time_text", "source"} <= set(event)
    assert [e["value"] for e in document["events"]][:2] == ["2014-01", "2014-06-09"]


def test_summary_is_made_of_article_sentences(sample_briefing):
    item = sample_briefing.articles[0]
    assert item.summary.sentences and len(item.summary.sentences) == 3
    for sentence in item.summary.sentences:
        assert item.article.text[sentence.start : sentence.end] == sentence.text


def test_the_events_a_selection_drops_are_kept_aside_and_shown_nowhere(sample_briefing):
    """--since keeps 21 and 22 June; the two earlier events are kept aside in
    ``Timeline.dropped`` (for the desk, which can pin them back), in timeline order,
    and no format shows them: the JSON is that of a briefing without them."""
    import dataclasses
    import datetime as dt

    from summarize.pipeline import Briefer, KeyDateOptions

    article = sample_briefing.articles[0].article
    selection = KeyDateOptions.read(date=dt.date(2014, 6, 22), since="yesterday")
    briefing = Briefer(selection=selection).brief([article])
    assert [e.value for e in briefing.timeline.events] == [
        "2014-06-21",
        "2014-06-21",
        "2014-06-21TEV",
        "2014-06-22",
        "2014-06-22",
    ]
    assert [(e.value, e.label) for e in briefing.timeline.dropped] == [
        ("2014-01", "Early January 2014 onward"),
        ("2014-06-09", "Late Mon 9 Jun 2014 onward"),
    ]
    assert set(briefing.timeline.events) | set(briefing.timeline.dropped) == set(sample_briefing.timeline.events)
    forgotten = dataclasses.replace(briefing, timeline=dataclasses.replace(briefing.timeline, dropped=()))
    for format in ("json", "html", "text"):
        assert render(briefing, format) == render(forgotten, format)
    # A query drops the events whose sentence lacks its words, whatever their date.
    briefing = Briefer(selection=KeyDateOptions.read(query="Rawa")).brief([article])
    assert len(briefing.timeline.events) == 2 and len(briefing.timeline.dropped) == 5
    assert all("Rawa" in e.sentence for e in briefing.timeline.events)
    assert not any("Rawa" in e.sentence for e in briefing.timeline.dropped)
    assert sample_briefing.timeline.dropped == ()
