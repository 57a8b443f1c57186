"""Exact events of short texts: labels, values, headlines, sentence offsets; quotation spans and range joining words."""

import datetime as dt

import pytest

from handevents import events_by_hand, in_full
from summarize.events import filters as filters_module, quoted_spans, ranges as ranges_module
from summarize.models import TimeExpression
from summarize.sentences import split_sentences

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


# --- mutation tests 2: events ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # A date, then its part of the day in the same headline: one happening, told at its first date.
        (
            "Police said the protest began on Wednesday and turned violent in the afternoon.",
            [("Wednesday", "DATE", "2014-06-18", None), ("the afternoon", "TIME", "2014-06-18TAF", None)],
            [
                (
                    "Wed 18 Jun 2014",
                    "2014-06-18",
                    None,
                    None,
                    "point",
                    True,
                    "The protest began and turned violent",
                    0,
                    79,
                    "Wednesday",
                )
            ],
        ),
        # "late 2013" sorts after "mid-2013": the end lies before the start, no range.
        (
            "He led the party from late 2013 to mid-2013.",
            [("late 2013", "DATE", "2013", "END"), ("mid-2013", "DATE", "2013", "MID")],
            [("Late 2013 onward", "2013", "END", None, "onward", False, "He led the party", 0, 44, "late 2013")],
        ),
    ],
)
def test_exact_events_events(text, phrases, expected):
    assert [in_full(e) for e in events_by_hand(text, phrases, dt.date(2014, 6, 22))] == expected


def _expression_events(value, mod=None):
    return TimeExpression(0, 1, "x", "DATE", value, mod)


@pytest.mark.parametrize(
    ("first", "second", "in_order"),
    [
        # A day (or an hour) does not range to itself.
        (("XXXX-WXX-6", None), ("XXXX-WXX-6", None), False),
        (("XXXX-WXX-6T09:00", None), ("XXXX-WXX-6T09:00", None), False),
        (("2014-05-05", None), ("2014-05-05", None), False),
        (("XXXX-05-05", None), ("XXXX-05-05", None), False),
        # A later hour of the same day, a later day.
        (("XXXX-WXX-6T09:00", None), ("XXXX-WXX-6T09:30", None), True),
        (("XXXX-WXX-5", None), ("XXXX-WXX-6", None), True),
        (("2014-05-05", None), ("2014-05-06", None), True),
        # "late 2013" to "mid-2013" runs backwards; "early 2013" to "mid-2013" does not.
        (("2013", "END"), ("2013", "MID"), False),
        (("2013", "START"), ("2013", "MID"), True),
    ],
)
def test_range_in_order_events(first, second, in_order):
    assert ranges_module._in_order(_expression_events(*first), _expression_events(*second)) is in_order


