"""The pdf format: the web page printed by headless Chromium (Debian's), read back
by rendering its pages to PNG (pypdfium2) and extracting its text: real pages, with
ink on them, the headline in the text, the print stylesheet applied.

Without Chromium these tests skip, saying so, unless SUMMARIZE_REQUIRE_BROWSER=1
(set by `make test`), which makes a missing browser a failure.
"""

from __future__ import annotations

import dataclasses
import os
import pty
import subprocess
import sys

import pytest

from briefings import handmade_briefing, hostile_briefing
from conftest import ROOT
from deskserver import FirstSentences, call, running
from pdfpages import read_pdf, write_png
from summarize.chromium import find_chromium
from summarize.desk.app import create_app
from summarize.desk.storage import Store
from summarize.errors import BrowserError, TemplateError
from summarize.pipeline import Briefer
from summarize.rendering import render, render_bytes

A4 = (595.0, 842.0)  # points


@pytest.fixture(scope="module", autouse=True)
def chromium():
    if find_chromium() is None:
        if os.environ.get("SUMMARIZE_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_is_the_page_printed_with_its_print_stylesheet(tmp_path):
    briefing = handmade_briefing()
    pdf = render_bytes(briefing, "pdf")
    assert pdf.startswith(b"%PDF-")
    pages = read_pdf(pdf, scale=1.5)
    for number, page in enumerate(pages, start=1):
        write_png(tmp_path / f"page-{number}.png", page.pixels)
        assert abs(page.width_pt - A4[0]) < 1.5 and abs(page.height_pt - A4[1]) < 1.5
        assert page.ink > 0.005, f"page {number} is blank"
    text = _words(" ".join(page.text for page in pages))
    assert _words(briefing.articles[0].article.title) in text
    for event in briefing.timeline.events:
        assert _words(event.headline) in text
    assert "Skip to the timeline" not in text  # hidden by @media print
    assert (tmp_path / "page-1.png").read_bytes().startswith(b"\x89PNG")


def test_a_long_briefing_runs_onto_more_pages_and_escapes_its_text():
    briefing = hostile_briefing("<b>bold</b> {{ 7*7 }}")
    events = briefing.timeline.events * 8
    long = dataclasses.replace(briefing, timeline=dataclasses.replace(briefing.timeline, events=events))
    pages = read_pdf(render_bytes(long, "pdf"))
    assert len(pages) >= 2 and all(page.ink > 0.005 for page in pages)
    text = " ".join(page.text for page in pages)
    assert "<b>bold</b>" in text and "{{ 7*7 }}" in text  # shown as text, not markup


def test_render_says_pdf_is_binary():
    with pytest.raises(TemplateError, match="binary"):
        render(handmade_briefing(), "pdf")
    assert render_bytes(handmade_briefing(), "text") == render(handmade_briefing(), "text").encode()


def test_a_missing_chromium_is_one_clear_error(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(BrowserError, match="cannot start /nonexistent/chromium"):
        render_bytes(handmade_briefing(), "pdf")


def _cli(*args: str, **options) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "summarize", *args], cwd=ROOT, env=env, timeout=300, **options)


@pytest.mark.slow
def test_the_cli_writes_a_pdf_file(tmp_path):
    result = _cli("examples/iraq-rawa-ana.txt", "--date", "2014-06-22", "--format", "pdf,html", "-o", str(tmp_path),
                  capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    pages = read_pdf((tmp_path / "iraq-rawa-ana.pdf").read_bytes())
    assert pages and pages[0].ink > 0.005
    assert "Militants Execute 21 in Two Iraq Towns" in _words(pages[0].text)
    assert (tmp_path / "iraq-rawa-ana.html").is_file()


def test_the_cli_refuses_pdf_to_a_terminal():
    leader, follower = pty.openpty()
    try:
        result = _cli("examples/iraq-rawa-ana.txt", "--format", "pdf", stdout=follower, stderr=subprocess.PIPE)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith(
        "--format pdf is a binary file, not for a terminal: give -o FILE.pdf (or redirect standard output to a file)")


def test_the_desk_exports_pdf_with_the_edits(tmp_path, monkeypatch):
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    sample = (ROOT / "examples" / "iraq-rawa-ana.txt").read_text(encoding="utf-8")
    with running(create_app(store, Briefer(summarizer=FirstSentences()))) as desk:
        id = call(desk, "POST", "/api/briefings", {"texts": [sample], "date": "2014-06-22"}).json["id"]
        call(desk, "PATCH", f"/api/briefings/{id}/events/0", {"headline": "An edited headline for the report"})
        reply = call_bytes(desk, f"/api/briefings/{id}/export?format=pdf")
        assert reply[0] == 200 and reply[1]["content-type"] == "application/pdf"
        assert reply[1]["content-disposition"] == f'attachment; filename="briefing-{id}.pdf"'
        pages = read_pdf(reply[2])
        assert "An edited headline for the report" in _words(" ".join(page.text for page in pages))
        monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
        missing = call(desk, "GET", f"/api/briefings/{id}/export?format=pdf")
        assert missing.status == 503 and "cannot start /nonexistent/chromium" in missing.json["error"]
    store.close()


def call_bytes(base: str, path: str) -> tuple[int, dict[str, str], bytes]:
    import http.client

    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()
