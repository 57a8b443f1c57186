"""The desk's HTML pages over HTTP with the real server: the list and its search,
the new-briefing form (pasted text, URLs, uploaded files, a corpus), the briefing
view with its editing forms, CSRF, the CSP and error pages. The pipeline is real
except the summarizer (tests/deskserver.py's FirstSentences)."""

from __future__ import annotations

import html
import json
import re
import threading

import html5lib
import pytest

from conftest import SAMPLE
from deskforms import Visitor
from deskserver import FirstSentences, call, running, wait_for
from summarize.desk.app import DeskSettings, create_app
from summarize.pipeline import Briefer

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} <img src=x onerror=alert(2)>"


def _parsed(text: str):
    """The page parsed strictly as HTML5 (a parse error fails the test)."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def _csp_forbids_inline(headers: dict[str, str]) -> None:
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert "form-action 'self'" in csp and "frame-ancestors 'none'" in csp


def _no_inline_code(text: str) -> None:
    document = _parsed(text)
    assert document.findall(".//style") == []
    assert all(script.get("src") and not (script.text or "").strip() for script in document.iter("script"))
    assert not [el for el in document.iter() if any(name.startswith("on") or name == "style" for name in el.attrib)]


def _create(visitor: Visitor, fields: dict[str, str], files=()) -> int:
    reply = visitor.post_multipart("/briefings", {"csrf": visitor.token(), **fields}, files)
    assert reply.status == 303, reply.text
    return int(reply.headers["location"].rsplit("/", 1)[1])


def test_a_pasted_article_becomes_a_briefing_page_with_its_timeline_and_exports(desk):
    visitor = Visitor(desk)
    form = visitor.get("/new")
    assert form.status == 200 and form.headers["content-type"].startswith("text/html")
    _csp_forbids_inline(form.headers)
    _no_inline_code(form.text)
    assert "HttpOnly" in form.headers["set-cookie"] and "SameSite=strict" in form.headers["set-cookie"]
    id = _create(visitor, {"text": SAMPLE_TEXT, "date": "2014-06-22", "sentences": "2"})
    page = visitor.get(f"/briefings/{id}")
    assert page.status == 200
    _csp_forbids_inline(page.headers)
    _no_inline_code(page.text)
    api = call(desk, "GET", f"/api/briefings/{id}").json
    assert api["options"] == {"date": "2014-06-22", "sentences": 2}
    text = html.unescape(page.text)
    assert api["title"] in text and api["articles"][0]["summary"] in text
    for event in api["events"]:
        assert event["headline"] in text and f'id="event-{event["index"]}"' in page.text
    for format in ("html", "email", "text", "markdown", "json", "timelinejs"):
        assert f'href="/api/briefings/{id}/export?format={format}"' in page.text
    # The email HTML to copy is the export itself, escaped into its text box.
    email = call(desk, "GET", f"/api/briefings/{id}/export?format=email").text
    box = _parsed(page.text).find(".//textarea[@id='email-html']")
    assert box.text.strip() == email.strip()


def test_uploaded_files_and_a_corpus_make_one_briefing_in_the_background(store):
    gate = threading.Event()
    with running(create_app(store, Briefer(summarizer=FirstSentences(gate)))) as desk:
        visitor = Visitor(desk)
        corpus = "\n".join(
            json.dumps(line)
            for line in [
                {"text": "Storm Ada\n\nThe storm reached the coast on 10 January 2024.", "date": "2024-01-11"},
                {
                    "html": "<html><head><title>Ada</title></head><body><p>On 12 January 2024 the storm ended.</p>"
                    "</body></html>",
                    "date": "2024-01-13",
                    "source": "ada.html",
                },
            ]
        ).encode()
        id = _create(
            visitor,
            {"title": "Three inputs", "per_date": "2"},
            [("files", "iraq.txt", SAMPLE_TEXT.encode()), ("corpus", "ada.jsonl", corpus)],
        )
        page = visitor.get(f"/briefings/{id}")
        assert '<meta http-equiv="refresh" content="2">' in page.text
        assert re.search(r'<progress value="\d+" max="6">', page.text)
        gate.set()
        wait_for(desk, id)
        done = visitor.get(f"/briefings/{id}")
        assert 'http-equiv="refresh"' not in done.text
        sources = [article["source"] for article in call(desk, "GET", f"/api/briefings/{id}").json["articles"]]
        assert sources == ["iraq.txt", "ada.jsonl:1", "ada.html"]
        assert "Three inputs" in done.text


def test_the_list_shows_and_searches_briefings(desk):
    visitor = Visitor(desk)
    iraq = _create(visitor, {"text": SAMPLE_TEXT, "date": "2014-06-22"})
    ada = _create(
        visitor, {"text": "Storm Ada\n\nThe storm hit the coast on Monday.", "date": "2024-01-10", "title": HOSTILE}
    )
    everything = visitor.get("/")
    _csp_forbids_inline(everything.headers)
    _no_inline_code(everything.text)
    assert everything.text.index(f'href="/briefings/{ada}"') < everything.text.index(f'href="/briefings/{iraq}"')
    assert "<script>alert" not in everything.text and "&lt;script&gt;" in everything.text
    assert "{{" not in everything.text
    found = visitor.get("/?title=militants")
    assert f'href="/briefings/{iraq}"' in found.text and f'href="/briefings/{ada}"' not in found.text
    found = visitor.get("/?date=2024-01-10&title=")
    assert f'href="/briefings/{ada}"' in found.text and f'href="/briefings/{iraq}"' not in found.text
    assert "No briefing matches" in visitor.get("/?title=nothing+like+it").text
    bad = visitor.get("/?date=yesterday")
    assert bad.status == 422 and "use YYYY-MM-DD" in bad.text and "Traceback" not in bad.text


def test_editing_forms_change_the_briefing_and_its_exports(desk, store):
    visitor = Visitor(desk)
    id = _create(visitor, {"text": SAMPLE_TEXT, "date": "2014-06-22"})
    events = call(desk, "GET", f"/api/briefings/{id}").json["events"]
    token = visitor.token(f"/briefings/{id}")
    base = f"/briefings/{id}/events"
    for index, fields in [
        (0, {"action": "delete"}),
        (1, {"action": "save", "headline": HOSTILE, "label": "Sat"}),
        (2, {"action": "note", "note": "Checked with the ministry"}),
        (3, {"action": "pin"}),
    ]:
        reply = visitor.post_form(f"{base}/{index}", {"csrf": token, **fields})
        assert reply.status == 303 and reply.headers["location"] == f"/briefings/{id}#event-{index}", reply.text
    document = call(desk, "GET", f"/api/briefings/{id}").json
    assert document["events"][0]["deleted"] and document["events"][3]["pinned"]
    assert (document["events"][1]["headline"], document["events"][1]["label"]) == (HOSTILE, "Sat")
    assert document["events"][2]["note"] == "Checked with the ministry"
    page = visitor.get(f"/briefings/{id}")
    _no_inline_code(page.text)
    assert (
        "<script>alert" not in page.text
        and "&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 7*7 &#125;&#125;" in page.text
    )
    assert 'value="restore"' in page.text and 'value="unpin"' in page.text
    exported = call(desk, "GET", f"/api/briefings/{id}/export?format=text").text
    assert " ".join(events[0]["headline"].split()) not in " ".join(exported.split())
    assert "Checked with the ministry" in " ".join(exported.split())  # the text format wraps
    visitor.post_form(f"{base}/0", {"csrf": token, "action": "restore"})
    assert call(desk, "GET", f"/api/briefings/{id}").json["events"][0]["deleted"] is False
    assert len(store.get(id).edits) == 5


def test_a_form_without_its_token_is_refused(desk, store):
    visitor = Visitor(desk)
    id = _create(visitor, {"text": SAMPLE_TEXT, "date": "2014-06-22"})
    stranger = Visitor(desk)  # another site's form: no cookie, or a token of its own
    for who, fields in [
        (stranger, {"action": "delete"}),
        (stranger, {"action": "delete", "csrf": "0" * 64}),
        (visitor, {"action": "delete", "csrf": "0" * 64}),
        (visitor, {"action": "delete"}),
    ]:
        reply = who.post_form(f"/briefings/{id}/events/0", fields)
        assert reply.status == 403 and "security token" in reply.text, reply.text
    stranger.get("/new")  # a cookie of its own does not make another browser's token valid
    reply = stranger.post_multipart("/briefings", {"csrf": visitor.token(), "text": SAMPLE_TEXT})
    assert reply.status == 403
    assert store.get(id).edits == () and len(store.list()) == 1


@pytest.mark.parametrize(
    "fields, files, status, words",
    [
        ({}, [], 422, "give at least one article"),
        ({"text": SAMPLE_TEXT, "date": "the day after never"}, [], 422, "--date: cannot read"),
        ({"text": SAMPLE_TEXT, "sentences": "many"}, [], 422, "sentences"),
        ({"text": SAMPLE_TEXT, "sentences": "0"}, [], 422, "sentences"),
        ({"urls": "ftp://example.com/story"}, [], 422, "ftp://example.com/story"),
        ({}, [("files", "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)], 422, "photo.txt"),
        ({}, [("corpus", "bad.jsonl", b'{"text": "fine"}\n{"text": \n')], 422, "bad.jsonl:2: not valid JSON"),
        ({}, [("corpus", "bad.jsonl", b'["a list"]\n')], 422, "bad.jsonl:1: expected a JSON object"),
        ({}, [("corpus", "empty.jsonl", b"\n\n")], 422, "empty.jsonl: the file is empty"),
    ],
)
def test_bad_forms_get_an_error_page_and_store_nothing(desk, store, fields, files, status, words):
    visitor = Visitor(desk)
    reply = visitor.post_multipart("/briefings", {"csrf": visitor.token(), **fields}, files)
    assert reply.status == status, reply.text
    assert reply.headers["content-type"].startswith("text/html")
    _csp_forbids_inline(reply.headers)
    message = _parsed(reply.text).find(".//p[@role='alert']").text
    assert words in html.unescape(message) and "Traceback" not in reply.text
    assert store.list() == []


def test_bad_pages_and_edits_get_an_error_page(desk):
    visitor = Visitor(desk)
    id = _create(visitor, {"text": SAMPLE_TEXT, "date": "2014-06-22"})
    token = visitor.token(f"/briefings/{id}")
    for method, path, fields, status, words in [
        ("GET", "/briefings/999", None, 404, "no briefing 999"),
        ("GET", "/briefings/abc", None, 422, "id"),
        # Past the database's INTEGER: refused before any query (it was a 500 from SQLite).
        ("GET", f"/briefings/{2**63}", None, 422, "path.id"),
        ("POST", f"/briefings/{2**31}/events/0", {"action": "delete"}, 422, "path.id"),
        ("POST", f"/briefings/{id}/events/{2**63}", {"action": "delete"}, 422, "path.index"),
        ("GET", "/nowhere", None, 404, "Not Found"),
        ("GET", "/static/../app.py", None, 404, "Not Found"),
        ("POST", f"/briefings/{id}/events/99", {"action": "delete"}, 404, "has no event 99"),
        ("POST", f"/briefings/{id}/events/0", {"action": "explode"}, 422, "unknown action"),
        ("POST", f"/briefings/{id}/events/0", {"action": "save", "headline": ""}, 422, "at least one of"),
        ("POST", f"/briefings/{id}/events/0", {"action": "save", "headline": "x" * 2001}, 422, "headline"),
    ]:
        reply = visitor.get(path) if method == "GET" else visitor.post_form(path, {"csrf": token, **fields})
        assert reply.status == status, (path, reply.text)
        assert reply.headers["content-type"].startswith("text/html"), path
        assert words in html.unescape(_parsed(reply.text).find(".//p[@role='alert']").text), path


def test_form_bodies_are_limited(store):
    with running(create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(max_body_bytes=5000))) as desk:
        visitor = Visitor(desk)
        reply = visitor.post_multipart("/briefings", {"csrf": visitor.token()}, [("files", "big.txt", b"word " * 2000)])
        assert reply.status == 413 and reply.headers["content-type"].startswith("text/html")
        assert "larger than 5,000 bytes" in reply.text
    assert store.list() == []


def test_static_files_are_served_with_their_types(desk):
    for name, media_type in [
        ("desk.css", "text/css"),
        ("page.css", "text/css"),
        ("desk.js", "text/javascript"),
        ("favicon.svg", "image/svg+xml"),
    ]:
        reply = call(desk, "GET", f"/static/{name}")
        assert reply.status == 200 and reply.headers["content-type"].startswith(media_type)
        assert reply.headers["x-content-type-options"] == "nosniff"
    assert "navigator.clipboard" in call(desk, "GET", "/static/desk.js").text
