"""The clause tense guess that places bare weekdays and months (temporal/tense.py)."""

from __future__ import annotations

import re

import pytest

from summarize.temporal.tense import clause_tense, future_in_the_past

_DATE = re.compile(r"Monday|Tuesday|Friday|Sunday|May 5|Nov\. 9|September")


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("They will meet on Monday.", "FUTURE"),
        ("They met on Monday.", "PAST"),
        # Irregular past forms are listed in vocabulary.PAST_MARKERS.
        ("Talks ran on May 5.", "PAST"),
        ("The team swam on Friday.", "PAST"),
        ("Prices rose on Tuesday.", "PAST"),
        ("Officials said Sunday that 21 died.", "PAST"),
        ("The funeral is Friday.", "FUTURE"),  # a present copula announces
        ("The talks are scheduled for Monday.", "FUTURE"),
        ("He is expected to arrive on Tuesday.", "FUTURE"),
        ("The company plans to report results on Nov. 9.", "FUTURE"),
        ("The meeting on Monday drew protests.", "PAST"),  # the verb after the date
        ("Rain on Monday.", None),
    ],
)
def test_clause_tense(sentence: str, tense: str | None) -> None:
    match = _DATE.search(sentence)
    assert match is not None
    assert clause_tense(sentence, match.start(), match.end()) == tense


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a past verb governs the future marker: the future of a past moment
        ("The inquiry only asked for messages to be handed over in September.", True),
        ("The minister said the report would be published in September.", True),
        ("Both sides agreed to resume talks in September.", True),
        # the future of the DCT
        ("The ministry will publish the figures in September.", False),
        ("The union will ask its members to vote in September.", False),
        ("The talks are expected to resume in September.", False),
        ("The report is to be published in September.", False),
        ("The vote is set to take place in September.", False),
        ("Guidelines to be published in September.", False),
        # no future at all
        ("The inquiry asked for the messages in September.", False),
    ],
)
def test_future_in_the_past(sentence: str, expected: bool) -> None:
    match = _DATE.search(sentence)
    assert match is not None
    assert future_in_the_past(sentence, match.start(), match.end()) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a present copula or a present "expected to" speaks from the DCT, whatever verb is further left
        ("The minister said the funeral is Friday.", False),
        ("The minister said the talks are expected to resume in September.", False),
        # "proceed" ends like a participle after "to"; the past verb is "agreed"
        ("Both sides agreed to proceed with talks in September.", True),
        # "to be resettled": a participle, not a past verb; at the left end of the ten words looked at
        ("Families to be resettled under the new housing plan would move in September.", False),
        # the past verb that governs "would" is the tenth word before the month
        ("The ministry announced that villagers from the valley would all move in September.", True),
    ],
)
def test_future_in_the_past_looks_past_the_marker(sentence: str, expected: bool) -> None:
    match = _DATE.search(sentence)
    assert match is not None
    assert future_in_the_past(sentence, match.start(), match.end()) is expected


