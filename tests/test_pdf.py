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
from summarize.desk.app import create_app
from summarize.desk.storage import Store
from summarize.errors import BrowserError, TemplateError
from summarize.pipeline import Briefer
from summarize.rendering import render, render_bytes
from summarize.rendering.chromium import find_chromium

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
    result = _cli(
        "examples/iraq-rawa-ana.txt",
        "--date",
        "2014-06-22",
        "--format",
        "pdf,html",
        "-o",
        str(tmp_path),
        capture_output=True,
    )
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
    assert (
        result.stderr.decode()
        .strip()
        .endswith(
            "--format pdf is a binary file, not for a terminal: give -o FILE.pdf (or redirect standard output to a file)"
        )
    )


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


def call_bytes(base: str, path: str, timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    import http.client

    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def _counted_chromium(gate=None):
    """``Chromium`` (the real one) counting the browsers alive at once, from before
    the process starts until after it is closed; the first waits for ``gate``."""
    import threading

    from summarize.rendering.chromium import Chromium

    class Counted(Chromium):
        lock = threading.Lock()
        live = most = made = 0
        first_started = threading.Event()

        def __init__(self, *args, **kwargs) -> None:
            with Counted.lock:
                Counted.live += 1
                Counted.made += 1
                Counted.most = max(Counted.most, Counted.live)
                first = Counted.made == 1
            if first:
                Counted.first_started.set()
                if gate is not None:
                    assert gate.wait(60), "the test never opened the gate"
            super().__init__(*args, **kwargs)

        def close(self) -> None:
            try:
                super().close()
            finally:
                with Counted.lock:
                    Counted.live -= 1

    return Counted


def _desk_with_a_briefing(tmp_path, settings):
    from summarize.desk.app import DeskSettings

    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    app = create_app(store, Briefer(summarizer=FirstSentences()), DeskSettings(**settings))
    return store, app


def test_the_desk_prints_at_most_two_pdfs_at_once(tmp_path, monkeypatch):
    """Five PDF requests at once: each gets its PDF, and never more than two
    Chromium processes run (the others wait their turn)."""
    from concurrent.futures import ThreadPoolExecutor

    counted = _counted_chromium()
    monkeypatch.setattr("summarize.rendering.pdf.Chromium", counted)
    sample = (ROOT / "examples" / "iraq-rawa-ana.txt").read_text(encoding="utf-8")
    store, app = _desk_with_a_briefing(tmp_path, {"pdf_wait": 300})
    with running(app) as desk:
        id = call(desk, "POST", "/api/briefings", {"texts": [sample], "date": "2014-06-22"}).json["id"]
        with ThreadPoolExecutor(5) as pool:
            replies = list(
                pool.map(lambda _: call_bytes(desk, f"/api/briefings/{id}/export?format=pdf", timeout=300), range(5))
            )
    store.close()
    assert [(status, data[:5]) for status, _, data in replies] == [(200, b"%PDF-")] * 5
    assert counted.made == 5 and counted.live == 0
    assert counted.most == 2  # two printed side by side, never a third


def test_a_pdf_request_over_the_bound_waits_then_gets_a_503(tmp_path, monkeypatch):
    import threading
    import time

    gate = threading.Event()
    counted = _counted_chromium(gate)
    monkeypatch.setattr("summarize.rendering.pdf.Chromium", counted)
    sample = (ROOT / "examples" / "iraq-rawa-ana.txt").read_text(encoding="utf-8")
    store, app = _desk_with_a_briefing(tmp_path, {"pdf_printers": 1, "pdf_wait": 0.5})
    with running(app) as desk:
        id = call(desk, "POST", "/api/briefings", {"texts": [sample], "date": "2014-06-22"}).json["id"]
        path = f"/api/briefings/{id}/export?format=pdf"
        first: list = []
        printing = threading.Thread(target=lambda: first.append(call_bytes(desk, path)))
        printing.start()
        assert counted.first_started.wait(30)
        started = time.monotonic()
        busy = call(desk, "GET", path)
        waited = time.monotonic() - started
        assert busy.status == 503 and busy.json == {
            "error": "the desk is printing 1 PDFs already and none finished within 0.5 s: try again in a moment",
            "status": 503,
        }
        assert waited >= 0.5
        assert call(desk, "GET", f"/api/briefings/{id}/export?format=text").status == 200  # the rest goes on
        gate.set()
        printing.join(60)
        assert first[0][0] == 200 and first[0][2].startswith(b"%PDF-")
        # The turn given up by the request that timed out is not lost: the next one prints.
        status, _, data = call_bytes(desk, path)
        assert status == 200 and data.startswith(b"%PDF-")
    store.close()
    assert counted.made == 2 and counted.most == 1
