"""Key-date selection (summarize/keydates): days named, days ranked, sentences picked.

The invented story of tests/keydates_story.py (landfall on 3 March, dam failure on
5 March, inquiry on 16 March) is briefed with a hashed bag-of-words encoder, so
these tests are fast and exact; tests/test_keydates_cli.py runs the real MiniLM.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

from keydates_story import DAM, INQUIRY, LANDFALL, story_articles, word_encoder
from summarize.keydates import automatic_dates, select_key_dates
from summarize.keydates.candidates import LexicalSpace, day_pool, knee
from summarize.keydates.mentions import ArticleMentions, DatedSentence, article_mentions, collection_mentions, named_day
from summarize.keydates.picking import SentenceVectors, pick_day
from summarize.keydates.ranking import FEATURES, WEIGHTS_FILE, day_features, rank_days, scaled, shipped_weights
from summarize.keydates.words import Query, terms
from summarize.models import Article, Sentence, TimeExpression


def select(articles=None, **options):
    return select_key_dates(story_articles() if articles is None else articles, encode=word_encoder, **options)


@pytest.mark.parametrize(
    ("kind", "value", "mod", "day"),
    [
        ("DATE", "2015-03-05", None, dt.date(2015, 3, 5)),
        ("TIME", "2015-03-05TMO", None, dt.date(2015, 3, 5)),
        ("TIME", "2015-03-05T14:30", None, dt.date(2015, 3, 5)),
        ("DATE", "2015-03-05", "START", dt.date(2015, 3, 5)),  # "early on March 5"
        ("DATE", "2015-03-05", "BEFORE", None),  # "before March 5"
        ("DATE", "2015-03", None, None),  # "March": no day
        ("DATE", "2015", None, None),
        ("DATE", "XXXX-03-05", None, None),  # year unknown
        ("DATE", "XXXX-WXX-4", None, None),  # "Thursday", article undated
        ("DATE", "2015-W10", None, None),
        ("DURATION", "P2D", None, None),
    ],
)
def test_named_day(kind, value, mod, day):
    assert named_day(TimeExpression(0, 1, "x", kind, value, mod)) == day


def test_article_mentions_resolve_relative_days_against_the_article_date():
    article = story_articles()[3]  # 5 March: "on Thursday", "on Wednesday"
    mentions = article_mentions(0, article)
    assert sorted(set(mentions.mentioned)) == [dt.date(2015, 3, 4), DAM]
    days = {item.sentence.text.split()[1]: item.days for item in mentions.candidates}
    assert days["Kessel"] == (DAM,)
    assert [item.position for item in mentions.candidates] == [0, 1, 2]
    for item in mentions.candidates:
        assert article.text[item.sentence.start : item.sentence.end] == item.sentence.text


def test_day_features_count_sentences_articles_and_publications():
    days, matrix = day_features(collection_mentions(story_articles()))
    row = dict(zip(FEATURES, matrix[days.index(DAM)]))
    # March 5 is named by articles 4-12 except 4's own "Thursday" counts as same-day.
    assert row["mentions_same_day"] == 2  # articles 4 and 5, published on 5 March
    assert row["mentions_after"] == 6  # articles 6, 7, 8, 9, 10, 12
    assert row["articles"] == 8
    assert row["published"] == 2
    assert row["published_next_day"] == 1
    assert scaled(matrix).max() == pytest.approx(1.0)
    assert scaled(matrix).min() >= 0.0


def test_rank_days_puts_the_story_days_first_and_honours_the_window():
    ranked = [r.day for r in rank_days(collection_mentions(story_articles()))]
    assert ranked[:3] == [DAM, LANDFALL, INQUIRY]
    window = [
        r.day
        for r in rank_days(collection_mentions(story_articles()), since=dt.date(2015, 3, 4), until=dt.date(2015, 3, 15))
    ]
    assert DAM in window and LANDFALL not in window and INQUIRY not in window
    assert all(dt.date(2015, 3, 4) <= day <= dt.date(2015, 3, 15) for day in window)


def test_shipped_weights_match_the_features():
    _, weights = shipped_weights()
    data = json.loads(WEIGHTS_FILE.read_text())
    assert tuple(data["features"]) == FEATURES and len(weights) == len(FEATURES)
    # Every count says "this day matters": no learned weight may say the opposite.
    assert all(w > 0 for w in weights)


@pytest.mark.parametrize(
    ("words", "text", "matches"),
    [
        (["flu"], "Flu cases rose.", True),
        (["flu"], "flu-like symptoms", True),
        # Inside a word too, as the benchmark's topic keywords are meant: "flu" keeps
        # "influenza", "H1N1" keeps "AH1N1" (and "influence": a filter, not a ranking).
        (["flu"], "Influenza A spread.", True),
        (["h1n1"], "the AH1N1 strain", True),
        (["quake"], "Floods hit the valley.", False),
        (["michael", "jackson"], "Jackson's doctor", True),
        (["michael", "jackson"], "The singer's doctor", False),
        ([], "anything", True),
    ],
)
def test_query(words, text, matches):
    assert Query(words).matches(text) is matches


def test_story_timeline():
    selection = select(max_dates=3, per_date=1)
    assert [k.value for k in selection.key_dates] == ["2015-03-03", "2015-03-05", "2015-03-16"]
    assert [k.label for k in selection.key_dates] == ["Tue 3 Mar 2015", "Thu 5 Mar 2015", "Mon 16 Mar 2015"]
    landfall, dam, inquiry = (k.sentences[0].text for k in selection.key_dates)
    assert "landfall" in landfall or "struck" in landfall or "hit" in landfall
    assert "dam" in dam and ("failed" in dam or "collapsed" in dam)
    assert "inquiry" in inquiry.lower()
    assert selection.notes == ()


def test_the_same_sentence_from_several_outlets_is_one_sentence_citing_them_all():
    articles = story_articles()
    copy = dataclasses.replace(articles[5], source="wire-copy", text=articles[5].text)
    selection = select([*articles, copy], max_dates=3, per_date=3)
    texts = [s.text for k in selection.key_dates for s in k.sentences]
    assert len(texts) == len(set(texts))
    cited = [s.sources for k in selection.key_dates for s in k.sentences if "wire-copy" in s.sources]
    assert cited and all(len(sources) >= 2 for sources in cited)


def test_sentences_are_exact_spans_of_their_first_source():
    articles = {a.source: a for a in story_articles()}
    selection = select(max_dates=5, per_date=2)
    for sentence in [s for k in selection.key_dates for s in k.sentences] + list(selection.overview):
        assert articles[sentence.sources[0]].text[sentence.start : sentence.end] == sentence.text


def test_query_keeps_only_sentences_with_its_words():
    selection = select(max_dates=5, per_date=2, query=["inquiry"])
    sentences = [s.text for k in selection.key_dates for s in k.sentences] + [s.text for s in selection.overview]
    assert sentences and all("inquiry" in s.lower() for s in sentences)


def test_automatic_length_is_noted():
    selection = select()
    assert len(selection.key_dates) <= automatic_dates(12) == 10
    assert any("chosen automatically for 12 articles" in note for note in selection.notes)


def test_too_few_days_are_noted():
    selection = select(max_dates=30, per_date=1)
    assert len(selection.key_dates) < 30
    assert any(f"{len(selection.key_dates)} of the 30 dates" in note for note in selection.notes)


@pytest.mark.parametrize("max_dates", [3, 5, 8])
def test_overview_covers_the_story_without_repeats(max_dates):
    selection = select(max_dates=max_dates, per_date=2)
    assert 1 <= len(selection.overview) <= 3
    assert len({s.text for s in selection.overview}) == len(selection.overview)
    # Nor does it repeat a sentence the timeline shows (with 5 dates the inquiry's
    # lead was both the overview's third sentence and 16 March's second).
    timeline = {s.text for k in selection.key_dates for s in k.sentences}
    assert not timeline & {s.text for s in selection.overview}


@pytest.mark.parametrize(
    ("values", "index"),
    [
        ([0.9, 0.85, 0.8, 0.2, 0.15, 0.1], 2),  # a cliff after the third
        ([0.9, 0.2, 0.19, 0.18, 0.17], 1),  # one stands out
        ([0.7, 0.6], 0),  # too short to have one
    ],
)
def test_knee(values, index):
    assert knee(values) == index


def _dated(article: int, position: int, text: str, *days: dt.date) -> DatedSentence:
    return DatedSentence(article, position, Sentence(text, 0, len(text)), days)


def _space(items: list[DatedSentence]) -> LexicalSpace:
    documents = [
        ArticleMentions(
            index=i,
            date=None,
            mentioned=(),
            candidates=(),
            sentence_count=1,
            term_sentences=dict.fromkeys(terms(item.sentence.text), 1),
        )
        for i, item in enumerate(items)
    ]
    return LexicalSpace(documents)


def test_day_pool_keeps_what_the_sentences_about_the_day_and_its_leads_share():
    day = dt.date(2015, 3, 5)
    about = [
        _dated(0, 3, "The Kessel dam failed on Thursday, flooding the valley.", day),
        _dated(1, 4, "Rescuers searched the valley after the Kessel dam failed on Thursday.", day),
        _dated(2, 7, "Shares fell on Thursday in a quiet market.", day),
    ]
    leads = [
        _dated(3, 0, "The Kessel dam failed, flooding the valley below."),
        _dated(4, 1, "Water from the failed Kessel dam reached four valley towns."),
        _dated(5, 0, "A new coach was named for the national football team."),
    ]
    pool = day_pool(about, leads, _space(about + leads))
    assert about[0] in pool and leads[0] in pool
    assert about[2] not in pool and leads[2] not in pool
    # One group alone is the whole pool.
    assert day_pool(about, [], _space(about)) == about


def test_pick_day_covers_what_the_first_sentence_left_out():
    failed = "The dam failed and water flooded the valley."
    items = [
        _dated(0, 0, failed),
        _dated(1, 0, failed),
        _dated(2, 0, "The dam failed and water flooded the valley, officials said."),
        _dated(3, 0, "Four towns were evacuated as rescuers arrived by helicopter."),
        _dated(4, 0, "Rescuers evacuated four towns by helicopter."),
    ]
    space = _space(items)
    sources = ["a", "b", "c", "d", "e"]

    def pick(count, eligible=lambda text: True, repeat=1.1, chosen=None):
        return pick_day(
            items,
            space,
            count,
            eligible,
            SentenceVectors(word_encoder),
            [] if chosen is None else chosen,
            sources,
            repeat=repeat,
        )

    chosen: list = []
    picked = pick(3, chosen=chosen)
    # The day's main news first; then what it left out (the evacuation), before a
    # near copy of the first that a plain ranking by centrality would put second.
    assert [p.text for p in picked] == [failed, items[3].sentence.text, items[2].sentence.text]
    assert picked[0].sources == ("a", "b")  # the same sentence in two articles: one, citing both
    assert len(chosen) == 3
    # The query decides what may be shown; the repeat bar passes over near copies.
    assert [p.text for p in pick(2, eligible=lambda text: "helicopter" in text)] == [
        items[3].sentence.text,
        items[4].sentence.text,
    ]
    assert [p.text for p in pick(3, repeat=0.8)] == [failed, items[3].sentence.text]
    assert pick(0) == [] and pick_day([], space, 2, lambda text: True, SentenceVectors(word_encoder), [], sources) == []


def test_idf_comes_from_every_sentence_of_the_collection():
    common = _dated(0, 0, "The dam failed.")
    rare = _dated(1, 0, "The spillway failed.")
    documents = [
        ArticleMentions(
            index=0,
            date=None,
            mentioned=(),
            candidates=(),
            sentence_count=10,
            term_sentences={"dam": 9, "failed": 5, "spillway": 1},
        )
    ]
    space = LexicalSpace(documents)
    assert space.vector(common)["failed"] > space.vector(common)["dam"]
    assert space.vector(rare)["spillway"] > space.vector(rare)["failed"]


def test_undated_articles_name_no_days():
    undated = [dataclasses.replace(a, date=None, date_source=None) for a in story_articles()]
    selection = select(undated, max_dates=5)
    # Only the month-day dates with... no year either: nothing is a calendar day.
    assert selection.key_dates == ()


def test_empty_collection():
    assert select([], max_dates=3).key_dates == ()


@settings(max_examples=25, deadline=None)
@given(
    max_dates=st.integers(1, 8),
    per_date=st.integers(1, 4),
    drop=st.sets(st.integers(0, 11)),
    since_day=st.integers(1, 20),
)
def test_limits_hold_for_any_options(max_dates, per_date, drop, since_day):
    articles = [a for i, a in enumerate(story_articles()) if i not in drop]
    since = dt.date(2015, 3, since_day)
    selection = select(articles, max_dates=max_dates, per_date=per_date, since=since)
    values = [k.value for k in selection.key_dates]
    assert len(values) <= max_dates and values == sorted(values) and len(set(values)) == len(values)
    assert all(dt.date.fromisoformat(v) >= since for v in values)
    for key_date in selection.key_dates:
        assert 1 <= len(key_date.sentences) <= per_date
        assert key_date.mentions >= 1
    every = [s.text for k in selection.key_dates for s in k.sentences]
    assert len(every) == len(set(every))


def test_an_article_of_many_dates_stays_linear():
    # 20,000 dated sentences in one article: mentions are collected in one pass.
    text = " ".join(f"Talks resumed on March {1 + i % 28}, 2015 in the capital." for i in range(20000))
    article = Article(text=text, source="long", date=dt.date(2015, 4, 1))
    mentions = article_mentions(0, article)
    assert len(mentions.mentioned) == 20000
