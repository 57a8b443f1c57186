"""Headlines, step by step: the clause of a date, asides, trimming the edges, and the making of the headline."""

import re

import pytest

from summarize.headlines import (
    aside_kind,
    clause_of,
    compress,
    is_bare_name,
    make_headline,
)
from summarize.headlines.datecuts import cut_other_dates
from summarize.headlines.draft import Draft, capitalized, tidy
from summarize.headlines.making import _sentence_without_dates
from summarize.headlines.trimming import _balance, trim_edges

# mutation tests: headlines: clauses, asides, trimming, making, draft, attribution


def _span(sentence: str, phrase: str) -> tuple[int, int]:
    return sentence.index(phrase), sentence.index(phrase) + len(phrase)


@pytest.mark.parametrize(
    ("sentence", "phrase", "others", "named", "expected"),
    [
        # a date that names a thing parts the clauses as another date does
        (
            "She won the 2012 Boston Marathon, and she retired from racing on Friday.",
            "Friday",
            [],
            ["2012"],
            "She retired from racing",
        ),
        # the clause kept only a name: the sentence without its dates (and "On") tells more
        (
            "On Monday, Walter Mondale; he was buried in Minneapolis.",
            "Monday",
            [],
            [],
            "Walter Mondale; he was buried in Minneapolis",
        ),
        # cut between the dates, a name alone; the whole clause (past a semicolon), a name
        # alone again; the sentence without its dates
        (
            "Walter Mondale in 1984, Michael Dukakis in 1988; both lost the election.",
            "1984",
            ["1988"],
            [],
            "Walter Mondale, Michael Dukakis; both lost the election",
        ),
        # an opening subordinate clause of a clause cut from the middle: the date in it
        # dates it, a date after it dates the main clause
        (
            "The bank collapsed in 2008; when the economy recovered in 2012, its shares rose again.",
            "2012",
            ["2008"],
            [],
            "The economy recovered",
        ),
        (
            "The bank collapsed in 2008; when the economy recovered, its shares rose again in 2012.",
            "2012",
            ["2008"],
            [],
            "Its shares rose again",
        ),
        (
            "The army retook the town on Monday: as the rebels fled on Tuesday, the roads reopened.",
            "Tuesday",
            ["Monday"],
            [],
            "The rebels fled",
        ),
        (
            "Prices rose in 2007 but while the bank collapsed in 2008, the markets held.",
            "2008",
            ["2007"],
            [],
            "The bank collapsed",
        ),
        # the "that" opening a clause cut from the middle goes
        (
            "He said the bridge closed on Monday but that it would reopen on Friday.",
            "Friday",
            ["Monday"],
            [],
            "It would reopen",
        ),
        # "That" opening the sentence is its subject's, and stays
        (
            "That the plant would close in 2015 surprised nobody in the town.",
            "2015",
            [],
            [],
            "That the plant would close surprised nobody in the town",
        ),
        # every rule together left nothing: the sentence without the date
        ("Since 2010.", "2010", [], [], "Since"),
    ],
)
def test_make_headline_clauses_and_fallbacks(sentence, phrase, others, named, expected):
    span = _span(sentence, phrase)
    headline = make_headline(sentence, span, [_span(sentence, o) for o in others], [_span(sentence, n) for n in named])
    assert headline == expected


@pytest.mark.parametrize(
    ("headline", "sentence", "expected"),
    [
        ("Walter Mondale (1928-2021)", "Walter Mondale (1928-2021) was buried in Minneapolis.", True),
        ("Xbox Live", "Xbox Live went down on Christmas Day.", True),  # only an edge X is no letter to strip
        ("Windows 8.1", "Windows 8.1 went on sale on Thursday.", True),
        ("LEICESTER V LONDON WELSH", "LEICESTER V LONDON WELSH on Saturday.", False),  # a fixture in capitals
        ("Obama", "\u201cObama is wrong,\u201d she said on Monday.", True),  # a name after an opening quote
    ],
)
def test_is_bare_name_on_brackets_digits_capitals_and_quotes(headline, sentence, expected):
    assert is_bare_name(headline, sentence) is expected


