"""The data passed between pipeline stages: small, frozen, plain.

Every stage takes and returns these, so a stage can be swapped or tested alone:

    1 inputs.loading.load_article(path or URL) -> Article
    2 sentences.split_sentences(Article.text) -> [Sentence]
    3 Summarizer.summarize(Article) -> Summary
    4 temporal.find_time_expressions(Article.text, Article.date) -> [TimeExpression]
    5 events.extract_events(Article, [TimeExpression]) -> [Event]
    6 merging.merge_events([[Event]] per article) -> [Event]
    7 timeline.build_timeline([Event], ...) -> Timeline
      keydates.select_key_dates([Article], ...) -> KeyDateSelection   (many articles)
    8 rendering.render(Briefing, format) -> str

``ArticleAnalysis`` is all of one article's own stage (read, summarized, tagged):
``summarize analyze`` writes one a line (``analysis.py``) and a briefing is made from
them without reading the articles again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keydates.mentions imports this module; temporal's tagger too
    from .keydates.mentions import ArticleMentions
    from .temporal.timex import Extent, TimexType


@dataclass(frozen=True)
class Article:
    """One news article as the pipeline sees it.

    ``text`` is the body; every character offset elsewhere refers to it.
    ``date`` is the document creation time (DCT) the relative dates are anchored to;
    ``date_source`` says where it came from ("--date", "jsonl", "metadata", "url",
    "dateline") or is None when the date is unknown. ``dateline`` is the dateline cut
    off the start of the text ("BAGHDAD, June 22 (Reuters) -"), kept so that a
    briefing can give a dateline without a year the year of its other articles.
    ``notes`` are what reading it found that the reader should know, each a sentence
    naming the article ("page.html: the page's metadata disagree on its date: ...");
    a briefing shows them among its notes.
    """

    text: str
    source: str
    title: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    dateline: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with its character span in ``Article.text``.

    ``cut``: the splitter ended this piece, not a full stop: the passage ran on
    past ``sentences.MAX_SENTENCE_CHARS`` (a 5 MB line with no sentence end is not
    one sentence), and the briefing notes it.
    """

    text: str
    start: int
    end: int
    cut: bool = False


