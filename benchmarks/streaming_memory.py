"""Memory flat in the corpus size: ``summarize analyze``'s peak memory over N and
4N articles, for each engine.

    PYTHONPATH=. .venv/bin/python benchmarks/streaming_memory.py [--articles 250]
        [--runs local:1,local:2,ray:2] [--padding-kb 0] [--corpus ../shared/eval/cnndm-dev.jsonl]

Each run is a whole ``summarize analyze`` process measured by
``benchmarks.common.measure``: "peak" is the largest peak resident set of any one
process of the run (the command, a worker, a Ray actor, Ray's raylet...) as the
kernel accounted it, and "command" the command's own. The corpora are the
CNN/DailyMail dev-set articles repeated to N and 4N lines (written to a temporary
directory, never into the project). With ``--padding-kb K`` every article is an
HTML page that also holds K KB of comment, dropped when the page is read: lines or
inputs held in memory (a corpus read whole, batches queued without bound) then show
in the peak (``common.repeat_corpus``). Target (issue 13): the 4N
peak at most 1.15 times the N peak, for both figures; the exit code is 1 when a
run is over it. Memory does not depend on the machine's load, so these figures
can be taken on a shared machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Measured, find_shared, measure_analyze, read_jsonl, repeat_corpus  # noqa: E402

DEFAULT_CORPUS = find_shared("eval/cnndm-dev.jsonl")
DATE = "2015-04-15"
LIMIT = 1.15  # the 4N peak over the N peak


def corpus_records(path: Path) -> list[dict]:
    """A corpus's articles as ``{"text", "date", "source"}``: a JSON Lines corpus of
    summarize's, or the CNN/DailyMail file (``article``, ``id``; dated ``DATE``)."""
    records = read_jsonl(path)
    if records and "article" in records[0]:
        return [{"text": r["article"], "date": DATE, "source": r["id"]} for r in records]
    return records


def analyze(engine: str, workers: int, corpus: Path, out: Path) -> Measured:
    """One whole ``summarize analyze`` of ``corpus``, measured; ``SystemExit`` when it fails."""
    return measure_analyze(engine, workers, corpus, out, timeout=3600)


def compare(
    engine: str, workers: int, records: list[dict], articles: int, directory: Path, *, padding_kb: int = 0
) -> tuple[Measured, Measured]:
    """``summarize analyze`` over ``articles`` and over 4 x ``articles`` lines."""
    runs = []
    for count in (articles, 4 * articles):
        corpus, out = directory / f"corpus-{count}.jsonl", directory / f"{engine}-{workers}-{count}.jsonl"
        if not corpus.exists():
            repeat_corpus(records, count, corpus, padding_kb=padding_kb)
        out.unlink(missing_ok=True)
        runs.append(analyze(engine, workers, corpus, out))
        if sum(1 for _ in out.open()) != count:
            raise SystemExit(f"{out}: not {count} lines")
    return runs[0], runs[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=250, help="N (default: 250; 4N = 1,000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--padding-kb", type=int, default=0, help="KB of HTML comment in every article (default: 0)")
    parser.add_argument("--runs", default="local:1,local:2,ray:2", help="ENGINE:WORKERS, comma-separated")
    args = parser.parse_args()
    records = corpus_records(args.corpus)
    over = False
    print(
        f"N = {args.articles} and 4N = {4 * args.articles} articles of {args.corpus.name}, lines padded by "
        f"{args.padding_kb} KB; peak resident set in MB (peak: the largest process; command: its own)"
    )
    print(f"{'run':<9} {'peak N':>7} {'peak 4N':>8} {'ratio':>6} {'command N':>10} {'command 4N':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="summarize-memory-") as directory:
        for engine, workers in (run.split(":") for run in args.runs.split(",")):
            small, large = compare(
                engine, int(workers), records, args.articles, Path(directory), padding_kb=args.padding_kb
            )
            ratio, command_ratio = large.peak_mb / small.peak_mb, large.command_mb / small.command_mb
            over |= ratio > LIMIT or command_ratio > LIMIT
            print(
                f"{engine}:{workers:<3} {small.peak_mb:>7.0f} {large.peak_mb:>8.0f} {ratio:>5.2f}x "
                f"{small.command_mb:>10.0f} {large.command_mb:>11.0f} {command_ratio:>5.2f}x",
                flush=True,
            )
    print(f"target: 4N at most {LIMIT:.2f}x N: {'NOT MET' if over else 'met'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