def test_draft_view_marks_a_deleted_stretch_with_minus_one():
    draft = Draft("And on Monday the army retook the town")
    draft.delete(3, 14)
    text, index = draft.view()
    assert text == "And the army retook the town"
    assert index == [0, 1, 2, -1, *range(14, 38)]


def test_draft_sub_deletes_every_match_or_the_first_count():
    pattern = re.compile(r"\s*\(\d+\)")
    sentence = "Walter Mondale (1928) and Joan Mondale (1930) wed."
    draft = Draft(sentence)
    assert draft.sub(pattern) is True
    assert draft.view()[0] == "Walter Mondale and Joan Mondale wed."
    draft = Draft(sentence)
    assert draft.sub(pattern, count=1) is True
    assert draft.view()[0] == "Walter Mondale and Joan Mondale (1930) wed."
    assert Draft("Talks collapsed.").sub(pattern) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said \u201c  hello \u201d ( twice ) ,", "He said \u201chello\u201d (twice)"),
        ("Troops left , ; the war ended", "Troops left; the war ended"),
        ("Troops left ; , the war ended", "Troops left; the war ended"),
        ("the policies of war,''", "the policies of war''"),
        ("He arrived at 10 a.m.", "He arrived at 10 a.m."),
        ("He flew to the U.S.", "He flew to the U.S."),
        ("Talks collapsed.", "Talks collapsed"),
        ("He met Malcolm X", "He met Malcolm X"),
        ("X marks the spot", "X marks the spot"),
    ],
)
def test_tidy_closes_up_punctuation_and_strips_the_edges(text, expected):
    assert tidy(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks", "Talks"),
        ("", ""),
        ("\ufb01nal talks", "\ufb01nal talks"),  # the ligature's capital is two letters ("FI")
        ("\u0131spanak sold out", "\u0131spanak sold out"),  # dotless i: its capital is another letter's
    ],
)
def test_capitalized_changes_only_the_case_of_one_letter(text, expected):
    assert capitalized(text) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "others", "expected"),
    [
        # the clause ends after an abbreviation's period, also before a closing quote
        ("Officials said the envoy flew to the U.S.", "said", [], "Officials said the envoy flew to the U.S."),
        ('He said: "We are going to the U.S."', "said", [], 'He said: "We are going to the U.S.'),
        ("The meeting ended at 10 a.m.", "10 a.m", [], "The meeting ended at 10 a.m."),
        # run-on boundaries: a period the splitter kept, a glued caption
        (
            "The band was big in the 70s. Last year it reunited for a tour.",
            "Last year",
            [],
            "Last year it reunited for a tour",
        ),
        (
            "Troops entered the town on Monday He said the fighting was over.",
            "Monday",
            [],
            "Troops entered the town on Monday",
        ),
        ("The talks began on Thursday; Friday brought a deal.", "Friday", ["Thursday"], "Friday brought a deal"),
        ("The talks began on Thursday; Friday brought a deal.", "Thursday", ["Friday"], "The talks began on Thursday"),
        # a date in another sentence of the run-on is no date of this clause
        (
            "Rain fell on Monday. Police arrested two men, and a third fled on Saturday.",
            "Saturday",
            ["Monday"],
            "Police arrested two men, and a third fled on Saturday",
        ),
        (
            "Rain fell, and winds rose. Police arrested two men on Friday, while a third fled on Saturday.",
            "Saturday",
            ["Friday"],
            "a third fled on Saturday",
        ),
        # another date at the very start of the clause
        (
            "Monday's talks failed, and on Friday the union went on strike.",
            "Friday",
            ["Monday"],
            "on Friday the union went on strike",
        ),
        # the commas of an aside part no list, and a verb after a comma shares the subject
        (
            "Mr Waley-Cohen, pictured in 2014, then rode Long Run to victory in 2011.",
            "2011",
            ["2014"],
            "Mr Waley-Cohen, pictured in 2014, then rode Long Run to victory in 2011",
        ),
        (
            "Troops entered the town on Monday, quickly seized the airport on Tuesday.",
            "Tuesday",
            ["Monday"],
            "Troops entered the town on Monday, quickly seized the airport on Tuesday",
        ),
        (
            "Rebels shelled the city on Monday, killing seven people, and troops retook it on Tuesday.",
            "Tuesday",
            ["Monday"],
            "troops retook it on Tuesday",
        ),
        (
            "Rebels shelled the city on Monday, killing seven people, and troops retook it on Tuesday.",
            "Monday",
            ["Tuesday"],
            "Rebels shelled the city on Monday, killing seven people",
        ),
        (
            "Mr Smith, who joined the firm in 2005, left it in 2010, and retired in 2012.",
            "2010",
            ["2005", "2012"],
            "Mr Smith, who joined the firm in 2005, left it in 2010",
        ),
        # a boundary parts two dates with a word between them, not "Monday but Tuesday"
        (
            "Prices fell sharply on Monday in Tokyo, but Tuesday brought a rally.",
            "Tuesday",
            ["Monday"],
            "Tuesday brought a rally",
        ),
        (
            "Prices fell on Monday in Tokyo but Tuesday brought a rally.",
            "Monday",
            ["Tuesday"],
            "Prices fell on Monday in Tokyo",
        ),
        (
            "Prices fell on Monday in Tokyo but Tuesday brought a rally.",
            "Tuesday",
            ["Monday"],
            "Tuesday brought a rally",
        ),
        (
            "Prices fell on Monday but Tuesday brought a rally.",
            "Tuesday",
            ["Monday"],
            "Prices fell on Monday but Tuesday brought a rally",
        ),
        (
            "Prices fell on Monday but Tuesday brought a rally.",
            "Monday",
            ["Tuesday"],
            "Prices fell on Monday but Tuesday brought a rally",
        ),
        (
            "Shares fell on Monday (NYSE) but Tuesday brought a rally.",
            "Monday",
            ["Tuesday"],
            "Shares fell on Monday (NYSE)",
        ),
        (
            "Founded in 1998, the company went public in 2004 in New York, and its shares rose.",
            "2004",
            ["1998"],
            "the company went public in 2004 in New York, and its shares rose",
        ),
        # the cut must leave the date two words of its own, besides "then", "just", "only", ...
        ("He won in 2005 and then lost in 2014.", "2014", ["2005"], "He won in 2005 and then lost in 2014"),
        ("He won in 2005 and again lost in 2014.", "2014", ["2005"], "He won in 2005 and again lost in 2014"),
        ("He won in 2005 and also lost in 2014.", "2014", ["2005"], "He won in 2005 and also lost in 2014"),
        ("He won in 2005 and later lost in 2014.", "2014", ["2005"], "He won in 2005 and later lost in 2014"),
        ("He won in 2005, and lost in 2014.", "2014", ["2005"], "He won in 2005, and lost in 2014"),
        ("He won in 2005 but lost in 2014.", "2014", ["2005"], "He won in 2005 but lost in 2014"),
        ("He won in 2005, and just lost in 2014.", "2014", ["2005"], "He won in 2005, and just lost in 2014"),
        ("He won in 2005, but only lost in 2014.", "2014", ["2005"], "He won in 2005, but only lost in 2014"),
        ("He won in 2005 and then lost in 2014. He retired.", "2014", ["2005"], "He won in 2005 and then lost in 2014"),
        ("He won in 2008 but Obama won in 2012.", "2012", ["2008"], "Obama won in 2012"),
        ("He won in 2008 but NATO won in 2012.", "2012", ["2008"], "NATO won in 2012"),
        (
            "Mr Waley-Cohen, pictured in 2014, won in 2011, a year after his brother won in 2010.",
            "2011",
            ["2014", "2010"],
            "Mr Waley-Cohen, pictured in 2014, won in 2011",
        ),
        (
            "Elected on Monday and then ousted on Friday, he left office.",
            "Monday",
            ["Friday"],
            "Elected on Monday and then ousted on Friday, he left office",
        ),
        (
            "The vote was close. Elected on Monday and then ousted on Friday, he left office.",
            "Monday",
            ["Friday"],
            "Elected on Monday and then ousted on Friday, he left office",
        ),
    ],
)
def test_clause_of_cuts_at_run_ons_and_between_dates(sentence, phrase, others, expected):
    start, end = _span(sentence, phrase)
    clause_start, clause_end = clause_of(sentence, start, end, [_span(sentence, o) for o in others])
    assert sentence[clause_start:clause_end] == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "others", "expected"),
    [
        # a clause cut from the middle shares the subject, after an opening connective
        (
            "And Mr Goodwin was knighted in 2004 but was stripped of his title in 2012.",
            "2012",
            ["2004"],
            "Mr Goodwin was stripped of his title",
        ),
        (
            "Unusually, Mr Goodwin was knighted in 2004 but was stripped of his title in 2012.",
            "2012",
            ["2004"],
            "Mr Goodwin was stripped of his title",
        ),
        (
            "Meanwhile, Mr Goodwin was knighted in 2004 but was stripped of his title in 2012.",
            "2012",
            ["2004"],
            "Mr Goodwin was stripped of his title",
        ),
        (
            "The vote was close. Mr Goodwin was knighted in 2004 but was stripped of his title in 2012.",
            "2012",
            ["2004"],
            "Mr Goodwin was stripped of his title",
        ),
        # an opening subordinate clause: kept without its conjunction when it holds the date
        ("When the storm hit on Monday.", "Monday", [], "The storm hit"),
        ("When the storm hit on Monday, the river rose, and the town flooded.", "Monday", [], "The storm hit"),
        ("When the storm hit, towns flooded on Monday.", "Monday", [], "Towns flooded"),
        ("Despite the rain, the race began on Sunday.", "Sunday", [], "The race began"),
    ],
)
def test_make_headline_shared_subjects_and_opening_clauses(sentence, phrase, others, expected):
    assert make_headline(sentence, _span(sentence, phrase), [_span(sentence, o) for o in others]) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("MOSCOW, Jan. 5 (AP) -- Russia's president signed the law.", "Jan. 5", "dateline"),
        # a caption without its period, and one inside brackets: the caption wins
        ("Princess Eugenie of York, pictured at the Serpentine Gallery last summer", "last summer", "caption"),
        ("The princess (right, pictured on Friday) wore blue.", "Friday", "caption"),
        # an attribution inside a closing dash aside: the attribution wins
        ("The boat sank off Crete \u2013 all 12 crew survived, officials said on Friday.", "Friday", "attribution"),
    ],
)
def test_aside_kind_of_a_date(sentence, phrase, expected):
    assert aside_kind(sentence, _span(sentence, phrase)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants  killed 21 leaders.", "Militants  killed 21 leaders."),  # no aside: unchanged, spaces too
        ("Bader (a pilot) was shot down.", "Bader was shot down."),  # four words left are enough
    ],
)
def test_compress_keeps_a_sentence_without_asides_and_four_words(sentence, expected):
    assert compress(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # the date's own bracket or dash aside, of three words or more, tells its happening
        ("The town was quiet (UN troops withdrew on May 3).", "May 3", "UN troops withdrew"),
        (
            "The town was quiet \u2013 rebel fighting ended on May 3 \u2013 and shops reopened.",
            "May 3",
            "Rebel fighting ended",
        ),
        ("The town was quiet \u2013 rebel fighting ended on May 3.", "May 3", "Rebel fighting ended"),
        (
            "The town was quiet \u2013 rebel fighting, officials said, ended on May 3 \u2013 and shops reopened.",
            "May 3",
            "Rebel fighting ended",
        ),
        # a relative clause in brackets holding the date is kept with its antecedent
        ("Bader (who lost his legs in 1931) was shot down over France.", "1931", "Bader lost his legs"),
        # a participle phrase holding the date, with its antecedent, to its last word
        (
            "That resolution, passed in 1978 by the UN council, calls for a withdrawal.",
            "1978",
            "That resolution passed by the UN council",
        ),
        # the date's own caption or attribution stays, cut with the date
        ("Princess Eugenie, pictured last summer, wore blue.", "last summer", "Princess Eugenie pictured"),
        (
            "Princess Eugenie, pictured last summer, wore blue, her spokesman said.",
            "last summer",
            "Princess Eugenie pictured",
        ),
        ("Troops withdrew, officials told reporters on Friday.", "Friday", "Troops withdrew, officials told reporters"),
        # other asides go: an attribution after a date that looks like a name's appositive,
        # "but also including ..." before a word that is no verb, a mid-sentence attribution
        # with both commas before a verb and one comma before a noun
        (
            "In March, an independent inquiry found the mayor, officials said, had lied to voters.",
            "March",
            "An independent inquiry found the mayor had lied to voters",
        ),
        (
            "Militants led by ISIL but also including local tribesmen, reportedly overran the town on Monday.",
            "Monday",
            "Militants led by ISIL reportedly overran the town",
        ),
        ("The plan, officials said, was approved on Monday.", "Monday", "The plan was approved"),
        (
            "Prices rose at a record pace, the government reported, evidence that inflation returned in May.",
            "May",
            "Prices rose at a record pace, evidence that inflation returned",
        ),
    ],
)
def test_make_headline_deletes_or_keeps_asides(sentence, phrase, expected):
    assert make_headline(sentence, _span(sentence, phrase)) == expected


