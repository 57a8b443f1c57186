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
    aside_kind,
    attributive_year,
    clause_of,
    compress,
    is_bare_name,
    is_modifier,
    make_headline,
    names_a_work,
)
from summarize.headlines.draft import Draft, capitalized, tidy
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
