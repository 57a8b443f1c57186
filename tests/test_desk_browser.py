"""The desk in a real browser: Debian's headless Chromium, driven over the DevTools
pipe (scripts/browser.py), against the desk served by uvicorn. A user makes a
briefing from the form (pasted text, an uploaded file), sees it, deletes an event,
edits a headline, copies the email HTML and opens an export; pins back an event the
selection dropped; edits a key-date briefing; signs in to a desk with a token. Every page must load
nothing but the desk's own files and log nothing: a Content-Security-Policy
violation is a console message, so it fails the test (the last test shows that
one is caught).

Screenshots are kept in pytest's temporary directory; SUMMARIZE_SCREENSHOTS=DIR
writes them there too (outputs/desk-*.png come from that).
"""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from conftest import SAMPLE
from deskserver import FirstSentences, call, running
from summarize.desk.app import DeskSettings, create_app
from summarize.desk.storage import Store
from summarize.pipeline import Briefer

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
WIDTH = 1000


@pytest.fixture
def desk(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as base:
        yield base
    store.close()


def _clean(report, base: str, status: int | None = None) -> None:
    """Nothing in the console (CSP violations are logged there) but the page's own
    error ``status``, nothing loaded from elsewhere."""
    expected = [f"error: Failed to load resource: the server responded with a status of {status} "] if status else []
    assert [m for m in report.console if not m.startswith(tuple(expected))] == [], report.console
    # (data: URLs are the browser's own: the date field's calendar icon.)
    assert [url for url in report.requests if not url.startswith((base + "/", "data:"))] == []
    assert report.blocked == {}
    assert report.layout["documentWidth"] <= report.layout["viewport"], "horizontal scrolling"


def _screenshot(browser, tmp_path, name: str) -> None:
    path = browser.screenshot(tmp_path / f"desk-{name}.png", width=WIDTH)
    assert path.stat().st_size > 5000
    if os.environ.get("SUMMARIZE_SCREENSHOTS"):
        shutil.copy(path, os.path.join(os.environ["SUMMARIZE_SCREENSHOTS"], path.name))


def _js(value: str) -> str:
    return json.dumps(value)


def test_an_editor_makes_edits_and_exports_a_briefing(browser, desk, tmp_path):
    report = browser.load(f"{desk}/new", width=WIDTH)
    _clean(report, desk)
    assert "New briefing" in report.layout["text"]
    _screenshot(browser, tmp_path, "new")
    report = browser.act(f"""
        document.querySelector('#text').value = {_js(SAMPLE_TEXT)};
        document.querySelector('[name=date]').value = '2014-06-22';
        document.querySelector('form.new-briefing button[type=submit]').click();""")
    _clean(report, desk)
    match = re.fullmatch(re.escape(desk) + r"/briefings/(\d+)", report.url)
    assert match, report.url
    id = int(match.group(1))
    document = call(desk, "GET", f"/api/briefings/{id}").json
    assert document["title"] in report.layout["text"]
    assert all(" ".join(e["headline"].split()) in " ".join(report.layout["text"].split()) for e in document["events"])
    _screenshot(browser, tmp_path, "briefing")

    # Delete the first event: struck through, marked, and out of the exports.
    report = browser.act("document.querySelector('#event-0 form.event-actions button[value=delete]').click()")
    _clean(report, desk)
    assert browser.evaluate("document.querySelector('#event-0').classList.contains('deleted')")
    assert "deleted: left out of exports" in browser.evaluate("document.querySelector('#event-0').innerText")

    # Edit the second event's headline in its form.
    report = browser.act("""
        const event = document.querySelector('#event-1');
        event.querySelector('details.edit').open = true;
        event.querySelector('textarea[name=headline]').value = 'Gunmen took the towns <b>overnight</b>';
        event.querySelector('button[value=save]').click();""")
    _clean(report, desk)
    assert (
        browser.evaluate("document.querySelector('#event-1 .headline').textContent")
        == "Gunmen took the towns <b>overnight</b>"
    )
    _screenshot(browser, tmp_path, "edited")

    # Copy the email HTML: the clipboard holds the export, with the edits.
    email = call(desk, "GET", f"/api/briefings/{id}/export?format=email").text
    assert "Gunmen took the towns &lt;b&gt;overnight&lt;/b&gt;" in email
    assert " ".join(document["events"][0]["headline"].split()) not in " ".join(email.split())
    browser.allow_clipboard(desk)
    browser.evaluate("document.querySelector('button.copy').click()")
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 200))")
    assert browser.evaluate("document.querySelector('.copied').textContent") == "Copied."
    assert browser.evaluate("navigator.clipboard.readText()") == email

    # The export links open the exports; the web page shows the edit.
    links = browser.evaluate("[...document.querySelectorAll('.export-links a')].map(a => a.getAttribute('href'))")
    assert [link.rsplit("=", 1)[1] for link in links] == [
        "html",
        "email",
        "text",
        "markdown",
        "json",
        "timelinejs",
        "pdf",
    ]
    report = browser.load(f"{desk}/api/briefings/{id}/export?format=html", width=WIDTH)
    assert report.console == [] and "Gunmen took the towns <b>overnight</b>" in report.layout["text"]

    # Back to the list: the briefing is there, found by a word of its title.
    report = browser.load(f"{desk}/?title=militants", width=WIDTH)
    _clean(report, desk)
    assert document["title"] in report.layout["text"]
    _screenshot(browser, tmp_path, "list")


