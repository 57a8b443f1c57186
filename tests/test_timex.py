import datetime as dt

import pytest

from summarize.temporal import datemath, timex


@pytest.mark.parametrize(
    ("value", "mod", "extent", "label"),
    [
        ("2014-06-21", None, "point", "Sat 21 Jun 2014"),
        ("2014-06-21TEV", None, "point", "Sat 21 Jun 2014, evening"),
        ("2014-06-21T15:30", None, "point", "Sat 21 Jun 2014, 15:30"),
        ("2014-01", "START", "point", "Early January 2014"),
        ("2014-01", "START", "onward", "Early January 2014 onward"),
        ("2014-06-09", "END", "onward", "Late Mon 9 Jun 2014 onward"),
        ("1997", "END", "point", "Late 1997"),
        ("1998-Q1", None, "point", "Q1 1998"),
        ("XXXX-WXX-6", None, "point", "Saturday (date unknown)"),
        ("XXXX-WXX-6TEV", None, "point", "Saturday, evening (date unknown)"),
        ("XXXX-06-09", "END", "onward", "Late 9 June (year unknown) onward"),
        ("XXXX-01", "START", "point", "Early January (year unknown)"),
        ("2014-SU", None, "point", "Summer 2014"),
        ("XXXX-SU", None, "point", "Summer (year unknown)"),
        ("XXXX-Q1", "END", "point", "Late Q1 (year unknown)"),
        ("2014-W25", None, "point", "Week of Mon 16 Jun 2014"),
        ("P2D", None, "point", "P2D"),
    ],
)
def test_describe(value, mod, extent, label):
    assert timex.describe(value, mod, extent) == label


@pytest.mark.parametrize(
    "value", ["P2D", "PAST_REF", "XXXX-XX-XX", "2014-13-01", "2014-02-30", "XXXX-WXX", "nonsense", ""]
)
def test_unplaceable_values_parse_to_none(value):
    assert timex.parse_value(value) is None


def test_iso_week_day_with_year_is_a_date():
    parsed = timex.parse_value("2014-W25-6")
    assert (parsed.year, parsed.month, parsed.day) == (2014, 6, 21)


def test_sort_points_order_parts_of_periods():
    values = [
        ("1997", "END"),
        ("1997", None),
        ("1997", "MID"),
        ("1997-06", None),
        ("1997-06-09", None),
        ("1997-06-09TEV", None),
        ("1997-06-09TMO", None),
    ]
    ordered = sorted(values, key=lambda v: timex.sort_point(timex.parse_value(v[0]), v[1], 2000))
    assert ordered == [
        ("1997", None),
        ("1997-06", None),
        ("1997-06-09", None),
        ("1997-06-09TMO", None),
        ("1997-06-09TEV", None),
        ("1997", "MID"),
        ("1997", "END"),
    ]


def test_exactness():
    assert timex.is_exact("2014-06-21", None)
    assert timex.is_exact("2014-06-21TEV", None)
    assert not timex.is_exact("2014-06-09", "END")
    assert not timex.is_exact("2014-01", "START")
    assert not timex.is_exact("XXXX-WXX-6", None)


@pytest.mark.parametrize(
    ("start", "start_mod", "end", "end_mod", "label"),
    [
        ("1991", None, "1998", None, "1991 to 1998"),
        ("2004-02", None, "2013-09", None, "February 2004 to September 2013"),
        ("2013-02", None, "2013-09", None, "February to September 2013"),
        ("1989-08-26", None, "1989-10-20", None, "Sat 26 Aug to Fri 20 Oct 1989"),
        ("2014-05-05", None, "2014-05-07", None, "Mon 5 to Wed 7 May 2014"),
        ("2014-12-30", None, "2015-01-02", None, "Tue 30 Dec 2014 to Fri 2 Jan 2015"),
        ("XXXX-05-05", None, "XXXX-05-07", None, "5 to 7 May (year unknown)"),
        ("XXXX-01", None, "XXXX-03", None, "January to March (year unknown)"),
        ("XXXX-01", None, "2013-09", None, "January to September 2013"),
        ("2014", "MID", "2015-03", None, "Mid 2014 to March 2015"),
        ("2014-01", "START", "2014-03", "END", "Early January to late March 2014"),
        ("XXXX-WXX-1", None, "XXXX-WXX-5", None, "Monday to Friday (date unknown)"),
        ("2014-06-23TMO", None, "2014-06-23TEV", None, "Mon 23 Jun 2014, morning to Mon 23 Jun 2014, evening"),
    ],
)
def test_describe_range(start, start_mod, end, end_mod, label):
    assert timex.describe_range(start, start_mod, end, end_mod) == label


