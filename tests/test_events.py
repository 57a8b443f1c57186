"""Events from hand-made time expressions, so these tests do not depend on the tagger."""

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from summarize.events import extract_events
from summarize.headlines import make_headline
from summarize.models import Article, TimeExpression
from summarize.temporal.timex import TimexType


def expr(text: str, phrase: str, type_: TimexType, value: str, mod: str | None = None, nth: int = 0) -> TimeExpression:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return TimeExpression(start, start + len(phrase), phrase, type_, value, mod)


def events_of(text, expressions):
    article = Article(text=text, source="t.txt", date=dt.date(2014, 6, 22))
    return extract_events(article, expressions)


def test_two_dates_in_one_sentence_give_two_events_with_their_own_clauses():
    text = (
        "Some of those killed were shot dead on Saturday, when the militants moved into the towns, "
        "while others were slain the following day."
    )
    events = events_of(
        text, [expr(text, "Saturday", "DATE", "2014-06-21"), expr(text, "the following day", "DATE", "2014-06-22")]
    )
    assert [(e.value, e.headline) for e in events] == [
        ("2014-06-21", "Some of those killed were shot dead when the militants moved into the towns"),
        ("2014-06-22", "Others were slain"),
    ]
    assert all((e.start, e.end) == (0, len(text)) for e in events)


def test_reporting_date_is_not_an_event():
    text = "Militants killed 21 leaders during two days of violence, officers and doctors said Sunday."
    events = events_of(text, [expr(text, "two days", "DURATION", "P2D"), expr(text, "Sunday", "DATE", "2014-06-22")])
    assert events == []


def test_onward_extent_from_signal_and_label():
    text = "Beginning late on June 9, militants overran most of one province."
    events = events_of(text, [expr(text, "late on June 9", "DATE", "2014-06-09", "END")])
    (event,) = events
    assert (event.extent, event.label, event.exact) == ("onward", "Late Mon 9 Jun 2014 onward", False)
    assert event.headline == "Militants overran most of one province"
    assert event.time.text == "late on June 9"


def test_since_gives_onward():
    text = "Fighters have held all of one city since early January."
    (event,) = events_of(text, [expr(text, "early January", "DATE", "2014-01", "START")])
    assert (event.extent, event.label) == ("onward", "Early January 2014 onward")
    assert event.headline == "Fighters have held all of one city"


def test_attribution_and_parenthetical_are_deleted_from_headline():
    text = "Media reports said militants (ISIL) seized control of the al-Walid border crossing with Syria on Sunday."
    (event,) = events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22")])
    assert event.headline == "Militants seized control of the al-Walid border crossing with Syria"


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "P3D", "XXXX-XX-XX"])
def test_values_without_a_place_make_no_event(value):
    text = "They appear to have recovered recently."
    assert events_of(text, [expr(text, "recently", "DATE", value)]) == []


def test_sets_and_durations_make_no_event():
    text = "The market opens every Monday after two days of talks."
    assert (
        events_of(text, [expr(text, "every Monday", "SET", "XXXX-WXX-1"), expr(text, "two days", "DURATION", "P2D")])
        == []
    )


def test_repeated_happening_on_same_date_is_one_event():
    text = "Rebels seized the border crossing on Sunday. On Sunday, rebels seized the border crossing."
    events = events_of(
        text, [expr(text, "Sunday", "DATE", "2014-06-22"), expr(text, "Sunday", "DATE", "2014-06-22", nth=1)]
    )
    assert len(events) == 1


def test_long_headline_is_cut_at_a_phrase_boundary():
    sentence = (
        "On Monday the finance minister resigned from the cabinet of the embattled government "
        "after weeks of pressure from party members who had demanded a vote on his budget plans."
    )
    headline = make_headline(sentence, (3, 9))
    assert (
        headline
        == "The finance minister resigned from the cabinet of the embattled government after weeks of pressure from party members"
    )


def test_long_headline_without_boundary_is_cut_at_the_limit_without_an_ellipsis():
    words = " ".join(f"word{i}" for i in range(30))
    headline = make_headline(f"On Monday {words}.", (3, 9))
    assert headline.split() == ["Word0"] + [f"word{i}" for i in range(1, 18)]


def test_headline_only_deletes_words():
    sentence = "Witnesses said insurgents moved into Rawa and Ana, in Anbar province, on Saturday evening."
    start = sentence.index("Saturday evening")
    headline = make_headline(sentence, (start, start + len("Saturday evening")))
    source_words = sentence.lower().replace(",", "").split()
    assert all(word.strip(",.").lower() in " ".join(source_words) for word in headline.split())
    assert headline == "Insurgents moved into Rawa and Ana, in Anbar province"