@pytest.mark.parametrize(
    ("text", "cut_from_middle", "expected"),
    [
        # quotes and brackets: balanced ones stay, apostrophes ("I'm", "O'Brien", "the
        # players' union", "the NHS' budget", "driver(s)") are no quotes, and a mark left
        # without its partner goes; an opening attribution, dateline, connective or
        # dangling word goes, also when another cut lays it bare
        ("He said 'we are ready' on Monday", False, "'we are ready' on Monday"),
        ("'We are ready,' he said at the talks", False, "'We are ready,' he said at the talks"),
        ("I'm leaving the party today", False, "I'm leaving the party today"),
        ("O'Brien left the party today", False, "O'Brien left the party today"),
        ("the fans of the players'", False, "the fans of the players'"),
        ("Police are looking for the driver(s) of the car", False, "Police are looking for the driver(s) of the car"),
        ("He said 'we are ready", False, "we are ready"),
        ("‘We are ready’ he said at the talks", False, "‘We are ready’ he said at the talks"),
        ("it's over) he said at the talks", False, "it's over he said at the talks"),
        ("He joined the players' union", False, "He joined the players' union"),
        ("He joined the players’ union", False, "He joined the players’ union"),
        ("He criticised the NHS' budget", False, "He criticised the NHS' budget"),
        ("(the players' union won the vote)", False, "(the players' union won the vote)"),
        ("‘the players' view was clear", False, "‘the players' view was clear"),
        ("the players' union won) the vote", False, "the players' union won the vote"),
        ("the (new) law was passed", False, "the (new) law was passed"),
        ("the [new] law was passed", False, "the [new] law was passed"),
        ("He said “we are ready” at the talks", False, "“we are ready” at the talks"),
        ("He said ``we are ready'' at the talks", False, "``we are ready'' at the talks"),
        ("it was over) at the talks", False, "it was over at the talks"),
        ("He said 'we are ready’ at the talks", False, "'we are ready’ at the talks"),
        ("(we are ready’ he said at the talks", False, "we are ready he said at the talks"),
        ("‘we are ready' he said at the talks", False, "‘we are ready' he said at the talks"),
        ("was over) he said “no at the talks", False, "was over he said no at the talks"),
        ("He said “it was over", False, "it was over"),
        ("the war was over) and done) now", False, "the war was over and done"),
        ("“And the war ended", False, "the war ended"),
        ("Meanwhile, police said the town fell", False, "the town fell"),
        (", police said the town fell", False, "the town fell"),
        ("“the town fell to”", False, "the town fell"),
        ("who fled the town on foot", False, "fled the town on foot"),
        ("which, in turn, led to the strike", False, "led to the strike"),
        ("who", False, "who"),
        ("who fled", False, "fled"),
        ("WASHINGTON (AP) -- The Senate passed the bill", False, "The Senate passed the bill"),
        ("that police said the town fell", True, "the town fell"),
        ("the town fell, police told reporters at", False, "the town fell"),
    ],
)
def test_trim_edges_balances_quotes_and_trims_the_edges(text, cut_from_middle, expected):
    draft = Draft(text)
    trim_edges(draft, cut_from_middle=cut_from_middle)
    assert draft.view()[0] == expected


