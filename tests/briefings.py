"""Hand-made briefings of the sample article, for the rendering tests and screenshots.

The renderers are tested apart from the tagger and the summarizer: these briefings
hold what the pipeline is expected to produce for examples/iraq-rawa-ana.txt (the
real article text, its real sentences and character offsets, the expected TIMEX3
values and headlines), so a change in another stage never changes a golden file.
``keydate_briefing`` is a key-date briefing of the sample and the two follow-ups in
tests/data/briefing/, made the same way from their real sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from summarize.inputs.loading import load_article
from summarize.models import (
    Article,
    ArticleBriefing,
    Briefing,
    CitedSentence,
    Event,
    KeyDate,
    Summary,
    TimeExpression,
    Timeline,
)
from summarize.sentences import split_sentences
from summarize.temporal import timex
from summarize.temporal.timex import Extent, TimexType

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
SAMPLE_SOURCE = "examples/iraq-rawa-ana.txt"
SAMPLE_DATE = dt.date(2014, 6, 22)

UNKNOWN_DATE_NOTE = (
    "The article date is unknown, so relative dates are not resolved: they are shown "
    "as written and ordered by news convention (weekday names mean the past week, "
    "month-day dates lie further back)."
)

# (time expression as written, its occurrence in the text, TIMEX3 type, value with the
# article date, value without it, mod, extent, headline), in the expected timeline order.
SAMPLE_EVENTS: list[tuple[str, int, TimexType, str, str, str | None, Extent, str]] = [
    (
        "early January",
        0,
        "DATE",
        "2014-01",
        "XXXX-01",
        "START",
        "onward",
        "Anti-government fighters have held all of one city in Anbar province and areas of a second",
    ),
    (
        "late on June 9",
        0,
        "DATE",
        "2014-06-09",
        "XXXX-06-09",
        "END",
        "onward",
        "Militants led by the Islamic State of Iraq and the Levant overran most of one province "
        "and parts of three others north of Baghdad",
    ),
    (
        "Saturday",
        0,
        "DATE",
        "2014-06-21",
        "XXXX-WXX-6",
        None,
        "point",
        "Some of those killed were shot dead when the militants moved into the towns",
    ),
    (
        "Saturday evening",
        0,
        "TIME",
        "2014-06-21TEV",
        "XXXX-WXX-6TEV",
        None,
        "point",
        "Insurgents moved into Rawa and Ana, in Anbar province",
    ),
    ("the following day", 0, "DATE", "2014-06-22", "XXXX-WXX-7", None, "point", "Others were slain"),
    (
        "Sunday",
        1,
        "DATE",
        "2014-06-22",
        "XXXX-WXX-7",
        None,
        "point",
        "Militants seized control of the al-Walid border crossing with Syria",
    ),
]

# The extractive summary: three article sentences, by their index.
SUMMARY_SENTENCES = (0, 1, 8)


def sample_article(*, dated: bool = True) -> Article:
    article = load_article(str(SAMPLE), date=SAMPLE_DATE if dated else None)
    return replace(article, source=SAMPLE_SOURCE)


def handmade_briefing(*, dated: bool = True) -> Briefing:
    """The expected briefing of the sample article, with or without its date."""
    article = sample_article(dated=dated)
    text = article.text
    sentences = split_sentences(text)
    summary_sentences = tuple(sentences[i] for i in SUMMARY_SENTENCES)
    summary = Summary(
        text=" ".join(s.text for s in summary_sentences), method="extractive: MiniLM", sentences=summary_sentences
    )
    events = []
    for words, nth, kind, dated_value, undated_value, mod, extent, headline in SAMPLE_EVENTS:
        start = _nth_index(text, words, nth)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        value = dated_value if dated else undated_value
        expression = TimeExpression(start, start + len(words), words, kind, value, mod)
        events.append(
            Event(
                label=timex.describe(value, mod, extent),
                headline=headline,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                time=expression,
                sources=(article.source,),
                extent=extent,
                exact=timex.is_exact(value, mod) and extent == "point",
            )
        )
    notes = () if dated else (UNKNOWN_DATE_NOTE,)
    return Briefing(
        articles=(ArticleBriefing(article=article, summary=summary),),
        timeline=Timeline(events=tuple(events), anchored=dated),
        notes=notes,
    )


def hostile_briefing(payload: str) -> Briefing:
    """The sample briefing with ``payload`` in every piece of text the article supplies:
    title, source name, summary and its method, date labels, headlines, sentences, time
    expressions and notes."""
    briefing = handmade_briefing()
    item = briefing.articles[0]
    assert item.summary is not None
    article = replace(item.article, title=f"Title {payload}", source=f"feeds/{payload}.txt")
    summary = replace(item.summary, text=f"Summary {payload} end.", method=f"Method {payload}")
    events = tuple(
        replace(
            event,
            label=f"Label {payload}",
            headline=f"Headline {payload}",
            sentence=f"Sentence {payload} end.",
            sources=(article.source,),
            time=replace(event.time, text=f"Time {payload}"),
        )
        for event in briefing.timeline.events
    )
    return Briefing(
        articles=(ArticleBriefing(article=article, summary=summary),),
        timeline=replace(briefing.timeline, events=events),
        notes=(f"Note {payload}",),
    )


# The key-date briefing's articles: the sample (dated with --date), the follow-up page
# (dated by its metadata; given the web address it would have been fetched from, so
# that one reference is a link) and the follow-up wire story (dated by its dateline).
FOLLOWUP_PAGE = ROOT / "tests" / "data" / "briefing" / "followup-page.html"
FOLLOWUP_PAGE_SOURCE = "https://example.com/2014/06/23/iraq-border.html"
FOLLOWUP_DATELINE = ROOT / "tests" / "data" / "briefing" / "followup-dateline.txt"
FOLLOWUP_DATELINE_SOURCE = "tests/data/briefing/followup-dateline.txt"

# (article, the start of its sentence, the other articles that say the same): the
# overview, then each key date's sentences. Articles: "sample", "page", "dateline".
KEYDATE_OVERVIEW = [
    ("sample", "Militants killed 21 leaders", ()),
    ("dateline", "Sunni insurgents consolidated their hold", ()),
]
KEYDATE_DATES: list[tuple[str, int, list[tuple[str, str, tuple[str, ...]]]]] = [  # (value, mentions, sentences)
    ("2014-06-09", 2, [("sample", "Beginning late on June 9", ("dateline",))]),
    (
        "2014-06-22",
        7,
        [
            ("sample", "Media reports said militants seized control", ("page", "dateline")),
            ("page", "The Turaibil crossing with Jordan fell", ()),
        ],
    ),
    (
        "2014-06-23",
        3,
        [
            ("page", "Sunni militants pressed their offensive", ()),
            ("dateline", "Kerry arrived in Baghdad on Monday", ()),
        ],
    ),
]
KEYDATE_NOTE = (
    "The timeline shows at most 3 key dates, chosen automatically for 3 articles (--max-dates sets the number)."
)


def keydate_articles() -> dict[str, Article]:
    """The three articles of the key-date briefing, in the order they were published."""
    page = load_article(str(FOLLOWUP_PAGE))
    dateline = load_article(str(FOLLOWUP_DATELINE))
    return {
        "sample": sample_article(),
        "page": replace(page, source=FOLLOWUP_PAGE_SOURCE),
        "dateline": replace(dateline, source=FOLLOWUP_DATELINE_SOURCE),
    }


def keydate_briefing() -> Briefing:
    """A key-date briefing of the sample and its two follow-ups: an overview of two
    sentences and three key dates of one or two sentences each, every sentence one of
    its article's real sentences at its real offsets, citing the articles that say it."""
    articles = keydate_articles()

    def cited(name: str, opening: str, others: tuple[str, ...]) -> CitedSentence:
        sentence = next(s for s in split_sentences(articles[name].text) if s.text.startswith(opening))
        return CitedSentence(
            text=sentence.text,
            sources=tuple(articles[n].source for n in (name, *others)),
            start=sentence.start,
            end=sentence.end,
        )

    key_dates = tuple(
        KeyDate(
            value=value,
            label=timex.describe(value),
            mentions=mentions,
            sentences=tuple(cited(*sentence) for sentence in sentences),
        )
        for value, mentions, sentences in KEYDATE_DATES
    )
    return Briefing(
        articles=tuple(ArticleBriefing(article=article, summary=None) for article in articles.values()),
        timeline=Timeline(events=()),
        notes=(KEYDATE_NOTE,),
        key_dates=key_dates,
        overview=tuple(cited(*sentence) for sentence in KEYDATE_OVERVIEW),
    )