def test_an_uploaded_file_becomes_a_briefing_and_bad_input_an_error_page(browser, desk, tmp_path):
    report = browser.load(f"{desk}/new", width=WIDTH)
    report = browser.act("document.querySelector('form.new-briefing button[type=submit]').click()")
    _clean(report, desk, status=422)
    assert "give at least one article" in report.layout["text"]
    assert browser.evaluate("document.title").startswith("Error 422")
    _screenshot(browser, tmp_path, "error")

    browser.load(f"{desk}/new", width=WIDTH)
    browser.set_files("#files", [SAMPLE])
    report = browser.act("""
        document.querySelector('[name=date]').value = '22 June 2014';
        document.querySelector('form.new-briefing button[type=submit]').click();""")
    _clean(report, desk)
    id = int(report.url.rsplit("/", 1)[1])
    document = call(desk, "GET", f"/api/briefings/{id}").json
    assert document["articles"][0]["source"] == SAMPLE.name and document["articles"][0]["date"] == "2014-06-22"


def test_a_csp_violation_would_be_caught(browser, desk):
    """The check above can fail: an inline script added to a desk page is refused by
    its policy, and Chromium says so in the console."""
    report = browser.load(f"{desk}/new", width=WIDTH)
    assert report.console == []
    browser.evaluate("document.body.append(Object.assign(document.createElement('script'), {textContent: '1'}))")
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    report = browser._report(f"{desk}/new")
    assert any("Content Security Policy" in message for message in report.console), report.console


