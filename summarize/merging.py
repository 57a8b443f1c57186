"""Cross-article event merging: one happening reported by several articles is one event.

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

    0.98  "...ISIL overran most of one province and parts of three others..." /
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

import calendar
import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

import numpy as np

from . import timex
from .models import Event

SAME_HAPPENING = 0.75
CONFLICTING_DATES = 0.80

Encode = Callable[[list[str]], np.ndarray]


def merge_events(per_article: Sequence[Sequence[Event]], *, article_dates: Sequence[dt.date | None] | None = None,
                 encode: Encode | None = None, same: float = SAME_HAPPENING,
                 conflict: float = CONFLICTING_DATES) -> list[Event]:
    """Merge the events of several articles (one list per article, in input order).

    ``article_dates`` (one per list) decide which article reported first; ``encode``
    maps texts to unit vectors (default: the shared MiniLM encoder). Returns the
    events in article order (earliest-reported article first), not timeline order.
    """
    if article_dates is None:
        article_dates = [None] * len(per_article)
    # Earliest-reported first; undated articles after dated ones; ties keep input order.
    order = sorted(range(len(per_article)),
                   key=lambda i: (article_dates[i] is None, article_dates[i] or dt.date.min, i))
    items = [(rank, event) for rank, index in enumerate(order) for event in per_article[index]]
    if len({rank for rank, _ in items}) < 2:
        return [event for _, event in items]
    if encode is None:
        from .encoder import get_encoder

        encode = get_encoder().encode
    vectors = encode([event.headline or event.sentence for _, event in items])
    similarity = np.asarray(vectors, dtype=np.float32) @ np.asarray(vectors, dtype=np.float32).T
    spans = [date_span(event.value) for _, event in items]

    clusters: list[list[int]] = []  # indexes into items; the first is the kept wording
    for index, (rank, _) in enumerate(items):
        best, best_score = None, same
        for number, members in enumerate(clusters):
            if any(items[m][0] == rank for m in members):
                continue  # an article does not merge its own events (events.py did that)
            if not _overlap(spans[members[0]], spans[index], items[members[0]][1].value, items[index][1].value):
                continue
            score = max(float(similarity[m, index]) for m in members)
            if score >= best_score:
                best, best_score = number, score
        if best is None:
            clusters.append([index])
        else:
            clusters[best].append(index)

    # A conflict is a pair of clusters that are each other's best match across
    # articles: an event similar to two happenings is not in conflict with both.
    best = [_best_match(number, clusters, items, similarity, conflict) for number in range(len(clusters))]
    conflicts: list[list[str]] = [[] for _ in clusters]
    for number, other in enumerate(best):
        if other is None or best[other] != number:
            continue
        a, b = clusters[number][0], clusters[other][0]
        if spans[a] is None or spans[b] is None or _overlap(spans[a], spans[b], items[a][1].value, items[b][1].value):
            continue
        conflicts[number].append(items[b][1].value)

    merged = []
    for members, clash in zip(clusters, conflicts):
        kept = items[members[0]][1]
        sources: list[str] = []
        for m in members:
            for source in items[m][1].sources:
                if source not in sources:
                    sources.append(source)
        merged.append(dataclasses.replace(kept, sources=tuple(sources),
                                          conflicts=tuple(dict.fromkeys((*kept.conflicts, *clash)))))
    return merged


def _best_match(number: int, clusters: list[list[int]], items, similarity: np.ndarray,
                threshold: float) -> int | None:
    """The other cluster most similar to cluster ``number`` (comparing events of
    different articles only), if any reaches ``threshold``."""
    best, best_score = None, threshold
    for other, members in enumerate(clusters):
        if other == number:
            continue
        for a in clusters[number]:
            for b in members:
                if items[a][0] != items[b][0] and float(similarity[a, b]) >= best_score:
                    best, best_score = other, float(similarity[a, b])
    return best


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 value covers ("2014-06" is June 1..30), or None
    when it has no year (a weekday, a month-day) or is not a date."""
    parsed = timex.parse_value(value)
    if parsed is None or parsed.year is None:
        return None
    year = parsed.year
    if parsed.granularity in ("day", "time"):
        day = dt.date(year, parsed.month, parsed.day)
        return day, day
    if parsed.granularity == "month":
        return dt.date(year, parsed.month, 1), dt.date(year, parsed.month, calendar.monthrange(year, parsed.month)[1])
    if parsed.granularity == "week":
        monday = dt.date.fromisocalendar(year, parsed.week, 1)
        return monday, monday + dt.timedelta(days=6)
    if parsed.granularity == "quarter":
        first = 3 * (parsed.quarter - 1) + 1
        return dt.date(year, first, 1), dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if parsed.granularity == "season":
        # Meteorological seasons; winter is counted from December of the year before.
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[parsed.season]
        start = dt.date(year - 1 if start_month == 12 else year, start_month, 1)
        end_month = (start_month + 1) % 12 + 1
        return start, dt.date(year, end_month, calendar.monthrange(year, end_month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, value_a: str, value_b: str) -> bool:
    if a is None or b is None:
        # Without a year only the very same month-day can be told to agree.
        parsed = timex.parse_value(value_a)
        return value_a == value_b and parsed is not None and parsed.weekday is None
    return a[0] <= b[1] and b[0] <= a[1]