def test_the_articles_own_year_places_nothing():
    text = "Fighters took parts of another city earlier in the year. The city fell in 2013."
    events = events_of(text, [expr(text, "earlier in the year", "DATE", "2014"), expr(text, "2013", "DATE", "2013")])
    assert [e.value for e in events] == ["2013"]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Militants seized the town, officials said on Sunday.", "Sunday"),
        ("The minister told CNN on Sunday that the town had fallen.", "Sunday"),
        ("The company said in a statement Sunday that profits had fallen.", "Sunday"),
        ("The town had fallen, according to a report published on Sunday.", "Sunday"),
    ],
)
def test_reporting_dates_make_no_event(text, phrase):
    assert events_of(text, [expr(text, phrase, "DATE", "2014-06-22")]) == []


def test_an_announcement_is_a_happening_dated_by_its_date():
    """'announced' is not a verb of saying: the announcement is news, and its headline
    is what was announced."""
    text = "Jamie Silvonek was charged as an adult with homicide, the district attorney announced Sunday."
    (event,) = events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22")])
    assert event.headline == "Jamie Silvonek was charged as an adult with homicide"


@pytest.mark.parametrize(
    "text",
    [
        "'We are ready to pay the fund on Sunday,' the minister said.",
        "\u201cWe will retake the town on Sunday,\u201d he said.",
    ],
)
def test_dates_in_direct_speech_make_no_event(text):
    assert events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22")]) == []


def test_a_date_in_a_relative_clause_dates_that_clause():
    text = "Bader, who lost his legs in a flying accident in 1931, was shot down over France in August 1941."
    events = events_of(text, [expr(text, "1931", "DATE", "1931"), expr(text, "August 1941", "DATE", "1941-08")])
    assert [(e.value, e.headline) for e in events] == [
        ("1931", "Bader lost his legs in a flying accident"),
        ("1941-08", "Bader was shot down over France"),
    ]


# --- Ranges: two dates joined by a range connective are one event ------------------


def range_events(text, phrases, date=None):
    """Events of ``text`` dated by ``phrases`` ((phrase, value, mod) in text order)."""
    expressions, cursor = [], 0
    for phrase, value, mod in phrases:
        start = text.index(phrase, cursor)
        cursor = start + len(phrase)
        expressions.append(TimeExpression(start, cursor, phrase, "DATE", value, mod))
    return extract_events(Article(text=text, source="t.txt", date=date), expressions)


def summary_of(event):
    return (event.value, event.end_value, event.extent, event.exact, event.label, event.headline)


@pytest.mark.parametrize(
    ("text", "phrases", "date", "expected"),
    [
        (
            "Wright was a player for Arsenal for seven years, from 1991 until 1998.",
            [("1991", "1991", None), ("1998", "1998", None)],
            None,
            ("1991", "1998", "range", False, "1991 to 1998", "Wright was a player for Arsenal for seven years"),
        ),
        (
            "The panel heard of her care of 14 patients between February 2004 and September 2013.",
            [("February 2004", "2004-02", None), ("September 2013", "2013-09", None)],
            None,
            (
                "2004-02",
                "2013-09",
                "range",
                False,
                "February 2004 to September 2013",
                "The panel heard of her care of 14 patients",
            ),
        ),
        (
            "The plot above is based on 94,526 images for the years 1800-2000.",
            [("1800", "1800", None), ("2000", "2000", None)],
            None,
            ("1800", "2000", "range", False, "1800 to 2000", "The plot above is based on 94,526 images for the years"),
        ),
        (
            "Hewlett-Packard holds 100,000 shares bought from Aug. 26 to Oct. 20 for $23.31 each.",
            [("Aug. 26", "1989-08-26", None), ("Oct. 20", "1989-10-20", None)],
            dt.date(1989, 11, 2),
            (
                "1989-08-26",
                "1989-10-20",
                "range",
                False,
                "Sat 26 Aug to Fri 20 Oct 1989",
                "Hewlett-Packard holds 100,000 shares bought for $23.31 each",
            ),
        ),
        (
            "The vehicle will burn up in the atmosphere between May 5 and May 7.",
            [("May 5", "2015-05-05", None), ("May 7", "2015-05-07", None)],
            dt.date(2015, 4, 30),
            (
                "2015-05-05",
                "2015-05-07",
                "range",
                False,
                "Tue 5 to Thu 7 May 2015",
                "The vehicle will burn up in the atmosphere",
            ),
        ),
        # No article date: the year is unknown at both ends, and still the days order.
        (
            "The vehicle will burn up in the atmosphere between May 5 and May 7.",
            [("May 5", "XXXX-05-05", None), ("May 7", "XXXX-05-07", None)],
            None,
            (
                "XXXX-05-05",
                "XXXX-05-07",
                "range",
                False,
                "5 to 7 May (year unknown)",
                "The vehicle will burn up in the atmosphere",
            ),
        ),
        (
            "They met up for three dates between January and September 2013.",
            [("January", "XXXX-01", None), ("September 2013", "2013-09", None)],
            None,
            ("XXXX-01", "2013-09", "range", False, "January to September 2013", "They met up for three dates"),
        ),
        (
            "Foreign fighters soared by 71 per cent between the middle of 2014 and March 2015.",
            [("the middle of 2014", "2014", "MID"), ("March 2015", "2015-03", None)],
            None,
            ("2014", "2015-03", "range", False, "Mid 2014 to March 2015", "Foreign fighters soared by 71 per cent"),
        ),
        (
            "Dresdner Bank will buy all shares tendered at the same price from today through Nov. 17.",
            [("today", "1989-11-02", None), ("Nov. 17", "1989-11-17", None)],
            dt.date(1989, 11, 2),
            (
                "1989-11-02",
                "1989-11-17",
                "range",
                False,
                "Thu 2 to Fri 17 Nov 1989",
                "Dresdner Bank will buy all shares tendered at the same price",
            ),
        ),
        (
            "The festival runs Monday through Friday at the park.",
            [("Monday", "XXXX-WXX-1", None), ("Friday", "XXXX-WXX-5", None)],
            None,
            (
                "XXXX-WXX-1",
                "XXXX-WXX-5",
                "range",
                False,
                "Monday to Friday (date unknown)",
                "The festival runs at the park",
            ),
        ),
    ],
)
def test_a_range_is_one_event(text, phrases, date, expected):
    (event,) = range_events(text, phrases, date)
    assert summary_of(event) == expected
    assert (event.time.text, event.end_time.text) == (phrases[0][0], phrases[1][0])
    assert event.mod == phrases[0][2] and event.end_time.mod == phrases[1][2]


