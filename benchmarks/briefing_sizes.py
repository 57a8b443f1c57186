"""Throughput of multi-article briefings: articles per second for 1, 10 and 100 articles.

    PYTHONPATH=. .venv/bin/python benchmarks/briefing_sizes.py [--sizes 1,10,100] [--runs 3]
        [--corpus ../shared/eval/cnndm-dev.jsonl] [--date 2015-04-15] [--unbatched]

One process, the model loaded once (``Briefer``); each size is a briefing of that many
CNN/DailyMail dev-set articles (repeated when the size exceeds the 247 in the file),
summarized in batches and merged into one timeline, best of --runs. Size 1 briefs the
first ten articles one at a time, so that it measures the same text as size 10. The articles carry
no date, so all are given --date: relative dates then resolve and merging compares real
dates, as in a briefing of dated news. Peak memory is the process's maximum resident set
size (ru_maxrss) after each size: model, tokenizer and torch included.

Throughput must not fall as the briefing grows: the per-article work is the same and the
batch fills the encoder's batches; cross-article merging is one similarity matrix.
--unbatched also briefs the largest size one article per call (batch size 1) to show what
batching gives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import find_shared, peak_rss_mb, read_jsonl  # noqa: E402

MIN_ARTICLES_TIMED = 10
DEFAULT_CORPUS = find_shared("eval/cnndm-dev.jsonl")


def load_corpus(path: Path, count: int, date: dt.date):
    from summarize.inputs.loading import article_from_text

    records = read_jsonl(path)
    articles = []
    for n in range(count):
        record = records[n % len(records)]
        # The repeat number keeps sources distinct: a repeated article is another source.
        articles.append(article_from_text(record["article"], source=f"{record['id']}#{n // len(records)}", date=date))
    return articles


def timed(briefer, articles, size: int, runs: int) -> tuple[float, float, int]:
    """Brief ``articles`` in briefings of ``size`` (at least the first ten articles, so
    that a size of 1 is not one article's length): the best wall-clock time of
    ``runs``, the CPU time of that run (all threads), and the articles briefed.

    The best run, as timeit does: on a shared machine the slower runs measure the
    neighbours. CPU time beside it shows whether the run had the CPUs to itself.
    """
    count = max(size, MIN_ARTICLES_TIMED)
    windows = [articles[begin : begin + size] for begin in range(0, count, size)]
    best = (float("inf"), 0.0)
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        for window in windows:
            briefer.brief(window)
        best = min(best, (time.perf_counter() - start, time.process_time() - cpu))
    return (*best, sum(len(window) for window in windows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="briefing sizes in articles (default: 1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median; default: 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines with an 'article' field")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2015, 4, 15))
    parser.add_argument("--unbatched", action="store_true", help="also brief the largest size one article a call")
    parser.add_argument(
        "--threads",
        type=int,
        help="torch threads (default: torch's choice, one per core); "
        "1 gives steadier figures on a shared machine, where idle threads spin on busy cores",
    )
    args = parser.parse_args()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    from summarize.pipeline import BATCH_SIZE, Briefer

    sizes = [int(size) for size in args.sizes.split(",")]
    articles = load_corpus(args.corpus, max(*sizes, MIN_ARTICLES_TIMED), args.date)
    words = sum(len(a.text.split()) for a in articles[: max(sizes)]) / max(sizes)
    print(
        f"corpus: {args.corpus.name}, {max(sizes)} articles of {words:.0f} words on average; "
        f"batch size {BATCH_SIZE}; {args.runs} runs per size"
    )
    baseline = peak_rss_mb()
    start = time.perf_counter()
    briefer = Briefer()
    briefer.brief(articles[:2])  # loads the model and the encoder once; not timed below
    print(
        f"model load + first briefing: {time.perf_counter() - start:.2f} s, "
        f"peak RSS {peak_rss_mb():.0f} MB (before: {baseline:.0f} MB)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, torch threads {_torch_threads()}")
    print(f"{'articles':>8}  {'seconds':>8}  {'articles/s':>10}  {'CPU s/article':>13}  {'peak RSS MB':>11}")
    for size in sizes:
        seconds, cpu, count = timed(briefer, articles, size, args.runs)
        print(
            f"{size:8d}  {seconds:8.2f}  {count / seconds:10.2f}  {cpu / count:13.3f}  {peak_rss_mb():11.0f}"
            + (f"  ({count // size} briefings)" if count > size else "")
        )
    if args.unbatched:
        size = max(sizes)
        unbatched = Briefer(batch_size=1)
        unbatched.brief(articles[:1])
        seconds, cpu, count = timed(unbatched, articles, size, args.runs)
        print(
            f"{size:8d}  {seconds:8.2f}  {count / seconds:10.2f}  {cpu / count:13.3f}  {peak_rss_mb():11.0f}"
            "  (batch size 1)"
        )


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


if __name__ == "__main__":
    main()
