"""The desk's JSON API, served by uvicorn and called over HTTP. The pipeline is real
except the summarizer (tests/deskserver.py's FirstSentences), so no model loads."""

from __future__ import annotations

import json
import threading
import time

import pytest

from conftest import SAMPLE, SAMPLE_DATE
from deskserver import FirstSentences, call, running, wait_for
from pageserver import page, serve
from summarize.desk.app import DeskSettings, create_app
from summarize.desk.storage import Store
from summarize.inputs.loading import article_from_text
from summarize.pipeline import Briefer
from summarize.rendering import render

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
DESK_EVENT_KEYS = {"index", "deleted", "pinned", "note", "merged_into", "edited"}
DESK_KEYS = {"id", "status", "title", "created", "options", "progress", "failures", "error", "dropped"}


def _words(text: str) -> str:
    return " ".join(text.split())


def _cli_part(document: dict) -> dict:
    """The API's JSON less what the desk adds: what the CLI writes."""
    cli = {key: value for key, value in document.items() if key not in DESK_KEYS}
    cli["events"] = [{k: v for k, v in event.items() if k not in DESK_EVENT_KEYS} for event in cli["events"]]
    return cli


def test_one_article_is_answered_finished_with_the_clis_json(desk):
    reply = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22", "sentences": 2})
    assert reply.status == 201, reply.text
    document = reply.json
    assert reply.headers["location"] == f"/api/briefings/{document['id']}"
    assert document["status"] == "done" and document["progress"] is None
    assert document["title"] == "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
    assert document["options"] == {"date": "2014-06-22", "sentences": 2}
    article = article_from_text(SAMPLE_TEXT, source="text 1", date=SAMPLE_DATE)
    expected = json.loads(render(Briefer(summarizer=FirstSentences(), sentences=2).brief([article]), "json"))
    assert _cli_part(document) == expected
    assert [event["index"] for event in document["events"]] == list(range(len(expected["events"])))
    assert document["events"][0] | {} == {
        **expected["events"][0],
        "index": 0,
        "deleted": False,
        "pinned": False,
        "note": "",
        "merged_into": None,
        "edited": None,
    }
    assert call(desk, "GET", f"/api/briefings/{document['id']}").json == document


