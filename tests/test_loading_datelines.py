"""Datelines: which ones date an article, and how they leave the body."""

import datetime as dt
from pathlib import Path

import pytest

from summarize.inputs.datelines import find_dateline
from summarize.inputs.loading import article_from_text, load_article

DATA = Path(__file__).resolve().parent / "data" / "briefing"


@pytest.mark.parametrize(
    ("text", "place", "date", "body"),
    [
        ("WASHINGTON, June 22, 2014 (AP) \u2014 The Senate voted.", "WASHINGTON", "2014-06-22", "The Senate voted."),
        ("BAGHDAD, June 24, 2014 (Reuters) - Militants", "BAGHDAD", "2014-06-24", "Militants"),
        ("KIRKUK, Iraq, Sept. 3, 2014 (Reuters) -- Kurdish", "KIRKUK, Iraq", "2014-09-03", "Kurdish"),
        ("PARIS, 5 March 2015 - The", "PARIS", "2015-03-05", "The"),
        ("NEW YORK, Monday, Jan. 5, 2015 (AP) \u2013 Stocks", "NEW YORK", "2015-01-05", "Stocks"),
        ("ST. LOUIS (AP) \u2014 A jury", "ST. LOUIS", None, "A jury"),
        ("BAGHDAD \u2014 Militants", "BAGHDAD", None, "Militants"),
        ("BAGHDAD, June 22 (Reuters) - Militants", "BAGHDAD", None, "Militants"),
    ],
)
def test_datelines(text, place, date, body):
    dateline = find_dateline(text)
    assert dateline.place == place
    assert dateline.date() == (dt.date.fromisoformat(date) if date else None)
    assert text[dateline.end :] == body


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 21 leaders - officials said - in two towns.",
        "The UN - which has no troops there - said so.",
        "ISIL fighters - about 200 of them - entered the town.",
        "BAGHDAD\n- a list item",
        "Baghdad, June 22 (Reuters) - lower-case place names are not datelines",
    ],
)
def test_ordinary_first_sentences_are_not_datelines(text):
    assert find_dateline(text) is None


def test_a_dateline_without_a_year_needs_the_year_from_elsewhere():
    dateline = find_dateline("BAGHDAD, June 22 (Reuters) - Militants")
    assert (dateline.month, dateline.day, dateline.year) == (6, 22, None)
    assert dateline.date() is None
    assert dateline.date(2014) == dt.date(2014, 6, 22)
    assert find_dateline("BAGHDAD, Feb. 30, 2014 (AP) - x").date() is None  # no such day: no date


def test_followup_with_a_dateline_is_dated_by_it_and_the_dateline_leaves_the_body():
    article = load_article(str(DATA / "followup-dateline.txt"))
    assert article.title == "Iraq Insurgents Consolidate Hold on Western Anbar"
    assert (article.date, article.date_source) == (dt.date(2014, 6, 24), "dateline")
    assert article.text.startswith("Sunni insurgents consolidated their hold")
    assert "Reuters" not in article.text


def test_yearless_dateline_gives_no_date_but_is_still_cut():
    article = article_from_text("BAGHDAD, June 22 (Reuters) - Militants took the town on Sunday.", source="x")
    assert (article.date, article.date_source) == (None, None)
    assert article.text == "Militants took the town on Sunday."


def test_given_date_wins_over_the_dateline():
    article = article_from_text(
        "BAGHDAD, June 24, 2014 (Reuters) - Militants took the town.", source="x", date=dt.date(2014, 6, 25)
    )
    assert (article.date, article.date_source) == (dt.date(2014, 6, 25), "--date")
    assert article.text == "Militants took the town."


def test_a_dateline_alone_is_no_article():
    from summarize.errors import InputError

    with pytest.raises(InputError, match="no text"):
        article_from_text("BAGHDAD, June 24, 2014 (Reuters) -", source="x")


@pytest.mark.parametrize(
    ("text", "dateline", "body"),
    [
        (
            "(CNN) -- Rescuers pulled a man from the rubble on Saturday.",
            "(CNN) --",
            "Rescuers pulled a man from the rubble on Saturday.",
        ),
        ("Kathmandu, Nepal (CNN)Rescuers pulled a man out.", "Kathmandu, Nepal (CNN)", "Rescuers pulled a man out."),
        ("MOSCOW_ Russia said on Monday it would act.", "MOSCOW_", "Russia said on Monday it would act."),
        ("Police (officers) said the man was arrested.", None, "Police (officers) said the man was arrested."),
    ],
)
def test_datelines_without_a_date_leave_the_body_and_give_no_date(text, dateline, body):
    article = article_from_text(text, source="x")
    assert (article.text, article.dateline, article.date, article.date_source) == (body, dateline, None, None)


def test_the_dateline_is_kept_on_the_article():
    article = article_from_text("BAGHDAD, June 22 (Reuters) - Militants took the town on Sunday.", source="x")
    assert article.dateline == "BAGHDAD, June 22 (Reuters) -"
    assert article_from_text("Militants took the town.", source="x").dateline is None


@pytest.mark.parametrize(
    ("dateline", "dates", "expected"),
    [
        ("BAGHDAD, June 22 (Reuters) -", ["2014-06-23"], "2014-06-22"),
        ("BAGHDAD, June 22 (Reuters) -", ["2014-06-23", "2013-06-20"], "2014-06-22"),  # the nearest wins
        ("MOSCOW, Dec. 31 (AP) -", ["2015-01-02"], "2014-12-31"),  # across new year
        ("MOSCOW, Jan. 2 (AP) -", ["2014-12-30"], "2015-01-02"),
        ("BAGHDAD, June 22 (Reuters) -", ["2014-01-02"], None),  # too far from the story to be sure
        ("BAGHDAD, June 22 (Reuters) -", [], None),
        ("BAGHDAD, Feb. 29 (Reuters) -", ["2015-03-01"], None),  # no year near has a 29 February
        ("BAGHDAD, Feb. 29 (Reuters) -", ["2016-03-01"], "2016-02-29"),
        ("BAGHDAD, June 22, 2013 (Reuters) -", ["2014-06-23"], None),  # has its own year: nothing to complete
    ],
)
def test_year_from_briefing(dateline, dates, expected):
    from summarize.inputs.datelines import year_from_briefing

    result = year_from_briefing(find_dateline(dateline + " x"), [dt.date.fromisoformat(d) for d in dates])
    assert result == (dt.date.fromisoformat(expected) if expected else None)