# --- datemath: the calendar arithmetic behind the tagger's values


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        # the 31st of a month moves to the last day of a shorter month
        (dt.date(2013, 12, 31), 1, dt.date(2014, 1, 31)),
        (dt.date(2013, 12, 31), 3, dt.date(2014, 3, 31)),
        (dt.date(2013, 12, 31), 4, dt.date(2014, 4, 30)),
        (dt.date(2013, 12, 31), 5, dt.date(2014, 5, 31)),
        (dt.date(2013, 12, 31), 6, dt.date(2014, 6, 30)),
        (dt.date(2013, 12, 31), 7, dt.date(2014, 7, 31)),
        (dt.date(2013, 12, 31), 8, dt.date(2014, 8, 31)),
        (dt.date(2013, 12, 31), 9, dt.date(2014, 9, 30)),
        (dt.date(2013, 12, 31), 10, dt.date(2014, 10, 31)),
        (dt.date(2013, 12, 31), 11, dt.date(2014, 11, 30)),
        (dt.date(2013, 12, 31), 12, dt.date(2014, 12, 31)),
        (dt.date(2014, 12, 31), -12, dt.date(2013, 12, 31)),
        # February: 29 days in a leap year (every 4th, not every 100th, but every 400th)
        (dt.date(2014, 1, 31), 1, dt.date(2014, 2, 28)),
        (dt.date(2015, 1, 31), 1, dt.date(2015, 2, 28)),
        (dt.date(2012, 1, 31), 1, dt.date(2012, 2, 29)),
        (dt.date(1900, 1, 31), 1, dt.date(1900, 2, 28)),
        (dt.date(2000, 1, 31), 1, dt.date(2000, 2, 29)),
        (dt.date(2100, 3, 31), -1, dt.date(2100, 2, 28)),
        (dt.date(2401, 3, 30), -13, dt.date(2400, 2, 29)),
        (dt.date(2014, 6, 15), -6, dt.date(2013, 12, 15)),
    ],
)
def test_add_months_keeps_the_day_within_the_month(start, months, expected):
    assert datemath.add_months(start, months) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, dt.date(2000, 4, 23)),
        (2008, dt.date(2008, 3, 23)),  # early: the first Sunday after the full moon of 21 March
        (2014, dt.date(2014, 4, 20)),
        (1818, dt.date(1818, 3, 22)),  # the earliest possible
        (2038, dt.date(2038, 4, 25)),  # the latest possible
        (1943, dt.date(1943, 4, 25)),
        (1954, dt.date(1954, 4, 18)),  # the algorithm's two exceptions (m = 1)
        (1981, dt.date(1981, 4, 19)),
        (1859, dt.date(1859, 4, 24)),
        (1605, dt.date(1605, 4, 10)),
        (1700, dt.date(1700, 4, 11)),  # a century year without a leap day
        (3165, dt.date(3165, 4, 18)),
    ],
)
def test_easter_sunday(year, expected):
    assert datemath.easter(year) == expected


@pytest.mark.parametrize(
    ("year", "month", "weekday", "n", "expected"),
    [
        (2014, 11, 4, 4, dt.date(2014, 11, 27)),  # Thanksgiving: the fourth Thursday of November
        (2014, 9, 1, 1, dt.date(2014, 9, 1)),  # Labor Day: the first Monday, on the 1st itself
        (2014, 5, 1, -1, dt.date(2014, 5, 26)),  # Memorial Day: the last Monday of May
        (2015, 5, 1, -1, dt.date(2015, 5, 25)),  # June 1, 2015 was a Monday: not in May
        (2021, 5, 1, -1, dt.date(2021, 5, 31)),  # on the last day of the month itself
        (2014, 12, 3, -1, dt.date(2014, 12, 31)),  # the last Wednesday of a year's last month
    ],
)
def test_nth_weekday(year, month, weekday, n, expected):
    assert datemath.nth_weekday(year, month, weekday, n) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("year", "1998"),
        ("fiscal year", "1998"),
        ("month", "1998-02"),
        ("quarter", "1998-Q1"),  # February is in the first quarter
        ("decade", "199"),
        ("century", "19"),
        ("week", "1998-W07"),
        ("day", "1998-02-14"),
    ],
)
def test_granular(unit, expected):
    assert datemath.granular(dt.date(1998, 2, 14), unit) == expected


