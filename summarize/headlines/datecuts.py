"""Step 3 of a headline: its date, and the sentence's other dates, cut out.

A date goes with the words that introduce it (``lexicon.DATE_SIGNALS``: "on",
"since", "in the run-up to") and a possessive or "onward" after it; a date that
modifies a noun leaves its preposition to the noun ("before next week's talks"); a
date that completes its verb stays ("Her last day is April 1"). The sentence's
other dates date other happenings, and go too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import DATE_SIGNALS, looks_like_verb
from .clauses import CLAUSE_BOUNDARIES
from .draft import Draft
from .modifiers import is_modifier

# The words that introduce a time expression (``lexicon.DATE_SIGNALS``) go with it.
DATE_SIGNAL_BEFORE = re.compile(
    r"(?:\b(?:just|only|even|since|until|as recently as)\s+)?"
    r"(?:\b(?:" + "|".join(sorted(DATE_SIGNALS, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?:late|early)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
# A date alone in quotation marks (the text before it, "|", the text after it).
_ALONE_IN_QUOTES = re.compile(r"""^.?(?:["\u201c\u2018']|``)\|[,.!?]?(?:["\u201d\u2019']|'')""")
# What goes with a date after it: a possessive ("Friday's"), "onward", "alone".
_AFTER_DATE = re.compile(r"^(?:['\u2019]s\b|\s*(?:onwards?|and beyond|alone)\b)", re.IGNORECASE)
# An apposition describing the date: ", the year he competed in the Eurovision Song Contest".
_DATE_APPOSITION = re.compile(
    r",\s+(?:the|a)\s+(?:same\s+)?(?:year|day|month|week|night|morning|evening|weekend|season)\b[^,;:]*(?=[,;:]|$)"
)
# A comma closing the date's phrase goes with it when a subordinate clause follows.
_COMMA_AFTER_DATE = re.compile(
    r"\s*(,)\s+(?=(?:when|while|whereas|as|after|before|with|without|amid|despite|following|"
    r"because|since|although|though|until|where|and|but|in|at|near|outside|inside)\b)"
)  # (a place too: "found on Monday, June 9, in a field" -> "found in a field")

# A date that completes its verb is not cut: the complement of a copula ("Her
# last day is April 1", "the payment is due March 3", "the vote is on Sunday", "the
# funeral will be Saturday") or a bare object named "as" something ("named March 3 as
# the launch date").
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|remains|remained)\s+$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\s+(?:the|a|an|his|her|its|their)\b", re.IGNORECASE)


def _is_complement(sentence: str, cut_start: int, start: int, end: int) -> bool:
    """Whether the date at [start, end), introduced from ``cut_start``, completes the
    verb before it, so that cutting it would leave the verb dangling."""
    before = sentence[:cut_start]
    # (A possessive date's next word is its noun, not a verb: "The turning point was
    # Monday's meeting" is a copula's complement, not "was meeting".)
    following = re.match(r"\s+([\w\-]+)", sentence[end:])
    if following and (looks_like_verb(following.group(1)) or following.group(1).endswith("ing")):
        return False  # an auxiliary, not a copula: "is today opening", "was last week jailed"
    if _COPULA_BEFORE.search(before):
        return True
    previous = re.search(r"(\S+)\s+$", before)
    return (
        cut_start == start
        and previous is not None
        and looks_like_verb(previous.group(1))
        and _AS_AFTER.match(sentence, end) is not None
    )


def cut_date(draft: Draft, sentence: str, span: tuple[int, int], clause: tuple[int, int]) -> None:
    """Cut the date at ``span`` with the words that introduce it, unless it completes
    its verb; then the rest of the clause after it goes instead."""
    start, end = span
    clause_end = clause[1]
    after = _AFTER_DATE.match(sentence[end:])
    possessive = after is not None and after.group(0)[:1] in "'\u2019"
    # "before next week's talks", "a decline in fourth-quarter earnings": a date that
    # modifies a noun leaves its preposition to the noun.
    modifier = possessive or is_modifier(sentence, start, end)
    signal = None if modifier else DATE_SIGNAL_BEFORE.search(sentence[:start])
    cut_start = signal.start() if signal else start
    cut_end = end + (after.end() if after else 0)
    apposition = _DATE_APPOSITION.match(sentence, cut_end)
    if apposition:
        cut_end = apposition.end()  # "in 1990, the year he competed in Eurovision": the date's own aside
    comma = _COMMA_AFTER_DATE.match(sentence, cut_end)
    if comma and re.search(r"\w\s*$", sentence[:cut_start]):
        cut_end = comma.end(1)  # "shot dead on Saturday, when ..." -> "shot dead when ..."
    elif re.search(r",\s*$", sentence[:cut_start]) and re.match(r"\s*,", sentence[cut_end:]):
        # "when, on February 3, 1959, he saw" -> "when he saw": both commas go.
        cut_start = sentence.rindex(",", 0, cut_start)
        cut_end += sentence[cut_end:].index(",") + 1
    if _is_complement(sentence, cut_start, start, end):
        # "Her last day is April 1, and she will join ...": cut, the date would leave
        # "Her last day is and ..."; it stays, and its clause ends the headline.
        boundary = CLAUSE_BOUNDARIES.search(sentence, end, clause_end)
        if boundary:
            draft.delete(boundary.start(), len(sentence))
    else:
        draft.delete(cut_start, cut_end)


def cut_other_dates(
    draft: Draft, sentence: str, span: tuple[int, int], other_spans: Sequence[tuple[int, int]], clause: tuple[int, int]
) -> None:
    """Cut the sentence's other dates in the clause, with their signal words and the
    conjunction joining them to this one ("made Thursday and Friday"); a date alone
    in quotation marks is a title, and stays."""
    start, end = span
    clause_start, clause_end = clause
    for other_start, other_end in other_spans:
        # Other dates in the clause date other happenings: cut them with their signals.
        if clause_start <= other_start and other_end <= clause_end and not (other_start <= start < other_end):
            if _ALONE_IN_QUOTES.match(
                sentence[max(0, other_start - 2) : other_start] + "|" + sentence[other_end : other_end + 3]
            ):
                continue  # a title, not a date: Sam Mendes's "1917" (cut, it would leave '""')
            other_after = _AFTER_DATE.match(sentence[other_end:])
            # "fell on a Saturday": the article goes with the day, and the signal before it
            article = re.search(r"\b(?:a|an)\s+$", sentence[:other_start])
            if article and not is_modifier(sentence, other_start, other_end):  # not "a fourth-quarter charge"
                other_start = article.start()
            other_signal = DATE_SIGNAL_BEFORE.search(sentence[:other_start])
            if (
                other_signal
                and other_after
                and other_after.group(0)[:1] in "'\u2019"
                and re.search(r"\bto\s*$", other_signal.group(0), re.IGNORECASE)
            ):
                other_signal = None  # "a revision Friday to December's figures": "to" is the noun's
            draft.delete(
                other_signal.start() if other_signal else other_start,
                other_end + (other_after.end() if other_after else 0),
            )
            # "made Thursday and Friday": the dates' conjunction goes with them.
            low, high = sorted(((start, end), (other_start, other_end)))
            between = sentence[low[1] : high[0]]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|or|through|until|-|\u2013)\s*|\s*,\s*", between) or (
                re.fullmatch(r"\s+to\s+", between) and not _AFTER_DATE.match(sentence[high[1] :])
            ):
                draft.delete(low[1], high[0])  # "bought Sept. 14 to Oct. 26" (not "Friday to December's figures")
