"""Local worker processes for the per-article stage (``--workers N``).

Each worker loads the model once (``Briefer`` in the initializer) and takes whole
batches, so the encoder still fills its batches; results come back in input order.
At most ``IN_FLIGHT_PER_WORKER`` batches per worker are handed out ahead of the one
being collected, so a corpus of any size streams through in flat memory (the
standard ``Pool.imap`` reads its whole input ahead).

Processes are started with "spawn", not "fork": a forked child would inherit the
parent's threads (ONNX Runtime's, tqdm's monitor) in whatever state they were in.
A spawned child re-imports the package from the parent's ``sys.path``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..models import Article, ArticleAnalysis
    from ..pipeline import Briefer

# Batches queued per worker beyond the one it runs: one keeps it busy while the
# parent collects; more would only hold memory.
IN_FLIGHT_PER_WORKER = 2

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to make the parent's ``Briefer`` (its model settings)."""

    model: str | None
    device: str
    sentences: int
    words: int | None
    threads: int | None
    batch_size: int

    @classmethod
    def of(cls, briefer: Briefer) -> WorkerSettings:
        from ..summarizers.encoder import get_threads

        return cls(
            model=briefer.model,
            device=briefer.device,
            sentences=briefer.sentences,
            words=briefer.words,
            threads=get_threads(),
            batch_size=briefer.batch_size,
        )

    def briefer(self) -> Briefer:
        from ..pipeline import Briefer

        return Briefer(
            model=self.model, device=self.device, sentences=self.sentences, words=self.words, batch_size=self.batch_size
        )


# The worker's own Briefer, made once by ``_start`` (one per process).
_worker_briefer: Briefer | None = None


def _start(settings: WorkerSettings) -> None:
    global _worker_briefer
    from ..summarizers.encoder import set_threads

    set_threads(settings.threads if settings.threads is not None else 1)
    _worker_briefer = settings.briefer()


def worker_briefer() -> Briefer:
    """The ``Briefer`` of this worker process."""
    assert _worker_briefer is not None, "not in a worker started by ordered_map"
    return _worker_briefer


def ordered_map(task: Callable[[T], R], items: Iterable[T], *, settings: WorkerSettings, workers: int) -> Iterator[R]:
    """``task(item)`` for each item in ``workers`` processes, yielded in input order;
    ``task`` must be a module-level function (it is pickled by name) and may call
    ``worker_briefer()``. The items are read only as results are collected."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(settings,)) as pool:
        pending: deque[Future] = deque()
        for item in items:
            pending.append(pool.submit(task, item))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _analyze_batch(job: tuple[list[Article], bool]) -> list[ArticleAnalysis]:
    batch, timeline = job
    return worker_briefer().analyze_batch(batch, timeline=timeline)


def analyze_in_workers(
    briefer: Briefer, batches: Iterable[list[Article]], *, timeline: bool
) -> Iterator[list[ArticleAnalysis]]:
    """``briefer.analyze_batch`` of each batch, in ``briefer.workers`` processes."""
    jobs: Iterable[Any] = ((batch, timeline) for batch in batches)
    return ordered_map(_analyze_batch, jobs, settings=WorkerSettings.of(briefer), workers=briefer.workers)
