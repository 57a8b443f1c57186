"""Stage 3 of key-date selection: the candidate sentences of a day.

As in DATEWISE's candidate collection (news-tls's PM-Mean collector), a day's
candidates are

* the sentences *about* it: a sentence is about the first day it names ("On
  June 21, a week after Mosul fell on June 10, ..." is about June 21: later
  days are context);
* the lead sentences (the first ``LEAD``) that name no day, of the articles
  published on it or the day after: a report of Thursday's events printed on
  Friday often says "yesterday" (which names the day) but just as often only
  "has died" in its first lines.

Candidates live in one TF-IDF space (``LexicalSpace``) fitted on every sentence of
the collection, and a day's pool keeps only the candidates close to what both
groups share (``day_pool``): the words that the sentences about the day *and*
the day's leads use are the day's news; a lead about something else, or a
sentence that merely names the day in passing, falls below the knee of the
similarity curve.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from .mentions import ArticleMentions, DatedSentence
from .words import terms

# Lead sentences of an article (positions 0-5, DATEWISE's clip) that stand for its
# publication day and the day before.
LEAD = 6


class LexicalSpace:
    """TF-IDF vectors of the collection's candidates, with the inverse document
    frequencies of every sentence of the collection (a sentence is a document):
    raw counts times ``ln((1 + n) / (1 + df)) + 1``, unit length."""

    def __init__(self, collection: Sequence[ArticleMentions]) -> None:
        sentences = sum(article.sentence_count for article in collection)
        frequency: Counter = Counter()
        for article in collection:
            frequency.update(article.term_sentences)
        self._idf = {word: math.log((1 + sentences) / (1 + df)) + 1.0 for word, df in frequency.items()}
        self._vectors: dict[tuple[int, int], dict[str, float]] = {}

    def vector(self, item: DatedSentence) -> dict[str, float]:
        key = (item.article, item.position)
        vector = self._vectors.get(key)
        if vector is None:
            counts = Counter(terms(item.sentence.text))
            raw = {word: count * self._idf.get(word, 1.0) for word, count in counts.items()}
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            vector = self._vectors[key] = {word: v / norm for word, v in raw.items()}
        return vector

    def matrix(self, items: Sequence[DatedSentence]) -> np.ndarray:
        """The items' vectors as rows of a dense matrix over the items' own words
        (a day's pool has hundreds of sentences and a few thousand words at most)."""
        vectors = [self.vector(item) for item in items]
        columns: dict[str, int] = {}
        for vector in vectors:
            for word in vector:
                columns.setdefault(word, len(columns))
        matrix = np.zeros((len(items), max(1, len(columns))), dtype=np.float64)
        for row, vector in enumerate(vectors):
            for word, value in vector.items():
                matrix[row, columns[word]] = value
        return matrix

    def centrality(self, items: Sequence[DatedSentence]) -> np.ndarray:
        """Each item's cosine to the normalized sum of the items' vectors."""
        if not items:
            return np.zeros(0)
        matrix = self.matrix(items)
        centroid = matrix.sum(axis=0)
        return matrix @ centroid / (np.linalg.norm(centroid) or 1.0)


class DayCandidates:
    """The candidates about every day and the leads standing for it, in one pass."""

    def __init__(self, collection: Sequence[ArticleMentions]) -> None:
        self.about: dict[dt.date, list[DatedSentence]] = defaultdict(list)
        self.leads: dict[dt.date, list[DatedSentence]] = defaultdict(list)
        one_day = dt.timedelta(days=1)
        for article in collection:
            for item in article.candidates:
                if item.days:
                    self.about[item.days[0]].append(item)
                elif item.position < LEAD and article.date is not None:
                    self.leads[article.date].append(item)
                    self.leads[article.date - one_day].append(item)

    def of(self, day: dt.date) -> tuple[list[DatedSentence], list[DatedSentence]]:
        """The sentences about ``day`` and the leads standing for it."""
        return self.about.get(day, []), self.leads.get(day, [])


def knee(values: Sequence[float] | np.ndarray) -> int:
    """The index of the knee of a descending curve: the point farthest from the
    straight line through its first and last points."""
    count = len(values)
    if count < 3:
        return 0
    points = np.column_stack([np.arange(count, dtype=np.float64), np.asarray(values, dtype=np.float64)])
    line = points[-1] - points[0]
    line /= np.linalg.norm(line) or 1.0
    offsets = points - points[0]
    distances = np.linalg.norm(offsets - np.outer(offsets @ line, line), axis=1)
    return int(np.argmax(distances))


def day_pool(
    about: Sequence[DatedSentence], leads: Sequence[DatedSentence], space: LexicalSpace
) -> list[DatedSentence]:
    """The day's candidates close to its news: the centroid holds the words both
    groups use (each group's mean, summed), and candidates above the knee of their
    cosines to it are kept. One group alone is the pool."""
    if not about or not leads:
        return list(dict.fromkeys([*about, *leads]))
    both = [*about, *leads]
    matrix = space.matrix(both)
    about_sum = matrix[: len(about)].sum(axis=0)
    leads_sum = matrix[len(about) :].sum(axis=0)
    shared = (about_sum > 0) & (leads_sum > 0)
    centroid = np.where(shared, about_sum / len(about) + leads_sum / len(leads), 0.0)
    similarity = matrix @ centroid / (np.linalg.norm(centroid) or 1.0)
    threshold = np.sort(similarity)[::-1][knee(np.sort(similarity)[::-1])]
    kept = [item for item, value in zip(both, similarity) if value > 0 and value > threshold]
    return list(dict.fromkeys(kept or both))
