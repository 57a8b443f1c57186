"""The temporal rules' registry (temporal/rules/__init__.py) is validated at import:
a rule holds its resolver function, and a malformed rule fails there, naming itself."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any

import pytest

import summarize.temporal.rules as rules
from summarize.temporal import datemath, find_time_expressions, vocabulary as V
from summarize.temporal.rules import RULES, sets, validate_registry
from summarize.temporal.rules.base import (
    DIGIT,
    Context,
    Resolution,
    Rule,
    duration_value,
    is_compound,
    unit_of,
    unknown_value,
    words_after,
    words_before,
)
from summarize.temporal.rules.dates import resolve_month, resolve_month_day
from summarize.temporal.rules.placing import nearest_year
from summarize.temporal.rules.slots import expand
from summarize.temporal.rules.triggers import _words
from summarize.temporal.tagger import _trigger_spans, _windows


def test_the_registry_holds_every_family_in_order_and_is_valid():
    validate_registry(RULES)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    # Ties between equally long matches go to the earlier rule: clock times first, sets last.
    assert names[:3] == ["clock_day", "day_clock", "clock"]
    assert names[-1] == "frequency"
    assert all(callable(rule.resolver) and rule.resolver.__name__.startswith("resolve_") for rule in RULES)


def _rule(**changes) -> Rule:
    fields: dict[str, Any] = dict(name="bare_month", pattern=r"{month}", resolver=resolve_month, triggers=("month",))
    fields.update(changes)
    return Rule(**fields)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(resolver="month"), "its resolver must be a function, not 'month'"),
        (dict(resolver=lambda m: None), "does not take (match, context)"),
        (dict(triggers=("monht",)), "unknown trigger categories ['monht']"),
        (dict(triggers=()), "names no trigger category"),
        (dict(prefixes=("postion",)), "unknown modifier kinds ['postion']"),
        (dict(requires=("",)), "an empty string in requires"),
        (dict(reach=(-1, 4)), "reach must be two character counts"),
        (dict(name="Bare Month"), "lower-case words joined by _"),
    ],
)
def test_a_malformed_rule_is_refused_naming_it(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)) as error:
        validate_registry([*RULES, _rule(**changes)])
    assert str(error.value).startswith(f"temporal rule {changes.get('name', 'bare_month')!r}: ")


def test_two_rules_of_one_name_are_refused():
    with pytest.raises(ValueError, match=r"temporal rule 'month': its name is given to another rule too"):
        validate_registry([*RULES, _rule(name="month", resolver=resolve_month_day)])


def test_something_else_than_a_rule_is_refused():
    with pytest.raises(ValueError, match="not a Rule in the registry"):
        validate_registry([*RULES, ("month", r"{month}", "month")])


def test_importing_the_registry_validates_it(monkeypatch):
    """A family's table with a bad rule fails when the registry is imported."""
    monkeypatch.setattr(sets, "RULES", (*sets.RULES, _rule(name="every_month", triggers=("sets",))))
    try:
        with pytest.raises(ValueError, match=r"temporal rule 'every_month': unknown trigger categories \['sets'\]"):
            importlib.reload(rules)
    finally:
        monkeypatch.undo()
        importlib.reload(rules)
    assert [rule.name for rule in rules.RULES] == [rule.name for rule in RULES]


def test_a_match_of_several_expressions_gives_the_span_of_each():
    with pytest.raises(ValueError, match="needs the span of each"):
        Resolution("DATE", "2014-06-09", also=(Resolution("DATE", "2014-06-12", span=(7, 9)),))
    with pytest.raises(ValueError, match="needs the span of each"):
        Resolution("DATE", "2014-06-09", span=(0, 6), also=(Resolution("DATE", "2014-06-12"),))
    both = Resolution("DATE", "2014-06-09", span=(0, 6), also=(Resolution("DATE", "2014-06-12", span=(10, 12)),))
    assert [part.value for part in both.parts()] == ["2014-06-09", "2014-06-12"]


def test_a_resolver_returns_a_resolution_or_none():
    """The rule holds the function itself: the tagger calls it, no name is looked up."""
    (range_rule,) = [rule for rule in RULES if rule.name == "month_day_range"]
    text = "June 9 to 12"
    match = range_rule.regex.search(text.lower())
    resolved = range_rule.resolver(match, Context(dct=None, text=text, span=match.span()))
    assert resolved == Resolution(
        "DATE", "XXXX-06-09", span=(0, 6), also=(Resolution("DATE", "XXXX-06-12", span=(10, 12)),)
    )
    lower = "june 9 to 8"  # a range cannot end before it starts
    match = range_rule.regex.search(lower)
    assert range_rule.resolver(match, Context(dct=None, text="June 9 to 8", span=match.span())) is None


