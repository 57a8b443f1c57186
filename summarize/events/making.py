"""One event: a placed date, its extent ("point", "onward", "until", "range"), its
label and its headline, made from its sentence with the sentence's other dates cut
(``headlines.make_headline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import timex
from ..headlines import attributive_year, make_headline
from ..lexicon import EXTENT_SIGNALS
from ..models import Article, Event, Sentence, TimeExpression
from .filters import in_sentence

# Words before a time expression that make the event run on from that time, or up to it
# (``lexicon.EXTENT_SIGNALS``).
_EXTENT_SIGNAL_BEFORE = re.compile(
    r"\b(?P<signal>" + "|".join(sorted(EXTENT_SIGNALS, key=len, reverse=True)) + r")\s+"
    r"(?:(?:late|early)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_ONWARD_AFTER = re.compile(r"^\s*(?:onwards?|and beyond)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Placed:
    expression: TimeExpression
    sentence: Sentence
    end: TimeExpression | None = None  # the end of a range


def make_event(article: Article, placed: Placed, in_order: list[TimeExpression],
                ranges: dict[int, TimeExpression], mentioned: frozenset[int] | set[int] = frozenset()) -> Event:
    """``in_order``: the article's time expressions sorted by start; ``mentioned``:
    the ids of those that stay in the headline with this one's happening."""
    expression, sentence, end = placed.expression, placed.sentence, placed.end
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    extent = "range" if end is not None else _extent(sentence.text, local_start, local_end)
    # The other dates of the sentence, cut from the headline with their signals. This
    # event's own end is one of them (cut with its connective); another range is one
    # span from its start to its end ("between 1978 and 1990"), so its connective goes.
    # Only this sentence's expressions (a range lies in one sentence): looking
    # through the article's for each event made a text of 100,000 dates quadratic.
    of_sentence = in_sentence(in_order, sentence)
    other_ends = {id(ranges[id(e)]) for e in of_sentence if id(e) in ranges and ranges[id(e)] is not end}
    others = [
        (e.start - sentence.start, ranges.get(id(e), e).end - sentence.start)
        for e in of_sentence
        if e is not expression and id(e) not in other_ends
        and e.type in ("DATE", "TIME") and timex.parse_value(e.value) is not None
    ]
    # A year that premodifies a noun stays: it names the thing ("He entered the 2024
    # race", "... memories of their disastrous 2014 World Cup").
    # So do the dates ``mentioned`` with this one's happening (``one_event_per_happening``).
    mentioned_spans = {(e.start - sentence.start, ranges.get(id(e), e).end - sentence.start)
                       for e in of_sentence if id(e) in mentioned}
    named = [(a, b) for a, b in others if attributive_year(sentence.text, a, b) or (a, b) in mentioned_spans]
    others = [span for span in others if span not in named]
    headline = make_headline(sentence.text, (local_start, local_end), others, named)
    if end is not None:
        label = timex.describe_range(expression.value, expression.mod, end.value, end.mod)
    else:
        label = timex.describe(expression.value, expression.mod, extent)
    return Event(
        value=expression.value,
        mod=expression.mod,
        extent=extent,
        label=label,
        headline=headline,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        time=expression,
        sources=(article.source,),
        exact=timex.is_exact(expression.value, expression.mod) and extent == "point",
        end_value=end.value if end is not None else None,
        end_time=end,
    )


def _extent(sentence: str, start: int, end: int) -> str:
    signal = _EXTENT_SIGNAL_BEFORE.search(sentence[:start])
    if signal:
        return EXTENT_SIGNALS[signal.group("signal").lower()]
    if _ONWARD_AFTER.match(sentence[end:]):
        return "onward"
    return "point"