def test_the_list_searches_by_title_and_date(desk):
    iraq = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json
    other = call(
        desk,
        "POST",
        "/api/briefings",
        {"texts": ["Storm Ada\n\nThe storm hit the coast on Monday."], "date": "2024-01-10", "title": "Storm Ada"},
    ).json
    everything = call(desk, "GET", "/api/briefings").json["briefings"]
    assert [entry["id"] for entry in everything] == [other["id"], iraq["id"]]
    assert everything[1] == {
        "id": iraq["id"],
        "title": iraq["title"],
        "created": iraq["created"],
        "status": "done",
        "articles": 1,
        "first_date": "2014-06-22",
        "last_date": "2014-06-22",
    }
    assert [e["id"] for e in call(desk, "GET", "/api/briefings?title=militants").json["briefings"]] == [iraq["id"]]
    assert [e["id"] for e in call(desk, "GET", "/api/briefings?date=2024-01-10").json["briefings"]] == [other["id"]]
    assert call(desk, "GET", "/api/briefings?title=storm&date=2014-06-22").json["briefings"] == []


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_edits_are_kept_with_their_time_and_every_export_has_them(database):
    store = Store(database)
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        created = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json
        id, events = created["id"], created["events"]
        dropped, renamed, noted = events[0], events[2], events[4]
        base = f"/api/briefings/{id}/events"
        reply = call(
            desk, "PATCH", f"{base}/2", {"headline": "Gunmen shot villagers <b>dead</b>", "label": "Saturday 21 June"}
        )
        assert reply.status == 200, reply.text
        assert reply.json["headline"] == "Gunmen shot villagers <b>dead</b>" and reply.json["edited"]
        assert call(desk, "PATCH", f"{base}/0", {"deleted": True}).status == 200
        assert call(desk, "PATCH", f"{base}/4", {"note": "Confirmed by the ministry", "pinned": True}).status == 200

        document = call(desk, "GET", f"/api/briefings/{id}").json
        assert len(document["events"]) == len(events)  # a deleted event is still there, marked
        assert document["events"][0]["deleted"] is True
        assert document["events"][2]["label"] == "Saturday 21 June"
        assert document["events"][4] | {} == {
            **noted,
            "note": "Confirmed by the ministry",
            "pinned": True,
            "edited": document["events"][4]["edited"],
        }
        edits = store.get(id).edits
        assert [(edit.index, edit.changes) for edit in edits] == [
            (2, {"headline": "Gunmen shot villagers <b>dead</b>", "label": "Saturday 21 June"}),
            (0, {"deleted": True}),
            (4, {"note": "Confirmed by the ministry", "pinned": True}),
        ]
        assert edits[0].at < edits[1].at < edits[2].at

        for format in ("html", "email", "text", "markdown", "json", "timelinejs"):
            reply = call(desk, "GET", f"/api/briefings/{id}/export?format={format}")
            assert reply.status == 200, (format, reply.text)
            text = _words(reply.text)  # the text format wraps its lines
            assert _words(dropped["headline"]) not in text and _words(renamed["headline"]) not in text, format
            assert "Gunmen shot villagers" in text, format
            assert "Confirmed by the ministry" in text or format == "timelinejs", format
        html = call(desk, "GET", f"/api/briefings/{id}/export?format=html")
        assert "Gunmen shot villagers &lt;b&gt;dead&lt;/b&gt;" in html.text  # escaped like any text
        assert html.headers["content-type"] == "text/html; charset=utf-8"
        assert "sandbox" in html.headers["content-security-policy"]
        exported = call(desk, "GET", f"/api/briefings/{id}/export?format=json").json
        assert [e["headline"] for e in exported["events"]] == [
            "Gunmen shot villagers <b>dead</b>" if e["index"] == 2 else e["headline"]
            for e in document["events"]
            if not e["deleted"]
        ]
        assert (
            exported["notes"][-1] == f"Editor's note on {noted['label']} ({noted['headline']}): "
            "Confirmed by the ministry"
        )
        # Restored: the event is back in the export.
        call(desk, "PATCH", f"{base}/0", {"deleted": False})
        assert _words(dropped["headline"]) in _words(call(desk, "GET", f"/api/briefings/{id}/export?format=text").text)
    store.close()


def test_a_long_request_runs_in_the_background_without_blocking_the_server(store):
    gate = threading.Event()
    with running(create_app(store, Briefer(summarizer=FirstSentences(gate)))) as desk:
        reply = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT, "   "], "date": "2014-06-22"})
        assert reply.status == 201, reply.text
        assert reply.json["status"] == "running" and reply.json["title"] == "Briefing of 2 articles"
        assert reply.json["progress"]["total"] == 4
        id = reply.json["id"]
        # The worker is held at the summarizer; the server still answers, at once.
        started = time.monotonic()
        running_now = call(desk, "GET", f"/api/briefings/{id}").json
        assert call(desk, "GET", "/api/briefings").status == 200
        assert time.monotonic() - started < 2
        assert running_now["status"] == "running" and running_now["progress"]["done"] >= 2
        assert call(desk, "PATCH", f"/api/briefings/{id}/events/0", {"deleted": True}).status == 409
        assert call(desk, "GET", f"/api/briefings/{id}/export").status == 409
        gate.set()
        done = wait_for(desk, id).json
    assert done["title"] == "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
    assert done["progress"] is None and done["events"]
    assert done["failures"] == [{"source": "text 2", "message": "text 2: the article has no text"}]