@pytest.mark.parametrize(
    ("day", "quarter"),
    [(dt.date(2014, m, 1), q) for m, q in zip(range(1, 13), [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4], strict=True)],
)
def test_quarter_of(day, quarter):
    assert datemath.quarter_of(day) == quarter


def test_granular_century_of_a_year_ending_a_century():
    assert datemath.granular(dt.date(2000, 6, 1), "century") == "20"
    assert datemath.granular(dt.date(1999, 6, 1), "century") == "19"
    assert datemath.granular(dt.date(2099, 6, 1), "century") == "20"


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        # a clock unit leaves the day alone: "three hours ago" is still today
        (-3, "hour", dt.date(2014, 6, 21)),
        (-30, "minute", dt.date(2014, 6, 21)),
        (-45, "second", dt.date(2014, 6, 21)),
        (-2, "day", dt.date(2014, 6, 19)),
        (-2, "night", dt.date(2014, 6, 19)),
        (3, "trading day", dt.date(2014, 6, 24)),
        (3, "business day", dt.date(2014, 6, 24)),
        (-1, "week", dt.date(2014, 6, 14)),
        (1, "weekend", dt.date(2014, 6, 28)),
        (-1, "fortnight", dt.date(2014, 6, 7)),
        (2, "fortnight", dt.date(2014, 7, 19)),
        (-1, "month", dt.date(2014, 5, 21)),
        (-1, "quarter", dt.date(2014, 3, 21)),
        (2, "quarter", dt.date(2014, 12, 21)),
        (-1, "year", dt.date(2013, 6, 21)),
        (-1, "fiscal year", dt.date(2013, 6, 21)),
        (-1, "decade", dt.date(2004, 6, 21)),
        (-1, "century", dt.date(1914, 6, 21)),
        (0.5, "year", dt.date(2014, 12, 21)),  # "half a year"
    ],
)
def test_shift(n, unit, expected):
    assert datemath.shift(dt.date(2014, 6, 21), n, unit) == expected


# --- timex: parsing values, their calendar spans and sort points


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2014", timex.TimexValue(2014, None, None, None, "year")),
        ("2014-06", timex.TimexValue(2014, 6, None, None, "month")),
        ("XXXX-06", timex.TimexValue(None, 6, None, None, "month")),
        ("2014-06-21", timex.TimexValue(2014, 6, 21, None, "day")),
        ("XXXX-06-21", timex.TimexValue(None, 6, 21, None, "day")),
        ("XXXX-02-29", timex.TimexValue(None, 2, 29, None, "day")),  # a leap day is possible without a year
        ("XXXX-12-31", timex.TimexValue(None, 12, 31, None, "day")),
        ("XXXX-01-01", timex.TimexValue(None, 1, 1, None, "day")),
        ("2014-06-21TEV", timex.TimexValue(2014, 6, 21, None, "time", "EV")),
        ("2014-06-21T15:30", timex.TimexValue(2014, 6, 21, None, "time", None, 15, 30)),
        ("2014-06-21T09", timex.TimexValue(2014, 6, 21, None, "time", None, 9, 0)),
        ("XXXX-WXX-6", timex.TimexValue(None, None, None, 6, "day")),
        ("XXXX-WXX-6TNI", timex.TimexValue(None, None, None, 6, "time", "NI")),
        ("XXXX-WXX-1T08:15", timex.TimexValue(None, None, None, 1, "time", None, 8, 15)),
        ("2014-W25-1T10:45", timex.TimexValue(2014, 6, 16, None, "time", None, 10, 45)),
        ("2014-W25-7TMO", timex.TimexValue(2014, 6, 22, None, "time", "MO")),
        ("2014-W25", timex.TimexValue(2014, None, None, None, "week", week=25)),
        ("2014-Q3", timex.TimexValue(2014, None, None, None, "quarter", quarter=3)),
        ("XXXX-Q4", timex.TimexValue(None, None, None, None, "quarter", quarter=4)),
        ("2014-WI", timex.TimexValue(2014, None, None, None, "season", season="WI")),
    ],
)
def test_parse_value(value, parsed):
    assert timex.parse_value(value) == parsed


