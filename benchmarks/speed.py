"""Speed of `summarize` on the sample article: cold command and warm per-article time.

    .venv/bin/python benchmarks/speed.py [--runs 3] [--warm 20]

Cold: the whole `summarize ARTICLE --date ... --format json` command, start to exit
(interpreter start, imports, model load), median of --runs, beside a peer command in
the same run: `python -c "import transformers, torch"`, the floor any transformers
tool pays before it does anything.
Warm: seconds per article with the model loaded (Briefer.brief on the sample, median
of --warm), beside a peer in the same process doing the same two jobs with common
libraries: sumy's LexRank summary + dateparser's search_dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmarks.rouge, and the checkout's summarize, run from anywhere
SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
DATE = dt.date(2014, 6, 22)


def timed_command(command: list[str], runs: int) -> float:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_ours(runs: int) -> float:
    from summarize.inputs.loading import load_article
    from summarize.pipeline import Briefer
    from summarize.summarizers.encoder import set_threads

    set_threads(1)  # as the CLI does for the MiniLM default
    briefer = Briefer()
    article = load_article(str(SAMPLE), date=DATE)
    briefer.brief([article])  # first call pays lazy initialisation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        briefer.brief([article])
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_peer(runs: int) -> float | None:
    try:
        from dateparser.search import search_dates
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
    except ImportError:
        return None
    from benchmarks.rouge import _SumyTokenizer as SumyTokenizer  # sumy without NLTK data
    from summarize.inputs.loading import load_article

    text = load_article(str(SAMPLE)).text
    summarizer = LexRankSummarizer()
    tokenizer = SumyTokenizer()
    settings = {"RELATIVE_BASE": dt.datetime(2014, 6, 22)}

    def job() -> None:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)
        search_dates(text, languages=["en"], settings=settings)

    job()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold runs (median)")
    parser.add_argument("--warm", type=int, default=20, help="warm runs (median)")
    args = parser.parse_args()

    summarize_cmd = [sys.executable, "-m", "summarize", str(SAMPLE), "--date", DATE.isoformat(), "--format", "json"]
    floor_cmd = [sys.executable, "-c", "import transformers, torch"]
    cold = timed_command(summarize_cmd, args.runs)
    floor = timed_command(floor_cmd, args.runs)
    print(f"cold `summarize` on the sample:            {cold:6.2f} s (median of {args.runs})")
    print(f"peer: python -c 'import transformers, torch': {floor:6.2f} s -> cold/peer = {cold / floor:.2f}x")

    ours = warm_ours(args.warm)
    print(f"warm per article (model loaded):           {ours * 1000:7.1f} ms (median of {args.warm})")
    peer = warm_peer(args.warm)
    if peer is None:
        print("peer sumy LexRank + dateparser.search_dates: not installed (pip install -e '.[bench]')")
    else:
        print(f"peer sumy LexRank + dateparser.search_dates: {peer * 1000:7.1f} ms -> ours/peer = {ours / peer:.1f}x")


if __name__ == "__main__":
    main()
