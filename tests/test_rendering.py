"""Rendering as a reader sees it: every format shows title, source, date, summary and the
timeline; fuzzy dates look different; the HTML is valid HTML5, the Markdown renders
as intended through a CommonMark renderer. The JSON formats are tested in
test_rendering_documents.py, the template context, users' templates and the command
line's rendering flags in test_rendering_templates.py."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
import yaml
from markdown_it import MarkdownIt

from briefings import FOLLOWUP_DATELINE_SOURCE, FOLLOWUP_PAGE_SOURCE, SAMPLE_SOURCE
from rendered import (
    AL_WALID,
    HEADLINES,
    JUNE_9,
    KEYDATE_LABELS,
    LABELS,
    OVERVIEW_START,
    QUOTE,
    REFERENCE_TITLES,
    TITLE,
    markdown_dom,
    parse_html,
    reading_text,
    visible_text,
)
from summarize.models import Summary
from summarize.rendering import FORMATS, briefing_context, render
from summarize.rendering.sandbox import _markdown_escape

# --- every format shows the whole briefing, in order ---------------------------------


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_reading_order_is_title_source_date_summary_then_timeline(format, dated):
    text = reading_text(format, dated)
    lowered = text.lower()
    expected = [
        TITLE,
        SAMPLE_SOURCE,
        "Sun 22 Jun 2014",
        "Militants killed 21 leaders in the western Iraq towns",
        "Timeline",
    ]
    for label, headline in zip(LABELS, HEADLINES):
        expected += [label, headline]
    at = 0
    for piece in expected:  # each one found after the one before (str.index raises if not)
        at = lowered.index(piece.lower(), at) + len(piece)


@pytest.mark.parametrize("format", FORMATS)
def test_quotes_only_on_demand(format, dated):
    if format == "json":  # the documented schema always carries the sentence
        assert QUOTE in render(dated, format)
        return
    assert QUOTE not in reading_text(format, dated)
    assert QUOTE in reading_text(format, dated, quotes=True)


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "timelinejs"])
def test_undated_article_says_so(format, undated):
    text = reading_text(format, undated)
    assert "date unknown" in text
    assert "Saturday (date unknown)" in text


def test_several_articles_each_get_title_source_and_summary(dated):
    second = replace(
        dated.articles[0],
        article=replace(dated.articles[0].article, source="wire/second.txt", title="Second Story"),
        summary=replace(dated.articles[0].summary, text="The second summary."),
    )
    briefing = replace(dated, articles=(dated.articles[0], second))
    for format in FORMATS:
        text = reading_text(format, briefing)
        for piece in (TITLE, SAMPLE_SOURCE, "Second Story", "wire/second.txt", "The second summary."):
            assert piece in text, (format, piece)
    # The briefing is titled as a whole; each article under its own title.
    assert visible_text(parse_html(render(briefing, "html")).find(".//h1")) == "Briefing"
    assert visible_text(parse_html(render(briefing, "email"), fragment=True).find(".//h1")) == "Briefing"
    assert render(briefing, "markdown").startswith("# Briefing\n\n## " + TITLE)
    assert render(briefing, "text").startswith("BRIEFING\n")
    assert json.loads(render(briefing, "timelinejs"))["title"]["text"]["headline"] == "Briefing"
    front = render(briefing, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(front)["sources"] == [SAMPLE_SOURCE, "wire/second.txt"]


def test_an_article_without_title_or_date_never_shows_none(undated):
    article = replace(undated.articles[0].article, title=None)
    briefing = replace(undated, articles=(replace(undated.articles[0], article=article),))
    for format in FORMATS:
        if format == "timelinejs":
            continue  # refused without any year (see above)
        output = render(briefing, format, quotes=True, front_matter=True)
        assert "None" not in output, format
        assert "Briefing" in output or "BRIEFING" in output or format == "json"


# --- fuzzy and relative dates look different ----------------------------------------


def test_page_marks_each_event_with_its_precision(dated, undated):
    for briefing, expected in [(dated, ["approximate"] * 2 + ["exact"] * 4), (undated, ["relative"] * 6)]:
        items = parse_html(render(briefing, "html")).findall(".//ol[@class='timeline']/li")
        assert [item.get("class").split()[1] for item in items] == expected


def test_page_time_elements_carry_datetime_only_when_known(dated, undated):
    page = parse_html(render(dated, "html"))
    assert [t.get("datetime") for t in page.findall(".//li/time")] == [
        "2014-01",
        "2014-06-09",
        "2014-06-21",
        "2014-06-21",
        "2014-06-22",
        "2014-06-22",
    ]
    undated_page = parse_html(render(undated, "html"))
    assert undated_page.findall(".//li/time") == []
    assert len(undated_page.findall(".//li/span[@class='date']")) == 6


def test_email_marker_and_style_differ_by_precision(dated):
    table = parse_html(render(dated, "email"), fragment=True)
    markers = ["".join(td.itertext()) for td in table.iter("td") if "marker" in (td.get("class") or "")]
    assert markers == ["\u25cb", "\u25cb", "\u25cf", "\u25cf", "\u25cf", "\u25cf"]
    dates = [p for p in table.iter("p") if "date" in (p.get("class") or "").split()]
    assert ["font-style: italic" in p.get("style") for p in dates] == [True, True, False, False, False, False]
    # Without styles, the markup itself still tells them apart.
    assert [p[0].tag for p in dates] == ["em", "em", "strong", "strong", "strong", "strong"]


def test_markdown_exact_dates_bold_others_italic(dated):
    items = markdown_dom(render(dated, "markdown")).findall(".//ul/li")
    assert [(item[0].tag, item[0].text) for item in items] == [("em", LABELS[0]), ("em", LABELS[1])] + [
        ("strong", label) for label in LABELS[2:]
    ]


def test_text_markers(dated, undated):
    lines = [line for line in render(dated, "text").splitlines() if line[2:] in LABELS]
    assert [line[:2] for line in lines] == ["~ ", "~ ", "* ", "* ", "* ", "* "]
    assert all(line.startswith("? ") for line in render(undated, "text").splitlines() if "(date unknown)" in line)


def test_text_lines_fit_a_plain_text_email(dated):
    assert max(len(line) for line in render(dated, "text", quotes=True).splitlines()) <= 72


def test_text_never_splits_a_hyphenated_name(dated):
    hyphenated = replace(dated.timeline.events[0], headline="Fighters entered al-Qaim and " * 12)
    briefing = replace(dated, timeline=replace(dated.timeline, events=(hyphenated,)))
    output = render(briefing, "text", quotes=True)
    assert output.count("al-Qaim") == 12
    assert not any(line.rstrip().endswith("-") for line in output.splitlines() if line.strip() != "--")


@pytest.mark.parametrize("format", ["text", "markdown", "html", "email"])
def test_a_range_shows_its_label(ranged, format):
    rendered = render(ranged, format)
    assert "Mon 9 to Sun 22 Jun 2014" in rendered
    if format == "text":
        assert any(line.endswith("Mon 9 to Sun 22 Jun 2014") for line in rendered.splitlines())
    if format == "html":  # the machine-readable date is where the range starts
        assert '<time class="date" datetime="2014-06-09">Mon 9 to Sun 22 Jun 2014</time>' in rendered


# --- HTML5 validity, accessibility, no network --------------------------------------


@pytest.mark.parametrize("quotes", [False, True])
def test_page_is_valid_accessible_html5(dated, quotes):
    output = render(dated, "html", quotes=quotes)
    page = parse_html(output)  # strict: raises on any parse error
    assert output.startswith("<!DOCTYPE html>")
    assert page.get("lang") == "en"
    body = page.find("body")
    assert [child.tag for child in body if child.tag in ("header", "main", "footer")] == ["header", "main", "footer"]
    assert len(page.findall(".//h1")) == 1
    assert page.find(".//ol[@class='timeline']") is not None
    assert page.find(".//meta[@name='viewport']") is not None
    assert "@media print" in page.find(".//style").text
    # Nothing that could load from the network, and a policy forbidding it.
    assert not re.search(r"\b(src|href)=\"(?!#)", output)
    assert "@import" not in output and "url(" not in output
    policy = page.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy


@pytest.mark.parametrize("briefing_name", ["dated", "undated"])
def test_email_is_a_valid_inlined_600px_table_without_scripts(briefing_name, request):
    output = render(request.getfixturevalue(briefing_name), "email", quotes=True)
    fragment = parse_html(output, fragment=True)
    table = fragment.find("table")
    assert table.get("width") == "600" and "max-width: 600px" in table.get("style")
    assert fragment.findall(".//script") == [] and "<link" not in output and "<img" not in output
    assert not re.search(r"\s(src|href)=", output)
    # css-inline put the rules on the elements; only the dark-mode query stays in <style>.
    assert all(element.get("style") for element in fragment.iter() if element.get("class") and element.tag != "tbody")
    style = fragment.find("style").text
    assert "prefers-color-scheme: dark" in style and "!important" in style
    assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}", "", style).strip() == ""


def test_email_reads_in_order_without_styles(dated):
    """A client that strips styles and tables still shows headings and paragraphs in order."""
    fragment = parse_html(render(dated, "email"), fragment=True)
    blocks = [(element.tag, visible_text(element)) for element in fragment.iter() if element.tag in ("h1", "h2", "p")]
    assert blocks[1] == ("h1", TITLE)
    assert [tag for tag, _ in blocks].count("h2") == 2
    assert blocks.index(("h2", "Summary")) < blocks.index(("h2", "Timeline"))
    dates = [text for tag, text in blocks if text in LABELS]
    assert dates == LABELS


# --- Markdown through a CommonMark renderer -----------------------------------------


def test_markdown_structure_through_commonmark(dated):
    dom = markdown_dom(render(dated, "markdown", quotes=True))
    assert visible_text(dom.find(".//h1")) == TITLE
    assert [visible_text(h) for h in dom.findall(".//h2")] == ["Timeline"]
    items = dom.findall(".//ul/li")
    assert len(items) == 6
    assert [visible_text(item.find("blockquote")) for item in items][3] == QUOTE
    assert dom.find(".//script") is None


def test_markdown_front_matter_is_yaml(dated, undated):
    output = render(dated, "markdown", front_matter=True)
    assert output.startswith("---\n")
    header, body = output[4:].split("\n---\n", 1)
    assert yaml.safe_load(header) == {
        "title": TITLE,
        "date": "2014-06-22",
        "source": SAMPLE_SOURCE,
        "anchored": True,
        "generator": briefing_context(dated)["generator"],
    }
    assert body.lstrip().startswith("# " + TITLE)
    undated_header = render(undated, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(undated_header)["date"] is None
    assert not render(dated, "markdown").startswith("---")


@pytest.mark.parametrize(
    "text",
    [
        "*bold* _it_ `code` [link](http://x) ![img](http://x/i.png) <b>raw</b> &amp; | a | ~~s~~",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list",
        "+ plus",
        "=== ---",
        "back\\slash \\*",
        "line\nbreak\n\n# heading",
    ],
)
def test_markdown_escape_renders_as_the_same_text(text):
    rendered = MarkdownIt("commonmark", {"html": True}).render(_markdown_escape(text))
    dom = parse_html(f"<div>{rendered}</div>", fragment=True)
    assert [child.tag for child in dom.find("div")] == ["p"]  # one plain paragraph...
    assert list(dom.find("div/p")) == []  # ...with no markup inside
    assert visible_text(dom) == " ".join(text.split())


# --- Key-date briefings ----------------------------------------------------------------


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_keydate_reading_order_overview_timeline_references(format, keydates):
    """The overview, then the timeline date by date, then the references, last."""
    text = reading_text(format, keydates).lower()
    expected = [
        "Overview",
        OVERVIEW_START,
        "[1]",
        "Timeline",
        "The timeline shows at most 3 key dates",
        KEYDATE_LABELS[0],
        JUNE_9,
        "[1][2]",
        KEYDATE_LABELS[1],
        AL_WALID,
        "[1][2][3]",
        KEYDATE_LABELS[2],
        "References",
        *REFERENCE_TITLES[:2],
        FOLLOWUP_PAGE_SOURCE,
    ]
    at = 0
    for piece in expected:  # each one found after the one before (str.index raises if not)
        at = text.index(piece.lower(), at) + len(piece)
    # Nothing but the references (and the footer) after the heading.
    tail = text[text.index("references") :]
    assert "timeline" not in tail and "overview" not in tail


@pytest.mark.parametrize("format", ["html", "email", "text", "markdown"])
def test_keydate_briefing_shows_no_summaries(format, keydates):
    text = reading_text(format, keydates)
    assert "Summary" not in text and "SUMMARY" not in text
    assert "None" not in render(keydates, format)
    # An article's summary, when there is one, is still shown.
    item = replace(keydates.articles[1], summary=Summary(text="A summary of the page.", method="extractive: MiniLM"))
    briefing = replace(keydates, articles=(keydates.articles[0], item, keydates.articles[2]))
    assert "A summary of the page." in reading_text(format, briefing)


def test_keydate_page_links_every_marker_to_its_reference(keydates):
    output = render(keydates, "html")
    page = parse_html(output)  # strict: raises on any parse error
    assert [visible_text(h) for h in page.findall(".//h2")] == ["Overview", "Timeline", "References"]
    items = page.findall(".//ol[@class='timeline key-dates']/li")
    assert [visible_text(item.find("time")) for item in items] == KEYDATE_LABELS
    assert [item.find("time").get("datetime") for item in items] == ["2014-06-09", "2014-06-22", "2014-06-23"]
    references = page.findall(".//ol[@class='references']/li")
    assert [li.get("id") for li in references] == ["ref-1", "ref-2", "ref-3"]
    assert [visible_text(li.find(".//cite")) for li in references] == REFERENCE_TITLES
    markers = [a for a in page.iter("a") if a.get("class") == "cite"]
    assert [visible_text(a) for a in markers] == ["[1]", "[2]", "[1]", "[2]", "[1]", "[2]", "[3]", "[3]", "[3]", "[2]"]
    assert all(a.get("href") == "#ref-" + visible_text(a).strip("[]") for a in markers)
    # The June 9 sentence cites two articles: two markers, in the paragraph after it.
    first = items[0].find("p")
    assert visible_text(first).startswith(JUNE_9) and len(first.findall(".//a")) == 2
    # The only other link is the page's web address; nothing is loaded.
    others = [a.get("href") for a in page.iter("a") if a.get("class") not in ("cite", "skip")]
    assert others == [FOLLOWUP_PAGE_SOURCE]
    assert not re.search(r"\bsrc=", output)
    policy = page.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy


def test_keydate_email_is_a_valid_inlined_table_with_plain_markers(keydates):
    output = render(keydates, "email")
    fragment = parse_html(output, fragment=True)
    table = fragment.find("table")
    assert table.get("width") == "600" and "max-width: 600px" in table.get("style")
    assert fragment.findall(".//script") == [] and "<img" not in output and "<link" not in output
    assert all(element.get("style") for element in fragment.iter() if element.get("class") and element.tag != "tbody")
    style = fragment.find("style").text
    assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*\s*\}", "", style).strip() == ""
    blocks = [(element.tag, visible_text(element)) for element in fragment.iter() if element.tag in ("h2", "p")]
    assert [text for tag, text in blocks if tag == "h2"] == ["Overview", "Timeline", "References"]
    markers = [visible_text(span) for span in fragment.iter("span") if span.get("class") == "cite"]
    assert markers == ["[1]", "[2]", "[1][2]", "[1][2][3]", "[3]", "[3]", "[2]"]
    # Markers are text, not links; the one link is the web address of a reference.
    assert [a.get("href") for a in fragment.iter("a")] == [FOLLOWUP_PAGE_SOURCE]


def test_keydate_text_wraps_and_numbers_references(keydates):
    output = render(keydates, "text")
    assert max(len(line) for line in output.splitlines()) <= 72
    lines = output.splitlines()
    assert lines.index("OVERVIEW") < lines.index("TIMELINE") < lines.index("REFERENCES")
    assert [line for line in lines if line.startswith("* ")] == [f"* {label}" for label in KEYDATE_LABELS]
    assert [line for line in lines if re.match(r"\[\d\] ", line)] == [
        f"[{number}] {title}" for number, title in enumerate(REFERENCE_TITLES, start=1)
    ]
    assert f"    {FOLLOWUP_PAGE_SOURCE} - Mon 23 Jun 2014" in lines
    assert "Baghdad. [1][2]" in " ".join(output.split())


def test_keydate_markdown_through_commonmark(keydates):
    output = render(keydates, "markdown")
    dom = markdown_dom(output)
    assert [visible_text(h) for h in dom.findall(".//h2")] == ["Overview", "Timeline", "References"]
    items = dom.findall(".//ul/li")
    assert [(item[0].tag, item[0].text) for item in items] == [("strong", label) for label in KEYDATE_LABELS]
    assert visible_text(items[1]).endswith(
        "[1][2][3] The Turaibil crossing with Jordan fell to the insurgents late "
        "on Sunday after government troops pulled out. [3]"
    )
    references = dom.findall(".//ol/li")
    assert [visible_text(li.find("em")) for li in references] == REFERENCE_TITLES
    assert dom.find(".//a") is None  # "[1]" is text, never a link
    assert output.index("## Overview") < output.index("## Timeline") < output.index("## References")
    assert output.rstrip().splitlines()[-1].startswith("3. ")


def test_keydate_front_matter_lists_the_sources(keydates):
    front = render(keydates, "markdown", front_matter=True)[4:].split("\n---\n", 1)[0]
    assert yaml.safe_load(front)["sources"] == [SAMPLE_SOURCE, FOLLOWUP_PAGE_SOURCE, FOLLOWUP_DATELINE_SOURCE]


def test_keydate_briefing_without_key_dates_says_so(keydates):
    briefing = replace(keydates, key_dates=(), overview=())
    for format in ("html", "email", "text", "markdown"):
        text = reading_text(format, briefing)
        assert "No key dates were found." in text and "No overview was made." in text, format
        assert "No article is cited." in text, format
    parse_html(render(briefing, "html"))
    assert json.loads(render(briefing, "json"))["key_dates"] == []
    assert json.loads(render(briefing, "timelinejs"))["events"] == []


def test_keydate_reference_without_article_title_or_date(keydates):
    """A cited source that is no article of the briefing, and an article without title
    or date, are still numbered references; nothing reads "None"."""
    first = keydates.articles[0]
    bare = replace(first, article=replace(first.article, title=None, date=None, date_source=None))
    stray = replace(keydates.overview[0], sources=(*keydates.overview[0].sources, "wire/elsewhere.txt"))
    briefing = replace(keydates, articles=(bare, *keydates.articles[1:]), overview=(stray, keydates.overview[1]))
    references = briefing_context(briefing)["references"]
    assert [(r["number"], r["source"], r["title"], r["date"]) for r in references][:2] == [
        (1, SAMPLE_SOURCE, None, None),
        (2, "wire/elsewhere.txt", None, None),
    ]
    for format in FORMATS:
        output = render(briefing, format)
        assert "None" not in output, format
        if format in ("html", "email", "text", "markdown"):
            assert "date unknown" in reading_text(format, briefing), format
    parse_html(render(briefing, "html"))