def test_off_loopback_a_person_signs_in_then_out(browser, tmp_path):
    """A desk with a token: the browser is sent to the login page, a wrong token is
    said so, the right one leads to the page asked for, with a session cookie no
    script can read; the desk's forms and exports work; signing out ends it."""
    token = "correct horse battery staple"
    store = Store(f"sqlite:///{tmp_path / 'guarded.sqlite3'}")
    with running(create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(token=token))) as desk:
        report = browser.load(f"{desk}/new", width=WIDTH)
        _clean(report, desk)
        assert browser.evaluate("location.href") == f"{desk}/login?next=%2Fnew"
        assert "Sign in" in report.layout["text"] and "New briefing" not in report.layout["text"]
        _screenshot(browser, tmp_path, "login")

        report = browser.act("""
            document.querySelector('#token').value = 'Tr0ub4dor&3';
            document.querySelector('form.login button[type=submit]').click();""")
        _clean(report, desk, status=401)
        assert "That is not this desk's token" in report.layout["text"]

        report = browser.act(f"""
            document.querySelector('#token').value = {_js(token)};
            document.querySelector('form.login button[type=submit]').click();""")
        _clean(report, desk)
        assert report.url == f"{desk}/new" and "New briefing" in report.layout["text"]
        assert "summarize_desk_session" not in browser.evaluate("document.cookie")  # HttpOnly

        report = browser.act(f"""
            document.querySelector('#text').value = {_js(SAMPLE_TEXT)};
            document.querySelector('[name=date]').value = '2014-06-22';
            document.querySelector('form.new-briefing button[type=submit]').click();""")
        _clean(report, desk)
        id = int(re.fullmatch(re.escape(desk) + r"/briefings/(\d+)", report.url).group(1))
        report = browser.load(f"{desk}/api/briefings/{id}/export?format=html", width=WIDTH)
        assert report.console == [] and "Militants Execute 21" in report.layout["text"]

        browser.load(f"{desk}/briefings/{id}", width=WIDTH)
        report = browser.act("document.querySelector('form.logout button').click()")
        _clean(report, desk)
        assert report.url == f"{desk}/login"
        report = browser.load(f"{desk}/briefings/{id}", width=WIDTH)
        assert browser.evaluate("location.href").startswith(f"{desk}/login?next=")
    store.close()


def test_an_editor_pins_back_an_event_the_selection_dropped(browser, desk, tmp_path):
    id = call(
        desk, "POST", "/api/briefings", {"texts": [SAMPLE_TEXT], "date": "2014-06-22", "since": "yesterday"}
    ).json["id"]
    report = browser.load(f"{desk}/briefings/{id}", width=WIDTH)
    _clean(report, desk)
    dropped = "document.querySelectorAll('.dropped-section li.event')"
    assert browser.evaluate(f"[...{dropped}].map(li => li.id)") == ["event-5", "event-6"]
    _screenshot(browser, tmp_path, "dropped")
    report = browser.act("document.querySelector('#event-5 button[value=pin]').click()")
    _clean(report, desk)
    shown = browser.evaluate("[...document.querySelectorAll('.timeline-section li.event')].map(li => li.id)")
    assert shown == ["event-5", "event-0", "event-1", "event-2", "event-3", "event-4"]
    assert "dropped by the selection, pinned back" in browser.evaluate("document.querySelector('#event-5').innerText")
    assert browser.evaluate(f"[...{dropped}].map(li => li.id)") == ["event-6"]
    email = browser.evaluate("document.querySelector('#email-html').value")
    assert "Anti-government fighters have held all of one city" in email


def test_an_editor_edits_a_key_date_briefing(browser, desk, tmp_path):
    from deskserver import wait_for
    from keydates_story import ARTICLES

    articles = [
        {"text": text, "date": date.isoformat(), "source": f"{outlet}-{n}"}
        for n, (outlet, date, text) in enumerate(ARTICLES, start=1)
    ]
    id = call(
        desk, "POST", "/api/briefings", {"articles": articles, "max_dates": 3, "per_date": 1, "title": "Storm Ada"}
    ).json["id"]
    wait_for(desk, id, timeout=180)
    browser.load(f"{desk}/briefings/{id}", width=WIDTH)
    report = browser.act("document.querySelector('#event-0 button[value=delete]').click()")
    _clean(report, desk)
    report = browser.act("""
        const date = document.querySelector('#event-1');
        date.querySelector('details.edit').open = true;
        date.querySelector('input[name=label]').value = 'The dam fails';
        date.querySelector('button[value=save]').click();""")
    _clean(report, desk)
    assert browser.evaluate("document.querySelector('#event-0').classList.contains('deleted')")
    assert browser.evaluate("document.querySelector('#event-1 .date').textContent") == "The dam fails"
    browser.evaluate("document.querySelector('#event-2 details.edit').open = true")
    why = browser.evaluate("document.querySelector('#event-2 .why').innerText")
    assert why.startswith("A key date has no headline to edit: its sentences are quoted")
    _screenshot(browser, tmp_path, "keydates")
    email = browser.evaluate("document.querySelector('#email-html').value")
    assert "The dam fails" in email
