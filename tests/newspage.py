"""Invented news pages for the web tests, marked up the way news sites mark them up.

A page has what a real one has around its story: a site header with navigation, the
article (headline, byline, a photo with its caption and credit, the paragraphs), a
rail of other stories with their own dates, a newsletter box, a footer, and in the
head the meta tags and JSON-LD that date it. Each test changes the part it is about
and keeps the rest, so a fix that removes furniture is seen to keep the story.

The story and every name in it are made up.
"""

from __future__ import annotations

import html
import json

TITLE = "Harbor Bridge to Close for Two Years of Repairs"

# Sentences of the story: each test asserts that they survive extraction.
STORY = (
    "The city council voted on Tuesday to close the Harbor Bridge to traffic after engineers found "
    "cracks in its main span.",
    "Repairs are expected to take two years and cost about 40 million dollars, the council said.",
    "Ferry services will run every twenty minutes while the bridge is closed, according to the port authority.",
    "Shop owners on the east bank said they feared losing customers during the works.",
    "The bridge was last closed for repairs in 1998, when a storm damaged its lighting.",
)

SITE_HEADER = (
    '<header class="site-header" role="banner"><a class="logo" href="/">The Riverside Courier</a>'
    '<nav class="main-nav" aria-label="Sections"><ul><li><a href="/news">News</a></li>'
    '<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>'
    '<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>'
)

SITE_FOOTER = (
    '<footer class="site-footer" role="contentinfo"><ul><li><a href="/about">About us</a></li>'
    '<li><a href="/privacy">Privacy policy</a></li></ul>'
    "<p>&copy; 2020 The Riverside Courier. All rights reserved.</p></footer>"
)

# Other stories in a rail beside the article, each with its own date: never the page's.
RELATED_RAIL = (
    '<aside class="related-stories"><h2>More from News</h2><ul>'
    '<li><a href="/news/2019/03/03/ferry-fares">Ferry fares to rise in spring</a><p class="date">March 3, 2019</p></li>'
    '<li><a href="/news/2019/05/11/market">Night market returns to the quay</a>'
    '<time datetime="2019-05-11T08:00:00Z">May 11, 2019</time></li></ul></aside>'
)


def paragraphs(sentences: tuple[str, ...] = STORY) -> str:
    return "".join(f"<p>{html.escape(sentence, quote=False)}</p>" for sentence in sentences)


def json_ld(**fields: object) -> str:
    """A JSON-LD script of a NewsArticle with ``fields`` (datePublished=..., ...)."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE, **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def news_page(
    *,
    head: str = "",
    body: str | None = None,
    top: str = "",
    bottom: str = "",
    rail: str = RELATED_RAIL,
    title: str = TITLE,
    body_class: str = "article-page",
) -> str:
    """A whole page: ``head`` is added to the <head>; ``body`` replaces the story's
    paragraphs; ``top`` goes above them in the article (after the byline), ``bottom``
    below them; ``rail`` is the aside beside the article; ``body_class`` the class of
    the <body>, as templates set it."""
    story = paragraphs() if body is None else body
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | The Riverside Courier</title>"
        f'<meta property="og:title" content="{html.escape(title)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'{head}</head><body class="{body_class}">{SITE_HEADER}'
        '<main id="main"><article class="story">'
        f'<header class="story-header"><h1 class="headline">{html.escape(title)}</h1></header>'
        f'<div class="story-body">{top}{story}{bottom}</div></article>{rail}</main>'
        f"{SITE_FOOTER}</body></html>"
    )
