"""Exact events of short texts: labels, values, headlines, sentence offsets; quotation spans and range joining words."""

import datetime as dt

import pytest

from handevents import events_by_hand, in_full
from summarize.events import quoted_spans, ranges as ranges_module

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
