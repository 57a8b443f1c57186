"""Pinning back an event the selection dropped, over HTTP with the real server: the
sample article briefed with --since "yesterday" keeps 21 and 22 June and drops its
two earlier events, which the desk stores beside the CLI's JSON (indexes 5 and 6,
after the timeline's 0 to 4). Pinned, one stands in the timeline at its date and in
every export, exactly as the CLI writes that event; unpinned, it is dropped again."""

from __future__ import annotations

import html
import json

import html5lib

from conftest import SAMPLE, SAMPLE_DATE
from deskforms import Visitor
from deskserver import FirstSentences, call
from summarize.inputs.loading import article_from_text
from summarize.pipeline import Briefer
from summarize.rendering import render

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
JANUARY = "Anti-government fighters have held all of one city in Anbar province and areas of a second"
JUNE_9 = "Militants led by the Islamic State of Iraq and the Levant overran most of one province"
WINDOWED = {"texts": [SAMPLE_TEXT], "date": "2014-06-22", "since": "yesterday"}


def _words(text: str) -> str:
    return " ".join(text.split())


def _cli_events(**options) -> list[dict]:
    """The events ``summarize brief`` writes for the sample with ``options``."""
    article = article_from_text(SAMPLE_TEXT, source="text 1", date=SAMPLE_DATE)
    return json.loads(render(Briefer(summarizer=FirstSentences(), **options).brief([article]), "json"))["events"]


def _desk_part(event: dict) -> dict:
    return {k: v for k, v in event.items() if k not in ("index", "deleted", "pinned", "note", "merged_into", "edited")}


def test_a_dropped_event_pinned_stands_at_its_date_in_every_export(desk):
    created = call(desk, "POST", "/api/briefings", WINDOWED)
    assert created.status == 201, created.text
    id, document = created.json["id"], created.json
    assert [e["index"] for e in document["events"]] == [0, 1, 2, 3, 4]
    assert [(e["index"], e["label"], e["headline"]) for e in document["dropped"]] == [
        (5, "Early January 2014 onward", JANUARY),
        (6, "Late Mon 9 Jun 2014 onward", JUNE_9),
    ]
    everything = _cli_events()  # the sample without --since: the two dropped events are its first two
    assert [_desk_part(e) for e in document["dropped"]] == everything[:2]
    before = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
    assert JANUARY not in json.dumps(before)  # dropped: in no export

    reply = call(desk, "PATCH", f"/api/briefings/{id}/events/5", {"pinned": True})
    assert reply.status == 200, reply.text
    assert reply.json["index"] == 5 and reply.json["pinned"] is True and reply.json["headline"] == JANUARY
    document = call(desk, "GET", f"/api/briefings/{id}").json
    assert [e["index"] for e in document["events"]] == [5, 0, 1, 2, 3, 4]  # early January comes first
    assert [e["index"] for e in document["dropped"]] == [6]
    exported = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
    assert exported["events"] == [everything[0], *everything[2:]]  # as the CLI writes it, at its date
    for format in ("html", "email", "text", "markdown", "timelinejs"):
        text = call(desk, "GET", f"/api/briefings/{id}/export?format={format}").text
        assert JANUARY in _words(text) and JUNE_9 not in _words(text), format

    # Edited like any event; unpinned, it is dropped again.
    call(desk, "PATCH", f"/api/briefings/{id}/events/5", {"headline": "Fighters held Falluja", "note": "Background"})
    text = _words(call(desk, "GET", f"/api/briefings/{id}/export?format=text").text)
    assert (
        "Fighters held Falluja" in text
        and "Editor's note on Early January 2014 onward (Fighters held Falluja): Background" in text
    )
    call(desk, "PATCH", f"/api/briefings/{id}/events/5", {"pinned": False})
    document = call(desk, "GET", f"/api/briefings/{id}").json
    assert [e["index"] for e in document["events"]] == [0, 1, 2, 3, 4]
    assert [(e["index"], e["headline"], e["note"]) for e in document["dropped"]] == [
        (5, "Fighters held Falluja", "Background"),
        (6, JUNE_9, ""),
    ]
    assert call(desk, "GET", f"/api/briefings/{id}/export?format=json").json == before