# --- mutation tests (tagger, vocabulary, rule base): the builders run at import, so
# they are called here directly, with the exact regex they must make.


def test_an_alternation_puts_longer_words_first_and_lets_spaces_stretch():
    """ "sept" before "sep", or "Sept. 4" would match as "Sep" and leave "t. 4"."""
    alternation = V.alternation(["sep", "st. patrick's day", "sept", "new year's eve", "sep"])
    assert alternation == r"(?:st\.\s+patrick's\s+day|new\s+year's\s+eve|sept|sep)"
    assert re.fullmatch(alternation, "st. patrick's\n day")
    assert not re.fullmatch(alternation, "stx patrick's day")  # the period is a period
    assert re.match(alternation, "sept. 4").group(0) == "sept"
    # Words that are regexes already stay as they are, spaces and all.
    assert V.alternation([r"p\.m\.", "local time"], escape=False) == r"(?:local\s+time|p\.m\.)"


def test_the_trigger_words_of_phrases_are_their_lower_case_words():
    assert _words(["new year's eve", "labor day"], {"good friday": -2}) == {
        "new",
        "year",
        "s",
        "eve",
        "labor",
        "day",
        "good",
        "friday",
    }


def test_a_pattern_expands_its_slots_to_named_groups_between_word_boundaries():
    year = r"(?:1[5-9]\d\d|20\d\d)"
    edges = r"(?<![\w$£€#])(?<!\d[.,])(?:", r")(?![\w%])"
    assert expand("{year}") == f"{edges[0]}(?P<year>{year}){edges[1]}"
    assert expand(r"{year}\s+to\s+{year:end}") == f"{edges[0]}(?P<year>{year})\\s+to\\s+(?P<end>{year}){edges[1]}"
    assert expand(r"mid-{year:_}") == f"{edges[0]}mid-(?:{year}){edges[1]}"
    span = re.search(expand(r"{year}\s+to\s+{year:end}"), "from 1998 to 2001.")
    assert span is not None and (span.group("year"), span.group("end")) == ("1998", "2001")
    assert re.search(expand("{year}"), "a21998 b1998%") is None  # no year inside a word or before %


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (dict(name="Bare Month"), "a rule's name is lower-case words joined by _"),
        (dict(triggers=()), "it names no trigger category, so it would never run"),
        (dict(requires=("june", "")), "an empty string in requires, which every text contains"),
        (dict(reach=(40,)), "reach must be two character counts (before, after), not (40,)"),
    ],
)
def test_a_malformed_rule_is_refused_with_the_whole_reason(changes, problem):
    with pytest.raises(ValueError) as error:
        validate_registry([_rule(**changes)])
    assert str(error.value) == f"temporal rule {changes.get('name', 'bare_month')!r}: {problem}"


def test_a_rule_may_start_or_end_at_its_trigger():
    """A reach of 0 characters is a count like any other: "{month} 1998" starts at its month."""
    validate_registry([*RULES, _rule(reach=(0, 12)), _rule(name="month_alone", reach=(8, 0))])


def test_a_rule_compiles_its_pattern_and_its_quick_pre_check():
    rule = _rule(name="month_year", pattern=r"{month}\s+{year}", requires=(DIGIT, "a.m"))
    assert rule.regex.pattern == expand(r"{month}\s+{year}")
    assert rule.regex.search("in june 1998 it").group("year") == "1998"
    assert rule.requires_regex is not None and rule.requires_regex.pattern == r"\d|a\.m"
    assert rule.requires_regex.search("at 9 pm") and rule.requires_regex.search("at nine a.m.")
    assert not rule.requires_regex.search("at nine a-m")
    assert _rule().requires_regex is None  # no pre-check: every window is matched


