"""Web articles: fetching from a local server, extraction, the page date and its source."""

import contextlib
import datetime as dt
import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from pageserver import dead_url, page, serve
from summarize.errors import InputError
from summarize.inputs.loading import load_article
from summarize.inputs.pagedates import page_date
from summarize.inputs.web import extract_html, fetch_url, is_url, looks_like_html

DATA = Path(__file__).resolve().parent / "data" / "briefing"
FOLLOWUP = (DATA / "followup-page.html").read_text(encoding="utf-8")


def article_page(head: str = "", body: str = "Militants took the town on Sunday, officials said.") -> str:
    paragraphs = "".join(
        f"<p>{body} Residents described heavy fighting in the streets overnight.</p>" for _ in range(3)
    )
    return (
        f"<!DOCTYPE html><html><head><title>Town Falls | Site</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Town Falls</h1>{paragraphs}</article></body></html>"
    )


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: extraction must never fetch."""

    def refuse(*args, **kwargs):
        raise AssertionError("extraction tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_followup_page_text_title_and_metadata_date(no_network):
    article = extract_html(FOLLOWUP, source="page.html")
    assert article.title == "Iraqi Militants Tighten Grip on Syrian Border"
    assert (article.date, article.date_source) == (dt.date(2014, 6, 23), "metadata")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Sunni militants pressed their offensive")  # the <h1> title is not text
    assert paragraphs[-1].startswith("Prime Minister Nuri al-Maliki")
    assert len(paragraphs) == 5
    for furniture in ("Home", "Subscribe", "Share this article", "All rights reserved", "By staff writers"):
        assert furniture not in article.text


def test_json_ld_date(no_network):
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2014-06-23T07:00:00Z"}</script>'
    )
    assert extract_html(article_page(head), source="x").date == dt.date(2014, 6, 23)


def test_publication_date_wins_over_a_later_update(no_network):
    head = (
        '<meta property="article:published_time" content="2014-06-23T07:00:00Z">'
        '<meta property="article:modified_time" content="2014-07-02T07:00:00Z">'
    )
    assert extract_html(article_page(head), source="x").date == dt.date(2014, 6, 23)


def test_url_date_only_when_the_markup_has_none(no_network):
    url = "https://news.example.com/2014/06/23/town-falls.html"
    undated = extract_html(article_page(), source=url, url=url)
    assert (undated.date, undated.date_source) == (dt.date(2014, 6, 23), "url")
    head = '<meta property="article:published_time" content="2014-06-24T07:00:00Z">'
    dated = extract_html(article_page(head), source=url, url=url)
    assert (dated.date, dated.date_source) == (dt.date(2014, 6, 24), "metadata")


def test_a_date_in_the_story_is_not_the_page_date(no_network):
    body = "Militants took the town on June 9, 2014, officials said."
    assert extract_html(article_page(body=body), source="x").date is None


def test_html_that_is_a_url_string_is_not_fetched(no_network):
    # htmldate downloads a string that looks like a URL; we hand it a parsed tree.
    import lxml.html

    tree = lxml.html.fromstring("<html><body><p>https://example.com/2014/06/22/story</p></body></html>")
    assert (page_date(tree).date, page_date(tree).source) == (None, None)


def test_page_without_text():
    with pytest.raises(InputError, match="no article text"):
        extract_html("<html><head><title>Empty</title></head><body><div> </div></body></html>", source="e.html")


def test_html_file_by_suffix_and_by_content(tmp_path):
    article = load_article(str(DATA / "followup-page.html"))
    assert (article.source, article.date_source) == (str(DATA / "followup-page.html"), "metadata")
    renamed = tmp_path / "story.txt"
    renamed.write_text(FOLLOWUP, encoding="utf-8")
    assert load_article(str(renamed)).title == "Iraqi Militants Tighten Grip on Syrian Border"


def test_given_date_overrides_the_page_date():
    article = load_article(str(DATA / "followup-page.html"), date=dt.date(2014, 6, 30))
    assert (article.date, article.date_source) == (dt.date(2014, 6, 30), "--date")


def test_dateline_in_a_page_without_metadata(no_network):
    body = "BAGHDAD, June 24, 2014 (Reuters) - Militants took the town on Sunday."
    article = load_article_html(article_page(body=body))
    assert (article.date, article.date_source) == (dt.date(2014, 6, 24), "dateline")
    assert article.text.startswith("Militants took the town on Sunday.")


def load_article_html(html: str):
    from summarize.inputs.loading import article_from_html

    return article_from_html(html, source="x.html")


def test_fetch_and_load_a_url():
    with serve({"/2014/06/23/story.html": page(FOLLOWUP)}) as base:
        url = base + "/2014/06/23/story.html"
        fetched = fetch_url(url, allow_private=True)
        article = load_article(url, allow_private_urls=True)
    assert fetched.body.decode() == FOLLOWUP and fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert (article.source, article.title) == (url, "Iraqi Militants Tighten Grip on Syrian Border")
    assert (article.date, article.date_source) == (dt.date(2014, 6, 23), "metadata")


def test_url_gives_the_date_of_an_undated_page():
    with serve({"/2014/06/25/story.html": page(article_page())}) as base:
        article = load_article(base + "/2014/06/25/story.html", allow_private_urls=True)
    assert (article.date, article.date_source) == (dt.date(2014, 6, 25), "url")


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (page("gone", status=404, content_type="text/plain"), r"could not fetch \(HTTP 404 Not Found\)"),
        (page("oops", status=500, content_type="text/plain"), r"could not fetch \(HTTP 500"),
        (page(b"\x89PNG\r\n", content_type="image/png"), r"could not fetch \(the page is image/png, not an article\)"),
        (page("x" * 2000), r"could not fetch \(larger than 0\.001 MB\)"),
        (page("bad", status=400, content_type="text/plain"), r"could not fetch \(HTTP 400 Bad Request\)$"),
        # A 3xx that is no redirect urllib follows is no redirect loop either.
        (page("choose", status=300, content_type="text/plain"), r"could not fetch \(HTTP 300 Multiple Choices\)$"),
        (page("<html></html>", delay=2.0), r"could not fetch \(timeout after 0\.5 s\)"),
    ],
)
def test_fetch_failures_are_one_clear_line(route, message):
    with serve({"/story": route}) as base, pytest.raises(InputError, match=message) as error:
        fetch_url(base + "/story", timeout=0.5, max_bytes=1000, allow_private=True)
    assert str(error.value).startswith(base + "/story: ")
    assert "\n" not in str(error.value)


@contextlib.contextmanager
def streamed(pieces: list[bytes], pause: float = 0.02):
    """A server that sends its page in ``pieces``, a pause between them, with no
    Content-Length (the body ends when the connection closes): only counting what
    arrives can tell its size."""

    class Stream(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for piece in pieces:
                    self.wfile.write(piece)
                    self.wfile.flush()
                    time.sleep(pause)
            except (BrokenPipeError, ConnectionResetError):  # the client stopped reading
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stream)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_without_content_length_is_measured_as_it_streams_in():
    # Thirty pieces of 100 bytes: each is a tenth of the 1,000-byte limit, the page is
    # three times over it. The pause keeps the pieces apart, a few to a network read.
    with streamed([b"<p>" + b"x" * 93 + b"</p>"] * 30) as url, pytest.raises(InputError) as error:
        fetch_url(url, max_bytes=1000, allow_private=True)
    assert str(error.value) == f"{url}: could not fetch (larger than 0.001 MB)"
    # Exactly the limit, in pieces, is not over it.
    with streamed([b"x" * 250] * 4) as url:
        assert fetch_url(url, max_bytes=1000, allow_private=True).body == b"x" * 1000


def test_a_page_of_exactly_the_limit_is_fetched():
    with serve({"/story": page("x" * 1000)}) as base:
        assert fetch_url(base + "/story", max_bytes=1000, allow_private=True).body == b"x" * 1000


@contextlib.contextmanager
def answering(write):
    """A server whose answer ``write(handler)`` writes by hand; the request's headers
    are kept in ``received``."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            received.append(self.headers)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                write(self)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story", received
    finally:
        server.shutdown()
        server.server_close()


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read():
    def twenty_megabytes(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "20000000")
        handler.end_headers()
        handler.wfile.write(b"<p>the start")
        handler.wfile.flush()
        time.sleep(3)  # the rest would take long: it is not waited for

    with answering(twenty_megabytes) as (url, _):
        start = time.monotonic()
        with pytest.raises(InputError) as error:
            fetch_url(url, timeout=2, allow_private=True)
        assert time.monotonic() - start < 1
    assert str(error.value) == f"{url}: could not fetch (larger than 10 MB)"