# Each text but the last two opens with OPENING (its event: OPENING_EVENT), so the
# sentence of interest does not start at offset 0.
@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # A date in a caption aside, a reporting date, a newspaper's name: no events.
        (
            OPENING + "The singer, seen at a gala on Monday, released her album in May.",
            [FRIDAY, ("Monday", "DATE", "2014-06-16", None), ("May", "DATE", "2014-05", None)],
            [("May 2014", "2014-05", None, None, "point", False, "The singer released her album", 31, 95, "May")],
        ),
        (
            OPENING + "The band said on Tuesday the tour would start in August.",
            [FRIDAY, ("Tuesday", "DATE", "2014-06-17", None), ("August", "DATE", "2014-08", None)],
            [("August 2014", "2014-08", None, None, "point", False, "The tour would start", 31, 87, "August")],
        ),
        (
            OPENING + "The Mail on Sunday reported that the deal was signed on June 3.",
            [FRIDAY, ("Sunday", "DATE", "2014-06-22", None), ("June 3", "DATE", "2014-06-03", None)],
            [("Tue 3 Jun 2014", "2014-06-03", None, None, "point", True, "The deal was signed", 31, 94, "June 3")],
        ),
        (
            OPENING + "The Sunday Times reported the merger on Monday.",
            [FRIDAY, ("Sunday", "DATE", "2014-06-22", None), ("Monday", "DATE", "2014-06-16", None)],
            [
                (
                    "Mon 16 Jun 2014",
                    "2014-06-16",
                    None,
                    None,
                    "point",
                    True,
                    "The Times reported the merger",
                    31,
                    78,
                    "Monday",
                )
            ],
        ),
        # Direct speech left open at the end of the sentence.
        (
            OPENING + 'He told reporters: "The talks resume on Monday at 6 p.m.',
            [FRIDAY, ("Monday at 6 p.m.", "TIME", "2014-06-23T18:00", None)],
            [],
        ),
        # "late Tuesday" is no exact day.
        (
            OPENING + "Rebels entered the city late Tuesday.",
            [FRIDAY, ("late Tuesday", "DATE", "2014-06-17", "END")],
            [
                (
                    "Late Tue 17 Jun 2014",
                    "2014-06-17",
                    "END",
                    None,
                    "point",
                    False,
                    "Rebels entered the city",
                    31,
                    68,
                    "late Tuesday",
                )
            ],
        ),
        # A year that only says which conviction or race: the clause is dated by its other date.
        (
            OPENING + "On Tuesday, the court overturned her 2012 conviction.",
            [FRIDAY, ("Tuesday", "DATE", "2014-06-17", None), ("2012", "DATE", "2012", None)],
            [
                (
                    "Tue 17 Jun 2014",
                    "2014-06-17",
                    None,
                    None,
                    "point",
                    True,
                    "The court overturned her 2012 conviction",
                    31,
                    84,
                    "Tuesday",
                )
            ],
        ),
        (
            OPENING + "Last week the court overturned her 2012 conviction.",
            [FRIDAY, ("Last week", "DATE", "2014-W24", None), ("2012", "DATE", "2012", None)],
            [
                (
                    "Week of Mon 9 Jun 2014",
                    "2014-W24",
                    None,
                    None,
                    "point",
                    False,
                    "The court overturned her 2012 conviction",
                    31,
                    82,
                    "Last week",
                )
            ],
        ),
        (
            OPENING + "He entered the 2016 race on Tuesday.",
            [FRIDAY, ("2016", "DATE", "2016", None), ("Tuesday", "DATE", "2014-06-17", None)],
            [
                (
                    "Tue 17 Jun 2014",
                    "2014-06-17",
                    None,
                    None,
                    "point",
                    True,
                    "He entered the 2016 race",
                    31,
                    67,
                    "Tuesday",
                )
            ],
        ),
        # A longer noun phrase is an event of its own.
        (
            OPENING + "On Monday he called the 2003 invasion of Iraq a mistake.",
            [FRIDAY, ("Monday", "DATE", "2014-06-16", None), ("2003", "DATE", "2003", None)],
            [
                (
                    "Mon 16 Jun 2014",
                    "2014-06-16",
                    None,
                    None,
                    "point",
                    True,
                    "He called the 2003 invasion of Iraq a mistake",
                    31,
                    87,
                    "Monday",
                ),
                ("2003", "2003", None, None, "point", False, "Invasion of Iraq a mistake", 31, 87, "2003"),
            ],
        ),
        # After the old date and the new, a later sentence's range is still one.
        (
            "The election was postponed from May 2 to May 9. Polls will be open from 7 a.m. until 10 p.m.",
            [
                ("May 2", "DATE", "2014-05-02", None),
                ("May 9", "DATE", "2014-05-09", None),
                ("7 a.m.", "TIME", "2014-05-09T07:00", None),
                ("10 p.m.", "TIME", "2014-05-09T22:00", None),
            ],
            [
                (
                    "Fri 9 May 2014",
                    "2014-05-09",
                    None,
                    None,
                    "point",
                    True,
                    "The election was postponed from May 2",
                    0,
                    47,
                    "May 9",
                ),
                (
                    "Fri 9 May 2014, 07:00 to Fri 9 May 2014, 22:00",
                    "2014-05-09T07:00",
                    None,
                    "2014-05-09T22:00",
                    "range",
                    False,
                    "Polls will be open",
                    48,
                    92,
                    "7 a.m.",
                ),
            ],
        ),
        # A dash between two lines of a list joins no range across sentences (the
        # first line, with no closing punctuation, dates nothing).
        (
            "Timeline:\n\nArsenal signed Wright in 1991\n\n- 1998: Wright joined West Ham.",
            [("1991", "DATE", "1991", None), ("1998", "DATE", "1998", None)],
            [("1998", "1998", None, None, "point", False, "Wright joined West Ham", 42, 73, "1998")],
        ),
    ],
)
def test_second_sentence_events_events(text, phrases, expected):
    opening = [OPENING_EVENT] if text.startswith(OPENING) else []
    assert [in_full(e) for e in events_by_hand(text, phrases, dt.date(2014, 6, 22))] == opening + expected