def test_a_range_keeps_the_article_order_and_other_events_of_its_sentence():
    text = (
        "The pair stayed at top hotels between 2006 and 2010. "
        "The hit BBC drama aired between 1978 and 1990 and was revived in 2020."
    )
    events = range_events(
        text,
        [
            ("2006", "2006", None),
            ("2010", "2010", None),
            ("1978", "1978", None),
            ("1990", "1990", None),
            ("2020", "2020", None),
        ],
        dt.date(2021, 1, 1),
    )
    assert [(e.label, e.headline) for e in events] == [
        ("2006 to 2010", "The pair stayed at top hotels"),
        ("1978 to 1990", "The hit BBC drama aired"),
        # Another range is cut whole, with its connective (not "aired and and was revived").
        ("2020", "The hit BBC drama aired and was revived"),
    ]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # No "between": two days, two events.
        (
            "Games were played at the stadium on Saturday and Sunday.",
            [("Saturday", "2014-06-21", None), ("Sunday", "2014-06-22", None)],
        ),
        ("The company opened plants in 2010 and 2013.", [("2010", "2010", None), ("2013", "2013", None)]),
        # "to" without "from" joins no range.
        ("Sales rose 5% in 2012 to 2013's record.", [("2012", "2012", None), ("2013", "2013", None)]),
        # The end lies before the start: no range.
        ("He ran the company from 2010 to 2005.", [("2010", "2010", None), ("2005", "2005", None)]),
        ("The fair ran between May 7 and May 5.", [("May 7", "XXXX-05-07", None), ("May 5", "XXXX-05-05", None)]),
    ],
)
def test_dates_that_are_no_range_stay_apart(text, phrases):
    events = range_events(text, phrases, dt.date(2014, 6, 22))
    assert all(e.extent != "range" and e.end_value is None and e.end_time is None for e in events)
    assert len(events) == 2


def test_from_a_date_to_a_later_one_of_unknown_year_is_no_range_when_it_lies_before():
    text = "The fair ran from May 7 to April 2."
    events = range_events(text, [("May 7", "XXXX-05-07", None), ("April 2", "XXXX-04-02", None)])
    assert [(e.extent, e.label) for e in events] == [
        ("onward", "7 May (year unknown) onward"),
        ("point", "2 April (year unknown)"),
    ]


