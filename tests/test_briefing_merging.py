"""Cross-article merging with hand-made events and a stand-in encoder.

The encoder is replaced by fixed unit vectors so each test states the similarity it
relies on; the real MiniLM thresholds are exercised by test_briefing.py.
"""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from summarize.merging import CONFLICTING_DATES, SAME_HAPPENING, date_span, merge_events
from summarize.models import Event, TimeExpression


def event(value: str, headline: str, source: str, mod: str | None = None) -> Event:
    time = TimeExpression(start=0, end=6, text="Sunday", type="DATE", value=value, mod=mod)
    return Event(
        label=value,
        headline=headline,
        sentence=headline + ".",
        start=0,
        end=len(headline) + 1,
        time=time,
        sources=(source,),
    )


def encoder_with(similar: dict[frozenset, float]):
    """An encoder whose vectors give exactly the cosine listed for each pair of texts
    (pairs not listed: 0). Built from a Gram matrix, so it is a real embedding."""
    calls = []

    def encode(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        n = len(texts)
        gram = np.eye(n)
        for i in range(n):
            for j in range(n):
                if i != j:
                    gram[i, j] = similar.get(frozenset((texts[i], texts[j])), 1.0 if texts[i] == texts[j] else 0.0)
        values, vectors = np.linalg.eigh(gram)
        assert values.min() > -1e-9, "the listed similarities are not a valid embedding"
        return (vectors * np.sqrt(np.clip(values, 0, None))).astype(np.float64)

    encode.calls = calls  # type: ignore[attr-defined]  # the texts of each call, for the tests to read
    return encode


WALID_A = "Militants seized control of the al-Walid border crossing with Syria"
WALID_B = "Insurgents took the al-Walid border crossing with Syria"
TURAIBIL = "The Turaibil crossing with Jordan fell to the insurgents"
RAWA_A = "Insurgents moved into Rawa and Ana"
RAWA_B = "The insurgents moved into the towns of Rawa and Ana"


def test_same_day_and_similar_is_one_event_citing_both_with_the_earliest_wording():
    later = [event("2014-06-22", WALID_B, "followup.txt")]
    earlier = [event("2014-06-22", WALID_A, "sample.txt")]
    encode = encoder_with({frozenset((WALID_A, WALID_B)): 0.86})
    merged = merge_events([later, earlier], article_dates=[dt.date(2014, 6, 24), dt.date(2014, 6, 22)], encode=encode)
    assert [(e.headline, e.sources, e.conflicts) for e in merged] == [
        (WALID_A, ("sample.txt", "followup.txt"), ()),
    ]


def test_a_day_within_a_month_overlaps():
    merged = merge_events(
        [[event("2014-06", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")]],
        article_dates=[dt.date(2014, 6, 30), dt.date(2014, 6, 30)],
        encode=encoder_with({frozenset((WALID_A, WALID_B)): 0.86}),
    )
    assert [(e.value, e.sources) for e in merged] == [("2014-06", ("a", "b"))]


def test_part_of_day_and_late_on_overlap_their_day():
    merged = merge_events(
        [[event("2014-06-09", RAWA_A, "a", mod="END")], [event("2014-06-09TEV", RAWA_B, "b")]],
        encode=encoder_with({frozenset((RAWA_A, RAWA_B)): 0.9}),
    )
    assert [e.sources for e in merged] == [("a", "b")]


def test_same_day_but_different_happenings_stay_apart():
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", TURAIBIL, "b")]],
        encode=encoder_with({frozenset((WALID_A, TURAIBIL)): 0.41}),
    )
    assert [(e.headline, e.sources, e.conflicts) for e in merged] == [(WALID_A, ("a",), ()), (TURAIBIL, ("b",), ())]


def test_just_below_the_threshold_stays_apart_and_at_it_merges():
    pair = frozenset((WALID_A, WALID_B))
    below = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")]],
        encode=encoder_with({pair: SAME_HAPPENING - 0.01}),
    )
    at = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")]],
        encode=encoder_with({pair: SAME_HAPPENING + 1e-6}),
    )
    assert (len(below), len(at)) == (2, 1)


def exactly(cosine: float):
    """An encoder giving the two texts exactly ``cosine`` (in float32 too: 0.75 is a
    binary fraction), so that "at least" can be told from "more than"."""

    def encode(texts: list[str]) -> np.ndarray:
        return np.array([[1.0, 0.0], [cosine, (1 - cosine**2) ** 0.5]])[: len(texts)]

    return encode


def test_the_thresholds_are_reached_at_equality():
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")]], encode=exactly(0.75), same=0.75
    )
    assert [e.sources for e in merged] == [("a", "b")]
    merged = merge_events(
        [[event("2014-06-21", RAWA_A, "a")], [event("2014-06-20", RAWA_B, "b")]],
        encode=exactly(0.75),
        same=0.9,
        conflict=0.75,
    )
    assert [e.conflicts for e in merged] == [("2014-06-20",), ("2014-06-21",)]