# mutation tests 2: headlinesB


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # a closing dash aside right after a bracket goes too
        (
            "Prices rose 3% on Monday (the biggest rise in a year) \u2013 a sign that inflation is back.",
            "Monday",
            "Prices rose 3%",
        ),
        # a pair of hyphens is a dash pair, not a pair and a closing dash aside
        ("The talks - held in secret - ended on Monday.", "Monday", "The talks ended"),
        # the date's own dash aside with fewer than three words besides the date and
        # its function words ("by the close of trading on") goes whole
        (
            "The company's shares \u2013 by the close of trading on Friday \u2013 had lost a third of their value.",
            "Friday",
            "The company's shares had lost a third of their value",
        ),
        # an age inside a relative clause in brackets that holds the date goes
        (
            "Douglas Bader (who lost both legs, aged 21, in a crash in 1931) was shot down over France.",
            "1931",
            "Douglas Bader lost both legs in a crash",
        ),
        # a participle phrase's closing comma without its space, as scraped copy has it
        ("That resolution, passed in 1978,calls for a withdrawal.", "1978", "That resolution passed"),
        # the date's own bracket aside keeps its last word
        (
            "The town was quiet (UN troops withdrew on May 3 after talks) and shops reopened.",
            "May 3",
            "UN troops withdrew after talks",
        ),
        # a dateline's dash opens a closing dash aside that holds the date
        ("WASHINGTON (AP) -- Last week, the Senate passed the bill.", "Last week", "The Senate passed the bill"),
    ],
)
def test_make_headline_dash_and_bracket_asides_headlinesB(sentence, phrase, expected):
    assert make_headline(sentence, _span(sentence, phrase)) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "others", "expected"),
    [
        # a comma before a verb joins predicates, not list items; a later one before
        # another date's item still parts them
        (
            "The storm hit Florida on Monday, killed two people, then moved into Georgia on Tuesday.",
            "Monday",
            ["Tuesday"],
            "The storm hit Florida on Monday, killed two people",
        ),
        # "being" is no finite verb: the comma before it parts the dates
        (
            "The Sydney Harbour Bridge opened in 1932, being the world's widest long-span bridge until 2012.",
            "1932",
            ["2012"],
            "The Sydney Harbour Bridge opened in 1932",
        ),
        # a date opening the clause after "but" still parts the list items after it
        (
            "The club was relegated in 2009, but 2011 brought promotion, the title in May.",
            "May",
            ["2009", "2011"],
            "the title in May",
        ),
    ],
)
def test_clause_of_list_items_and_predicates_headlinesB(sentence, phrase, others, expected):
    start, end = _span(sentence, phrase)
    clause_start, clause_end = clause_of(sentence, start, end, [_span(sentence, o) for o in others])
    assert sentence[clause_start:clause_end] == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "others", "expected"),
    [
        # a clause after a semicolon that opens with its verb shares the subject
        # before the semicolon
        ("Shares fell 5% in 2012; rose 10% in 2013.", "2013", ["2012"], "Shares rose 10%"),
        (
            "Mr Goodwin was knighted in 2004; was stripped of his title in 2012.",
            "2012",
            ["2004"],
            "Mr Goodwin was stripped of his title",
        ),
    ],
)
def test_make_headline_shares_the_subject_across_a_semicolon_headlinesB(sentence, phrase, others, expected):
    assert make_headline(sentence, _span(sentence, phrase), [_span(sentence, o) for o in others]) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "other", "predicate"),
    [
        # the subject a clause shares is no longer than six words: seven before the
        # verb ("Early on Sunday morning two young gunmen") are an opening phrase too
        (
            "Early on Sunday morning two young gunmen stormed a bar in the city centre, and were arrested by police on Monday.",
            "Monday",
            "Sunday morning",
            "were arrested by police",
        ),
        # nor does it hold a comma ("In March, police")
        ("In March, police arrested two men and charged them in April.", "April", "March", "charged them"),
    ],
)
def test_a_shared_subject_never_brings_the_other_date_headlinesB(sentence, phrase, other, predicate):
    """The right headlines ("Two young gunmen were arrested by police", "Police
    charged them") need the subject after the opening date phrase, which the clause
    rules do not find; the clause's own predicate, without the other date, is what
    they must keep."""
    headline = make_headline(sentence, _span(sentence, phrase), [_span(sentence, other)])
    assert headline.lower().endswith(predicate)
    assert other.split()[0] not in headline


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # a date's bracket aside goes whole when it holds no happening of its own
        ("Prices rose sharply (in March) after the storm.", "March", "Prices rose sharply after the storm"),
        # a bracket glued to the word before it, as scraped copy has it
        ("The town was quiet(UN troops withdrew on May 3).", "May 3", "UN troops withdrew"),
        ("The town was quiet (UN troops withdrew on May 3)Shops reopened.", "May 3", "UN troops withdrew"),
        # a dateline right before the date goes, also when two words are all that is left
        ("MOSCOW_ Last year prices soared.", "Last year", "Prices soared"),
        ("BAGHDAD \u2014 Last week militants struck.", "Last week", "Militants struck"),
        # an "including" list before a name is kept, and the asides after it still go
        (
            "Storms hit several states, including Texas, Kansas and Oklahoma, officials said, before moving east on Monday.",
            "Monday",
            "Storms hit several states, including Texas, Kansas and Oklahoma, before moving east",
        ),
        # a subject shared after a run-on period and a connective starts after both
        (
            "The vote was close. Meanwhile, Mr Goodwin was knighted in 2004 but was stripped of his title in 2012.",
            "2012",
            "Mr Goodwin was stripped of his title",
        ),
    ],
)
def test_make_headline_asides_after_a_list_and_glued_brackets_headlinesB(sentence, phrase, expected):
    others = [_span(sentence, "2004")] if "2004" in sentence else []
    assert make_headline(sentence, _span(sentence, phrase), others) == expected


