"""``extract_events``: the events of one article, in article order.

Its dates that place a happening (``filters.py``), ranges joined (``ranges.py``),
each made an event (``making.py``), one event per happening (``happenings.py``), at
most ``MAX_EVENTS_PER_ARTICLE``.
"""

from __future__ import annotations

import collections
import datetime as dt

from ..models import Article, Event, Sentence, TimeExpression
from ..sentences import sentence_at, split_sentences
from ..temporal import timex
from .filters import is_own_period, is_placeable, names_its_noun, places_a_happening, tells_a_happening
from .happenings import one_event_per_happening, same_happening
from .making import Placed, make_event
from .ranges import Ranges, find_ranges


def extract_events(
    article: Article, expressions: list[TimeExpression], sentences: list[Sentence] | None = None
) -> list[Event]:
    """The events of one article, in article order."""
    if sentences is None:
        sentences = split_sentences(article.text)
    events: list[Event] = []
    in_order = sorted(expressions, key=lambda e: e.start)
    ranges = find_ranges(article.text, in_order, sentences)
    # Earlier events by sentence and by date: only those can be the same happening
    # (``same_happening``), and comparing each event with every earlier one made
    # a text of 100,000 dates quadratic.
    by_sentence: dict[int, list[Event]] = {}
    by_date: dict[tuple, list[Event]] = {}

    def keep(made: list[tuple[Placed, Event]]) -> None:
        for event in one_event_per_happening(article, made, in_order, ranges):
            if len(events) == MAX_EVENTS_PER_ARTICLE:
                return
            date = (event.value, event.mod, event.end_value)
            earlier = (*by_sentence.get(event.start, ()), *by_date.get(date, ()))
            if not any(same_happening(event, other) for other in earlier):
                events.append(event)
                by_sentence.setdefault(event.start, []).append(event)
                by_date.setdefault(date, []).append(event)

    # One sentence's events at a time: its dates may tell one happening together.
    made: list[tuple[Placed, Event]] = []
    for placed in _dating_expressions(article.date, in_order, sentences, ranges):
        if len(events) == MAX_EVENTS_PER_ARTICLE:
            break
        if made and made[-1][0].sentence is not placed.sentence:
            keep(made)
            made = []
        event = make_event(article, placed, in_order, ranges)
        if not tells_a_happening(event.headline, event.sentence):
            continue  # "Atlanta nineteen ninety-six.": a date and a name tell no happening
        made.append((placed, event))
    keep(made)
    return events


# An article gives at most this many events, in article order: a news story has
# tens, a long chronology hundreds; a text of 100,000 dates would spend most of a
# minute making headlines for a timeline nobody reads. The briefing notes the cut.
MAX_EVENTS_PER_ARTICLE = 1_000


def crowded_sentences(expressions: list[TimeExpression], sentences: list[Sentence]) -> list[Sentence]:
    """The sentences holding more than ``MAX_DATES_PER_SENTENCE`` placeable dates:
    a list or a table run together ("fixtures on June 9, June 12, ..."), not a
    sentence telling happenings; they give no events (and the briefing says so)."""
    dates_in = collections.Counter(sentence_at(sentences, e.start) for e in expressions if is_placeable(e))
    return [sentence for sentence, count in dates_in.items() if sentence is not None and count > MAX_DATES_PER_SENTENCE]


# More dates than any sentence of news holds (7 at most in the CNN/Daily Mail dev
# set): each event's headline is made by cutting the sentence's other dates, so a
# sentence of hundreds of dates would cost hundreds squared.
MAX_DATES_PER_SENTENCE = 12


def _dating_expressions(
    dct: dt.date | None, in_order: list[TimeExpression], sentences: list[Sentence], ranges: Ranges
) -> list[Placed]:
    """The expressions (``in_order``: sorted by start) that date a happening, with their sentences."""
    placed = []
    range_ends = set(ranges.values())
    crowded = {sentence.start for sentence in crowded_sentences(in_order, sentences)}
    for index, expression in enumerate(in_order):
        if index in range_ends or not is_placeable(expression):
            continue  # the end of a range is dated with its start
        parsed = timex.parse_value(expression.value)
        if parsed is None:
            continue  # (not reached: a placeable value parses)
        end = in_order[ranges[index]] if index in ranges else None
        if dct is not None and end is None and is_own_period(parsed, dct):
            continue
        sentence = sentence_at(sentences, expression.start)
        if sentence is None or sentence.start in crowded or not places_a_happening(sentence, expression, parsed):
            continue
        if names_its_noun(dct, sentence, index, in_order):
            continue
        placed.append(Placed(index, expression, sentence, end))
    return placed
