"""``summarize analyze`` streams: its peak memory over 4N articles is that over N
(within 15%), in one process, with two workers and on a local Ray
(``benchmarks/streaming_memory.py``, which measures whole processes by the
kernel's accounting).

Each article is an HTML page holding 256 KB of comment (dropped when the page is
read), so that what holds lines or inputs shows: over the 288 lines more, a corpus
read whole adds 72 MB, and queued batches that are never bounded add as much to
the command that hands them out. N = 96 is six batches of 16, more than two
workers hold in flight (2 each), so both runs are past the pipeline's filling.
Reading the corpus whole (``list(handle)``) made the one-process run 1.26x, an
unbounded queue made the two-worker command 2.54x, and the Ray engine numbering
its rows with Ray Data's ``zip`` (which holds the whole corpus) made its largest
process 1.50x on a loaded machine (1.08x on a quiet one).
"""

from __future__ import annotations

import pytest

from conftest import ROOT, load_benchmark

pytestmark = pytest.mark.slow

BENCHMARK = load_benchmark("streaming_memory")
ARTICLES, PADDING_KB = 96, 256


@pytest.mark.parametrize("engine, workers", [("local", 1), ("local", 2), ("ray", 2)])
def test_peak_memory_does_not_grow_with_the_corpus(tmp_path, engine, workers):
    if engine == "ray":
        pytest.importorskip("ray", reason="pip install 'summarize[ray]'")
    records = BENCHMARK.corpus_records(ROOT / "examples" / "storm-ada.jsonl")
    small, large = BENCHMARK.compare(engine, workers, records, ARTICLES, tmp_path, padding_kb=PADDING_KB)
    # The lines the larger corpus adds would show, held: more than the 15% allowed.
    assert (BENCHMARK.LIMIT - 1) * small.peak_mb < 3 * ARTICLES * PADDING_KB / 1024
    assert large.peak_mb <= BENCHMARK.LIMIT * small.peak_mb, (small, large)
    assert large.command_mb <= BENCHMARK.LIMIT * small.command_mb, (small, large)
    # Both figures were taken: the command's own, and its workers' or Ray's processes.
    assert small.command_mb > 0 and (small.others_mb > 0) == (workers > 1 or engine == "ray")