@dataclass(frozen=True)
class Summary:
    """The summary of one article.

    ``sentences`` holds the article sentences an extractive summary is made of
    (empty for an abstractive summary, whose text is new), as exact spans; the
    extractive ``text`` is those sentences with some asides deleted (deletion only:
    its words are their words, in order; see ``headlines.compress``).
    """

    text: str
    method: str
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3-style time expression found in a text.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` is the normalized TIMEX3 value
    (``2014-06-21``, ``2014-01``, ``2014-06-21TEV``, ``XXXX-WXX-6``, ``P2D``,
    ``PAST_REF``...); ``mod`` is the TIMEX3 modifier (START, MID, END, APPROX,
    BEFORE, AFTER, ON_OR_AFTER...) or None.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated happening on the timeline.

    ``time`` is the time expression that dates it; ``value``/``mod`` are its TIMEX3
    value and modifier. ``extent`` says whether the happening is at that time
    ("point"), runs from it ("onward") or up to it ("until"), or runs from it to a
    second time expression of its sentence ("range": "from 1991 until 1998", "between
    May 5 and May 7"), which is ``end_time``, with the TIMEX3 value ``end_value``
    (None unless a range; the end's modifier is ``end_time.mod``). ``start``/``end``
    are the character offsets of ``sentence`` in the article text; ``sources`` names
    every article that reports it. ``conflicts`` holds the TIMEX3 values other
    articles give for the same happening when their dates do not agree with this one
    (see ``merging.py``).

    The values are read from the expressions, not copied beside them, so an event
    cannot say one date and hold the expression of another.
    """

    label: str
    headline: str
    sentence: str
    start: int
    end: int
    time: TimeExpression
    sources: tuple[str, ...]
    extent: Extent = "point"
    exact: bool = True
    conflicts: tuple[str, ...] = ()
    end_time: TimeExpression | None = None

    @property
    def value(self) -> str:
        """The TIMEX3 value of ``time``: "2014-06-21", "XXXX-WXX-6", "2014-SU"."""
        return self.time.value

    @property
    def mod(self) -> str | None:
        """The TIMEX3 modifier of ``time`` ("START", "APPROX" ...), or None."""
        return self.time.mod

    @property
    def end_value(self) -> str | None:
        """The TIMEX3 value of ``end_time``, where a range ends; None for any other event."""
        return self.end_time.value if self.end_time is not None else None


@dataclass(frozen=True)
class Timeline:
    """Events in timeline order.

    ``anchored`` is False when some article had no known date, so relative dates
    were ordered by news convention rather than resolved.
    """

    events: tuple[Event, ...]
    anchored: bool = True
    # The events the selection left out (an event whose sentence has no --query word,
    # or whose date is outside --since/--until), in timeline order. No format shows
    # them (the JSON output has no place for them); the briefing desk keeps them so
    # that an editor can pin one back into the timeline.
    dropped: tuple[Event, ...] = ()


@dataclass(frozen=True)
class CitedSentence:
    """A sentence of a many-article briefing, citing every article that says it.

    ``text`` is the sentence as written in ``sources[0]``, at character offsets
    ``start``..``end`` of that article's text; the other sources said the same
    thing in their own words (see ``keydates.picking``).
    """

    text: str
    sources: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class KeyDate:
    """One date of a key-date timeline and the sentences that say what happened.

    ``value`` is a TIMEX3 day value (``2009-06-25``) and ``label`` its readable
    form; ``mentions`` is how many sentences of the collection name the day.
    """

    value: str
    label: str
    sentences: tuple[CitedSentence, ...]
    mentions: int = 0


@dataclass(frozen=True)
class KeyDateSelection:
    """The key-date timeline of a many-article briefing and its overview.

    ``key_dates`` are in date order; ``overview`` holds the few sentences that
    best cover the whole collection; ``notes`` say how long the timeline was made
    and what was left out.
    """

    key_dates: tuple[KeyDate, ...]
    overview: tuple[CitedSentence, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleBriefing:
    """An article with its summary, as shown in a briefing.

    ``summary`` is None in a key-date briefing, where the overview and the key
    dates stand for the articles and a summary of each of hundreds would bury them.
    """

    article: Article
    summary: Summary | None


@dataclass(frozen=True)
class Briefing:
    """What the renderers format: the articles, their summaries, one timeline.

    A key-date briefing (``key_dates`` is not None) shows the overview and the key
    dates instead of every event; ``timeline`` is then empty.
    """

    articles: tuple[ArticleBriefing, ...]
    timeline: Timeline
    notes: tuple[str, ...] = field(default=())
    key_dates: tuple[KeyDate, ...] | None = None
    overview: tuple[CitedSentence, ...] = ()


@dataclass(frozen=True)
class ArticleAnalysis:
    """What one article gives a briefing before any other article is seen: the
    per-article stage, which ``summarize analyze`` spreads over processes or a Ray
    cluster, and which selection and merging then take as they are.

    ``summary`` is None when no summary was asked for (a key-date briefing shows
    none). ``events`` are the article's dated events (``pipeline.article_events``)
    and ``reading_notes`` what reading it noted (``pipeline.reading_notes``);
    ``mentions`` are the days its sentences name, for key-date selection, with
    ``mentions.index`` 0: its place in a collection is given when one is made.
    ``article`` keeps the text: a briefing whose other articles give a yearless
    dateline its year tags that article again, and --query filters by it.
    """

    article: Article
    summary: Summary | None
    events: tuple[Event, ...]
    mentions: ArticleMentions
    reading_notes: tuple[str, ...] = ()
