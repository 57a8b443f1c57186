"""The desk under load: one `summarize serve`, many one-article API requests at once.

    .venv/bin/python benchmarks/desk_load.py [--requests 50] [--concurrency 50]
        [--sequential 20] [--cli-runs 3] [--corpus-articles 3] [--json]

Starts one real `summarize serve` process (127.0.0.1, a free port, a SQLite file in a
temporary directory, the MiniLM model), warms it with a few requests, then in one run:

1. sequential: one `POST /api/briefings` of one article at a time, the warm
   single-article latency (the issue's target: p50 at most 300 ms on this machine);
2. concurrent: ``--requests`` of the same requests sent by ``--concurrency`` clients
   at once: failures (anything but 201 "done"), p50 and p95 latency, throughput, and
   meanwhile the latency of `GET /api/briefings` every 0.1 s (it needs no model: it
   stays fast unless briefing blocks the event loop or a write locks the database);
3. the peer: the same article briefed by the CLI as one whole process,
   `summarize examples/iraq-rawa-ana.txt --date 2014-06-22 --format json -o DIR`,
   the wait a script that calls the CLI per article has.

The articles are the sample (examples/iraq-rawa-ana.txt, dated 2014-06-22), the
other texts in shared/articles, and the first ``--corpus-articles`` of
shared/eval/cnndm-dev.jsonl, read at run time; requests cycle through them. The
client is the standard library's (one connection per request, as a pipeline's
curl would). The machine is shared: compare the ratios, which are measured in the
same run, rather than the milliseconds.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import find_shared, read_jsonl  # noqa: E402

SAMPLE = ROOT / "examples" / "iraq-rawa-ana.txt"
SAMPLE_DATE = "2014-06-22"
READY = re.compile(r"the briefing desk is at (http://127\.0\.0\.1:(\d+)/)")


class Reply(NamedTuple):
    seconds: float
    status: int
    error: str | None  # why it failed; None for a 201 "done"


def articles(corpus_articles: int) -> list[dict[str, Any]]:
    """The request bodies: the sample with its date, then the other articles."""
    sample = SAMPLE.read_text(encoding="utf-8")
    bodies = [{"texts": [sample], "date": SAMPLE_DATE}]
    seen = {sample.strip()}
    shared = find_shared("articles")
    for path in sorted(shared.glob("*.txt")) if shared.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        if text.strip() not in seen:
            seen.add(text.strip())
            bodies.append({"texts": [text]})
    corpus = find_shared("eval/cnndm-dev.jsonl")
    if corpus_articles and corpus.exists():
        bodies += [{"texts": [record["article"]]} for record in read_jsonl(corpus)[:corpus_articles]]
    return bodies


def post(port: int, body: dict[str, Any], timeout: float = 300) -> Reply:
    """One briefing request; its wall time from connecting to the last byte."""
    data = json.dumps(body).encode()
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/api/briefings", body=data, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        status = response.status
    except OSError as error:
        return Reply(time.perf_counter() - start, 0, f"{type(error).__name__}: {error}")
    finally:
        connection.close()
    seconds = time.perf_counter() - start
    if status != 201:
        return Reply(seconds, status, f"{status}: {text[:200]}")
    if json.loads(text).get("status") != "done":
        return Reply(seconds, status, f"201 but not done: {text[:200]}")
    return Reply(seconds, status, None)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (0-1), interpolated between the nearest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def get_list(port: int, timeout: float = 60) -> float:
    """Seconds for ``GET /api/briefings?limit=1`` (a read that needs no model)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/api/briefings?limit=1")
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"GET /api/briefings answered {response.status} under load")
    finally:
        connection.close()
    return time.perf_counter() - start


def phase(port: int, bodies: list[dict[str, Any]], requests: int, concurrency: int) -> dict[str, Any]:
    """``requests`` requests cycling through ``bodies``, ``concurrency`` at a time.
    With more than one at a time, a list request every 0.1 s meanwhile: it waits
    for nothing but the server, so if the model blocked the event loop, or a write
    locked the database, it would wait as long as a briefing."""
    chosen = [bodies[number % len(bodies)] for number in range(requests)]
    lists: list[float] = []
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(post, port, body) for body in chosen]
        while concurrency > 1 and not all(future.done() for future in futures):
            lists.append(get_list(port))
            time.sleep(0.1)
        replies = [future.result() for future in futures]
    wall = time.perf_counter() - start
    latencies = [reply.seconds for reply in replies]
    failures = [reply.error for reply in replies if reply.error is not None]
    return {
        "requests": requests,
        "concurrency": concurrency,
        "failures": len(failures),
        "failure_examples": failures[:3],
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "wall_s": round(wall, 3),
        "throughput_rps": round(requests / wall, 2),
        "list_p50_ms": round(statistics.median(lists) * 1000, 1) if lists else None,
        "list_max_ms": round(max(lists) * 1000, 1) if lists else None,
        # The sample's own latencies: the single-article figure.
        "sample_p50_ms": round(
            statistics.median(reply.seconds for reply, body in zip(replies, chosen) if body is bodies[0]) * 1000, 1
        ),
    }


