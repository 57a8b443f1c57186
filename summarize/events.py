"""Stage 4: turn dated sentences into timeline events.

An event is a happening at a time: for every time expression that dates something
(a DATE or TIME, not a duration, a set or a vague "recently"), take the clause of
its sentence that holds it, and compress that clause into a headline by deleting
words only (so the headline never says what the article did not). Reporting dates
("officials said Sunday") date the report, not a happening, and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import timex
from .models import Article, Event, Sentence, TimeExpression
from .sentences import sentence_at, split_sentences

# Values that do not place a happening on a timeline.
UNPLACEABLE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}

# Verbs of saying: a date right after one of them dates the statement.
REPORTING_VERBS = (
    "said", "says", "told", "added", "stated", "reported", "confirmed", "noted",
    "declared", "claimed", "insisted", "explained", "wrote", "tweeted",
)
_REPORTING_DATE = re.compile(
    r"\b(?:" + "|".join(REPORTING_VERBS) + r")(?:\s+\w+){0,2}?\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)

# Words that introduce a time expression and belong with it when it is cut out of a
# headline ("on Saturday", "since early January"), and whether they make the event
# run on from that time.
LEADING_SIGNALS = {
    "on": "point", "in": "point", "at": "point", "by": "point", "during": "point",
    "since": "onward", "from": "onward", "beginning": "onward", "starting": "onward",
    "as of": "onward", "until": "until", "till": "until", "through": "point",
}
_SIGNAL_BEFORE = re.compile(
    r"(?:\b(?P<signal>" + "|".join(sorted(LEADING_SIGNALS, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?:late|early)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_ONWARD_AFTER = re.compile(r"^\s*(?:onwards?|and beyond)\b", re.IGNORECASE)

# Clause boundaries: a sentence holding two dates is cut here, so each date keeps
# the happening next to it.
CLAUSE_BOUNDARIES = re.compile(r",\s+(?:while|whereas|but|and then|although|after|before)\s+|;\s+", re.IGNORECASE)

# Deletions that shorten a clause without changing what it says.
DELETIONS = [
    re.compile(r"\s*\([^()]*\)"),  # parentheticals: "(ISIL)"
    re.compile(r",\s+(?:where|which|who|whose)\s+[^,]*,", re.IGNORECASE),  # non-restrictive clauses
    re.compile(r"\s+but also including\s+[^,]*,", re.IGNORECASE),
    re.compile(r",\s+(?:officials|officers|witnesses|residents|police|sources|reports)(?:\s+\w+){0,3}\s+(?:said|say)$", re.IGNORECASE),
]
_LEADING_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w-]*(?:\s+[\w-]+){0,3})\s+(?:said|say|says|reported|report|reports)\s+(?:that\s+)?",
)
_LEADING_CONNECTIVE = re.compile(r"^(?:and|but|while|whereas|as|when|then|also|after|before)\s+", re.IGNORECASE)

MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True)
class _Placed:
    expression: TimeExpression
    sentence: Sentence


def extract_events(article: Article, expressions: list[TimeExpression],
                   sentences: list[Sentence] | None = None) -> list[Event]:
    """The events of one article, in article order."""
    if sentences is None:
        sentences = split_sentences(article.text)
    events: list[Event] = []
    for placed in _dating_expressions(article.text, article.date, expressions, sentences):
        event = _make_event(article, placed, expressions)
        if not any(_same_happening(event, earlier) for earlier in events):
            events.append(event)
    return events


def _dating_expressions(text: str, dct: dt.date | None, expressions: list[TimeExpression],
                        sentences: list[Sentence]) -> list[_Placed]:
    placed = []
    for expression in expressions:
        if expression.type not in ("DATE", "TIME") or expression.value in UNPLACEABLE_VALUES:
            continue
        parsed = timex.parse_value(expression.value)
        if parsed is None:
            continue
        if dct is not None and parsed.granularity == "year" and parsed.year == dct.year:
            # "earlier in the year", "this year": the article's own year places nothing.
            continue
        sentence = sentence_at(sentences, expression.start)
        if sentence is None:
            continue
        if _REPORTING_DATE.search(text[sentence.start:expression.start]):
            continue
        placed.append(_Placed(expression, sentence))
    return placed


def _make_event(article: Article, placed: _Placed, all_expressions: list[TimeExpression]) -> Event:
    expression, sentence = placed.expression, placed.sentence
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    extent = _extent(sentence.text, local_start, local_end)
    others = [
        (e.start - sentence.start, e.end - sentence.start)
        for e in all_expressions
        if e is not expression and sentence.start <= e.start < sentence.end
    ]
    headline = make_headline(sentence.text, (local_start, local_end), others)
    return Event(
        value=expression.value,
        mod=expression.mod,
        extent=extent,
        label=timex.describe(expression.value, expression.mod, extent),
        headline=headline,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        time=expression,
        sources=(article.source,),
        exact=timex.is_exact(expression.value, expression.mod) and extent == "point",
    )


def _extent(sentence: str, start: int, end: int) -> str:
    signal = _SIGNAL_BEFORE.search(sentence[:start])
    if signal and signal.group("signal"):
        extent = LEADING_SIGNALS[signal.group("signal").lower()]
        if extent != "point":
            return extent
    if _ONWARD_AFTER.match(sentence[end:]):
        return "onward"
    return "point"


def make_headline(sentence: str, span: tuple[int, int], other_spans: list[tuple[int, int]] = ()) -> str:
    """A short headline for the happening dated by ``span`` in ``sentence``.

    Words are only ever deleted, never added or reworded: the clause holding the
    date, without the date itself, attributions, parentheticals and asides.
    """
    start, end = span
    clause_start, clause_end = _clause(sentence, start, end, other_spans)
    # Cut the date and the words introducing it out of the clause.
    before = sentence[clause_start:start]
    signal = _SIGNAL_BEFORE.search(before)
    cut_start = clause_start + (signal.start() if signal else len(before))
    after = sentence[end:clause_end]
    onward = _ONWARD_AFTER.match(after)
    cut_end = end + (onward.end() if onward else 0)
    text = sentence[clause_start:cut_start].rstrip(" ,") + " " + sentence[cut_end:clause_end].lstrip(" ,")
    if not sentence[clause_start:cut_start].strip():
        text = sentence[cut_end:clause_end].lstrip(" ,")
    return _compress(text)


def _clause(sentence: str, start: int, end: int, other_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause around [start, end): cut at clause boundaries when the sentence
    holds other dates, so that each date keeps its own happening."""
    clause_start, clause_end = 0, len(sentence.rstrip(".!?\"'\u201d "))
    if not other_spans:
        return clause_start, clause_end
    for boundary in CLAUSE_BOUNDARIES.finditer(sentence):
        if boundary.end() <= start:
            clause_start = boundary.end()
        elif boundary.start() >= end:
            clause_end = min(clause_end, boundary.start())
            break
    return clause_start, clause_end


def _compress(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    for pattern in DELETIONS:
        text = pattern.sub("", text)
    text = _LEADING_ATTRIBUTION.sub("", text, count=1)
    text = _LEADING_CONNECTIVE.sub("", text, count=1)
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip(" ,;:")
    words = text.split()
    if len(words) > MAX_HEADLINE_WORDS:
        text = _shorten(words)
    text = text.strip("\"'\u201c\u201d ")
    return text[:1].upper() + text[1:]


def _shorten(words: list[str]) -> str:
    """Cut a long headline at the last comma within the limit, else at the limit."""
    kept = words[:MAX_HEADLINE_WORDS]
    for index in range(len(kept) - 1, 5, -1):
        if kept[index].endswith(","):
            return " ".join(kept[: index + 1]).rstrip(",")
    return " ".join(kept).rstrip(",;:") + " \u2026"


def _same_happening(event: Event, other: Event) -> bool:
    """The same date told twice with (nearly) the same words is one event."""
    if event.value != other.value:
        return False
    a, b = _content_words(event.headline), _content_words(other.headline)
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


_STOPWORDS = frozenset("the a an of in on at to and or for with by from as was were is are be been has have had".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _STOPWORDS}