@pytest.mark.parametrize(
    ("n", "unit", "value"),
    [
        (3, "day", "P3D"),
        (24, "hour", "PT24H"),
        (3, "minute", "PT3M"),
        (None, "year", "PXY"),
        (None, "hour", "PTXH"),
        (None, "decade", "PXE"),  # a vague decade keeps TimeML's letter
        (2, "decade", "P20Y"),  # counted decades and centuries are years
        (1, "century", "P100Y"),
        (1.5, "decade", "P15Y"),
        (2.5, "year", "P2Y6M"),  # fractions go to the next smaller unit
        (0.5, "year", "P6M"),
        (1.5, "month", "P1M15D"),
        (1.5, "day", "P1DT12H"),
        (0.5, "day", "PT12H"),
        (1.5, "hour", "PT1H30M"),
        (0.5, "hour", "PT30M"),
        (2.5, "minute", "PT2M30S"),
        (0.5, "minute", "PT30S"),
        (9.84, "second", "PT9.84S"),
        (3, "trading day", "P3D"),
        (1, "fortnight", "P2W"),
        (2, "fortnight", "P4W"),
    ],
)
def test_a_duration_value_is_written_in_timex3(n, unit, value):
    assert duration_value(n, unit) == value


def test_an_unanchored_unit_has_an_underspecified_value():
    assert [unknown_value(u) for u in ("week", "month", "quarter", "decade", "century", "year")] == [
        "XXXX-WXX",
        "XXXX-XX",
        "XXXX-QX",
        "XXX",
        "XX",
        "XXXX",
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("24", 24),
        ("1,500", 1500),
        ("2 1/2", 2.5),
        ("twenty-four", 24),
        ("a dozen", 12),
        ("three and a half", 3.5),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("thousand", 1000),
        ("three thousand", 3000),
        ("hundred thousand", 100000),
        ("several", None),
        ("umpteen and a half", None),
        ("", None),
    ],
)
def test_a_number_in_words_or_digits_has_its_value(text, number):
    assert V.number_value(text) == number


# --- mutation tests 2: rulesB


@pytest.mark.parametrize(
    ("last_value", "anchor"),
    [
        ("2012", (2012, 1, 1)),  # a year counts from its first day: "in 2012 ... a month later"
        ("2012-03", (2012, 3, 1)),  # a month from its first day
        ("2012-03-09", (2012, 3, 9)),
        ("2019-W01", (2019, 1, 3)),  # a week from its Thursday: its Monday is 2018-12-31
        ("2015-W53", (2015, 12, 31)),  # its Friday is 2016-01-01
    ],
)
def test_a_mentioned_time_anchors_year_and_month_arithmetic_at_its_start_rulesB(last_value, anchor):
    ctx = Context(dct=dt.date(2014, 6, 22), text="", last_value=last_value)
    assert ctx.anchor_date() == dt.date(*anchor)
    assert ctx.anchor_is_a_year() == (last_value == "2012")


@pytest.mark.parametrize(
    ("n", "unit", "value"),
    [
        (1.75, "year", "P1Y9M"),  # 0.75 * 12; the quarters catch a wrong factor that halves would round away
        (2.75, "day", "P2DT18H"),
        (1.75, "hour", "PT1H45M"),
        (0.75, "minute", "PT45S"),
        (1.5, "week", "P10DT12H"),  # weeks go to days: ISO 8601 has no P1W4D
        (0.5, "week", "P3DT12H"),
        (1.25, "fortnight", "P17DT12H"),
        (None, "fortnight", "PXW"),
        (9.8765, "second", "PT9.8765S"),  # as written: no rounding to milliseconds
        (2, "aeon", "P2X"),  # a unit the tables do not know keeps TimeML's X
        (None, "aeon", "PXX"),
    ],
)
def test_a_fraction_of_a_unit_goes_to_the_next_smaller_rulesB(n, unit, value):
    assert duration_value(n, unit) == value


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("the day-a-week job", True),  # "two-day-a-week": one hyphenated word
        ("the day-to-day work", True),
        ("the day-1 figures", False),
        ("the day - then", False),
        ("the day", False),
    ],
)
def test_a_unit_before_a_hyphen_and_a_letter_is_part_of_a_word_rulesB(text, compound):
    m = re.match(r"the day", text)
    assert m is not None
    assert is_compound(m) == compound


def test_a_hyphenated_unit_is_the_tables_spaced_one_rulesB():
    assert unit_of("Trading-Days") == "trading day"
    assert unit_of("business-day") == "business day"


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("for another month", 1, "for "),
        ("stay for another month", 1, "for "),
        ("stay for another month", 2, "stay for "),
        ("stay for another month", 5, "stay for "),  # the text's start
        ("by the end of the\n    another month", 2, "of the\n    "),  # a wrapped, indented line
        ("for   another month", 1, "for   "),  # a run of spaces
        ("therefor another month", 1, "therefor "),  # never half a word
        ("another month", 1, ""),
        ("stay for another month", 0, ""),
        # a word of RUN_CHARS_MAX (100) characters is whole, a longer one cut there
        ("x" * 99 + " another month", 1, "x" * 99 + " "),
        ("x" * 100 + " another month", 1, "x" * 100 + " "),
        ("y" + "x" * 100 + " another month", 1, "x" * 100 + " "),
        ("x" * 250 + " another month", 3, "x" * 100 + " "),
    ],
)
def test_words_before_counts_words_not_characters(text: str, count: int, expected: str):
    start = text.index("another")
    assert words_before(text, start, count) == expected


