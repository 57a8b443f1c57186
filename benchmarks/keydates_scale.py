#!/usr/bin/env python3
"""Time whole key-date briefings of many articles, beside a one-article briefing.

    python benchmarks/keydates_scale.py [--articles 300,1500] [--runs 1]

Builds JSON Lines corpora of N articles from the Timeline17 dev topics (repeated
when N is larger than the 1,170 articles there), then runs the command a user
runs, ``summarize brief --jsonl CORPUS --format json -o OUT``, as a whole process,
and the same command on the sample article (the peer), in the same invocation.
Prints wall and CPU seconds and the process's peak RSS, and the ratio to the peer.
Targets (issue 10): 300 articles in <= 60 s with peak RSS <= 1.5 GB; 1,500 in <= 5 min.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import find_shared, read_jsonl  # noqa: E402


def corpus(path: Path, count: int) -> None:
    """``count`` articles of the dev topics, in topic and date order, repeated as needed."""
    pool = [
        row
        for topic in sorted(find_shared("eval/tls").iterdir())
        if (topic / "articles.jsonl").is_file()
        for row in read_jsonl(topic / "articles.jsonl")
    ]
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            row = dict(pool[n % len(pool)])
            row["source"] = f"{row['source']}#{n // len(pool)}"
            f.write(json.dumps(row) + "\n")


def timed(command: list[str]) -> tuple[float, float, float, int]:
    """Wall s, CPU s (user + sys of the child) and peak RSS MB of one finished run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    done = subprocess.run(command, capture_output=True, env=env, cwd=REPO)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode()[-2000:]}")
    # ru_maxrss of children is the largest child so far: the peer runs first and is smallest.
    return wall, cpu, after.ru_maxrss / 1024, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="300,1500", help="comma-separated corpus sizes")
    args = parser.parse_args(argv)
    summarize = [sys.executable, "-m", "summarize", "brief"]
    with tempfile.TemporaryDirectory(prefix="keydates-scale-") as scratch:
        out = Path(scratch) / "out.json"
        peer = timed(
            [*summarize, "examples/iraq-rawa-ana.txt", "--date", "2014-06-22", "--format", "json", "-o", str(out)]
        )
        print(f"{'run':32} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'wall / peer':>12}")
        print(f"{'peer: the sample, one article':32} {peer[0]:8.1f} {peer[1]:8.1f} {peer[2]:8.0f} {1.0:12.1f}")
        for count in (int(n) for n in args.articles.split(",")):
            path = Path(scratch) / f"corpus-{count}.jsonl"
            corpus(path, count)
            wall, cpu, peak, _ = timed([*summarize, "--jsonl", str(path), "--format", "json", "-o", str(out)])
            dates = len(json.loads(out.read_text())["key_dates"] or [])
            print(
                f"{f'{count} articles ({dates} key dates)':32} {wall:8.1f} {cpu:8.1f} {peak:8.0f} {wall / peer[0]:12.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
