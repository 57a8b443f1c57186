"""Headlines and event filters on a table of real-world cases, and deletion-only as a property."""

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from summarize.events import extract_events
from summarize.headlines import (
    HARD_MAX_HEADLINE_WORDS,
    compress,
    is_bare_name,
    make_headline,
)
from summarize.headlines.draft import Draft
from summarize.headlines.trimming import trim_edges
from summarize.models import Article, TimeExpression

CASES = Path(__file__).parent / "data" / "events" / "headline_cases.tsv"


def _cases():
    with CASES.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                others = row[4].split(" | ") if len(row) > 4 and row[4] else []
                yield pytest.param(*row[:4], others, id=f"{row[1]}: {row[0][:40]}")


@pytest.mark.parametrize(("sentence", "phrase", "value", "expected", "others"), list(_cases()))
def test_headline_cases(sentence, phrase, value, expected, others):
    """One time expression in a sentence (with the sentence's other dates, if any):
    its event's exact headline, or no event."""
    start = sentence.index(phrase)
    type_ = "TIME" if "T" in value else "DATE"
    expression = TimeExpression(start, start + len(phrase), phrase, type_, value)
    # an other expression is its text, or "text=value" when its value matters (a range)
    other_expressions = []
    for other in others:
        text, _, other_value = other.partition("=")
        other_expressions.append(
            TimeExpression(sentence.index(text), sentence.index(text) + len(text), text, "DATE", other_value or "2000")
        )
    article = Article(text=sentence, source="t.txt", date=dt.date(2014, 6, 22))
    events = [e for e in extract_events(article, [expression, *other_expressions]) if e.time == expression]
    if expected == "-":
        assert events == []
    else:
        assert [e.headline for e in events] == [expected]
        assert is_deletion(events[0].headline, sentence)


def is_deletion(headline: str, sentence: str) -> bool:
    """Every word of ``headline`` occurs in ``sentence``, in order (case aside;
    punctuation may close up on the word before a deleted stretch)."""
    position = 0
    lowered = sentence.lower()
    for word in re.findall(r"\w+", headline.lower()):
        found = lowered.find(word, position)
        if found < 0:
            return False
        position = found + len(word)
    return True


WORDS = st.sampled_from(
    "the a militants said on Saturday , ( ) - – ' \" “ ” who which and but when according to police "
    "killed 21 in Rawa told CNN that Mr Smith’s since early January 2014 . : ; _ x".split()
)


@st.composite
def sentences_and_spans(draw):
    words = draw(st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=8)), min_size=1, max_size=40))
    separators = draw(st.lists(st.sampled_from([" ", "", ", ", "  "]), min_size=len(words), max_size=len(words)))
    sentence = "".join(w + s for w, s in zip(words, separators))
    start = draw(st.integers(0, len(sentence)))
    end = draw(st.integers(start, len(sentence)))
    others = draw(st.lists(st.tuples(st.integers(0, len(sentence)), st.integers(0, len(sentence))), max_size=3))
    return sentence, (start, end), [(min(a, b), max(a, b)) for a, b in others]


@settings(max_examples=400, deadline=None)
@given(sentences_and_spans())
def test_make_headline_only_deletes_and_never_fails(case):
    """Random words, quotes, brackets and dashes, a random date span and other spans:
    make_headline never raises, only deletes words, keeps a word if there is one
    outside the date, and stays within the hard length limit."""
    sentence, span, others = case
    headline = make_headline(sentence, span, others)
    assert isinstance(headline, str)
    assert is_deletion(headline, sentence)
    assert len(headline.split()) <= HARD_MAX_HEADLINE_WORDS
    outside = sentence[: span[0]] + " " + sentence[span[1] :]
    if re.search(r"[^\W_]", outside):  # a letter or digit outside the date
        assert re.search(r"[^\W_]", headline)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from("militants seized control of the crossing with Syria near Rawa".split()),
        min_size=1,
        max_size=12,
    )
)
def test_make_headline_is_non_empty_when_words_remain(words):
    sentence = "On Sunday " + " ".join(words) + "."
    assert make_headline(sentence, (3, 9)) != ""


def is_word_subsequence(short: str, long: str) -> bool:
    """The words of ``short`` are the words of ``long`` with some deleted, in order."""
    words = iter(re.findall(r"\w+", long))
    return all(any(w == v for v in words) for w in re.findall(r"\w+", short))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Bader \u2013 who lost his legs in a flying accident in 1931 \u2013 was shot down over France.",
            "Bader was shot down over France.",
        ),
        (
            "A kite measuring 6,000 metres (3.7 miles) went to a festival.",
            "A kite measuring 6,000 metres went to a festival.",
        ),
        ("He was shot with a .22 calibre handgun (police said) .", "He was shot with a .22 calibre handgun."),
        ("Militants killed 21 leaders, officers said.", "Militants killed 21 leaders, officers said."),
        ("(Three words only) were here.", "(Three words only) were here."),
    ],
)
def test_compress_deletes_dash_and_parenthetical_asides(sentence, expected):
    assert compress(sentence) == expected