def test_trim_edges_deletes_a_second_trailing_attribution_the_first_laid_bare_headlinesB():
    draft = Draft("the town fell to rebels, according to state television, the army said")
    trim_edges(draft, cut_from_middle=False)
    assert draft.view()[0] == "the town fell to rebels"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dangling word goes from two words too
        ("withdrew from", "withdrew"),
        # a closing quote after a capital X is no plural possessive
        ("they chanted for Malcolm X' at the rally", "they chanted for Malcolm X at the rally"),
        # a plural's apostrophe closes a quote opened with a straight quote mark
        ("fans sang 'we love the players' at the match", "fans sang 'we love the players' at the match"),
    ],
)
def test_trim_edges_dangling_words_and_plural_apostrophes_headlinesB(text, expected):
    draft = Draft(text)
    trim_edges(draft, cut_from_middle=False)
    assert draft.view()[0] == expected


# mutation tests 3: hl


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a straight quote after a capital closes the quote a straight quote opened
        ("fans chanted 'free Malcolm X' at the rally", "fans chanted 'free Malcolm X' at the rally"),
        # a bracket closes over a decade's apostrophe left open inside it
        ("The band (formed in the '90s) split up", "The band (formed in the '90s) split up"),
        # a stray closing straight quote inside brackets goes, and the brackets stay
        ("the concert (a tribute to Imagine') sold out", "the concert (a tribute to Imagine) sold out"),
    ],
)
def test_trim_edges_pairs_straight_quotes_and_brackets_hl(text, expected):
    draft = Draft(text)
    trim_edges(draft, cut_from_middle=False)
    assert tidy(draft.view()[0]) == expected