def test_an_event_joins_a_happening_by_its_most_similar_member():
    # The third article's wording is close to the second's (0.9), not to the first's
    # (0.62): it joins the happening the second joined.
    third = "Insurgents captured the al-Walid crossing on the Syrian border"
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")], [event("2014-06-22", third, "c")]],
        encode=encoder_with(
            {frozenset((WALID_A, WALID_B)): 0.9, frozenset((WALID_B, third)): 0.9, frozenset((WALID_A, third)): 0.62}
        ),
    )
    assert [e.sources for e in merged] == [("a", "b", "c")]


def test_a_happening_takes_one_event_of_each_article():
    # The second article tells the crossing twice (a repeat events.py did not merge):
    # the happening takes the closer one; the other stays an event of its own.
    again = "Militants took control of the border crossing at al-Walid"
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b"), event("2014-06-22", again, "b")]],
        encode=encoder_with(
            {frozenset((WALID_A, WALID_B)): 0.9, frozenset((WALID_A, again)): 0.85, frozenset((WALID_B, again)): 0.8}
        ),
    )
    assert [(e.headline, e.sources) for e in merged] == [(WALID_A, ("a", "b")), (again, ("b",))]


def test_an_undated_article_reported_after_every_dated_one():
    # The undated article comes first in the input, the dated one keeps the wording.
    merged = merge_events(
        [[event("2014-06-22", WALID_B, "undated")], [event("2014-06-22", WALID_A, "dated")]],
        article_dates=[None, dt.date(2014, 6, 30)],
        encode=encoder_with({frozenset((WALID_A, WALID_B)): 0.86}),
    )
    assert [(e.headline, e.sources) for e in merged] == [(WALID_A, ("dated", "undated"))]


@pytest.mark.slow
def test_the_default_encoder_is_minilm():
    # The docstring's pairs: a paraphrase (0.86 with MiniLM) merges, another happening
    # of the story (0.41 in the test above) does not.
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")], [event("2014-06-22", TURAIBIL, "c")]]
    )
    assert [e.sources for e in merged] == [("a", "b"), ("c",)]


def test_conflicting_dates_are_both_kept_and_name_each_other():
    merged = merge_events(
        [[event("2014-06-21TEV", RAWA_A, "sample")], [event("2014-06-20TEV", RAWA_B, "page")]],
        article_dates=[dt.date(2014, 6, 22), dt.date(2014, 6, 23)],
        encode=encoder_with({frozenset((RAWA_A, RAWA_B)): 0.86}),
    )
    assert [(e.value, e.sources, e.conflicts) for e in merged] == [
        ("2014-06-21TEV", ("sample",), ("2014-06-20TEV",)),
        ("2014-06-20TEV", ("page",), ("2014-06-21TEV",)),
    ]