@settings(max_examples=400, deadline=None)
@given(sentences_and_spans())
def test_compress_only_deletes_words(case):
    sentence = case[0]
    compressed = compress(sentence)
    assert is_word_subsequence(compressed, sentence)
    assert compressed == sentence or len(compressed.split()) >= 4


@pytest.mark.parametrize(
    ("headline", "sentence", "expected"),
    [
        ("Walter Mondale", "On Monday, Walter Mondale, the former vice president.", True),
        ("International Women's Day", "International Women's Day is on Sunday.", True),
        ("Bank of England", "The Bank of England on Thursday.", True),
        # the headline's first word is capitalized whatever it was: the sentence says
        ("Invasion of Iraq", "He said the 2003 invasion of Iraq was a mistake.", False),
        ("Barcelona final", "The pair met in the 2013 Barcelona final.", False),
        ("Talks collapsed", "Talks collapsed on Monday.", False),
        ("Arsenal v Chelsea", "Arsenal v Chelsea on Saturday.", False),  # a fixture is a match
        ("Walter Mondale died", "Walter Mondale died on Monday.", False),
    ],
)
def test_a_name_alone_is_a_bare_name(headline: str, sentence: str, expected: bool) -> None:
    assert is_bare_name(headline, sentence) is expected


# mutation tests 2: headlinesA (the length cut, length.py)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # a comma inside a date is no boundary: a little long, the headline stays whole
        (
            "The company said the last payment on the loan from the state bank falls due on March 15, 2012 under the deal",
            "The company said the last payment on the loan from the state bank falls due on March 15, 2012 under the deal",
        ),
        # a dash (en, em, hyphen, double hyphen) before the tail is a boundary
        (
            "The council approved plans for a new bridge across the river near the town centre \u2013 a project costing millions",
            "The council approved plans for a new bridge across the river near the town centre",
        ),
        (
            "The council approved plans for a new bridge across the river near the town centre \u2014 a project costing millions",
            "The council approved plans for a new bridge across the river near the town centre",
        ),
        (
            "The council approved plans for a new bridge across the river near the town centre - a project costing millions",
            "The council approved plans for a new bridge across the river near the town centre",
        ),
        (
            "The council approved plans for a new bridge across the river near the town centre -- a project costing millions",
            "The council approved plans for a new bridge across the river near the town centre",
        ),
        # a word ending in a capital X is no punctuation: no boundary, a little long, whole
        (
            "The space agency signed a contract worth billions of dollars with SpaceX to fly astronauts to the station next year",
            "The space agency signed a contract worth billions of dollars with SpaceX to fly astronauts to the station next year",
        ),
        # the last boundary within the limit may leave a single word out
        (
            "The company said it would also cut five hundred jobs at its factory in the north of England, too",
            "The company said it would also cut five hundred jobs at its factory in the north of England",
        ),
        # punctuation after the eighth word still counts, before one further on
        (
            "The minister resigned after six years in office, saying he wanted to spend more time with his wife and three young children, aides said",
            "The minister resigned after six years in office",
        ),
        # a subordinator after the eighth word, before a conjunction further on
        (
            "The veteran actor passed away at his home after a long battle with cancer surrounded by his wife and their three young children",
            "The veteran actor passed away at his home",
        ),
        # a past in "-ed" of four letters is a verb too ("died", "sued"): the cut finds it
        (
            "The veteran actor died peacefully at his home after a long battle with cancer surrounded by his wife and their three young children",
            "The veteran actor died peacefully at his home",
        ),
        # not before "when" after "such as", nor before "that" after "so" or "rather"
        (
            "The new law will let police search homes without a warrant in emergencies such as when a child is in danger of serious harm",
            "The new law will let police search homes without a warrant",
        ),
        (
            "The central bank cut interest rates to a record low of half a percent so that households could borrow more cheaply during the slump",
            "The central bank cut interest rates to a record low of half a percent",
        ),
        (
            "Union leaders said the strike by nurses would go ahead because members would rather that ministers returned to the negotiating table with a better offer",
            "Union leaders said the strike by nurses would go ahead",
        ),
        # "for well over" is a boundary: only "as well as" is not
        (
            "The veteran coach said he had dreamt of leading the national team to a World Cup for well over twenty years of his career",
            "The veteran coach said he had dreamt of leading the national team to a World Cup",
        ),
        # not between a verb and its complement: "announced that", "aimed at"
        (
            "The carmaker which employs five thousand people at its plant near Derby announced that the factory would close at the end of next year",
            "The carmaker which employs five thousand people at its plant near Derby announced that the factory would close",
        ),
        (
            "The finance minister unveiled a new package of tax cuts for small firms aimed at helping them survive the worst recession in decades",
            "The finance minister unveiled a new package of tax cuts",
        ),
        # after a name when the next two words are not: "Iran on its", "Merkel for talks in"
        (
            "The foreign minister said he would hold a new round of talks with Iran on its nuclear programme early next month to ease tensions",
            "The foreign minister said he would hold a new round of talks with Iran",
        ),
        (
            "The French president will fly to Germany to hold his first meeting with the German Chancellor Angela Merkel for talks in Berlin next week",
            "The French president will fly to Germany to hold his first meeting with the German Chancellor Angela Merkel",
        ),
        # not inside a name: "Marks and Spencer"
        (
            "Investors sold shares in the clothing retailer Marks and Spencer on news of a sharp fall in profits at its stores across the country",
            "Investors sold shares in the clothing retailer Marks and Spencer on news of a sharp fall in profits",
        ),
        # no boundary at all: cut at the limit, but before a name rather than inside it
        (
            "The former Labour minister wrote to thousands of party members across the country urging them to back Tony Blair to lead the party again",
            "The former Labour minister wrote to thousands of party members across the country urging them to back",
        ),
    ],
)
def test_shorten_cuts_at_the_last_boundary_headlinesA(headline, expected):
    """``shorten`` alone on a headline of 19 to 26 words: punctuation first, then a
    subordinator, a conjunction, a preposition; the exact words kept."""
    from summarize.headlines.draft import Draft, tidy
    from summarize.headlines.length import shorten

    draft = Draft(headline)
    shorten(draft)
    assert tidy(draft.view()[0]) == expected