def test_a_quotation_continued_from_an_earlier_sentence_dates_nothing_events():
    text = 'The coach was upbeat. "We lost badly. Sunday we play at home and we will win," he said.'
    assert events_by_hand(text, [("Sunday", "DATE", "2014-06-29", None)], dt.date(2014, 6, 22)) == []


def test_an_end_of_a_range_begins_no_other_events():
    text = "The index rose in 2010-2011-2012."
    expressions = [
        TimeExpression(text.index(y), text.index(y) + 4, y, "DATE", y, None) for y in ("2010", "2011", "2012")
    ]
    sentences = split_sentences(text)
    assert ranges_module.find_ranges(text, expressions, sentences) == {0: 1}


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        # British single quotes around a title ending in a capital.
        ("Denzel Washington starred in Spike Lee's 'Malcolm X', released in November 1992.", [(41, 52)]),
        ("He called the deal \u201ca great day for Wales\u201d on Monday.", [(19, 42)]),
        # A closing mark alone closes a quotation begun earlier, if four words long.
        ('We will win on Sunday, he said "', [(0, 32)]),
        ('We will win Sunday," he said.', [(0, 20)]),
        ('We will win," he said.', []),
        # A space before the closing mark (a typing slip) still closes the quotation.
        ('"We will win on Sunday ", the coach said.', [(0, 24)]),
    ],
)
def test_quoted_spans_events(sentence, spans):
    assert quoted_spans(sentence) == spans


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("BRAZIL 2014", True),  # six letters, all capitals
        ("BRAZI 2014", False),  # too short to tell
        ("WALES 2 Italy 1", False),  # 60% capitals: not more
        ("WALES 2 ITaly 1", True),
    ],
)
def test_is_heading_events(text, heading):
    assert filters_module._is_heading(text) is heading


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        # "late Saturday" is Saturday's evening: after the afternoon, so the end of a range from it.
        (
            "The festival runs from Saturday afternoon until late Saturday.",
            [("Saturday afternoon", "TIME", "XXXX-WXX-6TAF", None), ("late Saturday", "DATE", "XXXX-WXX-6", "END")],
            [
                (
                    "Saturday, afternoon to late Saturday (date unknown)",
                    "XXXX-WXX-6TAF",
                    None,
                    "XXXX-WXX-6",
                    "range",
                    False,
                    "The festival runs",
                    0,
                    62,
                    "Saturday afternoon",
                )
            ],
        ),
        # The plan first, at the very start of the article: one happening, at the new date.
        (
            "Moved from May 2 to May 9, the final will be played at Wembley.",
            [("May 2", "DATE", "2014-05-02", None), ("May 9", "DATE", "2014-05-09", None)],
            [
                (
                    "Fri 9 May 2014",
                    "2014-05-09",
                    None,
                    None,
                    "point",
                    True,
                    "Moved from May 2, the final will be played at Wembley",
                    0,
                    63,
                    "May 9",
                )
            ],
        ),
        # A plan phrase stretched by a wrapped, indented line is still the plan.
        (
            "The vote, originally\n" + " " * 36 + "scheduled for May 2, was postponed until May 9.",
            [("May 2", "DATE", "2014-05-02", None), ("May 9", "DATE", "2014-05-09", None)],
            [
                (
                    "Until Fri 9 May 2014",
                    "2014-05-09",
                    None,
                    None,
                    "until",
                    False,
                    "The vote, originally scheduled for May 2, was postponed",
                    0,
                    104,
                    "May 9",
                )
            ],
        ),
    ],
)
def test_plans_and_late_weekdays_events(text, phrases, expected):
    assert [in_full(e) for e in events_by_hand(text, phrases, dt.date(2014, 6, 22))] == expected


