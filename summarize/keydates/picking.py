"""Stage 4 of key-date selection: the sentences that say what happened on a day.

A day's shortlisted candidates (``candidates.py``) are embedded with the MiniLM
sentence encoder, and each is scored by its cosine to the day's centroid: the
mean of the named sentences' centroid and the leads' centroid (DATEWISE's
PM-Mean, with sentence embeddings instead of TF-IDF), so the sentence most
articles agree on wins, not the most vivid one. Two soft preferences follow
from what a timeline entry is:

    score = cos(sentence, day centroid) - LENGTH * |log(words / TYPICAL_WORDS)|
                                        - QUOTE * quoted

(a timeline entry is one plain statement of 10-30 words, not a run-on paragraph
or a reaction in quotation marks). Sentences are then taken best first, skipping
any that repeats one already on the timeline (cosine of at least ``REPEAT``,
whatever its day: the same news on neighbouring dates reads as a stutter).

A chosen sentence cites every article that said the same thing in other words
(cosine of at least ``SAME_CONTENT`` with a candidate of another article): the
same story reported by several outlets is one sentence citing them all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from ..models import CitedSentence
from ..summarizers.extractive import is_quoted
from .mentions import DatedSentence

LENGTH = 0.05
QUOTE = 0.05
TYPICAL_WORDS = 20
REPEAT = 0.8
SAME_CONTENT = 0.85
# Word pieces of a sentence the encoder reads: enough to place a sentence.
ENCODER_MAX_TOKENS = 64

Encode = Callable[[list[str]], np.ndarray]


class SentenceVectors:
    """Embeds candidate sentences once each, however many days they serve."""

    def __init__(self, encode: Encode) -> None:
        self._encode = encode
        self._vectors: dict[tuple[int, int], np.ndarray] = {}

    def __call__(self, items: Sequence[DatedSentence]) -> np.ndarray:
        missing = list(dict.fromkeys(item for item in items if (item.article, item.position) not in self._vectors))
        if missing:
            encoded = np.asarray(self._encode([item.sentence.text for item in missing]), dtype=np.float32)
            for item, vector in zip(missing, encoded):
                self._vectors[(item.article, item.position)] = vector
        if not items:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[(item.article, item.position)] for item in items])

    @property
    def count(self) -> int:
        return len(self._vectors)


def preference(item: DatedSentence) -> float:
    """The length and quotation terms of a candidate's score."""
    words = max(1, len(item.sentence.text.split()))
    return -LENGTH * abs(math.log(words / TYPICAL_WORDS)) - QUOTE * is_quoted(item.sentence.text)


def day_scores(named: Sequence[DatedSentence], pool: Sequence[DatedSentence], vectors: np.ndarray) -> np.ndarray:
    """Each pooled candidate's cosine to the day centroid plus its preference."""
    named_set = set(named)
    is_named = np.array([item in named_set for item in pool])
    parts = [vectors[mask].mean(axis=0) for mask in (is_named, ~is_named) if mask.any()]
    centroid = np.mean(parts, axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    return vectors @ centroid + np.array([preference(item) for item in pool])


def pick(pool: Sequence[DatedSentence], scores: np.ndarray, vectors: np.ndarray, count: int,
         chosen: list[np.ndarray], sources: Sequence[str], *, repeat: float = REPEAT) -> list[CitedSentence]:
    """Up to ``count`` sentences of the pool, best first, none with a cosine of
    ``repeat`` or more to a sentence already chosen (``chosen`` holds their vectors
    and is extended)."""
    picked: list[CitedSentence] = []
    for index in np.argsort(-scores, kind="stable"):
        if len(picked) >= count:
            break
        vector = vectors[index]
        if chosen and float(np.max(np.stack(chosen) @ vector)) >= repeat:
            continue
        chosen.append(vector)
        item = pool[index]
        citing = [item.article]
        for other, similarity in zip(pool, vectors @ vector):
            if similarity >= SAME_CONTENT and other.article not in citing:
                citing.append(other.article)
        picked.append(CitedSentence(text=item.sentence.text, sources=tuple(sources[a] for a in citing),
                                    start=item.sentence.start, end=item.sentence.end))
    return picked