def test_a_fetch_says_who_it_is_and_what_it_takes():
    from summarize.inputs.web import USER_AGENT

    def story(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "9")
        handler.end_headers()
        handler.wfile.write(b"<p>hi</p>")

    with answering(story) as (url, received):
        fetch_url(url, allow_private=True)
    assert (received[0]["User-Agent"], received[0]["Accept"]) == (USER_AGENT, "text/html,*/*;q=0.5")


def test_a_malformed_url_is_a_url_refused_in_one_line():
    assert is_url("http://[bad/story.html") and is_url("http://[::1/story.html")
    with pytest.raises(InputError) as error:
        fetch_url("http://[bad/story.html")
    assert str(error.value) == "http://[bad/story.html: not a valid URL (Invalid IPv6 URL)"


def test_a_page_cut_off_midway_is_one_line():
    def cut_off(handler):  # the server dies after 10 of the 1,000 bytes it announced
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<p>the sta")

    with answering(cut_off) as (url, _), pytest.raises(InputError) as error:
        fetch_url(url, allow_private=True)
    assert str(error.value) == f"{url}: could not fetch (the connection closed after 10 of 1,000 bytes)"


def test_dead_url():
    url = dead_url()
    with pytest.raises(InputError, match=r"could not fetch \(connection refused\)"):
        fetch_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/story.txt", "http://"])
