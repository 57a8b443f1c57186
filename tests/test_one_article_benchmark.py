"""benchmarks/one_article.py measures whole processes by the kernel's own accounting."""

from __future__ import annotations

import os
import sys

import pytest

from conftest import load_benchmark


def test_a_run_counts_the_childs_cpu_and_peak_memory() -> None:
    benchmark = load_benchmark("one_article")
    # A child that spends about 0.3 CPU s and holds about 100 MB: the figures are its own.
    busy = [
        sys.executable,
        "-c",
        "import time\nb = bytearray(100 * 2**20)\nb[::4096] = b'x' * len(b[::4096])\n"
        "end = time.process_time() + 0.3\nwhile time.process_time() < end: pass",
    ]
    run = benchmark.run_once(busy, dict(os.environ))
    assert 0.3 <= run.cpu < 3.0
    assert 100 <= run.peak_mb < 400
    assert run.wall >= 0.25


def test_a_failing_command_stops_the_benchmark_with_its_message() -> None:
    benchmark = load_benchmark("one_article")
    failing = [sys.executable, "-c", "import sys; sys.exit('no model here')"]
    with pytest.raises(SystemExit, match="exited 1: no model here"):
        benchmark.run_once(failing, dict(os.environ))