def test_between_two_hours_of_one_expression_is_a_point():
    # The tagger gives "between 5 and 7 p.m." one expression ("7 p.m. on Monday"): a
    # range needs two expressions, so this stays a point event at its time.
    text = "The shop was open between 5 and 7 p.m. on Monday."
    start = text.index("7 p.m.")
    expression = TimeExpression(start, start + len("7 p.m. on Monday"), "7 p.m. on Monday", "TIME", "2014-06-23T19:00")
    (event,) = extract_events(Article(text=text, source="t.txt", date=dt.date(2014, 6, 22)), [expression])
    assert (event.extent, event.value, event.end_value, event.label) == (
        "point",
        "2014-06-23T19:00",
        None,
        "Mon 23 Jun 2014, 19:00",
    )


def test_a_duration_joins_no_range():
    text = "Wright played from 1991 to seven years later."
    year = expr(text, "1991", "DATE", "1991")
    seven = expr(text, "seven years", "DURATION", "P7Y")
    events = extract_events(Article(text=text, source="t.txt"), [year, seven])
    assert [(e.extent, e.label, e.end_value) for e in events] == [("onward", "1991 onward", None)]


def test_two_ranges_from_one_start_are_two_events():
    text = (
        "Immigrants will account for 75.5 per cent of population growth between 2010 and 2050 "
        "and 82 per cent of growth between 2010 and 2060."
    )
    events = range_events(
        text, [("2010", "2010", None), ("2050", "2050", None), ("2010", "2010", None), ("2060", "2060", None)]
    )
    assert [(e.value, e.end_value, e.label) for e in events] == [
        ("2010", "2050", "2010 to 2050"),
        ("2010", "2060", "2010 to 2060"),
    ]


def test_ranges_from_the_tagger():
    from summarize.pipeline import article_events

    text = (
        "Wright was a player for Arsenal for seven years, from 1991 until 1998. "
        "He scored 20 goals in his 2012-2013 season."
    )
    events = article_events(Article(text=text, source="t.txt"))
    assert [(e.value, e.end_value, e.label, e.headline) for e in events] == [
        ("1991", "1998", "1991 to 1998", "Wright was a player for Arsenal for seven years"),
        ("2012", "2013", "2012 to 2013", "He scored 20 goals in his season"),
    ]


RANGE_FRAGMENTS = [
    "from",
    "between",
    "and",
    "to",
    "until",
    "through",
    "-",
    "\u2013",
    "1991",
    "1998",
    "2004",
    "May",
    "5",
    "7",
    "June",
    "Monday",
    "Friday",
    "the middle of",
    "early",
    "late",
    "2014",
    "Aug.",
    "26",
    "Oct.",
    "20",
    "today",
    "He",
    "ran",
    "the",
    "company",
    "was",
    "played",
    ",",
    ".",
]


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(RANGE_FRAGMENTS), max_size=30),
    date=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_ranges_never_crash_and_never_end_before_they_start(words, date):
    from summarize.pipeline import article_events
    from summarize.temporal import timex

    text = "He ran the company " + " ".join(words) + " ."
    for event in article_events(Article(text=text, source="t.txt", date=date)):
        assert (event.extent == "range") == (event.end_value is not None) == (event.end_time is not None)
        if event.extent != "range":
            continue
        start, end = timex.parse_value(event.value), timex.parse_value(event.end_value)
        if start.weekday is not None:
            assert end.weekday > start.weekday
            continue
        year = start.year or end.year or 2000
        assert timex.calendar_span(end, end.year or year)[1] >= timex.calendar_span(start, year)[1]
        assert " to " in event.label


@pytest.mark.parametrize(
    "text",
    [
        "The council began repairs on the old bridge in early June. "
        "The council finished repairs on the old bridge in late June.",
        "The council began repairs on the old bridge in early June, "
        "and the council finished repairs on the old bridge in late June.",
    ],
    ids=["two sentences", "one sentence"],
)
def test_one_date_with_different_modifiers_is_two_happenings(text):
    # Same month, same words: "early June" and "late June" are the start and the end
    # of the repairs, two events, not one told twice.
    events = events_of(
        text, [expr(text, "early June", "DATE", "2014-06", "START"), expr(text, "late June", "DATE", "2014-06", "END")]
    )
    assert [(e.value, e.mod, e.headline) for e in events] == [
        ("2014-06", "START", "The council began repairs on the old bridge"),
        ("2014-06", "END", "The council finished repairs on the old bridge"),
    ]


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("The company in 2010.", None),  # a determiner and a noun: no happening
        ("The company, 2010.", None),
        ("In 2010, the company.", None),
        ("Talks collapsed in 2010.", "Talks collapsed"),  # a verb tells one
        ("Barcelona final, 2010.", "Barcelona final"),  # so does a name
    ],
)
def test_two_words_tell_a_happening_unless_a_determiner_and_a_noun(text, headline):
    events = events_of(text, [expr(text, "2010", "DATE", "2010")])
    assert [e.headline for e in events] == ([headline] if headline else [])
