"""Throughput of the per-article stage: ``summarize analyze`` on one machine, with 1
and 2 local worker processes and on a local Ray with 1 and 2 actors.

    PYTHONPATH=. .venv/bin/python benchmarks/throughput.py [--articles 1000]
        [--corpus ../shared/eval/cnndm-dev.jsonl] [--runs local:1,local:2,ray:1,ray:2]

Every run analyzes the same corpus: --articles CNN/DailyMail dev-set articles (the
247 of the file repeated, each repeat another source, all dated 2015-04-15), written
to a temporary directory (never into the project). Each run is a whole
``summarize analyze`` process, timed from start to exit: model loading and, for
Ray, starting Ray are included, as a user pays them. Articles/s are reported beside
their ratio to the first run (one process) of the same invocation, since the
machine is shared and absolute figures move from run to run; CPU seconds (the
command and every process it started, Ray's included, by the kernel's accounting:
``benchmarks.common.measure``) give articles per CPU second, what one core does
whatever the neighbours take. Peak memory is each process's peak resident set
(VmHWM), sampled from /proc over the run's process tree: the command's own
process, and the largest other (a worker, an actor, Ray's own processes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import find_shared, measure_analyze, read_jsonl, repeat_corpus  # noqa: E402

DEFAULT_CORPUS = find_shared("eval/cnndm-dev.jsonl")
DATE = "2015-04-15"


def write_corpus(source: Path, count: int, path: Path) -> None:
    records = [{"text": record["article"], "date": DATE, "source": record["id"]} for record in read_jsonl(source)]
    repeat_corpus(records, count, path)


def run(engine: str, workers: int, corpus: Path, out: Path) -> dict:
    """One timed ``summarize analyze``; its wall time, CPU and peak memory per process."""
    measured = measure_analyze(engine, workers, corpus, out)
    lines = sum(1 for _ in out.open())
    return {
        "seconds": measured.wall,
        "cpu": measured.cpu,
        "articles": lines,
        "main_mb": measured.command_mb,
        "worker_mb": measured.others_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--runs",
        default="local:1,local:2,ray:1,ray:2",
        help="ENGINE:WORKERS, comma-separated; the first is the baseline",
    )
    args = parser.parse_args()
    runs = [(engine, int(workers)) for engine, workers in (r.split(":") for r in args.runs.split(","))]
    with tempfile.TemporaryDirectory(prefix="summarize-throughput-") as directory:
        corpus = Path(directory) / "corpus.jsonl"
        write_corpus(args.corpus, args.articles, corpus)
        print(
            f"{args.articles} articles of {args.corpus.name}, {os.cpu_count()} CPUs; whole processes, start-up included"
        )
        print(
            f"{'run':<10} {'seconds':>8} {'articles/s':>11} {'ratio':>6} {'CPU s':>7} {'per CPU s':>10} "
            f"{'main MB':>8} {'worker MB':>10}"
        )
        baseline = None
        for engine, workers in runs:
            result = run(engine, workers, corpus, Path(directory) / f"{engine}-{workers}.jsonl")
            rate = result["articles"] / result["seconds"]
            baseline = baseline or rate
            print(
                f"{engine}:{workers:<4} {result['seconds']:>8.1f} {rate:>11.2f} {rate / baseline:>5.2f}x "
                f"{result['cpu']:>7.1f} {result['articles'] / max(result['cpu'], 1e-9):>10.2f} "
                f"{result['main_mb']:>8.0f} {result['worker_mb']:>10.0f}",
                flush=True,
            )
        print(f"load average during the runs: {os.getloadavg()[0]:.1f} (other jobs share the CPUs)")


if __name__ == "__main__":
    main()
