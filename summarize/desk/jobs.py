"""Briefing requests: read, briefed on a worker thread, stored; long ones in the background.

A request of one article is briefed while the client waits (a fraction of a second
with the model loaded) and answered with the finished briefing. A longer one is
stored as "running" at once and briefed in the background; its progress (steps
done of steps in all: each input read, each article briefed) is kept here while it
runs. Either way the work runs on the desk's one worker thread, never on the
server's event loop, and one at a time, since the model is shared and the CPU is
what limits.

A briefing still running when the server stops is marked failed when a desk opens
the database next (``Desk.recover``): the worker that was making it is gone.

PDF exports print with a Chromium process each (a few hundred MB and a core for a
second or two), so at most ``pdf_printers`` print at once (``Desk.printer``); a
request waits its turn up to ``pdf_wait`` seconds, on the event loop (waiting holds
no thread), then gets a 503: fifty PDF requests at once never start fifty browsers.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import logging
import threading
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..errors import BrowserError, InputError, SummarizeError
from ..inputs.dates import parse_date
from ..inputs.loading import ArticleInput, InputFailure, input_from_record
from ..models import Briefing
from ..pipeline import Briefer, BriefingRun, KeyDateOptions
from ..rendering import render
from .editing import dropped_json
from .models import DONE, BriefingRequest, Failure, StoredBriefing
from .storage import Store

log = logging.getLogger(__name__)

INTERRUPTED = "the server stopped before this briefing was finished; make it again"

# Chromium processes printing PDFs at once, and how long a PDF request waits for one.
PDF_PRINTERS = 2
PDF_WAIT_SECONDS = 30.0


class Desk:
    """Makes and stores briefings with one loaded ``Briefer``."""

    def __init__(
        self,
        store: Store,
        briefer: Briefer,
        *,
        allow_private_urls: bool = False,
        pdf_printers: int = PDF_PRINTERS,
        pdf_wait: float = PDF_WAIT_SECONDS,
    ) -> None:
        self.store = store
        self.briefer = briefer
        self.allow_private_urls = allow_private_urls
        self.pdf_printers = pdf_printers
        self.pdf_wait = pdf_wait
        self._printers = asyncio.Semaphore(pdf_printers)
        self.worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="summarize-desk")
        self._progress: dict[int, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def recover(self) -> int:
        """Mark the briefings a stopped server left running as failed; how many."""
        return self.store.fail_interrupted(INTERRUPTED)

    def close(self) -> None:
        self.worker.shutdown(wait=False, cancel_futures=True)

    @contextlib.asynccontextmanager
    async def printer(self) -> AsyncIterator[None]:
        """A turn to print a PDF: one of ``pdf_printers``, waited for up to
        ``pdf_wait`` seconds; ``BrowserError`` (503) when none came free."""
        try:
            await asyncio.wait_for(self._printers.acquire(), self.pdf_wait)
        except asyncio.TimeoutError:
            raise BrowserError(
                f"the desk is printing {self.pdf_printers} PDFs already and none finished within "
                f"{self.pdf_wait:g} s: try again in a moment"
            ) from None
        try:
            yield
        finally:
            self._printers.release()

    def progress(self, id: int) -> tuple[int, int] | None:
        """Steps done and steps in all of a briefing running in the background."""
        with self._lock:
            return self._progress.get(id)

    async def create(self, request: BriefingRequest) -> StoredBriefing:
        """Brief ``request``: finished when it is one article, else running."""
        # On a thread: dateparser and a first model load take their time.
        briefer, inputs = await run_in_threadpool(self._prepare, request)
        if len(inputs) == 1:
            run = await asyncio.wrap_future(self.worker.submit(self._brief, briefer, inputs, request, None))
            briefing = run.briefing
            if briefing is None:
                raise InputError(run.failures[0].message)
            document = _document(briefing)
            return await run_in_threadpool(
                lambda: self.store.add(
                    title=_title(request, document),
                    options=request.options(),
                    articles=1,
                    status=DONE,
                    document=document,
                    dropped=dropped_json(briefing),
                    failures=_failures(run),
                )
            )
        stored = await run_in_threadpool(
            lambda: self.store.add(
                title=request.title or f"Briefing of {len(inputs)} articles",
                options=request.options(),
                articles=len(inputs),
            )
        )
        with self._lock:
            self._progress[stored.id] = (0, 2 * len(inputs))
        self.worker.submit(self._background, stored.id, briefer, inputs, request)
        return stored

    def _prepare(self, request: BriefingRequest) -> tuple[Briefer, list[ArticleInput | InputFailure]]:
        """The Briefer of the request's options and its inputs; ``SummarizeError``
        for what cannot be read (a date, a corpus line) before anything is stored."""
        if request.count == 0:
            raise SummarizeError('give at least one article: "texts", "urls" or "articles"')
        date = parse_date(request.date) if request.date is not None else None
        selection = KeyDateOptions.read(
            date=date,
            since=request.since,
            until=request.until,
            query=request.query,
            max_dates=request.max_dates,
            per_date=request.per_date,
        )
        date_source = "--date" if date else None
        inputs: list[ArticleInput | InputFailure] = [
            ArticleInput(kind="text", value=text, source=f"text {number}", date=date, date_source=date_source)
            for number, text in enumerate(request.texts, start=1)
        ]
        inputs += [
            ArticleInput(kind="url", value=url, source=url, date=date, date_source=date_source) for url in request.urls
        ]
        for number, record in enumerate(request.articles, start=1):
            inputs.append(input_from_record(record, where=f"article {number}", date=date))
        return self.briefer.with_options(sentences=request.sentences, words=request.words, selection=selection), inputs

    def _brief(
        self, briefer: Briefer, inputs: list[ArticleInput | InputFailure], request: BriefingRequest, progress: Any
    ) -> BriefingRun:
        return briefer.brief_inputs(
            inputs, progress=progress, timeout=request.timeout, allow_private_urls=self.allow_private_urls
        )

    def _background(
        self, id: int, briefer: Briefer, inputs: list[ArticleInput | InputFailure], request: BriefingRequest
    ) -> None:
        def advance(steps: int) -> None:
            with self._lock:
                done, total = self._progress.get(id, (0, 0))
                self._progress[id] = (min(done + steps, total), total)

        try:
            run = self._brief(briefer, inputs, request, advance)
            if run.briefing is None:
                self.store.fail(id, "no article could be read", failures=_failures(run))
            else:
                document = _document(run.briefing)
                self.store.finish(
                    id,
                    title=_title(request, document),
                    document=document,
                    dropped=dropped_json(run.briefing),
                    failures=_failures(run),
                )
        except SummarizeError as error:
            self.store.fail(id, str(error))
        except Exception as error:  # a bug: said in the briefing and logged, the worker goes on
            log.exception("briefing %s failed", id)
            self.store.fail(id, f"internal error: {type(error).__name__}: {error} (please report this)")
        finally:
            with self._lock:
                self._progress.pop(id, None)


def _document(briefing: Briefing) -> dict[str, Any]:
    # The stored document is the CLI's JSON output itself, parsed.
    return json.loads(render(briefing, "json"))


def _failures(run: BriefingRun) -> list[Failure]:
    return [Failure(failure.source, failure.message) for failure in run.failures]


def _title(request: BriefingRequest, document: dict[str, Any]) -> str:
    """The title given, else the article's title, else the first article's "and N more"."""
    if request.title:
        return request.title
    articles = document["articles"]
    titles = [article["title"] for article in articles if article.get("title")]
    first = titles[0] if titles else articles[0]["source"]
    return first if len(articles) == 1 else f"{first} and {len(articles) - 1} more"
