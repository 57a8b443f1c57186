"""The library API: articles in, a ``Briefing`` out.

    from summarize import build_briefing, render
    briefing = build_briefing(["story.txt"], date=datetime.date(2014, 6, 22))
    print(render(briefing, "markdown"))

``Briefer`` keeps the summarization model loaded between calls (load once, brief
many); ``build_briefing`` is the one-shot form. The library never prints or exits:
problems the user can fix raise ``SummarizeError`` subclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .events import extract_events
from .loading import load_article
from .models import Article, ArticleBriefing, Briefing, Event
from .sentences import split_sentences
from .summarizer import load_summarizer
from .temporal import find_time_expressions
from .timeline import build_timeline

UNKNOWN_DATE_NOTE = (
    "The article date is unknown, so relative dates are not resolved: they are shown "
    "as written and ordered by news convention (weekday names mean the past week, "
    "month-day dates lie further back)."
)


class Briefer:
    """Turns articles into briefings, keeping its summarization model loaded."""

    def __init__(self, *, model: str | None = None, device: str = "cpu", sentences: int = 3,
                 words: int | None = None) -> None:
        self.summarizer = load_summarizer(model, device=device)
        self.sentences = sentences
        self.words = words

    def brief(self, articles: Sequence[Article]) -> Briefing:
        """Summarize each article and merge their events into one timeline."""
        items = []
        events: list[Event] = []
        for article in articles:
            summary = self.summarizer.summarize(article, sentences=self.sentences, words=self.words)
            items.append(ArticleBriefing(article=article, summary=summary))
            events.extend(article_events(article))
        anchored = all(article.date is not None for article in articles)
        notes = () if anchored else (UNKNOWN_DATE_NOTE,)
        return Briefing(articles=tuple(items), timeline=build_timeline(events, anchored=anchored), notes=notes)


def article_events(article: Article) -> list[Event]:
    """The dated events of one article, in article order."""
    sentences = split_sentences(article.text)
    expressions = find_time_expressions(article.text, article.date)
    return extract_events(article, expressions, sentences)


def build_briefing(sources: Sequence[str | Article], *, date: dt.date | None = None,
                   model: str | None = None, device: str = "cpu", sentences: int = 3,
                   words: int | None = None) -> Briefing:
    """Load, summarize and date ``sources`` (paths, "-" for stdin, or ``Article``s).

    ``date`` is the article date for every source read here; articles passed as
    ``Article`` keep their own.
    """
    articles = [
        source if isinstance(source, Article) else load_article(source, date=date)
        for source in sources
    ]
    return Briefer(model=model, device=device, sentences=sentences, words=words).brief(articles)