def test_balance_deletes_every_unpaired_mark_in_one_pass_hl():
    # trim_edges calls _balance again after each change: one call must still find
    # the stray quote after the stray bracket
    draft = Draft("the war was over) he said \u201cno at the talks")
    assert _balance(draft) is True
    assert draft.view()[0] == "the war was over he said no at the talks"


@pytest.mark.parametrize(
    ("sentence", "date", "others", "expected"),
    [
        # "to" between two dates goes with the other date, before or after this one
        ("The shares were bought Sept. 14 to Oct. 26.", "Oct. 26", ["Sept. 14"], "The shares were bought Oct. 26"),
        ("The shares were bought Sept. 14 to Oct. 26.", "Sept. 14", ["Oct. 26"], "The shares were bought Sept. 14"),
        # a capitalized "To" before another date's possessive is the noun's, as "to" is
        (
            "To Tuesday's question on rates, the governor replied on Wednesday that cuts were coming.",
            "Wednesday",
            ["Tuesday"],
            "To question on rates, the governor replied on Wednesday that cuts were coming",
        ),
    ],
)
def test_cut_other_dates_takes_the_to_between_the_dates_hl(sentence, date, others, expected):
    draft = Draft(sentence)
    cut_other_dates(draft, sentence, _span(sentence, date), [_span(sentence, o) for o in others], (0, len(sentence)))
    assert tidy(draft.view()[0]) == expected


