"""One article's own stage: its summary, events, reading notes and day mentions.

This is the part of a briefing that needs no other article, so it is what runs
in worker processes (``workers.py``) and on Ray (``ray_engine.py``), and what
``summarize analyze`` writes (``analysis_json.py``): a briefing made from these
(``Briefer.brief_analyses``) is the one made from the articles.
"""

from __future__ import annotations

from .events import MAX_DATES_PER_SENTENCE, MAX_EVENTS_PER_ARTICLE, crowded_sentences, extract_events
from .models import Article, ArticleAnalysis, Event, Sentence, Summary, TimeExpression
from .sentences import MAX_SENTENCE_CHARS, overlong_passages, split_sentences
from .temporal import find_time_expressions


def reading_notes(source: str, sentences: list[Sentence], expressions: list[TimeExpression] | None = None) -> list[str]:
    """What was not read as written, said rather than done silently: passages too
    long to be sentences, read in pieces (``sentences.MAX_SENTENCE_CHARS``), and
    sentences of so many dates that they are lists, which give no events
    (``events.MAX_DATES_PER_SENTENCE``)."""
    notes = []
    cut = overlong_passages(sentences)
    if cut:
        notes.append(
            f"{source}: {_count(cut, 'passage')} of more than {MAX_SENTENCE_CHARS:,} characters "
            f"with no sentence end {'was' if cut == 1 else 'were'} read in pieces of at most "
            f"{MAX_SENTENCE_CHARS:,}."
        )
    crowded = len(crowded_sentences(expressions, sentences)) if expressions else 0
    if crowded:
        notes.append(
            f"{source}: {_count(crowded, 'sentence')} of more than {MAX_DATES_PER_SENTENCE} dates "
            f"(a list, not a happening) gave no events."
        )
    return notes


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def analyze_article(article: Article, summary: Summary | None = None, *, events: bool = True) -> ArticleAnalysis:
    """One article's events (none unless ``events``), reading notes and day mentions
    (tagged once for both), with the ``summary`` made for it."""
    from .keydates.mentions import article_mentions

    sentences = split_sentences(article.text)  # stage 2
    expressions = find_time_expressions(article.text, article.date)  # stage 4
    notes: list[str] = []
    # Stage 5 (the summary, stage 3, is made for a whole batch: Briefer.analyze_batch).
    found = article_events(article, notes=notes, sentences=sentences, expressions=expressions) if events else []
    mentions = article_mentions(0, article, sentences=sentences, expressions=expressions)
    return ArticleAnalysis(
        article=article, summary=summary, events=tuple(found), mentions=mentions, reading_notes=tuple(notes)
    )


def reanalyzed(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """``analysis`` for ``article``, its article dated anew: tagged again (relative
    dates resolve against the new date); the summary does not depend on the date."""
    return analyze_article(article, analysis.summary)


def article_events(
    article: Article,
    *,
    notes: list[str] | None = None,
    sentences: list[Sentence] | None = None,
    expressions: list[TimeExpression] | None = None,
) -> list[Event]:
    """The dated events of one article, in article order, its relative dates
    resolved against its own date; ``notes`` gets the ``reading_notes``.
    ``sentences`` and ``expressions`` are the article's, when already found."""
    if sentences is None:
        sentences = split_sentences(article.text)
    if expressions is None:
        expressions = find_time_expressions(article.text, article.date)
    events = extract_events(article, expressions, sentences)
    if notes is not None:
        notes.extend(reading_notes(article.source, sentences, expressions))
        if len(events) == MAX_EVENTS_PER_ARTICLE:
            notes.append(
                f"{article.source}: the timeline holds its first {MAX_EVENTS_PER_ARTICLE:,} events; "
                f"the dates after them were not read for events."
            )
    return events
