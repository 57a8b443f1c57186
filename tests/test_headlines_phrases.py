"""Headlines: relative clauses, modifiers, the other dates cut, and the length cut, with exact headlines."""

import pytest

from summarize.headlines import (
    attributive_year,
    is_modifier,
    make_headline,
    names_a_work,
)

# mutation tests: headlines: relatives, modifiers, datecuts, length


def _headline(sentence: str, date: str, others: tuple[str, ...] = ()) -> str:
    """The headline of the date ``date`` (its first occurrence) in ``sentence``, with
    the sentence's other dates ``others``."""
    start = sentence.index(date)
    other_spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return make_headline(sentence, (start, start + len(date)), other_spans)


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # the antecedent is the relative's object: the noun phrase stays whole
        (
            "The two countries are bound by a treaty, which the presidents signed last May, to cut their arsenals.",
            "last May",
            "A treaty, which the presidents signed",
        ),
        (
            "The agreement, which officials reached on Tuesday, ends a dispute.",
            "on Tuesday",
            "The agreement, which officials reached",
        ),
        (
            "The ship, which Smith bought in 2009, sank off the coast of Norway.",
            "in 2009",
            "The ship, which Smith bought",
        ),
        ("The singer, whom she married in 2010, was released on bail.", "in 2010", "The singer, whom she married"),
        # "where": the clause alone
        (
            "Rescuers searched the village, where the earthquake struck on Saturday, for survivors.",
            "on Saturday",
            "The earthquake struck",
        ),
        ("He returned to Kabul, where he was born in 1975, to run for office.", "in 1975", "He was born"),
        # "whose": the pronoun stays
        (
            "The company, whose shares fell 10 percent on Monday, cut its forecast.",
            "on Monday",
            "The company whose shares fell 10 percent",
        ),
        ("Jones, whose father died in 1998, inherited the farm.", "in 1998", "Jones whose father died"),
        # "who": the antecedent and the clause
        ("Bader, who lost his legs in 1931, was shot down over France.", "in 1931", "Bader lost his legs"),
        ("Mr Smith, 54, who joined the bank in 1990, will retire.", "in 1990", "Mr Smith joined the bank"),
        (
            "The Rolling Stones, who formed in London in 1962, will tour again.",
            "in 1962",
            "The Rolling Stones formed in London",
        ),
        ("Officials said that the plant, which opened in 1985, would close.", "in 1985", "The plant opened"),
        ("The victim, 31, who moved to London in 2010, worked as a nurse.", "in 2010", "The victim moved to London"),
        (
            "Osama bin Laden, who founded al-Qaeda in 1988, was killed in Pakistan.",
            "in 1988",
            "Osama bin Laden founded al-Qaeda",
        ),
        (
            "Charles de Gaulle, who became president in 1959, resigned a decade later.",
            "in 1959",
            "Charles de Gaulle became president",
        ),
        (
            "Prince Saud al Faisal, who became foreign minister in 1975, died in Los Angeles.",
            "in 1975",
            "Prince Saud al Faisal became foreign minister",
        ),
        (
            "Vincent van Gogh, who moved to Arles in 1888, painted hundreds of works.",
            "in 1888",
            "Vincent van Gogh moved to Arles",
        ),
        (
            "Wernher von Braun, who moved to the United States in 1945, designed the Saturn V rocket.",
            "in 1945",
            "Wernher von Braun moved to the United States",
        ),
        (
            "Johnson and Johnson, which recalled the product in 2010, paid a fine.",
            "in 2010",
            "Johnson and Johnson recalled the product",
        ),
        (
            "Marks & Spencer, which opened its first store in 1884, will close 100 shops.",
            "in 1884",
            "Marks & Spencer opened its first store",
        ),
        (
            "The Bank of England, which raised rates in 2007, held them this week.",
            "in 2007",
            "The Bank of England raised rates",
        ),
        ("Obama named Smith, who joined the bank in 1990, as his envoy.", "in 1990", "Smith joined the bank"),
        (
            "Israel held talks with the government and Hamas, which took over Gaza in 2007, on a truce.",
            "in 2007",
            "Hamas took over Gaza",
        ),
        (
            "The crowd cheered former president Obama, who left office in 2017, at the rally.",
            "in 2017",
            "President Obama left office",
        ),
        (
            "The patient was treated by dr. Jones, who joined the hospital in 2001, and recovered.",
            "in 2001",
            "Dr. Jones joined the hospital",
        ),
        (
            "U.S. officials blamed al-Qaeda, which carried out the attack in 2001, for the bombing.",
            "in 2001",
            "Al-Qaeda carried out the attack",
        ),
        ("Mesut \u00d6zil, who joined Arsenal in 2013, scored twice.", "in 2013", "Mesut \u00d6zil joined Arsenal"),
        (
            "Germanwings Flight 9525, which crashed in the Alps in March, carried 150 people.",
            "in March",
            "Germanwings Flight 9525 crashed in the Alps",
        ),
        (
            "Debris from Germanwings Flight 9525, which crashed in the Alps in March, was found.",
            "in March",
            "Germanwings Flight 9525 crashed in the Alps",
        ),
        (
            "Economists praised the Bank of England, which raised rates in 2007, for acting early.",
            "in 2007",
            "The Bank of England raised rates",
        ),
        (
            "Police arrested a Briton, who arrived in Syria in May, at the border.",
            "in May",
            "A Briton arrived in Syria",
        ),
        (
            "Police arrested an American, who arrived in Syria in May, at the border.",
            "in May",
            "An American arrived in Syria",
        ),
        (
            "The crowd cheered the Rolling Stones, who formed in London in 1962, at the concert.",
            "in 1962",
            "The Rolling Stones formed in London",
        ),
        (
            "Flight 9525, which crashed in the Alps in March, carried 150 people.",
            "in March",
            "Flight 9525 crashed in the Alps",
        ),
        ("New York's oldest bar, which opened in 1854, will close.", "in 1854", "New York's oldest bar opened"),
        ("Police said Labour leaders, who met in May, agreed a deal.", "in May", "Labour leaders, who met"),
        ("1984, which Orwell wrote in 1948, is still widely read.", "in 1948", "1984, which Orwell wrote"),
        ("Plan A, which failed in 2010, was dropped.", "in 2010", "Plan A failed"),
        # a noun before the place: "two car bombings in Baghdad"
        (
            "Two car bombings in Baghdad, which killed 20 people on Monday, were blamed on militants.",
            "on Monday",
            "Two car bombings in Baghdad killed 20 people",
        ),
        (
            "The bombing in Baghdad, which killed 20 people on Monday, was blamed on militants.",
            "on Monday",
            "The bombing in Baghdad killed 20 people",
        ),
        (
            "Thousands in Gaza, who fled their homes in July, are still in shelters.",
            "in July",
            "Thousands in Gaza fled their homes",
        ),
        (
            "A gunman at Fort Hood, who opened fire in 2009, was sentenced to death.",
            "in 2009",
            "A gunman at Fort Hood opened fire",
        ),
        (
            "Three men from Leeds, who flew to Turkey in May, crossed into Syria.",
            "in May",
            "Three men from Leeds flew to Turkey",
        ),
        (
            "Rescuers reached a factory near Dhaka, which collapsed in April, on foot.",
            "in April",
            "A factory near Dhaka collapsed",
        ),
        (
            "Protesters gathered at a mosque outside Paris, which opened in 2005, on Friday.",
            "in 2005",
            "A mosque outside Paris opened",
        ),
        # ... but not one of an earlier phrase, five words and more before the place
        (
            "Members of the party gathered in large numbers outside Leeds Crown Court, which opened in 1993.",
            "in 1993",
            "Leeds Crown Court opened",
        ),
        # a common noun: its determiner or possessive, within five words
        ("Sydney's store, which opened in 1998, will close.", "in 1998", "Sydney's store opened"),
        (
            "Police raided Sydney's flagship store, which opened in 1998, on Monday.",
            "in 1998",
            "Sydney's flagship store opened",
        ),
        (
            "Militants released the Islamic State's first manifesto, which appeared in 2014, online.",
            "in 2014",
            "The Islamic State's first manifesto appeared",
        ),
        # no antecedent found: the clause stays whole
        (
            "The mayor said hundreds of mourners, who gathered on Sunday, lit candles.",
            "on Sunday",
            "Hundreds of mourners, who gathered",
        ),
        (
            "Rescuers pulled the victims from homes and schools, which were built in the 1970s, overnight.",
            "the 1970s",
            "Rescuers pulled the victims from homes and schools, which were built",
        ),
        # the object before "who": the noun phrase stays whole
        ("Smith, who Obama appointed in 2009, resigned on Friday.", "in 2009", "Smith, who Obama appointed"),
    ],
)
def test_a_date_in_a_relative_clause_keeps_the_clause_with_its_antecedent(sentence, date, expected):
    assert _headline(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        (
            "The earthquake that hit the country on Saturday, killing 300 people, was the strongest in decades.",
            "on Saturday",
            "The earthquake hit the country",
        ),
        (
            "Officials blamed the storm that struck the coast of Florida on Monday.",
            "Monday",  # six words up to the date, "on" included
            "The storm struck the coast of Florida",
        ),
        (
            "Officials blamed the storm that suddenly struck the coast on Monday.",
            "on Monday",
            "The storm suddenly struck the coast",
        ),
        ("Officials blamed the storm that suddenly struck Monday.", "Monday", "The storm suddenly struck"),
        # the last "that" before the date
        (
            "Officials blamed the storm that struck the coast on Monday, a storm so strong that it flattened homes.",
            "on Monday",
            "The storm struck the coast",
        ),
        # a comma between "that" and the date: no relative of the date
        (
            "The storm that hit, as forecasters had warned, on Monday flooded hundreds of homes.",
            "Monday",
            "The storm that hit, as forecasters had warned, flooded hundreds of homes",
        ),
        # "than that", "so that": no relative pronoun
        (
            "The damage was worse than that caused by Hurricane Ike in 2008.",
            "in 2008",
            "The damage was worse than that caused by Hurricane Ike",
        ),
        # no verb after "that": the date's own phrase
        (
            "Officials said the ceasefire that Monday's talks produced was holding.",
            "Monday",
            "The ceasefire that talks produced was holding",
        ),
    ],
)
def test_a_date_in_a_restrictive_relative_keeps_it_with_its_antecedent(sentence, date, expected):
    assert _headline(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "others", "expected"),
    [
        # a date between commas after a subordinator: both commas go
        (
            "Holly was in the crowd when, on February 3, 1959, the plane crashed, killing all four.",
            "February 3, 1959",
            (),
            "Holly was in the crowd when the plane crashed, killing all four",
        ),
        # its signal goes with it, also before a noun that is no modifier of it
        (
            "Police said the 28-year-old was charged on Friday under anti-terror laws.",
            "Friday",
            (),
            "The 28-year-old was charged under anti-terror laws",
        ),
        # a possessive date after a copula completes it, and stays
        ("The turning point was Monday's meeting.", "Monday", (), "The turning point was Monday's meeting"),
        # the other dates of the clause go, the first word of the clause too
        (
            "Last year the firm moved its headquarters to Dallas in March.",
            "in March",
            ("Last year",),
            "The firm moved its headquarters to Dallas",
        ),
        # ... but not a date of the subject a later clause shares
        (
            "The 2004 champion was knighted in 2006 but was stripped of his title in 2012.",
            "in 2012",
            ("2004", "in 2006"),
            "The 2004 champion was stripped of his title",
        ),
        # ... with their article ("fell on a Friday") ...
        (
            "Christmas fell on a Friday in 2010 for the first time in years.",
            "in 2010",
            ("Friday",),
            "Christmas fell for the first time in years",
        ),
        # ... but an article of the noun a date modifies stays
        ("The ministry published a 2010 report on Monday.", "on Monday", ("2010",), "The ministry published a report"),
        (
            "The company took a fourth-quarter charge on Monday.",
            "on Monday",
            ("fourth-quarter",),
            "The company took a charge",
        ),
        # "to" goes with a date it introduces
        (
            "The company reported on Monday a 5% rise in sales in the three months to March compared with a year earlier.",
            "Monday",
            ("March",),
            "A 5% rise in sales in the three months compared with a year earlier",
        ),
        # dates joined by a conjunction go together; a date alone in quotation marks is a title
        ('"1917" won on Sunday and on Monday.', "on Sunday", ("1917", "Monday"), '"1917" won'),
        (
            '"1917" won best picture at the Baftas on Sunday.',
            "on Sunday",
            ("1917",),
            '"1917" won best picture at the Baftas',
        ),
    ],
)
def test_a_headline_cuts_its_date_and_the_clauses_other_dates(sentence, date, others, expected):
    assert _headline(sentence, date, others) == expected


