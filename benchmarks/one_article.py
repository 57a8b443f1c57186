"""One article, cold: what a script that calls `summarize` once per article waits.

    .venv/bin/python benchmarks/one_article.py [--runs 7] [--json]

Each command is a whole new process (interpreter start, imports, model load, the
briefing, exit), run in turn with the peer, A B A B ..., after one warm-up run of
each that is not counted (it fills the page cache, as any second call finds it).
CPU time is user + sys of the finished process from its rusage, and peak memory is
its ``ru_maxrss`` (``benchmarks.common.measure``): the operating system's own
accounting, so neither the timer nor this script is counted. Medians are reported, and each command's ratio to
the peer `python -c "import torch"` measured pair by pair in the same run: the
machine is shared, so the ratio is the figure to compare between runs.

Commands: the sample as JSON (the issue's one-article run) and the sample in the six
formats of `make demo`, written into a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import measure  # noqa: E402

SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
DATE = "2014-06-22"
DEMO_FORMATS = "html,email,text,markdown,json,timelinejs"


class Run(NamedTuple):
    cpu: float  # user + sys seconds
    wall: float
    peak_mb: float


def run_once(command: list[str], env: dict[str, str]) -> Run:
    """One whole process; its CPU time and peak RSS as the kernel accounted them
    (``benchmarks.common.measure``)."""
    measured = measure(command, env=env, cwd=ROOT)
    if measured.code != 0:
        raise SystemExit(f"{' '.join(command)} exited {measured.code}: {measured.stderr.strip()[-500:]}")
    return Run(cpu=measured.cpu, wall=measured.wall, peak_mb=measured.peak_mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each command (default: 7)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object too")
    args = parser.parse_args()

    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    python = sys.executable
    peer = [python, "-c", "import torch"]
    with tempfile.TemporaryDirectory(prefix="one-article-") as out:
        commands = {
            "json": [python, "-m", "summarize", str(SAMPLE), "--date", DATE, "--format", "json"],
            "demo formats": [
                python,
                "-m",
                "summarize",
                str(SAMPLE),
                "--date",
                DATE,
                "--format",
                DEMO_FORMATS,
                "-o",
                out,
            ],
        }
        runs: dict[str, list[Run]] = {name: [] for name in (*commands, "peer")}
        ratios: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for command in (*commands.values(), peer):  # warm-up, not counted
            run_once(command, env)
        for _ in range(args.runs):
            for name, command in commands.items():
                ours, theirs = run_once(command, env), run_once(peer, env)
                runs[name].append(ours)
                runs["peer"].append(theirs)
                ratios[name].append((ours.cpu / theirs.cpu, ours.peak_mb / theirs.peak_mb))

    report: dict[str, dict[str, float]] = {}
    print(f"{args.runs} runs each, medians; peer: python -c 'import torch' (run between each of ours)")
    print(f"{'command':<14} {'CPU s':>7} {'wall s':>7} {'peak MB':>8} {'CPU/peer':>9} {'peak/peer':>10}")
    for name, measured in runs.items():
        figures = {
            "cpu_s": statistics.median(r.cpu for r in measured),
            "wall_s": statistics.median(r.wall for r in measured),
            "peak_mb": statistics.median(r.peak_mb for r in measured),
        }
        if name in ratios:
            figures["cpu_ratio"] = statistics.median(c for c, _ in ratios[name])
            figures["peak_ratio"] = statistics.median(p for _, p in ratios[name])
        report[name] = figures
        ratio = f"{figures['cpu_ratio']:>9.2f} {figures['peak_ratio']:>10.2f}" if name in ratios else ""
        print(f"{name:<14} {figures['cpu_s']:>7.2f} {figures['wall_s']:>7.2f} {figures['peak_mb']:>8.0f} {ratio}")
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