@pytest.mark.parametrize(
    ("span", "also_span"),
    [(None, (7, 9)), ((0, 6), None)],
)
def test_several_expressions_without_spans_are_refused_with_this_message_rel(span, also_span):
    with pytest.raises(ValueError) as refused:
        Resolution("DATE", "2014-06-09", span=span, also=(Resolution("DATE", "2014-06-12", span=also_span),))
    assert str(refused.value) == "a match resolved to several expressions needs the span of each"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a generic "the year"/"the day" after its cue words, across a wrapped, indented line
        ("She was named sportswoman of\n            the year.", "the year", None),
        ("She was named sportswoman of the year.", "the year", None),  # the cue's two words
        ("Players were tougher back in\n      the day, he said.", "the day", None),
        ("Players were tougher back in the day, he said.", "the day", None),
        ("Players were tougher in the day, he said.", "the day", ("DATE", "2014-06-22")),  # 'in' alone: no cue
        # "the year to date" is this year, not a year-long duration ending on a day
        ("Sales for the year to\n          date rose 4 percent.", "the year", ("DATE", "2014")),
        ("Sales for the year to date rose 4 percent.", "the year", ("DATE", "2014")),
        ("Sales for the year to June 30 rose 4 percent.", "the year", ("DURATION", "P1Y")),
        # "soon" and "shortly" relative to an event are no reference to the future
        ("Troops left shortly\n    after the blast.", "shortly", None),
        ("Aid will flow as\n    soon as the ceasefire holds.", "soon", None),
        ("Aid will flow soon, officials said.", "soon", ("DATE", "FUTURE_REF")),
        # an ambiguous month needs its cue word, also across a wrapped, indented line
        ("Prices rose sharply throughout\n      March, traders said.", "March", ("DATE", "2014-03")),
        ("Prices rose sharply throughout March, traders said.", "March", ("DATE", "2014-03")),
        ("Prices rose sharply in   May, traders said.", "May", ("DATE", "2014-05")),
        ("Prices may rise sharply, traders said.", "may", None),
        # a number, not a year, after "number", "No." or "$"
        ("The winning ticket was number\n        1998, officials said.", "1998", None),
        ("The winning ticket was number 1998, officials said.", "1998", None),
        # a year before a plural noun after its lead word ("in the"), across a run of spaces
        ("Turnout in the                       1998 elections was low.", "1998", ("DATE", "1998")),
        ("Turnout in the 1998 elections was low.", "1998", ("DATE", "1998")),
        ("Police sent 1998 officers to the stadium.", "1998", None),
        ("The crash of Flight                   1998 killed 40 people.", "1998", None),  # a name before it
        ("The crash of Flight 1998 killed 40 people.", "1998", None),
    ],
)
def test_cue_words_around_an_expression_are_counted_in_words_rel(text, expression, expected):
    found = find_time_expressions(text, dt.date(2014, 6, 22))
    start = text.index(expression)
    overlapping = [t for t in found if t.start < start + len(expression) and start < t.end]
    if expected is None:
        assert overlapping == []
    else:
        assert [(t.text, t.type, t.value) for t in overlapping] == [(expression, *expected)]


# --- mutation tests 3: place