@pytest.mark.parametrize(
    "value",
    [
        "XXXX",  # no year, no month: nothing to place
        "2014-XX",
        "2014-06-XX",
        "2014-XX-21",
        "2014-00",
        "2014-13",
        "XXXX-13-01",
        "XXXX-06-00",
        "XXXX-06-32",
        "XXXX-W25",  # a week needs its year
        "2014-WXX",
        "XXXX-W25-6",  # a week day with a week but no year, or a year but no week
        "2014-WXX-6",
        "2014-06-21T25:00x",
    ],
)
def test_values_without_a_place_parse_to_none(value):
    assert timex.parse_value(value) is None


@pytest.mark.parametrize(
    ("value", "year", "first", "last"),
    [
        ("2014-06-21", 2000, dt.date(2014, 6, 21), dt.date(2014, 6, 21)),
        ("XXXX-06-21", 2013, dt.date(2013, 6, 21), dt.date(2013, 6, 21)),
        ("XXXX-02-29", 2013, dt.date(2013, 2, 28), dt.date(2013, 2, 28)),  # no 29th in 2013
        ("XXXX-02-29", 2012, dt.date(2012, 2, 29), dt.date(2012, 2, 29)),
        ("2014-W25", 2000, dt.date(2014, 6, 16), dt.date(2014, 6, 22)),
        ("2014-02", 2000, dt.date(2014, 2, 1), dt.date(2014, 2, 28)),
        ("XXXX-02", 2012, dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
        ("2014-Q1", 2000, dt.date(2014, 1, 1), dt.date(2014, 3, 31)),
        ("2014-Q2", 2000, dt.date(2014, 4, 1), dt.date(2014, 6, 30)),
        ("2014-Q4", 2000, dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
        ("XXXX-Q3", 2013, dt.date(2013, 7, 1), dt.date(2013, 9, 30)),
        ("2014-SP", 2000, dt.date(2014, 3, 1), dt.date(2014, 5, 31)),
        ("2014-SU", 2000, dt.date(2014, 6, 1), dt.date(2014, 8, 31)),
        ("2014-FA", 2000, dt.date(2014, 9, 1), dt.date(2014, 11, 30)),
        ("2012-WI", 2000, dt.date(2011, 12, 1), dt.date(2012, 2, 29)),  # winter 2012 began in December 2011
        ("2014", 2000, dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    ],
)
def test_calendar_span(value, year, first, last):
    assert timex.calendar_span(timex.parse_value(value), year) == (first, last)


@pytest.mark.parametrize(
    ("value", "mod", "point"),
    [
        ("2014-06-21", None, (dt.date(2014, 6, 21), 0.0)),
        ("2014-06-21", "END", (dt.date(2014, 6, 21), 21.0)),  # "late on June 21": the evening
        ("2014-06-21", "START", (dt.date(2014, 6, 21), 0.0)),
        ("2014-06-21TMO", "END", (dt.date(2014, 6, 21), 9.0)),
        ("2014-06-21TAF", None, (dt.date(2014, 6, 21), 15.0)),
        ("2014-06-21T15:30", None, (dt.date(2014, 6, 21), 15.5)),
        ("2014-06-21T07", None, (dt.date(2014, 6, 21), 7.0)),
        ("2014-06", None, (dt.date(2014, 6, 1), 0.0)),
        ("2014-06", "MID", (dt.date(2014, 6, 16), 0.0)),  # 30 days: 15 in
        ("2014-06", "END", (dt.date(2014, 6, 21), 0.0)),  # 30 days: 20 in
        ("2014-06", "APPROX", (dt.date(2014, 6, 1), 0.0)),
        ("2014", "MID", (dt.date(2014, 7, 2), 0.0)),  # 365 days: 182 in
        ("2014", "END", (dt.date(2014, 9, 1), 0.0)),  # 365 days: 243 in
        ("XXXX-07", "END", (dt.date(2013, 7, 21), 0.0)),  # 31 days: 20 in, in the standing year
    ],
)
def test_sort_point(value, mod, point):
    assert timex.sort_point(timex.parse_value(value), mod, 2013) == point


@pytest.mark.parametrize(
    ("value", "mod", "extent", "label"),
    [
        ("2014-06", "MID", "point", "Mid June 2014"),
        ("2014-06-21", "APPROX", "point", "About Sat 21 Jun 2014"),
        ("2014-06-21", "BEFORE", "point", "Before Sat 21 Jun 2014"),
        ("2014-06-21", "AFTER", "point", "After Sat 21 Jun 2014"),
        ("2014-06-21", "ON_OR_BEFORE", "point", "On or before Sat 21 Jun 2014"),
        ("2014-06-21", "ON_OR_AFTER", "point", "From Sat 21 Jun 2014"),
        # "since June 21": the onward extent already says "from"
        ("2014-06-21", "ON_OR_AFTER", "onward", "Sat 21 Jun 2014 onward"),
        ("2014-06-21", None, "until", "Until Sat 21 Jun 2014"),
        ("2014-06", "END", "until", "Until late June 2014"),
        ("2014-06", "LESS_THAN", "point", "June 2014"),  # a duration's mod says nothing of a date
        ("2014-06-21T09:05", None, "point", "Sat 21 Jun 2014, 09:05"),
        ("2014-06-21T09", None, "point", "Sat 21 Jun 2014, 09:00"),
        ("XXXX-WXX-1T08:15", None, "point", "Monday, 08:15 (date unknown)"),
        ("XXXX-06-21TNI", None, "point", "21 June (year unknown), night"),
        ("2014-FA", None, "point", "Autumn 2014"),
        ("XXXX-WI", "START", "point", "Early winter (year unknown)"),
        ("2014-W01", None, "point", "Week of Mon 30 Dec 2013"),
        ("2014-W25", "END", "point", "Late week of Mon 16 Jun 2014"),
        ("XXXX-Q2", None, "until", "Until Q2 (year unknown)"),
        ("XXXX-XX-XX", None, "point", "XXXX-XX-XX"),
    ],
)
def test_describe_with_mods_times_and_periods(value, mod, extent, label):
    assert timex.describe(value, mod, extent) == label


@pytest.mark.parametrize(
    ("start", "start_mod", "end", "end_mod", "label"),
    [
        # an end the timeline cannot place: each end said on its own
        ("PAST_REF", None, "2014-06", "START", "PAST_REF to Early June 2014"),
        ("2014-06-09", "END", "P2D", None, "Late Mon 9 Jun 2014 to P2D"),
        ("2014-Q1", None, "2014-Q3", None, "Q1 to Q3 2014"),
        ("2014-SP", None, "2014-SU", None, "Spring to summer 2014"),
        ("2013-FA", None, "2014-SP", None, "Autumn 2013 to spring 2014"),
        ("2014-W25", None, "2014-W27", None, "Week of Mon 16 Jun 2014 to week of Mon 30 Jun 2014"),
        ("2013", None, "2014-06", None, "2013 to June 2014"),
        ("2014", None, "2014-06", None, "2014 to June 2014"),  # a year is never said twice short
        # a weekday without a date, then a dated day: the weekday keeps its "date unknown"
        ("XXXX-WXX-6", None, "2014-06-21", None, "Saturday (date unknown) to Sat 21 Jun 2014"),
        ("2014-06-21", None, "XXXX-WXX-1", None, "Sat 21 Jun 2014 to Monday (date unknown)"),
        ("2014-06-05", "START", "2014-06-07", None, "Early Thu 5 Jun to Sat 7 Jun 2014"),
        ("2014-06-05", None, "2014-06-07TEV", None, "Thu 5 Jun to Sat 7 Jun 2014, evening"),
        ("XXXX-06-05", None, "2014-06-07", None, "Thu 5 to Sat 7 Jun 2014"),
        ("XXXX-05-30", None, "XXXX-06-02", None, "30 May to 2 June (year unknown)"),
    ],
)
def test_describe_range_of_other_values(start, start_mod, end, end_mod, label):
    assert timex.describe_range(start, start_mod, end, end_mod) == label


@pytest.mark.parametrize(
    ("value", "mod", "exact"),
    [
        ("2014-06-21T15:30", None, True),
        ("2014-06-21", "ON_OR_AFTER", True),  # "since June 21": that day, exactly
        ("2014-06-21", "APPROX", False),
        ("2014-06-21", "BEFORE", False),
        ("XXXX-06-21", None, False),  # no year
        ("2014-06", None, False),  # no day
        ("2014-W25", None, False),
        ("P2D", None, False),
    ],
)
def test_is_exact(value, mod, exact):
    assert timex.is_exact(value, mod) is exact


@pytest.mark.parametrize(
    ("value", "n", "expected"),
    [
        ("2014-06-21", 1, "2014-06-22"),
        ("2014-06-21TEV", -1, "2014-06-20"),  # the day of a time
        ("2014-12-31", 1, "2015-01-01"),
        # "Saturday ... the following day": a Sunday, the date still unknown
        ("XXXX-WXX-6", 1, "XXXX-WXX-7"),
        ("XXXX-WXX-7", 1, "XXXX-WXX-1"),
        ("XXXX-WXX-1", -1, "XXXX-WXX-7"),
        ("XXXX-WXX-5TNI", 2, "XXXX-WXX-7"),
        # a day without its year is counted in a leap year: February 29 may follow the 28th
        ("XXXX-06-09", -1, "XXXX-06-08"),
        ("XXXX-06-09", 1, "XXXX-06-10"),
        ("XXXX-02-28", 1, "XXXX-02-29"),
        ("XXXX-03-01", -1, "XXXX-02-29"),
        ("XXXX-12-31", 1, "XXXX-01-01"),
        ("XXXX-02-30", 1, None),
        ("2014-06", 1, None),
        ("P2D", 1, None),
    ],
)
def test_shift_day(value, n, expected):
    assert datemath.shift_day(value, n) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-06-21TEV", "2014-06-21"),
        ("2014-06-21", "2014-06-21"),
        ("XXXX-06-09TNI", "XXXX-06-09"),
        ("XXXX-WXX-6TEV", "XXXX-WXX-6"),
        ("XXXX-XX-XXTMO", "XXXX-XX-XX"),
        ("2014-06", None),
        ("PRESENT_REF", None),
    ],
)
def test_day_part(value, expected):
    assert datemath.day_part(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-06-21", dt.date(2014, 6, 21)),
        ("2014-06-21T15:30", dt.date(2014, 6, 21)),
        ("2014-02-30", None),
        ("XXXX-06-21", None),
        ("2014-06", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_day(value, expected):
    assert datemath.parse_day(value) == expected


@pytest.mark.parametrize(
    ("weekday", "inclusive", "before", "after"),
    [
        # 2014-06-21 is a Saturday
        (6, True, dt.date(2014, 6, 21), dt.date(2014, 6, 21)),
        (6, False, dt.date(2014, 6, 14), dt.date(2014, 6, 28)),
        (1, True, dt.date(2014, 6, 16), dt.date(2014, 6, 23)),
        (7, False, dt.date(2014, 6, 15), dt.date(2014, 6, 22)),
    ],
)
def test_weekday_before_and_after(weekday, inclusive, before, after):
    saturday = dt.date(2014, 6, 21)
    assert datemath.weekday_before(saturday, weekday, inclusive) == before
    assert datemath.weekday_after(saturday, weekday, inclusive) == after


def test_day_week_and_month_values():
    assert datemath.day(dt.date(1998, 1, 8)) == "1998-01-08"
    assert datemath.week(dt.date(1998, 1, 8)) == "1998-W02"
    assert datemath.week(dt.date(2014, 12, 29)) == "2015-W01"  # the ISO year of the week
    assert datemath.month(998, 3) == "0998-03"
    assert datemath.safe_date(2014, 2, 29) is None
    assert datemath.safe_date(2012, 2, 29) == dt.date(2012, 2, 29)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        # an ISO week day with its year and no time of day is a plain day, as "2014-06-21" is
        ("2014-W25-6", timex.TimexValue(2014, 6, 21, None, "day")),
        ("2015-W01-1", timex.TimexValue(2014, 12, 29, None, "day")),  # week 1 of 2015 starts in 2014
    ],
)
def test_parse_value_of_a_week_day_core(value, parsed):
    assert timex.parse_value(value) == parsed
    assert timex.is_exact(value, None)


@pytest.mark.parametrize(
    ("value", "mod", "hour"),
    [
        ("XXXX-WXX-6", "END", 21.0),  # "late Saturday": the evening, as "late on June 21"
        ("XXXX-WXX-6", None, 0.0),
        ("XXXX-WXX-6", "START", 0.0),
        ("XXXX-WXX-6TMO", "END", 9.0),
    ],
)
def test_sort_point_hour_of_a_weekday_events(value, mod, hour):
    assert timex.sort_point(timex.parse_value(value), mod, 2013)[1] == hour
