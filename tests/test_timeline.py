import datetime as dt

from summarize.events import extract_events
from summarize.models import Article, TimeExpression
from summarize.timeline import build_timeline


def dated(text: str, phrases: list[tuple[str, str, str | None]], date=dt.date(2014, 6, 22)):
    expressions = []
    cursor = 0
    for phrase, value, mod in phrases:
        start = text.index(phrase, cursor)
        cursor = start + len(phrase)
        expressions.append(TimeExpression(start, cursor, phrase, "DATE", value, mod))
    return extract_events(Article(text=text, source="t", date=date), expressions)


TEXT = (
    "Rebels took the crossing on Sunday. "
    "Troops left the town on Saturday. "
    "Fighters have held the city since early January. "
    "Beginning late on June 9, militants overran the province. "
    "Police arrived in the town on Saturday."
)


def test_anchored_events_sort_by_date_and_keep_article_order_on_ties():
    events = dated(
        TEXT,
        [
            ("Sunday", "2014-06-22", None),
            ("Saturday", "2014-06-21", None),
            ("early January", "2014-01", "START"),
            ("late on June 9", "2014-06-09", "END"),
            ("Saturday", "2014-06-21", None),
        ],
    )
    timeline = build_timeline(events)
    assert [(e.value, e.headline) for e in timeline.events] == [
        ("2014-01", "Fighters have held the city"),
        ("2014-06-09", "Militants overran the province"),
        ("2014-06-21", "Troops left the town"),
        ("2014-06-21", "Police arrived in the town"),
        ("2014-06-22", "Rebels took the crossing"),
    ]


def test_undated_convention_month_days_before_weekdays_and_compact_week():
    events = dated(
        TEXT,
        [
            ("Sunday", "XXXX-WXX-7", None),
            ("Saturday", "XXXX-WXX-6", None),
            ("early January", "XXXX-01", "START"),
            ("late on June 9", "XXXX-06-09", "END"),
            ("Saturday", "XXXX-WXX-6", None),
        ],
        date=None,
    )
    timeline = build_timeline(events, anchored=False)
    assert [e.value for e in timeline.events] == ["XXXX-01", "XXXX-06-09", "XXXX-WXX-6", "XXXX-WXX-6", "XXXX-WXX-7"]
    assert not timeline.anchored


def test_weekdays_wrap_around_the_article_day():
    # Friday, Monday and Tuesday in one undated story: written on Tuesday, so Friday
    # is the earliest.
    text = "A met on Monday. B met on Friday. C met on Tuesday."
    events = dated(
        text,
        [("Monday", "XXXX-WXX-1", None), ("Friday", "XXXX-WXX-5", None), ("Tuesday", "XXXX-WXX-2", None)],
        date=None,
    )
    assert [e.value for e in build_timeline(events).events] == ["XXXX-WXX-5", "XXXX-WXX-1", "XXXX-WXX-2"]


def test_dates_with_years_come_before_undated_month_days():
    text = "A happened in 2003. B happened on March 3."
    events = dated(text, [("2003", "2003", None), ("March 3", "XXXX-03-03", None)], date=None)
    assert [e.value for e in build_timeline(events).events] == ["2003", "XXXX-03-03"]


def test_a_range_sorts_by_its_start_and_ties_keep_article_order():
    text = (
        "The drama aired between 1978 and 1990. "
        "He was elected in 1985. "
        "The show was filmed in 1978. "
        "The studio was built from 1970 to 2000."
    )
    events = dated(
        text,
        [
            ("1978", "1978", None),
            ("1990", "1990", None),
            ("1985", "1985", None),
            ("1978", "1978", None),
            ("1970", "1970", None),
            ("2000", "2000", None),
        ],
    )
    timeline = build_timeline(events)
    assert [e.label for e in timeline.events] == ["1970 to 2000", "1978 to 1990", "1978", "1985"]