def test_only_http_and_https(url):
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(url)


def test_is_url_and_looks_like_html():
    assert is_url("https://example.com/a") and is_url("HTTP://example.com")
    assert not is_url("story.txt") and not is_url("file:///tmp/x") and not is_url("http:story")
    assert looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html(b"  <div><body><p>x</p></body></div>")
    assert not looks_like_html(b"BAGHDAD, June 24 (Reuters) - <html> is a tag name.")


def test_page_encodings(tmp_path):
    from summarize.inputs.web import decode_page

    cafe = "<p>Caf\u00e9 \u201cquotes\u201d</p>"
    assert decode_page(cafe.encode("utf-8")) == cafe
    assert decode_page(cafe.encode("cp1252")) == cafe  # no charset anywhere: Windows-1252
    declared = "<html><head><meta charset='iso-8859-7'></head><body><p>\u0391\u03b8\u03ae\u03bd\u03b1</p></body></html>"
    assert decode_page(declared.encode("iso-8859-7")) == declared
    assert decode_page(cafe.encode("utf-16-le"), "utf-16-le") == cafe  # the HTTP header wins
    assert decode_page(cafe.encode("utf-16")) == cafe  # a byte-order mark
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>")
    with pytest.raises(InputError, match="binary file"):
        load_article(str(tmp_path / "image.html"))


def test_page_metadata_wins_over_its_dateline(no_network):
    head = '<meta property="article:published_time" content="2014-06-25T01:10:00Z">'
    body = "BAGHDAD, June 24, 2014 (Reuters) - Militants took the town on Sunday."
    article = load_article_html(article_page(head, body=body))
    assert (article.date, article.date_source) == (dt.date(2014, 6, 25), "metadata")
    assert article.dateline == "BAGHDAD, June 24, 2014 (Reuters) -"
    assert article.text.startswith("Militants took the town on Sunday.")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "connection refused"),  # reads on after "could not fetch ("
        (OSError(0, "EOF occurred in violation of protocol"), "EOF occurred in violation of protocol"),  # an acronym
        (
            OSError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
        ),
        (ValueError("unknown url type:\n 'x'"), "unknown url type: 'x'"),  # one line
        (ValueError(), "ValueError"),  # no message: its kind
    ],
)
def test_why_a_fetch_failed_is_one_line_in_the_error_s_own_words(error, reason):
    from summarize.inputs.web import _reason

    assert _reason(error) == reason


def test_a_charset_is_read_from_the_first_4_kb_only():
    """A <meta charset> is looked for in the page's first 4,096 bytes, as browsers look
    in the first 1,024: past them a Greek page without one falls back to Windows-1252."""
    from summarize.inputs.web import decode_page

    meta = b'<meta charset="iso-8859-7">'
    greek = "<p>\u0391\u03b8\u03ae\u03bd\u03b1</p>"
    for last_byte, text in [(4096, greek), (4097, "<p>\u00c1\u00e8\u00de\u00ed\u00e1</p>")]:
        comment = b"<!--" + b"x" * (last_byte - len(meta) - 5) + b"-->"  # the charset's name ends at last_byte
        body = comment + meta + greek.encode("iso-8859-7")
        assert body.index(b'-7"') + 2 == last_byte
        assert decode_page(body).endswith(text)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>",
            "this is a binary file (a PNG image), not an article in text or HTML form",
        ),
        (b"<html>\x00\x01\x02\x03" * 10, "this is a binary file, not a web page"),
    ],
)
def test_a_page_that_is_no_text_is_named_in_its_error(body, message):
    from summarize.inputs.web import decode_page

    with pytest.raises(InputError) as error:
        decode_page(body)
    assert str(error.value) == f"page: {message}"
    with pytest.raises(InputError) as error:
        decode_page(body, source="https://example.com/a.html")
    assert str(error.value) == f"https://example.com/a.html: {message}"


@pytest.mark.parametrize(
    ("raw", "html"),
    [
        (b"<!DOCTYPE html><html><head><title>Town Falls</title></head></html>", True),  # <html> without <body>
        (b"\xef\xbb\xbf \t\r\n<body><p>x</p></body>", True),  # a byte-order mark and white space first
        (b"<p>A fragment of markup is text with tags in it.</p>", False),  # neither <html> nor <body>
        (b"X<html><body><p>x</p></body></html>", False),  # anything else first: text
        (b"<!--" + b"x" * (65536 - 11) + b"--><html><body>", False),  # "<html" ending on byte 65,537: past 64 KB
        (b"<!--" + b"x" * (65536 - 12) + b"--><html><body>", True),  # "<html" ending on byte 65,536
    ],
)
def test_what_looks_like_html(raw, html):
    assert looks_like_html(raw) is html


