"""``summarize analyze``: the per-article stage over a corpus of any size.

A JSON Lines corpus in, one analysis line per article out (``analysis_json.py``), in
input order, written batch by batch: memory holds a few batches whatever the size
of the corpus. The output is its own checkpoint: lines already in it are not
analyzed again, so an interrupted run goes on where it stopped (a line cut short
by the interruption is dropped and redone). A line that cannot be read or analyzed
becomes an error line and the rest go on.

``analyze_items`` is the unit of work every engine runs (here, in worker
processes, or in Ray actors), so that their outputs are equal line for line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from ..errors import InputError, OutputError, SummarizeError
from ..inputs.loading import ArticleInput, InputFailure, iter_jsonl, load_input
from ..inputs.web import DEFAULT_TIMEOUT
from ..models import Article
from ..pipeline import Briefer
from .analysis_json import analysis_line, failure_line, read_analysis_line

# One corpus line, numbered: what the engines hand out.
Item = tuple[int, "ArticleInput | InputFailure"]
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Reading:
    """How inputs are read: URL fetches' deadline and address check (as for brief)."""

    timeout: float | None = None
    allow_private_urls: bool = False


@dataclass(frozen=True)
class AnalyzeRun:
    """What a run did: lines analyzed now, lines found already done in the output
    (a resumed run), and the lines that failed now, in input order."""

    analyzed: int
    resumed: int
    failures: tuple[InputFailure, ...]


def analyze_items(
    briefer: Briefer, items: Sequence[Item], reading: Reading = Reading()
) -> list[tuple[str, InputFailure | None]]:
    """Read and analyze a batch of numbered corpus lines: each one's output line,
    with its failure when it has one. Articles are summarized together (one batch
    of the encoder)."""
    timeout = DEFAULT_TIMEOUT if reading.timeout is None else reading.timeout
    loaded: list[tuple[int, Article] | tuple[int, InputFailure]] = []
    for number, item in items:
        if isinstance(item, InputFailure):
            loaded.append((number, item))
            continue
        try:
            loaded.append((number, load_input(item, allow_private_urls=reading.allow_private_urls, timeout=timeout)))
        except InputError as error:
            loaded.append((number, InputFailure(item.source, str(error))))
    articles = [value for _, value in loaded if isinstance(value, Article)]
    analyses = iter(briefer.analyze_batch(articles))
    lines: list[tuple[str, InputFailure | None]] = []
    for number, value in loaded:
        if isinstance(value, InputFailure):
            lines.append((failure_line(number, value.source, value.message), value))
        else:
            lines.append((analysis_line(number, next(analyses)), None))
    return lines


def _analyze_items_in_worker(job: tuple[list[Item], Reading]) -> list[tuple[str, InputFailure | None]]:
    from .workers import worker_briefer

    items, reading = job
    return analyze_items(worker_briefer(), items, reading)


def analyze_corpus(
    corpus: str,
    out: str,
    *,
    briefer: Briefer,
    date: dt.date | None = None,
    reading: Reading = Reading(),
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> AnalyzeRun:
    """Analyze the JSON Lines ``corpus`` ("-": ``stdin``) into the file ``out``,
    going on after the lines already in it; ``briefer.workers`` processes when
    several. ``date`` (--date) dates every article. ``progress`` gets the number
    of lines just written."""
    resumed = resume_point(out)
    batches = _batches(
        ((n, item) for n, item in iter_jsonl(corpus, date=date, stdin=stdin) if n > resumed), briefer.batch_size
    )
    if briefer.workers > 1:
        from .workers import WorkerSettings, ordered_map

        results: Iterable[list[tuple[str, InputFailure | None]]] = ordered_map(
            _analyze_items_in_worker,
            ((batch, reading) for batch in batches),
            settings=WorkerSettings.of(briefer),
            workers=briefer.workers,
        )
    else:
        results = (analyze_items(briefer, batch, reading) for batch in batches)
    analyzed = 0
    failures: list[InputFailure] = []
    with _open_out(out) as handle:
        for lines in results:
            # One write and flush per batch: an interruption leaves whole batches
            # and at most one cut line, which the next run drops.
            handle.write("".join(text + "\n" for text, _ in lines))
            handle.flush()
            analyzed += sum(failure is None for _, failure in lines)
            failures.extend(failure for _, failure in lines if failure is not None)
            if progress is not None:
                progress(len(lines))
    return AnalyzeRun(analyzed=analyzed, resumed=resumed, failures=tuple(failures))


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _open_out(out: str) -> TextIO:
    try:
        return open(out, "a", encoding="utf-8", newline="\n")
    except OSError as error:
        raise OutputError(f"{out}: cannot write ({error.strerror})") from None


def resume_point(out: str) -> int:
    """The last input line the analysis file ``out`` holds (0 when it is new or
    empty), read line by line. A last line cut short (the run was killed while
    writing it) is cut off the file, to be analyzed again."""
    if not os.path.exists(out):
        return 0
    last, complete = 0, 0
    try:
        with open(out, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.endswith(b"\n"):
                    break
                line = _line_number(raw, f"{out}:{number}")
                if line <= last:
                    raise SummarizeError(
                        f"{out}:{number}: line {line} comes after line {last}: not an output of summarize analyze"
                    )
                last, complete = line, complete + len(raw)
        if complete < os.path.getsize(out):
            os.truncate(out, complete)
    except OSError as error:
        raise OutputError(f"{out}: cannot read or truncate ({error.strerror})") from None
    return last


def _line_number(raw: bytes, where: str) -> int:
    # Only the line number is needed; the full check is brief --from-analysis's.
    try:
        record = json.loads(raw)
        return int(record["line"])
    except (ValueError, KeyError, TypeError):
        raise SummarizeError(f"{where}: not a line of summarize analyze; give a new --out file") from None


def read_analyses(path: str, *, stdin: BinaryIO | None = None) -> tuple[list, list[InputFailure]]:
    """The analyses of an analysis file in order, and its error lines as failures
    (``brief --from-analysis``); ``InputError`` for a line that is not one."""
    from ..inputs.loading import _open_corpus

    analyses, failures = [], []
    with _open_corpus(path, stdin) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{where}: not UTF-8 text") from None
            record = read_analysis_line(text, where)
            if record.analysis is None:
                failures.append(InputFailure(record.source, record.error or "not analyzed"))
            else:
                analyses.append(record.analysis)
    if not analyses and not failures:
        raise InputError(f"{path}: the file is empty: no analyses in it")
    return analyses, failures