@pytest.mark.parametrize(
    ("first", "second", "in_order"),
    [
        (("XXXX-WXX-6TAF", None), ("XXXX-WXX-6", "END"), True),  # the afternoon to late Saturday
        (("XXXX-WXX-6", "END"), ("XXXX-WXX-6TEV", None), False),  # late Saturday lies after the evening
        (("XXXX-WXX-6", "END"), ("XXXX-WXX-6TNI", None), True),  # and before the night
    ],
)
def test_plans_and_late_weekday_order_events(first, second, in_order):
    assert ranges_module._in_order(_expression_events(*first), _expression_events(*second)) is in_order


def test_a_duration_is_no_date_of_the_clause_events():
    # "her 2008 campaign" dates the clause: "18 months" says how long, not when.
    text = OPENING + "Clinton opposed gay marriage for 18 months in her 2008 campaign."
    phrases = [FRIDAY, ("18 months", "DURATION", "P18M", None), ("2008", "DATE", "2008", None)]
    assert [in_full(e) for e in events_by_hand(text, phrases, dt.date(2014, 6, 22))] == [
        OPENING_EVENT,
        (
            "2008",
            "2008",
            None,
            None,
            "point",
            False,
            "Clinton opposed gay marriage for 18 months in her campaign",
            31,
            95,
            "2008",
        ),
    ]


def test_another_year_naming_a_noun_is_no_date_of_the_clause_events():
    # "her 2010 appeal" dates the loss: "a 2008 conviction" only says which conviction.
    # (Only the 2010 event is asserted: the 2008 one, "She lost her 2010 appeal against
    # a conviction", is a known fault: its year names the conviction, not the loss.)
    text = OPENING + "She lost her 2010 appeal against a 2008 conviction."
    phrases = [FRIDAY, ("2010", "DATE", "2010", None), ("2008", "DATE", "2008", None)]
    events = [in_full(e) for e in events_by_hand(text, phrases, dt.date(2014, 6, 22))]
    assert (
        "2010",
        "2010",
        None,
        None,
        "point",
        False,
        "She lost her appeal against a 2008 conviction",
        31,
        82,
        "2010",
    ) in events


# mutation tests 3: hl


def test_one_date_told_twice_in_a_sentence_is_one_event_hl():
    text = "Teachers went on strike on June 2, and most schools were shut on 2 June."
    phrases = [("June 2", "DATE", "2014-06-02", None), ("2 June", "DATE", "2014-06-02", None)]
    events = events_by_hand(text, phrases, dt.date(2014, 6, 22))
    assert [(e.label, e.headline) for e in events] == [("Mon 2 Jun 2014", "Teachers went on strike")]


def _expressions_hl(text, phrases):
    expressions, cursor = [], 0
    for phrase, value in phrases:
        start = text.index(phrase, cursor)
        cursor = start + len(phrase)
        expressions.append(TimeExpression(start, cursor, phrase, "DATE", value, None))
    return expressions


def test_the_expressions_of_a_sentence_and_a_year_of_the_article_s_own_year_hl():
    text = "Ticket sales opened on Friday. On Monday he called the 2022 invasion of Ukraine a mistake."
    in_order = _expressions_hl(text, [("Friday", "2022-06-17"), ("Monday", "2022-06-20"), ("2022", "2022")])
    first, second = split_sentences(text)
    assert filters_module.indexes_in(in_order, first) == range(1)
    assert filters_module.indexes_in(in_order, second) == range(1, 3)
    # written in 2022, the year is no later one that only names its noun: it dates
    # the invasion, an event of its own
    assert filters_module.names_its_noun(dt.date(2022, 6, 22), second, 2, in_order) is False
