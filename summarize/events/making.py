"""One event: a placed date, its extent ("point", "onward", "until", "range"), its
label and its headline, made from its sentence with the sentence's other dates cut
(``headlines.make_headline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..headlines import attributive_year, make_headline
from ..lexicon import EXTENT_SIGNALS
from ..models import Article, Event, Sentence, TimeExpression
from ..temporal import timex
from .filters import indexes_in
from .ranges import Ranges

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
    """A time expression that dates a happening, with its sentence: ``index`` is its
    place among the article's expressions sorted by start (``in_order``), ``end`` the
    end of its range, if it begins one."""

    index: int
    expression: TimeExpression
    sentence: Sentence
    end: TimeExpression | None = None


def make_event(
    article: Article,
    placed: Placed,
    in_order: list[TimeExpression],
    ranges: Ranges,
    mentioned: frozenset[int] | set[int] = frozenset(),
) -> Event:
    """``in_order``: the article's time expressions sorted by start; ``ranges``: by
    indexes in it (``find_ranges``); ``mentioned``: the indexes of the expressions that
    stay in the headline with this one's happening."""
    expression, sentence, end = placed.expression, placed.sentence, placed.end
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    extent: timex.Extent = "range" if end is not None else _extent(sentence.text, local_start, local_end)
    # The other dates of the sentence, cut from the headline with their signals. This
    # event's own end is one of them (cut with its connective); another range is one
    # span from its start to its end ("between 1978 and 1990"), so its connective goes.
    # Only this sentence's expressions (a range lies in one sentence): looking
    # through the article's for each event made a text of 100,000 dates quadratic.
    of_sentence = indexes_in(in_order, sentence)
    own_end = ranges.get(placed.index)
    other_ends = {ranges[i] for i in of_sentence if i in ranges and ranges[i] != own_end}

    def span(i: int) -> tuple[int, int]:
        """Where the expression at ``i`` (with its range, if it begins one) lies in the sentence."""
        return in_order[i].start - sentence.start, in_order[ranges.get(i, i)].end - sentence.start

    others = [
        span(i)
        for i in of_sentence
        if i != placed.index
        and i not in other_ends
        and in_order[i].type in ("DATE", "TIME")
        and timex.parse_value(in_order[i].value) is not None
    ]
    # A year that premodifies a noun stays: it names the thing ("He entered the 2024
    # race", "... memories of their disastrous 2014 World Cup").
    # So do the dates ``mentioned`` with this one's happening (``one_event_per_happening``).
    mentioned_spans = {span(i) for i in of_sentence if i in mentioned}
    named = [(a, b) for a, b in others if attributive_year(sentence.text, a, b) or (a, b) in mentioned_spans]
    others = [span for span in others if span not in named]
    headline = make_headline(sentence.text, (local_start, local_end), others, named)
    if end is not None:
        label = timex.describe_range(expression.value, expression.mod, end.value, end.mod)
    else:
        label = timex.describe(expression.value, expression.mod, extent)
    return Event(
        extent=extent,
        label=label,
        headline=headline,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        time=expression,
        sources=(article.source,),
        exact=timex.is_exact(expression.value, expression.mod) and extent == "point",
        end_time=end,
    )


def _extent(sentence: str, start: int, end: int) -> timex.Extent:
    signal = _EXTENT_SIGNAL_BEFORE.search(sentence[:start])
    if signal:
        return EXTENT_SIGNALS[signal.group("signal").lower()]
    if _ONWARD_AFTER.match(sentence[end:]):
        return "onward"
    return "point"
