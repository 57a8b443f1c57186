"""Which dates place a happening, one event per happening, ranges within a day, extents, and the other dates a headline cuts."""

import datetime as dt

import pytest

from handevents import SUNDAY, events_by_hand, in_full
from summarize.events import filters as filters_module


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