@pytest.mark.parametrize(
    "method, path, body, status, words",
    [
        ("GET", "/api/briefings/999", None, 404, "no briefing 999"),
        ("GET", "/api/briefings/abc", None, 422, "id"),
        ("GET", "/api/nowhere", None, 404, "Not Found"),
        ("DELETE", "/api/briefings", None, 405, "Method Not Allowed"),
        ("POST", "/api/briefings", {"texts": "not a list"}, 422, "texts"),
        ("POST", "/api/briefings", {"texts": ["x"], "sentenses": 2}, 422, "sentenses"),
        ("POST", "/api/briefings", {}, 422, "give at least one article"),
        ("POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "the day after never"}, 422, "--date: cannot read"),
        (
            "POST",
            "/api/briefings",
            {"texts": [SAMPLE_TEXT], "since": "2014-06-20", "until": "2014-06-01"},
            422,
            "is after --until",
        ),
        ("POST", "/api/briefings", {"texts": ["   "]}, 422, "text 1: the article has no text"),
        ("POST", "/api/briefings", {"articles": [{"text": "a", "html": "<p>b</p>"}]}, 422, "exactly one of"),
        ("POST", "/api/briefings", {"urls": ["ftp://example.com/story"]}, 422, "ftp://example.com/story"),
        ("POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "sentences": 0}, 422, "sentences"),
        ("GET", "/api/briefings?date=yesterday", None, 422, "date"),
        ("GET", "/api/briefings?limit=0", None, 422, "limit"),
    ],
)
def test_bad_requests_get_a_json_error_and_store_nothing(desk, store, method, path, body, status, words):
    reply = call(desk, method, path, body)
    assert reply.status == status, reply.text
    assert reply.json["status"] == status and words in reply.json["error"]
    assert "\n" not in reply.json["error"] and "Traceback" not in reply.text
    assert store.list() == []


def test_bad_edits_and_exports_get_a_json_error(desk):
    id = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22"}).json["id"]
    for path, body, status, words in [
        (f"/api/briefings/{id}/events/99", {"deleted": True}, 404, "has no event 99"),
        (f"/api/briefings/{id}/events/0", {}, 422, "at least one of"),
        (f"/api/briefings/{id}/events/0", {"deleted": "yes"}, 422, "deleted"),
        (f"/api/briefings/{id}/events/0", {"headline": ""}, 422, "headline"),
        ("/api/briefings/999/events/0", {"deleted": True}, 404, "no briefing 999"),
    ]:
        reply = call(desk, "PATCH", path, body)
        assert (reply.status, reply.json["status"]) == (status, status), reply.text
        assert words in reply.json["error"]
    reply = call(desk, "GET", f"/api/briefings/{id}/export?format=docx")
    assert reply.status == 422 and "format" in reply.json["error"]
    reply = call(desk, "POST", "/api/briefings", raw=b'{"texts": [', headers={"Content-Type": "application/json"})
    assert reply.status == 422 and "JSON" in reply.json["error"]


def test_a_bug_is_a_500_without_a_traceback(store):
    class Broken:
        def summarize(self, article, *, sentences=3, words=None):
            raise RuntimeError("secret internals")

    with running(create_app(store, Briefer(summarizer=Broken()))) as desk:
        reply = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT]})
        assert reply.status == 500
        assert reply.json == {"error": "internal error (it is in the server's log; please report it)", "status": 500}
        background = call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT, SAMPLE_TEXT]}).json
        failed = wait_for(desk, background["id"], status="failed").json
        assert failed["error"].startswith("internal error: RuntimeError")


def test_request_bodies_are_limited(store):
    with running(create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(max_body_bytes=2000))) as desk:
        reply = call(desk, "POST", "/api/briefings", {"texts": ["word " * 1000]})
        assert reply.status == 413 and reply.json["error"] == "the request body is larger than 2,000 bytes"
        # Chunked, with no Content-Length to refuse it by: cut off as it arrives.
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in [b'{"texts": ["' + b"x" * 1500, b"y" * 1500 + b'"]}'])
        reply = call(
            desk,
            "POST",
            "/api/briefings",
            raw=chunks + b"0\r\n\r\n",
            headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        )
        assert reply.status == 413 and reply.json["status"] == 413, reply.text
        assert call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT[:1500]]}).status == 201
    assert len(store.list()) == 1


