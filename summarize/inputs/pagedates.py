"""The publication date of a news page, from its markup, never from its text.

Where a page says when it was published, in order of trust:

1. the ``datePublished`` of the article object in its JSON-LD (a NewsArticle, a
   BlogPosting...: ``pagemarkup.ARTICLE_TYPES``; not the WebPage's, not those of an
   ItemList of other stories);
2. its <meta> tags (``pagemarkup.PUBLISHED_META``: article:published_time, pubdate,
   Dublin Core...);
3. the article's own <time datetime> or ``itemprop="datePublished"`` element: the
   one in the <article> that holds the headline, never one in a rail of other
   stories, an <aside> or the navigation (``pagecleaning.in_other_stories``), nor one
   marked as the "updated" time;
4. failing those, htmldate on the <head> alone, for the meta names it knows and we
   do not list.

A date the text mentions is not the page's date: "<p class="date">March 3, 2019</p>"
under another story's link in a sidebar is what htmldate took for one. A date in
the body text is at most a dateline, which ``datelines.py`` reads and says so.

A time with an offset is dated where it was published: 2020-02-24T21:25:54-05:00 is
the 24th, though it is the 25th in UTC. A page that gives the same moment twice,
once in UTC and once with its local offset, is dated by the local one. When the
markup gives different days, the most trusted wins and a note says what disagreed:
the JSON-LD of the article is written with the article, where a template's meta tag
may carry the time the page was generated or a UTC day.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .pagecleaning import article_root, attribute_words, in_other_stories, story_path
from .pagemarkup import (
    ARTICLE_TYPES,
    JSON_LD_CONTAINERS,
    JSON_LD_DATES,
    MODIFIED_WORDS,
    PUBLISHED_META,
)

if TYPE_CHECKING:  # lxml is imported where a page is read, not with this module
    from lxml.html import HtmlElement

# Publication dates before this year, or after tomorrow, are a template's default or
# an expiry date, not when a news page was published.
EARLIEST_YEAR = 1900

# "2020-02-24", "2020-02-24T21:25:54.000-05:00": the day, the clock, the offset.
_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"
)


@dataclass(frozen=True)
class DateClaim:
    """A date the markup gives for the page: the day as written (in its own time
    zone), the moment when the value has a time and an offset, and where it is
    ("meta article:published_time")."""

    date: dt.date
    moment: dt.datetime | None
    where: str

    @property
    def utc(self) -> bool:
        return self.moment is not None and self.moment.utcoffset() == dt.timedelta(0)


@dataclass(frozen=True)
class PageDate:
    """The page's date (None when the markup gives none), where it came from
    ("metadata" or "url"), and a note when the markup disagreed."""

    date: dt.date | None
    source: str | None
    note: str | None = None


def page_date(tree: HtmlElement, url: str | None = None, *, name: str = "the page") -> PageDate:
    """The publication date of a parsed page (the module docstring says from where);
    a date in ``url`` (/2014/06/23/) when the markup has none. ``name`` names the
    page in a note."""
    claims = date_claims(tree)
    if not claims:
        found = _htmldate(tree, url="")
        if found:
            return PageDate(found, "metadata")
        found = _htmldate(tree, url=url) if url else None
        return PageDate(found, "url") if found else PageDate(None, None)
    best = claims[0]
    chosen = best.date
    if best.utc:  # the same moment with the offset of where it was published
        local = next((c for c in claims if c.moment == best.moment and not c.utc and c.moment is not None), None)
        if local is not None:
            chosen = local.date
    others: dict[dt.date, str] = {}
    for claim in claims[1:]:
        same_moment = claim.moment is not None and claim.moment == best.moment
        if claim.date != chosen and not same_moment:
            others.setdefault(claim.date, claim.where)
    note = None
    if others:
        said = ", ".join(f"{where} says {day:%a %-d %b %Y}" for day, where in others.items())
        own = best.where.startswith("the JSON-LD")
        used = "the article's own datePublished is used" if own else "the first is used"
        note = (
            f"{name}: the page's metadata disagree on its date: {best.where} says {chosen:%a %-d %b %Y}, "
            f"{said}; {used}."
        )
    return PageDate(chosen, "metadata", note)


def date_claims(tree: HtmlElement) -> list[DateClaim]:
    """Every publication date the markup gives, most trusted first."""
    containers = story_path(tree)
    return [*_json_ld_claims(tree, containers), *_meta_claims(tree, containers), *_element_claims(tree, containers)]


def read_date(value: str) -> tuple[dt.date, dt.datetime | None] | None:
    """The day ``value`` gives as written, and the moment if it has a time and an
    offset: "2020-02-24T21:25:54-05:00" -> 24 Feb 2020 (not the 25th of UTC)."""
    value = value.strip()
    if not value or len(value) > 100:
        return None
    match = _ISO.match(value)
    if match:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        moment = None
        if match[4] and match[7]:
            try:
                moment = dt.datetime.fromisoformat(value.replace(" ", "T", 1).replace(",", "."))
            except ValueError:
                moment = None
        return (day, moment) if _plausible(day) else None
    import dateparser  # only for the rare value that is not ISO 8601: it takes a moment to load

    data = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
            "PARSERS": ["absolute-time"],
        },
    ).get_date_data(value)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    day = data.date_obj.date()
    return (day, None) if _plausible(day) else None


def _plausible(day: dt.date) -> bool:
    return day.year >= EARLIEST_YEAR and day <= dt.date.today() + dt.timedelta(days=1)


def _claim(value: str | None, where: str) -> list[DateClaim]:
    read = read_date(value) if isinstance(value, str) else None
    return [DateClaim(read[0], read[1], where)] if read else []


def _json_ld_claims(tree: HtmlElement, containers: frozenset) -> list[DateClaim]:
    claims: list[DateClaim] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or in_other_stories(script, containers):
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for article in _articles(data):
            kind = (
                article["@type"]
                if isinstance(article["@type"], str)
                else next(t for t in article["@type"] if t in ARTICLE_TYPES)
            )
            for key in JSON_LD_DATES:
                found = _claim(article.get(key), f"the JSON-LD {key} of its {kind}")
                if found:
                    claims += found
                    break
    return claims[:1]  # the first article object is the page's; later ones are parts or other stories


def _articles(data: object, depth: int = 0) -> list[dict]:
    """The article objects of a JSON-LD document: at its top, in a list, in @graph
    or mainEntity; not deeper (an ItemList's articles are other stories)."""
    if depth > 4:
        return []
    if isinstance(data, list):
        return [found for item in data for found in _articles(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    types = data.get("@type")
    types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    found = [data] if any(t in ARTICLE_TYPES for t in types if isinstance(t, str)) else []
    for key in JSON_LD_CONTAINERS:
        if key in data:
            found += _articles(data[key], depth + 1)
    return found


def _meta_claims(tree: HtmlElement, containers: frozenset) -> list[DateClaim]:
    found: dict[str, list[DateClaim]] = {}
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in PUBLISHED_META and key not in found and not in_other_stories(meta, containers):
                found[key] = _claim(meta.get("content"), f"meta {key}")
    return [claim for key in PUBLISHED_META for claim in found.get(key, [])]


def _element_claims(tree: HtmlElement, containers: frozenset) -> list[DateClaim]:
    """The article's own <time> or itemprop="datePublished" element: one marked as the
    publication first, else the first <time> of the article that holds the headline."""
    first_time = None
    for element in article_root(tree).iter():
        if not isinstance(element.tag, str) or element.tag == "meta":
            continue
        itemprop = (element.get("itemprop") or "").strip()
        if element.tag != "time" and itemprop != "datePublished":
            continue
        marked = itemprop == "datePublished" or element.get("pubdate") is not None
        if not marked and first_time is not None:
            continue  # only the first plain <time> counts: no need to look at the others
        words = attribute_words(f"{element.get('class') or ''} {itemprop}")
        if any(word in words for word in MODIFIED_WORDS) or in_other_stories(element, containers):
            continue
        value = element.get("datetime") or element.get("content") or element.text_content()
        if marked:
            claims = _claim(value, "itemprop datePublished" if itemprop else "the <time pubdate> of the article")
            if claims:
                return claims
        else:
            first_time = value
    return _claim(first_time, "the <time> of the article") if first_time is not None else []


def _htmldate(tree: HtmlElement, *, url: str | None) -> dt.date | None:
    """htmldate on the page's <head> only (its meta tags and title), without the
    JSON-LD already read: what it finds in the body may be any story's date. With
    ``url``, a date in the URL."""
    import lxml.html
    from htmldate import find_date

    head = tree.find(".//head")
    page = lxml.html.fromstring("<html></html>")
    if head is not None:
        head = copy.deepcopy(head)
        for script in head.findall(".//script"):
            script.getparent().remove(script)
        page.append(head)
    found = find_date(page, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return dt.date.fromisoformat(found) if found else None
