"""Stage 1 of key-date selection: which days each sentence of the collection names.

Every article is split into sentences and tagged once (``temporal``); a sentence
*names* a day when one of its time expressions is a calendar day with a known year
("June 25, 2009", "Thursday" in an article of Saturday 27 June 2009, "the following
day"). Coarser expressions ("June", "2009", "early January") name no day: a key
date is a day, as in the journalists' timelines we measure against.

Only sentences that read like sentences are kept as candidates
(``summarizers.extractive.candidate_sentences``: no headlines, bylines, captions
or datelines), but every sentence's days count as mentions for date ranking.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Article, Sentence, TimeExpression
from ..sentences import split_sentences
from ..summarizers.extractive import candidate_sentences
from ..temporal import find_time_expressions, timex
from .words import terms

# Modifiers under which a day value still names that day ("early on June 9",
# "about June 9"); "before June 9" and "after June 9" do not.
DAY_MODS = frozenset({None, "START", "MID", "END", "APPROX"})


@dataclass(frozen=True)
class DatedSentence:
    """A candidate sentence of one article and the days it names.

    ``article`` indexes the collection; ``position`` counts the article's candidate
    sentences from 0 (the lead is 0).
    """

    article: int
    position: int
    sentence: Sentence
    days: tuple[dt.date, ...]


@dataclass(frozen=True)
class ArticleMentions:
    """One article of the collection: its date, every day any of its sentences
    names (one entry per sentence and day, for counting), its candidates, and for
    the TF-IDF space its sentence count and in how many sentences each term occurs."""

    index: int
    date: dt.date | None
    mentioned: tuple[dt.date, ...]
    candidates: tuple[DatedSentence, ...]
    sentence_count: int = 0
    term_sentences: Mapping[str, int] = field(default_factory=dict)


def named_day(expression: TimeExpression) -> dt.date | None:
    """The calendar day a time expression names, or None ("June 2009", "Saturday"
    of an undated article, "before June 9", durations)."""
    if expression.type not in ("DATE", "TIME") or expression.mod not in DAY_MODS:
        return None
    parsed = timex.parse_value(expression.value)
    if parsed is None or parsed.year is None or parsed.month is None or parsed.day is None:
        return None
    return dt.date(parsed.year, parsed.month, parsed.day)


def article_mentions(
    index: int,
    article: Article,
    *,
    sentences: list[Sentence] | None = None,
    expressions: list[TimeExpression] | None = None,
) -> ArticleMentions:
    """Split, tag and collect the day mentions of one article; ``sentences`` and
    ``expressions``, when given, are the article's own, already found (its events
    need them too, and tagging is most of the work)."""
    if sentences is None:
        sentences = split_sentences(article.text)
    if expressions is None:
        expressions = find_time_expressions(article.text, article.date)
    days_at: list[tuple[int, dt.date]] = []
    for expression in expressions:
        day = named_day(expression)
        if day is not None:
            days_at.append((expression.start, day))
    mentioned = []
    term_sentences: Counter = Counter()
    cursor = 0
    for sentence in sentences:
        term_sentences.update(set(terms(sentence.text)))
        # Both lists are in text order: walk them together (linear, not sentences x days).
        seen: set[dt.date] = set()
        while cursor < len(days_at) and days_at[cursor][0] < sentence.end:
            if days_at[cursor][0] >= sentence.start and days_at[cursor][1] not in seen:
                seen.add(days_at[cursor][1])
                mentioned.append(days_at[cursor][1])
            cursor += 1
    starts = [start for start, _ in days_at]
    candidates = []
    for position, sentence in enumerate(candidate_sentences(article)):
        inside = days_at[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]
        days = tuple(dict.fromkeys(day for _, day in inside))
        candidates.append(DatedSentence(index, position, sentence, days))
    return ArticleMentions(
        index=index,
        date=article.date,
        mentioned=tuple(mentioned),
        candidates=tuple(candidates),
        sentence_count=len(sentences),
        term_sentences=dict(term_sentences),
    )


def reindexed(mentions: ArticleMentions, index: int) -> ArticleMentions:
    """``mentions`` as article ``index`` of a collection (an ``ArticleAnalysis``
    holds its article's with index 0)."""
    if mentions.index == index:
        return mentions
    candidates = tuple(dataclasses.replace(c, article=index) for c in mentions.candidates)
    return dataclasses.replace(mentions, index=index, candidates=candidates)


def collection_mentions(
    articles: Sequence[Article], progress: Callable[[int], None] | None = None
) -> list[ArticleMentions]:
    """``article_mentions`` of every article, in collection order; ``progress`` is
    called with 1 after each article."""
    collection = []
    for index, article in enumerate(articles):
        collection.append(article_mentions(index, article))
        if progress is not None:
            progress(1)
    return collection