@pytest.mark.parametrize(
    ("headline", "sentence", "expected"),
    [
        # one capitalized word that opens the sentence may be a common noun: no name
        ("Protests", "Protests spread across the country on Friday.", False),
        ("Walter Mondale", "Walter Mondale (1928-2021).", True),
        ("Mondale", "On Monday, Mondale, the former vice president.", True),
    ],
)
def test_is_bare_name_of_one_word_at_the_sentence_start_hl(headline, sentence, expected):
    assert is_bare_name(headline, sentence) is expected


def test_the_sentence_without_its_dates_keeps_an_opening_subordinator_hl():
    # the whole sentence is no clause cut from the middle: "After" opens its own phrase
    sentence = "After the election, Walter Mondale (1928-2021) returned to Minnesota."
    spans = [_span(sentence, "1928"), _span(sentence, "2021")]
    assert _sentence_without_dates(sentence, spans) == "After the election, Walter Mondale returned to Minnesota"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # a dash after a pair of wire underscores opens a closing aside of its own
        (
            "The Senate passed the bill on Tuesday _ 52 votes to 48 _ -- a victory for the president.",
            "Tuesday",
            "The Senate passed the bill",
        ),
        # the closing dash of a pair is no closing aside
        (
            "The Senate passed the bill \u2013 52 votes to 48 \u2013 on Tuesday.",
            "Tuesday",
            "The Senate passed the bill",
        ),
    ],
)
def test_a_closing_dash_aside_after_a_dash_pair_hl(sentence, phrase, expected):
    assert make_headline(sentence, _span(sentence, phrase)) == expected
