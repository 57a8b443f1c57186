"""Stage 3 of key-date selection: the candidate sentences of a day.

As in DATEWISE's candidate collection, a day's candidates are the sentences that
name it, and the lead sentences (the first ``LEAD`` candidates) of the articles
published on it or the day after that name no day themselves: a report of
Thursday's events printed on Friday often says "yesterday" (which names the day)
but just as often only "has died" in its first lines.

A ``--query`` keeps only sentences holding one of its words (case-insensitive,
as a word prefix: "flu" matches "flu" and "flu-like", not "influence").

Candidates are scored cheaply first, by TF-IDF cosine to the centroid of the
day's candidates (``LexicalSpace``), and only the best ``SHORTLIST`` go on to the
sentence encoder: a day named by 400 sentences costs 30 encodings, not 400.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from .mentions import ArticleMentions, DatedSentence

# Lead sentences of an article that stand for its publication day (and the day before).
LEAD = 5
# Candidates per day that reach the sentence encoder.
SHORTLIST = 30

_WORD = re.compile(r"[a-z][a-z'\u2019-]+")
# Function words carry no topic; a short list is enough, since IDF discounts the rest.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according mr mrs ms""".split()
)


def content_words(text: str) -> list[str]:
    """The lower-cased words of ``text`` that carry content."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 2]


class Query:
    """Words a sentence must hold one of (``--query``); an empty query keeps all."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        terms = sorted({w.strip().lower() for w in words if w.strip()})
        self.terms = tuple(terms)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + ")") if terms else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def matches(self, text: str) -> bool:
        return self._pattern is None or self._pattern.search(text.lower()) is not None


class LexicalSpace:
    """TF-IDF vectors of the collection's candidate sentences (sparse, as dicts)."""

    def __init__(self, sentences: Iterable[DatedSentence]) -> None:
        self.vectors: dict[tuple[int, int], dict[str, float]] = {}
        counts: dict[tuple[int, int], Counter] = {}
        document_frequency: Counter = Counter()
        for item in sentences:
            words = Counter(content_words(item.sentence.text))
            counts[(item.article, item.position)] = words
            document_frequency.update(words.keys())
        total = max(1, len(counts))
        idf = {word: math.log(total / df) + 1.0 for word, df in document_frequency.items()}
        for key, words in counts.items():
            vector = {word: count * idf[word] for word, count in words.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[key] = {word: v / norm for word, v in vector.items()}

    def vector(self, item: DatedSentence) -> dict[str, float]:
        return self.vectors[(item.article, item.position)]

    def centrality(self, items: Sequence[DatedSentence]) -> np.ndarray:
        """Each item's cosine to the normalized sum of the items' vectors."""
        centroid: dict[str, float] = defaultdict(float)
        for item in items:
            for word, value in self.vector(item).items():
                centroid[word] += value
        norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
        return np.array([sum(v * centroid.get(w, 0.0) for w, v in self.vector(item).items()) / norm
                         for item in items])


class DayCandidates:
    """The named and lead candidates of every day, gathered in one pass."""

    def __init__(self, collection: Sequence[ArticleMentions], query: Query) -> None:
        self.named: dict[dt.date, list[DatedSentence]] = defaultdict(list)
        self.leads: dict[dt.date, list[DatedSentence]] = defaultdict(list)
        one_day = dt.timedelta(days=1)
        for article in collection:
            for item in article.candidates:
                if not query.matches(item.sentence.text):
                    continue
                for day in item.days:
                    self.named[day].append(item)
                if not item.days and item.position < LEAD and article.date is not None:
                    self.leads[article.date].append(item)
                    self.leads[article.date - one_day].append(item)

    def of(self, day: dt.date) -> tuple[list[DatedSentence], list[DatedSentence]]:
        """The sentences naming ``day`` and the leads standing for it."""
        return self.named.get(day, []), self.leads.get(day, [])


def shortlist(named: Sequence[DatedSentence], leads: Sequence[DatedSentence], space: LexicalSpace,
              size: int = SHORTLIST) -> list[DatedSentence]:
    """The ``size`` candidates of a day most central by TF-IDF, named ones and
    leads weighted alike (each group's centrality counts half, as in DATEWISE's
    PM-Mean collector)."""
    pool = list(dict.fromkeys([*named, *leads]))
    if len(pool) <= size:
        return pool
    scores = space.centrality(pool)
    order = np.argsort(-scores, kind="stable")[:size]
    return [pool[i] for i in sorted(order)]
