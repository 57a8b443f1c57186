"""Key-date selection, stages 1-5 in order (see the package docstring)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from ..models import Article, KeyDate, KeyDateSelection
from ..temporal import timex
from .candidates import DayCandidates, LexicalSpace, day_pool
from .mentions import ArticleMentions, collection_mentions
from .overview import overview
from .picking import Encode, SentenceVectors, minilm_encode, pick_day
from .ranking import rank_days
from .words import Query

# Without --max-dates, a briefing of this many articles or more gets a key-date
# timeline of automatic length: AUTO_DATES_PER_ARTICLE dates per article, at least
# AUTO_MIN_DATES and at most AUTO_MAX_DATES (journalists' timelines of a story run
# from about 10 to 40 dates; Timeline17's dev timelines have 7 to 37, one has 155).
AUTO_MIN_ARTICLES = 10
AUTO_MIN_DATES = 10
AUTO_MAX_DATES = 40
AUTO_DATES_PER_ARTICLE = 0.2
DEFAULT_PER_DATE = 2

Progress = Callable[[int], None]


def automatic_dates(articles: int) -> int:
    """The automatic timeline length for a collection of ``articles``."""
    return max(AUTO_MIN_DATES, min(AUTO_MAX_DATES, round(articles * AUTO_DATES_PER_ARTICLE)))


def select_key_dates(
    articles: Sequence[Article],
    *,
    max_dates: int | None = None,
    per_date: int = DEFAULT_PER_DATE,
    since: dt.date | None = None,
    until: dt.date | None = None,
    query: Iterable[str] = (),
    encode: Encode | None = None,
    overview_sentences: int = 3,
    progress: Progress | None = None,
    ranker_weights: tuple[float, Sequence[float]] | None = None,
    collection: Sequence[ArticleMentions] | None = None,
) -> KeyDateSelection:
    """The key dates of ``articles`` (at most ``max_dates``, automatic when None),
    each with at most ``per_date`` sentences, inside ``since``..``until``, from
    sentences holding a ``query`` word; and an overview of the whole story.

    ``encode`` maps texts to unit vectors (default: the shared MiniLM encoder);
    ``progress`` is called once per article tagged; ``ranker_weights``
    (bias, weights) replace the shipped date ranker's (for leave-one-topic-out).
    ``collection`` is the articles' mentions when already found (``ArticleAnalysis``),
    in the same order: then no article is tagged here.
    """
    notes = []
    asked = max_dates is not None
    if max_dates is None:
        max_dates = automatic_dates(len(articles))
        notes.append(
            f"The timeline shows at most {max_dates} key dates, chosen automatically for "
            f"{len(articles)} articles (--max-dates sets the number)."
        )
    if encode is None:
        encode = minilm_encode()
    wanted = Query(query)
    sources = [article.source for article in articles]
    # 1. which days each sentence names
    if collection is None:
        collection = collection_mentions(articles, progress)
    # 2. rank the days
    ranked = rank_days(collection, since=since, until=until, weights=ranker_weights)
    # 3. the candidates of each day, in the collection's TF-IDF space
    candidates = DayCandidates(collection)
    space = LexicalSpace(collection)
    vectors = SentenceVectors(encode)
    # 4. the sentences of each day, best days first, until max_dates days have some
    chosen: list[np.ndarray] = []
    key_dates: list[KeyDate] = []
    for ranked_day in ranked:
        if len(key_dates) >= max_dates:
            break
        about, leads = candidates.of(ranked_day.day)
        pool = day_pool(about, leads, space)
        picked = pick_day(pool, space, per_date, wanted.matches, vectors, chosen, sources)
        if not picked and len(pool) < len(about) + len(leads):
            picked = pick_day(about, space, per_date, wanted.matches, vectors, chosen, sources)
        if picked:
            value = ranked_day.day.isoformat()
            key_dates.append(
                KeyDate(value=value, label=timex.describe(value), sentences=tuple(picked), mentions=ranked_day.mentions)
            )
    if asked and len(key_dates) < max_dates:
        notes.append(f"{len(key_dates)} of the {max_dates} dates asked for have sentences to show.")
    # 5. the overview
    shown = [sentence.text for key_date in key_dates for sentence in key_date.sentences]
    summary = overview(collection, space, vectors, sources, wanted, sentences=overview_sentences, shown=shown)
    key_dates.sort(key=lambda key_date: key_date.value)
    return KeyDateSelection(key_dates=tuple(key_dates), overview=tuple(summary), notes=tuple(notes))
