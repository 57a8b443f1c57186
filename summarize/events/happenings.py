"""One event per happening.

The same happening told twice on the same date is one event (the first:
``same_happening``). So is one happening told with two dates in one clause, when the
headline cannot part them ("The election, first set for May 2, was moved to May 9"):
the event is at the date that governs the verb, the other date stays in its headline
(``one_event_per_happening``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from ..headlines import aside_kind, attributive_year, is_modifier
from ..lexicon import HEADLINE_STOPWORDS
from ..models import Article, Event, Sentence, TimeExpression
from ..temporal import timex
from .making import Placed, make_event
from .ranges import PLAN_BEFORE, Ranges


def one_event_per_happening(
    article: Article, made: list[tuple[Placed, Event]], in_order: list[TimeExpression], ranges: Ranges
) -> list[Event]:
    """Dates of one sentence whose events got the same headline tell one happening
    (its clause could not be parted between them): one event, dated by the date that
    governs the clause (``_governing``), the others left in its headline ("The
    election, first set for May 2, was moved" on May 9; "ONEIDA declared a dividend,
    payable to stock of record Nov. 17" on Dec. 15). Dates joined as a list ("on
    Saturday and Sunday") stay one event each."""
    groups: dict[tuple[int, str], list[tuple[Placed, Event]]] = {}
    for placed, event in made:
        groups.setdefault((event.start, event.headline), []).append((placed, event))
    clusters: dict[int, list[tuple[Placed, Event]]] = {}  # by the index of each date
    for group in groups.values():
        for cluster in _happenings(article.text, group):
            for placed, _ in cluster:
                clusters[placed.index] = cluster
    out = []
    for placed, event in made:
        cluster = clusters[placed.index]
        if len(cluster) < 2:
            out.append(event)
            continue
        if _governing(placed.sentence, [p for p, _ in cluster]).index != placed.index:
            continue
        members = {p.index for p, _ in cluster if p.index != placed.index}
        ends = {p.index for p, _ in cluster if _ends_a_period(placed.sentence, p, cluster)}
        out.append(make_event(article, placed, in_order, ranges, mentioned=members - ends))
    return out


def _happenings(text: str, group: list[tuple[Placed, Event]]) -> list[list[tuple[Placed, Event]]]:
    """The events of one headline parted into happenings, in text order: the next
    date is another happening when a list joins it ("Saturday and Sunday", "in 2005
    and then again in 2012") or a clause connective stands between ("finished sixth
    in 2004 and actually led in 2007", "... last week, while Hammond has been out
    since January"); else it tells the same one ("payable Dec. 15 to stock of record
    Nov. 17", "announced last week that it planned to ship early next year")."""
    ordered = sorted(group, key=lambda pair: pair[0].expression.start)
    clusters = [[ordered[0]]]
    for previous, current in itertools.pairwise(ordered):
        between = text[previous[0].expression.end : current[0].expression.start]
        # The plan phrase is looked for from the sentence start, as in ``_governing``: a
        # window of characters missed it when a line break's spaces stretched it.
        plan = PLAN_BEFORE.search(text[previous[0].sentence.start : previous[0].expression.start])
        if not plan and (_CONNECTIVE_BETWEEN.search(between) or _RANGE_JOIN.fullmatch(between)):
            clusters.append([current])
        else:
            clusters[-1].append(current)
    return clusters


# Two dates joined as a range that is no range event ("bought Sept. 14 to Oct. 26"
# when the second lies before the first) are two ends, not one happening told twice.
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*", re.IGNORECASE)
# What makes the next date another happening of the same headline: a coordinating or
# subordinating word, a semicolon, a slash ("January/February").
_CONNECTIVE_BETWEEN = re.compile(
    r"\b(?:and|or|but|nor|then|while|whereas|when|before|after|until|since|as well as)\b|[;/&]|^\s*,\s*$", re.IGNORECASE
)
# Dates side by side, the second telling the first more exactly: "a year earlier in
# March 2012", "last week, on March 3", "around 9pm Thursday night".
_APPOSED = re.compile(r"\s*,?\s*(?:(?:in|on|at)\s+)?", re.IGNORECASE)
_GRANULARITY = ("year", "season", "quarter", "month", "week", "day", "time")


def _governing(sentence: Sentence, group: list[Placed]) -> Placed:
    """The date that dates a happening told with several: not one that modifies a
    noun ("third-quarter results", "Saturday's match", "the 2024 race"), sits in an
    aside (", first set for May 2,"), names the plan ("postponed from May 2") or ends
    the period before it ("the quarter ended Sept. 30"); of those left, the first,
    or of two side by side the more exact ("a year earlier in March 2012")."""
    text = sentence.text

    def minor(placed: Placed) -> bool:
        start, end = placed.expression.start - sentence.start, placed.expression.end - sentence.start
        return (
            text[end : end + 2] in ("'s", "\u2019s")
            or is_modifier(text, start, end)
            or attributive_year(text, start, end)
            or aside_kind(text, (start, end)) is not None
            or PLAN_BEFORE.search(text[:start]) is not None
            or _ends_a_period(sentence, placed, [(p, None) for p in group])
        )

    candidates = sorted([p for p in group if not minor(p)] or group, key=lambda p: p.expression.start)
    best = candidates[0]
    for following in candidates[1:]:
        between = text[best.expression.end - sentence.start : following.expression.start - sentence.start]
        if _APPOSED.fullmatch(between) and _rank(following) > _rank(best):
            best = following
    return best


def _rank(placed: Placed) -> int:
    parsed = timex.parse_value(placed.expression.value)
    return _GRANULARITY.index(parsed.granularity) if parsed and parsed.granularity in _GRANULARITY else -1


def _ends_a_period(sentence: Sentence, placed: Placed, group: Iterable[tuple[Placed, Event | None]]) -> bool:
    """Whether the date ends a period named just before it in the group: "the fourth
    quarter ended Aug. 26"."""
    start = placed.expression.start - sentence.start
    return any(
        p.index != placed.index
        and re.fullmatch(r"\s+(?:ended|ending)\s+", sentence.text[p.expression.end - sentence.start : start])
        for p, _ in group
    )


def same_happening(event: Event, other: Event) -> bool:
    """The same date told twice is one event: in one sentence, or with (nearly)
    the same words (most of the shorter headline's words in the longer one)."""
    if (
        event.start == other.start
        and event.headline == other.headline
        and event.end_value == other.end_value
        and (event.value.startswith(other.value) or other.value.startswith(event.value))
    ):
        return True  # "Wednesday ... in the afternoon": one happening, told at its first date
    if event.value != other.value or event.mod != other.mod or event.end_value != other.end_value:
        return False
    if event.start == other.start:
        return True
    a, b = _content_words(event.headline), _content_words(other.headline)
    shared = a & b
    return (
        (a == b or len(shared) >= 3) and bool(a and b) and len(shared) / min(len(a), len(b)) >= SAME_HAPPENING_OVERLAP
    )


SAME_HAPPENING_OVERLAP = 0.6


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in HEADLINE_STOPWORDS}
