"""A cheap tense guess for the clause around a time expression.

A bare weekday or month means the past one in news ("said Sunday") unless the
clause is about the future ("will meet Monday"). Loading spaCy would cost far more
than the whole tagger, so this looks at the words around the expression, inside
its sentence, for the nearest future or past marker from ``vocabulary.py``:
first leftwards (the governing verb usually precedes "on Friday"), then rightwards.

A future marker may itself hang on a past verb: "the inquiry asked for messages to
be handed over in September", "the minister said the report would be out in
March". That future is seen from a past moment (``future_in_the_past``), so the
month may lie on either side of the DCT; the resolver takes the nearest one.
"""

from __future__ import annotations

import re

from ..lexicon import DETERMINERS_AFTER_TO
from .vocabulary import (
    FUTURE_BEFORE_TO,
    FUTURE_MARKERS,
    FUTURE_MARKERS_BEFORE,
    PAST_MARKERS,
    PLANNING_PARTICIPLES,
    PRESENT_COPULAS,
    SCHEDULE_VERBS,
)

_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"'`(])|\n\s*\n")
_WINDOW_BEFORE = 10  # words before the expression that may carry its verb
_WINDOW_AFTER = 5
_PAST_VERB = re.compile(r"^[a-z]{3,}ed$")  # regular past tense ("announced")
_PARTICIPLE_AFTER = frozenset({"be", "to", "remain", "remains", "stay", "stays", "become", "becomes", "get", "gets"})
_NOT_A_PRESENT = frozenset({"to", "let", "did", "didn't", "not", "never"})  # before a bare verb
_COPULA_REACH = 3  # "the funeral is Friday", "the vote is on Sunday", "is set for Monday"


def _marker(word: str) -> str | None:
    if word in FUTURE_MARKERS:
        return "FUTURE"
    if word in PAST_MARKERS or _PAST_VERB.match(word):
        return "PAST"
    return None


def clause_tense(text: str, start: int, end: int) -> str | None:
    """ "FUTURE", "PAST" or None for the expression at ``text[start:end]``."""
    return _scan(text, start, end)[0]


# Future markers that a past verb before them can govern: the infinitive ("asked for
# messages to be handed over", "agreed to resume") and "would" ("said it would").
# "will" and a present schedule ("the funeral is Friday") speak from the DCT.
_REPORTABLE = frozenset({"infinitive", "would"})


def future_in_the_past(text: str, start: int, end: int) -> bool:
    """Whether the expression's clause is a future seen from a past moment: a future
    marker that a past verb further left governs ("the inquiry asked for messages to
    be handed over in September", "said it would open the plant in March")."""
    tense, marker, before = _scan(text, start, end)
    if tense != "FUTURE" or marker is None or marker[0] not in _REPORTABLE:
        return False
    words = [w.lower() for w in reversed(before)]
    for i in range(marker[1] + 1, len(words)):
        word = words[i]
        if word in FUTURE_MARKERS or word in PRESENT_COPULAS:
            return False  # "will ask them to hand over", "is asking them to": the DCT's future
        if _marker(word) == "PAST":
            # "asked", "said", "was": but not a participle after "be"/"to" ("to be asked", "be held")
            return not (i + 1 < len(words) and words[i + 1] in _PARTICIPLE_AFTER)
    return False


def _scan(text: str, start: int, end: int) -> tuple[str | None, tuple[str, int] | None, list[str]]:
    """The clause tense, the future marker that decided it (its kind and its index
    among the words before the expression, nearest first) if one did, and the words
    before the expression (in text order)."""
    from .rules.base import words_after, words_before  # (here: rules.base imports this module)

    # Counted in words, not characters, so a hard-wrapped, indented line keeps its verb;
    # twice the windows' words, for numbers and dashes ("a 20 per cent-25 per cent rise")
    left = words_before(text, start, 2 * _WINDOW_BEFORE)
    right = words_after(text, end, 2 * _WINDOW_AFTER)
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]
    before_cased = _WORD.findall(left)[-_WINDOW_BEFORE:]
    before = [w.lower() for w in before_cased]
    after = [w.lower() for w in _WORD.findall(right)][:_WINDOW_AFTER]
    words = [*reversed(before), *after]
    # a schedule verb is written in lower case: "the Barcelona Open on Wednesday" is a name
    lower_case = [w[0].islower() for w in reversed(before_cased)]  # (_WORD never matches empty)
    # "after Friday's blast": a possessive day qualifies a noun, and a present tense
    # before it ("the toll is 247 after Friday's blast") says nothing about the day
    possessive = text[end : end + 2] in ("'s", "’s")
    for i, word in enumerate(words):
        if (
            word == "to"
            and i + 1 < len(before)
            and words[i + 1] in FUTURE_BEFORE_TO
            and not (i > 0 and words[i - 1] in DETERMINERS_AFTER_TO)
        ):  # "agreed to a compromise" is no plan
            # "set to resume Monday" is ahead; "had been scheduled to expire Friday" was
            if i + 2 < len(before) and words[i + 2] in ("was", "were", "had", "been"):
                return "PAST", None, before_cased
            return "FUTURE", ("infinitive", i), before_cased  # the past verb may be the next word: "agreed to"
        if word == "be" and i + 1 < len(before) and words[i + 1] == "to":
            return "FUTURE", ("infinitive", i + 1), before_cased  # "guidelines to be published in early November"
        if word in FUTURE_MARKERS_BEFORE and i < len(before):
            return "FUTURE", ("would", i), before_cased
        if word in SCHEDULE_VERBS and i < len(before) and not possessive and lower_case[i]:
            if i + 1 < len(before) and words[i + 1] in _NOT_A_PRESENT:
                continue  # "was let go in March", "wanted to leave Monday": no tense of its own
            return "FUTURE", ("schedule", i), before_cased  # "Clinton meets Yeltsin on Monday"
        if word in PRESENT_COPULAS and i < min(len(before), _COPULA_REACH) and not possessive:
            return "FUTURE", ("copula", i), before_cased  # "the funeral is Friday"
        tense = _marker(word)
        if tense == "PAST" and i + 1 < len(before):
            # "a vigil is planned for Wednesday": a present passive of planning is a schedule
            if word in PLANNING_PARTICIPLES and words[i + 1] in PRESENT_COPULAS and not possessive:
                return "FUTURE", ("copula", i), before_cased
            # "to be published", "will be held", "will remain closed": a participle, not a
            # past, regular or not
            if words[i + 1] in _PARTICIPLE_AFTER:
                continue
        if tense:
            return tense, (("marker", i) if tense == "FUTURE" else None), before_cased
    return None, None, before_cased
