"""Stage 7 for many articles: key-date timelines (news timeline summarization).

A briefing of hundreds of articles cannot show every dated event: an editor wants
the 10 to 40 days that matter, each with the one to three sentences that say what
happened, and an overview of the whole story, every sentence citing its articles.
This package follows what the timeline-summarization literature found works
(DATEWISE of Gholipour Ghalandari & Ifrim 2020): pick the days first, by how much
the collection talks about them, then each day's sentences by centrality.

1. ``mentions.py``   which calendar days each sentence names (the temporal tagger);
2. ``ranking.py``    rank the days: mention and publication counts, learned weights
                     shipped in ``date_ranker.json``;
3. ``candidates.py`` a day's candidate sentences (about it, or leads of its news)
                     in the collection's TF-IDF space, narrowed to its news;
4. ``picking.py``    each day's sentences by summary-centroid choice, no repeats
                     (MiniLM), citing every article that said the same;
5. ``overview.py``   the sentences that best cover the whole collection.

``words.py`` holds the words: content terms, stop words (``stop_words.txt``) and
the ``--query`` filter. ``select.py`` runs the stages in that order. Nothing is
quadratic in the collection: every stage is linear in its sentences, a day's
work is bounded by its own candidates, and the encoder sees a bounded number of
sentences a day.
"""

from .select import AUTO_MIN_ARTICLES, automatic_dates, select_key_dates

__all__ = ["AUTO_MIN_ARTICLES", "automatic_dates", "select_key_dates"]
