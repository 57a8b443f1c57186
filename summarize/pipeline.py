"""The library API: articles in, a ``Briefing`` out.

    from summarize import build_briefing, render
    briefing = build_briefing(["story.txt"], date=datetime.date(2014, 6, 22))
    print(render(briefing, "markdown"))

``Briefer`` keeps the summarization model loaded between calls (load once, brief
many) and processes articles in batches; ``build_briefing`` is the one-shot form.
Several articles make one briefing: a summary each, one timeline in which a
happening reported by several articles is one event citing them all
(``merging.py``). Each article's relative dates resolve against its own date.

Many articles (``keydates.AUTO_MIN_ARTICLES`` or more, or any number with
``KeyDateOptions.max_dates``) make a key-date briefing instead: the days that
matter, each with the sentences that say what happened, and an overview, every
sentence citing its articles (``keydates/``); no summary per article.

The library never prints or exits: problems the user can fix raise
``SummarizeError`` subclasses. ``Briefer.brief_inputs`` instead reports a bad input
of a batch as an ``InputFailure`` and briefs the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from .analysis import analyze_article, article_events, reading_notes, reanalyzed  # noqa: F401 - article_events re-exported
from .errors import InputError, SummarizeError
from .inputs.datelines import find_dateline, year_from_briefing
from .inputs.loading import ArticleInput, InputFailure, inputs_from_args, load_input
from .merging import merge_events
from .models import Article, ArticleAnalysis, ArticleBriefing, Briefing, Event, Summary, Timeline
from .sentences import split_sentences
from .summarizers import load_summarizer
from .timeline import build_timeline

# Why relative dates are left unresolved; {what} names the unknown date(s), {whose}
# is the possessive for several articles.
UNKNOWN_DATES_NOTE = (
    "The {what} unknown, so {whose}relative dates are not resolved: they are shown as "
    "written and ordered by news convention (weekday names mean the past week, month-day "
    "dates lie further back)."
)
UNKNOWN_DATE_NOTE = UNKNOWN_DATES_NOTE.format(what="article date is", whose="")

# Articles summarized per call: large enough that the encoder fills its batches
# (64 sentences), small enough that a batch's sentences stay a few MB.
BATCH_SIZE = 16

Progress = Callable[[int], None]


class ArticleSummarizer(Protocol):
    """What a Briefer needs of a summarizer: one article's summary. Every
    ``Summarizer`` has it (and ``summarize_many``, used when there); a test's
    stand-in may have only this."""

    def summarize(self, article: Article, *, sentences: int = 3, words: int | None = None) -> Summary: ...


@dataclass(frozen=True)
class KeyDateOptions:
    """What a briefing of many articles shows (the CLI's --max-dates, --per-date,
    --since, --until and --query).

    ``max_dates`` None: a key-date timeline of automatic length for many articles
    (``keydates.automatic_dates``), every event for a few. ``since``/``until`` keep
    only what happened inside the window, ``query`` only articles and sentences
    holding one of its words; both apply to the event timeline of a few articles too.
    """

    max_dates: int | None = None
    per_date: int = 2
    since: dt.date | None = None
    until: dt.date | None = None
    query: tuple[str, ...] = ()

    @classmethod
    def read(
        cls,
        *,
        date: dt.date | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        max_dates: int | None = None,
        per_date: int = 2,
    ) -> KeyDateOptions:
        """The options as a user writes them (--since "June 2014", --query "swine flu"):
        the window read by ``dates.parse_date``, relative to ``date`` when given, else
        today. ``SummarizeError`` for a date that cannot be read, a window that ends
        before it starts, or a query of no words."""
        from .inputs.dates import parse_date

        first = parse_date(since, base=date, option="--since") if since is not None else None
        last = parse_date(until, base=date, end=True, option="--until") if until is not None else None
        if first is not None and last is not None and first > last:
            raise SummarizeError(f"--since {first.isoformat()} is after --until {last.isoformat()}")
        words = tuple(query.split()) if query is not None else ()
        if query is not None and not words:
            raise SummarizeError("--query needs at least one word")
        return cls(max_dates=max_dates, per_date=per_date, since=first, until=last, query=words)

    def key_dates_for(self, articles: int) -> bool:
        """Whether a briefing of ``articles`` is a key-date briefing."""
        from .keydates import AUTO_MIN_ARTICLES

        return self.max_dates is not None or articles >= AUTO_MIN_ARTICLES


@dataclass(frozen=True)
class BriefingRun:
    """A batch run: the briefing of the inputs that could be read (None when none
    could) and one ``InputFailure`` per input that could not, in input order."""

    briefing: Briefing | None
    failures: tuple[InputFailure, ...]


class Briefer:
    """Turns articles into briefings, keeping its summarization model loaded."""

    def __init__(
        self,
        *,
        model: str | None = None,
        device: str = "cpu",
        sentences: int = 3,
        words: int | None = None,
        batch_size: int = BATCH_SIZE,
        selection: KeyDateOptions | None = None,
        summarizer: ArticleSummarizer | None = None,
        workers: int = 1,
    ) -> None:
        self.model = model
        self.workers = workers
        self.device = device
        self.sentences = sentences
        self.words = words
        self.batch_size = batch_size
        self.selection = selection or KeyDateOptions()
        if summarizer is not None:
            # Already loaded: Briefers of other options share one model (the desk's
            # requests), and tests can give a summarizer of their own.
            self.__dict__["summarizer"] = summarizer

    def with_options(
        self, *, sentences: int | None = None, words: int | None = None, selection: KeyDateOptions | None = None
    ) -> Briefer:
        """A Briefer with these length and selection options (``sentences`` and
        ``selection`` default to this one's) that shares this one's loaded model."""
        return Briefer(
            model=self.model,
            device=self.device,
            sentences=sentences or self.sentences,
            words=words,
            batch_size=self.batch_size,
            selection=selection or self.selection,
            summarizer=self.summarizer,
        )

    @functools.cached_property
    def summarizer(self) -> ArticleSummarizer:
        """Loaded on first use, once: a batch whose inputs all fail never pays for it."""
        return load_summarizer(self.model, device=self.device)

    def brief(self, articles: Sequence[Article], *, progress: Progress | None = None) -> Briefing:
        """Summarize each article and merge their events into one timeline.

        ``progress`` is called with the number of articles just finished.
        """
        articles, kept, notes = self._prepared(articles)
        articles = [articles[i] for i in kept]
        key_dates = self.selection.key_dates_for(len(articles))
        if key_dates:
            # The encoder that selection needs is loaded before the articles are
            # tagged, so that a model that cannot be had fails before that work.
            from .summarizers.encoder import get_encoder

            get_encoder(self.device)
        analyses = self.analyze(articles, timeline=not key_dates, progress=progress)
        return self._brief_analyses(analyses, notes)

    def brief_analyses(self, analyses: Sequence[ArticleAnalysis]) -> Briefing:
        """The briefing of articles analyzed before (``summarize analyze``), made as
        ``brief`` makes it from the articles: the same selection and merging over the
        same per-article results. An article that a briefing dates anew (a yearless
        dateline given the year of the others) is tagged again from its text."""
        articles, kept, notes = self._prepared([analysis.article for analysis in analyses])
        analyses = [
            analysis if article == analysis.article else reanalyzed(analysis, article)
            for analysis, article in zip(analyses, articles)
        ]
        analyses = [analyses[i] for i in kept]
        if not self.selection.key_dates_for(len(analyses)):
            missing = [analysis.article.source for analysis in analyses if analysis.summary is None]
            if missing:
                raise SummarizeError(
                    f"{missing[0]}: analyzed without a summary, which a briefing of {len(analyses)} articles shows"
                )
        return self._brief_analyses(analyses, notes)

    def _prepared(self, articles: Sequence[Article]) -> tuple[list[Article], list[int], tuple[str, ...]]:
        """What ``brief`` and ``brief_analyses`` do to the articles first: a yearless
        dateline given the year of the others, and the indexes of the articles about the
        query; with the notes of all that after the inputs' own notes."""
        input_notes = tuple(note for article in articles for note in article.notes)
        completed, year_notes = complete_dateline_years(articles)
        kept, query_notes = self._about_query(completed)
        return completed, kept, (*input_notes, *year_notes, *query_notes)

    def analyze(
        self, articles: Sequence[Article], *, timeline: bool = True, progress: Progress | None = None
    ) -> list[ArticleAnalysis]:
        """Each article's own stage (summary and events when ``timeline``, day
        mentions), in order, batch by batch; in ``workers`` processes when there are
        several. A key-date briefing shows neither summaries nor events, and making
        events' headlines is most of an article's time after the summary."""
        batches = [
            list(articles[begin : begin + self.batch_size]) for begin in range(0, len(articles), self.batch_size)
        ]
        if self.workers > 1 and len(batches) > 1:
            from .corpora.workers import analyze_in_workers

            results = analyze_in_workers(self, batches, timeline=timeline)
        else:
            results = (self.analyze_batch(batch, timeline=timeline) for batch in batches)
        analyses: list[ArticleAnalysis] = []
        for done in results:
            analyses.extend(done)
            if progress is not None:
                progress(len(done))
        return analyses

    def analyze_batch(self, batch: Sequence[Article], *, timeline: bool = True) -> list[ArticleAnalysis]:
        """``analyze`` of one batch, in this process."""
        # Stage 3 (a batch at once, the encoder's batches full); stages 2, 4 and 5 per article.
        summaries_of = self._summarize(list(batch)) if timeline and batch else [None] * len(batch)
        return [analyze_article(article, summary, events=timeline) for article, summary in zip(batch, summaries_of)]

    def _brief_analyses(self, analyses: Sequence[ArticleAnalysis], input_notes: tuple[str, ...]) -> Briefing:
        if self.selection.key_dates_for(len(analyses)):
            briefing = self._key_date_briefing(analyses)
            reading = [
                note for a in analyses for note in reading_notes(a.article.source, split_sentences(a.article.text))
            ]
            return dataclasses.replace(briefing, notes=(*input_notes, *reading, *briefing.notes))
        items = [ArticleBriefing(article=a.article, summary=a.summary) for a in analyses]
        reading = [note for a in analyses for note in a.reading_notes]
        briefing = self._assemble(items, [list(a.events) for a in analyses])
        return dataclasses.replace(briefing, notes=(*input_notes, *reading, *briefing.notes))

    def brief_inputs(
        self,
        inputs: Sequence[ArticleInput | InputFailure],
        *,
        stdin: BinaryIO | None = None,
        progress: Progress | None = None,
        timeout: float | None = None,
        allow_private_urls: bool = False,
    ) -> BriefingRun:
        """Read and brief a batch; an input that cannot be read becomes an
        ``InputFailure`` and the briefing is made of the others. URLs are fetched
        within ``timeout`` each, from public addresses only unless ``allow_private_urls``.

        ``progress`` is called once per input read (so a slow URL shows) and once
        per article briefed.
        """
        articles: list[Article] = []
        failures: list[InputFailure] = []
        for item in inputs:
            if isinstance(item, InputFailure):
                failures.append(item)
            else:
                try:
                    options = {} if timeout is None else {"timeout": timeout}
                    articles.append(load_input(item, stdin=stdin, allow_private_urls=allow_private_urls, **options))
                except InputError as error:
                    failures.append(InputFailure(item.source, str(error)))
            if progress is not None:
                progress(1)
        if not articles:
            return BriefingRun(briefing=None, failures=tuple(failures))
        return BriefingRun(briefing=self.brief(articles, progress=progress), failures=tuple(failures))

    def _about_query(self, articles: Sequence[Article]) -> tuple[list[int], tuple[str, ...]]:
        """The indices of the articles holding a query word (all without a query), and
        a note of how many were left out; ``SummarizeError`` when none is left."""
        from .keydates.words import Query

        query = Query(self.selection.query)
        if not query:
            return list(range(len(articles))), ()
        kept = [i for i, a in enumerate(articles) if query.matches(a.text) or query.matches(a.title or "")]
        if not kept:
            raise SummarizeError(f"no article mentions {' or '.join(repr(t) for t in query.terms)} (--query)")
        if len(kept) == len(articles):
            return kept, ()
        return kept, (
            f"{len(articles) - len(kept)} of {len(articles)} articles do not mention "
            f"{' or '.join(repr(t) for t in query.terms)} and are left out (--query).",
        )

    def _key_date_briefing(self, analyses: Sequence[ArticleAnalysis]) -> Briefing:
        from .keydates import select_key_dates
        from .keydates.mentions import reindexed
        from .keydates.picking import minilm_encode

        options = self.selection
        articles = [analysis.article for analysis in analyses]
        selection = select_key_dates(
            articles,
            max_dates=options.max_dates,
            per_date=options.per_date,
            since=options.since,
            until=options.until,
            query=options.query,
            encode=minilm_encode(self.device),
            collection=[reindexed(analysis.mentions, i) for i, analysis in enumerate(analyses)],
        )
        undated = [a.source for a in articles if a.date is None]
        notes = list(selection.notes)
        if undated:
            notes.append(
                f"{len(undated)} of {len(articles)} articles have no known date; their relative "
                f"dates (\u201cSaturday\u201d) place nothing on the timeline."
            )
        return Briefing(
            articles=tuple(ArticleBriefing(article=a, summary=None) for a in articles),
            timeline=Timeline(events=(), anchored=not undated),
            notes=tuple(notes),
            key_dates=selection.key_dates,
            overview=selection.overview,
        )

    def _summarize(self, batch: list[Article]) -> list[Summary]:
        # A summarizer that can take a batch encodes all its sentences in one go; the
        # per-article call is the fallback for summarizers that cannot.
        many = getattr(self.summarizer, "summarize_many", None)
        if many is not None:
            return list(many(batch, sentences=self.sentences, words=self.words))
        return [self.summarizer.summarize(a, sentences=self.sentences, words=self.words) for a in batch]

    def _assemble(self, items: list[ArticleBriefing], per_article: list[list[Event]]) -> Briefing:
        articles = [item.article for item in items]
        # Stage 6: one event per happening across the articles.
        if len(articles) > 1:
            from .summarizers.encoder import get_encoder

            events = merge_events(
                per_article, article_dates=[a.date for a in articles], encode=get_encoder(self.device).encode
            )
        else:
            events = [event for events in per_article for event in events]
        events, dropped, window_notes = self._selected_events(events)
        undated = [a.source for a in articles if a.date is None]
        anchored = not undated
        if anchored:
            notes: tuple[str, ...] = ()
        elif len(articles) == 1:
            notes = (UNKNOWN_DATE_NOTE,)
        elif len(undated) == 1:
            notes = (UNKNOWN_DATES_NOTE.format(what=f"date of {undated[0]} is", whose="its "),)
        else:
            notes = (UNKNOWN_DATES_NOTE.format(what=f"dates of {', '.join(undated)} are", whose="their "),)
        # Stage 7: the events in order (stage 8, rendering, is the caller's).
        timeline = build_timeline(events, anchored=anchored)
        if dropped:
            timeline = dataclasses.replace(timeline, dropped=build_timeline(dropped, anchored=anchored).events)
        return Briefing(articles=tuple(items), timeline=timeline, notes=(*notes, *window_notes))

    def _selected_events(self, events: list[Event]) -> tuple[list[Event], list[Event], tuple[str, ...]]:
        """The events whose sentence holds a query word and whose dates overlap the
        --since/--until window, and the others (in the order given); an event of
        unknown calendar date cannot be placed in a window, so a window leaves it
        out, and a note says how many went."""
        from .keydates.words import Query
        from .merging import date_span

        options = self.selection
        query = Query(options.query)
        kept = [event for event in events if query.matches(event.sentence)]
        off_query = [event for event in events if not query.matches(event.sentence)]
        if options.since is None and options.until is None:
            return kept, off_query, ()
        first = options.since or dt.date.min
        last = options.until or dt.date.max
        inside: list[Event] = []
        outside: list[Event] = []
        for event in kept:
            span = date_span(event.value, event.end_value)
            (inside if span is not None and span[0] <= last and first <= span[1] else outside).append(event)
        window = " to ".join(d.isoformat() if d else "…" for d in (options.since, options.until))
        notes = (
            (f"{len(outside)} events outside {window} or of unknown date are left out (--since/--until).",)
            if outside
            else ()
        )
        # Back in the order given, whichever test dropped them.
        left_out = {id(event) for event in (*off_query, *outside)}
        dropped = [event for event in events if id(event) in left_out]
        return inside, dropped, notes


def complete_dateline_years(articles: Sequence[Article]) -> tuple[list[Article], tuple[str, ...]]:
    """Date the articles whose dateline has no year by the other articles' dates
    ("BAGHDAD, June 22 (Reuters) -" beside a page of 23 June 2014), with a note for
    each, since the year is inferred rather than read; and note a page whose
    metadata date differs from its dateline's (the metadata is used)."""
    known = [article.date for article in articles if article.date is not None]
    completed, notes = [], []
    for article in articles:
        dateline = find_dateline(article.dateline) if article.dateline else None
        if dateline is not None and article.date is not None and article.date_source in ("metadata", "url"):
            said = dateline.date(article.date.year)
            if said is not None and said != article.date:
                where = "metadata" if article.date_source == "metadata" else "address"
                notes.append(
                    f"{article.source}: the page {where} dates it {article.date:%a %-d %b %Y}, its dateline "
                    f"{said:%a %-d %b %Y}; its relative dates are resolved against the page {where}."
                )
        date = year_from_briefing(dateline, known) if dateline is not None and article.date is None else None
        if date is None:
            completed.append(article)
            continue
        completed.append(dataclasses.replace(article, date=date, date_source="dateline"))
        notes.append(
            f"The dateline of {article.source} (\u201c{article.dateline}\u201d) gives no year; "
            f"{date.year} is taken from the dates of the other articles."
        )
    return completed, tuple(notes)


def build_briefing(
    sources: Sequence[str | Article],
    *,
    date: dt.date | None = None,
    model: str | None = None,
    device: str = "cpu",
    sentences: int = 3,
    words: int | None = None,
) -> Briefing:
    """Load, summarize and date ``sources`` (paths, URLs, "-" for stdin, or ``Article``s).

    ``date`` is the article date for every source read here; articles passed as
    ``Article`` keep their own. The first input that cannot be read raises
    ``InputError``; ``Briefer.brief_inputs`` briefs the rest instead.
    """
    articles = []
    for source in sources:
        if isinstance(source, Article):
            articles.append(source)
        else:
            (item,) = inputs_from_args([source], date=date)
            articles.append(load_input(item))
    return Briefer(model=model, device=device, sentences=sentences, words=words).brief(articles)