@pytest.mark.parametrize(
    ("sentence", "year", "work", "attributive"),
    [
        ("He played songs from his 1999 album on Friday.", "1999", True, True),
        ("The museum bought Caillebotte's 1877 A Boating Party last year.", "1877", True, True),
        ("Emma Thompson starred in 2013's Saving Mr Banks.", "2013", True, True),
        ("Critics loved the 2013 Tom Hanks and Emma Thompson hit.", "2013", True, True),
        ("The 2004 Adam Sandler film flopped.", "2004", True, True),
        ("They screened the 1962 classic film Lawrence of Arabia.", "1962", True, True),
        ("He recalled the 1964 film of the novel.", "1964", True, True),
        # an edition of an event, a campaign, a cut: no work, but they say which one
        ("He won the 2015 Grand National at Aintree.", "2015", False, True),
        ("Her 2008 campaign ended in defeat.", "2008", False, True),
        ("They recalled the 2008 crisis, which hit banks.", "2008", False, True),
        ("Labour's 2015 campaign was a failure.", "2015", False, True),
        ("Their disastrous 2014 World Cup ended early.", "2014", False, True),
        ("A 1999 cut in rates helped.", "1999", False, True),
        # a preposition before the year: the time of the clause
        ("The band released in 1999 the album that made them famous.", "1999", False, False),
        ("In 2014 the team won.", "2014", False, False),
    ],
)
def test_a_year_that_names_a_work_or_premodifies_a_noun(sentence, year, work, attributive):
    start = sentence.index(year)
    assert names_a_work(sentence, start, start + len(year)) is work
    assert attributive_year(sentence, start, start + len(year)) is attributive


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("The company reported fourth-quarter earnings on Monday.", "fourth-quarter", True),
        ("Profits rose in the 1988 period.", "1988", True),
        ("Year-earlier profit was lower.", "Year-earlier", True),
        ("In 2014 the team won.", "2014", False),
        ("The talks resumed on Monday and ended on Friday.", "Monday", False),
    ],
)
def test_a_date_that_modifies_the_noun_after_it(sentence, date, expected):
    start = sentence.index(date)
    assert is_modifier(sentence, start, start + len(date)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "On Monday the company said its chief executive and finance director will step down at the end of the year after the board completed a review of the accounts – a move that shocked investors.",
            "The company said its chief executive and finance director will step down at the end of the year",
        ),
        (
            "On Monday the government announced new rules for banks and insurers that will limit bonuses paid to senior staff and traders such as those who lost billions in the crisis of the last decade.",
            "The government announced new rules for banks and insurers",
        ),
        (
            "On Monday the minister promised more money for hospitals and schools in the north of the country as well as new roads and railways across the whole of the region by the end of the decade.",
            "The minister promised more money for hospitals and schools",
        ),
        (
            "On Monday the leader of the opposition party told a crowd of several thousand supporters in the capital city of the country that the election had been stolen from them by fraud.",
            "The leader of the opposition party told a crowd of several thousand supporters",
        ),
        (
            "On Monday troops loyal to the government launched a new offensive against fighters of the Islamic State of Iraq and the Levant near the northern city of Mosul in the province of Nineveh.",
            "Troops loyal to the government launched a new offensive",
        ),
        (
            "On Monday the company confirmed that the final payment of the loan from the bank is due March 1, 2011, and that the rest of the debt will be paid later.",
            "The company confirmed that the final payment of the loan from the bank is due March 1, 2011",
        ),
        (
            "On Monday hundreds of angry protesters marched through the streets of the old city towards the parliament building demanding the immediate resignation of the prime minister and the whole cabinet over corruption claims.",
            "Hundreds of angry protesters marched through the streets of the old city towards the parliament building demanding the immediate resignation of the prime minister",
        ),
        (
            "On Monday the airline said that the flights between London and New York would be suspended for three weeks while engineers inspected the engines of its entire fleet of aircraft.",
            "The flights between London and New York would be suspended for three weeks",
        ),
    ],
)
def test_a_long_headline_is_cut_at_its_last_phrase_boundary(sentence, expected):
    """Punctuation first, then a conjunction, then a preposition; not in "such as",
    "as well as", "said that", a name ("Iraq and the Levant") or a date ("March 1, 2011")."""
    assert _headline(sentence, "On Monday") == expected


