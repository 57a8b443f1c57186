"""The clause tense guess that places bare weekdays and months (temporal/tense.py)."""

from __future__ import annotations

import re

import pytest

from summarize.temporal.tense import clause_tense

_DATE = re.compile(r"Monday|Tuesday|Friday|Sunday|May 5|Nov\. 9")


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
