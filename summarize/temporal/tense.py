"""A cheap tense guess for the clause around a time expression.

A bare weekday or month means the past one in news ("said Sunday") unless the
clause is about the future ("will meet Monday"). Loading spaCy would cost far more
than the whole tagger, so this looks at a few words around the expression, inside
its sentence, for future and past markers from ``vocabulary.py``.
"""

from __future__ import annotations

import re

from .vocabulary import FUTURE_MARKERS, PAST_MARKERS

_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"'`(])|\n\s*\n")
_WINDOW_BEFORE = 10  # words before the expression that may carry its verb
_WINDOW_AFTER = 6
# Past participles after "will have"/"is expected" are future, so -ed words only
# count as past when no future marker was seen.
_PAST_VERB = re.compile(r"^[a-z]{3,}ed$")


def clause_tense(text: str, start: int, end: int) -> str | None:
    """"FUTURE", "PAST" or None for the expression at ``text[start:end]``."""
    left = text[max(0, start - 160):start]
    right = text[end:end + 100]
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[:stop.start()]
    words = [w.lower() for w in _WORD.findall(left)][-_WINDOW_BEFORE:]
    words += [w.lower() for w in _WORD.findall(right)][:_WINDOW_AFTER]
    words = [w[:-3] if w.endswith("n't") else w for w in words]
    if any(w in FUTURE_MARKERS for w in words):
        return "FUTURE"
    if any(w in PAST_MARKERS or _PAST_VERB.match(w) for w in words):
        return "PAST"
    return None