# mutation tests 2: headlinesB


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a date between commas: both go, also when the first comma opens the text
        # (a fragment the sentence splitter left) and when the second has no space after it
        (", on Monday, the talks collapsed.", "Monday", "The talks collapsed"),
        (
            "Holly was in the crowd when, on February 3,the plane crashed.",
            "February 3",
            "Holly was in the crowd when the plane crashed",
        ),
    ],
)
def test_a_date_between_commas_takes_both_headlinesB(sentence, date, expected):
    assert _headline(sentence, date) == expected


# mutation tests 3: mods


@pytest.mark.parametrize(
    ("sentence", "year", "expected"),
    [
        # the noun phrase stops before a parenthesis that opens with "and", and before a
        # dangling word with its comma ("now,")
        ("The 2003 invasion of Iraq (and its aftermath) divided the country.", "2003", "invasion of Iraq"),
        ("The 1998 smoking ban now, critics say, looks outdated.", "1998", "smoking ban"),
        # the relative clause runs to the comma, not past it
        (
            "Voters repealed the 1998 law that banned smoking in bars, officials said.",
            "1998",
            "law that banned smoking in bars",
        ),
        # ten words at most: here the whole phrase, not the adverb after it ...
        (
            "The 2012 season of the Boston Red Sox under manager Bobby Valentine still haunts fans.",
            "2012",
            "season of the Boston Red Sox under manager Bobby Valentine",
        ),
        # ... and no phrase when the tenth word is a possessive cut before its noun
        (
            "Fans blame the 2012 season of the Boston Red Sox under manager Bobby Valentine's leadership.",
            "2012",
            None,
        ),
        # a name after a preposition ends the phrase ...
        ("The 2012 season in Boston ended with a losing record.", "2012", "season in Boston"),
        ("The 2012 attack on Benghazi killed four Americans.", "2012", "attack on Benghazi"),
        ("Donors say her 2008 campaign for Congress failed.", "2008", "campaign for Congress"),
        ("The 2016 takeover by Microsoft worried investors.", "2016", "takeover by Microsoft"),
        # ... a name right after a common noun is the subject of a relative clause with no
        # "that" ("the iPad Jobs unveiled"), which is left out; "iPad" counts as lower case
        ("Critics mocked the 2010 Apple iPad Jobs unveiled in San Francisco.", "2010", "Apple iPad"),
        ("Fans still talk about the 2012 season Haskell had.", "2012", None),
        # one word, a name: no phrase
        ("The 2012 Olympics were a success.", "2012", None),
    ],
)
def test_the_noun_phrase_a_year_premodifies_mods(sentence, year, expected):
    from summarize.headlines import premodified_noun_phrase

    start = sentence.index(year)
    span = premodified_noun_phrase(sentence, start, start + len(year))
    assert (sentence[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("sentence", "year", "work"),
    [
        # a teaser cut after "and": no work noun follows
        ("Critics loved the 2004 Sandler and...", "2004", False),
        # "and" before a capital, at the end of the sentence: the work noun "EP"
        ("Fans still stream his 2015 mixtape and EP.", "2015", True),
        # the work noun is the seventh word, after a hard-wrapped line's indentation
        ("Critics loved the 2004 Ben Stiller and Owen Wilson\n" + " " * 52 + "comedy.", "2004", True),
    ],
)
def test_a_year_names_a_work_mods(sentence, year, work):
    start = sentence.index(year)
    assert names_a_work(sentence, start, start + len(year)) is work


@pytest.mark.parametrize(
    ("sentence", "date", "phrase", "modifier"),
    [
        # a determiner that opens the sentence, capitalized like "The"
        ("Her 2008 campaign for Congress failed.", "2008", "campaign for Congress", True),
        ("His 1999 album sold ten million copies.", "1999", None, True),
        ("A 2010 report on climate change was flawed.", "2010", "report on climate change", True),
        ("The 2012 attack on Benghazi killed four Americans.", "2012", "attack on Benghazi", True),
    ],
)
def test_a_sentence_that_opens_with_a_determiner_and_a_year_mods(sentence, date, phrase, modifier):
    from summarize.headlines import premodified_noun_phrase

    start = sentence.index(date)
    span = premodified_noun_phrase(sentence, start, start + len(date))
    assert (sentence[span[0] : span[1]] if span else None) == phrase
    assert is_modifier(sentence, start, start + len(date)) is modifier
