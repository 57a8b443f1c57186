"""Web articles: fetching from a local server, extraction, the page date and its source."""

import datetime as dt
import socket
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
    paragraphs = "".join(f"<p>{body} Residents described heavy fighting in the streets overnight.</p>" for _ in range(3))
    return (f"<!DOCTYPE html><html><head><title>Town Falls | Site</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Town Falls</h1>{paragraphs}</article></body></html>")


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
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2014-06-23T07:00:00Z"}</script>'
    assert extract_html(article_page(head), source="x").date == dt.date(2014, 6, 23)


def test_publication_date_wins_over_a_later_update(no_network):
    head = ('<meta property="article:published_time" content="2014-06-23T07:00:00Z">'
            '<meta property="article:modified_time" content="2014-07-02T07:00:00Z">')
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
        (page("<html></html>", delay=2.0), r"could not fetch \(timeout after 0\.5 s\)"),
    ],
)
def test_fetch_failures_are_one_clear_line(route, message):
    with serve({"/story": route}) as base, pytest.raises(InputError, match=message) as error:
        fetch_url(base + "/story", timeout=0.5, max_bytes=1000, allow_private=True)
    assert str(error.value).startswith(base + "/story: ")
    assert "\n" not in str(error.value)


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
    declared = ("<html><head><meta charset='iso-8859-7'></head><body><p>\u0391\u03b8\u03ae\u03bd\u03b1</p>"
                "</body></html>")
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
