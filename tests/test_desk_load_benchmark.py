"""benchmarks/desk_load.py runs a real `summarize serve` and reports what it measured.
Its figures are the script's to report (timing is never asserted here): this checks
a tiny run's shape, that no request failed, and that the server shut down cleanly."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, load_benchmark

PHASE_KEYS = {
    "requests",
    "concurrency",
    "failures",
    "failure_examples",
    "p50_ms",
    "p95_ms",
    "max_ms",
    "wall_s",
    "throughput_rps",
    "sample_p50_ms",
    "list_p50_ms",
    "list_max_ms",
}


@pytest.mark.slow
def test_a_tiny_run_reports_every_figure_and_no_failure():
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/desk_load.py",
            "--requests",
            "4",
            "--concurrency",
            "2",
            "--sequential",
            "2",
            "--warm",
            "1",
            "--cli-runs",
            "1",
            "--corpus-articles",
            "1",
            "--json",
        ],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert set(report) == {"articles", "sequential", "concurrent", "cli", "ratios", "server_exit"}
    assert report["server_exit"] == 0
    # The sample, the other texts of shared/articles (none but the sample's own today) and one
    # corpus article; a checkout without shared/ beside it (CI's clean clone) has the sample only.
    shared = load_benchmark("common").find_shared("eval/cnndm-dev.jsonl").exists()
    assert report["articles"] >= (2 if shared else 1)
    for name, requests, concurrency in (("sequential", 2, 1), ("concurrent", 4, 2)):
        phase = report[name]
        assert set(phase) == PHASE_KEYS
        assert (phase["requests"], phase["concurrency"], phase["failures"]) == (requests, concurrency, 0), phase
        assert 0 < phase["p50_ms"] <= phase["p95_ms"] <= phase["max_ms"]
    assert report["sequential"]["list_p50_ms"] is None  # the list is probed only under concurrency
    assert report["concurrent"]["list_p50_ms"] > 0
    assert report["cli"]["runs"] == 1 and report["cli"]["median_s"] > 0
    assert set(report["ratios"]) == {
        "concurrent_p50_to_sequential_p50",
        "concurrent_to_sequential_throughput",
        "cli_to_warm_sample_p50",
    }


def test_percentiles_interpolate_between_ranks():
    benchmark = load_benchmark("desk_load")
    assert benchmark.percentile([0.4, 0.1, 0.3, 0.2], 0.5) == pytest.approx(0.25)
    assert benchmark.percentile(list(range(101)), 0.95) == pytest.approx(95)
    assert benchmark.percentile([7.0], 0.95) == 7.0
