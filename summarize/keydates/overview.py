"""Stage 5 of key-date selection: an overview of the whole story.

The overview is the few sentences that best cover the collection: among the
articles' lead sentences (where news states what happened), the ones closest to
the centroid of all leads, none repeating another, each citing every article
that said the same (``REPEAT``). Leads are shortlisted by TF-IDF first (``candidates``), so
3,000 articles cost ``SHORTLIST`` encodings, not 6,000.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..models import CitedSentence
from .candidates import LexicalSpace, Query, shortlist
from .mentions import ArticleMentions
from .picking import SentenceVectors, pick, preference

SENTENCES = 3
# An overview covers the story, so its sentences must say different things: a
# stricter bar than the timeline's (where "The dam failed on Thursday" and "The dam
# collapsed on Thursday, flooding the valley", cosine about 0.75, would both stand).
REPEAT = 0.6
# Leads per article considered.
LEAD = 2
SHORTLIST = 60


def overview(collection: Sequence[ArticleMentions], space: LexicalSpace, vectors: SentenceVectors,
             sources: Sequence[str], query: Query, *, sentences: int = SENTENCES) -> list[CitedSentence]:
    """The overview sentences, most central first."""
    leads = [item for article in collection for item in article.candidates
             if item.position < LEAD and query.matches(item.sentence.text)]
    if not leads:
        return []
    leads = shortlist(leads, [], space, SHORTLIST)
    embedded = vectors(leads)
    centroid = embedded.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    scores = embedded @ centroid + np.array([preference(item) for item in leads])
    return pick(leads, scores, embedded, sentences, [], sources, repeat=REPEAT)