class Server:
    """`summarize serve` in its own process on a free port, stopped on exit."""

    def __init__(self, directory: Path, env: dict[str, str]) -> None:
        self.log = (directory / "serve.log").open("w+b")
        command = [
            sys.executable,
            "-m",
            "summarize",
            "serve",
            "--port",
            "0",
            "--db",
            f"sqlite:///{directory / 'desk.sqlite3'}",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log
        )
        self.port = self._wait_ready(deadline=time.monotonic() + 120)

    def _wait_ready(self, deadline: float) -> int:
        while time.monotonic() < deadline:
            self.log.seek(0)
            found = READY.search(self.log.read().decode(errors="replace"))
            if found:
                return int(found.group(2))
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        self.log.seek(0)
        raise SystemExit(f"summarize serve did not start: {self.log.read().decode(errors='replace')[-800:]}")

    def stop(self) -> int:
        """Stop it as Ctrl-C does; its exit code (0: it shut down cleanly)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn finishes what is under way
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode


def cli_seconds(env: dict[str, str], out: Path, runs: int) -> list[float]:
    """Wall seconds of whole CLI processes briefing the sample as JSON."""
    command = [
        sys.executable,
        "-m",
        "summarize",
        str(SAMPLE),
        "--date",
        SAMPLE_DATE,
        "--format",
        "json",
        "-o",
        str(out),
    ]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        seconds.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"the CLI exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
    return seconds


def run(
    *, requests: int, concurrency: int, sequential: int, warm: int, cli_runs: int, corpus_articles: int
) -> dict[str, Any]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    bodies = articles(corpus_articles)
    with tempfile.TemporaryDirectory(prefix="desk-load-") as directory:
        server = Server(Path(directory), env)
        try:
            warmed = phase(server.port, bodies, max(warm, len(bodies)), 1)
            if warmed["failures"]:
                raise SystemExit(f"the desk failed while warming: {warmed['failure_examples']}")
            one_at_a_time = phase(server.port, bodies, sequential, 1)
            at_once = phase(server.port, bodies, requests, concurrency)
        finally:
            server_exit = server.stop()
        cli = cli_seconds(env, Path(directory) / "cli", cli_runs) if cli_runs else []
    report: dict[str, Any] = {
        "articles": len(bodies),
        "sequential": one_at_a_time,
        "concurrent": at_once,
        "server_exit": server_exit,
    }
    report["ratios"] = {
        "concurrent_p50_to_sequential_p50": round(at_once["p50_ms"] / one_at_a_time["p50_ms"], 2),
        "concurrent_to_sequential_throughput": round(at_once["throughput_rps"] / one_at_a_time["throughput_rps"], 2),
    }
    if cli:
        report["cli"] = {"runs": len(cli), "median_s": round(statistics.median(cli), 3)}
        report["ratios"]["cli_to_warm_sample_p50"] = round(
            statistics.median(cli) * 1000 / one_at_a_time["sample_p50_ms"], 1
        )
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="concurrent phase: requests in all (default: 50)")
    parser.add_argument("--concurrency", type=int, default=50, help="concurrent phase: clients at once (default: 50)")
    parser.add_argument("--sequential", type=int, default=20, help="sequential phase: requests (default: 20)")
    parser.add_argument(
        "--warm", type=int, default=4, help="requests before measuring (default: 4, at least one per article)"
    )
    parser.add_argument("--cli-runs", type=int, default=3, help="whole CLI processes of the peer (default: 3; 0: none)")
    parser.add_argument(
        "--corpus-articles",
        type=int,
        default=3,
        help="articles of shared/eval/cnndm-dev.jsonl among the requests (default: 3)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if min(args.requests, args.concurrency, args.sequential) < 1 or args.cli_runs < 0:
        parser.error("--requests, --concurrency and --sequential must be at least 1, --cli-runs at least 0")
    report = run(
        requests=args.requests,
        concurrency=args.concurrency,
        sequential=args.sequential,
        warm=args.warm,
        cli_runs=args.cli_runs,
        corpus_articles=args.corpus_articles,
    )
    if args.json:
        print(json.dumps(report))
        return
    print(f"one `summarize serve`, {report['articles']} articles, POST /api/briefings of one article each")
    print(
        f"{'phase':<12} {'requests':>8} {'at once':>7} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'sample p50':>10} {'req/s':>6} {'list p50/max ms':>16}"
    )
    for name in ("sequential", "concurrent"):
        figures = report[name]
        lists = f"{figures['list_p50_ms']:.0f}/{figures['list_max_ms']:.0f}" if figures["list_p50_ms"] else "-"
        print(
            f"{name:<12} {figures['requests']:>8} {figures['concurrency']:>7} {figures['failures']:>6} "
            f"{figures['p50_ms']:>8.0f} {figures['p95_ms']:>8.0f} {figures['sample_p50_ms']:>10.0f} "
            f"{figures['throughput_rps']:>6.2f} {lists:>16}"
        )
    for name in ("sequential", "concurrent"):
        for example in report[name]["failure_examples"]:
            print(f"  failed ({name}): {example}")
    if "cli" in report:
        print(
            f"peer: the CLI, one whole process per article: {report['cli']['median_s'] * 1000:.0f} ms "
            f"(median of {report['cli']['runs']})"
        )
    if report["server_exit"] != 0:
        print(f"the server exited {report['server_exit']} when stopped")
    print("ratios: " + ", ".join(f"{name} {value}" for name, value in report["ratios"].items()))


if __name__ == "__main__":
    main()
