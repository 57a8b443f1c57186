"""The table of dateline forms: where the article text begins after each, the date
when the form carries one, and ordinary sentences that are no datelines."""

import datetime as dt

import pytest

from summarize.inputs.datelines import FORMS, dateline_end, find_dateline


@pytest.mark.parametrize(("form", "example"), [(form.name, example) for form in FORMS for example in form.examples])
def test_every_example_of_the_table_is_its_own_form(form, example):
    text = example.replace("|", "")
    assert dateline_end(text) == example.index("|")
    assert find_dateline(text).form == form


@pytest.mark.parametrize(
    ("text", "form", "place", "agency", "date", "body"),
    [
        # wire: capitals, region, date, agency, dash
        (
            "WASHINGTON, June 22, 2014 (AP) \u2014 The Senate voted.",
            "wire",
            "WASHINGTON",
            "AP",
            "2014-06-22",
            "The Senate voted.",
        ),
        (
            "KIRKUK, Iraq, Sept. 3, 2014 (Reuters) -- Kurdish",
            "wire",
            "KIRKUK, Iraq",
            "Reuters",
            "2014-09-03",
            "Kurdish",
        ),
        ("PARIS, 5 March 2015 - The", "wire", "PARIS", None, "2015-03-05", "The"),
        ("BAGHDAD, June 22 (Reuters) - Militants", "wire", "BAGHDAD", "Reuters", None, "Militants"),  # no year
        ("WASHINGTON (AP) -- The Senate voted.", "wire", "WASHINGTON", "AP", None, "The Senate voted."),
        ("WASHINGTON - The Senate voted.", "wire", "WASHINGTON", None, None, "The Senate voted."),
        ("LONDON, England (CNN) -- Rescuers", "wire", "LONDON, England", "CNN", None, "Rescuers"),
        # wire underscore: the AP's "_"
        (
            "MOSCOW_ Russia said on Monday it would act.",
            "wire underscore",
            "MOSCOW",
            None,
            None,
            "Russia said on Monday it would act.",
        ),
        ("MOSCOW (AP)_ Russia said.", "wire underscore", "MOSCOW", "AP", None, "Russia said."),
        (
            "CANBERRA, Australia_ Australia said.",
            "wire underscore",
            "CANBERRA, Australia",
            None,
            None,
            "Australia said.",
        ),
        # credit alone
        ("(CNN) -- Rescuers pulled", "credit", None, "CNN", None, "Rescuers pulled"),
        ("(CNN)Think it's hard", "credit", None, "CNN", None, "Think it's hard"),
        ("(CNN Money) -- Stocks fell", "credit", None, "CNN Money", None, "Stocks fell"),
        ("(Reuters) - Oil rose", "credit", None, "Reuters", None, "Oil rose"),
        ("(EW.com) -- The show", "credit", None, "EW.com", None, "The show"),
        ("(The Hollywood Reporter) Stan Freberg", "credit", None, "The Hollywood Reporter", None, "Stan Freberg"),
        ("(The Hollywood Reporter)Stan Freberg", "credit", None, "The Hollywood Reporter", None, "Stan Freberg"),
        # a place in any case before a credit
        ("Kathmandu, Nepal (CNN) -- Rescuers", "placed credit", "Kathmandu, Nepal", "CNN", None, "Rescuers"),
        ("New Delhi, India (CNN)As the earth", "placed credit", "New Delhi, India", "CNN", None, "As the earth"),
        ("Washington (CNN)This week", "placed credit", "Washington", "CNN", None, "This week"),
        ("Boston (CNN) Guilty on all counts", "placed credit", "Boston", "CNN", None, "Guilty on all counts"),
    ],
)
def test_forms(text, form, place, agency, date, body):
    dateline = find_dateline(text)
    assert (dateline.form, dateline.place, dateline.agency) == (form, place, agency)
    assert dateline.date() == (dt.date.fromisoformat(date) if date else None)
    assert text[dateline.end :] == body
    assert dateline_end(text) == dateline.end


@pytest.mark.parametrize(
    "text",
    [
        "Police (officers) said the man was arrested.",
        "Police (left) said the man was arrested.",
        "Barack Obama (D) - the senator - said so.",
        "Barack Obama (AP photo) said so.",
        "John Smith (CNN) said the vote was close.",  # a credit, but a sentence goes on
        "(left) Police said the man was arrested.",
        "Kathmandu, Nepal - rescuers pulled a man out.",  # a place in any case needs a credit
        "US-led forces entered the town.",
        "BAGHDAD-based militants entered the town.",
        "A - the first letter - is a vowel.",
        "NATO said on Monday it would act.",
        "The UN - which has no troops there - said so.",
        "BAGHDAD\n- a list item",
        "Baghdad, June 22 (Reuters) - lower-case place names are not wire datelines",
    ],
)
def test_ordinary_sentences_are_no_datelines(text):
    assert find_dateline(text) is None
    assert dateline_end(text) == 0


def test_a_credit_alone_is_a_dateline_with_no_text_after_it():
    assert dateline_end("(CNN)") == 5
