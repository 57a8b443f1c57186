"""Events from hand-made time expressions, so these tests do not depend on the tagger."""

import datetime as dt

import pytest

from summarize.events import extract_events, make_headline
from summarize.models import Article, TimeExpression


def expr(text: str, phrase: str, type_: str, value: str, mod: str | None = None, nth: int = 0) -> TimeExpression:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return TimeExpression(start, start + len(phrase), phrase, type_, value, mod)


def events_of(text, expressions):
    article = Article(text=text, source="t.txt", date=dt.date(2014, 6, 22))
    return extract_events(article, expressions)


def test_two_dates_in_one_sentence_give_two_events_with_their_own_clauses():
    text = ("Some of those killed were shot dead on Saturday, when the militants moved into the towns, "
            "while others were slain the following day.")
    events = events_of(text, [expr(text, "Saturday", "DATE", "2014-06-21"),
                              expr(text, "the following day", "DATE", "2014-06-22")])
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
    assert events_of(text, [expr(text, "every Monday", "SET", "XXXX-WXX-1"),
                            expr(text, "two days", "DURATION", "P2D")]) == []


def test_repeated_happening_on_same_date_is_one_event():
    text = "Rebels seized the border crossing on Sunday. On Sunday, rebels seized the border crossing."
    events = events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22"),
                              expr(text, "Sunday", "DATE", "2014-06-22", nth=1)])
    assert len(events) == 1


def test_long_headline_is_cut_at_a_phrase_boundary():
    sentence = ("On Monday the finance minister resigned from the cabinet of the embattled government "
                "after weeks of pressure from party members who had demanded a vote on his budget plans.")
    headline = make_headline(sentence, (3, 9))
    assert headline == "The finance minister resigned from the cabinet of the embattled government after weeks of pressure from party members"


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


@pytest.mark.parametrize("text, phrase", [
    ("Militants seized the town, officials said on Sunday.", "Sunday"),
    ("The minister told CNN on Sunday that the town had fallen.", "Sunday"),
    ("The company said in a statement Sunday that profits had fallen.", "Sunday"),
    ("The town had fallen, according to a report published on Sunday.", "Sunday"),
])
def test_reporting_dates_make_no_event(text, phrase):
    assert events_of(text, [expr(text, phrase, "DATE", "2014-06-22")]) == []


def test_an_announcement_is_a_happening_dated_by_its_date():
    """'announced' is not a verb of saying: the announcement is news, and its headline
    is what was announced."""
    text = "Jamie Silvonek was charged as an adult with homicide, the district attorney announced Sunday."
    (event,) = events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22")])
    assert event.headline == "Jamie Silvonek was charged as an adult with homicide"


@pytest.mark.parametrize("text", [
    "'We are ready to pay the fund on Sunday,' the minister said.",
    "\u201cWe will retake the town on Sunday,\u201d he said.",
])
def test_dates_in_direct_speech_make_no_event(text):
    assert events_of(text, [expr(text, "Sunday", "DATE", "2014-06-22")]) == []


def test_a_date_in_a_relative_clause_dates_that_clause():
    text = "Bader, who lost his legs in a flying accident in 1931, was shot down over France in August 1941."
    events = events_of(text, [expr(text, "1931", "DATE", "1931"), expr(text, "August 1941", "DATE", "1941-08")])
    assert [(e.value, e.headline) for e in events] == [
        ("1931", "Bader lost his legs in a flying accident"),
        ("1941-08", "Bader was shot down over France"),
    ]
