"""Hand-made briefings of the sample article, for the rendering tests and screenshots.

The renderers are tested apart from the tagger and the summarizer: these briefings
hold what the pipeline is expected to produce for examples/iraq-rawa-ana.txt (the
real article text, its real sentences and character offsets, the expected TIMEX3
values and headlines), so a change in another stage never changes a golden file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from summarize import timex
from summarize.loading import load_article
from summarize.models import Article, ArticleBriefing, Briefing, Event, Summary, TimeExpression, Timeline
from summarize.sentences import split_sentences

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
SAMPLE_EVENTS = [
    ("early January", 0, "DATE", "2014-01", "XXXX-01", "START", "onward",
     "Anti-government fighters have held all of one city in Anbar province and areas of a second"),
    ("late on June 9", 0, "DATE", "2014-06-09", "XXXX-06-09", "END", "onward",
     "Militants led by the Islamic State of Iraq and the Levant overran most of one province "
     "and parts of three others north of Baghdad"),
    ("Saturday", 0, "DATE", "2014-06-21", "XXXX-WXX-6", None, "point",
     "Some of those killed were shot dead when the militants moved into the towns"),
    ("Saturday evening", 0, "TIME", "2014-06-21TEV", "XXXX-WXX-6TEV", None, "point",
     "Insurgents moved into Rawa and Ana, in Anbar province"),
    ("the following day", 0, "DATE", "2014-06-22", "XXXX-WXX-7", None, "point",
     "Others were slain"),
    ("Sunday", 1, "DATE", "2014-06-22", "XXXX-WXX-7", None, "point",
     "Militants seized control of the al-Walid border crossing with Syria"),
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
    summary = Summary(text=" ".join(s.text for s in summary_sentences), method="extractive: MiniLM",
                      sentences=summary_sentences)
    events = []
    for words, nth, kind, dated_value, undated_value, mod, extent, headline in SAMPLE_EVENTS:
        start = _nth_index(text, words, nth)
        sentence = next(s for s in sentences if s.start <= start < s.end)
        value = dated_value if dated else undated_value
        expression = TimeExpression(start, start + len(words), words, kind, value, mod)
        events.append(Event(
            value=value, label=timex.describe(value, mod, extent), headline=headline,
            sentence=sentence.text, start=sentence.start, end=sentence.end, time=expression,
            sources=(article.source,), mod=mod, extent=extent,
            exact=timex.is_exact(value, mod) and extent == "point",
        ))
    notes = () if dated else (UNKNOWN_DATE_NOTE,)
    return Briefing(articles=(ArticleBriefing(article=article, summary=summary),),
                    timeline=Timeline(events=tuple(events), anchored=dated), notes=notes)


def hostile_briefing(payload: str) -> Briefing:
    """The sample briefing with ``payload`` in every piece of text the article supplies:
    title, source name, summary and its method, date labels, headlines, sentences, time
    expressions and notes."""
    briefing = handmade_briefing()
    item = briefing.articles[0]
    article = replace(item.article, title=f"Title {payload}", source=f"feeds/{payload}.txt")
    summary = replace(item.summary, text=f"Summary {payload} end.", method=f"Method {payload}")
    events = tuple(
        replace(event, label=f"Label {payload}", headline=f"Headline {payload}", sentence=f"Sentence {payload} end.",
                sources=(article.source,), time=replace(event.time, text=f"Time {payload}"))
        for event in briefing.timeline.events
    )
    return Briefing(articles=(ArticleBriefing(article=article, summary=summary),),
                    timeline=replace(briefing.timeline, events=events), notes=(f"Note {payload}",))


def _nth_index(text: str, words: str, nth: int) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(words, index + 1)
    return index
