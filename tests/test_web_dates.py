"""The page's publication date: from its markup (JSON-LD, meta tags, the article's
own <time>), dated where it was published, never from another story on the page."""

import datetime as dt
import json

import pytest

from newspage import RELATED_RAIL, STORY, json_ld, news_page, paragraphs
from summarize.inputs.loading import article_from_html

FEB_24 = dt.date(2020, 2, 24)
FEB_25 = dt.date(2020, 2, 25)
FEB_27 = dt.date(2020, 2, 27)


def meta(name: str, value: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{name}" content="{value}">'


GRAPH = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebPage", "datePublished": "2020-03-01T10:00:00Z"},'
    '{"@type": ["NewsArticle", "Article"], "datePublished": "2020-02-24T09:00:00-05:00"}]}</script>'
)
ITEM_LIST = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ItemList", '
    '"itemListElement": [{"@type": "NewsArticle", "datePublished": "2019-03-03T08:00:00Z"}]}</script>'
)
HEADER_TIME = '<p class="story-meta">Published <time datetime="2020-02-24T21:25:54-05:00">Feb 24, 2020</time></p>'
UPDATED_FIRST = (
    '<p class="story-meta">Updated <time class="updated" datetime="2020-02-27T08:00:00-05:00">Feb 27'
    '</time>, first published <time pubdate datetime="2020-02-24T21:25:54-05:00">Feb 24</time></p>'
)
# The same sidebar as a plain <div>, no <aside>: its class says what it is.
DIV_RAIL = (
    '<div class="right-rail"><h2>Most read</h2><ul><li><a href="/a">Ferry fares to rise</a>'
    '<p class="date">March 3, 2019</p></li></ul></div>'
)

# (case, <head> additions, article top, rail, URL, expected date, expected source)
CASES = [
    (
        "an offset is the day where it was published",
        meta("article:published_time", "2020-02-24T21:25:54-05:00"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    (
        "the same in JSON-LD",
        json_ld(datePublished="2020-02-24T21:25:54-05:00"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    (
        "a UTC copy of the same moment does not move the day",
        meta("article:published_time", "2020-02-25T02:25:54Z") + json_ld(datePublished="2020-02-24T21:25:54-05:00"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    (
        "the local offset wins among meta tags of the same moment",
        meta("article:published_time", "2020-02-25T02:25:54+00:00")
        + meta("pubdate", "2020-02-24T21:25:54-05:00", "name"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    (
        "UTC alone is all there is",
        meta("article:published_time", "2020-02-25T02:25:54Z"),
        "",
        RELATED_RAIL,
        None,
        FEB_25,
        "metadata",
    ),
    (
        "a date that is not ISO",
        meta("pubdate", "February 24, 2020 9:25 PM ET", "name"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    ("the article object of a JSON-LD graph, not the WebPage", GRAPH, "", RELATED_RAIL, None, FEB_24, "metadata"),
    ("the article's own <time>", "", HEADER_TIME, RELATED_RAIL, None, FEB_24, "metadata"),
    ("the first publication, not the update", "", UPDATED_FIRST, RELATED_RAIL, None, FEB_24, "metadata"),
    (
        "a meta name only htmldate knows",
        meta("displaydate", "2020-02-24", "name"),
        "",
        RELATED_RAIL,
        None,
        FEB_24,
        "metadata",
    ),
    ("no metadata: the <aside>'s other stories do not date it", "", "", RELATED_RAIL, None, None, None),
    ("no metadata: nor a rail marked by its class", "", "", DIV_RAIL, None, None, None),
    ("no metadata: nor JSON-LD of other stories", ITEM_LIST, "", RELATED_RAIL, None, None, None),
    (
        "no metadata: the URL dates it",
        "",
        "",
        RELATED_RAIL,
        "https://news.example.com/2020/02/24/harbor-bridge",
        FEB_24,
        "url",
    ),
    (
        "an expiry date is no publication date",
        meta("article:published_time", "2099-01-01T00:00:00Z"),
        "",
        RELATED_RAIL,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("head", "top", "rail", "url", "date", "source"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_page_date(head, top, rail, url, date, source):
    article = article_from_html(news_page(head=head, top=top, rail=rail), source="page.html", url=url)
    assert (article.date, article.date_source) == (date, source)
    assert article.notes == ()
    assert article.text.split("\n\n") == list(STORY)


@pytest.mark.parametrize(
    "body",
    [
        # A time stamp in the story's text is what the story says, not when it was published.
        "<p>The council met at 2020-02-24 21:25 and voted to close the bridge for repairs.</p>" + paragraphs(),
        "<p>On February 24, 2020, the council voted to close the bridge for repairs.</p>" + paragraphs(),
    ],
)
def test_a_date_in_the_text_does_not_date_the_page(body):
    assert article_from_html(news_page(body=body), source="page.html").date is None


DISAGREEING = [
    (
        "meta tag a day later than the article's JSON-LD",
        meta("article:published_time", "2020-02-27T10:00:00Z") + json_ld(datePublished="2020-02-24T21:25:54-05:00"),
        FEB_24,
        "page.html: the page's metadata disagree on its date: the JSON-LD datePublished of its NewsArticle "
        "says Mon 24 Feb 2020, meta article:published_time says Thu 27 Feb 2020; the article's own "
        "datePublished is used.",
    ),
    (
        "meta tags alone",
        meta("article:published_time", "2020-02-24T10:00:00Z") + meta("date", "2020-02-27", "name"),
        FEB_24,
        "page.html: the page's metadata disagree on its date: meta article:published_time says Mon 24 Feb "
        "2020, meta date says Thu 27 Feb 2020; the first is used.",
    ),
]


@pytest.mark.parametrize(
    ("head", "date", "note"), [case[1:] for case in DISAGREEING], ids=[case[0] for case in DISAGREEING]
)
def test_disagreeing_metadata_are_noted(head, date, note):
    article = article_from_html(news_page(head=head), source="page.html")
    assert (article.date, article.date_source, article.notes) == (date, "metadata", (note,))
    given = article_from_html(news_page(head=head), source="page.html", date=FEB_27)
    assert given.notes == ()  # a date given for the article is not the page's to dispute


def test_the_note_reaches_the_briefing(tmp_path, capsys):
    from summarize import cli

    path = tmp_path / "page.html"
    path.write_text(news_page(head=DISAGREEING[0][1]), encoding="utf-8")
    assert cli.main(["brief", str(path), "--format", "json"]) == 0
    briefing = json.loads(capsys.readouterr().out)
    assert [note for note in briefing["notes"] if "disagree" in note] == [
        DISAGREEING[0][3].replace("page.html", str(path))
    ]


def test_the_story_s_containers_are_no_sidebar_whatever_their_class():
    # WordPress marks the <body> of a page with a sidebar "has-sidebar"; the <time>
    # in the article's header is still the article's own. A card of another story,
    # an <article> in the rail, is not.
    card = (
        '<aside class="rail"><article class="card"><h3>Ferry fares to rise</h3>'
        '<time datetime="2019-03-03T08:00:00Z">March 3, 2019</time></article></aside>'
    )
    page = news_page(top=HEADER_TIME, rail=card, body_class="post-template-default single has-sidebar")
    assert article_from_html(page, source="page.html").date == FEB_24
    assert article_from_html(news_page(rail=card, body_class="has-sidebar"), source="page.html").date is None
