"""Stage 2 of key-date selection: rank the days by how much the collection talks about them.

Following DATEWISE (Gholipour Ghalandari & Ifrim 2020, "Examining the
State-of-the-Art in News Timeline Summarization"), a day matters when many
sentences name it, many articles name it, and articles keep naming it after it has
passed; and when articles were published on it or the day after (news of a day is
printed that day and the next). Each feature is counted per day, then scaled
within the collection (``log1p`` and divided by its largest value), so that one
set of weights serves a collection of 30 articles and one of 3,000.

The weights are a logistic regression trained on the Timeline17 dev topics
(``benchmarks/train_date_ranker.py``, leave-one-topic-out for honest dev figures)
and shipped as data in ``date_ranker.json``: a day is scored by
``bias + sum(weight * feature)``, higher first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .mentions import ArticleMentions

WEIGHTS_FILE = Path(__file__).with_name("date_ranker.json")

# The features of a day, in the order of the weights in date_ranker.json.
FEATURES = (
    "mentions",  # sentences naming the day
    "mentions_after",  # ... in articles published after it (it is still talked about)
    "mentions_same_day",  # ... in articles published on it
    "mentions_before",  # ... in articles published before it (announced in advance)
    "articles",  # articles naming the day
    "articles_after",  # ... published after it
    "published",  # articles published on the day
    "published_next_day",  # ... on the day after
)


@dataclass(frozen=True)
class RankedDay:
    """A day with its score and how many sentences name it."""

    day: dt.date
    score: float
    mentions: int


def day_features(
    collection: Sequence[ArticleMentions], days: Sequence[dt.date] | None = None
) -> tuple[list[dt.date], np.ndarray]:
    """The candidate days (every day some sentence names, or ``days``) and their
    raw feature counts, one row per day in ``FEATURES`` order."""
    counts: dict[str, Counter[dt.date]] = {name: Counter() for name in FEATURES}
    published = Counter(article.date for article in collection if article.date is not None)
    for article in collection:
        pub = article.date
        for day in article.mentioned:
            counts["mentions"][day] += 1
            if pub is not None:
                key = "mentions_after" if pub > day else "mentions_same_day" if pub == day else "mentions_before"
                counts[key][day] += 1
        for day in set(article.mentioned):
            counts["articles"][day] += 1
            if pub is not None and pub > day:
                counts["articles_after"][day] += 1
    if days is None:
        days = sorted(counts["mentions"])
    one_day = dt.timedelta(days=1)
    for day in days:
        counts["published"][day] = published[day]
        counts["published_next_day"][day] = published[day + one_day]
    matrix = np.array([[counts[name][day] for name in FEATURES] for day in days], dtype=np.float64)
    return list(days), matrix.reshape(len(days), len(FEATURES))


def scaled(matrix: np.ndarray) -> np.ndarray:
    """``log1p`` of each count divided by its column's largest value (0 where none)."""
    logged = np.log1p(matrix)
    top = logged.max(axis=0, initial=0.0)
    return np.divide(logged, top, out=np.zeros_like(logged), where=top > 0)


@lru_cache(maxsize=1)
def shipped_weights() -> tuple[float, tuple[float, ...]]:
    """The bias and feature weights of the shipped date ranker."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE.name} was trained on other features: {data['features']}")
    return float(data["bias"]), tuple(float(w) for w in data["weights"])


def rank_days(
    collection: Sequence[ArticleMentions],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    weights: tuple[float, Sequence[float]] | None = None,
) -> list[RankedDay]:
    """The days some sentence names, inside ``since``..``until``, best first
    (ties: more mentions, then earlier)."""
    days, matrix = day_features(collection)
    keep = [i for i, day in enumerate(days) if (since is None or day >= since) and (until is None or day <= until)]
    days, matrix = [days[i] for i in keep], matrix[keep]
    bias, weight = weights if weights is not None else shipped_weights()
    scores = bias + scaled(matrix) @ np.asarray(weight, dtype=np.float64) if len(days) else np.zeros(0)
    mentions = matrix[:, FEATURES.index("mentions")] if len(days) else np.zeros(0)
    order = sorted(range(len(days)), key=lambda i: (-scores[i], -mentions[i], days[i]))
    return [RankedDay(days[i], float(scores[i]), int(mentions[i])) for i in order]
