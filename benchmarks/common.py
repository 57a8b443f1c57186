"""What the benchmark scripts share: where ``shared/`` is, reading its JSON Lines,
and the peak memory they report."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def find_shared(relative: str) -> Path:
    """``shared/<relative>`` in the nearest folder above the checkout that has it (a
    git worktree in ``wt/NAME`` sits a level deeper), else ``../shared/<relative>``."""
    for directory in REPO.parents:
        candidate = directory / "shared" / relative
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / relative


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON Lines file; blank lines are skipped."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def peak_rss_mb() -> float:
    """The process's peak resident set size in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
