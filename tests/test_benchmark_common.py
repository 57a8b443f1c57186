"""``benchmarks/common.py``'s ``measure``: a whole command and every process it
started, by the kernel's accounting."""

from __future__ import annotations

import os
import sys

from conftest import load_benchmark

COMMON = load_benchmark("common")
# A child that holds about 150 MB for a second, started by a parent that does not
# wait for it: an orphan, as Ray's processes are when the command ends.
HOLDS_150_MB = "import time\nb = bytearray(150 * 2**20)\nb[::4096] = b'x' * len(b[::4096])\ntime.sleep(1)"
ORPHANING = f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {HOLDS_150_MB!r}])\n"


def test_the_peak_counts_what_the_command_left_behind():
    measured = COMMON.measure([sys.executable, "-c", ORPHANING], env=dict(os.environ))
    assert measured.code == 0
    assert 150 <= measured.peak_mb < 400  # the orphan's, reaped by the launcher
    assert measured.command_mb < 100  # the command's own: an interpreter that started one process
    assert measured.wall < 1  # the command ended at once; its orphan is not timed


def test_the_peak_counts_a_child_whose_parent_ignores_sigchld():
    """As Ray's raylet does: the kernel reaps such a child at once and adds its
    rusage to nobody's; the samples of /proc count it."""
    ignoring = (
        "import signal, subprocess, sys, time\nsignal.signal(signal.SIGCHLD, signal.SIG_IGN)\n"
        f"subprocess.Popen([sys.executable, '-c', {HOLDS_150_MB!r}])\ntime.sleep(2)\n"
    )
    measured = COMMON.measure([sys.executable, "-c", ignoring], env=dict(os.environ))
    assert measured.code == 0
    assert 150 <= measured.peak_mb < 400 and 150 <= measured.others_mb < 400
    assert measured.command_mb < 100


def test_a_command_out_of_time_is_killed():
    measured = COMMON.measure([sys.executable, "-c", "import time; time.sleep(60)"], env=dict(os.environ), timeout=1)
    assert measured.code is None and 1 <= measured.wall < 10


def test_the_exit_code_and_standard_error_are_the_commands():
    measured = COMMON.measure([sys.executable, "-c", "import sys; sys.exit('no model here')"], env=dict(os.environ))
    assert measured.code == 1 and measured.stderr.strip() == "no model here"