_DATE_CORE = re.compile(r"Monday|Friday|September|June 30")


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        # "set to": the plan word is the tenth and farthest word looked at, nothing after the day
        ("The bridge is set to reopen to traffic after weeks of repairs on Monday.", "FUTURE"),
        # "had been scheduled to": the "been" is the farthest of the ten words, and makes it past
        ("The truce had been scheduled to expire after three weeks of calm on Friday.", "PAST"),
        # "agreed to" right before the date: a deadline agreed on, ahead
        ("Both sides agreed to June 30 as the deadline for a deal.", "FUTURE"),
        # "agreed to a": an agreement on a thing, no plan to do something
        ("The rebels agreed to a Friday ceasefire, but fighting continued.", "PAST"),
        # an opening "To" does not borrow the plan word after the date ("planned raises")
        ("To save money in September, planned raises were cancelled.", "PAST"),
        # a schedule verb as the farthest word, nothing after the day
        ("The minister leaves for a tour of the three Gulf states on Friday.", "FUTURE"),
        # "wanted to leave": the schedule verb after "to" has no tense; "was" after the day has
        (
            "The minister had wanted to leave for a tour of three Gulf states on Friday, but the trip was cancelled.",
            "PAST",
        ),
        # the past verb opens the sentence; "to" after the day is no participle's
        ("Released on Friday to wide acclaim, the film has already earned millions.", "PAST"),
        # the past verb is the last word of the sentence
        ("On Friday, the talks ended.", "PAST"),
        # "to be rescued": a participle with no tense of its own, the rest beyond the ten words
        ("Forty people had to be rescued from the historic old town of Grimma on Friday.", None),
    ],
)
def test_clause_tense_at_the_window_edges_core(sentence: str, tense: str | None) -> None:
    match = _DATE_CORE.search(sentence)
    assert match is not None
    assert clause_tense(sentence, match.start(), match.end()) == tense


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "asked to be briefed": the past verb right before the "to be"
        ("The minister asked to be briefed in September.", True),
        ("Both sides agreed to June 30 as the deadline for a deal.", True),
        # "set to": no past verb governs it
        ("The bridge is set to reopen to traffic after weeks of repairs on Monday.", False),
    ],
)
def test_future_in_the_past_at_the_window_edges_core(sentence: str, expected: bool) -> None:
    match = _DATE_CORE.search(sentence)
    assert match is not None
    assert future_in_the_past(sentence, match.start(), match.end()) is expected


def _rates(count: int) -> str:
    """ "1.1%, 1.2%, ...": tokens that hold no word."""
    return " ".join(f"1.{n}%," for n in range(1, count + 1))


_INDENT = "\n" + " " * 80  # deep, but a line break and its indentation (a longer run is no prose)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        # a hard-wrapped, indented line between the verb and the day: words, not characters
        ("The board will" + _INDENT + "decide" + _INDENT + "the budget" + _INDENT + "on Friday.", "FUTURE"),
        ("On Friday," + _INDENT + "the board" + _INDENT + "will decide.", "FUTURE"),
        # numbers hold no word: "will" is the eighth word before the day, the twelfth token
        ("The board will, by 2015, pay 1,200 of its 3,400 workers 5% more on Friday.", "FUTURE"),
        # "will" is the eighth word before the day and the eighteenth token
        (
            "The bank will pay 2.5%, 3.1%, 4.2%, 5.0%, 6.3% and 7.4% on 1-, 2-, 3-, 5- and 10-year notes from Friday.",
            "FUTURE",
        ),
        # after the day, "will" is the fifth word (the eighth token) ...
        ("On Friday, 1,200 of its 3,400 staff, or 35%, will strike.", "FUTURE"),
        # ... and here the sixth, beyond the five words after
        ("On Friday, 1,200 of its 3,400 staff, or about 35%, will strike.", None),
        # the bound in tokens: twenty before (here "will" is the twentieth, then the
        # twenty-first) and ten after (the tenth, then the eleventh)
        ("The fund will pay " + _rates(17) + " on Friday.", "FUTURE"),
        ("The fund will pay " + _rates(18) + " on Friday.", None),
        ("On Friday, " + _rates(8) + " staff will strike.", "FUTURE"),
        ("On Friday, " + _rates(9) + " staff will strike.", None),
    ],
)
def test_clause_tense_counts_words_not_characters_win(sentence: str, tense: str | None) -> None:
    match = re.search(r"Friday", sentence)
    assert match is not None
    assert clause_tense(sentence, match.start(), match.end()) == tense


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "held" after "be" is a participle, as "asked" is: the past verb governing the
        # plan is "said"
        ("Officials said the talks would be held on Friday.", True),
        ("Officials said talks to be held on Friday were off.", True),
        ("Talks were held on Friday.", False),
    ],
)
def test_an_irregular_participle_after_be_is_no_past_verb(sentence: str, expected: bool) -> None:
    match = re.search(r"Friday", sentence)
    assert match is not None
    assert future_in_the_past(sentence, match.start(), match.end()) is expected