def test_a_conflict_needs_the_stricter_similarity():
    merged = merge_events(
        [[event("2014-06-21", RAWA_A, "a")], [event("2014-06-20", RAWA_B, "b")]],
        encode=encoder_with({frozenset((RAWA_A, RAWA_B)): CONFLICTING_DATES - 0.02}),
    )
    assert [e.conflicts for e in merged] == [(), ()]


def test_a_conflict_is_with_the_best_match_only():
    # "page" says the towns were entered on Friday; the sample has the entry on
    # Saturday evening (0.86) and a killing during it (0.82): only the entry conflicts.
    killed = "Some of those killed were shot dead when the militants moved into the towns"
    merged = merge_events(
        [
            [event("2014-06-21", killed, "sample"), event("2014-06-21TEV", RAWA_A, "sample")],
            [event("2014-06-20TEV", RAWA_B, "page")],
        ],
        encode=encoder_with(
            {frozenset((RAWA_A, RAWA_B)): 0.86, frozenset((killed, RAWA_B)): 0.82, frozenset((killed, RAWA_A)): 0.5}
        ),
    )
    assert [(e.value, e.conflicts) for e in merged] == [
        ("2014-06-21", ()),
        ("2014-06-21TEV", ("2014-06-20TEV",)),
        ("2014-06-20TEV", ("2014-06-21TEV",)),
    ]


def test_events_of_one_article_are_never_merged_or_in_conflict():
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a"), event("2014-06-23", WALID_B, "a")]],
        encode=encoder_with({frozenset((WALID_A, WALID_B)): 0.99}),
    )
    assert [(e.value, e.sources, e.conflicts) for e in merged] == [
        ("2014-06-22", ("a",), ()),
        ("2014-06-23", ("a",), ()),
    ]


def test_a_single_article_needs_no_encoder():
    def fail(texts):
        raise AssertionError("the encoder was called")

    events = [event("2014-06-22", WALID_A, "a")]
    assert merge_events([events], encode=fail) == events


def test_three_articles_one_event_with_three_sources_and_one_encoder_call():
    third = "Militants captured the al-Walid crossing"
    encode = encoder_with(
        {frozenset((WALID_A, WALID_B)): 0.86, frozenset((WALID_A, third)): 0.8, frozenset((WALID_B, third)): 0.8}
    )
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")], [event("2014-06-22", third, "c")]],
        encode=encode,
    )
    assert [e.sources for e in merged] == [("a", "b", "c")]
    assert len(encode.calls) == 1  # one batch for the whole briefing


def test_weekdays_without_a_year_never_merge_but_equal_month_days_do():
    pair = {frozenset((WALID_A, WALID_B)): 0.9}
    weekdays = merge_events(
        [[event("XXXX-WXX-7", WALID_A, "a")], [event("XXXX-WXX-7", WALID_B, "b")]], encode=encoder_with(pair)
    )
    month_days = merge_events(
        [[event("XXXX-06-22", WALID_A, "a")], [event("XXXX-06-22", WALID_B, "b")]], encode=encoder_with(pair)
    )
    different = merge_events(
        [[event("XXXX-06-22", WALID_A, "a")], [event("XXXX-06-21", WALID_B, "b")]], encode=encoder_with(pair)
    )
    assert (len(weekdays), len(month_days), len(different)) == (2, 1, 2)
    assert all(e.conflicts == () for e in different)  # no year: no grounds to call it a conflict