def test_a_token_is_needed_on_every_request_when_set(store):
    with running(create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(token="s3cret"))) as desk:
        for path in ("/api/briefings", "/openapi.json"):
            refused = call(desk, "GET", path)
            assert refused.status == 401 and refused.headers["www-authenticate"] == "Bearer"
            assert call(desk, "GET", path, token="wrong").status == 401
        # A page sends a browser to sign in (tests/test_desk_login.py).
        assert call(desk, "GET", "/nowhere").headers["location"] == "/login?next=%2Fnowhere"
        assert call(desk, "GET", "/nowhere", token="s3cret").status == 404
        assert call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT]}).status == 401
        assert call(desk, "GET", "/api/briefings", headers={"Authorization": "s3cret"}).status == 401
        assert call(desk, "GET", "/api/briefings", token="s3cret").status == 200
        assert call(desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT]}, token="s3cret").status == 201
    assert len(store.list()) == 1


def test_every_response_carries_the_security_headers(desk):
    for path in ("/api/briefings", "/openapi.json", "/api/briefings/1"):
        headers = call(desk, "GET", path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"


def test_the_openapi_schema_describes_the_api(desk):
    schema = call(desk, "GET", "/openapi.json").json
    assert set(schema["paths"]) == {
        "/api/briefings",
        "/api/briefings/{id}",
        "/api/briefings/{id}/events/{index}",
        "/api/briefings/{id}/events/{index}/merge",
        "/api/briefings/{id}/export",
    }
    assert set(schema["paths"]["/api/briefings"]) == {"get", "post"}
    components = schema["components"]["schemas"]
    assert "max_dates" in components["NewBriefing"]["properties"]
    # Every answer is documented, errors included (tests/test_desk_fuzz.py checks them all).
    created = schema["paths"]["/api/briefings"]["post"]["responses"]
    assert set(created) == {"201", "400", "401", "413", "422", "429", "503"}
    assert created["201"]["content"]["application/json"]["schema"]["discriminator"]["mapping"] == {
        "done": "#/components/schemas/DoneBriefing",
        "running": "#/components/schemas/PendingBriefing",
        "failed": "#/components/schemas/PendingBriefing",
    }
    assert created["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}
    assert components["ErrorOut"]["required"] == ["error", "status"]
    assert components["DeskEventOut"]["additionalProperties"] is False
    assert set(components["DeskEventOut"]["required"]) > DESK_EVENT_KEYS
    assert set(schema["paths"]["/api/briefings/{id}/export"]["get"]["responses"]["200"]["content"]) == {
        "text/html",
        "text/plain",
        "text/markdown",
        "application/json",
        "application/pdf",
    }


def test_urls_reach_only_public_addresses_unless_allowed(store):
    story = page(f"<html><head><title>Story</title></head><body><article><p>{SAMPLE_TEXT}</p></article></body></html>")
    with serve({"/story.html": story}) as pages:
        with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
            reply = call(desk, "POST", "/api/briefings", {"urls": [f"{pages}/story.html"], "date": "2014-06-22"})
            assert reply.status == 422 and "127.0.0.1" in reply.json["error"], reply.text
        settings = DeskSettings(allow_private_urls=True)
        with running(create_app(store, Briefer(summarizer=FirstSentences()), settings)) as desk:
            reply = call(desk, "POST", "/api/briefings", {"urls": [f"{pages}/story.html"], "date": "2014-06-22"})
            assert reply.status == 201, reply.text
            assert reply.json["articles"][0]["source"] == f"{pages}/story.html"


def test_a_briefing_left_running_is_marked_failed_when_the_desk_starts(store):
    left = store.add(title="Briefing of 5 articles", options={}, articles=5)
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        reply = call(desk, "GET", f"/api/briefings/{left.id}").json
    assert reply["status"] == "failed" and "server stopped" in reply["error"]