def test_dropped_events_are_not_merged_and_indexes_end_where_they_do(desk):
    id = call(desk, "POST", "/api/briefings", WINDOWED).json["id"]
    call(desk, "PATCH", f"/api/briefings/{id}/events/6", {"pinned": True})
    for index, into in [(6, 0), (0, 5), (0, 6)]:
        reply = call(desk, "POST", f"/api/briefings/{id}/events/{index}/merge", {"into": into})
        assert reply.status == 422, reply.text
        assert (
            "was dropped by the selection: only events of the timeline as it was made are merged" in reply.json["error"]
        )
    reply = call(desk, "PATCH", f"/api/briefings/{id}/events/7", {"pinned": True})
    assert reply.status == 404 and reply.json["error"] == (
        f"briefing {id} has no event 7 (it has 5 in its timeline, from 0, and 2 its selection dropped, 5 to 6)"
    )
    assert call(desk, "POST", f"/api/briefings/{id}/events/1/merge", {"into": 0}).status == 200
    schema = call(desk, "GET", "/openapi.json").json
    described = schema["paths"]["/api/briefings/{id}/events/{index}"]["patch"]["description"]
    assert "n to n+d-1" in described and "dropped" in described and "key_dates" in described


def test_the_page_lists_dropped_events_and_pins_one_back(desk):
    visitor = Visitor(desk)
    id = call(desk, "POST", "/api/briefings", WINDOWED).json["id"]
    page = visitor.get(f"/briefings/{id}")
    tree = html5lib.parse(page.text, namespaceHTMLElements=False)
    section = tree.find(".//section[@class='dropped-section']")
    assert section.find("h2").text == "Dropped by the selection"
    items = section.findall(".//li")
    assert [item.get("id") for item in items] == ["event-5", "event-6"]
    assert [item.find(".//p[@class='headline']").text for item in items] == [JANUARY, JUNE_9]
    assert all(item.find(".//button[@value='pin']").text == "Pin into the timeline" for item in items)
    assert all(item.find(".//button[@value='delete']") is None for item in items)  # in no export anyway
    assert all(item.find(".//select[@name='into']") is None for item in items)  # not merged
    # The timeline's own merge lists offer the timeline's events only.
    options = tree.find(".//li[@id='event-0']").findall(".//option")
    assert [option.get("value") for option in options] == ["1", "2", "3", "4"]

    reply = visitor.post_form(f"/briefings/{id}/events/6", {"csrf": visitor.token(f"/briefings/{id}"), "action": "pin"})
    assert reply.status == 303 and reply.headers["location"] == f"/briefings/{id}#event-6"
    page = visitor.get(f"/briefings/{id}")
    tree = html5lib.parse(page.text, namespaceHTMLElements=False)
    timeline = [item.get("id") for item in tree.find(".//section[@class='timeline-section']").iter("li")]
    assert timeline == ["event-6", "event-0", "event-1", "event-2", "event-3", "event-4"]
    pinned = tree.find(".//li[@id='event-6']")
    assert "dropped by the selection, pinned back" in "".join(pinned.find(".//p[@class='state']").itertext())
    assert (
        pinned.find(".//button[@value='unpin']") is not None and pinned.find(".//button[@value='delete']") is not None
    )
    assert [item.get("id") for item in tree.find(".//section[@class='dropped-section']").iter("li")] == ["event-5"]
    email = html.unescape(tree.find(".//textarea[@id='email-html']").text)
    assert JUNE_9 in email and JANUARY not in email


def test_a_briefing_with_nothing_dropped_has_no_dropped_section(desk):
    document = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json
    assert document["dropped"] == []
    assert "Dropped by the selection" not in Visitor(desk).get(f"/briefings/{document['id']}").text