@pytest.mark.parametrize("order", ["dated first", "undated first"])
def test_a_date_with_a_year_and_one_without_neither_merge_nor_conflict(order):
    # "June 22, 2014" and "Saturday" of an undated article may be the same day or not.
    events = [[event("2014-06-22", WALID_A, "a")], [event("XXXX-WXX-6", WALID_B, "b")]]
    if order == "undated first":
        events.reverse()
    merged = merge_events(events, encode=encoder_with({frozenset((WALID_A, WALID_B)): 0.9}))
    assert sorted((e.value, e.sources, e.conflicts) for e in merged) == [
        ("2014-06-22", ("a",), ()),
        ("XXXX-WXX-6", ("b",), ()),
    ]


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2014-06-22", ("2014-06-22", "2014-06-22")),
        ("2014-06-21TEV", ("2014-06-21", "2014-06-21")),
        ("2014-06", ("2014-06-01", "2014-06-30")),
        ("2016-02", ("2016-02-01", "2016-02-29")),
        ("2014", ("2014-01-01", "2014-12-31")),
        ("2014-W25", ("2014-06-16", "2014-06-22")),
        ("2014-Q2", ("2014-04-01", "2014-06-30")),
        ("2014-SU", ("2014-06-01", "2014-08-31")),
        ("2014-WI", ("2013-12-01", "2014-02-28")),
        ("XXXX-WXX-6", None),
        ("XXXX-06-09", None),
        ("P2D", None),
    ],
)
def test_date_span(value, span):
    expected = None if span is None else tuple(dt.date.fromisoformat(d) for d in span)
    assert date_span(value) == expected


@pytest.mark.parametrize(
    ("value", "end_value", "span"),
    [
        ("1991", "1998", ("1991-01-01", "1998-12-31")),
        ("2004-02", "2013-09", ("2004-02-01", "2013-09-30")),
        ("2014", "2015-03", ("2014-01-01", "2015-03-31")),
        ("2014-05-05", "XXXX-05-07", ("2014-05-05", "2014-05-07")),  # the end takes the start's year
        ("XXXX-05-05", "XXXX-05-07", None),
    ],
)
def test_date_span_of_a_range(value, end_value, span):
    expected = None if span is None else tuple(dt.date.fromisoformat(d) for d in span)
    assert date_span(value, end_value) == expected


def test_a_range_overlaps_a_point_date_inside_it():
    start = event("2014-06-01", WALID_A, "a")
    ranged = dataclasses.replace(start, end_time=dataclasses.replace(start.time, value="2014-06-30"), extent="range")
    point = event("2014-06-22", WALID_B, "b")
    outside = event("2014-07-02", WALID_B, "c")
    encode = encoder_with({frozenset((WALID_A, WALID_B)): 0.86})
    merged = merge_events([[ranged], [point]], encode=encode)
    assert [(e.value, e.end_value, e.sources) for e in merged] == [("2014-06-01", "2014-06-30", ("a", "b"))]
    # Without its end the start day alone does not overlap 22 June.
    merged = merge_events([[dataclasses.replace(ranged, end_time=None)], [point]], encode=encode)
    assert [e.sources for e in merged] == [("a",), ("b",)]
    merged = merge_events([[ranged], [outside]], encode=encode)
    assert [e.sources for e in merged] == [("a",), ("c",)]


def test_a_threshold_not_exact_in_binary_is_reached_at_equality_inputs():
    """same=0.7 and a cosine of 0.7: the vectors are float32 (as MiniLM's are), where
    0.7 is 0.69999999, and the bar is compared at that precision too, so the two
    headlines merge ("at least", as with 0.75 above)."""
    merged = merge_events(
        [[event("2014-06-22", WALID_A, "a")], [event("2014-06-22", WALID_B, "b")]], encode=exactly(0.7), same=0.7
    )
    assert [e.sources for e in merged] == [("a", "b")]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_an_encoders_float64_vectors_merge_as_its_float32_ones_inputs(dtype):
    """The vectors are compared in float32 whatever the encoder returns (MiniLM gives
    float32; another encoder may give float64), so one encoder's vectors merge alike in
    either type: a cosine of 0.79999999 is 0.8 in float32 and reaches conflict=0.8."""

    def encode(texts: list[str]) -> np.ndarray:
        return exactly(0.79999999)(texts).astype(dtype)

    merged = merge_events(
        [[event("2014-06-21", RAWA_A, "a")], [event("2014-06-20", RAWA_B, "b")]], encode=encode, conflict=0.8
    )
    assert [(e.sources, e.conflicts) for e in merged] == [(("a",), ("2014-06-20",)), (("b",), ("2014-06-21",))]
