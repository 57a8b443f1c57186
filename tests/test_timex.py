import pytest

from summarize.temporal import timex


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