def test_shorten_keeps_at_least_the_minimum_of_an_all_capitals_headline_headlinesA():
    """In capitals every word looks like a name, so no conjunction or preposition is a
    boundary: the cut at the limit backs off name words, but never below
    ``MIN_CUT_HEADLINE_WORDS``."""
    headline = (
        "POLICE SAY THE GUNMAN WHO OPENED FIRE IN A CROWDED SHOPPING CENTRE WAS KNOWN TO "
        "THE SECURITY SERVICES AND HAD BEEN UNDER WATCH FOR YEARS"
    )
    from summarize.headlines.draft import Draft
    from summarize.headlines.length import MAX_HEADLINE_WORDS, MIN_CUT_HEADLINE_WORDS, shorten

    draft = Draft(headline)
    shorten(draft)
    kept = draft.view()[0]
    assert headline.startswith(kept)
    assert MIN_CUT_HEADLINE_WORDS <= len(kept.split()) <= MAX_HEADLINE_WORDS


# mutation tests 2: headlinesA (relatives, modifiers, making)


def _headline_headlinesA(sentence: str, date: str) -> str:
    """The headline of the date ``date`` (its first occurrence) in ``sentence``."""
    start = sentence.index(date)
    return make_headline(sentence, (start, start + len(date)))


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a clause past a semicolon opens with a lower-case "the": it stays with the name
        (
            "The tour sold out; the Rolling Stones, who formed in London in 1962, played for two hours.",
            "in 1962",
            "The Rolling Stones formed in London",
        ),
        (
            "Police studied the group's writings; the Brigade's first manifesto, which appeared online in 2014, called for war.",
            "in 2014",
            "The Brigade's first manifesto appeared online",
        ),
        # a possessive-looking last word ("1990's") is the noun, its determiner opens the phrase
        (
            "Growth was strong in the late 1990's, which saw a boom in share prices in 1998.",
            "in 1998",
            "The late 1990's saw a boom in share prices",
        ),
        # the noun phrase a year premodifies keeps its first word: "whereas clauses"
        (
            "Lawyers cited the 1948 whereas clauses of the Universal Declaration of Human Rights.",
            "1948",
            "Whereas clauses of the Universal Declaration of Human Rights",
        ),
    ],
)
def test_a_relative_or_noun_phrase_headline_keeps_its_first_word_headlinesA(sentence, date, expected):
    assert _headline_headlinesA(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "clause_start", "relative", "antecedent"),
    [
        # the clause opens with "and": the name alone is the noun phrase
        ("Brown left the club in 1988, and Smith, who joined in 1990, stayed.", "and Smith", ", who", "Smith"),
        # a demonstrative alone is the noun phrase: "those that lost their homes"
        ("Aid went to those that lost their homes in 2010.", "Aid", " that", "those"),
    ],
)
def test_the_antecedent_of_a_relative_clause_headlinesA(sentence, clause_start, relative, antecedent):
    from summarize.headlines.relatives import antecedent_start

    span = antecedent_start(sentence, sentence.index(clause_start), sentence.index(relative))
    assert span is not None and sentence[span[0] : span[1]] == antecedent


