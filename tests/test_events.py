"""Events from hand-made time expressions, so these tests do not depend on the tagger."""

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from summarize.events import extract_events, filters as filters_module, quoted_spans, ranges as ranges_module
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


# --- Mutation tests (issue 14): exact events, sentence offsets, quotation spans -------


def events_by_hand(text, phrases, date=None):
    """Events of ``text`` dated by ``phrases``: (phrase, type, value, mod) in text order."""
    expressions, cursor = [], 0
    for phrase, type_, value, mod in phrases:
        start = text.index(phrase, cursor)
        cursor = start + len(phrase)
        expressions.append(TimeExpression(start, cursor, phrase, type_, value, mod))
    return extract_events(Article(text=text, source="t.txt", date=date), expressions)


def in_full(event):
    return (
        event.label,
        event.value,
        event.mod,
        event.end_value,
        event.extent,
        event.exact,
        event.headline,
        event.start,
        event.end,
        event.time.text,
    )


# Every text opens with this sentence, so the sentence of interest does not start at
# offset 0 of the article: offsets in a sentence and in the article must not mix.
OPENING = "Ticket sales opened on Friday. "
OPENING_EVENT = ("Fri 28 Feb 2020", "2020-02-28", None, None, "point", True, "Ticket sales opened", 0, 30, "Friday")
FRIDAY = ("Friday", "DATE", "2020-02-28", None)


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # One happening, two dates: the possessive date names the match, the other dates it.
        (
            OPENING + "Saturday's match was moved to Sunday.",
            [FRIDAY, ("Saturday", "DATE", "2020-03-07", None), ("Sunday", "DATE", "2020-03-08", None)],
            [
                (
                    "Sun 8 Mar 2020",
                    "2020-03-08",
                    None,
                    None,
                    "point",
                    True,
                    "Saturday's match was moved",
                    31,
                    68,
                    "Sunday",
                )
            ],
        ),
        (
            OPENING + "Saturday\u2019s match was moved to Sunday.",
            [FRIDAY, ("Saturday", "DATE", "2020-03-07", None), ("Sunday", "DATE", "2020-03-08", None)],
            [
                (
                    "Sun 8 Mar 2020",
                    "2020-03-08",
                    None,
                    None,
                    "point",
                    True,
                    "Saturday\u2019s match was moved",
                    31,
                    68,
                    "Sunday",
                )
            ],
        ),
        # The plan ("postponed from May 2") is no happening of its own and no range.
        (
            OPENING + "The vote was postponed from May 2 to May 9.",
            [FRIDAY, ("May 2", "DATE", "2020-05-02", None), ("May 9", "DATE", "2020-05-09", None)],
            [
                (
                    "Sat 9 May 2020",
                    "2020-05-09",
                    None,
                    None,
                    "point",
                    True,
                    "The vote was postponed from May 2",
                    31,
                    74,
                    "May 9",
                )
            ],
        ),
        # A date in an aside (", declared on Monday,") does not govern the clause.
        (
            OPENING + "The dividend, declared on Monday, is payable March 15.",
            [FRIDAY, ("Monday", "DATE", "2020-03-02", None), ("March 15", "DATE", "2020-03-15", None)],
            [
                (
                    "Sun 15 Mar 2020",
                    "2020-03-15",
                    None,
                    None,
                    "point",
                    True,
                    "The dividend is payable",
                    31,
                    85,
                    "March 15",
                )
            ],
        ),
        # Of two dates of one clause, not side by side, the first governs its verb.
        (
            OPENING + "The company announced last month that it would close the plant on Friday.",
            [FRIDAY, ("last month", "DATE", "2020-02", None), ("Friday", "DATE", "2020-03-06", None)],
            [
                (
                    "February 2020",
                    "2020-02",
                    None,
                    None,
                    "point",
                    False,
                    "The company announced that it would close the plant on Friday",
                    31,
                    104,
                    "last month",
                )
            ],
        ),
        # Side by side and as exact as each other: the first, the second stays in the headline.
        (
            OPENING + "The shop closed yesterday, on Christmas Eve.",
            [FRIDAY, ("yesterday", "DATE", "2019-12-24", None), ("Christmas Eve", "DATE", "2019-12-24", None)],
            [
                (
                    "Tue 24 Dec 2019",
                    "2019-12-24",
                    None,
                    None,
                    "point",
                    True,
                    "The shop closed, on Christmas Eve",
                    31,
                    75,
                    "yesterday",
                )
            ],
        ),
        # Side by side, the second more exact: the second.
        (
            OPENING + "Profit rose a year earlier in March 2019.",
            [FRIDAY, ("a year earlier", "DATE", "2019", None), ("March 2019", "DATE", "2019-03", None)],
            [("March 2019", "2019-03", None, None, "point", False, "Profit rose a year earlier", 31, 72, "March 2019")],
        ),
        # A date that ends the period before it dates nothing of its own.
        (
            OPENING + "The company lost $3 million in the fourth quarter ended Dec. 31.",
            [FRIDAY, ("the fourth quarter", "DATE", "2019-Q4", None), ("Dec. 31", "DATE", "2019-12-31", None)],
            [
                (
                    "Q4 2019",
                    "2019-Q4",
                    None,
                    None,
                    "point",
                    False,
                    "The company lost $3 million",
                    31,
                    95,
                    "the fourth quarter",
                )
            ],
        ),
        (
            OPENING + "The vote (held on Monday) was annulled on Tuesday.",
            [FRIDAY, ("Monday", "DATE", "2020-03-02", None), ("Tuesday", "DATE", "2020-03-03", None)],
            [("Tue 3 Mar 2020", "2020-03-03", None, None, "point", True, "The vote was annulled", 31, 81, "Tuesday")],
        ),
        (
            OPENING + "The bridge \u2013 closed since Monday \u2013 reopened on Tuesday.",
            [FRIDAY, ("Monday", "DATE", "2020-03-02", None), ("Tuesday", "DATE", "2020-03-03", None)],
            [("Tue 3 Mar 2020", "2020-03-03", None, None, "point", True, "The bridge reopened", 31, 86, "Tuesday")],
        ),
        # A date that modifies a noun ("a Christmas party") does not govern the clause.
        (
            OPENING + "Staff held a Christmas party on Friday.",
            [FRIDAY, ("Christmas", "DATE", "XXXX-12-25", None), ("Friday", "DATE", "2020-02-28", None)],
            [
                (
                    "Fri 28 Feb 2020",
                    "2020-02-28",
                    None,
                    None,
                    "point",
                    True,
                    "Staff held a Christmas party",
                    31,
                    70,
                    "Friday",
                )
            ],
        ),
        # Ranges in a second sentence.
        (
            OPENING + "Polls are open from 7 a.m. until 10 p.m. on Thursday.",
            [
                FRIDAY,
                ("7 a.m.", "TIME", "XXXX-WXX-4T07:00", None),
                ("10 p.m. on Thursday", "TIME", "XXXX-WXX-4T22:00", None),
            ],
            [
                (
                    "Thursday, 07:00 to Thursday, 22:00 (date unknown)",
                    "XXXX-WXX-4T07:00",
                    None,
                    "XXXX-WXX-4T22:00",
                    "range",
                    False,
                    "Polls are open",
                    31,
                    84,
                    "7 a.m.",
                )
            ],
        ),
        (
            OPENING + "Prices rose from mid-June to late June.",
            [FRIDAY, ("mid-June", "DATE", "2019-06", "MID"), ("late June", "DATE", "2019-06", "END")],
            [
                (
                    "Mid June to late June 2019",
                    "2019-06",
                    "MID",
                    "2019-06",
                    "range",
                    False,
                    "Prices rose",
                    31,
                    70,
                    "mid-June",
                )
            ],
        ),
        (
            OPENING + "The index fell from mid-2019 until December 2019.",
            [FRIDAY, ("mid-2019", "DATE", "2019", "MID"), ("December 2019", "DATE", "2019-12", None)],
            [
                (
                    "Mid 2019 to December 2019",
                    "2019",
                    "MID",
                    "2019-12",
                    "range",
                    False,
                    "The index fell",
                    31,
                    80,
                    "mid-2019",
                )
            ],
        ),
        # A year missing at the start is the end's.
        (
            OPENING + "The strike lasted between May and June 1990.",
            [FRIDAY, ("May", "DATE", "XXXX-05", None), ("June 1990", "DATE", "1990-06", None)],
            [("May to June 1990", "XXXX-05", None, "1990-06", "range", False, "The strike lasted", 31, 75, "May")],
        ),
        # A weekday of unknown date and a date do not order: no range.
        (
            OPENING + "The fair ran from Monday until June 30.",
            [FRIDAY, ("Monday", "DATE", "XXXX-WXX-1", None), ("June 30", "DATE", "XXXX-06-30", None)],
            [
                (
                    "Monday (date unknown) onward",
                    "XXXX-WXX-1",
                    None,
                    None,
                    "onward",
                    False,
                    "The fair ran",
                    31,
                    70,
                    "Monday",
                ),
                (
                    "Until 30 June (year unknown)",
                    "XXXX-06-30",
                    None,
                    None,
                    "until",
                    False,
                    "The fair ran",
                    31,
                    70,
                    "June 30",
                ),
            ],
        ),
    ],
)
def test_events_in_full_after_an_opening_sentence(text, phrases, expected):
    events = events_by_hand(text, phrases, dt.date(2020, 3, 4))
    assert [in_full(e) for e in events] == [OPENING_EVENT, *expected]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # A plural possessive is no closing quotation mark.
        ("Members of the players' union voted to strike on Sunday.", []),
        ("Members of the players\u2019 union voted to strike on Sunday.", []),
        ("Leaders of the US' closest allies met on Sunday.", []),
        # A closing mark with no opening one ends a quotation begun earlier.
        ("We will retake the town,\u201d he said on Sunday.", [(0, 25)]),
        ("That is how we will beat Team X' he said.", [(0, 32)]),
        # At the very end of the sentence it closes a quotation too.
        ("It was a decision for the players'", [(0, 34)]),
        ("\u201cWe will retake the town,\u201d he said.", [(0, 26)]),
        # Paired marks: speech or a title, whatever its length.
        ("\u201cWe will pay on April 9,\u201d the minister said.", [(0, 25)]),
        ("``Yes,'' he said on Sunday.", [(0, 8)]),
        ("He called it 'Project X' on Sunday.", [(13, 24)]),
        ("He called it \u2018Project X\u2019 on Sunday.", [(13, 24)]),
        ('He called it "White Christmas" on Sunday.', [(13, 30)]),
        ('The film ("Heat") opened on Sunday.', [(10, 16)]),
        ('The film ["Heat"] opened on Sunday.', [(10, 16)]),
        ("She sang 'Jolene' and \"Heat\" on Sunday.", [(9, 17), (22, 28)]),
        ("He was 'sure' that it's over, he said on Sunday.", [(7, 13)]),
        # Apostrophes: "it's", "the '90s", plural possessives.
        ("It's clear the '90s are over, he said on Sunday.", []),
        ("The players' union and the owners' group met on Sunday.", []),
        # Left open, or closed with no opening: trusted from four words.
        ('He said: "We will retake the town on Sunday.', [(9, 44)]),
        ('He said: "Not now.', []),
        ("The end of the war is near,' he said.", [(0, 28)]),
        ("Near,' he said.", []),
    ],
)
def test_quoted_spans(sentence, spans):
    assert quoted_spans(sentence) == spans


