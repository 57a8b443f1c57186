"""Stage 4 of key-date selection: the sentences that say what happened on a day.

From a day's pool (``candidates.day_pool``) the sentences are chosen greedily, as
DATEWISE's summary-centroid summarizer does: each next sentence is the one that
brings the TF-IDF sum of the chosen sentences closest (by cosine) to the pool's
centroid. The first is the most central sentence; the second is the one that best
covers what the first left out, not a near copy of it. Lexical centrality is what
the journalists' timelines reward: in the Timeline17 dev topics it beat MiniLM
centrality by 0.01 AR-1 (and 0.005 AR-2), since a timeline entry states the
facts the reports share (names, places, numbers), which a sentence encoder blurs.

The encoder does what words cannot:

* no repeats across the timeline: a sentence whose MiniLM cosine to one already
  chosen, on any day, is ``REPEAT`` or more is passed over (the same news on
  neighbouring dates reads as a stutter);
* citations: a chosen sentence cites every article whose candidate in the pool
  says the same thing in other words (cosine of at least ``SAME_CONTENT``), so
  the same story reported by several outlets is one sentence citing them all.

Both embed only a bounded number of sentences a day: the few best candidates in
turn, and the ``CITATION_NEIGHBOURS`` lexically closest to a chosen sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..models import CitedSentence
from .candidates import LexicalSpace
from .mentions import DatedSentence

REPEAT = 0.8
SAME_CONTENT = 0.85
# Candidates of a day compared by the encoder with a chosen sentence for citations.
CITATION_NEIGHBOURS = 30
# Candidates embedded at once while looking for one that repeats nothing.
LOOKAHEAD = 8
# Word pieces of a sentence the encoder reads: enough to place a sentence.
ENCODER_MAX_TOKENS = 64

Encode = Callable[[list[str]], np.ndarray]


def minilm_encode(device: str = "cpu") -> Encode:
    """The shared MiniLM encoder, reading at most ``ENCODER_MAX_TOKENS`` word pieces
    of each sentence (loaded on first use; one model serves the whole process)."""
    from ..summarizers.encoder import get_encoder

    encoder = get_encoder(device)
    return lambda texts: encoder.encode(texts, max_tokens=ENCODER_MAX_TOKENS)


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


def repeats(vector: np.ndarray, chosen: Sequence[np.ndarray], repeat: float) -> bool:
    """Whether ``vector`` says again what a chosen sentence said."""
    return bool(chosen) and float(np.max(np.stack(chosen) @ vector)) >= repeat


def cite(
    index: int, pool: Sequence[DatedSentence], similarity: np.ndarray, vectors: SentenceVectors, sources: Sequence[str]
) -> CitedSentence:
    """The pool's sentence ``index``, citing its article and every other article with
    a candidate that says the same (``similarity`` holds the pool's lexical cosines
    to it; only the closest ``CITATION_NEIGHBOURS`` are embedded)."""
    item = pool[index]
    others = [
        j
        for j in np.argsort(-similarity, kind="stable")[: CITATION_NEIGHBOURS + 1]
        if j != index and similarity[j] > 0 and pool[j].article != item.article
    ]
    citing = [item.article]
    if others:
        embedded = vectors([item, *(pool[j] for j in others)])
        for j, same in zip(others, embedded[1:] @ embedded[0]):
            if same >= SAME_CONTENT and pool[j].article not in citing:
                citing.append(pool[j].article)
    return CitedSentence(
        text=item.sentence.text,
        sources=tuple(sources[a] for a in citing),
        start=item.sentence.start,
        end=item.sentence.end,
    )


def pick_day(
    pool: Sequence[DatedSentence],
    space: LexicalSpace,
    count: int,
    eligible: Callable[[str], bool],
    vectors: SentenceVectors,
    chosen: list[np.ndarray],
    sources: Sequence[str],
    *,
    repeat: float = REPEAT,
) -> list[CitedSentence]:
    """Up to ``count`` sentences of the pool by summary-centroid greedy choice, each
    ``eligible`` by its text and repeating no sentence in ``chosen`` (the vectors of
    the timeline's sentences so far, extended here)."""
    if not pool or count <= 0:
        return []
    matrix = space.matrix(pool)
    centroid = matrix.sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    toward = matrix @ centroid  # x_i . c
    own = np.einsum("ij,ij->i", matrix, matrix)  # |x_i|^2 (0 for a sentence of stop words only)
    overlap = np.zeros(len(pool))  # s . x_i, s the sum of the chosen rows
    summary_toward, summary_norm = 0.0, 0.0  # s . c and |s|^2
    open_ = np.ones(len(pool), dtype=bool)
    picked: list[CitedSentence] = []
    while len(picked) < count and open_.any():
        # cos(s + x_i, c) = (s.c + x_i.c) / |s + x_i|, |s + x_i|^2 = |s|^2 + 2 s.x_i + |x_i|^2
        length = np.sqrt(np.maximum(summary_norm + 2 * overlap + own, 1e-12))
        scores = np.where(open_, (summary_toward + toward) / length, -np.inf)
        order = [i for i in np.argsort(-scores, kind="stable") if open_[i]]
        taken = None
        for rank, i in enumerate(order):
            # Every candidate looked at is closed, taken or not (as DATEWISE does).
            open_[i] = False
            if not eligible(pool[i].sentence.text):
                continue
            upcoming = [pool[j] for j in order[rank : rank + LOOKAHEAD] if eligible(pool[j].sentence.text)]
            vector = vectors(upcoming)[0]
            if repeats(vector, chosen, repeat):
                continue
            taken = i
            chosen.append(vector)
            break
        if taken is None:
            break
        similarity = matrix @ matrix[taken]
        picked.append(cite(taken, pool, similarity, vectors, sources))
        summary_toward += toward[taken]
        summary_norm += 2 * overlap[taken] + own[taken]
        overlap += similarity
    return picked
