"""Stage 5 of key-date selection: an overview of the whole story.

The overview is the few sentences that best cover the collection: among the
articles' lead sentences (where news states what happened), the ones closest to
the centroid of all leads by MiniLM (the overview paraphrases the story, so
meaning, not shared words, decides), none repeating another, each citing every
article that said the same. Leads are shortlisted by TF-IDF first (the lexical
space of ``candidates``), so 3,000 articles cost ``SHORTLIST`` encodings, not 6,000.

A timeline entry and an overview sentence are plain statements of 10-30 words,
not run-on paragraphs or reactions in quotation marks:

    score = cos(lead, centroid) - LENGTH * |log(words / TYPICAL_WORDS)| - QUOTE * quoted
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

import numpy as np

from ..models import CitedSentence
from ..summarizers.extractive import is_quoted
from .candidates import LexicalSpace
from .mentions import ArticleMentions, DatedSentence
from .picking import SentenceVectors, cite, repeats
from .words import Query

SENTENCES = 3
# An overview covers the story, so its sentences must say different things: a
# stricter bar than the timeline's (where "The dam failed on Thursday" and "The dam
# collapsed on Thursday, flooding the valley", cosine about 0.75, would both stand).
REPEAT = 0.6
# Leads per article considered.
LEAD = 2
SHORTLIST = 60
LENGTH = 0.05
QUOTE = 0.05
TYPICAL_WORDS = 20


def preference(item: DatedSentence) -> float:
    """The length and quotation terms of a lead's score."""
    words = max(1, len(item.sentence.text.split()))
    return -LENGTH * abs(math.log(words / TYPICAL_WORDS)) - QUOTE * is_quoted(item.sentence.text)


def overview(
    collection: Sequence[ArticleMentions],
    space: LexicalSpace,
    vectors: SentenceVectors,
    sources: Sequence[str],
    query: Query,
    *,
    sentences: int = SENTENCES,
    shown: Collection[str] = (),
) -> list[CitedSentence]:
    """The overview sentences, most central first; none is a sentence the timeline
    already ``shown`` (the same words twice on one page read as an error, while the
    overview may well restate what a key date says in other words)."""
    shown = set(shown)
    leads = [
        item
        for article in collection
        for item in article.candidates
        if item.position < LEAD and query.matches(item.sentence.text)
    ]
    if not leads or sentences <= 0:
        return []
    if len(leads) > SHORTLIST:
        best = np.argsort(-space.centrality(leads), kind="stable")[:SHORTLIST]
        leads = [leads[i] for i in sorted(best)]
    embedded = vectors(leads)
    centroid = embedded.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    scores = embedded @ centroid + np.array([preference(item) for item in leads])
    chosen: list[np.ndarray] = []
    picked: list[CitedSentence] = []
    for index in np.argsort(-scores, kind="stable"):
        if len(picked) >= sentences:
            break
        if leads[index].sentence.text in shown or repeats(embedded[index], chosen, REPEAT):
            continue
        chosen.append(embedded[index])
        picked.append(cite(index, leads, embedded @ embedded[index], vectors, sources))
    return picked
