"""What the rendering tests share: the sample briefing as a reader should see it
(its title, headlines, date labels, a quote; the key-date briefing's dates,
sentences and references), and how a reader sees rendered output: strict HTML5
parsing, the visible text, Markdown as GitHub shows it."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import html5lib
import pytest
from markdown_it import MarkdownIt

from briefings import handmade_briefing, keydate_briefing
from conftest import ROOT
from summarize.models import Briefing
from summarize.rendering import render

TITLE = "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing"
HEADLINES = [
    "Anti-government fighters have held all of one city in Anbar province and areas of a second",
    "Militants led by the Islamic State of Iraq and the Levant overran most of one province "
    "and parts of three others north of Baghdad",
    "Some of those killed were shot dead when the militants moved into the towns",
    "Insurgents moved into Rawa and Ana, in Anbar province",
    "Others were slain",
    "Militants seized control of the al-Walid border crossing with Syria",
]
LABELS = [
    "Early January 2014 onward",
    "Late Mon 9 Jun 2014 onward",
    "Sat 21 Jun 2014",
    "Sat 21 Jun 2014, evening",
    "Sun 22 Jun 2014",
    "Sun 22 Jun 2014",
]
# A source sentence that is not also in the summary.
QUOTE = (
    "Witnesses said insurgents moved into Rawa and Ana, in Anbar province, on Saturday evening, after security "
    "officers and witnesses also reported militants entering al-Qaim, a town on the Syrian border, earlier in "
    "the day."
)

# The key-date briefing (briefings.keydate_briefing).
KEYDATE_LABELS = ["Mon 9 Jun 2014", "Sun 22 Jun 2014", "Mon 23 Jun 2014"]
OVERVIEW_START = "Militants killed 21 leaders in the western Iraq towns"
JUNE_9 = (
    "Beginning late on June 9, militants led by the Islamic State of Iraq and the Levant (ISIL) but also "
    "including a number of other groups such as loyalists of executed dictator Saddam Hussein, overran most "
    "of one province and parts of three others north of Baghdad."
)
AL_WALID = "Media reports said militants seized control of the al-Walid border crossing with Syria on Sunday."
REFERENCE_TITLES = [
    "Militants Execute 21 in Two Iraq Towns, Take Another Border Crossing",
    "Iraq Insurgents Consolidate Hold on Western Anbar",
    "Iraqi Militants Tighten Grip on Syrian Border",
]


def parse_html(text: str, fragment: bool = False):
    """Parse with html5lib in strict mode: any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(text) if fragment else parser.parse(text)


def visible_text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def markdown_dom(text: str):
    """Markdown as GitHub shows it: CommonMark with raw HTML passed through (GitHub then
    sanitizes it, newsletter platforms often do not, so we must never emit any)."""
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    return parse_html(f"<div>{html}</div>", fragment=True)


def reading_text(format: str, briefing, **options) -> str:
    """The text a reader sees: rendered HTML's text, or the text output itself."""
    output = render(briefing, format, **options)
    if format == "html":
        return visible_text(parse_html(output).find("body"))
    if format == "email":
        return visible_text(parse_html(output, fragment=True).find("table"))
    if format == "markdown":
        return visible_text(markdown_dom(output))
    if format in ("json", "timelinejs"):
        return json.dumps(json.loads(output), ensure_ascii=False)
    return " ".join(re.sub(r"^ *> ", "", output, flags=re.MULTILINE).split())  # quotes wrap with "> "


def ranged_briefing(dated: Briefing) -> Briefing:
    """The sample with its first event made a range, "from June 9 to June 22"."""
    events = list(dated.timeline.events)
    first = events[1]
    end_time = replace(first.time, text="June 22", value="2014-06-22", mod=None)
    events[1] = replace(
        first,
        time=replace(first.time, value="2014-06-09", mod=None),
        extent="range",
        exact=False,
        end_time=end_time,
        label="Mon 9 to Sun 22 Jun 2014",
    )
    return replace(dated, timeline=replace(dated.timeline, events=tuple(events)))


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


# The hand-made briefings the rendering tests read (tests/briefings.py), made once a
# test module; a plugin of conftest.py, so that the three test files share them.
@pytest.fixture(scope="module")
def dated() -> Briefing:
    return handmade_briefing()


@pytest.fixture(scope="module")
def undated() -> Briefing:
    return handmade_briefing(dated=False)


@pytest.fixture(scope="module")
def ranged(dated: Briefing) -> Briefing:
    return ranged_briefing(dated)


@pytest.fixture(scope="module")
def keydates() -> Briefing:
    return keydate_briefing()
