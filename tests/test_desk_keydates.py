"""Editing a key-date briefing (many articles, --max-dates) over HTTP with the real
server and the real MiniLM encoder: the invented storm of tests/keydates_story.py,
briefed into three key dates (landfall 3 March, the dam 5 March, the inquiry 16
March). A key date is deleted and restored, relabelled and noted, in the API and the
page, and every export shows it; its headline is not edited and it is not merged,
and both the API's error and the page say why."""

from __future__ import annotations

import html5lib
import pytest

from deskforms import Visitor
from deskserver import call, wait_for
from keydates_story import ARTICLES
from summarize.desk.editing import KEY_DATE_HEADLINE, KEY_DATE_MERGE

pytestmark = pytest.mark.slow

STORY = {
    "articles": [
        {"text": text, "date": date.isoformat(), "source": f"{outlet}-{n}"}
        for n, (outlet, date, text) in enumerate(ARTICLES, start=1)
    ],
    "max_dates": 3,
    "per_date": 1,
    "title": "Storm Ada",
}


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def story(desk):
    """The storm's key-date briefing on the desk: its id and its JSON."""
    reply = call(desk, "POST", "/api/briefings", STORY)
    assert reply.status == 201 and reply.json["status"] == "running", reply.text
    document = wait_for(desk, reply.json["id"], timeout=180).json
    assert [k["value"] for k in document["key_dates"]] == ["2015-03-03", "2015-03-05", "2015-03-16"]
    return document["id"], document


def test_key_dates_are_deleted_relabelled_and_noted_in_every_export(desk, story):
    id, document = story
    assert [(k["index"], k["deleted"], k["pinned"], k["note"]) for k in document["key_dates"]] == [
        (0, False, False, ""),
        (1, False, False, ""),
        (2, False, False, ""),
    ]
    assert document["events"] == [] and document["dropped"] == []
    landfall = _words(document["key_dates"][0]["sentences"][0]["text"])
    base = f"/api/briefings/{id}/events"
    reply = call(desk, "PATCH", f"{base}/1", {"label": "The dam fails, Thu 5 Mar"})
    assert reply.status == 200, reply.text
    assert (reply.json["index"], reply.json["value"], reply.json["label"]) == (
        1,
        "2015-03-05",
        "The dam fails, Thu 5 Mar",
    )
    assert call(desk, "PATCH", f"{base}/0", {"deleted": True}).status == 200
    assert call(desk, "PATCH", f"{base}/2", {"note": "The inquiry reports in June", "pinned": True}).status == 200

    edited = call(desk, "GET", f"/api/briefings/{id}").json
    assert [(k["label"], k["deleted"], k["pinned"]) for k in edited["key_dates"]] == [
        (document["key_dates"][0]["label"], True, False),
        ("The dam fails, Thu 5 Mar", False, False),
        ("Mon 16 Mar 2015", False, True),
    ]
    exported = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
    assert [(k["value"], k["label"]) for k in exported["key_dates"]] == [
        ("2015-03-05", "The dam fails, Thu 5 Mar"),
        ("2015-03-16", "Mon 16 Mar 2015"),
    ]
    assert [k["sentences"][0]["text"] for k in exported["key_dates"]] == [
        k["sentences"][0]["text"] for k in document["key_dates"][1:]
    ]
    assert exported["notes"][-1] == "Editor's note on Mon 16 Mar 2015: The inquiry reports in June"
    for format in ("html", "email", "text", "markdown", "timelinejs"):
        text = _words(call(desk, "GET", f"/api/briefings/{id}/export?format={format}").text)
        assert "The dam fails, Thu 5 Mar" in text and landfall not in text, format
        assert "The inquiry reports in June" in text or format == "timelinejs", format

    call(desk, "PATCH", f"{base}/0", {"deleted": False})
    restored = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
    assert [k["value"] for k in restored["key_dates"]] == ["2015-03-03", "2015-03-05", "2015-03-16"]


def test_what_makes_no_sense_for_a_key_date_is_refused_saying_why(desk, story):
    id, _ = story
    reply = call(desk, "PATCH", f"/api/briefings/{id}/events/1", {"headline": "The dam broke"})
    assert reply.status == 422 and reply.json["error"] == KEY_DATE_HEADLINE
    reply = call(desk, "POST", f"/api/briefings/{id}/events/0/merge", {"into": 1})
    assert reply.status == 422 and reply.json["error"] == KEY_DATE_MERGE
    reply = call(desk, "PATCH", f"/api/briefings/{id}/events/3", {"deleted": True})
    assert reply.status == 404 and reply.json["error"] == f"briefing {id} has no key date 3 (it has 3, from 0)"


def test_the_page_edits_key_dates_and_says_what_it_does_not_edit(desk, story):
    id, document = story
    visitor = Visitor(desk)
    tree = html5lib.parse(visitor.get(f"/briefings/{id}").text, namespaceHTMLElements=False)
    items = tree.find(".//ol[@class='timeline key-dates']").findall("li")
    assert [item.get("id") for item in items] == ["event-0", "event-1", "event-2"]
    for item in items:
        assert item.find(".//input[@name='label']") is not None and item.find(".//textarea[@name='note']") is not None
        assert item.find(".//textarea[@name='headline']") is None and item.find(".//select[@name='into']") is None
        why = [_words("".join(p.itertext())) for p in item.findall(".//p[@class='why']")]
        assert why == [f"A{KEY_DATE_HEADLINE[1:]}.", f"K{KEY_DATE_MERGE[1:]}."]
        assert item.find(".//button[@value='delete']") is not None

    token = visitor.token(f"/briefings/{id}")
    for index, fields in [
        (0, {"action": "delete"}),
        (1, {"action": "save", "label": "Dam day"}),
        (2, {"action": "note", "note": "Reports in June"}),
    ]:
        reply = visitor.post_form(f"/briefings/{id}/events/{index}", {"csrf": token, **fields})
        assert reply.status == 303 and reply.headers["location"] == f"/briefings/{id}#event-{index}", reply.text
    tree = html5lib.parse(visitor.get(f"/briefings/{id}").text, namespaceHTMLElements=False)
    first, second, third = tree.find(".//ol[@class='timeline key-dates']").findall("li")
    assert "deleted" in first.get("class").split() and first.find(".//button[@value='restore']") is not None
    assert second.find(".//time").text == "Dam day"
    assert "Reports in June" in "".join(third.find(".//p[@class='editor-note']").itertext())
    email = tree.find(".//textarea[@id='email-html']").text
    assert "Dam day" in email and "Reports in June" in email
    assert _words(document["key_dates"][0]["sentences"][0]["text"]) not in _words(email)