@pytest.mark.parametrize(
    ("words", "between", "joins"),
    [
        (("to", "until"), " to ", True),
        (("to", "until"), "  UNTIL\n", True),
        (("to", "until"), " to", False),  # a word needs spaces around it
        (("to", "until"), "to ", False),
        (("to", "until"), " into ", False),
        (("and",), " And ", True),
        (("and",), " and/or ", False),
        (("-", "\u2013"), "-", True),
        (("-", "\u2013"), " \u2013 ", True),
        (("-", "\u2013"), "  -", True),
        (("-", "\u2013"), " to ", False),
        (("-", "\u2013"), "--", False),
        (("-", "\u2013"), ".", False),  # escaped: "." is no wildcard
    ],
)
def test_range_joining_words(words, between, joins):
    assert bool(ranges_module._joining(words).fullmatch(between)) is joins


SUNDAY = ("Sunday", "DATE", "2014-06-22", None)


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # Bylines, captions (no closing punctuation), headings in capitals.
        ("PUBLISHED: 10:02 EST, 22 June 2014.", [("22 June 2014", "DATE", "2014-06-22", None)], []),
        ("By John Smith and Jane Doe on Sunday.", [SUNDAY], []),
        ("Copyright 2014 The Associated Press.", [("2014", "DATE", "2014", None)], []),
        ("Fighters gather in Mosul on Sunday", [SUNDAY], []),
        ("GLOUCESTER V NEWCASTLE (SUNDAY).", [("SUNDAY", "DATE", "2014-06-22", None)], []),
        # Capitals in a sentence of news make no heading.
        (
            "NATO troops left Kabul on Sunday.",
            [SUNDAY],
            [("Sun 22 Jun 2014", "2014-06-22", None, None, "point", True, "NATO troops left Kabul", 0, 33, "Sunday")],
        ),
        # A birth year is biography; a birth day is a happening.
        ("The singer was born in 1983 in Leeds.", [("1983", "DATE", "1983", None)], []),
        (
            "The singer was born on June 9, 1983.",
            [("June 9, 1983", "DATE", "1983-06-09", None)],
            [("Thu 9 Jun 1983", "1983-06-09", None, None, "point", True, "The singer was born", 0, 36, "June 9, 1983")],
        ),
        (
            "Schumacher was pictured during testing in Spain in December 2007.",
            [("December 2007", "DATE", "2007-12", None)],
            [],
        ),
        # A date as the subject of a copula describes the date; after a preposition it dates.
        ("The year 2015 will be a big year for the company.", [("2015", "DATE", "2015", None)], []),
        (
            "The peak in 2010 was followed by a long fall.",
            [("2010", "DATE", "2010", None)],
            [("2010", "2010", None, None, "point", False, "The peak was followed by a long fall", 0, 45, "2010")],
        ),
        # Generic days.
        (
            "Schools close on the Monday when Anzac Day falls on a Saturday.",
            [("Anzac Day", "DATE", "XXXX-04-25", None), ("Saturday", "DATE", "XXXX-WXX-6", None)],
            [],
        ),
        (
            "Schools stay shut when Christmas Day, Boxing Day and New Year's Day fell on a weekend.",
            [("Christmas Day", "DATE", "XXXX-12-25", None)],
            [],
        ),
        ("The shop opens late on a Saturday.", [("Saturday", "DATE", "XXXX-WXX-6", None)], []),
        # Comparisons.
        ("Profit fell to $18 million from $21.4 million last year.", [("last year", "DATE", "2013", None)], []),
        ("Profit rose 8.9% from $387.8 million a year earlier.", [("a year earlier", "DATE", "2013", None)], []),
        ("Profit fell 8 percent compared with the 2013 period.", [("2013", "DATE", "2013", None)], []),
        ("The vote drew more people than last year.", [("last year", "DATE", "2013", None)], []),
        # Names and idioms.
        ("The Mail on Sunday published the letters.", [SUNDAY], []),
        ("The deal did not happen overnight.", [("overnight", "TIME", "2014-06-22TNI", None)], []),
        # The article's own year and week place nothing; its month, another week or year do.
        ("Talks collapsed this week.", [("this week", "DATE", "2014-W25", None)], []),
        ("Talks collapsed this year.", [("this year", "DATE", "2014", None)], []),
        (
            "Talks collapsed last week.",
            [("last week", "DATE", "2014-W24", None)],
            [("Week of Mon 9 Jun 2014", "2014-W24", None, None, "point", False, "Talks collapsed", 0, 26, "last week")],
        ),
        (
            "Talks collapsed a year ago this week.",
            [("a year ago this week", "DATE", "2013-W25", None)],
            [
                (
                    "Week of Mon 17 Jun 2013",
                    "2013-W25",
                    None,
                    None,
                    "point",
                    False,
                    "Talks collapsed",
                    0,
                    37,
                    "a year ago this week",
                )
            ],
        ),
        (
            "Talks collapsed this month.",
            [("this month", "DATE", "2014-06", None)],
            [("June 2014", "2014-06", None, None, "point", False, "Talks collapsed", 0, 27, "this month")],
        ),
        (
            "Talks collapsed in 2013.",
            [("2013", "DATE", "2013", None)],
            [("2013", "2013", None, None, "point", False, "Talks collapsed", 0, 24, "2013")],
        ),
    ],
)
def test_dates_that_place_a_happening_or_not(text, phrases, expected):
    events = events_by_hand(text, phrases, dt.date(2014, 6, 22))
    assert [in_full(e) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # The same date told twice with most of the shorter headline's words: one event.
        (
            "Rebels seized the Qaim border crossing on Sunday. On Sunday, the rebels seized the crossing.",
            [SUNDAY, SUNDAY],
            [("Rebels seized the Qaim border crossing", 0, 49)],
        ),
        # Three of five content words shared (the threshold, 0.6): the same happening.
        (
            "Rebels seized the Qaim border crossing on Sunday. On Sunday, Sunni insurgents seized the Qaim crossing.",
            [SUNDAY, SUNDAY],
            [("Rebels seized the Qaim border crossing", 0, 49)],
        ),
        # The same two words: the same happening.
        ("Talks collapsed on Sunday. On Sunday, the talks collapsed.", [SUNDAY, SUNDAY], [("Talks collapsed", 0, 26)]),
        # Three of six: two happenings.
        (
            "Rebels seized the border crossing near Qaim on Sunday. "
            "On Sunday, rebels seized the border post in Rawa and Ana.",
            [SUNDAY, SUNDAY],
            [
                ("Rebels seized the border crossing near Qaim", 0, 54),
                ("Rebels seized the border post in Rawa and Ana", 55, 112),
            ],
        ),
        # Two content words shared, function words aside ("the"): two happenings.
        (
            "Rebels seized the border crossing on Sunday. Troops seized the border town on Sunday.",
            [SUNDAY, SUNDAY],
            [("Rebels seized the border crossing", 0, 44), ("Troops seized the border town", 45, 85)],
        ),
        (
            "He was there on Sunday. She was there on Sunday.",
            [SUNDAY, SUNDAY],
            [("He was there", 0, 23), ("She was there", 24, 48)],
        ),
        # One sentence, one happening at a day and a time of that day: the first.
        (
            "Air strikes hit the city on Saturday and on Saturday night.",
            [("Saturday", "DATE", "2014-06-21", None), ("Saturday night", "TIME", "2014-06-21TNI", None)],
            [("Air strikes hit the city", 0, 59)],
        ),
        # The same words at another date, or another range: two events.
        (
            "Rebels seized the town on Sunday. Rebels seized the town in June.",
            [SUNDAY, ("June", "DATE", "2014-06", None)],
            [("Rebels seized the town", 0, 33), ("Rebels seized the town", 34, 65)],
        ),
        (
            "Talks ran from Monday to Friday. Talks ran from Monday to Thursday.",
            [
                ("Monday", "DATE", "2014-06-16", None),
                ("Friday", "DATE", "2014-06-20", None),
                ("Monday", "DATE", "2014-06-16", None),
                ("Thursday", "DATE", "2014-06-19", None),
            ],
            [("Talks ran", 0, 32), ("Talks ran", 33, 67)],
        ),
    ],
)
def test_one_event_per_happening_across_sentences(text, phrases, expected):
    events = events_by_hand(text, phrases, dt.date(2014, 6, 22))
    assert [(e.headline, e.start, e.end) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        (
            "The road will be closed from Saturday morning until Saturday evening.",
            [("Saturday morning", "TIME", "XXXX-WXX-6TMO", None), ("Saturday evening", "TIME", "XXXX-WXX-6TEV", None)],
            [
                (
                    "Saturday, morning to Saturday, evening (date unknown)",
                    "XXXX-WXX-6TEV",
                    "range",
                    "The road will be closed",
                )
            ],
        ),
        (
            "The bridge is shut from 9 a.m. until 9:30 a.m. on Sunday.",
            [("9 a.m.", "TIME", "XXXX-WXX-7T09:00", None), ("9:30 a.m. on Sunday", "TIME", "XXXX-WXX-7T09:30", None)],
            [("Sunday, 09:00 to Sunday, 09:30 (date unknown)", "XXXX-WXX-7T09:30", "range", "The bridge is shut")],
        ),
        # The evening lies after the morning: no range back to it.
        (
            "The road will be closed from Saturday evening until Saturday morning.",
            [("Saturday evening", "TIME", "XXXX-WXX-6TEV", None), ("Saturday morning", "TIME", "XXXX-WXX-6TMO", None)],
            [
                ("Saturday, evening (date unknown) onward", None, "onward", "The road will be closed"),
                ("Until Saturday, morning (date unknown)", None, "until", "The road will be closed"),
            ],
        ),
    ],
)
def test_weekday_ranges_by_the_hour_or_part_of_day(text, phrases, expected):
    events = events_by_hand(text, phrases)
    assert [(e.label, e.end_value, e.extent, e.headline) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod", "expected"),
    [
        (
            "The road has been closed since early June.",
            "early June",
            "2014-06",
            "START",
            ("Early June 2014 onward", "onward", "The road has been closed"),
        ),
        (
            "Starting June 9, the road will be closed.",
            "June 9",
            "2014-06-09",
            None,
            ("Mon 9 Jun 2014 onward", "onward", "The road will be closed"),
        ),
        (
            "The new rules apply as of June 9.",
            "June 9",
            "2014-06-09",
            None,
            ("Mon 9 Jun 2014 onward", "onward", "The new rules apply"),
        ),
        (
            "The road will stay closed until early on June 9.",
            "June 9",
            "2014-06-09",
            None,
            ("Until Mon 9 Jun 2014", "until", "The road will stay closed"),
        ),
        (
            "The road stays closed till June 9.",
            "June 9",
            "2014-06-09",
            None,
            ("Until Mon 9 Jun 2014", "until", "The road stays closed"),
        ),
        (
            "The road has stayed closed SINCE June 9.",
            "June 9",
            "2014-06-09",
            None,
            ("Mon 9 Jun 2014 onward", "onward", "The road has stayed closed"),
        ),
        (
            "Tickets are valid June 9 onwards.",
            "June 9",
            "2014-06-09",
            None,
            ("Mon 9 Jun 2014 onward", "onward", "Tickets are valid"),
        ),
        ("Prices will rise in 2015 and beyond.", "2015", "2015", None, ("2015 onward", "onward", "Prices will rise")),
        (
            "The road was closed on June 9.",
            "June 9",
            "2014-06-09",
            None,
            ("Mon 9 Jun 2014", "point", "The road was closed"),
        ),
    ],
)
def test_extent_of_an_event(text, phrase, value, mod, expected):
    (event,) = events_by_hand(text, [(phrase, "DATE", value, mod)], dt.date(2014, 6, 22))
    assert (event.label, event.extent, event.headline) == expected
    assert event.exact is (expected[1] == "point")