def hostile_keydate_briefing(payload: str) -> Briefing:
    """The key-date briefing with ``payload`` in every piece of text the articles
    supply: titles, source names (one of them a web address, so a link), date labels,
    the overview's and the key dates' sentences, and notes."""
    briefing = keydate_briefing()
    sources = {}
    articles = []
    for number, item in enumerate(briefing.articles):
        source = (
            f"https://example.com/{payload}"
            if item.article.source.startswith("https://")
            else f"feeds/{payload}-{number}.txt"
        )
        sources[item.article.source] = source
        articles.append(replace(item, article=replace(item.article, title=f"Title {payload}", source=source)))

    def hostile(sentence: CitedSentence) -> CitedSentence:
        return replace(
            sentence, text=f"Sentence {payload} end.", sources=tuple(sources[source] for source in sentence.sources)
        )

    key_dates = tuple(
        replace(key_date, label=f"Label {payload}", sentences=tuple(hostile(s) for s in key_date.sentences))
        for key_date in briefing.key_dates or ()
    )
    return replace(
        briefing,
        articles=tuple(articles),
        key_dates=key_dates,
        overview=tuple(hostile(s) for s in briefing.overview),
        notes=(f"Note {payload}",),
    )


def _nth_index(text: str, words: str, nth: int) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(words, index + 1)
    return index