BUDGET = " ".join(["The council met on Monday and voted on the budget for the coming year after a long debate."] * 3)


def test_the_text_is_the_article_s_prose_without_tables_images_or_link_markup():
    html = (
        f"<html><head><title>Budget Vote | Town News</title></head><body><article><h1>Budget Vote</h1>"
        f"<p>{BUDGET}</p>"
        "<table><tr><td>Table cell words here about the vote</td><td>Another cell.</td></tr></table>"
        "<p>See <a href='https://example.com/budget'>the budget document</a> for details of the plan.</p>"
        "<img src='chart.png' alt='A chart of the spending'>"
        f"<p>{BUDGET}</p></article></body></html>"
    )
    article = extract_html(html, source="x.html")
    assert (article.title, article.text.split("\n\n")) == (
        "Budget Vote",
        [BUDGET, "See the budget document for details of the plan.", BUDGET],
    )


def test_a_page_without_a_title_has_none():
    article = extract_html(f"<html><body><p>{BUDGET}</p></body></html>", source="x.html")
    assert (article.title, article.text) == (None, BUDGET)


def test_page_bytes_are_decoded_by_their_charset_and_named_in_errors():
    greek = (
        "\u039f \u03b4\u03ae\u03bc\u03bf\u03c2 \u03c8\u03ae\u03c6\u03b9\u03c3\u03b5 \u03c4\u03bf\u03bd "
        "\u03c0\u03c1\u03bf\u03cb\u03c0\u03bf\u03bb\u03bf\u03b3\u03b9\u03c3\u03bc\u03cc \u03c4\u03b7\u03bd "
        "\u0394\u03b5\u03c5\u03c4\u03ad\u03c1\u03b1."
    )
    page = f"<html><head><meta charset='iso-8859-7'></head><body><p>{greek}</p></body></html>"
    assert extract_html(page.encode("iso-8859-7"), source="x.html").text == greek
    with pytest.raises(InputError) as error:
        extract_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>", source="x.html")
    assert str(error.value) == "x.html: this is a binary file (a PNG image), not an article in text or HTML form"
    with pytest.raises(InputError) as error:
        extract_html("  ", source="x.html")
    assert str(error.value) == "x.html: not a readable HTML page (Document is empty)"


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The council met today.", True),  # four words and a full stop
        ("The council met.", False),  # three
        ("Home News Sport World\n\nIt rained.", False),  # a paragraph ends a sentence
        ("Breaking news update\nThe council met on Monday to vote.", True),  # a fragment, then prose
        ("\u5e02\u8bae\u4f1a\u5468\u4e00\u5f00\u4f1a\u8868\u51b3\u4e86\u9884\u7b97\u3002", True),  # 12 CJK letters
        ("\u5e02\u8bae\u4f1a\u5468\u4e00\u5f00\u4f1a\u8868\u51b3\u9884\u7b97\u3002", False),  # 11
    ],
)
def test_what_counts_as_a_sentence_of_prose(text, prose):
    from summarize.inputs.web import has_prose

    assert has_prose(text) is prose


class _ReadWhole:
    """A response whose reads bring ``chunks`` and then the end, all that its
    Content-Length promised (``length`` 0, as http.client counts it down)."""

    length = 0

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks

    def read1(self, size: int = -1) -> bytes:
        return self.chunks.pop(0) if self.chunks else b""


def test_bytes_read_after_the_deadline_are_a_timeout_before_the_timer_fires_inputs():
    """The deadline passing ends the fetch whether or not its timer has yet marked the
    policy expired and shut the socket: the last bytes of a page arriving after it
    are a timeout, not the page."""
    from summarize.inputs import netguard
    from summarize.inputs.web import _read_body

    url = "https://news.example.com/2014/06/22/story"
    late = netguard.FetchPolicy(timeout=0.0)  # the deadline is now; no socket watched, so no timer
    with pytest.raises(InputError) as error:
        _read_body(_ReadWhole([b"<p>Rebels took the crossing.</p>"]), url, late, 1000)
    assert (late.expired, str(error.value)) == (False, f"{url}: could not fetch (timeout after 0 s)")
    in_time = netguard.FetchPolicy(timeout=60.0)
    body = _read_body(_ReadWhole([b"<p>Rebels took ", b"the crossing.</p>"]), url, in_time, 1000)
    assert body == b"<p>Rebels took the crossing.</p>"