@pytest.mark.parametrize(
    ("month", "day", "dct", "tense", "year"),
    [
        # No tense: the nearest, a future date made 10 days farther (news reports the past).
        (12, 16, dt.date(2014, 6, 22), None, 2014),  # 177 + 10 ahead against 188 back
        (12, 22, dt.date(2014, 6, 22), None, 2013),  # 183 + 10 ahead against 182 back
        (12, 17, dt.date(2016, 6, 22), None, 2015),  # 178 + 10 against 188 (a leap year between): a tie, the past
        # A past clause makes a future date 120 days farther: the edge, exactly.
        (10, 22, dt.date(2014, 6, 22), "PAST", 2014),  # 122 + 120 = 242 ahead against 243 back
        (10, 23, dt.date(2014, 6, 22), "PAST", 2013),  # 123 + 120 = 243 against 242
        (10, 23, dt.date(2016, 6, 22), "PAST", 2015),  # 123 + 120 = 243 against 243: a tie, the past
        # A future clause makes a past date 120 days farther.
        (2, 20, dt.date(2014, 6, 22), "FUTURE", 2014),  # 122 + 120 = 242 back against 243 ahead
        (2, 19, dt.date(2014, 6, 22), "FUTURE", 2015),  # 123 + 120 = 243 against 242
    ],
)
def test_nearest_year_puts_the_wrong_side_of_the_dct_farther_place(month, day, dct, tense, year):
    assert nearest_year(lambda y: datemath.safe_date(y, month, day), dct, tense) == year


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A range that comes round to its own month ends a year later; a list says nothing.
        (
            "Consumer prices rose 4.1% from May 2013 to May, the statistics office said.",
            dt.date(2014, 6, 22),
            [("May 2013", "2013-05"), ("May", "2014-05")],
        ),
        (
            "Consumer prices rose 4.1% from May 2013 to May, the statistics office said.",
            dt.date(2014, 4, 22),  # May 2014 is still ahead: the range still ends in it
            [("May 2013", "2013-05"), ("May", "2014-05")],
        ),
        ("The festival runs from May to May 20.", dt.date(2014, 6, 22), [("May", "2014-05"), ("May 20", "2014-05-20")]),
        (
            "Polls were open from June 9 at 9 a.m. to June 9 at 5 p.m.",
            dt.date(2014, 6, 22),
            [
                ("June 9", "2014-06-09"),
                ("9 a.m.", "2014-06-09T09:00"),
                ("June 9", "2014-06-09"),
                ("5 p.m.", "2014-06-09T17:00"),
            ],
        ),
    ],
)
def test_a_date_joined_to_the_one_before_takes_its_year_place(text, dct, expected):
    assert [(t.text, t.value) for t in find_time_expressions(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        # a run of non-space characters longer than RUN_CHARS_MAX (100) is no word:
        # the window ends 100 characters into it
        ("x" * 150 + " for another", 2, "x" * 100 + " for "),
        ("x" * 150 + " for another", 1, "for "),
        # and so is a run of whitespace (megabytes of spaces are no line break)
        (" " * 1200 + "another", 1, " " * 100),
        ("for" + " " * 99 + "another", 1, "for" + " " * 99),
        ("for" + " " * 100 + "another", 1, " " * 100),
    ],
)
def test_words_before_stops_in_a_word_too_long_for_prose_win(text: str, count: int, expected: str):
    assert words_before(text, text.rindex("another"), count) == expected


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("another's month of talks", 0, "'s"),
        ("another's month of talks", 1, "'s month"),
        ("another\n    month of talks", 2, "\n    month of"),
        ("another month", 5, " month"),
        ("another " + "x" * 150, 1, " " + "x" * 100),
        ("another" + "y" * 150, 0, "y" * 100),
        ("another" + "y" * 99 + " z", 0, "y" * 99),
        ("another" + " " * 99 + "month", 1, " " * 99 + "month"),
        ("another" + " " * 150 + "month", 1, " " * 100),
    ],
)
def test_words_after_mirrors_words_before(text: str, count: int, expected: str):
    assert words_after(text, len("another"), count) == expected


def test_triggers_are_whole_words_only():
    # "may" in "dismay", "mayor" and "mays", "per" in "percent" and "pert" open no
    # window: a window costs a search by every rule of its category.
    text = "dismay as the mayor, in may, spent per head 5 percent more; mays pert"
    assert _trigger_spans(text) == {"month": [(24, 27)], "set": [(35, 38)]}
    # ... from the text's first character on
    assert {category: sorted(spans) for category, spans in _trigger_spans("may 5 and june").items()} == {
        "month": [(0, 3), (10, 14)]
    }


@pytest.mark.parametrize(
    ("spans", "left", "right", "windows"),
    [
        # windows that touch are one: a match may run across the point where they meet
        ([(0, 4), (10, 14)], 1, 1, [(0, 19)]),
        ([(0, 4), (15, 19)], 0, 1, [(0, 9), (15, 19)]),
        # a window ends at the end of the word it reaches into, not past it
        ([(0, 4)], 0, 7, [(0, 14)]),
        ([(5, 6)], 0, 0, [(5, 9)]),
    ],
)
def test_trigger_windows_are_merged_and_end_between_words(spans, left, right, windows):
    assert _windows("aaaa bbbb cccc dddd", spans, left, right) == windows