def test_an_event_carries_its_sentence_source_and_times():
    text = "Fighters crossed the border on Saturday. Wright played for Arsenal between 1991 and 1998, and he retired on Sunday."
    events = events_by_hand(
        text,
        [
            ("Saturday", "DATE", "2014-06-21", None),
            ("1991", "DATE", "1991", None),
            ("1998", "DATE", "1998", None),
            ("Sunday", "DATE", "2014-06-22", None),
        ],
        dt.date(2014, 6, 22),
    )
    second = "Wright played for Arsenal between 1991 and 1998, and he retired on Sunday."
    assert [(e.sentence, e.sources, e.start, e.end) for e in events] == [
        ("Fighters crossed the border on Saturday.", ("t.txt",), 0, 40),
        (second, ("t.txt",), 41, 115),
        (second, ("t.txt",), 41, 115),
    ]
    assert [(e.time.text, e.time.start, e.end_time and (e.end_time.text, e.end_time.start)) for e in events] == [
        ("Saturday", 31, None),
        ("1991", 75, ("1998", 84)),
        ("Sunday", 108, None),
    ]
    assert [(e.label, e.headline) for e in events] == [
        ("Sat 21 Jun 2014", "Fighters crossed the border"),
        ("1991 to 1998", "Wright played for Arsenal"),
        ("Sun 22 Jun 2014", "Wright played for Arsenal, and he retired"),
    ]


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # A date that places nothing ("recently") stays in the headline; a duration too.
        (
            "Rebels recently seized the town on Sunday.",
            [("recently", "DATE", "PAST_REF", None), SUNDAY],
            [("Sun 22 Jun 2014", "Rebels recently seized the town")],
        ),
        (
            "Rebels seized the town on Sunday after two days of fighting.",
            [SUNDAY, ("two days", "DURATION", "P2D", None)],
            [("Sun 22 Jun 2014", "Rebels seized the town after two days of fighting")],
        ),
        # A set ("every Monday") is no date of a happening: it stays.
        (
            "Traders who sell fish every Monday staged a protest on Sunday.",
            [("every Monday", "SET", "XXXX-WXX-1", None), SUNDAY],
            [("Sun 22 Jun 2014", "Traders who sell fish every Monday staged a protest")],
        ),
        # Another range of the sentence is cut whole; a date of a time of day too.
        (
            "The dam was built between 1978 and 1990, and it burst on Sunday.",
            [("1978", "DATE", "1978", None), ("1990", "DATE", "1990", None), SUNDAY],
            [("1978 to 1990", "The dam was built"), ("Sun 22 Jun 2014", "It burst")],
        ),
        (
            "Rebels seized the town on Saturday, and troops retook it at 9 p.m. on Sunday.",
            [("Saturday", "DATE", "2014-06-21", None), ("9 p.m. on Sunday", "TIME", "2014-06-22T21:00", None)],
            [("Sat 21 Jun 2014", "Rebels seized the town"), ("Sun 22 Jun 2014, 21:00", "Troops retook it")],
        ),
    ],
)
def test_headlines_cut_the_other_dates_of_their_sentence(text, phrases, expected):
    events = events_by_hand(text, phrases, dt.date(2014, 6, 22))
    assert [(e.label, e.headline) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "phrases", "date", "expected"),
    [
        # A date that tells no happening ("Walter Mondale") does not stop the next ones.
        (
            "On Monday, Walter Mondale, the former vice president. Talks collapsed on Tuesday.",
            [("Monday", "DATE", "2014-06-16", None), ("Tuesday", "DATE", "2014-06-17", None)],
            dt.date(2014, 6, 22),
            [("Tue 17 Jun 2014", "Talks collapsed", 54, 81)],
        ),
        # The article's own year begins a range: the range is an event.
        (
            "The plan runs from this year to 2020.",
            [("this year", "DATE", "2014", None), ("2020", "DATE", "2020", None)],
            dt.date(2014, 6, 22),
            [("2014 to 2020", "The plan runs", 0, 37)],
        ),
        # Without an article date no year is the article's own.
        (
            "Talks collapsed this year.",
            [("this year", "DATE", "2014", None)],
            None,
            [("2014", "Talks collapsed", 0, 26)],
        ),
    ],
)
def test_which_dates_are_placed(text, phrases, date, expected):
    events = events_by_hand(text, phrases, date)
    assert [(e.label, e.headline, e.start, e.end) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # Dates parted by a comma alone, or joined as a range that runs backwards: two events.
        (
            "Games were played on Friday, Saturday.",
            [("Friday", "DATE", "2014-06-20", None), ("Saturday", "DATE", "2014-06-21", None)],
            [("Fri 20 Jun 2014", "Games were played"), ("Sat 21 Jun 2014", "Games were played")],
        ),
        (
            "The shares were bought June 14 to June 2.",
            [("June 14", "DATE", "2014-06-14", None), ("June 2", "DATE", "2014-06-02", None)],
            [("Sat 14 Jun 2014", "The shares were bought"), ("Mon 2 Jun 2014", "The shares were bought")],
        ),
        # A clause connective parts the happenings.
        (
            "Rebels held the town on Friday but troops took it on Saturday.",
            [("Friday", "DATE", "2014-06-20", None), ("Saturday", "DATE", "2014-06-21", None)],
            [("Fri 20 Jun 2014", "Rebels held the town"), ("Sat 21 Jun 2014", "Troops took it")],
        ),
        # The plan ("originally scheduled for Saturday") is told with the happening.
        (
            "Ticket sales opened on Friday. The match, originally scheduled for Saturday, was played on Sunday.",
            [
                ("Friday", "DATE", "2014-06-20", None),
                ("Saturday", "DATE", "2014-06-21", None),
                ("Sunday", "DATE", "2014-06-22", None),
            ],
            [
                ("Fri 20 Jun 2014", "Ticket sales opened"),
                ("Sun 22 Jun 2014", "The match, originally scheduled for Saturday, was played"),
            ],
        ),
    ],
)
def test_happenings_of_one_headline(text, phrases, expected):
    events = events_by_hand(text, phrases, dt.date(2014, 6, 22))
    assert [(e.label, e.headline) for e in events] == expected


@pytest.mark.parametrize(
    ("headline", "sentence", "tells"),
    [
        ("He said so", "He said so on Monday.", False),
        ("The minister said it", "The minister said it on Monday.", False),
        ("The minister said the town fell", "The minister said the town fell on Monday.", True),
        ("Walter Mondale", "On Monday, Walter Mondale, the former vice president.", False),
        ("Talks", "Talks on Monday.", False),
        ("The company", "The company, 2010.", False),
        ("A rally", "A rally on Monday.", False),
        ("Big rally", "Big rally on Monday.", True),
        ("Talks collapsed", "Talks collapsed on Monday.", True),
        ("Barcelona final", "Barcelona final, 2010.", True),
        ("Rebels seized Mosul", "Rebels seized Mosul on Monday.", True),
    ],
)
def test_tells_a_happening(headline, sentence, tells):
    assert filters_module.tells_a_happening(headline, sentence) is tells
