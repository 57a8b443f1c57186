"""Merging and citing on real multi-source coverage: the Timeline17 H1N1 topic, where
Reuters, the BBC and the Guardian reported the same days.

The articles are read from the shared evaluation folder at test time (they are for
evaluation only and are never copied into the project); without it the tests skip.
The checks are properties, not copies of the text: a citation names another outlet's
article that says the same thing, and one happening reported by several outlets is
one event.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import find_shared
from summarize.inputs.loading import load_input, read_jsonl
from summarize.keydates import select_key_dates
from summarize.keydates.words import terms
from summarize.sentences import split_sentences

pytestmark = pytest.mark.slow


def outlet(source: str) -> str:
    return source.split("/")[0]  # "H1N1_reuters/936" -> "H1N1_reuters"


@pytest.fixture(scope="module")
def h1n1():
    path = find_shared("eval/tls/h1n1/articles.jsonl")
    if not path.is_file():
        pytest.skip("Timeline17 dev topics not available")
    return [load_input(item) for item in read_jsonl(str(path))]


def witness(sentence: str, article_text: str) -> float:
    """The largest share of the sentence's content words that one sentence of the
    article holds: an independent, lexical check that the article says the same."""
    words = set(terms(sentence))
    return max((len(words & set(terms(s.text))) / len(words) for s in split_sentences(article_text)), default=0.0)


def test_key_date_sentences_cite_every_outlet_that_said_the_same(h1n1):
    by_source = {article.source: article for article in h1n1}
    selection = select_key_dates(h1n1, max_dates=15, per_date=2, query=["h1n1", "swine", "flu"])
    sentences = [s for key_date in selection.key_dates for s in key_date.sentences]
    assert len(selection.key_dates) == 15
    cited_by_several = [s for s in sentences if len(s.sources) > 1]
    across_outlets = [s for s in cited_by_several if len({outlet(x) for x in s.sources}) > 1]
    # On this topic (measured): 7 of 30 sentences cite several articles, 3 of them
    # articles of different outlets.
    assert len(cited_by_several) >= 4 and len(across_outlets) >= 2
    for sentence in cited_by_several:
        assert len(set(sentence.sources)) == len(sentence.sources)
        first = by_source[sentence.sources[0]].text
        assert first[sentence.start : sentence.end] == sentence.text
        for source in sentence.sources[1:]:
            # Paraphrases across outlets share 0.43 to 1.0 of their content words
            # here; articles merely on the same topic share far less.
            assert witness(sentence.text, by_source[source].text) >= 0.3, (sentence.text, source)


def test_events_of_one_happening_merge_across_outlets(h1n1):
    from summarize.merging import merge_events
    from summarize.pipeline import article_events
    from summarize.summarizers.encoder import get_encoder

    by_day = collections.defaultdict(list)
    for article in h1n1:
        by_day[article.date].append(article)
    shared_days = {day: group for day, group in by_day.items() if len({outlet(a.source) for a in group}) > 1}
    merged_days = 0
    encode = get_encoder().encode
    for _day, group in sorted(shared_days.items()):
        events = merge_events([article_events(a) for a in group], article_dates=[a.date for a in group], encode=encode)
        crossing = [e for e in events if len({outlet(s) for s in e.sources}) > 1]
        merged_days += bool(crossing)
        for event in crossing:
            assert len(set(event.sources)) == len(event.sources)
    # Measured: 12 of the 43 days on which two or three outlets published hold an
    # event merged across outlets (the 1918 pandemic, the WHO's alert level, ...).
    assert len(shared_days) >= 40 and merged_days >= 8
