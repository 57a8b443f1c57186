"""Stage 6: cross-article event merging: one happening reported by several articles is one event.

Two events of different articles are the same happening when their dates overlap
(equal, or one inside the other: "June 22" and "June 2014") and their headlines say
the same thing: MiniLM cosine similarity of at least ``SAME_HAPPENING``. The merged
event keeps the wording of the earliest-reported article (earliest article date,
then input order) and cites every article in ``sources``, earliest first; its
``start``/``end`` refer to the text of ``sources[0]``.

Events that are that similar (``CONFLICTING_DATES``, a stricter bar, as the dates do
not support it) but whose dates do not overlap are the same happening reported with
conflicting dates ("on Friday evening" vs "on Saturday evening"): both are kept and
each names the other's date in ``Event.conflicts``, so the disagreement is shown.

The thresholds come from MiniLM cosines of headlines (date cut out) from the Iraq
sample and its follow-ups (tests/data/briefing/):

    0.95  "Militants led by ISIL overran most of one province" /
          "...ISIL overran most of one province north of Baghdad"     same happening
    0.86  "Militants seized control of the al-Walid border crossing" /
          "Insurgents took the al-Walid border crossing with Syria"   same happening
    0.86  "Insurgents moved into Rawa and Ana" / "...moved into the towns of Rawa and Ana"
    0.78  "Militants killed 21 leaders in ... Rawa and Ana" / "Militants executed 21 people in Rawa and Ana"
    0.74  "air strike on the militant-held city of Tikrit" / "air strike on the city of Mosul"  different
    0.70  "...seized the al-Walid border crossing" / "The government lost control of another border crossing"
    0.67  "militants pressed their offensive" / "insurgents consolidated their hold"           different
    0.61  "The president visited Paris" / "The president visited Berlin"                  different
    0.51  "...shot dead when the militants moved into the towns" / "...moved into the towns of Rawa and Ana"

Paraphrases of one happening score 0.78 and up, different happenings of one story up
to 0.74, so 0.75 separates them when the dates agree; a conflict claims more (that
two dates are wrong for one happening), so it needs 0.80.

Only dates with a known year are compared: "Saturday" in two undated articles may be
two different Saturdays. Month-day values without a year ("XXXX-06-09") merge only
when equal, and never conflict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np

from .models import Event
from .temporal import timex

SAME_HAPPENING = 0.75
CONFLICTING_DATES = 0.80

Encode = Callable[[list[str]], np.ndarray]


def merge_events(
    per_article: Sequence[Sequence[Event]],
    *,
    article_dates: Sequence[dt.date | None] | None = None,
    encode: Encode | None = None,
    same: float = SAME_HAPPENING,
    conflict: float = CONFLICTING_DATES,
) -> list[Event]:
    """Merge the events of several articles (one list per article, in input order).

    ``article_dates`` (one per list) decide which article reported first; ``encode``
    maps texts to unit vectors (default: the shared MiniLM encoder). Returns the
    events in article order (earliest-reported article first), not timeline order.
    """
    if article_dates is None:
        article_dates = [None] * len(per_article)
    # Earliest-reported first; undated articles after dated ones; ties keep input order.
    order = sorted(
        range(len(per_article)), key=lambda i: (article_dates[i] is None, article_dates[i] or dt.date.min, i)
    )
    items = [(rank, event) for rank, index in enumerate(order) for event in per_article[index]]
    if len({rank for rank, _ in items}) < 2:
        return [event for _, event in items]
    if encode is None:
        from .summarizers.encoder import get_encoder

        encode = get_encoder().encode
    vectors = np.asarray(encode([event.headline or event.sentence for _, event in items]), dtype=np.float32)
    clusters = _cluster(items, vectors, same)
    conflicts = _conflicts(items, vectors, clusters, conflict)

    merged = []
    for members, clash in zip(clusters, conflicts):
        kept = items[members[0]][1]
        sources: list[str] = []
        for m in members:
            for source in items[m][1].sources:
                if source not in sources:
                    sources.append(source)
        merged.append(
            dataclasses.replace(kept, sources=tuple(sources), conflicts=tuple(dict.fromkeys((*kept.conflicts, *clash))))
        )
    return merged


class _Dates:
    """The events' dates as arrays, so that one event is compared with every cluster
    at once (a 100-article briefing has over a thousand events)."""

    def __init__(self, events: list[Event]) -> None:
        spans = [date_span(event.value, event.end_value) for event in events]
        self.has_span = np.array([span is not None for span in spans])
        self.first = np.array([span[0].toordinal() if span else 0 for span in spans])
        self.last = np.array([span[1].toordinal() if span else 0 for span in spans])
        ids: dict[tuple[str, str | None], int] = {}
        self.value = np.array([ids.setdefault((event.value, event.end_value), len(ids)) for event in events])
        # Without a year only the very same month-day can be told to agree; a weekday
        # ("Saturday") in two articles may be two different Saturdays.
        self.plain = np.array([_is_month_day(event.value) for event in events])

    def agree(self, others: np.ndarray, index: int) -> np.ndarray:
        """For each event in ``others``: do its dates overlap those of event ``index``?"""
        both = self.has_span[others] & self.has_span[index]
        overlap = (self.first[others] <= self.last[index]) & (self.first[index] <= self.last[others])
        same_month_day = (self.value[others] == self.value[index]) & self.plain[index]
        return np.where(both, overlap, same_month_day)

    def conflict(self, a: int, b: int) -> bool:
        """Both dated to a known year, and not overlapping."""
        return bool(self.has_span[a] and self.has_span[b] and not self.agree(np.array([a]), b)[0])


def _similarity(items: list[tuple[int, Event]], vectors: np.ndarray) -> np.ndarray:
    """Cosines between events; -inf between events of one article, which never merge
    or conflict (``events/`` already merged an article's own repeats)."""
    ranks = np.array([rank for rank, _ in items])
    similarity = vectors @ vectors.T
    similarity[ranks[:, None] == ranks[None, :]] = -np.inf
    return similarity


def _cluster(items: list[tuple[int, Event]], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Group events into happenings, earliest-reported first: an event joins the most
    similar cluster (best match with any member) whose first event's dates overlap its
    own and that holds no event of its article yet."""
    similarity = _similarity(items, vectors)
    dates = _Dates([event for _, event in items])
    count, articles = len(items), max(rank for rank, _ in items) + 1
    best_with = np.full((count, count), -np.inf, dtype=np.float32)  # cluster x event: best similarity
    has_article = np.zeros((count, articles), dtype=bool)
    first = np.zeros(count, dtype=int)
    clusters: list[list[int]] = []
    for index, (rank, _) in enumerate(items):
        k = len(clusters)
        if k:
            scores = best_with[:k, index].copy()
            scores[~dates.agree(first[:k], index) | has_article[:k, rank]] = -np.inf
            number = int(np.argmax(scores))
            if scores[number] >= threshold:
                clusters[number].append(index)
                np.maximum(best_with[number], similarity[index], out=best_with[number])
                has_article[number, rank] = True
                continue
        clusters.append([index])
        best_with[k] = similarity[index]
        has_article[k, rank] = True
        first[k] = index
    return clusters


def _conflicts(
    items: list[tuple[int, Event]], vectors: np.ndarray, clusters: list[list[int]], threshold: float
) -> list[list[str]]:
    """For each cluster, the dates of the happening it conflicts with, if any.

    A conflict is two clusters that are each other's best match across articles, at
    least ``threshold`` similar, with dates that do not overlap: an event similar to
    two happenings is not in conflict with both.
    """
    conflicts: list[list[str]] = [[] for _ in clusters]
    if len(clusters) < 2:
        return conflicts
    similarity = _similarity(items, vectors)
    order = np.array([m for members in clusters for m in members])
    offsets = np.cumsum([0] + [len(members) for members in clusters[:-1]])
    by_event = similarity[order][:, order]
    between = np.maximum.reduceat(np.maximum.reduceat(by_event, offsets, axis=0), offsets, axis=1)
    np.fill_diagonal(between, -np.inf)
    best = np.argmax(between, axis=1)
    dates = _Dates([event for _, event in items])
    for number, other in enumerate(best):
        if between[number, other] < threshold or best[other] != number:
            continue
        a, b = clusters[number][0], clusters[other][0]
        if dates.conflict(a, b):
            conflicts[number].append(items[b][1].value)
    return conflicts


def _is_month_day(value: str) -> bool:
    parsed = timex.parse_value(value)
    return parsed is not None and parsed.weekday is None


def date_span(value: str, end_value: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 value covers ("2014-06" is June 1..30), or None
    when it has no year (a weekday, a month-day) or is not a date. A range (an event
    with an ``end_value``) runs from the first day of ``value`` to the last day of
    ``end_value`` (which takes the year of ``value`` when it has none)."""
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    first, last = timex.calendar_span(parsed, parsed.year)
    end = timex.parse_value(end_value) if end_value is not None else None
    if end is not None and end.weekday is None:
        last = max(last, timex.calendar_span(end, end.year if end.year is not None else parsed.year)[1])
    return first, last