def test_only_a_bare_year_premodifies_a_name_headlinesA():
    """ "2013's Saving Mr Banks" names a work; "Friday's Champions League final" is an
    edition of an event, and a weekday is no year."""
    from summarize.headlines.modifiers import premodifies_a_name

    work = "Emma Thompson starred in 2013's Saving Mr Banks."
    final = "Fans travelled to Friday's Champions League final in Madrid."
    assert premodifies_a_name(work, work.index("2013"), work.index("2013") + 4) is True
    assert premodifies_a_name(final, final.index("Friday"), final.index("Friday") + 6) is False


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "said that would": a demonstrative after a verb, no relative pronoun
        ("The minister said that would change in 2015.", "in 2015", "The minister said that would change"),
        # "that" and an adverb before the date: no verb, no relative clause
        (
            "Engineers told the council that early in 2010 the old bridge would close for repairs.",
            "in 2010",
            "Engineers told the council that the old bridge would close for repairs",
        ),
    ],
)
def test_a_that_clause_that_is_no_relative_stays_whole_headlinesA(sentence, date, expected):
    assert _headline_headlinesA(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "year", "work", "attributive"),
    [
        # the year is the final's, the Games', the World Cup's: the work nouns after a
        # preposition, a verb, a comma, "and a" or seven words on are not its own
        ("He watched the 1966 final against Germany on video.", "1966", False, True),
        ("The 1966 final inspired a film.", "1966", False, True),
        ("He recalled the 1966 final, a classic.", "1966", False, True),
        ("He remembers the 1966 World Cup and a famous photo of Bobby Moore.", "1966", False, True),
        (
            "Fans flooded the 2012 London Olympics opening ceremony ticket ballot website on Friday.",
            "2012",
            False,
            True,
        ),
        (
            "Millions watched the 2012 London Olympics opening ceremony torch relay highlights video online.",
            "2012",
            False,
            True,
        ),
        # two names joined by "and" before the work noun
        ("Critics loved the 2004 Sandler and Barrymore comedy.", "2004", True, True),
        # the year is itself the noun: "their 2014", "his 2014"
        ("Their 2014 was a disaster, the coach said.", "2014", False, False),
        ("His 2014 with Chelsea was his best season.", "2014", False, False),
    ],
)
def test_a_year_names_a_work_only_before_its_noun_headlinesA(sentence, year, work, attributive):
    from summarize.headlines import attributive_year, names_a_work

    start = sentence.index(year)
    assert names_a_work(sentence, start, start + len(year)) is work
    assert attributive_year(sentence, start, start + len(year)) is attributive


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # the noun phrase a year premodifies is the headline: after a possessive year,
        # with its relative clause, up to a dash, before "to"; a first word "e-mail"
        ("2008's financial crisis wiped out the savings of millions.", "2008", "Financial crisis"),
        ("Voters repealed the 1998 law that banned smoking in bars.", "1998", "Law that banned smoking in bars"),
        ("Fans cheered the 1966 team who won the World Cup.", "1966", "Team who won the World Cup"),
        ("They debated the 2003 invasion of Iraq - a costly mistake - at length.", "2003", "Invasion of Iraq"),
        ("They debated the 2003 invasion of Iraq -- a costly mistake -- at length.", "2003", "Invasion of Iraq"),
        ("They debated the 2003 invasion of Iraq _ a costly mistake _ at length.", "2003", "Invasion of Iraq"),
        ("He defended the 2003 invasion of Iraq to the inquiry.", "2003", "Invasion of Iraq"),
        ("He survived the 2004 e-mail scandal and won again.", "2004", "E-mail scandal"),
    ],
)
def test_a_premodified_noun_phrase_is_the_headline_headlinesA(sentence, date, expected):
    assert _headline_headlinesA(sentence, date) == expected


@pytest.mark.parametrize(
    ("layers", "trimmed"),
    [
        (1, "the army withdrew from the town"),
        (6, "the army withdrew from the town"),
        (7, "However, the army withdrew from the town"),  # the bound: six passes
    ],
)
def test_edges_are_trimmed_in_six_passes_at_most(layers: int, trimmed: str):
    draft = Draft("However, " * layers + "the army withdrew from the town")
    trim_edges(draft, cut_from_middle=False)
    assert draft.view()[0] == trimmed
